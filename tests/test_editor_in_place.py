"""The editor's buttons pressed in place (static/js/editor.js, issue 15 #12): the text typed so far is saved,
the button is carried out, and the answer is JSON with the changed sections rendered again."""

import pytest

from reports.models import Item, Report, Section
from reports.views.editor import EditorForms
from tests.editor_helpers import add_section, editor_data
from tests.test_editor_view import edit_url

IN_PLACE = {"X-In-Place": "1"}


@pytest.fixture
def section(report):
    return add_section(report, items=3)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def press(client, report, **fields):
    return client.post(edit_url(report), editor_data(report, **fields), headers=IN_PLACE)


def headings(section):
    return [item.heading for item in section.items.all()]


def test_adding_an_item_saves_the_typed_text_and_answers_with_the_section(staff_client, report, section):
    before = report.version
    first = section.items.first()
    response = press(
        staff_client,
        report,
        op=f"add-item:{section.pk}",
        **{f"i{first.pk}-body": "刚打的字", "report-preamble": "导语"},
    )
    assert response.status_code == 200
    answer = response.json()
    added = section.items.last()
    report.refresh_from_db()
    assert answer["version"] == report.version == before + 2  # the save, then the new item
    assert report.preamble == "导语" and section.items.first().body == "刚打的字"
    assert answer["order"] == [section.pk] and answer["labels"] == {str(section.pk): "一、"}
    html = answer["sections"][str(section.pk)]
    assert f'id="item-{added.pk}"' in html and "刚打的字" in html and "（空条目）" in html
    assert answer["focus"] == f"id_i{added.pk}-heading"


def test_moving_an_item_answers_with_the_new_order_and_numbers(staff_client, report, section):
    third = section.items.last()
    answer = press(staff_client, report, op=f"move-item:{third.pk}:-1").json()
    assert headings(section) == ["第1条。", "第3条。", "第2条。"]
    html = answer["sections"][str(section.pk)]
    assert html.index("第3条。") < html.index("第2条。")
    assert answer["focus"] == ""  # the page keeps the focus on the button pressed


def test_deleting_and_undoing_in_place(staff_client, report, section):
    middle = section.items.all()[1]
    answer = press(staff_client, report, op=f"delete-item:{middle.pk}").json()
    assert headings(section) == ["第1条。", "第3条。"]
    assert f'id="item-{middle.pk}"' not in answer["sections"][str(section.pk)]
    assert "撤销删除" in answer["undo"] and answer["notice"] == ""  # the bar with 撤销删除 says it

    answer = press(staff_client, report, op="undo-delete").json()
    assert headings(section) == ["第1条。", "第2条。", "第3条。"]
    restored = section.items.all()[1]
    assert f'id="item-{restored.pk}"' in answer["sections"][str(section.pk)]
    assert answer["undo"].strip() == "" and answer["focus"] == f"id_i{restored.pk}-heading"
    assert answer["notice"] == "已恢复删除的条目。"
    # Told in the answer, not again on the next page.
    assert "已恢复删除的条目" not in staff_client.get(edit_url(report)).content.decode()


def test_changing_an_items_level_answers_with_the_sections_new_numbering(staff_client, report, section):
    second = section.items.all()[1]
    fields = {f"i{second.pk}-level": Item.Level.THIRD, "show": str(section.pk)}
    answer = press(staff_client, report, **fields).json()
    second.refresh_from_db()
    assert second.level == Item.Level.THIRD
    html = answer["sections"][str(section.pk)]
    assert ">1.</span>" in html  # "1." under "（一）", not "（二）"


def test_sections_added_moved_and_deleted_in_place(staff_client, report, section):
    other = add_section(report, heading="其他", kind=Section.Kind.OTHER)
    answer = press(staff_client, report, op="add-section").json()
    added = report.sections.last()
    assert answer["order"] == [section.pk, other.pk, added.pk]
    assert answer["labels"][str(added.pk)] == "三、" and answer["focus"] == f"id_s{added.pk}-heading"
    # The one that was last gets its 下移 back, so it is rendered again too; the first is left as it is.
    assert set(answer["sections"]) == {str(other.pk), str(added.pk)}

    answer = press(staff_client, report, op=f"move-section:{added.pk}:-1").json()
    assert answer["order"] == [section.pk, added.pk, other.pk]
    assert {str(added.pk), str(other.pk)} <= set(answer["sections"])
    assert answer["labels"][str(added.pk)] == "二、"

    answer = press(staff_client, report, op=f"delete-section:{added.pk}").json()
    assert answer["order"] == [section.pk, other.pk] and answer["labels"][str(other.pk)] == "二、"


