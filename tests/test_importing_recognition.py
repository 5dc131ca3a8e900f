"""How offices actually write their reports (issue 18): section headings, titles and headers, inline
lists, damaged numbering, ASCII punctuation; and the figures they state in other districts' wording."""

from decimal import Decimal

import pytest

from indicators.extraction import match_figures, suggest_values, units_match
from indicators.models import Indicator, Qualifier
from reports.importing import parse_report_text
from reports.importing.parser import find_inline_lists, guess_section_kind, split_inline_list
from tests.corpus_expectations import national_indicators

TITLE = "关于2025年度法治政府建设情况的报告\n"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2025年主要工作情况", "measures_and_results"),
        ("2025年度工作总体情况", "measures_and_results"),
        ("2025年度法治政府建设工作情况", "measures_and_results"),
        ("2025年推进法治政府建设总体情况", "measures_and_results"),
        ("2025年推进法治政府建设的主要举措和成效", "measures_and_results"),
        ("主要工作及成效", "measures_and_results"),
        ("基本情况和主要成效", "measures_and_results"),
        ("推进法治政府建设的主要举措与显著成效", "measures_and_results"),
        ("2025年推进法治政府建设的主要举措和工作成效", "measures_and_results"),
        ("2023年我局推进法治政府建设的举措和效果", "measures_and_results"),
        ("主要成效", "achievements"),
        ("2022年法治政府建设主要措施", "measures"),
        ("存在的问题和不足", "shortcomings"),
        ("存在的不足和原因", "shortcomings"),
        ("法治政府建设工作存在的问题及原因", "shortcomings"),
        ("短板弱项", "shortcomings"),
        ("下一步工作打算", "next_year_plans"),
        ("2026年工作思路", "next_year_plans"),
        ("2026年推进法治政府建设的主要安排", "next_year_plans"),
        ("今后工作计划", "next_year_plans"),
        ("主要负责人履行推进法治建设第一责任人职责情况", "first_responsibility"),
        ("区政府主要负责同志履行推进法治建设第一责任人职责情况", "first_responsibility"),
        ("党政主要负责人履行法治建设职责情况", "first_responsibility"),
        ("其他需要报告的事项", "other"),
    ],
)
def test_section_kinds_from_the_wordings_offices_use(heading, kind):
    assert guess_section_kind(heading) == kind


@pytest.mark.parametrize(
    "heading", ["坚持问题导向，提升执法质效", "强化法治宣传，营造良好氛围", "聚焦特色创新"]
)
def test_a_themed_heading_names_no_kind_of_its_own(heading):
    assert guess_section_kind(heading) == ""


def test_themed_sections_before_the_shortcomings_are_measures_and_after_the_plans_other():
    parsed = parse_report_text(
        TITLE + "现报告如下：\n一、坚持党的领导，压实责任\n正文。\n二、强化法治宣传，营造氛围\n正文。\n"
        "三、存在的问题和不足\n正文。\n四、下一步工作打算\n正文。\n五、加强队伍建设\n正文。\n"
    )
    assert [(s.kind, s.kind_from_position) for s in parsed.sections] == [
        ("measures_and_results", True),
        ("measures_and_results", True),
        ("shortcomings", False),
        ("next_year_plans", False),
        ("other", True),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "某某街道2025年法治工作情况",
        "某某镇人民政府2025年度法治政府建设工作总结",
        "某某局关于2025年依法行政工作情况汇报",
        "关于2025年度法治政府建设情况的报告",
    ],
)
def test_titles_by_position_and_form_not_only_by_their_last_word(title):
    parsed = parse_report_text(
        f"{title}\n2025年，我们认真落实各项任务，现报告如下：\n一、主要工作情况\n正文。\n"
    )
    assert parsed.title == title
    assert parsed.warnings == []


def test_a_short_line_ending_in_情况_that_names_no_subject_is_no_title():
    parsed = parse_report_text("基本情况\n一、主要工作情况\n正文。\n")
    assert parsed.title == ""


def test_organs_and_title_on_one_line_are_split():
    parsed = parse_report_text(
        "古丈县司法局 关于2024年度法治政府建设情况的报告\n县委、县人民政府:\n现报告如下:\n"
    )
    assert parsed.issuing_organs == ["古丈县司法局"]
    assert parsed.title == "关于2024年度法治政府建设情况的报告"
    assert parsed.addressee == "县委、县人民政府:"


def test_no_title_keeps_the_addressee_and_invents_none():
    parsed = parse_report_text(
        "X委全面依法治X委员会：\n2025年，我镇认真落实，现报告如下：\n一、主要工作情况\n正文。\n"
    )
    assert (parsed.title, parsed.addressee) == ("", "X委全面依法治X委员会：")
    assert parsed.preamble == ["2025年，我镇认真落实，现报告如下："]


def test_a_web_headline_above_the_real_title_is_marked_as_a_duplicate():
    parsed = parse_report_text(
        "静海区2023年度法治政府建设情况报告\n来源:区政府办公室 发布时间:2024-03-28 09:18\n"
        "静海区2023年度法治政府建设情况报告\n2023年，静海区坚持…。\n一、主要工作情况\n正文。\n"
    )
    assert parsed.title == "静海区2023年度法治政府建设情况报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "来源:区政府办公室 发布时间:2024-03-28 09:18",
        "静海区2023年度法治政府建设情况报告",
    ]


def test_a_pages_line_of_its_publishing_date_written_fabiao_riqi_is_a_page_line():
    parsed = parse_report_text(
        "长者版 无障碍阅读\n殷祖镇2024年法治政府建设工作总结\n发表日期:2025-01-23    文章来源:大冶市殷祖镇人民政府\n"
        "2024年度，殷祖镇坚持…。\n一、主要举措及成效\n正文。\n"
    )
    assert parsed.title == "殷祖镇2024年法治政府建设工作总结"
    assert "发表日期:2025-01-23    文章来源:大冶市殷祖镇人民政府" in [
        parsed.preamble[i] for i in parsed.page_lines
    ]


def test_a_breadcrumbs_label_written_nin_xianzai_suozai_de_weizhi_is_a_page_line_not_the_addressee():
    parsed = parse_report_text(
        "您现在所在的位置 :\n首页 > 海丰县人民政府门户网站 > 专题专栏 > 2025年\n"
        "2025年，平东镇坚持…。\n一、法治建设工作情况及主要措施和成效\n正文。\n"
    )
    assert parsed.addressee == ""
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "您现在所在的位置 :",
        "首页 > 海丰县人民政府门户网站 > 专题专栏 > 2025年",
    ]


def test_a_title_broken_over_two_lines_below_the_sites_particulars_is_the_documents_and_the_headline_a_duplicate():
    parsed = parse_report_text(
        "噶尔县左左乡2025年法治政府建设工作 年度报告\n- 索引号:grsxx/2026-00000\n- 发布日期:2026-01-21\n"
        "噶尔县左左乡2025年法治政府建设工作\n年度报告\n在县委领导下，左左乡坚持…。\n一、工作开展情况\n正文。\n"
    )
    assert parsed.title == "噶尔县左左乡2025年法治政府建设工作年度报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "- 索引号:grsxx/2026-00000",
        "- 发布日期:2026-01-21",
        "噶尔县左左乡2025年法治政府建设工作 年度报告",
    ]
    assert parsed.preamble[-1] == "在县委领导下，左左乡坚持…。"


def test_a_heading_of_work_done_and_its_results_with_no_conjunction_is_measures_and_results():
    parsed = parse_report_text("2025年，街道坚持…。\n一、主要做法成效\n正文。\n二、存在的问题\n问题。\n")
    assert [s.kind for s in parsed.sections] == ["measures_and_results", "shortcomings"]


