import io
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from reports.models import Item, Report
from reports.views.operations import OPERATIONS
from tests.editor_helpers import add_section, editor_data


def edit_url(report):
    return reverse("reports:edit", args=[report.pk])


@pytest.fixture
def section(report):
    return add_section(report, items=3)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_staff_see_the_report_as_it_reads_with_generated_numbers(staff_client, report, section):
    response = staff_client.get(edit_url(report))
    assert response.status_code == 200
    content = response.content.decode()
    assert "一、" in content and "（一）" in content and "（三）" in content
    assert "第1条。" in content
    assert 'data-autosave-url="' in content


def test_the_unit_leader_may_edit_too(client, leader, report, section):
    client.force_login(leader)
    assert client.get(edit_url(report)).status_code == 200


def test_another_units_user_gets_404(client, outsider, report, section):
    client.force_login(outsider)
    assert client.get(edit_url(report)).status_code == 404
    assert client.post(edit_url(report), editor_data(report)).status_code == 404


def test_the_district_office_may_not_edit(client, district_officer, report, section):
    client.force_login(district_officer)
    assert client.get(edit_url(report)).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, report):
    response = client.get(edit_url(report))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_submitted_report_is_locked(staff_client, report, section):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    response = staff_client.get(edit_url(report))
    assert response.status_code == 403
    assert "内容已锁定" in response.content.decode()
    assert staff_client.post(edit_url(report), editor_data(report)).status_code == 403


