from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports import actions
from reports.models import Item, Organ, Report, ReportEvent, Section

from .editor_helpers import add_section


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


def test_a_new_report_takes_the_organs_of_the_latest_earlier_report_when_last_years_is_missing(staff, unit):
    # 城西's 2025 report was written outside the app: its 2026 report starts from 2024's, not blank.
    older = Report.objects.create(unit=unit, year=2023, addressee="旧主送：")
    Organ.objects.create(report=older, role=Organ.Role.ISSUING, position=0, name="旧机关")
    latest = Report.objects.create(unit=unit, year=2024, addressee="区委、区政府：")
    Organ.objects.create(
        report=latest, role=Organ.Role.ISSUING, position=0, name="中共黔江区城西街道工作委员会"
    )
    later = Report.objects.create(unit=unit, year=2027, addressee="以后的主送：")
    Organ.objects.create(report=later, role=Organ.Role.ISSUING, position=0, name="以后的机关")

    report = actions.start_report(staff, unit, 2026)

    assert report.addressee == "区委、区政府："
    assert [o.name for o in report.issuing_organs] == ["中共黔江区城西街道工作委员会"]


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


# --- The editor's save writes only what changed (issue 13) ---------------------------------------------


def _content(report):
    """What the editor's forms would give ``save_report_content`` for ``report`` as stored."""
    report.refresh_from_db()
    header = {
        "title": report.title,
        "document_number": report.document_number,
        "addressee": report.addressee,
        "preamble": report.preamble,
        "signing_date": report.signing_date,
        "issuing_organs": [o.name for o in report.issuing_organs],
        "signing_organs": [o.name for o in report.signing_organs],
    }
    sections = {s.pk: {"heading": s.heading, "kind": s.kind} for s in report.sections.all()}
    items = {
        i.pk: {name: getattr(i, name) for name in actions.ITEM_CONTENT_FIELDS}
        for i in Item.objects.filter(section__report=report)
    }
    return {"base_version": report.version, "header": header, "sections": sections, "items": items}


@pytest.fixture
def written_report(report):
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=0, name="中共黔江区城西街道工作委员会"
    )
    Organ.objects.create(
        report=report, role=Organ.Role.SIGNING, position=0, name="黔江区人民政府城西街道办事处"
    )
    for n in range(2):
        add_section(report, heading=f"第{n + 1}部分", items=20)
    return report


