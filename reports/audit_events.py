"""What goes into the audit trail without each view or form having to remember it.

- ``AuditMiddleware``: every refusal (a 403, and a 404 on an object that exists outside the user's
  scope, which ``reports.permissions`` raises as ``NotDisclosed``) and every download (a response made by
  ``reports.common.downloads.attachment``), once per request, with the object concerned.
- Signal receivers (connected in ``ReportsConfig.ready``): role changes (a ``Membership`` added, changed
  or removed anywhere, a user's groups, staff, superuser and active flags) and every change made in the
  Django admin (its ``LogEntry`` rows: what, which object, Django's change message).
- ``delete_selected``: the admin's bulk deletion, audited per object (Django writes the ``LogEntry``
  rows of a bulk deletion with ``bulk_create``, which sends no ``post_save``).

The acting user and the source address come from the request being answered
(``reports.common.middleware.current_request``); outside a request (a management command) nobody.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, cast

from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponseBase

from . import audit
from .common.downloads import NOTE, DownloadNote
from .common.typing import User
from .models import AuditEntry, Membership

AuditAction = AuditEntry.Action
Result = AuditEntry.Result

# The request attribute that says its refusal is in the trail already (the exception was recorded, the
# 403 response it turns into must not be recorded again).
REFUSAL_RECORDED = "_audit_refusal_recorded"

LOG_ACTIONS = {ADDITION: "新增", CHANGE: "修改", DELETION: "删除"}

# The user's flags whose change is a change of role (and deactivation, which is how users leave).
USER_FLAGS = {"is_staff": "可登录管理后台", "is_superuser": "超级用户", "is_active": "账号有效"}

# Set while the admin's bulk deletion runs: its rows are recorded by ``delete_selected`` itself.
_bulk_deletion: ContextVar[bool] = ContextVar("audit_bulk_deletion", default=False)


class AuditMiddleware:
    """Records refusals and downloads. After ``AuthenticationMiddleware``: the row names the user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        note: DownloadNote | None = getattr(response, NOTE, None)
        if note is not None and response.status_code == 200:
            audit.record(
                AuditAction.DOWNLOAD, request=request, obj=note.about, detail=f"{note.kind}：{note.filename}"
            )
        elif response.status_code == 403 and not getattr(request, REFUSAL_RECORDED, False):
            # A 403 no view raised as PermissionDenied: the CSRF check's, or a view's own response.
            _record_refusal(request, None, "403")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        refused_object = getattr(exception, "refused_object", None)
        if isinstance(exception, PermissionDenied):
            _record_refusal(request, refused_object, f"403：{exception}" if str(exception) else "403")
        elif refused_object is not None:
            _record_refusal(request, refused_object, "404：不在本人的权限范围内（按不存在处理）")


def _record_refusal(request: HttpRequest, obj: Model | None, why: str) -> None:
    audit.record(
        AuditAction.REFUSED,
        request=request,
        obj=obj,
        result=Result.FAILURE,
        detail=f"{request.method} {request.path} {why}",
    )
    setattr(request, REFUSAL_RECORDED, True)


# --- Roles ----------------------------------------------------------------------------------------------


def _membership_text(user_id: int, unit_id: int, role: str) -> str:
    membership = Membership(user_id=user_id, unit_id=unit_id, role=role)
    return f"{membership.user} · {membership.unit} · {membership.get_role_display()}"


def membership_before_save(sender: type[Membership], instance: Membership, **kwargs: Any) -> None:
    """Keep what a changed membership was, for the row written after the save."""
    if instance.pk is not None and not kwargs.get("raw"):
        instance._audit_before = (  # type: ignore[attr-defined]
            Membership.objects.filter(pk=instance.pk).values_list("user_id", "unit_id", "role").first()
        )


