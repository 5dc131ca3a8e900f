"""Large reports (issue 15 #11): a report of 1,000 items edits, autosaves, takes its buttons in place and
previews; a 10,000-item import is shown collapsed, confirmed with a small form, and its draft saves in the
editor; a post past the bound on fields gets the Chinese 400 page."""

from urllib.parse import urlencode

import pytest

from reports.models import Item, Report
from reports.rendering.numbering import heading_label
from reports.views.importing import ITEMS_SHOWN
from tests.editor_helpers import add_section, editor_data
from tests.test_editor_view import edit_url

FORM = "application/x-www-form-urlencoded"  # as the browser posts the form, and editor.js and autosave.js


def big_text(items, sections=20):
    """A report of ``items`` items in ``sections`` sections, numbered "1." … in each, one short line each."""
    lines = ["关于2024年度法治政府建设情况的报告", "区委、区政府：", "现将有关情况报告如下："]
    per = items // sections
    for s in range(sections):
        lines.append(f"{heading_label(1, s + 1)}第{s + 1}部分工作")
        lines += [f"{n + 1}. 第{n + 1}项工作。" for n in range(per)]
    return "\n".join(lines)


def post(client, report, data, **headers):
    return client.post(edit_url(report), urlencode(data), content_type=FORM, headers=headers)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def thousand(report):
    sections = [add_section(report, heading=f"第{n + 1}部分", items=250) for n in range(4)]
    return report, sections


def test_a_report_of_1000_items_saves_autosaves_and_previews(staff_client, thousand):
    report, sections = thousand
    last = sections[-1].items.last()
    data = editor_data(report, **{f"i{last.pk}-body": "最后一条，改过了。"})
    assert len(data) > 4_000  # four fields an item (an unticked 接上一段 is not sent)
    assert post(staff_client, report, data).status_code == 302  # 保存
    last.refresh_from_db()
    assert last.body == "最后一条，改过了。"

    data = editor_data(report, **{"report-preamble": "自动保存的导语"})
    autosave = post(staff_client, report, data, **{"X-Autosave": "1"})
    assert autosave.status_code == 200 and autosave.json()["status"] == "saved"

    pressed = post(
        staff_client, report, editor_data(report, op=f"add-item:{sections[0].pk}"), **{"X-In-Place": "1"}
    )
    assert pressed.status_code == 200 and set(pressed.json()["sections"]) == {str(sections[0].pk)}

    preview = staff_client.get(f"/reports/{report.pk}/preview/")
    assert preview.status_code == 200
    assert "最后一条，改过了。" in preview.content.decode() and "自动保存的导语" in preview.content.decode()
    assert Item.objects.filter(section__report=report).count() == 1_001


def test_an_editor_post_past_the_bound_gets_the_chinese_400_page(staff_client, report):
    add_section(report, items=1)
    data = [*editor_data(report).items(), *(("x", "") for _ in range(60_000))]
    response = staff_client.post(edit_url(report), urlencode(data), content_type=FORM)
    assert response.status_code == 400
    assert "这个请求无法处理" in response.content.decode()


def test_an_import_of_10000_items_is_shown_collapsed_and_confirmed(staff_client, unit):
    started = staff_client.post("/reports/import/", {"unit": unit.pk, "year": 2024, "text": big_text(10_000)})
    url = started.url
    page = staff_client.get(url)
    content = page.content.decode()
    form = page.context["form"]
    assert len(form.fields) <= 20 * ITEMS_SHOWN + 20 + 5  # the items listed, the sections' kinds
    assert content.count('class="import-item"') == 20 * ITEMS_SHOWN
    assert "还有480条未列出，按识别结果导入" in content and "500条" in content

    data = {name: form[name].value() for name in form.fields}
    first_kind = next(name for name in form.fields if name.startswith("item-"))
    data[first_kind] = "heading:2"  # a kind corrected on the page still counts
    confirmed = staff_client.post(url, {k: v for k, v in data.items() if v not in (False, None)})
    assert confirmed.status_code == 302
    report = Report.objects.get(unit=unit, year=2024)
    items = Item.objects.filter(section__report=report)
    assert items.count() == 10_000
    assert items.filter(style=Item.Style.HEADING).count() == 1

    # Its draft saves in the editor too: 40,000 fields, under the bound.
    autosave = post(staff_client, report, editor_data(report), **{"X-Autosave": "1"})
    assert autosave.status_code == 200 and autosave.json()["status"] == "saved"
