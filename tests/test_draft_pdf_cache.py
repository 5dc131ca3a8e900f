"""Issue 14: a draft's PDF renders at most once per version of the report (reports/rendering/draft_pdf.py);
an edit, a transition or a changed template renders it anew."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from reports import workflow
from reports.models import Report, Unit
from reports.rendering import draft_pdf
from tests.editor_helpers import add_section, editor_data
from tests.workflow_helpers import submit


@pytest.fixture
def renders(monkeypatch):
    """Counts the real renders."""
    calls = []
    real = draft_pdf.render_pdf

    def counted(report, **options):
        calls.append(report.version)
        return real(report, **options)

    monkeypatch.setattr(draft_pdf, "render_pdf", counted)
    return calls


def download(client, report):
    response = client.get(reverse("reports:pdf", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response) if response.streaming else response.content


def stored_drafts(report):
    try:
        return default_storage.listdir(f"{draft_pdf.FOLDER}/{report.pk}")[1]
    except FileNotFoundError:
        return []


def test_a_second_download_of_the_same_version_does_not_render(client, staff, leader, report, renders):
    add_section(report, items=2)
    client.force_login(staff)
    first = download(client, report)
    client.force_login(leader)  # another user, the same version
    assert download(client, report) == first
    assert renders == [1]


def test_an_edit_renders_the_new_version_once_and_drops_the_old_file(client, staff, report, renders):
    add_section(report, items=2)
    client.force_login(staff)
    before = download(client, report)
    data = editor_data(report, **{"report-preamble": "现将有关情况报告如下："})
    assert client.post(reverse("reports:edit", args=[report.pk]), data).status_code == 302
    report.refresh_from_db()
    after = download(client, report)
    download(client, report)
    assert renders == [1, 2] and after != before
    assert stored_drafts(report) == [f"v2-{draft_pdf.draft_name(report).rsplit('-', 1)[1]}"]


def test_a_transition_renders_anew(client, staff, report, renders):
    add_section(report, items=1)
    client.force_login(staff)
    download(client, report)
    submit(staff, report)
    report.refresh_from_db()
    download(client, report)
    assert len(renders) == 2


def test_a_renamed_unit_or_a_changed_template_renders_anew(client, staff, report, renders, monkeypatch):
    add_section(report, items=1)
    client.force_login(staff)
    download(client, report)
    Unit.objects.filter(pk=report.unit_id).update(name="黔江区城西街道办事处")
    download(client, report)
    monkeypatch.setattr(draft_pdf, "document_revision", lambda: "a-new-stylesheet")
    download(client, report)
    download(client, report)
    assert len(renders) == 3


def test_an_approved_report_serves_its_stored_pdf_not_a_cached_draft(client, staff, leader, report, renders):
    add_section(report, items=1)
    client.force_login(staff)
    download(client, report)
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    report = Report.objects.get(pk=report.pk)
    stored = report.stored_pdfs.get()
    assert download(client, report) == stored.file.open("rb").read()
    assert renders == [1]  # the approval's own render is frozen_pdf's, not a draft's
