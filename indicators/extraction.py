"""Reading figures out of a report's text and telling which indicator each one belongs to.

Pure string work, no database: an indicator is any object with ``alias_list`` (the phrases that name it)
and ``unit``. The rules follow how these reports write figures: "共排查矛盾纠纷1705件" (phrase, then
figure), "共开展了12次中心组学法" (figure, then phrase), "调解率、成功率均为100%" (one figure for a list),
"开展法治宣传“六进”活动32场次" (a few words between phrase and figure).

Offices count the same thing in different measure words: "办理行政复议案件12宗" fills an indicator kept in
件, "开展普法活动20余场" one kept in 次; 人次 (attendances) and 人 (people) are never mixed
(``EQUIVALENT_UNITS``). ``match_figures`` reads every figure with the phrase it counts and the indicator
it names, if any; ``suggest_values`` keeps the first figure for each indicator (the importer's suggestions
and the consistency check both use it).
"""

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from indicators.models import Qualifier, format_number

MULTIPLIERS = {"万": Decimal(10_000), "千": Decimal(1_000), "百": Decimal(100), "亿": Decimal(100_000_000)}

# A number as a person types it: "1705", "1,705", "1.5万", "31%" (NFKC has made "１，７０５％" "1,705%").
TYPED_NUMBER = re.compile(
    r"(?P<number>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<multiplier>[万千百亿])?(?P<percent>%)?"
)

# Measure words a figure can carry. Years (年), months (月), days (日) and document numbers (号) are absent
# on purpose: a number without a measure word is not a figure, which is what keeps "2024年", "6月" and
# "〔2026〕3号" out. "个月" and "个百分点" are listed so that they are not read as "个".
UNITS = (
    "人次", "次", "场次", "场", "期", "件次", "件", "家次", "家", "份", "条", "万元", "元", "%", "％", "人",
    "个百分点", "个月", "个", "幅", "处", "起", "辆", "户", "名", "项", "批次", "篇", "所", "宗", "例",
    "课时", "学时", "小时", "天", "轮", "张", "册", "类", "批", "支", "本",
)  # fmt: skip

# Measure words that count the same things, so a figure in one fills an indicator kept in another:
# cases (件 = 宗 = 起), matters and decisions (件 = 项), events (次 ≈ 场 ≈ 场次 ≈ 期: "专题培训4期", "专题讲座1期"
# are sessions, as the hand labels of batches 4, 7 and 11 count them), people (人 = 名),
# copies (份 = 册 = 本), lines (条 = 幅 for banners). 人次 stands alone: 300人次 are not 300 people.
EQUIVALENT_UNITS = [
    {"件", "宗", "起", "项"},
    {"次", "场", "场次", "期"},
    {"人", "名"},
    {"份", "册", "本"},
    {"条", "幅"},
]
UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))  # longest first: 人次 before 人

NUMBER = r"\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"  # "1，705" is one number, "1705" too

FIGURE = re.compile(
    rf"""
    (?P<before>将近|接近|(?<![最附])近|大约|(?<![节制签契公预违履])约|超过|逾)?  # 最近 = latest, 节约 = save
    (?<![\d.第〔\[A-Za-z每])(?<!\d[,，])  # not inside a number, an ordinal (第3次), a code (〔2026〕, G319)
    (?<!每[年月周天日季])(?<!每半年)(?<!每两月)  # a frequency (每月1次) is not a count
    (?P<number>{NUMBER})
    (?P<multiplier>万(?!元)|[千百亿])?  # "38万元" keeps 万元 as its unit
    (?P<more>余|多)?
    (?P<unit>{UNIT})
    (?P<after>左右|以上)?
    """,
    re.VERBOSE,
)

# A figure in Chinese numerals, only with 余 or 多 after it ("十余项", "两万余人次", "三十多场"): without one,
# "两个维护", "三项制度" and "四个意识" would read as counts. "几十余" and "数百余" say no number.
CHINESE_FIGURE = re.compile(
    rf"""
    (?P<before>将近|接近|(?<![最附])近|大约|(?<![节制签契公预违履])约|超过|逾)?
    (?<![几数第每一二两三四五六七八九十百千万])
    (?P<number>[一二两三四五六七八九十百千]+)
    (?P<multiplier>万|亿)?
    (?P<more>余|多)
    (?P<unit>{UNIT})
    (?P<after>左右|以上)?
    """,
    re.VERBOSE,
)
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_PLACES = {"十": 10, "百": 100, "千": 1000}

SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")
# A clause also ends at a comma or colon, but not at the comma of "1,705".
CLAUSE_BREAK = re.compile(r"[。；;！？!?\n：:]|(?<!\d)[，,]|[，,](?!\d{3}(?!\d))")

