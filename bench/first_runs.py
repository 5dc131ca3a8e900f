"""What the finder suggested on each held-out batch at its first run, and how many of those suggestions
were right, by indicator and by what the import preview does with them (ticks them, or lists them for the
user to confirm): prints figures, asserts nothing.

    .venv/bin/python bench/first_runs.py

tests/corpus/first_runs.jsonl holds, for every figure of the held-out batches that was labelled with an indicator
or got a suggestion, the first-run suggestion: ``match_figures`` with the national catalogue as it stood at
``commit`` (the finder before the fixes that batch showed), against the label at that run. It was made by
running each batch's commit on its reports (the rows reproduce every first run of docs/figures-corpus.md);
these are the only out-of-sample suggestions the corpus has, so a rule about which suggestions to trust is
measured on them, not on the corpus as the code stands.
"""

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from indicators.national_catalogue import CONFIRM_ON_IMPORT  # noqa: E402
from tests.corpus_expectations import label_codes  # noqa: E402

ROWS = [json.loads(line) for line in (ROOT / "tests/corpus/first_runs.jsonl").read_text().splitlines()]
PARTS = {
    "batches 1–18": range(1, 19),
    "batches 19–26": range(19, 27),
    "batches 27–30 (measured after the preview began to leave them to confirm)": range(27, 31),
    "batches 1–30": range(1, 31),
}


def label(row):
    return label_codes(tuple(row["label"]) if isinstance(row["label"], list) else row["label"])


def shares(rows, keep=lambda code: True):
    stated = found = suggested = right = 0
    for row in rows:
        wanted, codes = label(row), [code for code in row["suggested"] if keep(code)]
        stated += len(wanted)
        found += len(wanted) if codes else 0
        suggested += len(codes)
        right += sum(code in wanted for code in codes)
    return stated, found, suggested, right


def pct(part, whole):
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "—"


if __name__ == "__main__":
    print("First runs, batch by batch (stated values found; suggestions right):")
    for batch in sorted({row["batch"] for row in ROWS}):
        stated, found, suggested, right = shares(r for r in ROWS if r["batch"] == batch)
        print(f"  batch {batch:2}: found {pct(found, stated):16} right {pct(right, suggested)}")
    print(
        "\nWhat the preview does with them (study and meetings, marked confirm_on_import, left to confirm):"
    )
    for name, batches in PARTS.items():
        rows = [r for r in ROWS if r["batch"] in batches]
        stated, found, all_suggested, all_right = shares(rows)
        _, _, ticked, ticked_right = shares(rows, lambda code: code not in CONFIRM_ON_IMPORT)
        _, _, confirm, confirm_right = shares(rows, lambda code: code in CONFIRM_ON_IMPORT)
        print(
            f"  {name}: found {pct(found, stated)}; right: all {pct(all_right, all_suggested)}; "
            f"ticked {pct(ticked_right, ticked)}; "
            f"left to confirm {pct(confirm_right, confirm)}"
        )
    print("\nRight by suggested indicator, all batches (four or more suggestions):")
    suggested, right = Counter(), Counter()
    for row in ROWS:
        for code in row["suggested"]:
            suggested[code] += 1
            right[code] += code in label(row)
    for code, count in suggested.most_common():
        if count >= 4:
            print(f"  {code:28} {pct(right[code], count)}")
