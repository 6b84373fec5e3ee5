#!/usr/bin/env bash
# relocale speaks the user's language (issue 8): LANGUAGE chooses the catalog, as in any gettext
# program. The expected texts are those of locales/po/{fr,ar,es}.po; the plural forms are the ones
# the catalogs' Plural-Forms pick (French: 1 singular, 3 plural; Arabic: 1 → form 1, 3 → form 3,
# 11 → form 4). Machine-read reports keep their English keys whatever the language.
source "$(dirname "$0")/lib.bash"
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
copy_project

# The sample project passes in English; under French the table is French, English words gone.
LANGUAGE=fr expect_exit 1 "$RELOCALE" check
for text in "communiqué" "langue" "mots" "seuil" "résultat" "réussi" "ÉCHEC" "100% révisé"; do
  expect_in "$work/stdout" "$text"
done
expect_not_in "$work/stdout" "threshold"
expect_not_in "$work/stdout" " pass"
LANGUAGE=ar expect_exit 1 "$RELOCALE" check
for text in "البيان" "اللغة" "العتبة" "النتيجة" "نجاح" "فشل" "100% مترجَم"; do
  expect_in "$work/stdout" "$text"
done

# Plurals: paragraphs added to the release are units the XLIFF files do not have yet.
release=workflow/idm-geneva-release.md
cp "$release" "$work/release.md"
add_paragraphs() {
  cp "$work/release.md" "$release"
  for i in $(seq "$1"); do printf '\nA paragraph added for the test, number %s.\n' "$i" >>"$release"; done
}
add_paragraphs 1
LANGUAGE=fr expect_exit 1 "$RELOCALE" check
expect_in "$work/stdout" "le communiqué a 1 unité absente de ce fichier XLIFF ; lancez relocale extract"
LANGUAGE=ar expect_exit 1 "$RELOCALE" check
expect_in "$work/stdout" "في البيان وحدة واحدة غير موجودة في ملف XLIFF هذا"
add_paragraphs 3
LANGUAGE=fr expect_exit 1 "$RELOCALE" check
expect_in "$work/stdout" "le communiqué a 3 unités absentes de ce fichier XLIFF ; lancez relocale extract"
LANGUAGE=ar expect_exit 1 "$RELOCALE" check
expect_in "$work/stdout" "في البيان 3 وحدات غير موجودة في ملف XLIFF هذا"
expect_in "$work/stdout" "خطأ"
add_paragraphs 11
LANGUAGE=ar expect_exit 1 "$RELOCALE" check
expect_in "$work/stdout" "في البيان 11 وحدة غير موجودة في ملف XLIFF هذا"
cp "$work/release.md" "$release"

# Errors, in one line, in the user's language.
LANGUAGE=fr expect_exit 2 "$RELOCALE" check no-such-release
expect_in "$work/stderr" "le communiqué « no-such-release » ne fait pas partie du projet"
LANGUAGE=ar expect_exit 2 "$RELOCALE" check no-such-release
expect_in "$work/stderr" "البيان «no-such-release» ليس ضمن المشروع"
LANGUAGE=fr expect_exit 2 "$RELOCALE" check --format pdf
expect_in "$work/stderr" "--format : format inconnu « pdf »"
LANGUAGE=ar expect_exit 2 "$RELOCALE" check --format pdf
expect_in "$work/stderr" "--format: صيغة غير معروفة «pdf»"
[ "$(wc -l <"$work/stderr")" = 1 ] || fail "more than one line of error"

# Help in Spanish; LANGUAGE is a list, the first language with a catalog wins.
LANGUAGE=es expect_exit 0 "$RELOCALE" --help
expect_in "$work/stdout" "Uso: relocale ORDEN [OPCIONES] [ARGUMENTOS]"
expect_in "$work/stdout" "Órdenes:"
LANGUAGE=xx:es expect_exit 0 "$RELOCALE" check --help
expect_in "$work/stdout" "Uso: relocale check"
# LC_ALL works too when LANGUAGE is unset (and the locale exists), and C means English.
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  LC_ALL=fr_FR.UTF-8 expect_exit 0 "$RELOCALE" --help
  expect_in "$work/stdout" "Usage : relocale COMMANDE"
