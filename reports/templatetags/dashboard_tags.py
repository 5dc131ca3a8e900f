"""The dashboard's table rows written out in Python (issue 13).

The dashboard prints a row per unit, each with a dozen values, links and forms: through the template
engine that was ~2,200 node renders for 80 units, half of the page's time. ``rows_html`` writes what the
row loop of templates/district/dashboard.html wrote, character for character (``tests/test_district_
dashboard.py`` renders rows of every kind both ways and compares): each value escaped as ``{{ }}`` does,
the links reversed once per page (``row_url``'s way), the CSRF field as ``{% csrf_token %}`` writes it.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from reports.common.widgets import printed
from reports.models import Unit
from reports.templatetags.report_tags import day

register = template.Library()

ID_MARKER = "2147483647"  # stands in for the id while a row's URL is reversed (as report_tags.row_url)


class _Links:
    """Each URL name (and other arguments) reversed once; the row's id put in place of the marker."""

    def __init__(self):
        self.patterns = {}

    def __call__(self, name, object_id, *args):
        key = (name, *args)
        if key not in self.patterns:
            self.patterns[key] = reverse(name, args=[int(ID_MARKER), *args])
        return self.patterns[key].replace(ID_MARKER, str(int(object_id)), 1)


def csrf_field(csrf_token) -> str:
    """What ``{% csrf_token %}`` writes."""
    if not csrf_token or csrf_token == "NOTPROVIDED":
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)


def rows_html(rows, grouped, csrf_token, full_path) -> SafeString:
    """The ``<tbody>``'s content for ``rows``; ``full_path`` is the page's (the forms come back to it)."""
    if not rows:
        return mark_safe('\n    <tr><td colspan="10" class="text-muted">没有符合条件的单位。</td></tr>\n  ')
    link = _Links()
    kinds = {kind: str(label) for kind, label in Unit.Kind.choices}  # get_kind_display's, once per page
    csrf = csrf_field(csrf_token)
    back = printed(full_path)
    parts = []
    last_group = object()
    for row in rows:
        parts.append("\n    ")
        if grouped and row.group != last_group:
            last_group = row.group
            parts.append(
                f'<tr class="table-secondary group-row" data-group="{printed(row.group.code)}"><th colspan="10" '
                f'scope="rowgroup">{printed(row.group.name)}</th></tr>'
            )
        parts.append(_row(row, kinds.get(row.unit.kind, row.unit.kind), link, csrf, back))
        parts.append("\n  ")
    return mark_safe("".join(parts))


def _row(row, kind, link, csrf, back) -> str:
    unit, report = row.unit, row.report
    danger = ' class="table-danger"' if row.overdue or row.publication_overdue else ""
    reminded = (
        '<div class="small fw-normal text-body-secondary reminded">'
        f"{printed(date_filter(template_localtime(row.reminded_at), 'm-d H:i'))}已催报</div>"
        if row.reminded_at
        else ""
    )
    badge = f"status-{printed(row.status)}" if report else "text-bg-light border"
    return (
        f'\n    <tr data-unit="{printed(unit.code)}" data-status="{printed(row.status)}"{danger}>'
        f'\n      <td class="text-nowrap fw-bold">{printed(unit.short_name)}</td>'
        f"\n      <td>{printed(kind)}</td>"
        f'\n      <td><span class="badge {badge}">{printed(row.status_label)}</span></td>'
        f'\n      <td class="text-nowrap">{printed(day(row.submitted_at))}</td>'
        f'\n      <td class="text-nowrap">{printed(day(row.approved_at))}</td>'
        f'\n      <td class="text-nowrap">{printed(day(row.accepted_at))}</td>'
        f'\n      <td class="text-nowrap{" text-danger-emphasis fw-bold" if row.overdue else ""}">'
        f"{printed(row.deadline_text)}{reminded}</td>"
        f"\n      <td>{printed(row.holder)}</td>"
        f'\n      <td class="publication'
        f'{" text-danger-emphasis fw-bold" if row.publication_overdue else ""}" '
        f'data-published="{"yes" if row.publication else "no"}">'
        f"\n        {_publication(row, link, csrf, back)}"
        f"\n      </td>\n      <td>\n        {_actions(row, link, csrf, back)}"
        "\n      </td>\n    </tr>"
    )


