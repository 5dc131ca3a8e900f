"""The 汇编 merged from the reports' stored PDFs (reports/rendering/volume.py, page_numbers.py): the cover,
the contents with the page each report starts on, a bookmark per unit over the report's own, every report
from an odd page, and one page number on every page, continuous, where the reports print theirs."""

import hashlib
import io
import re

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from reports.models import Report, StoredPdf, Unit
from reports.rendering import volume
from reports.rendering.page_numbers import NumberNotFound, PageNumbers, strip_page_number
from reports.rendering.pdf import render_pdf
from tests.district_helpers import report_in
from tests.editor_helpers import add_section

YEAR = 2025
NUMBER = re.compile(r"— (\d+) —")


def store(report):
    data = render_pdf(report)
    stored = StoredPdf(
        report=report, version=report.version, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    stored.file.save("report.pdf", ContentFile(data), save=False)
    stored.save()
    return data


@pytest.fixture
def three_units(district):
    units = []
    for position, (code, name) in enumerate([("a", "甲街道"), ("b", "乙街道"), ("c", "丙镇")], start=1):
        units.append(
            Unit.objects.create(
                code=code,
                name=f"黔江区{name}",
                short_name=name,
                kind="subdistrict",
                parent=district,
                position=position,
            )
        )
    return units


@pytest.fixture
def parts(three_units):
    """甲 (stored, several pages), 乙 (accepted before PDFs were stored: laid out for the volume), 丙
    (stored, one page)."""
    reports = [report_in(unit, YEAR, Report.Status.ACCEPTED) for unit in three_units]
    add_section(reports[0], heading="主要举措", items=70)
    add_section(reports[1], heading="存在的不足", items=12)
    add_section(reports[2], heading="下一步", items=1)
    return [
        volume.Part(report=reports[0], pdf=store(reports[0])),
        volume.Part(report=reports[1], pdf=None),
        volume.Part(report=reports[2], pdf=store(reports[2])),
    ]


def outline(reader, items=None, depth=0):
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


def numbers_drawn(page):
    """Each "— n —" on ``page`` with where it is drawn (x, y in page space) and its font's name."""
    found = []

    def visit(text, cm, tm, font, size):
        if NUMBER.fullmatch(text.strip()):
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), round(x, 1), round(y, 1), str(font.get("/BaseFont", ""))[8:]))

    page.extract_text(visitor_text=visit)
    return found


def test_the_volume_keeps_cover_contents_bookmarks_and_numbers_every_page_once(district, parts):
    reader = PdfReader(io.BytesIO(volume.build_volume(district, YEAR, parts)))
    pages = reader.pages
    units = [p.report.unit.short_name for p in parts]

    # The front: cover, contents, then a blank page to make it even; none numbered.
    assert "黔江区2025年度法治政府建设情况报告" in pages[0].extract_text().replace("\n", "")
    contents = pages[1].extract_text()
    assert all(name in contents for name in units)
    assert not NUMBER.search(pages[0].extract_text() + contents)

    # A bookmark per unit, closed, over the report's own headings; "目录" first.
    titles = outline(reader)
    top = [(title, page) for depth, title, page in titles if depth == 0]
    assert [title for title, _ in top] == ["目录", *units]
    assert (1, "一、主要举措", top[1][1]) in titles
    assert any(depth == 1 and "存在的不足" in title for depth, title, _ in titles)
    body_start = top[1][1]
    assert body_start == 2

    # Every body page: exactly one number, the next one; blank pages counted, not numbered.
    numbers = []
    for index, page in enumerate(pages[body_start:], start=1):
        found = NUMBER.findall(page.extract_text())
        if page.extract_text().strip():
            assert found == [str(index)], f"page {index}"
        else:
            assert found == []
        numbers.append(found)
    assert len(pages) % 2 == 0

    # Each report from an odd page, which the contents give.
    flat = contents.replace("\n", " ") + " "
    for name, page in top[1:]:
        number = page - body_start + 1
        assert number % 2 == 1
        assert NUMBER.findall(pages[page].extract_text()) == [str(number)]
        assert re.search(rf"{name}.*?\.\s*{number}\s", flat), (name, number)
    # A blank page only ever closes an odd-length report: an even position, just before a report starts.
    starts = {page - body_start + 1 for _, page in top[1:]} | {len(pages) - body_start + 1}
    blanks = [n for n, found in enumerate(numbers, start=1) if not found]
    assert all(n % 2 == 0 and n + 1 in starts for n in blanks)

    # The contents' lines link to the first page of each report.
    targets = [
        reader.get_page_number(annotation.get_object()["/Dest"][0].get_object())
        for annotation in pages[1].get("/Annots", [])
    ]
    assert sorted(set(targets)) == [page for _, page in top[1:]]