def _writes(queries, table):
    """The statements of ``queries`` that change ``table``."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if f'"{table}"' in q["sql"] and q["sql"].lstrip().startswith(("UPDATE", "INSERT", "DELETE"))
    ]


def test_an_unchanged_save_writes_no_section_item_or_organ(written_report, staff):
    content = _content(written_report)
    with CaptureQueriesContext(connection) as queries:
        version = actions.save_report_content(written_report, staff, **content)
    assert version == content["base_version"] + 1
    assert _writes(queries, "reports_item") == []
    assert _writes(queries, "reports_section") == []
    assert _writes(queries, "reports_organ") == []
    assert len(_writes(queries, "reports_report")) == 1  # the version, with the header
    assert written_report.events.filter(action=ReportEvent.Action.SAVE, user=staff).count() == 1


def test_one_changed_item_is_the_only_item_written(written_report, staff):
    content = _content(written_report)
    changed, untouched = Item.objects.filter(section__report=written_report)[3:5]
    content["items"][changed.pk] = {**content["items"][changed.pk], "body": "改过的正文。"}
    before = {i.pk: i.body for i in Item.objects.filter(section__report=written_report)}
    with CaptureQueriesContext(connection) as queries:
        actions.save_report_content(written_report, staff, **content)
    item_writes = _writes(queries, "reports_item")
    assert len(item_writes) == 1 and item_writes[0].lstrip().startswith("UPDATE")
    assert _writes(queries, "reports_section") == [] and _writes(queries, "reports_organ") == []
    after = {i.pk: i.body for i in Item.objects.filter(section__report=written_report)}
    assert after == {**before, changed.pk: "改过的正文。"}
    assert after[untouched.pk] == before[untouched.pk]


def test_several_changed_rows_are_written_and_organs_follow_their_names(written_report, staff):
    content = _content(written_report)
    items = list(Item.objects.filter(section__report=written_report))
    for item in items[:3]:
        content["items"][item.pk] = {**content["items"][item.pk], "level": 3, "joins_previous": True}
    section = written_report.sections.last()
    content["sections"][section.pk] = {"heading": "改过的部分", "kind": Section.Kind.OTHER}
    content["header"]["issuing_organs"] = ["中共黔江区城西街道工作委员会", "黔江区人民政府城西街道办事处"]
    content["header"]["title"] = "新标题"
    actions.save_report_content(written_report, staff, **content)

    written_report.refresh_from_db()
    assert written_report.title == "新标题"
    assert [o.name for o in written_report.issuing_organs] == content["header"]["issuing_organs"]
    assert [o.name for o in written_report.signing_organs] == ["黔江区人民政府城西街道办事处"]
    section.refresh_from_db()
    assert (section.heading, section.kind) == ("改过的部分", Section.Kind.OTHER)
    stored = {i.pk: (i.level, i.joins_previous) for i in Item.objects.filter(section__report=written_report)}
    assert [stored[i.pk] for i in items[:4]] == [(3, True)] * 3 + [(2, False)]


def test_given_the_rows_as_the_editor_read_them_the_save_does_not_read_them_again(written_report, staff):
    content = _content(written_report)
    stored = {"stored_sections": content["sections"], "stored_items": content["items"]}
    sections = list(written_report.sections.order_by("position"))
    changed = Item.objects.filter(section=sections[1]).order_by("position")[2]
    content = {
        **content,
        "items": {changed.pk: {**content["items"][changed.pk], "body": "改过的正文。"}},
        "sections": {
            **content["sections"],
            sections[0].pk: {"heading": "改过的部分", "kind": sections[0].kind},
        },
    }
    with CaptureQueriesContext(connection) as queries:
        actions.save_report_content(written_report, staff, **content, **stored)
    reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().startswith("SELECT")
        and ('"reports_item"' in q["sql"] or '"reports_section"' in q["sql"])
    ]
    assert reads == []
    assert len(_writes(queries, "reports_item")) == 1 and len(_writes(queries, "reports_section")) == 1
    changed.refresh_from_db()
    assert changed.body == "改过的正文。"
    assert written_report.sections.order_by("position")[0].heading == "改过的部分"
    with pytest.raises(actions.EditConflict):  # the version is checked first, as without them
        actions.save_report_content(written_report, staff, **content, **stored)


def test_a_save_still_refuses_a_stale_version_and_keeps_the_history_row(written_report, staff):
    content = _content(written_report)
    actions.save_report_content(written_report, staff, **content)
    with pytest.raises(actions.EditConflict):
        actions.save_report_content(written_report, staff, **content)
    written_report.refresh_from_db()
    assert written_report.version == content["base_version"] + 1
    assert written_report.updated_by == staff


def test_saves_by_one_person_within_the_session_make_one_history_line(written_report, staff, leader):
    """The save line moves to the latest save; another person, a pause over SAVE_SESSION or another
    event in between starts a new line."""

    def save(user):
        actions.save_report_content(written_report, user, **_content(written_report))

    def lines():
        return list(written_report.events.filter(action=ReportEvent.Action.SAVE).order_by("pk"))

    save(staff)
    first = lines()[0]
    save(staff)
    assert [e.pk for e in lines()] == [first.pk]
    assert lines()[0].created_at > first.created_at

    save(leader)
    assert [e.user for e in lines()] == [staff, leader]

    ReportEvent.objects.filter(pk=lines()[-1].pk).update(
        created_at=timezone.now() - actions.SAVE_SESSION - timedelta(seconds=1)
    )
    save(leader)
    assert [e.user for e in lines()] == [staff, leader, leader]

    ReportEvent.objects.create(
        report=written_report, action=ReportEvent.Action.IMPORT, from_status="draft", to_status="draft"
    )
    save(leader)
    assert [e.user for e in lines()] == [staff, leader, leader, leader]
