#!/usr/bin/env bash
# The sample project builds in six languages, and its values come out in each language's
# conventions (CLDR via ICU, libphonenumber): the dates (08/10), (09/10), 26 and 27 March and
# December, the number 300, the phone number, the e-mail and the URL.
source "$(dirname "$0")/lib.bash"
copy_project
expect_exit 0 "$RELOCALE" build
for lang in en fr es ar ru zh; do
  for ext in html md txt; do
    [ -s "out/$lang/idm-geneva-release.$ext" ] || fail "out/$lang/idm-geneva-release.$ext missing"
  done
done
# English is the source as written.
cmp workflow/idm-geneva-release.md out/en/idm-geneva-release.md || fail "the English release is not the source"

txt() { echo "out/$1/idm-geneva-release.txt"; }
NNBSP=$'\u202f'
# French: long dates without year, NNBSP inside « » and before : ; phone in international format.
expect_in "$(txt fr)" "(8 octobre)"
expect_in "$(txt fr)" "(9 octobre)"
expect_in "$(txt fr)" "26 et 27 mars"
expect_in "$(txt fr)" "décembre"
expect_in "$(txt fr)" "plus de 300 participants"
expect_in "$(txt fr)" "«${NNBSP}"
expect_in "$(txt fr)" "+41 22 717 94 68"
expect_in "$(txt fr)" "asamri@iom.int"
expect_in "$(txt fr)" "https://www.iom.int/towards-effective-migration-governance-partnerships-capacity-development"
# Spanish.
expect_in "$(txt es)" "(8 de octubre)"
expect_in "$(txt es)" "(9 de octubre)"
expect_in "$(txt es)" "26 y 27 de marzo"
expect_in "$(txt es)" "diciembre"
expect_in "$(txt es)" "+41 22 717 94 68"
# Arabic: Arabic-Indic digits, right-to-left page, left-to-right runs isolated.
expect_in "$(txt ar)" "(٨ أكتوبر)"
expect_in "$(txt ar)" "(٩ أكتوبر)"
expect_in "$(txt ar)" "٣٠٠"
expect_in "$(txt ar)" "ديسمبر"
expect_in "$(txt ar)" "٢٦ و٢٧ مارس"
expect_in "$(txt ar)" $'\u2066+41 22 717 94 68\u2069'
expect_in "$(txt ar)" $'\u2066asamri@iom.int\u2069'
expect_in out/ar/idm-geneva-release.html '<html lang="ar" dir="rtl">'
expect_in out/ar/idm-geneva-release.html "<bdi dir=\"ltr\">+41 22 717 94 68</bdi>"
expect_in out/fr/idm-geneva-release.html '<html lang="fr" dir="ltr">'
# Russian (partial): translated part in Russian conventions, the rest falls back to the source
# exactly as written.
expect_in "$(txt ru)" "(8 октября)"
expect_in "$(txt ru)" "Today (09/10)"
# Chinese (partial): no space between Chinese sentences.
expect_in "$(txt zh)" "（10月8日）"
expect_in "$(txt zh)" "Tel: +41227179468"  # untranslated: as written
expect_not_in "$(txt zh)" "。 "