def _publication(row, link, csrf, back) -> str:
    unit, publication = row.unit, row.publication
    if publication:
        return (
            f'<a href="{printed(publication.get_absolute_url())}">已公开</a> <span class="text-nowrap">{printed(day(publication.published_at))}</span>'
            '\n          <details class="d-inline-block align-top row-step">'
            '\n            <summary class="btn btn-sm btn-outline-danger">撤回</summary>'
            f'\n            <form method="post" action="{link("reports:withdraw", row.report.pk)}" class="mt-1">{csrf}'
            f'<input type="hidden" name="next" value="{back}">'
            '\n              <textarea name="reason" rows="2" class="form-control form-control-sm mb-1" required '
            f'maxlength="2000" placeholder="撤回理由（必填）" aria-label="{printed(unit.short_name)}撤回公开理由"></textarea>'
            '\n              <button type="submit" class="btn btn-sm btn-danger">确认撤回</button>'
            "\n            </form>\n          </details>\n        "
        )
    publish = (
        f'<a class="btn btn-sm btn-outline-success" href="{link("reports:publish", row.report.pk)}">公开…</a>'
        if row.status == "accepted"
        else ""
    )
    # Each phrase kept on one line: the cell itself wraps, so the row's buttons fit a 1024-pixel screen
    return (
        f'<span class="text-nowrap">未公开</span> <span class="text-nowrap">{printed(row.publication_text)}</span>'
        f"\n          {publish}\n        "
    )


def _actions(row, link, csrf, back) -> str:
    if not row.report:
        return ""
    pk, unit = row.report.pk, row.unit
    parts = [
        f'\n        <a class="btn btn-sm btn-outline-secondary" href="{link("reports:detail", pk)}">打开</a>'
        f'\n        <a class="btn btn-sm btn-outline-secondary" href="{link("reports:preview", pk)}">预览</a>'
        f'\n        <a class="btn btn-sm btn-outline-secondary" href="{link("reports:pdf", pk)}" '
        'data-busy="正在生成PDF…">PDF</a>\n        '
    ]
    for step in row.steps:
        action = link("reports:act", pk, step.action)
        label = printed(step.label)
        hidden = f'<input type="hidden" name="next" value="{back}">'
        if step.reason_required:
            parts.append(
                '\n          \n          <details class="d-inline-block align-top row-step">'
                f'\n            <summary class="btn btn-sm btn-outline-danger">{label}</summary>'
                f'\n            <form method="post" action="{action}" class="mt-1">{csrf}{hidden}'
                '\n              <textarea name="comment" rows="2" class="form-control form-control-sm mb-1" '
                f'required maxlength="2000" placeholder="理由（必填）" aria-label="{printed(unit.short_name)}{label}理由">'
                "</textarea>"
                f'\n              <button type="submit" class="btn btn-sm btn-danger">确认{label}</button>'
                "\n            </form>\n          </details>\n          \n        "
            )
        else:
            text = f"{printed(unit.receiver_level_name)}接收" if step.action == "accept" else label
            parts.append(
                f'\n          \n          <form method="post" action="{action}" class="d-inline">{csrf}{hidden}'
                f'\n            <button type="submit" class="btn btn-sm btn-success">{text}</button>'
                "\n          </form>\n          \n        "
            )
    parts.append("\n        ")
    return "".join(parts)


@register.simple_tag(takes_context=True)
def dashboard_rows(context):
    """``{% dashboard_rows %}``: the dashboard's table rows (``rows``, ``board``), written in Python
    (``rows_html`` above)."""
    return rows_html(
        context["rows"],
        context["board"].grouped,
        context.get("csrf_token"),
        context["request"].get_full_path(),
    )
