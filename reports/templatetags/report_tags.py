from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from reports.common.field_shapes import shaped
from reports.common.people import name_of
from reports.common.widgets import printed
from reports.models import Membership
from reports.permissions import roles_on

register = template.Library()


@register.filter
def person(user):
    """``{{ comment.author|person }}``: the full name, else the user name, else "系统" (no user)."""
    return name_of(user)


@register.simple_tag(takes_context=True)
def reviews(context, report):
    """``{% reviews report as reviewer %}``: whether the user reviews ``report`` (its leader, the district
    office), so that pages offer "与我上次审核的版本对比" only to those who review."""
    roles = roles_on(context["request"].user, report)
    return bool(roles & {Membership.Role.LEADER, Membership.Role.DISTRICT_OFFICE})


@register.filter
def lookup(mapping, key):
    """``{{ mapping|lookup:key }}``: a dict entry by a variable key ("" when absent)."""
    if not mapping:
        return ""
    return mapping.get(key, "")


@register.filter
def day(moment):
    """``{{ moment|day }}``: the local date as "2025-02-20" ("" for None), as ``|date:"Y-m-d"`` prints it
    in a quarter of the time: the dashboard of 1,000 units prints ~1,700 dates, 5% of the page's time."""
    if moment is None:
        return ""
    return timezone.localdate(moment).isoformat()


# Stands in for the id while a row's URL is reversed; no table in this app gets near it.
ID_MARKER = 2_147_483_647


@register.simple_tag(takes_context=True)
def row_url(context, name, object_id, *args):
    """``{% row_url 'reports:act' row.report.pk step.action %}``: what ``{% url %}`` gives, for a link that
    every row of a long table has. reverse() takes ~20 µs: the dashboard of 1,000 units has 4,500 links,
    a quarter of its time. Each (name, other arguments) is reversed once per page with ``ID_MARKER``
    for the id, and the row's id is put in its place. Only for URLs whose first argument is an id."""
    patterns = context.render_context.setdefault("row_url_patterns", {})
    key = (name, *args)
    if key not in patterns:
        patterns[key] = reverse(name, args=[ID_MARKER, *args])
    return patterns[key].replace(str(ID_MARKER), str(int(object_id)), 1)


# Widgets crispy lays out in ways of their own: those fields go through crispy itself.
CRISPY_ONLY = (
    forms.CheckboxInput,
    forms.RadioSelect,
    forms.CheckboxSelectMultiple,
    forms.FileInput,
    forms.MultiWidget,
)


@register.filter
def form_field(field):
    """``{{ field|form_field }}``: ``crispy_field``'s markup (below), through the field's shape when its form
    allows it (reports/common/field_shapes.py)."""
    return shaped(field, "form_field", crispy_field)


@register.filter
def editor_field(field, theirs):
    """``{{ field|editor_field:theirs }}``: the editor's field (``form_field``) and, when ``theirs`` (a
    conflict's newer saved texts by field name) has one for it, that text beside it to merge; what the
    include of reports/_field.html printed, without an include per field (41 on the demo report)."""
    conflict = ""
    if theirs and field.html_name in theirs:
        saved = linebreaksbr(theirs.get(field.html_name) or "（空）")
        conflict = (
            f'\n<div class="conflict-theirs small" data-conflict-for="{printed(field.auto_id)}">\n'
            '  <div class="fw-bold">较新保存的内容：</div>\n'
            f'  <div class="conflict-text">{saved}</div>\n</div>\n'
        )
    return SafeString(f"{form_field(field)}\n{conflict}\n")


@register.filter(name="widget")
def widget_markup(field):
    """``{{ field|widget }}``: what ``{{ field }}`` prints, through its shape when its form allows it."""
    return shaped(field, "widget", str)


@register.filter(name="label_tag")
def label_markup(field):
    """``{{ field|label_tag }}``: what ``{{ field.label_tag }}`` prints, through its shape likewise."""
    return shaped(field, "label_tag", forms.BoundField.label_tag)


def crispy_field(field):
    """The markup of crispy's ``as_crispy_field`` (Bootstrap 5) for a text,
    text area, select or date field, written out: wrapper, label with the required mark, the widget with
    crispy's classes (``form-control``/``form-select``, ``is-invalid``), errors, help text. Crispy renders
    a field through six nested templates, a sixth of the editor page's time with its two fields an item
    (issue 13); tests/test_widgets.py compares the two. Any other field goes through crispy."""
    widget = field.field.widget
    if (
        field.is_hidden
        or isinstance(widget, CRISPY_ONLY)
        or hasattr(widget, "widget")
        or field.use_fieldset
        or getattr(field.form, "helper", None) is not None
    ):
        return as_crispy_field(field)
    _add_crispy_classes(widget, ("form-select" if isinstance(widget, forms.Select) else "form-control")
                        + (" is-invalid" if field.errors else ""))  # fmt: skip
    label = ""
    if field.label:
        required = field.field.required
        label = format_html(
            '<label {}class="form-label{}">{}{}</label>',
            format_html('for="{}" ', field.id_for_label) if field.id_for_label else "",
            " requiredField" if required else "",
            field.label,
            mark_safe('<span class="asteriskField">*</span>') if required else "",
        )
    errors = ""
    if field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            getattr(field.errors, "field_id", ""),
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((n, field.auto_id, error) for n, error in enumerate(field.errors, start=1)),
            ),
        )
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<div {}class="form-text">{}</div>',
            format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else "",
            mark_safe(field.help_text),
        )
    css = field.css_classes()
    return SafeString(
        f'<div id="div_{conditional_escape(field.auto_id)}" class="mb-3{" " + conditional_escape(css) if css else ""}">'
        f"{label}{field}{errors}{help_text}</div>"
    )


def _add_crispy_classes(widget, classes):
    """What crispy's ``{% crispy_field field 'class' classes %}`` does to the widget: its own class name
    (``textinput``, ``select``...) and then ``classes``, each once."""
    name = type(widget).__name__.lower()
    name = getattr(settings, "CRISPY_CLASS_CONVERTERS", {}).get(name, name)
    css = widget.attrs.get("class", "")
    if css:
        if css.find(name) == -1:
            css += " " + name
    else:
        css = name
    for token in classes.split():
        if token not in css.split():
            css += " " + token
    widget.attrs["class"] = css
