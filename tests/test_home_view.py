from reports.models import Report


def test_anonymous_visitors_are_sent_to_login(client, report):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_staff_see_their_units_reports_only(client, staff, report, other_unit):
    Report.objects.create(unit=other_unit, year=2025, title="城东街道的报告")
    client.force_login(staff)
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert report.title in content
    assert "城东街道的报告" not in content


def test_the_page_is_in_chinese(client, staff):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert 'lang="zh-hans"' in content
    assert "退出登录" in content


def test_pages_load_assets_from_static_only(client, staff):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert "/static/vendor/bootstrap-5.3.9/bootstrap.min.css" in content
    assert "http://" not in content and "https://" not in content
