"""Submitting in tests about something else: the report made to pass the check before submitting
(reports/precheck.py) and its warnings confirmed, as a user would after reading them."""

import datetime

from reports import workflow
from reports.models import Item, Organ, Report, Section
from reports.precheck import REQUIRED_CONTENTS
from tests.editor_helpers import add_section


def make_submittable(report):
    """Fill in what the check requires and ``report`` lacks: header, signature, date, and a part with one
    item for each content the regulation requires (after the report's own parts). Leaves the version."""
    report.refresh_from_db()
    Report.objects.filter(pk=report.pk, addressee="").update(addressee="区委、区政府：")
    Report.objects.filter(pk=report.pk, signing_date__isnull=True).update(
        signing_date=datetime.date(2026, 2, 1)
    )
    for role in (Organ.Role.ISSUING, Organ.Role.SIGNING):
        if not report.organs.filter(role=role).exists():
            Organ.objects.create(report=report, role=role, position=0, name=f"{report.unit.name}办事处")
    for section in report.sections.all():
        if not section.items.exclude(heading="", body="").exists():
            Item.objects.create(section=section, position=section.items.count(), body="已补写的内容。")
    kinds = set(report.sections.values_list("kind", flat=True))
    for label, required in REQUIRED_CONTENTS:
        if not kinds.intersection(required):
            add_section(report, heading=label, kind=Section.Kind(required[0]), items=1)
    report.refresh_from_db()
    return report


def submit(user, report, comment=""):
    """``workflow.perform(user, report, "submit")`` on the report made submittable, warnings confirmed."""
    make_submittable(report)
    return workflow.perform(user, report, "submit", comment, confirmed=True)
