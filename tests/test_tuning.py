"""The performance tricks of reports/rendering/tuning.py: applied by ``ReportsConfig.ready()`` and not by
importing the rendering code; the garbage collected after every render, frozen after the first; and the
system check of what ``DocumentHTML`` relies on in WeasyPrint's ``HTML``."""

import os
import subprocess
import sys
import types
import zlib
from pathlib import Path

import pydyf
import pytest
import weasyprint
from django.core.checks import Error
from django.core.checks import registry as check_registry

from reports import checks
from reports.rendering import tuning
from reports.rendering.pdf import DocumentHTML

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: which zlib pydyf has once Django is set up and the rendering code imported.
PROBE = """
import sys
import zlib

import django
import pydyf
from reports.rendering import tuning

if sys.argv[1] == "without-apply":
    tuning.apply = lambda: None  # what ReportsConfig.ready() calls does nothing here
django.setup()
import reports.rendering.pdf  # noqa: E402, F401
import reports.rendering.volume  # noqa: E402, F401

print("unpatched" if pydyf.zlib is zlib else "patched" if pydyf.zlib is tuning.PYDYF_ZLIB else "other")
"""


def _pydyf_zlib_in_a_new_process(mode):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_importing_the_rendering_code_patches_nothing_apply_does():
    assert _pydyf_zlib_in_a_new_process("without-apply") == "unpatched"


def test_django_setup_applies_the_zlib_level_through_the_apps_ready():
    assert _pydyf_zlib_in_a_new_process("with-apply") == "patched"


def test_in_this_process_pydyf_compresses_at_level_1_whatever_level_it_asks(monkeypatch):
    assert pydyf.zlib is tuning.PYDYF_ZLIB  # pytest-django set Django up: ready() applied it
    tuning.apply()  # again: the same
    assert pydyf.zlib is tuning.PYDYF_ZLIB
    data = "法治政府建设年度报告".encode() * 1000
    assert pydyf.zlib.compress(data) == zlib.compress(data, 1) != zlib.compress(data, 9)
    stream = pydyf.zlib.compressobj(level=9)
    assert stream.compress(data) + stream.flush() == zlib.compress(data, 1)


@pytest.fixture
def fake_gc(monkeypatch):
    calls = []
    monkeypatch.setattr(
        tuning,
        "gc",
        types.SimpleNamespace(collect=lambda: calls.append("collect"), freeze=lambda: calls.append("freeze")),
    )
    monkeypatch.setattr(tuning, "_frozen", False)
    return calls


def test_renders_collect_the_garbage_after_each_render_and_freeze_after_the_first(fake_gc):
    @tuning.renders_pdf
    def render(fail=False):
        """Renders."""
        if fail:
            raise ValueError("排版失败")
        fake_gc.append("render")
        return b"%PDF"

    assert render.__name__ == "render" and render.__doc__ == "Renders."
    assert render() == b"%PDF"
    assert fake_gc == ["render", "collect", "freeze"]
    fake_gc.clear()
    assert render() == b"%PDF"
    with pytest.raises(ValueError):
        render(fail=True)
    assert fake_gc == ["render", "collect", "collect"]


def test_the_render_functions_are_the_tuned_ones(fake_gc, monkeypatch):
    from reports.rendering import pdf, volume

    monkeypatch.setattr(pdf, "render_html", lambda report, **extra: "<p>一</p>")
    assert pdf.render_pdf(None).startswith(b"%PDF")
    assert fake_gc == ["collect", "freeze"]
    monkeypatch.setattr(volume, "front_pdf", lambda *args: pytest.fail("laid out"))
    with pytest.raises(pytest.fail.Exception):
        volume.build_volume(None, 2024, [])
    assert fake_gc == ["collect", "freeze", "collect"]


def test_document_html_sets_what_weasyprints_html_init_sets():
    ours = DocumentHTML("<p>一</p>")
    theirs = weasyprint.HTML(string="<p>一</p>")
    assert set(vars(ours)) == set(vars(theirs)) == tuning.HTML_ATTRIBUTES
    assert ours.etree_element is ours.wrapper_element.etree_element


def test_the_installed_weasyprint_has_the_html_that_document_html_relies_on():
    assert tuning.html_contract_problems(DocumentHTML) == []
    assert checks.check_weasyprint_html() == []
    assert checks.check_weasyprint_html in check_registry.registry.get_checks()


def test_an_html_init_that_sets_other_attributes_is_an_error(monkeypatch):
    real_init = weasyprint.HTML.__init__

    def init(self, *args, **kwargs):  # as a WeasyPrint might that renamed one and added one
        real_init(self, *args, **kwargs)
        self.document_media = self.__dict__.pop("media_type")

    monkeypatch.setattr(weasyprint.HTML, "__init__", init)
    [error] = checks.check_weasyprint_html()
    assert isinstance(error, Error) and error.id == "reports.E001"
    assert "不再设置 media_type" in error.msg and "另外设置了 document_media" in error.msg
    assert f"WeasyPrint {weasyprint.__version__}" in error.msg and "DocumentHTML" in error.msg
    assert "WeasyPrint 70" in error.hint and "weasyprint>=70,<71" in error.hint


def test_an_html_without_the_user_agent_stylesheet_hook_is_an_error(monkeypatch):
    monkeypatch.delattr(weasyprint.HTML, "_ua_stylesheets")
    [error] = checks.check_weasyprint_html()
    assert error.id == "reports.E001" and "_ua_stylesheets(forms)" in error.msg


def test_a_render_that_no_longer_asks_the_hook_is_an_error(monkeypatch):
    from weasyprint import document

    real_styles = document.get_all_computed_styles

    def styles_from_weasyprints_own_sheets(html, *args, **kwargs):  # as if WeasyPrint asked no document
        html._ua_stylesheets = types.MethodType(weasyprint.HTML._ua_stylesheets, html)
        return real_styles(html, *args, **kwargs)

    monkeypatch.setattr(document, "get_all_computed_styles", styles_from_weasyprints_own_sheets)
    [error] = checks.check_weasyprint_html()
    assert error.id == "reports.E001" and "不再调用 HTML._ua_stylesheets(forms)" in error.msg


def test_a_render_that_needs_more_than_html_init_sets_is_an_error(monkeypatch):
    from weasyprint import document

    real_styles = document.get_all_computed_styles

    def styles_reading_a_new_attribute(html, *args, **kwargs):
        html.document_language  # noqa: B018  (as a WeasyPrint might whose HTML.__init__ sets more)
        return real_styles(html, *args, **kwargs)

    monkeypatch.setattr(document, "get_all_computed_styles", styles_reading_a_new_attribute)
    [error] = checks.check_weasyprint_html()
    assert (
        error.id == "reports.E001" and "document_language" in error.msg and "未经 HTML.__init__" in error.msg
    )


def test_a_layout_that_needs_weasyprints_own_user_agent_sheet_is_an_error(monkeypatch):
    from weasyprint import document

    real_layout = document.layout_document

    def layout_needing_the_own_sheet(html, *args, **kwargs):  # as WeasyPrint 68 and 69 do (@footnote)
        if type(html)._ua_stylesheets is not weasyprint.HTML._ua_stylesheets:
            raise TypeError("'NoneType' object is not subscriptable")
        return real_layout(html, *args, **kwargs)

    monkeypatch.setattr(document, "layout_document", layout_needing_the_own_sheet)
    [error] = checks.check_weasyprint_html()
    assert error.id == "reports.E001" and "document/ua.css" in error.msg and "TypeError" in error.msg
