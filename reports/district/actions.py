"""What the district office changes for a year: the deadline and the outline every report starts from.
(Its indicator catalogue is ``indicators.catalogue``; accepting and returning reports is the workflow's.)"""

import datetime

from django.db import transaction

from reports.deadlines import default_deadline
from reports.models import OutlineSection, ReportingYear, Section, Unit


def reporting_year_for(district: Unit, year: int) -> ReportingYear:
    """The district's settings for ``year``, created with the default deadline when first needed."""
    setting, _ = ReportingYear.objects.get_or_create(
        district=district, year=year, defaults={"deadline": default_deadline(year)}
    )
    return setting


@transaction.atomic
def set_deadline(district: Unit, year: int, deadline: datetime.date) -> ReportingYear:
    setting = reporting_year_for(district, year)
    setting.deadline = deadline
    setting.save(update_fields=["deadline"])
    return setting


@transaction.atomic
def save_outline(district: Unit, year: int, rows: list[tuple[Section.Kind, str]]) -> None:
    """Replace the year's outline by ``rows`` (kind, heading), in order. No rows: the regulation's applies.

    Reports already started keep their sections; the outline is what new reports start from.
    """
    setting = reporting_year_for(district, year)
    setting.outline.all().delete()
    OutlineSection.objects.bulk_create(
        OutlineSection(reporting_year=setting, position=position, kind=kind, heading=heading)
        for position, (kind, heading) in enumerate(rows)
    )
