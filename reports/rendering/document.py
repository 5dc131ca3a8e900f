"""A report laid out as the reader sees it: a flat list of blocks, numbered, in print order.

The HTML preview, the PDF (same template), the plain-text export and the .docx writer all read these
blocks, so what a report says and in which order lives here once.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from reports.common.text import typed_enumeration
from reports.models import Item, Report, Section

from .numbering import heading_label, item_labels


@dataclass
class Run:
    """A piece of a paragraph; ``role`` lets a template set the label or heading in another font."""

    text: str
    role: str = "text"  # "label", "heading" or "text"


@dataclass
class Block:
    kind: (
        str  # organ, document_number, title, addressee, body, section_heading, item_heading, signature, date
    )
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level for section_heading (1) and item_heading (2–4)
    anchor: str = ""  # id for bookmarks and links to a section or item

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def format_chinese_date(date: datetime.date) -> str:
    """GB/T 9704: Arabic numerals, no leading zeros — "2025年2月20日"."""
    return f"{date.year}年{date.month}月{date.day}日"


def build_blocks(report: Report, sections: Iterable[Section] | None = None) -> list[Block]:
    """The report's blocks. ``sections`` may be passed prefetched (with their items) to save queries."""
    if sections is None:
        sections = report.sections_with_items()
    prefetch_related_objects([report], "organs")  # one query for the issuing and the signing organs
    blocks = [Block("organ", [Run(organ.name)]) for organ in report.issuing_organs]
    if report.document_number:
        blocks.append(Block("document_number", [Run(report.document_number)]))
    if report.title:  # an untitled import prints none
        blocks.append(Block("title", [Run(report.title)]))
    if report.addressee:
        blocks.append(Block("addressee", [Run(report.addressee)]))
    blocks.extend(Block("body", [Run(p)]) for p in _paragraphs(report.preamble))

    for section_number, section in enumerate(sections, start=1):
        blocks.append(
            Block(
                "section_heading",
                [Run(heading_label(1, section_number), "label"), Run(section.heading, "heading")],
                level=1,
                anchor=f"section-{section.pk}",
            )
        )
        items = list(section.items.all())
        for item, label in zip(items, item_labels(items), strict=True):
            _add_item_blocks(blocks, item, label)

    blocks.extend(Block("signature", [Run(organ.name)]) for organ in report.signing_organs)
    if report.signing_date:
        blocks.append(Block("date", [Run(format_chinese_date(report.signing_date))]))
    return blocks


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _add_item_blocks(blocks: list[Block], item: Item, label: str) -> None:
    if item.is_empty:
        return
    anchor = f"item-{item.pk}"
    paragraphs = _paragraphs(item.body)
    if item.style == Item.Style.HEADING:
        runs = [Run(label, "label")] if label else []
        if item.heading:
            runs.append(Run(item.heading, "heading"))
        blocks.append(Block("item_heading", runs, level=item.level, anchor=anchor))
        blocks.extend(Block("body", [Run(p)]) for p in paragraphs)
        return

    heading = item.heading
    if item.style == Item.Style.ENUMERATED and label:  # the label printed is the one made from order
        if heading:
            heading = heading[len(typed_enumeration(heading)) :]
        elif paragraphs:
            paragraphs[0] = paragraphs[0][len(typed_enumeration(paragraphs[0])) :]
    first = []
    if label:
        first.append(Run(label, "label"))
    if heading:
        first.append(Run(heading, "heading"))
    if paragraphs:
        first.append(Run(paragraphs[0]))
    rest = paragraphs[1:]
    if item.joins_previous and blocks and blocks[-1].kind == "body":
        blocks[-1].runs.extend(first)
        if not blocks[-1].anchor:
            blocks[-1].anchor = anchor
    elif first:
        blocks.append(Block("body", first, level=item.level, anchor=anchor))
    blocks.extend(Block("body", [Run(p)]) for p in rest)


def report_to_text(report: Report) -> str:
    """The report as plain text, one block a line: what the importer reads back in."""
    return "\n".join(block.text for block in build_blocks(report)) + "\n"
