"""Small things a new user meets in the first hour (issue 15, item 14)."""

from django.urls import reverse

from reports import workflow
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit


def test_staff_are_not_offered_the_reviewers_comparison(client, staff, leader, report):
    client.force_login(staff)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "与我上次审核的版本对比" not in page and "与上次通过的版本对比" in page
    client.force_login(leader)
    assert (
        "与我上次审核的版本对比" in client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    )


def test_every_page_has_a_skip_link_to_its_main_content(client, staff, report):
    client.force_login(staff)
    page = client.get(reverse("reports:home")).content.decode()
    assert 'href="#main"' in page and 'id="main"' in page and "跳到正文" in page


def test_the_stored_pdfs_fingerprint_is_explained(client, staff, leader, report):
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    client.force_login(staff)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "SHA-256" in page and "未被改动" in page


def test_the_editors_labels_end_in_a_chinese_colon(client, staff, report):
    add_section(report, items=1)
    client.force_login(staff)
    page = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    assert "样式：</label>" in page and "层级：</label>" in page and "样式:</label>" not in page
