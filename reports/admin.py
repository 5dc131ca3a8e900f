from django.contrib import admin

from indicators.models import IndicatorValue

from .accounts import admin as accounts_admin  # noqa: F401  (the user admin of the separated roles)
from .models import (
    GeneratedFile,
    Item,
    Membership,
    Notice,
    Organ,
    Report,
    ReportEvent,
    ReportingYear,
    ReviewComment,
    Section,
    Snapshot,
    Unit,
)


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


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]


class OrganInline(admin.TabularInline):
    model = Organ
    extra = 0


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "kind", "heading"]
    show_change_link = True


class IndicatorValueInline(admin.TabularInline):
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


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "title", "status", "updated_at", "updated_by"]
    list_filter = ["year", "status", "unit__kind", "unit"]
    search_fields = ["title", "unit__name", "unit__short_name", "document_number"]
    list_select_related = ["unit", "updated_by"]
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [OrganInline, SectionInline, IndicatorValueInline, ReportEventInline]


class ItemInline(admin.StackedInline):
    model = Item
    extra = 0
    fields = [("position", "level", "style", "joins_previous"), "heading", "body"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "report", "position", "kind"]
    list_filter = ["kind", "report__year", "report__unit"]
    search_fields = ["heading", "report__unit__name"]
    list_select_related = ["report__unit"]
    inlines = [ItemInline]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "position", "level", "style"]
    list_filter = ["style", "level", "section__report__year", "section__report__unit"]
    search_fields = ["heading", "body"]
    list_select_related = ["section"]


@admin.register(ReportingYear)
class ReportingYearAdmin(admin.ModelAdmin):
    list_display = ["district", "year", "deadline"]
    list_filter = ["district", "year"]
    search_fields = ["district__name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """History is written by the workflow only; the admin may look, not rewrite."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportEvent)
class ReportEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "report", "user", "action", "from_status", "to_status"]
    list_filter = ["action", "to_status", "report__year", "report__unit"]
    search_fields = ["report__unit__name", "user__username", "comment"]
    list_select_related = ["report__unit", "user"]


@admin.register(Snapshot)
class SnapshotAdmin(ReadOnlyAdmin):
    list_display = ["report", "version", "created_at", "created_by"]
    list_filter = ["report__year", "report__unit"]
    search_fields = ["report__unit__name"]
    list_select_related = ["report__unit", "created_by"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report", "author", "created_at", "resolved_at"]
    list_filter = ["report__year", "report__unit"]
    search_fields = ["body", "quote", "report__unit__name"]
    list_select_related = ["report__unit", "author"]
    raw_id_fields = ["report", "section", "item", "parent"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "user", "created_at", "read_at"]
    list_filter = ["read_at"]
    search_fields = ["message", "user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["report"]


@admin.register(GeneratedFile)
class GeneratedFileAdmin(ReadOnlyAdmin):
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