def membership_saved(sender: type[Membership], instance: Membership, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading a fixture or a backup: not a change anyone made
    now = _membership_text(instance.user_id, instance.unit_id, instance.role)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        detail = f"授予角色：{now}"
    else:
        was = _membership_text(*before)
        if was == now:
            return
        detail = f"变更角色：{was} → {now}"
    audit.record(AuditAction.ROLE_CHANGE, obj=instance, detail=detail)


def membership_deleted(sender: type[Membership], instance: Membership, **kwargs: Any) -> None:
    detail = f"撤销角色：{_membership_text(instance.user_id, instance.unit_id, instance.role)}"
    audit.record(AuditAction.ROLE_CHANGE, obj=instance, detail=detail)


def user_before_save(sender: type[User], instance: User, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if (
        instance.pk is None
        or kwargs.get("raw")
        or (update_fields and not set(update_fields) & set(USER_FLAGS))
    ):
        return  # a new user, or a save of other fields (the last login, say): no query
    instance._audit_flags_before = (  # type: ignore[attr-defined]
        sender.objects.filter(pk=instance.pk).values(*USER_FLAGS).first()
    )


def user_saved(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    before = getattr(instance, "_audit_flags_before", None)
    if created and not kwargs.get("raw"):
        flags = [
            label for field, label in USER_FLAGS.items() if field != "is_active" and getattr(instance, field)
        ]
        if flags:
            audit.record(AuditAction.ROLE_CHANGE, obj=instance, detail="新建用户：" + "、".join(flags))
        return
    if before is None:
        return
    changes = [
        f"{label}：{_yes_no(before[field])} → {_yes_no(getattr(instance, field))}"
        for field, label in USER_FLAGS.items()
        if before[field] != getattr(instance, field)
    ]
    instance._audit_flags_before = None  # type: ignore[attr-defined]
    if changes:
        audit.record(AuditAction.ROLE_CHANGE, obj=instance, detail="；".join(changes))


def _yes_no(value: bool) -> str:
    return "是" if value else "否"


def user_groups_changed(
    sender: type[Model], instance: Model, action: str, pk_set: set[int] | None, reverse: bool, **kwargs: Any
) -> None:
    """A user added to or removed from groups (from either side of the relation)."""
    if action == "pre_clear":
        related = instance.groups.all() if not reverse else instance.user_set.all()  # type: ignore[attr-defined]
        instance._audit_cleared = [obj.pk for obj in related]  # type: ignore[attr-defined]
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ids = pk_set if action != "post_clear" else set(getattr(instance, "_audit_cleared", []))
    if not ids:
        return
    verb = "加入用户组" if action == "post_add" else "移出用户组"
    if reverse:  # group.user_set.add(...): one row per user
        for user in User.objects.filter(pk__in=ids):
            audit.record(AuditAction.ROLE_CHANGE, obj=user, detail=f"{verb}：{instance}")
    else:
        names = "、".join(Group.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True))
        audit.record(AuditAction.ROLE_CHANGE, obj=instance, detail=f"{verb}：{names}")


# --- The admin --------------------------------------------------------------------------------------------


def admin_logged(sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any) -> None:
    """One row per change made in the admin, as the admin logged it."""
    if not created or kwargs.get("raw") or _bulk_deletion.get():
        return
    content_type = cast(ContentType | None, instance.content_type)
    target = audit.Target(
        f"{content_type.app_label}.{content_type.model}" if content_type else "",
        str(instance.object_id or ""),
        instance.object_repr,
    )
    what = LOG_ACTIONS.get(instance.action_flag, "")
    message = instance.get_change_message()
    audit.record(
        AuditAction.ADMIN_CHANGE,
        user=cast(User, instance.user),
        target=target,
        detail=f"{what}：{message}" if message else what,
    )


def delete_selected(
    modeladmin: Any, request: HttpRequest, queryset: QuerySet[Model]
) -> HttpResponseBase | None:
    """Django's bulk deletion, with one audit row per object it deleted."""
    targets = [audit.Target.of(obj) for obj in queryset]
    token = _bulk_deletion.set(True)
    try:
        response = django_delete_selected(modeladmin, request, queryset)
    finally:
        _bulk_deletion.reset(token)
    if response is None:  # deleted; otherwise the confirmation page (or the list of what stops it)
        for target in targets:
            audit.record(AuditAction.ADMIN_CHANGE, request=request, target=target, detail="删除（批量删除）")
    return response


delete_selected.allowed_permissions = django_delete_selected.allowed_permissions  # type: ignore[attr-defined]
delete_selected.short_description = django_delete_selected.short_description  # type: ignore[attr-defined]
