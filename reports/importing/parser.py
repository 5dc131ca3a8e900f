"""Read a report pasted as plain text into its parts: header, title, preamble, sections, items, signature.

The text is read line by line (blank lines mean nothing). From the top: organ lines and an optional
document number, the title (a short line near the top ending in "报告", or naming the subject and ending in
"情况", "总结" or "汇报"; organs and title on one line are split), an optional addressee ending in "："
(which may also open a report that has no title). A web page's own lines around the title (a headline
repeating it, "来源：…发布时间：…") are kept at the top of the preamble and marked, so the preview can offer
to remove them. From the bottom: a date line and the organ names just above it. In between: the preamble
until the first "一、", then the sections, whose lines are numbered items ("（一）", "1.", "（1）";
damaged forms such as "一)" or "(一" are read with a warning), enumerations ("一是…") or plain paragraphs
that continue the item above them. ASCII punctuation (",:()") is read like the full-width forms.

Numbers are not kept: the app generates them from order. So every label is only read for its level and
checked for sequence; a gap ("（一）" then "（三）") becomes a warning, never lost text. Everything else
is kept verbatim, ASCII punctuation included.

Plain dataclasses only, so the parser can be tested and reused without a database.
"""

import datetime
import re
from dataclasses import dataclass, field

from reports.rendering.numbering import enumeration_label, heading_label, parse_chinese_number

# --- What the lines look like -------------------------------------------------------------------------

CHINESE_NUMBER = "[一二三四五六七八九十百零]{1,6}"
# "一、工作成效"; "一." and "一．" too. Not "一，": prose may start that way.
SECTION_RE = re.compile(rf"^({CHINESE_NUMBER})\s*[、.．]\s*(.*)$")
# "（一）" / "(一)" — level 2.
LEVEL2_RE = re.compile(rf"^[（(]\s*({CHINESE_NUMBER})\s*[）)]\s*(.*)$")
# Damaged level-2 labels as web copies and retyping leave them: "一)深入推进…" (no opening bracket) and
# "(一深入推进…" (no closing one; only before a Han character that is not a numeral).
LEVEL2_NO_OPEN_RE = re.compile(rf"^({CHINESE_NUMBER})\s*[）)]\s*(.*)$")
LEVEL2_NO_CLOSE_RE = re.compile(rf"^[（(]\s*({CHINESE_NUMBER})(?=[\u4e00-\u9fff])(.*)$")
# "1." / "1．" / "1、" — level 3. Not "1.5万元…": a digit after the dot is a decimal.
LEVEL3_RE = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$")
# "（1）" / "(1)" — level 4; "1)" with its opening bracket lost too.
LEVEL4_RE = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$")
LEVEL4_NO_OPEN_RE = re.compile(r"^(\d{1,2})\s*[）)]\s*(.*)$")
# "一是…" at the start of a paragraph.
ENUMERATION_RE = re.compile(rf"^({CHINESE_NUMBER})是(.*)$")

