"""The .docx export read back with python-docx: GB/T 9704 page, fonts, grid, page numbers, attachment."""

import datetime
import io
from urllib.parse import quote

import docx
import pytest
from django.core.management import call_command
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from reports.common.downloads import DOCX
from reports.models import Organ, Report
from reports.rendering.docx import render_docx
from tests.docx_helpers import seed_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(unit):
    report = seed_report(unit, signing_date=datetime.date(2025, 1, 10))
    Organ.objects.create(
        report=report, role=Organ.Role.SIGNING, position=0, name="黔江区人民政府城西街道办事处"
    )
    return Report.objects.select_related("unit").get(pk=report.pk)


def open_docx(report):
    return docx.Document(io.BytesIO(render_docx(report)))


def east_asian_font(element):
    rfonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return rfonts.get(qn("w:eastAsia")) if rfonts is not None else None


def test_page_is_a4_with_the_gbt9704_margins_and_22_lines_of_28_characters(seed):
    document = open_docx(seed)
    section = document.sections[0]
    mm = [round(length.mm, 1) for length in (section.page_width, section.page_height)]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert mm == [210, 297]  # stored in twips: 210 mm is 11906 twips, 209.998 mm
    assert [round(margin.mm, 1) for margin in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert int(text_height / Pt(28.95)) == 22
    # 16 pt characters drawn 0.25 pt closer: 28 fit the 156 mm line, 29 do not.
    spacing = document.styles["Normal"].element.rPr.find(qn("w:spacing")).get(qn("w:val"))
    advance = 16 + int(spacing) / 20
    text_width = (section.page_width - section.left_margin - section.right_margin) / Pt(1)
    assert int(text_width / advance) == 28


def test_body_is_16pt_fangsong_on_an_exact_line_indented_two_characters(seed):
    document = open_docx(seed)
    normal = document.styles["Normal"]
    assert east_asian_font(normal.element) == "仿宋_GB2312"
    assert normal.font.size == Pt(16)
    fmt = normal.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing == Pt(28.95)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert normal.element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    body = next(p for p in document.paragraphs if p.text.startswith("2024年，在区委"))
    assert body.style.name == "Normal"


def test_title_headings_and_run_in_labels_in_their_fonts(seed):
    document = open_docx(seed)
    styles = document.styles
    assert east_asian_font(styles["Title"].element) == "方正小标宋简体"
    assert styles["Title"].font.size == Pt(22)
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asian_font(styles["Heading 1"].element) == "黑体"
    assert east_asian_font(styles["Heading 2"].element) == "楷体_GB2312"
    assert styles["Heading 1"].font.bold is False
    paragraphs = {p.text: p for p in document.paragraphs}
    assert paragraphs["关于2024年度法治政府建设情况的报告"].style.name == "Title"
    assert paragraphs["中共黔江区城西街道工作委员会"].style.name == "Title"
    assert paragraphs["一、工作成效"].style.name == "Heading 1"
    run_in = next(p for p in document.paragraphs if p.text.startswith("（一）高度重视"))
    assert [(r.text, east_asian_font(r._r)) for r in run_in.runs[:2]] == [
        ("（一）", "楷体_GB2312"),
        ("高度重视，落实责任。", "楷体_GB2312"),
    ]
    assert east_asian_font(run_in.runs[2]._r) is None  # the body font of the paragraph


def test_the_font_table_names_the_free_fonts_as_alternatives(seed):
    document = open_docx(seed)
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    table = docx.oxml.parse_xml(part.blob)
    alt_names = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in table.findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert "AR PL SungtiL GB" in alt_names["仿宋_GB2312"]
    assert "Noto Sans CJK SC" in alt_names["黑体"]
    assert "AR PL KaitiM GB" in alt_names["楷体_GB2312"]
    assert "Noto Serif CJK SC" in alt_names["方正小标宋简体"]


def test_footers_carry_the_page_number_right_on_odd_pages_left_on_even(seed):
    document = open_docx(seed)
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == align
        assert [i.text for i in paragraph._p.iter(qn("w:instrText"))] == [" PAGE "]
        assert paragraph.text == "— 1 —"  # the field's last result, "1", between the dashes
        assert {east_asian_font(r._r) for r in paragraph.runs} == {"宋体"}
        assert {r.font.size for r in paragraph.runs} == {Pt(14)}


def test_signature_attachment_note_and_the_indicator_table(seed):
    document = open_docx(seed)
    texts = [p.text for p in document.paragraphs]
    note = texts.index("附件：主要指标统计表")
    assert texts[note + 1 : note + 3] == ["黔江区人民政府城西街道办事处", "2025年1月10日"]
    signature = document.paragraphs[note + 1]
    assert signature.paragraph_format.left_indent > Pt(100)  # to the right, two characters in
    mark = document.paragraphs[note + 3]
    assert (mark.text, mark.paragraph_format.page_break_before) == ("附件", True)
    assert east_asian_font(mark.runs[0]._r) == "黑体"
    assert document.paragraphs[note + 4].text == "主要指标统计表"
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["指标", "数值", "上年", "同比"]
    assert ["排查矛盾纠纷", "1705件", "", ""] in rows
    assert ["党工委中心组学法", "12次", "", ""] in rows
    assert len(rows) == 1 + seed.indicator_values.count() + len({r[0] for r in rows if len(set(r)) == 1})


def test_drafts_say_so_in_the_header_approved_reports_do_not(seed):
    header = open_docx(seed).sections[0].header
    assert "草稿" in header.paragraphs[0].text
    seed.status = Report.Status.APPROVED
    seed.save()
    assert "草稿" not in open_docx(seed).sections[0].header.paragraphs[0].text


def test_a_report_without_values_has_no_attachment(report):
    document = open_docx(report)
    assert not document.tables
    assert "附件：主要指标统计表" not in [p.text for p in document.paragraphs]
    assert document.paragraphs[0].text == "关于2025年度法治政府建设情况的报告"


def test_document_properties(seed):
    properties = open_docx(seed).core_properties
    assert properties.title == "关于2024年度法治政府建设情况的报告"
    assert properties.author == "黔江区城西街道"
    assert properties.keywords == "法治政府建设年度报告,城西街道,2024年度"


@pytest.mark.parametrize("who", ["staff", "leader", "district_officer"])
def test_the_download_for_everyone_who_may_see_the_report(client, seed, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(f"/reports/{seed.pk}/docx/")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="report-chengxi-2024.docx"; ')
    assert disposition.endswith("filename*=UTF-8''" + quote("城西街道2024年度法治政府建设情况的报告.docx"))
    assert (
        docx.Document(io.BytesIO(response.content)).paragraphs[2].text == "关于2024年度法治政府建设情况的报告"
    )


def test_another_units_user_gets_404_and_visitors_the_login(client, seed, outsider):
    assert client.get(f"/reports/{seed.pk}/docx/").status_code == 302
    client.force_login(outsider)
    assert client.get(f"/reports/{seed.pk}/docx/").status_code == 404


def test_the_commands_export_a_docx_and_import_it_back(seed, other_unit, tmp_path):
    output = tmp_path / "城西街道2024.docx"
    out = io.StringIO()
    call_command("export_report", unit="chengxi", year=2024, format="docx", output=str(output), stdout=out)
    assert "已导出 城西街道2024年度报告" in out.getvalue()
    assert docx.Document(str(output)).paragraphs[2].text == "关于2024年度法治政府建设情况的报告"
    out = io.StringIO()
    call_command("import_report", str(output), unit="chengdong", year=2024, stdout=out)
    assert "二、主要举措〔主要举措〕 6条" in out.getvalue()
    assert "附件：" in out.getvalue()  # the indicator table, set aside
    copy = Report.objects.get(unit=other_unit, year=2024)
    assert [s.heading for s in copy.sections.all()] == [s.heading for s in seed.sections.all()]
    assert copy.signing_organs[0].name == "黔江区人民政府城西街道办事处"
