"""What an import will store, shown before anything is saved: the parse, the attachment set aside, and
the indicator values found in the text.

Computed from the document's text alone, deterministically, so the confirmation step can compute it
again from the same text instead of keeping the parse between requests.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import cast

from indicators.extraction import (
    MIN_PHRASE_CHARS,
    FigureMatch,
    Suggestion,
    can_fill,
    find_figures,
    first_values,
    match_figures,
)
from indicators.models import Indicator
from indicators.validation import storable
from reports.models import Item, Report, Section

from .parser import (
    InlineList,
    ParsedItem,
    ParsedReport,
    ParsedSection,
    find_inline_lists,
    parse_report_text,
    read_label,
)

# The attachment starts on a line of its own: "附件", "附件1", "附件2：" (GB/T 9704). The note below the
# body that names it ("附件：主要指标统计表") is set aside with it: the app prints its own note.
ATTACHMENT_MARK_RE = re.compile(r"^附件\s*\d{0,2}\s*[：:]?$")
ATTACHMENT_NOTE_RE = re.compile(r"^附件\s*\d{0,2}\s*[：:]\s*\S")
# CharFields: typed int | None as any field's, never None.
SECTION_HEADING_MAX = cast(int, Section._meta.get_field("heading").max_length)
ITEM_HEADING_MAX = cast(int, Item._meta.get_field("heading").max_length)
# The scored fallback's setting for the guesses shown beside unmatched figures (not for values: the user
# confirms a guess). Chosen by bench/figure_guesses.py (re-chosen on 301 reports); docs/figures-corpus.md.
GUESSES = (4, 1)
FIGURES_SHOWN = 100  # unmatched figures offered for the sheet


@dataclass
class ImportPreview:
    parsed: ParsedReport
    attachment: list[str] = field(default_factory=list)
    suggestions: list[Suggestion[Indicator]] = field(default_factory=list)
    # Figures of the text no indicator's wording names: the user may add one to the sheet. One the scored
    # fallback has a guess for carries it (``FigureMatch.guess``), shown to the user to confirm.
    unmatched: list[FigureMatch[Indicator]] = field(default_factory=list)
    # "一是…二是…" lists inside paragraphs: split into items only when the user asks.
    inline_lists: list[InlineList] = field(default_factory=list)
    # The indicators (pks) whose value the text gives but the user ticks to keep: those marked
    # ``confirm_on_import`` (study and meetings, often another body's). The attachment's table names its own.
    to_confirm: set[int] = field(default_factory=set)

    @property
    def warnings(self) -> list[str]:
        return self.parsed.warnings


def preview_import(text: str, indicators: Iterable[Indicator]) -> ImportPreview:
    indicators = list(indicators)
    body, attachment = split_attachment(text)
    parsed = parse_report_text(body)
    _fit_to_fields(parsed)
    # A figure the sheet's column cannot hold as it is (too large, or finer than 0.01, which the sheet refuses
    # typed) is no indicator's value, nor offered as one.
    from_table = [s for s in attachment_values(attachment, indicators) if storable(s.value)]
    in_table = {s.indicator.pk for s in from_table}
    matches = [m for m in match_figures(body, indicators, scored=GUESSES) if storable(m.figure.value)]
    from_text = [
        s for s in first_values(m for m in matches if not m.guessed) if s.indicator.pk not in in_table
    ]
    suggestions = from_text + from_table
    return ImportPreview(
        parsed,
        attachment,
        suggestions,
        unmatched_figures(matches, suggestions),
        find_inline_lists(parsed),
        to_confirm={s.indicator.pk for s in from_text if s.indicator.confirm_on_import},
    )


TITLE_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年度?")
TITLE_ASIDE_RE = re.compile(r"《[^》]*》|（[^）]*）|\([^)]*\)")


def other_year(parsed: ParsedReport, year: int) -> str | None:
    """A warning when the document's title is about another year than the report it goes into (last
    year's file chosen by mistake, or the wrong year in the list); None when it names ``year`` or none."""
    title = TITLE_ASIDE_RE.sub("", parsed.title)  # "《…纲要（2021－2025年）》" names no report year
    years = {int(found) for found in TITLE_YEAR_RE.findall(title)}
    if not years or year in years:
        return None
    written = "、".join(f"{found}年" for found in sorted(years))
    return (
        f"原文标题写的是{written}（“{parsed.title}”），将导入为{year}年度报告。请确认文件和年度选对了；"
        f"导入后请在编辑器中改正标题和正文中的年份。"
    )


