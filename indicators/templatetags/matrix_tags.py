from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from reports.common.widgets import printed

register = template.Library()

# Stands in for the id while a column's or a row's URL is reversed once per page.
ID_MARKER = "2147483647"


@register.filter
def cells(row):
    """A row's ``<td>``s in one piece: the matrix of 1,000 units has 40,000 cells, and two template
    lookups per cell would cost more than the whole rest of the page."""
    return mark_safe("".join(f'<td class="{cell.css}">{escape(cell.text)}</td>' for cell in row.cells))


def _cells(row, written):
    """``cells``, each distinct cell written once per page (most are "—" or a few small numbers)."""
    try:
        return "".join([written[cell.css, cell.text] for cell in row.cells])
    except KeyError:
        for cell in row.cells:
            if (cell.css, cell.text) not in written:
                written[cell.css, cell.text] = f'<td class="{cell.css}">{escape(cell.text)}</td>'
        return "".join([written[cell.css, cell.text] for cell in row.cells])


@register.simple_tag
def matrix_header(matrix, year, include_drafts):
    """The matrix's column headers, as the template's loop over ``matrix.indicators`` wrote them (issue 13:
    a row per unit and a column per indicator through the template engine was half of the page's time;
    tests/test_indicator_matrix.py compares)."""
    link = reverse("district:indicator", args=[year, int(ID_MARKER)])
    drafts = "?drafts=1" if include_drafts else ""
    return mark_safe(
        "".join(
            f'<th><a href="{link.replace(ID_MARKER, str(int(indicator.pk)))}{drafts}">{printed(indicator.name)}</a>'
            f'<br><span class="text-muted fw-normal">（{printed(indicator.unit)}）</span></th>'
            for indicator in matrix.indicators
        )
    )


@register.simple_tag
def matrix_rows(matrix, year):
    """The matrix's body rows, as the template's loop over ``matrix.rows`` wrote them."""
    written = {}
    parts = []
    if matrix.grouped:
        for row in matrix.rows:
            parts.append(
                f'\n    <tr><td>{printed(row.label)} <span class="small text-muted">{printed(row.status)}</span></td>'
                f"{_cells(row, written)}</tr>\n    \n  "
            )
    else:
        link = reverse("district:unit", args=[year, int(ID_MARKER)])
        for row in matrix.rows:
            missing = "" if row.status else ' <span class="small text-muted">未填报</span>'
            parts.append(
                f'\n    <tr><td><a href="{link.replace(ID_MARKER, str(int(row.unit.pk)))}">{printed(row.label)}</a>'
                f"{missing}</td>{_cells(row, written)}</tr>\n  "
            )
    return mark_safe("".join(parts))
