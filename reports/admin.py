from django.contrib import admin
from django.core.exceptions import PermissionDenied

from indicators.models import IndicatorValue

from . import actions, audit_events
from .accounts import admin as accounts_admin  # noqa: F401  (the user admin of the separated roles)
from .common.locked_admin import ContentAdmin, LockedWithReport, ViewOnlyAdmin
from .models import (
    AuditEntry,
    GeneratedFile,
    Item,
    Membership,
    Notice,
    Organ,
    Reminder,
    Report,
    ReportEvent,
    ReportingYear,
    ReviewComment,
    Section,
    Snapshot,
    StoredPdf,
    Unit,
)

# The admin's bulk deletion, audited per object (Django's own writes its log rows without a signal).
admin.site.add_action(audit_events.delete_selected, "delete_selected")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "code", "kind", "parent", "position"]
    list_filter = ["kind", "parent"]
    search_fields = ["name", "short_name", "code"]
    list_editable = ["position"]
    inlines = [MembershipInline]
    fields = ["code", "name", "short_name", "kind", "parent", "position", "separate_editing_from_approval"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]


class ReportInline(LockedWithReport):
    """An inline of the report's content: its parent is the report itself."""

    report_path = ""


class OrganInline(ReportInline, admin.TabularInline):
    model = Organ
    extra = 0


class SectionInline(ReportInline, admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "kind", "heading"]
    show_change_link = True


class IndicatorValueInline(ReportInline, admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ["indicator", "value", "qualifier", "not_applicable", "note"]
    autocomplete_fields = ["indicator"]


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    fields = ["created_at", "user", "action", "from_status", "to_status", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReportContentAdmin(ContentAdmin):
    bump_version = staticmethod(actions.bump_version)
    editable_statuses = Report.EDITABLE_STATUSES


@admin.register(Report)
class ReportAdmin(ReportContentAdmin):
    """The status changes only through the workflow (reports/workflow.py ``perform``): read-only here, and
    a locked report is view-only with its content. A report is deleted only while it is a draft never
    submitted (its history, snapshots and stored PDFs go with it otherwise)."""

    report_path = ""
    list_display = ["unit", "year", "title", "status", "updated_at", "updated_by"]
    list_filter = ["year", "status", "unit__kind", "unit"]
    search_fields = ["title", "unit__name", "unit__short_name", "document_number"]
    list_select_related = ["unit", "updated_by"]
    readonly_fields = ["status", "created_at", "updated_at", "updated_by", "version"]
    inlines = [OrganInline, SectionInline, IndicatorValueInline, ReportEventInline]

    def has_delete_permission(self, request, obj=None):
        submitted = obj is not None and obj.events.filter(action=ReportEvent.Action.SUBMIT).exists()
        return not submitted and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if queryset.filter(events__action=ReportEvent.Action.SUBMIT).exists():
            raise PermissionDenied("所选报告中有提交过审核的报告，不能删除。")
        super().delete_queryset(request, queryset)


class ItemInline(LockedWithReport, admin.StackedInline):
    model = Item
    extra = 0
    fields = [("position", "level", "style", "joins_previous"), "heading", "body"]


@admin.register(Section)
class SectionAdmin(ReportContentAdmin):
    list_display = ["heading", "report", "position", "kind"]
    list_filter = ["kind", "report__year", "report__unit"]
    search_fields = ["heading", "report__unit__name"]
    list_select_related = ["report__unit"]
    inlines = [ItemInline]


@admin.register(Item)
class ItemAdmin(ReportContentAdmin):
    report_path = "section.report"
    list_display = ["__str__", "section", "position", "level", "style"]
    list_filter = ["style", "level", "section__report__year", "section__report__unit"]
    search_fields = ["heading", "body"]
    list_select_related = ["section"]


@admin.register(ReportingYear)
class ReportingYearAdmin(admin.ModelAdmin):
    list_display = ["district", "year", "deadline"]
    list_filter = ["district", "year"]
    search_fields = ["district__name"]


@admin.register(ReportEvent)
class ReportEventAdmin(ViewOnlyAdmin):
    list_display = ["created_at", "report", "user", "action", "from_status", "to_status"]
    list_filter = ["action", "to_status", "report__year", "report__unit"]
    search_fields = ["report__unit__name", "user__username", "comment"]
    list_select_related = ["report__unit", "user"]


@admin.register(Snapshot)
class SnapshotAdmin(ViewOnlyAdmin):
    list_display = ["report", "version", "created_at", "created_by"]
    list_filter = ["report__year", "report__unit"]
    search_fields = ["report__unit__name"]
    list_select_related = ["report__unit", "created_by"]


@admin.register(StoredPdf)
class StoredPdfAdmin(ViewOnlyAdmin):
    list_display = ["report", "version", "sha256", "size", "created_at"]
    list_filter = ["report__year", "report__unit"]
    search_fields = ["report__unit__name", "sha256"]
    list_select_related = ["report__unit"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(ViewOnlyAdmin):
    list_display = ["__str__", "report", "author", "created_at", "resolved_at"]
    list_filter = ["report__year", "report__unit"]
    search_fields = ["body", "quote", "report__unit__name"]
    list_select_related = ["report__unit", "author"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "user", "created_at", "read_at"]
    list_filter = ["read_at"]
    search_fields = ["message", "user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["report", "unit"]


@admin.register(Reminder)
class ReminderAdmin(ViewOnlyAdmin):
    """The district offices' 催报, one row per unit reminded (made by reports.district.actions.remind_units)."""

    list_display = ["sent_at", "unit", "year", "sent_by", "recipients"]
    list_filter = ["year"]
    search_fields = ["unit__name"]
    list_select_related = ["unit", "sent_by"]


@admin.register(GeneratedFile)
class GeneratedFileAdmin(ViewOnlyAdmin):
    """The district's 汇编 and ZIPs, made by background jobs (their queue: "Task Results" below)."""

    list_display = [
        "created_at",
        "district",
        "year",
        "kind",
        "status",
        "done",
        "total",
        "size",
        "requested_by",
    ]
    list_filter = ["kind", "status", "year", "district"]
    search_fields = ["district__name", "fingerprint", "error"]
    list_select_related = ["district", "requested_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ViewOnlyAdmin):
    """The audit trail, to look at (the audit administrator's page also searches and exports it)."""

    list_display = ["at", "username", "address", "action", "result", "object_type", "object_repr"]
    list_filter = ["action", "result"]
    search_fields = ["username", "object_repr", "object_id", "detail"]
    date_hierarchy = "at"
    show_full_result_count = False
