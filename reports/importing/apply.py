"""Store a parsed report as a new draft: the report, its organs, sections and items, all or nothing."""

from django.db import transaction

from reports.common.typing import User
from reports.models import Item, Organ, Report, Section, Unit

from .parser import ParsedReport


class ReportExists(ValueError):
    """The unit already has a report for that year; an import never overwrites one."""


@transaction.atomic
def create_report_from_parse(parsed: ParsedReport, unit: Unit, year: int, user: User | None = None) -> Report:
    if Report.objects.filter(unit=unit, year=year).exists():
        raise ReportExists(f"{unit.short_name or unit.name}{year}年度报告已存在")
    report = Report.objects.create(
        unit=unit,
        year=year,
        title=parsed.title,
        untitled=not parsed.title,  # the text has no title: none is made up
        document_number=parsed.document_number,
        addressee=parsed.addressee,
        preamble="\n".join(parsed.preamble),
        signing_date=parsed.signing_date,
        updated_by=user,
    )
    store_parsed_content(report, parsed)
    return report


def store_parsed_content(report: Report, parsed: ParsedReport) -> None:
    """The organs, sections and items of ``parsed`` under ``report`` (which has none yet)."""
    Organ.objects.bulk_create(
        [
            Organ(report=report, role=role, position=position, name=name)
            for role, names in (
                (Organ.Role.ISSUING, parsed.issuing_organs),
                (Organ.Role.SIGNING, parsed.signing_organs),
            )
            for position, name in enumerate(names)
        ]
    )
    for section_position, parsed_section in enumerate(parsed.sections):
        section = Section.objects.create(
            report=report, position=section_position, kind=parsed_section.kind, heading=parsed_section.heading
        )
        Item.objects.bulk_create(
            [
                Item(
                    section=section,
                    position=position,
                    level=item.level,
                    style=item.style,
                    joins_previous=item.joins_previous,
                    heading=item.heading,
                    body="\n".join(item.body),
                )
                for position, item in enumerate(parsed_section.items)
            ]
        )
