"""Static files in production (STORAGES["staticfiles"] of config/settings.py): collected by collectstatic under
hashed names, which {% static %} then prints. The PDF's fetcher must find the document's stylesheet and fonts
under those names, and an installed copy without the GB2312 font cuts must still collect its files."""

import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.templatetags.static import static

from reports.rendering import pdf as pdf_module
from reports.rendering.pdf import StaticOnlyFetcher, render_pdf
from tests.document_helpers import make_full_report, make_units, read_pdf

ROOT = Path(__file__).resolve().parents[1]
HASHED = r"[0-9a-f]{12}"

pytestmark = pytest.mark.django_db


def clear_parsed_stylesheets():
    for cached in (pdf_module.stylesheet, pdf_module.user_agent_stylesheet, pdf_module.stylesheet_text):
        cached.cache_clear()


@pytest.fixture
def collect_static(settings, tmp_path):
    """Switches to production's static storage and runs collectstatic into a temporary STATIC_ROOT (the
    app's own static folder only: the admin's files do not matter here)."""

    def collect(static_dir=None):
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "reports.common.static_storage.StaticStorage"},
        }
        settings.STATIC_ROOT = tmp_path / "collected"
        settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
        if static_dir is not None:
            settings.STATICFILES_DIRS = [static_dir]
        call_command("collectstatic", "--noinput", verbosity=0)
        clear_parsed_stylesheets()
        return settings.STATIC_ROOT

    clear_parsed_stylesheets()
    yield collect
    clear_parsed_stylesheets()


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks the fetcher for, and those it refused."""
    log = {"asked": [], "refused": []}
    original = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        log["asked"].append(url)
        try:
            return original(self, url, headers)
        except pdf_module.RefusedURL:
            log["refused"].append(url)
            raise

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    return log


def font_names(pdf):
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.fixture
def report():
    _, unit = make_units()
    return make_full_report(unit)


def test_the_production_settings_name_this_storage():
    from config import settings as config_settings

    assert config_settings.STORAGES["staticfiles"]["BACKEND"] == "reports.common.static_storage.StaticStorage"


def test_the_pdf_finds_its_stylesheet_and_fonts_under_hashed_names(report, collect_static, fetched):
    development = read_pdf(render_pdf(report))
    collect_static()
    assert re.fullmatch(rf"/static/document/gbt9704\.{HASHED}\.css", static("document/gbt9704.css"))
    fetched["asked"].clear()
    production = read_pdf(render_pdf(report))
    assert fetched["refused"] == []
    assert any(re.search(rf"/static/document/gbt9704\.{HASHED}\.css$", url) for url in fetched["asked"])
    if (ROOT / "static" / "fonts").is_dir():  # made by make setup; the collected stylesheet names them hashed
        assert any(re.search(rf"/fonts/wqy-microhei-gb2312\.{HASHED}\.ttf$", url) for url in fetched["asked"])
    assert len(production.pages) == len(development.pages) >= 5
    assert font_names(production) == font_names(development)


def test_an_installed_copy_without_the_font_cuts_collects_and_prints(
    report, collect_static, fetched, tmp_path
):
    """The wheel carries no static/fonts/ (pyproject.toml): collectstatic leaves the stylesheet's url() to them
    as written, and the PDF takes the full fonts instead."""
    without_cuts = tmp_path / "static"
    shutil.copytree(ROOT / "static", without_cuts, ignore=shutil.ignore_patterns("fonts"))
    collected = collect_static(without_cuts)
    [stylesheet] = [p for p in (collected / "document").glob("gbt9704.*.css") if re.search(HASHED, p.name)]
    assert 'url("../fonts/noto-serif-sc-bold-gb2312.otf")' in stylesheet.read_text()
    assert not (collected / "fonts").exists()
    pdf = read_pdf(render_pdf(report))
    assert len(pdf.pages) >= 5
    assert [url for url in fetched["refused"] if "/fonts/" not in url] == []  # only the missing cuts
    assert font_names(pdf)  # the text is printed in the installed CJK fonts
