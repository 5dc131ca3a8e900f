"""Figures read from report text, and which indicator the text gives each one to."""

import random
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from indicators import extraction
from indicators.demo_catalogue import CATALOGUE
from indicators.extraction import find_figures, find_mismatches, parse_number, suggest_values
from indicators.models import Indicator, Qualifier
from tests.corpus_expectations import national_indicators

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"

SEED = (
    Path(__file__).resolve().parent.parent / "reports" / "demo_data" / "chengxi-2024-report.txt"
).read_text()


def catalogue_indicators():
    """The demo catalogue as unsaved Indicator objects: extraction needs no database."""
    return [
        Indicator(**{**entry, "aliases": "\n".join(entry["aliases"])}, first_year=2024) for entry in CATALOGUE
    ]


class Named:
    """A minimal indicator: extraction only needs aliases and a unit (hashable, unlike unsaved models)."""

    def __init__(self, unit, *aliases):
        self.unit = unit
        self.alias_list = list(aliases)


def only_figure(text):
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


# parse_number ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1705", "1705"),
        ("1,705", "1705"),
        ("1，705", "1705"),
        ("１７０５", "1705"),
        (" 12 ", "12"),
        ("31.5", "31.5"),
        ("1万", "10000"),
        ("1.5万", "15000"),
        ("2千", "2000"),
        ("3百", "300"),
        ("31%", "31"),
        ("80％", "80"),
        ("0", "0"),
    ],
)
def test_parse_number_reads_the_forms_people_type(typed, expected):
    assert parse_number(typed) == Decimal(expected)


def test_parse_number_of_1_5_wan_is_a_whole_number_not_15000_point_0():
    assert str(parse_number("1.5万")) == "15000"


@pytest.mark.parametrize("typed", ["", "abc", "12次", "1,70", "1.2.3", "万", "1万%", "--1", None])
def test_parse_number_returns_none_for_what_is_not_a_number(typed):
    assert parse_number(typed) is None


# find_figures: qualifiers and units ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("共开展了12次中心组学法", "12", "次", Qualifier.EXACT),
        ("400余人次接受宣讲", "400", "人次", Qualifier.MORE_THAN),
        ("法治学习培训近700余人次", "700", "人次", Qualifier.NEARLY),
        ("培训近700人次", "700", "人次", Qualifier.NEARLY),
        ("发放宣传资料1万余份", "10000", "份", Qualifier.MORE_THAN),
        ("检查约50家", "50", "家", Qualifier.ABOUT),
        ("检查50家左右", "50", "家", Qualifier.ABOUT),
        ("检查100多个", "100", "个", Qualifier.MORE_THAN),
        ("同比减少31%", "31", "%", Qualifier.EXACT),
        ("占比31.8％", "31.8", "%", Qualifier.EXACT),
        ("排查1，705件", "1705", "件", Qualifier.EXACT),
        ("排查1,705件", "1705", "件", Qualifier.EXACT),
        ("罚款3.5万元", "3.5", "万元", Qualifier.EXACT),
        ("累计召开群众会10余场次", "10", "场次", Qualifier.MORE_THAN),
        ("检查重点领域及场所50余家次", "50", "家次", Qualifier.MORE_THAN),
    ],
)
def test_find_figures_reads_value_unit_and_qualifier(text, value, unit, qualifier):
    figure = only_figure(text)
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(value), unit, qualifier)


def test_figure_keeps_its_text_as_written_and_where_it_is():
    text = "每月召开例会；全年干部职工法治学习培训近700余人次；积极培养法律明白人"
    figure = only_figure(text)
    assert figure.text == "近700余人次"
    assert text[figure.start : figure.end] == "近700余人次"
    assert figure.sentence == "全年干部职工法治学习培训近700余人次"


@pytest.mark.parametrize("text", ["最近3次检查", "节约3万元"])
def test_words_ending_in_near_or_about_are_not_qualifiers(text):
    assert only_figure(text).qualifier == Qualifier.EXACT


@pytest.mark.parametrize(
    "text",
    [
        "关于2024年度法治政府建设情况的报告",
        "2025年1月10日",
        "利用6月安全生产月",
        "新田委文〔2026〕3号",
        "第3次会议",
        "认真贯彻落实党的二十大精神",
        "G319国道",
    ],
)
def test_years_dates_document_numbers_and_ordinals_are_not_figures(text):
    assert find_figures(text) == []


def test_three_months_is_a_duration_not_three_items():
    assert only_figure("持续3个月").unit == "个月"


# suggest_values -------------------------------------------------------------------------------------


def suggested(text, indicators=None):
    indicators = catalogue_indicators() if indicators is None else indicators
    return {s.indicator.code: (s.value, s.unit, s.qualifier) for s in suggest_values(text, indicators)}


E, M, N = Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.NEARLY

