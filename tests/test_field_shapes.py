"""An unbound field's markup from its shape (reports/common/field_shapes.py) is the markup rendered the
usual way, for every value the editor's item and section fields take."""

import itertools

import pytest
from django import forms
from django.db import connection
from django.template import engines

from reports.common import field_shapes
from reports.forms import ItemForm, ReportHeaderForm, SectionForm
from reports.models import Item, Report, Section
from reports.templatetags.report_tags import (
    crispy_field,
    editor_field,
    form_field,
    label_markup,
    widget_markup,
)

TRICKY = "<b>\"引号\" & '撇号'</b>\n第二行 \x00prefix\x00 \x00value\x00"
WAYS = [  # the filter, and what it stands for
    (form_field, crispy_field),
    (widget_markup, str),
    (label_markup, forms.BoundField.label_tag),
]


def items():
    """Unsaved items with every style, level and state of the checkbox, and texts empty or awkward."""
    combinations = itertools.product(Item.Style.values, Item.Level.values, [False, True], ["", TRICKY])
    for n, (style, level, joins, text) in enumerate(combinations):
        yield Item(pk=n + 1, style=style, level=level, joins_previous=joins, heading=text, body=text[::-1])


@pytest.fixture(autouse=True)
def _no_shapes_kept():
    field_shapes._shapes.clear()
    yield
    field_shapes._shapes.clear()


def test_every_item_field_from_its_shape_is_the_field_rendered(db):
    shaped = 0
    for item in items():
        for name in ItemForm.base_fields:
            for filter_, render in WAYS:
                expected = str(render(ItemForm(instance=item, prefix=f"i{item.pk}")[name]))
                assert str(filter_(ItemForm(instance=item, prefix=f"i{item.pk}")[name])) == expected
                shaped += 1
    assert len(field_shapes._shapes) < shaped / 4  # the shapes are shared: each rendered once


def test_every_section_field_from_its_shape_is_the_field_rendered(db):
    for n, (kind, heading) in enumerate(itertools.product(Section.Kind.values, ["", TRICKY, "主要举措"])):
        section = Section(pk=n + 1, kind=kind, heading=heading)
        for name in SectionForm.base_fields:
            for filter_, render in WAYS:
                expected = str(render(SectionForm(instance=section, prefix=f"s{n + 1}")[name]))
                assert str(filter_(SectionForm(instance=section, prefix=f"s{n + 1}")[name])) == expected


def test_every_header_field_from_its_shape_is_the_field_rendered(report):
    # PostgreSQL stores no NUL (and no form lets one in): there the text holds the markers' other parts
    tricky = TRICKY.replace("\x00", "") if connection.vendor == "postgresql" else TRICKY
    texts = ["", tricky, "关于2024年度法治政府建设情况的报告"]
    for title, addressee, organs in itertools.product(texts, texts, texts):
        Report.objects.filter(pk=report.pk).update(title=title, addressee=addressee, preamble=organs[::-1])
        report.refresh_from_db()
        report.organs.all().delete()
        for position, name in enumerate(filter(None, organs.split("\n"))):
            report.organs.create(role="issuing", position=position, name=name)
        for name in ReportHeaderForm.base_fields:
            for filter_, render in WAYS:
                expected = str(render(ReportHeaderForm(instance=report, prefix="report")[name]))
                assert str(filter_(ReportHeaderForm(instance=report, prefix="report")[name])) == expected, (
                    name
                )


def test_a_posted_form_is_rendered_as_usual(db):
    item = Item(pk=5, heading="a", body="b")
    posted = ItemForm({"i5-heading": "<x>", "i5-body": ""}, instance=item, prefix="i5")
    posted.is_valid()
    assert str(form_field(posted["heading"])) == str(crispy_field(posted["heading"]))
    assert str(form_field(posted["body"])) == str(crispy_field(posted["body"]))  # with its error
    assert field_shapes._shapes == {}


# reports/_field.html, which the editor included for each field before issue 13's second round, verbatim.
FIELD_INCLUDE = """{% load report_tags %}{{ field|form_field }}
{% with saved=theirs|lookup:field.html_name %}{% if field.html_name in theirs %}
<div class="conflict-theirs small" data-conflict-for="{{ field.auto_id }}">
  <div class="fw-bold">较新保存的内容：</div>
  <div class="conflict-text">{{ saved|default:"（空）"|linebreaksbr }}</div>
</div>
{% endif %}{% endwith %}
"""


@pytest.mark.parametrize(
    "theirs", [{}, {"i3-body": TRICKY}, {"i3-body": ""}, {"i3-heading": "他们的\r\n标题"}, None]
)
def test_the_editor_field_filter_prints_what_the_include_printed(db, theirs):
    include = engines["django"].from_string(FIELD_INCLUDE)
    item = Item(pk=3, heading="标题", body=TRICKY)
    for name in ("heading", "body"):
        field = ItemForm(instance=item, prefix="i3")[name]
        expected = include.render({"field": field, "theirs": theirs})
        assert editor_field(field, theirs) == expected


def test_what_one_form_sets_for_itself_is_part_of_the_shape(db):
    item = Item(pk=4, heading="标题", body="正文")

    def other():
        form = ItemForm(instance=item, prefix="i4", auto_id="f_%s", label_suffix="?")
        form.fields["body"].required = True
        return form

    for name in ("heading", "body"):
        str(form_field(ItemForm(instance=item, prefix="i4")[name]))  # the usual shapes, kept
        str(label_markup(ItemForm(instance=item, prefix="i4")[name]))
        assert str(form_field(other()[name])) == str(crispy_field(other()[name]))
        assert str(label_markup(other()[name])) == str(other()[name].label_tag())
