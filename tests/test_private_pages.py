"""A page for a logged-in user carries Cache-Control: private, no-store (reports/common/middleware.py): no
shared cache keeps it and the browser writes it nowhere. Anonymous pages and views that set their own
header keep theirs."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from reports.common.middleware import PrivatePagesMiddleware

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        lambda r: reverse("reports:home"),
        lambda r: reverse("reports:detail", args=[r.pk]),
        lambda r: reverse("reports:edit", args=[r.pk]),
        lambda r: reverse("indicators:sheet", args=[r.pk]),
        lambda r: reverse("reports:preview", args=[r.pk]),
        lambda r: reverse("reports:notices"),
        lambda r: "/reports/999999/",  # a 404 for a logged-in user too
    ],
)
def test_logged_in_pages_are_private_and_not_stored(client, staff, report, url):
    client.force_login(staff)
    response = client.get(url(report))
    assert response.status_code in (200, 404)
    assert response["Cache-Control"] == "private, no-store"


def test_downloads_keep_their_own_header(client, staff, report):
    client.force_login(staff)
    response = client.get(reverse("reports:docx", args=[report.pk]))
    assert response["Cache-Control"] == "private, no-store"


def test_a_view_that_sets_cache_control_keeps_it(client, staff):
    client.force_login(staff)
    response = client.get(reverse("login"))  # LoginView is never_cache
    assert "max-age=0" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_anonymous_visitors_get_no_such_header(client):
    response = client.get(reverse("reports:home"))  # the redirect to the login page
    assert response.status_code == 302
    assert not response.has_header("Cache-Control")


def test_a_user_nobody_looked_up_is_not_looked_up_for_the_header(rf: RequestFactory):
    """The middleware does not query the database for it: a session cookie counts as logged in."""

    def user_lookup():
        raise AssertionError("looked up")

    for cookies, expected in [({}, None), ({"sessionid": "x"}, "private, no-store")]:
        request = rf.get("/")
        request.COOKIES.update(cookies)
        request.user = SimpleLazyObject(user_lookup)
        response = PrivatePagesMiddleware(lambda request: HttpResponse("ok"))(request)
        assert response.get("Cache-Control") == expected
