# Shared by the end-to-end tests: a copy of the project in a temporary folder, and assertions.
# RELOCALE (the built binary) and SOURCE_DIR come from CTest.
set -euo pipefail
: "${RELOCALE:?run through ctest}" "${SOURCE_DIR:?run through ctest}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the sample project (workflow/, locales/, xliff/) in $work/project.
copy_project() {
  mkdir -p "$work/project"
  cp -r "$SOURCE_DIR/workflow" "$SOURCE_DIR/locales" "$work/project/"
  if [ -d "$SOURCE_DIR/xliff" ]; then cp -r "$SOURCE_DIR/xliff" "$work/project/"; fi
  if [ -d "$SOURCE_DIR/memory" ]; then cp -r "$SOURCE_DIR/memory" "$work/project/"; fi
  cd "$work/project"
}

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE COMMAND...: runs the command, requires its exit code, keeps stdout/stderr.
expect_exit() {
  local want=$1; shift
  set +e
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  set -e
  [ "$got" = "$want" ] || { cat "$work/stdout" "$work/stderr" >&2; fail "'$*' exited $got, expected $want"; }
}

# expect_in FILE TEXT: the file contains the text (fixed string).
expect_in() {
  grep -qF -- "$2" "$1" || { echo "--- $1:" >&2; head -c 3000 "$1" >&2; fail "'$2' not found in $1"; }
}
expect_not_in() {
  if grep -qF -- "$2" "$1"; then fail "'$2' unexpectedly found in $1"; fi
}
