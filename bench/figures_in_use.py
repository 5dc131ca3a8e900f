"""How the figure finder does in use (issue 18): one district imports its units' reports one after another
and teaches its catalogue the wordings it meets; prints figures, asserts nothing.

    .venv/bin/python bench/figures_in_use.py

bench/import_figures.py measures each batch of reports on its first run: the national catalogue meeting
wordings from all over the country. In use, a district imports its own units' reports (街道, 乡镇, 部门 of the
same year), and in the import preview the user puts an unmatched figure on the sheet with "记住这个说法"
ticked: the district's catalogue learns the figure's phrase (``teach_alias``). Units of one district write
alike (the district's notice, the city's outline), so the catalogue should soon know most of their wordings.

The district starts from the national catalogue (unsaved indicators, as bench/import_figures.py builds them)
and imports the reports of a series in a random order. For each report it counts, against the hand labels
of tests/corpus_expectations.py, the stated values whose figure got a suggestion ("found") and the
suggestions naming a labelled indicator ("correct"), with the catalogue as taught so far, then teaches what
the user would (``preview_teaching``: each labelled figure the preview offers as unmatched, with its
phrase; a wrong suggestion is not taught away, the user just drops the value). Shares are summed over
``ORDERS`` seeded orders and printed by the report's place in the order (1st–3rd imported, 4th–6th, 7th–10th,
11th on), beside the first run (nothing taught) of the same reports.

The series is held-out batch 17: sixteen 2025 reports of Chongqing units, of six districts writing to the
city's one outline (the stored pages held no more than four or five new units of any one district). It is
measured as one pseudo-district, and each district's four are measured alone (every order). As a contrast,
batches 12–16 (reports from all over the country) are measured the same way as a pseudo-district: the first
16 of each random order.
"""

import os
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import permutations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from indicators.catalogue import add_alias  # noqa: E402
from indicators.extraction import match_figures  # noqa: E402
from tests.corpus_expectations import (  # noqa: E402
    CORPUS,
    FigureScore,
    label_codes,
    national_indicators,
    preview_teaching,
)

CORPUS_DIR = ROOT / "tests" / "corpus"
SERIES = 17
CONTRAST = (12, 13, 14, 15, 16)
ORDERS = 200
SEED = 18  # the number: the same orders on every run
PLACES = [("1st–3rd", 1, 3), ("4th–6th", 4, 6), ("7th–10th", 7, 10), ("11th on", 11, None)]
# The units' district, by the site the report was published on (tests/corpus/index.tsv).
DISTRICT_SITES = {
    "wz.gov.cn": "万州区",
    "ws.cq.gov.cn": "万盛经开区",
    "cqjlp.gov.cn": "九龙坡区",
    "rongchang.gov.cn": "荣昌区",
    "cqkz.gov.cn": "开州区",
    "fl.gov.cn": "涪陵区",
}


def district_of(file):
    rows = (CORPUS_DIR / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]
    url = next(row.split("\t")[3] for row in rows if row.split("\t")[0] == file)
    return next((name for site, name in DISTRICT_SITES.items() if site in url), "")


@dataclass
class InUse:
    """What a district's imports came to, over many orders of its reports."""

    by_place: dict[str, FigureScore] = field(
        default_factory=lambda: {name: FigureScore() for name, *_ in PLACES}
    )
    taught: list[int] = field(default_factory=list)  # aliases taught in each order
    phrases: Counter = field(default_factory=Counter)  # (phrase, indicator) taught: in how many orders
    used: Counter = field(default_factory=Counter)  # …suggestions it made later in the order
    right_by_taught: int = 0  # suggestions an alias taught earlier in the order made, right ones
    wrong_by_taught: Counter = field(default_factory=Counter)  # …and wrong ones: (phrase, indicator, figure)

    def place(self, position):
        return next(
            name for name, first, last in PLACES if position >= first and (last is None or position <= last)
        )