def test_a_pages_source_written_on_the_line_below_its_key_is_a_page_line():
    parsed = parse_report_text(
        "滑县万古镇人民政府关于2025年法治政府建设情况的报告\n发布时间:\n2026-03-04\n作者:\n来源:\n万古镇人民政府\n"
        "2025年，万古镇坚持…。\n一、2025年法治政府建设主要工作及成效\n正文。\n"
    )
    assert parsed.title == "滑县万古镇人民政府关于2025年法治政府建设情况的报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "发布时间:",
        "2026-03-04",
        "作者:",
        "来源:",
        "万古镇人民政府",
    ]
    assert parsed.preamble[-1] == "2025年，万古镇坚持…。"


def test_a_headline_differing_from_the_title_by_du_or_de_is_a_duplicate_and_the_title_is_the_documents():
    parsed = parse_report_text(
        "中梁山街道关于2025年度法治政府建设情况的报告\n中梁山街道关于2025年法治政府建设情况的报告\n"
        "2025年以来，街道坚持…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "中梁山街道关于2025年法治政府建设情况的报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["中梁山街道关于2025年度法治政府建设情况的报告"]


def test_a_headline_naming_the_report_a_情况报告_above_the_documents_工作报告_is_a_duplicate():
    parsed = parse_report_text(
        "垡头街道2023年度法治政府建设情况报告\n垡头街道2023年法治政府建设工作报告\n"
        "2023年，垡头街道…。\n一、推进法治政府建设情况\n正文。\n"
    )
    assert parsed.title == "垡头街道2023年法治政府建设工作报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["垡头街道2023年度法治政府建设情况报告"]
    assert parsed.preamble[1:] == ["2023年，垡头街道…。"]


def test_a_title_for_another_year_below_the_headline_is_no_repeat_whatever_its_report_words():
    parsed = parse_report_text(
        "垡头街道2023年度法治政府建设情况报告\n垡头街道2022年法治政府建设工作报告\n"
        "2023年，垡头街道…。\n一、推进法治政府建设情况\n正文。\n"
    )
    assert parsed.title == "垡头街道2023年度法治政府建设情况报告"
    assert not parsed.duplicate_headline


def test_a_pages_buttons_are_page_lines_not_the_addressee():
    parsed = parse_report_text(
        "紫金县卫生健康局2025年法治政府建设年度报告\n发布时间:2026-01-28 来源: 本网 阅读人次: -\n"
        "【字体:\n分享:\n字号:\n2025年，我局坚持…。\n一、主要工作\n正文。\n"
    )
    assert parsed.addressee == ""
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "发布时间:2026-01-28 来源: 本网 阅读人次: -",
        "【字体:",
        "分享:",
        "字号:",
    ]


def test_a_sites_particulars_above_the_document_are_page_lines_and_the_title_below_them_is_found():
    parsed = parse_report_text(
        "• 索 引 号:370481/2026-00313\n• 主题分类:通知公告\n• 文  号:\n• 标  题:西岗镇2025年度法治政府建设报告\n"
        "西岗镇2025年度法治政府建设报告\n今年以来，西岗镇…。\n一、2025年度工作开展情况\n正文。\n"
    )
    assert parsed.title == "西岗镇2025年度法治政府建设报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "• 索 引 号:370481/2026-00313",
        "• 主题分类:通知公告",
        "• 文  号:",
        "• 标  题:西岗镇2025年度法治政府建设报告",
    ]
    assert not parsed.warnings


def test_a_sites_table_of_particulars_is_page_lines_and_no_title_is_taken_from_it():
    parsed = parse_report_text(
        "字体大小:【大】 【中】 【小】\n| 索引号:000014349/2026-02861 | |\n| 发文字号: | 发文时间:2025-12-22 |\n"
        "| 标题:黎侯镇人民政府关于2025年度法治政府建设情况的报告 | |\n2025年，黎侯镇…。\n一、主要举措及成效\n正文。\n"
    )
    assert parsed.title == ""
    assert len(parsed.page_lines) == 4
    assert parsed.preamble[4:] == ["2025年，黎侯镇…。"]


def test_a_title_written_over_two_lines_is_one_title_below_its_organs():
    parsed = parse_report_text(
        "中共华容县委\n华容县人民政府\n关于华容县2023年度法治政府建设工作的\n报 告\n中共岳阳市委、市人民政府:\n"
        "2023年，华容县坚持…。\n一、主要举措及成效\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共华容县委", "华容县人民政府"]
    assert parsed.title == "关于华容县2023年度法治政府建设工作的报告"
    assert parsed.addressee == "中共岳阳市委、市人民政府:"


def test_a_headline_repeating_the_organs_and_title_written_below_it_is_the_pages():
    parsed = parse_report_text(
        "当前位置: 首页 > 专题专栏 > 法治建设\n中共浚县县委 浚县人民政府关于2024年法治政府建设情况的报告\n"
        "发布时间:2025年03月28日 16:52 来源:浚县司法局\n中共浚县县委  浚县人民政府\n关于2024年法治政府建设情况的报告\n"
        "市委、市政府:\n2024年，我县坚持…。\n一、推进法治政府建设的主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共浚县县委", "浚县人民政府"]
    assert parsed.title == "关于2024年法治政府建设情况的报告"
    assert parsed.addressee == "市委、市政府:"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 3
    assert parsed.preamble[3:] == ["2024年，我县坚持…。"]


def test_a_headline_above_the_sites_table_and_the_organs_and_title_written_again_is_the_pages():
    parsed = parse_report_text(
        "中共大马营镇委员会 大马营镇人民政府关于2025年法治政府建设情况的报告\n"
        "| 索引号 | 6207250034/2026-00051 | 发文字号 | |\n| 关键词 | 发布机构 | 大马营镇 | |\n| 公开形式 | 公开目录 | ||\n"
        "| 生成日期 | 2026-01-30 09:03:18 | 是否有效 |\n中共大马营镇委员会 大马营镇人民政府\n关于2025年法治政府建设情况的报告\n"
        "山丹县人民政府:\n2025年，大马营镇坚持…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共大马营镇委员会", "大马营镇人民政府"]
    assert parsed.title == "关于2025年法治政府建设情况的报告"
    assert parsed.addressee == "山丹县人民政府:"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 5
    assert parsed.preamble[5:] == ["2025年，大马营镇坚持…。"]


