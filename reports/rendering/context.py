"""The one render context of the official document: the on-screen preview, the PDF and the .docx read it.

Its query count does not depend on the report's size: sections with their items, the organs, this year's
and last year's indicator values are each fetched in one query.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import TypedDict

from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from indicators.aggregation import year_on_year
from indicators.models import Indicator, IndicatorValue
from reports.common.widgets import printed
from reports.models import Report, Section

from .document import Block, build_blocks
from .title import title_lines

ATTACHMENT_TITLE = "主要指标统计表"
SUBJECT = "法治政府建设年度报告"
FINAL_STATUSES = (Report.Status.APPROVED, Report.Status.ACCEPTED)
HEAD_KINDS = ("organ", "document_number", "title", "addressee")
SIGNATURE_KINDS = ("signature", "date")


@dataclass
class PrintedRun:
    text: str
    font: str  # the CSS class of the font: "" (the paragraph's own), "kaiti" or "heiti"


@dataclass
class PrintedBlock:
    """A block of ``build_blocks`` with each run's font decided, so the template only prints."""

    kind: str
    level: int
    anchor: str
    runs: list[PrintedRun]
    # The lines a paragraph must keep together at the foot of a page: a run-in heading's lines and the
    # first character of its text, so no heading is split or left without its text (orphans, in CSS).
    keep: int = 1

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bookmark(self) -> str:
        """A run-in "（一）标题。" is a PDF bookmark under its section: its leading heading runs."""
        leading = []
        for run in self.runs:
            if run.font != "kaiti":
                break
            leading.append(run.text)
        return "".join(leading)


@dataclass
class IndicatorRow:
    category: str
    name: str
    unit: str
    display: str
    previous_display: str
    change: str


class DocumentContext(TypedDict):
    report: Report
    document_title: str
    blocks: list[Block]
    head_blocks: list[PrintedBlock]
    title_lines: list[list[str]]
    body_blocks: list[PrintedBlock]
    signature_blocks: list[PrintedBlock]
    indicator_rows: list[IndicatorRow]
    indicator_table: SafeString
    is_draft: bool
    attachment_title: str
    subject: str
    keywords: str
    created: str


Masks = Sequence[tuple[str, str]]


def apply_masks(text: str, masks: Iterable[tuple[str, str]]) -> str:
    """``text`` with every (original, masked) pair replaced, the longest original first."""
    for original, masked in sorted(masks, key=lambda pair: -len(pair[0])):
        text = text.replace(original, masked)
    return text


def report_context(
    report: Report,
    sections: list[Section] | None = None,
    masks: Masks = (),
    values: list[IndicatorValue] | None = None,
) -> DocumentContext:
    """Everything the document template needs. ``report`` should come with its unit (select_related);
    ``sections`` may come loaded with their items (``Report.sections_with_items``). ``masks`` are
    (original, masked) pairs applied to every printed text: the public's copy of the report. ``values``
    stand in for the report's indicator values (a snapshot's, reports/snapshots.py)."""
    prefetch_related_objects([report], "organs")
    if sections is None:
        sections = list(report.sections_with_items())
    blocks = build_blocks(report, sections)
    for block in blocks if masks else ():
        for run in block.runs:
            run.text = apply_masks(run.text, masks)
    printed = [printed_block(block) for block in blocks]
    rows = indicator_rows(report, values)
    return {
        "report": report,
        "document_title": apply_masks(report.display_title, masks),
        "blocks": blocks,
        # The template prints the three parts apart: the attachment note goes between body and signature.
        "head_blocks": [b for b in printed if b.kind in HEAD_KINDS],
        # GB/T 9704 7.3.3: the title wraps between words, in even lines (rendering/title.py).
        "title_lines": next((title_lines(b.text) for b in printed if b.kind == "title"), []),
        "body_blocks": [b for b in printed if b.kind not in HEAD_KINDS + SIGNATURE_KINDS],
        "signature_blocks": [b for b in printed if b.kind in SIGNATURE_KINDS],
        "indicator_rows": rows,
        "indicator_table": indicator_table(rows),
        "is_draft": report.status not in FINAL_STATUSES,
        "attachment_title": ATTACHMENT_TITLE,
        "subject": SUBJECT,
        "keywords": ",".join([SUBJECT, report.unit.short_name, f"{report.year}年度"]),
        # The PDF's creation date is the date of the content, so the same version renders the same file.
        "created": localtime(report.updated_at).replace(microsecond=0).isoformat(),
    }


