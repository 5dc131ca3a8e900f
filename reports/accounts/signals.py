"""The audit rows of logging in and out and of lockouts. Role changes (memberships, groups, the superuser
flag), however made, are recorded by ``reports/audit_events.py``."""

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from reports import audit
from reports.models import AuditEntry

from . import steps

User = get_user_model()


@receiver(user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    steps.start(request, user)
    audit.record(
        AuditEntry.Action.LOGIN,
        request=request,
        user=user,
        # The superuser is for installation only: its every use stands out in the trail.
        detail="superuser" if user.is_superuser else "",
    )


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Refused by axes before the password was looked at: locked, and axes counted no failure for it.
    locked = bool(
        request is not None
        and getattr(request, "axes_locked_out", False)
        and getattr(request, "axes_failures_since_start", None) is None
    )
    audit.record(
        AuditEntry.Action.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username", "")),
        result=AuditEntry.Result.FAILURE,
        detail="账号已锁定，未验证密码" if locked else "用户名或密码错误",
    )


@receiver(user_locked_out)
def on_locked_out(sender: Any, request: HttpRequest, username: str, **kwargs: Any) -> None:
    # axes signals on every refused attempt; the lockout itself is the failure that reaches the limit.
    if getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    until = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    audit.record(
        AuditEntry.Action.LOCKOUT,
        request=request,
        username=username or "",
        result=AuditEntry.Result.FAILURE,
        detail=f"连续{settings.AXES_FAILURE_LIMIT}次登录失败，锁定至{until:%H:%M}",
    )


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        reason = getattr(request, "logout_reason", "")  # set by SessionLimitMiddleware
        audit.record(AuditEntry.Action.LOGOUT, request=request, user=user, detail=reason)
