import difflib

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import snapshots, workflow
from reports.models import Notice, Report, ReportEvent, ReviewComment
from tests.editor_helpers import add_section, editor_data
from tests.workflow_helpers import submit


@pytest.fixture
def submitted(report, staff):
    add_section(report, items=2)
    submit(staff, report)
    return report


def detail(report):
    return reverse("reports:detail", args=[report.pk])


def test_the_leader_sees_the_actions_for_a_submitted_report(client, leader, submitted):
    client.force_login(leader)
    content = client.get(detail(submitted)).content.decode()
    assert "审核通过" in content and "退回修改" in content
    assert "提交审核" not in content


def test_staff_see_no_review_buttons(client, staff, submitted):
    client.force_login(staff)
    content = client.get(detail(submitted)).content.decode()
    assert "审核通过" not in content


def test_returning_without_a_reason_is_refused_with_a_message(client, leader, submitted):
    client.force_login(leader)
    response = client.post(
        reverse("reports:act", args=[submitted.pk, "return"]), {"comment": ""}, follow=True
    )
    assert "“退回修改”需要填写理由" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_a_comment_on_an_item_reaches_the_editor_beside_that_item(client, staff, leader, submitted):
    item = submitted.sections.first().items.first()
    client.force_login(leader)
    client.post(
        reverse("reports:comment", args=[submitted.pk]),
        {"body": "请补充具体数据", "target": f"item-{item.pk}"},
    )
    client.post(reverse("reports:act", args=[submitted.pk, "return"]), {"comment": "见意见"})

    client.force_login(staff)
    content = client.get(reverse("reports:edit", args=[submitted.pk])).content.decode()
    item_card = content[content.index(f'id="item-{item.pk}"') :]
    assert item_card.index("请补充具体数据") < item_card.index("小标题")

    # Resolving from the editor saves the text too.
    comment = ReviewComment.objects.get()
    data = editor_data(submitted, op=f"resolve-comment:{comment.pk}", **{f"i{item.pk}-body": "补充了数据。"})
    client.post(reverse("reports:edit", args=[submitted.pk]), data)
    comment.refresh_from_db()
    item.refresh_from_db()
    assert comment.is_resolved and item.body == "补充了数据。"


def test_comments_thread_and_can_be_resolved_and_reopened(client, staff, leader, submitted):
    client.force_login(leader)
    client.post(reverse("reports:comment", args=[submitted.pk]), {"body": "总体意见"})
    comment = ReviewComment.objects.get()
    client.force_login(staff)
    client.post(
        reverse("reports:comment", args=[submitted.pk]), {"body": "已按意见修改", "parent": comment.pk}
    )
    assert comment.replies.get().body == "已按意见修改"
    resolve = reverse("reports:comment-resolve", args=[submitted.pk, comment.pk])
    client.post(resolve)
    comment.refresh_from_db()
    assert comment.is_resolved
    client.post(resolve)
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_a_comment_cannot_target_another_reports_item(client, leader, submitted, other_unit):
    foreign = add_section(Report.objects.create(unit=other_unit, year=2025), items=1).items.first()
    client.force_login(leader)
    response = client.post(
        reverse("reports:comment", args=[submitted.pk]), {"body": "x", "target": f"item-{foreign.pk}"}
    )
    assert response.status_code == 404


def test_the_changes_page_shows_exactly_what_changed_since_my_last_review(client, staff, leader, submitted):
    item = submitted.sections.first().items.first()
    client.force_login(leader)
    client.post(reverse("reports:act", args=[submitted.pk, "return"]), {"comment": "改一下"})
    client.force_login(staff)
    client.post(
        reverse("reports:edit", args=[submitted.pk]),
        editor_data(submitted, **{f"i{item.pk}-body": "正文一。"}),
    )
    client.post(reverse("reports:act", args=[submitted.pk, "submit"]))

    client.force_login(leader)
    content = client.get(reverse("reports:changes", args=[submitted.pk])).content.decode()
    assert '<del class="diff-delete">1</del><ins class="diff-insert">一</ins>' in content
    assert content.count("diff-part") == 1  # only the changed section


def test_changes_since_approval_without_an_approval_show_everything(client, leader, submitted):
    client.force_login(leader)
    content = client.get(reverse("reports:changes", args=[submitted.pk]) + "?since=approved").content.decode()
    assert "还没有审核通过过" in content