def test_saving_stores_every_field_and_bumps_the_version(staff_client, report, section):
    item = section.items.first()
    data = editor_data(
        report,
        **{
            "report-preamble": "现将有关情况报告如下：",
            "report-issuing_organs": "中共黔江区城西街道工作委员会\n黔江区人民政府城西街道办事处",
            "report-signing_date": "2026-02-20",
            f"i{item.pk}-body": "新的正文。",
        },
    )
    response = staff_client.post(edit_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.version == 2
    assert report.preamble == "现将有关情况报告如下："
    assert [o.name for o in report.issuing_organs] == [
        "中共黔江区城西街道工作委员会",
        "黔江区人民政府城西街道办事处",
    ]
    assert str(report.signing_date) == "2026-02-20"
    item.refresh_from_db()
    assert item.body == "新的正文。"


def test_a_form_with_errors_comes_back_with_everything_typed(staff_client, report, section):
    item = section.items.first()
    data = editor_data(
        report,
        **{
            "report-preamble": "我刚写的导语，一个字都不能丢。",
            f"i{item.pk}-style": Item.Style.HEADING,
            f"i{item.pk}-heading": "",
            f"i{item.pk}-body": "我刚写的正文。",
        },
    )
    response = staff_client.post(edit_url(report), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "需要填写小标题" in content
    assert "我刚写的导语，一个字都不能丢。" in content
    assert "我刚写的正文。" in content
    report.refresh_from_db()
    assert report.preamble == "" and report.version == 1


def test_over_long_text_is_refused_with_a_count(staff_client, report, section):
    item = section.items.first()
    response = staff_client.post(edit_url(report), editor_data(report, **{f"i{item.pk}-body": "字" * 20_001}))
    assert response.status_code == 400
    assert "不能超过20000个字，现在有20001个字" in response.content.decode()


def test_control_characters_are_dropped_and_pasted_html_is_kept_as_text(staff_client, report, section):
    item = section.items.first()
    pasted = '<script>alert("x")</script><img src=x onerror="alert(1)">正文\x00\x0b。'
    staff_client.post(edit_url(report), editor_data(report, **{f"i{item.pk}-body": pasted}))
    item.refresh_from_db()
    assert item.body == '<script>alert("x")</script><img src=x onerror="alert(1)">正文。'

    content = staff_client.get(edit_url(report)).content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert" in content


def test_a_stale_save_from_the_same_users_other_tab_says_so_instead_of_naming_someone_else(
    client, staff, report, section
):
    item = section.items.first()
    stale = editor_data(report)  # two tabs of the same user, both at version 1
    client.force_login(staff)
    client.post(edit_url(report), {**stale, f"i{item.pk}-body": "第一个标签页保存的正文。"})
    response = client.post(edit_url(report), {**stale, f"i{item.pk}-body": "第二个标签页的正文。"})
    assert response.status_code == 409
    content = response.content.decode()
    assert "您在另一个窗口或标签页于" in content and "保存了这份报告，这里的修改没有覆盖它" in content
    assert "较新保存的内容" in content and "对方" not in content
    autosave = client.post(edit_url(report), stale, HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 409 and "您在另一个窗口或标签页于" in autosave.json()["message"]


def test_a_stale_save_is_refused_and_both_texts_are_shown(client, staff, leader, report, section):
    item = section.items.first()
    stale = editor_data(report)  # both open the editor at version 1
    client.force_login(leader)
    client.post(edit_url(report), {**stale, f"i{item.pk}-body": "领导先保存的正文。"})

    client.force_login(staff)
    response = client.post(edit_url(report), {**stale, f"i{item.pk}-body": "填报员后保存的正文。"})

    assert response.status_code == 409
    content = response.content.decode()
    assert "在" in content and "保存了这份报告，这里的修改没有覆盖它" in content
    assert "填报员后保存的正文。" in content  # the user's own text, kept
    assert "领导先保存的正文。" in content  # the newer saved text beside it
    item.refresh_from_db()
    assert item.body == "领导先保存的正文。"

    # Having seen it, the user saves the merged text on the version the page now carries.
    merged = editor_data(report, **{f"i{item.pk}-body": "合并后的正文。"})
    assert client.post(edit_url(report), merged).status_code == 302
    item.refresh_from_db()
    assert item.body == "合并后的正文。"


def test_a_stale_save_shows_no_newer_text_beside_a_field_that_differs_only_in_its_line_ends(
    client, staff, report, section
):
    """A browser sends a textarea's lines with CRLF; the stored text has LF. The same two lines are not
    "较新保存的内容" (a yellow box repeating the field's own text)."""
    item, other = section.items.all()[:2]
    item.body = "第一段。\n第二段。"
    item.save()
    stale = editor_data(report, **{f"i{item.pk}-body": "第一段。\r\n第二段。"})
    client.force_login(staff)
    client.post(edit_url(report), {**editor_data(report), f"i{other.pk}-body": "另一个标签页改的。"})
    response = client.post(edit_url(report), stale)
    assert response.status_code == 409
    content = response.content.decode()
    assert content.count('class="conflict-theirs') == 1  # the other item's body only
    assert f'data-conflict-for="id_i{other.pk}-body"' in content


def test_autosave_answers_in_json(staff_client, report, section):
    data = editor_data(report, **{"report-preamble": "自动保存的导语"})
    response = staff_client.post(edit_url(report), data, headers={"X-Autosave": "1"})
    assert response.status_code == 200
    assert response.json()["status"] == "saved" and response.json()["version"] == 2

    stale = staff_client.post(edit_url(report), data, headers={"X-Autosave": "1"})
    assert stale.status_code == 409 and stale.json()["status"] == "conflict"


def test_adding_an_item_saves_the_typed_text_first(staff_client, report, section):
    data = editor_data(report, **{"report-preamble": "先写的导语", "op": f"add-item:{section.pk}"})
    response = staff_client.post(edit_url(report), data)
    new_item = section.items.last()
    assert response.url.endswith(f"#item-{new_item.pk}")
    assert section.items.count() == 4
    report.refresh_from_db()
    assert report.preamble == "先写的导语"


def test_moving_an_item_renumbers_it(staff_client, report, section):
    third = section.items.last()
    staff_client.post(edit_url(report), editor_data(report, op=f"move-item:{third.pk}:-1"))
    assert [i.heading for i in section.items.all()] == ["第1条。", "第3条。", "第2条。"]
    content = staff_client.get(edit_url(report)).content.decode()
    assert content.index("第3条。") < content.index("第2条。")


def test_a_deleted_item_can_be_restored_in_place(staff_client, report, section):
    middle = section.items.all()[1]
    staff_client.post(edit_url(report), editor_data(report, op=f"delete-item:{middle.pk}"))
    assert [i.heading for i in section.items.all()] == ["第1条。", "第3条。"]
    assert "撤销删除" in staff_client.get(edit_url(report)).content.decode()

    staff_client.post(edit_url(report), editor_data(report, op="undo-delete"))
    assert [i.heading for i in section.items.all()] == ["第1条。", "第2条。", "第3条。"]


def test_a_section_with_items_cannot_be_deleted(staff_client, report, section):
    response = staff_client.post(
        edit_url(report), editor_data(report, op=f"delete-section:{section.pk}"), follow=True
    )
    assert "还有条目" in response.content.decode()
    assert report.sections.count() == 1


def test_sections_can_be_added_and_moved(staff_client, report, section):
    staff_client.post(edit_url(report), editor_data(report, op="add-section"))
    added = report.sections.last()
    staff_client.post(edit_url(report), editor_data(report, op=f"move-section:{added.pk}:-1"))
    assert report.sections.first() == added


def test_an_item_of_another_report_cannot_be_targeted(staff_client, report, section, other_unit):
    foreign = add_section(Report.objects.create(unit=other_unit, year=2025), items=1).items.first()
    response = staff_client.post(edit_url(report), editor_data(report, op=f"delete-item:{foreign.pk}"))
    assert response.status_code == 404
    assert Item.objects.filter(pk=foreign.pk).exists()


def count_queries(client, url, method="get", data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code in (200, 302)
    return len(queries)


def test_the_editor_runs_the_same_number_of_queries_for_5_and_50_items(staff_client, report, unit):
    small = Report.objects.create(unit=unit, year=2024)
    add_section(small, items=5)
    add_section(report, items=50)
    assert count_queries(staff_client, edit_url(small)) == count_queries(staff_client, edit_url(report))
    assert count_queries(staff_client, edit_url(small), "post", editor_data(small)) == count_queries(
        staff_client, edit_url(report), "post", editor_data(report)
    )


@pytest.mark.parametrize(
    "value",
    [
        "no-such-op",
        "add-item",
        "add-item:abc",
        "move-item:{item}",
        "move-item:{item}:5",
        "add-section:{item}",
    ],
)
def test_a_malformed_operation_is_not_found_and_the_typed_text_is_saved(staff_client, report, section, value):
    value = value.format(item=section.items.first().pk)
    data = editor_data(report, **{"report-preamble": "先保存的导语", "op": value})
    assert staff_client.post(edit_url(report), data).status_code == 404
    report.refresh_from_db()
    assert report.preamble == "先保存的导语"
    assert [i.heading for i in section.items.all()] == ["第1条。", "第2条。", "第3条。"]


def test_undo_without_a_deletion_says_so(staff_client, report, section):
    response = staff_client.post(edit_url(report), editor_data(report, op="undo-delete"), follow=True)
    assert "没有可以撤销的删除" in response.content.decode()


def test_the_operation_table_covers_every_button_of_the_editor():
    root = Path(__file__).parent.parent
    # The templates, and the items' buttons written out in Python (reports/templatetags/editor_tags.py).
    sources = [
        *(root / "templates" / "reports").glob("*.html"),
        root / "reports" / "templatetags" / "editor_tags.py",
    ]
    names = {name for path in sources for name in re.findall(r'name="op" value="([a-z-]+)', path.read_text())}
    assert names and names == set(OPERATIONS)


def test_a_report_of_400_items_saves_as_one_form(staff_client, report):
    section = add_section(report, items=400)
    data = editor_data(report, **{"report-preamble": "很长的报告"})
    assert len(data) > 1_000  # Django's default limit
    assert staff_client.post(edit_url(report), data).status_code == 302
    report.refresh_from_db()
    assert report.preamble == "很长的报告" and section.items.count() == 400


def test_an_empty_item_never_locks_the_editor(staff_client, report, section):
    """Issue 15 #1: an added item left empty used to make every save, autosave and button fail."""
    staff_client.post(edit_url(report), editor_data(report, op=f"add-item:{section.pk}"))
    empty = section.items.last()
    assert empty.is_empty
    data = editor_data(report, **{"report-preamble": "照常保存"})
    assert staff_client.post(edit_url(report), data).status_code == 302
    autosave = staff_client.post(edit_url(report), editor_data(report), HTTP_X_AUTOSAVE="1")
    assert autosave.json()["status"] == "saved"
    page = staff_client.get(edit_url(report)).content.decode()
    assert "（空条目）" in page and "不会打印，也不占序号" in page
    staff_client.post(edit_url(report), editor_data(report, op=f"delete-item:{empty.pk}"))
    assert not Item.objects.filter(pk=empty.pk).exists()


def test_an_item_that_cannot_be_saved_as_it_is_can_still_be_deleted(staff_client, report, section):
    broken = section.items.first()
    data = editor_data(report, op=f"delete-item:{broken.pk}")
    data[f"i{broken.pk}-style"] = Item.Style.HEADING
    data[f"i{broken.pk}-heading"] = ""  # a heading-line item needs a heading
    assert staff_client.post(edit_url(report), data).status_code == 302
    assert not Item.objects.filter(pk=broken.pk).exists()
    assert [i.heading for i in section.items.all()] == ["第2条。", "第3条。"]


def test_an_empty_item_is_not_printed_and_takes_no_number(staff_client, report, section):
    Item.objects.filter(pk=section.items.first().pk).update(heading="", body="  ")
    preview = staff_client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    text = re.sub(r"<[^>]+>", "", preview)
    assert "（一）第2条。" in text and "（二）第3条。" in text and "（三）" not in text


def test_a_typed_yi_shi_is_printed_once(staff_client, report, section):
    """Issue 15 #7: "一是一是" was printed when an item in the "一是、二是" style began with "一是"."""
    first, second, third = section.items.all()
    Item.objects.filter(pk__in=[first.pk, second.pk, third.pk]).update(
        style=Item.Style.ENUMERATED, heading=""
    )
    Item.objects.filter(pk=first.pk).update(body="一是加强组织领导。")
    Item.objects.filter(pk=second.pk).update(body="二是，完善制度。")
    Item.objects.filter(pk=third.pk).update(body="健全机制。")
    text = re.sub(
        r"<[^>]+>", "", staff_client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    )
    assert "一是加强组织领导。" in text and "二是完善制度。" in text and "三是健全机制。" in text
    assert "一是一是" not in text and "二是二是" not in text
    docx = Document(io.BytesIO(staff_client.get(reverse("reports:docx", args=[report.pk])).content))
    paragraphs = [p.text for p in docx.paragraphs]
    assert "一是加强组织领导。" in paragraphs and not any("一是一是" in p for p in paragraphs)
    editor = staff_client.get(edit_url(report)).content.decode()
    assert editor.count("typed-label-note") == 2


def test_a_page_shown_back_unsaved_says_so_in_its_save_state(staff_client, report, section):
    """Issue 15 #8: after a failed save the alert said 尚未保存 while the status line said 已保存."""
    response = staff_client.post(edit_url(report), editor_data(report, **{"report-title": ""}))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'data-state="dirty">有未保存的修改' in content and 'data-state="saved"' not in content
    assert 'data-state="saved">已保存' in staff_client.get(edit_url(report)).content.decode()


def test_undo_is_offered_until_the_next_save_not_for_minutes(staff_client, report, section):
    """Issue 15 #8: the 撤销删除 banner stayed across later saves."""
    staff_client.post(edit_url(report), editor_data(report, op=f"delete-item:{section.items.first().pk}"))
    assert "撤销删除" in staff_client.get(edit_url(report)).content.decode()
    staff_client.post(edit_url(report), editor_data(report, **{"report-preamble": "又保存了一次"}))
    assert "撤销删除" not in staff_client.get(edit_url(report)).content.decode()
