#!/usr/bin/env bash
# Interoperability with Translate Toolkit (Debian's translate-toolkit). pocount counts one string
# per <trans-unit> (a relocale unit, i.e. a block), relocale check one per segment (a sentence):
# the units are compared with the trans-units of the file, the source words within 2 % (the two
# tools split words differently around punctuation and numbers; see docs/cat-tools.md). Then a
# file written back by pomerge (relocale's 1.2 file as template, a PO made by xliff2po) imports,
# and a multi-sentence unit whose mrk segmentation pomerge dropped is refused naming its unit.
source "$(dirname "$0")/lib.bash"
for tool in pocount xliff2po pomerge; do
  command -v $tool >/dev/null || { echo "SKIP: $tool (translate-toolkit) is not installed"; exit 77; }
done
copy_project
rm -rf xliff memory
cp "$SOURCE_DIR/tests/data/plain.txt" workflow/plain.txt
sed -i 's|^releases = .*|releases = workflow/idm-geneva-release.md workflow/plain.txt|' workflow/relocale.ini
expect_exit 0 "$RELOCALE" extract --lang es --xliff-version 1.2
xlf=xliff/es/idm-geneva-release.xlf
units=$(grep -c '<trans-unit ' "$xlf")
counts=$(pocount --csv "$xlf" | tail -1 | tr -d ' ')
strings=$(echo "$counts" | cut -d, -f9)
tt_words=$(echo "$counts" | cut -d, -f10)
[ "$strings" = "$units" ] || fail "pocount counts $strings strings, the file has $units units"
expect_exit 1 "$RELOCALE" check --lang es idm-geneva-release
rl_words=$(sed -n 's/.* of \([0-9]*\) words;.*/\1/p' "$work/stdout")
[ -n "$rl_words" ] || fail "no word count in: $(cat "$work/stdout")"
diff=$(( tt_words > rl_words ? tt_words - rl_words : rl_words - tt_words ))
[ $(( diff * 50 )) -le "$rl_words" ] || fail "pocount counts $tt_words words, relocale $rl_words"
echo "pocount: $strings units, $tt_words words; relocale: $rl_words words"

# A round trip through PO with Translate Toolkit: translate the single-sentence units only.
cp xliff/es/plain.xlf "$work/template.xlf"
xliff2po --progress=none "$work/template.xlf" "$work/plain.po"
python3 - "$work/plain.po" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('msgid "A plain text release"\nmsgstr ""',
                    'msgid "A plain text release"\nmsgstr "Un comunicado en texto plano"')
open(path, "w", encoding="utf-8").write(text)
PY
pomerge --progress=none -t "$work/template.xlf" -i "$work/plain.po" -o xliff/es/plain.xlf
expect_exit 0 "$RELOCALE" build --lang es --format md plain
expect_in out/es/plain.md "Un comunicado en texto plano"
expect_exit 1 "$RELOCALE" check --lang es plain
expect_in "$work/stdout" "1 of 5 segments translated"
# Now a unit of two sentences: pomerge writes its target without <mrk mtype="seg">.
python3 - "$work/plain.po" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('msgid "First paragraph. Second sentence here."\nmsgstr ""',
                    'msgid "First paragraph. Second sentence here."\nmsgstr "Primero. Segundo."')
open(path, "w", encoding="utf-8").write(text)
PY
pomerge --progress=none -t "$work/template.xlf" -i "$work/plain.po" -o xliff/es/plain.xlf
expect_exit 2 "$RELOCALE" build --lang es --format md plain
expect_in "$work/stderr" "xliff/es/plain.xlf:"
expect_in "$work/stderr" "has no <mrk mtype=\"seg\">"
