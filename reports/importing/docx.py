"""Read a Word document (.docx) into the lines ``parse_report_text`` reads, refusing unsafe files first.

Every paragraph of the body is read in order, with the paragraphs of tables (one line per row, cells
apart by a tab) and of text boxes, so that no character of the text is lost. Where Word itself draws a
heading's number (automatic numbering), or where only the paragraph's style says it is a heading, the
text has no "一、": the label is written in front of it here, so the parser sees what the reader sees.

Safety, before python-docx opens anything: the size of the upload; the OLE signature of an encrypted
(password-protected) or old binary Word file; a zip that opens; the members' declared sizes, their
total and their compression ratio (a zip bomb); and the total size of the XML to parse (``MAX_XML_BYTES``),
all read from the zip's directory before anything is inflated. Python's zipfile never inflates a member past its
declared size (it stops there, and the CRC check then fails), so checking declared sizes bounds what
python-docx can decompress. python-docx parses XML without resolving entities (no "billion laughs").
"""

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml import etree

from reports.common.uploads import MAX_UPLOAD_BYTES
from reports.rendering.numbering import chinese_number, heading_label

from .parser import DATE_RE, MAX_HEADING_CHARS, ORGAN_SUFFIX_RE, TITLE_RE, read_label

MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 30 * 1024 * 1024  # a long report's document.xml is 1–2 MB
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_RATIO = 100  # Word's XML compresses 5–20×; a bomb a thousandfold
# All the XML python-docx may parse, uncompressed: parsing costs about 0.5 s of CPU and 13 bytes of memory a
# byte (a 30 MB document.xml: 14 s, 390 MB). Word's own styles take about 1 MB and a long report's text 1–2
# MB; 200,000 characters (the most the import takes, reports/forms.py) fit in 8 MB at 40 bytes each.
MAX_XML_BYTES = 8 * 1024 * 1024
XML_SUFFIXES = (".xml", ".rels")
RATIO_CHECKED_FROM = 1024 * 1024  # a small member may compress well and harm no one

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
# Word saves a document with an opening password as an OLE file holding this stream (names are UTF-16).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

TOO_LARGE = (
    f"文件超过{MAX_UPLOAD_BYTES // (1024 * 1024)} MB，无法导入。请删去文档中的图片后再试，或直接粘贴文字。"
)
ENCRYPTED = "文件设置了打开密码，无法读取。请在 Word 中取消密码并另存为 .docx 后再导入。"
OLD_FORMAT = "这是旧版 Word（.doc）或 WPS 格式的文件，无法读取。请在 Word 或 WPS 中“另存为”.docx 后再导入。"
NOT_DOCX = "这不是 Word 文档（.docx），无法读取。请上传 .docx 或 .txt 文件，或直接粘贴文字。"
CORRUPT = "文件已损坏，无法打开。请在 Word 中打开并重新保存后再导入。"
BOMB = "文件解压后过大（可能是恶意构造的压缩文件），已拒绝导入。"
TOO_MUCH_TEXT = (
    f"文件中的文字内容过多（解压后超过{MAX_XML_BYTES // (1024 * 1024)} MB），不像是一份年度报告。"
    "请检查文件，删去多余内容后再导入，或直接粘贴报告全文。"
)
EMPTY = "文件为空，没有可以导入的文字。"


class ImportRefused(ValueError):
    """A file that cannot be imported; ``str()`` is the message for the user."""


def docx_to_lines(data: bytes) -> list[str]:
    """The document's text as lines for ``parse_report_text``; ``ImportRefused`` for a bad file."""
    document = open_docx(data)
    lines = _Reader(document).read()
    if not any(line.strip() for line in lines):
        raise ImportRefused(EMPTY)
    return lines


def open_docx(data: bytes) -> Document:
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(TOO_LARGE)
    if data.startswith(OLE_SIGNATURE):
        raise ImportRefused(ENCRYPTED if ENCRYPTED_STREAM in data else OLD_FORMAT)
    if not data.startswith(b"PK"):
        raise ImportRefused(NOT_DOCX)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise ImportRefused(CORRUPT) from error
    with archive:
        _check_members(archive.infolist())
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:  # python-docx: "file … is not a Word file" (a spreadsheet, say)
        raise ImportRefused(NOT_DOCX if "not a Word file" in str(error) else CORRUPT) from error
    except (OpcError, zipfile.BadZipFile, zlib.error, KeyError, EOFError, etree.XMLSyntaxError) as error:
        raise ImportRefused(CORRUPT) from error
    except NotImplementedError as error:  # a compression method zipfile does not know
        raise ImportRefused(CORRUPT) from error


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names:
        raise ImportRefused(NOT_DOCX)
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(BOMB)
    total = xml_total = 0
    for member in members:
        if member.flag_bits & 0x1:  # a zip-level password
            raise ImportRefused(ENCRYPTED)
        total += member.file_size
        if member.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise ImportRefused(BOMB)
        if member.file_size > RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportRefused(BOMB)
        if member.filename.lower().endswith(XML_SUFFIXES):
            xml_total += member.file_size
    # After the bomb checks, so that a bomb is named as one. From the zip's directory: nothing is inflated.
    if xml_total > MAX_XML_BYTES:
        raise ImportRefused(TOO_MUCH_TEXT)


