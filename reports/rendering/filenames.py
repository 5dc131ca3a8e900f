"""How downloaded files are named: in Chinese, as offices file them."""

import re

from reports.models import Report


def document_filename(report: Report, extension: str = "pdf") -> str:
    """ "城西街道2024年度法治政府建设情况的报告.pdf": the unit's short name, then the title without "关于"."""
    title = report.display_title
    short_name = report.unit.short_name
    if title.startswith(short_name):  # "黄桷坪街道关于2025年…" already names the unit
        title = title[len(short_name) :]
    title = title.removeprefix("关于")
    name = re.sub(r'[\\/:*?"<>|\s]+', "", short_name + title)  # nothing a file system refuses
    return f"{name}.{extension}"
