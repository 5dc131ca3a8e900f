"""The audit administrator's page: search the trail by user, event, result, dates and object, page through
it, export it as CSV (neutralised like the other exports); only for ``reports.view_auditentry``."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse

from reports import audit
from reports.models import AuditEntry
from tests.conftest import make_user

Action = AuditEntry.Action
Result = AuditEntry.Result


@pytest.fixture
def auditor(db):
    user = make_user("auditor", first_name="周审计", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    return user


def entry(action, username="", result=Result.SUCCESS, detail="", obj=None):
    return audit.record(action, username=username, result=result, detail=detail, obj=obj)


def backdate(row, when):
    """An older row: set in the database directly, as the app offers no way to change one."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_auditentry SET at = %s WHERE id = %s", [when, row.pk])


def shown(client, **query):
    response = client.get(reverse("reports:audit"), query)
    assert response.status_code == 200, response.content.decode()[:500]
    return [row.pk for row in response.context["page"]]


def test_only_the_audit_reader_opens_the_page_and_a_refusal_is_recorded(client, auditor, staff, leader):
    client.force_login(staff)
    assert client.get(reverse("reports:audit")).status_code == 403
    assert client.get(reverse("reports:audit-export")).status_code == 403
    refused = AuditEntry.objects.filter(action=Action.REFUSED, user=staff)
    assert refused.count() == 2 and "只有审计管理员" in refused.first().detail
    client.force_login(auditor)
    page = client.get(reverse("reports:audit"))
    assert page.status_code == 200 and "审计日志" in page.content.decode()
    assert 'id="audit-link"' in page.content.decode()
    client.force_login(leader)
    assert 'id="audit-link"' not in client.get(reverse("reports:home")).content.decode()


def test_the_page_is_read_only(client, auditor):
    client.force_login(auditor)
    assert client.post(reverse("reports:audit")).status_code == 405
    assert client.post(reverse("reports:audit-export")).status_code == 405


def test_search_by_user_action_result_and_object_text(client, auditor, report):
    login = entry(Action.LOGIN, username="chengxi_staff")
    failed = entry(Action.LOGIN_FAILED, username="chengxi_x", result=Result.FAILURE)
    download = entry(Action.DOWNLOAD, username="district", obj=report, detail="PDF（草稿）：城西街道.pdf")
    client.force_login(auditor)
    assert shown(client, user="chengxi") == [failed.pk, login.pk]
    assert shown(client, action=Action.LOGIN_FAILED) == [failed.pk]
    assert shown(client, result=Result.FAILURE) == [failed.pk]
    assert shown(client, text="草稿") == [download.pk]
    assert shown(client, text=str(report)) == [download.pk]
    assert shown(client, text="reports.report") == [download.pk]
    assert shown(client, user="chengxi", result=Result.SUCCESS) == [login.pk]


def test_search_by_date_range(client, auditor):
    rows = []
    for day in (1, 2, 3):
        row = entry(Action.LOGIN, username="zhou")
        backdate(row, datetime.datetime(2026, 3, day, 10, tzinfo=datetime.UTC))
        rows.append(row)
    client.force_login(auditor)
    assert shown(client, date_from="2026-03-02", user="zhou") == [rows[2].pk, rows[1].pk]
    assert shown(client, date_to="2026-03-02", user="zhou") == [rows[1].pk, rows[0].pk]
    assert shown(client, date_from="2026-03-02", date_to="2026-03-02", user="zhou") == [rows[1].pk]


def test_a_reversed_date_range_is_explained_and_keeps_what_was_typed(client, auditor):
    client.force_login(auditor)
    response = client.get(
        reverse("reports:audit"), {"date_from": "2026-03-05", "date_to": "2026-03-01", "user": "张"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "开始日期晚于结束日期" in content and 'value="2026-03-05"' in content and 'value="张"' in content


def test_the_trail_is_paged_newest_first(client, auditor):
    rows = [entry(Action.LOGIN, username=f"zhou{n}") for n in range(120)]
    client.force_login(auditor)
    first = shown(client, user="zhou")
    assert len(first) == 50 and first[0] == rows[-1].pk
    assert len(shown(client, user="zhou", page=3)) == 20
    page = client.get(reverse("reports:audit"), {"user": "zhou", "page": 2}).content.decode()
    assert "user=zhou&amp;page=3" in page and "user=zhou&amp;page=1" in page


def read_csv(response):
    data = b"".join(response.streaming_content)
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_export_has_every_row_found_neutralised_and_is_itself_recorded(client, auditor):
    rows = [entry(Action.LOGIN, username=f"clerk{n}") for n in range(60)]
    formula = entry(
        Action.LOGIN_FAILED, username='=HYPERLINK("http://x")', result=Result.FAILURE, detail="@SUM(1)"
    )
    client.force_login(auditor)
    response = client.get(reverse("reports:audit-export"), {"user": "clerk"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, *lines = read_csv(response)
    assert header[:5] == ["时间", "用户名", "来源地址", "事件", "结果"]
    assert len(lines) == 60 and lines[0][1] == "clerk59" and lines[-1][1] == rows[0].username
    assert lines[0][9] == rows[-1].hash
    header, *lines = read_csv(client.get(reverse("reports:audit-export"), {"result": Result.FAILURE}))
    [line] = [line for line in lines if line[9] == formula.hash]
    assert line[1] == '\'=HYPERLINK("http://x")' and line[8] == "'@SUM(1)"
    assert line[3] == "登录失败" and line[4] == "失败"
    exported = AuditEntry.objects.filter(action=Action.DOWNLOAD, user=auditor).order_by("pk")
    assert exported.count() == 2 and "审计日志CSV（条件：user=clerk）" in exported.first().detail


def test_an_export_with_a_bad_search_shows_the_errors(client, auditor):
    client.force_login(auditor)
    response = client.get(
        reverse("reports:audit-export"), {"date_from": "2026-03-05", "date_to": "2026-03-01"}
    )
    assert response.status_code == 400 and "开始日期晚于结束日期" in response.content.decode()
