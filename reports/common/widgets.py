"""The form renderer: Django's widget templates, the common ones written out in Python.

Django renders every widget through its template engine: an ``<input>`` is ``text.html``, which includes
``input.html``, which includes ``attrs.html``; a ``<select>`` includes one template per ``<option>``. The
editor has four widgets per item and the page has dozens of items, so the engine's per-variable work was a
third of the editor page's time (issue 13); so were the labels of its item options. ``WidgetRenderer`` writes out the markup of the templates below
itself, character for character (``tests/test_widgets.py`` renders every case both ways and compares), and
leaves any other template (file inputs, radio lists, a project's own widget) to Django's engine.
"""

import html
from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, SafeString

WIDGETS = "django/forms/widgets/"


def _value(value: Any) -> str:
    """``{{ value }}``: localized, then escaped unless marked safe. A plain ``str`` (most values) is what
    both come to at once: ``html.escape`` (a sheet prints 16 values a row, 59 rows)."""
    if type(value) is str:
        return html.escape(value)
    value = localize(value)
    return conditional_escape(value if isinstance(value, str) else str(value))


printed = _value  # for other code that writes markup out (indicators/rows.py)


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: "%s" of it, escaped unless it was marked safe."""
    if type(value) is str:
        return html.escape(value)
    try:
        text = "%s" % value  # noqa: UP031 - the filter's own formatting
    except (ValueError, TypeError):
        return ""
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs: Mapping[str, Any]) -> str:
    """attrs.html: ` name="value"` each; True is the bare name, False leaves it out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + _value(name))
        if value is not True:
            parts.append(f'="{_formatted(value)}"')
    return "".join(parts)


def _input(widget: Mapping[str, Any]) -> str:
    value = f' value="{_formatted(widget["value"])}"' if widget["value"] is not None else ""
    return f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget: Mapping[str, Any]) -> str:
    value = _value(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _option(option: Mapping[str, Any]) -> str:
    return f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>{_value(option["label"])}</option>'


def _select(widget: Mapping[str, Any]) -> str | None:
    parts = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_value(group_name)}">')
        for option in group_choices:
            if option["template_name"] != WIDGETS + "select_option.html":
                return None  # an option template of its own: the engine renders the select
            parts.append(f"\n  {_option(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _label(context: Mapping[str, Any]) -> str:
    """django/forms/label.html: ``<label for=…>`` (a field without an id gets its text alone)."""
    if not context["use_tag"]:
        return _value(context["label"])
    tag = _value(context["tag"])
    return f"<{tag}{_attrs(context['attrs'] or {})}>{_value(context['label'])}</{tag}>"


LABEL = "django/forms/label.html"
INPUTS = ("text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "checkbox")
WRITTEN_OUT: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    **{f"{WIDGETS}{name}.html": _input for name in (*INPUTS, "input")},
    WIDGETS + "textarea.html": _textarea,
    WIDGETS + "select.html": _select,
    WIDGETS + "select_option.html": _option,
}


class WidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with the templates of ``WRITTEN_OUT`` written out in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None) -> str:
        if template_name == LABEL and {"use_tag", "tag", "attrs", "label"} <= context.keys():
            return SafeString(_label(context).strip())
        write = WRITTEN_OUT.get(template_name)
        widget = context.get("widget")
        if write is not None and isinstance(widget, Mapping):
            html = write(widget)
            if html is not None:
                return SafeString(html.strip())
        return super().render(template_name, context, request)
