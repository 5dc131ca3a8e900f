"""The district office publishes a report in the browser: the dashboard's 公开 column, the check page
that will not publish until every finding is masked or confirmed, then the public page with the masks."""

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, describe_violations
from tests.browser.test_writing_a_report import log_in
from tests.publishing_helpers import PLANTED, accepted_report_with_planted_findings


def test_the_office_masks_what_the_check_finds_and_publishes(page, unit, district_officer, screenshot):
    report = accepted_report_with_planted_findings(unit, 2024)
    log_in(page, district_officer)
    page.goto("/district/2024/")
    row = page.locator("#dashboard tr[data-unit='chengxi']")
    expect(row.locator("td.publication")).to_contain_text("未公开")
    row.get_by_role("link", name="公开…").click()
    findings = page.locator("#findings .finding")
    count = findings.count()
    assert count >= len(PLANTED)
    page.set_viewport_size({"width": 1366, "height": 768})
    screenshot("check-1366")
    # Nothing chosen: the browser holds the form (each choice is required; the server refuses it too,
    # tests/test_publishing.py), and nothing is published.
    page.get_by_role("button", name="公开发布").click()
    assert page.locator("#id_decision_0_0").evaluate("radio => !radio.checkValidity()")
    expect(page.locator("#publish-form")).to_be_visible()
    for index in range(count):
        page.locator(f"#id_decision_{index}_0").check()  # 遮盖
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("check-390")
    page.get_by_role("button", name="公开发布").click()
    expect(page.locator("#publication")).to_contain_text("已于")
    page.goto(f"/public/qianjiang/2024/{unit.code}/")
    for _text, planted, masked in PLANTED.values():
        expect(page.locator("article.sheet")).not_to_contain_text(planted)
        expect(page.locator("article.sheet")).to_contain_text(masked)
    page.goto("/district/2024/")
    expect(page.locator("#dashboard tr[data-unit='chengxi'] td.publication")).to_contain_text("已公开")
    page.set_viewport_size({"width": 1366, "height": 768})
    screenshot("dashboard-1366")
    report.refresh_from_db()
    assert report.preamble == PLANTED["preamble"][0]


def test_the_check_page_passes_axe(page, unit, district_officer):
    report = accepted_report_with_planted_findings(unit, 2024)
    log_in(page, district_officer)
    page.goto(f"/reports/{report.pk}/publish/")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