def printed_block(block: Block) -> PrintedBlock:
    """Run-in labels and headings print in their level's heading font; the text runs in the body font.

    "一、" headings are 黑体 as a whole and "（一）" 楷体; "1."/"（1）" and the "一是" enumerations stay in
    the body font (GB/T 9704: bold is house style, not the standard).
    """
    runs = []
    for run in block.runs:
        font = ""
        if block.kind == "section_heading":
            font = "heiti"
        elif block.level == 2 and run.role in ("label", "heading") and not _is_enumerated(block):
            font = "kaiti"
        runs.append(PrintedRun(run.text, font))
    return PrintedBlock(block.kind, block.level, block.anchor, runs, _run_in_heading_lines(block))


LINE_CELLS = 28  # GB/T 9704: 28 characters a line, the first line indented two


def _run_in_heading_lines(block: Block) -> int:
    """How many lines a body paragraph's leading label and heading take, with the first character of its
    text: counted as full-width cells, so never too few (a digit is narrower). 1 for any other block;
    at most 4, as the stylesheet's classes go."""
    if block.kind != "body" or not block.runs or block.runs[0].role == "text":
        return 1
    leading = 0
    for run in block.runs:
        if run.role == "text":
            break
        leading += len(run.text)
    return min(4, -(-(2 + leading + 1) // LINE_CELLS))


def _is_enumerated(block: Block) -> bool:
    # An "一是…" paragraph carries its label as a label run; heading labels end in "、", "）" or ".".
    labels = [run.text for run in block.runs if run.role == "label"]
    return bool(labels) and all(label.endswith("是") for label in labels)


def indicator_rows(report: Report, values: list[IndicatorValue] | None = None) -> list[IndicatorRow]:
    """This year's values grouped by category (in the catalogue's order), then by position."""
    if values is None:
        values = list(report.indicator_values.select_related("indicator").order_by())  # sorted below
    else:
        values = list(values)
    previous = IndicatorValue.objects.previous_year_of(report)  # each gets this year's indicator below
    category_order = {value: index for index, value in enumerate(Indicator.Category.values)}
    # Translated once, not per row: get_category_display() translates the whole choice list each time.
    category_labels = {value: str(label) for value, label in Indicator.Category.choices}
    values.sort(
        key=lambda v: (category_order.get(v.indicator.category, 99), v.indicator.position, v.indicator.code)
    )
    rows = []
    for value in values:
        indicator = value.indicator
        last = previous.get(indicator.pk)
        if last is not None:
            last.indicator = indicator  # the same row: its display needs the unit
        rows.append(
            IndicatorRow(
                category=category_labels.get(indicator.category, indicator.category),
                name=indicator.name,
                unit=indicator.unit,
                display=value.display,
                previous_display=last.display if last else "",
                change=change_text(value, last),
            )
        )
    return rows


def indicator_table(rows: list[IndicatorRow]) -> SafeString:
    """The attachment table's body, by category, written out as the template's ``{% regroup %}`` loop
    printed it (whitespace and all): 43 rows of the demo report were a third of the preview's template
    time (issue 13). tests/test_document_context.py compares the two."""
    parts = ["\n    \n    "]
    for category, group in groupby(rows, key=attrgetter("category")):
        parts.append(
            f'\n      <tr class="category"><th colspan="4" class="kaiti">{printed(category)}</th></tr>\n      '
        )
        parts.extend(
            f'\n      <tr><td>{printed(row.name)}</td><td class="number">{printed(row.display)}</td>'
            f'<td class="number">{printed(row.previous_display)}</td><td class="change">{printed(row.change)}</td>'
            "</tr>\n      "
            for row in group
        )
        parts.append("\n    ")
    return SafeString("".join(parts))


def change_text(current: IndicatorValue, previous: IndicatorValue | None) -> str:
    """ "减少14件（-31.8%）"; a percentage indicator changes by percentage points: "增加2.5个百分点"."""
    change = year_on_year(current, previous)
    return change.describe(current.indicator.unit) if change else ""
