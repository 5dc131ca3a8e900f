"""Sessions (等保2.0 身份鉴别: 登录连接超时自动退出): an idle session ends after 30 minutes (the cookie's
Max-Age, renewed on every request), any session 12 hours after its login, however busy."""

import datetime
from unittest import mock

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from config import settings as production
from reports.models import AuditEntry

HOME = "/"


def at(moment):
    """Moves Django's clock (sessions, the login time, the audit rows) to ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_limits_are_thirty_minutes_idle_and_twelve_hours_in_all_by_default():
    assert production.SESSION_COOKIE_AGE == 1800
    assert production.SESSION_SAVE_EVERY_REQUEST is True
    assert production.SESSION_MAX_AGE == 12 * 3600


def test_the_session_cookie_lasts_the_idle_limit_and_is_renewed_on_each_request(client, staff):
    client.force_login(staff)
    for _ in range(2):
        cookie = client.get(HOME).cookies["sessionid"]
        assert 0 < int(cookie["max-age"]) <= 1800


def test_the_session_row_is_written_again_only_once_its_expiry_has_moved_a_minute(client, staff):
    start = timezone.now()
    with at(start):
        client.force_login(staff)
        client.get(HOME)
    written = Session.objects.get().expire_date
    with at(start + datetime.timedelta(seconds=40)):
        response = client.get(HOME)
    assert int(response.cookies["sessionid"]["max-age"]) == 1800  # the cookie is renewed all the same
    assert Session.objects.get().expire_date == written  # but the row was not written
    with at(start + datetime.timedelta(seconds=90)):
        client.get(HOME)
    assert Session.objects.get().expire_date == written + datetime.timedelta(seconds=90)


def test_a_change_to_the_sessions_data_is_written_at_once(client, staff):
    client.force_login(staff)
    client.get(HOME)
    session = client.session
    session["remembered"] = "yes"
    session.save()
    assert client.session["remembered"] == "yes"
    store = Session.objects.get().get_decoded()
    assert store["remembered"] == "yes"


def test_an_idle_session_ends_after_thirty_minutes(client, staff):
    client.force_login(staff)
    assert client.get(HOME).status_code == 200
    with at(timezone.now() + datetime.timedelta(minutes=31)):
        response = client.get(HOME)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_busy_session_ends_twelve_hours_after_its_login(client, staff):
    start = timezone.now()
    with at(start):
        client.force_login(staff)
    # A request every 25 minutes keeps the session from idling out …
    minutes = 25
    while minutes < 12 * 60:
        with at(start + datetime.timedelta(minutes=minutes)):
            assert client.get(HOME).status_code == 200, f"after {minutes} minutes"
        minutes += 25
    # … until 12 hours after the login.
    with at(start + datetime.timedelta(hours=12, minutes=5)):
        response = client.get(HOME)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    logout = AuditEntry.objects.get(user=staff, action=AuditEntry.Action.LOGOUT)
    assert logout.detail == "登录超过12小时，自动退出"
    assert "登录已超过12小时" in client.get(response.url).content.decode()


def test_the_keep_alive_renews_the_session_for_the_editor(client, staff):
    client.force_login(staff)
    response = client.post(reverse("accounts:keep-alive"))
    assert response.json() == {"idle_seconds": 1800}
    assert int(response.cookies["sessionid"]["max-age"]) == 1800


def test_the_keep_alive_of_an_expired_session_goes_to_the_login_page(client):
    response = client.post(reverse("accounts:keep-alive"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_logging_out_removes_the_session_so_its_cookie_opens_nothing(client, staff):
    """等保2.0 剩余信息保护: what the session held is gone from the server once its user logs out."""
    client.force_login(staff)
    assert client.get(HOME).status_code == 200
    old_key = client.cookies["sessionid"].value
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=old_key).exists()
    client.cookies["sessionid"] = old_key  # the old cookie, kept by a browser or copied
    response = client.get(HOME)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