# "新田委文〔2026〕3号", also with [2026], （2026） or (2026).
DOCUMENT_NUMBER_RE = re.compile(r"^\S{1,20}?[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号$")
# A title ends in 报告; one that names its subject (法治, 依法…) may end in 情况, 总结 or 汇报 too:
# "2025年法治政府建设情况", "…2024年度法治政府建设工作总结", "…工作情况汇报".
TITLE_RE = re.compile(r"报告$")
SUBJECT_TITLE_RE = re.compile(r"(情况|总结|汇报)$")
TITLE_SUBJECT_RE = re.compile(r"法治|依法|法制")
# The last words of a title broken over two lines, alone on the second: "年度报告", "情况的报告", "报 告".
TITLE_TAIL_RE = re.compile(r"^(?:年度|工作|情况|建设|的|\s)*(?:报\s*告|总\s*结|汇\s*报)$")
# A place's name a page's headline may write before the document's own title ("石柱土家族自治县鱼池镇人民政府
# 关于…的报告" above "鱼池镇人民政府关于…的报告").
PLACE_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{1,14}(?:省|市|州|盟|区|县|旗)$")
# A site's breadcrumb: "当前位置: 首页 > 法治建设", "您当前所在位置:首页>…", "您现在所在的位置 :", "首页/ 公开 /
# 公开文件 / 正文".
BREADCRUMB = r"[•·\-\s]*(?:您?(?:当前|现在)(?:所在)?的?位置\s*[:：]|首页\s*[/>＞›»])"
BREADCRUMB_RE = re.compile(BREADCRUMB)
# A web page's lines about the page, not the document: "来源:司法局 发布时间:2024-03-28", "发表日期:2025-01-23",
# "浏览量:1", "• 2026-01-29 09:57", the site's Chinese domain name ("中文域名:天津市宝坻区人民政府.政务"), and the page's
# buttons: "分享:", "字号:", "【字体:".
PAGE_LINE_RE = re.compile(
    r"^[•·\-\s【\[|]*(?:(?:(?:文章|信息)?来源|发布(?:时间|日期|机构)|发表(?:时间|日期)|更新时间|时间|日期|作者|浏览(?:量|次数)?|中文域名|"
    r"点击(?:率|量|数)?|阅读(?:量|次数|人次)?|字体(?:大小)?|字号|分享(?:到)?|打印|索\s*引\s*号)\s*[:：]|\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$)"
    rf"|^{BREADCRUMB}"
    # …and a breadcrumb's rest on a line of its own: "当前位置 : 首页" above "> 陇西动态 > 政务公告".
    r"|^[>＞›»]\s*[^，,。；;：:！？!?]{1,40}$"
    # …and a breadcrumb that starts at the site's column, not at 首页: "政府信息公开 > 法定主动公开内容 > …".
    r"|^[^，,。；;：:！？!?>＞›»]{1,20}[>＞›»][^，,。；;：:！？!?>＞›»]{1,20}[>＞›»]"
    # A government site's table of the document's particulars, as rows ("| 索引号:… | |", "发文日期: | 2025-01-17 |")
    # or bullets ("• 主题分类:通知公告", "- 标  题:…", "• 备注/文号:…", "• 公文生成日期:…", "- 发文机构:…",
    # "- 公文时效:", "生效时间:", "分      类: 其他 ; 报告"): about the page, above the document.
    r"|^[|•·\-\s]*(?:主题分类|信息分类|内容分类|发布单位|公开范围|分\s*类|主\s*题\s*词|发文(?:字号|时间|日期|机关|机构)|成文(?:时间|日期)|"
    r"(?:备注\s*[/／]\s*)?文\s*号|标\s*题|名\s*称|效力状态|(?:公文)?时\s*效|有效性|公开方式|(?:公文)?生成日期|"
    r"(?:生效|终止)(?:时间|日期))\s*[:：]"
    # …or as a table's cells, key and value apart: "| 索 引 号 | 113708…/2026-00538 | 公开方式 | 主动公开 |",
    # "| 关键词 | 发布机构 | 大马营镇 | |", "| 生成日期 | 2026-01-30 09:03:18 | 是否有效 |", the row's first bar
    # sometimes lost: "公开类别 | 主动公开 | 发布时间 | 2025-03-17 |".
    r"|^\|?\s*(?:索\s*引\s*号|发布机构|成文日期|有效性|主题分类|发文字号|公开(?:方式|形式|类别)|组配分类|关键词|生成日期)\s*\|"
    # …or those cells copied without the table: "索  引  号 113708…/2026-00508 公开方式 主动公开", "有效性",
    # "生成日期 2025-02-06 公开方式 主动公开".
    r"|^(?:索\s*引\s*号|发布机构|成文日期|生成日期|有效性|主题分类|发文字号|组配分类|公开方式)(?:\s|$)"
    # …or with each key in brackets: "- [ 索引号 ] 115…/2026-00004", "- [ 发布机构 ] 城口县鸡鸣乡人民政府".
    r"|^[•·\-\s|]*[\[【]\s*(?:索\s*引\s*号|发文字号|发布(?:机构|日期)|主题分类|体裁分类|成文日期|有效性)\s*[\]】]"
    # …or as bullets with each key run into its value: "索引号pbxx…/2026-00001", "发布机构屏边县新华乡人民政府",
    # "发布日期2026-01-27", "时效性有效", "文号" (no sentence in them).
    r"|^[•·\-\s]*(?:索\s*引\s*号|发布(?:机构|日期|时间)|成文日期|有效性|时效性|主题分类|发文字号|组配分类|文\s*号)"
    r"[^，,。；;！？!?]*$"
    # …or with keys and values on bullets of their own: "• 索引号" above "• lsx31/2025-00001" (the value's
    # form tells it: a site's code, a slash, the year and a serial).
    r"|^[•·\-\s]*[0-9A-Za-z]+(?:[-_.][0-9A-Za-z]+)*/\d{4}-\d{2,}$"
    # …an empty row of that table ("| | | |") or an empty bullet ("-"), a bullet naming the site's column
    # ("- 乡镇信息公开"), and the page's buttons: "加大字体 缩小字体 收藏 取消收藏 打印".
    r"|^[|•·\-\s]+$"
    r"|^[•·\-]\s*[^，,。；;：:！？!?\s]{1,12}$"
    # …and the print button before the font's on one line: "【打印】 【字体:".
    r"|^[【\[]\s*(?:打印|关闭)\s*[】\]]\s*[【\[]\s*(?:字体|字号)\s*[:：]"
    # …and the font size buttons, one a line ("大", "中", "小") or on one line ("大 中 小" below "字号:").
    r"|^[【\[]?[大中小][】\]]?(?:\s+[【\[]?[大中小][】\]]?)*$"
    r"|^(?:(?:加大字体|缩小字体|默认字体|取消收藏|收藏|打印(?:本页)?|关闭(?:窗口)?)\s*)+$"
    # …and its account buttons: "登录 | 注册".
    r"|^(?:登录|注册)(?:\s*[|｜/]\s*(?:登录|注册))*$"
    # …and its share box: "用微信扫描二维码", "分享至好友和朋友圈", and the box's close button "×".
    r"|^(?:用微信)?扫(?:描|一扫)二维码$|^分享(?:至|到)(?:好友|朋友圈|微信)[和及、]?(?:好友|朋友圈|微信)?$|^[×✕]$"
    # …and its voice-reading buttons: "语音播报", "语音合成中,请耐心等待...", "进入播报模式", "退出播报模式".
    r"|^(?:语音播报|语音合成中[,，]?\s*请耐心等待[.。…]*|进入播报模式|退出播报(?:模式)?)$"
)
# The site's particulars run together on one line, longer than a page line usually is, each key in brackets:
# "[ 索引号 ]115…/2026-00070 [ 发文字号 ] [ 发布机构 ]万盛经济技术开发区 [ 主题分类 ]其他 … [ 有效性 ]".
PARTICULARS_ROW_RE = re.compile(
    r"^(?:\s*[\[【]\s*(?:索\s*引\s*号|发文字号|发布(?:机构|日期)|主题分类|体裁分类|成文日期|有效性)\s*[\]】]"
    r"[^\[【\]】，,。；;！？!?]*)+$"
    # …or each key with a colon: "索 引 号:zyqzhkz/2026-2158744 发布机构:茈湖口镇 发文日期:2026-03-16 信息类别:综合政务
    # 公开范围:全部公开 公开方式:政府网站".
    r"|^索\s*引\s*号\s*[:：][^，,。；;！？!?]*?\s(?:发布机构|发文(?:机关|字号|日期)|成文日期|信息(?:类别|分类)|"
    r"公开(?:范围|方式))\s*[:：][^，,。；;！？!?]*$"
)
MAX_PARTICULARS_ROW_CHARS = 200
# "梨树县人民政府   2026-02-05 15:38:00   来源:梨树县司法局": the site's stamp on the page, its publishing time
# and source with no key before the time; the short lines above it, when no title is, are the site's name
# and column.
SITE_STAMP = r"(?:^|\s)\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:文章|信息)?来源\s*[:：]"
SITE_STAMP_RE = re.compile(SITE_STAMP)
# "蒸湘区人民政府门户网站 www.… 发布时间:2025-03-31": the site's name first, a publishing date after it.
PAGE_DATE_RE = re.compile(rf"(?:发布|更新)(?:时间|日期)\s*[:：]\s*\d{{4}}|{SITE_STAMP}")
# A particular's key on a bullet of its own whose value stands unbulleted on the next line: "• 发布机构" above
# "绿春县林业和草原局", "• 时效性" above "有效"; or a page's key with its colon and nothing after it: "来源:"
# above "万古镇人民政府".
BARE_KEY_RE = re.compile(
    r"^[•·\-]\s*(?:索\s*引\s*号|发布(?:机构|日期|时间)|发文(?:机关|字号)|成文日期|有效性|时效性|文\s*号)$"
    r"|^(?:(?:文章|信息)?来源|作者|发布(?:机构|单位))\s*[:：]\s*$"
)
MAX_PARTICULAR_VALUE_CHARS = 30
MAX_PAGE_LINE_CHARS = 80
# A headline with the page's publishing date after it: "2024年度殷行街道法治政府建设工作情况报告 2025-02-28".
DATED_LINE_RE = re.compile(r"^(.*\S)\s+(\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$")
# A line copied from a page's table of one cell: "| 天津市滨海新区新村街道2025年度法治政府建设情况报告 |".
ONE_CELL_RE = re.compile(r"^\|\s*([^|]+?)\s*\|$")
# A copy that ran the page's lines together, a space between them: a "一、" or "（一）" heading after a sentence's end
# and a space ("…取得新成效。 一、主要举措和成效 （一）深入践行…。…310人次。 （二）加强…") starts a line, and so does a
# "（一）" after a section's heading and a space.
RUN_TOGETHER_RE = re.compile(
    rf"(?<=[。！？；;!?])[ \t\u3000]+(?=(?:{CHINESE_NUMBER}、|[（(]{CHINESE_NUMBER}[）)]))"
)
HEADING_RUN_ON_RE = re.compile(
    rf"^({CHINESE_NUMBER}、[^，,。；;：:！？!?\s]{{1,40}})[ \t\u3000]+(?=[（(]{CHINESE_NUMBER}[）)])"
)
MAX_LINES_ABOVE_BREADCRUMB = 4  # a site's name and a few menu entries
PARTICULARS_KEY_RE = re.compile(r"^[|•·\-\s]*[\[【]?\s*索\s*引\s*号")
# "塔庄镇2022年…总结" above "塔庄镇2022…总结", "东方山街道办事处2025度…报告" above "东方山街道2025度…报告".
# A headline may also add 关于 between the organ and the title ("…办事处关于2024年…报告" above "…办事处" and
# "2024年…报告").
TITLE_NOISE_RE = re.compile(r"[度的\s]|(?<=\d)年|办事处|人民政府|关于")
# "…建设情况报告", "…建设工作报告", "…建设工作情况的报告": one report named with or without these words.
REPORT_KIND_NOISE_RE = re.compile(r"(?:工作|情况)+(?=报告$)")
DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
# A signature line must look like an organ, so a closing "特此报告" stays in the body.
ORGAN_SUFFIX_RE = re.compile(r"(委员会|党委|党工委|办事处|人民政府|政府|街道|镇|乡|办公室|委|局|中心)$")

