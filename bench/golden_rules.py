#!/usr/bin/env python3
"""Scores `relocale segment` on the Golden Rules (bench/golden_rules.jsonl).

Each language's cases go to one run of `relocale segment --lang L`, one case per paragraph
(paragraphs separated by a blank line; the command prints one segment per line and an empty line
between paragraphs). A case counts as right when its list of segments, each stripped of white
space, equals the expected list exactly (pySBD's convention, see README.golden_rules.md). The
same cases are run with `--no-rules` to show plain ICU beside relocale.

    bench/golden_rules.py [--relocale build/relocale] [--rules FILE] [--lang en,fr] [--failures]
"""

import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def segment(binary, lang, texts, extra_args):
    """Runs `relocale segment` once over all texts; returns one list of segments per text."""
    for text in texts:
        if "\n" in text:
            raise SystemExit(f"a case contains a line break, which would change its paragraph: {text!r}")
    stdin = "\n\n".join(texts) + "\n"
    # Run from the project's root, where `relocale segment` finds locales/segmentation.srx.
    result = subprocess.run([binary, "segment", "--lang", lang, *extra_args], input=stdin,
                            capture_output=True, text=True, encoding="utf-8", check=False,
                            cwd=HERE.parent)
    if result.returncode != 0:
        raise SystemExit(f"{binary} segment --lang {lang} failed ({result.returncode}): "
                         f"{result.stderr.strip()}")
    paragraphs, current = [], []
    for line in result.stdout.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    if len(paragraphs) != len(texts):
        raise SystemExit(f"{lang}: {len(texts)} cases in, {len(paragraphs)} paragraphs out")
    return paragraphs


def percent(right, total):
    return f"{100.0 * right / total:.1f} %" if total else "–"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relocale", default=os.environ.get("RELOCALE_BINARY", "build/relocale"),
                        help="the relocale binary (default: $RELOCALE_BINARY or build/relocale)")
    parser.add_argument("--rules", help="an SRX file instead of the default rules")
    parser.add_argument("--data", default=str(HERE / "golden_rules.jsonl"))
    parser.add_argument("--lang", help="comma-separated languages to run (default: all)")
    parser.add_argument("--failures", action="store_true",
                        help="after the table, list every case relocale gets wrong")
    args = parser.parse_args()

    cases = collections.defaultdict(list)
    with open(args.data, encoding="utf-8") as data:
        for line in data:
            if line.strip():
                case = json.loads(line)
                cases[case["lang"]].append(case)
    langs = sorted(cases) if not args.lang else args.lang.split(",")

    binary = str(pathlib.Path(args.relocale).resolve())
    rules_args = ["--rules", str(pathlib.Path(args.rules).resolve())] if args.rules else []
    rows, failures = [], []
    totals = [0, 0, 0]
    for lang in langs:
        texts = [case["text"] for case in cases[lang]]
        ours = segment(binary, lang, texts, rules_args)
        icu = segment(binary, lang, texts, ["--no-rules"])
        right = icu_right = 0
        for case, got, got_icu in zip(cases[lang], ours, icu):
            expected = [s.strip() for s in case["sentences"]]
            right += got == expected
            icu_right += got_icu == expected
            if got != expected:
                failures.append((case, got))
        rows.append((lang, len(texts), right, icu_right))
        totals = [totals[0] + len(texts), totals[1] + right, totals[2] + icu_right]

    print("| lang | cases | relocale exact | plain ICU exact |")
    print("|---|---:|---:|---:|")
    for lang, n, right, icu_right in rows:
        print(f"| {lang} | {n} | {right} ({percent(right, n)}) | {icu_right} ({percent(icu_right, n)}) |")
    n, right, icu_right = totals
    print(f"| **all** | {n} | {right} ({percent(right, n)}) | {icu_right} ({percent(icu_right, n)}) |")
    if args.failures:
        print()
        for case, got in failures:
            print(f"- {case['id']}: expected {json.dumps(case['sentences'], ensure_ascii=False)}")
            print(f"  {'':{len(case['id'])}}  got      {json.dumps(got, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
