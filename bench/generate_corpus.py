#!/usr/bin/env python3
"""Deterministic corpus of news-release-like Markdown for the relocale benchmark.

Every file comes from one seed: the same seed gives the same bytes on every machine. The prose
mixes headings, paragraphs, lists, emphasis and links with the values relocale recognises: dates
(08/10, 9 October 2018, 2018-10-09), numbers, percentages, money, phone numbers, e-mails and URLs.

Each corpus is a relocale project folder:
    <out>/<name>/workflow/relocale.ini   releases, target languages
    <out>/<name>/releases/*.md           the releases
    <out>/<name>/locales/                copied from the repository (SRX rules, house styles)

    generate_corpus.py --out bench/corpus --seed 42 --files 2000 --big-mb 100
makes the projects "one" (1 release), "subset" (the first --subset of the batch), "batch" (--files
releases of about 10 KB) and "big" (one release of --big-mb MB).
"""

import argparse
import os
import random
import shutil
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORGS = ["the International Data Mission", "the Geneva Water Council", "Helvetia Health",
        "the Alpine Research Network", "the Lakeside Energy Board", "UNOPS Geneva",
        "the Federal Statistics Office", "the World Mobility Forum", "Rhône Rail"]
PEOPLE = ["Dr Anna Keller", "Professor Luc Martin", "Maria Rossi", "Jean-Pierre Dubois",
          "Sofia Almeida", "Thomas Weber", "Ms Lea Schmid", "Mr Omar Haddad"]
PLACES = ["Geneva", "Lausanne", "Zurich", "Bern", "Basel", "Lugano", "Nairobi", "Bangkok",
          "New York", "Vienna"]
TOPICS = ["clean water access", "rural broadband", "maternal health", "flood forecasting",
          "renewable heating", "school meals", "rail freight", "open statistics",
          "vaccine logistics", "urban cooling"]
VERBS = ["announced", "confirmed", "reported", "published", "welcomed", "launched", "presented"]
NOUNS = ["programme", "report", "partnership", "survey", "pilot project", "fund", "initiative"]
ADJ = ["new", "annual", "regional", "independent", "joint", "second", "expanded"]
DOMAINS = ["example.org", "idm-geneva.ch", "water-council.org", "stats.example.ch",
           "alpine-research.net"]


class Prose:
    def __init__(self, rng):
        self.r = rng

    def pick(self, items):
        return items[self.r.randrange(len(items))]

    def date(self):
        r = self.r
        day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2026)
        kind = r.randrange(5)
        if kind == 0:
            return f"{day:02d}/{month:02d}"
        if kind == 1:
            return f"{day} {MONTHS[month - 1]} {year}"
        if kind == 2:
            return f"{MONTHS[month - 1]} {day}, {year}"
        if kind == 3:
            return f"{year}-{month:02d}-{day:02d}"
        return f"{min(day, 25)}–{min(day, 25) + r.randint(1, 3)} {MONTHS[month - 1]} {year}"

    def number(self):
        r = self.r
        kind = r.randrange(5)
        if kind == 0:
            return f"{r.randint(2, 9999):,}"
        if kind == 1:
            return f"{r.randint(1, 99)}.{r.randint(0, 9)}%"
        if kind == 2:
            return f"{r.randint(2, 80)} per cent"
        if kind == 3:
            return f"CHF {r.randint(1, 900)} million"
        return f"{r.randint(1, 400)}"

    def phone(self):
        r = self.r
        if r.random() < 0.5:
            return f"+41 22 {r.randint(100, 999)} {r.randint(10, 99)} {r.randint(10, 99)}"
        return f"022 {r.randint(100, 999)} {r.randint(10, 99)} {r.randint(10, 99)}"

    def email(self):
        name = self.pick(["press", "media", "info", "contact", "a.keller", "l.martin"])
        return f"{name}@{self.pick(DOMAINS)}"

    def url(self):
        return f"https://www.{self.pick(DOMAINS)}/{self.pick(['news', 'reports', 'data'])}/" \
               f"{self.r.randint(2015, 2026)}/{self.r.randint(1, 999)}"

    def sentence(self):
        r = self.r
        kind = r.randrange(8)
        if kind == 0:
            s = (f"On {self.date()}, {self.pick(ORGS)} {self.pick(VERBS)} a "
                 f"{self.pick(ADJ)} {self.pick(NOUNS)} on {self.pick(TOPICS)} in {self.pick(PLACES)}.")
        elif kind == 1:
            s = (f"The {self.pick(NOUNS)} reached {self.number()} of households, up from "
                 f"{self.number()} in {r.randint(2010, 2020)}.")
        elif kind == 2:
            s = (f"\u201cThis is a turning point for {self.pick(TOPICS)},\u201d said "
                 f"{self.pick(PEOPLE)}, who leads the {self.pick(ADJ)} {self.pick(NOUNS)}.")
        elif kind == 3:
            s = (f"Journalists may call {self.phone()} or write to {self.email()} before "
                 f"{r.randint(1, 12)} p.m. on {self.date()}.")
        elif kind == 4:
            s = (f"The full text is available at {self.url()} and in the [annex]({self.url()}).")
        elif kind == 5:
            s = (f"Costs fell by {self.number()}, while the budget of {self.number()} "
                 f"covers {r.randint(2, 40)} sites, e.g. in {self.pick(PLACES)} and "
                 f"{self.pick(PLACES)}.")
        elif kind == 6:
            s = (f"According to {self.pick(PEOPLE)}, the *{self.pick(ADJ)}* results will be "
                 f"discussed at the meeting of {self.date()} in {self.pick(PLACES)}.")
        else:
            s = (f"Mr. Haddad and Dr. Keller will present the **{self.pick(NOUNS)}** at "
                 f"{r.randint(9, 11)}:{r.choice(['00', '15', '30'])} a.m. in {self.pick(PLACES)}.")
        return s

    def paragraph(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))

    def block(self):
        r = self.r
        kind = r.randrange(10)
        if kind < 6:
            return self.paragraph(r.randint(2, 5))
        if kind < 8:
            return "\n".join(f"- {self.sentence()}" for _ in range(r.randint(2, 5)))
        if kind == 8:
            return "\n".join(f"{i + 1}. {self.sentence()}" for i in range(r.randint(2, 4)))
        return f"## {self.pick(ADJ).capitalize()} {self.pick(NOUNS)} on {self.pick(TOPICS)}"

    def release(self, target_bytes, index):
        r = self.r
        org = self.pick(ORGS)
        title = (f"{org[0].upper()}{org[1:]} {self.pick(VERBS)} "
                 f"{self.pick(ADJ)} {self.pick(NOUNS)} on {self.pick(TOPICS)}")
        year, month, day = r.randint(2015, 2026), r.randint(1, 12), r.randint(1, 28)
        parts = ["---", f"title: \"{title}\"", f"date: {year}-{month:02d}-{day:02d}", "---", "",
                 f"# {title}", "",
                 f"**{self.pick(PLACES)}, {day} {MONTHS[month - 1]} {year}** \u2013 "
                 + self.paragraph(3), ""]
        size = sum(len(p.encode()) + 1 for p in parts)
        while size < target_bytes:
            b = self.block()
            parts.append(b)
            parts.append("")
            size += len(b.encode()) + 2
        parts.append("## Media contact")
        parts.append("")
        parts.append(f"{self.pick(PEOPLE)}, {self.phone()}, [{self.email()}](mailto:{self.email()})")
        parts.append("")
        return "\n".join(parts)


