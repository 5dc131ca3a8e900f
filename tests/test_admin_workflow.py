"""The Django admin cannot go round the workflow: the status is read-only, a locked report's content is
view-only, content changed there is versioned and in the history, what the app writes (history, snapshots,
stored PDFs, comments, the audit trail) is view-only for everyone, the superuser included, and users are
deactivated, never deleted."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import ProtectedError
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from reports import audit, workflow
from reports.models import (
    AuditEntry,
    GeneratedFile,
    Item,
    Report,
    ReportEvent,
    ReviewComment,
    Section,
    Snapshot,
    StoredPdf,
)
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit

Status = Report.Status


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw")


@pytest.fixture
def content(report, district):
    section = add_section(report, items=1)
    indicator = Indicator.objects.create(
        district=district, code="x", name="排查矛盾纠纷", unit="件", category="disputes", first_year=2020
    )
    value = IndicatorValue.objects.create(report=report, indicator=indicator, value=1705)
    return {"report": report, "section": section, "item": section.items.get(), "value": value}


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def report_form(report, **overrides):
    data = {
        "unit": report.unit_id,
        "year": report.year,
        "document_number": "",
        "title": report.title,
        "addressee": "",
        "preamble": "新导语",
        "signing_date": "",
    }
    for prefix in ("organs", "sections", "indicator_values", "events"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data | overrides


def test_the_status_cannot_be_changed_in_the_admin(client, superuser, content):
    report = content["report"]
    client.force_login(superuser)
    page = client.get(change_url(report)).content.decode()
    assert 'name="status"' not in page
    response = client.post(change_url(report), report_form(report, status=Status.ACCEPTED))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.DRAFT and report.preamble == "新导语"


def test_content_changed_in_the_admin_is_versioned_and_in_the_history(client, superuser, content):
    report, section = content["report"], content["section"]
    version = report.version
    client.force_login(superuser)
    data = {
        "report": report.pk,
        "position": 0,
        "kind": section.kind,
        "heading": "改过的标题",
        "items-TOTAL_FORMS": 0,
        "items-INITIAL_FORMS": 0,
    }
    assert client.post(change_url(section), data).status_code == 302
    report.refresh_from_db()
    assert report.version == version + 1 and report.updated_by == superuser
    assert report.events.filter(action=ReportEvent.Action.SAVE, user=superuser).exists()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED, Status.ACCEPTED])
def test_a_locked_reports_content_is_view_only_in_the_admin(client, superuser, content, status):
    Report.objects.filter(pk=content["report"].pk).update(status=status)
    client.force_login(superuser)
    for obj in (content["report"], content["section"], content["item"], content["value"]):
        page = client.get(change_url(obj))
        assert page.status_code == 200, obj  # still visible
        assert 'name="_save"' not in page.content.decode(), obj
        assert client.post(change_url(obj), {}).status_code == 403, obj
        assert client.get(delete_url(obj)).status_code == 403, obj
    report_page = client.get(change_url(content["report"])).content.decode()
    assert 'name="sections-0-heading"' not in report_page and "主要举措" in report_page


def test_a_locked_reports_content_cannot_be_bulk_deleted(client, superuser, content):
    Report.objects.filter(pk=content["report"].pk).update(status=Status.SUBMITTED)
    client.force_login(superuser)
    url = reverse("admin:reports_item_changelist")
    data = {"action": "delete_selected", "_selected_action": [content["item"].pk], "post": "yes"}
    assert client.post(url, data).status_code == 403
    assert Item.objects.filter(pk=content["item"].pk).exists()


def test_new_content_can_only_be_put_into_an_editable_report(client, superuser, content, other_unit):
    locked = Report.objects.create(unit=other_unit, year=2025, status=Status.SUBMITTED)
    client.force_login(superuser)
    data = {"report": locked.pk, "position": 5, "kind": "other", "heading": "偷偷加的", "items-TOTAL_FORMS": 0,
            "items-INITIAL_FORMS": 0}  # fmt: skip
    response = client.post(reverse("admin:reports_section_add"), data)
    assert response.status_code == 200  # the form again, with its error
    assert not Section.objects.filter(heading="偷偷加的").exists()


def test_a_report_once_submitted_cannot_be_deleted_in_the_admin(client, superuser, content, staff, leader):
    report = content["report"]
    submit(staff, report)
    workflow.perform(leader, report, "return", comment="补充")
    client.force_login(superuser)
    assert client.get(delete_url(report)).status_code == 403
    url = reverse("admin:reports_report_changelist")
    data = {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"}
    assert client.post(url, data).status_code == 403
    assert Report.objects.filter(pk=report.pk).exists()


@pytest.fixture
def written_rows(content, staff, leader, district):
    report = content["report"]
    submit(staff, report)
    comment = ReviewComment.objects.create(report=report, author=leader, body="请补充")
    stored = StoredPdf(report=report, version=report.version, sha256="0" * 64, size=4)
    stored.file.save("r.pdf", ContentFile(b"%PDF"), save=False)
    stored.save()
    generated = GeneratedFile.objects.create(kind="zip", district=district, year=2025, fingerprint="0" * 64)
    entry = audit.record(AuditEntry.Action.LOGIN, user=staff)
    return [report.events.first(), Snapshot.objects.get(), stored, comment, generated, entry]


def test_history_snapshots_stored_pdfs_comments_and_the_audit_trail_are_view_only(
    client, superuser, written_rows, rf
):
    client.force_login(superuser)
    request = rf.get("/")
    request.user = superuser
    for obj in written_rows:
        model_admin = admin.site._registry[type(obj)]
        assert model_admin.has_view_permission(request, obj), obj
        assert not model_admin.has_add_permission(request), obj
        assert not model_admin.has_change_permission(request, obj), obj
        assert not model_admin.has_delete_permission(request, obj), obj
        assert client.get(change_url(obj)).status_code == 200, obj
        assert client.get(delete_url(obj)).status_code == 403, obj
        assert client.post(change_url(obj), {}).status_code == 403, obj
        changelist = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist")
        assert "delete_selected" not in client.get(changelist).content.decode(), obj


def test_users_are_not_deleted_in_the_admin(client, superuser, staff):
    client.force_login(superuser)
    assert client.get(delete_url(staff)).status_code == 403
    page = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "delete_selected" not in page
    assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_a_user_with_history_cannot_be_deleted_at_all(content, staff):
    submit(staff, content["report"])
    with pytest.raises(ProtectedError):
        staff.delete()
