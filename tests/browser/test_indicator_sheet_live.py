from decimal import Decimal

from playwright.sync_api import expect

from indicators.models import Indicator, IndicatorValue
from reports.models import Report
from tests.browser.test_writing_a_report import log_in


def test_a_rate_typed_on_the_sheet_changes_by_percentage_points(page, staff, report, unit, district):
    """Issue 15 #9: the change computed as a percentage is typed says 个百分点, as the PDF does."""
    rate = Indicator.objects.create(
        district=district, code="rate", name="调解成功率", unit="%", kind="percent", first_year=2020
    )
    count = Indicator.objects.create(
        district=district, code="cases", name="调解案件", unit="件", first_year=2020
    )
    last = Report.objects.create(unit=unit, year=report.year - 1)
    IndicatorValue.objects.create(report=last, indicator=rate, value=Decimal("95"))
    IndicatorValue.objects.create(report=last, indicator=count, value=Decimal("40"))
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/indicators/")
    page.fill(f"#id_v{rate.pk}-value", "91.7")
    expect(page.locator(f"#id_v{rate.pk}-value").locator("xpath=ancestor::tr").locator(".yoy")).to_have_text(
        "减少3.3个百分点"
    )
    page.fill(f"#id_v{count.pk}-value", "50")
    expect(page.locator(f"#id_v{count.pk}-value").locator("xpath=ancestor::tr").locator(".yoy")).to_have_text(
        "增加10件（+25%）"
    )


def written(report, district, text):
    """A report whose text is ``text`` and a catalogue of two indicators it may name."""
    report.sections.create(position=0, heading="主要举措").items.create(position=0, body=text)
    return [
        Indicator.objects.create(
            district=district, code=code, name=name, unit=unit, first_year=2020, aliases=name
        )
        for code, name, unit in (("study", "中心组学法", "次"), ("cases", "调解案件", "件"))
    ]


def test_the_figure_the_text_states_fills_an_empty_row_in_one_click_and_is_saved(
    page, staff, report, district
):
    study, _ = written(report, district, "全年开展中心组学法10余次。")
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/indicators/")
    row = page.locator(f"#id_v{study.pk}-value").locator("xpath=ancestor::tr")
    expect(row.locator(".from-text")).to_contain_text("正文：中心组学法10余次")
    row.get_by_role("button", name="把正文中的数填入中心组学法").click()
    expect(page.locator(f"#id_v{study.pk}-value")).to_have_value("10")
    expect(row.locator("select")).to_have_value("more_than")
    page.locator("form[data-autosave-url]").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    value = IndicatorValue.objects.get(report=report, indicator=study)
    assert (value.value, value.qualifier) == (Decimal(10), "more_than")


def test_all_the_figures_the_text_states_fill_their_empty_rows_at_once(page, staff, report, district):
    study, cases = written(report, district, "全年开展中心组学法10次，调解案件近50件。")
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/indicators/")
    page.get_by_role("button", name="全部填入正文中的数（2项）").click()
    expect(page.locator(f"#id_v{study.pk}-value")).to_have_value("10")
    expect(page.locator(f"#id_v{cases.pk}-value")).to_have_value("50")
    expect(
        page.locator(f"#id_v{cases.pk}-value").locator("xpath=ancestor::tr").locator("select")
    ).to_have_value("nearly")
    expect(page.locator("#save-state")).to_have_text("有未保存的修改")
