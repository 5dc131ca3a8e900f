"""The page on which a district's office drafts the district's own report from its units' accepted reports
(drafting.py says what it offers). Writing to the district's report needs the right to edit it (a 填报员
or 审核领导 role in the district's own unit, which the office's staff hold beside the office's role):
without it the page shows what there is, and a post is refused (403).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports.actions import start_report
from reports.models import Item, Report
from reports.permissions import Action, district_office_required, units_user_can_write_for

from . import actions, drafting


def _own_report(user, district, year):
    """The district's own ``year`` report if ``user`` may edit it (None when there is none or they may not)."""
    return Report.objects.restrict(user, Action.EDIT).filter(unit=district, year=year).first()


@district_office_required
def draft(request, district, year):
    reports = drafting.accepted_unit_reports(district, year)
    own = Report.objects.restrict(request.user).filter(unit=district, year=year).first()
    editable = _own_report(request.user, district, year)
    context = {
        "district": district,
        "year": year,
        "own": own,
        "editable": editable is not None and editable.is_editable,
        "may_start": own is None and units_user_can_write_for(request.user).filter(pk=district.pk).exists(),
        "coverage": drafting.coverage_line(district, reports),
        "reports": reports,
        "themes": drafting.themes(district, year),
        "totals": drafting.totals(district, year),
    }
    return render(request, "district/draft.html", context)


@district_office_required
@require_POST
def draft_start(request, district, year):
    if not units_user_can_write_for(request.user).filter(pk=district.pk).exists():
        raise PermissionDenied("需要本区的填报员或审核领导身份才能起草本区报告。")
    if not Report.objects.filter(unit=district, year=year).exists():
        start_report(request.user, district, year)
        messages.success(
            request, f"已新建{district.short_name}{year}年度报告，可从下方各单位报告中选取内容。"
        )
    return redirect("district:draft", year)


def _editable_report(request, district, year):
    report = _own_report(request.user, district, year)
    if report is None:
        raise PermissionDenied("需要本区的填报员或审核领导身份，并先新建本区报告。")
    if not report.is_editable:
        raise PermissionDenied(f"本区报告当前状态为“{report.get_status_display()}”，内容已锁定，不能修改。")
    return report


@district_office_required
@require_POST
def draft_pick(request, district, year):
    """ "加入本区报告": the picked items (only those of the units' accepted reports of the year) copied in."""
    report = _editable_report(request, district, year)
    picked = [int(pk) for pk in request.POST.getlist("item") if pk.isdigit()]
    offered = {r.pk for r in drafting.accepted_unit_reports(district, year)}
    items = Item.objects.filter(pk__in=picked, section__report__in=offered).select_related("section__report")
    items = sorted(items, key=lambda item: picked.index(item.pk))
    if not items:
        messages.error(request, "请先勾选要加入的条目。")
        return redirect("district:draft", year)
    count = actions.copy_items_into(report, request.user, items)
    messages.success(request, f"已将{count}条加入本区报告，可在编辑页修改、合并和删改。")
    return redirect("reports:edit", report.pk)


@district_office_required
@require_POST
def draft_totals(request, district, year):
    """ "填入本区指标表": the units' totals into the district's sheet, where it has no value yet."""
    report = _editable_report(request, district, year)
    figures = {
        total.indicator.pk: (total.figure, f"各单位合计（{total.coverage}）")
        for total in drafting.totals(district, year)
    }
    count = actions.fill_totals(report, request.user, figures)
    messages.success(request, f"已将{count}项合计填入本区指标表；已有数值的指标未改动。")
    return redirect("indicators:sheet", report.pk)
