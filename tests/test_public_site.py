"""The public site: what anonymous visitors reach, and that nothing unpublished is ever among it."""

import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from reports import publishing
from reports.models import Report
from reports.publishing import MASK
from tests.publishing_helpers import PLANTED, accepted_report_with_planted_findings, clean_accepted_report

SECRET = "草稿中的秘密句子"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "href" and value:
                self.links.append(value)


def links_of(response, base):
    content_type = response["Content-Type"]
    if content_type.startswith("text/html"):
        parser = _Links()
        parser.feed(response.content.decode())
        return [urljoin(base, link) for link in parser.links]
    if content_type.startswith(("application/xml", "application/atom+xml")):
        return re.findall(r"(?:<loc>|href=\")(http://testserver[^<\"]*)", response.content.decode())
    return []


def walk(client, start):
    """Every address on this site reachable from ``start`` (and sitemap.xml): {path: response}."""
    seen, queue = {}, [start, "/sitemap.xml"]
    while queue:
        url = queue.pop()
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or not parts.path.startswith(("/public/", "/sitemap")):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        queue.extend(links_of(response, path))
    return seen


@pytest.fixture
def site(unit, other_unit, district, district_officer):
    """城西 2024 published (with masks), 城东 2024 accepted but not published, 城西 2025 a draft, 城东
    2023 published then withdrawn; every unpublished one carries a sentence that must never show."""
    published = accepted_report_with_planted_findings(unit, 2024)
    decisions = {f.hit.key: MASK for f in publishing.findings(published)}
    publishing.publish(district_officer, published, decisions)
    clean_accepted_report(other_unit, 2024, body=SECRET)
    draft = clean_accepted_report(unit, 2025, body=SECRET)
    Report.objects.filter(pk=draft.pk).update(status=Report.Status.DRAFT)
    withdrawn = clean_accepted_report(other_unit, 2023, body=SECRET)
    publishing.publish(district_officer, withdrawn, {})
    publishing.withdraw(district_officer, withdrawn, "内容有误")
    return {"published": published}


