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