def import_in_order(reports, in_use):
    """The district imports ``reports`` in this order, teaching as it goes."""
    indicators = national_indicators()
    taught = set()  # (indicator code, phrase)
    for position, expected in enumerate(reports, 1):
        text = (CORPUS_DIR / expected.file).read_text(encoding="utf-8")
        labels = [label for _, label in expected.figures]
        matches = match_figures(text, indicators)
        in_use.by_place[in_use.place(position)].add(labels, [[i.code for i in m.indicators] for m in matches])
        for (figure, label), match in zip(expected.figures, matches, strict=True):
            for indicator, alias in zip(match.indicators, match.aliases, strict=True):
                if (indicator.code, alias) not in taught:
                    continue
                in_use.used[(alias, indicator.code)] += 1
                if indicator.code in label_codes(label):
                    in_use.right_by_taught += 1
                else:
                    in_use.wrong_by_taught[(alias, indicator.code, f"{expected.file} {figure}")] += 1
        for indicator, phrase in preview_teaching(text, indicators, labels):
            if add_alias(indicator, phrase):
                taught.add((indicator.code, phrase.strip()))
                in_use.phrases[(phrase.strip(), indicator.code)] += 1
    in_use.taught.append(len(taught))


def share(part, whole):
    return f"{part / whole:.0%}" if whole else "—"


def print_score(name, score):
    print(
        f"  {name:34} stated {score.stated:5}  found {score.found:5} ({share(score.found, score.stated):>4})  "
        f"suggested {score.suggested:5}  correct {score.correct:5} ({share(score.correct, score.suggested):>4})"
    )


def first_run(reports):
    score = FigureScore()
    indicators = national_indicators()
    for expected in reports:
        text = (CORPUS_DIR / expected.file).read_text(encoding="utf-8")
        matches = match_figures(text, indicators)
        score.add([label for _, label in expected.figures], [[i.code for i in m.indicators] for m in matches])
    return score


def print_in_use(title, reports, orders, length=None):
    in_use = InUse()
    for order in orders:
        import_in_order(list(order)[:length], in_use)
    print(
        f"{title}: {len(reports)} reports, {len(orders)} orders"
        + (f", the first {length} of each" if length else "")
    )
    print_score("first run (nothing taught)", first_run(reports))
    for name, score in in_use.by_place.items():
        if score.stated:
            print_score(f"in use, imported {name}", score)
    taught = in_use.taught
    wrong = sum(in_use.wrong_by_taught.values())
    print(
        f"  aliases taught in an order: {sum(taught) / len(taught):.1f} on average ({min(taught)}–{max(taught)}); "
        f"suggestions made by a taught alias: {in_use.right_by_taught + wrong}, wrong {wrong}"
    )
    print("  phrases taught (in how many orders; suggestions each made later in its order, over all orders):")
    for (phrase, code), count in sorted(
        in_use.phrases.items(), key=lambda item: (-in_use.used[item[0]], item[0])
    ):
        print(
            f"      “{phrase}” → {code}: taught in {count}, then suggested {in_use.used[(phrase, code)]} times"
        )
    for (alias, code, figure), count in in_use.wrong_by_taught.most_common():
        print(f"      taught “{alias}” → {code}: wrong for {figure} in {count} orders")
    print()


def shuffled(reports, count, seed):
    rng = random.Random(seed)
    orders = []
    for _ in range(count):
        order = list(reports)
        rng.shuffle(order)
        orders.append(order)
    return orders


if __name__ == "__main__":
    series = [e for e in CORPUS if e.held_out == SERIES]
    districts = Counter(district_of(e.file) for e in series)
    print(
        f"Held-out series {SERIES}: {len(series)} reports of 2025, "
        + ", ".join(f"{name} {count}" for name, count in districts.most_common())
        + "\n"
    )
    print_in_use("The series as one pseudo-district (one city)", series, shuffled(series, ORDERS, SEED))
    for name, count in districts.most_common():
        if count >= 4:
            own = [e for e in series if district_of(e.file) == name]
            print_in_use(f"{name} alone, every order", own, list(permutations(own)))
    contrast = [e for e in CORPUS if e.held_out in CONTRAST]
    if contrast:
        batches = sorted({e.held_out for e in contrast})
        print_in_use(
            f"Contrast: batches {batches[0]}–{batches[-1]} (all over the country) as one pseudo-district",
            contrast,
            shuffled(contrast, ORDERS, SEED),
            length=len(series),
        )
