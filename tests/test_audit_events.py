"""What the audit trail records without any view asking: refusals (403, and 404 on an object that exists in
another unit), every download and export, role changes wherever they happen, and every admin change."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from indicators.models import Indicator
from reports.models import AuditEntry, GeneratedFile, Membership, Report, StoredPdf, Unit
from tests.conftest import make_user
from tests.editor_helpers import add_section
from tests.jobs_helpers import run_queued_jobs

Action = AuditEntry.Action
Result = AuditEntry.Result


def rows(action, **filters):
    return list(AuditEntry.objects.filter(action=action, **filters).order_by("pk"))


def last(action):
    return AuditEntry.objects.filter(action=action).order_by("-pk").first()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- Refusals -------------------------------------------------------------------------------------------


def test_another_units_report_is_not_found_and_recorded_as_refused_with_the_report(client, report, outsider):
    client.force_login(outsider)
    assert client.get(reverse("reports:detail", args=[report.pk]), REMOTE_ADDR="10.0.0.7").status_code == 404
    [row] = rows(Action.REFUSED)
    assert (row.user, row.address, row.result) == (outsider, "10.0.0.7", Result.FAILURE)
    assert (row.object_type, row.object_id, row.object_repr) == (
        "reports.report",
        str(report.pk),
        str(report),
    )
    assert f"/reports/{report.pk}/" in row.detail and "404" in row.detail


def test_a_report_that_does_not_exist_is_not_a_refusal(client, staff):
    client.force_login(staff)
    assert client.get(reverse("reports:detail", args=[99999])).status_code == 404
    assert rows(Action.REFUSED) == []


def test_a_forbidden_action_on_a_known_report_is_recorded_once_with_the_reason(
    client, report, district_officer
):
    client.force_login(district_officer)
    assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 403
    [row] = rows(Action.REFUSED)
    assert (row.user, row.object_type, row.object_id) == (district_officer, "reports.report", str(report.pk))
    assert "403" in row.detail and "您没有修改这份报告的权限" in row.detail


def test_a_workflow_refusal_is_recorded_with_the_report(client, report, staff):
    client.force_login(staff)
    assert client.post(reverse("reports:act", args=[report.pk, "approve"])).status_code == 403
    [row] = rows(Action.REFUSED)
    assert (row.object_type, row.object_id) == ("reports.report", str(report.pk))
    assert "审核通过" in row.detail


def test_unit_staff_refused_a_district_page_is_recorded(client, staff):
    client.force_login(staff)
    assert client.get(reverse("district:dashboard", args=[2025])).status_code == 403
    [row] = rows(Action.REFUSED)
    assert row.user == staff and "只有管理员" in row.detail and row.object_type == ""


def test_another_districts_indicator_is_not_found_and_recorded(client, district):
    elsewhere = Unit.objects.create(code="elsewhere", name="别区", short_name="别区", kind=Unit.Kind.DISTRICT)
    other_office = make_user("other", elsewhere, Membership.Role.DISTRICT_OFFICE)
    indicator = Indicator.objects.create(
        district=district, code="x", name="排查", unit="件", category="other", first_year=2020
    )
    client.force_login(other_office)
    assert client.get(reverse("district:indicator", args=[2025, indicator.pk])).status_code == 404
    [row] = rows(Action.REFUSED)
    assert (row.user, row.object_type, row.object_id) == (
        other_office,
        "indicators.indicator",
        str(indicator.pk),
    )


def test_a_comment_on_another_reports_item_is_refused_and_recorded(client, report, staff, other_unit):
    foreign = Report.objects.create(unit=other_unit, year=2025)
    item = add_section(foreign, items=1).items.get()
    client.force_login(staff)
    response = client.post(
        reverse("reports:comment", args=[report.pk]), {"body": "x", "target": f"item-{item.pk}"}
    )
    assert response.status_code == 404
    [row] = rows(Action.REFUSED)
    assert (row.object_type, row.object_id) == ("reports.item", str(item.pk))


def test_a_csrf_failure_is_recorded_as_a_refusal(report, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(reverse("reports:comment", args=[report.pk]), {"body": "x"}).status_code == 403
    [row] = rows(Action.REFUSED)
    assert row.user == staff and "403" in row.detail


# --- Downloads and exports -----------------------------------------------------------------------------


def test_a_draft_pdf_download_is_recorded_with_the_report(client, report, staff):
    client.force_login(staff)
    response = client.get(reverse("reports:pdf", args=[report.pk]), REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200 and body(response).startswith(b"%PDF")
    row = last(Action.DOWNLOAD)
    assert (row.user, row.address, row.result) == (staff, "10.0.0.8", Result.SUCCESS)
    assert (row.object_type, row.object_id) == ("reports.report", str(report.pk))
    assert row.detail.startswith("PDF（草稿）：") and "2025" in row.detail


@pytest.fixture
def stored(report):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    pdf = StoredPdf(report=report, version=report.version, sha256="a" * 64, size=9)
    pdf.file.save("report.pdf", ContentFile(b"%PDF-1.7 x"), save=False)
    pdf.save()
    return pdf


def test_a_frozen_pdf_download_is_recorded_with_the_stored_file(client, stored, leader):
    client.force_login(leader)
    assert client.get(reverse("reports:pdf", args=[stored.report_id])).status_code == 200
    assert client.get(stored.get_absolute_url()).status_code == 200
    first, second = rows(Action.DOWNLOAD)
    for row in (first, second):
        assert (row.object_type, row.object_id) == ("reports.storedpdf", str(stored.pk))
        assert row.detail.startswith(f"定稿PDF（{stored.made}生成")
    assert "aaaaaaaaaaaa" in first.detail and "生成）.pdf" in second.detail and "第" not in second.detail


def test_a_docx_download_is_recorded(client, report, staff):
    client.force_login(staff)
    assert client.get(reverse("reports:docx", args=[report.pk])).status_code == 200
    row = last(Action.DOWNLOAD)
    assert (row.object_type, row.object_id) == ("reports.report", str(report.pk))
    assert row.detail.startswith("Word（.docx）：") and row.detail.endswith(".docx")


@pytest.mark.parametrize(("name", "kind"), [("district:xlsx", "XLSX"), ("district:csv", "CSV")])
def test_indicator_exports_are_recorded_with_the_district(client, district, district_officer, name, kind):
    client.force_login(district_officer)
    assert client.get(reverse(name, args=[2025])).status_code == 200
    row = last(Action.DOWNLOAD)
    assert (row.user, row.object_type, row.object_id) == (district_officer, "reports.unit", str(district.pk))
    assert row.detail.startswith(f"2025年度指标汇总{kind}：")


@pytest.mark.parametrize(("name", "kind"), [("district:zip", "ZIP"), ("district:volume", "汇编")])
def test_the_zip_and_the_volume_are_recorded_when_served(client, district_officer, report, name, kind):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)  # something to put in them
    client.force_login(district_officer)
    assert client.get(reverse(name, args=[2025])).status_code == 302  # queued: nothing downloaded yet
    assert rows(Action.DOWNLOAD) == []
    run_queued_jobs()
    response = client.get(reverse(name, args=[2025]))
    assert response.status_code == 200
    generated = GeneratedFile.objects.get()
    row = last(Action.DOWNLOAD)
    assert (row.object_type, row.object_id) == ("reports.generatedfile", str(generated.pk))
    assert row.detail.startswith(f"2025年度{kind}：")


def test_a_generated_file_downloaded_from_its_page_is_recorded(client, district, district_officer):
    generated = GeneratedFile(
        kind="volume", district=district, year=2025, fingerprint="0" * 64, status="done"
    )
    generated.file.save("volume.pdf", ContentFile(b"%PDF-1.7 volume"), save=False)
    generated.save()
    client.force_login(district_officer)
    assert client.get(reverse("district:file-download", args=[2025, generated.pk])).status_code == 200
    row = last(Action.DOWNLOAD)
    assert (row.object_type, row.object_id) == ("reports.generatedfile", str(generated.pk))


# --- Roles ----------------------------------------------------------------------------------------------


def test_a_membership_granted_changed_and_removed_anywhere_is_recorded(unit, django_user_model):
    user = django_user_model.objects.create_user("newcomer", first_name="新人")
    membership = Membership.objects.create(user=user, unit=unit, role=Membership.Role.STAFF)
    membership.role = Membership.Role.LEADER
    membership.save()
    membership.delete()
    granted, changed, removed = rows(Action.ROLE_CHANGE, object_type="reports.membership")
    assert granted.detail == "授予角色：newcomer · 城西街道 · 填报员"
    assert changed.detail == "变更角色：newcomer · 城西街道 · 填报员 → newcomer · 城西街道 · 审核领导"
    assert removed.detail == "撤销角色：newcomer · 城西街道 · 审核领导"
    assert granted.object_id == changed.object_id == removed.object_id


def test_a_membership_saved_unchanged_writes_no_row(staff):
    membership = staff.memberships.get()
    before = AuditEntry.objects.count()
    membership.save()
    assert AuditEntry.objects.count() == before


def test_group_and_superuser_changes_are_role_changes(staff):
    auditors = Group.objects.create(name="审计管理员")
    staff.groups.add(auditors)
    staff.groups.remove(auditors)
    auditors.user_set.add(staff)
    staff.groups.clear()
    auditors.user_set.add(staff)
    auditors.user_set.clear()
    staff.is_superuser = True
    staff.save()
    staff.last_login = None
    staff.save(update_fields=["last_login"])  # not a role: no row, no query for the old flags
    details = [row.detail for row in rows(Action.ROLE_CHANGE, object_type="auth.user")]
    joined, left = "加入用户组：审计管理员", "移出用户组：审计管理员"
    assert details == [joined, left, joined, left, joined, left, "超级用户：否 → 是"]


def test_deactivating_a_user_is_recorded(staff):
    staff.is_active = False
    staff.save()
    assert last(Action.ROLE_CHANGE).detail == "账号有效：是 → 否"


# --- The admin ------------------------------------------------------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw")


def test_a_membership_added_in_the_admin_is_a_role_change_and_an_admin_change(client, superuser, unit, staff):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:reports_membership_add"),
        {"user": staff.pk, "unit": unit.pk, "role": Membership.Role.LEADER},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=staff, role=Membership.Role.LEADER)
    role = last(Action.ROLE_CHANGE)
    admin_row = last(Action.ADMIN_CHANGE)
    assert (role.user, role.address, role.object_id) == (superuser, "10.0.0.9", str(membership.pk))
    assert (admin_row.user, admin_row.address) == (superuser, "10.0.0.9")
    assert (admin_row.object_type, admin_row.object_id) == ("reports.membership", str(membership.pk))
    assert admin_row.detail.startswith("新增：")


def test_a_change_in_the_admin_is_recorded_with_its_change_message(client, superuser, unit):
    client.force_login(superuser)
    url = reverse("admin:reports_unit_change", args=[unit.pk])
    data = {
        "code": unit.code,
        "name": unit.name,
        "short_name": "城西",
        "kind": unit.kind,
        "parent": unit.parent_id,
        "position": 3,
        "memberships-TOTAL_FORMS": 0,
        "memberships-INITIAL_FORMS": 0,
    }
    assert client.post(url, data).status_code == 302
    row = last(Action.ADMIN_CHANGE)
    assert (row.user, row.object_type, row.object_id, row.object_repr) == (
        superuser,
        "reports.unit",
        str(unit.pk),
        "城西",
    )
    assert row.detail.startswith("修改：") and "简称" in row.detail


def test_a_bulk_deletion_in_the_admin_records_each_object(client, superuser, district):
    years = [
        district.reporting_years.create(year=year, deadline=f"{year + 1}-03-01") for year in (2024, 2025)
    ]
    client.force_login(superuser)
    url = reverse("admin:reports_reportingyear_changelist")
    data = {"action": "delete_selected", "_selected_action": [y.pk for y in years], "post": "yes"}
    assert client.post(url, data).status_code == 302
    deleted = rows(Action.ADMIN_CHANGE)
    assert sorted(row.object_id for row in deleted) == sorted(str(y.pk) for y in years)
    assert {row.detail for row in deleted} == {"删除（批量删除）"}
    assert all(row.user == superuser for row in deleted)


def test_asking_to_bulk_delete_records_nothing_until_confirmed(client, superuser, district):
    year = district.reporting_years.create(year=2025, deadline="2026-03-01")
    client.force_login(superuser)
    url = reverse("admin:reports_reportingyear_changelist")
    assert client.post(url, {"action": "delete_selected", "_selected_action": [year.pk]}).status_code == 200
    assert rows(Action.ADMIN_CHANGE) == []