def test_history_lists_transitions_comments_and_saves(client, staff, leader, submitted):
    client.force_login(leader)
    client.post(reverse("reports:comment", args=[submitted.pk]), {"body": "一条意见"})
    client.post(reverse("reports:act", args=[submitted.pk, "return"]), {"comment": "请修改"})
    client.force_login(staff)
    client.post(reverse("reports:edit", args=[submitted.pk]), editor_data(submitted))
    content = client.get(reverse("reports:history", args=[submitted.pk])).content.decode()
    for text in ["提交审核", "退回修改", "请修改", "一条意见", "保存修改", "待审核 → 已退回"]:
        assert text in content


def test_the_home_page_lists_what_waits_for_each_role(client, staff, leader, district_officer, submitted):
    client.force_login(leader)
    content = client.get("/").content.decode()
    assert "待我审核的报告" in content and f'href="/reports/{submitted.pk}/"' in content
    client.force_login(district_officer)
    content = client.get("/").content.decode()
    assert "待区级接收的报告" in content and "尚未报送的单位" in content and "城西街道" in content


def test_notices_are_listed_and_marked_read_only_on_post(client, leader, submitted):
    client.force_login(leader)
    assert 'id="unread-notices">1<' in client.get("/").content.decode()
    content = client.get(reverse("reports:notices")).content.decode()
    assert "提交审核" in content and "未读" in content
    assert 'id="unread-notices">1<' in client.get("/").content.decode()  # looking changes nothing
    assert client.get(reverse("reports:notices-read")).status_code == 405
    response = client.post(reverse("reports:notices-read"))
    assert response.url == reverse("reports:notices")
    assert 'id="unread-notices"' not in client.get("/").content.decode()
    assert not Notice.objects.filter(user=leader, read_at__isnull=True).exists()


def test_a_comment_sends_a_notice_to_the_unit_but_not_to_its_writer(client, staff, leader, submitted):
    client.force_login(leader)
    client.post(reverse("reports:comment", args=[submitted.pk]), {"body": "第二部分请补充数据"})
    assert Notice.objects.filter(user=staff, message__contains="第二部分请补充数据").exists()
    assert not Notice.objects.filter(user=leader, message__contains="第二部分请补充数据").exists()
    comment = ReviewComment.objects.get(body="第二部分请补充数据")
    client.force_login(staff)
    client.post(reverse("reports:comment", args=[submitted.pk]), {"body": "已补充", "parent": comment.pk})
    assert Notice.objects.filter(user=leader, message__contains="回复了意见：已补充").exists()
    assert not Notice.objects.filter(user=staff, message__contains="已补充").exists()


def test_an_action_returns_to_the_page_it_came_from_but_never_off_site(client, leader, submitted):
    client.force_login(leader)
    url = reverse("reports:act", args=[submitted.pk, "return"])
    response = client.post(url, {"comment": "改", "next": "/district/2025/?status=approved"})
    assert response.url == "/district/2025/?status=approved"
    client.post(reverse("reports:act", args=[submitted.pk, "submit"]))
    response = client.post(url, {"comment": "改", "next": "https://evil.example/"})
    assert response.url == f"/reports/{submitted.pk}/"


def test_history_and_comments_show_rows_without_a_person_and_keep_a_deactivated_users_name(
    client, leader, submitted, django_user_model
):
    """Events written by load_demo or import_report have no user; a user who left is deactivated (never
    deleted: the history's user keys are PROTECT) and their rows keep their name."""
    ReportEvent.objects.create(
        report=submitted, action=ReportEvent.Action.IMPORT, from_status="draft", to_status="draft", user=None
    )
    gone = django_user_model.objects.create_user("gone", first_name="钱离职")
    ReviewComment.objects.create(report=submitted, author=gone, body="离职前的意见")
    ReportEvent.objects.create(
        report=submitted, action=ReportEvent.Action.SAVE, from_status="draft", to_status="draft", user=gone
    )
    gone.is_active = False
    gone.save()
    client.force_login(leader)
    history = client.get(reverse("reports:history", args=[submitted.pk]))
    assert history.status_code == 200
    content = history.content.decode()
    assert "导入文档" in content and "系统" in content and "钱离职" in content
    detail = client.get(reverse("reports:detail", args=[submitted.pk]))
    assert detail.status_code == 200 and "离职前的意见" in detail.content.decode()


