#!/usr/bin/env bash
# Hostile and broken input (issue 10): every bad file gets one error line naming the file, line
# and column (or byte offset, or unit id), exit 2, and no file is written, changed or removed.
source "$(dirname "$0")/hostile_lib.bash"
new_project
xlf=xliff/fr/news.xlf
good_xlf=$(cat "$xlf")
[ -f out/fr/news.html ] && [ -f out/es/news.md ] || fail "the first build wrote no outputs"

# bad_xliff CONTENT EXPECTED: the French XLIFF replaced by CONTENT; build refuses it with EXPECTED
# and leaves every file as it was (the other language is not built either: exit before writing).
bad_xliff() {
  printf '%s' "$1" >"$xlf"
  refused_xliff "$2"
}
# refused_xliff EXPECTED: the same for the bytes already in the file (bash strings hold no NUL).
refused_xliff() {
  snapshot "$work/snapshots/before"
  expect_error "$1" "$RELOCALE" build --lang fr
  expect_nothing_changed "$work/snapshots/before"
  printf '%s\n' "$good_xlf" >"$xlf"
}

# --- XML that is not well-formed, or not XLIFF we read ----------------------------------------
bad_xliff $'<?xml version="1.0"?>\n<xliff version="2.0"\n' \
  "./$xlf:2:21: malformed XML: Error parsing start element tag"
# Truncated in the middle of the document: the error points at the file's last character.
truncated=$(head -n 12 <<<"$good_xlf")
lines=$(printf '%s' "$truncated" | wc -l)
last_line=$(printf '%s' "$truncated" | tail -n 1)
bad_xliff "$truncated" \
  "./$xlf:$((lines + 1)):$(printf '%s' "$last_line" | wc -m): malformed XML: Start-end tags mismatch"
bad_xliff $'<?xml version="1.0"?>\n<html><body/></html>\n' \
  "./$xlf:2: the root element is <html>, expected <xliff>"
bad_xliff $'<?xml version="1.0"?>\n<xliff version="3.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>\n' \
  "./$xlf:2: XLIFF version \"3.0\" is not supported (relocale reads 2.0, 2.1 and 1.2)"
bad_xliff '' "./$xlf:1:1: malformed XML: No document element found"

# --- Encodings -------------------------------------------------------------------------------
bad_xliff "${good_xlf/opened/ouvert$'\xe9'}" \
  "./$xlf:$(grep -n opened <<<"$good_xlf" | head -1 | cut -d: -f1):$(( $(grep opened <<<"$good_xlf" | head -1 | sed 's/opened.*//' | wc -m) + 6 )): invalid UTF-8 byte 0xE9 at byte offset $(( $(printf '%s' "${good_xlf%%opened*}" | wc -c) + 6 )); the file may be in a legacy encoding such as Windows-1252 (convert it with iconv)"
printf '<?xml version="1.0"?>\n<xliff\0 version="2.0"/>\n' >"$xlf"
refused_xliff "./$xlf:2:7: NUL byte at byte offset 28; this is not a text file"
printf '\xff\xfe<\0?\0' >"$xlf"
refused_xliff "./$xlf:1:1: the file is UTF-16; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"

# --- Entity tricks: refused at the DOCTYPE, nothing expanded, nothing read ---------------------
doctype_error="DOCTYPE declarations are refused: relocale never expands entities or reads external files named by a document"
bad_xliff $'<?xml version="1.0"?>\n<!DOCTYPE xliff [\n  <!ENTITY who "world">\n]>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>Hello &who;</source></segment></unit></file></xliff>\n' \
  "./$xlf:2:1: $doctype_error"
laughs=$'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
previous=lol
for i in 1 2 3 4 5 6 7 8 9; do
  laughs+=" <!ENTITY lol$i \"$(printf "&$previous;%.0s" 1 2 3 4 5 6 7 8 9 10)\">"$'\n'
  previous=lol$i
done
laughs+=$']>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>&lol9;</source></segment></unit></file></xliff>\n'
bad_xliff "$laughs" "./$xlf:2:1: $doctype_error"
# An external entity naming a FIFO: opening it for reading would block, so a reader that followed
# it would hang (timeout) instead of refusing at once. strace, when present, shows it is never
# opened at all.
mkfifo "$work/secret"
external=$'<?xml version="1.0"?>\n<?xml-stylesheet href="x"?>\n<!DOCTYPE xliff SYSTEM "file://'"$work"$'/secret" [\n  <!ENTITY secret SYSTEM "file://'"$work"$'/secret">\n]>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>&secret;</source></segment></unit></file></xliff>\n'
bad_xliff "$external" "./$xlf:3:1: $doctype_error"
printf '%s' "$external" >"$xlf"
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  set +e
  timeout 60 strace -f -e trace=open,openat -o "$work/trace" "$RELOCALE" build --lang fr >/dev/null 2>&1
  set -e
  expect_not_in "$work/trace" "$work/secret"
