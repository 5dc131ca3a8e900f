"""Issue 14, headers: every page carries a Content-Security-Policy that allows the app's own scripts and
styles only, and no page holds an inline script, an inline event handler or an inline style for it to
refuse; a Permissions-Policy; Cache-Control: no-store on logged-in pages and private documents; HSTS and the
HTTPS redirect when the site is HTTPS, with `check --deploy` clean there. The same pages in Chromium, with
the console watched for violations: tests/browser/test_content_security_policy.py."""

import base64
import hashlib
import os
import re
import subprocess
import sys
from collections import deque
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse

from reports import workflow
from reports.district.actions import request_file
from reports.models import AccountSecurity, GeneratedFile, Report
from tests.editor_helpers import add_section
from tests.test_settings import PRODUCTION, READ
from tests.workflow_helpers import submit

ROOT = Path(__file__).resolve().parents[1]
CSP = "Content-Security-Policy"
# Downloads are not pages: their own tests check their headers (below and tests/test_private_pages.py);
# following them here would render every report's PDF.
NOT_PAGES = re.compile(r"(\.(pdf|docx|xlsx|csv|zip)$|/download/|/pdf/|/docx/|/logout/)")
PAGE_LIMIT = 400


class InlineCode(HTMLParser):
    """What a Content-Security-Policy without 'unsafe-inline' refuses: inline scripts, on* handlers,
    javascript: links, style attributes and <style> elements (the last kept, to check them by hash)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.styles: list[str] = []
        self.links: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script" and not names.get("src"):
            self.found.append("<script> without src")
        if tag in ("script", "style"):
            self._in = tag
            self.styles.append("") if tag == "style" else None
        if tag == "a" and names.get("href"):
            self.links.append(names["href"])

    def handle_data(self, data):
        if self._in == "script" and data.strip():
            self.found.append(f"inline script: {data.strip()[:60]}")
        elif self._in == "style":
            self.styles[-1] += data

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None


def inline_code(html: str) -> InlineCode:
    parser = InlineCode()
    parser.feed(html)
    return parser


def style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy(response) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for directive in response[CSP].split(";") if (parts := directive.split())}


def assert_page_is_clean(response, url):
    """The policy is there and strict, and the page holds nothing it would refuse but the hashed style."""
    assert response.has_header(CSP), url
    directives = policy(response)
    assert directives["default-src"] == ["'self'"], url
    assert directives["script-src"] == ["'self'"], url  # no 'unsafe-inline', no nonce, no other host
    assert "'unsafe-inline'" not in response[CSP] and "'unsafe-eval'" not in response[CSP], url
    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=()"), url
    if not response["Content-Type"].startswith("text/html"):
        return None
    found = inline_code(response.content.decode())
    assert not found.found, f"{url}: {found.found}"
    for style in found.styles:
        assert style_hash(style) in directives["style-src"], f"{url}: a <style> the policy does not allow"
    return found


def crawl(client, start_urls, per_kind=2):
    """Every kind of page reachable by links from ``start_urls`` (GET, same site, no downloads), ``per_kind``
    of each (a kind: the address with its numbers left out); checks each and returns what it saw."""
    seen: dict[str, int] = {}
    kinds: dict[str, int] = {}
    queue = deque(start_urls)
    while queue:
        url = urldefrag(queue.popleft())[0]
        parts = urlsplit(url)
        kind = re.sub(r"\d+", "N", url)
        if (
            parts.scheme
            or parts.netloc
            or not url.startswith("/")
            or url in seen
            or NOT_PAGES.search(parts.path)
        ):
            continue
        if kinds.get(kind, 0) >= per_kind:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        response = client.get(url)
        seen[url] = response.status_code
        found = assert_page_is_clean(response, url)
        if response.status_code in (301, 302):
            queue.append(response.url)
        elif found is not None:
            queue.extend(found.links)
    return seen


@pytest.fixture
def demo(db):
    """The demo data (reports in several states, the catalogue), with a draft of 城西街道's that its leader
    has returned (the editor with a return reason) and a file the district office asked for."""
    call_command("load_demo", stdout=StringIO())
    # The demo users' forced first password change (DEBUG off here) is tests/test_password_rules.py's subject.
    AccountSecurity.objects.update(must_change_password=False)
    users = get_user_model().objects
    staff, leader = users.get(username="chengxi_staff"), users.get(username="chengxi_leader")
    unit = staff.memberships.get().unit
    year = Report.objects.filter(unit=unit).aggregate(Max("year"))["year__max"] + 1
    draft = Report.objects.create(unit=unit, year=year)
    add_section(draft, items=2)
    submit(staff, draft)
    workflow.perform(leader, draft, "return", "请补充数据")
    zip_file = request_file(GeneratedFile.Kind.ZIP, unit.parent, year - 1, None)
    return users, zip_file.get_absolute_url()


@pytest.mark.parametrize("username", ["chengxi_staff", "chengxi_leader", "district_office", "admin"])
def test_every_page_a_user_reaches_has_the_policy_and_no_inline_script(client, demo, username):
    users, file_status_url = demo
    user = users.get(username=username)
    client.force_login(user)
    start = ["/", reverse("reports:notices"), reverse("reports:import"), file_status_url]
    if user.is_staff:
        start.append(reverse("admin:index"))
    seen = crawl(client, start)
    pages = [url for url, status in seen.items() if status == 200]
    assert len(pages) >= 5, seen
    if username == "chengxi_staff":
        assert any(re.fullmatch(r"/reports/\d+/edit/", url) for url in pages)
        assert any(re.fullmatch(r"/reports/\d+/preview/", url) for url in pages)
    if username == "district_office":
        for page in (
            r"/district/\d+/",
            r"/district/\d+/indicators/",
            r"/district/\d+/catalogue/",
            r"/district/\d+/setup/",
            r"/district/\d+/files/\d+/",
            r"/district/\d+/units/\d+/indicators/",
        ):
            assert any(re.fullmatch(page, url) for url in pages), page
    if username == "admin":
        assert sum(url.startswith("/admin/") for url in pages) >= 10


def test_the_login_page_and_anonymous_refusals_have_the_policy(client, db):
    seen = crawl(client, [reverse("login"), "/", reverse("admin:index")])
    assert seen[reverse("login")] == 200 and seen["/"] == 302


def test_pages_shown_back_with_errors_have_no_inline_script_either(client, staff, report):
    """The pages a POST renders: the editor with a form error, the import page refused, the import's
    confirmation step."""
    add_section(report, items=1)
    client.force_login(staff)
    edit = reverse("reports:edit", args=[report.pk])
    response = client.post(edit, {"report-title": "", "version": report.version})
    assert response.status_code == 400
    assert_page_is_clean(response, edit)
    refused = client.post(reverse("reports:import"), {"unit": report.unit_id, "year": 2024})
    assert refused.status_code == 400
    assert_page_is_clean(refused, "import refused")
    text = "关于2024年度法治政府建设情况的报告\n一、主要举措\n（一）完善制度。建立制度。"
    started = client.post(reverse("reports:import"), {"unit": report.unit_id, "year": 2024, "text": text})
    assert started.status_code == 302
    assert_page_is_clean(client.get(started.url), started.url)


def test_the_catalogue_asks_before_retiring_without_inline_script(client, district_officer, report):
    """The inline onclick="return confirm(…)" the probe found is a data-confirm that static/js/app.js asks."""
    from indicators.demo_catalogue import install_catalogue

    install_catalogue(report.unit.parent, first_year=2020)
    client.force_login(district_officer)
    page = client.get(reverse("district:catalogue", args=[2025])).content.decode()
    assert "onclick" not in page and 'data-confirm="自2025年度起停用“' in page
    app_js = (ROOT / "static/js/app.js").read_text()
    assert "button[data-confirm]" in app_js and "window.confirm(button.dataset.confirm)" in app_js


@pytest.mark.parametrize("template", ["400.html", "500.html"])
def test_the_error_pages_one_style_is_allowed_by_its_hash(template):
    """400 and 500 are shown without static files; their <style> is allowed by ERROR_PAGE_STYLE_HASH, which
    changes when the style does (so this fails until the hash in config/settings.py is updated)."""
    styles = inline_code(render_to_string(template)).styles
    assert len(styles) == 1
    assert style_hash(styles[0]) == settings.ERROR_PAGE_STYLE_HASH
    assert settings.ERROR_PAGE_STYLE_HASH in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def test_logged_in_pages_and_private_documents_are_not_stored(client, staff, leader, report):
    """PrivatePagesMiddleware for pages, attachment() for documents: a draft PDF, a stored PDF, the .docx."""
    add_section(report, items=1)
    client.force_login(staff)
    for url in (reverse("reports:home"), reverse("reports:edit", args=[report.pk])):
        assert client.get(url)["Cache-Control"] == "private, no-store"
    assert client.get(reverse("reports:pdf", args=[report.pk]))["Cache-Control"] == "private, no-store"
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    stored = report.stored_pdfs.get()
    for url in (
        reverse("reports:pdf", args=[report.pk]),
        reverse("reports:stored-pdf", args=[report.pk, stored.pk]),
        reverse("reports:docx", args=[report.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response["Cache-Control"] == "private, no-store", url


def test_https_responses_carry_hsts_and_plain_http_is_redirected(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    plain = client.get(reverse("login"))
    assert plain.status_code == 301 and plain.url.startswith("https://")
    secure = client.get(reverse("login"), secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert client.get(reverse("healthz")).status_code in (200, 503)  # a monitor over HTTP is not redirected


def deploy_check(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if k not in READ and not k.startswith("DJANGO")}
    clean |= PRODUCTION | {"VAR_DIR": str(tmp_path), "EMAIL_URL": "smtp://127.0.0.1:25"} | env
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_over_https(tmp_path):
    result = deploy_check(tmp_path, SECRET_KEY="x7" * 25 + "Qz-_", ALLOWED_HOSTS="fazhi.example.gov.cn")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_check_deploy_over_plain_http_names_only_what_http_cannot_have(tmp_path):
    """The intranet over HTTP (README, Deploying): the warnings left are the ones TLS cures."""
    result = deploy_check(
        tmp_path,
        SECRET_KEY="x7" * 25 + "Qz-_",
        SITE_URL="http://10.20.1.5:8000",
        SECURE_COOKIES="0",
        ALLOWED_HOSTS="10.20.1.5",
    )
    assert result.returncode == 0, result.stderr
    warnings = set(re.findall(r"\(security\.(W\d+)\)", result.stdout + result.stderr))
    assert warnings == {"W004", "W008", "W010", "W016"}, result.stdout + result.stderr


def test_a_files_progress_bar_is_drawn_by_a_class_without_script(client, district_officer, district):
    """The bar's width was a style attribute; now a class in steps of 5 % (static/css/app.css), which
    static/js/file-status.js then refines."""
    file = GeneratedFile.objects.create(
        kind=GeneratedFile.Kind.ZIP, district=district, year=2025, fingerprint="1" * 64, total=6, done=3
    )
    client.force_login(district_officer)
    page = client.get(file.get_absolute_url()).content.decode()
    assert "progress-step-10" in page and 'style="' not in page
    assert ".progress-step-10 { width: 50%; }" in (ROOT / "static/css/app.css").read_text()
