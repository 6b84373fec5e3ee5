#!/usr/bin/env bash
# Huge inputs (issue 10): a single 10 MB paragraph with no full stop, a line of a million
# characters, a paragraph with 100,000 values (placeholders). extract and build finish (CTest
# gives a TIMEOUT), without a stack overflow, and the build reproduces each release byte for byte
# (--verbatim). HOSTILE_MB (default 10) sets the size; hostile_huge_slow.sh runs 100 MB.
source "$(dirname "$0")/hostile_lib.bash"
mb=${HOSTILE_MB:-10}
new_project
python3 - "$mb" <<'PY'
import random, sys
mb = int(sys.argv[1])
random.seed(10)
words = ("the forum opened in Geneva ministers spoke about inclusive migration policies experts "
         "followed report online delegates and").split()
# One paragraph of mb MB without a full stop (one segment for the segmenter).
with open("workflow/paragraph.md", "w") as f:
    size, parts = 0, []
    while size < mb * 1_000_000:
        w = random.choice(words)
        parts.append(w)
        size += len(w) + 1
    f.write(" ".join(parts) + "\n")
# A line of a million characters without a space, a paragraph of 100,000 numbers, and text.
with open("workflow/mixed.md", "w") as f:
    f.write("---\ntitle: Huge inputs\n---\n\n")
    f.write("x" * 1_000_000 + "\n\n")
    f.write(" ".join(f"{i:,}" for i in range(1000, 101000)) + "\n\n")
    f.write("The report is online. Experts followed.\n")
PY
sed -i 's|^releases = .*|releases = workflow/paragraph.md workflow/mixed.md|' workflow/relocale.ini
limit=${HOSTILE_TIMEOUT:-1500}
expect_exit 0 timeout "$limit" "$RELOCALE" extract --lang fr
placeholders=$(grep -o '<ph ' xliff/fr/mixed.xlf | wc -l)
[ "$placeholders" -ge 100000 ] || fail "expected 100,000 placeholders in mixed.xlf, found $placeholders"
expect_exit 0 timeout "$limit" "$RELOCALE" build --verbatim --lang fr --format md
cmp workflow/paragraph.md out/fr/paragraph.md || fail "the ${mb} MB paragraph does not round-trip"
cmp workflow/mixed.md out/fr/mixed.md || fail "the million-character line or the 100,000 values do not round-trip"
no_temporaries
