"""The district's combined volume (汇编) of a year: a cover, a table of contents with page numbers, then
every accepted report in the district's unit order, numbered continuously, with a bookmark per unit.

The volume is put together from the PDFs stored when each report was approved (reports/frozen_pdf.py):
merging pages costs milliseconds where laying a report out again costs a third of a second. A report
without a stored PDF (or one whose page numbers cannot be told apart, see page_numbers.py) is laid out
here by WeasyPrint, without page numbers. Each report's own page numbers are taken out of its pages and
the volume's drawn over them (page_numbers.py), in the document's own style: "— n —", odd numbers right,
even numbers left (GB/T 9704).

Every report starts on a right-hand (odd) page, as in a printed book: a report with an odd number of
pages is followed by a blank page, counted but not numbered. The front matter is not numbered; the
contents are laid out last, when every report's first page is known, and link to those pages. Each
report's own bookmarks go one level under its unit's.

This runs in a background job (reports/district/tasks.py), which passes ``progress`` to follow it.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    Destination,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
)
from weasyprint import HTML

from reports.models import Report, Unit

from .page_numbers import (
    NumberNotFound,
    PageNumbers,
    draw_over,
    no_numbers_stylesheet,
    number_form,
    strip_page_number,
)
from .pdf import BASE_URL, DocumentHTML, StaticOnlyFetcher, font_config, render_html, stylesheet
from .tuning import renders_pdf

logger = logging.getLogger(__name__)

# The contents link to "…/volume-page/7"; the links are turned into links to the volume's page 7.
PAGE_LINK = f"{BASE_URL}volume-page/"
A4 = (595.275591, 841.889764)  # pt, as WeasyPrint writes it

Progress = Callable[[int, int], None]


@dataclass
class Part:
    """One report of the volume, with its stored PDF (``None``: laid out here)."""

    report: Report
    pdf: bytes | None = None


@dataclass
class Entry:
    """A line of the contents: the report and the printed number of its first page."""

    report: Report
    page: int

    @property
    def link(self) -> str:
        return f"{PAGE_LINK}{self.page}"


@dataclass
class Pages:
    """A report's pages without page numbers: the PDF and each page's content."""

    reader: PdfReader
    contents: list[bytes] = field(default_factory=list)
    rendered: bool = False


def accepted_reports(district: Unit, year: int) -> list[Report]:
    """The accepted reports of every unit below ``district`` (a city's: every district's own and its
    units'), in tree order: grouped by branch, in unit order."""
    reports = list(
        Report.objects.below(district).filter(year=year, status=Report.Status.ACCEPTED).select_related("unit")
    )
    order = district.tree_order()
    return sorted(reports, key=lambda report: order(report.unit))


def volume_title(district: Unit, year: int) -> str:
    return f"{district.name}{year}年度法治政府建设情况报告汇编"


@renders_pdf
def build_volume(district: Unit, year: int, parts: Sequence[Part], progress: Progress | None = None) -> bytes:
    """The volume as PDF bytes. ``progress(done, total)`` is called after each report."""
    reports: list[Pages] = []
    for done, part in enumerate(parts, start=1):
        reports.append(unnumbered_pages(part))
        if progress is not None:
            progress(done, len(parts))

    # The body: each report from an odd page; None is a blank page.
    layout: list[tuple[Pages, int] | None] = []
    entries = []
    for part, pages in zip(parts, reports, strict=True):
        entries.append(Entry(report=part.report, page=len(layout) + 1))
        layout += [(pages, index) for index in range(len(pages.contents))]
        if len(pages.contents) % 2:
            layout.append(None)
    numbers = PageNumbers()
    front = PdfReader(BytesIO(front_pdf(district, year, entries)))

    writer = PdfWriter()
    for page in front.pages:
        writer.add_page(page)
    if len(front.pages) % 2:
        writer.add_blank_page(*A4)
    body_start = len(writer.pages)
    for index, item in enumerate(layout):
        if item is None:
            writer.add_blank_page(*A4)
            continue
        pages, page_index = item
        page = writer.add_page(pages.reader.pages[page_index], excluded_keys=("/Contents",))
        draw_over(writer, page, pages.contents[page_index], number_form(writer, numbers.page(index + 1)))

    _copy_outline(front, front.outline, writer, parent=None, offset=0)
    for entry, pages in zip(entries, reports, strict=True):
        first = body_start + entry.page - 1
        unit = writer.add_outline_item(
            title=entry.report.unit.short_name, page_number=first, fit=Fit.xyz(0, A4[1], 0), is_open=False
        )
        _copy_outline(pages.reader, pages.reader.outline, writer, parent=unit, offset=first)
    _link_contents(writer, front_pages=len(front.pages), body_start=body_start)
    if front.metadata:
        writer.add_metadata({key: str(value) for key, value in front.metadata.items()})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def unnumbered_pages(part: Part) -> Pages:
    """The report's pages without their page numbers: from its stored PDF, else laid out now."""
    if part.pdf is not None:
        reader = PdfReader(BytesIO(part.pdf))
        try:
            return Pages(reader=reader, contents=[_stripped(page) for page in reader.pages])
        except NumberNotFound as error:
            logger.warning("汇编：%s的定稿PDF页码无法识别（%s），重新排版", part.report, error)
    reader = PdfReader(BytesIO(render_unnumbered(part.report)))
    contents = [page.get_contents().get_data() for page in reader.pages]  # type: ignore[union-attr]
    return Pages(reader=reader, contents=contents, rendered=True)


def _stripped(page: PageObject) -> bytes:
    content = page.get_contents()
    if content is None:
        raise NumberNotFound("a page without content")
    return strip_page_number(content.get_data())


def render_unnumbered(report: Report) -> bytes:
    """The report as the PDF a download gives, but without page numbers."""
    html = DocumentHTML(render_html(report, for_pdf=True))
    sheets = [stylesheet(), no_numbers_stylesheet()]
    return bytes(html.write_pdf(stylesheets=sheets, font_config=font_config()))


def front_pdf(district: Unit, year: int, entries: list[Entry]) -> bytes:
    """The cover and the contents (templates/district/volume_front.html)."""
    html = render_to_string(
        "district/volume_front.html",
        {
            "title": volume_title(district, year),
            "district": district,
            "year": year,
            "entries": entries,
            "date": timezone.localdate(),
        },
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return bytes(document.write_pdf(font_config=font_config()))


def _copy_outline(
    reader: PdfReader,
    items: Sequence[Any],  # pypdf's OutlineType: destinations, each followed by a list of its children
    writer: PdfWriter,
    parent: IndirectObject | None,
    offset: int,
) -> None:
    """``reader``'s bookmarks ``items`` into ``writer`` under ``parent``, their pages moved by ``offset``."""
    last = parent
    for item in items:
        if isinstance(item, list):
            _copy_outline(reader, item, writer, last, offset)
            continue
        page = reader.get_destination_page_number(item)
        if page is None:  # a bookmark to nowhere
            continue
        last = writer.add_outline_item(
            title=str(item.title), page_number=offset + page, parent=parent, fit=_fit(item)
        )


def _fit(destination: Destination) -> Fit:
    if destination.typ == "/XYZ":
        left, top, zoom = (
            None if isinstance(value, NullObject) else value
            for value in (destination.left, destination.top, destination.zoom)
        )
        return Fit.xyz(left, top, zoom)
    return Fit.fit()


def _link_contents(writer: PdfWriter, front_pages: int, body_start: int) -> None:
    """The contents' links to "…/volume-page/n" made links to the body's page n."""
    for page in writer.pages[:front_pages]:
        for annotation in page.get("/Annots", ArrayObject()).get_object():
            annotation = annotation.get_object()
            action = annotation.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if not uri.startswith(PAGE_LINK):
                continue
            target = writer.pages[body_start + int(uri.removeprefix(PAGE_LINK)) - 1]
            del annotation[NameObject("/A")]
            top = [NameObject("/XYZ"), FloatObject(0), FloatObject(A4[1]), FloatObject(0)]
            annotation[NameObject("/Dest")] = ArrayObject([target.indirect_reference, *top])