# Words that may sit between a phrase and its figure: "信访事项共30件", "占信访总量的80%", "满意度为100%".
FILLER = re.compile(r"(?:共计|总计|合计|累计|共|计|均|都|为|达到|达|是|有|的|了)*")
FILLER_END = re.compile(r"(?:共计|总计|合计|累计|共|计|均|都|为|达到|达|是|有|的|了)+$")
# A figure stated once for a list of phrases: "调解率、成功率均为100%". Not "分别为", which pairs lists.
SHARED_LIST = re.compile(
    r"(?P<items>[^、\d]+(?:(?:、|和)[^、\d]+?)+?)(?<!分别)(?:(?:均|都|全部)?(?:为|是|达到|到达|达))$"
)
LIST_SEPARATOR = re.compile("、|和")  # not 及: "及时受理率"
MAX_GAP_AFTER = 12  # "4次安全生产、平安建设等宣传咨询活动": a figure counts the noun phrase that follows it
# "开展法治宣传“六进”活动32场次": the phrase may stand a few words before its figure, in the same clause.
MAX_GAP_BEFORE = 8
# …but not across a change ("比去年信访事项减少14件" is no count) or a pairing ("调解率、成功率分别为98%").
# …and so does the topic nearly every report studies: "中心组开展习近平法治思想学习6次".
QUOTED = re.compile(r"《[^》]*》|“[^”]*”|习近平法治思想")
# Nor across “第一议题” ("理论学习中心组“第一议题”学习28次"): the political study every meeting opens with, not
# law study.
NOT_IN_GAP = re.compile(r"减少|增加|增长|下降|上升|提高|降低|同比|环比|分别|其中|备案|第一议题")
# …nor when the phrase is the first item of a list the figure counts together: "法治学习和工作部署共计11次" (a sum of
# two things, no indicator's value).
LIST_IN_GAP = re.compile(r"、|和(?!谐)|以及")
# A list of titles ("《宪法》、《民法典》") is one word, separators and all.
QUOTED_LIST = re.compile(r"(?:《[^》]*》|“[^”]*”)(?:\s*(?:、|和|及)\s*(?:《[^》]*》|“[^”]*”))*")
# A phrase after a status word counts documents by status, not the work on them: "宣布失效规范性文件6件",
# "继续有效的规范性文件16件", "现行有效行政规范性文件86件" are no reviews. After a word of change it counts
# the change, not the stock ("新增持证执法人员3名" are not all the certified staff); after an outcome, the
# cases that ended so, not the cases ("调撤一审行政诉讼案件102件"); after 应, a quota.
STATUS_BEFORE = re.compile(
    r"(?:(?:失效|废止|有效|清理|修订|修改|保留|取消)的?(?:行政)?"
    r"|(?:新增|新招录|新录用|新进|新聘|调撤|撤诉|撤回|纠错)[^，,。；;：:\d]{0,4}"
    r"|(?<![响适反供相效对答])应)$"  # what should be, not what was: "应参加考试对象为53人"
)
# "将…5项程序纳入重大决策必经环节": what the figure counts is put into the phrase after it, not counted by it.
PUT_INTO = re.compile(r"纳入|列入|作为|融入")
# "对27件…进行法制审核": the figure counts the things a piece of work was done on.
OBJECT_BEFORE = re.compile(r"对$|(?:共|累计)对$")
# A figure right after a word of change counts the change: "新增3名执法人员", "同比减少5件".
CHANGE_BEFORE_FIGURE = re.compile(r"(?:新增|新招录|新录用|增加|减少|增长|下降|上升|降低|提高)了?$")
# …and one after a floor or a ceiling is a rule, not what was done: "集中学习不低于8次".
LIMIT_BEFORE_FIGURE = re.compile(r"(?:不低于|不少于|不超过|不多于|至少|最少)$")
# …and one after 各 counts each of several things, not them all: "宪法、习近平法治思想宣传宣讲各1场次".
EACH_BEFORE_FIGURE = re.compile(r"各(?:为|有|达)?$")
# A review's object is not what the figure counts ("其中审查…重大行政决策11件" are reviews, not decisions
# made), unless the indicator is a review ("审查行政规范性文件17件": 规范性文件备案审查).
REVIEW = re.compile(r"审查|审核")
REVIEW_UNITS = {"次", "份"}  # besides 件: see ``_fits``
# A figure whose clause holds only time words and a verb before it ("全年累计开展20余次", "覆盖500余人次",
# "走进社区开展2场次") counts what the clause before it, in the same sentence, names.
BARE_CLAUSE = re.compile(
    r"(?:全年|年内|今年以来|同时|并|累计|共计|合计|总计|共|先后|(?:走进|深入|进入|在|到)[^\d，,]{1,4}?)*"
    r"(?:开展|举办|组织|召开|覆盖|惠及|参与|受众|服务)?(?:了|共|计|达|达到|为)*"
)
# Words a phrase before a figure starts with that are not part of what it counts: "全年组织专题学习3次"
# counts 专题学习.
LEADING_WORDS = re.compile(
    r"^(?:\d{4}\s*年(?:度|以来)?|全年|年内|今年以来|目前|同时|其中|共计|累计|合计|总计|共|累|先后|"
    r"组织|开展|召开|举办|举行|办理|发放|悬挂|完成|作出|做出|审核|审查|受理|办结|参加|新收|收到|"
    r"制作|印发|提供|解答|接待|培养|培训|推送|发布|出具|聘请|配备|覆盖|达到|达|实现|有|了|的|对|为|向)+"
)
MAX_PHRASE_CHARS = 16  # a quoted name is kept whole up to MAX_QUOTED_PHRASE_CHARS
MAX_QUOTED_PHRASE_CHARS = 30
MIN_PHRASE_CHARS = 3  # "学习" alone would name every study: a cut that leaves less is not made
# Where what a figure counts starts, before it: after a list's separator or 等, a number ("重大决策文件162件、信息"),
# or a verb that introduces it ("邀请法律顾问开展案例教学").
PHRASE_START = re.compile(
    r"[、，,：:；;]|等(?!级)|以及|\d+(?:\.\d+)?[^\d、，,]?|"
    r"开展|组织|举办|召开|进行|参与|参加|完成|办理|发布|发放|印发|邀请|通过|依托|利用|给|为"
)
# After it: past a list's 等 ("安全生产、平安建设等宣传咨询活动"), and to its first separator.
PHRASE_LIST_END = re.compile(r"等(?!级)")
PHRASE_LIST_BREAK = re.compile(r"[、，,：:；;]")
# The scored fallback (``_scored_links``) reads this many characters next to a figure.
SCORED_CHARS = 12
TITLES = re.compile(r"《[^》]*》|习近平法治思想")
# A status, change or outcome anywhere in the phrase the fallback reads (``STATUS_BEFORE`` without its end).
STATUS_WORD = re.compile(
    r"失效|废止|有效|清理|修订|修改|保留|取消|新增|新招录|新录用|新进|新聘|调撤|撤诉|撤回|纠错|(?<![响适反供相效对答])应"
)
PEOPLE_UNITS = {"人", "名", "人次"}
# Words that say who did a thing: an indicator with one in an alias ("中心组学法", "干部职工学法") counts
# what that group did, so a bare "集中学法5次" in a sentence that names only another group's word
# ("组织党委班子成员…，开展集中学法5次") is that other group's, or at least not surely this one's.
GROUP_WORDS = ("中心组", "班子", "干部职工", "干部", "职工")
# Bodies below the unit: their study is theirs ("列入村居党支部学习第一议题，开展法治学习18场").
SUB_UNIT_WORDS = ("支部", "村居", "各村")  # 支部: "7次支部集中学习研讨" too
# Bodies beside or above the unit, or all of them: "县委常委会、县政府常务会专题学法13次", "各级党组织专题学习…100余场次",
# "各单位党委(党组)理论学习中心组学习…93次" are not the unit's group's study, even in a sentence that names the group.
OTHER_BODY_WORDS = ("常委会", "常务会", "各级", "各单位", "各部门")
# Words of a clause that names its own body: then what the sentence named before is not its subject.
BODY_WORDS = ("常务会", "党组", "党委", "党工委", "会议")
# A committee of the county or city ("县委理论学习中心组", "旗委中心组", "区委依法治区委员会") is beside or above every
# unit that reports: a 镇's or a 局's own is its 党委 or 党工委.
COUNTY_COMMITTEE = re.compile(r"(?<![党工])[区县旗市州盟]委(?!员)")
# A list naming two bodies or meetings counts their study together, no one group's: "镇党委会、镇长办公室会议、理论学习
# 中心组年度学法8次", "通过召开党委理论学习中心组学习会、干部职工专题学习会、党委会议等形式，组织开展相关专题学习4次".
# A meeting, not an organ: "镇党委、政府召开…会议" is one meeting.
BODY_ITEM = re.compile(r"(?:会|会议|中心组)(?:学习|学法)?$")
# An adviser is retained by a body: the villages' or communities' ("村法律顾问9名", "社区法律顾问") are theirs, not
# the unit's. (Not so the people a unit trains in its villages: "村法律明白人" are the town's 法律明白人.)
VILLAGES_BEFORE = re.compile(r"(?:村|社区|村居|村[（(]社区[）)])$")
RETAINED = "顾问"
# A body's every meeting ("党组会议", "党工委会议", "常务会议") is a rule-of-law meeting only when its clause says so
# ("召开党组会议4次专题研究法治建设重点工作"), not "全年召开党组会议4次、法治相关专题会及推进会2次".
BODYS_MEETING = re.compile(r"(?:党组|党工委|党委|常务)会议")
# Villagers and the public trained ("“法律明白人”培训班2场次") are no training of the unit's staff.
TRAINEES_NOT_STAFF = re.compile(r"法律明白人|村民|群众|居民")
# A training or study a superior held, which the unit's staff attended, is the superior's ("参加上级法治培训2次",
# "参加区级以上各类线下培训活动32人次"): the unit's own are what its indicators count.
SUPERIORS_EVENT = re.compile(r"参加了?(?:上级|[区县市省州盟旗]级(?:以上)?|[区县市省州]委|[区县市省]里)")
# An exam that qualifies enforcement staff is not the law-study exam ("2名领导干部带头参加执法证考试"): only an
# indicator whose wordings speak of 执法 counts it.
QUALIFICATION_EXAM = re.compile(r"执法证|执法资格|行政执法考试")
# A clause that is a piece of study and nothing else: it opens with the study ("集中学习习近平法治思想和…精神6次")
# or ends with it ("开展习近平法治思想相关学习4次"), after the verbs and time words that lead it.
STUDY_CLAUSE = re.compile(r"^(?:开展|组织|集中|专题|全年|共|累计|先后)*(?:学习|学法)|(?:学习|学法)$")


