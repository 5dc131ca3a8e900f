"""The editor's items written out in Python (reports/templatetags/editor_tags.py) against the template loop
they replace: every note an item can carry, first and last, posted forms with errors, a conflict's texts."""

import pytest
from django.template import engines

from reports.models import Item, Report, ReviewComment
from reports.views.editor import EditorForms, _open_comments
from tests.editor_helpers import add_section

# reports/_editor_section.html's loop over a section's items before issue 13's second round, verbatim.
TEMPLATE_LOOP = """{% load report_tags %}    {% for entry in row.items %}
    <div class="editor-item border rounded p-3 mb-3" id="item-{{ entry.item.pk }}">
      <div class="d-flex flex-wrap align-items-center gap-2 mb-2">
        <span class="item-label badge text-bg-light border fs-6" title="序号按顺序自动生成">{% if entry.item.is_empty %}（空条目）{% else %}{{ entry.label|default:"（无序号）" }}{% endif %}</span>
        <div class="item-options d-flex flex-wrap gap-2 align-items-center">
          {{ entry.form.style|label_tag }} {{ entry.form.style|widget }}
          {{ entry.form.level|label_tag }} {{ entry.form.level|widget }}
          <div class="form-check mb-0">{{ entry.form.joins_previous|widget }} <label class="form-check-label" for="{{ entry.form.joins_previous.auto_id }}">{{ entry.form.joins_previous.label }}</label></div>
        </div>
        <div class="btn-group btn-group-sm ms-auto" role="group" aria-label="调整条目">
          <button type="submit" name="op" value="move-item:{{ entry.item.pk }}:-1" class="btn btn-outline-secondary" title="上移"{% if forloop.first %} disabled{% endif %}>上移</button>
          <button type="submit" name="op" value="move-item:{{ entry.item.pk }}:1" class="btn btn-outline-secondary" title="下移"{% if forloop.last %} disabled{% endif %}>下移</button>
          <button type="submit" name="op" value="delete-item:{{ entry.item.pk }}" class="btn btn-outline-danger" data-confirm="确定删除这一条吗？删除后可以撤销。">删除</button>
        </div>
      </div>
      {% for comment in entry.comments %}{% include "reports/_editor_comment.html" %}{% endfor %}
      {% for error in entry.form.non_field_errors %}<div class="text-danger small">{{ error }}</div>{% endfor %}
      {% if entry.item.typed_label %}<div class="text-info-emphasis small mb-1 typed-label-note">开头写了“{{ entry.item.typed_label|cut:"，"|cut:"、"|cut:"："|cut:":" }}”：“一是、二是”按顺序自动编号，打印时不会重复。</div>{% endif %}
      {% if entry.item.source %}<div class="small mb-1 item-source">摘自：<a href="{% url 'reports:detail' entry.item.source.section.report_id %}#item-{{ entry.item.source_id }}">{{ entry.item.source.section.report.unit.short_name }}{{ entry.item.source.section.report.year }}年度报告</a>{% if entry.item.source_changed %} <span class="badge text-bg-warning source-changed">原文在摘录后已修改</span>{% endif %}</div>{% endif %}
      {% if entry.item.is_empty %}<div class="text-warning-emphasis small mb-1 empty-item-note">这一条还是空的，不会打印，也不占序号；请填写，不需要可以删除。</div>{% endif %}
      {{ entry.form.heading|editor_field:theirs }}
      {{ entry.form.body|editor_field:theirs }}
    </div>
    {% empty %}
    <p class="text-muted small">这一部分还没有条目。</p>
    {% endfor %}
"""
WRITTEN_OUT = """{% load editor_tags %}    {% if row.items %}{{ row.items|editor_items:theirs }}{% else %}
    <p class="text-muted small">这一部分还没有条目。</p>
    {% endif %}
"""


@pytest.fixture
def sections(report, unit, other_unit, leader):
    """A section of every kind of item, one with a single item, one without, an item with comments."""
    source_report = Report.objects.create(unit=other_unit, year=2025, version=3)
    source = add_section(source_report, items=2)
    sources = list(source.items.all())
    many = add_section(report, heading="<主要>举措", items=0)
    Item.objects.bulk_create(
        [
            Item(section=many, position=0, style=Item.Style.HEADING, heading="标题<b>&", body=""),
            Item(
                section=many, position=1, style=Item.Style.ENUMERATED, heading="", body="一是，干部\n学法。"
            ),
            Item(section=many, position=2, style=Item.Style.ENUMERATED, heading="二是：制度", level=3),
            Item(section=many, position=3, heading="", body="", joins_previous=True),  # empty
            Item(section=many, position=4, heading="摘录", body="x", source=sources[0], source_version=3),
            Item(section=many, position=5, heading="旧摘录", body='"y"', source=sources[1], source_version=1),
            Item(section=many, position=6, style=Item.Style.PLAIN, level=4, body="无序号的段落"),
        ]
    )
    commented = many.items.get(position=1)
    for body in ("请核实<数字>。\n第二行", "还有一处"):
        ReviewComment.objects.create(report=report, item=commented, author=leader, body=body)
    add_section(report, heading="一条", items=1)
    add_section(report, heading="没有条目", items=0)
    return list(report.sections_with_items())


def rows(report, forms):
    comments = _open_comments(report)
    return forms.outline(comments)


def both_ways(row, theirs):
    context = {"row": row, "theirs": theirs}
    template, written = (
        engines["django"].from_string(t).render(context) for t in (TEMPLATE_LOOP, WRITTEN_OUT)
    )
    return template, written


def test_items_written_out_are_the_template_loop(report, sections):
    outline = rows(report, EditorForms(report, sections))
    assert [len(row["items"]) for row in outline] == [7, 1, 0]
    for row in outline:
        template, written = both_ways(row, {})
        assert written == template
    page = both_ways(outline[0], {})[1]
    for note in (
        "typed-label-note",
        "item-source",
        "source-changed",
        "empty-item-note",
        "请核实&lt;数字&gt;。<br>",
    ):
        assert note in page


def test_posted_items_with_errors_and_a_conflict_are_the_template_loop(report, sections):
    items = [item for section in sections for item in section.items.all()]
    data = {"report-version": "1"}
    for item in items:
        prefix = f"i{item.pk}-"
        data |= {
            prefix + "style": item.style,
            prefix + "level": str(item.level),
            prefix + "heading": item.heading,
        }
        data[prefix + "body"] = item.body
    data[f"i{items[0].pk}-level"] = "9"  # not a level
    data[f"i{items[1].pk}-heading"] = "改过<的>"
    forms = EditorForms(report, sections, data=data)
    forms.is_valid()
    forms.item_forms[items[2].pk].add_error(None, "这一条<与上一条>重复。")
    theirs = {f"i{items[1].pk}-heading": "对方的\n标题", f"i{items[4].pk}-body": ""}
    for row in rows(report, forms):
        template, written = both_ways(row, theirs)
        assert written == template
    page = both_ways(rows(report, forms)[0], theirs)[1]
    assert "这一条&lt;与上一条&gt;重复。" in page and "conflict-theirs" in page and "aria-invalid" in page