def test_a_refusal_is_a_notice_and_changes_nothing(staff_client, report, section):
    answer = press(staff_client, report, op=f"delete-section:{section.pk}").json()
    assert answer["notice_level"] == "error" and "还有条目" in answer["notice"]
    assert report.sections.count() == 1


def test_a_field_to_correct_or_a_newer_save_is_answered_so_the_page_submits_itself(
    staff_client, report, section
):
    invalid = press(staff_client, report, op=f"add-item:{section.pk}", **{"report-title": ""})
    assert invalid.status_code == 400 and invalid.json()["status"] == "invalid"
    assert section.items.count() == 3

    stale = editor_data(report, op=f"add-item:{section.pk}")
    press(staff_client, report, **{"report-preamble": "别人先保存"})
    conflict = staff_client.post(edit_url(report), stale, headers=IN_PLACE)
    assert conflict.status_code == 409 and conflict.json()["status"] == "conflict"
    assert section.items.count() == 3


def test_another_reports_item_is_not_found_in_place(staff_client, report, section, other_unit):
    foreign = add_section(Report.objects.create(unit=other_unit, year=2025), items=1).items.first()
    assert press(staff_client, report, op=f"delete-item:{foreign.pk}").status_code == 404
    assert Item.objects.filter(pk=foreign.pk).exists()


def test_a_shown_section_of_another_report_is_left_out(staff_client, report, section, other_unit):
    foreign = add_section(Report.objects.create(unit=other_unit, year=2025), items=1)
    answer = press(staff_client, report, show=str(foreign.pk)).json()
    assert str(foreign.pk) not in answer["sections"]


def test_the_buttons_still_submit_the_form_without_javascript(staff_client, report, section):
    response = staff_client.post(edit_url(report), editor_data(report, op=f"add-item:{section.pk}"))
    assert response.status_code == 302 and response.url.endswith(f"#item-{section.items.last().pk}")
    page = staff_client.get(edit_url(report)).content.decode()
    assert 'name="op" value="move-item:' in page and 'type="submit"' in page
    assert 'src="/static/js/editor.js"' in page or "js/editor" in page


def test_an_item_posted_as_stored_builds_no_form_and_a_changed_one_is_saved(staff_client, report, section):
    first, second, _ = section.items.all()
    Item.objects.filter(pk=first.pk).update(body="第一段\n第二段", joins_previous=True)
    data = editor_data(report)
    data[f"i{first.pk}-body"] = "第一段\r\n第二段"  # as a browser sends a textarea
    data[f"i{second.pk}-heading"] = "改过的小标题。"
    data.pop(f"i{first.pk}-joins_previous")  # 接上一段 unticked
    assert staff_client.post(edit_url(report), data, headers=IN_PLACE).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.body == "第一段\n第二段" and not first.joins_previous
    assert second.heading == "改过的小标题。"


def test_the_editors_forms_are_built_only_for_items_posted_changed(report, section):
    first, second, _ = section.items.all()
    data = editor_data(report, **{f"i{second.pk}-body": "改了"})
    data[f"i{first.pk}-body"] = first.body.replace("\n", "\r\n")
    forms = EditorForms(report, list(report.sections_with_items()), data=data)
    assert list(forms.changed_item_forms) == [second.pk]
    assert forms.is_valid() and list(forms.content()["items"]) == [second.pk]
    assert len(forms.item_forms) == 3  # the page, when shown again, has every item


def test_a_text_that_cleans_to_the_stored_one_builds_no_form_and_other_texts_do(report, section):
    first, second, third = section.items.all()
    data = editor_data(report)
    data[f"i{first.pk}-body"] = "\n" + first.body  # the line break after <textarea>, kept by lxml
    data[f"i{second.pk}-heading"] = second.heading + "\u200b "  # cleaned away too
    data[f"i{third.pk}-body"] = "\n" + third.body + "。"
    forms = EditorForms(report, list(report.sections_with_items()), data=data)
    assert list(forms.changed_item_forms) == [third.pk]
    assert forms.is_valid() and forms.content()["items"][third.pk]["body"] == third.body + "。"

    data[f"i{first.pk}-level"] = "9"  # a choice is compared as it is: not a level, refused by the form
    forms = EditorForms(report, list(report.sections_with_items()), data=data)
    assert first.pk in forms.changed_item_forms and not forms.is_valid()
