"""The audit rows of logging in and out, of lockouts, and of every change of roles (a unit membership, an
administrator group, the superuser flag), however it is made: these pages, the admin, a command."""

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from reports import audit
from reports.common.middleware import current_request
from reports.models import AuditEntry, Membership

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


def _record_role_change(obj: Any, detail: str) -> None:
    audit.record(AuditEntry.Action.ROLE_CHANGE, request=current_request(), obj=obj, detail=detail)


@receiver(post_save, sender=Membership)
def on_membership_saved(sender: Any, instance: Membership, created: bool, **kwargs: Any) -> None:
    verb = "授予" if created else "修改为"
    _record_role_change(instance.user, f"{verb} {instance.unit.short_name} {instance.get_role_display()}")


@receiver(post_delete, sender=Membership)
def on_membership_deleted(sender: Any, instance: Membership, **kwargs: Any) -> None:
    _record_role_change(instance.user, f"撤销 {instance.unit.short_name} {instance.get_role_display()}")


@receiver(m2m_changed, sender=User.groups.through)
def on_groups_changed(
    sender: Any, instance: Any, action: str, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, User):
        return
    names = "、".join(kwargs["model"].objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
    verb = {"post_add": "授予", "post_remove": "撤销", "post_clear": "撤销全部角色"}[action]
    _record_role_change(instance, f"{verb} {names}".strip())


@receiver(post_save, sender=User)
def on_user_saved(
    sender: Any, instance: Any, created: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    was = getattr(instance, "_superuser_was", None)
    if (created and instance.is_superuser) or (was is not None and was != instance.is_superuser):
        _record_role_change(instance, "授予超级用户" if instance.is_superuser else "撤销超级用户")
    instance._superuser_was = instance.is_superuser


@receiver(post_init, sender=User)
def remember_superuser_flag(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance._superuser_was = instance.is_superuser