fi
LC_ALL=C LANG=C expect_exit 0 "$RELOCALE" --help
expect_in "$work/stdout" "Usage: relocale COMMAND [OPTIONS] [ARGS]"

# Machine-read output stays English: the JSON report has the same keys under French and C.
if "$RELOCALE" check --help | grep -q json; then
  LANGUAGE=C expect_exit 1 "$RELOCALE" check --format json
  cp "$work/stdout" "$work/en.json"
  LANGUAGE=fr expect_exit 1 "$RELOCALE" check --format json
  cp "$work/stdout" "$work/fr.json"
  python3 - "$work/en.json" "$work/fr.json" <<'PY' || fail "JSON keys differ under LANGUAGE=fr"
import json, sys

def keys(value, path=''):
    if isinstance(value, dict):
        return {path + '/' + k for k in value} | set().union(*(keys(v, path + '/' + k) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(set(), *(keys(v, path + '[]') for v in value))
    return set()

english, french = (keys(json.load(open(p, encoding='utf-8'))) for p in sys.argv[1:3])
assert english == french, sorted(english ^ french)
assert all(k.isascii() for k in french), sorted(k for k in french if not k.isascii())
for required in ('/passed', '/languages', '/languages[]/lang', '/languages[]/segments'):
    assert required in french, required
PY
fi

# Installed: the catalogs go to share/locale/<lang>/LC_MESSAGES and the installed binary uses them.
if command -v cmake >/dev/null && [ -n "${BUILD_DIR:-}" ]; then
  cmake --install "$BUILD_DIR" --prefix "$work/prefix" >/dev/null
  for lang in fr es ar; do
    [ -f "$work/prefix/share/locale/$lang/LC_MESSAGES/relocale.mo" ] || fail "$lang catalog not installed"
  done
  LANGUAGE=fr expect_exit 2 "$work/prefix/bin/relocale" check no-such-release
  expect_in "$work/stderr" "le communiqué « no-such-release » ne fait pas partie du projet"
fi

# GitHub annotations and JUnit keep their English commands, element names and check ids; only
# the message text is French.
add_paragraphs 3
if "$RELOCALE" check --help | grep -q github; then
  LANGUAGE=fr expect_exit 1 "$RELOCALE" check --format github
  expect_in "$work/stdout" "::error file=xliff/fr/idm-geneva-release.xlf,title=stale-source::"
  expect_in "$work/stdout" "le communiqué a 3 unités absentes"
  LANGUAGE=fr expect_exit 1 "$RELOCALE" check --format junit
  expect_in "$work/stdout" '<testsuites name="relocale check"'
  expect_in "$work/stdout" 'name="completeness"'
fi
cp "$work/release.md" "$release"

# extract's warnings about a release are kept in its files and given again when the release has
# not changed, in the language of the run that gives them, not of the run that found them.
printf '\nThe deadline written as 31/02/2018 is no date at all.\n' >>"$release"
expect_exit 0 "$RELOCALE" extract --lang fr
expect_in "$work/stderr" '"31/02/2018" looks like a date but is not a valid one: left as text'
expect_in xliff/fr/idm-geneva-release.xlf 'doubt="invalid-date">31/02/2018</rl:warning>'
LANGUAGE=fr expect_exit 0 "$RELOCALE" extract --lang fr
expect_in "$work/stderr" "« 31/02/2018 » ressemble à une date mais n'est pas une date valide : laissé tel quel"
expect_not_in "$work/stderr" "looks like a date"
LANGUAGE=fr expect_exit 0 "$RELOCALE" build --lang fr
expect_in "$work/stderr" "« 31/02/2018 » ressemble à une date mais n'est pas une date valide"
cp "$work/release.md" "$release"
