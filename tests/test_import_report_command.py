"""``manage.py import_report``: a summary first, then the draft, and Chinese errors for what can go wrong."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report
from tests.docx_helpers import seed_docx

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "reports" / "demo_data" / "chengxi-2024-report.txt"


def run(*args):
    out = StringIO()
    call_command("import_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "城西街道2024.txt"
    shutil.copy(SEED, path)
    return path


def test_dry_run_prints_the_summary_and_creates_nothing(seed_file, unit):
    output = run(str(seed_file), "--unit", "chengxi", "--year", "2024", "--dry-run")
    assert "发文机关：中共黔江区城西街道工作委员会、黔江区人民政府城西街道办事处" in output
    assert "发文字号：（无）" in output
    assert "标题：关于2024年度法治政府建设情况的报告" in output
    assert "主送机关：（无）" in output
    assert "导语：1段" in output
    assert "一、工作成效〔工作成效〕 3条" in output
    assert "二、主要举措〔主要举措〕 6条" in output
    assert "三、2024年推进法治政府建设存在的不足和原因〔存在的不足和原因〕 1条" in output
    assert "四、2025年推进法治政府建设的工作思路和目标举措〔下一年度工作思路和打算〕 3条" in output
    assert "成文日期：（无）" in output
    assert "试运行：未写入数据库" in output
    assert not Report.objects.exists()


def test_real_run_creates_the_draft(seed_file, unit):
    output = run(str(seed_file), "--unit", "chengxi", "--year", "2024")
    report = Report.objects.get(unit=unit, year=2024)
    assert report.status == Report.Status.DRAFT
    assert report.sections.count() == 4
    assert f"已创建草稿：城西街道 2024年度报告（编号 {report.pk}）" in output


def test_summary_shows_signature_and_warnings(tmp_path, unit):
    path = tmp_path / "report.txt"
    path.write_text(
        "关于2025年度法治政府建设情况的报告\n一、主要举措\n（一）完善制度。制定规则。\n（三）强化监督。检查8次。\n"
        "黔江区人民政府城西街道办事处\n2026年2月20日\n",
        encoding="utf-8",
    )
    output = run(str(path), "--unit", "chengxi", "--year", "2025", "--dry-run")
    assert "署名机关：黔江区人民政府城西街道办事处" in output
    assert "成文日期：2026年2月20日" in output
    assert "提示（1条）：" in output
    assert "（三）强化监督" in output


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_reads_bom_utf8_and_gb18030_files(tmp_path, unit, encoding):
    path = tmp_path / "report.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding=encoding)
    run(str(path), "--unit", "chengxi", "--year", "2024")
    report = Report.objects.get(unit=unit, year=2024)
    assert report.issuing_organs[0].name == "中共黔江区城西街道工作委员会"


def test_year_differing_from_the_title_is_pointed_out(seed_file, unit):
    output = run(str(seed_file), "--unit", "chengxi", "--year", "2025", "--dry-run")
    assert "注意：标题中的年份（2024）与 --year 2025 不一致" in output


def test_unknown_unit_is_a_command_error(seed_file, unit):
    with pytest.raises(CommandError, match="未找到编码为“nowhere”的单位"):
        run(str(seed_file), "--unit", "nowhere", "--year", "2024")


def test_missing_file_is_a_command_error(tmp_path, unit):
    with pytest.raises(CommandError, match="文件不存在"):
        run(str(tmp_path / "missing.txt"), "--unit", "chengxi", "--year", "2024")


def test_empty_file_is_a_command_error(tmp_path, unit):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\n", encoding="utf-8")
    with pytest.raises(CommandError, match="文件为空"):
        run(str(path), "--unit", "chengxi", "--year", "2024")


def test_a_word_document_is_imported_like_its_text(tmp_path, unit):
    path = tmp_path / "城西街道2024.docx"
    path.write_bytes(seed_docx())
    output = run(str(path), "--unit", "chengxi", "--year", "2024")
    report = Report.objects.get(unit=unit, year=2024)
    assert report.title == "关于2024年度法治政府建设情况的报告"
    assert [s.heading for s in report.sections.all()][:2] == ["工作成效", "主要举措"]
    assert "二、主要举措〔主要举措〕 6条" in output


def test_a_broken_word_document_is_a_command_error(tmp_path, unit):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK")
    with pytest.raises(CommandError, match="文件已损坏"):
        run(str(path), "--unit", "chengxi", "--year", "2024")
    assert not Report.objects.exists()


def test_other_files_are_refused(tmp_path, unit):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(CommandError, match=r"只支持 \.docx 和 \.txt"):
        run(str(path), "--unit", "chengxi", "--year", "2024")


def test_existing_report_is_a_command_error_and_is_left_alone(seed_file, unit):
    Report.objects.create(unit=unit, year=2024, title="原有报告")
    with pytest.raises(CommandError, match="城西街道2024年度报告已存在"):
        run(str(seed_file), "--unit", "chengxi", "--year", "2024")
    assert Report.objects.get(unit=unit, year=2024).title == "原有报告"


def test_dry_run_warns_when_the_report_already_exists(seed_file, unit):
    Report.objects.create(unit=unit, year=2024)
    output = run(str(seed_file), "--unit", "chengxi", "--year", "2024", "--dry-run")
    assert "注意：城西街道2024年度报告已存在，正式导入将失败" in output