SENTENCE_END = "。！？；;!?"
# An enumeration written in one paragraph is cut where the next "二是" follows one of these.
ENUMERATION_CUT_AFTER = "。；;"
# Header, addressee and signature lines carry none of these.
PROSE_PUNCTUATION = "，,。；;：:！？!?"

MAX_HEADING_CHARS = 40  # a longer first sentence is body text, not a run-in heading
MAX_HEADER_LINE_CHARS = 60  # organ names, document number and title are short lines
MAX_SIGNING_ORGANS = 4

# Section kinds from the heading's wording: every phrase found adds its weight to its kind, the highest
# total wins (ties go to the kind listed first). Strong phrases decide alone; weak ones ("问题", "计划")
# only with another, so that a themed heading such as "坚持问题导向，…" is not read as shortcomings.
# A heading that reaches no kind is themed ("强化…宣传，…"): before the shortcomings or plans it reports
# work done, so it counts as measures and results (``_kinds_by_position``).
SECTION_VOCABULARY: list[tuple[str, int, re.Pattern[str]]] = [
    ("first_responsibility", 10, re.compile("第一责任人|第一责任|述法")),
    ("first_responsibility", 4, re.compile("主要负责(人|同志)|负责同志|履行.{0,12}职责")),
    ("shortcomings", 8, re.compile("不足|差距|短板|弱项|存在的?(主要)?问题|问题(和|及|与)(原因|不足)")),
    ("shortcomings", 2, re.compile("问题|困难|薄弱")),
    ("next_year_plans", 8, re.compile("下一步|打算|工作思路|今后|展望|工作计划|工作安排|主要安排|重点任务")),
    ("next_year_plans", 2, re.compile("思路|计划|安排|目标|明年|下一年|来年")),
    (
        "measures_and_results",
        10,
        # …and "主要做法成效", "主要举措成效" with no 和 between (not "工作成效": the results alone).
        re.compile(
            "(举措|措施|做法|工作|情况)(和|及|与)(主要|突出|显著|工作)?(成效|成绩|成果|效果)|(举措|措施|做法)(成效|成绩|成果)"
        ),
    ),
    ("measures_and_results", 6, re.compile("(工作|建设|总体|基本|开展|推进|落实)情况|主要工作|工作开展")),
    ("achievements", 5, re.compile("成效|成绩|成果")),
    ("measures", 5, re.compile("举措|措施|做法")),
    ("other", 8, re.compile("其他|其它")),
]
KIND_PRIORITY = [
    "first_responsibility", "shortcomings", "next_year_plans", "measures_and_results", "achievements",
    "measures", "other",
]  # fmt: skip
MIN_KIND_SCORE = 4  # a weak phrase alone (2) names no kind


@dataclass
class ParsedItem:
    level: int  # 2 "（一）", 3 "1.", 4 "（1）"
    style: str  # an Item.Style value: heading, run_in, enumerated, plain
    joins_previous: bool = False
    heading: str = ""
    body: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.heading.strip() and not any(line.strip() for line in self.body)


@dataclass
class ParsedSection:
    heading: str
    kind: str  # a Section.Kind value
    items: list[ParsedItem] = field(default_factory=list)
    kind_from_position: bool = False  # the heading named no kind: read from where the section stands


