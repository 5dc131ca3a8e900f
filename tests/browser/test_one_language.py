"""Issue 12: the UI is Chinese whatever the browser prefers. A browser that asks for English still gets
`<html lang="zh-CN">` and no English words on any page staff or the district office use: Django's own
messages (form errors, the login refusal) come in Chinese, and so does everything of ours."""

import re

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator
from reports import workflow
from reports.models import ReviewComment
from tests.conftest import PASSWORD
from tests.district_helpers import indicator
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit as submit_report

# A word is a run of three or more ASCII letters (with the letters, digits and underscores joined to it,
# so "chengxi_staff" and "SHA256" are one word). Shorter runs are let through: MB, KB, GB/T.
WORD = re.compile(r"[A-Za-z0-9_]*[A-Za-z]{3,}[A-Za-z0-9_]*")
# The ASCII a Chinese page legitimately shows: products, file types and formats, a key's name.
ALLOWED = {"PDF", "Word", "Excel", "WPS", "docx", "txt", "ZIP", "XLSX", "CSV", "SHA", "Ctrl"}

# The text a person sees or hears: the window title, the page's text and what tooltips, placeholders,
# screen readers and select boxes add to it.
VISIBLE_TEXT = """() => [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll("[title], [placeholder], [aria-label], [alt]")].flatMap((el) =>
        ["title", "placeholder", "aria-label", "alt"].map((name) => el.getAttribute(name) || "")),
    ...[...document.querySelectorAll("option")].map((option) => option.textContent),
].join("\\n")"""


@pytest.fixture
def page(browser, live_server):
    """A browser set to English: it asks the server for English on every request."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-US",
        extra_http_headers={"Accept-Language": "en"},
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    yield page
    context.close()


class Pages:
    """Reads each page as it is shown and keeps the English found, so one run lists every page at fault."""

    def __init__(self, page, allowed):
        self.page = page
        self.allowed = ALLOWED | allowed
        self.english = {}
        self.langs = {}
        self.texts = {}

    def check(self, name):
        self.page.wait_for_load_state()
        self.langs[name] = self.page.evaluate("document.documentElement.lang")
        self.texts[name] = self.page.evaluate(VISIBLE_TEXT)
        words = sorted(set(WORD.findall(self.texts[name])) - self.allowed)
        if words:
            self.english[name] = words

    def visit(self, name, url):
        response = self.page.goto(url)
        assert response.status < 500, (url, response.status)
        self.check(name)


def submit(page, button):
    with page.expect_navigation():
        page.locator(button).click()


def log_in(page, username, password=PASSWORD):
    # By the fields' names, not their labels: the labels are what this test is about.
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    submit(page, "form button[type=submit]")


@pytest.fixture
def busy_report(report, staff, leader, district):
    """A report with text, indicators, a comment, a history and a notice: every page has something on it."""
    add_section(report, items=2)
    add_section(report, heading="存在的不足", kind="shortcomings", items=1)
    screened = indicator(district, "disputes_screened", "排查矛盾纠纷", unit="件")
    indicator(
        district, "correction_rate", "行政复议纠错率", unit="%", kind=Indicator.Kind.PERCENT, position=1
    )
    ReviewComment.objects.create(report=report, author=leader, body="请补充具体数字。")
    submit_report(staff, report)
    workflow.perform(leader, report, "return", comment="数字不全，请补充后重新提交。")
    report.refresh_from_db()
    return report, screened


def test_a_browser_asking_for_english_gets_chinese_pages(
    page, busy_report, staff, district_officer, screenshot
):
    report, screened = busy_report
    pages = Pages(page, allowed={staff.username, district_officer.username})
    base = f"/reports/{report.pk}"

    # The login page, and the refusal of a wrong password.
    pages.visit("login", "/accounts/login/")
    log_in(page, staff.username, "wrong-password")
    expect(page.locator(".alert, .invalid-feedback, .errorlist").first).to_be_visible()
    pages.check("login: wrong password")

    # Staff: the pages of their unit's report.
    log_in(page, staff.username)
    pages.check("reports:home")
    pages.visit("reports:notices", "/notices/")
    pages.visit("report", f"{base}/")
    pages.visit("editor", f"{base}/edit/")
    pages.visit("indicator sheet", f"{base}/indicators/")
    pages.visit("preview", f"{base}/preview/")
    pages.visit("history", f"{base}/history/")
    pages.visit("changes", f"{base}/changes/")
    snapshot = report.snapshots.get()  # taken at the submission
    pages.visit("snapshot", f"{base}/snapshots/{snapshot.pk}/")
    pages.visit("snapshot changes", f"{base}/snapshots/{snapshot.pk}/changes/")
    pages.visit("snapshot restore", f"{base}/snapshots/{snapshot.pk}/restore/")
    pages.visit("import", "/reports/import/")
    pages.visit("not found", "/reports/999999/")

    # Validation: the editor's background save refused, then its errors on the page with the title left empty;
    # a number the sheet cannot read; an import with nothing to import, then its confirmation page.
    page.goto(f"{base}/edit/")
    page.locator("input[name=report-title]").fill("")
    page.locator("#editor-form").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_have_attribute("data-state", "error")
    pages.check("editor: autosave refused")
    submit(page, "#save-button")
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    pages.check("editor: errors")
    screenshot("editor-errors")

    page.goto(f"{base}/indicators/")
    page.locator(f"input[name=v{screened.pk}-value]").fill("一千多")
    submit(page, "#save-button")
    expect(page.locator("tr.table-danger").first).to_be_visible()
    pages.check("indicator sheet: errors")

    page.goto("/reports/import/")
    submit(page, "#import-form button[type=submit]")
    expect(page.locator(".alert-danger, .invalid-feedback, .errorlist").first).to_be_visible()
    pages.check("import: errors")
    page.locator("textarea[name=text]").fill(
        "关于2025年度法治政府建设情况的报告\n区委、区政府：\n一、主要举措\n（一）高度重视。全年排查矛盾纠纷12件。"
    )
    submit(page, "#import-form button[type=submit]")
    expect(page.locator("#import-confirm")).to_be_visible()
    pages.check("import: confirm")

    # The district office: its year's pages.
    submit(page, "form[action$='/logout/'] button")
    log_in(page, district_officer.username)
    pages.check("district: home page")
    year = report.year
    pages.visit("district: dashboard", f"/district/{year}/")
    pages.visit("district: matrix", f"/district/{year}/indicators/")
    pages.visit("district: indicator", f"/district/{year}/indicators/{screened.pk}/")
    pages.visit("district: unit", f"/district/{year}/units/{report.unit.pk}/indicators/")
    pages.visit("district: catalogue", f"/district/{year}/catalogue/")
    pages.visit("district: setup", f"/district/{year}/setup/")
    pages.visit("district: report", f"{base}/")

    assert pages.english == {}, f"English words, by page: {pages.english}"
    assert set(pages.langs.values()) == {"zh-CN"}, pages.langs
    # Django's own messages, translated by its zh_Hans catalogue.
    assert "请输入一个正确的" in pages.texts["login: wrong password"]
    assert "这个字段是必填项。" in pages.texts["editor: errors"]
