"""An unbound field's markup, from its shape: rendered once per process with placeholders, then filled in.

The editor's page renders five fields for every item and two for every section; through Django's bound
field and widget code (attributes, choices, the renderer) and crispy's markup (``form_field``) that was
250–750 Python calls a field, half the page's time (issue 13). For a form class that declares
``same_markup = True`` (its fields' markup depends only on the form's prefix and the value shown), an
unbound field without errors differs from item to item only in those two. Its shape (keyed by the form
class, the field, what is rendered, and what of the value changes the markup: a select's choice, a
checkbox's state, whether a text is empty) is rendered once by the same code with a placeholder prefix and
value, and each field fills in its own prefix and escaped value. Anything else (a bound form, errors, other
widgets, other forms) is rendered as before. tests/test_field_shapes.py compares the two ways.
"""

import copy
import html
from collections.abc import Callable

from django import forms
from django.utils import translation
from django.utils.safestring import SafeString

PREFIX = "\x00prefix\x00"
VALUE = "\x00value\x00"
TEXTS = (forms.TextInput, forms.Textarea)  # the value is the text, escaped
CHOICES = (forms.Select, forms.CheckboxInput)  # the value picks the markup: part of the key

_shapes: dict[tuple, list[str]] = {}


def shaped(field: forms.BoundField, what: str, render: Callable[[forms.BoundField], str]) -> str:
    """``render(field)``, through its shape when the field allows it (see the module's docstring)."""
    form, widget = field.form, field.field.widget
    if (
        not getattr(form, "same_markup", False)
        or form.is_bound
        or form.prefix is None
        or isinstance(field.field, forms.ModelChoiceField)  # its choices are rows: they change
    ):
        return render(field)
    value = field.value()
    what_of_value: object
    if type(widget) in TEXTS and (value is None or type(value) is str):
        shown, what_of_value = (VALUE if value else value), bool(value)
    elif type(widget) in CHOICES and (value is None or type(value) in (str, int, bool)):
        shown, what_of_value = value, (type(value), value)
    else:
        return render(field)
    # What a form or a field may set for one instance goes into the key too (the editor sets none of it).
    settings = (form.auto_id, form.label_suffix, form.use_required_attribute, field.field.required)
    key = (
        type(form),
        field.name,
        what,
        what_of_value,
        settings,
        field.field.disabled,
        translation.get_language(),
    )
    parts = _shapes.get(key)
    if parts is None:
        parts = _shapes[key] = _render_shape(field, shown, render).split(VALUE)
    prefix = html.escape(form.prefix)
    filled = [part.replace(PREFIX, prefix) for part in parts]
    return SafeString(html.escape(value).join(filled) if len(filled) > 1 else filled[0])


def _render_shape(field: forms.BoundField, shown: object, render: Callable[[forms.BoundField], str]) -> str:
    """``render`` of the field on a copy of its form with the placeholder prefix, showing ``shown``."""
    form = copy.copy(field.form)
    form.prefix = PREFIX
    form.initial = {**form.initial, field.name: shown}
    form._bound_fields_cache = {}  # type: ignore[attr-defined]  # Django's, not in its stubs
    return str(render(form[field.name]))