@dataclass
class ParsedReport:
    issuing_organs: list[str] = field(default_factory=list)
    document_number: str = ""
    title: str = ""
    addressee: str = ""
    preamble: list[str] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    signing_organs: list[str] = field(default_factory=list)
    signing_date: datetime.date | None = None
    warnings: list[str] = field(default_factory=list)
    # Indices into ``preamble`` of a web page's lines (a headline repeating the title, "来源…发布时间…").
    page_lines: list[int] = field(default_factory=list)
    duplicate_headline: bool = False


@dataclass
class Label:
    """The number a line starts with: ``level`` 1 for "一、", 2–4 for items, 0 for "一是"."""

    level: int
    number: int
    text: str  # the rest of the line
    damage: str = ""  # what is wrong with how the label is written, for a warning


def parse_report_text(text: str) -> ParsedReport:
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    lines = _titles_apart(run_together_lines_apart([line for line in lines if line]))
    parsed = ParsedReport()
    start, page_lines = _read_header(lines, parsed)
    end = _read_signature(lines, start, parsed)
    body = lines[start:end]
    first_section = next((i for i, line in enumerate(body) if _is_section(line)), len(body))
    parsed.preamble = page_lines + body[:first_section]
    parsed.page_lines = list(range(len(page_lines)))
    if body and first_section == len(body):
        parsed.warnings.append("未找到“一、”开头的部分标题，正文全部作为导语。")
    _read_sections(body[first_section:], parsed)
    return parsed


def run_together_lines_apart(lines: list[str]) -> list[str]:
    """The headings a copy ran into the line before them, a space between, each on a line of its own."""
    apart = []
    for line in lines:
        for part in RUN_TOGETHER_RE.split(line):
            heading = HEADING_RUN_ON_RE.match(part)
            apart.extend([heading[1], part[heading.end() :]] if heading else [part])
    return apart


def _titles_apart(lines: list[str]) -> list[str]:
    """A title a page sets in a table's one cell ("| …报告 |") is read as the title alone."""
    cells = [ONE_CELL_RE.match(line) for line in lines]
    return [cell[1] if cell and _is_title(cell[1]) else line for line, cell in zip(lines, cells, strict=True)]


# --- Labels --------------------------------------------------------------------------------------------


def read_label(line: str) -> Label | None:
    """The heading label ``line`` starts with, if any ("一是" enumerations included)."""
    for level, pattern, chinese, damage in (
        (1, SECTION_RE, True, ""),
        (2, LEVEL2_RE, True, ""),
        (3, LEVEL3_RE, False, ""),
        (4, LEVEL4_RE, False, ""),
        (0, ENUMERATION_RE, True, ""),
        (2, LEVEL2_NO_OPEN_RE, True, "缺少左括号"),
        (2, LEVEL2_NO_CLOSE_RE, True, "缺少右括号"),
        (4, LEVEL4_NO_OPEN_RE, False, "缺少左括号"),
    ):
        match = pattern.match(line)
        if match:
            number = parse_chinese_number(match[1]) if chinese else int(match[1])
            if number:  # "一二三、" or "0." are not labels
                return Label(level, number, match[2], damage or _mixed_brackets(line, match.start(2)))
    return None


def _mixed_brackets(line: str, text_start: int) -> str:
    """ "（一)" or "(一）": one bracket full-width, the other half-width."""
    label = line[:text_start]
    if any(c in label for c in "（）") and any(c in label for c in "()"):
        return "全角、半角括号混用"
    return ""


def _is_section(line: str) -> bool:
    label = read_label(line)
    return label is not None and label.level == 1


def _label_text(level: int, number: int) -> str:
    return enumeration_label(number) if level == 0 else heading_label(level, number)


# --- Header and signature ------------------------------------------------------------------------------


def _is_header_line(line: str) -> bool:
    return (
        len(line) <= MAX_HEADER_LINE_CHARS
        and not any(c in PROSE_PUNCTUATION for c in line)
        and read_label(line) is None
    )


def _is_addressee(line: str) -> bool:
    # "区委、区政府：", "中共将乐县委员会,将乐县人民政府:" — but not a short preamble line such as
    # "现将有关情况报告如下：", nor a page's "…【字体:": organs a comma separates must each look like one.
    if line[-1] not in "：:" or len(line) > MAX_HEADING_CHARS or "如下" in line or _is_page_line(line):
        return False
    if any(c in "。；;" for c in line):
        return False
    names = re.split("[，,]", line[:-1])
    return len(names) == 1 or all(ORGAN_SUFFIX_RE.search(name.strip()) for name in names)


def _is_title(line: str) -> bool:
    return _is_header_line(line) and (
        TITLE_RE.search(line) is not None
        or (SUBJECT_TITLE_RE.search(line) is not None and TITLE_SUBJECT_RE.search(line) is not None)
    )


def _is_page_line(line: str) -> bool:
    if len(line) > MAX_PAGE_LINE_CHARS:
        return len(line) <= MAX_PARTICULARS_ROW_CHARS and PARTICULARS_ROW_RE.match(line) is not None
    return PAGE_LINE_RE.match(line) is not None or (
        PAGE_DATE_RE.search(line) is not None and not any(c in "，,。；;" for c in line)
    )


def _split_organ_and_title(line: str) -> tuple[str, str]:
    """ "通城镇人民政府 2025年法治政府建设情况" → the organ and the title written on one line."""
    organ, _, title = line.partition(" ")
    title = title.strip()
    if title and ORGAN_SUFFIX_RE.search(organ) and _is_title(title) and not _is_title(organ):
        second, _, after_second = title.partition(" ")
        after_second = after_second.strip()
        if after_second and ORGAN_SUFFIX_RE.search(second) and _is_title(after_second):
            # "中共渠县教育局委员会 渠县教育局 关于…的报告": a second organ a space apart before the title.
            return f"{organ} {second}", after_second
        second, about, rest = title.partition("关于")
        if about and second and ORGAN_SUFFIX_RE.search(second) and _is_title(about + rest):
            # "中共渠县渠南街道工作委员会 渠县人民政府渠南街道办事处关于…的报告": a second organ written before the
            # title's 关于.
            return f"{organ} {second}", about + rest
        return organ, title
    return "", line


