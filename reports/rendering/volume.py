"""The district's combined volume (汇编) of a year: a cover, a table of contents with page numbers, then
every accepted report in the district's unit order, numbered continuously, with a bookmark per unit.

Each report is laid out by WeasyPrint alone, with the official stylesheet and its page counter starting
where the previous report ended; the pages are then put together in one PDF (``Document.copy``), so the
fonts are embedded once. Every report starts on a right-hand (odd) page, as in a printed book: a report
with an odd number of pages is followed by a blank page, counted but not numbered, and the GB/T 9704
rule "odd numbers right, even numbers left" holds throughout. The front matter is not numbered; the
contents are laid out last, when every report's first page is known.

The volume is rendered as a report is (``@renders_pdf``, rendering/tuning.py: frame room where CPython
needs it, the garbage collected afterwards), each report's pages by the same ``DocumentHTML``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.document import Document, Page

from reports.models import Report, Unit

from .pdf import (
    BASE_URL,
    DocumentHTML,
    StaticOnlyFetcher,
    font_config,
    render_html,
    stylesheet,
)
from .tuning import renders_pdf

BLANK_PAGE = CSS(string="@page { size: A4; margin: 0 }")


@dataclass
class Entry:
    report: Report
    page: int  # the printed number of its first page
    anchor: str


def accepted_reports(district: Unit, year: int) -> list[Report]:
    return list(
        Report.objects.filter(unit__parent=district, year=year, status=Report.Status.ACCEPTED)
        .select_related("unit")
        .order_by("unit__position", "unit__code")
    )


def volume_title(district: Unit, year: int) -> str:
    return f"{district.name}{year}年度法治政府建设情况报告汇编"


@renders_pdf
def render_volume(district: Unit, year: int, reports: Iterable[Report]) -> bytes:
    """The volume as PDF bytes."""
    blank = _blank_page()
    pages, entries, number = [], [], 1
    for report in reports:
        entry = Entry(report=report, page=number, anchor=f"unit-{report.unit.code}")
        report_pages = _report_pages(report, entry)
        if len(report_pages) % 2:
            report_pages.append(blank)
        pages += report_pages
        entries.append(entry)
        number += len(report_pages)
    front = _front(district, year, entries)
    front_pages = front.pages + ([blank] if len(front.pages) % 2 else [])
    return front.copy(front_pages + pages).write_pdf()


def _report_pages(report: Report, entry: Entry) -> list[Page]:
    """The report's pages numbered from ``entry.page``, its bookmarks one level under the unit's."""
    first_page = CSS(string=f"@page :first {{ counter-reset: page {entry.page} }}")
    document = DocumentHTML(render_html(report, for_pdf=True)).render(
        stylesheets=[stylesheet(), first_page], font_config=font_config()
    )
    for page in document.pages:
        page.bookmarks = [(level + 1, *rest) for level, *rest in page.bookmarks]
    first = document.pages[0]
    first.bookmarks.insert(0, (1, report.unit.short_name, (0, 0), "closed"))
    first.anchors[entry.anchor] = (0, 0, 0, 0)  # where the contents' links go
    return list(document.pages)


def _blank_page() -> Page:
    return HTML(string="<html></html>").render(stylesheets=[BLANK_PAGE]).pages[0]


def _front(district: Unit, year: int, entries: list[Entry]) -> Document:
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
    return document.render(font_config=font_config())