def write_project(root, releases, langs, repo_root):
    """Writes the project folder: releases (name → text), relocale.ini, locales."""
    os.makedirs(os.path.join(root, "workflow"), exist_ok=True)
    os.makedirs(os.path.join(root, "releases"), exist_ok=True)
    names = []
    for name, text in releases:
        with open(os.path.join(root, "releases", name + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
        names.append("releases/" + name + ".md")
    locales = os.path.join(root, "locales")
    if not os.path.isdir(locales):
        shutil.copytree(os.path.join(repo_root, "locales"), locales,
                        ignore=shutil.ignore_patterns("po"))
    with open(os.path.join(root, "workflow", "relocale.ini"), "w", encoding="utf-8") as f:
        f.write("# Generated by bench/generate_corpus.py\n[project]\nsource-lang = en\n")
        f.write(f"target-langs = {' '.join(langs)}\n")
        f.write("releases = " + " ".join(names) + "\n")
        f.write("formats = html md txt\n\n[values]\nphone-region = CH\ndate-order = day-first\n\n")
        f.write("[check]\nthreshold = 0 translated\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="bench/corpus")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--files", type=int, default=2000, help="releases in the batch")
    ap.add_argument("--subset", type=int, default=200, help="releases in the subset project")
    ap.add_argument("--file-kb", type=float, default=10, help="size of a batch release, KB")
    ap.add_argument("--big-mb", type=float, default=100, help="size of the big release, MB (0: none)")
    ap.add_argument("--langs", default="fr,de", help="target languages")
    args = ap.parse_args()
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    langs = [x for x in args.langs.replace(",", " ").split() if x]
    target = int(args.file_kb * 1000)

    batch = []
    for i in range(args.files):
        # One generator per file: file i is the same whatever --files says.
        prose = Prose(random.Random(f"{args.seed}-{i}"))
        batch.append((f"release-{i:05d}", prose.release(target, i)))
    write_project(os.path.join(args.out, "one"), batch[:1], langs, repo_root)
    write_project(os.path.join(args.out, "subset"), batch[:min(args.subset, len(batch))], langs,
                  repo_root)
    write_project(os.path.join(args.out, "batch"), batch, langs, repo_root)
    if args.big_mb > 0:
        prose = Prose(random.Random(f"{args.seed}-big"))
        big = prose.release(int(args.big_mb * 1_000_000), 0)
        write_project(os.path.join(args.out, "big"), [("big-release", big)], langs, repo_root)
    print(f"corpus in {args.out}: {len(batch)} releases of ~{args.file_kb:g} KB"
          + (f", one of {args.big_mb:g} MB" if args.big_mb > 0 else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
