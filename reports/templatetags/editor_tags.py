"""The editor's items written out in Python: ``{% load editor_tags %}{{ row.items|editor_items:theirs }}``
in reports/_editor_section.html.

Each item is a box of five fields, three buttons and its notes; through the template engine that was a
thousand Python calls an item beside what its fields cost (issue 13). ``items_html`` writes what the
template's loop over a section's items wrote, character for character (tests/test_editor_items.py renders
both and compares): ``{{ }}`` is ``printed``, the fields go through the same filters, a comment through
its own template.
"""

from django import template
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import SafeString

from reports.common.widgets import printed
from reports.templatetags.report_tags import editor_field, label_markup, widget_markup

register = template.Library()

COMMENT = "reports/_editor_comment.html"
# The punctuation a typed "一是，" may end with, left out where the note quotes it.
TYPED_LABEL_PUNCTUATION = ("，", "、", "：", ":")


@register.filter(name="editor_items")
def items_html(entries, theirs):
    """A section's items (``EditorForms.row``'s ``items``) as the template's loop printed them."""
    last = len(entries) - 1
    return SafeString("".join(_item(entry, n == 0, n == last, theirs) for n, entry in enumerate(entries)))


def _item(entry, first, last, theirs):
    item, form = entry["item"], entry["form"]
    pk = printed(item.pk)
    style, level, joins = form["style"], form["level"], form["joins_previous"]
    label = "（空条目）" if item.is_empty else printed(entry["label"] or "（无序号）")
    comments = "".join(get_template(COMMENT).render({"comment": comment}) for comment in entry["comments"])
    errors = "".join(
        f'<div class="text-danger small">{printed(error)}</div>' for error in form.non_field_errors()
    )
    return f"""
    <div class="editor-item border rounded p-3 mb-3" id="item-{pk}">
      <div class="d-flex flex-wrap align-items-center gap-2 mb-2">
        <span class="item-label badge text-bg-light border fs-6" title="序号按顺序自动生成">{label}</span>
        <div class="item-options d-flex flex-wrap gap-2 align-items-center">
          {label_markup(style)} {widget_markup(style)}
          {label_markup(level)} {widget_markup(level)}
          <div class="form-check mb-0">{widget_markup(joins)} <label class="form-check-label" for="{printed(joins.auto_id)}">{printed(joins.label)}</label></div>
        </div>
        <div class="btn-group btn-group-sm ms-auto" role="group" aria-label="调整条目">
          <button type="submit" name="op" value="move-item:{pk}:-1" class="btn btn-outline-secondary" title="上移"{" disabled" if first else ""}>上移</button>
          <button type="submit" name="op" value="move-item:{pk}:1" class="btn btn-outline-secondary" title="下移"{" disabled" if last else ""}>下移</button>
          <button type="submit" name="op" value="delete-item:{pk}" class="btn btn-outline-danger" data-confirm="确定删除这一条吗？删除后可以撤销。">删除</button>
        </div>
      </div>
      {comments}
      {errors}
      {_typed_label_note(item)}
      {_source_note(item)}
      {_empty_note(item)}
      {editor_field(form["heading"], theirs)}
      {editor_field(form["body"], theirs)}
    </div>
    """


def _typed_label_note(item):
    typed = item.typed_label
    if not typed:
        return ""
    for mark in TYPED_LABEL_PUNCTUATION:
        typed = typed.replace(mark, "")
    return (
        f'<div class="text-info-emphasis small mb-1 typed-label-note">开头写了“{printed(typed)}”：'
        "“一是、二是”按顺序自动编号，打印时不会重复。</div>"
    )


def _source_note(item):
    source = item.source
    if not source:
        return ""
    report = source.section.report
    url = reverse("reports:detail", args=[source.section.report_id])
    changed = (
        ' <span class="badge text-bg-warning source-changed">原文在摘录后已修改</span>'
        if item.source_changed
        else ""
    )
    return (
        f'<div class="small mb-1 item-source">摘自：<a href="{printed(url)}#item-{printed(item.source_id)}">'
        f"{printed(report.unit.short_name)}{printed(report.year)}年度报告</a>{changed}</div>"
    )


def _empty_note(item):
    if not item.is_empty:
        return ""
    return (
        '<div class="text-warning-emphasis small mb-1 empty-item-note">'
        "这一条还是空的，不会打印，也不占序号；请填写，不需要可以删除。</div>"
    )
