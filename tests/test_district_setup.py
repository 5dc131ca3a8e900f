"""The district office sets up a year: the deadline, the outline new reports start from, the indicator
catalogue (add, change, retire, reorder, carry over) and the checks across indicators."""

import datetime
import re

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorRule
from reports.actions import start_report
from reports.deadlines import deadline_for
from reports.district.actions import save_outline
from reports.models import OutlineSection, ReportingYear, Section, Unit
from tests.district_helpers import indicator, report_in

YEAR = 2025


@pytest.fixture
def office(client, district_officer):
    client.force_login(district_officer)
    return client


def setup_url(year=YEAR):
    return reverse("district:setup", args=[year])


# --- Deadline ----------------------------------------------------------------------------------------------


def test_the_deadline_defaults_to_the_first_of_march(office, district):
    response = office.get(setup_url())
    assert response.status_code == 200
    assert 'value="2026-03-01"' in response.content.decode()
    assert not ReportingYear.objects.exists()


def test_setting_the_deadline(office, district):
    response = office.post(setup_url(), {"deadline": "2026-01-20"}, follow=True)
    assert "2026-01-20" in response.content.decode()
    assert deadline_for(district, YEAR) == datetime.date(2026, 1, 20)


def test_a_deadline_in_another_year_is_refused_and_the_typed_date_stays(office, district):
    response = office.post(setup_url(), {"deadline": "2030-01-20"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "截止日期应在2025年或2026年内" in content and 'value="2030-01-20"' in content
    assert not ReportingYear.objects.exists()


def test_copied_outline_edits_and_the_deadline_are_saved_together(office, district):
    """Issue 15 #10: saving the deadline discarded the outline edits typed on the same page."""
    data = outline_post([(1, "measures", "改过的标题", False)]) | {"deadline": "2026-02-10"}
    assert office.post(setup_url(), data).status_code == 302
    assert deadline_for(district, YEAR) == datetime.date(2026, 2, 10)
    assert saved_outline(district) == [("measures", "改过的标题")]


def test_a_blank_row_is_added_with_everything_typed_kept(office, district):
    data = outline_post([(1, "measures", "还没保存的标题", False)], extra_blank=2) | {
        "deadline": "2026-02-10",
        "add_row": "1",
    }
    response = office.post(setup_url(), data)
    content = response.content.decode()
    assert response.status_code == 200 and "还没保存的标题" in content and 'value="2026-02-10"' in content
    assert 'name="outline-TOTAL_FORMS" value="4"' in content and "outline-3-heading" in content
    assert saved_outline(district) == [] and not ReportingYear.objects.exists()


def test_a_bad_deadline_keeps_the_outline_as_typed_and_saves_neither(office, district):
    data = outline_post([(1, "measures", "标题留着", False)]) | {"deadline": "2030-01-01"}
    response = office.post(setup_url(), data)
    assert response.status_code == 400 and "标题留着" in response.content.decode()
    assert saved_outline(district) == [] and not ReportingYear.objects.exists()


# --- Outline -----------------------------------------------------------------------------------------------


def outline_post(rows, extra_blank=1):
    """The outline formset's POST: rows of (order, kind, heading, delete)."""
    data = {
        "outline-TOTAL_FORMS": len(rows) + extra_blank,
        "outline-INITIAL_FORMS": len(rows),
        "outline-MIN_NUM_FORMS": 0,
        "outline-MAX_NUM_FORMS": 1000,
    }
    for n, (order, kind, heading, delete) in enumerate(rows):
        data |= {f"outline-{n}-ORDER": order, f"outline-{n}-kind": kind, f"outline-{n}-heading": heading}
        if delete:
            data[f"outline-{n}-DELETE"] = "on"
    for n in range(len(rows), len(rows) + extra_blank):
        data |= {f"outline-{n}-ORDER": "", f"outline-{n}-kind": "other", f"outline-{n}-heading": ""}
    return data


def saved_outline(district, year=YEAR):
    return list(
        OutlineSection.objects.filter(
            reporting_year__district=district, reporting_year__year=year
        ).values_list("kind", "heading")
    )


def test_without_an_outline_the_page_says_the_regulations_applies(office, district):
    content = office.get(setup_url()).content.decode()
    assert "条例规定的五个部分" in content and "2025年推进法治政府建设的主要举措和成效" in content


def test_adding_reordering_and_removing_outline_rows(office, district):
    rows = [
        (1, "measures_and_results", "一年来的主要举措和成效", False),
        (2, "first_responsibility", "党政主要负责人履职情况", False),
    ]
    office.post(setup_url(), outline_post(rows))
    assert saved_outline(district) == [(k, h) for _, k, h, _ in rows]
    assert ReportingYear.objects.get(district=district, year=YEAR).deadline == datetime.date(2026, 3, 1)

    # Swap the two, delete nothing, add a third in the blank row.
    data = outline_post([(2, *rows[0][1:]), (1, *rows[1][1:])])
    data |= {"outline-2-ORDER": 3, "outline-2-kind": "other", "outline-2-heading": "其他事项"}
    office.post(setup_url(), data)
    assert [h for _, h in saved_outline(district)] == [
        "党政主要负责人履职情况",
        "一年来的主要举措和成效",
        "其他事项",
    ]

    office.post(
        setup_url(), outline_post([(1, "other", "其他事项", True), (2, "shortcomings", "不足", False)])
    )
    assert saved_outline(district) == [("shortcomings", "不足")]


def test_new_reports_start_from_the_districts_outline(office, district, unit):
    office.post(
        setup_url(), outline_post([(1, "measures", "区定标题一", False), (2, "other", "区定标题二", False)])
    )
    report = start_report(None, unit, YEAR)
    assert [(s.kind, s.heading) for s in report.sections.all()] == [
        ("measures", "区定标题一"),
        ("other", "区定标题二"),
    ]


def test_a_bad_outline_row_is_refused_and_every_row_stays_as_typed(office, district):
    data = outline_post([(1, "measures", "保留的标题", False)])
    data |= {"outline-1-ORDER": 2, "outline-1-kind": "shortcomings", "outline-1-heading": "长" * 201}
    response = office.post(setup_url(), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "保留的标题" in content and "长" * 201 in content
    assert saved_outline(district) == []


def test_rows_left_blank_are_ignored(office, district):
    data = outline_post([(1, "measures", "", False), (2, "other", "唯一的标题", False)], extra_blank=2)
    assert office.post(setup_url(), data).status_code == 302
    assert saved_outline(district) == [("other", "唯一的标题")]


def test_clearing_the_outline_goes_back_to_the_regulation(office, district, unit):
    office.post(setup_url(), outline_post([(1, "measures", "区定标题", False)]))
    office.post(setup_url(), outline_post([(1, "measures", "区定标题", True)]))
    assert saved_outline(district) == []
    assert len(start_report(None, unit, YEAR).sections.all()) == 5


def test_last_years_outline_is_the_starting_point_with_its_years_moved_on(office, district):
    setting = ReportingYear.objects.create(district=district, year=2024, deadline=datetime.date(2025, 3, 1))
    OutlineSection.objects.create(
        reporting_year=setting, position=0, kind="measures", heading="2024年主要举措"
    )
    OutlineSection.objects.create(
        reporting_year=setting, position=1, kind="next_year_plans", heading="2025年工作打算"
    )
    response = office.get(setup_url(), {"from": "last-year"})
    content = response.content.decode()
    assert 'value="2025年主要举措"' in content and 'value="2026年工作打算"' in content
    assert saved_outline(district) == []  # nothing saved until the office saves it


def test_without_last_years_outline_the_regulations_is_the_starting_point(office, district):
    content = office.get(setup_url(), {"from": "last-year"}).content.decode()
    assert 'value="2025年推进法治政府建设的主要举措和成效"' in content
    assert 'value="2026年推进法治政府建设的主要安排"' in content


# --- Catalogue ---------------------------------------------------------------------------------------------


def catalogue_url(year=YEAR):
    return reverse("district:catalogue", args=[year])


def test_the_catalogue_lists_the_years_indicators(office, district):
    indicator(district, "in-use", "在用指标")
    indicator(district, "later", "明年才用", first_year=YEAR + 1)
    content = office.get(catalogue_url()).content.decode()
    assert "在用指标" in content and "明年才用" not in content


def test_adding_an_indicator_from_this_year_with_a_generated_code(office, district):
    indicator(district, "existing", position=5)
    data = {
        "part": "indicator",
        "name": "法治讲座",
        "unit": "场",
        "category": "study",
        "kind": "count",
        "aliases": "普法讲座\n法治课",
    }
    office.post(catalogue_url(), data)
    added = Indicator.objects.get(name="法治讲座")
    assert (added.district, added.first_year, added.last_year, added.code) == (
        district,
        YEAR,
        None,
        "custom-1",
    )
    assert added.alias_list == ["法治讲座", "普法讲座", "法治课"]
    assert added.position == 6  # last in the catalogue


def test_an_invalid_indicator_is_refused_and_the_typed_values_stay(office, district):
    data = {"part": "indicator", "name": "持证率", "unit": "人", "category": "enforcement", "kind": "percent",
            "min_value": "5", "max_value": "1"}  # fmt: skip
    response = office.post(catalogue_url(), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "百分比指标的计量单位应为“%”" in content
    assert 'value="持证率"' in content
    assert not Indicator.objects.exists()


def test_a_refused_indicator_is_announced_at_the_top_of_the_long_catalogue_page(office, district):
    # The form is below the year's whole catalogue (59 rows in the demo): the page came back looking
    # unchanged, its red text out of sight.
    data = {"part": "indicator", "name": "测试指标", "unit": "件", "category": "enforcement", "kind": "count",
            "max_value": "99999999999999999999"}  # fmt: skip
    content = office.post(catalogue_url(), data).content.decode()
    assert "指标没有添加：请按" in content and 'href="#add-indicator"' in content
    assert "数值过大：整数部分最多14位。" in content and "确认总共不超过" not in content
    assert "指标没有添加" not in office.get(catalogue_url()).content.decode()


def test_the_catalogues_lists_start_with_a_prompt_not_dashes(office, district):
    content = office.get(catalogue_url()).content.decode()
    assert "---------" not in content
    assert "（请选择类别）" in content and "（请选择指标）" in content and "（“比率”规则才需要）" in content


def test_the_catalogue_pages_ids_are_unique_so_each_label_names_its_own_field(office, district):
    # The indicator form's 数值类型 and the rule form's 规则 were both id="id_kind": clicking 规则 (or a
    # screen reader's label) went to 数值类型.
    content = office.get(catalogue_url()).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', content)
    assert sorted(ids) == sorted(set(ids))
    assert re.search(r'for="rule_kind"[^>]*>\s*规则', content) and 'id="rule_kind"' in content


def test_a_code_already_taken_is_refused(office, district):
    indicator(district, "fines")
    data = {
        "part": "indicator",
        "name": "罚款",
        "unit": "元",
        "category": "enforcement",
        "kind": "amount",
        "code": "fines",
    }
    assert office.post(catalogue_url(), data).status_code == 400
    assert Indicator.objects.count() == 1


def test_a_name_another_indicator_of_the_year_has_is_refused(office, district):
    indicator(district, "audience", "普法受众", unit="人次")
    retired = indicator(district, "old-lectures", "法治讲座", first_year=YEAR - 3)
    Indicator.objects.filter(pk=retired.pk).update(last_year=YEAR - 1)
    data = {"part": "indicator", "name": "普法受众", "unit": "人次", "category": "publicity", "kind": "count"}
    response = office.post(catalogue_url(), data)
    assert response.status_code == 400 and "本年度已有名为“普法受众”的指标" in response.content.decode()
    data["name"] = "法治讲座"  # a retired one's name may be used again
    assert office.post(catalogue_url(), data).status_code == 302
    lectures = Indicator.objects.get(name="法治讲座", first_year=YEAR)
    edit = reverse("district:indicator-edit", args=[YEAR, lectures.pk])
    data = {"name": "普法受众", "unit": "人次", "category": "publicity", "kind": "count"}
    assert office.post(edit, data).status_code == 400
    data["name"] = "法治讲座"  # its own name, kept
    assert office.post(edit, data).status_code == 302


def test_an_indicators_page_does_not_offer_to_generate_its_code_it_cannot_change(office, district):
    rate = indicator(district, "rate", "调解成功率", unit="%", kind="percent")
    page = office.get(reverse("district:indicator-edit", args=[YEAR, rate.pk])).content.decode()
    assert "不填则自动生成" not in page and "可不填" not in page and "添加后不能修改" in page


def test_changing_an_indicators_range_and_aliases(office, district):
    rate = indicator(district, "rate", "调解成功率", unit="%", kind="percent")
    url = reverse("district:indicator-edit", args=[YEAR, rate.pk])
    data = {"name": "调解成功率", "unit": "%", "category": "disputes", "kind": "percent", "min_value": "0",
            "max_value": "100", "aliases": "成功率"}  # fmt: skip
    assert office.post(url, data).status_code == 302
    rate.refresh_from_db()
    assert (rate.max_value, rate.aliases, rate.code) == (100, "成功率", "rate")


def test_the_office_marks_an_indicator_required_and_the_units_sheets_show_it(
    office, district, client, staff, report
):
    screened = indicator(district, "screened", "排查矛盾纠纷", unit="件")
    url = reverse("district:indicator-edit", args=[YEAR, screened.pk])
    data = {"name": "排查矛盾纠纷", "unit": "件", "category": "disputes", "kind": "count", "required": "on"}
    assert office.post(url, data).status_code == 302
    screened.refresh_from_db()
    assert screened.required
    assert "必填</span>" in office.get(catalogue_url()).content.decode()
    client.force_login(staff)
    sheet = client.get(reverse("indicators:sheet", args=[report.pk])).content.decode()
    assert '（件）</span> <span class="badge text-bg-warning">必填</span>' in sheet


def test_retiring_sets_the_last_year_and_the_catalogue_of_the_year_drops_it(office, district):
    old = indicator(district, "old", "旧指标", first_year=2020)
    office.post(reverse("district:indicator-retire", args=[YEAR, old.pk]))
    old.refresh_from_db()
    assert old.last_year == YEAR - 1
    assert old not in Indicator.objects.for_year(district, YEAR)
    assert old in Indicator.objects.for_year(district, YEAR - 1)


def test_retiring_one_added_this_year_removes_it_unless_it_has_values(office, district, unit):
    new = indicator(district, "new", first_year=YEAR)
    office.post(reverse("district:indicator-retire", args=[YEAR, new.pk]))
    assert not Indicator.objects.filter(pk=new.pk).exists()

    used = indicator(district, "used", "已填指标", first_year=YEAR)
    report = report_in(unit, YEAR, "draft")
    report.indicator_values.create(indicator=used, value=3)
    response = office.post(reverse("district:indicator-retire", args=[YEAR, used.pk]), follow=True)
    assert "已有单位填报数值" in response.content.decode()
    assert Indicator.objects.filter(pk=used.pk).exists()


def test_reordering_moves_one_place(office, district):
    first, second, third = (indicator(district, code, position=n) for n, code in enumerate("abc"))
    office.post(reverse("district:indicator-down", args=[YEAR, first.pk]))
    assert [i.code for i in Indicator.objects.for_year(district, YEAR)] == ["b", "a", "c"]
    office.post(reverse("district:indicator-up", args=[YEAR, third.pk]))
    assert [i.code for i in Indicator.objects.for_year(district, YEAR)] == ["b", "c", "a"]
    office.post(reverse("district:indicator-up", args=[YEAR, second.pk]))  # already first: stays
    assert [i.code for i in Indicator.objects.for_year(district, YEAR)] == ["b", "c", "a"]


def test_copying_last_years_catalogue_brings_back_what_this_year_lacks(office, district):
    kept = indicator(district, "kept")
    dropped = indicator(district, "dropped", "去年的指标")
    Indicator.objects.filter(pk=dropped.pk).update(last_year=YEAR - 1)
    assert "去年的指标" in office.get(catalogue_url()).content.decode()  # offered
    office.post(reverse("district:catalogue-copy", args=[YEAR]))
    assert set(Indicator.objects.for_year(district, YEAR)) == {kept, dropped}
    assert 'id="carry-over"' not in office.get(catalogue_url()).content.decode()


def test_adding_and_deleting_a_rule(office, district):
    screened, mediated = indicator(district, "screened"), indicator(district, "mediated")
    office.post(
        catalogue_url(), {"part": "rule", "kind": "at_most", "indicator": mediated.pk, "other": screened.pk}
    )
    rule = IndicatorRule.objects.get()
    assert (rule.district, rule.indicator, rule.other, rule.base) == (district, mediated, screened, None)
    office.post(reverse("district:rule-delete", args=[YEAR, rule.pk]))
    assert not IndicatorRule.objects.exists()


def test_a_rate_rule_needs_a_base_and_a_rule_needs_two_indicators(office, district):
    screened, rate = indicator(district, "screened"), indicator(district, "rate")
    response = office.post(
        catalogue_url(), {"part": "rule", "kind": "rate", "indicator": rate.pk, "other": screened.pk}
    )
    assert response.status_code == 400 and "需要选择分母指标" in response.content.decode()
    response = office.post(
        catalogue_url(), {"part": "rule", "kind": "at_most", "indicator": rate.pk, "other": rate.pk}
    )
    assert "不能是被检查的指标本身" in response.content.decode()
    assert not IndicatorRule.objects.exists()


def test_another_districts_indicator_cannot_be_chosen_for_a_rule(office, district):
    from reports.models import Unit

    elsewhere = Unit.objects.create(code="else", name="别区", short_name="别区", kind=Unit.Kind.DISTRICT)
    theirs, ours = indicator(elsewhere, "theirs"), indicator(district, "ours")
    response = office.post(
        catalogue_url(), {"part": "rule", "kind": "at_most", "indicator": ours.pk, "other": theirs.pk}
    )
    assert response.status_code == 400
    assert not IndicatorRule.objects.exists()


def test_sections_kind_choices_are_offered_in_chinese(office, district):
    content = office.get(setup_url()).content.decode()
    assert str(Section.Kind.FIRST_RESPONSIBILITY.label) in content


# --- The departments' own outline (issue 16) -----------------------------------------------------------------


def test_departments_start_from_their_own_outline_and_units_from_theirs(office, district, unit):
    department = Unit.objects.create(
        code="sifaju", name="黔江区司法局", short_name="区司法局", kind=Unit.Kind.DEPARTMENT, parent=district
    )
    office.post(setup_url(), outline_post([(1, "measures", "街镇标题", False)]))
    # Without an outline of their own, departments start from the units' outline.
    assert [s.heading for s in start_report(None, department, YEAR).sections.all()] == ["街镇标题"]

    response = office.post(
        setup_url() + "?for=departments",
        outline_post([(1, "measures_and_results", "部门履职举措", False), (2, "other", "部门其他", False)]),
    )
    assert response.status_code == 302 and response.url.endswith("?for=departments")
    departments = OutlineSection.objects.filter(audience=OutlineSection.Audience.DEPARTMENTS)
    assert [s.heading for s in departments] == ["部门履职举措", "部门其他"]
    assert [s.heading for s in OutlineSection.objects.filter(audience="units")] == ["街镇标题"]  # untouched

    new_department = Unit.objects.create(
        code="scjgj",
        name="黔江区市场监督管理局",
        short_name="区市场监管局",
        kind=Unit.Kind.DEPARTMENT,
        parent=district,
    )
    assert [s.heading for s in start_report(None, new_department, YEAR).sections.all()] == [
        "部门履职举措",
        "部门其他",
    ]
    assert [s.heading for s in start_report(None, unit, YEAR).sections.all()] == ["街镇标题"]

    page = office.get(setup_url() + "?for=departments").content.decode()
    assert "部门履职举措" in page and "区县政府部门的提纲" in page


def test_a_districts_own_report_starts_from_the_outline_of_the_city_it_reports_to(district):
    city = Unit.objects.create(code="yudong", name="渝东市", short_name="渝东市", kind=Unit.Kind.CITY)
    district.parent = city
    district.save()
    save_outline(city, YEAR, [("measures", "市定标题")])
    save_outline(district, YEAR, [("measures", "区定标题")])
    assert [s.heading for s in start_report(None, district, YEAR).sections.all()] == ["市定标题"]


# --- What the page says after a save ------------------------------------------------------------------------


def test_saving_the_page_untouched_says_nothing_was_cleared(office, district):
    # The whole page as a first visit posts it: the deadline, empty word limits, two blank outline rows.
    data = {"deadline": "2026-03-01", "limits-total": ""} | outline_post([], extra_blank=2)
    content = office.post(setup_url(), data, follow=True).content.decode()
    assert "报送截止日期已设为2026-03-01" in content
    assert "已清空" not in content and "字数上限已保存" not in content


def test_setting_and_removing_word_limits_is_confirmed(office, district):
    data = {"deadline": "2026-03-01", "limits-total": "3000"} | outline_post([], extra_blank=1)
    assert "字数上限已保存" in office.post(setup_url(), data, follow=True).content.decode()
    data["limits-total"] = ""
    assert "已取消字数上限" in office.post(setup_url(), data, follow=True).content.decode()
    assert district.reporting_years.get(year=YEAR).word_limits == {}


@pytest.mark.parametrize(
    ("typed", "message"), [("0", "应在1到1000000之间"), ("9999999", "应在1到1000000之间")]
)
def test_a_bad_word_limit_names_its_part_in_chinese(office, district, typed, message):
    data = {"deadline": "2026-03-01", "limits-total": "", "limits-shortcomings": typed}
    response = office.post(setup_url(), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert f"“存在的不足和原因”的字数上限{message}；空着表示不限。" in content
    assert "确保该值" not in content
