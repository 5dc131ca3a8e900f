from django.contrib import admin

from indicators.models import IndicatorValue

from .models import Item, Membership, Organ, Report, Section, Unit


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


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "title", "status", "updated_at", "updated_by"]
    list_filter = ["year", "status", "unit__kind", "unit"]
    search_fields = ["title", "unit__name", "unit__short_name", "document_number"]
    list_select_related = ["unit", "updated_by"]
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [OrganInline, SectionInline, IndicatorValueInline]


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
