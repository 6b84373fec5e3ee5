#!/usr/bin/env bash
# Files written by `relocale extract` are valid against the official OASIS schemas: XLIFF 2.0
# (xliff_core_2.0.xsd) and XLIFF 1.2 (xliff-core-1.2-strict.xsd, with each CAT profile), on the
# sample release and on tests/data/tricky.md. Exit 77 (skipped) when the schemas are absent.
source "$(dirname "$0")/lib.bash"
schemas="$SOURCE_DIR/tests/data/schemas"
if [ ! -f "$schemas/xliff_core_2.0.xsd" ] || [ ! -f "$schemas/xliff-core-1.2-strict.xsd" ]; then
  echo "SKIP: the XLIFF schemas are not in $schemas"; exit 77
fi
command -v xmllint >/dev/null || { echo "SKIP: xmllint (libxml2-utils) is not installed"; exit 77; }
copy_project
rm -rf xliff memory
cp "$SOURCE_DIR/tests/data/tricky.md" workflow/tricky.md
sed -i 's|^releases = .*|releases = workflow/idm-geneva-release.md workflow/tricky.md|' workflow/relocale.ini
validate() {  # validate SCHEMA FILE...
  local schema=$1; shift
  xmllint --noout --nonet --schema "$schemas/$schema" "$@" >"$work/xmllint" 2>&1 \
    || { cat "$work/xmllint" >&2; fail "not valid against $schema: $*"; }
}
expect_exit 0 "$RELOCALE" extract --lang fr
# tricky.md's 31/02/2026 is a warning, kept in the file's skeleton: valid there too.
expect_in xliff/fr/tricky.xlf '<rl:warning unit="'
validate xliff_core_2.0.xsd xliff/fr/idm-geneva-release.xlf xliff/fr/tricky.xlf
expect_exit 0 "$RELOCALE" extract --lang es --xliff-version 1.2
validate xliff-core-1.2-strict.xsd xliff/es/idm-geneva-release.xlf xliff/es/tricky.xlf
# Targets, states and candidates too: pseudo-translate, then validate both versions again.
expect_exit 0 "$RELOCALE" pseudo --lang fr
expect_exit 0 "$RELOCALE" pseudo --lang es
validate xliff_core_2.0.xsd xliff/fr/idm-geneva-release.xlf xliff/fr/tricky.xlf
validate xliff-core-1.2-strict.xsd xliff/es/idm-geneva-release.xlf xliff/es/tricky.xlf
# Each CAT profile's 1.2 file.
for profile in omegat trados memoq; do
  rm -rf xliff/de
  printf '\n[lang.de]\nxliff-version = 1.2\ncat-profile = %s\n' "$profile" >> workflow/relocale.ini
  expect_exit 0 "$RELOCALE" extract --lang de
  validate xliff-core-1.2-strict.xsd xliff/de/idm-geneva-release.xlf xliff/de/tricky.xlf
  sed -i '/^\[lang.de\]/,$d' workflow/relocale.ini
done
