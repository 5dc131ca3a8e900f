"""``manage.py export_report`` writes the same PDF and HTML the app serves."""

import pytest
from django.core.management import CommandError, call_command

from reports.models import AuditEntry
from tests.document_helpers import make_full_report, read_pdf, squeeze


@pytest.fixture
def full_report(unit):
    return make_full_report(unit)


def test_writes_a_pdf(full_report, tmp_path):
    output = tmp_path / "报告.pdf"
    call_command("export_report", "--unit", "chengxi", "--year", "2024", "--format", "pdf", "-o", str(output))
    pdf = read_pdf(output.read_bytes())
    assert pdf.metadata.title == "关于2024年度法治政府建设情况的报告"
    assert "附件主要指标统计表" in squeeze(pdf.pages[-1].extract_text())


def test_writes_a_pdfa(full_report, tmp_path):
    output = tmp_path / "archive.pdf"
    call_command("export_report", unit="chengxi", year=2024, format="pdf", output=str(output), pdfa=True)
    assert read_pdf(output.read_bytes()).xmp_metadata.pdfaid_part == "2"


def test_writes_a_standalone_html(full_report, tmp_path):
    output = tmp_path / "report.html"
    call_command("export_report", unit="chengxi", year=2024, format="html", output=str(output))
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<style>" in html and "@page" in html and "/static/" not in html  # opens without the app
    assert "一、工作成效" in html and "2025年2月20日" in html


def test_an_export_from_the_command_line_is_in_the_audit_trail(full_report, tmp_path):
    output = tmp_path / "report.html"
    call_command("export_report", unit="chengxi", year=2024, format="html", output=str(output))
    row = AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD).get()
    assert (row.object_type, row.object_id) == ("reports.report", str(full_report.pk))
    assert row.username.startswith("命令行（") and row.detail == f"HTML，命令行导出：{output}"


def test_unknown_unit_or_report(full_report, tmp_path):
    output = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="没有编码为“nowhere”的单位"):
        call_command("export_report", unit="nowhere", year=2024, output=output)
    with pytest.raises(CommandError, match="城西街道没有2019年度的报告"):
        call_command("export_report", unit="chengxi", year=2019, output=output)
    with pytest.raises(CommandError, match="只用于 PDF"):
        call_command("export_report", unit="chengxi", year=2024, format="html", pdfa=True, output=output)
