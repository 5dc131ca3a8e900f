"""Read a report pasted as plain text into its parts: header, title, preamble, sections, items, signature.

The text is read line by line (blank lines mean nothing). From the top: organ lines and an optional
document number, the title (the first line ending in "报告"), an optional addressee ending in "：". From the
bottom: a date line and the organ names just above it. In between: the preamble until the first "一、",
then the sections, whose lines are numbered items ("（一）", "1.", "（1）"), enumerations ("一是…") or
plain paragraphs that continue the item above them.

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
# "1." / "1．" / "1、" — level 3. Not "1.5万元…": a digit after the dot is a decimal.
LEVEL3_RE = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$")
# "（1）" / "(1)" — level 4.
LEVEL4_RE = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$")
# "一是…" at the start of a paragraph.
ENUMERATION_RE = re.compile(rf"^({CHINESE_NUMBER})是(.*)$")

# "新田委文〔2026〕3号", also with [2026], （2026） or (2026).
DOCUMENT_NUMBER_RE = re.compile(r"^\S{1,20}?[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号$")
TITLE_RE = re.compile(r"报告$")
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

# Section kinds guessed from the heading, first match wins. "工作思路和目标举措" must be read as plans
# before "举措" is read as measures, and "举措和成效" before either half alone.
SECTION_KINDS = [
    ("first_responsibility", re.compile("第一责任人")),
    ("measures_and_results", re.compile("(举措|措施|做法)(和|及|与)(成效|成绩)")),
    ("shortcomings", re.compile("不足|问题|差距")),
    ("next_year_plans", re.compile("思路|打算|计划|目标|安排")),
    ("achievements", re.compile("成效|成绩")),
    ("measures", re.compile("举措|措施|做法")),
]


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


@dataclass
class Label:
    """The number a line starts with: ``level`` 1 for "一、", 2–4 for items, 0 for "一是"."""

    level: int
    number: int
    text: str  # the rest of the line


def parse_report_text(text: str) -> ParsedReport:
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    lines = [line for line in lines if line]
    parsed = ParsedReport()
    start = _read_header(lines, parsed)
    end = _read_signature(lines, start, parsed)
    body = lines[start:end]
    first_section = next((i for i, line in enumerate(body) if _is_section(line)), len(body))
    parsed.preamble = body[:first_section]
    if body and first_section == len(body):
        parsed.warnings.append("未找到“一、”开头的部分标题，正文全部作为导语。")
    _read_sections(body[first_section:], parsed)
    return parsed


# --- Labels --------------------------------------------------------------------------------------------


def read_label(line: str) -> Label | None:
    """The heading label ``line`` starts with, if any ("一是" enumerations included)."""
    for level, pattern, chinese in (
        (1, SECTION_RE, True),
        (2, LEVEL2_RE, True),
        (3, LEVEL3_RE, False),
        (4, LEVEL4_RE, False),
        (0, ENUMERATION_RE, True),
    ):
        match = pattern.match(line)
        if match:
            number = parse_chinese_number(match[1]) if chinese else int(match[1])
            if number:  # "一二三、" or "0." are not labels
                return Label(level, number, match[2])
    return None


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
    # "区委、区政府：" — but not a short preamble line such as "现将有关情况报告如下：".
    return (
        line[-1] in "：:"
        and len(line) <= MAX_HEADING_CHARS
        and not any(c in "，,。；;" for c in line)
        and "如下" not in line
    )


def _read_header(lines: list[str], parsed: ParsedReport) -> int:
    """Organs and document number above the title, the title, an addressee below it.

    Returns the index of the first preamble line. Only the leading short, unpunctuated lines are searched,
    so a report without a title does not take a line from its body as one.
    """
    for index, line in enumerate(lines):
        if not _is_header_line(line):
            break
        if TITLE_RE.search(line):
            for above in lines[:index]:
                if DOCUMENT_NUMBER_RE.match(above):
                    parsed.document_number = above
                else:
                    parsed.issuing_organs.append(above)
            parsed.title = line
            start = index + 1
            if start < len(lines) and _is_addressee(lines[start]):
                parsed.addressee = lines[start]
                start += 1
            return start
    if lines:
        parsed.warnings.append("未找到标题（以“报告”结尾的行），开头各行作为导语。")
    return 0


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
    for kind, pattern in SECTION_KINDS:
        if pattern.search(heading):
            return kind
    return "other"


class _SectionReader:
    """Turns a section's lines into items, keeping the counters that check the numbering's sequence."""

    def __init__(self, section: ParsedSection, warnings: list[str]) -> None:
        self.section = section
        self.warnings = warnings
        self.counters = {2: 0, 3: 0, 4: 0}
        self.enumerated = 0
        self.level = 1  # the level of the last numbered item: enumerations go one below it

    def read(self, line: str, label: Label | None, next_line: str | None) -> None:
        if label is None:
            self.add_paragraph(line)
        elif label.level == 0:
            self.add_enumerations(line, label)
        else:
            self.add_numbered(line, label, _has_content_below(label, next_line))

    def check_sequence(self, line: str, label: Label, expected: int) -> None:
        if label.number != expected:
            self.warnings.append(_sequence_warning(line, _label_text(label.level, expected)))

    def add_paragraph(self, line: str) -> None:
        # A paragraph continues the item above it; one before any item is a plain, unnumbered item.
        if self.section.items:
            self.section.items[-1].body.append(line)
        else:
            self.section.items.append(ParsedItem(level=2, style="plain", body=[line]))

    def add_numbered(self, line: str, label: Label, has_content_below: bool) -> None:
        self.check_sequence(line, label, self.counters[label.level] + 1)
        self.counters[label.level] = label.number
        for deeper in range(label.level + 1, 5):
            self.counters[deeper] = 0
        self.enumerated = 0
        self.level = label.level
        self.section.items.append(_numbered_item(label.level, label.text, has_content_below))

    def add_enumerations(self, line: str, label: Label) -> None:
        self.check_sequence(line, label, self.enumerated + 1)
        level = min(self.level + 1, 4)
        pieces = _split_enumeration(label.number, label.text)
        for index, text in enumerate(pieces):
            heading, rest = _split_heading(text)
            self.section.items.append(
                ParsedItem(
                    level, "enumerated", joins_previous=index > 0, heading=heading, body=_nonempty(rest)
                )
            )
        self.enumerated = label.number + len(pieces) - 1


def _read_sections(lines: list[str], parsed: ParsedReport) -> None:
    reader: _SectionReader | None = None
    number_read = 0  # the number the last section was written with, for the sequence check
    for index, line in enumerate(lines):
        label = read_label(line)
        if label is not None and label.level == 1:
            if label.number != number_read + 1:
                parsed.warnings.append(_sequence_warning(line, heading_label(1, len(parsed.sections) + 1)))
            number_read = label.number
            section = ParsedSection(heading=label.text, kind=guess_section_kind(label.text))
            parsed.sections.append(section)
            reader = _SectionReader(section, parsed.warnings)
            continue
        assert reader is not None  # parse_report_text cuts the lines at the first section heading
        reader.read(line, label, lines[index + 1] if index + 1 < len(lines) else None)


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


def _sequence_warning(line: str, expected_label: str, length: int = 20) -> str:
    excerpt = line if len(line) <= length else line[:length] + "…"
    return f"编号不连续：“{excerpt}”处应为“{expected_label}”，已按顺序重新编号。"
