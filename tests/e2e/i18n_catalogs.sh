#!/usr/bin/env bash
# Every message in the code has a translation in French, Spanish and Arabic (issue 8).
#
# The template is extracted afresh from the current sources, with the keywords and flags that
# cmake/Gettext.cmake gives xgettext, so a message added to the code without running `pot` and
# `update-po` still fails here. Each catalog is merged with that template into a temporary file and
# must then have no untranslated and no fuzzy message. The committed catalogs must also pass
# `msgfmt --check`, and every translation must keep the source's {N} placeholders, --options and
# <element> names.
source "$(dirname "$0")/lib.bash"
for tool in xgettext msgmerge msgfmt msgattrib python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
: "${BUILD_DIR:?run through ctest}"
cd "$SOURCE_DIR"
required_languages="fr es ar"

# The template, from the same inputs as the `pot` target: sources, headers and the keys that
# cmake/Gettext.cmake lists for run-time translation (written at configure time).
runtime="$BUILD_DIR/i18n_runtime_messages.cpp"
[ -f "$runtime" ] || fail "$runtime is missing: configure the build first"
mapfile -t options < <(grep -oE -- '--(keyword|flag)=[^ )]+' cmake/Gettext.cmake)
[ "${#options[@]}" -ge 4 ] || fail "no xgettext keywords found in cmake/Gettext.cmake"
mapfile -t sources < <(find src/relocale src/cli -name '*.cpp' -o -name '*.h' | LC_ALL=C sort)
xgettext --from-code=UTF-8 --language=C++ "${options[@]}" --package-name=relocale \
  -o "$work/relocale.pot" "${sources[@]}" "$runtime"
messages=$(msgattrib --no-obsolete "$work/relocale.pot" | grep -c '^msgid ' || true)
messages=$((messages - 1))  # the header
[ "$messages" -gt 100 ] || fail "only $messages messages extracted: is the extraction broken?"
echo "$messages messages in the code"

status=0
for po in locales/po/*.po; do
  msgfmt --check -o /dev/null "$po" || { echo "FAIL: msgfmt --check $po" >&2; status=1; }
done

for lang in $required_languages; do
  [ -f "locales/po/$lang.po" ] || { echo "FAIL: locales/po/$lang.po is missing" >&2; status=1; }
done
# Every catalog is checked for its tokens; the required ones must also be complete (the others,
# e.g. ru and zh, fall back to English for what they lack).
for po in locales/po/*.po; do
  lang=$(basename "$po" .po)
  msgmerge --quiet --no-wrap "$po" "$work/relocale.pot" -o "$work/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
  echo "$lang: $stats"
  if [[ " $required_languages " == *" $lang "* ]] && grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    echo "FAIL: $po lacks translations (run the pot and update-po targets, then translate):" >&2
    msgattrib --no-wrap --no-obsolete --untranslated "$work/$lang.po" | grep -E '^(msgctxt|msgid) ' \
      | grep -v '^msgid ""$' | head -20 >&2 || true
    msgattrib --no-wrap --no-obsolete --only-fuzzy "$work/$lang.po" | grep -E '^(msgctxt|msgid) ' \
      | grep -v '^msgid ""$' | sed 's/^/(fuzzy) /' | head -20 >&2 || true
    status=1
  fi
  # Every translation keeps the tokens a program or a user types: {N}, --options, <elements>.
  python3 - "$work/$lang.po" <<'PY' || status=1
import re, sys

def unquote(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s[1:-1])

entries, entry, field = [], {}, None
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('#~'):
        continue
    if not line.strip():
        if entry: entries.append(entry)
        entry, field = {}, None
        continue
    if line.startswith('#,') and 'fuzzy' in line:
        entry['fuzzy'] = True  # reported above; its msgstr belongs to an older msgid
    if line.startswith('#'):
        continue
    m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
    if m:
        field = m.group(1); entry[field] = unquote(m.group(2))
    elif line.startswith('"') and field:
        entry[field] += unquote(line)
if entry: entries.append(entry)

TOKENS = re.compile(r'\{\d+\}|(?<![\w-])--[a-z][a-z0-9-]*|</?[A-Za-z{][^<>\s]*>')
bad = 0
for e in entries:
    if not e.get('msgid') or e.get('fuzzy'):
        continue
    want = set(TOKENS.findall(e['msgid'] + ' ' + e.get('msgid_plural', '')))
    forms = [v for k, v in e.items() if k.startswith('msgstr')]
    got = set().union(*(set(TOKENS.findall(f)) for f in forms))
    # A plural form may leave out the count ("one segment"), but the last form is the general one.
    last = set(TOKENS.findall(forms[-1])) if forms else set()
    missing = (want - last) if 'msgid_plural' in e else (want - got)
    extra = got - want
    if forms and all(forms) and (missing or extra):
        bad += 1
        print('FAIL: %s: %r: %s%s' % (sys.argv[1].rsplit('/', 1)[-1], e['msgid'][:70],
              ' missing ' + ' '.join(sorted(missing)) if missing else '',
              ' added ' + ' '.join(sorted(extra)) if extra else ''), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
exit $status
