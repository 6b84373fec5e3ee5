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
expect_in "$work/stderr" 'unknown option "--no-such-option"; --help lists the options'
[ "$(wc -l < "$work/stderr")" = 1 ] || fail "more than one line of error"
expect_exit 2 "$RELOCALE" build --formt html
expect_in "$work/stderr" 'relocale build: error: unknown option "--formt"; did you mean "--format"?'
expect_exit 2 "$RELOCALE" build --formt=html
expect_in "$work/stderr" 'unknown option "--formt"; did you mean "--format"?'
expect_exit 2 "$RELOCALE" build --format
expect_in "$work/stderr" 'option "--format" needs a value'
expect_exit 2 "$RELOCALE" build --verbatim=yes
expect_in "$work/stderr" 'option "--verbatim" takes no value'
expect_exit 2 "$RELOCALE" build --lang fr --lang de
expect_in "$work/stderr" 'option "--lang" is given more than once'
# In the user's language, like every other message.
LANG=C.UTF-8 LANGUAGE=fr expect_exit 2 "$RELOCALE" build --formt html
expect_in "$work/stderr" 'option inconnue « --formt » ; vouliez-vous dire « --format » ?'
expect_exit 2 "$RELOCALE" build --format pdf
expect_in "$work/stderr" 'unknown output format "pdf"'
expect_exit 2 "$RELOCALE" extract no-such-release
expect_in "$work/stderr" 'release "no-such-release" is not in the project'
expect_exit 2 "$RELOCALE" check --config /nonexistent/relocale.ini
expect_in "$work/stderr" "/nonexistent/relocale.ini: no project configuration here"