@dataclass(frozen=True)
class Figure:
    value: Decimal  # with 万/千 applied: "1万余份" → 10000
    unit: str  # as written, "％" read as "%"
    qualifier: str  # a Qualifier value
    start: int
    end: int
    text: str  # the figure as written: "近700余人次"
    sentence: str  # the sentence it sits in


IndicatorT = TypeVar("IndicatorT")  # an Indicator, or whatever object the caller passed as one


@dataclass(frozen=True)
class Suggestion(Generic[IndicatorT]):
    indicator: IndicatorT
    value: Decimal  # in the indicator's unit
    qualifier: str
    unit: str
    figure_text: str
    sentence: str
    phrase: str  # the alias that named the indicator
    quote: str  # phrase through figure as written: "调解成功1705件", "12次中心组学法"


@dataclass(frozen=True)
class FigureMatch(Generic[IndicatorT]):
    """A figure of the text, the phrase it counts ("专题学习" for "组织专题学习4次") and the indicators it
    names: several for a figure stated for a list, none when no alias fits (the preview lists those)."""

    figure: Figure
    phrase: str
    indicators: list[IndicatorT]
    aliases: list[str]  # the alias that named each indicator
    quotes: list[str]  # phrase through figure as written, for each indicator
    # The indicator is the scored fallback's (``match_figures(scored=…)``): no alias names the figure.
    guessed: bool = False

    @property
    def guess(self) -> IndicatorT | None:
        """The scored fallback's guess for a figure no alias names, else None."""
        return self.indicators[0] if self.guessed and self.indicators else None


@dataclass(frozen=True)
class Mismatch:
    indicator: object
    text_value: Decimal
    sheet_value: Decimal | None  # None: the sheet says "not applicable"
    figure_text: str
    sentence: str
    quote: str

    @property
    def message(self):
        sheet = (
            "不适用"
            if self.sheet_value is None
            else f"{format_number(self.sheet_value)}{self.indicator.unit}"
        )
        return f"正文写“{self.quote}”，指标表为{sheet}"


@dataclass(frozen=True)
class _Link:
    """An indicator's phrase found next to a figure; ``rank`` sorts the likeliest first."""

    index: int
    phrase: str
    start: int
    rank: tuple


def parse_number(text):
    """The number a person wrote ("1,705", "1，705", "1.5万", "31%"), or None when it is not one."""
    if text is None:
        return None
    match = TYPED_NUMBER.fullmatch(unicodedata.normalize("NFKC", str(text)).strip())
    if not match or (match["multiplier"] and match["percent"]):
        return None
    value = Decimal(match["number"].replace(",", ""))
    if match["multiplier"]:
        value *= MULTIPLIERS[match["multiplier"]]
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))  # 1.5万 → 15000, not 15000.0
    return value


def find_figures(text):
    """Every number with a measure word in ``text``, in order."""
    figures = []
    sentences = _Breaks(text, SENTENCE_BREAK)
    matches = sorted(
        [*FIGURE.finditer(text), *CHINESE_FIGURE.finditer(text)], key=lambda match: match.start()
    )
    for match in matches:
        start, end = match.span()
        left, right = sentences.around(start, end)
        if match.re is CHINESE_FIGURE:
            value = _chinese_number(match["number"]) * MULTIPLIERS.get(match["multiplier"] or "", Decimal(1))
        else:
            value = parse_number(match["number"] + (match["multiplier"] or ""))
        figures.append(
            Figure(
                value=value,
                unit="%" if match["unit"] == "％" else match["unit"],
                qualifier=qualifier_of(match),
                start=start,
                end=end,
                text=match.group(),
                sentence=text[left:right].strip(),
            )
        )
    return figures


