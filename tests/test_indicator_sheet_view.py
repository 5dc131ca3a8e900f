from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, IndicatorRule, IndicatorValue, Qualifier
from reports.models import Report


@pytest.fixture
def catalogue(district):
    def make(code, name, unit, category="disputes", kind="count", **extra):
        return Indicator.objects.create(
            district=district,
            code=code,
            name=name,
            unit=unit,
            category=category,
            kind=kind,
            first_year=2020,
            **extra,
        )

    indicators = {
        "screened": make("disputes_screened", "排查矛盾纠纷", "件", aliases="排查矛盾纠纷"),
        "mediated": make("disputes_mediated", "调解成功矛盾纠纷", "件", aliases="调解成功"),
        "rate": make("mediation_success_rate", "调解成功率", "%", kind="percent", max_value=100),
        "petitions": make("petitions_handled", "处理信访事项", "件"),
        "leaflets": make("leaflets", "发放宣传资料", "份", category="publicity", max_value=1_000_000),
    }
    IndicatorRule.objects.create(
        district=district, kind="at_most", indicator=indicators["mediated"], other=indicators["screened"]
    )
    IndicatorRule.objects.create(
        district=district,
        kind="rate",
        indicator=indicators["rate"],
        other=indicators["mediated"],
        base=indicators["screened"],
    )
    return indicators


def sheet_url(report):
    return reverse("indicators:sheet", args=[report.pk])


def sheet_data(report, catalogue, **values):
    """POST data: ``values`` maps a catalogue key to the typed value (or a dict of fields)."""
    report.refresh_from_db()
    data = {"version": report.version}
    for key, indicator in catalogue.items():
        fields = values.get(key, "")
        if not isinstance(fields, dict):
            fields = {"value": fields}
        prefix = f"v{indicator.pk}"
        data[f"{prefix}-value"] = fields.get("value", "")
        data[f"{prefix}-qualifier"] = fields.get("qualifier", Qualifier.EXACT)
        data[f"{prefix}-note"] = fields.get("note", "")
        if fields.get("not_applicable"):
            data[f"{prefix}-not_applicable"] = "on"
    return data


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_the_sheet_groups_the_years_catalogue_by_category(staff_client, report, catalogue):
    content = staff_client.get(sheet_url(report)).content.decode()
    assert content.index("矛盾纠纷化解") < content.index("排查矛盾纠纷")
    assert "普法宣传" in content and "发放宣传资料" in content