def test_a_headline_naming_the_organ_and_title_above_the_title_and_its_organ_below_it_is_the_pages():
    parsed = parse_report_text(
        "当前位置:首页>专题专栏>卫生健康局>事后公开 返回首页\n江源区卫生健康局2025年度法治政府建设工作报告\n"
        "发布时间:2026-01-29     信息发布人:江源区卫健局\n2025年度法治政府建设工作报告\n江源区卫生健康局\n"
        "根据省、市、区的工作部署，现将情况报告如下。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "2025年度法治政府建设工作报告"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 3
    # The organ's line stays below the title, where the document writes it.
    assert parsed.preamble[3:] == ["江源区卫生健康局", "根据省、市、区的工作部署，现将情况报告如下。"]


def test_a_title_above_an_organ_line_that_no_headline_repeats_keeps_the_line():
    parsed = parse_report_text(
        "2025年度法治政府建设工作报告\n江源区卫生健康局\n根据省、市、区的工作部署，现将情况报告如下。\n"
        "一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "2025年度法治政府建设工作报告"
    assert not parsed.duplicate_headline
    assert parsed.page_lines == []


def test_a_sites_particulars_as_table_cells_without_a_colon_are_page_lines():
    parsed = parse_report_text(
        "| 索 引 号 | 11370812004322138J/2026-00538 | 公开方式 | 主动公开 |\n| 发布机构 | 兖州区新驿镇 | 组配分类 | 年报 |\n"
        "| 有效性 |\n2025年，新驿镇…。\n一、主要举措和成效\n正文。\n"
    )
    assert len(parsed.page_lines) == 3
    assert parsed.preamble[3:] == ["2025年，新驿镇…。"]


def test_a_sites_table_row_that_lost_its_first_bar_is_a_page_line():
    parsed = parse_report_text(
        "塘桥街道2024年法治政府建设情况报告\n索引号 | 发布机构 | 塘桥街道 | |\n公开类别 | 主动公开 | 发布时间 | 2025-03-17 |\n"
        "2024年度，塘桥街道…。\n一、街道法治责任制落实工作情况\n正文。\n"
    )
    assert parsed.title == "塘桥街道2024年法治政府建设情况报告"
    assert len(parsed.page_lines) == 2
    assert parsed.preamble[-1] == "2024年度，塘桥街道…。"


def test_the_font_size_buttons_on_one_line_below_the_font_key_are_page_lines():
    parsed = parse_report_text(
        "建筑新村街道2024年度法治政府建设报告\n字号:\n大 中 小\n2024年，建筑新村街道…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "建筑新村街道2024年度法治政府建设报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["字号:", "大 中 小"]


@pytest.mark.parametrize("line", ["大中小学校", "大 中 小学生法治教育"])
def test_a_line_that_only_starts_with_the_font_sizes_is_not_a_page_line(line):
    parsed = parse_report_text(f"{line}\n2025年，我镇…。\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


def test_a_sites_particulars_row_opening_with_公开方式_without_a_colon_is_a_page_line_and_the_title_below_is_found():
    parsed = parse_report_text(
        "索 引 号 640421006/2025-00022 发文时间 2025-02-28\n发布机构 原州区司法局 文 号\n公开方式 主动公开 有效性 有效\n"
        "标 题: 原州区2024年法治政府建设年度报告\n原州区2024年法治政府建设年度报告\n\n2024年，原州区…。\n"
        "一、2024年度推进法治政府建设的主要举措和成效\n正文。\n"
    )
    assert parsed.title == "原州区2024年法治政府建设年度报告"
    assert len(parsed.page_lines) == 4
    assert not parsed.warnings


def test_a_pages_share_box_and_its_close_button_are_page_lines():
    parsed = parse_report_text(
        "红寺堡区2024年法治政府建设的年度报告\n时间:2025-03-28 来源:红寺堡区人民政府办公室\n字号:\n\n"
        "用微信扫描二维码\n分享至好友和朋友圈\n\n×\n\n2024年红寺堡区…。\n一、主要举措和成效\n正文。\n"
    )
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "时间:2025-03-28 来源:红寺堡区人民政府办公室",
        "字号:",
        "用微信扫描二维码",
        "分享至好友和朋友圈",
        "×",
    ]


@pytest.mark.parametrize("line", ["扫描二维码关注我们的公众号。", "分享至好友和朋友圈的法治故事很多", "×号"])
def test_a_sentence_about_a_qr_code_or_sharing_is_not_a_page_line(line):
    parsed = parse_report_text(f"{TITLE}{line}\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


def test_a_sites_particulars_as_bullets_with_keys_run_into_values_are_page_lines():
    parsed = parse_report_text(
        "- 乡镇信息公开\n-\n索引号pbxxhxrmzf/2026-00001\n-\n发布机构屏边县新华乡人民政府\n-\n文号\n-\n"
        "发布日期2026-01-27\n-\n时效性有效\n新华乡2025年法治政府建设工作情况报告\n县委全面依法治县委员会办公室:\n"
        "2025年，新华乡…。\n一、主要措施及成效\n正文。\n"
    )
    assert len(parsed.page_lines) == 11
    assert parsed.issuing_organs == []
    assert parsed.title == "新华乡2025年法治政府建设工作情况报告"
    assert parsed.addressee == "县委全面依法治县委员会办公室:"


@pytest.mark.parametrize(
    "line", ["- 镇人民政府2025年法治政府建设情况报告", "• 发布机构是各镇，现将情况报告如下。", "首页是否公开"]
)
def test_a_bullet_or_首页_line_that_is_no_particular_is_not_a_page_line(line):
    parsed = parse_report_text(f"{line}\n2025年，我镇…。\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


def test_a_headline_repeating_the_title_alone_above_the_organ_and_title_is_the_pages():
    parsed = parse_report_text(
        "首页/ 公开 / 公开文件 / 区政府文件 / 正文\n关于2025年法治政府建设情况的报告\n"
        "来源:杨陵区人民政府 发布时间:2026-03-16 17:46\n杨陵区人民政府\n关于2025年法治政府建设情况的报告\n"
        "区人大常委会:\n2025年，区政府…。\n一、加强组织领导。正文。\n"
    )
    assert parsed.issuing_organs == ["杨陵区人民政府"]
    assert parsed.title == "关于2025年法治政府建设情况的报告"
    assert parsed.addressee == "区人大常委会:"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 3
    assert parsed.preamble[3:] == ["2025年，区政府…。"]


def test_a_sites_particulars_with_bracketed_keys_and_its_font_buttons_are_page_lines():
    parsed = parse_report_text(
        "- [ 索引号 ] 11500229768895163R/2026-00004\n- [ 发文字号 ] 鸡鸣委文〔2026〕3号\n"
        "- [ 发布机构 ] 城口县鸡鸣乡人民政府\n- [ 有效性 ] 有效\n城口县鸡鸣乡人民政府2025年法治政府建设情况报告\n"
        "- 日期:2026-02-12\n-\n大\n中\n小\n- 分享到 :\n城口县鸡鸣乡人民政府2025年法治政府建设情况报告\n"
        "2025年，鸡鸣乡…。\n一、主要工作及成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "城口县鸡鸣乡人民政府2025年法治政府建设情况报告"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 11
    assert parsed.preamble[11:] == ["2025年，鸡鸣乡…。"]


def test_the_sites_name_above_its_breadcrumb_is_no_organ():
    parsed = parse_report_text(
        "重庆市江津区城市管理局\n当前位置: 重庆市江津区城市管理局>政务公开>法治政府建设年度报告\n"
        "重庆市江津区城市管理局关于2025年法治政府建设情况的报告\n发布日期:2026-02-28 11:23:27\n区委、区政府:\n"
        "2025年，区城市管理局…。\n一、主要做法和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "重庆市江津区城市管理局关于2025年法治政府建设情况的报告"
    assert parsed.addressee == "区委、区政府:"
    assert len(parsed.page_lines) == 3
    # Without a breadcrumb the line above the title is its organ.
    parsed = parse_report_text(
        "重庆市江津区城市管理局\n关于2025年法治政府建设情况的报告\n2025年，…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == ["重庆市江津区城市管理局"]


def test_a_headline_naming_the_office_fully_above_the_title_is_the_pages():
    parsed = parse_report_text(
        "东方山街道办事处2025度法治政府建设年度报告\n东方山街道2025度法治政府建设年度报告\n"
        "2025年度，东方山街道…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "东方山街道2025度法治政府建设年度报告"
    assert parsed.duplicate_headline
    assert parsed.preamble == ["东方山街道办事处2025度法治政府建设年度报告", "2025年度，东方山街道…。"]


def test_two_organs_a_space_apart_on_one_line_are_two_organs():
    parsed = parse_report_text(
        "中共南乐县委 南乐县人民政府\n关于2025年度法治政府建设情况的报告\n2025年以来，南乐县…。\n一、工作开展情况\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共南乐县委", "南乐县人民政府"]
    assert parsed.title == "关于2025年度法治政府建设情况的报告"


@pytest.mark.parametrize(
    "breadcrumb",
    [
        "当前位置: 首页 > 法治建设",
        "您当前的位置: 首页 > 交通局",
        "您当前所在位置:首页>政务公开",
        "首页/ 公开 / 正文",
    ],
)
def test_a_sites_breadcrumb_is_a_page_line(breadcrumb):
    parsed = parse_report_text(
        f"{breadcrumb}\n某局2023年法治政府建设情况报告\n2023年，我局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "某局2023年法治政府建设情况报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [breadcrumb]


def test_a_breadcrumb_broken_over_two_lines_is_two_page_lines_and_no_organ():
    parsed = parse_report_text(
        "当前位置 : 首页 \n> 陇西动态 > 政务公告 \n2025年陇西县法治政府建设情况\n"
        " 日期 : 2026-01-15  文章来源 : 司法局  字号 : [  ] 视力保护色:\n2025年，陇西县政府…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "2025年陇西县法治政府建设情况"
    assert len(parsed.page_lines) == 3
    assert parsed.preamble[3:] == ["2025年，陇西县政府…。"]


def test_a_line_opening_with_a_greater_than_sign_that_is_a_sentence_is_not_a_page_line():
    parsed = parse_report_text("> 全年办结案件12件，同比增长5%。\n2025年，我局…。\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


def test_a_sites_particulars_as_dash_bullets_are_page_lines():
    parsed = parse_report_text(
        "- 索 引 号:370481/2026-00251\n- 主题分类:通知公告\n- 发布机构:鲍沟镇\n- 成文时间:2026年01月21日\n- 文 号:无\n"
        "- 发文时间:2026年01月21日\n- 标 题:鲍沟镇2025年度法治政府建设情况报告\n- 效力状态:有效\n"
        "鲍沟镇2025年度法治政府建设情况报告\n2025年，鲍沟镇…。\n一、主要举措和成效\n正文。\n"
    )
    assert len(parsed.page_lines) == 8
    assert parsed.title == "鲍沟镇2025年度法治政府建设情况报告"
    assert parsed.preamble[8:] == ["2025年，鲍沟镇…。"]


def test_a_sites_particulars_row_keyed_发文日期_is_a_page_line():
    parsed = parse_report_text(
        "标题: | 中共张店区房镇镇委员会关于2024年度法治政府建设情况报告 | ||\n---|---|---|---|\n"
        "索引号: | 11370303004217450U/2025-5502184 | 文号: | |\n发文日期: | 2025-01-17 | 发布机构: | 房镇镇人民政府 |\n"
        "中共张店区房镇镇委员会\n关于2024年度法治政府建设情况报告\n为深入贯彻落实…。\n一、主要工作\n正文。\n"
    )
    assert len(parsed.page_lines) == 4
    assert parsed.issuing_organs == ["中共张店区房镇镇委员会"]
    assert parsed.title == "关于2024年度法治政府建设情况报告"


def test_a_sites_particulars_as_bullets_with_keys_and_values_apart_are_page_lines():
    parsed = parse_report_text(
        "• 文号\n• 索引号\n• lsx31/2025-00001\n• 关键词\n• 主题分类\n• 法治政府建设\n• 体裁分类\n• 服务对象\n"
        "鲁山县人民政府关于2024年法治政府建设情况的报告\n发布日期:2025-02-24   浏览次数:\n"
        "2024年，我县…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "鲁山县人民政府关于2024年法治政府建设情况的报告"
    assert len(parsed.page_lines) == 9
    assert parsed.preamble[9:] == ["2024年，我县…。"]


def test_an_index_number_inside_a_sentence_is_not_a_page_line():
    parsed = parse_report_text(
        "• 按lsx31/2025-00001号文件办理，共12件。\n2025年，我局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.page_lines == []


def test_the_sites_name_and_column_above_a_headline_repeated_under_the_pages_particulars_are_no_organs():
    parsed = parse_report_text(
        "左贡县人民政府\n政府信息公开\n碧土乡2024年法治政府建设情况报告\n发布时间: 2025-03-21   浏览次数:   【字体:\n"
        "碧土乡2024年法治政府建设情况报告\n2024年，碧土乡…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "碧土乡2024年法治政府建设情况报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "左贡县人民政府",
        "政府信息公开",
        "发布时间: 2025-03-21   浏览次数:   【字体:",
        "碧土乡2024年法治政府建设情况报告",
    ]


def test_an_organ_above_a_title_written_twice_stays_the_documents():
    parsed = parse_report_text(
        "灵寿县人民政府\n关于2025年度法治政府建设情况的报告\n关于2025年度法治政府建设情况的报告\n"
        "2025年，我县…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == ["灵寿县人民政府"]
    assert parsed.duplicate_headline


def test_a_headline_with_a_space_after_the_organ_above_the_title_in_one_piece_is_the_pages():
    parsed = parse_report_text(
        "宛城区人力资源和社会保障局 关于2025年法治政府建设情况的报告\n"
        "宛城区人力资源和社会保障局关于2025年法治政府建设情况的报告\n为深入贯彻…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "宛城区人力资源和社会保障局关于2025年法治政府建设情况的报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "宛城区人力资源和社会保障局 关于2025年法治政府建设情况的报告"
    ]


def test_organ_and_title_a_space_apart_alone_are_still_split():
    parsed = parse_report_text(
        "通城镇人民政府 2025年法治政府建设情况\n2025年，通城镇…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == ["通城镇人民政府"]
    assert parsed.title == "2025年法治政府建设情况"
    assert not parsed.duplicate_headline


def test_an_organ_above_a_title_is_not_joined_to_it():
    parsed = parse_report_text(
        "仁和镇人民政府\n2024年度法治政府建设工作报告\n2024年，我镇…。\n一、主要工作\n正文。\n"
    )
    assert (parsed.issuing_organs, parsed.title) == (["仁和镇人民政府"], "2024年度法治政府建设工作报告")


def test_a_section_line_with_a_short_first_sentence_and_more_is_heading_and_paragraph():
    parsed = parse_report_text(
        "2021年法治政府建设工作情况报告\n2021年，我镇…。\n"
        "一、完善公共法律体制建设。进一步依托公共法律服务工作站，为群众提供法律服务。\n"
    )
    (section,) = parsed.sections
    assert section.heading == "完善公共法律体制建设。"
    assert [(item.style, item.body) for item in section.items] == [
        ("plain", ["进一步依托公共法律服务工作站，为群众提供法律服务。"])
    ]
    # The paragraph is read like any other: a "一是…；二是…" in it is an enumeration.
    parsed = parse_report_text(
        "2024年度法治建设工作报告\n2024年，我局…。\n"
        "一、切实加强组织保障，扎实推进法治建设工作。一是加强组织领导。成立领导小组；二是全面统筹推进。纳入计划。\n"
    )
    (section,) = parsed.sections
    assert section.heading == "切实加强组织保障，扎实推进法治建设工作。"
    assert [item.style for item in section.items] == ["enumerated", "enumerated"]


@pytest.mark.parametrize(
    ("line", "damage"),
    [
        ("一)深入推进学法", "缺少左括号"),
        ("(一深入推进学法", "缺少右括号"),
        ("（一)深入推进学法", "全角、半角括号混用"),
    ],
)
def test_damaged_numbering_keeps_its_level_with_a_warning(line, damage):
    parsed = parse_report_text(TITLE + f"一、主要工作情况\n{line}\n正文。\n")
    item = parsed.sections[0].items[0]
    assert (item.level, item.style, item.heading) == (2, "heading", "深入推进学法")
    assert len(parsed.warnings) == 1 and damage in parsed.warnings[0]


def test_renumbering_warnings_are_all_true():
    parsed = parse_report_text(
        TITLE + "一、主要工作情况\n（一）甲。正文。\n（一）乙。正文。\n（三）丙。正文。\n"
    )
    # The second "（一）" prints as "（二）"; "（三）" prints as "（三）": one warning, not two.
    assert parsed.warnings == ["编号不连续：“（一）乙。正文。”处应为“（二）”，已按顺序重新编号。"]


def test_ascii_punctuation_reads_like_full_width():
    ascii_text = "关于2025年度法治政府建设情况的报告\n区委、区政府:\n现报告如下:\n一、主要工作情况\n(一)加强学习,提升能力。正文。\n(二)规范执法。正文。\n"
    full = ascii_text.replace(",", "，").replace(":", "：").replace("(", "（").replace(")", "）")
    read_ascii, read_full = parse_report_text(ascii_text), parse_report_text(full)
    assert read_ascii.addressee == "区委、区政府:"
    assert [(i.level, i.style) for i in read_ascii.sections[0].items] == [
        (i.level, i.style) for i in read_full.sections[0].items
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "对照检查发现短板弱项，一是学法不够深入；二是执法力量不足。",
        "存在一些问题。一是加强学习不够；二是宣传面窄。",
    ],
)
def test_an_inline_list_is_split_only_on_request_into_items_printing_the_same(paragraph):
    parsed = parse_report_text(TITLE + f"一、存在的问题和不足\n{paragraph}\n")
    assert len(parsed.sections[0].items) == 1  # as read: one paragraph
    (inline,) = find_inline_lists(parsed)
    split_inline_list(parsed, inline)
    items = parsed.sections[0].items
    assert [i.style for i in items] == ["plain", "enumerated", "enumerated"]
    assert all(i.joins_previous for i in items[1:])
    printed = items[0].body[0] + "".join(
        f"{n}是{i.heading}{''.join(i.body)}" for n, i in zip("一二", items[1:], strict=True)
    )
    assert printed == paragraph


# --- Figures in other districts' wording --------------------------------------------------------------


def indicator(code, unit, *aliases):
    return Indicator(code=code, name=aliases[0], unit=unit, aliases="\n".join(aliases[1:]))


CATALOGUE = [
    indicator("reconsideration", "件", "行政复议案件", "行政复议申请"),
    indicator("decisions", "件", "重大行政决策"),
    indicator("consultations", "人次", "法律咨询"),
    indicator("people_trained", "人", "参训干部"),
    indicator("leaflets", "份", "普法材料", "宣传资料"),
    indicator("participation", "%", "参考率"),
    indicator("pass_rate", "%", "合格率"),
    indicator("central_group", "次", "中心组集体学法"),
    indicator("normative_docs", "件", "规范性文件"),
    indicator("events", "次", "普法活动"),
]


def suggested(text):
    return {s.indicator.code: (s.value, s.unit, s.qualifier) for s in suggest_values(text, CATALOGUE)}


@pytest.mark.parametrize(
    ("text", "code", "value", "qualifier"),
    [
        ("全年办理行政复议案件12宗", "reconsideration", 12, Qualifier.EXACT),
        ("作出9项重大行政决策", "decisions", 9, Qualifier.EXACT),
        ("接待群众法律咨询300余人次", "consultations", 300, Qualifier.MORE_THAN),
        ("印发普法材料2000余份", "leaflets", 2000, Qualifier.MORE_THAN),
        ("组织中心组集体学法6次", "central_group", 6, Qualifier.EXACT),
        ("共审核《甲办法》《乙规定》等规范性文件15件", "normative_docs", 15, Qualifier.EXACT),
        ("开展普法活动20余场", "events", 20, Qualifier.MORE_THAN),
        ("开展普法活动超过20场", "events", 20, Qualifier.MORE_THAN),
        ("开展普法活动约20场", "events", 20, Qualifier.ABOUT),
        ("开展普法活动20场以上", "events", 20, Qualifier.MORE_THAN),
        ("开展普法活动近20场", "events", 20, Qualifier.NEARLY),
    ],
)
def test_figures_in_other_districts_measure_words_and_word_order(text, code, value, qualifier):
    unit = next(i.unit for i in CATALOGUE if i.code == code)  # the indicator's unit, whatever the text wrote
    assert suggested(text)[code] == (Decimal(value), unit, qualifier)


def test_two_rates_stated_as_one_figure_fill_both():
    assert suggested("组织学法考试，参考率、合格率均为100%") == {
        "participation": (100, "%", Qualifier.EXACT),
        "pass_rate": (100, "%", Qualifier.EXACT),
    }
    assert set(suggested("网上普法考试参考率和合格率均达100%")) == {"participation", "pass_rate"}


def test_attendances_and_people_are_kept_apart():
    assert not units_match("人次", "人") and not units_match("人", "人次")
    assert "people_trained" not in suggested("参训干部300人次")
    assert suggested("参训干部300名")["people_trained"] == (300, "人", Qualifier.EXACT)


def test_an_unmatched_figure_is_listed_with_the_phrase_it_counts():
    (match,) = match_figures("全年召开党工委(扩大)会议26次", CATALOGUE)
    assert (match.figure.text, match.phrase, match.indicators) == ("26次", "党工委(扩大)会议", [])
    (match,) = match_figures("印发了15家单位的“三定”规定", CATALOGUE)
    assert match.phrase == "单位"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("开展安全生产等专项执法行动8次", "inspections"),
        ("发放民法典读本300余本", "leaflets"),
        ("发放禁毒手册500余本", "leaflets"),
        ("研究解决重点难点事项5项", "rule_of_law_issues"),
        ("专题研究法治建设重大问题3项", "rule_of_law_issues"),
        ("累计开展法治宣传教育40余场次", "publicity_events"),
        ("出具法制审查意见120件", "legality_reviews"),
        ("组织执法规范化培训4场", "law_training"),
        ("学法考试及格率达100%", "law_exam_pass_rate"),
        ("召开街道党工委全面依法治街委员会会议2次", "rule_of_law_meetings"),
        ("县政府常务会集体学法6次", "pre_meeting_study"),
        ("开展“法治进校园”活动9次", "publicity_events"),
        ("全年召开法治专题党委会议4次", "rule_of_law_meetings"),
        ("听取法治建设专题工作汇报2次", "rule_of_law_meetings"),
        ("实际参加考试人数为53人", "cadres_trained"),
        ("组织民法典等法律法规培训2场次", "law_training"),
        ("开展生活美容机构等无证无照专项行动18次", "inspections"),
        ("举办学习贯彻习近平法治思想暨领导干部培训班13期", "law_training"),
        ("成功化解372件", "disputes_mediated"),
        ("镇党委会议、镇村干部工作会议等开展会前集中学法20次", "pre_meeting_study"),
        ("全年召开交通运输领域行政执法突出问题整治专题会2次", "rule_of_law_meetings"),
        ("县政府常务会议听取法治政府建设工作汇报4次", "rule_of_law_meetings"),
        ("办理行政审批业务8058件", "services_handled"),
        ("发放材料1000余份", "leaflets"),
        ("共办结行政执法案件886件", "penalty_cases"),
        ("处罚金额144.6万余元", "fines"),
    ],
)
def test_the_national_catalogue_knows_common_wordings(text, code):
    (match,) = match_figures(text, national_indicators())
    assert [i.code for i in match.indicators] == [code]


def test_the_national_catalogue_does_not_take_a_trainings_attendance_rate_for_an_exams():
    (match,) = match_figures("组织法律法规培训,参训人员覆盖全局干部职工,参学率达100%", national_indicators())[
        -1:
    ]
    assert match.indicators == []


def test_the_national_catalogue_does_not_take_all_enforcement_staff_for_the_certified():
    (match,) = match_figures("配备执法人员4名", national_indicators())
    assert match.indicators == []


def test_a_sites_particulars_run_together_on_one_long_line_and_its_voice_reading_buttons_are_page_lines():
    parsed = parse_report_text(
        "您当前的位置:首页>政府信息公开目录>法治政府建设年度报告>2025年\n"
        "[ 索引号 ]11500110588903728C/2026-00070 [ 发文字号 ] [ 发布机构 ]万盛经济技术开发区 [ 主题分类 ]其他 "
        "[ 成文日期 ]2026-02-09 [ 发布日期 ]2026-02-09 [ 体裁分类 ]其他 [ 有效性 ]\n"
        "重庆市綦江区金桥镇人民政府2025年度法治政府建设情况报告\n日期:2026-02-09\n语音播报\n"
        "语音合成中,请耐心等待...\n进入播报模式\n语音播报\n退出播报模式\n日期:2026-02-09\n"
        "一、2025年推进法治政府建设的工作开展情况\n正文。\n"
    )
    assert parsed.title == "重庆市綦江区金桥镇人民政府2025年度法治政府建设情况报告"
    assert len(parsed.page_lines) == 9
    assert not parsed.warnings


def test_a_sites_particulars_run_together_with_a_colon_after_each_key_are_a_page_line():
    parsed = parse_report_text(
        "茈湖口镇2025年度法治政府建设年度报告\n"
        "索 引 号:zyqzhkz/2026-2158744 发布机构:茈湖口镇 发文日期:2026-03-16 信息类别:综合政务 "
        "公开范围:全部公开 公开方式:政府网站\n"
        "2025年,在区委、区政府的坚强领导下,我镇坚持依法行政。现将全年工作情况报告如下:\n"
        "一、主要做法和成效\n正文。\n"
    )
    assert parsed.title == "茈湖口镇2025年度法治政府建设年度报告"
    assert parsed.page_lines == [0]
    assert not parsed.warnings


@pytest.mark.parametrize("key", ["[ 索引号 ]115/2026-00070 ", "索引号:115/2026-00070 发布机构:"])
def test_a_long_line_is_no_page_line_unless_it_is_all_particulars(key):
    line = key + "全镇干部职工依法决策依法行政依法办事意识和能力显著提高" * 3 + "，现将情况报告如下。"
    parsed = parse_report_text(f"{line}\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


@pytest.mark.parametrize(
    ("text", "organs"),
    [
        (
            "重庆市万州区长滩镇人民政府关于2025年法治政府建设情况的报告\n中共重庆市万州区长滩镇委员会\n"
            "重庆市万州区长滩镇人民政府\n关于2025年法治政府建设情况的报告\n",
            ["中共重庆市万州区长滩镇委员会", "重庆市万州区长滩镇人民政府"],
        ),
        # The headline adds a 度.
        (
            "重庆市开州区义和镇人民政府关于2025年度法治政府建设情况的报告\n重庆市开州区义和镇人民政府\n"
            "关于2025年法治政府建设情况的报告\n",
            ["重庆市开州区义和镇人民政府"],
        ),
    ],
)
def test_a_headline_naming_the_last_organ_and_the_title_above_the_organs_lines_and_title_is_the_pages(
    text, organs
):
    parsed = parse_report_text(text + "现将情况报告如下:\n一、主要举措和成效\n正文。\n")
    assert parsed.issuing_organs == organs
    assert parsed.title == "关于2025年法治政府建设情况的报告"
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 1
    assert parsed.preamble[1:] == ["现将情况报告如下:"]


def test_organs_lines_and_a_title_below_a_headline_that_names_another_report_stay_the_documents():
    parsed = parse_report_text(
        "重庆市万州区长滩镇人民政府关于2024年安全生产工作的报告\n中共重庆市万州区长滩镇委员会\n"
        "重庆市万州区长滩镇人民政府\n关于2025年法治政府建设情况的报告\n现将情况报告如下:\n一、主要举措和成效\n正文。\n"
    )
    assert not parsed.duplicate_headline
    assert parsed.title == "重庆市万州区长滩镇人民政府关于2024年安全生产工作的报告"


def test_a_sites_particulars_as_bullets_keyed_备注文号_公文生成日期_名称_or_生成日期_are_page_lines():
    parsed = parse_report_text(
        "• 索 引 号:QZ07902-0101-2026-00001\n    • 备注/文号:南委柳工〔2025〕100号\n"
        "    • 公文生成日期:2026-01-09\n| 名称: | |||\n生成日期 2025-02-06 公开方式 主动公开\n"
        "南安市柳城街道2025年法治政府建设情况报告\n时间:2026-01-09 15:22\n"
        "2025年，柳城街道…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "南安市柳城街道2025年法治政府建设情况报告"
    assert len(parsed.page_lines) == 6
    assert parsed.preamble[6:] == ["2025年，柳城街道…。"]


def test_a_title_broken_before_its_last_words_年度报告_is_one_title():
    parsed = parse_report_text(
        "柳城县龙头镇2025年法治政府建设\n年度报告\n2025年，龙头镇…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "柳城县龙头镇2025年法治政府建设年度报告"
    assert parsed.preamble == ["2025年，龙头镇…。"]


def test_a_title_below_a_title_is_not_read_as_its_tail():
    parsed = parse_report_text(
        "法治政府建设\n2025年度法治政府建设情况报告\n2025年，我局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "2025年度法治政府建设情况报告"


def test_a_headline_writing_the_places_name_before_the_title_is_the_pages():
    parsed = parse_report_text(
        "石柱土家族自治县鱼池镇人民政府关于2025年法治政府建设情况的报告\n鱼池镇人民政府关于2025年法治政府建设情况的报告\n"
        "2025年，鱼池镇…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "鱼池镇人民政府关于2025年法治政府建设情况的报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "石柱土家族自治县鱼池镇人民政府关于2025年法治政府建设情况的报告"
    ]


def test_a_title_naming_another_unit_before_the_same_words_is_no_repeat():
    parsed = parse_report_text(
        "鱼池镇人民政府关于2025年法治政府建设情况的报告\n黄水镇人民政府关于2025年法治政府建设情况的报告\n"
        "2025年，鱼池镇…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "鱼池镇人民政府关于2025年法治政府建设情况的报告"
    assert not parsed.duplicate_headline


def test_a_sites_particulars_keyed_发文机构_and_公文时效_are_page_lines_between_headline_and_title():
    parsed = parse_report_text(
        "普兰县2025年法治政府建设年度报告\n- 索引号:pnx/2026-00010\n- 发文字号:\n- 发文机构:普兰县人民政府\n"
        "- 名 称:普兰县2025年法治政府建设年度报告\n- 公文时效:\n- 发布日期:2026-01-12\n"
        "普兰县2025年法治政府建设年度报告\n2025年，普兰县…。\n一、工作开展情况\n正文。\n"
    )
    assert parsed.title == "普兰县2025年法治政府建设年度报告"
    assert parsed.issuing_organs == []
    assert parsed.duplicate_headline
    assert len(parsed.page_lines) == 7
    assert parsed.preamble[7:] == ["2025年，普兰县…。"]


def test_the_sites_stamp_of_time_and_source_is_a_page_line_and_the_lines_above_it_the_sites():
    parsed = parse_report_text(
        "政务\ngovernor\n梨树县人民政府   2026-02-05 15:38:00   来源:梨树县司法局\n"
        "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告\n2025年，梨树县政数局…。\n"
        "一、2025年法治政府建设基本情况\n正文。\n"
    )
    assert parsed.title == "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"
    assert parsed.issuing_organs == []
    assert len(parsed.page_lines) == 3
    assert parsed.warnings == []


def test_a_title_above_the_sites_stamp_stays_the_title():
    parsed = parse_report_text(
        "梨树县司法局关于2025年度法治政府建设情况的报告\n梨树县人民政府   2026-02-05 15:38:00   来源:梨树县司法局\n"
        "2025年，梨树县司法局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "梨树县司法局关于2025年度法治政府建设情况的报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "梨树县人民政府   2026-02-05 15:38:00   来源:梨树县司法局"
    ]


def test_particulars_values_under_their_bare_keys_and_the_account_buttons_are_page_lines():
    parsed = parse_report_text(
        "登录 | 注册\n  • 法治政府\n  • 索引号\n    lcxlyhcyj/2025-00003\n  • 发布机构\n    绿春县林业和草原局\n"
        "  • 文号\n  • 发布日期\n    2025-03-19\n  • 时效性\n    有效\n\n绿春县林草局2024年度法治政府建设年度报告\n\n"
        "根据…要求，现将…报告如下：\n一、2024年度推进法治政府建设的主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "绿春县林草局2024年度法治政府建设年度报告"
    assert len(parsed.page_lines) == 11
    assert parsed.preamble[11:] == ["根据…要求，现将…报告如下："]


def test_a_bare_keys_next_line_that_is_a_title_or_a_sentence_is_no_value():
    parsed = parse_report_text(
        "• 发布机构\n惠安县交通运输局关于2025年度法治政府建设情况的报告\n2025年，我局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "惠安县交通运输局关于2025年度法治政府建设情况的报告"
    parsed = parse_report_text("• 时效性\n2025年，我局…。\n一、主要工作\n正文。\n")
    assert parsed.preamble[parsed.page_lines[-1] + 1 :] == ["2025年，我局…。"]


def test_superiors_listed_with_顿号_under_the_title_are_its_addressee_without_a_colon():
    parsed = parse_report_text(
        "惠安县交通运输局关于2025年度法治政府建设情况的报告\n时间:2026-02-28 16:51\n中共惠安县委、惠安县人民政府\n"
        "2025年，县交通运输局…。将情况报告如下：\n一、主要工作成效\n正文。\n"
    )
    assert parsed.addressee == "中共惠安县委、惠安县人民政府"
    assert parsed.preamble[parsed.page_lines[-1] + 1 :] == ["2025年，县交通运输局…。将情况报告如下："]
    # Organs set apart by spaces under a title are not taken for it.
    parsed = parse_report_text(
        "关于2025年度法治政府建设情况的报告\n中共某某镇委员会 某某镇人民政府\n2025年，我镇…。\n一、主要工作\n正文。\n"
    )
    assert parsed.addressee == ""


def test_a_headline_with_the_pages_publishing_date_after_the_title_is_the_pages_and_gives_the_title():
    parsed = parse_report_text(
        "2024年度殷行街道法治政府建设工作情况报告 2025-02-28\n2024年殷行街道…。\n"
        "一、本街道主要负责人履行推进法治政府建设第一责任人职责情况\n正文。\n"
    )
    assert parsed.title == "2024年度殷行街道法治政府建设工作情况报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "2024年度殷行街道法治政府建设工作情况报告 2025-02-28"
    ]
    assert parsed.preamble[1:] == ["2024年殷行街道…。"]
    assert not parsed.warnings


def test_a_dated_headline_above_the_documents_own_title_is_the_pages():
    parsed = parse_report_text(
        "殷行街道2024年法治政府建设情况报告 2025-02-28\n殷行街道2024年法治政府建设情况报告\n"
        "2024年殷行街道…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "殷行街道2024年法治政府建设情况报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "殷行街道2024年法治政府建设情况报告 2025-02-28"
    ]


def test_a_title_in_a_tables_one_cell_is_the_title():
    parsed = parse_report_text(
        "| 天津市滨海新区新村街道2025年度法治政府建设情况报告 |\n2025年，新村街道…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "天津市滨海新区新村街道2025年度法治政府建设情况报告"
    assert parsed.page_lines == []
    assert not parsed.warnings


@pytest.mark.parametrize("site", ["环球国际", "正文内容区域请使用tab按钮切换浏览"])
def test_a_short_line_above_the_title_naming_no_organ_is_the_sites(site):
    parsed = parse_report_text(
        f"{site}\n2025年度长寿路街道法治政府建设情况报告\n区政府:\n2025年，长寿路街道…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "2025年度长寿路街道法治政府建设情况报告"
    assert parsed.addressee == "区政府:"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [site]


def test_organs_above_the_title_stay_the_documents_party_groups_included():
    parsed = parse_report_text(
        "中共某某区司法局党组\n某某区司法局\n关于2025年度法治政府建设情况的报告\n2025年…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共某某区司法局党组", "某某区司法局"]
    assert parsed.page_lines == []


def test_a_headline_above_the_documents_own_title_broken_over_two_lines_is_the_pages():
    parsed = parse_report_text(
        "关于2024年度鹦鹉街道法治政府建设 情况的报告\n关于2024年度鹦鹉街道法治政府建设\n情况的报告\n"
        "2024年，鹦鹉街道…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.title == "关于2024年度鹦鹉街道法治政府建设情况的报告"
    assert parsed.duplicate_headline
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["关于2024年度鹦鹉街道法治政府建设 情况的报告"]
    assert parsed.preamble[1:] == ["2024年，鹦鹉街道…。"]


@pytest.mark.parametrize(
    "line",
    [
        "中文域名:天津市宝坻区人民政府.政务",
        "政府信息公开 > 法定主动公开内容 > 其他主动公开内容 > 法治政府建设年度报告日期:2025-02-28 14:30 字体:[ 大 中 小 ] 关闭窗口",
        "| 生效时间: | 终止时间: | 来源: | |||",
    ],
)
def test_a_sites_domain_name_a_breadcrumb_from_its_column_and_validity_dates_are_page_lines(line):
    parsed = parse_report_text(
        f"{line}\n海滨街道2025年法治政府建设情况报告\n2025年，海滨街道…。\n一、主要工作\n正文。\n"
    )
    assert parsed.title == "海滨街道2025年法治政府建设情况报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [line]


def test_a_breadcrumb_needs_two_separators_so_a_sentence_with_one_stays_prose():
    parsed = parse_report_text(f"{TITLE}办理时限>5个工作日\n一、主要工作\n正文。\n")
    assert parsed.page_lines == []


def test_a_second_organ_written_before_the_titles_关于_on_the_first_organs_line_is_an_organ():
    parsed = parse_report_text(
        "中共渠县渠南街道工作委员会 渠县人民政府渠南街道办事处关于2024年法治政府建设完成情况的报告\n"
        "来源:渠县人民政府渠南街道办事处\n发布日期:2025-03-25\n点击数:人次\n\n中共渠县县委、渠县人民政府:\n"
        "2024年，渠南街道…。\n一、2024年法治政府建设的主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共渠县渠南街道工作委员会", "渠县人民政府渠南街道办事处"]
    assert parsed.title == "关于2024年法治政府建设完成情况的报告"
    assert len(parsed.page_lines) == 3  # 点击数 too
    assert parsed.addressee == "中共渠县县委、渠县人民政府:"


def test_two_organs_a_space_apart_before_the_title_on_one_line_are_both_organs():
    parsed = parse_report_text(
        "中共渠县教育局委员会 渠县教育局 关于2023年法治政府建设情况的报告\n\n"
        "来源:中共渠县教育局委员会 渠县教育局       发布日期:2024-01-23     点击数: 人次\n\n"
        "中共渠县县委、渠县人民政府:\n\n  2023年，县教育系统…。\n\n  一、主要举措和成效\n\n正文。\n"
    )
    assert parsed.issuing_organs == ["中共渠县教育局委员会", "渠县教育局"]
    assert parsed.title == "关于2023年法治政府建设情况的报告"
    assert len(parsed.page_lines) == 1
    assert parsed.addressee == "中共渠县县委、渠县人民政府:"


def test_a_headline_adding_关于_between_organ_and_title_is_the_pages_above_the_documents_lines():
    parsed = parse_report_text(
        "重庆市永川区大安街道办事处关于2024年法治政府建设情况报告\n重庆市永川区大安街道办事处\n"
        "2024年法治政府建设情况报告\n2024年，大安街道…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.duplicate_headline
    assert parsed.issuing_organs == ["重庆市永川区大安街道办事处"]
    assert parsed.title == "2024年法治政府建设情况报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "重庆市永川区大安街道办事处关于2024年法治政府建设情况报告"
    ]


def test_the_sites_name_and_column_above_its_particulars_and_a_print_button_row_are_page_lines():
    parsed = parse_report_text(
        "政府信息公开 规章库\n\n湛江市廉江市良垌镇人民政府信息公开\n\n索引号: 11440881007109850C/2025-00001 分类:\n"
        "发布机构: 湛江市廉江市良垌镇人民政府 成文日期: 2025-01-06\n名称: 廉江市良垌镇人民政府2024年法治政府建设年度报告\n"
        "文号: 发布日期: 2025-01-06\n主题词:\n【打印】 【字体:    \n\n廉江市良垌镇人民政府2024年法治政府建设年度报告\n\n"
        "发布日期:2025-01-06  浏览次数:-\n\n  2024年，良垌镇…。\n  一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "廉江市良垌镇人民政府2024年法治政府建设年度报告"
    assert len(parsed.page_lines) == 9
    assert parsed.warnings == []


def test_a_click_count_below_the_title_is_a_page_line():
    parsed = parse_report_text(
        f"{TITLE}来源:达州市通川区司法局\n点击数:人次\n2025年，通川区…。\n一、主要工作\n正文。\n"
    )
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["来源:达州市通川区司法局", "点击数:人次"]


def test_an_organ_with_the_sites_lines_between_it_and_the_title_is_the_sites_name():
    parsed = parse_report_text(
        "泽州县司法局\n搜索位置\n匹配度\n排序\n泽州县交通运输局2025年法治政府建设报告\n"
        "2025年，县交通运输局…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "泽州县交通运输局2025年法治政府建设报告"
    assert [parsed.preamble[i] for i in parsed.page_lines] == ["泽州县司法局", "搜索位置", "匹配度", "排序"]


def test_an_organ_right_above_the_title_stays_the_documents_below_the_sites_lines():
    parsed = parse_report_text(
        "搜索位置\n泽州县交通运输局\n2025年法治政府建设报告\n2025年，…。\n一、主要工作\n正文。\n"
    )
    assert parsed.issuing_organs == ["泽州县交通运输局"]
    assert parsed.title == "2025年法治政府建设报告"


def test_a_run_in_heading_that_runs_into_its_list_without_a_stop_ends_where_the_list_starts():
    parsed = parse_report_text(
        f"{TITLE}一、主要工作\n（一）法治思想引领持续强化，制度体系不断完善一是理论武装走深走实。学习6期。"
        "二是制度体系动态更新。修订规则。\n"
    )
    item = parsed.sections[0].items[0]
    assert item.heading == "法治思想引领持续强化，制度体系不断完善"
    assert item.body == ["一是理论武装走深走实。学习6期。二是制度体系动态更新。修订规则。"]
    assert len(find_inline_lists(parsed)) == 1


def test_a_heading_with_one_point_and_no_second_keeps_its_first_sentence():
    parsed = parse_report_text(f"{TITLE}一、主要工作\n（一）坚持统一是根本。全局上下统一部署。\n")
    item = parsed.sections[0].items[0]
    assert item.heading == "坚持统一是根本。"
    assert item.body == ["全局上下统一部署。"]


def test_a_sites_bare_classification_key_above_the_addressee_is_a_page_line():
    parsed = parse_report_text(
        "索  引 号: 11220502013583620H/2025-05229\n分      类: 其他 ; 报告\n发文机关: 通化市东昌区人民政府\n"
        "中共通化市委、通化市人民政府:\n2024年，东昌区…。\n一、主要举措和成效\n正文。\n"
    )
    assert [parsed.preamble[i] for i in parsed.page_lines] == [
        "索  引 号: 11220502013583620H/2025-05229",
        "分      类: 其他 ; 报告",
        "发文机关: 通化市东昌区人民政府",
    ]
    assert parsed.addressee == "中共通化市委、通化市人民政府:"


def test_headings_a_copy_ran_into_the_line_before_them_after_a_sentences_end_start_lines_of_their_own():
    parsed = parse_report_text(
        "关于某区2025年度法治政府建设情况的报告\n"
        "2025年,某区…取得新成效。 一、2025年度推进法治政府建设主要举措和成效 (一)深入践行习近平法治思想。始终把…。"
        "累计覆盖学员310人次。 (二)加强党的领导,工作机制不断完善。区委…水平。 (三)转变政府职能。\n"
    )
    assert parsed.preamble == ["2025年,某区…取得新成效。"]
    assert [s.kind for s in parsed.sections] == ["measures_and_results"]
    items = parsed.sections[0].items
    assert [(i.level, i.heading) for i in items[:2]] == [
        (2, "深入践行习近平法治思想。"),
        (2, "加强党的领导,工作机制不断完善。"),
    ]
    assert (items[2].level, items[2].body) == (2, ["转变政府职能。"])  # a heading alone reads as its text
    assert parsed.warnings == []


def test_a_label_inside_a_sentence_or_after_a_space_within_prose_does_not_start_a_line():
    parsed = parse_report_text(TITLE + "2025年，我局…。\n一、主要工作\n正文提到 (一)和 一、两处,都在句中。\n")
    assert parsed.sections[0].items[0].body == ["正文提到 (一)和 一、两处,都在句中。"]


def test_a_title_broken_after_法治政府_is_one_title_not_an_organ_above_its_tail():
    parsed = parse_report_text(
        "关于那曲市色尼区2025年度法治政府\n建设情况的报告\n2025年，色尼区…。\n一、主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "关于那曲市色尼区2025年度法治政府建设情况的报告"


def test_a_sites_particulars_as_bullets_keyed_发布单位_内容分类_or_公开范围_are_page_lines():
    parsed = parse_report_text(
        "首页\n>政府信息公开>法治政府建设\n  • 索引号:11371002MB2860928Q/2026-00027\n"
        "  • 发布单位:威海市环翠区卫生健康局\n  • 内容分类:法治政府建设\n  • 成文日期:2026-01-06\n"
        "  • 公开方式:主动公开\n  • 公开范围:面向全社会\n  • 有效性/截止日期:\n  • 文号:\n"
        "环翠区卫生健康局2025年度法治政府建设情况报告\n时间:2026/01/06 14:10:49 来源:威海市环翠区卫生健康局 浏览次数:\n"
        "环翠区卫生健康局…。\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
    )
    assert parsed.issuing_organs == []
    assert parsed.title == "环翠区卫生健康局2025年度法治政府建设情况报告"
    assert len(parsed.page_lines) == 11
    assert parsed.preamble[11:] == ["环翠区卫生健康局…。"]
