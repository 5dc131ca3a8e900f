"""System checks: the PDF needs CJK fonts, the 楷体 stand-in for the "（一）" headings, and the title font
that ``make`` cuts from Noto Serif CJK.

Without a CJK font WeasyPrint prints the report as empty boxes, so ``manage.py check`` (and runserver,
migrate) warn early and say which Debian package fixes it.
"""

import subprocess

from django.contrib.staticfiles import finders
from django.core import checks

KAITI_FAMILIES = ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "AR PL KaitiM GB")
# Made by the Makefile (TITLE_FONT), named by static/document/gbt9704.css.
TITLE_FONT = "fonts/noto-serif-sc-bold-gb2312.otf"


def cjk_font_families():
    """The families ``fc-list :lang=zh`` knows (each may list several names); empty without fontconfig."""
    try:
        result = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    names = set()
    for line in result.stdout.splitlines():
        names.update(name.strip() for name in line.split(",") if name.strip())
    return names


@checks.register()
def check_cjk_fonts(app_configs=None, **kwargs):
    families = cjk_font_families()
    if not families:
        return [
            checks.Warning(
                "没有找到中文字体（fc-list :lang=zh 为空），PDF中的汉字将无法显示。",
                hint="apt-get install fonts-noto-cjk fonts-arphic-gkai00mp",
                id="reports.W001",
            )
        ]
    if not families.intersection(KAITI_FAMILIES):
        return [
            checks.Warning(
                "没有找到楷体字体，“（一）”级标题将以其他字体排印。",
                hint="apt-get install fonts-arphic-gkai00mp",
                id="reports.W002",
            )
        ]
    return []


@checks.register()
def check_title_font(app_configs=None, **kwargs):
    if finders.find(TITLE_FONT):
        return []
    return [
        checks.Warning(
            f"没有找到标题字体 static/{TITLE_FONT}：PDF照常生成，标题改用完整的思源宋体，每份慢约0.03秒。",
            hint="make setup（用 hb-subset 从 fonts-noto-cjk 生成）",
            id="reports.W003",
        )
    ]