fi
printf '%s\n' "$good_xlf" >"$xlf"
rm "$work/secret"

# --- Ids: duplicates, unknown units, targets without a segment ---------------------------------
first_unit=$(grep -o '<unit id="[^"]*"' <<<"$good_xlf" | head -1 | cut -d'"' -f2)
second_unit=$(grep -o '<unit id="[^"]*"' <<<"$good_xlf" | sed -n 2p | cut -d'"' -f2)
dup_line=$(grep -n "<unit id=\"$second_unit\"" <<<"$good_xlf" | cut -d: -f1)
bad_xliff "${good_xlf/<unit id=\"$second_unit\"/<unit id=\"$first_unit\"}" \
  "./$xlf:$dup_line: unit \"$first_unit\": duplicate unit id \"$first_unit\""
first_segment=$(grep -o '<segment id="[^"]*"' <<<"$good_xlf" | head -1 | cut -d'"' -f2)
seg_line=$(grep -n "<segment id=\"$first_segment\"" <<<"$good_xlf" | head -1 | cut -d: -f1)
seg_line_text=$(sed -n "${seg_line}p" <<<"$good_xlf")
doubled_xlf=$(awk -v n="$seg_line" -v id="$first_segment" '
  { print } NR == n { seg = 1 } seg && /<\/segment>/ { print "      <segment id=\"" id "\"><source>Again.</source></segment>"; seg = 0 }' <<<"$good_xlf")
dup_seg_line=$(grep -n 'Again\.' <<<"$doubled_xlf" | cut -d: -f1)
bad_xliff "$doubled_xlf" "./$xlf:$dup_seg_line: unit \"$first_unit\": duplicate segment id \"$first_segment\""
# A unit the skeleton never uses (its translation would vanish) and a skeleton reference whose
# unit was deleted (a paragraph would vanish from the output).
unknown_xlf=$(sed "s|</file>|<unit id=\"p-intruder\"><segment id=\"s1\"><source>Extra.</source><target>En plus.</target></segment></unit></file>|" <<<"$good_xlf")
bad_xliff "$unknown_xlf" \
  "./$xlf:$(grep -n p-intruder <<<"$unknown_xlf" | cut -d: -f1): unit \"p-intruder\": this unit is not in the release's skeleton (unknown unit id)"
missing_xlf=$(awk -v id="$second_unit" '$0 ~ "<unit id=\"" id "\"" { skip = 1 } !skip { print } skip && /<\/unit>/ { skip = 0 }' <<<"$good_xlf")
bad_xliff "$missing_xlf" \
  "./$xlf: unit \"$second_unit\": the skeleton refers to this unit but the file has no such <unit>"
bad_xliff "${good_xlf/trgLang=\"fr\"/trgLang=\"es\"}" \
  "./$xlf:1: trgLang is \"es\" but the file is in the folder of \"fr\""

# --- A translated segment whose source paragraph was removed: kept in the memory ----------------
translated_xlf=${good_xlf/<source>The forum opened in Geneva.<\/source>/<source>The forum opened in Geneva.</source><target>Le forum a ouvert à Genève.</target>}
printf '%s\n' "$translated_xlf" >"$xlf"
sed -i 's/The forum opened in Geneva. It lasts two days./It lasts two days./' workflow/news.md
expect_exit 0 "$RELOCALE" extract --lang fr
expect_in "$work/stdout" "removed 1"
expect_in memory/project.tmx "<seg>Le forum a ouvert à Genève.</seg>"
good_xlf=$(cat "$xlf")
expect_exit 0 "$RELOCALE" build

# --- Releases: encodings ----------------------------------------------------------------------
good_release=$(cat workflow/news.md)
# bad_release CONTENT EXPECTED: extract refuses the release with EXPECTED and writes nothing.
bad_release() {
  printf '%s' "$1" >workflow/news.md
  refused_release "$2"
}
refused_release() {
  snapshot "$work/snapshots/before"
  expect_error "$1" "$RELOCALE" extract
  expect_nothing_changed "$work/snapshots/before"
  printf '%s\n' "$good_release" >workflow/news.md
}
# "Café" in Latin-1: é is the single byte 0xE9, the 4th byte of line 2.
bad_release $'Title\nCaf\xe9 cr\xe8me.\n' \
  "workflow/news.md:2:4: invalid UTF-8 byte 0xE9 at byte offset 9; the file may be in a legacy encoding such as Windows-1252 (convert it with iconv)"
bad_release $'\xef\xbb\xbfTitle\n' \
  "workflow/news.md:1:1: the file starts with a byte-order mark; save it as UTF-8 without BOM"
bad_release $'Title\r\nText.\r\n' \
  "workflow/news.md:1:6: CRLF line ends; convert the file to LF line ends (dos2unix)"
printf 'Title\n\nText\0 more.\n' >workflow/news.md
refused_release "workflow/news.md:3:5: NUL byte at byte offset 11; this is not a text file"
printf '\xfe\xff\0T\0i' >workflow/news.md
refused_release "workflow/news.md:1:1: the file is UTF-16; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"
# Overlong encoding of "/" and a UTF-16 surrogate written in UTF-8 are invalid too.
bad_release $'a\xc0\xafb\n' \
  "workflow/news.md:1:2: invalid UTF-8 byte 0xC0 at byte offset 1; the file may be in a legacy encoding such as Windows-1252 (convert it with iconv)"
bad_release $'ab\xed\xa0\x80\n' \
  "workflow/news.md:1:3: invalid UTF-8 byte 0xED at byte offset 2; the file may be in a legacy encoding such as Windows-1252 (convert it with iconv)"

# --- Paths that leave the project: refused, nothing written anywhere -----------------------------
printf 'Outside.\n' >"$work/outside.md"
# bad_release_path PATH EXPECTED: the configuration names PATH as the release.
bad_release_path() {
  cp workflow/relocale.ini "$work/relocale.ini.good"
  sed -i "s|^releases = .*|releases = $1|" workflow/relocale.ini
  snapshot "$work/snapshots/before"
  expect_error "$2" "$RELOCALE" extract
  expect_nothing_changed "$work/snapshots/before"
  [ ! -e xliff/fr/outside.xlf ] || fail "an XLIFF was written for a release outside the project"
  cp "$work/relocale.ini.good" workflow/relocale.ini
}
bad_release_path ../outside.md "workflow/relocale.ini: path \"../outside.md\" leaves the project folder"
bad_release_path workflow/../../outside.md \
  "workflow/relocale.ini: path \"workflow/../../outside.md\" leaves the project folder"
bad_release_path "$work/outside.md" "workflow/relocale.ini: path \"$work/outside.md\" must be relative to the project"
ln -s ../../outside.md workflow/outside.md
bad_release_path workflow/outside.md \
  "workflow/relocale.ini: path \"workflow/outside.md\" leads outside the project through a symbolic link"
ln -s "$work" workflow/up
bad_release_path workflow/up/outside.md \
  "workflow/relocale.ini: path \"workflow/up/outside.md\" leads outside the project through a symbolic link"
rm workflow/outside.md workflow/up

# An XLIFF whose `original`, skeleton `release` and notes point outside: relocale locates files
# only from the configuration (xliff/<lang>/<release>.xlf, out/<lang>/<release>.<ext>), so the
# build writes out/fr/news.* and nothing else, and never opens the named files.
hostile_xlf=$(sed -e "s|original=\"[^\"]*\"|original=\"../../../$work/evil\"|" \
  -e "s|release=\"news\"|release=\"../../evil\"|" <<<"$good_xlf")
printf '%s\n' "$hostile_xlf" >"$xlf"
grep -q 'original="../../../' "$xlf" || fail "the test did not plant a hostile original"
rm -rf out/fr
snapshot "$work/snapshots/before"
expect_exit 0 "$RELOCALE" build --lang fr
snapshot "$work/snapshots/after"
changed=$({ diff "$work/snapshots/before" "$work/snapshots/after" || true; } | { grep '^>' || true; } | awk '{print $3}' | sort -u)
[ "$(wc -w <<<"$changed")" = 3 ] || fail "expected the build to write out/fr/news.{html,md,txt}, it wrote: $changed"
for f in $changed; do
  case $f in
    ./project/out/fr/news.html | ./project/out/fr/news.md | ./project/out/fr/news.txt) ;;
    *) fail "the build wrote $f" ;;
  esac
done
[ ! -e "$work/evil" ] && [ -z "$(find "$work" -name 'evil*')" ] || fail "a file named by the XLIFF was created"
printf '%s\n' "$good_xlf" >"$xlf"
no_temporaries
