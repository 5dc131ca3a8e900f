"""The check before submitting in the browser (issue 15 point 3): staff try to submit an incomplete report,
read the list, fix the errors from its links, watch the editor's word counts, confirm the warnings and
submit; the leader reads the same list and the last return reason where they review."""

import datetime
from decimal import Decimal

from playwright.sync_api import expect

from indicators.models import IndicatorValue
from reports.common.text import word_count
from reports.district.actions import set_word_limits
from reports.models import Item, Organ, Report, Section
from tests.browser.conftest import axe_violations
from tests.browser.test_review_journey import log_out
from tests.browser.test_writing_a_report import log_in
from tests.district_helpers import indicator
from tests.editor_helpers import add_section

Kind = Section.Kind


def sign_in(page, user):
    """``log_in``, then wait for the page after it (its wait for "**/" also matches the login page)."""
    log_in(page, user)
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def incomplete_report(report, district):
    """Every part the regulation asks for, but no addressee and no date; one indicator of two filled; the
    district limits the first-responsibility part to 60 字."""
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=0, name="黔江区人民政府城西街道办事处"
    )
    Organ.objects.create(
        report=report, role=Organ.Role.SIGNING, position=0, name="黔江区人民政府城西街道办事处"
    )
    for heading, kind in [
        ("主要举措和成效", Kind.MEASURES_AND_RESULTS),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", Kind.FIRST_RESPONSIBILITY),
        ("存在的不足和原因", Kind.SHORTCOMINGS),
        ("下一年度工作打算", Kind.NEXT_YEAR_PLANS),
    ]:
        add_section(report, heading=heading, kind=kind, items=1)
    screened = indicator(district, "screened", name="排查矛盾纠纷", unit="件", position=1)
    indicator(district, "lawsuits", name="行政诉讼案件", unit="件", position=2)
    IndicatorValue.objects.create(report=report, indicator=screened, value=Decimal(12))
    set_word_limits(district, report.year, {Kind.FIRST_RESPONSIBILITY: 60})
    return report