def test_staff_see_why_their_report_came_back_on_its_page_and_in_the_editor(client, staff, leader, submitted):
    client.force_login(leader)
    client.post(reverse("reports:act", args=[submitted.pk, "return"]), {"comment": "第三部分缺少具体数据"})
    client.force_login(staff)
    for page in ("reports:detail", "reports:edit"):
        content = client.get(reverse(page, args=[submitted.pk])).content.decode()
        assert 'id="return-reason"' in content, page
        assert "第三部分缺少具体数据" in content and "李审核" in content, page
    client.post(reverse("reports:act", args=[submitted.pk, "submit"]))
    assert (
        'id="return-reason"'
        not in client.get(reverse("reports:detail", args=[submitted.pk])).content.decode()
    )


def test_a_long_return_reason_is_kept_whole_and_noticed_in_short(client, staff, leader, submitted):
    """Issue 15 #11: on PostgreSQL a 400-character reason was a 500 (the notice holds 300)."""
    reason = "请补充数据。" * 70
    client.force_login(leader)
    response = client.post(reverse("reports:act", args=[submitted.pk, "return"]), {"comment": reason})
    assert response.status_code == 302
    assert ReportEvent.objects.get(report=submitted, action=ReportEvent.Action.RETURN).comment == reason
    notice = Notice.objects.get(user=staff, message__contains="退回修改")
    assert len(notice.message) == 300 and notice.message.endswith("…")


@pytest.mark.parametrize("text", ["", "短", "一二三四五六七八九十" * 20])
def test_an_unchanged_part_diffs_as_the_matcher_would_say(text):
    """character_diff's shortcut for equal texts gives what difflib gives (issue 13)."""
    matcher = difflib.SequenceMatcher(None, text, text, autojunk=False)
    expected = [
        ("equal", snapshots._shorten(text[i1:i2], first=n == 0, last=i2 == len(text)))
        for n, (_tag, i1, i2, _j1, _j2) in enumerate(matcher.get_opcodes())
    ]
    assert snapshots.character_diff(text, text) == expected


def test_a_user_moved_to_another_unit_no_longer_sees_the_old_units_notices(
    client, staff, submitted, leader, other_unit
):
    """Issue 14: notices follow the user's current memberships, not the unit they were in when notified."""
    workflow.perform(leader, submitted, "return", "第三部分的数字与指标表不一致")
    client.force_login(staff)
    assert "第三部分的数字与指标表不一致" in client.get(reverse("reports:notices")).content.decode()
    assert 'id="unread-notices">1<' in client.get("/").content.decode()

    staff.memberships.update(unit=other_unit)  # moved to another 街道
    page = client.get(reverse("reports:notices")).content.decode()
    assert "第三部分的数字与指标表不一致" not in page and "没有通知。" in page
    assert 'id="unread-notices"' not in client.get("/").content.decode()
    assert Notice.objects.filter(user=staff).count() == 1  # kept, for when they move back


def test_the_district_office_keeps_seeing_notices_about_its_districts_units(
    client, district_officer, submitted, leader, staff
):
    workflow.perform(leader, submitted, "approve")
    notices = Notice.objects.visible_to(district_officer)
    assert notices.count() == Notice.objects.filter(user=district_officer).count() >= 1


def test_the_navigations_notice_count_is_read_afresh_for_whom_the_user_acts(rf, unit, other_unit, report):
    """Its SQL is built once per user and acting unit (reports/views/notices.py); the rows it counts are
    read on every request, and another acting unit is another query."""
    from reports.models import Membership
    from reports.views.notices import unread_notices
    from tests.conftest import make_user

    person = make_user("two-units", unit, Membership.Role.STAFF)
    Membership.objects.create(user=person, unit=other_unit, role=Membership.Role.STAFF)
    request = rf.get("/")
    request.user = person

    def count(acting_unit_id=None):
        person.acting_unit_id = acting_unit_id
        return unread_notices(request)["unread_notices"]

    assert count() == 0
    Notice.objects.create(user=person, report=report, message="退回")
    assert count() == 1 and count(unit.pk) == 1 and count(other_unit.pk) == 0
    Notice.objects.create(user=person, unit=other_unit, message="催报")
    assert count() == 2 and count(other_unit.pk) == 1
    Notice.objects.filter(user=person).update(read_at=timezone.now())
    assert count() == 0 and count(unit.pk) == 0
    Membership.objects.filter(user=person, unit=unit).delete()  # moved away: the old unit's notices go
    Notice.objects.filter(user=person).update(read_at=None)
    assert count() == 1 and count(unit.pk) == 0


