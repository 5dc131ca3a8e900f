"""The three administrator roles (三权分立): each a Django group with a fixed set of permissions, made (and
its permissions set again) whenever a role is granted, so a permission added here reaches the groups with
the next grant or `manage.py admin_role --sync`. (Not at migrate: a new database stays empty for a
restore, reports/backup.py.)

- 系统管理员 (system): users, units and the indicator catalogue in the admin; no passwords, no roles.
- 安全管理员 (security): lockouts, password resets, administrator roles and unit memberships.
- 审计管理员 (audit): reads the audit trail; changes nothing.

None of them holds a unit membership, so none can write, review or accept a report; a user with a
membership cannot be given one of these roles, nor can an administrator be given a membership
(``reports.accounts.actions``). The superuser is for installation only (README: Security).
"""

from django.contrib.auth.models import Group, Permission
from django.db import models

from reports.common.typing import RequestUser
from reports.models import Membership


class AdminRole(models.TextChoices):
    SYSTEM = "system_admin", "系统管理员"
    SECURITY = "security_admin", "安全管理员"
    AUDIT = "audit_admin", "审计管理员"


PERMISSIONS = {
    AdminRole.SYSTEM: [
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "reports.add_unit",
        "reports.change_unit",
        "reports.view_unit",
        "reports.view_membership",
        "indicators.add_indicator",
        "indicators.change_indicator",
        "indicators.view_indicator",
        "indicators.add_indicatorrule",
        "indicators.change_indicatorrule",
        "indicators.delete_indicatorrule",
        "indicators.view_indicatorrule",
    ],
    AdminRole.SECURITY: [
        "auth.view_user",
        "reports.view_unit",
        "reports.view_membership",  # granted on the security pages, which keep roles apart (accounts.actions)
        "reports.unlock_account",
        "reports.reset_password",
        "reports.grant_role",
        "axes.view_accessattempt",
    ],
    AdminRole.AUDIT: ["reports.view_auditentry"],
}

# The Django admin is for the system and the security administrator (is_staff); the audit administrator
# reads the audit trail in the app.
ADMIN_SITE_ROLES = (AdminRole.SYSTEM, AdminRole.SECURITY)


def ensure_groups() -> None:
    """Create the three groups and give each exactly its permissions."""
    for role, names in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.label)
        wanted: list[Permission] = []
        for name in names:
            app_label, codename = name.split(".")
            wanted += Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        group.permissions.set(wanted)


def admin_roles(user: RequestUser) -> list[AdminRole]:
    if not user.is_authenticated:
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [role for role in AdminRole if role.label in names]


def all_roles(user: RequestUser) -> set[str]:
    """Every role the user holds: unit roles (Membership.Role values), administrator roles, "superuser"."""
    if not user.is_authenticated:
        return set()
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    roles |= {str(role) for role in admin_roles(user)}
    if user.is_superuser:
        roles.add("superuser")
    return roles
