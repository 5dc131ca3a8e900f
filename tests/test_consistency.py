"""The text-vs-sheet check kept per digest of what it reads (reports/consistency.py, issue 13): the editor,
the sheet, the preview and the report page share one result of an unchanged report, and every change to
what the check reads shows at once on each, whether or not it moved the report's version."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue, Qualifier
from reports import consistency, precheck
from reports.models import Item, Report, Unit
from reports.rendering import context as document_context
from tests.district_helpers import indicator
from tests.editor_helpers import add_section, editor_data

PAGES = ("reports:edit", "indicators:sheet", "reports:preview", "reports:detail")
MISMATCH = re.compile(r"正文写“[^”]*”，指标表为[^<。\s]*")


@pytest.fixture
def checks(monkeypatch):
    """How many times the check was worked out (not taken from ``CHECKED``), starting from empty memos."""
    consistency.CHECKED.clear()
    precheck.INDICATOR_PARTS.clear()
    calls = []
    original = consistency.find_mismatches
    monkeypatch.setattr(consistency, "find_mismatches", lambda *args: calls.append(1) or original(*args))
    return calls


@pytest.fixture
def mediated(district):
    return indicator(district, "mediated", name="调解成功", unit="件", position=2)


@pytest.fixture
def disagreeing(report, district, mediated):
    """A report whose text says 1700 where its sheet says 1705."""
    indicator(district, "screened", name="排查矛盾纠纷", unit="件", position=1)
    section = add_section(report, items=1)
    section.items.update(body="共排查矛盾纠纷1705件，调解成功1700件。")
    IndicatorValue.objects.create(report=report, indicator=mediated, value=Decimal(1705), note="核对")
    return report


def shown(client, report):
    """The mismatches each page shows."""
    return {
        page: MISMATCH.findall(client.get(reverse(page, args=[report.pk])).content.decode()) for page in PAGES
    }


def fresh(client, report):
    """What the pages show when nothing is kept."""
    consistency.CHECKED.clear()
    precheck.INDICATOR_PARTS.clear()
    return shown(client, report)


def on_every_page(*messages):
    return {page: list(messages) for page in PAGES}


def test_the_pages_of_an_unchanged_report_share_one_check(client, staff, disagreeing, checks):
    client.force_login(staff)
    assert shown(client, disagreeing) == on_every_page("正文写“调解成功1700件”，指标表为1705件")
    assert shown(client, disagreeing) == on_every_page("正文写“调解成功1700件”，指标表为1705件")
    assert len(checks) == 1


def test_every_change_to_what_the_check_reads_shows_at_once(
    client, staff, disagreeing, mediated, district, checks
):
    """Each changed behind the report's version (queryset updates, as an administrator's or a command's
    would be): the pages show what a check of the changed report shows, at once."""
    client.force_login(staff)
    version = Report.objects.get(pk=disagreeing.pk).version
    item = Item.objects.filter(section__report=disagreeing)
    value = IndicatorValue.objects.filter(report=disagreeing, indicator=mediated)

    def after(change, *expected, reads_otherwise=True):
        shown(client, disagreeing)  # kept before the change
        before = len(checks)
        change()
        assert shown(client, disagreeing) == on_every_page(*expected)
        assert len(checks) == before + reads_otherwise  # worked out again when what it reads changed
        assert fresh(client, disagreeing) == on_every_page(*expected)

    after(lambda: item.update(body="共排查矛盾纠纷1705件，调解成功1705件。"))  # an item's text
    after(lambda: value.update(value=Decimal(1690)), "正文写“调解成功1705件”，指标表为1690件")  # a value
    after(lambda: value.update(value=None, not_applicable=True), "正文写“调解成功1705件”，指标表为不适用")
    after(
        lambda: value.update(value=Decimal(1690), not_applicable=False),
        "正文写“调解成功1705件”，指标表为1690件",
    )

    def rename(**fields):
        return lambda: type(mediated).objects.filter(pk=mediated.pk).update(**fields)

    after(rename(name="调解案件"))  # an indicator renamed: the text no longer names it
    after(rename(aliases="调解成功"), "正文写“调解成功1705件”，指标表为1690件")  # …its alias does
    retired = rename(last_year=2024)  # still the report's value, checked; its row is a new key
    after(retired, "正文写“调解成功1705件”，指标表为1690件")
    assert Report.objects.get(pk=disagreeing.pk).version == version  # none of it moved the version

    # The report's year and its unit's district change the sheet's catalogue, not the report's values or
    # text: the check reads the same (the sheet passes its values, or they are read), and its result holds.
    after(
        lambda: Report.objects.filter(pk=disagreeing.pk).update(year=2024),
        "正文写“调解成功1705件”，指标表为1690件",
        reads_otherwise=False,
    )
    other = Unit.objects.create(code="other", name="另一区", short_name="另一区", kind=Unit.Kind.DISTRICT)

    def move():
        unit = Unit.objects.get(pk=disagreeing.unit_id)
        unit.parent = other
        unit.save()

    after(move, "正文写“调解成功1705件”，指标表为1690件", reads_otherwise=False)


def test_a_note_or_a_qualifier_is_no_new_check(client, staff, disagreeing, mediated, checks):
    """The check reads a value's figure and 不适用, not its note or qualifier (the load test's sheet
    autosave changes a note)."""
    client.force_login(staff)
    first = shown(client, disagreeing)
    IndicatorValue.objects.filter(report=disagreeing).update(note="已核对", qualifier=Qualifier.ABOUT)
    assert shown(client, disagreeing) == first and len(checks) == 1


def test_two_reports_with_the_same_content_never_share_a_result(disagreeing, mediated, unit, checks):
    twin = Report.objects.create(unit=unit, year=2024, title=disagreeing.title)  # the same text
    add_section(twin, items=1).items.update(body="共排查矛盾纠纷1705件，调解成功1700件。")
    IndicatorValue.objects.create(report=twin, indicator=mediated, value=Decimal(1705), note="核对")
    for report in (disagreeing, twin, disagreeing, twin):
        [warning] = consistency.consistency_warnings(Report.objects.get(pk=report.pk))
        assert warning == consistency.ConsistencyWarning("正文写“调解成功1700件”，指标表为1705件", "mediated")
    assert len(checks) == 2


def test_the_preview_checks_the_blocks_its_document_built(client, staff, disagreeing, monkeypatch):
    built = []
    for module in (consistency, document_context):
        original = module.build_blocks
        monkeypatch.setattr(
            module, "build_blocks", lambda *args, original=original: built.append(1) or original(*args)
        )
    client.force_login(staff)
    assert MISMATCH.findall(client.get(reverse("reports:preview", args=[disagreeing.pk])).content.decode())
    assert len(built) == 1


def test_an_autosave_answers_with_the_warnings_as_they_now_stand(client, staff, disagreeing, mediated):
    """The editor's and the sheet's box follow each save without a reload (static/js/autosave.js)."""
    client.force_login(staff)
    item = Item.objects.get(section__report=disagreeing)
    edit = reverse("reports:edit", args=[disagreeing.pk])
    wrong = client.post(edit, editor_data(disagreeing), headers={"X-Autosave": "1"}).json()
    assert wrong["warnings"] == ["正文写“调解成功1700件”，指标表为1705件"]

    corrected = editor_data(disagreeing, **{f"i{item.pk}-body": "共排查矛盾纠纷1705件，调解成功1705件。"})
    assert client.post(edit, corrected, headers={"X-Autosave": "1"}).json()["warnings"] == []

    disagreeing.refresh_from_db()
    typed = {"version": disagreeing.version}
    for each in Indicator.objects.filter(district=mediated.district):
        typed |= {f"v{each.pk}-value": "1704" if each == mediated else "", f"v{each.pk}-qualifier": "exact"}
    sheet = client.post(
        reverse("indicators:sheet", args=[disagreeing.pk]), typed, headers={"X-Autosave": "1"}
    ).json()
    assert sheet["status"] == "saved" and sheet["warnings"] == ["正文写“调解成功1705件”，指标表为1704件"]


def test_the_box_is_on_the_page_hidden_when_text_and_sheet_agree(client, staff, disagreeing):
    """So that a save's answer has somewhere to show a new warning."""
    Item.objects.filter(section__report=disagreeing).update(body="调解成功1705件。")
    client.force_login(staff)
    for page in ("reports:edit", "indicators:sheet"):
        content = client.get(reverse(page, args=[disagreeing.pk])).content.decode()
        assert '<div class="alert alert-warning" id="consistency-warnings" hidden>' in content
