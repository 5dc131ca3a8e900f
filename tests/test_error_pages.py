"""Issue 14: the error pages (templates/400.html, 403.html, 404.html, 500.html, 403_csrf.html) are Chinese,
say what to do, and show nothing technical: no exception text, no traceback, no advice to set DEBUG. Each is
reached as in production (DEBUG off) through a view that raises."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client, override_settings
from django.urls import path, reverse

from config.urls import urlpatterns as site_urls
from tests.test_security_headers import assert_page_is_clean

SECRET_DETAIL = "SELECT password FROM auth_user -- internal detail"


def raises(exception):
    def view(request):
        raise exception

    return view


urlpatterns = [
    path("boom/400/", raises(SuspiciousOperation(SECRET_DETAIL))),
    path("boom/403/", raises(PermissionDenied())),
    path("boom/404/", raises(Http404(SECRET_DETAIL))),
    path("boom/500/", raises(RuntimeError(SECRET_DETAIL))),
    *site_urls,
]

TECHNICAL = (
    SECRET_DETAIL,
    "Traceback",
    "DEBUG",
    "CSRF",
    "Forbidden",
    "Not Found",
    "Server Error",
    "Bad Request",
)

pytestmark = [pytest.mark.urls("tests.test_error_pages"), pytest.mark.django_db]


def page_of(response):
    page = response.content.decode()
    assert '<html lang="zh-CN"' in page
    for word in TECHNICAL:
        assert word not in page, word
    return page


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("url", "status", "says", "what_to_do"),
    [
        ("/boom/400/", 400, "这个请求无法处理", "请从系统的首页重新进入"),
        ("/boom/403/", 403, "您没有权限进行这项操作", "请联系本单位的审核领导或区级管理员"),
        ("/boom/404/", 404, "找不到这个页面", "请检查地址是否完整"),
        ("/boom/500/", 500, "系统出错，这次操作没有完成", "请稍后重试"),
    ],
)
def test_each_error_page_says_what_happened_and_what_to_do_in_chinese(
    client, staff, url, status, says, what_to_do
):
    client.raise_request_exception = False
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == status
    page = page_of(response)
    assert says in page and what_to_do in page and "返回首页" in page
    assert_page_is_clean(response, url)  # the Content-Security-Policy, and nothing inline it would refuse


@override_settings(DEBUG=False)
def test_the_error_pages_work_for_anonymous_visitors_too(client):
    client.raise_request_exception = False
    for url, status in [("/boom/400/", 400), ("/boom/404/", 404), ("/boom/500/", 500)]:
        response = client.get(url)
        assert response.status_code == status
        page_of(response)


@override_settings(DEBUG=False)
def test_a_refusal_with_a_reason_shows_the_reason(client, staff):
    client.force_login(staff)
    response = client.get(reverse("district:home"))  # staff are not the district office
    assert response.status_code == 403
    assert "请联系本单位的审核领导或区级管理员" in page_of(response)


@override_settings(DEBUG=False)
def test_a_failed_csrf_check_says_to_reload_and_nothing_technical(staff, caplog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(reverse("reports:new"), {"year": 2025})
    assert response.status_code == 403
    page = page_of(response)
    assert "页面已过期，未能提交" in page and "刷新后再提交" in page and "复制尚未保存的文字" in page
    assert "Forbidden (CSRF cookie not set.)" in caplog.text  # the reason is for the log only


@override_settings(DEBUG=True)
def test_the_csrf_page_gives_no_debug_advice_even_in_development(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(reverse("reports:new"), {"year": 2025})
    assert response.status_code == 403 and "DEBUG" not in response.content.decode()
