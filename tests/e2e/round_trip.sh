#!/usr/bin/env bash
# Extract, then build with every target equal to its source and every value as written in the
# source (--verbatim): the output is the source, byte for byte, for Markdown and plain text.
source "$(dirname "$0")/lib.bash"
copy_project
rm -rf xliff memory
cp "$SOURCE_DIR/tests/data/tricky.md" workflow/tricky.md
cp "$SOURCE_DIR/tests/data/plain.txt" workflow/plain.txt
sed -i 's|^releases = .*|releases = workflow/idm-geneva-release.md workflow/tricky.md workflow/plain.txt|' workflow/relocale.ini
expect_exit 0 "$RELOCALE" extract --lang fr
expect_exit 0 "$RELOCALE" build --verbatim --lang fr --format md
for release in idm-geneva-release.md tricky.md plain.txt; do
  name=${release%.*}
  cmp "workflow/$release" "out/fr/$name.md" || { diff -u "workflow/$release" "out/fr/$name.md" | head -40 >&2; fail "$release does not round-trip"; }
done
# The same through XLIFF 1.2.
rm -rf xliff out memory
expect_exit 0 "$RELOCALE" extract --lang es --xliff-version 1.2
expect_exit 0 "$RELOCALE" build --verbatim --lang es --format md
for release in idm-geneva-release.md tricky.md plain.txt; do
  name=${release%.*}
  cmp "workflow/$release" "out/es/$name.md" || fail "$release does not round-trip through XLIFF 1.2"
done