def unmatched_figures(
    matches: Iterable[FigureMatch[Indicator]], suggestions: Iterable[Suggestion[Indicator]]
) -> list[FigureMatch[Indicator]]:
    """The figures no alias names, each keeping the scored fallback's guess unless the guess is an indicator
    a suggestion already fills (taking it would mean dropping that value: the text's first mention is the
    likelier one) or one the figure's measure word cannot fill as written (the page adds figures as written)."""
    filled = {id(s.indicator) for s in suggestions}
    unmatched = []
    for match in matches:
        guess = match.guess
        if match.indicators and guess is None:
            continue
        if guess is not None and (id(guess) in filled or not can_fill(match.figure.unit, guess)):
            match = replace(match, indicators=[], aliases=[], quotes=[], guessed=False)
        unmatched.append(match)
    return unmatched


def offered_figures(preview: ImportPreview) -> list[FigureMatch[Indicator]]:
    """The unmatched figures the confirmation page offers for the sheet, each with a choice of indicators
    (``figure_choices``) and "记住这个说法", which teaches the chosen indicator the figure's ``phrase`` as the
    user corrects it (``wording_problem``)."""
    return preview.unmatched[:FIGURES_SHOWN]


def normalise_wording(wording: str) -> str:
    """A wording as typed, its runs of spaces and line breaks one space, none at either end."""
    return " ".join(wording.split())


def wording_problem(wording: str, sentence: str) -> str | None:
    """Why ``wording`` (normalised) cannot be taught for a figure of ``sentence``, as the user's message;
    None when it can. The finder looks a wording up in the text as written, so only the report's own words
    find anything, and a number in it would find only that number."""
    example = "如“执法规范化培训”"
    if not wording:
        return "请填写要记住的说法（原文中指标的说法），或取消勾选“记住这个说法”。"
    if len(wording) > Indicator.ALIAS_MAX:
        return f"要记住的说法不能超过{Indicator.ALIAS_MAX}个字，现在有{len(wording)}个字：只留下指标的说法，{example}。"
    if any(character.isdigit() for character in wording):
        return f"要记住的说法不能含数字（含数字的说法只能找到这一个数），请删去数字，{example}。"
    if wording not in normalise_wording(sentence):
        return f"要记住的说法须是原文中的文字，{example}：可以删去前后多余的字，不能改写。"
    if len(wording) < 2:
        return "要记住的说法至少要有两个字：一个字在别的句子里也到处都有。"
    return None


def taught_by_default(match: FigureMatch[Indicator]) -> bool:
    """Whether "记住这个说法" starts ticked for an unmatched figure: its proposed wording can be taught as it
    stands and says enough to name one thing. A wording of two characters ("文件", "参加", "信息") names many:
    taught with one careless click it made later imports suggest wrong values (bench/figures_in_use.py), so
    the user ticks it, or lengthens it, knowingly."""
    phrase = match.phrase
    return len(phrase) >= MIN_PHRASE_CHARS and wording_problem(phrase, match.figure.sentence) is None


def figure_choices(match: FigureMatch[Indicator], indicators: Iterable[Indicator]) -> list[Indicator]:
    """The indicators an unmatched figure may fill as written (``can_fill``), the guess first."""
    fitting = [i for i in indicators if can_fill(match.figure.unit, i)]
    return sorted(fitting, key=lambda indicator: indicator is not match.guess)


def figure_suggestion(match: FigureMatch[Indicator], indicator: Indicator) -> Suggestion[Indicator]:
    """An unmatched figure given to ``indicator`` by the user, as a suggestion kept for the sheet."""
    figure = match.figure
    return Suggestion(
        indicator=indicator,
        value=figure.value,
        qualifier=figure.qualifier,
        unit=indicator.unit,
        figure_text=figure.text,
        sentence=figure.sentence,
        phrase=match.phrase,
        quote=f"{match.phrase}{figure.text}",
    )


