"""A unit's staff member writes this year's report in the browser, as a new user would (issue: steps 1–6)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from indicators.models import Indicator, IndicatorRule
from reports.models import Item, Organ, Report, Section
from tests.conftest import PASSWORD

YEAR = timezone.localdate().year - 1  # "this year's report" is written early the next year


@pytest.fixture
def last_years_report(unit):
    report = Report.objects.create(
        unit=unit, year=YEAR - 1, status=Report.Status.ACCEPTED, addressee="区委、区政府："
    )
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=0, name="中共黔江区城西街道工作委员会"
    )
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=1, name="黔江区人民政府城西街道办事处"
    )
    plans = Section.objects.create(
        report=report, position=0, kind=Section.Kind.NEXT_YEAR_PLANS, heading=f"{YEAR}年工作思路"
    )
    Item.objects.create(section=plans, position=0, style="enumerated", heading="加强法治培训。", body="……")
    return report


@pytest.fixture
def catalogue(district):
    screened = Indicator.objects.create(
        district=district,
        code="disputes_screened",
        name="排查矛盾纠纷",
        unit="件",
        category="disputes",
        first_year=2020,
        aliases="排查矛盾纠纷",
    )
    mediated = Indicator.objects.create(
        district=district,
        code="disputes_mediated",
        name="调解成功矛盾纠纷",
        unit="件",
        category="disputes",
        first_year=2020,
        aliases="调解成功",
        position=1,
    )
    IndicatorRule.objects.create(district=district, kind="at_most", indicator=mediated, other=screened)
    return {"screened": screened, "mediated": mediated}


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/")


def item_cards(page):
    return page.locator(".editor-item")


def test_staff_write_this_years_report_from_start_to_preview(
    page, staff, last_years_report, catalogue, screenshot
):
    # 1. "My unit's reports", and a button that starts this year's report.
    log_in(page, staff)
    expect(page.locator("#report-list")).to_contain_text(str(YEAR - 1))
    page.locator("#new-report select[name=year]").select_option(str(YEAR))
    page.get_by_role("button", name="开始填写年度报告").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))
    report = Report.objects.get(unit=staff.memberships.get().unit, year=YEAR)

    # 2. Pre-filled: last year's organs and addressee, the regulation's sections, last year's promises.
    expect(page.get_by_label("发文机关")).to_have_value(
        "中共黔江区城西街道工作委员会\n黔江区人民政府城西街道办事处"
    )
    expect(page.get_by_label("主送机关")).to_have_value("区委、区政府：")
    expect(page.locator(".editor-section")).to_have_count(5)
    expect(page.get_by_text("上年报告中的工作打算（1条）")).to_be_visible()
    screenshot("prefilled")

    # 3. Add two items to the first section, write them, move the second up: numbering follows.
    first_section = page.locator(".editor-section").first
    first_section.get_by_role("button", name="＋ 添加条目").click()
    card = item_cards(page).first
    card.get_by_label("小标题").fill("高度重视，落实责任。")
    card.get_by_label("正文").fill("共排查矛盾纠纷1705件，调解成功1700件。")
    page.locator(".editor-section").first.get_by_role("button", name="＋ 添加条目").click()
    second = item_cards(page).nth(1)
    second.get_by_label("小标题").fill("健全队伍，提升素质。")
    second.get_by_label("正文").fill("全年开展中心组学法12次。")
    expect(item_cards(page).nth(0).locator(".item-label")).to_have_text("（一）")
    second.get_by_role("button", name="上移").click()
    page.wait_for_load_state()
    expect(item_cards(page).nth(0).get_by_label("小标题")).to_have_value("健全队伍，提升素质。")
    expect(item_cards(page).nth(0).locator(".item-label")).to_have_text("（一）")
    expect(item_cards(page).nth(1).get_by_label("小标题")).to_have_value("高度重视，落实责任。")
    expect(item_cards(page).nth(1).locator(".item-label")).to_have_text("（二）")

    # Autosave: typed text reaches the server without pressing save, and the state says so.
    page.get_by_label("导语").fill("现将有关情况报告如下：")
    expect(page.locator("#save-state")).to_have_text("有未保存的修改")
    page.locator("#editor-form").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    report.refresh_from_db()
    assert report.preamble == "现将有关情况报告如下："
    screenshot("editor")

    # 4. The indicator sheet: one validation error, then its fix.
    page.get_by_role("link", name="指标表").click()
    page.get_by_label("排查矛盾纠纷", exact=True).fill("1,705")
    page.get_by_label("调解成功矛盾纠纷", exact=True).fill("2000")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("“调解成功矛盾纠纷”（2000）不能大于“排查矛盾纠纷”（1705）。")).to_be_visible()
    expect(page.get_by_label("排查矛盾纠纷", exact=True)).to_have_value("1,705")  # nothing typed is lost
    screenshot("sheet-error")
    page.get_by_label("调解成功矛盾纠纷", exact=True).fill("1705")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("指标已保存。")).to_be_visible()

    # 5. The text says 1700 where the sheet says 1705: the sheet and the editor warn.
    warning = "正文写“调解成功1700件”，指标表为1705件"
    expect(page.locator("#consistency-warnings")).to_contain_text(warning)
    page.get_by_role("link", name="返回报告正文").click()
    expect(page.locator("#consistency-warnings")).to_contain_text(warning)
    # Corrected in the text, the warning goes with the autosave, no reload.
    page.get_by_label("正文").and_(page.locator("textarea:has-text('调解成功1700件')")).fill(
        "共排查矛盾纠纷1705件，调解成功1705件。"
    )
    page.locator("#editor-form").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    expect(page.locator("#consistency-warnings")).to_be_hidden()
    # Made wrong again on the sheet, the sheet's autosave shows it at once.
    page.get_by_role("link", name="指标表").click()
    expect(page.locator("#consistency-warnings")).to_be_hidden()
    page.get_by_label("调解成功矛盾纠纷", exact=True).fill("1704")
    page.locator("form[data-autosave-url]").dispatch_event("autosave-now")
    expect(page.locator("#consistency-warnings")).to_contain_text("正文写“调解成功1705件”，指标表为1704件")
    page.get_by_label("调解成功矛盾纠纷", exact=True).fill("1705")
    page.locator("form[data-autosave-url]").dispatch_event("autosave-now")
    expect(page.locator("#consistency-warnings")).to_be_hidden()
    page.get_by_role("link", name="返回报告正文").click()

    # 6. The preview shows the report as it will print, indicator table attached.
    page.get_by_role("link", name="预览").click()
    expect(page.get_by_text(f"关于{YEAR}年度法治政府建设情况的报告").first).to_be_visible()
    expect(page.get_by_text("（一）健全队伍，提升素质。").first).to_be_visible()
    expect(page.get_by_text("主要指标统计表").first).to_be_visible()
    screenshot("preview")


def test_leaving_with_unsaved_text_asks_first(page, staff, report):
    Section.objects.create(report=report, position=0, heading="主要举措")
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    page.get_by_label("导语").fill("还没保存的导语")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]


def test_deleting_asks_for_confirmation_and_can_be_undone(page, staff, report):
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    Item.objects.create(section=section, position=0, heading="要删除的条目。", body="正文")
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    page.once("dialog", lambda dialog: dialog.accept())
    item_cards(page).first.get_by_role("button", name="删除").click()
    page.wait_for_load_state()
    expect(item_cards(page)).to_have_count(0)
    page.get_by_role("button", name="撤销删除").click()
    expect(item_cards(page).first.get_by_label("小标题")).to_have_value("要删除的条目。")


def test_pasted_html_is_shown_as_text_and_never_runs(page, staff, report):
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    Item.objects.create(section=section, position=0, heading="条目。", body="正文")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    pasted = '<script>alert("script")</script><img src=x onerror="alert(\'img\')">'
    item_cards(page).first.get_by_label("正文").fill(pasted)
    page.get_by_role("button", name="保存", exact=True).click()
    # Navigating while the save is still posting aborts the navigation (net::ERR_ABORTED): wait for it.
    expect(page.locator("#save-state")).to_contain_text("已保存")
    expect(item_cards(page).first.get_by_label("正文")).to_have_value(pasted)
    page.goto(f"/reports/{report.pk}/preview/")
    expect(page.get_by_text(pasted)).to_be_visible()
    page.goto(f"/reports/{report.pk}/")
    expect(page.get_by_text(pasted)).to_be_visible()
    assert dialogs == []
