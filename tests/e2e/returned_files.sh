#!/usr/bin/env bash
# Files as CAT tools send them back: reformatted, stripped of relocale's skeleton and extension
# elements, with extra namespaces: they build. Broken ones are refused with the place named, and
# targets that break the contract fall back to the source and are listed.
source "$(dirname "$0")/lib.bash"
copy_project
xlf=xliff/fr/idm-geneva-release.xlf
python3 - "$xlf" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = re.sub(r'<skeleton>.*?</skeleton>\s*', '', s, flags=re.S)           # a tool dropped our skeleton
s = re.sub(r'<rl:placeholders>.*?</rl:placeholders>\s*', '', s, flags=re.S)  # and our values
s = s.replace('<xliff ', '<xliff xmlns:cat="urn:example:cat" cat:tool="SomeCAT 12" ', 1)
s = s.replace('<unit ', '<unit cat:locked="no" ')                       # extra attributes
s = s.replace('\n      <segment', '\n\n          <segment')               # reformatted
open(p, 'w', encoding='utf-8').write(s)
PY
expect_exit 0 "$RELOCALE" build --lang fr --format txt
expect_in "$work/stderr" "they were restored from the current release"
expect_in out/fr/idm-geneva-release.txt "(8 octobre)"
expect_in out/fr/idm-geneva-release.txt "+41 22 717 94 68"

# A translator deleted the phone placeholder: that segment falls back to the source, listed.
copy_project
python3 - "$xlf" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
i = s.index('<target>Pour plus d’informations, veuillez contacter')
j = s.index('</target>', i)
s = s[:i] + re.sub(r'<ph id="1"[^>]*/>', '', s[i:j], count=1) + s[j:]
open(p, 'w', encoding='utf-8').write(s)
PY
line=$(grep -n 'Pour plus d’informations, veuillez contacter' "$xlf" | head -1 | cut -d: -f1)
line=$((line - 2))
expect_exit 0 "$RELOCALE" build --lang fr --format txt
expect_in "$work/stderr" "$xlf:$line: unit \"p-"
expect_in "$work/stderr" "placeholder 1 is missing; the source is used instead"
expect_in out/fr/idm-geneva-release.txt "For more information, please contact Azzouz Samri"

# A truncated file is refused with its place, and nothing is written for that language.
copy_project
head -c 5000 "$xlf" > "$work/t.xlf" && mv "$work/t.xlf" "$xlf"
rm -rf out
expect_exit 2 "$RELOCALE" build --lang fr
expect_in "$work/stderr" "$xlf:"
expect_in "$work/stderr" "malformed XML"
[ ! -e out/fr ] || fail "a refused language wrote outputs"