# Every suggestion the seed report yields with the demo catalogue, checked by hand against the text.
SEED_EXPECTED = {
    "rule_of_law_meetings": (2, "次", E),  # 召开2次法治政府专题会
    "central_group_study": (12, "次", E),
    "law_lectures": (5, "期", E),
    "lecture_trainees": (400, "人次", M),
    "cadre_law_training": (700, "人次", N),  # 近700余人次
    "legal_understanders": (32, "人", E),
    "school_lectures": (2, "场次", E),
    "publicity_events": (4, "次", E),
    "leaflets": (10000, "份", M),
    "consultations": (50, "次", M),
    "mass_meetings": (10, "场次", M),
    "wechat_posts": (400, "条", M),
    "banners": (40, "幅", M),
    "government_info": (115, "条", E),
    "village_info": (536, "条", E),
    "food_licences": (220, "家", M),
    "banquet_inspections": (40, "家", M),
    "enterprise_disputes": (38, "件", E),
    "enterprise_issues": (18, "件次", E),
    "road_joint_enforcement": (20, "次", M),
    "vehicles_checked": (2000, "辆", M),
    "traffic_violations": (200, "人次", M),
    "station_enforcement": (50, "次", M),
    "key_area_joint_enforcement": (30, "次", M),
    "key_places_checked": (50, "家次", M),
    "hazards_found": (100, "条", M),
    "major_hazards": (5, "条", E),
    "small_venues_checked": (1000, "家", M),
    "fireworks_seized": (690, "件", M),
    "environment_cleanups": (90, "次", E),
    "parking_corrected": (220, "起", E),
    "petitions_handled": (30, "件", E),  # not "比去年减少14件"
    "online_petition_share": (80, "%", E),
    "petition_acceptance_rate": (100, "%", E),
    "petition_closing_rate": (100, "%", E),
    "petition_satisfaction": (100, "%", E),
    "warnings_handled": (50, "次", E),
    "leader_visits": (555, "次", E),
    "reasonable_demands": (321, "件", E),
    "disputes_screened": (1705, "件", E),
    "disputes_mediated": (1705, "件", E),
    "mediation_rate": (100, "%", E),
    "mediation_success_rate": (100, "%", E),
}


def test_seed_report_yields_exactly_the_hand_checked_suggestions():
    """Equality, not inclusion: any extra suggestion would be a wrong one."""
    assert suggested(SEED) == {code: (Decimal(v), unit, q) for code, (v, unit, q) in SEED_EXPECTED.items()}


def test_seed_copied_with_ascii_punctuation_yields_the_same_suggestions():
    ascii_seed = SEED.translate(str.maketrans("，：；（）", ",:;()"))
    assert suggested(ascii_seed) == suggested(SEED)


def test_seed_report_gives_a_suggestion_to_at_least_25_catalogue_indicators():
    assert len(suggest_values(SEED, catalogue_indicators())) >= 25


def test_seed_suggestions_the_brief_names():
    found = suggested(SEED)
    assert found["disputes_screened"] == (1705, "件", E)
    assert found["disputes_mediated"] == (1705, "件", E)
    assert found["central_group_study"] == (12, "次", E)
    assert found["lecture_trainees"] == (400, "人次", M)
    assert found["leaflets"] == (10000, "份", M)
    assert found["government_info"] == (115, "条", E)
    assert found["petitions_handled"] == (30, "件", E)


def test_seed_indicators_the_text_gives_no_figure_get_no_suggestion():
    found = suggested(SEED)
    for code in ("major_decisions", "normative_doc_review", "lawsuits", "court_appearance_rate", "fines"):
        assert code not in found


def test_suggestion_quotes_phrase_and_figure_as_written():
    by_code = {s.indicator.code: s for s in suggest_values(SEED, catalogue_indicators())}
    assert by_code["petitions_handled"].quote == "处理群众信访事项共30件"
    assert by_code["petitions_handled"].sentence.startswith("全年共处理群众信访事项共30件")
    assert by_code["central_group_study"].quote == "12次中心组学法"
    assert by_code["mediation_rate"].quote == "调解率、成功率均为100%"
    assert by_code["cadre_law_training"].figure_text == "近700余人次"


def test_a_year_on_year_difference_in_its_own_clause_is_not_the_count():
    petitions = Named("件", "信访事项")
    petitions.code = "petitions"
    assert suggested("比去年信访事项减少14件", [petitions]) == {}
    assert suggested("全年共处理群众信访事项共30件，比去年减少14件", [petitions]) == {
        "petitions": (30, "件", E)
    }


def test_a_figure_is_given_to_the_longest_phrase_right_before_it():
    road = Named("次", "联合执法")
    key_areas = Named("次", "重点领域联合执法")
    road.code, key_areas.code = "road", "key_areas"
    text = "开展消防等重点领域联合执法30余次，道路交通劝导站累计开展联合执法20余次"
    assert suggested(text, [road, key_areas]) == {"key_areas": (30, "次", M), "road": (20, "次", M)}


def test_each_indicator_takes_its_first_mention_only():
    screened = Named("件", "排查矛盾纠纷")
    screened.code = "screened"
    assert suggested("共排查矛盾纠纷1705件。下半年排查矛盾纠纷900件", [screened]) == {
        "screened": (1705, "件", E)
    }


def test_a_figure_in_an_incompatible_unit_is_not_suggested():
    lectures = Named("人次", "法治讲座")
    lectures.code = "lectures"
    assert suggested("开展法治讲座2场次", [lectures]) == {}


def test_wan_yuan_is_converted_for_an_indicator_counted_in_yuan():
    fines = Named("元", "罚没金额")
    fines.code = "fines"
    assert suggested("罚没金额共计3.5万元", [fines]) == {"fines": (35000, "元", E)}


def test_one_figure_for_a_list_of_rates_goes_to_each_rate():
    rate = Named("%", "调解率")
    success = Named("%", "调解成功率", "成功率")
    rate.code, success.code = "rate", "success"
    text = "调解成功1705件,调解率、成功率均为100%"
    assert suggested(text, [rate, success]) == {"rate": (100, "%", E), "success": (100, "%", E)}