def _read_header(lines: list[str], parsed: ParsedReport) -> tuple[int, list[str]]:
    """Organs and document number above the title, the title, an addressee below it.

    Returns the index of the first preamble line and the page's own lines found around the title (which
    open the preamble). Only the leading short, unpunctuated lines are searched, so a report without a title
    does not take a line from its body as one; one that opens with its addressee keeps it as addressee.
    """
    # A site's particulars of the document ("索引号:…", "发布机构:…") may stand above it.
    leading = _after_breadcrumb(lines)
    while leading < len(lines) and (_is_page_line(lines[leading]) or _is_particulars_value(lines, leading)):
        leading += 1
    page_lines = lines[:leading]
    above: list[str] = []
    index = leading
    while index < len(lines) and _is_header_line(lines[index]):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        organ, title = _split_organ_and_title(line)
        dated = DATED_LINE_RE.match(line)
        dated = dated if dated and not organ and _is_title(dated[1]) else None
        if dated:
            # "…情况报告 2025-02-28": the page's headline, its publishing date after the title.
            title = dated[1]
        if not _is_title(title) and _title_continues(line, following):
            # "关于华容县2023年度法治政府建设工作的" / "报 告": a title broken over two lines.
            title, index = line + re.sub(r"\s+", "", following), index + 1
        if _is_title(title):
            # A short line above the title that names no organ is the site's ("环球国际", "政府信息公开",
            # "正文内容区域请使用tab按钮切换浏览"), not the document's.
            site_lines = [
                short for short in above if not (DOCUMENT_NUMBER_RE.match(short) or _names_organs(short))
            ]
            # The document's organs stand right above its title: one with the site's lines between it and the
            # title ("泽州县司法局" / "搜索位置" / "匹配度" / "排序" / "泽州县交通运输局…报告") is the site's name.
            last_site_line = max((i for i, short in enumerate(above) if short in site_lines), default=-1)
            site_lines = above[: last_site_line + 1]
            above_document = [short for short in above if short not in site_lines]
            for header_line in [*above_document, organ] if organ else above_document:
                if DOCUMENT_NUMBER_RE.match(header_line):
                    parsed.document_number = header_line
                else:
                    parsed.issuing_organs.extend(_organs_on_one_line(header_line))
            on_title_line = len(_organs_on_one_line(organ)) if organ else 0
            from_above = parsed.issuing_organs[: len(parsed.issuing_organs) - on_title_line]
            parsed.title = title
            headline = title if dated else line
            start, below = _read_below_title(lines, index + 1, parsed, headline)
            if dated:
                # The headline's line is the page's, with the title read out of it unless the document's own
                # title follows it.
                has_headline = parsed.duplicate_headline and headline in below
                below = (
                    [line if part == headline else part for part in below] if has_headline else [line, *below]
                )
            if (
                parsed.duplicate_headline
                and from_above
                and not parsed.document_number
                and any(_is_page_line(below_line) for below_line in below)
                and parsed.issuing_organs[: len(from_above)] == from_above
            ):
                # The page's particulars stand between the headline and the document's title, so the headline
                # was the page's and the short lines above it ("左贡县人民政府" / "政府信息公开") are the site's
                # name and column, not the document's organs.
                del parsed.issuing_organs[: len(from_above)]
                return start, page_lines + above + below
            return start, page_lines + site_lines + below
        above.append(line)
        index += 1
    if leading < len(lines) and _is_addressee(lines[leading]):
        parsed.addressee = lines[leading]
        parsed.warnings.append("没有标题：报告以主送机关开头，标题留空，可在编辑器中补写。")
        return leading + 1, page_lines
    if lines:
        parsed.warnings.append("未找到标题（以“报告”“情况”“总结”结尾的行），开头各行作为导语。")
    return leading, page_lines


def _is_particulars_value(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is the value of a particular whose key stands alone on the bullet above it
    ("• 发布机构" / "绿春县林业和草原局"): short, no sentence, no title."""
    line = lines[index]
    return (
        index > 0
        and BARE_KEY_RE.match(lines[index - 1]) is not None
        and len(line) <= MAX_PARTICULAR_VALUE_CHARS
        and not any(c in PROSE_PUNCTUATION for c in line)
        and not _is_title(line)
    )


def _after_breadcrumb(lines: list[str]) -> int:
    """Where the page goes on after a breadcrumb, or the site's stamp with no title above it, among its first
    short lines: the site's name and menu above it ("重庆市江津区城市管理局" / "当前位置: …>法治政府建设年度报告",
    "政务" / "governor" / "梨树县人民政府   2026-02-05 15:38:00   来源:…") are the site's, not the document's
    organs. 0 without one."""
    titled = False
    for index, line in enumerate(lines[: MAX_LINES_ABOVE_BREADCRUMB + 1]):
        if BREADCRUMB_RE.match(line) and _is_page_line(line):
            return index + 1
        if index and not titled and PARTICULARS_KEY_RE.match(line) and _is_page_line(line):
            # "政府信息公开 规章库" / "湛江市…镇人民政府信息公开" above "索引号: …": the site's name and column above
            # the document's particulars.
            return index
        if SITE_STAMP_RE.search(line) and not titled and _is_page_line(line):
            return index + 1
        if not (_is_header_line(line) or _is_page_line(line)):
            break
        titled = titled or _is_title(line)
    return 0


def _names_organs(line: str) -> bool:
    """ "中共大马营镇委员会 大马营镇人民政府", "南岸区司法局", "中共…局党组": a line of organs' names."""
    return all(ORGAN_SUFFIX_RE.search(name) or name.endswith("党组") for name in line.split())


def _organs_on_one_line(line: str) -> list[str]:
    """ "中共南乐县委 南乐县人民政府": two organs a space apart, each named as an organ; else the line."""
    names = line.split()
    if len(names) > 1 and all(ORGAN_SUFFIX_RE.search(name) for name in names):
        return names
    return [line]


def _title_continues(line: str, following: str) -> bool:
    """Whether ``following`` ends a title ``line`` begins: not an organ's name above a title, and together
    a title ("关于…工作的" + "报 告")."""
    return (
        bool(following)
        and _is_header_line(following)
        and (line.startswith("关于") or not _is_organ_name(line))  # "关于…法治政府" / "建设情况的报告"
        and (not _is_title(following) or TITLE_TAIL_RE.match(following) is not None)
        and _is_title(line + re.sub(r"\s+", "", following))
    )


