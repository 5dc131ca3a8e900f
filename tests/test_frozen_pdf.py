"""The approved report's PDF: rendered once at approval, stored with its hash, served as is."""

import hashlib
from urllib.parse import quote

import pytest
from django.utils import timezone

from reports import workflow
from reports.models import Membership, Report, StoredPdf
from reports.rendering.pdf import render_pdf
from tests.conftest import make_user
from tests.document_helpers import read_pdf, squeeze
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit


@pytest.fixture
def approved(report, staff, leader):
    add_section(report, items=2)
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    return report


def download(client, user, url):
    client.force_login(user)
    response = client.get(url)
    return response, b"".join(response.streaming_content) if response.streaming else response.content


def test_approval_stores_the_pdf_with_its_hash_and_version(approved):
    stored = StoredPdf.objects.get(report=approved)
    data = stored.file.read()
    assert stored.sha256 == hashlib.sha256(data).hexdigest() and stored.size == len(data)
    assert stored.version == approved.version
    assert "草稿" not in squeeze(read_pdf(data).pages[0].extract_text())


def test_the_stored_pdf_is_the_approved_report_as_it_prints_after_the_approval(approved):
    """Rendered before the approval's transaction, from the report as the approval leaves it: the same
    file, byte for byte, as a render of the approved report now, with its text and no "草稿"."""
    stored = StoredPdf.objects.get(report=approved)
    data = stored.file.read()
    assert data == render_pdf(Report.objects.select_related("unit").get(pk=approved.pk))
    text = squeeze("".join(page.extract_text() for page in read_pdf(data).pages))
    assert "草稿" not in text
    assert "（一）第1条。正文1。" in text and "（二）第2条。正文2。" in text


def test_downloads_serve_the_stored_file_byte_for_byte(client, approved, district_officer):
    stored = StoredPdf.objects.get(report=approved)
    response, data = download(client, district_officer, f"/reports/{approved.pk}/pdf/")
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert response["ETag"] == f'"{stored.sha256}"'


def test_the_hash_is_shown_on_the_report_page(client, approved, staff):
    client.force_login(staff)
    content = client.get(f"/reports/{approved.pk}/").content.decode()
    assert StoredPdf.objects.get().sha256 in content


def test_a_reopened_and_reapproved_report_gets_a_new_file_and_keeps_the_old(
    client, approved, staff, leader, district_officer, unit
):
    first = StoredPdf.objects.get()
    workflow.perform(district_officer, approved, "accept")
    workflow.perform(district_officer, approved, "reopen", comment="数据有误")

    _, draft = download(client, staff, f"/reports/{approved.pk}/pdf/")
    assert "草稿" in squeeze(read_pdf(draft).pages[0].extract_text())  # reopened: rendered on demand

    approved.sections.first().items.update(body="改过的正文。")
    second_leader = make_user("leader2", unit, Membership.Role.LEADER)
    submit(leader, approved)
    workflow.perform(second_leader, approved, "approve")

    assert StoredPdf.objects.count() == 2
    latest = StoredPdf.objects.exclude(pk=first.pk).get()
    _, current = download(client, staff, f"/reports/{approved.pk}/pdf/")
    assert hashlib.sha256(current).hexdigest() == latest.sha256 != first.sha256
    response, old = download(client, staff, f"/reports/{approved.pk}/pdf/{first.pk}/")
    assert hashlib.sha256(old).hexdigest() == first.sha256
    made = quote(f"（{timezone.localtime(first.created_at):%Y-%m-%d %H%M}生成）")
    assert made in response["Content-Disposition"]  # when it was made, not the save counter
    history = client.get(f"/reports/{approved.pk}/history/").content.decode()
    assert first.sha256 in history and latest.sha256 in history


def test_another_units_user_cannot_download_a_stored_pdf(client, approved, outsider):
    stored = StoredPdf.objects.get()
    client.force_login(outsider)
    assert client.get(f"/reports/{approved.pk}/pdf/").status_code == 404
    assert client.get(f"/reports/{approved.pk}/pdf/{stored.pk}/").status_code == 404


def test_a_stored_pdf_of_another_report_is_not_served_under_this_one(client, approved, staff, report):
    from reports.models import Report

    other = Report.objects.create(unit=report.unit, year=2024)
    client.force_login(staff)
    assert client.get(f"/reports/{other.pk}/pdf/{StoredPdf.objects.get().pk}/").status_code == 404


def test_the_final_pdf_is_shown_by_when_it_was_made_not_by_the_save_counter(client, approved, staff):
    stored = StoredPdf.objects.get()
    StoredPdf.objects.filter(pk=stored.pk).update(version=22)  # many autosaves before the approval
    made = f"{timezone.localtime(stored.created_at):%Y-%m-%d %H:%M}"
    client.force_login(staff)
    detail = client.get(f"/reports/{approved.pk}/").content.decode()
    assert f"定稿PDF（{made} 审核通过时生成" in detail
    history = client.get(f"/reports/{approved.pk}/history/").content.decode()
    assert f"定稿PDF（{made} 生成）" in history
    for html in (detail, history):
        assert "第22版" not in html
    response, _ = download(client, staff, stored.get_absolute_url())
    disposition = response["Content-Disposition"]
    assert quote(f"（{made.replace(':', '')}生成）") in disposition and quote("第22版") not in disposition
    assert str(stored) == f"{approved} 定稿PDF（{made}生成）"
