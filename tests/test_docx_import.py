"""Reading .docx files: bad files refused with a Chinese message, Word's styles, numbering and bold read as
headings, every character of the text kept, and a seed report in Word parsed as its text is."""

import io
import zipfile
from collections import Counter

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from reports.importing import ImportRefused, create_report_from_parse, parse_report_text, read_report_file
from reports.importing.docx import (
    BOMB,
    CORRUPT,
    EMPTY,
    ENCRYPTED,
    MAX_UPLOAD_BYTES,
    NOT_DOCX,
    OLD_FORMAT,
    OLE_SIGNATURE,
    TOO_LARGE,
    docx_to_lines,
    label_level,
)
from reports.importing.files import UNKNOWN_ENCODING, UNSUPPORTED
from reports.rendering.document import report_to_text
from tests.docx_helpers import docx_bytes, seed_docx, seed_text


def refusal(name, data):
    with pytest.raises(ImportRefused) as raised:
        read_report_file(name, data)
    return str(raised.value)


# --- Bad files ------------------------------------------------------------------------------------------


def zip_bomb(size=64 * 1024 * 1024):
    """A .docx-looking zip whose document.xml inflates from ~64 KB to ``size`` bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def ole_file(*streams):
    """The start of an OLE compound file, as Word writes encrypted and old .doc files."""
    return OLE_SIGNATURE + b"\0" * 504 + b"".join(name.encode("utf-16-le") for name in streams)


BAD_FILES = [
    ("not a docx", "report.docx", b"%PDF-1.7\n1 0 obj", NOT_DOCX),
    ("a zip that is not Word", "report.docx", None, NOT_DOCX),
    ("corrupt zip", "report.docx", b"PK\x03\x04" + b"\x13\x37" * 200, CORRUPT),
    ("truncated docx", "report.docx", None, CORRUPT),
    ("password-protected", "report.docx", ole_file("EncryptionInfo", "EncryptedPackage"), ENCRYPTED),
    ("old binary .doc", "report.doc", ole_file("WordDocument"), OLD_FORMAT),
    ("empty document", "report.docx", None, EMPTY),
    ("blank paragraphs only", "report.docx", None, EMPTY),
    ("over 10 MB", "report.docx", b"PK\x03\x04" + b"\0" * MAX_UPLOAD_BYTES, TOO_LARGE),
    ("empty text file", "report.txt", " \r\n\r\n", EMPTY),
    ("undecodable text", "report.txt", b"\xff\xfe\xfa" * 10, UNKNOWN_ENCODING),
    ("a PDF", "report.pdf", b"%PDF-1.7", UNSUPPORTED),
]


def bad_file_bytes(label, data):
    """The bad files that need building."""
    if data is not None:
        return data.encode() if isinstance(data, str) else data
    if label == "a zip that is not Word":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        return buffer.getvalue()
    if label == "truncated docx":
        data = seed_docx()
        return data[: len(data) // 2]
    document = docx.Document()
    if label == "blank paragraphs only":
        for _ in range(3):
            document.add_paragraph("   ")
    return docx_bytes(document)


@pytest.mark.parametrize(("label", "name", "data", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_files_are_refused_with_a_chinese_message(label, name, data, message):
    assert refusal(name, bad_file_bytes(label, data)) == message


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    data = zip_bomb()
    assert len(data) < 200_000
    assert refusal("report.docx", data) == BOMB


def test_a_member_compressed_a_thousandfold_is_a_bomb_though_small():
    data = zip_bomb(size=4 * 1024 * 1024)
    assert refusal("report.docx", data) == BOMB


def test_refusals_are_value_errors():
    assert issubclass(ImportRefused, ValueError)


def test_a_docx_renamed_txt_is_still_read_as_word():
    assert read_report_file("report.txt", seed_docx()).startswith("中共黔江区城西街道工作委员会\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_text_files_in_chinese_encodings(encoding):
    assert read_report_file("报告.TXT", seed_text().encode(encoding)) == seed_text()


# --- The seed in Word -----------------------------------------------------------------------------------


def structure(parsed):
    return parsed.issuing_organs, parsed.title, parsed.preamble, parsed.sections, parsed.warnings


def test_the_seed_as_word_parses_as_its_text():
    lines = docx_to_lines(seed_docx())
    assert structure(parse_report_text("\n".join(lines))) == structure(parse_report_text(seed_text()))


def test_every_character_of_the_word_document_lands_in_the_report(unit):
    report = create_report_from_parse(parse_report_text(read_report_file("r.docx", seed_docx())), unit, 2024)

    def characters(text):
        return Counter(c for c in text if not c.isspace())

    assert characters(report_to_text(report)) == characters(seed_text())


def seed_without_labels():
    """The seed's lines, with the "一、" and "（一）" labels taken off: (level or None, text) pairs."""
    from reports.importing.parser import read_label

    rows = []
    for line in seed_text().splitlines():
        line = line.strip()
        label = read_label(line) if line else None
        if label is not None and label.level in (1, 2):
            rows.append((label.level, label.text))
        elif line:
            rows.append((None, line))
    return rows