def _read_below_title(
    lines: list[str], start: int, parsed: ParsedReport, headline: str
) -> tuple[int, list[str]]:
    """A web page's lines under its headline, the document's own title repeating the headline (alone, or
    below its organs' line: "中共浚县县委 浚县人民政府关于…的报告" above "中共浚县县委  浚县人民政府" and
    "关于…的报告", or "关于…的报告" above "杨陵区人民政府" and "关于…的报告", or above the title and an
    organ's line below it), the addressee."""
    page_lines: list[str] = []
    organ = headline.split()[0]
    if (
        start < len(lines)
        and headline != parsed.title
        and lines[start] != headline
        and _squeezed(lines[start]) == _squeezed(headline)
        and _is_title(lines[start])
    ):
        # "宛城区人社局 关于…的报告" above "宛城区人社局关于…的报告": the page's headline, read as organ and title
        # a space apart, then the document's own title in one piece, organ included.
        parsed.duplicate_headline = True
        page_lines.append(headline)
        if parsed.issuing_organs[-1:] == [organ]:
            parsed.issuing_organs.pop()
        parsed.title = lines[start]
        start += 1
    if (
        start + 1 < len(lines)
        and _title_continues(lines[start], lines[start + 1])
        and _same_title(lines[start] + _squeezed(lines[start + 1]), parsed.title)
    ):
        # "关于2024年度鹦鹉街道法治政府建设 情况的报告" above "关于2024年度鹦鹉街道法治政府建设" / "情况的报告": the
        # page's headline, then the document's own title broken over two lines.
        parsed.duplicate_headline = True
        page_lines.append(parsed.title)
        parsed.title = lines[start] + _squeezed(lines[start + 1])
        start += 2
    while start < len(lines) and (
        _is_page_line(lines[start])
        or _is_particulars_value(lines, start)
        or _same_title(lines[start], parsed.title)
    ):
        if _is_page_line(lines[start]) and _title_broken_below(lines, start + 1, parsed.title):
            # "噶尔县左左乡…工作 年度报告" above the site's particulars, then "噶尔县左左乡…工作" / "年度报告": the
            # page's headline, its particulars, then the document's own title broken over two lines.
            page_lines.append(lines[start])
            parsed.duplicate_headline = True
            page_lines.append(parsed.title)
            parsed.title = lines[start + 1] + _squeezed(lines[start + 2])
            start += 3
            break
        if _same_title(lines[start], parsed.title):
            # The headline above was the page's; the document's own title, as written, is this one.
            parsed.duplicate_headline = True
            page_lines.append(parsed.title)
            parsed.title = lines[start]
        else:
            page_lines.append(lines[start])
        start += 1
    organ_lines = (
        0 if parsed.duplicate_headline else _organ_lines_repeating(lines, start, headline, parsed.title)
    )
    if organ_lines:
        parsed.duplicate_headline = True
        page_lines.append(headline)
        parsed.issuing_organs = [name for line in lines[start : start + organ_lines] for name in line.split()]
        parsed.document_number = ""
        parsed.title = lines[start + organ_lines]
        start += organ_lines + 1
    if (
        not parsed.duplicate_headline
        and start + 1 < len(lines)
        and _is_title(lines[start])
        and _is_organ_name(lines[start + 1])
        and _squeezed(lines[start + 1] + lines[start]) == _squeezed(headline)
    ):
        # "江源区卫生健康局2025年度…报告" above "2025年度…报告" and "江源区卫生健康局": the organ is written
        # below the title, so its line stays there, the preamble's first (the app prints organs above).
        parsed.duplicate_headline = True
        page_lines.append(headline)
        parsed.title = lines[start]
        return start + 1, page_lines
    if start < len(lines) and (_is_addressee(lines[start]) or _is_addressee_without_colon(lines[start])):
        parsed.addressee = lines[start]
        start += 1
    return start, page_lines


def _title_broken_below(lines: list[str], start: int, title: str) -> bool:
    """Whether the lines at ``start`` are ``title`` again, broken over two lines ("…工作" / "年度报告")."""
    return (
        start + 1 < len(lines)
        and _title_continues(lines[start], lines[start + 1])
        and _same_title(lines[start] + _squeezed(lines[start + 1]), title)
    )


def _is_addressee_without_colon(line: str) -> bool:
    """ "中共惠安县委、惠安县人民政府" under the title: superiors listed with 、, the colon left off. (Organs a
    report is written by are set apart by spaces, or stand one a line.)"""
    names = line.split("、")
    return (
        len(names) > 1
        and len(line) <= MAX_HEADING_CHARS
        and not any(c in PROSE_PUNCTUATION for c in line)
        and not _is_page_line(line)
        and all(ORGAN_SUFFIX_RE.search(name.strip()) for name in names)
    )


def _organ_lines_repeating(lines: list[str], start: int, headline: str, title: str) -> int:
    """How many organs' lines (one to four) stand at ``start`` above a title that repeats the page's
    ``headline`` with them, or with the last of them ("重庆市…长滩镇人民政府关于…报告" above "中共…长滩镇委员会",
    "重庆市…长滩镇人民政府" and "关于…报告"), or alone; 0 when they do not. Written nearly the same counts:
    the headline may add a 度 ("…2025年度…" above "…2025年…")."""
    count = 0
    while (
        count < MAX_SIGNING_ORGANS
        and start + count + 1 < len(lines)
        and _is_organ_name(lines[start + count].split()[-1])
    ):
        count += 1
        below = lines[start + count]
        if not _is_title(below):
            continue
        organs = lines[start : start + count]
        if _same_title(below, title) or any(
            _written_alike("".join(organs[-last:]) + below, headline) for last in range(1, count + 1)
        ):
            return count
        return 0
    return 0


def _written_alike(line: str, other: str) -> bool:
    return TITLE_NOISE_RE.sub("", _squeezed(line)) == TITLE_NOISE_RE.sub("", _squeezed(other))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _same_title(line: str, title: str) -> bool:
    """Whether ``line`` repeats the title, written the same or nearly: a page's headline often drops or
    adds a 度, 的 or a year's 年 ("…2025年度…情况的报告" above "…2025年…情况的报告"), names the report a
    情况报告 where the document says 工作报告 ("…2023年度…建设情况报告" above "…2023年…建设工作报告"), or writes
    the place's name before the organ ("石柱土家族自治县鱼池镇人民政府关于…" above "鱼池镇人民政府关于…")."""
    if line == title:
        return True
    if not _is_title(line):
        return False
    shorter, longer = sorted((_title_words(line), _title_words(title)), key=len)
    return shorter == longer or (
        longer.endswith(shorter) and PLACE_PREFIX_RE.match(longer[: len(longer) - len(shorter)]) is not None
    )