def test_anonymous_visitors_find_the_published_report_and_download_its_pdf(client, site):
    index = client.get("/public/")
    assert index.status_code == 200 and "黔江区" in index.content.decode()
    page = client.get("/public/qianjiang/2024/chengxi/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="zh-Hans"' in html and "草稿" not in html
    publication = site["published"].publication
    assert publication.sha256 in html
    pdf = client.get("/public/qianjiang/2024/chengxi/report.pdf")
    body = b"".join(pdf.streaming_content)
    assert pdf.status_code == 200 and body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == publication.sha256
    docx = client.get("/public/qianjiang/2024/chengxi/report.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_the_public_page_shows_the_masked_text_and_not_the_original(client, site):
    html = client.get("/public/qianjiang/2024/chengxi/").content.decode()
    for field, (_text, planted, masked) in PLANTED.items():
        assert planted not in html, field
        assert masked in html, field


def test_no_unpublished_report_is_reachable_from_any_public_page(client, site):
    pages = walk(client, "/public/")
    assert "/public/qianjiang/2024/chengxi/" in pages
    report_pages = [p for p in pages if re.fullmatch(r"/public/[\w-]+/\d{4}/(?!indicators/)[\w-]+/", p)]
    assert report_pages == ["/public/qianjiang/2024/chengxi/"]
    for path, response in pages.items():
        assert response.status_code in (200, 302), path
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET.encode() not in content, path
    for path in ("/public/qianjiang/2024/chengdong/", "/public/qianjiang/2025/chengxi/",
                 "/public/qianjiang/2023/chengdong/", "/public/qianjiang/2023/chengdong/report.pdf"):  # fmt: skip
        assert client.get(path).status_code == 404, path


def test_public_pages_are_cacheable_and_revalidate(client, site):
    response = client.get("/public/qianjiang/2024/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    again = client.get("/public/qianjiang/2024/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_publishing_and_withdrawing_change_the_cached_pages(
    client, site, other_unit, district_officer, django_capture_on_commit_callbacks
):
    before = client.get("/public/qianjiang/2024/").content.decode()
    assert "城东街道" not in before
    report = Report.objects.get(unit=other_unit, year=2024)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(district_officer, report, {})
    assert "城东街道" in client.get("/public/qianjiang/2024/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.withdraw(district_officer, report, "撤回测试")
    assert "城东街道" not in client.get("/public/qianjiang/2024/").content.decode()


def test_the_feed_sitemap_and_json_list_the_published_report_only(client, site):
    feed = client.get("/public/qianjiang/feed/").content.decode()
    assert "<feed" in feed and "/public/qianjiang/2024/chengxi/" in feed and "chengdong" not in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/public/qianjiang/2024/chengxi/" in sitemap and "chengdong" not in sitemap
    listing = client.get("/public/qianjiang/2024/reports.json").json()
    [entry] = listing["reports"]
    assert entry["unit_code"] == "chengxi" and entry["year"] == 2024
    assert entry["pdf_sha256"] == site["published"].publication.sha256
    assert entry["url"] == "http://testserver/public/qianjiang/2024/chengxi/"
    assert set(entry) >= {"title", "unit", "published", "pdf_url", "docx_url"}


def test_search_finds_a_published_sentence_highlighted_and_escaped(client, site, unit, district_officer):
    report = clean_accepted_report(unit, 2022, body="开展<b>宪法</b>宣传周活动。另一句没有关键词。")
    publishing.publish(district_officer, report, {})
    html = client.get(reverse("public:search"), {"q": "宪法"}).content.decode()
    assert "开展&lt;b&gt;<mark>宪法</mark>&lt;/b&gt;宣传周活动。" in html
    assert "另一句" not in html
    assert (
        SECRET not in client.get(reverse("public:search"), {"q": SECRET}).content.decode().split("</form>")[1]
    )
    filtered = client.get(reverse("public:search"), {"q": "宪法", "year": "2024"}).content.decode()
    assert "找到0份报告" in filtered


def test_search_finds_the_masked_text_not_the_original(client, site):
    html = client.get(reverse("public:search"), {"q": "李四"}).content.decode()
    assert "找到0份报告" in html
    assert "找到1份报告" in client.get(reverse("public:search"), {"q": "李某"}).content.decode()


def test_the_district_office_searches_every_report_of_its_district(client, site, district_officer, staff):
    client.force_login(district_officer)
    html = client.get(reverse("district:search"), {"q": SECRET}).content.decode()
    assert html.count(f"<mark>{SECRET}</mark>") == 3  # the unpublished, the draft, the withdrawn
    client.force_login(staff)
    assert client.get(reverse("district:search"), {"q": SECRET}).status_code == 403


def test_the_public_indicator_table_shows_only_published_figures(client, site, unit, other_unit, district):
    indicator = Indicator.objects.create(
        district=district, code="events", name="普法活动", unit="次", first_year=2020, category="other"
    )
    IndicatorValue.objects.create(report=site["published"], indicator=indicator, value=12)
    IndicatorValue.objects.create(
        report=Report.objects.get(unit=other_unit, year=2024), indicator=indicator, value=777
    )
    html = client.get("/public/qianjiang/2024/indicators/").content.decode()
    assert "普法活动" in html and ">12<" in html and "777" not in html and "城东街道" not in html
    csv = client.get("/public/qianjiang/2024/indicators.csv").content.decode("utf-8-sig")
    assert csv.splitlines() == ["单位,普法活动（次）", "城西街道,12"]


def test_the_public_csv_neutralises_spreadsheet_formulas(client, site, unit, district):
    unit.short_name = "=HYPERLINK(1)"
    unit.save()
    indicator = Indicator.objects.create(
        district=district, code="events", name="普法活动", unit="次", first_year=2020, category="other"
    )
    IndicatorValue.objects.create(report=site["published"], indicator=indicator, value=12)
    csv = client.get("/public/qianjiang/2024/indicators.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1),12" in csv


def test_a_public_page_is_the_same_for_a_logged_in_visitor_and_varies_on_no_cookie(client, site, staff):
    anonymous = client.get("/public/qianjiang/2024/chengxi/")
    client.force_login(staff)
    logged_in = client.get("/public/qianjiang/2024/chengxi/")
    assert logged_in.content == anonymous.content
    assert logged_in["Cache-Control"].startswith("public")
    assert "Cookie" not in logged_in.get("Vary", "")
    assert not logged_in.cookies  # no session or CSRF cookie set by a public page
