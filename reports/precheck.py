"""The check before submitting (提交前检查): what a report still lacks, computed in one place.

``check_report`` lists findings, each an error (submission refused) or a warning (the user confirms it):
the parts the document needs (title, addressee, signature and date; the issuing organ is only a warning,
as many real reports have none), the contents the regulation requires (《法治政府建设与责任落实督察工作规定》,
in particular the principal leaders' first-responsibility duty), empty sections and items, the text-vs-
sheet mismatches (``consistency``), how much of the catalogue is filled, and the district's word limits.
``workflow.perform`` refuses a submission on it; the report's page shows it to staff and to the leader.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from django.urls import reverse

from indicators.models import Indicator

from .common.memo import Memo, digest
from .common.text import word_count
from .consistency import (
    INDICATOR_ATTNAMES,
    INDICATOR_FIELDS,
    checked_rows,
    consistency_warnings,
    document_text,
    text_figures,
    values_of,
)
from .deadlines import year_setting
from .models import Report, ReportingYear, Section
from .rendering.document import build_blocks
from .rendering.numbering import heading_label

Kind = Section.Kind
ERROR = "error"
WARNING = "warning"

# The contents the regulation requires (its fifth, "other matters", is optional): a label and the section
# kinds that hold it. Measures and results may come as one section or as two.
REQUIRED_CONTENTS = [
    ("主要举措和成效", (Kind.MEASURES_AND_RESULTS, Kind.MEASURES, Kind.ACHIEVEMENTS)),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", (Kind.FIRST_RESPONSIBILITY,)),
    ("存在的不足和原因", (Kind.SHORTCOMINGS,)),
    ("下一年度工作思路和打算", (Kind.NEXT_YEAR_PLANS,)),
]
TOTAL = "total"  # the key of the whole report's limit in ``ReportingYear.word_limits``
MISSING_NAMES_SHOWN = 10


@dataclass(frozen=True)
class Finding:
    level: str  # ERROR or WARNING
    message: str
    link: str = ""  # where to fix it: an editor anchor or the indicator sheet

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass(frozen=True)
class SectionWords:
    section: Section
    label: str
    words: int
    limit: int | None

    @property
    def over(self) -> bool:
        return self.limit is not None and self.words > self.limit


@dataclass
class PreCheck:
    findings: list[Finding] = field(default_factory=list)
    sections: list[SectionWords] = field(default_factory=list)
    words: int = 0
    word_limit: int | None = None
    indicators_filled: int = 0
    indicators_total: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    def refusal(self, confirmed: bool) -> str:
        """Why a submission is refused ("" when it may go): errors always, warnings until confirmed."""
        if self.errors:
            return (
                f"提交前检查有{len(self.errors)}项必须修改，修改后才能提交："
                + "；".join(f.message.rstrip("。") for f in self.errors)
                + "。"
            )
        if self.warnings and not confirmed:
            return f"提交前检查有{len(self.warnings)}项提醒，请逐项查看，勾选“已查看以上提醒，确认提交”后再提交。"
        return ""


def word_limits_for(report: Report) -> dict[str, int]:
    """The word limits of the office the report goes to (the one whose deadline applies), by section kind
    and ``TOTAL``; empty when it set none."""
    return limits_of(year_setting(report.unit.parent or report.unit, report.year))


def limits_of(setting: ReportingYear | None) -> dict[str, int]:
    """The word limits a ``year_setting`` (None: the office set none) gives."""
    limits = setting.word_limits if setting else {}
    return {key: int(value) for key, value in limits.items() if value}


def section_words(section: Section) -> int:
    return word_count(
        section.heading, *(text for item in section.items.all() for text in (item.heading, item.body))
    )


class Places:
    """Where to fix a finding: the editor's part for those who may edit; for a reader (the leader) the
    same part on the report's page, where there is one."""

    def __init__(self, report: Report, editable: bool):
        self.editable = editable
        self.editor = reverse("reports:edit", args=[report.pk])
        self.page = report.get_absolute_url()

    def __call__(self, anchor: str = "") -> str:
        if self.editable:
            return f"{self.editor}#{anchor}" if anchor else self.editor
        if anchor.startswith(("section-", "item-")):
            return f"{self.page}#{anchor}"
        return ""


