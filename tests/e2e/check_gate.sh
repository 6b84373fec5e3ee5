#!/usr/bin/env bash
# The CI gate: on a translated copy of the sample, tamper with the French XLIFF one way at a time
# (delete a placeholder, change a number, empty a target, leave a sentence untranslated, remove a
# translation, edit the source...) and require that the matching check fires exactly once, at the
# right unit and line, in every report format (table, JSON, JUnit, GitHub, HTML), and that the
# JUnit file is valid XML. Expected lines come from the tampered file's text, not from relocale.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint not found: skipped"; exit 77; }
copy_project
rm -rf xliff memory out
xlf=xliff/fr/idm-geneva-release.xlf

# A glossary of our own: the test must not depend on the sample's wording.
cat > locales/glossary.csv <<'CSV'
term,type,fr,note
IOM,translate,OIM,
António Vitorino,keep,,
CSV

# tamper.py FILE OP [MATCH [ARG...]]: edits the segment whose source contains MATCH and prints
# "UNIT SEGMENT_LINE UNIT_LINE" of that segment in the edited file.
cat > "$work/tamper.py" <<'PY'
import re, sys
path, op = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
SEG = re.compile(r'(<segment id="[^"]+")((?: state="[^"]*")?)>(\s*)<source>(.*?)</source>'
                 r'(?:(\s*)<target>(.*?)</target>)?', re.S)

def outside_tags(xml, fn):
    return "".join(p if p.startswith("<") else fn(p) for p in re.split(r"(<[^>]*>)", xml))

def translate(source):
    return "[fr] " + outside_tags(source, lambda t: t.replace("IOM", "OIM"))

def line_at(offset):
    return text.count("\n", 0, offset) + 1

if op == "fill":
    text = SEG.sub(lambda m: '%s state="reviewed">%s<source>%s</source>%s<target>%s</target>' % (
        m.group(1), m.group(3), m.group(4), m.group(3), translate(m.group(4))), text)
    open(path, "w", encoding="utf-8").write(text)
    sys.exit(0)

match = sys.argv[3]
m = next(m for m in SEG.finditer(text) if match in m.group(4))
head, ws, source, target = m.group(1), m.group(3), m.group(4), m.group(6)
state = m.group(2)
args = sys.argv[4:]
ph = lambda i: re.search(r'<ph id="%s"[^>]*/>' % i, target).group(0)
if op == "delete-ph":
    target = target.replace(ph(args[0]), "", 1)
elif op == "dup-ph":
    target = target.replace(ph(args[0]), ph(args[0]) + " " + ph(args[0]), 1)
elif op == "ph-to-text":
    target = target.replace(ph(args[0]), args[1], 1)
elif op == "empty":
    target = ""
elif op == "untranslate":
    target = source
elif op == "replace-target":
    assert args[0] in target
    target = target.replace(args[0], args[1], 1)
elif op == "edit-source":
    assert args[0] in source
    source = source.replace(args[0], args[1], 1)
if op == "remove":
    new = '%s>%s<source>%s</source>' % (head, ws, source)
else:
    new = '%s%s>%s<source>%s</source>%s<target>%s</target>' % (head, state, ws, source, ws, target)
text = text[:m.start()] + new + text[m.end():]
unit_start = text.rfind("<unit ", 0, m.start())
unit = re.match(r'<unit id="([^"]+)"', text[unit_start:]).group(1)
if op == "note":
    notes_end = text.index("</notes>", unit_start)
    text = text[:notes_end] + "  <note>%s</note>\n      " % args[0] + text[notes_end:]
open(path, "w", encoding="utf-8").write(text)
seg_start = text.index(head, unit_start)
print(unit, line_at(seg_start), line_at(unit_start))
PY

# count_findings.py DIR CHECK FILE LINE UNIT: every report in DIR has exactly one finding of CHECK,
# at FILE:LINE in UNIT. Prints what it found otherwise.
cat > "$work/count_findings.py" <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
d, check, file, line, unit = sys.argv[1:6]
errors = []
def need(what, n):
    if n != 1:
        errors.append("%s: %d findings of %s at %s:%s, expected 1" % (what, n, check, file, line))
report = json.load(open(d + "/report.json", encoding="utf-8"))
need("json", sum(1 for f in report["findings"] if f["check"] == check and f["file"] == file
                 and str(f["line"]) == line and f["unit"] == unit))
need("json (any place)", sum(1 for f in report["findings"] if f["check"] == check))
junit = ET.parse(d + "/report.xml")
need("junit", sum(1 for t in junit.iter("testcase")
                  if t.get("file") == file and t.get("line") == line
                  and t.get("classname", "").endswith("." + check)
                  and (t.find("failure") is not None or t.find("system-out") is not None)))
gh = open(d + "/github.txt", encoding="utf-8").read().splitlines()
need("github", sum(1 for l in gh if re.match(r"::(error|warning) file=%s,line=%s,title=%s::unit \"%s\""
                                             % (re.escape(file), line, re.escape(check), unit), l)))
table = open(d + "/table.txt", encoding="utf-8").read().splitlines()
need("table", sum(1 for l in table if l.startswith("%s:%s: " % (file, line)) and
                  ('unit "%s"' % unit) in l and l.endswith("[%s]" % check)))
html = open(d + "/report.html", encoding="utf-8").read()
need("html", html.count("<code>%s</code>" % check))
if errors:
    print("\n".join(errors)); sys.exit(1)
PY