def _title_words(title: str) -> str:
    """A title without the words a page's headline may write differently (``_same_title``)."""
    return REPORT_KIND_NOISE_RE.sub("", TITLE_NOISE_RE.sub("", title))


def _is_organ_name(line: str) -> bool:
    return _is_header_line(line) and ORGAN_SUFFIX_RE.search(line) is not None


def _read_signature(lines: list[str], start: int, parsed: ParsedReport) -> int:
    """A date as the last line, and the organ names just above it. Returns where the signature starts."""
    end = len(lines)
    match = DATE_RE.match(lines[-1]) if end > start else None
    if not match:
        return end
    try:
        parsed.signing_date = datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        parsed.warnings.append(f"日期无效，留在正文中：“{lines[-1]}”")
        return end
    end -= 1
    while end > start and len(lines) - 1 - end < MAX_SIGNING_ORGANS and _is_organ_name(lines[end - 1]):
        end -= 1
    parsed.signing_organs = lines[end:-1]
    return end


# --- Sections and items --------------------------------------------------------------------------------


def guess_section_kind(heading: str) -> str:
    """The kind the heading's wording names, or "" when it names none (a themed heading)."""
    scores = dict.fromkeys(KIND_PRIORITY, 0)
    for kind, weight, pattern in SECTION_VOCABULARY:
        if pattern.search(heading):
            scores[kind] += weight
    best = max(KIND_PRIORITY, key=lambda kind: (scores[kind], -KIND_PRIORITY.index(kind)))
    return best if scores[best] >= MIN_KIND_SCORE else ""


def _kinds_by_position(sections: list[ParsedSection]) -> None:
    """Themed sections before the shortcomings (or the plans) report work done: measures and results;
    after them, other matters."""
    closing = next(
        (i for i, s in enumerate(sections) if s.kind in ("shortcomings", "next_year_plans")), len(sections)
    )
    for index, section in enumerate(sections):
        if not section.kind:
            section.kind = "measures_and_results" if index < closing else "other"
            section.kind_from_position = True


class _SectionReader:
    """Turns a section's lines into items, keeping the counters that check the numbering's sequence."""

    def __init__(self, section: ParsedSection, warnings: list[str]) -> None:
        self.section = section
        self.warnings = warnings
        self.counters = {2: 0, 3: 0, 4: 0}  # the numbers the items will print with
        self.written = {2: 0, 3: 0, 4: 0}  # the numbers the items were written with
        self.enumerated = 0
        self.enumerated_written = 0
        self.level = 1  # the level of the last numbered item: enumerations go one below it

    def read(self, line: str, label: Label | None, next_line: str | None) -> None:
        if label is None:
            self.add_paragraph(line)
        elif label.level == 0:
            self.add_enumerations(line, label)
        else:
            self.add_numbered(line, label, _has_content_below(label, next_line))

    def check_sequence(self, line: str, label: Label, expected: int, written: int) -> None:
        """Warn where the printed number differs from the one written, once per run: after "（一）（三）"
        a "（四）" goes on from the "（三）" already pointed out, a duplicated "（一）（一）" is followed by
        a "（三）" that is right again."""
        if label.damage:
            self.warnings.append(_damage_warning(line, label, _label_text(label.level, expected)))
        if label.number not in (expected, written + 1):
            self.warnings.append(_sequence_warning(line, _label_text(label.level, expected)))

    def add_paragraph(self, line: str) -> None:
        # A paragraph continues the item above it; one before any item is a plain, unnumbered item.
        if self.section.items:
            self.section.items[-1].body.append(line)
        else:
            self.section.items.append(ParsedItem(level=2, style="plain", body=[line]))

    def add_numbered(self, line: str, label: Label, has_content_below: bool) -> None:
        self.check_sequence(line, label, self.counters[label.level] + 1, self.written[label.level])
        self.counters[label.level] += 1
        self.written[label.level] = label.number
        for deeper in range(label.level + 1, 5):
            self.counters[deeper] = 0
            self.written[deeper] = 0
        self.enumerated = 0
        self.enumerated_written = 0
        self.level = label.level
        self.section.items.append(_numbered_item(label.level, label.text, has_content_below))

    def add_enumerations(self, line: str, label: Label) -> None:
        self.check_sequence(line, label, self.enumerated + 1, self.enumerated_written)
        level = min(self.level + 1, 4)
        pieces = _split_enumeration(label.number, label.text)
        for index, text in enumerate(pieces):
            heading, rest = _split_heading(text)
            self.section.items.append(
                ParsedItem(
                    level, "enumerated", joins_previous=index > 0, heading=heading, body=_nonempty(rest)
                )
            )
        self.enumerated += len(pieces)
        self.enumerated_written = label.number + len(pieces) - 1


def _read_sections(lines: list[str], parsed: ParsedReport) -> None:
    reader: _SectionReader | None = None
    number_read = 0  # the number the last section was written with, for the sequence check
    for index, line in enumerate(lines):
        label = read_label(line)
        if label is not None and label.level == 1:
            if label.number not in (len(parsed.sections) + 1, number_read + 1):
                parsed.warnings.append(_sequence_warning(line, heading_label(1, len(parsed.sections) + 1)))
            number_read = label.number
            # "二、完善公共法律体制建设。进一步依托…": a short first sentence heads the section, the rest
            # is its first paragraph.
            heading, rest = _split_heading(label.text)
            if not heading:
                heading, rest = label.text, ""
            section = ParsedSection(heading=heading, kind=guess_section_kind(heading))
            parsed.sections.append(section)
            reader = _SectionReader(section, parsed.warnings)
            if rest:  # read as the paragraph it is: "一是…；二是…" in it is an enumeration
                reader.read(rest, read_label(rest), lines[index + 1] if index + 1 < len(lines) else None)
            continue
        assert reader is not None  # parse_report_text cuts the lines at the first section heading
        reader.read(line, label, lines[index + 1] if index + 1 < len(lines) else None)
    _kinds_by_position(parsed.sections)