def split_attachment(text: str) -> tuple[str, list[str]]:
    """(the report's text, the attachment's lines): from a line "附件" after the first section to the end,
    with the note naming it. Without such a line everything is the report's."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sections = [i for i, line in enumerate(lines) if (label := read_label(line)) and label.level == 1]
    if not sections:
        return text, []
    mark = next((i for i in range(sections[0] + 1, len(lines)) if ATTACHMENT_MARK_RE.match(lines[i])), None)
    if mark is None:
        return text, []
    body: list[str] = []
    notes: list[str] = []
    for index, line in enumerate(lines[:mark]):
        (notes if index > sections[0] and ATTACHMENT_NOTE_RE.match(line) else body).append(line)
    return "\n".join(body), notes + lines[mark:]


def attachment_values(lines: Iterable[str], indicators: Iterable[Indicator]) -> list[Suggestion[Indicator]]:
    """Values from an attachment's table rows "名称<tab>数值…" whose name is an indicator's name."""
    by_name = {indicator.name: indicator for indicator in indicators}
    suggestions = []
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        indicator = by_name.get(cells[0]) if len(cells) > 1 else None
        if indicator is None:
            continue
        figures = find_figures(cells[1])
        if not figures or figures[0].unit != indicator.unit:
            continue
        figure = figures[0]
        row = " ".join(cell for cell in cells if cell)
        suggestions.append(
            Suggestion(
                indicator=indicator,
                value=figure.value,
                qualifier=figure.qualifier,
                unit=indicator.unit,
                figure_text=figure.text,
                sentence=f"附件：{row}",
                phrase=indicator.name,
                quote=f"{cells[0]} {cells[1]}",
            )
        )
        by_name.pop(cells[0])  # the first row naming an indicator gives its value
    return suggestions


def _fit_to_fields(parsed: ParsedReport) -> None:
    """A section heading longer than the field moves its overflow into the section's first paragraph,
    and text the editor would refuse to save is pointed out: nothing is cut."""
    for section in parsed.sections:
        if len(section.heading) > SECTION_HEADING_MAX:
            end = section.heading.find("。", 0, SECTION_HEADING_MAX)
            cut = end + 1 if end >= 0 else SECTION_HEADING_MAX
            rest = section.heading[cut:]
            section.heading = section.heading[:cut]
            section.items.insert(0, ParsedItem(level=2, style="plain", body=[rest]))
            parsed.warnings.append(f"部分标题过长，后面的文字移入正文：“{section.heading[:20]}…”")
    preamble = sum(len(p) for p in parsed.preamble)
    if preamble > Report.PREAMBLE_MAX:
        parsed.warnings.append(
            f"导语有{preamble}字，超过{Report.PREAMBLE_MAX}字：保存前请在编辑器中删减或分成条目。"
        )
    for section in parsed.sections:
        fitted: list[ParsedItem] = []
        for item in section.items:
            pieces = split_body(item.body, Item.BODY_MAX)
            fitted.append(replace(item, body=pieces[0]))
            # The rest follows as paragraphs without a number, so the text reads on as it was written.
            fitted += [ParsedItem(level=item.level, style="plain", body=piece) for piece in pieces[1:]]
            if len(pieces) > 1:
                length = len("\n".join(item.body))
                parsed.warnings.append(
                    f"“{section.heading[:20]}”中一条正文有{length}字，超过每条{Item.BODY_MAX}字的上限，"
                    f"已按段落接排为{len(pieces)}条（后面几条不加序号），文字一字未删。"
                )
        section.items = fitted


SENTENCE_END = re.compile(r"(?<=[。！？；])")


def split_body(paragraphs: list[str], limit: int) -> list[list[str]]:
    """``paragraphs`` in pieces whose text, one paragraph a line, fits ``limit`` characters: whole
    paragraphs where they fit, a longer paragraph cut after a sentence (or, failing that, at the limit)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        while len(paragraph) > limit:
            cut = max((m.start() for m in SENTENCE_END.finditer(paragraph, 1, limit + 1)), default=limit)
            lines.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        lines.append(paragraph)
    pieces: list[list[str]] = [[]]
    for line in lines:
        if pieces[-1] and len("\n".join([*pieces[-1], line])) > limit:
            pieces.append([])
        pieces[-1].append(line)
    return pieces


def item_kind(item: ParsedItem) -> str:
    """The item's choice in ``reports.forms.ITEM_KINDS``."""
    return f"{item.style}:{item.level}" if item.style in ("heading", "run_in") else item.style


def set_item_kind(item: ParsedItem, kind: str) -> None:
    """Apply a kind chosen on the confirmation page; the item's text stays whole."""
    style, _, level = kind.partition(":")
    if kind == item_kind(item):
        return
    if style == "heading" and not item.heading:
        if not item.body or len(item.body[0]) > ITEM_HEADING_MAX:
            style = "run_in"  # nothing short enough to stand as the heading
        else:
            item.heading = item.body.pop(0)
    item.style = style
    if level:
        item.level = int(level)
    if style != "enumerated":
        item.joins_previous = False  # only "二是" continues the paragraph of "一是"


def item_key(section_index: int, item_index: int) -> str:
    return f"item-{section_index}-{item_index}"


def iter_items(parsed: ParsedReport) -> Iterator[tuple[str, ParsedSection, ParsedItem]]:
    """(key, section, item) for every item, in order."""
    for s, section in enumerate(parsed.sections):
        for i, item in enumerate(section.items):
            yield item_key(s, i), section, item


def drop_page_lines(parsed: ParsedReport) -> None:
    """Remove the web page's lines (a headline repeating the title, "来源…发布时间…") from the preamble."""
    marked = set(parsed.page_lines)
    parsed.preamble = [line for index, line in enumerate(parsed.preamble) if index not in marked]
    parsed.page_lines = []
    parsed.duplicate_headline = False
