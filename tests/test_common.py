"""The plumbing both apps share (reports/common): downloads, the year in addresses, text, ordering."""

import io
from urllib.parse import quote

import pytest
from django import forms
from django.http import FileResponse, HttpResponse, QueryDict, StreamingHttpResponse
from django.urls import NoReverseMatch, resolve, reverse
from django.urls.exceptions import Resolver404

from reports.common.converters import YearConverter
from reports.common.downloads import PDF, ZIP, attachment
from reports.common.text import CleanTextMixin, clean_text
from reports.models import Report, StoredPdf
from tests.jobs_helpers import run_queued_jobs

NAME = "城西街道2024年度法治政府建设情况的报告.pdf"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF", HttpResponse),
        (io.BytesIO(b"%PDF"), FileResponse),
        (iter([b"PK", b".."]), StreamingHttpResponse),
    ],
)
def test_an_attachment_has_a_chinese_name_and_is_never_cached(content, kind):
    response = attachment(
        content, NAME, ascii_fallback="report-chengxi-2024.pdf", content_type=PDF, about=None, kind="PDF"
    )
    assert isinstance(response, kind)
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"] == (
        "attachment; filename=\"report-chengxi-2024.pdf\"; filename*=UTF-8''" + quote(NAME)
    )
    assert response["Cache-Control"] == "private, no-store"


def test_every_download_view_answers_through_the_one_helper(client, district_officer, report):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)  # for the ZIP to hold
    client.force_login(district_officer)
    client.get(reverse("district:zip", args=[2025]))  # asks for the ZIP: a job makes it
    run_queued_jobs()
    for url in (
        reverse("reports:pdf", args=[report.pk]),
        reverse("reports:docx", args=[report.pk]),
        reverse("district:zip", args=[2025]),
        reverse("district:csv", args=[2025]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert "filename*=UTF-8''" in response["Content-Disposition"], url
    assert client.get(reverse("district:zip", args=[2025]))["Content-Type"] == ZIP


def test_the_year_in_an_address_is_a_year_a_report_can_be_about():
    converter = YearConverter()
    assert converter.to_python("2025") == 2025 and converter.to_url(2025) == "2025"
    assert resolve("/district/2025/").kwargs == {"year": 2025}
    for path in ("/district/1999/", "/district/2101/", "/district/25/", "/district/20250/"):
        with pytest.raises(Resolver404):
            resolve(path)
    with pytest.raises(NoReverseMatch):
        reverse("district:dashboard", args=["abcd"])


def test_a_report_and_a_stored_pdf_know_their_address(report):
    assert report.get_absolute_url() == f"/reports/{report.pk}/"
    stored = StoredPdf(report=report, pk=7, version=2)
    assert stored.get_absolute_url() == f"/reports/{report.pk}/pdf/7/"


def test_clean_text_drops_control_characters_and_normalises_line_ends():
    assert clean_text(" 第一行\r\n第二\u200b行\x07\r") == "第一行\n第二行"


class _TextForm(CleanTextMixin, forms.Form):
    body = forms.CharField(max_length=5)
    count = forms.IntegerField()


def test_the_forms_of_one_request_clean_one_copy_of_its_data(monkeypatch):
    posted = QueryDict(mutable=True)
    for n in range(3):
        posted.update({f"f{n}-body": f" 第{n}\u200b条\r\n", f"f{n}-count": f" {n} "})
    posted._mutable = False
    copies = []
    real_copy = QueryDict.__copy__  # a shallow copy: the cleaning replaces lists, never changes them
    monkeypatch.setattr(QueryDict, "__copy__", lambda self: copies.append(1) or real_copy(self))

    bound = [_TextForm(posted, prefix=f"f{n}") for n in range(3)]
    assert all(form.is_valid() for form in bound)

    assert len(copies) == 1  # not one per form
    assert [form.cleaned_data for form in bound] == [{"body": f"第{n}条", "count": n} for n in range(3)]
    assert posted["f1-body"] == " 第1\u200b条\r\n"  # what was submitted is left as it was
    assert bound[0].data is bound[2].data


def test_text_over_the_limit_is_counted_after_cleaning_with_a_dict_too():
    assert _TextForm({"body": "\u200b一二三四五\x07 ", "count": "1"}).is_valid()
    assert not _TextForm({"body": "一二三四五六", "count": "1"}).is_valid()


def test_name_from_the_columns_is_name_of_the_user():
    from django.contrib.auth import get_user_model

    from reports.common.people import name_from, name_of

    for first, last, username in [
        ("张", "三", "z3"),
        ("", "", "nobody"),
        ("李审核", "", "l"),
        ("", " ", "x"),
    ]:
        user = get_user_model()(first_name=first, last_name=last, username=username)
        assert name_from(first, last, username) == name_of(user)


def test_the_memo_keeps_the_most_recently_used_results():
    from reports.common.memo import Memo, digest

    memo, computed = Memo(2), []

    def compute(name):
        return memo.get_or_compute(digest(name), lambda: computed.append(name) or name.upper())

    assert [compute("a"), compute("b"), compute("a"), compute("c")] == ["A", "B", "A", "C"]
    assert computed == ["a", "b", "c"]  # "a" came from the memo
    compute("a")
    compute("b")  # dropped when "c" came in (the least recently used)
    assert computed == ["a", "b", "c", "b"]
    assert digest("1", 1) != digest(1, "1") and digest([1, 2]) != digest((1, 2))
