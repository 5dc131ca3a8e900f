"""Approving renders the PDF it freezes (a second or more): the leader sees that it is under way, and a
second click is not a second approval answered with "不能“审核通过”"."""

import time

from playwright.sync_api import expect

from reports import frozen_pdf
from reports.models import Report
from tests.browser.test_writing_a_report import log_in
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit


def test_approving_shows_progress_and_a_second_click_does_not_approve_again(
    page, staff, leader, report, monkeypatch
):
    add_section(report, items=2)
    submit(staff, report)
    render = frozen_pdf.render_pdf
    monkeypatch.setattr(
        frozen_pdf, "render_pdf", lambda *args, **kwargs: time.sleep(1.5) or render(*args, **kwargs)
    )
    log_in(page, leader)
    page.goto(f"/reports/{report.pk}/")
    # In the page, before the answer comes (Playwright's own waits wait for the navigation): the click,
    # what the page shows then, and the impatient second click.
    seen = page.evaluate(
        """() => new Promise((done) => {
            const button = [...document.querySelectorAll("form.workflow-step button")]
                .find((b) => b.textContent.trim() === "审核通过");
            button.click();
            setTimeout(() => {
                const note = document.querySelector(".busy-note");
                const seen = {note: note ? note.textContent : "", disabled: button.disabled};
                button.form.requestSubmit();
                done(seen);
            }, 300);
        })"""
    )
    assert "正在审核通过" in seen["note"] and seen["disabled"]
    expect(page.locator("#report-status")).to_have_text("已审核")
    expect(page.locator(".alert-danger")).to_have_count(0)
    assert "不能" not in page.locator("main").inner_text()
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED
