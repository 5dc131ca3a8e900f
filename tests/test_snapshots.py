"""Snapshots (issue 15): listed in the history with who, when and why; shown as the document without
touching the live report; compared with the current text; restored into a draft, the replaced text kept."""

import datetime

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from reports import snapshots, workflow
from reports.models import AuditEntry, Item, Organ, Report, ReportEvent, Section, Snapshot
from reports.rendering.document import report_to_text
from reports.snapshots import (
    RestoreConflict,
    RestoreRefused,
    restore_snapshot,
    snapshot_content,
    snapshot_document,
    snapshot_structure,
)
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(district):
    return Indicator.objects.create(
        district=district, code="screened", name="排查矛盾纠纷", unit="件", category="other", first_year=2020
    )


@pytest.fixture
def old(report, indicator, staff):
    """The report as written, then a snapshot of it; then the text and the sheet changed."""
    report.title = "关于2025年度法治政府建设情况的报告"
    report.addressee = "区委、区政府："
    report.preamble = "现将有关情况报告如下："
    report.signing_date = datetime.date(2026, 2, 20)
    report.save()
    Organ.objects.create(report=report, role=Organ.Role.SIGNING, position=0, name="城西街道办事处")
    add_section(report, items=2)
    Item.objects.filter(section__report=report, position=1).update(
        style=Item.Style.ENUMERATED, joins_previous=True
    )
    IndicatorValue.objects.create(report=report, indicator=indicator, value=1705)
    snapshot = Snapshot.objects.create(
        report=report, version=report.version, created_by=staff, content=snapshot_content(report)
    )
    ReportEvent.objects.create(
        report=report,
        action="submit",
        from_status="draft",
        to_status="submitted",
        user=staff,
        snapshot=snapshot,
    )
    written = report_to_text(report)
    report.title = "新标题"
    report.version += 1
    report.save()
    Item.objects.filter(section__report=report, position=0).update(body="改过的正文。")
    Section.objects.create(report=report, position=1, heading="新加的部分")
    IndicatorValue.objects.filter(report=report).update(value=1)
    return snapshot, written


def test_restoring_puts_back_the_text_and_the_sheet_and_keeps_what_it_replaced(report, staff, old, indicator):
    snapshot, written = old
    replaced = report_to_text(report)
    version = report.version
    before = restore_snapshot(report, staff, snapshot, base_version=version)

    report = Report.objects.get(pk=report.pk)
    assert report_to_text(report) == written
    assert report.version == version + 1 and report.updated_by == staff
    assert IndicatorValue.objects.get(report=report, indicator=indicator).value == 1705
    # The text replaced is a snapshot of its own, which restores back (the restore can be undone).
    assert before.version == version and "新加的部分" in str(before.content["parts"])
    event = report.events.get(action=ReportEvent.Action.RESTORE)
    assert (
        event.user == staff
        and event.snapshot == before
        and f"恢复为{snapshot.taken}保存的快照" in event.comment
    )
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.SNAPSHOT_RESTORE, object_id=str(report.pk)
    ).exists()
    restore_snapshot(report, staff, before, base_version=report.version)
    assert report_to_text(Report.objects.get(pk=report.pk)) == replaced


def test_restoring_is_refused_when_the_report_is_locked(report, staff, leader, old):
    snapshot, _ = old
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    with pytest.raises(RestoreRefused, match="内容已锁定"):
        restore_snapshot(report, staff, snapshot, base_version=report.version)
    assert Report.objects.get(pk=report.pk).title == "新标题"
    assert not ReportEvent.objects.filter(action=ReportEvent.Action.RESTORE).exists()
    assert Snapshot.objects.count() == 1


def test_restoring_is_refused_for_someone_who_may_not_edit(report, district_officer, outsider, old):
    snapshot, _ = old
    for user in (district_officer, outsider):
        with pytest.raises(RestoreRefused):
            restore_snapshot(report, user, snapshot, base_version=report.version)
    assert Report.objects.get(pk=report.pk).title == "新标题" and Snapshot.objects.count() == 1


def test_restoring_over_a_save_made_meanwhile_is_a_conflict(report, staff, old):
    snapshot, _ = old
    with pytest.raises(RestoreConflict):
        restore_snapshot(report, staff, snapshot, base_version=report.version - 1)
    assert Report.objects.get(pk=report.pk).title == "新标题"


def test_a_snapshot_of_the_printed_text_only_is_read_back_and_restored(report, staff, old, indicator):
    """Snapshots taken before the structure was kept have the printed text: the parser reads it back."""
    snapshot, _ = old
    snapshot.content.pop("structure")
    snapshot.save()
    structure = snapshot_structure(snapshot)
    assert structure["sections"][0]["heading"] == "主要举措" and "values" not in structure
    restore_snapshot(report, staff, snapshot, base_version=report.version)
    report = Report.objects.get(pk=report.pk)
    assert report.title == "关于2025年度法治政府建设情况的报告" and report.sections.count() == 1
    assert IndicatorValue.objects.get(report=report, indicator=indicator).value == 1  # the sheet untouched


def test_the_snapshot_document_is_built_without_touching_the_live_report(report, old):
    snapshot, _ = old
    shown = snapshot_document(report, snapshot)
    assert shown.report.title == "关于2025年度法治政府建设情况的报告"
    assert [s.heading for s in shown.sections] == ["主要举措"]
    assert [v.value for v in shown.values] == [1705]
    report.refresh_from_db()
    assert report.title == "新标题" and report.sections.count() == 2


# --- The pages ------------------------------------------------------------------------------------------


def test_the_history_lists_each_snapshot_with_who_when_and_why(client, report, staff, leader, old):
    snapshot, _ = old
    client.force_login(staff)
    html = client.get(reverse("reports:history", args=[report.pk])).content.decode()
    assert 'id="snapshots"' in html and snapshot.taken in html and f"第{snapshot.version}版" not in html
    assert "提交审核时的内容" in html and staff.first_name in html
    assert reverse("reports:snapshot", args=[report.pk, snapshot.pk]) in html
    assert reverse("reports:snapshot-changes", args=[report.pk, snapshot.pk]) in html
    assert reverse("reports:snapshot-restore", args=[report.pk, snapshot.pk]) in html
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    client.force_login(leader)
    html = client.get(reverse("reports:history", args=[report.pk])).content.decode()
    assert (
        reverse("reports:snapshot-restore", args=[report.pk, snapshot.pk]) not in html
    )  # locked: no restore


def test_a_snapshot_is_shown_as_the_document(client, report, staff, old):
    snapshot, _ = old
    client.force_login(staff)
    html = client.get(reverse("reports:snapshot", args=[report.pk, snapshot.pk])).content.decode()
    assert "关于2025年度法治政府建设情况的报告" in html and "新标题" not in html
    assert "新加的部分" not in html and "正文1。" in html
    assert "不是报告的当前内容" in html and "提交审核时的内容" in html
    assert "1705" in html  # the attachment's indicator table, from the snapshot's values
    assert 'class="sheet"' in html  # the document template of the preview


def test_a_snapshot_is_compared_with_the_current_text(client, report, staff, old):
    snapshot, _ = old
    client.force_login(staff)
    page = client.get(reverse("reports:snapshot-changes", args=[report.pk, snapshot.pk]))
    html = page.content.decode()
    assert f"快照（{snapshot.taken} 保存" in html and f"第{snapshot.version}版" not in html
    assert "新加的部分" in html
    assert page.context["comparison"].changed
    assert ("排查矛盾纠纷", "1705件", "1件") in page.context["comparison"].indicators


def test_restoring_asks_first_then_opens_the_editor_on_the_restored_text(client, report, staff, old):
    snapshot, written = old
    client.force_login(staff)
    url = reverse("reports:snapshot-restore", args=[report.pk, snapshot.pk])
    page = client.get(url)
    assert "确定要把报告恢复为" in page.content.decode()
    assert report_to_text(Report.objects.get(pk=report.pk)) != written  # the page changed nothing
    response = client.post(url, {"base_version": report.version})
    assert response.status_code == 302 and response.url == reverse("reports:edit", args=[report.pk])
    assert report_to_text(Report.objects.get(pk=report.pk)) == written
    editor = client.get(response.url).content.decode()
    assert f"已恢复为{snapshot.taken}保存的快照" in editor and "正文1。" in editor


def test_a_restore_posted_from_a_stale_page_changes_nothing(client, report, staff, old):
    snapshot, _ = old
    client.force_login(staff)
    url = reverse("reports:snapshot-restore", args=[report.pk, snapshot.pk])
    response = client.post(url, {"base_version": report.version - 1})
    assert response.status_code == 302 and response.url == url
    assert "已被修改" in client.get(url).content.decode()
    assert Report.objects.get(pk=report.pk).title == "新标题"


def test_a_submission_is_restored_after_it_comes_back(report, staff, leader, old):
    """The journey: submit, return, restore the submitted version into the returned draft."""
    snapshot, written = old
    add_section(report, heading="其他", items=1)
    event = submit(staff, Report.objects.get(pk=report.pk))
    workflow.perform(leader, Report.objects.get(pk=report.pk), "return", "请补充")
    report = Report.objects.get(pk=report.pk)
    restore_snapshot(report, staff, snapshot, base_version=report.version)
    assert report_to_text(Report.objects.get(pk=report.pk)) == written
    assert event.snapshot is not None


def test_the_return_reason_stays_the_return_after_a_restore(report, staff, leader, old):
    snapshot, _ = old
    submit(staff, Report.objects.get(pk=report.pk))
    workflow.perform(leader, Report.objects.get(pk=report.pk), "return", "请补充数据")
    report = Report.objects.get(pk=report.pk)
    restore_snapshot(report, staff, snapshot, base_version=report.version)
    assert report.return_event().comment == "请补充数据"


def test_a_kept_comparison_is_only_ever_of_the_same_two_contents():
    """``compare`` keeps its results per digest of what it reads (issue 13): another text, another part
    or another indicator display is another comparison."""
    old = {
        "version": 1,
        "parts": [{"key": "header", "title": "版头", "text": "共调解纠纷12件"}],
        "indicators": {},
    }
    new = {"parts": [{"key": "header", "title": "版头", "text": "共调解纠纷13件"}], "indicators": {}}
    first = snapshots.compare(old, new)
    assert snapshots.compare(old, new) is first and first.changed
    same = {"parts": [{"key": "header", "title": "版头", "text": "共调解纠纷12件"}], "indicators": {}}
    assert not snapshots.compare(old, same).changed
    shown = {**same, "indicators": {"7": {"name": "调解", "display": "12件"}}}
    assert snapshots.compare(old, shown).indicators == [("调解", "（空）", "12件")]
    assert snapshots.compare(None, same).changed and not snapshots.compare(same, same).changed


def test_the_pieces_are_written_as_the_templates_loop_wrote_them():
    from django.template import Context, Template

    from reports.templatetags.review_tags import diff_html

    loop = Template(
        '{% for op, text in pieces %}{% if op == "insert" %}<ins class="diff-insert">{{ text }}</ins>'
        '{% elif op == "delete" %}<del class="diff-delete">{{ text }}</del>{% else %}<span>{{ text }}</span>'
        "{% endif %}{% endfor %}"
    )
    pieces = snapshots.character_diff(
        "共<调解>纠纷12件，“办结”率" + "甲" * 80, "共<调解>纠纷13件&，办结率" + "甲" * 80
    )
    assert {op for op, _ in pieces} == {"equal", "insert", "delete"}
    assert diff_html(pieces) == loop.render(Context({"pieces": pieces})) and "&lt;调解&gt;" in diff_html(
        pieces
    )
