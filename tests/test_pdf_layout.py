"""The PDF follows GB/T 9704-2012: measured with pypdf on a rendered report of 5+ pages.

Positions are in mm from the page's top-left corner; sizes in pt. A CJK character's top is its em box's
top, 0.88 em above the baseline.
"""

import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import transaction
from weasyprint import HTML

from reports.models import Report
from reports.rendering import pdf as pdf_module
from reports.rendering.context import report_context
from reports.rendering.pdf import DocumentHTML, StaticOnlyFetcher, render_html, render_pdf
from tests.document_helpers import make_full_report, make_units, page_glyphs, read_pdf, squeeze

A4 = (595.28, 841.89)
BODY, TITLE, PAGE_NUMBER = 16, 22, 14

pytestmark = pytest.mark.django_db


def _render(status=Report.Status.DRAFT, **kwargs):
    _, unit = make_units()
    report = make_full_report(unit, status=status, **kwargs)
    report = Report.objects.select_related("unit").get(pk=report.pk)
    data = render_pdf(report)
    return SimpleNamespace(report=report, context=report_context(report), data=data, pdf=read_pdf(data))


@pytest.fixture(scope="module")
def draft(django_db_setup, django_db_blocker):
    """One render for the whole module, its database rows rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        rendered = _render()
        transaction.set_rollback(True)
    return rendered


@pytest.fixture(scope="module")
def glyphs(draft):
    return [page_glyphs(page) for page in draft.pdf.pages]


def _body(pieces, size=BODY):
    return [g for g in pieces if g.size == size]


def test_the_report_fills_several_pages_all_a4(draft):
    assert len(draft.pdf.pages) >= 5
    for page in draft.pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)


def test_the_text_area_starts_28_mm_from_the_left_and_37_mm_from_the_top(glyphs):
    first_page = [g for g in glyphs[0] if g.size < 100]  # not the watermark
    first = first_page[0]
    assert first.text.startswith("中共黔江区城西街道工作委员会")
    assert first.top == pytest.approx(37, abs=1)
    assert min(g.x for g in _body(first_page)) == pytest.approx(28, abs=1)
    # Every page's body starts at the same left edge.
    for page in glyphs[:-1]:
        assert min(g.x for g in _body(page)) == pytest.approx(28, abs=1)


def test_title_22_pt_and_body_16_pt(draft, glyphs):
    sizes = {squeeze(g.text): g.size for g in glyphs[0]}
    assert sizes[draft.report.title] == TITLE
    assert sizes["中共黔江区城西街道工作委员会"] == TITLE
    assert sizes["区委、区政府："] == BODY
    body_sizes = Counter(g.size for page in glyphs for g in page for _ in g.text.strip())
    assert body_sizes.most_common(1)[0][0] == BODY


def _lines(page):
    """The distinct baselines of the body-size text on a page, to 0.5 mm."""
    return sorted({round(g.baseline * 2) / 2 for g in _body(page)})


def test_a_full_page_holds_22_lines_on_the_grid(glyphs):
    middle = glyphs[1:-2]  # not the header page, the last body page or the attachment
    counts = [len(_lines(page)) for page in middle]
    assert max(counts) == 22, counts
    full = middle[counts.index(22)]
    baselines = _lines(full)
    # 225 mm / 22 lines: one line every 10.23 mm (a heading's baseline sits ~0.3 mm off in its font).
    assert baselines[-1] - baselines[0] == pytest.approx(21 * 225 / 22, abs=1)
    assert baselines[-1] < 37 + 225


def _cells(text):
    """Width in character cells: a CJK character is one, a Latin letter or digit half of one."""
    return sum(0.5 if ord(char) < 0x2000 else 1 for char in text)


def test_a_full_line_holds_28_characters(glyphs):
    lines = {}
    for number, page in enumerate(glyphs):
        for g in _body(page):
            lines.setdefault((number, round(g.baseline, 1)), []).append(g)
    cell = 156 / 28
    widths = [
        round((min(g.x for g in pieces) - 28) / cell) + sum(_cells(g.text.strip()) for g in pieces)
        for pieces in lines.values()
    ]
    assert max(widths) == 28
    assert Counter(widths)[28] > 20  # the justified body fills its lines


def test_page_numbers_odd_right_even_left_below_the_text_area(glyphs):
    def number_of(page):
        return next(g for g in page if re.fullmatch(r"—\d+—", squeeze(g.text)))

    one, two = number_of(glyphs[0]), number_of(glyphs[1])
    assert squeeze(one.text) == "—1—" and squeeze(two.text) == "—2—"
    assert one.size == two.size == PAGE_NUMBER
    char = PAGE_NUMBER * 25.4 / 72
    # Odd pages: ends one character in from the right edge of the text area (210 − 26 mm).
    width = char * 2 + char / 2 * (1 + 2)  # two dashes, one digit and two spaces: half a character each
    assert one.x + width == pytest.approx(210 - 26 - char, abs=1.5)
    # Even pages: starts one character in from the left edge.
    assert two.x == pytest.approx(28 + char, abs=0.5)
    for g in (one, two):
        assert 37 + 225 + 5 < g.baseline < 37 + 225 + 15  # 7 mm below the text area
        assert g.baseline == pytest.approx(one.baseline, abs=0.1)


def _clean(text):
    """A page's extracted text without whitespace, the watermark and the page number."""
    return re.sub(r"—\d+—$", "", squeeze(text).replace("草稿", ""))


