"""The public site in a browser: every page type passes axe-core's WCAG 2.1 AA rules, its headings are in
order, it reads at 390 px without sideways scrolling, and it prints."""

from itertools import pairwise

import pytest

from indicators.models import Indicator, IndicatorValue
from reports import publishing
from reports.publishing import MASK
from tests.browser.conftest import axe_violations, describe_violations
from tests.publishing_helpers import accepted_report_with_planted_findings, clean_accepted_report

PAGE_TYPES = {
    "site": "/public/",
    "district": "/public/qianjiang/",
    "year": "/public/qianjiang/2024/",
    "report": "/public/qianjiang/2024/chengxi/",
    "indicators": "/public/qianjiang/2024/indicators/",
    "search": "/public/search/?q=%E7%BA%A0%E7%BA%B7",  # 纠纷
}

HEADING_LEVELS = "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"


@pytest.fixture
def published(transactional_db, district, unit, other_unit, district_officer):
    report = accepted_report_with_planted_findings(unit, 2024)
    other = clean_accepted_report(other_unit, 2024, body="调解矛盾纠纷320件。")
    # Figures for the indicator table and the document's attachment.
    common = {"district": district, "first_year": 2020, "category": "disputes"}
    screened = Indicator.objects.create(code="screened", name="排查矛盾纠纷", unit="件", **common)
    rate = Indicator.objects.create(code="rate", name="调解成功率", unit="%", kind="percent", **common)
    for target, figures in ((report, (320, 98)), (other, (410, 100))):
        IndicatorValue.objects.create(report=target, indicator=screened, value=figures[0])
        IndicatorValue.objects.create(report=target, indicator=rate, value=figures[1])
    publishing.publish(district_officer, report, {f.hit.key: MASK for f in publishing.findings(report)})
    publishing.publish(district_officer, other, {})


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_each_public_page_type_has_no_accessibility_violation(page, published, name, screenshot):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(PAGE_TYPES[name])
    violations = axe_violations(page)
    screenshot(f"{name}-1366")
    assert violations == [], describe_violations(violations)
    assert page.evaluate("() => document.documentElement.lang") == "zh-Hans"
    levels = page.evaluate(HEADING_LEVELS)
    assert levels and levels[0] == 1 and levels.count(1) == 1
    assert all(after - before <= 1 for before, after in pairwise(levels)), levels


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_each_public_page_reads_at_390_px_without_sideways_scrolling(page, published, name, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(PAGE_TYPES[name])
    screenshot(f"{name}-390")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []


def test_the_report_page_prints_without_the_site_around_it(page, published):
    page.goto(PAGE_TYPES["report"])
    page.emulate_media(media="print")
    assert not page.locator(".public-bar").is_visible()
    assert page.locator("h1.title").is_visible()
    assert page.pdf()[:4] == b"%PDF"
