"""The indicator sheet's rows, written out in Python.

The sheet has a row per indicator of the catalogue (59 in the demo district), each with four fields, last
year's figure and the change; through the template engine that was two thirds of the page's time, most of
it the engine's work per variable (issue 13). ``rows_html`` writes what templates/indicators/sheet.html
wrote for them, character for character (tests/test_indicator_sheet_rows.py renders both and compares):
``{{ }}`` is ``printed``, localized and escaped as the engine does.
"""

from django.utils.safestring import SafeString

from reports.common.widgets import printed

from .aggregation import year_on_year
from .forms import IndicatorValueForm
from .models import Indicator, format_number

QUALIFIED_FIELDS = ("value", "qualifier", "not_applicable", "note")
REQUIRED_MARK = ' <span class="badge text-bg-warning">必填</span>'  # the district requires a value or 不适用


def printed_form(form):
    """What a row prints of its (posted) form, read once."""
    value, qualifier, not_applicable, note = (form[name] for name in QUALIFIED_FIELDS)
    return {
        "errors": form.errors,
        "value_name": value.html_name,
        "value_id": value.auto_id,
        "value": value.value(),
        "value_invalid": bool(value.errors),
        "qualifier_name": qualifier.html_name,
        "qualifier": qualifier.value(),
        "not_applicable_name": not_applicable.html_name,
        "not_applicable": not_applicable.value(),
        "note_name": note.html_name,
        "note": note.value(),
    }


def printed_initial(sheet, indicator):
    """The same for an unposted page, from the stored value, as its unbound form would give it."""
    prefix = f"v{indicator.pk}-"
    fields = sheet.initial(indicator)
    base = IndicatorValueForm.base_fields
    return {
        "errors": None,
        "value_name": prefix + "value",
        "value_id": f"id_{prefix}value",
        "value": fields.get("value", base["value"].initial),
        "value_invalid": False,
        "qualifier_name": prefix + "qualifier",
        "qualifier": fields.get("qualifier", base["qualifier"].initial),
        "not_applicable_name": prefix + "not_applicable",
        "not_applicable": fields.get("not_applicable", base["not_applicable"].initial),
        "note_name": prefix + "note",
        "note": fields.get("note", base["note"].initial),
    }


def rows_by_category(sheet, saved, previous, from_text=None):
    """The sheet's rows grouped by category in catalogue order: each row's printed fields (``f``), its
    stored value, last year's, the change, and the figure the report's text states for it (``from_text``,
    by indicator pk: ``reports.consistency.text_figures``), offered while the row is empty."""
    from_text = from_text or {}
    posted = sheet.data is not None
    labels = {value: str(label) for value, label in Indicator.Category.choices}  # translated once
    groups = {}
    for indicator in sheet.indicators:
        current, last = saved.get(indicator.pk), previous.get(indicator.pk)
        if last is not None:
            last.indicator = indicator  # display needs the unit; saves a query per row
        if current is not None:
            current.indicator = indicator
        change = year_on_year(current, last)
        groups.setdefault(labels.get(indicator.category, indicator.category), []).append(
            {
                "indicator": indicator,
                "f": printed_form(sheet.form(indicator.pk)) if posted else printed_initial(sheet, indicator),
                "saved": current,
                "last": last,
                "last_number": format_number(last.value) if last and last.value is not None else "",
                "change_text": change.describe(indicator.unit) if change else "",
                "from_text": from_text.get(indicator.pk),
            }
        )
    return groups


def rows_html(rows, qualifiers, editable, conflict):
    """The rows of one category's table, as the template's loop over them printed them."""
    disabled = "" if editable else "disabled"
    options = {}
    parts = []
    for row in rows:
        f, indicator = row["f"], row["indicator"]
        name, unit = printed(indicator.name), printed(indicator.unit)
        selected = f["qualifier"]
        if selected not in options:
            options[selected] = "".join(
                f'<option value="{printed(value)}"{" selected" if selected == value else ""}>{printed(label)}</option>'
                for value, label in qualifiers
            )
        theirs = ""
        if conflict and row["saved"]:
            theirs = (
                f'<div class="conflict-theirs small mt-1">上次保存：{printed(row["saved"].display)}</div>'
            )
        last = row["last"]
        offered = (
            row["from_text"] if editable and f["value"] in (None, "") and not f["not_applicable"] else None
        )
        fill = ""
        if offered:
            fill = (
                f'<div class="from-text small text-muted mt-1">正文：{printed(offered.quote)} <button type="button" '
                f'class="btn btn-link btn-sm p-0 align-baseline fill-from-text" data-value="{format_number(offered.value)}" '
                f'data-qualifier="{printed(offered.qualifier)}" aria-label="把正文中的数填入{name}" hidden>填入</button></div>'
            )
        errors = ""
        if f["errors"]:
            messages = "".join(
                f"<div>{printed(error)}</div>" for errors in f["errors"].values() for error in errors
            )
            errors = (
                '<tr class="table-danger"><td></td><td colspan="6" class="small text-danger">\n'
                f"          {messages}</td></tr>"
            )
        parts.append(f"""
        <tr id="indicator-{printed(indicator.code)}" class="{"table-danger" if f["errors"] else ""}">
          <td><label for="{printed(f["value_id"])}">{name}</label> <span class="text-muted small">（{unit}）</span>{REQUIRED_MARK if indicator.required else ""}</td>
          <td>
            <input type="text" inputmode="decimal" name="{printed(f["value_name"])}" id="{printed(f["value_id"])}"
              value="{_or_empty(f["value"])}" class="form-control form-control-sm{" is-invalid" if f["value_invalid"] else ""}"
              data-last="{printed(row["last_number"])}" data-unit="{unit}" {disabled}>
            {theirs}{fill}
          </td>
          <td><select name="{printed(f["qualifier_name"])}" class="form-select form-select-sm" aria-label="{name} 限定" {disabled}>
            {options[selected]}
          </select></td>
          <td class="text-center"><input type="checkbox" name="{printed(f["not_applicable_name"])}" class="form-check-input" aria-label="{name} 不适用"
            {"checked" if f["not_applicable"] else ""} {disabled}></td>
          <td><input type="text" name="{printed(f["note_name"])}" value="{_or_empty(f["note"])}" class="form-control form-control-sm"
            aria-label="{name} 说明" maxlength="300" {disabled}></td>
          <td class="small">{printed((last.display if last is not None else "") or "—")}</td>
          <td class="small yoy" aria-live="polite">{printed(row["change_text"] or "—")}</td>
        </tr>
        {errors}
      """)
    return SafeString("".join(parts))


def _or_empty(value):
    """``{{ value|default_if_none:'' }}``."""
    return "" if value is None else printed(value)