def test_lists_paired_with_respectively_are_not_shared():
    rate = Named("%", "调解率")
    success = Named("%", "成功率")
    rate.code, success.code = "rate", "success"
    assert suggested("调解率、成功率分别为98%", [rate, success]) == {}


def coded(code, unit, *aliases):
    indicator = Named(unit, *aliases)
    indicator.code = code
    return indicator


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("学习等内容十余项", 10, "项"),
        ("覆盖群众两万余人次", 20000, "人次"),
        ("开展三十多场", 30, "场"),
        ("培训一百二十余人", 120, "人"),
    ],
)
def test_chinese_numerals_with_yu_or_duo_are_figures(text, value, unit):
    figure = only_figure(text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, M)


@pytest.mark.parametrize(
    "text", ["坚定“四个自信”、做到“两个维护”", "落实三项制度", "开展几十余次", "第十余次会议"]
)
def test_chinese_numerals_without_yu_or_duo_or_with_no_number_are_not_figures(text):
    assert find_figures(text) == []


def test_documents_counted_by_status_are_not_reviews():
    documents = coded("documents", "件", "规范性文件")
    text = "宣布失效规范性文件6件，继续有效的规范性文件16件，现行有效行政规范性文件86件"
    assert suggested(text, [documents]) == {}
    assert suggested("审核规范性文件25件", [documents]) == {"documents": (25, "件", E)}
    # the status before the figure, its phrase after it
    assert suggested("经过认真清理，保留17件县政府行政规范性文件，宣布失效9件", [documents]) == {}
    assert suggested("审核17件县政府行政规范性文件", [documents]) == {"documents": (17, "件", E)}


def test_a_phrase_after_a_word_of_change_counts_the_change_not_the_stock():
    certified = coded("certified", "人", "持证", "行政执法证")
    assert suggested("新增持证执法人员3名", [certified]) == {}
    assert suggested("新增3名持证执法人员", [certified]) == {}
    assert suggested("全镇持证执法人员12名", [certified]) == {"certified": (12, "人", E)}
    assert suggested("全乡3名执法人员全部取得行政执法证", [certified]) == {"certified": (3, "人", E)}


def test_a_figure_right_after_a_word_of_change_is_no_count():
    petitions = coded("petitions", "件", "信访事项")
    assert suggested("受理信访事项同比减少14件", [petitions]) == {}
    assert suggested("受理信访事项14件", [petitions]) == {"petitions": (14, "件", E)}


def test_cases_counted_by_their_outcome_are_not_the_cases():
    lawsuits = coded("lawsuits", "件", "行政诉讼案件")
    assert suggested("目前,调撤一审行政诉讼案件102件", [lawsuits]) == {}
    assert suggested("全年应诉一审行政诉讼案件102件", [lawsuits]) == {"lawsuits": (102, "件", E)}


def test_a_groups_study_is_declined_when_the_words_before_it_name_only_another_group():
    central = coded("central", "次", "中心组学法", "班子集体学法", "专题学习")
    cadres = coded("cadres", "次", "干部职工学法", "集中学法")
    both = [central, cadres]
    assert suggested("组织党委班子成员深入学习法治思想,共开展集中学法5次", both) == {}
    assert suggested("组织机关干部职工深入学习法治思想,共开展集中学法5次", both) == {"cadres": (5, "次", E)}
    assert suggested("组织党委班子成员开展专题学习5次", both) == {"central": (5, "次", E)}
    # The group named for the figure before is that figure's: "局机关集体学法" is not the central group's.
    cadres.alias_list.append("机关集体学法")
    assert suggested("组织中心组学法4次,局机关集体学法15场次", both) == {
        "central": (4, "次", E),
        "cadres": (15, "次", E),
    }
    # An indicator no group's word names is not concerned: training is anyone's.
    training = coded("training", "次", "法治培训")
    assert suggested("组织党委班子成员开展法治培训3次", [*both, training]) == {"training": (3, "次", E)}


def test_a_law_study_named_by_its_clause_alone_is_the_study_of_the_group_the_sentence_named():
    central = coded("central", "次", "中心组学法", "班子集体学法")
    cadres = coded("cadres", "次", "干部职工学法", "干部学法")
    both = [central, cadres]
    # The group is the sentence's subject, several clauses before the figure; the clause opens or ends with the study.
    assert suggested(
        "充分发挥党委中心组学法用法示范作用,集中学习习近平法治思想和重要指示批示精神6次", both
    ) == {"central": (6, "次", E)}
    assert suggested("街道党工委理论学习中心组将学法作为重点课题,开展习近平法治思想相关学习4次", both) == {
        "central": (4, "次", E)
    }
    assert suggested("建立乡村干部会前学法制度,组织学习《民法典》等法律法规5次", both) == {
        "cadres": (5, "次", E)
    }
    # "干部职工" is one group, not also "干部" and "职工".
    assert suggested("机关干部职工积极参与,开展民法典专题学习3次", both) == {"cadres": (3, "次", E)}


