"""催报 (issue 15, Reminders): the district office reminds, in one click, every unit that has not delivered
the year's report; staff see how long is left on their home page."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reports.deadlines import report_deadlines, reporting_year
from reports.district.actions import remind_units
from reports.models import AuditEntry, Membership, Notice, Reminder, Report, ReportEvent, ReportingYear, Unit
from tests.conftest import make_user
from tests.jobs_helpers import run_queued_jobs

YEAR = 2025


@pytest.fixture
def season(district, unit, other_unit, staff, leader, outsider):
    """城西 has a draft, 城东 has not started, 城南 has delivered (approved): two units to remind."""
    staff.email, outsider.email = "staff@example.cn", "outsider@example.cn"
    staff.save()
    outsider.save()
    chengnan = Unit.objects.create(
        code="chengnan",
        name="黔江区城南街道",
        short_name="城南街道",
        kind=Unit.Kind.SUBDISTRICT,
        parent=district,
    )
    delivered_staff = make_user("nan", chengnan, Membership.Role.STAFF, email="nan@example.cn")
    draft = Report.objects.create(unit=unit, year=YEAR)
    Report.objects.create(unit=chengnan, year=YEAR, status=Report.Status.APPROVED)
    return {"draft": draft, "delivered_staff": delivered_staff}


def test_one_click_reminds_every_unit_not_delivered_with_a_notice_an_email_and_a_history_row(
    client, season, district_officer, staff, leader, outsider, other_unit, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("district:remind", args=[YEAR]), follow=True)
    assert "已向2个单位发出催报" in response.content.decode()

    # The draft's staff and leader are told about the report; 城东, with no report yet, about the unit.
    draft = season["draft"]
    assert set(Notice.objects.filter(report=draft).values_list("user__username", flat=True)) == {
        staff.username,
        leader.username,
    }
    unit_notice = Notice.objects.get(user=outsider)
    assert unit_notice.report is None and unit_notice.unit == other_unit
    assert "【催报】" in unit_notice.message and f"{YEAR}年度" in unit_notice.message
    assert not Notice.objects.filter(user=season["delivered_staff"]).exists()

    event = ReportEvent.objects.get(report=draft, action=ReportEvent.Action.REMIND)
    assert event.user == district_officer and event.from_status == event.to_status == Report.Status.DRAFT
    assert Reminder.objects.filter(year=YEAR).count() == 2
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REMIND, user=district_officer).count() == 2

    # The e-mails go through the mail job (queued on commit, sent by the worker).
    assert mail.outbox == []
    run_queued_jobs()
    assert sorted(m.to[0] for m in mail.outbox) == ["outsider@example.cn", "staff@example.cn"]
    assert all(m.subject.startswith("【法治年报】【催报】") for m in mail.outbox)


def test_a_unit_whose_earlier_report_was_accepted_is_still_reminded_of_this_years_draft(
    client, season, district_officer, unit
):
    # 城西 delivered last year's report and has this year's in draft: still a unit not delivered (the
    # lookup across the reports read "a report of this year, and one delivered" and left it out).
    Report.objects.create(unit=unit, year=YEAR - 1, status=Report.Status.ACCEPTED)
    client.force_login(district_officer)
    response = client.post(reverse("district:remind", args=[YEAR]), follow=True)
    assert "已向2个单位发出催报" in response.content.decode()
    assert Reminder.objects.filter(year=YEAR, unit=unit).exists()


def test_the_reminded_staff_read_the_notice_and_it_leads_where_they_act(
    client, season, district_officer, outsider, other_unit
):
    remind_units(district_officer.memberships.get().unit, YEAR, district_officer)
    client.force_login(outsider)
    page = client.get(reverse("reports:notices")).content.decode()
    assert "【催报】" in page and f'href="{reverse("reports:home")}"' in page
    assert 'id="unread-notices">1<' in page


def test_a_unit_reminded_within_the_hour_is_not_reminded_again(client, season, district_officer, staff):
    client.force_login(district_officer)
    client.post(reverse("district:remind", args=[YEAR]), follow=True)
    response = client.post(reverse("district:remind", args=[YEAR]), follow=True)
    page = response.content.decode()
    assert "已向" not in page and "一小时内已催报过，本次未重复发送" in page
    assert Notice.objects.filter(user=staff).count() == 1
    # An hour later it may be sent again.
    Reminder.objects.update(sent_at=timezone.now() - datetime.timedelta(hours=1, minutes=1))
    assert (
        "已向2个单位发出催报"
        in client.post(reverse("district:remind", args=[YEAR]), follow=True).content.decode()
    )
    assert Notice.objects.filter(user=staff).count() == 2


def test_a_unit_with_nobody_to_tell_is_named(client, season, district_officer, outsider):
    outsider.is_active = False
    outsider.save()
    client.force_login(district_officer)
    page = client.post(reverse("district:remind", args=[YEAR]), follow=True).content.decode()
    assert "城东街道没有设置填报员或审核领导账号，催报无人接收" in page


def test_a_unit_with_nobody_to_tell_is_not_counted_nor_shown_as_reminded_and_is_tried_again(
    client, season, district_officer, outsider, other_unit
):
    # 城东's only account is inactive: the message counts the one unit told (城西), names 城东 apart, and
    # the board does not say 城东 was reminded; a second click (its account set up meanwhile) tells it.
    outsider.is_active = False
    outsider.save()
    client.force_login(district_officer)
    page = client.post(reverse("district:remind", args=[YEAR]), follow=True).content.decode()
    assert "已向1个单位发出催报" in page and "城东街道没有设置填报员或审核领导账号" in page
    assert not Reminder.objects.filter(unit=other_unit).exists()
    assert page.count("已催报</div>") == 1
    outsider.is_active = True
    outsider.save()
    page = client.post(reverse("district:remind", args=[YEAR]), follow=True).content.decode()
    assert "已向1个单位发出催报" in page and Notice.objects.filter(user=outsider).count() == 1


def test_a_units_staff_or_leader_cannot_remind(client, season, staff, leader):
    for user in (staff, leader):
        client.force_login(user)
        assert client.post(reverse("district:remind", args=[YEAR])).status_code == 403
    assert not Reminder.objects.exists() and not Notice.objects.exists()


def test_another_districts_office_reminds_only_its_own_units(client, season):
    elsewhere = Unit.objects.create(code="xinan", name="新安区", short_name="新安区", kind=Unit.Kind.DISTRICT)
    client.force_login(make_user("xinan", elsewhere, Membership.Role.DISTRICT_OFFICE))
    client.post(reverse("district:remind", args=[YEAR]))
    assert not Notice.objects.exists() and not ReportEvent.objects.exists()


def test_the_dashboard_offers_remind_with_a_confirmation_and_shows_when_each_unit_was_reminded(
    client, season, district_officer
):
    client.force_login(district_officer)
    page = client.get(reverse("district:dashboard", args=[YEAR])).content.decode()
    assert "催报（2个单位未报送）" in page and 'data-confirm="向2个尚未报送' in page
    client.post(reverse("district:remind", args=[YEAR]))
    page = client.get(reverse("district:dashboard", args=[YEAR])).content.decode()
    assert page.count("已催报</div>") == 2


def test_the_history_page_lists_the_reminder(client, season, district_officer, staff):
    remind_units(district_officer.memberships.get().unit, YEAR, district_officer)
    client.force_login(staff)
    page = client.get(reverse("reports:history", args=[season["draft"].pk])).content.decode()
    assert "<td>催报</td>" in page and "<div>【催报】黔江区提醒：请于2026年3月1日前报送2025年度" in page


# --- Days left, on the staff's home page ------------------------------------------------------------------


def test_staff_see_the_days_left_for_each_open_report(client, district, unit, staff):
    today = timezone.localdate()
    year = today.year
    ReportingYear.objects.create(district=district, year=year, deadline=today + datetime.timedelta(days=12))
    ReportingYear.objects.create(
        district=district, year=year - 1, deadline=today - datetime.timedelta(days=3)
    )
    Report.objects.create(unit=unit, year=year)
    Report.objects.create(unit=unit, year=year - 1, status=Report.Status.RETURNED)
    Report.objects.create(unit=unit, year=year - 2, status=Report.Status.ACCEPTED)
    client.force_login(staff)
    page = client.get("/").content.decode()
    assert "还剩12天" in page and "已逾期3天" in page
    assert page.count('class="text-nowrap deadline') == 3  # one cell per report, empty for the delivered one


def test_days_left_count_in_shanghai_dates(unit, monkeypatch):
    """At 01:00 in Shanghai on 28 February it is still the 27th in UTC: one day left, not two."""
    report = Report.objects.create(unit=unit, year=2026)  # due 1 March 2027 by default
    moment = datetime.datetime(2027, 2, 27, 17, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    report.unit = unit
    assert report_deadlines([report])[report.pk].text == "还剩1天"


def test_the_district_home_links_each_unit_not_delivered_to_its_report(
    client, unit, other_unit, district_officer
):
    draft = Report.objects.create(unit=unit, year=reporting_year())
    client.force_login(district_officer)
    page = client.get("/").content.decode()
    assert f'· <a href="{draft.get_absolute_url()}">草稿</a>' in page
    assert "城东街道" in page and "· 未开始" in page


def test_a_unit_notice_is_no_longer_read_by_someone_who_left_the_unit(
    client, season, district_officer, outsider
):
    remind_units(district_officer.memberships.get().unit, YEAR, district_officer)
    client.force_login(outsider)
    assert "【催报】" in client.get(reverse("reports:notices")).content.decode()
    outsider.memberships.all().delete()
    page = client.get(reverse("reports:notices")).content.decode()
    assert "【催报】" not in page and 'id="unread-notices"' not in page
