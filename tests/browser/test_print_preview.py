"""The browser's print of the preview (Ctrl+P): Chromium lays the page out from the same template and the
print rules of the same stylesheet, so it must keep what the PDF keeps: the signature and date with the
body's last lines, and every heading whole and with its text. Measured on Chromium's own PDF of the page
(``page.pdf()`` with print media), with the report's opening text one line longer each time."""

from tests.browser.test_writing_a_report import log_in
from tests.document_helpers import add_indicators, pdf_lines
from tests.test_pdf_page_breaks import LINES_PER_PAGE, _report, heading_faults, headings, signature_faults


def _print(page, report):
    page.goto(f"/reports/{report.pk}/preview/")
    page.emulate_media(media="print")
    return pdf_lines(page.pdf(prefer_css_page_size=True))


def test_printing_the_preview_keeps_the_signature_with_the_body(page, staff, unit):
    log_in(page, staff)
    faults = []
    for preamble_lines in range(1, LINES_PER_PAGE + 1):
        report = _report(unit, preamble_lines, sections=[])
        add_indicators(report)
        faults += [f"{preamble_lines} lines: {fault}" for fault in signature_faults(_print(page, report))]
    assert faults == [], "\n".join(faults)


def test_printing_the_preview_splits_no_heading(page, staff, unit):
    log_in(page, staff)
    faults = []
    for preamble_lines in range(1, LINES_PER_PAGE + 1):
        report = _report(unit, preamble_lines)
        pages = _print(page, report)
        faults += [f"{preamble_lines} lines: {fault}" for fault in heading_faults(pages, headings(report))]
    assert faults == [], "\n".join(faults)