def check_report(
    report: Report,
    sections: list[Section] | None = None,
    editable: bool = True,
    text: str | None = None,
    limits: dict[str, int] | None = None,
) -> PreCheck:
    """Everything the check before submitting finds on ``report`` as saved; the links lead to the editor
    (``editable``) or to the report's page. ``text`` is the report's ``document_text`` and ``limits`` its
    ``word_limits_for``, when the caller has them already."""
    if sections is None:
        sections = list(report.sections_with_items())
    editor = Places(report, editable)
    check = PreCheck()
    check.findings += _header(report, editor)
    check.findings += _contents(sections, editor)
    _words(check, report, sections, editor, word_limits_for(report) if limits is None else limits)
    check.findings += _indicators(check, report, sections, text)
    return check


def _header(report: Report, editor: Places) -> list[Finding]:
    found = []
    if not report.issuing_organs:
        found.append(
            Finding(WARNING, "没有填写发文机关（版头）；标题中已有单位名称的可以不填。", editor("header"))
        )
    if not report.title:
        if report.untitled:
            found.append(
                Finding(WARNING, "报告没有标题（导入的原文无标题），打印时不加标题。", editor("header"))
            )
        else:
            found.append(Finding(ERROR, "没有填写标题。", editor("header")))
    if not report.addressee:
        found.append(Finding(ERROR, "没有填写主送机关（如：区委、区政府：）。", editor("header")))
    if not report.signing_organs:
        found.append(Finding(ERROR, "没有填写落款的署名机关。", editor("signature")))
    if not report.signing_date:
        found.append(Finding(ERROR, "没有填写成文日期。", editor("signature")))
    return found


def _contents(sections: list[Section], editor: Places) -> list[Finding]:
    if not sections:
        return [Finding(ERROR, "报告还没有任何部分。", editor())]
    found = []
    filled = {s.pk for s in sections if any(not item.is_empty for item in s.items.all())}
    for label, kinds in REQUIRED_CONTENTS:
        if not any(s.kind in kinds for s in sections):
            found.append(
                Finding(
                    ERROR,
                    f"缺少条例要求的“{label}”部分：请添加这一部分，或把已有部分的“类别”改为它。",
                    editor(),
                )
            )
    for number, section in enumerate(sections, start=1):
        name = f"“{heading_label(1, number)}{section.heading}”"
        anchor = editor(f"section-{section.pk}")
        if section.pk not in filled:
            required = _required_label(section.kind)
            # A required content with no words anywhere blocks; an optional part left empty only warns.
            if required and not any(s.pk in filled for s in sections if _required_label(s.kind) == required):
                found.append(Finding(ERROR, f"{name}还没有内容，这是条例要求报告的内容。", anchor))
            else:
                found.append(Finding(WARNING, f"{name}还没有内容，不需要可以删除这一部分。", anchor))
            continue
        for item in section.items.all():
            if item.is_empty:
                found.append(
                    Finding(WARNING, f"{name}中有空条目，不会打印；请填写或删除。", editor(f"item-{item.pk}"))
                )
    return found


def _required_label(kind: str) -> str:
    return next((label for label, kinds in REQUIRED_CONTENTS if kind in kinds), "")


def _words(
    check: PreCheck, report: Report, sections: list[Section], editor: Places, limits: dict[str, int]
) -> None:
    for number, section in enumerate(sections, start=1):
        words = SectionWords(
            section, heading_label(1, number), section_words(section), limits.get(section.kind)
        )
        check.sections.append(words)
        if words.over:
            check.findings.append(
                Finding(
                    WARNING,
                    f"“{words.label}{section.heading}”共{words.words}字，超过区里规定的{words.limit}字。",
                    editor(f"section-{section.pk}"),
                )
            )
    check.words = word_count(report.preamble) + sum(w.words for w in check.sections)
    check.word_limit = limits.get(TOTAL)
    if check.word_limit and check.words > check.word_limit:
        check.findings.append(
            Finding(WARNING, f"全文共{check.words}字，超过区里规定的{check.word_limit}字。", editor())
        )


