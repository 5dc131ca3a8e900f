"""The form renderer writes out Django's widget templates in Python (reports/common/widgets.py): every
widget the app uses, and the awkward values, come out exactly as Django's templates write them."""

import datetime
from decimal import Decimal

import lxml.html
import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from indicators.forms import IndicatorValueForm
from indicators.models import Indicator
from reports.common.widgets import WRITTEN_OUT, WidgetRenderer
from reports.forms import ItemForm, ReportHeaderForm, SectionForm
from reports.models import Item, Report, Section
from reports.templatetags.report_tags import CRISPY_ONLY, form_field

TRICKY = "<b>\"引号\" & '撇号'</b>\n第二行"


class Everything(forms.Form):
    text = forms.CharField(widget=forms.TextInput(attrs={"placeholder": TRICKY, "data-x": True}))
    area = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "hidden": False}))
    number = forms.DecimalField()
    integer = forms.IntegerField(widget=forms.NumberInput(attrs={"step": 1}))
    email = forms.EmailField()
    url = forms.URLField(assume_scheme="https")
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput(attrs={"data-version": ""}))
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    datetime = forms.DateTimeField()
    time = forms.TimeField()
    check = forms.BooleanField(required=False)
    choice = forms.ChoiceField(choices=[("a", TRICKY), (1, "一"), ("", "——")])
    grouped = forms.ChoiceField(choices=[("组一", [("x", "X"), ("y", "Y")]), ("z", "Z")])
    several = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")])
    typed = forms.TypedChoiceField(choices=Item.Level.choices, coerce=int)


VALUES = [
    {},
    {
        "text": TRICKY, "area": TRICKY, "number": "1,705.5", "integer": "12", "email": "a@b.cn",
        "url": "http://x/?a=1&b=2", "password": "p<w>", "hidden": "7", "date": "2025-02-20",
        "datetime": "2025-02-20 10:00", "time": "10:00", "check": "on", "choice": "a", "grouped": "y",
        "several": ["a", "b"], "typed": "3",
    },
    {"area": "", "choice": "1", "check": "", "grouped": "z", "typed": "2"},
]  # fmt: skip


def both_ways(render):
    """``render(renderer)`` with Django's own renderer and with ours."""
    return render(DjangoTemplates()), render(WidgetRenderer())


class Labelled(forms.Form):
    required_css_class = "required"
    plain = forms.CharField(label=TRICKY, required=False)
    needed = forms.CharField(label="必填")


@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_labels_come_out_as_djangos_template_writes_them(auto_id):
    for name in Labelled.base_fields:
        for kwargs in (
            {},
            {"attrs": {"class": "x", "data-on": True}},
            {"label_suffix": "："},
            {"tag": "legend"},
        ):
            theirs, ours = both_ways(
                lambda renderer, name=name, kwargs=kwargs: Labelled(auto_id=auto_id, renderer=renderer)[
                    name
                ].label_tag(**kwargs)
            )
            assert ours == theirs


@pytest.mark.parametrize("data", VALUES)
@pytest.mark.parametrize("bound", [True, False])
def test_every_kind_of_widget_comes_out_as_djangos_templates_write_it(data, bound):
    initial = {
        "date": datetime.date(2025, 3, 1), "number": Decimal("3.50"), "check": True, "several": ["b"],
        "text": mark_safe("<i>safe</i>"), "typed": 4,
    }  # fmt: skip
    for name in Everything.base_fields:
        theirs, ours = both_ways(
            lambda renderer, name=name: str(
                Everything(data if bound else None, initial=initial, renderer=renderer)[name]
            )
        )
        assert ours == theirs, name


