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
# -j/--jobs: how many files at once; the files are the same with one and with two.
for bad in 0 -1 abc 5000; do
  expect_exit 2 "$RELOCALE" extract -j "$bad"
  expect_in "$work/stderr" 'invalid value for option "--jobs"'
done
rm -rf xliff memory out
expect_exit 0 "$RELOCALE" extract --lang fr,de -j 1
cp -r xliff "$work/xliff-one"
rm -rf xliff memory
expect_exit 0 "$RELOCALE" extract --lang fr,de --jobs 2
diff -r "$work/xliff-one" xliff >/dev/null || fail "extract -j 2 wrote other files than -j 1"
# One release: build and check take its languages at once, with the same pages and report.
expect_exit 0 "$RELOCALE" build --lang fr,de -j 1
cp -r out "$work/out-one"
expect_exit 1 "$RELOCALE" check --lang fr,de -j 1 --format json
cp "$work/stdout" "$work/check-one.json"
rm -rf out
expect_exit 0 "$RELOCALE" build --lang fr,de -j 2
diff -r "$work/out-one" out >/dev/null || fail "build -j 2 wrote other pages than -j 1"
expect_exit 1 "$RELOCALE" check --lang fr,de -j 2 --format json
cmp -s "$work/check-one.json" "$work/stdout" || fail "check -j 2 reported otherwise than -j 1"
expect_exit 0 "$RELOCALE" extract --help
expect_in "$work/stdout" "-j [ --jobs ] N"