def _expected_text(context):
    parts = [b.text for b in context["head_blocks"] + context["body_blocks"]]
    parts.append("附件：" + context["attachment_title"])
    parts += [b.text for b in context["signature_blocks"]]
    parts += ["附件", context["attachment_title"], "指标数值上年同比"]
    category = None
    for row in context["indicator_rows"]:
        if row.category != category:
            parts.append(category := row.category)
        parts += [row.name, row.display, row.previous_display, row.change]
    return squeeze("".join(parts))


def test_every_character_of_the_report_is_in_the_pdf_in_order(draft):
    text = "".join(_clean(page.extract_text()) for page in draft.pdf.pages)
    expected = _expected_text(draft.context)
    assert "1705件" in expected and "减少14件（-31.8%）" in expected
    assert text == expected


def test_the_attachment_has_a_page_of_its_own(draft, glyphs):
    last = _clean(draft.pdf.pages[-1].extract_text())
    assert last.startswith("附件主要指标统计表指标数值上年同比")
    before = _clean(draft.pdf.pages[-2].extract_text())
    assert before.endswith(
        "附件：主要指标统计表中共黔江区城西街道工作委员会黔江区人民政府城西街道办事处2025年2月20日"
    )
    mark = next(g for g in glyphs[-1] if squeeze(g.text) == "附件")
    assert mark.x == pytest.approx(28, abs=0.5) and mark.top == pytest.approx(37, abs=3)


def test_signature_right_and_date_two_characters_further_right(glyphs):
    page = glyphs[-2]
    organ = next(g for g in page if squeeze(g.text) == "黔江区人民政府城西街道办事处")
    date = next(g for g in page if squeeze(g.text) == "2025年2月20日")
    cell = 156 / 28
    assert organ.x + 14 * cell == pytest.approx(210 - 26 - 2 * cell, abs=1)  # two characters from the right
    assert date.x - organ.x == pytest.approx(2 * cell, abs=0.5)
    assert date.baseline - organ.baseline == pytest.approx(225 / 22, abs=0.3)


def test_metadata_and_bookmarks(draft):
    info = draft.pdf.metadata
    assert info.title == draft.report.title
    assert info.author == "黔江区城西街道"
    assert info.subject == "法治政府建设年度报告"
    assert "城西街道" in info["/Keywords"]
    assert info.creation_date is not None

    def titles(outline):
        for entry in outline:
            yield from titles(entry) if isinstance(entry, list) else [entry.title]

    bookmarks = list(titles(draft.pdf.outline))
    assert bookmarks[:3] == ["一、工作成效", "二、主要举措", "（一）高度重视，落实责任。"]
    assert "四、2025年工作思路和目标举措" in bookmarks
    assert bookmarks[-1] == "附件：主要指标统计表"


def test_the_draft_watermark_is_on_every_page_of_a_draft_only(draft, db):
    assert all("草稿" in squeeze(page.extract_text()) for page in draft.pdf.pages)
    approved = _render(Report.Status.APPROVED)
    assert not any("草稿" in squeeze(page.extract_text()) for page in approved.pdf.pages)


def test_without_indicators_no_attachment(db):
    rendered = _render(indicators=False)
    text = "".join(squeeze(page.extract_text()) for page in rendered.pdf.pages)
    assert "附件" not in text and "主要指标统计表" not in text


def test_pdfa_variant(db):
    _, unit = make_units()
    report = Report.objects.select_related("unit").get(pk=make_full_report(unit, indicators=False).pk)
    pdf = read_pdf(render_pdf(report, pdfa=True))
    assert "/OutputIntents" in pdf.trailer["/Root"]
    xmp = pdf.xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "B")


# --- What makes the render faster changes nothing printed -----------------------------------------------


def _boxes(document):
    """Every laid-out box of every page: its kind, position, size and text."""
    return [
        [
            (
                type(box).__name__,
                box.position_x,
                box.position_y,
                box.width,
                box.height,
                getattr(box, "text", None),
            )
            for box in page._page_box.descendants()
        ]
        for page in document.pages
    ]


def test_the_documents_own_parser_and_user_agent_stylesheet_lay_out_as_weasyprints(db):
    _, unit = make_units()
    report = Report.objects.select_related("unit").get(pk=make_full_report(unit).pk)
    html = render_html(report, for_pdf=True)
    options = dict(stylesheets=[pdf_module.stylesheet()], font_config=pdf_module.font_config())
    ours = DocumentHTML(html).render(**options)
    weasyprints = HTML(string=html, base_url=pdf_module.BASE_URL, url_fetcher=StaticOnlyFetcher()).render(
        **options
    )
    assert len(ours.pages) >= 5
    assert _boxes(ours) == _boxes(weasyprints)