def _chinese_number(text):
    """ "十" → 10, "三十" → 30, "一百二十" → 120, "两" → 2."""
    total, digit = 0, 0
    for character in text:
        if character in CHINESE_PLACES:
            total += (digit or 1) * CHINESE_PLACES[character]
            digit = 0
        else:
            digit = CHINESE_DIGITS[character]
    return Decimal(total + digit)


def qualifier_of(match):
    """The qualifier a figure's words give (groups ``before``, ``more`` and ``after`` of ``match``, as
    ``FIGURE`` has them): 近 wins over 余 ("近700余人次" is nearly 700), as the reports mean it."""
    if match["before"] in ("将近", "接近", "近"):
        return Qualifier.NEARLY.value
    if match["before"] in ("大约", "约") or match["after"] == "左右":
        return Qualifier.ABOUT.value
    if match["more"] or match["before"] in ("超过", "逾") or match["after"] == "以上":
        return Qualifier.MORE_THAN.value
    return Qualifier.EXACT.value


class _Breaks:
    """The breaks (``SENTENCE_BREAK``, ``CLAUSE_BREAK``: one character each) of a text, found once.

    ``around(start, end)`` is the stretch around text[start:end] that reaches to the nearest break on each
    side, as scanning ``pattern.finditer(text, 0, start)`` for the last break before it gives: that scan
    ran from the text's start for every figure, and a report has a few hundred figures (half the time of
    the consistency check). A break's look-ahead ("，" not in "1,705") is cut short by that scan's end, so
    the few positions just before ``start`` are matched again as it would (up to ``LOOKAHEAD``).
    """

    LOOKAHEAD = 4  # the most characters a break pattern looks past its own: "[，,](?!\d{3}(?!\d))"

    def __init__(self, text, pattern):
        self.text = text
        self.pattern = pattern
        self.positions = [match.start() for match in pattern.finditer(text)]

    def around(self, start, end):
        left = 0
        near = max(0, start - self.LOOKAHEAD)
        found = bisect.bisect_left(self.positions, near)  # breaks at or after ``near`` are looked at again
        if found:
            left = self.positions[found - 1] + 1
        for position in range(near, start):
            match = self.pattern.match(self.text, position, start)
            if match:
                left = match.end()
        following = bisect.bisect_left(self.positions, end)
        right = self.positions[following] if following < len(self.positions) else len(self.text)
        return left, right


def units_match(figure_unit, unit):
    """Whether a figure written in ``figure_unit`` can fill an indicator kept in ``unit``."""
    return figure_unit == unit or any(figure_unit in same and unit in same for same in EQUIVALENT_UNITS)


def _fits(figure_unit, unit, review=False):
    """``units_match``, and for a figure counting reviews (``review``) also 次 or 份 for 件: offices count
    reviews in any of the three ("合法性审查120次", "审查…补偿决定42份": one review a time, a document)."""
    return units_match(figure_unit, unit) or (review and figure_unit in REVIEW_UNITS and unit == "件")


def can_fill(figure_unit, indicator):
    """Whether a figure written in ``figure_unit`` may be put, as written, on ``indicator``: its measure word
    fits, as a review's does for an indicator of reviews (``_fits``)."""
    return _fits(figure_unit, indicator.unit, review=any(REVIEW.search(a) for a in indicator.alias_list))


def _in_unit(figure, unit, review=False):
    """The figure's value expressed in ``unit``, or None when the two measure different things (``_fits``)."""
    if _fits(figure.unit, unit, review):
        return figure.value
    if (figure.unit, unit) == ("万元", "元"):
        return figure.value * 10_000
    if (figure.unit, unit) == ("元", "万元"):
        return figure.value / 10_000
    return None


def match_figures(text, indicators, scored=None):
    """Every figure in ``text`` with the phrase it counts and the indicators it names.

    A figure goes to the indicator whose phrase stands right before it (filler words allowed), else shortly
    after it in the same clause, else a few words before it in the same clause; the longest phrase wins a
    tie ("重点领域联合执法" over "联合执法"). Only a figure stated for a list ("调解率、成功率均为100%") is
    given to several indicators. A law study its clause names without its group ("开展习近平法治思想相关学习4次")
    is the study of the one group the sentence named before it (``_study_of_the_group_named``).

    ``scored`` (min score, min margin) turns on the scored fallback (``_scored_links``) for figures no alias
    stands next to. It is off by default: chosen by leaving each held-out batch out, it added as many wrong
    suggestions as right ones (docs/figures-corpus.md). Its matches are marked
    ``guessed``: the import preview shows them as guesses the user confirms, not as values. A figure's alias
    matches are the same with the fallback on or off.
    """
    indicators = list(indicators)
    matches = []
    clauses = _Breaks(text, CLAUSE_BREAK)
    sentences = _Breaks(text, SENTENCE_BREAK)
    fitting = _Fitting(indicators)
    previous_end = 0
    given = {}  # where the last figure given to each indicator ended
    for figure in find_figures(text):
        clause_start, clause_end = clauses.around(figure.start, figure.end)
        sentence_start = sentences.around(figure.start, figure.end)[0]
        aliases = fitting[figure.unit]
        guessed = False
        links = _shared_links(text, clause_start, figure, aliases)
        if any(
            pattern.search(text[clause_start : figure.start])
            for pattern in (CHANGE_BEFORE_FIGURE, LIMIT_BEFORE_FIGURE, EACH_BEFORE_FIGURE)
        ):
            links = []
        elif not links:
            ranked = sorted(
                [
                    *_links_before(text, clause_start, figure, aliases, fitting.aliases),
                    *_links_after(text, clause_end, figure, aliases),
                ],
                key=lambda link: link.rank,
            )
            if not ranked and BARE_CLAUSE.fullmatch(text[clause_start : figure.start].strip()):
                ranked = _links_previous_clause(text, clauses, clause_start, figure, aliases)
            links = _unambiguous(ranked)
            # Who: said in the sentence before the figure, since the figure before it (which had its own).
            who_start = max(sentence_start, previous_end)
            if not ranked:
                links = _study_of_the_group_named(text, who_start, clause_start, figure, fitting)
            guessed = not ranked and not links and bool(scored)
            if guessed:
                links = _scored_links(text, clauses, clause_start, clause_end, figure, fitting, *scored)
            if links and _reviewed_object(
                text[clause_start : links[0].start], links[0].index, fitting, figure.unit
            ):
                links = []
            if links and _names_an_object_kept_otherwise(text, clause_start, links[0], fitting, figure.unit):
                links = []
            if links and _another_groups(text[who_start:clause_end], links[0], fitting.aliases):
                links = []
            if links and _counted_together(text[sentence_start : figure.start], links[0], fitting.aliases):
                links = []
            if links and _a_villages_adviser(text, clause_start, figure, links[0]):
                links = []
            if links and _a_bodys_meeting_not_on_law(
                text, clause_start, clause_end, figure, links[0], fitting
            ):
                links = []
            if links and _others_trained_or_reviewed(text, clause_start, figure, links[0], fitting):
                links = []
            if links and _superiors_event(text[clause_start : figure.start], links[0], fitting.aliases):
                links = []
            if links and _qualification_exam(text[clause_start:clause_end], links[0], fitting.aliases):
                links = []
        # A part after 其中 is no new value of what was just totalled: "办结案件886件，处罚金额144.6万余元。其中，简易程序
        # 案件528件，处罚金额4.6万余元".
        if links and "其中" in text[given.get(links[0].index, figure.start) : figure.start]:
            links = []
        links = [link for link in links if not _an_exam_not_said(text, sentence_start, figure, link, fitting)]
        for link in links if not guessed else ():  # a guess totals nothing a value could be part of
            given[link.index] = figure.end
        previous_end = figure.end
        matches.append(
            FigureMatch(
                figure=figure,
                phrase=counted_phrase(text, clause_start, clause_end, figure),
                indicators=[indicators[link.index] for link in links],
                aliases=[link.phrase for link in links],
                quotes=[
                    text[min(link.start, figure.start) : max(link.start + len(link.phrase), figure.end)]
                    for link in links
                ],
                guessed=guessed and bool(links),
            )
        )
    return matches


