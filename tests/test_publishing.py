"""Publishing an accepted report and withdrawing it: who may, the check before it, what is recorded."""

import re

import pytest
from django.urls import reverse

from reports import publishing
from reports.models import AuditEntry, Publication, Report, ReportEvent
from reports.publishing import CONFIRM, MASK
from tests.publishing_helpers import (
    PLANTED,
    accepted_report_with_planted_findings,
    clean_accepted_report,
)


def decide_all(report, decision):
    return {finding.hit.key: decision for finding in publishing.findings(report)}


@pytest.fixture
def planted(unit):
    return accepted_report_with_planted_findings(unit)


def test_publishing_is_refused_until_every_finding_is_masked_or_confirmed(planted, district_officer):
    decisions = decide_all(planted, MASK)
    decisions.popitem()
    with pytest.raises(publishing.Unchecked, match="还有1处个人信息未处理"):
        publishing.publish(district_officer, planted, decisions)
    assert not Publication.objects.exists()


def test_publishing_records_who_and_when_in_the_history_and_the_audit_trail(planted, district_officer):
    publication = publishing.publish(district_officer, planted, decide_all(planted, CONFIRM))
    assert publication.published_by == district_officer and publication.published_at
    event = planted.events.get(action=ReportEvent.Action.PUBLISH)
    assert event.user == district_officer
    assert event.comment == f"遮盖0处，确认可公开{len(publishing.findings(planted))}处"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PUBLISH)
    assert entry.user == district_officer and entry.object_id == str(planted.pk)


def test_masks_change_the_public_copy_and_never_the_report(planted, district_officer):
    publication = publishing.publish(district_officer, planted, decide_all(planted, MASK))
    for _field, (_original, planted_text, masked) in PLANTED.items():
        assert masked in publication.search_text
        assert planted_text not in publication.search_text
    planted.refresh_from_db()
    assert planted.preamble == PLANTED["preamble"][0]
    assert publication.file and publication.stored_pdf is None  # a PDF of the masked text, stored once


def test_a_withdrawal_needs_a_reason_and_takes_the_report_off_the_site(unit, district_officer):
    report = clean_accepted_report(unit)
    publishing.publish(district_officer, report, {})
    with pytest.raises(publishing.PublishingError, match="理由"):
        publishing.withdraw(district_officer, report, "  ")
    publishing.withdraw(district_officer, report, "含有未遮盖的信息")
    assert not Publication.objects.visible().exists()
    event = report.events.get(action=ReportEvent.Action.WITHDRAW)
    assert event.comment == "含有未遮盖的信息"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.WITHDRAW_PUBLICATION).exists()


def test_only_an_accepted_report_can_be_published(unit, district_officer):
    report = clean_accepted_report(unit)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    with pytest.raises(publishing.PublishingError, match="区级接收后才能公开"):
        publishing.publish(district_officer, report, {})


def test_a_unit_leader_publishes_only_when_the_district_allows_it(unit, district, leader, staff):
    report = clean_accepted_report(unit)
    with pytest.raises(publishing.NotAllowed):
        publishing.publish(leader, report, {})
    publishing.set_units_may_publish(leader, district, True)
    with pytest.raises(publishing.NotAllowed):
        publishing.publish(staff, report, {})
    assert publishing.publish(leader, report, {}).published_by == leader


def test_a_report_reopened_after_publishing_leaves_the_public_site(unit, district_officer):
    report = clean_accepted_report(unit)
    publishing.publish(district_officer, report, {})
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RETURNED, version=report.version + 1)
    assert not Publication.objects.visible().exists()


def test_the_check_page_blocks_publishing_and_keeps_the_choices_made(client, planted, district_officer):
    client.force_login(district_officer)
    url = reverse("reports:publish", args=[planted.pk])
    page = client.get(url)
    assert page.status_code == 200 and "<mark>13812345678</mark>" in page.content.decode()
    response = client.post(url, {"version": planted.version, "decision_0": MASK})
    assert response.status_code == 400
    assert "请选择“遮盖”或“确认可以公开”" in response.content.decode()
    assert (
        'value="mask" id="id_decision_0_0" checked' in response.content.decode().replace("required ", "")
        or "checked" in response.content.decode()
    )
    assert not Publication.objects.exists()
    count = len(publishing.findings(planted))
    data = {"version": planted.version} | {f"decision_{i}": MASK for i in range(count)}
    assert client.post(url, data).status_code == 302
    assert Publication.objects.visible().get().report == planted


def test_the_dashboard_shows_publication_and_its_deadline(client, unit, other_unit, district_officer):
    report = clean_accepted_report(unit)
    clean_accepted_report(other_unit)
    publishing.publish(district_officer, report, {})
    client.force_login(district_officer)
    page = client.get(reverse("district:dashboard", args=[2024])).content.decode()
    assert page.count('data-published="yes"') == 1 and page.count('data-published="no"') == 1
    assert "公开已逾期" in page or "公开还剩" in page


