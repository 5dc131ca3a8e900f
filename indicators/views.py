"""The indicator sheet of one report: the year's catalogue grouped by category, last year beside it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from reports.actions import EditConflict
from reports.common import autosave as autosave_reply
from reports.common.autosave import is_autosave
from reports.consistency import consistency_warnings, document_text, text_figures, warning_messages
from reports.permissions import Action, can, get_report_or_refuse
from reports.rendering.document import build_blocks

from .actions import save_indicator_values
from .forms import IndicatorSheet, IndicatorValueForm
from .models import Indicator, IndicatorRule, IndicatorValue
from .rows import rows_by_category, rows_html


def _saved_values(report):
    return {v.indicator_id: v for v in IndicatorValue.objects.filter(report=report)}


def _sheet(report, data=None):
    district = report.unit.district
    indicators = list(Indicator.objects.for_year(district, report.year))
    saved = _saved_values(report)
    rules = _rules(district, indicators) if data is not None else []  # only a posted sheet is checked
    return IndicatorSheet(report, indicators, saved, rules, data=data), saved


def _rules(district, indicators):
    """The district's rules, each with its indicators from the sheet's (a rule that names one not on the
    sheet has no value to check; its messages, never printed, would read it)."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    rules = list(IndicatorRule.objects.filter(district=district))
    for rule in rules:
        for name in ("indicator", "other", "base"):
            indicator = by_id.get(getattr(rule, f"{name}_id"))
            if indicator is not None:
                setattr(rule, name, indicator)
    return rules


def _by_indicator(indicators, saved):
    """The saved values by indicator in catalogue order, when every one is on the sheet (else None: a
    value of an indicator retired since is for the consistency check to find)."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    if not saved.keys() <= by_id.keys():
        return None
    return {by_id[pk]: saved[pk] for pk in by_id if pk in saved}


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
                    stored=saved,
                )
            except EditConflict:
                report.refresh_from_db()
                since = autosave_reply.saved_since(report, request.user)
                if autosave:
                    return autosave_reply.conflict(f"{since}。")
                messages.warning(
                    request,
                    f"{since}，这里的数值尚未保存。下方保留了这里填写的内容，"
                    "“上次保存”列是较新保存的数值；核对后请再点“保存”。",
                )
                return _render(
                    request, report, indicator_sheet, _saved_values(report), editable, 409, conflict=True
                )
            if autosave:
                return autosave_reply.saved(version, warning_messages(report))
            messages.success(request, "指标已保存。")
            return redirect("indicators:sheet", report.pk)
        if autosave:
            return autosave_reply.invalid("有数值未通过检查，请点击“保存”查看。")
        messages.error(request, "有数值需要修改，见下方红色提示；您填写的内容都还在，尚未保存。")
        status = 400
    return _render(request, report, indicator_sheet, saved, editable, status)


def _render(request, report, indicator_sheet, saved, editable, status, conflict=False):
    previous = IndicatorValue.objects.previous_year_of(report)
    qualifiers = IndicatorValueForm.base_fields["qualifier"].choices
    # The text's figures, offered on the empty rows of a sheet the user may fill; the text is read for them
    # or for the check (which needs it only when values are saved).
    text = document_text(build_blocks(report)) if editable or saved else None
    from_text = text_figures(report, indicator_sheet.indicators, text) if editable else {}
    context = {
        "report": report,
        "groups": {
            category: rows_html(rows, qualifiers, editable, conflict)
            for category, rows in rows_by_category(indicator_sheet, saved, previous, from_text).items()
        },
        "version": report.version
        if conflict or not indicator_sheet.data
        else indicator_sheet.data.get("version"),
        "editable": editable,
        "conflict": conflict,
        "warnings": consistency_warnings(
            report, values=_by_indicator(indicator_sheet.indicators, saved), text=text
        ),
        "unsaved": status != 200,  # the page shows what was typed, not what is saved
    }
    return render(request, "indicators/sheet.html", context, status=status)
