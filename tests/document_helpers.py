"""A full report for the document tests: organs, title, addressee, preamble, four sections with run-in,
heading-line and enumerated items, text for 3+ pages, signature and date, and indicators with last year's.

Also the PDF reading the layout tests share (pypdf: text with its position and size).
"""

import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from pypdf import PdfReader

from indicators.models import Indicator, IndicatorValue, Qualifier
from reports.models import Item, Organ, Report, Section, Unit

MM = 72 / 25.4

PREAMBLE = (
    "2024年，在区委、区政府的坚强领导下，街道党工委、办事处坚持以习近平新时代中国特色社会主义思想为指导，"
    "深入学习贯彻习近平法治思想，紧紧围绕全街工作大局，扎实推进法治政府建设，各项工作取得明显成效。"
    "现将2024年度法治政府建设工作开展情况报告如下："
)
FILLER = (
    "坚持把法治政府建设摆在全局工作的重要位置，与经济社会发展同部署、同推进、同督促、同考核，"
    "定期听取工作汇报，研究解决重大问题，确保各项工作任务落到实处、取得实效。"
)

SECTIONS = [
    (
        Section.Kind.ACHIEVEMENTS,
        "工作成效",
        [
            dict(style=Item.Style.ENUMERATED, heading="干部职工法治意识进一步增强。", body=FILLER),
            dict(
                style=Item.Style.ENUMERATED,
                joins_previous=True,
                heading="制度建设扎实有效。",
                body="通过完善一系列规章制度，使全体干部职工有章可循。" + FILLER,
            ),
            dict(
                style=Item.Style.ENUMERATED,
                joins_previous=True,
                heading="行政效能得到提升。",
                body="全年开展中心组学法12次，400余人次接受法治宣讲培训。",
            ),
        ],
    ),
    (
        Section.Kind.MEASURES,
        "主要举措",
        [
            dict(heading="高度重视，落实责任。", body=FILLER + FILLER + "\n" + FILLER),
            dict(heading="健全队伍，提升素质。", body="全年干部职工法治学习培训近700人次。" + FILLER * 2),
            dict(
                style=Item.Style.HEADING,
                heading="全面公开，推进民主",
                body="全年主动公开政务信息115条，居务村务信息536条。" + FILLER + "\n" + FILLER * 2,
            ),
            dict(level=Item.Level.THIRD, heading="规范重大行政决策程序。", body=FILLER),
            dict(level=Item.Level.FOURTH, heading="落实合法性审查。", body=FILLER),
            dict(
                heading="深化矛盾纠纷排查化解。", body="共排查矛盾纠纷1705件，调解成功1705件。" + FILLER * 2
            ),
        ],
    ),
    (
        Section.Kind.SHORTCOMINGS,
        "存在的不足和原因",
        [dict(style=Item.Style.PLAIN, body="基层人员编制有限，执法任务繁重，人员力量捉襟见肘。" + FILLER)],
    ),
    (
        Section.Kind.NEXT_YEAR_PLANS,
        "2025年工作思路和目标举措",
        [
            dict(style=Item.Style.ENUMERATED, heading="加强法治培训。", body=FILLER),
            dict(style=Item.Style.ENUMERATED, heading="深化普法宣传。", body=FILLER + FILLER),
            dict(style=Item.Style.ENUMERATED, heading="严格规范执法。", body=FILLER),
        ],
    ),
]

INDICATORS = [
    # code, name, unit, category, kind, value, qualifier, last year's value
    ("study_sessions", "中心组学法", "次", Indicator.Category.STUDY, "count", 12, Qualifier.EXACT, 10),
    ("trainees", "法治宣讲受训", "人次", Indicator.Category.STUDY, "count", 400, Qualifier.MORE_THAN, None),
    ("petitions", "处理群众信访事项", "件", Indicator.Category.DISPUTES, "count", 30, Qualifier.EXACT, 44),
    ("disputes", "排查矛盾纠纷", "件", Indicator.Category.DISPUTES, "count", 1705, Qualifier.EXACT, None),
    ("mediation_rate", "调解成功率", "%", Indicator.Category.DISPUTES, "percent", 100, Qualifier.EXACT, 97.5),
    ("published", "主动公开政务信息", "条", Indicator.Category.OPENNESS, "count", 115, Qualifier.EXACT, None),
]


