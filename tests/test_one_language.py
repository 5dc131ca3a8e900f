"""Issue 12: one language. Whatever the browser prefers, every page is `<html lang="zh-CN">` and Django's own
messages (form errors, the login refusal, the admin, the error pages) are in Chinese. The browser's view of
the same is tests/browser/test_one_language.py."""

import json
import re
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.editor_helpers import add_section, editor_data

ROOT = Path(__file__).resolve().parents[1]
LANG = '<html lang="zh-CN"'
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def english(client):
    """A browser that asks for English, by its header and by Django's language cookie."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def english_client():
    return english(Client(**ENGLISH))


def content(response):
    return response.content.decode()


def test_chinese_is_the_only_language():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert [code for code, _ in settings.LANGUAGES] == ["zh-hans"]
    assert "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE
    assert settings.USE_I18N  # Django's zh_Hans catalogue is what translates its messages


def test_staff_pages_are_chinese_for_a_browser_asking_for_english(english_client, staff, report):
    add_section(report, items=1)
    login = english_client.get(reverse("login"))
    assert LANG in content(login) and "用户名" in content(login) and "Username" not in content(login)

    english_client.force_login(staff)
    urls = [
        reverse("reports:home"),
        reverse("reports:notices"),
        reverse("reports:detail", args=[report.pk]),
        reverse("reports:edit", args=[report.pk]),
        reverse("indicators:sheet", args=[report.pk]),
        reverse("reports:preview", args=[report.pk]),
        reverse("reports:history", args=[report.pk]),
        reverse("reports:changes", args=[report.pk]),
        reverse("reports:import"),
    ]
    for url in urls:
        response = english_client.get(url)
        assert response.status_code == 200, url
        assert LANG in content(response), url
    missing = english_client.get("/reports/999999/")
    assert missing.status_code == 404 and LANG in content(missing)


def test_the_district_offices_pages_are_chinese_too(english_client, district_officer, report):
    english_client.force_login(district_officer)
    for name in ("district:dashboard", "district:matrix", "district:catalogue", "district:setup"):
        response = english_client.get(reverse(name, args=[report.year]))
        assert response.status_code == 200, name
        assert LANG in content(response), name


def test_form_errors_are_djangos_chinese_ones(english_client, staff, district_officer, report):
    english_client.force_login(staff)
    data = editor_data(report, **{"report-title": "", "report-signing_date": "2025-13-45"})
    page = content(english_client.post(reverse("reports:edit", args=[report.pk]), data))
    # A date's message is the app's own (reports.forms.DayField): the month that does not exist.
    assert "这个字段是必填项。" in page and "没有13月，请检查日期。" in page
    assert "This field is required" not in page and "Enter a valid date" not in page

    english_client.force_login(district_officer)
    setup = reverse("district:setup", args=[report.year])
    page = content(english_client.post(setup, {"deadline": "三月一日"}))
    assert "请按“2026-01-31”的格式填写日期" in page
    outline = {
        "outline-TOTAL_FORMS": 1,
        "outline-INITIAL_FORMS": 0,
        "outline-0-ORDER": "第一",
        "outline-0-kind": "other",
        "outline-0-heading": "标题",
    }
    assert "输入整数。" in content(english_client.post(setup, outline))


def test_a_wrong_password_is_refused_in_chinese(english_client, staff):
    page = content(english_client.post(reverse("login"), {"username": staff.username, "password": "wrong"}))
    assert LANG in page and "请输入一个正确的用户名和密码。" in page
    assert "Please enter" not in page


def test_the_admin_is_chinese_too(english_client, django_user_model):
    login = content(english_client.get(reverse("admin:login")))
    assert LANG in login and "法治年报 管理后台" in login and "Log in" not in login
    english_client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    index = content(english_client.get(reverse("admin:index")))
    assert LANG in index and "数据管理" in index and "Site administration" not in index


def test_the_admins_index_names_the_libraries_apps_and_models_in_chinese(english_client, django_user_model):
    english_client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    index = content(english_client.get(reverse("admin:index")))
    for english in (
        "Access attempts",
        "Access logs",
        "TOTP devices",
        "Static devices",
        "Task Results",
        "Axes",
        # the app list's table heads, read out by a screen reader (Django's catalogue leaves them English)
        "Model name",
        "Add link",
        "Change or view list link",
    ):
        assert english not in index
    for chinese in ("登录失败锁定", "登录失败记录", "动态验证码设备", "备用码", "后台任务结果"):
        assert chinese in index


def test_the_admins_new_user_page_is_chinese(english_client, django_user_model):
    english_client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    page = content(english_client.get(reverse("admin:auth_user_add")))
    assert "创建用户后，可以再编辑该用户的其他信息" in page and "After you" not in page


def test_the_admins_new_user_page_is_djangos_but_for_its_sentence():
    """templates/admin/auth/user/add_form.html is a copy: after a Django upgrade, copy Django's anew."""
    ours = (ROOT / "templates/admin/auth/user/add_form.html").read_text()
    djangos = (
        Path(django.__file__).parent / "contrib/admin/templates/admin/auth/user/add_form.html"
    ).read_text()
    assert ours.split("{% block extrahead %}")[1] == djangos.split("{% block extrahead %}")[1]


def test_the_admin_base_is_djangos_but_for_the_language():
    """templates/admin/base.html is a copy: after a Django upgrade, copy Django's anew and set lang again."""
    ours = (ROOT / "templates/admin/base.html").read_text().split("#}", 1)[1]
    djangos = (Path(django.__file__).parent / "contrib/admin/templates/admin/base.html").read_text()
    assert ours == djangos.replace('<html lang="{{ LANGUAGE_CODE|default:"en-us" }}"', '<html lang="zh-CN"')
    assert ours != djangos


