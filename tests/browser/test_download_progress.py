import time

from playwright.sync_api import expect

from reports.rendering import draft_pdf
from tests.browser.test_writing_a_report import log_in


def test_a_slow_download_shows_progress_until_the_file_arrives(page, staff, report, monkeypatch):
    # Slow for sure: a warm render can answer before the page's first look at its note (the live server
    # runs in this process, so the view's render can be slowed here).
    render = draft_pdf.render_pdf
    monkeypatch.setattr(
        draft_pdf, "render_pdf", lambda *args, **kwargs: time.sleep(1.5) or render(*args, **kwargs)
    )
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载PDF").click()
        expect(page.locator(".busy-note")).to_contain_text("正在生成PDF")
    assert download.value.suggested_filename.endswith(".pdf")
    expect(page.locator(".busy-note")).to_have_text("已开始下载。")
