"""Where the PDF's pages break (GB/T 9704 and issue 15): no heading split across two pages or left at the
foot of a page without its text, and no signature alone on the last page.

Each test renders the same report with its opening text one line longer each time, over a whole page's
22 lines, so that every heading (and the signature) reaches every line at the foot of a page in one of
the renders; the lines are read back from the PDF by their positions (``tests.document_helpers``).
"""

import datetime

import pytest

from reports.models import Item, Organ, Report, Section
from reports.rendering.document import build_blocks
from reports.rendering.pdf import render_pdf
from tests.document_helpers import add_indicators, make_units, pdf_lines, squeeze

pytestmark = pytest.mark.django_db

LINES_PER_PAGE = 22


# A paragraph of n lines exactly: 2 characters of indent and 28 a line.
def filler(lines):
    return "字" * (28 * lines - 2)


TEXT = "按照年度工作要点逐项推进落实，定期调度工作进展，及时解决存在问题。" * 2

# Headings of every kind and length: a two-line section heading; a section heading followed at once by a
# two-line item heading (a chain of headings); item headings on a line of their own at levels 2 and 3; and
# run-in headings, one of them longer than a line.
SECTIONS = [
    (
        "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        [
            dict(style=Item.Style.HEADING, heading="加强组织领导，压实工作责任", body=TEXT),
            dict(heading="健全工作机制。", body=TEXT),
        ],
    ),
    (
        "推进法治政府建设的主要举措和成效",
        [
            dict(
                style=Item.Style.HEADING,
                heading="坚持依法科学民主决策，规范重大行政决策程序，全面落实合法性审查制度",
                body=TEXT,
            ),
            dict(style=Item.Style.HEADING, level=Item.Level.THIRD, heading="完善决策规则", body=TEXT),
            dict(
                heading="深入推进严格规范公正文明执法，全面落实行政执法三项制度，持续提升执法质量。",
                body=TEXT,
            ),
        ],
    ),
    ("存在的不足和原因", [dict(style=Item.Style.PLAIN, body=TEXT)]),
]


def _report(unit, preamble_lines, sections=SECTIONS):
    """A report whose opening text is ``preamble_lines`` lines long; one a year, so a test makes many."""
    report = Report.objects.create(
        unit=unit,
        year=2000 + 2 * preamble_lines,  # add_indicators adds the year before
        status=Report.Status.APPROVED,  # no watermark
        title="关于2024年度法治政府建设情况的报告",
        addressee="区委、区政府：",
        preamble=filler(preamble_lines),
        signing_date=datetime.date(2025, 2, 20),
    )
    Organ.objects.create(
        report=report, role=Organ.Role.SIGNING, position=0, name="黔江区人民政府城西街道办事处"
    )
    for position, (heading, items) in enumerate(sections):
        section = Section.objects.create(
            report=report, position=position, kind=Section.Kind.MEASURES, heading=heading
        )
        for item_position, fields in enumerate(items):
            Item.objects.create(section=section, position=item_position, **fields)
    return Report.objects.select_related("unit").get(pk=report.pk)


def headings(report):
    """Every heading as printed: a heading line, or a run-in paragraph's leading label and heading."""
    found = []
    for block in build_blocks(report):
        if block.kind in ("section_heading", "item_heading"):
            found.append(block.text)
        elif block.kind == "body" and block.runs and block.runs[0].role != "text":
            leading = ""
            for run in block.runs:
                if run.role == "text":
                    break
                leading += run.text
            found.append(leading)
    return [squeeze(text) for text in found]


def heading_faults(pages, heading_texts):
    """What is wrong with the headings on ``pages`` (lists of lines): a heading not whole on one page, or a
    page that ends with a heading whose text is on the next page."""
    faults = []
    texts = ["".join(lines) for lines in pages]
    for heading in heading_texts:
        if not any(heading in text for text in texts):
            faults.append(f"split across pages: {heading}")
        for number, text in enumerate(texts[:-1], start=1):
            if text.endswith(heading):
                faults.append(f"ends page {number}: {heading}")
    return faults


@pytest.mark.parametrize("start", [0, 11])
def test_no_heading_is_split_across_pages_or_ends_a_page(start):
    """Each render moves every heading down one line; 11 renders from each start cover a page's 22 lines."""
    _, unit = make_units()
    faults = []
    for preamble_lines in range(start + 1, start + 12):
        report = _report(unit, preamble_lines)
        pages = pdf_lines(render_pdf(report))
        assert len(pages) >= 2
        faults += [
            f"{preamble_lines} lines before: {fault}" for fault in heading_faults(pages, headings(report))
        ]
    assert faults == [], "\n".join(faults)


def signature_faults(pages):
    faults = []
    signed = [number for number, lines in enumerate(pages) if "黔江区人民政府城西街道办事处" in lines]
    assert len(signed) == 1
    lines = pages[signed[0]]
    at = lines.index("黔江区人民政府城西街道办事处")
    if all(line.startswith("附件：") for line in lines[:at]):  # the attachment note is no body text
        faults.append(f"page {signed[0] + 1} starts with the signature: {lines}")
    if lines[at + 1 : at + 2] != ["2025年2月20日"]:
        faults.append(f"the date is not under the signature: {lines}")
    return faults


@pytest.mark.parametrize("indicators", [False, True], ids=["signature", "attachment-note-and-signature"])
def test_the_signature_and_date_share_a_page_with_the_bodys_last_lines(indicators):
    _, unit = make_units()
    faults = []
    for preamble_lines in range(1, LINES_PER_PAGE + 1):
        report = _report(unit, preamble_lines, sections=[])
        if indicators:
            add_indicators(report)
        faults += [
            f"{preamble_lines} lines: {fault}" for fault in signature_faults(pdf_lines(render_pdf(report)))
        ]
    assert faults == [], "\n".join(faults)
