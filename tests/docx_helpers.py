"""Word documents for the import tests, built as an office would: Word's own styles, plain paragraphs."""

import io
import re
import zipfile
from pathlib import Path

import docx

from reports.importing.parser import read_label

TITLE_RE = re.compile(r"关于\d{4}年度法治政府建设情况的报告")
SEED = Path(__file__).resolve().parents[1] / "reports" / "demo_data" / "chengxi-2024-report.txt"


def seed_text():
    return SEED.read_text(encoding="utf-8")


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def seed_docx(text=None):
    """The seed report as a .docx: "Title" for the title, "Heading 1" for the "一、" lines (their number
    typed, as most offices do), every other line a plain paragraph."""
    document = docx.Document()
    for line in (text or seed_text()).splitlines():
        line = line.strip()
        if not line:
            continue
        label = read_label(line)
        if TITLE_RE.fullmatch(line):
            document.add_paragraph(line, style="Title")
        elif label is not None and label.level == 1:
            document.add_paragraph(line, style="Heading 1")
        else:
            document.add_paragraph(line)
    return docx_bytes(document)


def seed_report(unit, year=2024, **fields):
    """The seed imported as load_demo does it: the demo catalogue, the values its text states."""
    from indicators.demo_catalogue import install_catalogue
    from indicators.extraction import suggest_values
    from indicators.models import Indicator, IndicatorValue
    from reports.importing import create_report_from_parse, parse_report_text

    install_catalogue(unit.district, first_year=2020)
    report = create_report_from_parse(parse_report_text(seed_text()), unit, year)
    for name, value in fields.items():
        setattr(report, name, value)
    report.save()
    suggestions = suggest_values(seed_text(), Indicator.objects.for_year(unit.district, year))
    IndicatorValue.objects.bulk_create(
        IndicatorValue(report=report, indicator=s.indicator, value=s.value, qualifier=s.qualifier)
        for s in suggestions
    )
    return report


def seed_docx_padded(size, paragraph):
    """The seed .docx with paragraphs ``paragraph(n)`` (each a <w:p> element) added to its document.xml until
    that is ``size`` bytes: a large document.xml, compressed as its text allows."""
    source = zipfile.ZipFile(io.BytesIO(seed_docx()))
    document = source.read("word/document.xml").decode()
    paragraphs, length = [], len(document)
    while length < size:
        paragraphs.append(paragraph(len(paragraphs)))
        length += len(paragraphs[-1].encode())
    document = document.replace("<w:sectPr", "".join(paragraphs) + "<w:sectPr", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = document.encode() if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member.filename, data)
    return buffer.getvalue()