# --- Reading the body ----------------------------------------------------------------------------------

W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDT_CONTENT = (
    qn(f"w:{t}") for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
W_T, W_TAB, W_BR, W_CR, W_TXBX = (qn(f"w:{t}") for t in ("t", "tab", "br", "cr", "txbxContent"))
W_R = qn("w:r")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not text a reader sees: the second copy of a drawing (VML fallback), a tracked move's old place, and
# the page number and other fields' instructions (w:instrText is not w:t, so it is skipped anyway).
SKIPPED = {MC_FALLBACK, qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr")}

HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
TITLE_STYLES = {"title", "标题"}
FALSE_VALUES = {"0", "false", "off"}


def _val(element: etree._Element | None, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def _on(element: etree._Element) -> bool:
    """A toggle property such as <w:b/>: on unless its value says off."""
    return element.get(qn("w:val"), "true").lower() not in FALSE_VALUES


class _Styles:
    """What a paragraph's style chain says: its name, heading level, numbering and boldness."""

    def __init__(self, document: Document) -> None:
        root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style, qn("w:basedOn"))

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            match = HEADING_STYLE_RE.match(_val(style, qn("w:name")) or "")
            if match:
                return int(match[1])
            outline = _val(style, f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if outline is not None and outline.isdigit():
                return int(outline) + 1
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any((_val(s, qn("w:name")) or "").lower() in TITLE_STYLES for s in self.chain(style_id))

    def num_pr(self, style_id: str | None) -> etree._Element | None:
        for style in self.chain(style_id):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                return num_pr
        return None

    def bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            b = style.find(f"{qn('w:rPr')}/{qn('w:b')}")
            if b is not None:
                return _on(b)
        return False


class _Numbering:
    """The level a Word-numbered paragraph's label stands for, read from the list's own format."""

    def __init__(self, document: Document) -> None:
        self.root: etree._Element | None
        try:
            self.root = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            self.root = None

    def level_format(self, num_id: str, ilvl: str | None, style_id: str | None) -> tuple[str, str] | None:
        """(numFmt, lvlText) of the list level, or None."""
        if self.root is None:
            return None
        num = next((n for n in self.root.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)
        if num is None:
            return None
        abstract_id = _val(num, qn("w:abstractNumId"))
        abstract = next(
            (
                a
                for a in self.root.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == abstract_id
            ),
            None,
        )
        levels = [*num.findall(f"{qn('w:lvlOverride')}/{qn('w:lvl')}")]
        if abstract is not None:
            levels += abstract.findall(qn("w:lvl"))
        if ilvl is None:  # numbering through the style: the level that names the style, else the first
            linked = [lvl for lvl in levels if _val(lvl, qn("w:pStyle")) == style_id]
            ilvl = linked[0].get(qn("w:ilvl")) if linked else "0"
        lvl = next((lvl for lvl in levels if lvl.get(qn("w:ilvl")) == ilvl), None)
        if lvl is None:
            return None
        return _val(lvl, qn("w:numFmt")) or "decimal", _val(lvl, qn("w:lvlText")) or ""


def label_level(num_format: str, level_text: str) -> int | None:
    """The heading level (1–4) of what Word draws for a list level: "%1、" in Chinese numbers is 1,
    "（%1）" is 2, "%1." in digits is 3, "（%1）" is 4. None for bullets and anything else."""
    chinese = "chinese" in num_format.lower() or num_format in ("japaneseCounting", "taiwaneseCounting")
    if not (chinese or num_format.startswith("decimal")) or not re.fullmatch(r"[^%]*%\d[^%]*", level_text):
        return None
    sample = re.sub(r"%\d", chinese_number(1) if chinese else "1", level_text)
    label = read_label(sample + "文")  # the label with some text after it, as a heading line has
    return label.level if label is not None and label.level >= 1 else None


class _Reader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.counters = {1: 0, 2: 0, 3: 0, 4: 0}  # the numbers read so far, for the labels written here

    def read(self) -> list[str]:
        lines: list[str] = []
        self.read_blocks(self.document.element.body, lines, top=True)
        return lines

    def read_blocks(self, container: etree._Element, out: list[str], top: bool = False) -> None:
        for child in container:
            if child.tag == W_P:
                self.read_paragraph(child, out, top)
            elif child.tag == W_TBL:
                self.read_table(child, out)
            elif child.tag in (W_SDT, W_SDT_CONTENT):  # content controls wrap ordinary paragraphs
                self.read_blocks(child, out, top)

    def read_table(self, table: etree._Element, out: list[str]) -> None:
        """One line per row, its cells apart by a tab (a cell's paragraphs apart by a space)."""
        for row in table.findall(W_TR):
            cells = []
            for cell in row.findall(W_TC):
                cell_lines: list[str] = []
                self.read_blocks(cell, cell_lines)
                cells.append(" ".join(cell_lines))
            self.add("\t".join(cells).strip(), out)

    def read_paragraph(self, paragraph: etree._Element, out: list[str], top: bool) -> None:
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        _collect(paragraph, pieces, boxes)
        for box in boxes:  # a text box is anchored at the start of its paragraph
            self.read_blocks(box, out)
        text = "".join(pieces)
        style_id = _val(paragraph, f"{qn('w:pPr')}/{qn('w:pStyle')}")
        level = self.heading_level(paragraph, style_id, top, text)
        if level or self.styles.is_title(style_id):
            text = text.replace("\n", "")  # a heading or title broken by hand to shape it is one line
        lines = [line.strip() for line in text.split("\n")]
        lines = [line for line in lines if line]
        if lines and level and read_label(lines[0]) is None:
            lines[0] = heading_label(level, self.counters[level] + 1) + lines[0]
        for line in lines:
            self.add(line, out)

    def add(self, line: str, out: list[str]) -> None:
        if not line:
            return
        label = read_label(line)
        if label is not None and label.level >= 1:
            self.counters[label.level] = label.number
            for deeper in range(label.level + 1, 5):
                self.counters[deeper] = 0
        out.append(line)

    def heading_level(
        self, paragraph: etree._Element, style_id: str | None, top: bool, text: str
    ) -> int | None:
        """The level Word shows this paragraph at, when its text has no label to say so."""
        if "\n" not in text.strip() and TITLE_RE.search(text.strip()) and not self.counters[1]:
            return None  # the title, whatever its style
        ppr = paragraph.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            num_pr = self.styles.num_pr(style_id)
        num_id = _val(num_pr, qn("w:numId"))
        style_level = self.styles.heading_level(style_id)
        outline = _val(ppr, qn("w:outlineLvl"))
        if outline is not None and outline.isdigit():
            style_level = int(outline) + 1
        if num_id and num_id != "0":
            form = self.numbering.level_format(num_id, _val(num_pr, qn("w:ilvl")), style_id)
            if form and form[0] in ("bullet", "none"):
                return None
            level = (form and label_level(*form)) or style_level
        elif style_level:
            level = style_level
        else:
            level = 2 if top and self.counters[1] and self.all_bold(paragraph, style_id, text) else None
        return level if level and level <= 4 else None

    def all_bold(self, paragraph: etree._Element, style_id: str | None, text: str) -> bool:
        """A short paragraph set wholly in bold inside a section: a sub-heading someone did not number."""
        text = text.strip()
        if not text or len(text) > MAX_HEADING_CHARS or "\n" in text or text[-1] in "：:":
            return False
        if DATE_RE.match(text) or ORGAN_SUFFIX_RE.search(text):  # the signature
            return False
        paragraph_bold = self.styles.bold(style_id)
        for run in paragraph.iter(W_R):
            if not "".join(t.text or "" for t in run.iter(W_T)).strip():
                continue
            b = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
            run_style = _val(run, f"{qn('w:rPr')}/{qn('w:rStyle')}")
            if not (_on(b) if b is not None else (self.styles.bold(run_style) or paragraph_bold)):
                return False
        return True


def _collect(element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
    """The text of a paragraph (breaks as "\\n"), and its text boxes, read apart."""
    for child in element:
        tag = child.tag
        if tag == W_T:
            pieces.append(child.text or "")
        elif tag == W_TAB:
            pieces.append("\t")
        elif tag in (W_BR, W_CR):
            pieces.append("\n")
        elif tag == W_TXBX:
            boxes.append(child)
        elif tag not in SKIPPED and tag != W_P and isinstance(tag, str):
            _collect(child, pieces, boxes)
