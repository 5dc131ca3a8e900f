from django.contrib import admin

from reports.actions import bump_version
from reports.common.locked_admin import ContentAdmin
from reports.models import Report

from .models import Indicator, IndicatorRule, IndicatorValue


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "unit",
        "category",
        "kind",
        "required",
        "confirm_on_import",
        "first_year",
        "last_year",
        "position",
    ]
    list_filter = ["district", "category", "kind", "required", "unit"]
    search_fields = ["name", "code", "aliases"]
    list_editable = ["position"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ContentAdmin):
    """A report's figures: changed here only while the report is editable, as in the sheet."""

    bump_version = staticmethod(bump_version)
    editable_statuses = Report.EDITABLE_STATUSES
    list_display = ["indicator", "report", "display", "qualifier", "not_applicable", "note"]
    list_filter = ["report__year", "indicator__category", "qualifier", "not_applicable", "report__unit"]
    search_fields = ["indicator__name", "report__unit__name", "note"]
    list_select_related = ["indicator", "report__unit"]
    autocomplete_fields = ["indicator", "report"]


@admin.register(IndicatorRule)
class IndicatorRuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "district"]
    list_filter = ["district", "kind"]
    search_fields = ["indicator__name", "other__name"]
    autocomplete_fields = ["indicator", "other", "base"]
    list_select_related = ["indicator", "other", "base"]
