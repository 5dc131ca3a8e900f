from django import template

from reports.district.dashboard_rows import rows_html

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_rows(context):
    """``{% dashboard_rows %}``: the dashboard's table rows (``rows``, ``board``), written in Python
    (reports/district/dashboard_rows.py)."""
    return rows_html(
        context["rows"],
        context["board"].grouped,
        context.get("csrf_token"),
        context["request"].get_full_path(),
    )