def test_typed_forms_are_understood_and_stored(staff_client, report, catalogue):
    data = sheet_data(
        report,
        catalogue,
        screened="1,705",
        mediated="1705",
        rate="100",
        leaflets={"value": "1万", "qualifier": Qualifier.MORE_THAN},
        petitions={"not_applicable": True, "note": "本年无信访"},
    )
    response = staff_client.post(sheet_url(report), data)
    assert response.status_code == 302
    values = {v.indicator.code: v for v in IndicatorValue.objects.filter(report=report)}
    assert values["disputes_screened"].value == 1705
    assert values["leaflets"].value == 10000 and values["leaflets"].display == "10000余份"
    assert values["petitions_handled"].not_applicable and values["petitions_handled"].value is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("很多", "“排查矛盾纠纷”的数值“很多”无法识别"),
        ("-3", "“排查矛盾纠纷”不能为负数"),
        ("3.5", "“排查矛盾纠纷”是计数，应为整数"),
        ("50%", "“排查矛盾纠纷”以“件”计，不是百分比：请只填数字，不带“%”"),
        ("1705件", "“排查矛盾纠纷”请只填数字“1705”，不带单位（本指标以“件”计）"),
        ("约50", "“排查矛盾纠纷”请只填数字“50”，“约”请在右边的“限定”中选“约”"),
        ("400余件", "“排查矛盾纠纷”请只填数字“400”，“余”请在右边的“限定”中选“余”"),
        ("第3", "“排查矛盾纠纷”的数值“第3”无法识别"),
    ],
)
def test_a_bad_value_is_named_in_chinese_and_everything_typed_stays(
    staff_client, report, catalogue, typed, message
):
    data = sheet_data(report, catalogue, screened=typed, petitions="30")
    response = staff_client.post(sheet_url(report), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert f'value="{typed}"' in content and 'value="30"' in content
    assert not IndicatorValue.objects.filter(report=report).exists()


@pytest.mark.parametrize("typed", ["99999999999999999999", "１００００００００００００００"])
def test_a_figure_too_large_to_store_is_refused_and_the_sheet_still_opens(
    staff_client, report, catalogue, typed
):
    response = staff_client.post(sheet_url(report), sheet_data(report, catalogue, petitions=typed))
    assert response.status_code == 400
    assert "“处理信访事项”的数值过大，请核对（整数部分最多14位）" in response.content.decode()
    assert not IndicatorValue.objects.filter(report=report).exists()
    assert staff_client.get(sheet_url(report)).status_code == 200
    largest = "99999999999999"  # 14 digits: what the column holds
    staff_client.post(sheet_url(report), sheet_data(report, catalogue, petitions=largest))
    assert IndicatorValue.objects.get(report=report).value == Decimal(largest)
    assert staff_client.get(sheet_url(report)).status_code == 200


def test_a_percentage_may_be_typed_with_its_sign(staff_client, report, catalogue):
    staff_client.post(sheet_url(report), sheet_data(report, catalogue, rate="95%"))
    assert IndicatorValue.objects.get(report=report).value == Decimal(95)


def test_percentages_stay_between_0_and_100(staff_client, report, catalogue):
    response = staff_client.post(sheet_url(report), sheet_data(report, catalogue, rate="120"))
    assert "“调解成功率”是百分比，应在0到100之间" in response.content.decode()


def test_not_applicable_with_a_value_is_refused(staff_client, report, catalogue):
    data = sheet_data(report, catalogue, petitions={"value": "3", "not_applicable": True})
    assert "已勾选“不适用”" in staff_client.post(sheet_url(report), data).content.decode()


def test_mediated_may_not_exceed_screened(staff_client, report, catalogue):
    response = staff_client.post(
        sheet_url(report), sheet_data(report, catalogue, screened="100", mediated="120")
    )
    assert response.status_code == 400
    assert "“调解成功矛盾纠纷”（120）不能大于“排查矛盾纠纷”（100）" in response.content.decode()


def test_a_rate_must_match_its_parts(staff_client, report, catalogue):
    data = sheet_data(report, catalogue, screened="200", mediated="150", rate="100")
    content = staff_client.post(sheet_url(report), data).content.decode()
    assert "“调解成功率”应为“调解成功矛盾纠纷”÷“排查矛盾纠纷”，即75%" in content

    fixed = sheet_data(report, catalogue, screened="200", mediated="150", rate="75")
    assert staff_client.post(sheet_url(report), fixed).status_code == 302


def test_approximate_figures_skip_the_rules(staff_client, report, catalogue):
    data = sheet_data(
        report, catalogue, screened={"value": "100", "qualifier": Qualifier.MORE_THAN}, mediated="120"
    )
    assert staff_client.post(sheet_url(report), data).status_code == 302


def test_last_years_value_and_the_change_are_shown(staff_client, report, unit, catalogue):
    last = Report.objects.create(unit=unit, year=2024)
    IndicatorValue.objects.create(report=last, indicator=catalogue["petitions"], value=Decimal(44))
    IndicatorValue.objects.create(report=report, indicator=catalogue["petitions"], value=Decimal(30))
    content = staff_client.get(sheet_url(report)).content.decode()
    assert "44件" in content
    assert "减少14件（-31.8%）" in content


def test_clearing_a_value_removes_it(staff_client, report, catalogue):
    IndicatorValue.objects.create(report=report, indicator=catalogue["petitions"], value=Decimal(30))
    staff_client.post(sheet_url(report), sheet_data(report, catalogue))
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_a_stale_sheet_is_refused_and_keeps_the_typed_values(client, staff, leader, report, catalogue):
    stale = sheet_data(report, catalogue, petitions="30")
    client.force_login(leader)
    client.post(sheet_url(report), stale)
    client.force_login(staff)
    response = client.post(sheet_url(report), {**stale, f"v{catalogue['petitions'].pk}-value": "31"})
    assert response.status_code == 409
    content = response.content.decode()
    assert 'value="31"' in content and "上次保存：30件" in content
    assert IndicatorValue.objects.get(report=report).value == 30


def test_the_sheet_warns_when_the_text_says_otherwise(staff_client, report, catalogue):
    from tests.editor_helpers import add_section

    section = add_section(report, items=1)
    section.items.update(body="共排查矛盾纠纷1705件，调解成功1700件。")
    IndicatorValue.objects.create(report=report, indicator=catalogue["mediated"], value=Decimal(1705))
    content = staff_client.get(sheet_url(report)).content.decode()
    assert "正文写“调解成功1700件”，指标表为1705件" in content


def test_another_units_user_gets_404(client, outsider, report, catalogue):
    client.force_login(outsider)
    assert client.get(sheet_url(report)).status_code == 404
    assert client.post(sheet_url(report), sheet_data(report, catalogue)).status_code == 404


def test_the_district_office_reads_but_cannot_save(client, district_officer, report, catalogue):
    client.force_login(district_officer)
    response = client.get(sheet_url(report))
    assert response.status_code == 200 and "只读" in response.content.decode()
    assert client.post(sheet_url(report), sheet_data(report, catalogue)).status_code == 403


def test_a_locked_report_is_read_only(staff_client, report, catalogue):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    assert "只读" in staff_client.get(sheet_url(report)).content.decode()
    assert staff_client.post(sheet_url(report), sheet_data(report, catalogue)).status_code == 403


def _value_writes(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if '"indicators_indicatorvalue"' in q["sql"]
        and q["sql"].lstrip().startswith(("UPDATE", "INSERT", "DELETE"))
    ]


def test_an_autosave_writes_only_the_value_that_changed(staff_client, report, catalogue):
    typed = {
        "screened": "1705",
        "mediated": "1700",
        "leaflets": "5000",
        "petitions": {"note": "无", "value": "3"},
    }
    staff_client.post(sheet_url(report), sheet_data(report, catalogue, **typed))
    assert IndicatorValue.objects.filter(report=report).count() == 4

    with CaptureQueriesContext(connection) as unchanged:
        response = staff_client.post(
            sheet_url(report), sheet_data(report, catalogue, **typed), HTTP_X_AUTOSAVE="1"
        )
    assert response.status_code == 200 and _value_writes(unchanged) == []

    typed["leaflets"] = "6000"
    with CaptureQueriesContext(connection) as one:
        response = staff_client.post(
            sheet_url(report), sheet_data(report, catalogue, **typed), HTTP_X_AUTOSAVE="1"
        )
    assert response.status_code == 200
    writes = _value_writes(one)
    assert len(writes) == 1 and writes[0].lstrip().startswith("UPDATE")
    values = {v.indicator.code: v.value for v in IndicatorValue.objects.filter(report=report)}
    assert values == {
        "disputes_screened": 1705,
        "disputes_mediated": 1700,
        "leaflets": 6000,
        "petitions_handled": 3,
    }


def test_a_rate_changes_by_percentage_points_on_the_sheet_and_the_district_pages(
    client, staff, district_officer, report, unit, catalogue
):
    """Issue 15 #9: a rate that fell from 95% to 91.7% fell 3.3 points, not 3.3%."""
    last = Report.objects.create(unit=unit, year=2024, status=Report.Status.ACCEPTED)
    IndicatorValue.objects.create(report=last, indicator=catalogue["rate"], value=Decimal("95"))
    IndicatorValue.objects.create(report=report, indicator=catalogue["rate"], value=Decimal("91.7"))
    Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)
    client.force_login(staff)
    assert "减少3.3个百分点" in client.get(sheet_url(report)).content.decode()
    client.force_login(district_officer)
    page = client.get(reverse("district:indicator", args=[2025, catalogue["rate"].pk])).content.decode()
    assert "减少3.3个百分点" in page and "3.3%" not in page


