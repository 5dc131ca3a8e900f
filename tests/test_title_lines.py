"""The title wraps between words, in even lines (GB/T 9704-2012 7.3.3: 回行时，要做到词意完整，排列对称).

Measured on the PDF: the title's 22 pt lines as WeasyPrint laid them out. Whether a break is inside a word
is judged against words listed here by hand, not by the segmenter under test.
"""

import io

import docx
import pytest

from reports.models import Report
from reports.rendering.docx import render_docx
from reports.rendering.pdf import render_pdf
from reports.rendering.title import segment, title_lines
from tests.document_helpers import make_units, pdf_lines, squeeze

pytestmark = pytest.mark.django_db

# Unit names of the demo and of published reports (tests/corpus), and long ones.
UNITS = [
    "",
    "城西街道",
    "黔江区城西街道",
    "黔江区人民政府城西街道办事处",
    "中共黔江区城西街道工作委员会",
    "黔江区濯水镇人民政府",
    "黔江区市场监督管理局",
    "黔江区生态环境局",
    "渝东市新安区白石镇人民政府",
    "鲤城区人民政府金龙街道办事处",
    "丰都县栗子乡人民政府",
    "北城街街道办事处",
    "重庆市长寿区司法局",
]
FORMS = [
    "关于{year}年度法治政府建设情况的报告",
    "{year}年度法治政府建设工作报告",
    "关于{year}年法治政府建设工作情况的报告",
    "{year}年法治政府建设年度报告",
]
TITLES = [unit + form.format(year=2024) for unit in UNITS for form in FORMS] + [
    "黔江区人民政府城西街道办事处关于贯彻落实《法治政府建设实施纲要（2021—2025年）》推进依法行政工作情况的报告",
]
# What must not be split: every unit name's parts, and the words of the titles.
WHOLE = [
    *UNITS[1:],
    "黔江区", "城西街道", "城西", "街道", "办事处", "人民政府", "工作委员会", "委员会", "濯水镇", "白石镇",
    "新安区", "渝东市", "鲤城区", "金龙街道", "丰都县", "栗子乡", "北城街街道", "长寿区", "重庆市", "司法局",
    "市场监督管理局", "生态环境局", "关于", "2024年度", "2024年", "法治政府", "法治", "政府", "建设",
    "情况", "报告", "工作", "年度", "纲要", "依法行政", "（2021—2025年）", "《法治政府", "实施",
]  # fmt: skip


def breaks_inside(lines):
    """The words of WHOLE that ``lines`` (the title's printed lines) break inside."""
    text = "".join(lines)
    cuts = set()
    position = 0
    for line in lines[:-1]:
        position += len(line)
        cuts.add(position)
    broken = []
    for word in WHOLE:
        start = text.find(word)
        while start != -1:
            if any(start < cut < start + len(word) for cut in cuts):
                broken.append(word)
            start = text.find(word, start + 1)
    return broken


def printed_title(pages, title):
    """The title's lines on page 1: the 22 pt lines after the issuing organs, up to the addressee."""
    lines = [line for line in pages[0] if line]
    start = next(n for n, line in enumerate(lines) if squeeze(title).startswith(line))
    found, text = [], ""
    for line in lines[start:]:
        if text == squeeze(title):
            break
        found.append(line)
        text += line
    assert text == squeeze(title), lines
    return found


def test_titles_of_every_length_break_between_words_in_even_lines():
    _, unit = make_units()
    report = unit.reports.create(
        year=2024, status=Report.Status.APPROVED, addressee="区委：", preamble="正文。"
    )
    faults = []
    wrapped = 0
    for title in TITLES:
        Report.objects.filter(pk=report.pk).update(title=title)
        report.refresh_from_db()
        pages = pdf_lines(render_pdf(report), sizes=(22,))
        lines = printed_title(pages, title)
        wrapped += len(lines) > 1
        if broken := breaks_inside(lines):
            faults.append(f"{lines}: breaks inside {broken}")
        shortest, longest = min(map(len, lines)), max(map(len, lines))
        if len(lines) > 1 and (shortest < 3 or shortest < longest / 2):
            faults.append(f"{lines}: uneven lines")
    assert faults == [], "\n".join(faults)
    assert wrapped >= len(TITLES) // 2  # most of them do wrap


def test_the_title_that_broke_inside_words_before():
    """issue 15: "…年度法治政 / 府建设情况的报告" and "…法治政府建 / 设工作报告"."""
    lines = [
        "".join(line)
        for line in title_lines("黔江区人民政府城西街道办事处关于2024年度法治政府建设情况的报告")
    ]
    assert lines == ["黔江区人民政府城西街道办事处", "关于2024年度法治政府建设情况的报告"]
    lines = [
        "".join(line) for line in title_lines("中共黔江区城西街道工作委员会2024年度法治政府建设工作报告")
    ]
    assert lines == ["中共黔江区城西街道工作委员会", "2024年度法治政府建设工作报告"]


def test_staff_set_a_break_with_a_space_and_it_is_not_printed():
    assert title_lines("黔江区城西街道 关于2024年度法治政府建设情况的报告") == [
        ["黔江区城西街道"],
        ["关于2024年度", "法治政府", "建设", "情况的", "报告"],
    ]


def test_the_segmenter_keeps_names_numbers_and_brackets_whole():
    assert segment("渝东市新安区白石镇人民政府关于2025年度法治政府建设情况的报告") == [
        "渝东市新安区白石镇", "人民政府", "关于2025年度", "法治政府", "建设", "情况的", "报告",
    ]  # fmt: skip
    assert "（2021—2025年）》" in segment("落实《法治政府建设实施纲要（2021—2025年）》情况")


def test_a_word_longer_than_a_line_is_cut_to_lines():
    lines = title_lines("某" * 45)
    assert ["".join(line) for line in lines] == ["某" * 20, "某" * 20, "某" * 5]


def test_the_word_file_breaks_the_title_where_the_pdf_does():
    _, unit = make_units()
    report = unit.reports.create(
        year=2024, title="黔江区人民政府城西街道办事处关于2024年度法治政府建设情况的报告"
    )
    document = docx.Document(io.BytesIO(render_docx(report)))
    title = next(p for p in document.paragraphs if "法治政府" in p.text)
    assert title.text == "黔江区人民政府城西街道办事处\n关于2024年度法治政府建设情况的报告"
