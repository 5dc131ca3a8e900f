"""The official document as a Word file (.docx), laid out like the PDF as far as Word allows.

It prints what the PDF prints: the blocks of ``report_context`` (fonts decided there) and its indicator
rows as the attachment. GB/T 9704 as Word can hold it: A4, margins 37/35/28/26 mm, 22 lines × 28
characters: a line grid of 28.95 pt and every line exactly that (579 twips: 22 lines fit the 225 mm text
area, where 29 pt would leave room for only 21), and 16 pt characters 0.25 pt closer, as the PDF sets
them 0.21 pt closer, so that 28 fit a line and 29 do not. (Word's character grid would do this too, but
LibreOffice gives every 16 pt character two cells of a 15.8 pt grid: 14 a line.) First lines indented
two characters, page numbers "— 1 —" in 14 pt 宋体, right on odd pages and left on even ones.

Fonts are named as the PDF's stacks name them, the official font first. Word has no fallback list: each
font's other names from the stack, the free Debian stand-ins last, go into the font table as its
``w:altName``, which Word consults to find a missing font. LibreOffice ignores it and substitutes by its
own table, so on a machine without the official fonts the file still opens, set in whatever CJK font
that machine has.
"""

import io
import unicodedata
from collections.abc import Sequence
from typing import Protocol

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from docx.section import _Footer
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from reports.models import Report

from .context import DocumentContext, IndicatorRow, Masks, PrintedBlock, report_context

TEXT_WIDTH_MM = 210 - 28 - 26
CHARS_PER_LINE = 28
LINE = Pt(28.95)
BODY_SIZE, TITLE_SIZE, SMALL_SIZE = Pt(16), Pt(22), Pt(14)
LETTER_SPACING = -5  # twentieths of a point, the unit of w:spacing: 28 × 15.75 pt ≤ 156 mm < 29 × 15.75
ADVANCE = BODY_SIZE.pt + LETTER_SPACING / 20  # one character of the body, in points
INDENT = 2  # characters, first line of body paragraphs; the signature's distance from the right

# The PDF's font stacks (static/document/gbt9704.css): the first name is set, the others are altNames.
FONTS = {
    "fangsong": [
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "AR PL SungtiL GB",
        "Noto Serif CJK SC",
    ],
    "heiti": ["黑体", "SimHei", "Noto Sans CJK SC"],
    "kaiti": ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "AR PL KaitiM GB"],
    "xiaobiaosong": ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC"],
    "songti": ["宋体", "SimSun", "AR PL SungtiL GB", "Noto Serif CJK SC"],
}
HEADING_FONTS = {1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong"}  # "一、" 黑体, "（一）" 楷体
TABLE_WIDTHS = (0.38, 0.18, 0.18, 0.26)  # of the text width, as the PDF's columns
TABLE_HEAD = ("指标", "数值", "上年", "同比")
# What may follow w:spacing in w:rPr, and w:snapToGrid in w:pPr: Word refuses a file whose elements are
# out of the schema's order.
AFTER_LETTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
    "w:oMath",
)  # fmt: skip
AFTER_SNAP_TO_GRID = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


class _RunProperties(Protocol):
    """A run's w:r or a style's w:style: what has a w:rPr."""

    def get_or_add_rPr(self) -> CT_RPr: ...