def test_staff_fix_the_errors_confirm_the_warnings_and_submit_and_the_leader_sees_the_list(
    page, staff, leader, report, district, screenshot
):
    incomplete_report(report, district)
    duty = report.sections.get(kind=Kind.FIRST_RESPONSIBILITY)

    # Staff try to submit: the list says what is missing, and the submission is refused.
    sign_in(page, staff)
    page.goto(f"/reports/{report.pk}/")
    check = page.locator("#precheck")
    expect(check.locator(".precheck-error")).to_have_count(2)
    expect(check).to_contain_text("没有填写主送机关")
    expect(check).to_contain_text("没有填写成文日期")
    expect(check).to_contain_text("指标表已填1项，共2项；未填：行政诉讼案件")
    screenshot("staff-errors")
    assert serious(axe_violations(page, context="#precheck")) == []
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text("提交前检查有2项必须修改")
    expect(page.locator("#report-status")).to_have_text("草稿")

    # "去修改" leads to the editor's header; the word counts follow the typing, red over the limit.
    check.locator("li", has_text="没有填写主送机关").get_by_role("link", name="去修改").click()
    page.wait_for_url(f"**/reports/{report.pk}/edit/#header")
    page.get_by_label("主送机关").fill("区委、区政府：")
    page.get_by_label("成文日期").fill("2026-02-01")
    section = page.locator(f"#section-{duty.pk}")
    count = section.locator("[data-word-count]")
    expect(count).to_contain_text("本部分")
    expect(count).not_to_have_class("word-count word-over")
    before = int(count.locator(".word-count-number").inner_text())
    total_before = int(page.locator("#word-total .word-count-number").inner_text())
    body = section.locator(".editor-item").first.get_by_label("正文")
    body.fill("党工委书记带头学法，主持召开法治建设专题会议4次，研究解决重点难点问题12个。")
    expect(count).to_have_class("word-count word-over")
    expect(count).to_contain_text("（上限60字，已超出）")
    after = int(count.locator(".word-count-number").inner_text())
    assert after > 60 > before
    assert int(page.locator("#word-total .word-count-number").inner_text()) == total_before + after - before
    screenshot("editor-word-limit")
    assert serious(axe_violations(page, context="[data-word-count]")) == []  # the buttons: point 14
    page.get_by_role("button", name="保存").first.click()
    page.wait_for_load_state()

    # Back on the report's page: no error left, two warnings to confirm; the browser asks for the tick.
    page.get_by_role("link", name="审核与提交").click()
    expect(check.locator(".precheck-error")).to_have_count(0)
    expect(check.locator(".precheck-warning")).to_have_count(2)
    expect(check).to_contain_text(f"共{after}字，超过区里规定的60字")  # the server counts as the editor
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("草稿")  # the unticked box stops the form
    page.get_by_label("已查看以上2项提醒，确认提交").check()
    screenshot("staff-warnings")
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("待审核")
    log_out(page)

    # The leader returns it once; after the resubmission, the list and the reason are on the review page.
    sign_in(page, leader)
    page.goto(f"/reports/{report.pk}/")
    expect(page.locator("#precheck")).to_contain_text("供审核参考")
    page.get_by_label("理由（必填）").fill("第一责任人部分请压缩到60字以内。")
    page.get_by_role("button", name="退回修改").click()
    expect(page.locator("#report-status")).to_have_text("已退回")
    log_out(page)
    sign_in(page, staff)
    page.goto(f"/reports/{report.pk}/")
    page.get_by_label("已查看以上2项提醒，确认提交").check()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("待审核")
    log_out(page)
    sign_in(page, leader)
    page.goto(f"/reports/{report.pk}/")
    expect(page.locator("#last-return")).to_contain_text("第一责任人部分请压缩到60字以内。")
    expect(page.locator("#precheck .precheck-warning")).to_have_count(2)
    expect(page.locator("#precheck")).to_contain_text("未填：行政诉讼案件")
    screenshot("leader-review")
    assert serious(axe_violations(page, context="#precheck")) == []
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and report.signing_date == datetime.date(2026, 2, 1)
    assert Item.objects.get(section=duty).body.startswith("党工委书记带头学法")


SAMPLES = [
    "共排查矛盾纠纷1705件，调解率100%。",
    "同比减少31.8%，GB/T 9704标准",
    "“一是”……二是—— ｗｏｒｄ　２０２５",
    "Hello world 2025年 (ASCII, punctuation) 不计",
]


def test_the_editors_live_count_is_the_servers(page, staff, report):
    section = add_section(report, heading="主要举措", items=1)
    sign_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    count = page.locator(f"#section-{section.pk} [data-word-count] .word-count-number")
    body = page.locator(f"#section-{section.pk} .editor-item").first.get_by_label("正文")
    for text in SAMPLES:
        body.fill(text)
        expected = word_count("主要举措", "第1条。", text)
        expect(count).to_have_text(str(expected))
        expect(page.locator("#word-total .word-count-number")).to_have_text(str(expected))


def test_a_link_to_a_place_in_the_editor_shows_it_below_the_sticky_save_bar(page, staff, report):
    # "去修改 → #header" put the card's heading under the bar (top 0, the bar reaching 82 px down).
    for _ in range(6):
        add_section(report, items=2)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling to wait for
    sign_in(page, staff)
    item = Item.objects.filter(section__report=report).order_by("section__position", "position").last()
    for place in ("header", f"item-{item.pk}"):
        page.goto(f"/reports/{report.pk}/edit/#{place}")
        bar = page.locator(".editor-bar").bounding_box()
        target = page.locator(f"#{place}").bounding_box()
        assert target["y"] >= bar["y"] + bar["height"], (place, target, bar)