def test_a_study_whose_group_is_unsure_is_not_given_to_a_group():
    central = coded("central", "次", "中心组学法", "班子集体学法")
    cadres = coded("cadres", "次", "干部职工学法", "干部学法")
    both = [central, cadres]
    # All of the group's sessions, not law study: the clause says no law.
    assert suggested("党委理论学习中心组带头,全年集中学习18次", both) == {}
    # Two groups named: whose study it is, the sentence does not say.
    assert suggested("中心组成员和机关干部一起,开展习近平法治思想学习6次", both) == {}
    # Bodies below the unit study on their own.
    assert suggested("中心组督促各村支部,开展习近平法治思想学习6次", both) == {}
    # No group named: nothing to go by.
    assert suggested("结合主题教育,开展习近平法治思想学习6次", both) == {}
    # A clause that is not a piece of study: the meetings are not the group's study.
    assert suggested("中心组成员带头,召开习近平法治思想推进会议6次", both) == {}


def test_a_review_of_something_kept_in_another_measure_word_is_declined():
    reviews = coded("reviews", "件", "合法性审查")
    contracts = coded("contracts", "份", "合同")
    decisions = coded("decisions", "件", "重大行政决策")
    catalogue = [reviews, contracts, decisions]
    # Contracts are counted in 份: "11起" of them may be the contracts' figure in another measure word.
    assert suggested("完成重大行政合同合法性审查11起", catalogue) == {}
    # Decisions are counted in 件 like the figure: the nearer phrase decides as always.
    assert suggested("重大行政决策合法性审查22件", catalogue) == {"reviews": (22, "件", E)}
    # People are who did it: a phrase after an indicator of people is not about them.
    talks = coded("talks", "次", "进村宣讲")
    advisers = coded("advisers", "名", "法律顾问")
    assert suggested("法律顾问进村宣讲2次", [talks, advisers]) == {"talks": (2, "次", E)}
    # A rate is always a rate of something: the exams before it are what it is of.
    exams = coded("exams", "次", "学法考试")
    pass_rate = coded("pass_rate", "%", "合格率")
    assert suggested("学法考试合格率100%", [exams, pass_rate]) == {"pass_rate": (100, "%", E)}


def test_a_figure_counting_a_list_together_is_no_value_of_its_first_item():
    study = coded("study", "次", "法治学习")
    assert suggested("全年开展法治学习和工作部署共计11次", [study]) == {}
    assert suggested("全年开展法治学习、工作部署共计11次", [study]) == {}
    assert suggested("全年开展法治学习共计11次", [study]) == {"study": (11, "次", E)}
    # Titles between the phrase and the figure are one word, whatever they list.
    assert suggested("全年开展法治学习《宪法》、《民法典》11次", [study]) == {"study": (11, "次", E)}


def test_the_topic_every_report_studies_counts_as_one_word_between_phrase_and_figure():
    central = coded("central", "次", "理论学习中心组")
    assert suggested("理论学习中心组开展习近平法治思想学习6次", [central]) == {"central": (6, "次", E)}


def test_the_object_of_a_piece_of_work_is_not_what_the_figure_counts():
    reviews = coded("reviews", "件", "法制审核")
    penalties = coded("penalties", "件", "行政处罚案件")
    both = [reviews, penalties]
    assert suggested("共对27件行政处罚案件进行法制审核", both) == {"reviews": (27, "件", E)}
    assert suggested("办理27件行政处罚案件", both) == {"penalties": (27, "件", E)}


def test_a_quota_is_not_what_was_done():
    examinees = coded("examinees", "人", "参加考试")
    assert suggested("应参加考试对象为53人", [examinees]) == {}
    assert suggested("实际参加考试人数为53人", [examinees]) == {"examinees": (53, "人", E)}


def test_the_study_of_bodies_below_the_unit_is_theirs():
    central = coded("central", "次", "中心组学法", "法治学习")
    cadres = coded("cadres", "次", "干部职工学法")
    assert suggested("列入村居党支部学习第一议题,开展法治学习18场", [central, cadres]) == {}
    assert suggested("列入中心组学习计划,开展法治学习18场", [central, cadres]) == {"central": (18, "次", E)}


def test_a_filing_is_not_the_review_a_phrase_names():
    contracts = coded("contracts", "份", "合同")
    assert suggested("百万元以上合同备案4份", [contracts]) == {}
    assert suggested("审核合同5份", [contracts]) == {"contracts": (5, "份", E)}


def test_a_phrase_two_indicators_share_is_declined_rather_than_guessed():
    training = coded("training", "次", "法治培训", "法治讲座")
    publicity = coded("publicity", "次", "普法活动", "法治讲座")
    assert suggested("举办法治讲座4次", [training, publicity]) == {}
    # A phrase only one of them has decides: the nearer "业务培训" is training's alone.
    training.alias_list.append("业务培训")
    assert suggested("举办法治讲座和业务培训60场次", [training, publicity]) == {"training": (60, "次", E)}


def test_a_figure_after_a_bare_verb_counts_what_the_clause_before_names():
    training = coded("training", "次", "法治培训")
    attendance = coded("attendance", "人次", "法治培训")
    study = coded("study", "次", "集中学习")
    text = "组织干部职工开展法治培训10场次,覆盖500余人次"
    assert suggested(text, [training, attendance]) == {
        "training": (10, "次", E),
        "attendance": (500, "人次", M),
    }
    assert suggested("每周三组织全体人员开展专题集中学习,全年累计开展20余次", [study]) == {
        "study": (20, "次", M)
    }
    # Not across a sentence, and not when the clause names something of its own.
    assert suggested("开展法治培训10场次。覆盖500余人次", [attendance]) == {}
    assert suggested("开展法治培训10场次,走访群众500余人次", [attendance]) == {}


