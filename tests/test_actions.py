import pytest

from reports import actions
from reports.models import Organ, Report, Section


def test_a_new_report_takes_last_years_organs_and_addressee_and_the_outline(staff, unit):
    last = Report.objects.create(unit=unit, year=2024, addressee="区委、区政府：")
    Organ.objects.create(
        report=last, role=Organ.Role.ISSUING, position=0, name="中共黔江区城西街道工作委员会"
    )
    Organ.objects.create(
        report=last, role=Organ.Role.ISSUING, position=1, name="黔江区人民政府城西街道办事处"
    )

    report = actions.start_report(staff, unit, 2025)

    assert report.status == Report.Status.DRAFT
    assert report.addressee == "区委、区政府："
    assert [o.name for o in report.issuing_organs] == [
        "中共黔江区城西街道工作委员会",
        "黔江区人民政府城西街道办事处",
    ]
    headings = [s.heading for s in report.sections.all()]
    assert headings[0] == "2025年推进法治政府建设的主要举措和成效"
    assert headings[3] == "2026年推进法治政府建设的主要安排"
    assert report.sections.filter(kind=Section.Kind.FIRST_RESPONSIBILITY).exists()


def test_a_first_report_starts_from_the_regulation_with_no_organs(staff, unit):
    report = actions.start_report(staff, unit, 2025)
    assert report.addressee == "" and not report.organs.exists()
    assert report.sections.count() == 5


def test_saving_from_a_stale_version_raises_a_conflict(staff, report):
    header = {
        "title": "标题",
        "document_number": "",
        "addressee": "",
        "preamble": "",
        "signing_date": None,
        "issuing_organs": [],
        "signing_organs": [],
    }
    actions.save_report_content(report, staff, base_version=1, header=header, sections={}, items={})
    with pytest.raises(actions.EditConflict):
        actions.save_report_content(report, staff, base_version=1, header=header, sections={}, items={})


def test_a_new_report_follows_the_districts_outline_for_the_year(staff, unit, district):
    import datetime

    from reports.models import OutlineSection, ReportingYear

    year = ReportingYear.objects.create(district=district, year=2025, deadline=datetime.date(2026, 2, 20))
    OutlineSection.objects.create(
        reporting_year=year, position=0, kind="first_responsibility", heading="履职情况"
    )
    OutlineSection.objects.create(
        reporting_year=year, position=1, kind="measures_and_results", heading="举措成效"
    )

    report = actions.start_report(staff, unit, 2025)

    assert [(s.kind, s.heading) for s in report.sections.all()] == [
        ("first_responsibility", "履职情况"),
        ("measures_and_results", "举措成效"),
    ]
