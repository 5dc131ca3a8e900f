"""How far two labellers agree on the corpus's figures, and the finder against each (issue 18): prints
figures, asserts nothing.

    .venv/bin/python bench/label_agreement.py

The figures of held-out batches 12–22 were labelled a second time (``tests/corpus/second_labels.json``), by a
hand that saw neither the first labels nor the finder's suggestions, only each figure with its sentence and
the written convention (docs/figures-corpus.md, "How figures are labelled"). Printed, in the measure the
finder is held to ("found": stated values given a suggestion; "correct": suggestions naming a labelled
indicator):
- the second labels read as if they were suggestions, against the first: what a careful person reaches;
- the finder against the first labels, against the second, and on the figures both labels agree on;
- the figures the two labels differ on, by the indicators involved.
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

from indicators.extraction import match_figures  # noqa: E402
from tests.corpus_expectations import CORPUS, FigureScore, label_codes, national_indicators  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "corpus"
SECOND_LABELS = CORPUS_DIR / "second_labels.json"


def second_label(label):
    return tuple(label) if isinstance(label, list) else label


def line(name, score):
    found = score.found / score.stated if score.stated else 0
    correct = score.correct / score.suggested if score.suggested else 0
    print(
        f"  {name}: {score.stated} stated values, found {score.found} ({found:.0%}); "
        f"suggested {score.suggested}, correct {score.correct} ({correct:.0%})"
    )


def main():
    if not SECOND_LABELS.exists():
        print(f"no second labels ({SECOND_LABELS.relative_to(ROOT)})")
        return
    second = json.loads(SECOND_LABELS.read_text(encoding="utf-8"))
    indicators = national_indicators()
    human, finder_first, finder_second, finder_agreed = (FigureScore() for _ in range(4))
    figures = agreed = 0
    differ = Counter()
    for expected in CORPUS:
        if expected.file not in second:
            continue
        firsts = [label for _, label in expected.figures]
        seconds = [second_label(label) for label in second[expected.file]]
        if len(seconds) != len(firsts):
            print(f"  {expected.file}: {len(seconds)} second labels for {len(firsts)} figures, left out")
            continue
        text = (CORPUS_DIR / expected.file).read_text(encoding="utf-8")
        suggested = [[i.code for i in m.indicators] for m in match_figures(text, indicators)]
        human.add(firsts, [list(label_codes(label)) for label in seconds])
        finder_first.add(firsts, suggested)
        finder_second.add(seconds, suggested)
        for first, other, codes in zip(firsts, seconds, suggested, strict=True):
            figures += 1
            same = sorted(label_codes(first)) == sorted(label_codes(other))
            if same:
                agreed += 1
                finder_agreed.add([first], [codes])
            else:
                differ[(" + ".join(label_codes(first)) or "—", " + ".join(label_codes(other)) or "—")] += 1
    print(f"{figures} figures labelled twice; the two labels agree on {agreed} ({agreed / figures:.0%})")
    line("second labels as suggestions, against the first", human)
    line("the finder against the first labels", finder_first)
    line("the finder against the second labels", finder_second)
    line("the finder on the figures both labels agree on", finder_agreed)
    print("Where the labels differ (first → second: figures):")
    for (first, other), count in differ.most_common():
        print(f"  {first} → {other}: {count}")


if __name__ == "__main__":
    main()
