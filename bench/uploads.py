"""Benchmark of issue 14's bounds on what a request may cost: prints figures, asserts nothing.

    .venv/bin/python bench/uploads.py

In a throw-away SQLite database with the demo data, on this machine:
- a 300 MB .txt posted to the import page, generated as it is read (tests/upload_helpers.py), through
  Django's handler: the most memory Python held at once (tracemalloc) and the time to the refusal, with
  Django's default upload handlers (as before issue 14) and with the app's (reports/common/uploads.py);
- a 1.8 MB .docx whose document.xml inflates to 28 MB (Word-like XML, compressing about 17×, under the
  zip-bomb limits): the time and memory to its refusal with and without the XML bound
  (reports/importing/docx.py MAX_XML_BYTES);
- a long draft's PDF (the demo report, 40 × its items): the first download and the next ones
  (reports/rendering/draft_pdf.py: rendered once per version).
Targets: the 300 MB upload holds at most the 10 MB limit and a chunk; the .docx is refused in well under
a second; a second download of the same draft version renders nothing.
"""

import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-uploads-"))
os.environ["VAR_DIR"] = str(WORK)
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.STORAGES = {
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from reports.importing import docx as docx_import  # noqa: E402
from reports.importing.docx import ImportRefused  # noqa: E402
from reports.importing.files import read_report_file  # noqa: E402
from reports.models import Item, Report  # noqa: E402
from reports.rendering import draft_pdf  # noqa: E402
from tests.docx_helpers import seed_docx_padded  # noqa: E402
from tests.upload_helpers import GeneratedBody, post_generated  # noqa: E402

MB = 1024 * 1024
DJANGO_DEFAULT_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]


def measured(run):
    tracemalloc.start()
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


def upload_300_mb(client, unit):
    body = GeneratedBody({"unit": unit.pk, "year": 2024}, "年度报告.txt", 300 * MB, {"text": ""})
    return post_generated(client, "/reports/import/", body)


def word_like_docx(xml_size):
    """The seed .docx with document.xml grown to ``xml_size`` by paragraphs of a small vocabulary, as
    Word's XML compresses (about 17×)."""
    rng = random.Random(14)
    phrases = [
        "依法行政",
        "法治政府建设",
        "矛盾纠纷",
        "调解成功",
        "行政复议",
        "普法宣传",
        "执法监督",
        "合法性审查",
    ]

    def paragraph(n):
        text = "，".join(rng.choices(phrases, k=6)) + f"第{rng.randrange(10_000)}件。"
        run = f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t>{text}</w:t></w:r>'
        return f'<w:p w:rsidR="00{rng.randrange(16**6):06X}"><w:pPr><w:ind w:firstLine="640"/></w:pPr>{run}</w:p>'

    return seed_docx_padded(xml_size, paragraph)


def refuse(data):
    try:
        text = read_report_file("年度报告.docx", data)
    except ImportRefused as refusal:
        return f"refused: {refusal}"
    return f"parsed, {len(text):,} characters (then refused by the form's 200,000)"


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    setup_test_environment()
    staff = get_user_model().objects.get(username="chengxi_staff")
    unit = staff.memberships.get().unit
    client = Client()
    client.force_login(staff)
    post_generated(
        client, "/reports/import/", GeneratedBody({"unit": unit.pk, "year": 2024}, "a.txt", 100, {})
    )

    data = word_like_docx(28 * MB)  # under the 30 MB a member may have (the zip-bomb limits)
    member = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    print(
        f".docx of {len(data) / MB:.1f} MB, document.xml {member.file_size / MB:.0f} MB "
        f"(compressed {member.file_size / member.compress_size:.0f}×): time, growth of the process's peak RSS"
    )
    bound = docx_import.MAX_XML_BYTES
    for label, limit in (("without the XML bound (before)", 10**12), ("with the XML bound (now)", bound)):
        docx_import.MAX_XML_BYTES = limit
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        outcome = refuse(data)
        seconds = time.perf_counter() - started
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        print(f"  {label:31} {seconds:6.2f} s, +{grown:4.0f} MB: {outcome[:30]}")

    print("300 MB .txt posted to the import page (tracemalloc peak, time to the refusal):")
    with override_settings(FILE_UPLOAD_HANDLERS=DJANGO_DEFAULT_HANDLERS):
        response, seconds, peak = measured(lambda: upload_300_mb(client, unit))
    print(
        f"  Django's handlers (before): {peak / MB:7.1f} MB held, {seconds:5.2f} s, status {response.status_code}"
    )
    response, seconds, peak = measured(lambda: upload_300_mb(client, unit))
    print(
        f"  bounded while read (now):   {peak / MB:7.1f} MB held, {seconds:5.2f} s, status {response.status_code}"
    )

    report = Report.objects.filter(unit=unit, status=Report.Status.ACCEPTED).order_by("-year").first()
    report.status = Report.Status.DRAFT
    report.save()
    items = list(Item.objects.filter(section__report=report))
    for copy in range(1, 40):
        Item.objects.bulk_create(
            Item(section_id=i.section_id, position=i.position + 1000 * copy, style=i.style, level=i.level,
                 heading=i.heading, body=i.body) for i in items
        )  # fmt: skip
    report.refresh_from_db()
    renders = []
    real = draft_pdf.render_pdf
    draft_pdf.render_pdf = lambda r, **options: renders.append(1) or real(r, **options)
    url = f"/reports/{report.pk}/pdf/"
    times = []
    for _ in range(4):
        started = time.perf_counter()
        response = client.get(url)
        size = len(b"".join(response) if response.streaming else response.content)
        times.append(time.perf_counter() - started)
    print(f"A long draft's PDF ({len(items) * 40} items, {size / 1024:.0f} KB):")
    print(
        f"  first download {times[0]:.2f} s (rendered); next ones median {statistics.median(times[1:]) * 1000:.0f} ms"
    )
    print(f"  renders for 4 downloads of one version: {len(renders)}")


if __name__ == "__main__":
    main()