def render_docx(report: Report, masks: Masks = ()) -> bytes:
    """The report as .docx bytes. ``report`` should come with its unit (select_related); ``masks`` as in
    ``report_context``."""
    context = report_context(report, masks=masks)
    document = docx.Document()
    _set_up_styles(document)
    _set_up_page(document, draft=context["is_draft"])
    _set_properties(document, report, context)
    _write_head(document, context["head_blocks"], context["title_lines"])
    for block in context["body_blocks"]:
        _write_body_block(document, block)
    if context["indicator_rows"]:
        note = _paragraph(document, f"附件：{context['attachment_title']}")
        note.paragraph_format.space_before = LINE
    _write_signature(document, context["signature_blocks"])
    if context["indicator_rows"]:
        _write_attachment(document, context["attachment_title"], context["indicator_rows"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Styles and page ------------------------------------------------------------------------------------


def _set_fonts(rpr_owner: _RunProperties, font: str) -> None:
    """Name ``font`` for a run or style, for every script: Chinese is East Asian (w:eastAsia), digits not."""
    _name_font(rpr_owner.get_or_add_rPr().get_or_add_rFonts(), font)


def _name_font(rfonts: etree._Element, font: str) -> None:
    for attribute in list(rfonts.attrib):
        del rfonts.attrib[attribute]  # theme fonts would win over the names
    name = FONTS[font][0]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{script}"), name)


def _restyle(
    style: ParagraphStyle,
    font: str,
    size: Length,
    *,
    align: WD_PARAGRAPH_ALIGNMENT = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    outline: int | None = None,
) -> None:
    """Replace a built-in style's look (blue, bold, Calibri) by the document's."""
    for tag in ("w:pPr", "w:rPr"):
        element = style.element.find(qn(tag))
        if element is not None:
            style.element.remove(element)
    _set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _letter_spacing(style.element, LETTER_SPACING if size == BODY_SIZE else 0)
    paragraph = style.paragraph_format
    paragraph.alignment = align
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = LINE
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.widow_control = False  # the grid is filled to the last line, as the PDF does
    if indent:
        _indent_chars(style.element.get_or_add_pPr(), first_line=INDENT)
    if outline is not None:  # Word's navigation pane, as the PDF's bookmarks
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = outline
        paragraph.keep_with_next = True


def _letter_spacing(rpr_owner: _RunProperties, twips: int) -> None:
    """w:spacing in w:rPr, in the place the schema gives it (after w:color, before w:sz)."""
    rpr = rpr_owner.get_or_add_rPr()
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(twips))
    rpr.insert_element_before(spacing, *AFTER_LETTER_SPACING)


def _indent_chars(ppr: CT_PPr, *, first_line: int = 0) -> None:
    """A first-line indent in characters (w:firstLineChars, as Word's ruler shows it), with its length
    for readers that do not know character units."""
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(first_line * 100))
    ind.set(qn("w:firstLine"), str(round(ADVANCE * first_line * 20)))


