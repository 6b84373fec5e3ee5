# Shared by the hostile_*.sh end-to-end tests: a small project of our own (not the sample, so that
# the tests do not depend on its translations), snapshots of every file, and error assertions.
source "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

# new_project [RELEASE_TEXT]: $work/project with workflow/news.md, target languages fr and es,
# extracted and built once (the "existing files" a bad run must leave intact).
new_project() {
  rm -rf "$work/project"
  mkdir -p "$work/project/workflow"
  cp -r "$SOURCE_DIR/locales" "$work/project/"
  cd "$work/project"
  cat >workflow/relocale.ini <<'INI'
[project]
source-lang = en
target-langs = fr es
releases = workflow/news.md
formats = html md txt
INI
  if [ $# -gt 0 ]; then
    printf '%s' "$1" >workflow/news.md
  else
    printf -- '---\ntitle: Migration forum opens\n---\n\nThe forum opened in Geneva. It lasts two days.\n\nMinisters spoke about *inclusive* policies. Experts followed.\n\nThe report is online.\n' >workflow/news.md
  fi
  expect_exit 0 "$RELOCALE" extract
  expect_exit 0 "$RELOCALE" build
}

# snapshot FILE: checksums of every file in $work (project and around it), lock file aside.
snapshot() {
  (cd "$work" && find . -path ./snapshots -prune -o -type f ! -name .relocale.lock \
    ! -name stdout ! -name stderr -print0 | sort -z | xargs -0 -r sha256sum) >"$1"
}

# expect_nothing_changed BEFORE: the same files with the same bytes as in the snapshot.
expect_nothing_changed() {
  local now="$work/snapshots/now"
  snapshot "$now"
  diff -u "$1" "$now" >&2 || fail "files were written, changed or removed (diff above)"
}

# expect_error TEXT COMMAND...: exit 2 and exactly one line on stderr, "relocale: error: TEXT".
expect_error() {
  local text=$1; shift
  expect_exit 2 "$@"
  local got
  got=$(cat "$work/stderr")
  [ "$got" = "relocale: error: $text" ] ||
    fail "stderr of '$*' is
  $got
expected
  relocale: error: $text"
}

# no_temporaries: no `.<name>.<pid>.<n>.tmp` file left anywhere in $work.
no_temporaries() {
  local left
  left=$(find "$work" -name '.*.tmp' | head -5)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}
mkdir -p "$work/snapshots"