def suggest_values(text, indicators):
    """For each indicator, the value its first mention in ``text`` gives it (``match_figures``); a later
    figure for an indicator that already has its value goes to no one."""
    return first_values(match_figures(text, indicators))


def first_values(matches):
    """``suggest_values`` of figures already matched: the first figure for each indicator."""
    suggestions, taken = [], set()
    for match in matches:
        figure = match.figure
        for indicator, alias, quote in zip(match.indicators, match.aliases, match.quotes, strict=True):
            if id(indicator) in taken:
                continue
            taken.add(id(indicator))
            suggestions.append(
                Suggestion(
                    indicator=indicator,
                    value=_in_unit(figure, indicator.unit, review=bool(REVIEW.search(alias))),
                    qualifier=figure.qualifier,
                    unit=indicator.unit,
                    figure_text=figure.text,
                    sentence=figure.sentence,
                    phrase=alias,
                    quote=quote,
                )
            )
    return suggestions


def counted_phrase(text, clause_start, clause_end, figure):
    """What a figure counts, as written: the words right after it ("16场法治宣传活动" → "法治宣传活动",
    "4次安全生产、平安建设等宣传咨询活动" → "宣传咨询活动"), else those before it from the last list item or the
    verb that introduces them, without the time words that open them ("全年组织专题学习4次" → "专题学习",
    "走进校园开展法治授课1场次" → "法治授课", "发布政务信息、办事指南164条" → "办事指南"). It is shown beside an
    unmatched figure and is the wording the import preview teaches the district's catalogue, so it is cut at
    words, never in the middle of one, and holds no number."""
    after = re.split(r"的|\d", text[figure.end : clause_end], maxsplit=1)[0].strip()
    if after and _is_han(after[0]):
        cuts = _phrase_cuts(after, PHRASE_LIST_END)
        if cuts:
            after = after[cuts[0] :]
        return _before_break(after)[:MAX_PHRASE_CHARS]
    before = FILLER_END.sub("", text[clause_start : figure.start]).strip()
    starts = [cut for cut in _phrase_cuts(before, PHRASE_START) if len(before) - cut >= MIN_PHRASE_CHARS]
    phrase = (before[starts[-1] :] if starts else before).lstrip("、，,：:；;")
    return _last_words(LEADING_WORDS.sub("", phrase) or phrase)


def _last_words(phrase):
    """The phrase's last ``MAX_PHRASE_CHARS`` characters, or from the start of a quoted name the cut would
    fall in ("“法治进乡村、进企业、进家庭”专项活动" is kept whole)."""
    cut = len(phrase) - MAX_PHRASE_CHARS
    if cut <= 0:
        return phrase
    for match in QUOTED.finditer(phrase):
        if match.start() < cut < match.end() and len(phrase) - match.start() <= MAX_QUOTED_PHRASE_CHARS:
            return phrase[match.start() :]
    return phrase[cut:]


def _phrase_cuts(words, pattern):
    """Where ``pattern`` ends in ``words``, outside titles and quoted names ("“法治进乡村、进企业”活动" is one word)."""
    quoted = [match.span() for match in QUOTED.finditer(words)]
    return [
        match.end()
        for match in pattern.finditer(words)
        if not any(start <= match.start() < end for start, end in quoted)
    ]


def _before_break(words):
    """``words`` up to the first list separator or clause mark outside quotes: "法治宣传、宣讲" → "法治宣传"."""
    ends = [end - 1 for end in _phrase_cuts(words, PHRASE_LIST_BREAK)]
    return words[: ends[0]] if ends else words


def _is_han(character):
    return "\u4e00" <= character <= "\u9fff" or character in "“《"


class _Fitting(dict):
    """(index, alias) of the indicators whose unit a figure in a given unit can be expressed in, worked out
    once per unit of a text's figures (not once per figure: the aliases are a property that splits lines)."""

    def __init__(self, indicators):
        super().__init__()
        self.indicators = indicators
        self.aliases = [_with_short_forms(indicator.alias_list) for indicator in indicators]

        # The scored fallback's words: each indicator's pairs of characters, and each pair's weight,
        # log(indicators / indicators using it): a pair only one indicator uses tells the most.
        self.pairs = [
            set().union(*(_pairs(alias) for alias in [*aliases, getattr(indicator, "name", "") or ""]))
            for indicator, aliases in zip(indicators, self.aliases, strict=True)
        ]
        self.heads = [{alias[-2:] for alias in aliases if len(alias) >= 2} for aliases in self.aliases]
        counts = Counter(pair for pairs in self.pairs for pair in pairs)
        self.weights = {pair: math.log(len(indicators) / count) for pair, count in counts.items()}

    def __missing__(self, unit):
        probe = Figure(Decimal(1), unit, Qualifier.EXACT.value, 0, 0, "", "")
        self[unit] = [
            (index, alias)
            for index, indicator in enumerate(self.indicators)
            for alias in self.aliases[index]
            if _in_unit(probe, indicator.unit, review=bool(REVIEW.search(alias))) is not None
        ]
        return self[unit]


