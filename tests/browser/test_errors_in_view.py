"""A form shown back with errors puts the first field to correct in view and in focus: on a long report
the red hint ("见下方红色提示") may be forty items down the page."""

import re

from playwright.sync_api import expect

from indicators.models import Indicator
from tests.browser.test_writing_a_report import log_in
from tests.editor_helpers import add_section


def test_the_first_field_to_correct_is_in_view_and_focused_after_a_refused_save(page, staff, report):
    section = add_section(report, items=30)
    last = section.items.last()
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/edit/")
    page.locator(f"#id_i{last.pk}-body").fill("字" * 20_001)
    page.locator("#id_report-preamble").focus()
    page.get_by_role("button", name="保存", exact=True).last.click()
    expect(page.locator("#save-state")).to_have_text("有未保存的修改")
    field = page.locator(f"#id_i{last.pk}-body")
    expect(field).to_have_class("textarea form-control is-invalid")
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()


def test_the_sheets_first_refused_value_is_focused(page, staff, report, district):
    indicators = [
        Indicator.objects.create(district=district, code=f"i{n}", name=f"指标{n}", unit="次", first_year=2020)
        for n in range(40)
    ]
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/indicators/")
    field = page.locator(f"#id_v{indicators[-1].pk}-value")
    field.fill("十二次")
    page.get_by_role("button", name="保存").first.click()
    expect(field).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
