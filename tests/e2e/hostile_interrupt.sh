#!/usr/bin/env bash
# Nothing is lost (issue 10): killing `relocale build` or `relocale extract` part-way leaves every
# existing output and XLIFF file intact, a failed build writes nothing for its language, and a
# second relocale process on the same project stops at once with the lock message.
source "$(dirname "$0")/hostile_lib.bash"

# A project big enough for a build to take a few seconds: four releases of ~150 KB.
big_release() {
  python3 - "$1" <<'PY'
import random, sys
random.seed(int(sys.argv[1]))
words = ("the forum opened in Geneva ministers spoke about inclusive migration policies experts "
         "followed report online delegates").split()
paragraphs, size = [], 0
while size < 150_000:
    p = " ".join(" ".join(random.choice(words) for _ in range(12)).capitalize() + "."
                 for _ in range(5))
    paragraphs.append(p)
    size += len(p) + 2
print("\n\n".join(paragraphs))
PY
}
new_project
for i in 1 2 3 4; do big_release "$i" >"workflow/big$i.md"; done
sed -i 's|^releases = .*|releases = workflow/news.md workflow/big1.md workflow/big2.md workflow/big3.md workflow/big4.md|' workflow/relocale.ini
expect_exit 0 "$RELOCALE" extract
expect_exit 0 "$RELOCALE" build
snapshot "$work/snapshots/built"

# interrupt SIGNAL DELAY COMMAND...: starts the command, sends SIGNAL after DELAY seconds (or as
# soon as a temporary file shows that it is writing), and waits for it.
interrupt() {
  local signal=$1 delay=$2; shift 2
  "$@" >/dev/null 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$(echo "$waited < $delay" | bc)" = 1 ]; do
    if [ -n "$(find out xliff memory -name '.*.tmp' 2>/dev/null | head -1)" ]; then break; fi
    sleep 0.05
    waited=$(echo "$waited + 0.05" | bc)
  done
  kill -s "$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# The same inputs give the same bytes, so any file the interrupted run touched must still have
# its old checksum: a half-written or truncated file would not.
for delay in 0.3 1 2 4; do
  interrupt TERM "$delay" "$RELOCALE" build
  expect_nothing_changed "$work/snapshots/built"
  no_temporaries
  interrupt INT "$delay" "$RELOCALE" extract
  expect_nothing_changed "$work/snapshots/built"
  no_temporaries
  # SIGKILL cannot be caught: a temporary file being written may stay behind (never under a
  # target's name), and the next run removes it when it takes the project's lock.
  interrupt KILL "$delay" "$RELOCALE" build
  snapshot "$work/snapshots/killed"  # every file but the temporaries as it was
  grep -Ev '/\.[^/]+\.[0-9]+\.[0-9]+\.tmp$' "$work/snapshots/killed" |
    diff -u "$work/snapshots/built" - >&2 || fail "a killed build changed a file (diff above)"
  : >xliff/fr/.big1.xlf.999999999.3.tmp  # as if a killed run had been writing it
  "$RELOCALE" build >/dev/null 2>&1 || fail "build after a SIGKILL failed"
  no_temporaries
  expect_nothing_changed "$work/snapshots/built"
done

# --- A failed build writes no partial outputs for its language --------------------------------
rm -rf out
printf '<?xml version="1.0"?>\n<xliff version="2.0"\n' >xliff/es/big3.xlf
expect_error "./xliff/es/big3.xlf:2:21: malformed XML: Error parsing start element tag" \
  "$RELOCALE" build big3 --lang es
expect_exit 2 "$RELOCALE" build --lang es
[ ! -e out/es/big3.html ] && [ ! -e out/es/big3.md ] && [ ! -e out/es/big3.txt ] ||
  fail "a partial output was written for the failed language"
no_temporaries

# --- Two processes: the second stops at once with the lock message ------------------------------
lock_error="./.relocale.lock: another relocale process is working on this project; wait for it to finish"
python3 -c 'import fcntl, time
f = open(".relocale.lock", "a")
fcntl.flock(f, fcntl.LOCK_EX)
time.sleep(60)' &
holder=$!
for _ in $(seq 100); do
  flock -n .relocale.lock true 2>/dev/null || break
  sleep 0.05
done
snapshot "$work/snapshots/before"
start=$(date +%s)
expect_error "$lock_error" "$RELOCALE" build
expect_error "$lock_error" "$RELOCALE" extract
[ $(( $(date +%s) - start )) -lt 10 ] || fail "the second process waited for the lock"
expect_nothing_changed "$work/snapshots/before"
kill "$holder"
wait "$holder" 2>/dev/null || true
# Two real relocale processes: the second is refused while the first works, and the first's
# outputs are complete.
git_restore_es() { rm -f xliff/es/big3.xlf; expect_exit 0 "$RELOCALE" extract --lang es; }
git_restore_es
"$RELOCALE" build >"$work/first.out" 2>&1 &
first=$!
# Wait until the first holds the lock, read from /proc/locks (probing with flock would take the
# lock for an instant and could make the first build fail).
for _ in $(seq 500); do
  grep -qE "FLOCK +ADVISORY +WRITE +$first " /proc/locks && break
  sleep 0.02
done
if kill -0 "$first" 2>/dev/null; then
  expect_error "$lock_error" "$RELOCALE" build
fi
wait "$first" || fail "the first build failed: $(cat "$work/first.out")"
no_temporaries