def _with_short_forms(aliases):
    """The aliases and the short form of each meeting's ("专题党委会议" is written "专题党委会" as often); not of a
    body's every meeting ("党组会议", "常务会议"), whose short form names the body's meetings of any kind."""
    short = [alias[:-1] for alias in aliases if alias.endswith("会议") and len(alias) > 4]
    return list(dict.fromkeys([*aliases, *short]))


def _scored_links(text, clauses, clause_start, clause_end, figure, fitting, min_score, min_margin):
    """When no alias stands next to a figure: the indicator whose wordings share the most telling words
    with the phrase around it ("专项执法行动12次" → 执法检查 by 专项 and 执法, "及格率达100%" → 合格率 by 格率).

    Words are pairs of Han characters of the indicators' aliases and names, each weighed by how few
    indicators use it (``_Fitting.weights``): "格率" names one indicator, "学法" several, "法治" most. Only
    indicators the figure's measure word fits compete, and only those with an alias ending in the phrase's
    last two characters (its head noun: "…培训", "…会议", "…格率"); the best must score ``min_score`` and beat
    the second by ``min_margin``, else the figure is left to the user."""
    start, end = _scored_span(text, clauses, clause_start, clause_end, figure)
    phrase = TITLES.sub("", text[start:end])
    # The rules that decline an alias decline this too: a status, change or pairing word in the phrase.
    if start == end or STATUS_WORD.search(phrase) or NOT_IN_GAP.search(phrase):
        return []
    phrase = FILLER_END.sub("", phrase[:SCORED_CHARS] if start >= figure.end else phrase[-SCORED_CHARS:])
    # The head noun ends the phrase ("…专项执法行动", "4次全体镇干部学法活动"): an indicator must share it. The
    # pair across the head's edge belongs to no word ("学法活动"'s 法活 is not 普法活动's).
    head = phrase[-2:]
    pairs = _pairs(phrase) - {phrase[-3:-1]}
    scores = {}
    for index, _ in fitting[figure.unit]:
        if index not in scores:
            shared = pairs & fitting.pairs[index]
            agrees = head in fitting.heads[index]
            # An indicator whose name says law (法治培训, 法治建设专题会议) takes only a phrase that says it too:
            # "中心组理论学习18次" are all of the group's sessions, "相关工作会议" any meetings.
            says_law = "法" in phrase or "法" not in (getattr(fitting.indicators[index], "name", "") or "")
            scores[index] = sum(fitting.weights[pair] for pair in shared) if agrees and says_law else 0
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or ranked[0] < min_score or (len(ranked) > 1 and ranked[0] - ranked[1] < min_margin):
        return []
    index = max(scores, key=scores.get)
    return [_Link(index, text[start:end], start, (4, -ranked[0], 0, index))]


def _scored_span(text, clauses, clause_start, clause_end, figure):
    """Where the words the scored fallback compares stand: after the figure when it comes first ("开展4次
    全体镇干部学法活动"), else before it in its clause (the clause before, when its own holds only a verb:
    "…，覆盖500余人次"), from the head after a list's 等 ("违法建设、安全生产等专项执法行动"). Empty when the
    figure counts a list's items together ("法治学习和工作部署共计11次")."""
    if text[figure.end : figure.end + 1] and _is_han(text[figure.end]):
        start, end = figure.end, min(clause_end, figure.end + MAX_GAP_AFTER)
        if text.startswith(("的", "以上", "左右"), figure.end):
            return figure.end, figure.end
    else:
        start, end = clause_start, figure.start
        if BARE_CLAUSE.fullmatch(text[start:end].strip()):
            if clause_start < 2 or text[clause_start - 1] not in "，,":
                return end, end
            start, _ = clauses.around(clause_start - 1, clause_start - 1)
            end = clause_start - 1
    after_list = text.rfind("等", start, end)
    start = after_list + 1 if after_list >= 0 else start
    if LIST_IN_GAP.search(QUOTED_LIST.sub("", text[start:end])):
        return end, end
    return start, end


def _pairs(phrase):
    return {
        phrase[i : i + 2] for i in range(len(phrase) - 1) if _is_han(phrase[i]) and _is_han(phrase[i + 1])
    }


def _names_an_object_kept_otherwise(text, clause_start, link, fitting, unit):
    """Whether the words right before the phrase name what it is about, and that is an indicator kept in a
    measure word the figure is not in: "重大行政合同合法性审查11起" reviews contracts, which are counted in 份,
    so the 11 may well be that indicator's, written in another measure word. ("重大行政决策合法性审查22件"
    is not concerned: decisions are counted in 件 like the figure, and the nearer phrase rightly wins; nor is
    an indicator of people, who are who did a thing.)"""
    if unit == "%":  # a rate is always a rate of something: "学法考试合格率100%"
        return False
    fitting_indexes = {index for index, _ in fitting[unit]}
    before = text[clause_start : link.start]
    return any(
        len(alias) >= 2 and before.endswith(alias)
        for index, aliases in enumerate(fitting.aliases)
        # People are who did it, not what it is about: "法律顾问进村宣讲2次" are talks.
        if index not in fitting_indexes and fitting.indicators[index].unit not in PEOPLE_UNITS
        for alias in aliases
    )


def _reviewed_object(before, index, fitting, unit):
    """Whether the phrase is the object of a review named before it in its list item ("实现合法性审查全覆盖、
    负责人出庭应诉率100%" is two items), for an indicator that is no review while one of the catalogue's
    reviews could take the figure: then the figure may well count reviews."""
    if not REVIEW.search(before.rsplit("、", 1)[-1]):
        return False

    def is_review(aliases):
        return any(REVIEW.search(alias) or "备案" in alias for alias in aliases)

    return not is_review(fitting.aliases[index]) and any(
        is_review(fitting.aliases[other]) for other in {other for other, _ in fitting[unit]} - {index}
    )


