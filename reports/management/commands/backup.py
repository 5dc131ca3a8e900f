"""Back up every row and every stored file into one archive.

python manage.py backup -o 法治年报备份-2025-03-01.zip [--allow-missing-files]
"""

from django.core.management.base import BaseCommand, CommandError

from reports.backup import BackupError, backup


class Command(BaseCommand):
    help = "把数据库的全部数据和文件存储中的全部文件（定稿PDF）备份到一个文件。"

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="备份文件路径，如 法治年报备份.zip")
        parser.add_argument(
            "--allow-missing-files",
            action="store_true",
            help="存储中缺少被数据引用的文件时照样备份（清单中列出缺少的文件）",
        )
        parser.add_argument("--database", default="default", help="数据库别名（默认 default）")

    def handle(self, *args, output, allow_missing_files, database, **options):
        try:
            backup(
                output,
                progress=self.stdout.write,
                allow_missing_files=allow_missing_files,
                using=database,
            )
        except BackupError as exc:
            raise CommandError(f"备份失败：{exc}") from exc
