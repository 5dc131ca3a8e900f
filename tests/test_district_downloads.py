"""The district office's downloads: all delivered reports of a year as a streamed ZIP of their stored PDFs,
and the combined volume (汇编) with its cover, contents, a bookmark per unit and continuous page numbers."""

import io
import os
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from reports.district import dashboard as office
from reports.models import Report, StoredPdf, Unit
from tests.district_helpers import report_in
from tests.editor_helpers import add_section
from tests.jobs_helpers import run_queued_jobs

YEAR = 2025
Status = Report.Status


def store_pdf(report, data):
    stored = StoredPdf(report=report, version=report.version, sha256="0" * 64, size=len(data))
    stored.file.save("report.pdf", ContentFile(data), save=False)
    stored.save()
    return stored


@pytest.fixture
def reports(district, unit, other_unit):
    """城西 approved with a stored PDF, 城东 accepted without one, a town's draft, another district's."""
    Unit.objects.filter(pk=other_unit.pk).update(position=2)
    town = Unit.objects.create(
        code="town", name="黔江区濯水镇", short_name="濯水镇", kind="town", parent=district
    )
    elsewhere = Unit.objects.create(code="else", name="别区", short_name="别区", kind=Unit.Kind.DISTRICT)
    foreign = Unit.objects.create(
        code="foreign", name="别区某街道", short_name="某街道", kind="subdistrict", parent=elsewhere
    )
    approved = report_in(unit, YEAR, Status.APPROVED)
    accepted = report_in(other_unit, YEAR, Status.ACCEPTED)
    add_section(accepted, items=2)
    report_in(town, YEAR, Status.DRAFT)
    report_in(foreign, YEAR, Status.ACCEPTED)
    return {"approved": approved, "accepted": accepted, "stored": store_pdf(approved, b"%PDF-1.7 stored")}


def download(client, user, name):
    """Asks for the file (a job is queued, the answer is its status page), runs the job, asks again: the
    stored file comes at once."""
    client.force_login(user)
    asked = client.get(reverse(name, args=[YEAR]))
    assert asked.status_code == 302 and "/files/" in asked.url
    assert run_queued_jobs() == 1
    return client.get(reverse(name, args=[YEAR]))


def test_the_zip_holds_every_delivered_report_named_by_unit(client, district_officer, reports):
    response = download(client, district_officer, "district:zip")
    assert response.status_code == 200
    assert response.streaming  # the stored file, read as it is sent
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="reports-qianjiang-2025.zip"')
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    assert archive.namelist() == [
        "城西街道2025年度法治政府建设情况的报告.pdf",
        "城东街道2025年度法治政府建设情况的报告.pdf",
    ]
    # The stored PDF as it was frozen; the one without is rendered now.
    assert archive.read("城西街道2025年度法治政府建设情况的报告.pdf") == b"%PDF-1.7 stored"
    rendered = archive.read("城东街道2025年度法治政府建设情况的报告.pdf")
    assert rendered.startswith(b"%PDF") and len(PdfReader(io.BytesIO(rendered)).pages) >= 1
    # Chinese names are flagged UTF-8 in the archive, so every unzip shows them right.
    assert all(info.flag_bits & 0x800 for info in archive.infolist())


def test_the_zip_is_written_as_it_is_sent(reports):
    """A large stored PDF goes out in pieces: no chunk holds the whole archive."""
    big = os.urandom(3 * office.CHUNK)
    store_pdf(reports["approved"], big)  # the newest stored PDF is the one sent
    chunks = [chunk for chunk in office.zip_chunks([reports["approved"]]) if chunk]
    assert len(chunks) > 3
    assert max(len(chunk) for chunk in chunks) < office.CHUNK + 64 * 1024
    archive = zipfile.ZipFile(io.BytesIO(b"".join(chunks)))
    assert archive.read(archive.namelist()[0]) == big


def test_two_units_with_the_same_name_get_two_files(district, unit):
    twin = Unit.objects.create(
        code="twin", name="黔江区城西街道", short_name="城西街道", kind="subdistrict", parent=district
    )
    first, second = report_in(unit, YEAR, Status.APPROVED), report_in(twin, YEAR, Status.APPROVED)
    store_pdf(first, b"%PDF 1")
    store_pdf(second, b"%PDF 2")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(office.zip_chunks([first, second]))))
    assert archive.namelist() == [
        "城西街道2025年度法治政府建设情况的报告.pdf",
        "城西街道2025年度法治政府建设情况的报告（2）.pdf",
    ]