def _another_groups(sentence, link, aliases_by_index):
    """Whether ``link`` names a group's indicator by a phrase without the group ("集中学法" for 干部职工学法)
    while the words that lead to the figure name groups only other indicators' phrases name ("班子", "中心组"),
    or bodies below the unit in the sentence (bodies beside or above it: ``_counted_together``)."""
    own = aliases_by_index[link.index]
    own_groups = {word for word in GROUP_WORDS if any(word in alias for alias in own)}
    if not own_groups or any(word in link.phrase for word in GROUP_WORDS):
        return False
    named = {word for word in GROUP_WORDS if word in sentence}
    if not named & own_groups and any(word in sentence for word in SUB_UNIT_WORDS):
        return True
    others = {
        word
        for index, aliases in enumerate(aliases_by_index)
        if index != link.index
        for word in named
        if any(word in alias for alias in aliases)
    }
    return bool(named) and not named & own_groups and bool(others)


def _counted_together(sentence, link, aliases_by_index):
    """Whether a figure of study or meetings counts what a body beside or above the unit did
    (``COUNTY_COMMITTEE``, or ``OTHER_BODY_WORDS`` the indicator's wordings do not name) or several bodies
    together (a list naming two meetings), as its clause says, or the clause before it in the same sentence
    when its own names no group ("全县各级党委(党组)开展学习…64次，开展专题学习研讨180余次"; but
    "以专题研讨、现场调研等多种形式开展理论学习中心组学习14次" is the group's). ``sentence``: the sentence's words
    before the figure."""
    own = aliases_by_index[link.index]
    if not any(alias.endswith(("学法", "学习", "会议", "研究")) for alias in own):
        return False
    parts = CLAUSE_BREAK.split(QUOTED_LIST.sub("", sentence))
    clause = parts[-1]
    scope = parts[-1:] if any(word in clause for word in (*GROUP_WORDS, *BODY_WORDS)) else parts[-2:]
    for part in scope:
        # "政府常务会会议会前学法34次" is what 会前学法 (常务会学法) counts.
        if COUNTY_COMMITTEE.search(part) or any(
            word in part and not any(word in alias for alias in own) for word in OTHER_BODY_WORDS
        ):
            return True
        items = LIST_SEPARATOR.split(part)
        if len(items) > 1 and sum(bool(BODY_ITEM.search(item)) for item in items) >= 2:
            return True
    return False


def _a_villages_adviser(text, clause_start, figure, link):
    """Whether ``link`` names an adviser the words right before it place in a village or community
    (``VILLAGES_BEFORE``): "村法律顾问9名" (not a phrase after the figure: "116名村干部" are the unit's)."""
    return (
        link.start < figure.start
        and RETAINED in link.phrase
        and VILLAGES_BEFORE.search(text, clause_start, link.start) is not None
    )


def _a_bodys_meeting_not_on_law(text, clause_start, clause_end, figure, link, fitting):
    """Whether ``link`` names a law indicator (法 in its name) by a body's every meeting (``BODYS_MEETING``)
    while neither the clause before the figure nor its own list item after it says 法."""
    name = getattr(fitting.indicators[link.index], "name", "") or ""
    if "法" not in name or not BODYS_MEETING.fullmatch(link.phrase):
        return False
    after = LIST_SEPARATOR.split(text[figure.end : clause_end], maxsplit=1)[0]
    return "法" not in text[clause_start : figure.start] + after


def _an_exam_not_said(text, sentence_start, figure, link, fitting):
    """Whether ``link`` names an exam's rate (考 in the indicator's name) by a phrase that says no exam
    ("合格率", "参与率") while the sentence up to the figure names none: "参加行政执法培训班，参与率和合格率均达100%"
    are the course's."""
    indicator = fitting.indicators[link.index]
    name = getattr(indicator, "name", "") or ""
    return (
        indicator.unit == "%"
        and "考" in name
        and not any(word in link.phrase for word in ("考", "资格"))
        and "考" not in text[sentence_start : figure.start]
    )


def _others_trained_or_reviewed(text, clause_start, figure, link, fitting):
    """Whether ``link`` names a training indicator while the clause says who was trained and they are not the
    staff (``TRAINEES_NOT_STAFF``), or names a rate that is a review's ("审查通过率100%") while the
    indicator's wordings speak of no review."""
    aliases = fitting.aliases[link.index]
    if any("培训" in alias for alias in aliases) and TRAINEES_NOT_STAFF.search(
        text[clause_start : figure.start]
    ):
        return True
    return (
        fitting.indicators[link.index].unit == "%"
        and bool(REVIEW.search(text[max(clause_start, link.start - 2) : link.start]))
        and not any(REVIEW.search(alias) for alias in aliases)
    )


def _superiors_event(clause, link, aliases_by_index):
    """Whether the figure's clause counts a superior's training or study the unit attended
    (``SUPERIORS_EVENT``) while ``link`` names a training or study indicator."""
    return bool(SUPERIORS_EVENT.search(clause)) and any(
        word in alias for alias in aliases_by_index[link.index] for word in ("培训", "学习", "学法", "讲座")
    )


def _qualification_exam(clause, link, aliases_by_index):
    """Whether the figure's clause is about an enforcement qualification exam while ``link`` names an
    indicator none of whose wordings speaks of 执法 (the law-study exam and its takers)."""
    return bool(QUALIFICATION_EXAM.search(clause)) and not any(
        "执法" in alias for alias in aliases_by_index[link.index]
    )


def _study_of_the_group_named(text, who_start, clause_start, figure, fitting):
    """A law study named by its clause alone, whose group the sentence named before it: "党委中心组…示范作用，
    集中学习习近平法治思想和重要指示批示精神6次", "街道党工委理论学习中心组将学法作为重点课题，…，开展习近平法治思想相关
    学习4次" are the central group's. Only when the sentence names one group, that group's study is one
    indicator the figure's measure word fits, and the clause says law (法): "中心组理论学习18次" are all of
    the group's sessions."""
    clause = FILLER_END.sub("", text[clause_start : figure.start]).strip()
    if (
        not clause
        or "法" not in clause
        or not STUDY_CLAUSE.search(clause)
        or any(c.isdigit() for c in clause)
    ):
        return []
    before = text[who_start:clause_start]
    present = [word for word in GROUP_WORDS if word in before]
    # "干部职工" names one group, not also "干部" and "职工".
    named = {word for word in present if not any(word != longer and word in longer for longer in present)}
    if len(named) != 1 or any(word in before for word in SUB_UNIT_WORDS):
        return []
    (group,) = named
    studies = {
        index for index, alias in fitting[figure.unit] if group in alias and STUDY_CLAUSE.search(alias)
    }
    if len(studies) != 1:
        return []
    (index,) = studies
    return [_Link(index, group, who_start + before.rfind(group), (5, 0, 0, index))]


