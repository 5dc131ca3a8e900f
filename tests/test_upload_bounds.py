"""Issue 14: uploads bounded while they are read (reports/common/uploads.py). A file past 10 MB is given up
as it arrives, whatever was sent after it, and the import page says so in Chinese with the rest of the form
as typed; a .docx whose XML would be too much to parse is refused from the zip's directory, before parsing.
The memory figures of a 300 MB upload before and after: bench/uploads.py."""

import io
import random
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadhandler import FileUploadHandler
from django.test import override_settings

from reports.common.uploads import MAX_UPLOAD_BYTES
from reports.importing import docx as docx_import
from reports.importing.docx import MAX_RATIO, MAX_XML_BYTES, TOO_LARGE, TOO_MUCH_TEXT
from reports.importing.files import read_report_file
from reports.models import Report
from tests.docx_helpers import seed_docx_padded
from tests.test_docx_import import refusal
from tests.upload_helpers import GeneratedBody, post_generated

pytestmark = pytest.mark.django_db

IMPORT_URL = "/reports/import/"
MB = 1024 * 1024
CHUNK = FileUploadHandler.chunk_size  # 64 KB: what Django reads at a time
TYPED = "粘贴的文字也在表单里：退回后仍在"


def three_hundred_mb(unit):
    """A .txt of 300 MB sent after the unit and year, with text typed in the field after the file."""
    return GeneratedBody({"unit": unit.pk, "year": 2024}, "年度报告.txt", 300 * MB, {"text": TYPED})


def peak_while(send):
    """The most memory Python held at once while ``send()`` ran (a small request first: templates loaded)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        response = send()
        return response, tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_the_generated_body_is_a_real_multipart_body_of_that_size():
    body = GeneratedBody({"year": 2024}, "a.txt", 1000, {"text": "尾"})
    data = body.read(100) + body.read()
    assert len(data) == body.length and body.read(10) == b""
    assert data.count("黔江区城西街道".encode()) >= 1000 // 60 and data.endswith(b"--\r\n")


def warm_up(client, unit):
    small = GeneratedBody({"unit": unit.pk, "year": 2024}, "a.txt", 1000, {"text": TYPED})
    post_generated(client, IMPORT_URL, small)


def test_a_300_mb_upload_is_refused_while_read_and_the_form_keeps_the_rest(client, staff, unit):
    client.force_login(staff)
    warm_up(client, unit)
    started = time.perf_counter()
    response, peak = peak_while(lambda: post_generated(client, IMPORT_URL, three_hundred_mb(unit)))
    seconds = time.perf_counter() - started
    page = response.content.decode()
    assert response.status_code == 400
    assert TOO_LARGE in page  # "文件超过10 MB，无法导入。…"
    assert TYPED in page and '<option value="2024" selected>' in page  # the rest of the form as typed
    assert not Report.objects.exists()
    # The file went to a temporary file (Django's handler for large uploads) up to the limit, then was given
    # up: the process held no more than a few chunks of it. Before, the form read all 300 MB into memory.
    assert peak < 2 * MB, f"{peak / MB:.1f} MB held"
    print(f"300 MB upload refused in {seconds:.1f} s, {peak / MB:.2f} MB held at most")


@override_settings(
    FILE_UPLOAD_HANDLERS=[
        "reports.common.uploads.BoundedUploadHandler",
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
    ],
    FILE_UPLOAD_MAX_MEMORY_SIZE=1024 * MB,  # the memory handler takes every file: memory shows all it keeps
)
def test_the_handler_never_lets_more_than_the_limit_and_a_chunk_be_kept(client, staff, unit):
    client.force_login(staff)
    warm_up(client, unit)
    response, peak = peak_while(lambda: post_generated(client, IMPORT_URL, three_hundred_mb(unit)))
    assert response.status_code == 400 and TOO_LARGE in response.content.decode()
    assert MAX_UPLOAD_BYTES < peak < MAX_UPLOAD_BYTES + CHUNK + 2 * MB, f"{peak / MB:.1f} MB held"


def test_a_file_at_the_limit_is_read(client, staff, unit):
    """Exactly 10 MB gets past the handler: it is refused for what it says (too long a text), not its size."""
    client.force_login(staff)
    body = GeneratedBody({"unit": unit.pk, "year": 2024}, "年度报告.txt", MAX_UPLOAD_BYTES, {})
    page = post_generated(client, IMPORT_URL, body).content.decode()
    assert TOO_LARGE not in page and "不像是一份年度报告" in page


def docx_with_xml(size):
    """The seed .docx with its document.xml grown to ``size`` bytes of varied paragraphs (compressing
    about threefold: no zip-bomb ratio)."""
    rng = random.Random(14)
    characters = [chr(c) for c in range(0x4E00, 0x4E00 + 400)]

    def paragraph(n):
        text = "".join(rng.choices(characters, k=40))
        return f'<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'

    return seed_docx_padded(size, paragraph)


def test_a_docx_with_too_much_xml_is_refused_before_parsing(monkeypatch):
    data = docx_with_xml(MAX_XML_BYTES + MB)
    member = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert len(data) < MAX_UPLOAD_BYTES and member.file_size < MAX_RATIO * member.compress_size  # no bomb

    def never(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(docx_import.docx, "Document", never)
    started = time.perf_counter()
    assert refusal("年度报告.docx", data) == TOO_MUCH_TEXT
    assert time.perf_counter() - started < 1  # read from the zip's directory: nothing inflated


def test_a_long_report_under_the_xml_bound_still_imports():
    data = docx_with_xml(2 * MB)  # a long report's document.xml is 1–2 MB
    assert read_report_file("年度报告.docx", data).startswith("中共黔江区城西街道工作委员会")


def test_the_import_page_says_so_for_too_much_xml(client, staff, unit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    upload = SimpleUploadedFile("年度报告.docx", docx_with_xml(MAX_XML_BYTES + MB))
    response = client.post(IMPORT_URL, {"unit": unit.pk, "year": 2024, "file": upload})
    assert response.status_code == 400 and "文件中的文字内容过多" in response.content.decode()
