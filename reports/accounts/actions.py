"""Every write of the account pages, each one atomic with its audit row (role and membership changes are
recorded by reports/accounts/signals.py, whichever way they are made: these pages, the admin, a command)."""

import math
from collections.abc import Iterable

from axes.utils import reset as reset_axes_attempts
from django.conf import settings
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from reports import audit
from reports.common.typing import User
from reports.models import AccountSecurity, AuditEntry, Membership

from . import steps
from .roles import ADMIN_SITE_ROLES, AdminRole, admin_roles, ensure_groups

ENROLMENT_DEVICE = "绑定中"
PHONE_DEVICE = "手机动态口令"
RECOVERY_DEVICE = "恢复码"


class RoleConflict(Exception):
    """An administrator role and a unit membership on the same account (三权分立)."""


def require_password_change(user: User) -> None:
    AccountSecurity.objects.update_or_create(user=user, defaults={"must_change_password": True})


@transaction.atomic
def change_own_password(request: HttpRequest, form: SetPasswordForm) -> None:
    """The user's own new password (Django's PasswordChangeForm, valid): saved, the forced change done,
    this session kept logged in, recorded."""
    user = form.save()
    AccountSecurity.objects.filter(user=user).update(must_change_password=False)
    update_session_auth_hash(request, user)
    steps.complete(request, steps.Step.PASSWORD)
    audit.record(AuditEntry.Action.PASSWORD_CHANGE, request=request, user=user, obj=user)


@transaction.atomic
def reset_password(request: HttpRequest, form: SetPasswordForm) -> None:
    """A password set by the security administrator (or in the admin): to be changed at the next login."""
    password_was_reset(request, form.save())


@transaction.atomic
def password_was_reset(request: HttpRequest, user: User) -> None:
    """After someone else set ``user``'s password (this app's page, or the admin's own)."""
    require_password_change(user)
    audit.record(
        AuditEntry.Action.PASSWORD_RESET,
        request=request,
        obj=user,
        detail=f"重置 {user.get_username()} 的密码",
    )


@transaction.atomic
def unlock(request: HttpRequest, username: str) -> int:
    removed = reset_axes_attempts(username=username)
    audit.record(AuditEntry.Action.UNLOCK, request=request, detail=f"解除 {username} 的登录锁定")
    return removed


@transaction.atomic
def grant_admin_role(user: User, role: AdminRole) -> None:
    """Give an administrator role; refused for a user with a unit membership (who could then both write or
    review reports and administer the system)."""
    if Membership.objects.filter(user=user).exists():
        raise RoleConflict(
            f"{user.get_username()} 是单位成员（填报员、审核领导或区级管理员），不能兼任{role.label}。"
        )
    other = [r for r in admin_roles(user) if r != role]
    if other:
        raise RoleConflict(f"{user.get_username()} 已是{other[0].label}，不能兼任{role.label}（三权分立）。")
    ensure_groups()
    user.groups.add(Group.objects.get(name=role.label))
    if role in ADMIN_SITE_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


@transaction.atomic
def revoke_admin_role(user: User, role: AdminRole) -> None:
    user.groups.remove(*Group.objects.filter(name=role.label))
    still_admin = any(r in ADMIN_SITE_ROLES for r in admin_roles(user))
    if not still_admin and not user.is_superuser and user.is_staff:
        user.is_staff = False
        user.save(update_fields=["is_staff"])


@transaction.atomic
def grant_membership(user: User, unit_id: int, role: str) -> Membership:
    if admin_roles(user):
        raise RoleConflict(f"{user.get_username()} 是管理员，不能兼任单位角色。")
    membership, _ = Membership.objects.get_or_create(user=user, unit_id=unit_id, role=role)
    return membership


@transaction.atomic
def revoke_membership(membership: Membership) -> None:
    membership.delete()


@transaction.atomic
def mark_demo_user(user: User) -> None:
    """load_demo's users: a published password, so a change is due at the first login (kept once made, when
    load_demo runs again), except under DEBUG=1."""
    AccountSecurity.objects.update_or_create(
        user=user, defaults={"is_demo": True}, create_defaults={"is_demo": True, "must_change_password": True}
    )


@transaction.atomic
def start_totp_enrolment(user: User) -> TOTPDevice:
    """The device being enrolled: a new secret, kept (unconfirmed) until a code from it is entered."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=ENROLMENT_DEVICE).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=ENROLMENT_DEVICE)
    return device


@transaction.atomic
def confirm_totp_enrolment(request: HttpRequest, user: User, token: str) -> list[str] | None:
    """The code from the phone matches the new secret: the new device replaces any earlier one, ten new
    recovery codes replace any earlier ones (returned, to show once), the session counts as verified."""
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False, name=ENROLMENT_DEVICE)
        .first()
    )
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.name = PHONE_DEVICE
    device.save(update_fields=["confirmed", "name"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    otp_login(request, device)
    steps.complete(request, steps.Step.OTP_ENROL)
    steps.complete(request, steps.Step.OTP_VERIFY)
    audit.record(
        AuditEntry.Action.OTP_ENROL, request=request, obj=user, detail="绑定手机动态口令，生成恢复码"
    )
    return codes


def seconds_to_wait(user: User, *, enrolling: bool = False, recovery: bool = False) -> int:
    """How long django-otp still refuses to check a code after wrong ones (its throttling: 1, 2, 4…
    seconds), rounded up; 0 when the next code is checked. While refused, even the right code fails, so
    the page must say to wait rather than that the code is wrong. ``enrolling``: the secret being
    enrolled; ``recovery``: the recovery codes; else the phone already enrolled."""
    devices: Iterable[TOTPDevice | StaticDevice]
    if recovery:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    elif enrolling:
        devices = TOTPDevice.objects.filter(user=user, confirmed=False, name=ENROLMENT_DEVICE)
    else:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    now, waits = timezone.now(), [0]
    for device in devices:
        allowed, refusal = device.verify_is_allowed()
        if not allowed and refusal and refusal.get("locked_until"):
            waits.append(math.ceil((refusal["locked_until"] - now).total_seconds()))
    return max(waits)


def verify_second_factor(request: HttpRequest, user: User, token: str) -> bool:
    """A code from the phone, or one of the recovery codes (each works once). django-otp slows down
    repeated wrong codes (its throttling); every attempt is in the audit trail."""
    device = match_token(user, "".join(token.split()).lower())
    if device is None:
        audit.record(
            AuditEntry.Action.LOGIN_FAILED,
            request=request,
            result=AuditEntry.Result.FAILURE,
            detail="动态口令错误",
        )
        return False
    otp_login(request, device)
    steps.complete(request, steps.Step.OTP_VERIFY)
    if isinstance(device, StaticDevice):
        detail = f"使用恢复码登录，还剩{device.token_set.count()}个"
    else:
        detail = "动态口令验证通过"
    audit.record(AuditEntry.Action.LOGIN, request=request, detail=detail)
    return True


def find_user(username: str) -> User | None:
    return get_user_model().objects.filter(username=username).first()