def make_units():
    district = Unit.objects.create(code="qj", name="黔江区", short_name="黔江区", kind=Unit.Kind.DISTRICT)
    unit = Unit.objects.create(
        code="cx", name="黔江区城西街道", short_name="城西街道", kind=Unit.Kind.SUBDISTRICT, parent=district
    )
    return district, unit


def make_full_report(unit, *, year=2024, status=Report.Status.DRAFT, preamble=PREAMBLE, indicators=True):
    report = Report.objects.create(
        unit=unit,
        year=year,
        status=status,
        addressee="区委、区政府：",
        preamble=preamble,
        signing_date=datetime.date(year + 1, 2, 20),
    )
    for position, name in enumerate(["中共黔江区城西街道工作委员会", "黔江区人民政府城西街道办事处"]):
        Organ.objects.create(report=report, role=Organ.Role.ISSUING, position=position, name=name)
        Organ.objects.create(report=report, role=Organ.Role.SIGNING, position=position, name=name)
    for position, (kind, heading, items) in enumerate(SECTIONS):
        section = Section.objects.create(report=report, position=position, kind=kind, heading=heading)
        for item_position, fields in enumerate(items):
            Item.objects.create(section=section, position=item_position, **fields)
    if indicators:
        add_indicators(report)
    return report


def add_indicators(report):
    district = report.unit.district
    last_year = Report.objects.create(unit=report.unit, year=report.year - 1, status=Report.Status.ACCEPTED)
    for position, (code, name, unit, category, kind, value, qualifier, previous) in enumerate(INDICATORS):
        indicator, _ = Indicator.objects.get_or_create(
            district=district,
            code=code,
            defaults=dict(
                name=name, unit=unit, category=category, kind=kind, first_year=2020, position=position
            ),
        )
        IndicatorValue.objects.create(
            report=report, indicator=indicator, value=Decimal(value), qualifier=qualifier
        )
        if previous is not None:
            IndicatorValue.objects.create(report=last_year, indicator=indicator, value=Decimal(str(previous)))


# --- Reading the PDF -----------------------------------------------------------------------------------


@dataclass
class Glyphs:
    """A piece of text as drawn: ``x`` and ``top`` from the page's left and top edge in mm."""

    text: str
    x: float
    baseline: float
    size: float

    @property
    def top(self):
        # A CJK font's ideographic em box rises 0.88 em above the baseline.
        return self.baseline - 0.88 * self.size / MM


def read_pdf(data):
    return PdfReader(io.BytesIO(data))


def page_glyphs(page):
    """Every text piece on ``page`` with its position in mm from the top-left corner and its size in pt."""
    height = float(page.mediabox.height)
    pieces = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        # Text space → user space: the text matrix, then the current transformation matrix.
        a, b, c, d, e, f = tm
        x = e * cm[0] + f * cm[2] + cm[4]
        y = e * cm[1] + f * cm[3] + cm[5]
        scale = (abs(a * d - b * c) * abs(cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
        pieces.append(Glyphs(text, x / MM, (height - y) / MM, round(font_size * scale, 2)))

    page.extract_text(visitor_text=visit)
    return pieces


def squeeze(text):
    return re.sub(r"\s+", "", text)


def page_lines(page, sizes=(16, 22)):
    """The text lines of ``page`` top to bottom, each squeezed: the pieces of body (16 pt) and title (22 pt)
    size on one baseline, left to right. Page numbers (14 pt) and the watermark are left out."""
    rows: dict[float, list[Glyphs]] = {}
    for piece in page_glyphs(page):
        if round(piece.size) in sizes:
            rows.setdefault(round(piece.baseline), []).append(piece)
    return [
        squeeze("".join(p.text for p in sorted(row, key=lambda p: p.x))) for _, row in sorted(rows.items())
    ]


def pdf_lines(data, sizes=(16, 22)):
    """Every page's lines (``page_lines``) of the PDF ``data``."""
    return [page_lines(page, sizes) for page in read_pdf(data).pages]
