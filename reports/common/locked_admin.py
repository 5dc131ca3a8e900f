"""The Django admin kept inside the workflow: what the app writes is view-only there, and a report's content
can be changed there only while the report's status lets its unit change it.

Both apps' admin modules use these (they cannot import each other: they are one layer).
"""

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import ForeignKey, Model, QuerySet
from django.forms import Form, ModelChoiceField
from django.http import HttpRequest


class ViewOnlyAdmin(admin.ModelAdmin[Model]):
    """Rows the app writes (history, snapshots, stored PDFs, comments, the audit trail): the admin may
    look, never add, change or delete, the superuser included."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


def report_at(obj: Model, path: str) -> Any:
    """The report reached from ``obj`` by the attribute ``path`` ("" is ``obj`` itself, "section.report")."""
    for name in filter(None, path.split(".")):
        obj = getattr(obj, name)
    return obj


class LockedWithReport:
    """For a ModelAdmin or an inline of a report's content: no change, deletion or addition once the
    report is locked (submitted, approved, accepted), as in the editor.

    ``report_path`` leads from the object the permission methods get to its report: a ModelAdmin gets
    its own object, an inline its parent's (a report's inline: "", an item inline of a section: "report").
    """

    report_path = "report"

    def is_locked(self, obj: Model | None) -> bool:
        return obj is not None and not report_at(obj, self.report_path).is_editable

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return not self.is_locked(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return not self.is_locked(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *parent: Model | None) -> bool:
        """A ModelAdmin's takes only the request; an inline's also the parent object."""
        return not (parent and self.is_locked(parent[0])) and super().has_add_permission(request, *parent)  # type: ignore[misc]

    def refuse_locked(self, objects: QuerySet[Model]) -> None:
        """The bulk deletion asks ``has_delete_permission`` without an object: check each one here."""
        if any(self.is_locked(obj) for obj in objects):
            raise PermissionDenied("所选内容中有已提交或已审核报告的内容，不能删除。")


class ContentAdmin(LockedWithReport, admin.ModelAdmin[Model]):
    """A report's content changed in the admin is a change like the editor's: only while the report is
        editable (and only reports that are can be chosen), and it bumps the report's version, so an editor
        opened before cannot overwrite it, and writes the history's save row (which separation of duties
        reads). The admin modules give ``reports.actions.bump_version`` and ``Report.EDITABLE_STATUSES`` (both
    a layer above this one)."""

    bump_version: Callable[[Any, Any], int]
    editable_statuses: tuple[str, ...]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        related = db_field.related_model
        if db_field.name == "report" and isinstance(related, type):
            kwargs["queryset"] = related._default_manager.filter(status__in=self.editable_statuses)
        elif db_field.name == "section" and isinstance(related, type):
            kwargs["queryset"] = related._default_manager.filter(report__status__in=self.editable_statuses)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request: HttpRequest, form: Form, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        instance = form.instance  # type: ignore[attr-defined]  # a ModelForm's
        report = report_at(instance, self.report_path)
        if change or report is not instance:  # a report just added has nothing to bump yet
            self.bump_version(report, request.user)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        report = report_at(obj, self.report_path)
        super().delete_model(request, obj)
        if report is not obj:
            self.bump_version(report, request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Model]) -> None:
        self.refuse_locked(queryset)
        reports = {report_at(obj, self.report_path) for obj in queryset} - set(queryset)
        super().delete_queryset(request, queryset)
        for report in reports:
            self.bump_version(report, request.user)
