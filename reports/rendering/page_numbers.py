"""Page numbers for the 汇编 (rendering/volume.py): the stored PDFs' own numbers taken out, the volume's
numbers drawn by WeasyPrint with the document's own ``@page`` rules.

A stored PDF is numbered "— 1 —", "— 2 —"… from its first page; in the volume its pages carry the
volume's numbers. Hiding the old number under a white box would leave its text for search and copy, so
the drawing of the number is taken out of each page's content stream, and a page of numbers is drawn
over the page instead.

How the number is found: WeasyPrint draws the ``@bottom-right`` margin box (static/document/gbt9704.css)
as a text object of its own, ``BT … /F 18.67 Tf … Tm … TJ ET``, one operator a line (pydyf writes every
operator on its own line, text as hex strings). ``strip_page_number`` follows the graphics state
(``q``/``Q``/``cm``) to where each text object draws in page space and removes the one text object that
lies wholly in the bottom margin at the number's size (14 pt). A page where that is not exactly one text
object, or whose content is not written that way, raises ``NumberNotFound``: the volume then lays that
report out again itself rather than guess.

The numbers: ``numbers_sheet`` lays out empty pages with the stylesheet of the reports, so each shows
its number just as a report's page does (宋体 14 pt "— n —", 7 mm under the text area, odd numbers right,
even numbers left); page n of the volume's body gets the n-th of them drawn over it as a form XObject
(``number_form``, ``draw_over``). The numbers are the same for every volume: they are laid out once per
worker process, a hundred pages at a time. A blank page (after a report of an odd number of pages) is
counted but gets no number.
"""

import math
from collections.abc import Sequence
from functools import cache, lru_cache
from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject
from weasyprint import CSS

from .pdf import DocumentHTML, font_config, stylesheet

MM = 72 / 25.4
BOTTOM_MARGIN = 35 * MM  # static/document/gbt9704.css: @page margin-bottom
NUMBER_SIZE = 14.0  # pt, the @page font-size the margin box inherits
NUMBER_FORM = NameObject("/FazhiPageNumber")

# Without the page numbers (a report laid out for the volume); the pages of numbers.
NO_NUMBERS_CSS = "@page { @bottom-right { content: none } }"
NUMBERS_CSS = ".page { break-before: page }"

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Operators that move the text position relative to where it was (or show text after such a move): not what WeasyPrint writes, so a text
# object using them cannot be placed without more bookkeeping, and is never taken for the number.
RELATIVE_TEXT_MOVES = {b"Td", b"TD", b"T*", b"'", b'"'}


class NumberNotFound(ValueError):
    """The page's number could not be told apart from the rest of its content."""


@cache
def no_numbers_stylesheet() -> CSS:
    return CSS(string=NO_NUMBERS_CSS)


@cache
def numbers_stylesheet() -> CSS:
    return CSS(string=NUMBERS_CSS)


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` × ``n`` in PDF's row-vector convention (``m`` applied first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _numbers(tokens: Sequence[bytes]) -> Matrix:
    a, b, c, d, e, f = (float(token) for token in tokens[-7:-1])
    return (a, b, c, d, e, f)


def strip_page_number(content: bytes) -> bytes:
    """``content`` (a page's decoded content stream as WeasyPrint writes it) without its page number."""
    if b"(" in content or b"\nBI" in content:  # literal strings or inline images: not pydyf's way
        raise NumberNotFound("content not written one operator a line")
    lines = content.split(b"\n")
    ctm, saved = IDENTITY, []
    found: list[tuple[int, int]] = []
    start, size, text_matrix, placeable = -1, 0.0, None, True
    shown: list[tuple[float, float]] = []  # (baseline in page space, font size) of each text shown
    for index, line in enumerate(lines):
        tokens = line.split()
        if not tokens:
            continue
        operator = tokens[-1]
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q":
            if not saved:
                raise NumberNotFound("unbalanced Q")
            ctm = saved.pop()
        elif operator == b"cm":
            ctm = _multiply(_numbers(tokens), ctm)
        elif operator == b"Tf":
            size = float(tokens[-2])
        elif operator == b"BT":
            start, text_matrix, placeable = index, None, True
            shown = []
        elif start < 0:
            continue
        elif operator == b"Tm":
            text_matrix = _multiply(_numbers(tokens), ctm)
        elif operator in (b"TJ", b"Tj"):
            if text_matrix is None:
                placeable = False
            else:
                a, b, c, d, _, y = text_matrix
                shown.append((y, size * math.sqrt(abs(a * d - b * c))))
        elif operator in RELATIVE_TEXT_MOVES:
            placeable = False
        elif operator == b"ET":
            in_margin = shown and all(y < BOTTOM_MARGIN for y, _ in shown)
            if placeable and in_margin and all(abs(s - NUMBER_SIZE) < 0.05 for _, s in shown):
                found.append((start, index))
            start = -1
    if len(found) != 1:
        raise NumberNotFound(f"{len(found)} text objects look like the page number")
    first, last = found[0]
    return b"\n".join(lines[:first] + lines[last + 1 :])


def numbers_html(first: int, count: int) -> str:
    """A document of ``count`` empty pages, numbered from ``first`` (an odd number: a right-hand page)."""
    pages = '<div class="page"></div>' * count
    reset = f"<style>@page :first {{ counter-reset: page {first} }}</style>" if first > 1 else ""
    return f'<!doctype html><html lang="zh-CN"><head>{reset}</head><body>{pages}</body></html>'


# WeasyPrint lays a document of n pages out in time that grows faster than n (600 pages take ten times as
# long as 100); the numbers are laid out in sheets of SHEET pages, each sheet once per process.
SHEET = 100


@lru_cache(maxsize=64)
def numbers_sheet(index: int) -> bytes:
    """Pages ``index`` × SHEET + 1 … (index + 1) × SHEET, each with nothing but its number."""
    html = DocumentHTML(numbers_html(index * SHEET + 1, SHEET))
    sheets = [stylesheet(), numbers_stylesheet()]
    return bytes(html.write_pdf(stylesheets=sheets, font_config=font_config()))


class PageNumbers:
    """The volume's page numbers: ``page(n)`` is a page showing "— n —" where the document shows it."""

    def __init__(self) -> None:
        self.sheets: dict[int, PdfReader] = {}

    def page(self, number: int) -> PageObject:
        index, offset = divmod(number - 1, SHEET)
        if index not in self.sheets:
            self.sheets[index] = PdfReader(BytesIO(numbers_sheet(index)))
        return self.sheets[index].pages[offset]


def number_form(writer: PdfWriter, numbers_page: PageObject) -> DecodedStreamObject:
    """``numbers_page`` (a page of ``numbers_sheet``) as a form XObject for ``writer``."""
    form = DecodedStreamObject()
    form.set_data(numbers_page.get_contents().get_data())  # type: ignore[union-attr]  # pages have content
    box = numbers_page.mediabox
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)
            ),
            NameObject("/Resources"): numbers_page["/Resources"].clone(writer),
        }
    )
    return form


def draw_over(writer: PdfWriter, page: PageObject, content: bytes, form: DecodedStreamObject) -> None:
    """Gives ``page`` (already in ``writer``) the content ``content`` with ``form`` drawn over it."""
    resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[NUMBER_FORM] = writer._add_object(form.flate_encode(level=1))
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    # The report's content leaves its transformation (WeasyPrint starts with a bare `cm`) behind: q … Q.
    stream = DecodedStreamObject()
    stream.set_data(b"q\n" + content + b"\nQ\n" + NUMBER_FORM.encode() + b" Do\n")
    page.replace_contents(stream.flate_encode(level=1))