def test_an_unpublished_report_past_1_april_is_flagged_overdue(unit, other_unit, district, district_officer):
    import datetime

    from reports.district.dashboard import dashboard

    report = clean_accepted_report(unit)
    clean_accepted_report(other_unit)
    publishing.publish(district_officer, report, {})
    board = dashboard(district, 2024, today=datetime.date(2025, 4, 3))
    rows = {row.unit.code: row for row in board.rows}
    assert rows["chengdong"].publication_overdue and rows["chengdong"].publication_text == "公开已逾期2天"
    assert not rows["chengxi"].publication_overdue
    early = {r.unit.code: r for r in dashboard(district, 2024, today=datetime.date(2025, 3, 20)).rows}
    assert early["chengdong"].publication_text == "公开还剩12天"


def test_the_public_pdf_and_docx_carry_the_masked_text_only(planted, district_officer, tmp_path):
    import io
    import subprocess

    import docx as python_docx

    from reports.rendering.docx import render_docx

    publication = publishing.publish(district_officer, planted, decide_all(planted, MASK))
    pdf = tmp_path / "public.pdf"
    pdf.write_bytes(publication.file.read())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    text = "".join(text.split())
    document = python_docx.Document(io.BytesIO(render_docx(planted, masks=publishing.masks_of(publication))))
    words = "".join(p.text for p in document.paragraphs) + document.core_properties.title
    for field, (_text, planted_text, masked) in PLANTED.items():
        assert planted_text not in text and masked in text, field
        assert planted_text not in words and masked in words, field


def test_without_masks_the_public_pdf_is_the_frozen_one(unit, district_officer):
    from django.core.files.base import ContentFile

    from reports.models import StoredPdf

    report = clean_accepted_report(unit)
    stored = StoredPdf(report=report, version=report.version, sha256="a" * 64, size=8)
    stored.file.save("frozen.pdf", ContentFile(b"%PDF-1.7"), save=False)
    stored.save()
    publication = publishing.publish(district_officer, report, {})
    assert publication.stored_pdf == stored and not publication.file and publication.sha256 == "a" * 64


def test_a_unit_leader_publishes_from_the_report_page_once_the_district_allows_it(
    client, unit, district, leader, district_officer
):
    report = clean_accepted_report(unit)
    client.force_login(district_officer)
    assert client.post(reverse("district:publish-setting"), {"allowed": "1"}).status_code == 302
    district.refresh_from_db()
    assert district.units_may_publish
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PUBLISH_SETTING).exists()
    client.force_login(leader)
    assert "检查个人信息并公开" in client.get(report.get_absolute_url()).content.decode()
    response = client.post(reverse("reports:publish", args=[report.pk]), {"version": report.version})
    assert response.status_code == 302
    assert Publication.objects.visible().get().published_by == leader
    response = client.post(reverse("reports:withdraw", args=[report.pk]), {"reason": ""})
    assert Publication.objects.visible().exists()  # no reason, no withdrawal
    client.post(reverse("reports:withdraw", args=[report.pk]), {"reason": "发现错字"})
    assert not Publication.objects.visible().exists()


def test_the_history_page_lists_publishing_and_withdrawing(client, unit, district_officer, staff):
    report = clean_accepted_report(unit)
    publishing.publish(district_officer, report, {})
    publishing.withdraw(district_officer, report, "数据需要更正")
    client.force_login(staff)
    page = client.get(reverse("reports:history", args=[report.pk])).content.decode()
    assert "公开发布" in page and "撤回公开" in page and "数据需要更正" in page


def test_a_withdrawal_from_the_dashboard_comes_back_to_the_dashboard(client, unit, district_officer):
    # It went to the report's page: the office withdrawing from its board lost its place.
    report = clean_accepted_report(unit)
    publishing.publish(district_officer, report, {})
    client.force_login(district_officer)
    board = reverse("district:dashboard", args=[report.year]) + "?status=accepted"
    page = client.get(board).content.decode()
    withdraw_form = re.search(r'<form[^>]*action="[^"]*/withdraw/".*?</form>', page, re.S).group(0)
    assert f'name="next" value="{board.replace("&", "&amp;")}"' in withdraw_form
    response = client.post(
        reverse("reports:withdraw", args=[report.pk]), {"reason": "发现错字", "next": board}
    )
    assert response.status_code == 302 and response.url == board
    assert not Publication.objects.visible().exists()
    response = client.post(
        reverse("reports:withdraw", args=[report.pk]), {"reason": "x", "next": "https://evil.example/"}
    )
    assert response.url == report.get_absolute_url()