def test_the_numbers_are_where_and_as_a_report_prints_them(district, parts):
    """The volume's numbers in the stored PDF's font, size and place: odd pages right, even pages left."""
    stored = PdfReader(io.BytesIO(parts[0].pdf))
    reader = PdfReader(io.BytesIO(volume.build_volume(district, YEAR, parts)))
    for number in (1, 2, 3):
        ((text, x, y, font),) = numbers_drawn(stored.pages[number - 1])
        assert numbers_drawn(reader.pages[1 + number]) == [(text, x, y, font)]
    (_, right_x, _, _), (_, left_x, _, _) = (
        numbers_drawn(stored.pages[0])[0],
        numbers_drawn(stored.pages[1])[0],
    )
    assert right_x > 300 > left_x
    # The old number is gone from the page's content, not covered: the text has just the one.
    assert len(NUMBER.findall(reader.pages[2].extract_text())) == 1


def test_progress_is_told_after_each_report(district, parts):
    told = []
    volume.build_volume(district, YEAR, parts, progress=lambda done, total: told.append((done, total)))
    assert told == [(1, 3), (2, 3), (3, 3)]


def test_the_page_number_is_taken_out_of_the_content_stream(parts):
    page = PdfReader(io.BytesIO(parts[0].pdf)).pages[0]
    content = page.get_contents().get_data()
    stripped = strip_page_number(content)
    assert len(content) - len(stripped) < 400  # one small text object
    assert stripped.count(b"BT") == content.count(b"BT") - 1
    with pytest.raises(NumberNotFound, match="0 text objects"):
        strip_page_number(stripped)  # nothing left that looks like a number
    with pytest.raises(NumberNotFound):
        strip_page_number(b"BT\n/F1 12 Tf\n(Hello) Tj\nET")  # not written the way WeasyPrint writes


def test_a_stored_pdf_whose_numbers_cannot_be_found_is_laid_out_again(district, parts, caplog):
    """A stored PDF made some other way (here: its content rewritten with a literal string) is not
    guessed at: the report is laid out for the volume instead, and a warning says so."""
    writer = PdfWriter(clone_from=io.BytesIO(parts[2].pdf))
    for page in writer.pages:
        stream = DecodedStreamObject()
        stream.set_data(page.get_contents().get_data() + b"\nBT (x) Tj ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    odd = volume.Part(report=parts[2].report, pdf=out.getvalue())
    reader = PdfReader(io.BytesIO(volume.build_volume(district, YEAR, [parts[0], odd])))
    assert "页码无法识别" in caplog.text
    last = [p for p in reader.pages if p.extract_text().strip()][-1]
    assert len(NUMBER.findall(last.extract_text())) == 1


def test_a_volume_without_reports_is_the_cover_and_a_note(district):
    reader = PdfReader(io.BytesIO(volume.build_volume(district, YEAR, [])))
    assert len(reader.pages) == 2
    assert "尚无区级已接收的报告" in reader.pages[1].extract_text()


def test_the_numbers_go_on_from_one_sheet_to_the_next():
    """The numbers are laid out a hundred pages at a time: 100 is a left page, 101 a right one."""
    numbers = PageNumbers()
    ((text_100, x_100, y_100, _),) = numbers_drawn(numbers.page(100))
    ((text_101, x_101, y_101, _),) = numbers_drawn(numbers.page(101))
    assert (text_100, text_101) == ("— 100 —", "— 101 —")
    assert x_100 < 300 < x_101 and y_100 == y_101