# find_mismatches ------------------------------------------------------------------------------------


def sheet(value, not_applicable=False):
    return SimpleNamespace(value=None if value is None else Decimal(value), not_applicable=not_applicable)


def test_mismatch_message_quotes_the_text_and_the_sheet():
    mediated = Named("件", "调解成功")
    [mismatch] = find_mismatches("调解成功1700件", {mediated: sheet("1705.00")})
    assert mismatch.message == "正文写“调解成功1700件”，指标表为1705件"
    assert (mismatch.text_value, mismatch.sheet_value) == (Decimal(1700), Decimal(1705))


def test_equal_values_unfilled_values_and_qualifiers_are_not_mismatches():
    mediated = Named("件", "调解成功")
    trainees = Named("人次", "宣讲受训")
    missing = Named("条", "政务信息")
    text = "调解成功1705件，宣讲受训400余人次，主动公开政务信息115条"
    values = {mediated: sheet(1705), trainees: sheet(400), missing: sheet(None)}
    assert find_mismatches(text, values) == []


def test_a_figure_for_an_indicator_the_sheet_calls_not_applicable_is_a_mismatch():
    cases = Named("件", "行政复议案件")
    [mismatch] = find_mismatches("办理行政复议案件2件", {cases: sheet(None, not_applicable=True)})
    assert mismatch.message == "正文写“行政复议案件2件”，指标表为不适用"


def _enclosing_by_scanning(text, start, end, breaks):
    """What the stretch around a figure was before it was found from precomputed breaks (issue 13)."""
    left = 0
    for match in breaks.finditer(text, 0, start):
        left = match.end()
    right = breaks.search(text, end)
    return left, right.start() if right else len(text)


def test_the_stretch_around_a_figure_is_what_scanning_from_the_start_gives():
    rng = random.Random(13)
    pieces = [
        "，",
        ",",
        "1",
        "23",
        "705",
        "1,705",
        "，705件",
        "。",
        "；",
        "：",
        "\n",
        "字",
        "调解",
        "12，345人",
    ]
    texts = [SEED] + ["".join(rng.choice(pieces) for _ in range(60)) for _ in range(300)]
    for text in texts:
        for pattern in (extraction.SENTENCE_BREAK, extraction.CLAUSE_BREAK):
            breaks = extraction._Breaks(text, pattern)
            for start in range(len(text) + 1) if len(text) < 200 else range(0, len(text), 7):
                end = min(len(text), start + 3)
                assert breaks.around(start, end) == _enclosing_by_scanning(text, start, end, pattern)


# The scored fallback (off by default), with the national catalogue ----------------------------------------

SCORED = (5, 1)


def scored_codes(text, scored=SCORED):
    indicators = national_indicators()
    return [[i.code for i in m.indicators] for m in extraction.match_figures(text, indicators, scored=scored)]


def test_the_scored_fallback_finds_an_unknown_wording_by_its_telling_words():
    assert scored_codes("组织安全生产执法技能培训6场。") == [["law_training"]]  # 培训; 场 counts like 次
    assert scored_codes("组织安全生产执法技能培训6场。", scored=None) == [[]]  # off by default


def test_the_scored_fallback_declines_a_phrase_that_names_no_indicator_clearly():
    # 学法 ends the aliases of three kinds of study, and nothing else in the phrase tells them apart.
    assert scored_codes("开展法治夜校学法6次。") == [[]]
    assert scored_codes("开展法治活动交流6次。") == [[]]  # no alias ends in 交流


def test_the_scored_fallback_keeps_measure_words_apart():
    assert scored_codes("组织安全生产执法技能培训60个。") == [[]]  # 个: no indicator
    # 份 fits only copies and contracts, and none of their aliases ends in 培训.
    assert scored_codes("组织安全生产执法技能培训6份。") == [[]]


def test_the_scored_fallback_wants_a_law_word_for_a_law_indicator_and_the_head_as_a_word():
    assert scored_codes("召开相关工作会议12次。") == [[]]  # any meetings, not 法治建设专题会议
    assert scored_codes("全年召开法治专题办公会议4次。") == [["rule_of_law_meetings"]]
    assert scored_codes("全年召开法治专题办公会议4次。", scored=None) == [[]]  # no alias: the fallback's
    # 学法活动 is study: its 法活 is not 普法活动's, so the 活动 of publicity alone does not decide.
    assert scored_codes("党政班子成员共计开展学法活动4次。") == [[]]


def test_the_scored_fallbacks_matches_are_marked_as_guesses():
    indicators = national_indicators()
    text = "组织安全生产执法技能培训6场。开展法治培训3次。"
    guessed, named = extraction.match_figures(text, indicators, scored=SCORED)
    assert (guessed.guessed, guessed.guess.code) == (True, "law_training")
    assert (named.guessed, named.guess, [i.code for i in named.indicators]) == (False, None, ["law_training"])
    # The importer's values take the named one only (the preview shows the guess beside the figure).
    values = extraction.first_values(m for m in (guessed, named) if not m.guessed)
    assert [(s.indicator.code, s.figure_text) for s in values] == [("law_training", "3次")]


