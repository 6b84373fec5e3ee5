#!/usr/bin/env bash
# relocale po export → a translator fills a msgstr → relocale po import → the target is in the
# XLIFF file and in the built release; a msgstr that lost a placeholder token is refused.
source "$(dirname "$0")/lib.bash"
copy_project
rm -rf xliff memory
cp "$SOURCE_DIR/tests/data/plain.txt" workflow/plain.txt
sed -i 's|^releases = .*|releases = workflow/idm-geneva-release.md workflow/plain.txt|' workflow/relocale.ini
expect_exit 0 "$RELOCALE" extract --lang es
expect_exit 0 "$RELOCALE" po export --lang es
po=po/es/plain.po
[ -f "$po" ] || fail "$po was not written"
msgfmt --check -o /dev/null "$po" || fail "msgfmt rejects $po"
python3 - "$po" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('msgid "A plain text release"\nmsgstr ""',
                    'msgid "A plain text release"\nmsgstr "Un comunicado en texto plano"')
open(path, "w", encoding="utf-8").write(text)
PY
expect_exit 0 "$RELOCALE" po import --lang es
expect_in "$work/stdout" "1 segment updated"
expect_in xliff/es/plain.xlf "Un comunicado en texto plano"
expect_exit 0 "$RELOCALE" build --lang es --format md plain
expect_in out/es/plain.md "Un comunicado en texto plano"
# A placeholder token lost in the msgstr: refused, reported with the file and the unit.
expect_exit 0 "$RELOCALE" po export --lang es idm-geneva-release
po=po/es/idm-geneva-release.po
python3 - "$po" <<'PY'
import re, sys
path = sys.argv[1]
entries = open(path, encoding="utf-8").read().split("\n\n")
# The first message whose msgid holds a placeholder token gets a msgstr without the token.
for i, entry in enumerate(entries):
    parts = re.match(r'(?s)(.*msgctxt "([^"]*)"\nmsgid (.*?))\nmsgstr ""$', entry.rstrip("\n"))
    if not parts:
        continue
    msgid = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', parts.group(3)))
    if not re.search(r'\{\d+:[a-z_]+\}', msgid):
        continue
    stripped = re.sub(r'\{\d+:[a-z_]+\}', '', msgid)
    entries[i] = parts.group(1) + '\nmsgstr "' + stripped + '"'
    open(path + ".ctxt", "w").write(parts.group(2))
    break
else:
    sys.exit("no msgid with a placeholder token")
open(path, "w", encoding="utf-8").write("\n\n".join(entries))
PY
before=$(cat xliff/es/idm-geneva-release.xlf)
expect_exit 1 "$RELOCALE" po import --lang es idm-geneva-release
expect_in "$work/stderr" "po/es/idm-geneva-release.po"
expect_in "$work/stderr" "$(cat "$po.ctxt")"
expect_in "$work/stderr" "(lost): not merged"
[ "$before" = "$(cat xliff/es/idm-geneva-release.xlf)" ] || fail "a refused message changed the XLIFF file"
