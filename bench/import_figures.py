"""How well the importer finds a report's figures as indicator values (issue 18): prints figures, asserts
nothing.

    .venv/bin/python bench/import_figures.py

Reads every published report of tests/corpus/ and compares what ``indicators.extraction.match_figures``
makes of each figure with the hand labels of tests/corpus_expectations.py (the indicator of the default
national catalogue each figure is a value of, or none). Prints, per report and in all:
- stated: indicator values the texts state (a figure stated for two rates counts twice);
- found: those whose figure the finder suggested an indicator for (share of stated);
- suggested: (figure, indicator) pairs suggested, labelled or not; correct: those naming a labelled
  indicator (share of suggested).
Separately for the reports the national catalogue's wordings were collected from (in sample), for each
batch of held-out reports (labelled before the finder was run on them; see ``Expected.held_out``) and for
all held-out reports together. Once with the
default national catalogue, once with the demo district's own catalogue (59 indicators with the wordings
of one district's reports) for comparison (its "correct" compares codes the two catalogues share, so only
its "found" means much), and once more with the scored fallback of ``match_figures`` at ``SCORED`` (off by
default; bench/figures_loo.py chooses its setting). And the suggestions the import preview ticks by
default: all but those of the indicators marked ``confirm_on_import`` (study and meetings). Aims: ≥ 80 % found, ≥ 95 % correct. The guesses the
import preview shows beside unmatched figures are measured by bench/figure_guesses.py, the finder in use (a
district teaching its catalogue the wordings of its units' reports, one import after another) by
bench/figures_in_use.py.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from indicators.demo_catalogue import CATALOGUE  # noqa: E402
from indicators.extraction import match_figures  # noqa: E402
from tests.corpus_expectations import (  # noqa: E402
    CORPUS,
    FigureScore,
    label_codes,
    national_indicators,
    unsaved_indicators,
)

CORPUS_DIR = ROOT / "tests" / "corpus"


BATCHES = sorted({e.held_out for e in CORPUS if e.held_out})
GROUPS = {
    "in sample": lambda e: not e.held_out,
    **{f"held out, batch {n}": (lambda e, n=n: e.held_out == n) for n in BATCHES},
    "held out, all": lambda e: bool(e.held_out),
}


# The scored fallback's setting measured beside the default (off): see bench/figures_loo.py.
SCORED = (5, 1)


def score(indicators, verbose, in_group, scored=None, ticked_only=False):
    """``ticked_only``: only the suggestions the import preview ticks (not those of indicators marked
    ``confirm_on_import``, which it lists for the user to tick)."""
    total = FigureScore()
    for expected in [e for e in CORPUS if in_group(e)]:
        text = (CORPUS_DIR / expected.file).read_text(encoding="utf-8")
        matches = match_figures(text, indicators, scored=scored)
        labels = [label for _, label in expected.figures]
        matched = [
            [i.code for i in m.indicators if not (ticked_only and i.confirm_on_import)] for m in matches
        ]
        report = FigureScore()
        report.add(labels, matched)
        total.add(labels, matched)
        if verbose and expected.figures:
            print(
                f"  {expected.file:32} stated {report.stated:2}  found {report.found:2}  "
                f"suggested {report.suggested:2}  correct {report.correct:2}"
            )
            for (text_, label), codes in zip(expected.figures, matched, strict=True):
                if sorted(codes) != sorted(label_codes(label)):
                    print(f"      {text_:10} labelled {label!s:40} suggested {codes or '—'}")
    return total


def line(name, in_group, total):
    reports = sum(bool(in_group(e)) for e in CORPUS)
    found = total.found / total.stated if total.stated else 0
    correct = total.correct / total.suggested if total.suggested else 0
    print(
        f"{name}: {reports} reports, {total.stated} stated values; found {total.found} ({found:.0%}); "
        f"suggested {total.suggested}, correct {total.correct} ({correct:.0%})"
    )


if __name__ == "__main__":
    print(
        "With the default national catalogue (per report; figures where the finder differs from the label):"
    )
    for name in ("in sample", *(f"held out, batch {n}" for n in BATCHES)):
        print(f"{name}:")
        score(national_indicators(), verbose=True, in_group=GROUPS[name])
    for name, in_group in GROUPS.items():
        line(f"national catalogue, {name}", in_group, score(national_indicators(), False, in_group))
    for name, in_group in GROUPS.items():
        line(
            f"national catalogue, ticked in the preview (study and meetings left to confirm), {name}",
            in_group,
            score(national_indicators(), False, in_group, ticked_only=True),
        )
    for name, in_group in GROUPS.items():
        line(
            f"national catalogue with the scored fallback {SCORED}, {name}",
            in_group,
            score(national_indicators(), False, in_group, scored=SCORED),
        )
    for name in ("in sample", "held out, all"):
        line(
            f"demo district's catalogue, {name}",
            GROUPS[name],
            score(unsaved_indicators(CATALOGUE), False, GROUPS[name]),
        )