def _set_up_styles(document: Document) -> None:
    styles = document.styles
    _name_font(
        styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"),
        "fangsong",
    )
    _restyle(styles["Normal"], "fangsong", BODY_SIZE)
    _restyle(styles["Title"], "xiaobiaosong", TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    for level, font in HEADING_FONTS.items():
        _restyle(styles[f"Heading {level}"], font, BODY_SIZE, outline=level - 1)
    _add_alt_names(document)


def _add_alt_names(document: Document) -> None:
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for names in FONTS.values():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), names[0])
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), ",".join(names[1:]))
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.extend([alt, charset])
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_up_page(document: Document, *, draft: bool) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # The number's top 7 mm below the text area: 35 − 7 mm, less its 14 pt line.
    section.footer_distance = Mm(28) - Pt(14)
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE.pt * 20)))
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    if draft:
        for header in (section.header, section.even_page_header):
            paragraph = header.paragraphs[0]
            _plain(paragraph, WD_ALIGN_PARAGRAPH.CENTER, SMALL_SIZE)
            run = _small_run(paragraph, "草稿（未经审核，不作正式文件使用）", "heiti")
            run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def _plain(paragraph: Paragraph, align: WD_PARAGRAPH_ALIGNMENT, size: Length) -> None:
    """A paragraph outside the grid: header, footer, table cell."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size.pt * 1.45)
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(snap, *AFTER_SNAP_TO_GRID)


def _small_run(paragraph: Paragraph, text: str, font: str) -> Run:
    """A 14 pt run outside the body (header, footer, table), its letters not drawn closer."""
    run = paragraph.add_run(text)
    _set_fonts(run._r, font)
    run.font.size = SMALL_SIZE
    _letter_spacing(run._r, 0)
    return run


def _page_number(footer: _Footer, align: WD_PARAGRAPH_ALIGNMENT) -> None:
    """ "— 1 —" with a PAGE field, 14 pt 宋体, one character in from the outer edge."""
    paragraph = footer.paragraphs[0]
    _plain(paragraph, align, SMALL_SIZE)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = SMALL_SIZE
    else:
        paragraph.paragraph_format.left_indent = SMALL_SIZE
    pieces = [("text", "— "), ("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "1")]
    pieces += [("end", ""), ("text", " —")]
    for kind, text in pieces:
        run = _small_run(paragraph, text if kind == "text" else "", "songti")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _set_properties(document: Document, report: Report, context: DocumentContext) -> None:
    properties = document.core_properties
    properties.title = context["document_title"]
    properties.author = properties.last_modified_by = report.unit.name
    properties.subject = context["subject"]
    properties.keywords = context["keywords"]
    properties.comments = ""
    properties.revision = report.version
    properties.created = properties.modified = report.updated_at.replace(microsecond=0, tzinfo=None)


# --- Blocks ---------------------------------------------------------------------------------------------


def _paragraph(
    document: Document,
    text: str = "",
    style: str | None = None,
    *,
    align: WD_PARAGRAPH_ALIGNMENT | None = None,
    indent: int | None = None,
) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        _indent_chars(paragraph._p.get_or_add_pPr(), first_line=indent)
    return paragraph


def _write_head(document: Document, blocks: list[PrintedBlock], title_lines: list[list[str]]) -> None:
    """Organs and title centred in 小标宋, one blank line between them; the addressee flush left. The title
    breaks where the PDF's does, between words (rendering/title.py)."""
    previous = None
    for block in blocks:
        if block.kind == "organ":
            paragraph = _paragraph(document, block.text, "Title")
        elif block.kind == "document_number":
            paragraph = _paragraph(document, block.text, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
            paragraph.paragraph_format.space_before = LINE
        elif block.kind == "title":
            paragraph = _paragraph(document, style="Title")
            for number, line in enumerate(title_lines):
                if number:
                    paragraph.add_run().add_break()
                paragraph.add_run("".join(line))
            paragraph.paragraph_format.space_after = LINE
            if previous in ("organ", "document_number"):
                paragraph.paragraph_format.space_before = LINE
        else:  # addressee
            paragraph = _paragraph(document, block.text, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0)
        previous = block.kind


def _write_body_block(document: Document, block: PrintedBlock) -> None:
    if block.kind == "section_heading":
        _paragraph(document, block.text, "Heading 1")
    elif block.kind == "item_heading":
        _paragraph(document, block.text, f"Heading {block.level}")
    else:
        paragraph = _paragraph(document)
        for printed in block.runs:
            run = paragraph.add_run(printed.text)
            if printed.font:
                _set_fonts(run._r, printed.font)


def _width(text: str) -> float:
    """Width in characters: a Chinese character is one, a digit or Latin letter half."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _write_signature(document: Document, blocks: list[PrintedBlock]) -> None:
    """GB/T 9704 without seal: one blank line below the body, the organs two characters from the right,
    the date below them two characters further in. Word has no shrink-to-fit block: the indent is
    counted in characters from the longest line."""
    if not blocks:
        return
    organs = [b.text for b in blocks if b.kind == "signature"]
    dates = [b.text for b in blocks if b.kind == "date"]
    width = max([_width(t) for t in organs] + [_width(t) + INDENT for t in dates])
    left = max(CHARS_PER_LINE - INDENT - width, 0)
    document.paragraphs[-1].paragraph_format.keep_with_next = True  # never a page with the signature alone
    for index, block in enumerate(blocks):
        paragraph = _paragraph(document, block.text, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0)
        fmt = paragraph.paragraph_format
        fmt.left_indent = Pt(ADVANCE * (left + (INDENT if block.kind == "date" and organs else 0)))
        fmt.keep_with_next = index < len(blocks) - 1
        if index == 0:
            fmt.space_before = LINE


def _write_attachment(document: Document, title: str, rows: list[IndicatorRow]) -> None:
    """A new page: "附件" top left in 黑体, the title in 小标宋 on the third line, then the table."""
    mark = _paragraph(document, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0)
    mark.paragraph_format.page_break_before = True
    _set_fonts(mark.add_run("附件")._r, "heiti")
    heading = _paragraph(document, title, "Title")
    heading.paragraph_format.space_before = heading.paragraph_format.space_after = LINE

    table = document.add_table(rows=0, cols=len(TABLE_HEAD))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(TEXT_WIDTH_MM * share) for share in TABLE_WIDTHS]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid; each cell's width is set too, as Word reads that first
    _add_row(table, TABLE_HEAD, widths, font="heiti", header=True)
    category = None
    for row in rows:
        if row.category != category:
            category = row.category
            cells = _add_row(table, (category, "", "", ""), widths, font="kaiti")
            cells[0].merge(cells[-1])
        _add_row(table, (row.name, row.display, row.previous_display, row.change), widths)


def _add_row(
    table: Table,
    texts: Sequence[str],
    widths: Sequence[Length],
    *,
    font: str = "fangsong",
    header: bool = False,
) -> tuple[_Cell, ...]:
    row = table.add_row()
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))  # repeated at the top of each page
    for column, (cell, text, width) in enumerate(zip(row.cells, texts, widths, strict=True)):
        cell.width = width
        paragraph = cell.paragraphs[0]
        centred = header or (column > 0 and font == "fangsong")
        _plain(paragraph, WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT, SMALL_SIZE)
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(4)  # the PDF's 1.5 mm cell padding
        if text:
            _small_run(paragraph, text, font)
    return row.cells
