"""When reports are due: the district's deadline for the year, by default 1 March of the year after."""

import datetime
from typing import NamedTuple

from django.utils import timezone

from .models import Report, ReportingYear

# A report reaches the district once its unit leader approves it; then the deadline is met.
DELIVERED = (Report.Status.APPROVED, Report.Status.ACCEPTED)


def default_deadline(year):
    return datetime.date(year + 1, 3, 1)


def year_setting(district, year):
    """The district's ``ReportingYear`` row for ``year`` (deadline, word limits…), or None."""
    # Unordered: the models' order would join the unit to sort the one row there can be.
    return ReportingYear.objects.filter(district=district, year=year).order_by("pk").first()


def deadline_for(district, year):
    return deadline_of(year_setting(district, year), year)


def deadline_of(setting, year):
    """The deadline a ``year_setting`` (None: the district set none) gives."""
    return setting.deadline if setting else default_deadline(year)


def deadlines_for(offices, year):
    """``deadline_for`` of each of ``offices`` (unit id → date), in one query."""
    offices = list(offices)
    settings = dict(
        ReportingYear.objects.filter(district__in=offices, year=year).values_list("district_id", "deadline")
    )
    return {office.pk: settings.get(office.pk, default_deadline(year)) for office in offices}


def deadline_text(deadline, status=None, today=None):
    """ "还剩12天" / "今天截止" / "已逾期3天"; "" once the report is approved."""
    if status in DELIVERED:
        return ""
    today = today or timezone.localdate()
    days = (deadline - today).days
    if days > 0:
        return f"还剩{days}天"
    if days == 0:
        return "今天截止"
    return f"已逾期{-days}天"


def reporting_year(today=None):
    """The year whose report is being written now: last year's until midyear, then this year's."""
    today = today or timezone.localdate()
    return today.year - 1 if today.month < 7 else today.year


class Due(NamedTuple):
    deadline: datetime.date
    text: str  # "还剩12天" / "今天截止" / "已逾期3天"
    overdue: bool


def report_deadlines(reports, today=None):
    """For each open (not yet delivered) report of ``reports``: report id → ``Due``, each report due at the deadline its receiving office set for its year; one query for
    all of them, whatever their years."""
    reports = [report for report in reports if report.status not in DELIVERED]
    pairs = {(report.unit.parent_id, report.year) for report in reports}
    settings = dict.fromkeys(pairs)
    if pairs:
        rows = ReportingYear.objects.filter(
            district_id__in={office for office, _ in pairs}, year__in={year for _, year in pairs}
        ).values_list("district_id", "year", "deadline")
        settings.update({(office, year): deadline for office, year, deadline in rows})
    today = today or timezone.localdate()
    due = {}
    for report in reports:
        deadline = settings.get((report.unit.parent_id, report.year)) or default_deadline(report.year)
        due[report.pk] = Due(deadline, deadline_text(deadline, report.status, today), today > deadline)
    return due


def units_not_delivered(office, year):
    """The units reporting to ``office`` whose ``year`` report has not reached it (none started, a draft,
    returned, or waiting for the unit's leader): the units a 催报 goes to."""
    # One subquery, not exclude(reports__year=…, reports__status__in=…): across a to-many relation that
    # left out every unit with a draft this year and any earlier report delivered.
    delivered = Report.objects.filter(year=year, status__in=DELIVERED).values("unit")
    return office.children.exclude(pk__in=delivered)
