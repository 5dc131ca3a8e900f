"""Building reports and editor POST data for the editor and sheet tests."""

from reports.models import Item, Section


def add_section(report, heading="主要举措", kind=Section.Kind.MEASURES, items=0):
    section = Section.objects.create(
        report=report, position=report.sections.count(), kind=kind, heading=heading
    )
    Item.objects.bulk_create(
        Item(
            section=section,
            position=n,
            style=Item.Style.RUN_IN,
            heading=f"第{n + 1}条。",
            body=f"正文{n + 1}。",
        )
        for n in range(items)
    )
    return section


def editor_data(report, **overrides):
    """The POST the editor page would send for ``report`` as stored, with ``overrides`` by field name."""
    report.refresh_from_db()
    data = {
        "report-version": report.version,
        "report-title": report.title,
        "report-document_number": report.document_number,
        "report-addressee": report.addressee,
        "report-preamble": report.preamble,
        "report-signing_date": report.signing_date.isoformat() if report.signing_date else "",
        "report-issuing_organs": "\n".join(o.name for o in report.issuing_organs),
        "report-signing_organs": "\n".join(o.name for o in report.signing_organs),
    }
    for section in report.sections.all():
        data[f"s{section.pk}-heading"] = section.heading
        data[f"s{section.pk}-kind"] = section.kind
        for item in section.items.all():
            prefix = f"i{item.pk}"
            data[f"{prefix}-style"] = item.style
            data[f"{prefix}-level"] = item.level
            data[f"{prefix}-heading"] = item.heading
            data[f"{prefix}-body"] = item.body
            if item.joins_previous:
                data[f"{prefix}-joins_previous"] = "on"
    data.update(overrides)
    return data