def test_the_apps_forms_come_out_the_same(db, report):
    section = Section.objects.create(report=report, position=0, heading=TRICKY, kind=Section.Kind.MEASURES)
    item = Item.objects.create(section=section, position=0, heading=TRICKY, body=TRICKY, joins_previous=True)
    for make in (
        lambda r: ReportHeaderForm(instance=report, prefix="report", renderer=r),
        lambda r: SectionForm(instance=section, prefix=f"s{section.pk}", renderer=r),
        lambda r: ItemForm(instance=item, prefix=f"i{item.pk}", renderer=r),
        lambda r: ItemForm({f"i{item.pk}-style": "plain"}, instance=item, prefix=f"i{item.pk}", renderer=r),
    ):
        theirs, ours = both_ways(lambda renderer, make=make: [str(field) for field in make(renderer)])
        assert ours == theirs


class Others(forms.Form):
    upload = forms.FileField()
    radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)


def test_other_templates_are_left_to_the_engine_and_whole_forms_come_out_the_same():
    assert "django/forms/widgets/clearable_file_input.html" not in WRITTEN_OUT
    theirs, ours = both_ways(lambda renderer: str(Others(renderer=renderer)))
    assert ours == theirs
    theirs, ours = both_ways(lambda renderer: str(Everything(VALUES[1], renderer=renderer)))
    assert ours == theirs


def test_the_indicator_sheets_forms_come_out_the_same(db, district):
    indicator = Indicator.objects.create(
        district=district,
        code="c",
        name=TRICKY,
        unit="件",
        category="disputes",
        kind="count",
        first_year=2020,
    )
    for data in (None, {"v1-value": "1,705", "v1-qualifier": "more_than", "v1-note": TRICKY}):
        theirs, ours = both_ways(
            lambda renderer, data=data: str(
                IndicatorValueForm(data, indicator=indicator, prefix="v1", renderer=renderer)
            )
        )
        assert ours == theirs


def test_the_settings_use_it():
    assert settings.FORM_RENDERER == "reports.common.widgets.WidgetRenderer"


@pytest.fixture
def report(db, unit):
    return Report.objects.create(unit=unit, year=2025, preamble=TRICKY, document_number="〔2025〕1号")


def tree(html):
    """An element tree as nested (tag, attributes, text, children), whitespace around text ignored."""

    def walk(element):
        attributes = dict(sorted(element.attrib.items()))
        return (element.tag, attributes, (element.text or "").strip(), [walk(child) for child in element])

    return [
        walk(element)
        for element in lxml.html.fragments_fromstring(html.strip())
        if not isinstance(element, str)
    ]


@pytest.mark.parametrize("bound", [False, True])
def test_form_field_writes_what_crispy_writes(db, report, bound):
    section = Section.objects.create(report=report, position=0, heading=TRICKY, kind=Section.Kind.MEASURES)
    item = Item.objects.create(section=section, position=0, heading=TRICKY, body=TRICKY)
    long_body = {f"i{item.pk}-body": "字" * (Item.BODY_MAX + 1), f"i{item.pk}-style": "heading"}
    forms_ = [
        lambda: ReportHeaderForm({"report-title": "", "report-signing_date": "不是日期"} if bound else None,
                                 instance=report, prefix="report"),
        lambda: SectionForm({f"s{section.pk}-kind": "nonsense"} if bound else None, instance=section,
                            prefix=f"s{section.pk}"),
        lambda: ItemForm(long_body if bound else None, instance=item, prefix=f"i{item.pk}"),
        lambda: Everything(VALUES[1] if bound else None),
    ]  # fmt: skip
    for make in forms_:
        crispy, ours = make(), make()
        crispy.is_valid() if bound else None
        ours.is_valid() if bound else None
        for name in crispy.fields:
            expected = str(as_crispy_field(crispy[name]))
            written = str(form_field(ours[name]))
            assert tree(written) == tree(expected), name
            if ours[name].is_hidden or isinstance(ours[name].field.widget, CRISPY_ONLY):
                continue
            assert written.startswith("<div"), (
                name
            )  # written out, not crispy's (which starts with blank lines)
            if bound and crispy[name].errors:
                assert "invalid-feedback" in written and "is-invalid" in written
