#!/usr/bin/env bash
# Every command has --help; bad arguments give one clear line and exit 2.
source "$(dirname "$0")/lib.bash"
expect_exit 0 "$RELOCALE" --version
expect_in "$work/stdout" "relocale "
expect_exit 0 "$RELOCALE" --help
for command in extract build check segment validate; do
  expect_in "$work/stdout" "$command"
done
for command in extract build check segment validate; do
  expect_exit 0 "$RELOCALE" "$command" --help
  expect_in "$work/stdout" "Usage: relocale $command"
done
expect_exit 2 "$RELOCALE" extrct
expect_in "$work/stderr" 'unknown command "extrct"; did you mean "extract"?'
[ "$(wc -l < "$work/stderr")" = 1 ] || fail "more than one line of error"
copy_project
expect_exit 2 "$RELOCALE" build --no-such-option
expect_in "$work/stderr" "no-such-option"
[ "$(wc -l < "$work/stderr")" = 1 ] || fail "more than one line of error"
expect_exit 2 "$RELOCALE" build --format pdf
expect_in "$work/stderr" 'unknown output format "pdf"'
expect_exit 2 "$RELOCALE" extract no-such-release
expect_in "$work/stderr" 'release "no-such-release" is not in the project'
expect_exit 2 "$RELOCALE" check --config /nonexistent/relocale.ini
expect_in "$work/stderr" "/nonexistent/relocale.ini: no project configuration here"
