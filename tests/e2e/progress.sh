#!/usr/bin/env bash
# Progress (issue 9): on a terminal, a long run shows files done of total, the rate and the time
# left, and a single big release shows how far into it extract is; the line is cleared before
# the results are printed. Off a terminal nothing of it is printed.
source "$(dirname "$0")/lib.bash"
command -v script >/dev/null || { echo "script (util-linux) not found: skipped"; exit 77; }
script -qec true /dev/null >/dev/null 2>&1 || { echo "no pseudo-terminal here: skipped"; exit 77; }
copy_project
rm -rf xliff memory out
sample=workflow/idm-geneva-release.md

# Twenty releases, copies of the sample.
list=""
for i in $(seq -w 1 20); do
  cp "$sample" "workflow/copy-$i.md"
  list="$list workflow/copy-$i.md"
done
sed -i "s|^releases = .*|releases =$list|" workflow/relocale.ini

# on_terminal CODE COMMAND...: runs the command with a terminal as its stdout and stderr,
# requires its exit code, and keeps what the terminal got in $work/terminal.
on_terminal() {
  local want=$1 quoted got=0
  shift
  quoted=$(printf '%q ' "$@")
  script -qec "$quoted" /dev/null >"$work/terminal" 2>&1 || got=$?
  [ "$got" = "$want" ] || { cat "$work/terminal" >&2; fail "'$*' exited $got on a terminal, expected $want"; }
}

on_terminal 0 "$RELOCALE" extract
expect_in "$work/terminal" "of 20 files, "
expect_in "$work/terminal" " files/s, "
expect_in "$work/terminal" " s left"
# The last progress line is cleared before the results: none of them shares its line.
expect_in "$work/terminal" "20 of 20 files"
if tr '\r' '\n' <"$work/terminal" | grep -q "s left.*xliff/"; then
  fail "a result was printed on the progress line"
fi
on_terminal 0 "$RELOCALE" build --lang fr
expect_in "$work/terminal" "of 40 files, "
# Nothing is translated: the gate fails (exit 1), and shows its progress first.
on_terminal 1 "$RELOCALE" check --lang fr
expect_in "$work/terminal" "of 20 files, "

# Off a terminal: the same commands print no progress.
rm -rf xliff memory out
expect_exit 0 "$RELOCALE" extract
expect_not_in "$work/stderr" "files/s"
expect_not_in "$work/stdout" "files/s"
expect_exit 0 "$RELOCALE" build --lang fr
expect_not_in "$work/stderr" "files/s"

# One big release (about 1.6 MB, read in parts): how many megabytes of it are done.
{
  sed -n '1,/^---$/p' "$sample" | sed -n '1,4p'
  body=$(sed '1,4d' "$sample")
  for _ in $(seq 300); do printf '%s\n\n' "$body"; done
} >workflow/big.md
sed -i "s|^releases = .*|releases = workflow/big.md|" workflow/relocale.ini
rm -rf xliff memory out
on_terminal 0 "$RELOCALE" extract --lang fr
expect_in "$work/terminal" " MB/s, "
expect_in "$work/terminal" " s left"
expect_in "$work/terminal" "xliff/fr/big.xlf: kept 0"
if tr '\r' '\n' <"$work/terminal" | grep -q "s left.*xliff/"; then
  fail "a result was printed on the progress line"
fi
# The same release off a terminal: nothing but the result.
rm -rf xliff memory
expect_exit 0 "$RELOCALE" extract --lang fr
expect_not_in "$work/stderr" "MB/s"
echo "progress: ok"
