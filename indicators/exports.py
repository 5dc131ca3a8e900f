"""The year's matrix as a spreadsheet: XLSX (numbers stay numbers) and CSV (UTF-8 with a BOM, which Excel
needs to read Chinese).

Text that starts with = + - @ (or a tab or carriage return) would be run as a formula by a spreadsheet
(a unit or indicator name typed as "=HYPERLINK(…)"); ``neutralise`` puts an apostrophe in front, in both
formats.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from .aggregation import Figure
from .models import Qualifier

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell):
    """``cell`` unchanged, unless it is text a spreadsheet would take for a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def matrix_table(matrix):
    """The header and the rows of ``matrix`` (indicators.matrix.Matrix): text and Figures."""
    header = ["单位", "类型", "报告状态", *(f"{i.name}（{i.unit}）" for i in matrix.indicators)]
    rows = [
        [row.label, row.unit.get_kind_display(), row.status or "未填报", *(c.figure for c in row.cells)]
        for row in matrix.rows
    ]
    for summary in (matrix.totals, matrix.averages):
        rows.append([summary.label, "", "", *(c.figure for c in summary.cells)])
    return header, rows


def to_csv(header, rows):
    return b"".join(csv_chunks(header, rows))


def csv_chunks(header, rows, rows_per_chunk=500):
    """The CSV of ``header`` and ``rows`` (any iterable: read as it is written, for a streamed download),
    in chunks of UTF-8 bytes, the first starting with the BOM; every cell neutralised."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([neutralise(_text(cell)) for cell in header])
    for number, row in enumerate(rows, start=1):
        writer.writerow([neutralise(_text(cell)) for cell in row])
        if number % rows_per_chunk == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def _text(cell):
    if isinstance(cell, Figure):
        return cell.text()  # "400余", "近700", "不适用", "" (missing)
    return cell


# The qualifier is kept in the number format, so the cell shows "400余" and still sums as 400.
QUALIFIER_FORMATS = {
    Qualifier.EXACT: "{}",
    Qualifier.MORE_THAN: '{}"余"',
    Qualifier.NEARLY: '"近"{}',
    Qualifier.ABOUT: '"约"{}',
}


def to_xlsx(header, rows, title):
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 16
    bold = Font(bold=True)
    sheet.append([_header_cell(sheet, text, bold) for text in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header_cell(sheet, text, font):
    cell = WriteOnlyCell(sheet, value=neutralise(text))
    cell.font = font
    cell.fill = PatternFill("solid", fgColor="EEEEEE")
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    return cell


def _cell(sheet, value):
    if not isinstance(value, Figure):
        return WriteOnlyCell(sheet, value=neutralise(value))
    if value.not_applicable:
        return WriteOnlyCell(sheet, value="不适用")
    if value.value is None:
        return WriteOnlyCell(sheet, value=None)
    number = value.value
    whole = number == number.to_integral_value()
    cell = WriteOnlyCell(sheet, value=int(number) if whole else float(number))
    cell.number_format = QUALIFIER_FORMATS.get(value.qualifier, "{}").format("0" if whole else "0.0#")
    return cell
