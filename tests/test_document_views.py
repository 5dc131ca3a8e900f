"""Preview and PDF of a report: for whoever may see it, 404 for anyone else, login first."""

import hashlib
import re
from urllib.parse import quote

import pytest

from reports.models import Report, Unit
from reports.rendering.filenames import document_filename
from tests.document_helpers import add_indicators, read_pdf, squeeze
from tests.workflow_helpers import submit

FILENAME = "城西街道2025年度法治政府建设情况的报告.pdf"


@pytest.fixture
def filled_report(report):
    report.preamble = "现将有关情况报告如下："
    report.save()
    add_indicators(report)
    return report


@pytest.mark.parametrize("who", ["staff", "leader", "district_officer"])
def test_the_pdf_for_everyone_who_may_see_the_report(client, filled_report, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(f"/reports/{filled_report.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="report-chengxi-2025.pdf"; ')
    assert disposition.endswith("filename*=UTF-8''" + quote(FILENAME))
    assert disposition.isascii()
    text = squeeze(read_pdf(response.content).pages[0].extract_text())
    assert "关于2025年度法治政府建设情况的报告" in text and "草稿" in text


def test_another_units_user_gets_404(client, filled_report, outsider):
    client.force_login(outsider)
    assert client.get(f"/reports/{filled_report.pk}/pdf/").status_code == 404
    assert client.get(f"/reports/{filled_report.pk}/preview/").status_code == 404


@pytest.mark.parametrize("page", ["pdf", "preview"])
def test_anonymous_visitors_are_sent_to_login(client, filled_report, page):
    response = client.get(f"/reports/{filled_report.pk}/{page}/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_the_preview_is_the_document_with_a_download_button(client, filled_report, staff):
    client.force_login(staff)
    response = client.get(f"/reports/{filled_report.pk}/preview/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/document/gbt9704.css" in html
    assert f'href="/reports/{filled_report.pk}/pdf/" data-busy="正在生成PDF…">下载PDF</a>' in html
    assert f'href="/reports/{filled_report.pk}/docx/"' in html
    title = re.search(r'<h1 class="title xiaobiaosong">(.*?)</h1>', html).group(1)
    assert re.sub(r"<[^>]+>", "", title) == "关于2025年度法治政府建设情况的报告"
    assert '<span class="word">法治政府</span>' in title  # words kept whole (test_title_lines.py)
    assert "草稿：本报告尚未审核" in html
    assert '<p class="attachment-note">附件：主要指标统计表</p>' in html


def test_an_approved_report_has_no_draft_marks(client, filled_report, leader):
    filled_report.status = Report.Status.APPROVED
    filled_report.save()
    client.force_login(leader)
    assert "草稿" not in client.get(f"/reports/{filled_report.pk}/preview/").content.decode()
    pdf = read_pdf(client.get(f"/reports/{filled_report.pk}/pdf/").content)
    assert not any("草稿" in page.extract_text() for page in pdf.pages)


def test_the_preview_escapes_user_text(client, report, staff):
    report.preamble = '<script>alert("x")</script>'
    report.save()
    client.force_login(staff)
    html = client.get(f"/reports/{report.pk}/preview/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>" not in html


def test_the_home_page_links_to_the_preview(client, report, staff):
    client.force_login(staff)
    assert f'href="/reports/{report.pk}/preview/"' in client.get("/").content.decode()


def test_filenames(report, unit):
    assert document_filename(report) == "城西街道2025年度法治政府建设情况的报告.pdf"
    report.title = "城西街道关于2025年法治政府建设情况的报告"
    assert document_filename(report, "html") == "城西街道2025年法治政府建设情况的报告.html"
    report.title = "2025年度法治政府建设年度报告"
    assert document_filename(report) == "城西街道2025年度法治政府建设年度报告.pdf"
    report.unit = Unit(short_name="城/西 街道")
    report.title = "关于a:b的报告"
    assert document_filename(report) == "城西街道ab的报告.pdf"


def test_an_approved_report_downloads_the_pdf_stored_at_approval(
    client, filled_report, staff, leader, district_officer
):
    from reports.workflow import perform

    submit(staff, filled_report)
    perform(leader, filled_report, "approve")
    stored = filled_report.stored_pdfs.get()
    # What was approved is what is downloaded, even if the rows changed since (they cannot, once locked).
    Report.objects.filter(pk=filled_report.pk).update(preamble="批准后才改的导语。")
    client.force_login(district_officer)
    response = client.get(f"/reports/{filled_report.pk}/pdf/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert response["ETag"] == f'"{stored.sha256}"'
    assert response["Content-Disposition"].endswith("filename*=UTF-8''" + quote(FILENAME))
    text = squeeze(read_pdf(data).pages[0].extract_text())
    assert "现将有关情况报告如下：" in text and "批准后才改的导语" not in text and "草稿" not in text


def test_the_preview_warns_when_the_text_and_the_sheet_disagree(client, report, staff, district):
    from indicators.models import Indicator, IndicatorValue
    from tests.editor_helpers import add_section

    section = add_section(report, items=1)
    section.items.update(body="调解成功1700件。")
    mediated = Indicator.objects.create(
        district=district, code="mediated", name="调解成功矛盾纠纷", unit="件", category="disputes",
        first_year=2020, aliases="调解成功",
    )  # fmt: skip
    IndicatorValue.objects.create(report=report, indicator=mediated, value=1705)
    client.force_login(staff)
    html = client.get(f"/reports/{report.pk}/preview/").content.decode()
    assert "正文写“调解成功1700件”，指标表为1705件" in html


def test_pasted_script_and_image_tags_are_text_in_the_preview(client, report, staff):
    from tests.editor_helpers import add_section

    section = add_section(report, items=1)
    section.items.update(body='<script>alert(1)</script><img src=x onerror="alert(2)">')
    report.preamble = "<b>导语</b>"
    report.save()
    client.force_login(staff)
    html = client.get(f"/reports/{report.pk}/preview/").content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>导语" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