def _has_content_below(label: Label, next_line: str | None) -> bool:
    """Whether the next line belongs under this item: a paragraph, an enumeration or a deeper item."""
    if next_line is None:
        return False
    below = read_label(next_line)
    return below is None or below.level == 0 or below.level > label.level


def _numbered_item(level: int, text: str, has_content_below: bool) -> ParsedItem:
    """A "（一）"/"1."/"（1）" line as an item.

    A short line that is all heading — no sentence end, or one sentence with content below it — prints on
    its own line (style heading). Otherwise the line is run-in: its first sentence, when short, is the
    heading and the rest is body.
    """
    short = len(text) <= MAX_HEADING_CHARS
    ends = [i for i, c in enumerate(text) if c in SENTENCE_END]
    if short and (not ends or (ends == [len(text) - 1] and has_content_below)):
        return ParsedItem(level, "heading", heading=text)
    heading, rest = _split_heading(text)
    return ParsedItem(level, "run_in", heading=heading, body=_nonempty(rest))


def _split_heading(text: str) -> tuple[str, str]:
    """ "高度重视，落实责任。及时调整…" → ("高度重视，落实责任。", "及时调整…").

    ("", text) when the first sentence is long, or is all there is: a lone sentence is body, not a heading.
    """
    end = text.find("。")
    stop = end if end >= 0 else len(text)
    listed = LISTED_AFTER_HEADING_RE.search(text)
    if listed and listed.start() < min(stop, MAX_HEADING_CHARS):
        # "…制度体系不断完善一是理论武装…。二是…": the stop before the list was dropped.
        if len(_split_enumeration(1, text[listed.end() :])) > 1:
            return text[: listed.start()], text[listed.start() :]
    if 0 <= end < MAX_HEADING_CHARS and text[end + 1 :]:
        return text[: end + 1], text[end + 1 :]
    return "", text


def _split_enumeration(number: int, text: str) -> list[str]:
    """ "A。二是B。三是C。" after "一是" → ["A。", "B。", "C。"]: cut where the next "N是" follows 。；."""
    pieces = []
    while number < 999:  # the highest number a label can be written with
        following = re.compile(f"(?<=[{ENUMERATION_CUT_AFTER}]){enumeration_label(number + 1)}")
        match = following.search(text)
        if not match:
            break
        pieces.append(text[: match.start()])
        text = text[match.end() :]
        number += 1
    pieces.append(text)
    return pieces


def _nonempty(text: str) -> list[str]:
    return [text] if text else []


def _damage_warning(line: str, label: Label, expected_label: str, length: int = 20) -> str:
    excerpt = line if len(line) <= length else line[:length] + "…"
    return f"编号书写不完整（{label.damage}）：“{excerpt}”，已按“{expected_label}”一级识别。"


def _sequence_warning(line: str, expected_label: str, length: int = 20) -> str:
    excerpt = line if len(line) <= length else line[:length] + "…"
    return f"编号不连续：“{excerpt}”处应为“{expected_label}”，已按顺序重新编号。"


# --- Lists written inside a paragraph --------------------------------------------------------------------

# "…短板弱项，一是…；二是…", "…问题。一是加强…": a "一是" list that does not start its paragraph.
INLINE_LIST_RE = re.compile(r"(?<=[。；;：:，,])\s*一是")
# "一是" straight after a heading's words, no stop between them.
LISTED_AFTER_HEADING_RE = re.compile(f"(?<=[^{PROSE_PUNCTUATION}\\s])一是")


@dataclass(frozen=True)
class InlineList:
    """A "一是…二是…" list inside paragraph ``paragraph`` of item ``item`` of section ``section``, starting
    at character ``at``; split into its items only when the user asks (``split_inline_list``)."""

    section: int
    item: int
    paragraph: int
    at: int

    @property
    def key(self) -> str:
        return f"split-{self.section}-{self.item}"


def find_inline_lists(parsed: ParsedReport) -> list[InlineList]:
    """The inline lists of ``parsed`` that can be split with the printed text unchanged: at most one an
    item, in an item that no "一是" item stands next to (their numbers would run on)."""
    found = []
    for s, section in enumerate(parsed.sections):
        for i, item in enumerate(section.items):
            if item.style == "enumerated" or _enumerated_beside(section.items, i):
                continue
            for p, paragraph in enumerate(item.body):
                at = _inline_list_start(item, p, paragraph)
                if at is not None:
                    found.append(InlineList(s, i, p, at))
                    break
    return found


def _inline_list_start(item: ParsedItem, index: int, paragraph: str) -> int | None:
    match = INLINE_LIST_RE.search(paragraph)
    if match:
        at = match.end() - len("一是")
    elif index == 0 and item.style == "run_in" and item.heading and paragraph.startswith("一是"):
        at = 0  # "（一）标题。一是…": the list starts right after the run-in heading
    else:
        return None
    return at if len(_split_enumeration(1, paragraph[at + len("一是") :])) > 1 else None


def _enumerated_beside(items: list[ParsedItem], index: int) -> bool:
    """Whether a "一是" item stands before ``index`` or after it before the next numbered item."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(items) and items[other].style not in ("heading", "run_in"):
            if items[other].style == "enumerated":
                return True
            other += step
    return False


def split_inline_list(parsed: ParsedReport, inline: InlineList) -> None:
    """Split the list into "一是" items that continue the paragraph it stood in, so the text prints as
    it was written; the paragraphs after it follow the last of them."""
    section = parsed.sections[inline.section]
    item = section.items[inline.item]
    paragraph = item.body[inline.paragraph]
    lead, listed = paragraph[: inline.at], paragraph[inline.at + len("一是") :]
    following = item.body[inline.paragraph + 1 :]
    item.body = [*item.body[: inline.paragraph], *_nonempty(lead)]
    level = min(item.level + 1, 4) if item.style in ("heading", "run_in") else item.level
    pieces = []
    for text in _split_enumeration(1, listed):
        heading, rest = _split_heading(text)
        pieces.append(
            ParsedItem(level, "enumerated", joins_previous=True, heading=heading, body=_nonempty(rest))
        )
    pieces[-1].body += following
    section.items[inline.item + 1 : inline.item + 1] = pieces
