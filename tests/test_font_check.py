"""The system check warns when the PDF's fonts are missing and names the Debian package."""

import subprocess

from reports import checks


def _fc_list(monkeypatch, stdout=None, error=None):
    def fake_run(args, **kwargs):
        assert args[:2] == ["fc-list", ":lang=zh"]
        if error:
            raise error
        return subprocess.CompletedProcess(args, 0, stdout=stdout, stderr="")

    monkeypatch.setattr(checks.subprocess, "run", fake_run)


def test_no_cjk_font(monkeypatch):
    _fc_list(monkeypatch, stdout="")
    [warning] = checks.check_cjk_fonts()
    assert warning.id == "reports.W001"
    assert "apt-get install fonts-noto-cjk fonts-arphic-gkai00mp" in warning.hint


def test_no_fontconfig_at_all(monkeypatch):
    _fc_list(monkeypatch, error=FileNotFoundError("fc-list"))
    assert [w.id for w in checks.check_cjk_fonts()] == ["reports.W001"]


def test_no_kaiti(monkeypatch):
    _fc_list(monkeypatch, stdout="Noto Serif CJK SC,Noto Serif CJK SC Bold\nNoto Sans CJK SC\n")
    [warning] = checks.check_cjk_fonts()
    assert warning.id == "reports.W002"
    assert "fonts-arphic-gkai00mp" in warning.hint


def test_all_fonts_present(monkeypatch):
    _fc_list(monkeypatch, stdout="AR PL KaitiM GB,文鼎ＰＬ简中楷\nNoto Serif CJK SC\n")
    assert checks.check_cjk_fonts() == []


def test_the_checks_are_registered():
    from django.core.checks import registry

    assert checks.check_cjk_fonts in registry.registry.get_checks()
    assert checks.check_cut_fonts in registry.registry.get_checks()
    assert checks.check_fangsong_font in registry.registry.get_checks()


def test_the_fonts_cut_by_make_are_there():
    assert checks.check_cut_fonts() == []


def test_a_font_not_cut_says_which_and_how_to_make_it(monkeypatch):
    monkeypatch.setattr(checks, "CUT_FONTS", (checks.CUT_FONTS[0], "fonts/not-made.ttf"))
    [warning] = checks.check_cut_fonts()
    assert warning.id == "reports.W003"
    assert "static/fonts/not-made.ttf" in warning.msg and checks.CUT_FONTS[0] not in warning.msg
    assert "make setup" in warning.hint


def test_no_fangsong_when_neither_the_official_font_nor_the_cut_is_there(monkeypatch):
    monkeypatch.setattr(checks, "FANGSONG_CUT", "fonts/not-made.otf")
    _fc_list(monkeypatch, stdout="AR PL SungtiL GB\nAR PL KaitiM GB\n")
    [warning] = checks.check_fangsong_font()
    assert warning.id == "reports.W005"
    assert "宋体" in warning.msg and "texlive-lang-chinese" in warning.hint and "仿宋_GB2312" in warning.hint


def test_the_official_fangsong_alone_is_enough(monkeypatch):
    monkeypatch.setattr(checks, "FANGSONG_CUT", "fonts/not-made.otf")
    _fc_list(monkeypatch, stdout="仿宋_GB2312,FangSong_GB2312\n")
    assert checks.check_fangsong_font() == []


def test_the_fangsong_cut_made_by_make_is_enough(monkeypatch):
    _fc_list(monkeypatch, stdout="AR PL SungtiL GB\n")
    assert checks.check_fangsong_font() == []


def test_fandolfang_installed_whole_is_enough(monkeypatch):
    monkeypatch.setattr(checks, "FANGSONG_CUT", "fonts/not-made.otf")
    _fc_list(monkeypatch, stdout="FandolFang,FandolFang R\n")
    assert checks.check_fangsong_font() == []