def test_an_empty_row_offers_the_figure_the_text_states_and_a_filled_one_does_not(
    client, staff, report, district
):
    Indicator.objects.create(
        district=district, code="study", name="中心组学法", unit="次", first_year=2020, aliases="中心组学法"
    )
    cases = Indicator.objects.create(
        district=district, code="cases", name="调解案件", unit="件", first_year=2020, aliases="调解案件"
    )
    section = report.sections.create(position=0, heading="主要举措")
    section.items.create(position=0, body="全年开展中心组学法10次，调解案件52件。")
    IndicatorValue.objects.create(report=report, indicator=cases, value=52)
    client.force_login(staff)
    page = client.get(sheet_url(report)).content.decode()
    assert "正文：中心组学法10次" in page and 'data-value="10" data-qualifier="exact"' in page
    assert "正文：调解案件52件" not in page
    Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)  # a sheet only read
    assert "正文：中心组学法10次" not in client.get(sheet_url(report)).content.decode()


@pytest.mark.parametrize("autosave", [False, True])
def test_a_figure_with_more_than_two_decimals_is_refused_not_rounded(
    staff_client, report, catalogue, autosave
):
    data = sheet_data(report, catalogue, screened="3", mediated="1", rate="33.333", petitions="30")
    headers = {"HTTP_X_AUTOSAVE": "1"} if autosave else {}
    response = staff_client.post(sheet_url(report), data, **headers)
    assert not IndicatorValue.objects.filter(report=report).exists()  # nothing stored, 33.33 least of all
    if autosave:
        assert response.status_code == 400 and response.json()["status"] == "invalid"
        response = staff_client.post(sheet_url(report), data)  # the 保存 the autosave asks for
    assert response.status_code == 400
    content = response.content.decode()
    assert "“调解成功率”最多保留两位小数（如33.33）" in content
    assert 'value="33.333"' in content and 'value="30"' in content
    typed = sheet_data(report, catalogue, screened="3", mediated="1", rate="33.330")  # 0 is no decimal
    staff_client.post(sheet_url(report), typed)
    assert IndicatorValue.objects.get(report=report, indicator=catalogue["rate"]).value == Decimal("33.33")
