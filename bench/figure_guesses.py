"""The guesses the import preview shows beside figures no alias names (issue 18): prints figures, asserts
nothing.

    .venv/bin/python bench/figure_guesses.py

The preview lists the figures of a report that no alias of the district's catalogue names, for the user to
put on the sheet; beside each, the scored fallback of ``match_figures`` may guess an indicator, which the user
confirms or not (``reports.importing.preview.unmatched_figures``: no guess for an indicator the text already
fills, nor in a measure word the figure cannot fill). Measured against the hand labels of
tests/corpus_expectations.py, over the figures the aliases leave unmatched:
- stated: those that are a labelled indicator's value; guessed: of those, the ones given a guess; right:
  guesses naming the labelled indicator;
- none: the figures labelled with no indicator ("15家单位"); noise: those given a guess, which the user
  must pass over.
Three ways, for each setting (min score, min margin):
- A, the catalogue as it stands, on all reports: it knows every wording of the corpus, so what is left is
  mostly what the alias rules declined on purpose, and noise;
- B, unknown wordings as they came: batches 6–10 with the national catalogue as it stood at each batch's
  first run (read from git history, as bench/figures_loo.py does);
- C, unknown wordings simulated: each labelled figure an alias names rightly, read again with the catalogue
  without that alias (in every indicator); counted when no other alias then names it.
The preview's setting (``GUESSES``) is the one with the most right guesses on unknown wordings (B + C) among
those where at least 3 guesses in 4 are right, A, B and C together, noise counted as wrong (a wrong guess
costs a reading, the select stays on 不加入; too many and users stop reading them). Ties go to the stricter.
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from bench.figures_loo import FIRST_RUNS, catalogue_at  # noqa: E402
from indicators.extraction import first_values, match_figures  # noqa: E402
from indicators.national_catalogue import NATIONAL_CATALOGUE  # noqa: E402
from reports.importing.preview import GUESSES, unmatched_figures  # noqa: E402
from tests.corpus_expectations import CORPUS, label_codes, unsaved_indicators  # noqa: E402

SETTINGS = [(score, margin) for score in (1, 2, 3, 4, 5, 6) for margin in (0.5, 1, 2)]
RIGHT_SHARE_MIN = 0.75


@dataclass
class Guesses:
    stated: int = 0
    guessed: int = 0
    right: int = 0
    none: int = 0
    noise: int = 0

    def __add__(self, other):
        return Guesses(*(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__))

    @property
    def shown(self):
        return self.guessed + self.noise

    def __str__(self):
        return (
            f"stated {self.stated:3}, guessed {self.guessed:2}, right {self.right:2} | "
            f"none {self.none:3}, noise {self.noise:2}"
        )


def preview_figures(text, indicators, setting):
    """(figure match with the guess the preview shows, whether an alias names it) for every figure."""
    matches = match_figures(text, indicators, scored=setting)
    unmatched = unmatched_figures(matches, first_values(m for m in matches if not m.guessed))
    by_figure = {match.figure.start: match for match in unmatched}
    return [(by_figure.get(match.figure.start), not by_figure.get(match.figure.start)) for match in matches]


def count(expected, figures, only=None):
    """Guesses for the figures (of ``expected``'s labels) the aliases leave unmatched; ``only``: the indexes of
    the figures to count."""
    score = Guesses()
    for index, ((_, label), (match, named)) in enumerate(zip(expected.figures, figures, strict=True)):
        if named or (only is not None and index not in only):
            continue
        wanted = label_codes(label)
        guess = match.guess
        if wanted:
            score.stated += 1
            score.guessed += guess is not None
            score.right += guess is not None and guess.code in wanted
        else:
            score.none += 1
            score.noise += guess is not None
    return score


def as_it_stands(texts, setting):
    indicators = unsaved_indicators(NATIONAL_CATALOGUE)
    return sum(
        (count(e, preview_figures(texts[e.file], indicators, setting)) for e in CORPUS), start=Guesses()
    )


def first_runs(texts, catalogues, setting):
    return sum(
        (
            count(e, preview_figures(texts[e.file], catalogues[e.held_out], setting))
            for e in CORPUS
            if e.held_out in catalogues
        ),
        start=Guesses(),
    )


def alias_left_out(texts, setting):
    """C: for each (report, alias) that names a labelled figure rightly, the report read without the alias."""
    indicators = unsaved_indicators(NATIONAL_CATALOGUE)
    total = Guesses()
    for expected in CORPUS:
        text = texts[expected.file]
        named = {}  # alias → indexes of the figures it names rightly
        for index, ((_, label), match) in enumerate(
            zip(expected.figures, match_figures(text, indicators), strict=True)
        ):
            for indicator, alias in zip(match.indicators, match.aliases, strict=True):
                if indicator.code in label_codes(label) and len(match.indicators) == 1:
                    named.setdefault(alias, set()).add(index)
        for alias, indexes in named.items():
            without = unsaved_indicators(
                [{**e, "aliases": [a for a in e["aliases"] if a != alias]} for e in NATIONAL_CATALOGUE]
            )
            total += count(expected, preview_figures(text, without, setting), only=indexes)
    return total


if __name__ == "__main__":
    texts = {e.file: (ROOT / "tests" / "corpus" / e.file).read_text(encoding="utf-8") for e in CORPUS}
    catalogues = {batch: catalogue_at(commit) for batch, commit in FIRST_RUNS.items()}
    if None in catalogues.values():
        print("B skipped: the git history of the national catalogue is not there.")
        catalogues = {}
    print(f"Over the figures the aliases leave unmatched; the preview's setting now: {GUESSES}.")
    rows = {}
    for setting in SETTINGS:
        a, b, c = (
            as_it_stands(texts, setting),
            first_runs(texts, catalogues, setting),
            alias_left_out(texts, setting),
        )
        rows[setting] = a, b, c
        print(f"{setting}:\n  A as it stands  {a}\n  B first runs    {b}\n  C alias left out {c}")
    allowed = [
        s
        for s in SETTINGS
        if sum(r.right for r in rows[s]) >= RIGHT_SHARE_MIN * sum(r.shown for r in rows[s])
    ]
    useful = {s: rows[s][1].right + rows[s][2].right for s in allowed}
    # The stricter of two with as many right guesses: fewer to read past.
    chosen = max(allowed, key=lambda s: (useful[s], s)) if allowed else None
    print(
        f"Chosen by the rule (most right on B + C with ≥ {RIGHT_SHARE_MIN:.0%} of all guesses shown right, "
        f"noise counted as wrong): {chosen}"
    )
