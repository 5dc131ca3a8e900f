"""The plain-text parser: the seed report, the variants real reports use, and nothing lost on the way."""

import datetime
import re
from pathlib import Path

import pytest

from reports.importing import create_report_from_parse, parse_report_text
from reports.importing.preview import preview_import
from reports.models import Item, Section
from reports.rendering.document import report_to_text
from tests.editor_helpers import editor_data

SEED = Path(__file__).resolve().parents[1] / "reports" / "demo_data" / "chengxi-2024-report.txt"

SINGLE_ORGAN = """\
大同镇人民政府
大同府发〔2026〕3号
关于2025年度法治政府建设情况的报告
区委、区政府：
2025年，大同镇坚持以习近平法治思想为指导，现将有关情况报告如下：
一、2025年推进法治政府建设的主要举措和成效
（一）加强组织领导。镇党委书记履行第一责任人职责，全年专题研究法治工作4次。
（二）深化普法宣传。开展集中宣传活动6次，发放资料8000余份。
二、存在的不足和原因
执法力量不足，专业人员紧缺。
三、2026年工作打算
继续加强学法用法，提升依法行政水平。
"""

NO_HEADER = """\
黄桷坪街道关于2025年法治政府建设情况的报告
2025年，黄桷坪街道认真落实法治政府建设各项任务，现将有关情况报告如下：
一、区政府主要负责同志履行推进法治建设第一责任人职责情况
街道党工委书记、办事处主任带头学法，全年主持专题会议3次。
二、主要举措
（一）规范决策。重大决策均经合法性审查。
"""

ANNUAL_TITLE = """\
2024年度法治政府建设年度报告
现将2024年度法治政府建设工作报告如下：
一、工作成效
全年开展中心组学法12次。
"""

FOUR_LEVELS = """\
关于2025年度法治政府建设情况的报告
现将有关情况报告如下：
一、主要举措和成效
（一）坚持党的领导
街道党工委全年专题研究法治工作4次。
1.强化学法
全年开展中心组学法12次。
（1）会前学法
每次党工委会前学法15分钟。
（2）专题讲座
邀请律师开展讲座2次。
2.规范执法
全年开展联合执法30余次。
（二）推进政务公开
全年主动公开政务信息115条。
二、下一年度工作打算
继续加强学法用法。
"""

ASCII_PUNCTUATION = """\
关于2024年法治政府建设报告
2024年,街道坚持依法行政:现将情况报告如下:
一、主要举措
(一)加强学习,提升能力。全年开展学法12次,培训400余人次。
(二)规范执法
1、开展联合执法30余次:检查车辆2000余辆。
2、查处违法行为200余人次。
(1)道路交通劝导20余次。
(2)消防检查10次。
二、存在的不足
执法力量不足,人员紧缺。
"""

ENUMERATION_AND_SIGNATURE = """\
关于2025年度法治政府建设情况的报告
现将2025年度法治政府建设情况报告如下：
一、工作成效
一是学法用法常态化。全年学法12次；二是矛盾纠纷化解有力。调解成功率100%；三是政务公开规范。公开信息115条。
二、2026年工作思路
一是加强培训。二是强化监督。

中共黔江区冯家街道工作委员会
黔江区人民政府冯家街道办事处
2025年2月20日
"""

OUT_OF_SEQUENCE = """\
关于2025年度法治政府建设情况的报告
现将有关情况报告如下：
一、主要举措
（一）完善制度。制定议事规则。
（三）强化监督。开展检查8次。
"""

VARIANTS = {
    "single_organ": SINGLE_ORGAN,
    "no_header": NO_HEADER,
    "annual_title": ANNUAL_TITLE,
    "four_levels": FOUR_LEVELS,
    "ascii_punctuation": ASCII_PUNCTUATION,
    "enumeration_and_signature": ENUMERATION_AND_SIGNATURE,
}

# Labels the source may write in ASCII or another form, and the form the app generates for them.
LABEL_FOLDS = [
    (re.compile(r"^\((\w{1,3})\)"), r"（\1）"),  # (一) (1) → （一） （1）
    (re.compile(r"^(\d{1,2})[、．]"), r"\1."),  # 1、 1． → 1.
    (re.compile(r"^([一二三四五六七八九十]{1,3})[.．]"), r"\1、"),  # 一. → 一、
]


