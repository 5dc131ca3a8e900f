"""Submitting in the benchmarks' data, as a user would: the parts the check before submitting requires
(reports/precheck.py) filled in where the report lacks them, its warnings confirmed. A tree without that
check (a baseline before it) submits as it always did."""

import datetime

from reports.models import Item, Organ, Report, Section
from reports.workflow import perform


def submit(user, report):
    try:
        from reports.precheck import REQUIRED_CONTENTS
    except ImportError:
        return perform(user, report, "submit")
    Report.objects.filter(pk=report.pk, addressee="").update(addressee="区委、区政府：")
    Report.objects.filter(pk=report.pk, signing_date__isnull=True).update(
        signing_date=datetime.date(2026, 2, 1)
    )
    if not report.organs.filter(role=Organ.Role.SIGNING).exists():
        Organ.objects.create(report=report, role=Organ.Role.SIGNING, position=0, name=report.unit.name)
    kinds = set(report.sections.values_list("kind", flat=True))
    for label, required in REQUIRED_CONTENTS:
        if not kinds.intersection(required):
            section = Section.objects.create(
                report=report, position=report.sections.count(), kind=required[0], heading=label
            )
            Item.objects.create(section=section, position=0, body="按照要求认真落实。")
    report.refresh_from_db()
    return perform(user, report, "submit", confirmed=True)