def test_the_scored_fallback_leaves_every_alias_match_of_the_corpus_as_it_was():
    """The import preview reads once with the fallback on and takes the unguessed matches as the values."""
    indicators = national_indicators()
    guesses = 0
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        off = extraction.match_figures(text, indicators)
        on = extraction.match_figures(text, indicators, scored=SCORED)
        for with_guesses, without in zip(on, off, strict=True):
            if with_guesses.guessed:
                guesses += 1
                assert not without.indicators, (path.name, without.figure.text)
            else:
                assert with_guesses == without, (path.name, without.figure.text)
    assert guesses  # the corpus has figures the fallback guesses for


def test_the_scored_fallback_keeps_the_decline_rules():
    assert scored_codes("新增安全生产执法技能培训6场。") == [[]]  # a change
    assert scored_codes("组织执法技能培训和业务会议共6场。") == [[]]  # a list counted together


# Rules added after batch 11's first run ------------------------------------------------------------------


def test_a_course_counted_in_qi_is_a_count_of_sessions():
    training = coded("training", "次", "专题讲座", "法治培训")
    assert suggested("举办习近平法治思想专题讲座1期", [training]) == {"training": (1, "次", E)}


def test_a_floor_or_ceiling_is_no_count():
    study = coded("study", "次", "集中学习")
    assert suggested("干部集中学习不低于8次", [study]) == {}
    assert suggested("干部集中学习8次", [study]) == {"study": (8, "次", E)}


def test_the_study_of_party_branches_is_theirs():
    study = coded("study", "次", "干部职工集中学习", "集中学习")
    assert suggested("开展7次支部集中学习研讨", [study]) == {}


def test_the_object_of_a_review_is_not_what_the_figure_counts_when_a_review_could_take_it():
    decisions = coded("decisions", "件", "重大行政决策")
    reviews = coded("reviews", "件", "合法性审查")
    documents = coded("documents", "件", "规范性文件", "备案审查")
    text = "出具合法性审查意见149件,其中审查行政规范性文件17件和重大行政决策11件。"
    found = suggested(text, [decisions, reviews, documents])
    assert "decisions" not in found and found["documents"] == (17, "件", E)
    # Without a review in the catalogue there is nothing else the figure could be.
    assert suggested("审查重大行政决策11件", [decisions]) == {"decisions": (11, "件", E)}
    # …and a review in another item of a list is not this one's: "…全覆盖、负责人出庭应诉率100%".
    rate = coded("rate", "%", "出庭应诉率")
    assert suggested("实现合法性审查全覆盖、负责人出庭应诉率100%", [rate, reviews]) == {"rate": (100, "%", E)}


def test_the_last_item_of_a_list_a_figure_totals_is_declined_unless_every_item_is_the_same_indicator():
    study = coded("study", "次", "中心组专题学习")
    training = coded("training", "次", "警示教育", "执法实务培训")
    assert suggested("召开法治建设工作推进会、中心组专题学习会等6次", [study, training]) == {}
    assert suggested("开展酒驾醉驾警示教育、执法实务培训等活动3场", [study, training]) == {
        "training": (3, "次", E)
    }


def test_the_study_of_bodies_beside_or_above_the_unit_or_of_all_of_them_is_theirs():
    central = coded("central", "次", "中心组学法", "专题学法", "专题学习", "集体学法")
    assert suggested("县委常委会、县政府常务会专题学法13次", [central]) == {}
    assert suggested("县委常委会、县政府常务会组织集体学法10次", [central]) == {}
    # …even when the sentence names the group before: the figure's clause says whose study it is.
    text = "将习近平法治思想纳入理论学习中心组学习重点内容,各级党组织专题学习习近平法治思想100余场次"
    assert suggested(text, [central]) == {}
    assert suggested("党委理论学习中心组专题学法13次", [central]) == {"central": (13, "次", E)}
    # The county's or the city's committee is above every unit that reports: a 镇's or a 局's is its 党委.
    assert suggested("全年县委理论学习中心组学法7次", [central]) == {}
    assert suggested("年内,旗委理论学习中心组学法4次", [central]) == {}
    assert suggested("局党委理论学习中心组学法4次", [central]) == {"central": (4, "次", E)}
    # A meeting's own study is what an indicator with the meeting in its wording counts.
    meetings = coded("meetings", "次", "常务会集体学法", "会前学法")
    assert suggested("县政府常务会集体学法6次", [central, meetings]) == {"meetings": (6, "次", E)}
    assert suggested("政府常务会会议会前学法34次", [central, meetings]) == {"meetings": (34, "次", E)}
    # …and the phrase naming the group does not make all bodies' study the unit's group's.
    text = "示范带动各级各部门党委(党组)理论学习中心组学习习近平法治思想245次"
    assert suggested(text, [central]) == {}
    assert suggested("各单位党委(党组)理论学习中心组学习习近平法治思想93次", [central]) == {}


def test_a_study_counted_over_several_bodies_or_meetings_together_is_no_one_groups():
    central = coded("central", "次", "理论学习中心组", "专题学习", "中心组学习")
    assert suggested("镇党委会、镇长办公室会议、理论学习中心组年度学法8次", [central]) == {}
    text = "通过镇党委会、中心组学习、主题党日等形式开展习近平法治思想专题学习4场"
    assert suggested(text, [central]) == {}
    text = "通过召开党委理论学习中心组学习会、干部职工专题学习会、党委会议等形式,组织开展相关专题学习4次"
    assert suggested(text, [central]) == {}
    # Forms of one group's study are still the group's, named in the figure's clause or not.
    text = "以专题研讨、现场调研等多种形式开展理论学习中心组学习14次"
    assert suggested(text, [central]) == {"central": (14, "次", E)}
    # A list of meetings several clauses back is no list this figure counts.
    text = "纳入党组会、理论学习中心组学习内容,自觉提升政治站位,全体干部职工意识显著提高,全年召开专题学习3次"
    assert suggested(text, [central]) == {"central": (3, "次", E)}