# --- The document written in Python (issue 13) ------------------------------------------------------------

# The block loop of templates/reports/detail.html as it was, before reports/templatetags/review_tags.py.
TEMPLATE_BLOCKS = """{% load report_tags %}    {% for block in blocks %}
      <div class="review-block kind-{{ block.kind }} level-{{ block.level }}" {% if block.anchor %}id="{{ block.anchor }}"{% endif %}>
        <div class="review-text">{% for run in block.runs %}<span class="run-{{ run.role }}">{{ run.text }}</span>{% endfor %}</div>
        {% if block.anchor %}
          {% for comment in threads|lookup:block.anchor %}{% include "reports/_thread.html" with next=here %}{% endfor %}
          {% include "reports/_new_comment.html" with target=block.anchor next=here %}
        {% endif %}
      </div>
    {% endfor %}
"""


def test_the_document_is_written_as_the_template_wrote_it(client, staff, leader, submitted):
    from django.template import Context, Template

    from reports import actions

    section = submitted.sections.first()
    item = section.items.first()
    section.heading = "依法<行政>&“决策”"
    section.save()
    first = actions.add_comment(submitted, leader, "这一条<请>补充", item=item, section=section)
    actions.add_comment(submitted, staff, "已补充", item=item, section=section, parent=first)
    actions.add_comment(submitted, leader, "标题再斟酌", section=section)
    actions.add_comment(submitted, leader, "整体意见")
    client.force_login(leader)
    page = client.get(detail(submitted))
    values = {key: page.context[key] for key in ("blocks", "threads", "report")}
    assert len(values["threads"]) == 3 and any(not block.anchor for block in values["blocks"])

    def render(source):
        return Template(source).render(
            Context({**values, "here": detail(submitted) + "?a=1&b=2", "csrf_token": "tok<&>en"})
        )

    old = render(TEMPLATE_BLOCKS)
    new = render("{% load review_tags %}    {% review_blocks blocks threads here %}\n")
    assert old == new
    assert "依法&lt;行政&gt;&amp;“决策”" in new and "这一条&lt;请&gt;补充" in new and "已补充" in new
    assert new.count('class="new-comment') == len([b for b in values["blocks"] if b.anchor])
    assert 'value="tok&lt;&amp;&gt;en"' in new and "?a=1&amp;b=2" in new


def test_the_leader_reviewing_reads_the_submitters_note_and_it_is_a_note_not_a_reason(
    client, staff, leader, report
):
    """The submit form asks for a 说明（可不填）: the leader sees it on the page he reviews from, and the
    notice and the history call it 说明; only a return's comment is a 理由."""
    add_section(report, items=2)
    submit(staff, report, comment="第二部分的数据待区统计局核实后再补。")
    client.force_login(leader)
    content = client.get(detail(report)).content.decode()
    assert 'id="submit-note"' in content and "第二部分的数据待区统计局核实后再补。" in content
    notice = Notice.objects.get(user=leader, message__contains="提交审核")
    assert "说明：第二部分的数据待区统计局核实后再补。" in notice.message and "理由" not in notice.message
    history = client.get(reverse("reports:history", args=[report.pk])).content.decode()
    assert "说明：第二部分的数据待区统计局核实后再补。" in history
    assert "理由：第二部分" not in history

    client.post(reverse("reports:act", args=[report.pk, "return"]), {"comment": "请补充数据"})
    history = client.get(reverse("reports:history", args=[report.pk])).content.decode()
    assert "理由：请补充数据" in history
    client.force_login(staff)
    assert 'id="submit-note"' not in client.get(detail(report)).content.decode()  # returned: no longer


def test_no_note_box_when_the_submitter_wrote_none(client, staff, leader, submitted):
    client.force_login(leader)
    assert 'id="submit-note"' not in client.get(detail(submitted)).content.decode()


def test_staff_of_a_unit_with_no_leader_are_told_before_submitting_that_nobody_could_approve(
    client, staff, report, django_user_model
):
    """A unit whose 审核领导 is not set up yet (the demo's 区司法局): a submission would wait for nobody."""
    add_section(report, items=1)
    client.force_login(staff)
    content = client.get(detail(report)).content.decode()
    assert 'id="no-reviewer"' in content and "还没有审核领导" in content


def test_no_such_warning_where_a_leader_can_review(client, staff, leader, report):
    add_section(report, items=1)
    client.force_login(staff)
    assert 'id="no-reviewer"' not in client.get(detail(report)).content.decode()