def test_a_form_posted_with_an_expired_token_gets_a_chinese_page(staff):
    client = english(Client(enforce_csrf_checks=True, **ENGLISH))
    client.force_login(staff)
    response = client.post(reverse("reports:new"), {"year": 2025})
    assert response.status_code == 403
    assert LANG in content(response) and "页面已过期" in content(response)
    assert "CSRF verification failed" not in content(response)


def test_the_server_error_page_is_chinese():
    page = content(server_error(RequestFactory(**ENGLISH).get("/")))
    assert LANG in page and "系统出错" in page and "Server Error" not in page


def test_a_request_for_an_unknown_host_gets_a_chinese_page(english_client, settings):
    settings.DEBUG = False
    response = english_client.get("/", HTTP_HOST="not-this-site.example")
    assert response.status_code == 400
    assert (
        LANG in content(response)
        and "无法处理" in content(response)
        and "Bad Request" not in content(response)
    )


@pytest.fixture
def superuser_client(english_client, django_user_model):
    english_client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    return english_client


def test_the_libraries_admin_pages_name_their_rows_fields_and_sections_in_chinese(superuser_client, staff):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    attempt = AccessAttempt.objects.create(
        username="someone", ip_address="10.0.0.1", user_agent="x", failures_since_start=5
    )
    log = AccessLog.objects.create(username="someone", ip_address="10.0.0.1", user_agent="x")
    failure = AccessFailureLog.objects.create(
        username="someone", ip_address="10.0.0.1", user_agent="x", locked_out=True
    )
    device = TOTPDevice.objects.create(user=staff, name="手机")
    task = DBTaskResult.objects.create(
        task_path="reports.mail.send_mails",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
    )
    pages = {
        "admin:axes_accessattempt_changelist": (),
        "admin:axes_accessattempt_change": (attempt.pk,),
        "admin:axes_accesslog_change": (log.pk,),
        "admin:axes_accessfailurelog_change": (failure.pk,),
        "admin:otp_totp_totpdevice_changelist": (),
        "admin:otp_totp_totpdevice_change": (device.pk,),
        "admin:otp_static_staticdevice_add": (),
        "admin:django_tasks_database_dbtaskresult_changelist": (),
        "admin:django_tasks_database_dbtaskresult_change": (task.pk,),
    }
    seen = ""
    for name, args in pages.items():
        response = superuser_client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        seen += content(response)
    for english in (
        "Attempt Time",
        "Failed Logins",
        "User Agent",
        "Form Data",
        "Meta Data",
        "Clean up expired attempts",
        "Attempt Remaining",
        "Drift",
        "Is this device ready for use",
        "The number of time steps",
        "Throttling",
        "Identity",
        "Search by user",
        "Enqueued at",
        "Task name",
        "Run after",
        "Ready",
        "Attempted Access",
        "Access Log for",
        "Failed access",
        "DBTaskResult object",
    ):
        assert english not in seen, english
    for chinese in (
        "时间",
        "连续失败次数",
        "已锁定",
        "时钟偏差",
        "这个设备是否已可以使用",
        "验证失败限制",
        "排队时间",
        "待执行",
        "someone 登录失败5次",  # each row is named in Chinese, in local time, on its page and in breadcrumbs
        "someone 登录（",
        "10.0.0.1，因此锁定）",
        "发送邮件 · 待执行 · ",
    ):
        assert chinese in seen, chinese
    # The queue's list names each job in Chinese too (its column showed the function name).
    listed = content(superuser_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")))
    assert '<td class="field-task_name">发送邮件</td>' in listed and "send_mails" not in listed


def test_the_admin_names_permissions_in_chinese(superuser_client, staff):
    page = content(superuser_client.get(reverse("admin:auth_group_add")))
    assert "Can add" not in page and "Can view" not in page
    assert "登录失败锁定 | 登录失败记录 | 可以查看登录失败记录" in page
    assert "年度报告 | 年度报告 | 可以修改年度报告" in page
    assert "解除账号锁定" in page  # the project's own permission keeps its name


@pytest.mark.django_db
def test_the_chinese_labels_need_no_migration_of_the_libraries(capsys):
    from django.core.management import call_command

    call_command(
        "makemigrations", "axes", "otp_totp", "otp_static", "django_tasks_database", check=True, dry_run=True
    )
    assert "No changes detected" in capsys.readouterr().out


def test_the_totp_devices_qr_page_is_in_chinese_and_links_nowhere_outside(superuser_client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="手机")
    response = superuser_client.get(reverse("admin:otp_totp_totpdevice_config", args=(device.pk,)))
    assert response.status_code == 200
    page = content(response)
    assert "请在手机的身份验证器中手动添加下面的地址" in page
    assert "Install" not in page and "pypi" not in page
    assert device.config_url.split("?")[0] in page


def test_the_admins_permission_picker_speaks_chinese(superuser_client):
    """Django's own zh_Hans catalogue leaves the picker's newer texts ("Choose all %s") in English; the
    project's locale/ fills them. Every text the picker's script asks for must be in the admin's catalogue."""
    script = Path(django.__file__).parent / "contrib/admin/static/admin/js/SelectFilter2.js"
    asked = set(re.findall(r"gettext\('((?:[^'\\]|\\.)*)'\)", script.read_text(encoding="utf-8")))
    page = content(superuser_client.get(reverse("admin:jsi18n")))
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", page, re.S).group(1))
    assert len(asked) >= 9
    for text in asked:
        assert re.search(r"[\u4e00-\u9fff]", catalogue.get(text, "")), text