def test_the_villages_advisers_are_theirs():
    advisers = coded("advisers", "名", "法律顾问")
    found = extraction.match_figures("为新华乡配备法律顾问1名,村法律顾问9名", [advisers])
    assert [[i.code for i in m.indicators] for m in found] == [["advisers"], []]
    # …but the people a unit trains in its villages are the unit's figure.
    understanders = coded("understanders", "人", "法律明白人")
    assert suggested("培育村法律明白人200名", [understanders]) == {"understanders": (200, "人", E)}
    cadres = coded("cadres", "人", "干部")
    assert suggested("组织全镇116名村干部参加考试", [cadres]) == {"cadres": (116, "人", E)}


def test_a_figure_right_after_deng_counts_more_kinds_than_the_phrase():
    meetings = coded("meetings", "次", "会前学法")
    assert suggested("先后开展会前学法等40次", [meetings]) == {}
    assert suggested("先后开展会前学法40次", [meetings]) == {"meetings": (40, "次", E)}


def test_a_meeting_is_named_by_its_short_form_too_but_not_a_bodys_every_meeting():
    meetings = coded("meetings", "次", "专题党委会议", "党组会议")
    assert suggested("全年召开法治建设专题党委会2次", [meetings]) == {"meetings": (2, "次", E)}
    assert suggested("召开4次法治专题党委会", [meetings]) == {"meetings": (4, "次", E)}
    assert suggested("全年召开局党组会13次", [meetings]) == {}


def test_a_bodys_every_meeting_is_a_rule_of_law_meeting_only_when_its_clause_says_law():
    meetings = Indicator(code="meetings", name="法治建设专题会议", unit="次", aliases="党组会议\n专题会议")
    assert suggested("年内召开党组会议4次专题研究法治建设重点工作", [meetings]) == {"meetings": (4, "次", E)}
    assert suggested("就法治政府建设等重点工作召开党组会议4次", [meetings]) == {"meetings": (4, "次", E)}
    found = extraction.match_figures("全年召开党组会议4次、法治相关专题会议2次", [meetings])
    assert [[i.code for i in m.indicators] for m in found] == [[], ["meetings"]]
    assert suggested("2025年,召开党组会议18次", [meetings]) == {}
    # A special meeting is the indicator's without more words.
    assert suggested("全年召开专题会议6次", [meetings]) == {"meetings": (6, "次", E)}


def test_people_covered_after_several_counts_are_no_one_counts_attendance():
    training = coded("training", "次", "集中培训")
    attendance = coded("attendance", "人次", "培训")
    text = "全年组织专题学习2次、集中培训3场,覆盖200余人次"
    assert suggested(text, [training, attendance]) == {"training": (3, "次", E)}
    text = "组织干部职工开展法治培训10场次,覆盖500余人次"
    assert suggested(text, [attendance]) == {"attendance": (500, "人次", Qualifier.MORE_THAN)}


def test_a_figure_after_ge_counts_each_of_several_things_not_them_all():
    events = coded("events", "次", "宣讲")
    assert suggested("开展了宪法、习近平法治思想宣传宣讲各1场次", [events]) == {}
    assert suggested("开展了宪法宣传宣讲2场次", [events]) == {"events": (2, "次", E)}


def test_a_figure_put_into_the_phrase_after_it_is_not_counted_by_it():
    decisions = coded("decisions", "件", "重大决策")
    assert suggested("将公众参与、专家论证等5项程序纳入重大决策必经环节", [decisions]) == {}
    assert suggested("作出5项重大决策", [decisions]) == {"decisions": (5, "件", E)}


def test_villagers_trained_are_no_training_of_the_staff_and_a_reviews_rate_is_no_exams():
    training = coded("training", "次", "培训班")
    assert suggested("开设“法律明白人”培训班2场次", [training]) == {}
    assert suggested("开设干部法治培训班2场次", [training]) == {"training": (2, "次", E)}
    rate = coded("rate", "%", "通过率")
    assert suggested("出具法律意见32条,审查通过率100%", [rate]) == {}
    assert suggested("学法考试通过率100%", [rate]) == {"rate": (100, "%", E)}


def test_a_superiors_training_the_staff_attended_is_the_superiors():
    training = coded("training", "次", "法治培训", "专题培训")
    attendance = coded("attendance", "人次", "培训")
    assert suggested("党组书记带头学习核心法规,参加上级法治培训2次", [training]) == {}
    assert suggested("参加区级以上各类线下培训活动32人次", [attendance]) == {}
    assert suggested("加强执法人员培训,参加专题培训2期", [training]) == {"training": (2, "次", E)}
    # An exam the superior sets is the unit's staff's exam all the same.
    rate = coded("rate", "%", "合格率")
    assert suggested("干部参加县级以上法律知识考试,合格率100%", [rate]) == {"rate": (100, "%", E)}


