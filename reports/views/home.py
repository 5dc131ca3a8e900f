from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from reports.actions import start_report
from reports.deadlines import (
    DELIVERED,
    deadline_for,
    deadline_text,
    report_deadlines,
    reporting_year,
    units_not_delivered,
)
from reports.forms import NewReportForm
from reports.models import Membership, Report, Unit
from reports.permissions import Action, can, units_user_can_write_for


def open_years(units):
    """Years a unit may start a report for: last year and this one, unless every unit has it already."""
    this_year = timezone.localdate().year
    years = [this_year - 1, this_year]
    taken = set(Report.objects.filter(unit__in=units, year__in=years).values_list("unit_id", "year"))
    return [year for year in years if any((unit.pk, year) not in taken for unit in units)]


def _new_report_form(user, data=None):
    units = units_user_can_write_for(user)
    if not units:
        return None
    years = open_years(units)
    if not years:
        return None
    # The year being reported on chosen first (in December that is this year's, not the list's first)
    year = reporting_year()
    initial = {"year": year} if year in years else None
    return NewReportForm(data, units=units, years=years, initial=initial)


@login_required
def home(request):
    return render(request, "reports/home.html", _home_context(request, _new_report_form(request.user)))


def _home_context(request, new_report_form):
    reports = list(Report.objects.restrict(request.user).select_related("unit", "updated_by"))
    return {
        "reports": reports,
        "due": report_deadlines(reports),
        "editable_ids": set(Report.objects.restrict(request.user, Action.EDIT).values_list("pk", flat=True)),
        "new_report_form": new_report_form,
        "waiting": waiting_for(request.user),
    }


def waiting_for(user):
    """What each of the user's roles has to do now: a list of {"title", "reports" or "units"}."""
    unit_ids = {role: [] for role in Membership.Role.values}
    memberships = user.memberships.all()
    if getattr(user, "acting_unit_id", None) is not None:  # the unit chosen in the header
        memberships = memberships.filter(unit_id=user.acting_unit_id)
    for membership in memberships:
        unit_ids[membership.role].append(membership.unit_id)
    reports = Report.objects.select_related("unit", "updated_by")
    todo = []
    if unit_ids[Membership.Role.STAFF]:
        returned = reports.filter(unit__in=unit_ids[Membership.Role.STAFF], status=Report.Status.RETURNED)
        todo.append({"title": "被退回、待修改的报告", "reports": list(returned)})
    if unit_ids[Membership.Role.LEADER]:
        submitted = reports.filter(unit__in=unit_ids[Membership.Role.LEADER], status=Report.Status.SUBMITTED)
        todo.append({"title": "待我审核的报告", "reports": list(submitted)})
    for district in Unit.objects.filter(pk__in=unit_ids[Membership.Role.DISTRICT_OFFICE]):
        approved = reports.filter(unit__parent=district, status=Report.Status.APPROVED)
        todo.append({"title": f"{district}：待{district.level_name}接收的报告", "reports": list(approved)})
        year = reporting_year()
        deadline = deadline_for(district, year)
        missing = list(units_not_delivered(district, year).order_by("position", "code"))
        started = {r.unit_id: r for r in reports.filter(unit__in=missing, year=year)}
        for unit in missing:
            unit.year_report = started.get(unit.pk)  # a link to it, or "未开始"
        todo.append(
            {
                "title": f"{district}：{year}年度尚未报送的单位（截止{deadline:%Y-%m-%d}，{deadline_text(deadline)}）",
                "units": missing,
                "remind_year": year,
            }
        )
        # Every other year's report still not delivered stays in view until it is (an earlier year's is
        # overdue; a later year's was started early).
        others = reports.filter(unit__parent=district).exclude(year=year).exclude(status__in=DELIVERED)
        if others_list := list(others.order_by("year", "unit__position")):
            todo.append({"title": f"{district}：其他年度未报送的报告", "reports": others_list})
    return todo


@login_required
@require_POST
def new_report(request):
    # Started meanwhile, in another tab or by a colleague: that report, opened, rather than a form whose
    # year has moved on to the next one still open.
    if existing := _report_asked_for(request):
        messages.info(
            request,
            f"{existing.unit.short_name}{existing.year}年度报告已经存在（可能刚在另一个窗口或由同事开始填写），已为您打开。",
        )
        editable = existing.is_editable and can(request.user, existing, Action.EDIT)
        return redirect("reports:edit", existing.pk) if editable else redirect(existing)
    form = _new_report_form(request.user, request.POST)
    if form is None:
        return redirect("reports:home")
    if not form.is_valid():
        errors = "；".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, f"没能开始填写：{errors}。请重新选择。")
        return render(request, "reports/home.html", _home_context(request, form), status=400)
    report = start_report(request.user, form.cleaned_data["unit"], form.cleaned_data["year"])
    return redirect("reports:edit", report.pk)


def _report_asked_for(request):
    """The report of the unit and year posted, if it exists and the user may see it."""
    unit, year = request.POST.get("unit", ""), request.POST.get("year", "")
    if not (unit.isdigit() and year.isdigit()):
        return None
    return (
        Report.objects.restrict(request.user).filter(unit_id=unit, year=year).select_related("unit").first()
    )