@pytest.mark.parametrize(
    ("name", "button", "message"),
    [
        ("district:zip", "ZIP：暂无已审核的报告", "还没有单位审核通过的报告，没有可打包下载的内容"),
        ("district:volume", "汇编：暂无已接收的报告", "还没有区级接收的报告，汇编无内容可生成"),
    ],
)
def test_an_empty_year_offers_no_empty_file(client, district_officer, unit, name, button, message):
    """Issue 15 #14: an empty year's ZIP was a 22-byte archive and its 汇编 a 2-page shell. Now the button
    says there is nothing and is disabled; a direct request gets a page saying so, and no job runs."""
    Report.objects.create(unit=unit, year=YEAR)  # a draft: nothing delivered, nothing accepted
    client.force_login(district_officer)
    dashboard = client.get(reverse("district:dashboard", args=[YEAR])).content.decode()
    assert re.search(rf'<button type="button"[^>]*disabled>{button}</button>', dashboard)
    assert f'href="{reverse(name, args=[YEAR])}"' not in dashboard
    response = client.get(reverse(name, args=[YEAR]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert f"{YEAR}年度{message}" in response.content.decode()
    assert run_queued_jobs() == 0


# --- The combined volume ----------------------------------------------------------------------------------


@pytest.fixture
def volume_reports(district, unit, other_unit):
    """Two accepted reports in the district's unit order (城东 first), with sections; one approved."""
    Unit.objects.filter(pk=other_unit.pk).update(position=1)
    Unit.objects.filter(pk=unit.pk).update(position=2)
    town = Unit.objects.create(
        code="town", name="黔江区濯水镇", short_name="濯水镇", kind="town", parent=district, position=3
    )
    first, second = report_in(other_unit, YEAR, Status.ACCEPTED), report_in(unit, YEAR, Status.ACCEPTED)
    add_section(first, heading="主要举措", items=30)  # several pages
    add_section(second, heading="存在的不足", items=1)
    report_in(town, YEAR, Status.APPROVED)  # not accepted yet: not in the volume
    return first, second


def outline_titles(reader, items=None, depth=0):
    titles = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            titles += outline_titles(reader, item, depth + 1)
        else:
            titles.append((depth, item.title, reader.get_destination_page_number(item)))
    return titles


def page_number(page):
    found = re.findall(r"— (\d+) —", page.extract_text())
    return int(found[-1]) if found else None


def test_the_volume_has_a_cover_contents_bookmarks_and_continuous_page_numbers(
    client, district_officer, volume_reports
):
    response = download(client, district_officer, "district:volume")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    pages = reader.pages

    assert "黔江区2025年度法治政府建设情况报告" in pages[0].extract_text().replace("\n", "")
    contents = pages[1].extract_text()
    assert "目" in contents and "城东街道" in contents and "城西街道" in contents

    titles = outline_titles(reader)
    top = [(title, page) for depth, title, page in titles if depth == 0]
    assert [title for title, _ in top] == ["目录", "城东街道", "城西街道"]
    assert (0, "目录", 1) in titles
    # Each report's own headings sit under its unit.
    assert (1, "一、主要举措", top[1][1]) in titles
    assert any(depth == 1 and title.endswith("存在的不足") for depth, title, _ in titles)

    # The reports start on right-hand pages numbered 1 and an odd number; the contents say the same.
    first_page, second_page = top[1][1], top[2][1]
    assert first_page == 2 and page_number(pages[first_page]) == 1
    second_number = page_number(pages[second_page])
    assert second_number % 2 == 1 and second_number == second_page - first_page + 1
    assert re.search(r"城东街道.*\.\s*1\s", contents.replace("\n", " ") + " ")
    assert re.search(rf"城西街道.*\.\s*{second_number}\b", contents.replace("\n", " "))

    # Continuous: every numbered page is the one before plus one (a blank page is counted, not printed).
    numbers = [page_number(page) for page in pages[first_page:]]
    expected = list(range(1, len(numbers) + 1))
    assert [n for n in numbers if n is not None] == [e for e, n in zip(expected, numbers, strict=True) if n]
    assert len(pages) % 2 == 0 and len(pages) == 2 + len(numbers)
