"""System checks: the PDF needs CJK fonts, the 楷体 stand-in for the "（一）" headings, a 仿宋 for the
body, the fonts that ``make`` cuts to GB2312, and a WeasyPrint whose ``HTML`` is what ``DocumentHTML`` relies on; production
without EMAIL_URL sends no e-mail. A role in OTP_REQUIRED_ROLES that no one can hold (a typo) is an error:
it would quietly leave that role without its second factor.

Without a CJK font WeasyPrint prints the report as empty boxes, so ``manage.py check`` (and runserver,
migrate) warn early and say which Debian package fixes it. A WeasyPrint whose ``HTML`` has changed
(rendering/tuning.py says how DocumentHTML relies on it) is an error: renders would fail or print
otherwise, so those commands stop and say which versions work.
"""

import subprocess

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import checks

from .accounts.roles import AdminRole
from .models import Membership
from .rendering import tuning
from .rendering.pdf import DocumentHTML

KAITI_FAMILIES = ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "AR PL KaitiM GB")
FANGSONG_FAMILIES = ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang")
# Made by the Makefile (CUT_FONTS), named by static/document/gbt9704.css.
FANGSONG_CUT = "fonts/fandol-fang-gb2312.otf"
CUT_FONTS = ("fonts/noto-serif-sc-bold-gb2312.otf", "fonts/wqy-microhei-gb2312.ttf", FANGSONG_CUT)


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
def check_cut_fonts(app_configs=None, **kwargs):
    missing = [f"static/{name}" for name in CUT_FONTS if not finders.find(name)]
    if not missing:
        return []
    return [
        checks.Warning(
            f"没有找到{'、'.join(missing)}：PDF照常生成，改用完整的原字体，每份慢一些。",
            hint="make setup（用 hb-subset 从 fonts-noto-cjk、fonts-wqy-microhei 和 texlive-lang-chinese 的"
            " FandolFang 截取 GB2312 字符）",
            id="reports.W003",
        )
    ]


@checks.register()
def check_fangsong_font(app_configs=None, **kwargs):
    """The body is 仿宋 (GB/T 9704): the official font if installed, else the FandolFang cut."""
    if finders.find(FANGSONG_CUT) or cjk_font_families().intersection(FANGSONG_FAMILIES):
        return []
    return [
        checks.Warning(
            "没有仿宋字体：PDF正文将以宋体排印，不合 GB/T 9704 的仿宋要求。",
            hint="make setup（从 texlive-lang-chinese 取出 FandolFang 并截取，生成 static/"
            f"{FANGSONG_CUT}），或安装正式的仿宋_GB2312字体，或把 FandolFang-Regular.otf 装入系统字体"
            "（见 README 的 Deploying）",
            id="reports.W005",
        )
    ]


@checks.register()
def check_weasyprint_html(app_configs=None, **kwargs):
    problems = tuning.html_contract_problems(DocumentHTML)
    if not problems:
        return []

    first, last = tuning.WEASYPRINT_VERSIONS
    versions = str(first) if first == last else f"{first}–{last}"
    return [
        checks.Error(
            f"已安装的 WeasyPrint {weasyprint.__version__} 的 HTML 类与本系统 PDF 排版"
            f"（reports/rendering/pdf.py 的 DocumentHTML）所依赖的不同：{'；'.join(problems)}。"
            "这样生成的 PDF 可能出错或版式不对。",
            hint=f"请安装本系统支持的 WeasyPrint {versions}：pip install 'weasyprint>={first},<{last + 1}'。"
            "若要改用其他版本，先按该版本的 HTML 修改 reports/rendering/tuning.py 和 static/document/ua.css，"
            "并核对 PDF 版式（tests/test_pdf_layout.py）。",
            id="reports.E001",
        )
    ]


@checks.register()
def check_email(app_configs=None, **kwargs):
    if settings.EMAIL_BACKEND != "django.core.mail.backends.dummy.EmailBackend":
        return []
    return [
        checks.Warning(
            "没有设置 EMAIL_URL：系统不发送电子邮件，通知只在系统内显示。",
            hint="EMAIL_URL=smtp+tls://用户名:密码@邮件服务器:587（见 README 的 Deploying）",
            id="reports.W004",
        )
    ]


KNOWN_ROLES = {*Membership.Role, *AdminRole, "superuser"}


@checks.register()
def check_otp_roles(app_configs=None, **kwargs):
    unknown = [role for role in settings.OTP_REQUIRED_ROLES if role not in KNOWN_ROLES]
    if not unknown:
        return []
    return [
        checks.Error(
            f"OTP_REQUIRED_ROLES 中有不存在的角色：{'、'.join(unknown)}（这些角色不会被要求使用动态口令）。",
            hint="可用的角色：" + ",".join(sorted(str(role) for role in KNOWN_ROLES)),
            id="reports.E002",
        )
    ]