def _font_names(page):
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[name].get_object()["/BaseFont"]).split("+", 1)[1] for name in fonts}


def test_the_fonts_cut_to_gb2312_print_and_other_characters_come_from_the_full_fonts(db):
    _, unit = make_units()
    report = make_full_report(unit, indicators=False)
    report.title = "喆山街道2024年度法治政府建设情况的报告"  # 喆 is not in GB2312
    report.save()
    report.sections.filter(position=0).update(heading="喆山片区工作成效")
    page = read_pdf(render_pdf(Report.objects.select_related("unit").get(pk=report.pk))).pages[0]
    text = squeeze(page.extract_text())
    assert report.title in text and "一、喆山片区工作成效" in text
    assert {
        "Noto-Serif-SC-GB2312-Bold",
        "Noto-Serif-CJK-SC-Bold",
        "WenQuanYi-Micro-Hei-GB2312",
        "WenQuanYi-Micro-Hei",
    } <= _font_names(page)


# --- Safety: nothing is fetched but the app's own static files ----------------------------------------

HOSTILE = '<img src="file:///etc/passwd"> <img src="http://127.0.0.1:9/x.png"> 以上应原样显示。'


def test_user_markup_is_printed_as_text_and_never_fetched(db, monkeypatch):
    fetched = []
    original = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    _, unit = make_units()
    report = Report.objects.select_related("unit").get(pk=make_full_report(unit, preamble=HOSTILE).pk)

    html = render_html(report)
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert "<img" not in html

    data = render_pdf(report)
    # At most the stylesheets and the cut fonts (loaded once per process), never the images.
    assert all(url.startswith(pdf_module.BASE_URL + "static/") for url in fetched), fetched
    text = squeeze(read_pdf(data).pages[0].extract_text())
    assert '<imgsrc="file:///etc/passwd"><imgsrc="http://127.0.0.1:9/x.png">以上应原样显示。' in text


def test_even_unescaped_markup_could_fetch_nothing(db, monkeypatch, caplog):
    """Were a template ever to print user markup raw, WeasyPrint would still ask only our fetcher."""
    refused = []
    original = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        try:
            return original(self, url, headers)
        except pdf_module.RefusedURL:
            refused.append(url)
            raise

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    monkeypatch.setattr(pdf_module, "render_html", lambda report, **kwargs: f"<p>{HOSTILE}</p>")
    data = render_pdf(None)
    assert data.startswith(b"%PDF")
    assert refused == ["file:///etc/passwd", "http://127.0.0.1:9/x.png"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.com/static/document/gbt9704.css",
        pdf_module.BASE_URL + "static/../../config/settings.py",
        pdf_module.BASE_URL + "static/%2e%2e/config/settings.py",
        pdf_module.BASE_URL + "static/document/missing.css",
        pdf_module.BASE_URL + "media/secret.pdf",
        "ftp://127.0.0.1/x",
    ],
)
def test_the_fetcher_refuses_anything_else(url):
    with pytest.raises(pdf_module.RefusedURL):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_stylesheet_and_data_urls():
    response = StaticOnlyFetcher().fetch(pdf_module.BASE_URL + "static/document/gbt9704.css")
    assert response.content_type == "text/css"
    assert b"GB/T 9704" in response.read()
    assert StaticOnlyFetcher().fetch("data:text/plain,ok").read() == b"ok"


# --- The seed report, imported from its text ------------------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "reports" / "demo_data" / "chengxi-2024-report.txt"


def test_every_character_of_the_seed_report_is_in_its_pdf_in_order(unit):
    importing = pytest.importorskip("reports.importing")
    text = SEED.read_text(encoding="utf-8")
    report = importing.create_report_from_parse(importing.parse_report_text(text), unit, 2024)
    report = Report.objects.select_related("unit").get(pk=report.pk)
    pdf_text = "".join(_clean(page.extract_text()) for page in read_pdf(render_pdf(report)).pages)
    remaining = iter(pdf_text)
    missing = [char for char in squeeze(text) if char not in remaining]  # `in` consumes: in order
    assert missing == []
    assert len(pdf_text) >= len(squeeze(text))


def test_without_the_official_fangsong_the_body_prints_in_the_fandolfang_cut(draft):
    from reports.checks import FANGSONG_FAMILIES, cjk_font_families

    if cjk_font_families().intersection(FANGSONG_FAMILIES):
        pytest.skip("an official 仿宋 is installed: it comes first")
    characters: Counter[str] = Counter()  # font → characters drawn in it, the page numbers left out
    for page in draft.pdf.pages:

        def visit(text, cm, tm, font_dict, font_size):
            if font_dict and text.strip() and not re.fullmatch(r"—\s*\d+\s*—", text.strip()):  # 宋体 numbers
                characters[str(font_dict["/BaseFont"]).split("+", 1)[1]] += len(text.strip())

        page.extract_text(visitor_text=visit)
    [(body_font, _)] = characters.most_common(1)
    assert body_font == "FandolFang-GB2312"
    assert "AR-PL-SungtiL-GB" not in {name for name, count in characters.items() if count > 20}
