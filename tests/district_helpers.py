"""Units, reports in a given state with their history, and indicator values: what the district tests build."""

import datetime

from django.utils import timezone

from indicators.models import Indicator, IndicatorValue
from reports.models import Report, ReportEvent, Unit

# The history each status leaves behind: (action, from, to).
HISTORY = {
    Report.Status.SUBMITTED: [("submit", "draft", "submitted")],
    Report.Status.RETURNED: [("submit", "draft", "submitted"), ("return", "submitted", "returned")],
    Report.Status.APPROVED: [("submit", "draft", "submitted"), ("approve", "submitted", "approved")],
    Report.Status.ACCEPTED: [
        ("submit", "draft", "submitted"),
        ("approve", "submitted", "approved"),
        ("accept", "approved", "accepted"),
    ],
}


def make_units(district, count, kind=Unit.Kind.SUBDISTRICT, start=1):
    return Unit.objects.bulk_create(
        Unit(
            code=f"unit-{n}",
            name=f"{district.name}第{n}街道",
            short_name=f"第{n}街道",
            kind=kind,
            parent=district,
            position=n,
        )
        for n in range(start, start + count)
    )


def report_in(unit, year, status, day=datetime.date(2026, 2, 10)):
    """A report of ``unit`` in ``status``, with the history events dated ``day``, ``day`` + 1…"""
    report = Report.objects.create(unit=unit, year=year, status=status)
    for offset, (action, from_status, to_status) in enumerate(HISTORY.get(status, [])):
        event = ReportEvent.objects.create(
            report=report, action=action, from_status=from_status, to_status=to_status
        )
        moment = datetime.datetime.combine(day + datetime.timedelta(days=offset), datetime.time(10))
        ReportEvent.objects.filter(pk=event.pk).update(created_at=timezone.make_aware(moment))
    return report


def indicator(district, code, name=None, unit="次", kind=Indicator.Kind.COUNT, first_year=2020, position=0):
    return Indicator.objects.create(
        district=district,
        code=code,
        name=name or code,
        unit=unit,
        category=Indicator.Category.OTHER,
        kind=kind,
        first_year=first_year,
        position=position,
    )


def value(report, indicator, number=None, qualifier="exact", not_applicable=False):
    return IndicatorValue.objects.create(
        report=report, indicator=indicator, value=number, qualifier=qualifier, not_applicable=not_applicable
    )