def test_heading_styles_without_typed_numbers_get_their_labels():
    document = docx.Document()
    for level, text in seed_without_labels():
        document.add_paragraph(text, style=f"Heading {level}" if level else None)
    lines = docx_to_lines(docx_bytes(document))
    assert "一、工作成效" in lines
    assert "（二）健全队伍，提升素质。扎实开展培训，" in next(line for line in lines if "健全队伍" in line)
    assert structure(parse_report_text("\n".join(lines))) == structure(parse_report_text(seed_text()))


def add_chinese_numbering(document):
    """A Word list drawing "一、" at level 0 and "（一）" at level 1 (Chinese Word's multilevel list)."""
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def number(paragraph, ilvl, num_id="90"):
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_word_automatic_numbering_is_read_as_the_labels_it_draws():
    document = docx.Document()
    add_chinese_numbering(document)
    for level, text in seed_without_labels():
        paragraph = document.add_paragraph(text)
        if level:
            number(paragraph, level - 1)
    lines = docx_to_lines(docx_bytes(document))
    assert "四、2025年推进法治政府建设的工作思路和目标举措" in lines
    assert structure(parse_report_text("\n".join(lines))) == structure(parse_report_text(seed_text()))


def test_bullets_are_not_headings():
    document = docx.Document()
    document.add_paragraph("一、主要举措")
    document.add_paragraph("开展学习。", style="List Bullet")
    assert docx_to_lines(docx_bytes(document)) == ["一、主要举措", "开展学习。"]


@pytest.mark.parametrize(
    ("num_format", "level_text", "level"),
    [
        ("chineseCounting", "%1、", 1),
        ("chineseCountingThousand", "（%1）", 2),
        ("decimal", "%1.", 3),
        ("decimal", "（%1）", 4),
        ("decimal", "%1.%2.", None),
        ("bullet", "", None),
        ("upperLetter", "%1.", None),
    ],
)
def test_label_level_of_word_list_formats(num_format, level_text, level):
    assert label_level(num_format, level_text) == level


def test_a_bold_short_paragraph_inside_a_section_is_a_sub_heading():
    document = docx.Document()
    document.add_paragraph("一、主要举措")
    document.add_paragraph().add_run("高度重视，落实责任").bold = True
    document.add_paragraph("及时调整了领导小组。")
    document.add_paragraph().add_run(
        "全年召开专题会议2次，研究部署法治政府建设及普法依法治理工作，形成了齐抓共管、协同推进的工作格局。"
    ).bold = True
    lines = docx_to_lines(docx_bytes(document))
    assert lines[1] == "（一）高度重视，落实责任"
    assert not lines[3].startswith("（")  # too long for a heading: bold body text
    item = parse_report_text("\n".join(lines)).sections[0].items[0]
    assert (item.style, item.heading, item.body[0]) == (
        "heading",
        "高度重视，落实责任",
        "及时调整了领导小组。",
    )


def test_a_title_broken_by_hand_is_one_line_and_soft_breaks_elsewhere_split():
    document = docx.Document()
    title = document.add_paragraph(style="Title")
    title.add_run("关于2024年度法治政府")
    title.add_run().add_break()
    title.add_run("建设情况的报告")
    body = document.add_paragraph("第一段。")
    body.add_run().add_break()
    body.add_run("第二段。")
    assert docx_to_lines(docx_bytes(document)) == [
        "关于2024年度法治政府建设情况的报告",
        "第一段。",
        "第二段。",
    ]


def test_tables_text_boxes_and_content_controls_lose_no_text():
    document = docx.Document()
    document.add_paragraph("一、主要举措")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "次数"
    table.cell(1, 0).text, table.cell(1, 1).text = "中心组学法", "12次"
    # A text box as Word saves it: the drawing, and a VML copy of it for old readers (read once).
    box = f"<w:txbxContent {nsdecls('w')}><w:p><w:r><w:t>文本框里的文字</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph("正文。")._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>内容控件里的段落</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    inserted = document.add_paragraph("原有")
    inserted._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>修订插入</w:t></w:r></w:ins>')
    )
    inserted._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>已删除</w:delText></w:r></w:del>'
        )
    )
    assert docx_to_lines(docx_bytes(document)) == [
        "一、主要举措",
        "项目\t次数",
        "中心组学法\t12次",
        "文本框里的文字",
        "正文。",
        "内容控件里的段落",
        "原有修订插入",
    ]


def test_a_heading_style_on_the_title_does_not_number_it():
    document = docx.Document()
    document.add_paragraph("关于2024年度法治政府建设情况的报告", style="Heading 1")
    document.add_paragraph("工作成效", style="Heading 1")
    assert docx_to_lines(docx_bytes(document)) == ["关于2024年度法治政府建设情况的报告", "一、工作成效"]


def test_a_style_based_on_a_heading_is_a_heading():
    document = docx.Document()
    style = document.styles.add_style("报告一级标题", 1)  # 1: a paragraph style
    style.base_style = document.styles["Heading 1"]
    style.font.size = Pt(16)
    document.add_paragraph("工作成效", style="报告一级标题")
    assert docx_to_lines(docx_bytes(document)) == ["一、工作成效"]
