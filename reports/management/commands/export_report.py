"""Write a report's official document to a file: the same PDF, HTML or Word (.docx) the app serves.

python manage.py export_report --unit chengxi --year 2024 --format pdf -o 城西街道2024.pdf [--pdfa]
"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import audit
from reports.models import AuditEntry, Report, Unit
from reports.rendering.docx import render_docx
from reports.rendering.pdf import render_html, render_pdf


class Command(BaseCommand):
    help = "导出一份年度报告的公文版式文件（PDF、HTML或Word）。"

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="单位编码，如 chengxi")
        parser.add_argument("--year", required=True, type=int, help="年度，如 2024")
        parser.add_argument(
            "--format", choices=["pdf", "html", "docx"], default="pdf", help="pdf、html 或 docx"
        )
        parser.add_argument("-o", "--output", required=True, help="输出文件路径")
        parser.add_argument("--pdfa", action="store_true", help="输出 PDF/A-2b（用于归档）")

    def handle(self, *args, unit, year, format, output, pdfa, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"没有编码为“{unit}”的单位。")
        report = Report.objects.select_related("unit").filter(unit=found, year=year).first()
        if report is None:
            raise CommandError(f"{found.short_name}没有{year}年度的报告。")
        if pdfa and format != "pdf":
            raise CommandError("--pdfa 只用于 PDF 格式。")

        if format == "pdf":
            data = render_pdf(report, pdfa=pdfa)
        elif format == "docx":
            data = render_docx(report)
        else:
            # A file opened without the app: the stylesheet goes inside it.
            data = render_html(report, inline_css=True).encode("utf-8")
        path = Path(output)
        path.write_bytes(data)
        # An export from the server's shell is an export too: in the audit trail, by the system user.
        audit.record(
            AuditEntry.Action.DOWNLOAD,
            username=f"命令行（{getpass.getuser()}）",
            obj=report,
            detail=f"{format.upper()}{'（PDF/A）' if pdfa else ''}，命令行导出：{path}",
        )
        self.stdout.write(f"已导出 {report.unit.short_name}{year}年度报告：{path}（{len(data) // 1024} KB）")
