"""Separated administrator roles (等保2.0 访问控制/三权分立): system, security and audit administrators, each a
group with fixed permissions; none holds a unit role, so none can write, review or accept a report; role
changes are in the audit trail; the admin does not let a system administrator grant roles or passwords."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from reports.accounts.actions import RoleConflict, grant_admin_role, grant_membership
from reports.accounts.roles import AdminRole, admin_roles
from reports.models import AccountSecurity, AuditEntry, Membership, Report
from tests.conftest import make_admin


def test_the_audit_administrator_only_reads_the_audit_trail(audit_admin):
    assert audit_admin.get_all_permissions() == {"reports.view_auditentry"}
    assert not audit_admin.is_staff


def test_the_system_administrator_manages_users_units_and_the_catalogue_only(system_admin):
    perms = system_admin.get_all_permissions()
    assert {
        "auth.add_user",
        "auth.change_user",
        "reports.change_unit",
        "indicators.change_indicator",
    } <= perms
    assert not {"reports.reset_password", "reports.grant_role", "reports.unlock_account"} & perms
    assert not {p for p in perms if p.endswith(("_report", "_auditentry", "_membership")) and "view" not in p}
    assert "reports.view_auditentry" not in perms


def test_the_security_administrator_handles_lockouts_passwords_and_roles_only(security_admin):
    perms = security_admin.get_all_permissions()
    assert {"reports.unlock_account", "reports.reset_password", "reports.grant_role"} <= perms
    assert (
        not {"auth.change_user", "auth.add_user", "reports.view_auditentry", "reports.change_report"} & perms
    )


@pytest.mark.parametrize("role", list(AdminRole))
def test_no_administrator_can_edit_review_or_accept_a_report(client, report, role):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    admin = make_admin("someone", role)
    assert not Membership.objects.filter(user=admin).exists()
    client.force_login(admin)
    assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 404
    for action in ("approve", "return", "accept"):
        assert client.post(reverse("reports:act", args=[report.pk, action])).status_code == 404
    admin_page = client.get(f"/admin/reports/report/{report.pk}/change/")
    assert admin_page.status_code in (302, 403)  # not staff: the admin's login; staff: refused
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_an_administrator_role_and_a_unit_role_cannot_be_combined(staff, system_admin, unit):
    with pytest.raises(RoleConflict):
        grant_admin_role(staff, AdminRole.AUDIT)
    with pytest.raises(RoleConflict):
        grant_membership(system_admin, unit.pk, Membership.Role.LEADER)
    with pytest.raises(RoleConflict):
        grant_admin_role(system_admin, AdminRole.SECURITY)  # one administrator role an account
    assert admin_roles(system_admin) == [AdminRole.SYSTEM]


def test_role_and_membership_changes_on_the_security_pages_are_recorded(client, security_admin, unit, db):
    person = get_user_model().objects.create_user("person", password="x")
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    client.force_login(security_admin)
    roles = reverse("accounts:user-roles", args=[person.pk])
    client.post(roles, {"grant_role": "", "role": AdminRole.AUDIT})
    assert admin_roles(person) == [AdminRole.AUDIT]
    refused = client.post(roles, {"grant_membership": "", "unit": unit.pk, "role": "staff"}, follow=True)
    assert "不能兼任单位角色" in refused.content.decode()
    client.post(roles, {"revoke_role": "", "role": AdminRole.AUDIT})
    client.post(roles, {"grant_membership": "", "unit": unit.pk, "role": "staff"})
    assert Membership.objects.filter(user=person, unit=unit, role="staff").exists()
    changes = AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE, pk__gt=before).order_by("pk")
    assert [(e.user, e.detail) for e in changes] == [
        (security_admin, "加入用户组：审计管理员"),
        (security_admin, "移出用户组：审计管理员"),
        (security_admin, f"授予角色：{person} · {unit} · 填报员"),
    ]


def test_the_roles_page_says_what_each_button_did(client, security_admin, unit, db):
    # Granting and revoking only redrew the lists; 撤销 of a role not held did nothing visible at all.
    person = get_user_model().objects.create_user("person", password="x")
    client.force_login(security_admin)
    roles = reverse("accounts:user-roles", args=[person.pk])
    page = client.get(roles).content.decode()
    assert "（请选择单位）" in page and "---------" not in page

    def said(data):
        return client.post(roles, data, follow=True).content.decode()

    assert "person 没有审计管理员角色，无需撤销。" in said({"revoke_role": "", "role": AdminRole.AUDIT})
    assert "已授予 person 审计管理员角色。" in said({"grant_role": "", "role": AdminRole.AUDIT})
    assert "已撤销 person 的审计管理员角色。" in said({"revoke_role": "", "role": AdminRole.AUDIT})
    assert "已授予 person 城西街道 填报员。" in said(
        {"grant_membership": "", "unit": unit.pk, "role": "staff"}
    )
    membership = Membership.objects.get(user=person)
    assert "已撤销 person 的城西街道 填报员。" in said({"revoke_membership": membership.pk})


def test_membership_changes_made_anywhere_are_recorded(staff):
    membership = staff.memberships.get()
    membership.delete()
    details = list(
        AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE, object_type="reports.membership")
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == [
        f"授予角色：{staff} · {membership.unit} · 填报员",
        f"撤销角色：{staff} · {membership.unit} · 填报员",
    ]


def test_the_security_administrator_cannot_manage_themselves_or_the_superuser(client, security_admin, db):
    root = get_user_model().objects.create_superuser("root", "", "x")
    client.force_login(security_admin)
    for user in (security_admin, root):
        assert client.get(reverse("accounts:reset-password", args=[user.pk])).status_code == 403
        assert client.get(reverse("accounts:user-roles", args=[user.pk])).status_code == 403


def test_a_system_administrator_cannot_grant_roles_or_set_passwords_in_the_admin(client, system_admin, staff):
    client.force_login(system_admin)
    page = client.get(f"/admin/auth/user/{system_admin.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="groups"' not in page
    assert client.get(f"/admin/auth/user/{staff.pk}/password/").status_code == 403


def test_the_admin_role_command_makes_the_first_administrators(capsys, db):
    call_command("admin_role", "alice", "security", "--create")
    alice = get_user_model().objects.get(username="alice")
    assert admin_roles(alice) == [AdminRole.SECURITY] and alice.is_staff
    assert AccountSecurity.objects.get(user=alice).must_change_password
    assert "初始密码（只显示这一次" in capsys.readouterr().out
    call_command("admin_role", "alice", "security", "--revoke")
    alice.refresh_from_db()
    assert admin_roles(alice) == [] and not alice.is_staff
    with pytest.raises(CommandError, match="没有用户"):
        call_command("admin_role", "bob", "audit")