def test_meetings_of_bodies_above_the_unit_or_of_several_together_are_no_one_bodys():
    meetings = Indicator(code="meetings", name="法治建设专题会议", unit="次", aliases="专题研究\n专题会议")
    assert suggested("县委常委会会议专题研究法治建设工作5次", [meetings]) == {}
    assert suggested("组织召开县政府常务会议、法治建设专题会议3次", [meetings]) == {}
    # One meeting two organs hold together is the unit's.
    text = "2024年小陶镇党委、政府召开法治政府建设专题会议1次"
    assert suggested(text, [meetings]) == {"meetings": (1, "次", E)}


def test_the_subject_of_the_clause_before_counts_when_the_figures_own_clause_names_none():
    central = coded("central", "次", "专题学习", "中心组学习")
    text = "全县各级党委(党组)开展学习贯彻习近平法治思想64次,开展专题学习研讨180余次"
    assert suggested(text, [central]) == {}
    text = "将习近平法治思想纳入各级党委(党组)理论学习中心组学习内容,街道党工委中心组学习12次"
    assert suggested(text, [central]) == {"central": (12, "次", E)}


def test_an_exams_rate_needs_the_sentence_to_name_an_exam():
    participation = coded("participation", "%", "参与率")
    passed = Indicator(code="passed", name="学法考试合格率", unit="%", aliases="合格率")
    participation.name = "学法考试参考率"
    text = "组织执法人员参加行政执法培训班,参与率和合格率均达100%"
    assert suggested(text, [participation, passed]) == {}
    text = "组织全镇116名干部参加法治理论考试,参考率达99.14%,合格率100%"
    assert suggested(text, [passed]) == {"passed": (100, "%", E)}


def test_people_after_a_list_of_kinds_are_no_one_kinds_attendance():
    attendance = coded("attendance", "人次", "培训")
    assert suggested("组织机关干部职工参加法制培训、考试等5次,200余人次参加了学习考试", [attendance]) == {}


def test_closed_reconsiderations_are_named_by_what_was_closed():
    cases = coded("cases", "件", "行政复议案件")
    closed = coded("closed", "件", "已办结", "办结行政复议案件")
    assert suggested("共办结行政复议案件32件", [cases, closed]) == {"closed": (32, "件", E)}


def test_an_enforcement_qualification_exam_is_not_the_law_study_exam():
    takers = coded("takers", "人", "领导干部", "参加考试")
    qualified = coded("qualified", "%", "执法资格考试通过率")
    assert suggested("2名领导干部带头参加执法证考试", [takers]) == {}
    assert suggested("14名领导干部参加新提任法治理论考试", [takers]) == {"takers": (14, "人", E)}
    assert suggested("行政执法资格考试通过率100%", [takers, qualified]) == {"qualified": (100, "%", E)}


def test_a_part_after_qizhong_is_no_new_value_of_what_was_just_totalled():
    cases = coded("cases", "件", "行政执法案件")
    fines = coded("fines", "万元", "处罚金额")
    text = "共办结行政执法案件886件,处罚金额144.6万余元。其中,简易程序案件528件,处罚金额4.6万余元。"
    matched = {
        m.figure.text: [i.code for i in m.indicators] for m in extraction.match_figures(text, [cases, fines])
    }
    assert matched == {"886件": ["cases"], "144.6万余元": ["fines"], "528件": [], "4.6万余元": []}
    # A figure after 其中 that nothing before it totalled is a value as usual.
    assert suggested("全年开展执法检查12次,其中处罚金额4.6万元", [cases, fines]) == {
        "fines": (Decimal("4.6"), "万元", E)
    }


def test_first_topic_study_is_not_law_study():
    central = coded("central", "次", "理论学习中心组", "中心组学习")
    assert suggested("开展了党委会、理论学习中心组“第一议题”学习28次", [central]) == {}
    assert suggested("开展理论学习中心组学习12次", [central]) == {"central": (12, "次", E)}


def test_reviews_counted_in_times_or_documents_fill_an_indicator_of_reviews_kept_in_jian():
    reviews = coded("reviews", "件", "合法性审查")
    meetings = coded("meetings", "次", "专题会议")
    assert suggested("对区重要工作会议纪要进行合法性审查120次", [reviews, meetings]) == {
        "reviews": (120, "件", E)
    }
    assert suggested("完成合法性审查124份", [reviews]) == {"reviews": (124, "件", E)}
    # Only a review: what else is kept in 件 is not counted in 次.
    cases = coded("cases", "件", "行政处罚案件")
    assert suggested("查办行政处罚案件12次", [cases]) == {}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("全年组织专题学习4次", "专题学习"),
        ("16场法治宣传活动", "法治宣传活动"),
        ("开展4次安全生产、平安建设等宣传咨询活动", "宣传咨询活动"),
        ("走进校园开展法治授课1场次", "法治授课"),
        ("依托政务公开平台发布政务信息、办事指南164条", "办事指南"),
        ("邀请法律顾问开展案例教学6场", "案例教学"),
        ("开展“法治进乡村、进企业、进家庭”专项活动15场", "“法治进乡村、进企业、进家庭”专项活动"),
        ("57名在职在编人员法治理论考试通过率100%", "在职在编人员法治理论考试通过率"),
        ("全年召开党工委(扩大)会议26次", "党工委(扩大)会议"),
        ("组织开展领导班子学法、研讨、主题党课、各类讲座12余次", "各类讲座"),
    ],
)
def test_an_unmatched_figures_phrase_is_cut_at_words_and_holds_no_number(text, phrase):
    """The phrase is shown beside the figure and is the wording the preview teaches: what recurs is a word."""
    first = extraction.match_figures(text, [])[0]
    assert first.phrase == phrase
