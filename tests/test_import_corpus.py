"""Published reports (tests/corpus/) imported as their readers see them, and printed back with nothing lost.

Each report's expected structure and figures are written by hand in tests/corpus_expectations.py.
"""

import json
import re
from pathlib import Path

import pytest

from indicators.extraction import match_figures
from reports.importing import create_report_from_parse, parse_report_text
from reports.importing.parser import find_inline_lists, run_together_lines_apart, split_inline_list
from reports.importing.preview import drop_page_lines, preview_import
from reports.rendering.document import report_to_text
from tests.corpus_expectations import CORPUS, FigureScore, national_indicators
from tests.document_helpers import squeeze

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
# A numbering label at the start of a line ("一、", "（一）", "一)", "(一", "1.", "（1）") or a "一是" anywhere:
# the app prints labels it generates from order, so they are compared apart from the text.
LABEL = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+\s*[）)、.．]|[（(][一二三四五六七八九十]+|\d{1,3}\s*[.．、)）]|[（(]\d{1,3}[）)])",
    re.MULTILINE,
)
ENUMERATION = re.compile("[一二三四五六七八九十]+是")


def han_characters(text):
    """The Han characters of ``text`` in order, numbering labels left out (those a copy ran into the line
    before them too, as the importer reads them)."""
    text = "\n".join(run_together_lines_apart(text.splitlines()))
    return [c for c in ENUMERATION.sub("", LABEL.sub("", text)) if "\u4e00" <= c <= "\u9fff"]


def without_lines(text, dropped):
    """``text`` without the lines ``dropped`` (each once, whitespace around them ignored)."""
    remaining = list(dropped)
    kept = []
    for line in text.splitlines():
        if line.strip() in remaining:
            remaining.remove(line.strip())
        else:
            kept.append(line)
    assert not remaining
    return "\n".join(kept)


def is_in_order(needles, haystack):
    remaining = iter(haystack)
    return all(any(c == h for h in remaining) for c in needles)


def source(expected):
    return (CORPUS_DIR / expected.file).read_text(encoding="utf-8")


def year(expected):
    return int(expected.file[:4])


def top_items(section):
    """The numbered items at the section's first level, else its "一是" items, else its paragraphs."""
    numbered = [i for i in section.items if i.style in ("heading", "run_in")]
    if numbered:
        top = min(i.level for i in numbered)
        return sum(i.level == top for i in numbered)
    enumerated = [i for i in section.items if i.style == "enumerated"]
    return len(enumerated) or len(section.items)


def test_the_corpus_has_twenty_reports_of_every_kind_of_unit_and_year():
    files = sorted(p.name for p in CORPUS_DIR.glob("*.txt"))
    assert files == sorted(e.file for e in CORPUS)
    assert len(files) >= 20
    index = (CORPUS_DIR / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in index]
    assert sorted(row[0] for row in rows) == files
    assert {row[1] for row in rows} == {"街道", "乡镇", "区县政府", "区县部门"}
    assert {int(row[2]) for row in rows} >= {2019, 2020, 2022, 2023, 2024, 2025}
    assert all(row[3].startswith("http") for row in rows)


@pytest.mark.parametrize("expected", CORPUS, ids=lambda e: e.file)
def test_header_and_sections_read_as_a_reader_reads_them(expected):
    parsed = preview_import(source(expected), []).parsed
    assert parsed.issuing_organs == expected.organs
    assert parsed.title == expected.title
    assert parsed.addressee == expected.addressee
    assert len(parsed.page_lines) == expected.page_lines
    assert parsed.duplicate_headline == expected.duplicate_headline
    assert [s.kind for s in parsed.sections] == expected.kinds
    assert [top_items(s) for s in parsed.sections] == expected.top_items
    assert len(find_inline_lists(parsed)) == expected.inline_lists
    assert len(parsed.warnings) == expected.warnings, parsed.warnings


@pytest.mark.parametrize("expected", CORPUS, ids=lambda e: e.file)
def test_every_figure_is_found_with_its_text(expected):
    found = [m.figure.text for m in match_figures(source(expected), national_indicators())]
    assert found == [text for text, _ in expected.figures]


@pytest.mark.django_db
@pytest.mark.parametrize("expected", CORPUS, ids=lambda e: e.file)
def test_imported_and_printed_with_every_han_character_in_order(expected, unit):
    """Imported as the preview's defaults have it: the web page's lines dropped (they are checked apart,
    in test_removing_the_page_lines_leaves_the_document), everything else kept."""
    text = source(expected)
    parsed = preview_import(text, []).parsed
    page_lines = [parsed.preamble[i] for i in parsed.page_lines]
    drop_page_lines(parsed)
    report = create_report_from_parse(parsed, unit, year(expected))
    printed = report_to_text(report)
    assert is_in_order(han_characters(without_lines(text, page_lines)), han_characters(printed))
    if expected.title:  # a report without a title gets none invented
        assert report.title == expected.title
    else:
        assert report.title == ""


@pytest.mark.django_db
@pytest.mark.parametrize("expected", [e for e in CORPUS if e.inline_lists], ids=lambda e: e.file)
def test_splitting_inline_lists_prints_the_same_text(expected, unit, other_unit):
    text = source(expected)
    as_written = create_report_from_parse(preview_import(text, []).parsed, unit, year(expected))
    parsed = preview_import(text, []).parsed
    lists = find_inline_lists(parsed)
    for inline in reversed(lists):
        split_inline_list(parsed, inline)
    split = create_report_from_parse(parsed, other_unit, year(expected))
    assert squeeze(report_to_text(split)) == squeeze(report_to_text(as_written))
    assert split.sections.filter(items__style="enumerated").count() > 0


@pytest.mark.parametrize("expected", [e for e in CORPUS if e.page_lines], ids=lambda e: e.file)
def test_removing_the_page_lines_leaves_the_document(expected):
    parsed = parse_report_text(source(expected))
    marked = [parsed.preamble[i] for i in parsed.page_lines]
    drop_page_lines(parsed)
    assert not any(line in parsed.preamble for line in marked)
    assert parsed.page_lines == []
    assert parsed.title == expected.title


def test_figures_are_suggested_for_most_stated_values_and_almost_always_rightly():
    """On the reports the catalogue's wordings were collected from; bench/import_figures.py prints the
    rates on the held-out reports too."""
    score = FigureScore()
    for expected in [e for e in CORPUS if not e.held_out]:
        matches = match_figures(source(expected), national_indicators())
        score.add([label for _, label in expected.figures], [[i.code for i in m.indicators] for m in matches])
    assert score.stated >= 60
    assert score.found_share >= 0.8
    assert score.correct_share >= 0.95


def test_the_first_runs_record_names_figures_of_the_corpus_as_they_are_found():
    """bench/first_runs.py reads what each batch's finder suggested at its first run: every row is a figure
    of a held-out report of that batch, at its place in ``find_figures``' list."""
    by_file = {e.file: e for e in CORPUS}
    rows = [json.loads(line) for line in (CORPUS_DIR / "first_runs.jsonl").read_text().splitlines()]
    assert len(rows) > 500 and {row["batch"] for row in rows} == {e.held_out for e in CORPUS if e.held_out}
    for row in rows:
        expected = by_file[row["file"]]
        assert expected.held_out == row["batch"]
        assert expected.figures[row["index"]][0] == row["figure"]