def _unambiguous(ranked):
    """The likeliest link, or none when two indicators share the phrase that ranks first: "举办法治讲座4次"
    may count training or publicity, and the user is better served by no guess than by a wrong one."""
    if len(ranked) > 1 and ranked[0].rank[:3] == ranked[1].rank[:3] and ranked[0].index != ranked[1].index:
        return []
    return ranked[:1]


def _links_previous_clause(text, clauses, clause_start, figure, aliases):
    """Links to the phrase nearest the end of the clause before, when that clause is in the same sentence and
    states one figure: "开展法治培训10场次，覆盖500余人次" (attendances of the training)."""
    if clause_start < 2 or text[clause_start - 1] not in "，,":
        return []
    previous_start, previous_end = clauses.around(clause_start - 1, clause_start - 1)
    previous = text[previous_start:previous_end]
    # "组织专题学习2次、集中培训3场，覆盖200余人次", "参加法制培训、考试等5次，200余人次…" cover several kinds: no
    # one phrase's people.
    if len(find_figures(previous)) > 1 or PHRASE_LIST_END.search(previous):
        return []
    links = []
    for index, alias in aliases:
        at = previous.rfind(alias)
        if at >= 0 and not STATUS_BEFORE.search(previous[:at]):
            links.append(
                _Link(
                    index,
                    alias,
                    previous_start + at,
                    (3, len(previous) - at - len(alias), -len(alias), index),
                )
            )
    return sorted(links, key=lambda link: link.rank)


def _links_before(text, clause_start, figure, aliases, aliases_by_index):
    before = text[clause_start : figure.start]
    for index, alias in aliases:
        at = before.rfind(alias)
        if at < 0 or STATUS_BEFORE.search(before[:at]):
            continue
        gap = before[at + len(alias) :]
        # "开展会前学法等40次": a figure right after "…等" counts that and more kinds together.
        if gap.startswith("等") and FILLER.fullmatch(gap[1:]):
            continue
        if FILLER.fullmatch(gap):
            yield _Link(index, alias, clause_start + at, (0, len(gap), -len(alias), index))
        else:
            # Titles and quoted names between phrase and figure count as one word: "专题学习《…》《…》等
            # 法律法规11次", "审核《…》等规范性文件".
            words = QUOTED.sub("", gap)
            # The last item of a list the figure counts together ("工作推进会、中心组专题学习会等6次"), unless
            # every item names the same indicator ("警示教育、执法实务培训等活动3场").
            items = LIST_SEPARATOR.split(QUOTED_LIST.sub("", before[:at]))[:-1]
            if "等" in words and any(not any(a in item for a in aliases_by_index[index]) for item in items):
                continue
            if (
                len(words) <= MAX_GAP_BEFORE
                and not any(c.isdigit() for c in words)
                and not NOT_IN_GAP.search(gap)
                and not LIST_IN_GAP.search(QUOTED_LIST.sub("", gap))
            ):
                yield _Link(index, alias, clause_start + at, (2, len(words), -len(alias), index))


def _links_after(text, clause_end, figure, aliases):
    after = text[figure.end : clause_end]
    # "保留17件县政府行政规范性文件": a status before the figure makes the phrase after it a stock.
    status = STATUS_BEFORE.search(text, max(0, figure.start - 8), figure.start) is not None
    for index, alias in aliases:
        at = after.find(alias)
        if at >= 0 and (status or STATUS_BEFORE.search(after[:at])):
            continue
        gap = after[:at]
        # Not when the figure closes a list item: in "学习34余次、理论学习中心组…" the phrase is the next item's;
        # nor past a verb that puts what the figure counts into the phrase ("5项程序纳入重大决策必经环节").
        if (
            0 <= at <= MAX_GAP_AFTER
            and not any(c.isdigit() for c in gap)
            and not gap.startswith("、")
            and not PUT_INTO.search(gap)
        ):
            # "15件重大行政决策的合法性审查" counts reviews: a phrase followed by 的 is not the head noun;
            # nor is the object of "对27件行政处罚案件进行法制审核", which counts the reviews.
            owner = after.startswith("的", at + len(alias)) or (
                OBJECT_BEFORE.search(text, max(0, figure.start - 4), figure.start) is not None
                and after.startswith(("进行", "开展"), at + len(alias))
            )
            rank = len(gap) + (MAX_GAP_AFTER if owner else 0)
            yield _Link(index, alias, figure.end + at, (1, rank, -len(alias), index))


def _shared_links(text, clause_start, figure, aliases):
    """One link per indicator named by an item of a list the figure is stated for, else none."""
    match = SHARED_LIST.search(text, clause_start, figure.start)
    if not match:
        return []
    links, offset = {}, match.start("items")
    for item in LIST_SEPARATOR.split(match["items"]):
        for index, alias in aliases:
            if item.endswith(alias) and index not in links:
                links[index] = _Link(index, alias, offset + len(item) - len(alias), ())
        offset += len(item) + 1
    return sorted(links.values(), key=lambda link: link.start)


def find_mismatches(text, values_by_indicator):
    """Where the text states a figure for an indicator that differs from the sheet's value.

    ``values_by_indicator`` maps an indicator to its sheet value (anything with ``value`` and
    ``not_applicable``); unfilled values are not compared, qualifiers (余, 近) are not either.
    """
    mismatches = []
    for suggestion in suggest_values(text, values_by_indicator):
        sheet = values_by_indicator[suggestion.indicator]
        if sheet is None or (sheet.value is None and not sheet.not_applicable):
            continue
        if sheet.not_applicable or sheet.value != suggestion.value:
            mismatches.append(
                Mismatch(
                    indicator=suggestion.indicator,
                    text_value=suggestion.value,
                    sheet_value=None if sheet.not_applicable else sheet.value,
                    figure_text=suggestion.figure_text,
                    sentence=suggestion.sentence,
                    quote=suggestion.quote,
                )
            )
    return mismatches
