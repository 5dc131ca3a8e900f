"""The indicator sheet of one report: the year's catalogue grouped by category, last year beside it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from reports.actions import EditConflict
from reports.common import autosave as autosave_reply
from reports.common.autosave import is_autosave
from reports.consistency import consistency_warnings
from reports.permissions import Action, can, get_report_or_refuse

from .actions import save_indicator_values
from .aggregation import year_on_year
from .forms import IndicatorSheet, IndicatorValueForm
from .models import Indicator, IndicatorRule, IndicatorValue, format_number


def _saved_values(report):
    return {v.indicator_id: v for v in IndicatorValue.objects.filter(report=report)}


def _sheet(report, data=None):
    district = report.unit.district
    indicators = list(Indicator.objects.for_year(district, report.year))
    saved = _saved_values(report)
    rules = list(IndicatorRule.objects.filter(district=district).select_related("indicator", "other", "base"))
    return IndicatorSheet(report, indicators, saved, rules, data=data), saved


def _by_indicator(indicators, saved):
    """The saved values by indicator in catalogue order, when every one is on the sheet (else None: a
    value of an indicator retired since is for the consistency check to find)."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    if not saved.keys() <= by_id.keys():
        return None
    return {by_id[pk]: saved[pk] for pk in by_id if pk in saved}


def _printed(form):
    """What a row prints of its form, read once: the template asked each bound field for its name, id and
    value several times a row, 59 rows a sheet (a quarter of the page's time)."""
    value, qualifier, not_applicable, note = (form[name] for name in QUALIFIED_FIELDS)
    return {
        "errors": form.errors,
        "value_name": value.html_name,
        "value_id": value.auto_id,
        "value": value.value(),
        "value_invalid": bool(value.errors),
        "qualifier_name": qualifier.html_name,
        "qualifier": qualifier.value(),
        "not_applicable_name": not_applicable.html_name,
        "not_applicable": not_applicable.value(),
        "note_name": note.html_name,
        "note": note.value(),
    }


QUALIFIED_FIELDS = ("value", "qualifier", "not_applicable", "note")


def _rows_by_category(sheet, saved, previous):
    groups = {}
    for indicator in sheet.indicators:
        current, last = saved.get(indicator.pk), previous.get(indicator.pk)
        if last is not None:
            last.indicator = indicator  # display needs the unit; saves a query per row
        if current is not None:
            current.indicator = indicator
        change = year_on_year(current, last)
        groups.setdefault(indicator.get_category_display(), []).append(
            {
                "indicator": indicator,
                "form": sheet.forms[indicator.pk],
                "f": _printed(sheet.forms[indicator.pk]),
                "saved": current,
                "last": last,
                "last_number": format_number(last.value) if last and last.value is not None else "",
                "change_text": change.describe(indicator.unit) if change else "",
            }
        )
    return groups


@login_required
def sheet(request, pk):
    report = get_report_or_refuse(request.user, pk, Action.EDIT if request.method == "POST" else Action.VIEW)
    editable = can(request.user, report, Action.EDIT)
    autosave = is_autosave(request)
    data = request.POST if request.method == "POST" else None
    indicator_sheet, saved = _sheet(report, data)
    status = 200
    if request.method == "POST":
        if indicator_sheet.is_valid():
            try:
                version = save_indicator_values(
                    report,
                    request.user,
                    base_version=indicator_sheet.base_version,
                    rows=indicator_sheet.cleaned_rows(),
                )
            except EditConflict:
                if autosave:
                    return autosave_reply.conflict("其他人刚保存了这份报告。")
                messages.warning(
                    request,
                    "其他人在您打开本页后保存了这份报告，您的数值尚未保存。下方保留了您填写的内容，"
                    "“上次保存”列是对方保存的数值；核对后请再点“保存”。",
                )
                report.refresh_from_db()
                return _render(
                    request, report, indicator_sheet, _saved_values(report), editable, 409, conflict=True
                )
            if autosave:
                return autosave_reply.saved(version)
            messages.success(request, "指标已保存。")
            return redirect("indicators:sheet", report.pk)
        if autosave:
            return autosave_reply.invalid("有数值未通过检查，请点击“保存”查看。")
        messages.error(request, "有数值需要修改，见下方红色提示；您填写的内容都还在，尚未保存。")
        status = 400
    return _render(request, report, indicator_sheet, saved, editable, status)


def _render(request, report, indicator_sheet, saved, editable, status, conflict=False):
    previous = IndicatorValue.objects.previous_year_of(report)
    context = {
        "report": report,
        "groups": _rows_by_category(indicator_sheet, saved, previous),
        "version": report.version
        if conflict or not indicator_sheet.data
        else indicator_sheet.data.get("version"),
        "editable": editable,
        "conflict": conflict,
        "qualifiers": IndicatorValueForm.base_fields["qualifier"].choices,
        "warnings": consistency_warnings(report, values=_by_indicator(indicator_sheet.indicators, saved)),
        "unsaved": status != 200,  # the page shows what was typed, not what is saved
    }
    return render(request, "indicators/sheet.html", context, status=status)