# check_all EXPECTED_EXIT: runs the gate with every report format into $work/r.
check_all() {
  rm -rf "$work/r"; mkdir -p "$work/r"
  expect_exit "$1" "$RELOCALE" check --lang fr --format table --output "$work/r/table.txt" \
    --format json --output "$work/r/report.json" --format github --output "$work/r/github.txt" \
    --junit "$work/r/report.xml" --html "$work/r/report.html"
  python3 -m json.tool "$work/r/report.json" >/dev/null || fail "the JSON report does not parse"
  xmllint --noout "$work/r/report.xml" || fail "the JUnit report is not well-formed XML"
  xmllint --html --noout "$work/r/report.html" 2>"$work/html-errors" || true
  [ ! -s "$work/html-errors" ] || { cat "$work/html-errors" >&2; fail "the HTML report has errors"; }
}

# fires_once CHECK UNIT LINE: the check fired once at xliff/fr/...:LINE in UNIT in every format.
fires_once() {
  python3 "$work/count_findings.py" "$work/r" "$1" "$xlf" "$3" "$2" ||
    { cat "$work/r/table.txt" >&2; fail "$1 did not fire exactly once at line $3"; }
}

# A complete, reviewed French translation: the gate passes with no finding.
expect_exit 0 "$RELOCALE" extract --lang fr
python3 "$work/tamper.py" "$xlf" fill
cp "$xlf" "$work/fixture.xlf"
check_all 0
expect_in "$work/r/report.json" '"findings": []'
expect_in "$work/r/github.txt" "idm-geneva-release [fr]: 100.0% (100% reviewed), 0 errors, 0 warnings: pass"

# tamper EXPECTED_EXIT CHECK OP MATCH [ARG...]: a fresh copy of the fixture, one edit, one finding.
tamper() {
  local want=$1 check=$2; shift 2
  cp "$work/fixture.xlf" "$xlf"
  read -r unit line unit_line < <(python3 "$work/tamper.py" "$xlf" "$@")
  check_all "$want"
  if [ "$check" = stale-source ]; then line=$unit_line; fi
  fires_once "$check" "$unit" "$line"
}

tamper 1 placeholder-missing delete-ph "participants including" 1
tamper 1 placeholder-duplicated dup-ph "participants including" 2
tamper 1 empty-target empty "The focus of the forum"
tamper 1 target-same-as-source untranslate "The focus of the forum"
tamper 1 glossary replace-target "is currently underway" "OIM" "IOM"
tamper 1 stale-source edit-source "The focus of the forum" "focus" "main focus"
tamper 0 doubled-words replace-target "The focus of the forum" "the forum" "the the forum"
tamper 0 final-punctuation replace-target "The focus of the forum" "governance." "governance"
tamper 0 whitespace-trailing replace-target "The focus of the forum" "governance." "governance. "

# Change a number: the translator typed 400 over the placeholder of "300". Both the lost
# placeholder and the wrong value are reported, each once.
tamper 1 number-mismatch ph-to-text "participants including" 2 "400"
fires_once placeholder-missing "$unit" "$line"
# Typed as the same value, 300 is only a lost placeholder.
cp "$work/fixture.xlf" "$xlf"
python3 "$work/tamper.py" "$xlf" ph-to-text "participants including" 2 "300" >/dev/null
check_all 1
expect_not_in "$work/r/report.json" '"number-mismatch"'

# Remove a translation: completeness drops to 23 of 24 segments and fr (100% reviewed) fails.
cp "$work/fixture.xlf" "$xlf"
python3 "$work/tamper.py" "$xlf" remove "The focus of the forum" >/dev/null
check_all 1
expect_in "$work/r/report.json" '"percent": 95.8333'
expect_in "$work/r/report.json" '"findings": []'
expect_in "$work/r/github.txt" "::error file=$xlf,title=completeness::idm-geneva-release [fr]: 95.8%25 of segments at least reviewed"
python3 - "$work/r/report.xml" <<'PY' || fail "no completeness failure in the JUnit report"
import sys, xml.etree.ElementTree as ET
cases = [t for t in ET.parse(sys.argv[1]).iter("testcase") if t.get("name") == "completeness"]
assert len(cases) == 1 and cases[0].find("failure") is not None
PY

# A unit note silences the check there.
cp "$work/fixture.xlf" "$xlf"
python3 "$work/tamper.py" "$xlf" delete-ph "participants including" 1 >/dev/null
python3 "$work/tamper.py" "$xlf" note "participants including" "relocale-ignore: placeholder-missing" >/dev/null
check_all 0

# Edit the release itself (someone forgot to run extract): the unit is reported once, at its line.
cp "$work/fixture.xlf" "$xlf"
unit_line=$(grep -n '<unit id="p-c0f2dd40"' "$xlf" | cut -d: -f1)
sed -i 's/The focus of the forum is on partnerships/The forum focuses on partnerships/' workflow/idm-geneva-release.md
check_all 1
fires_once stale-source p-c0f2dd40 "$unit_line"
cp "$SOURCE_DIR/workflow/idm-geneva-release.md" workflow/

# Exit codes: an invalid XLIFF file is an input error (2), an unknown format a usage error (2).
echo '<xliff version="2.0"' > "$xlf"
expect_exit 2 "$RELOCALE" check --lang fr
cp "$work/fixture.xlf" "$xlf"
expect_exit 2 "$RELOCALE" check --lang fr --format xml
expect_in "$work/stderr" 'unknown format "xml"'
# Colour only on a terminal: the table written to a pipe has no escape sequences.
expect_exit 0 "$RELOCALE" check --lang fr
if grep -q $'\033' "$work/stdout"; then fail "colour in a pipe"; fi
echo "check_gate: ok"