def fold_labels(text):
    """Rewrite only the numbering label at the start of each line into its generated form."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        for pattern, replacement in LABEL_FOLDS:
            line = pattern.sub(replacement, line)
        lines.append(line)
    return "\n".join(lines)


def without_whitespace(text):
    return re.sub(r"\s+", "", text)


def parse_after_title(text):
    return parse_report_text("关于2025年度法治政府建设情况的报告\n" + text)


def items(parsed, section_index):
    return parsed.sections[section_index].items


# --- The seed report ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text):
    return parse_report_text(seed_text)


def test_seed_header_is_two_joint_organs_and_the_title_without_addressee(seed):
    assert seed.issuing_organs == ["中共黔江区城西街道工作委员会", "黔江区人民政府城西街道办事处"]
    assert seed.document_number == ""
    assert seed.title == "关于2024年度法治政府建设情况的报告"
    assert seed.addressee == ""


def test_seed_preamble_is_the_paragraph_ending_with_report_as_follows(seed):
    assert len(seed.preamble) == 1
    assert seed.preamble[0].startswith("2024年，在区委、区政府的坚强领导下")
    assert seed.preamble[-1].endswith("报告如下：")


def test_seed_has_four_sections_with_kinds_guessed_from_headings(seed):
    assert [s.kind for s in seed.sections] == [
        Section.Kind.ACHIEVEMENTS,
        Section.Kind.MEASURES,
        Section.Kind.SHORTCOMINGS,
        Section.Kind.NEXT_YEAR_PLANS,
    ]
    assert seed.sections[0].heading == "工作成效"


def test_seed_enumeration_in_one_paragraph_becomes_three_joined_items(seed):
    first = items(seed, 0)
    assert [i.style for i in first] == [Item.Style.ENUMERATED] * 3
    assert [i.joins_previous for i in first] == [False, True, True]
    assert first[0].heading == "街道干部职工法治意识和能力进一步增强。"
    assert first[0].body[0].startswith("通过教育培训")
    assert first[2].heading == "行政效能得到了提升，依法行政成效显著。"


def test_seed_measures_are_six_run_in_items_at_level_two(seed):
    measures = items(seed, 1)
    assert len(measures) == 6
    assert {(i.level, i.style, i.joins_previous) for i in measures} == {(2, Item.Style.RUN_IN, False)}
    assert measures[0].heading == "高度重视，落实责任。"
    assert measures[0].body[0].startswith("及时调整了街道的法治政府建设工作领导小组")
    assert measures[5].heading == "妥善处理群众信访工作，深化矛盾纠纷排查化解。"


def test_seed_free_text_under_a_section_is_one_plain_item(seed):
    (shortcoming,) = items(seed, 2)
    assert shortcoming.style == Item.Style.PLAIN
    assert shortcoming.heading == ""
    assert shortcoming.body == [
        "基层人员编制限制，承担大量执法工作任务，造成各项工作所配人员捉襟见肘，"
        "面广量大的执法任务再加上大量的行政管理工作与人员极度缺乏间的矛盾十分突出。"
    ]


def test_seed_enumeration_with_one_paragraph_each_is_not_joined(seed):
    plans = items(seed, 3)
    assert [i.style for i in plans] == [Item.Style.ENUMERATED] * 3
    assert [i.joins_previous for i in plans] == [False, False, False]
    assert plans[1].heading == "加强政务信息透明度，强化行政监督。"
    assert plans[1].body[0].endswith("自觉接受社会和群众的监督。")  # trailing spaces trimmed


def test_seed_has_no_signature_and_no_warnings(seed):
    assert seed.signing_organs == []
    assert seed.signing_date is None
    assert seed.warnings == []


def test_seed_keeps_its_ascii_comma_verbatim(seed):
    assert "“一事一议两公开一监督”工作法,建立了社区监督委员会" in items(seed, 1)[3].body[0]


# --- Nothing is lost -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_seed_prints_back_line_for_line(seed, seed_text, unit):
    report = create_report_from_parse(seed, unit, 2024)
    source_lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    assert report_to_text(report).splitlines() == source_lines


@pytest.mark.django_db
@pytest.mark.parametrize("name", VARIANTS)
def test_variant_prints_back_every_character(name, unit):
    source = VARIANTS[name]
    report = create_report_from_parse(parse_report_text(source), unit, 2025)
    assert without_whitespace(report_to_text(report)) == without_whitespace(fold_labels(source))


@pytest.mark.django_db
def test_out_of_sequence_numbering_keeps_the_text_and_renumbers(unit):
    report = create_report_from_parse(parse_report_text(OUT_OF_SEQUENCE), unit, 2025)
    expected = OUT_OF_SEQUENCE.replace("（三）强化监督", "（二）强化监督")
    assert without_whitespace(report_to_text(report)) == without_whitespace(expected)


def test_fold_labels_rewrites_only_labels():
    assert fold_labels("(一)加强学习,提升能力。\n1、检查(2)次\n  (1)会前学法\n一.成效") == (
        "（一）加强学习,提升能力。\n1.检查(2)次\n（1）会前学法\n一、成效"
    )


# --- Header variants -----------------------------------------------------------------------------------


def test_single_organ_with_document_number_and_addressee():
    parsed = parse_report_text(SINGLE_ORGAN)
    assert parsed.issuing_organs == ["大同镇人民政府"]
    assert parsed.document_number == "大同府发〔2026〕3号"
    assert parsed.title == "关于2025年度法治政府建设情况的报告"
    assert parsed.addressee == "区委、区政府："
    assert parsed.preamble == ["2025年，大同镇坚持以习近平法治思想为指导，现将有关情况报告如下："]


@pytest.mark.parametrize("number", ["新田委文〔2026〕3号", "新田委文[2026]3号", "新田委文(2026)12号"])
def test_document_number_brackets(number):
    parsed = parse_report_text(
        f"中共新田镇委员会\n{number}\n关于2025年度法治政府建设情况的报告\n一、工作成效\n"
    )
    assert parsed.document_number == number
    assert parsed.issuing_organs == ["中共新田镇委员会"]


def test_title_starting_with_the_unit_name_and_no_header():
    parsed = parse_report_text(NO_HEADER)
    assert parsed.issuing_organs == []
    assert parsed.title == "黄桷坪街道关于2025年法治政府建设情况的报告"
    assert len(parsed.preamble) == 1


def test_annual_report_title():
    parsed = parse_report_text(ANNUAL_TITLE)
    assert parsed.title == "2024年度法治政府建设年度报告"
    assert parsed.preamble == ["现将2024年度法治政府建设工作报告如下："]


def test_ascii_colon_addressee():
    parsed = parse_report_text("关于2025年法治政府建设报告\n区委、区政府:\n现将情况报告如下:\n一、工作成效\n")
    assert parsed.addressee == "区委、区政府:"
    assert parsed.preamble == ["现将情况报告如下:"]


def test_short_preamble_ending_with_colon_is_not_an_addressee():
    parsed = parse_after_title("现将有关情况报告如下：\n一、工作成效\n")
    assert parsed.addressee == ""
    assert parsed.preamble == ["现将有关情况报告如下："]


def test_missing_title_keeps_the_opening_as_preamble_with_a_warning():
    parsed = parse_report_text("今年以来，街道坚持依法行政。\n一、工作成效\n学法12次。\n")
    assert parsed.title == ""
    assert parsed.preamble == ["今年以来，街道坚持依法行政。"]
    assert len(parsed.sections) == 1
    assert any("标题" in warning for warning in parsed.warnings)


def test_text_without_sections_is_all_preamble_with_a_warning():
    parsed = parse_after_title("全年学法12次。\n")
    assert parsed.sections == []
    assert parsed.preamble == ["全年学法12次。"]
    assert any("部分标题" in warning for warning in parsed.warnings)


def test_empty_text_parses_to_nothing():
    parsed = parse_report_text(" \n\n")
    assert parsed == type(parsed)()


def test_bom_and_blank_lines_are_ignored():
    parsed = parse_report_text(
        "\ufeff\n  大同镇人民政府  \n\n   \n关于2025年度法治政府建设情况的报告\n\n一、工作成效\n"
    )
    assert parsed.issuing_organs == ["大同镇人民政府"]


# --- Sections -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("区政府主要负责同志履行推进法治建设第一责任人职责情况", Section.Kind.FIRST_RESPONSIBILITY),
        ("2025年推进法治政府建设的主要举措和成效", Section.Kind.MEASURES_AND_RESULTS),
        ("主要做法及成效", Section.Kind.MEASURES_AND_RESULTS),
        ("工作成效", Section.Kind.ACHIEVEMENTS),
        ("主要举措", Section.Kind.MEASURES),
        ("存在的问题和差距", Section.Kind.SHORTCOMINGS),
        ("2025年推进法治政府建设的工作思路和目标举措", Section.Kind.NEXT_YEAR_PLANS),
        ("下一步工作打算", Section.Kind.NEXT_YEAR_PLANS),
        ("其他需要报告的事项", Section.Kind.OTHER),
    ],
)
def test_section_kind_is_guessed_from_its_heading(heading, kind):
    parsed = parse_after_title(f"一、{heading}\n")
    assert parsed.sections[0].heading == heading
    assert parsed.sections[0].kind == kind


def test_section_labels_with_a_dot_are_read_too():
    parsed = parse_after_title("一.工作成效\n学法12次。\n二．主要举措\n")
    assert [s.heading for s in parsed.sections] == ["工作成效", "主要举措"]


def test_out_of_sequence_section_warns_but_keeps_the_section():
    parsed = parse_after_title("一、工作成效\n三、主要举措\n")
    assert [s.heading for s in parsed.sections] == ["工作成效", "主要举措"]
    assert parsed.warnings == ["编号不连续：“三、主要举措”处应为“二、”，已按顺序重新编号。"]


# --- Items ----------------------------------------------------------------------------------------------


def test_four_heading_levels_with_heading_lines_and_body_paragraphs():
    parsed = parse_report_text(FOUR_LEVELS)
    summary = [(i.level, i.style, i.heading, i.body) for i in items(parsed, 0)]
    assert summary == [
        (2, Item.Style.HEADING, "坚持党的领导", ["街道党工委全年专题研究法治工作4次。"]),
        (3, Item.Style.HEADING, "强化学法", ["全年开展中心组学法12次。"]),
        (4, Item.Style.HEADING, "会前学法", ["每次党工委会前学法15分钟。"]),
        (4, Item.Style.HEADING, "专题讲座", ["邀请律师开展讲座2次。"]),
        (3, Item.Style.HEADING, "规范执法", ["全年开展联合执法30余次。"]),
        (2, Item.Style.HEADING, "推进政务公开", ["全年主动公开政务信息115条。"]),
    ]
    assert parsed.warnings == []


def test_ascii_labels_are_read_and_the_body_keeps_ascii_punctuation():
    parsed = parse_report_text(ASCII_PUNCTUATION)
    summary = [(i.level, i.style, i.heading, i.body) for i in items(parsed, 0)]
    assert summary == [
        (2, Item.Style.RUN_IN, "加强学习,提升能力。", ["全年开展学法12次,培训400余人次。"]),
        (2, Item.Style.HEADING, "规范执法", []),
        (3, Item.Style.RUN_IN, "", ["开展联合执法30余次:检查车辆2000余辆。"]),
        (3, Item.Style.HEADING, "查处违法行为200余人次。", []),  # (1) and (2) below it
        (4, Item.Style.RUN_IN, "", ["道路交通劝导20余次。"]),
        (4, Item.Style.RUN_IN, "", ["消防检查10次。"]),
    ]
    assert parsed.preamble == ["2024年,街道坚持依法行政:现将情况报告如下:"]


def test_heading_line_ending_with_a_full_stop_stands_alone_when_body_follows():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、主要举措\n（一）高度重视，落实责任。\n及时调整领导小组。\n"
    )
    (item,) = items(parsed, 0)
    assert (item.style, item.heading, item.body) == (
        Item.Style.HEADING,
        "高度重视，落实责任。",
        ["及时调整领导小组。"],
    )


def test_long_first_sentence_is_body_not_heading():
    sentence = (
        "街道党工委书记、办事处主任切实履行法治建设第一责任人职责，全年召开专题会议研究部署法治工作3次。"
    )
    parsed = parse_report_text(
        f"关于2025年度法治政府建设情况的报告\n一、主要举措\n（一）{sentence}另开展检查8次。\n"
    )
    (item,) = items(parsed, 0)
    assert (item.style, item.heading, item.body) == (Item.Style.RUN_IN, "", [sentence + "另开展检查8次。"])


def test_paragraphs_after_an_item_belong_to_it_and_an_intro_is_a_plain_item():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、主要举措\n全年工作扎实推进。\n（一）规范决策。经合法性审查。\n另聘请法律顾问。\n"
    )
    intro, decision = items(parsed, 0)
    assert (intro.style, intro.body) == (Item.Style.PLAIN, ["全年工作扎实推进。"])
    assert decision.body == ["经合法性审查。", "另聘请法律顾问。"]


def test_a_decimal_at_the_start_of_a_paragraph_is_not_a_label():
    parsed = parse_after_title("一、工作成效\n1.5万元用于普法宣传。\n")
    (item,) = items(parsed, 0)
    assert (item.style, item.body) == (Item.Style.PLAIN, ["1.5万元用于普法宣传。"])


def test_enumeration_in_one_paragraph_splits_after_sentence_ends():
    parsed = parse_report_text(ENUMERATION_AND_SIGNATURE)
    summary = [(i.joins_previous, i.heading, i.body) for i in items(parsed, 0)]
    assert summary == [
        (False, "学法用法常态化。", ["全年学法12次；"]),
        (True, "矛盾纠纷化解有力。", ["调解成功率100%；"]),
        (True, "政务公开规范。", ["公开信息115条。"]),
    ]
    plans = items(parsed, 1)
    assert [(i.joins_previous, i.heading, i.body) for i in plans] == [
        (False, "", ["加强培训。"]),
        (True, "", ["强化监督。"]),
    ]


def test_enumeration_under_a_numbered_heading_goes_one_level_below_it():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、主要举措\n（一）加强学习\n一是学法12次。二是讲座5期。\n"
    )
    heading, first, second = items(parsed, 0)
    assert heading.style == Item.Style.HEADING
    assert [(i.level, i.style, i.joins_previous) for i in (first, second)] == [
        (3, Item.Style.ENUMERATED, False),
        (3, Item.Style.ENUMERATED, True),
    ]


def test_enumeration_splits_only_at_the_next_number_after_a_sentence_end():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、工作成效\n一是其中二是指二级。二是完成，三是。\n"
    )
    assert [i.body for i in items(parsed, 0)] == [["其中二是指二级。"], ["完成，三是。"]]


def test_out_of_sequence_item_warns_naming_the_line():
    parsed = parse_report_text(OUT_OF_SEQUENCE)
    assert [i.heading for i in items(parsed, 0)] == ["完善制度。", "强化监督。"]
    assert parsed.warnings == [
        "编号不连续：“（三）强化监督。开展检查8次。”处应为“（二）”，已按顺序重新编号。"
    ]


def test_enumeration_starting_at_two_warns():
    parsed = parse_after_title("一、工作成效\n二是学法12次。\n")
    assert parsed.warnings == ["编号不连续：“二是学法12次。”处应为“一是”，已按顺序重新编号。"]


# --- Signature ------------------------------------------------------------------------------------------


def test_signature_with_two_organs_and_a_date():
    parsed = parse_report_text(ENUMERATION_AND_SIGNATURE)
    assert parsed.signing_organs == ["中共黔江区冯家街道工作委员会", "黔江区人民政府冯家街道办事处"]
    assert parsed.signing_date == datetime.date(2025, 2, 20)
    assert items(parsed, 1)[-1].body == ["强化监督。"]


def test_date_with_leading_zeros_and_no_organs():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、工作成效\n学法12次。\n2025年02月20日\n"
    )
    assert parsed.signing_date == datetime.date(2025, 2, 20)
    assert parsed.signing_organs == []
    assert items(parsed, 0)[0].body == ["学法12次。"]


def test_closing_line_that_is_not_an_organ_stays_in_the_body():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、工作成效\n学法12次。\n特此报告\n大同镇人民政府\n2025年3月1日\n"
    )
    assert parsed.signing_organs == ["大同镇人民政府"]
    assert items(parsed, 0)[0].body == ["学法12次。", "特此报告"]


def test_impossible_date_stays_in_the_body_with_a_warning():
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n一、工作成效\n学法12次。\n2025年2月30日\n"
    )
    assert parsed.signing_date is None
    assert items(parsed, 0)[0].body == ["学法12次。", "2025年2月30日"]
    assert parsed.warnings == ["日期无效，留在正文中：“2025年2月30日”"]


@pytest.mark.parametrize("label", ["{n}.", "（{n}）"])
def test_items_are_recognised_to_999(label):
    """Issue 15 #11: items numbered "100." onwards merged into item 99."""
    lines = ["关于2025年度法治政府建设情况的报告", "一、主要举措和成效"]
    lines += [label.format(n=n) + f"第{n}项工作。" for n in range(1, 121)]
    parsed = parse_report_text("\n".join(lines))
    items = parsed.sections[0].items
    assert len(items) == 120
    assert "第100项工作。" in items[99].heading + "".join(items[99].body)
    assert "第120项工作。" in items[119].heading + "".join(items[119].body)


def test_an_item_longer_than_the_editor_takes_is_split_not_refused(unit, client, staff):
    """Issue 15 #11: an import stored one item of 126,914 characters that the editor then refused to save."""
    long = "".join(f"第{n}句，推进依法行政工作取得新进展。" for n in range(4000))  # ~80,000 characters
    text = (
        "关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n（一）依法行政。"
        + long
        + "\n（二）下一条。正文。"
    )
    found = preview_import(text, [])
    items = found.parsed.sections[0].items
    assert all(len("\n".join(item.body)) <= Item.BODY_MAX for item in items)
    assert [item.style for item in items][1:-1] == ["plain"] * (len(items) - 2)
    assert "".join("".join(item.body) for item in items[:-1]) == long
    assert any("一字未删" in warning for warning in found.warnings)
    report = create_report_from_parse(found.parsed, unit, 2025)
    client.force_login(staff)
    response = client.post(f"/reports/{report.pk}/edit/", editor_data(report))
    assert response.status_code == 302  # the editor saves it as it is
