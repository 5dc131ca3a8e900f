"""The sections a new report starts from.

When the district has set no outline for the year, the regulation's five contents
(《法治政府建设与责任落实督察工作规定》): measures and results; how the principal leaders performed the
first-responsibility duty; shortcomings and causes; next year's plans; other matters.
"""

from .models import OutlineSection, Section

REGULATION_OUTLINE = [
    (Section.Kind.MEASURES_AND_RESULTS, "{year}年推进法治政府建设的主要举措和成效"),
    (Section.Kind.FIRST_RESPONSIBILITY, "党政主要负责人履行推进法治建设第一责任人职责情况"),
    (Section.Kind.SHORTCOMINGS, "{year}年推进法治政府建设存在的不足和原因"),
    (Section.Kind.NEXT_YEAR_PLANS, "{next_year}年推进法治政府建设的主要安排"),
    (Section.Kind.OTHER, "其他需要报告的事项"),
]


def outline_for(district, year, audience=OutlineSection.Audience.UNITS):
    """(kind, heading) pairs for ``year``'s reports in ``district``: the district's outline for the year
    when it has set one (for its departments, theirs, else the one for its 街道 and 乡镇), else the
    regulation's, headings dated for the year."""
    district_outline = OutlineSection.objects.filter(
        reporting_year__district=district, reporting_year__year=year
    )
    for_audience = district_outline.filter(audience=audience)
    if audience != OutlineSection.Audience.UNITS and not for_audience.exists():
        for_audience = district_outline.filter(audience=OutlineSection.Audience.UNITS)
    sections = list(for_audience)
    if sections:
        return [(section.kind, section.heading) for section in sections]
    return [(kind, heading.format(year=year, next_year=year + 1)) for kind, heading in REGULATION_OUTLINE]


def outline_for_unit(unit, year):
    """The outline a new report of ``unit`` starts from: the one set by the office it reports to (a 街道's
    district, a district's city), for units of its kind."""
    return outline_for(unit.parent or unit, year, OutlineSection.Audience.of(unit))
