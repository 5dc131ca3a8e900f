"""The editor's buttons change the page in place (issue 15 #12): add, move, delete, undo and a change of
level, with no page loaded again (a marker set on the window survives), the focus where the person is,
and the text typed before each button saved."""

import time

from playwright.sync_api import expect

from reports import actions
from reports.models import Item, Section
from tests.browser.test_writing_a_report import item_cards, log_in
from tests.editor_helpers import add_section


def test_structure_buttons_work_without_reloading_the_page(page, staff, report, screenshot):
    section = add_section(report, items=3)
    add_section(report, heading="下一年工作打算", kind=Section.Kind.NEXT_YEAR_PLANS, items=1)
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    page.evaluate("window.noReloadMarker = 'still here'")
    first = page.locator(f"#section-{section.pk}")

    # Typed text, then 添加条目: the text is saved and the new item's heading has the focus.
    item_cards(first).nth(0).get_by_label("正文").fill("先打的字，没有点保存。")
    first.get_by_role("button", name="＋ 添加条目").click()
    expect(item_cards(first)).to_have_count(4)
    added = section.items.last()
    expect(page.locator(f"#id_i{added.pk}-heading")).to_be_focused()
    expect(page.locator("#save-state")).to_contain_text("已保存")
    assert section.items.first().body == "先打的字，没有点保存。"
    page.locator(f"#id_i{added.pk}-heading").fill("新加的一条。")

    # 上移: the item moves up, the numbers follow, the focus stays on the button.
    item_cards(first).nth(3).get_by_role("button", name="上移").click()
    expect(item_cards(first).nth(2).get_by_label("小标题")).to_have_value("新加的一条。")
    expect(item_cards(first).nth(2).locator(".item-label")).to_have_text("（三）")
    expect(item_cards(first).nth(3).locator(".item-label")).to_have_text("（四）")
    expect(item_cards(first).nth(2).get_by_role("button", name="上移")).to_be_focused()

    # 删除, then 撤销删除.
    item_cards(first).nth(2).get_by_role("button", name="删除").click()
    expect(item_cards(first)).to_have_count(3)
    expect(page.get_by_role("button", name="撤销删除")).to_be_focused()
    expect(page.locator("#editor-undo")).to_contain_text("刚才删除了一个条目。")
    screenshot("deleted")
    page.get_by_role("button", name="撤销删除").click()
    expect(item_cards(first)).to_have_count(4)
    expect(item_cards(first).nth(2).get_by_label("小标题")).to_have_value("新加的一条。")
    expect(page.get_by_role("button", name="撤销删除")).to_have_count(0)
    expect(page.locator("#editor-notice")).to_have_text("已恢复删除的条目。")

    # 层级: the second item becomes "1." under "（一）", and the rest are renumbered.
    item_cards(first).nth(1).get_by_label("层级").focus()  # as a click or Tab would
    item_cards(first).nth(1).get_by_label("层级").select_option(str(Item.Level.THIRD))
    expect(item_cards(first).nth(1).locator(".item-label")).to_have_text("1.")
    expect(item_cards(first).nth(2).locator(".item-label")).to_have_text("（二）")
    expect(item_cards(first).nth(1).get_by_label("层级")).to_be_focused()

    # Sections: the second moves up and is numbered "一、".
    page.locator(".editor-section").nth(1).get_by_title("上移这一部分").click()
    expect(page.locator(".editor-section").nth(0).locator(".section-label")).to_have_text("一、")
    expect(page.locator(".editor-section").nth(0).get_by_label("部分标题")).to_have_value("下一年工作打算")

    expect(page.locator("#save-state")).to_contain_text("已保存")
    screenshot("after")
    assert page.evaluate("window.noReloadMarker") == "still here"
    assert [i.heading for i in section.items.all()] == ["第1条。", "第2条。", "新加的一条。", "第3条。"]
    assert section.items.all()[1].level == Item.Level.THIRD


def test_a_field_to_correct_is_shown_by_submitting_the_form(page, staff, report):
    section = add_section(report, items=1)
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    page.locator("#id_report-title").fill("")  # the report's title is required
    page.locator(f"#section-{section.pk}").get_by_role("button", name="＋ 添加条目").click()
    expect(page.locator(".alert-danger")).to_contain_text("有内容需要修改")
    assert section.items.count() == 1


def test_text_typed_while_the_answer_is_on_its_way_is_kept(page, staff, report, monkeypatch):
    section = add_section(report, items=2)
    slow_add = actions.add_item

    def add_item_slowly(*args, **kwargs):
        time.sleep(1.5)  # the live server's thread: the page waits for the answer meanwhile
        return slow_add(*args, **kwargs)

    monkeypatch.setattr(actions, "add_item", add_item_slowly)
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    cards = item_cards(page.locator(f"#section-{section.pk}"))
    page.locator(f"#section-{section.pk}").get_by_role("button", name="＋ 添加条目").click()
    cards.nth(1).get_by_label("正文").fill("按钮的回答还没到时打的字。")
    expect(cards).to_have_count(3)
    expect(cards.nth(1).get_by_label("正文")).to_have_value("按钮的回答还没到时打的字。")
    expect(page.locator("#save-state")).to_have_text("有未保存的修改")
    page.locator("#editor-form").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    assert section.items.all()[1].body == "按钮的回答还没到时打的字。"
