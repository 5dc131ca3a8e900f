"""Import a unit's existing report from a Word document or a plain-text file as a new draft.

    python manage.py import_report 城西街道2024.docx --unit chengxi --year 2024 [--dry-run]

Prints what the parser found first, so a wrong reading shows before anything is stored.
"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.importing import (
    ImportRefused,
    ReportExists,
    create_report_from_parse,
    parse_report_text,
    read_report_file,
)
from reports.importing.preview import split_attachment
from reports.models import Report, Section, Unit
from reports.rendering.document import format_chinese_date
from reports.rendering.numbering import heading_label

SUFFIXES = (".txt", ".docx")
TITLE_YEAR_RE = re.compile(r"(\d{4})年")


class Command(BaseCommand):
    help = "从 Word 文档（.docx）或纯文本（.txt）导入一份已有的年度报告，作为草稿。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="报告文件（.docx，或 UTF-8、GB18030 编码的 .txt）")
        parser.add_argument("--unit", required=True, help="单位编码，如 chengxi")
        parser.add_argument("--year", required=True, type=int, help="报告年度，如 2024")
        parser.add_argument("--dry-run", action="store_true", help="只显示识别结果，不写入数据库")

    def handle(self, *args, path, unit, year, dry_run, **options):
        path = Path(path)
        if path.suffix.lower() not in SUFFIXES:
            raise CommandError(f"只支持 .docx 和 .txt 文件：{path}")
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}")
        unit_code = unit
        unit = Unit.objects.filter(code=unit_code).first()
        if unit is None:
            raise CommandError(f"未找到编码为“{unit_code}”的单位")
        try:
            text = read_report_file(path.name, path.read_bytes())
        except ImportRefused as error:
            raise CommandError(f"{error}（{path}）") from error

        # An attachment after the signature (the indicator table) is not the report's text.
        text, attachment = split_attachment(text)
        parsed = parse_report_text(text)
        self.print_summary(parsed)
        if attachment:
            self.stdout.write(f"附件：{len(attachment)}行，不导入正文")
        title_year = TITLE_YEAR_RE.search(parsed.title)
        if title_year and int(title_year[1]) != year:
            self.stdout.write(f"注意：标题中的年份（{title_year[1]}）与 --year {year} 不一致")

        if dry_run:
            if Report.objects.filter(unit=unit, year=year).exists():
                self.stdout.write(f"注意：{unit.short_name}{year}年度报告已存在，正式导入将失败")
            self.stdout.write("试运行：未写入数据库")
            return
        try:
            report = create_report_from_parse(parsed, unit, year)
        except ReportExists as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"已创建草稿：{report}（编号 {report.pk}）"))

    def print_summary(self, parsed):
        def line(label, value):
            self.stdout.write(f"{label}：{value or '（无）'}")

        line("发文机关", "、".join(parsed.issuing_organs))
        line("发文字号", parsed.document_number)
        line("标题", parsed.title)
        line("主送机关", parsed.addressee)
        line("导语", f"{len(parsed.preamble)}段" if parsed.preamble else "")
        line("部分", f"{len(parsed.sections)}个" if parsed.sections else "")
        for number, section in enumerate(parsed.sections, start=1):
            kind = Section.Kind(section.kind).label
            self.stdout.write(
                f"  {heading_label(1, number)}{section.heading}〔{kind}〕 {len(section.items)}条"
            )
        line("署名机关", "、".join(parsed.signing_organs))
        line("成文日期", format_chinese_date(parsed.signing_date) if parsed.signing_date else "")
        if parsed.warnings:
            self.stdout.write(f"提示（{len(parsed.warnings)}条）：")
            for warning in parsed.warnings:
                self.stdout.write(f"  - {warning}")