# The indicator part of the check was most of the report page's time (the text's figures matched against the
# sheet: ``consistency_warnings``). Its result depends on nothing but the report's text, its values with
# their indicators and the year's catalogue, which are read as plain rows, every column of each indicator:
# the part is computed from those rows and kept under a digest of them, so any change to any of them (an
# edit, a value saved, an indicator renamed or retired, a unit moved to another district's catalogue) is a
# new key and nothing needs invalidating (as reports/rendering/draft_pdf.py names its files). The values'
# rows are the consistency check's own (``checked_rows``), which keeps its result under the same rows.
INDICATOR_PARTS = Memo(512)


def _indicators(check: PreCheck, report: Report, sections: list[Section], text: str | None) -> list[Finding]:
    if text is None:
        text = document_text(build_blocks(report, sections))
    value_rows = checked_rows(report)
    catalogue_rows = list(
        Indicator.objects.for_year(report.unit.district, report.year).values_list(
            *(f.name for f in INDICATOR_FIELDS)
        )
    )
    findings, check.indicators_total, check.indicators_filled = INDICATOR_PARTS.get_or_compute(
        digest(report.pk, text, value_rows, catalogue_rows),
        lambda: _indicator_part(report, text, value_rows, catalogue_rows),
    )
    return list(findings)


def _indicator_part(
    report: Report, text: str, value_rows: list[tuple], catalogue_rows: list[tuple]
) -> tuple[tuple[Finding, ...], int, int]:
    """The findings about the sheet and its (total, filled) counts, from the rows ``_indicators`` read."""
    sheet = reverse("indicators:sheet", args=[report.pk])
    values = values_of(value_rows)
    found = [
        Finding(WARNING, f"正文与指标表不一致：{w.message}。", f"{sheet}#indicator-{w.indicator_code}")
        for w in consistency_warnings(report, values=values, text=text)
    ]
    catalogue = [Indicator.from_db("default", INDICATOR_ATTNAMES, row) for row in catalogue_rows]
    filled = {
        indicator.pk for indicator, value in values.items() if value.value is not None or value.not_applicable
    } & {indicator.pk for indicator in catalogue}
    missing = [indicator for indicator in catalogue if indicator.pk not in filled]
    required = [indicator for indicator in missing if indicator.required]
    if required:
        stated = text_figures(report, required, text)  # "党工委中心组学法（正文：中心组学法10次）"
        names = _names(
            required, lambda i: i.name + (f"（正文：{stated[i.pk].quote}）" if i.pk in stated else "")
        )
        found.append(
            Finding(
                ERROR,
                f"区里规定的必填指标还有{len(required)}项未填：{names}（没有的请填“不适用”）。",
                f"{sheet}#indicator-{required[0].code}",
            )
        )
    optional = [indicator for indicator in missing if not indicator.required]
    if optional:
        found.append(
            Finding(
                WARNING,
                f"指标表已填{len(filled)}项，共{len(catalogue)}项；"
                f"{'选填指标' if any(i.required for i in catalogue) else ''}未填：{_names(optional)}"
                "（没有的可填“不适用”）。",
                sheet,
            )
        )
    return tuple(found), len(catalogue), len(filled)


def _names(indicators: list[Indicator], name: Callable[[Indicator], str] = attrgetter("name")) -> str:
    """The first ``MISSING_NAMES_SHOWN`` indicators named, "等N项" when there are more."""
    names = "、".join(name(indicator) for indicator in indicators[:MISSING_NAMES_SHOWN])
    return names + (f"等{len(indicators)}项" if len(indicators) > MISSING_NAMES_SHOWN else "")
