"""When reports are due: the district's deadline for the year, by default 1 March of the year after."""

import datetime

from django.utils import timezone

from .models import Report, ReportingYear

# A report reaches the district once its unit leader approves it; then the deadline is met.
DELIVERED = (Report.Status.APPROVED, Report.Status.ACCEPTED)


def default_deadline(year):
    return datetime.date(year + 1, 3, 1)


def deadline_for(district, year):
    setting = ReportingYear.objects.filter(district=district, year=year).first()
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
