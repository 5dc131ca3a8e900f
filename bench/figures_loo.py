"""The scored fallback's threshold chosen by leaving each held-out batch out (issue 18): prints figures,
asserts nothing.

    .venv/bin/python bench/figures_loo.py

For each held-out batch b: among the settings (``MIN_SCORE``, ``MIN_MARGIN``) of
``indicators.extraction._scored_links``, and the fallback off, the one that finds the most stated values on
the other reports (in sample and the other batches) while keeping their suggestions ≥ 95 % correct is
chosen, and batch b is measured with it. The sum over batches is the fallback's out-of-batch figure (the
catalogue's aliases were still collected from every batch, so it measures the threshold, not the aliases).
Ties go to the stricter setting; None is the fallback off.

Then what the fallback was written for, wordings the catalogue does not know yet: batches 6–10 measured with
the national catalogue as it stood at each batch's first run (read from git history), by the code as it
stands, with the fallback off and at ``SCORED``. (The code's other rules were written looking at every batch,
so this measures the aliases' part, not a first run.)
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from indicators import extraction  # noqa: E402
from indicators.national_catalogue import parse_table  # noqa: E402
from tests.corpus_expectations import CORPUS, FigureScore, national_indicators, unsaved_indicators  # noqa: E402

# The commits of batches 6–10's first runs (docs/figures-corpus.md), and the fallback's setting measured against off.
FIRST_RUNS = {6: "e57fd3c", 7: "278e3e1", 8: "050a70a", 9: "0e321d1", 10: "fc066a2"}
SCORED = (5, 1)

SETTINGS = [None] + [(score, margin) for score in (2, 3, 4, 5, 6, 7, 8) for margin in (0.5, 1, 2, 3)]


def scores_by_batch(indicators, texts, setting):
    scores = {}
    for expected in CORPUS:
        matches = extraction.match_figures(texts[expected.file], indicators, scored=setting)
        score = scores.setdefault(expected.held_out, FigureScore())
        score.add([label for _, label in expected.figures], [[i.code for i in m.indicators] for m in matches])
    return scores


def catalogue_at(commit):
    """The national catalogue as it stood at ``commit``, or None when the history is not there (a shallow
    clone, an exported tree)."""
    shown_file = subprocess.run(
        ["git", "show", f"{commit}:indicators/national_catalogue.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown_file.returncode != 0:
        return None
    table = re.search(r'TABLE = """(.*?)"""', shown_file.stdout, re.S).group(1)
    return unsaved_indicators(parse_table(table))


def total(scores):
    summed = FigureScore()
    for score in scores:
        for name in ("stated", "found", "suggested", "correct"):
            setattr(summed, name, getattr(summed, name) + getattr(score, name))
    return summed


def shown(score):
    correct = f"{score.correct / score.suggested:.0%}" if score.suggested else "—"
    return f"found {score.found}/{score.stated} ({score.found / score.stated:.0%}), correct {score.correct}/{score.suggested} ({correct})"


if __name__ == "__main__":
    indicators = national_indicators()
    texts = {e.file: (ROOT / "tests" / "corpus" / e.file).read_text(encoding="utf-8") for e in CORPUS}
    by_setting = {setting: scores_by_batch(indicators, texts, setting) for setting in SETTINGS}
    batches = sorted(b for b in by_setting[SETTINGS[0]] if b)
    left_out, off = [], []
    for batch in batches:

        def training(setting, batch=batch):
            return total(s for b, s in by_setting[setting].items() if b != batch)

        # ≥ 95 % right, or no less right than the fallback off when the rules themselves are under 95 %.
        floor = min(0.95, training(None).correct / training(None).suggested)
        allowed = [s for s in SETTINGS if training(s).correct >= floor * training(s).suggested]
        chosen = max(allowed, key=lambda s: (training(s).found, training(s).correct, s is None, s or (0, 0)))
        left_out.append(by_setting[chosen][batch])
        off.append(by_setting[SETTINGS[0]][batch])
        print(f"batch {batch}: chosen {chosen}; {shown(by_setting[chosen][batch])}; off: {shown(off[-1])}")
    print(f"all batches left out in turn: {shown(total(left_out))}; fallback off: {shown(total(off))}")
    for setting in SETTINGS:
        print(
            setting,
            "in sample",
            shown(by_setting[setting][0]),
            "| held out",
            shown(total(by_setting[setting][b] for b in batches)),
        )
    # The same choice, left out batch by batch, among batches 6–10 measured with their first runs'
    # catalogues; a fold's floor is 95 % or, when the fallback off is below that, the share off.
    old = {}
    catalogues = {batch: catalogue_at(commit) for batch, commit in FIRST_RUNS.items()}
    if None in catalogues.values():
        print("Batches 6–10 with their first runs' catalogues: skipped, the git history is not there.")
        sys.exit(0)
    for batch, catalogue in catalogues.items():
        for setting in SETTINGS:
            old[batch, setting] = scores_by_batch(catalogue, texts, setting).get(batch, FigureScore())
    print("Batches 6–10 with the catalogue of their first runs:")
    for setting in (None, SCORED):
        print(f"  {setting}: {shown(total(old[b, setting] for b in FIRST_RUNS))}")
    chosen_scores = []
    for batch in FIRST_RUNS:

        def old_training(setting, batch=batch):
            return total(old[b, setting] for b in FIRST_RUNS if b != batch)

        floor = min(0.95, old_training(None).correct / old_training(None).suggested)
        allowed = [s for s in SETTINGS if old_training(s).correct >= floor * old_training(s).suggested]
        chosen = max(
            allowed, key=lambda s: (old_training(s).found, old_training(s).correct, s is None, s or (0, 0))
        )
        chosen_scores.append(old[batch, chosen])
        print(f"  batch {batch} left out: chosen {chosen}; {shown(old[batch, chosen])}")
    print(f"  all five left out in turn: {shown(total(chosen_scores))}")
