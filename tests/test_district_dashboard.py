"""The district office's dashboard: every unit's status, dates, deadline and holder; counts, filters,
sorting, the row's buttons; and a constant number of queries however many units."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reports.district import dashboard as office
from reports.models import Report, ReportingYear, Unit
from reports.templatetags.dashboard_tags import rows_html
from reports.templatetags.report_tags import day
from tests.conftest import make_user
from tests.district_helpers import make_units, report_in

YEAR = 2025
Status = Report.Status


def set_deadline(district, days_from_today):
    deadline = timezone.localdate() + datetime.timedelta(days=days_from_today)
    ReportingYear.objects.update_or_create(district=district, year=YEAR, defaults={"deadline": deadline})


def page(client, user, **query):
    client.force_login(user)
    return client.get(reverse("district:dashboard", args=[YEAR]), query)


def rows_of(response):
    return [(row.unit.short_name, row.status) for row in response.context["rows"]]


@pytest.fixture
def units(district, unit, other_unit):
    """城西 (submitted), 城东 (accepted), a town not started, a returned unit, an approved one."""
    Unit.objects.filter(pk=unit.pk).update(position=1)
    Unit.objects.filter(pk=other_unit.pk).update(position=2)
    town = Unit.objects.create(
        code="zhuoshui",
        name="黔江区濯水镇",
        short_name="濯水镇",
        kind=Unit.Kind.TOWN,
        parent=district,
        position=3,
    )
    returned, approved = make_units(district, 2, start=4)
    report_in(unit, YEAR, Status.SUBMITTED)
    report_in(other_unit, YEAR, Status.ACCEPTED, day=datetime.date(2026, 2, 1))
    report_in(returned, YEAR, Status.RETURNED)
    report_in(approved, YEAR, Status.APPROVED, day=datetime.date(2026, 2, 5))
    return {"town": town, "returned": returned, "approved": approved}


def test_every_unit_in_the_district_order_with_its_status(client, district_officer, units):
    response = page(client, district_officer)
    assert response.status_code == 200
    assert rows_of(response) == [
        ("城西街道", "submitted"),
        ("城东街道", "accepted"),
        ("濯水镇", office.MISSING),
        ("第4街道", "returned"),
        ("第5街道", "approved"),
    ]
    content = response.content.decode()
    assert "未开始" in content and "区级已接收" in content


def test_dates_come_from_the_history_and_only_as_far_as_the_status_reached(district, units, other_unit):
    rows = {row.unit.short_name: row for row in office.dashboard(district, YEAR).rows}
    accepted = rows["城东街道"]
    assert [
        timezone.localtime(d).date()
        for d in (accepted.submitted_at, accepted.approved_at, accepted.accepted_at)
    ] == [
        datetime.date(2026, 2, 1),
        datetime.date(2026, 2, 2),
        datetime.date(2026, 2, 3),
    ]
    # Returned after submission: submitted once, but the current round has no submission.
    assert rows["第4街道"].submitted_at is None
    assert rows["第5街道"].approved_at is not None and rows["第5街道"].accepted_at is None


def test_the_page_prints_the_dates_as_local_days(client, district, district_officer, units):
    content = page(client, district_officer).content.decode()
    for shown in ("2026-02-01", "2026-02-02", "2026-02-03"):
        assert f'<td class="text-nowrap">{shown}</td>' in content


def test_a_day_is_the_date_in_shanghai_not_in_utc():
    late_evening_utc = datetime.datetime(2026, 2, 1, 20, 30, tzinfo=datetime.UTC)
    assert day(late_evening_utc) == "2026-02-02"
    assert day(None) == ""


def test_row_url_gives_what_url_gives_for_every_row():
    rendered = Template(
        "{% load report_tags %}{% for pk in ids %}{% row_url 'reports:pdf' pk %} "
        "{% row_url 'reports:act' pk 'accept' %} {% row_url 'reports:act' pk 'reopen' %}|{% endfor %}"
    ).render(Context({"ids": [7, 2147, 483647, 12]}))
    expected = "".join(
        f"{reverse('reports:pdf', args=[pk])} {reverse('reports:act', args=[pk, 'accept'])} "
        f"{reverse('reports:act', args=[pk, 'reopen'])}|"
        for pk in (7, 2147, 483647, 12)
    )
    assert rendered == expected


def test_counts_on_top_and_overdue_units(client, district, district_officer, units):
    set_deadline(district, -3)
    response = page(client, district_officer)
    counts = response.context["counts"]
    # submitted, accepted and approved reached submission; approved and accepted are delivered.
    assert (counts["total"], counts["submitted"], counts["delivered"], counts["overdue"]) == (5, 3, 2, 3)
    content = response.content.decode()
    assert "<strong>3/5</strong> 已提交" in content
    assert "已逾期3天" in content
    overdue = {row.unit.short_name for row in response.context["rows"] if row.overdue}
    assert overdue == {"城西街道", "濯水镇", "第4街道"}


def test_days_left_before_the_deadline(client, district, district_officer, units):
    set_deadline(district, 12)
    response = page(client, district_officer)
    assert response.context["counts"]["overdue"] == 0
    assert "还剩12天" in response.content.decode()


def test_filters_by_status_overdue_and_unit_kind(client, district, district_officer, units):
    set_deadline(district, -1)
    assert [n for n, _ in rows_of(page(client, district_officer, status="overdue"))] == [
        "城西街道",
        "濯水镇",
        "第4街道",
    ]
    assert rows_of(page(client, district_officer, status="approved")) == [("第5街道", "approved")]
    assert rows_of(page(client, district_officer, status=office.MISSING)) == [("濯水镇", office.MISSING)]
    assert [n for n, _ in rows_of(page(client, district_officer, status="pending"))] == [
        "城西街道",
        "濯水镇",
        "第4街道",
    ]
    assert rows_of(page(client, district_officer, kind=Unit.Kind.TOWN)) == [("濯水镇", office.MISSING)]
    response = page(client, district_officer, status="overdue", kind=Unit.Kind.SUBDISTRICT)
    assert [n for n, _ in rows_of(response)] == ["城西街道", "第4街道"]
    assert response.context["counts"]["total"] == 5  # the counts are the whole district's


def test_sorting_by_status_and_by_date_with_blanks_last(client, district_officer, units):
    by_status = [s for _, s in rows_of(page(client, district_officer, sort="status"))]
    assert by_status == [office.MISSING, "returned", "submitted", "approved", "accepted"]
    newest_first = [n for n, _ in rows_of(page(client, district_officer, sort="-submitted"))]
    assert newest_first == ["城西街道", "第5街道", "城东街道", "濯水镇", "第4街道"]
    oldest_first = [n for n, _ in rows_of(page(client, district_officer, sort="submitted"))]
    assert oldest_first == ["城东街道", "第5街道", "城西街道", "濯水镇", "第4街道"]


def test_who_holds_each_report(client, district, district_officer, staff, leader, units):
    rows = {row.unit.short_name: row for row in page(client, district_officer).context["rows"]}
    assert rows["城西街道"].holder == "审核领导：李审核"  # submitted: the leader
    assert rows["第4街道"].holder == "填报员"  # returned: staff, none registered
    assert rows["第5街道"].holder == "区级"
    assert rows["城东街道"].holder == "已完成"
    assert rows["濯水镇"].holder == "填报员"


def test_row_links_and_the_accept_and_return_buttons_post_to_the_workflow(client, district_officer, units):
    content = page(client, district_officer).content.decode()
    approved = Report.objects.get(unit=units["approved"])
    for name in ("reports:detail", "reports:preview", "reports:pdf"):
        assert reverse(name, args=[approved.pk]) in content
    accept = reverse("reports:act", args=[approved.pk, "accept"])
    district_return = reverse("reports:act", args=[approved.pk, "district_return"])
    assert accept in content and district_return in content
    submitted = Report.objects.get(unit__code="chengxi")
    assert reverse("reports:act", args=[submitted.pk, "accept"]) not in content

    client.post(accept)
    approved.refresh_from_db()
    assert approved.status == Status.ACCEPTED
    assert approved.events.filter(action="accept", user=district_officer).exists()


def test_returning_from_the_dashboard_needs_a_reason(client, district_officer, units):
    client.force_login(district_officer)
    approved = Report.objects.get(unit=units["approved"])
    client.post(reverse("reports:act", args=[approved.pk, "district_return"]), {"comment": "请补充数据"})
    approved.refresh_from_db()
    assert approved.status == Status.RETURNED


def test_the_district_link_and_the_current_year(client, district_officer, staff):
    client.force_login(district_officer)
    response = client.get(reverse("district:home"))
    assert response.status_code == 302 and response.url.startswith("/district/20")
    assert 'id="district-link"' in client.get(reverse("reports:home")).content.decode()
    client.force_login(staff)
    assert 'id="district-link"' not in client.get(reverse("reports:home")).content.decode()


def test_an_office_sees_only_its_own_districts_units(client, district, district_officer, units):
    other = Unit.objects.create(code="other", name="另一区", short_name="另一区", kind=Unit.Kind.DISTRICT)
    make_units(other, 3, start=20)
    assert len(page(client, district_officer).context["rows"]) == 5


def count_queries(client, user):
    client.force_login(user)
    url = reverse("district:dashboard", args=[YEAR])
    client.get(url)  # warm: the session, the first-request work
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_units(client, district):
    officer = make_user("officer", district, "district_office")
    statuses = [Status.SUBMITTED, Status.APPROVED, Status.ACCEPTED, Status.RETURNED]

    def fill(units):
        for n, unit in enumerate(units):
            if n % 5:  # every fifth unit has not started
                report_in(unit, YEAR, statuses[n % len(statuses)])
            make_user(f"staff-{unit.code}", unit, "staff")

    fill(make_units(district, 5))
    few = count_queries(client, officer)
    fill(make_units(district, 45, start=6))
    many = count_queries(client, officer)
    assert few == many, f"5 units: {few} queries, 50 units: {many}"


# --- The rows written in Python (issue 13) ----------------------------------------------------------------

# The row loop of templates/district/dashboard.html as it was, before reports/templatetags/dashboard_tags.py.
TEMPLATE_ROWS = """{% load report_tags %}  {% for row in rows %}
    {% if board.grouped %}{% ifchanged row.group %}<tr class="table-secondary group-row" data-group="{{ row.group.code }}"><th colspan="10" scope="rowgroup">{{ row.group.name }}</th></tr>{% endifchanged %}{% endif %}
    <tr data-unit="{{ row.unit.code }}" data-status="{{ row.status }}"{% if row.overdue or row.publication_overdue %} class="table-danger"{% endif %}>
      <td class="text-nowrap fw-bold">{{ row.unit.short_name }}</td>
      <td>{{ row.unit.get_kind_display }}</td>
      <td><span class="badge {% if row.report %}status-{{ row.status }}{% else %}text-bg-light border{% endif %}">{{ row.status_label }}</span></td>
      <td class="text-nowrap">{{ row.submitted_at|day }}</td>
      <td class="text-nowrap">{{ row.approved_at|day }}</td>
      <td class="text-nowrap">{{ row.accepted_at|day }}</td>
      <td class="text-nowrap{% if row.overdue %} text-danger-emphasis fw-bold{% endif %}">{{ row.deadline_text }}{% if row.reminded_at %}<div class="small fw-normal text-body-secondary reminded">{{ row.reminded_at|date:"m-d H:i" }}已催报</div>{% endif %}</td>
      <td>{{ row.holder }}</td>
      <td class="publication{% if row.publication_overdue %} text-danger-emphasis fw-bold{% endif %}" data-published="{% if row.publication %}yes{% else %}no{% endif %}">
        {% if row.publication %}<a href="{{ row.publication.get_absolute_url }}">已公开</a> <span class="text-nowrap">{{ row.publication.published_at|day }}</span>
          <details class="d-inline-block align-top row-step">
            <summary class="btn btn-sm btn-outline-danger">撤回</summary>
            <form method="post" action="{% url 'reports:withdraw' row.report.pk %}" class="mt-1">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}">
              <textarea name="reason" rows="2" class="form-control form-control-sm mb-1" required maxlength="2000" placeholder="撤回理由（必填）" aria-label="{{ row.unit.short_name }}撤回公开理由"></textarea>
              <button type="submit" class="btn btn-sm btn-danger">确认撤回</button>
            </form>
          </details>
        {% else %}<span class="text-nowrap">未公开</span> <span class="text-nowrap">{{ row.publication_text }}</span>
          {% if row.status == "accepted" %}<a class="btn btn-sm btn-outline-success" href="{% url 'reports:publish' row.report.pk %}">公开…</a>{% endif %}
        {% endif %}
      </td>
      <td>
        {% if row.report %}
        <a class="btn btn-sm btn-outline-secondary" href="{% row_url 'reports:detail' row.report.pk %}">打开</a>
        <a class="btn btn-sm btn-outline-secondary" href="{% row_url 'reports:preview' row.report.pk %}">预览</a>
        <a class="btn btn-sm btn-outline-secondary" href="{% row_url 'reports:pdf' row.report.pk %}" data-busy="正在生成PDF…">PDF</a>
        {% for step in row.steps %}
          {% if step.reason_required %}
          <details class="d-inline-block align-top row-step">
            <summary class="btn btn-sm btn-outline-danger">{{ step.label }}</summary>
            <form method="post" action="{% row_url 'reports:act' row.report.pk step.action %}" class="mt-1">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}">
              <textarea name="comment" rows="2" class="form-control form-control-sm mb-1" required maxlength="2000" placeholder="理由（必填）" aria-label="{{ row.unit.short_name }}{{ step.label }}理由"></textarea>
              <button type="submit" class="btn btn-sm btn-danger">确认{{ step.label }}</button>
            </form>
          </details>
          {% else %}
          <form method="post" action="{% row_url 'reports:act' row.report.pk step.action %}" class="d-inline">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}">
            <button type="submit" class="btn btn-sm btn-success">{% if step.action == "accept" %}{{ row.unit.receiver_level_name }}接收{% else %}{{ step.label }}{% endif %}</button>
          </form>
          {% endif %}
        {% endfor %}
        {% endif %}
      </td>
    </tr>
  {% empty %}
    <tr><td colspan="10" class="text-muted">没有符合条件的单位。</td></tr>
  {% endfor %}
"""


def both_ways(rows, board, path="/district/2025/?status=&sort=-status&x=<&>"):
    request = RequestFactory().get(path)
    token = "tok<&>en"
    old = Template(TEMPLATE_ROWS).render(
        Context({"rows": rows, "board": board, "request": request, "csrf_token": token})
    )
    new = "  " + rows_html(rows, board.grouped, token, request.get_full_path()) + "\n"
    return old, new


def test_the_rows_are_written_as_the_template_wrote_them(district, units, other_unit):
    board = office.dashboard(district, YEAR)
    rows = board.rows
    now = timezone.now()
    rows[0].reminded_at = now
    rows[0].unit.short_name = "城西<街道>&"  # escaped like {{ }}
    rows[1].publication = SimpleNamespace(get_absolute_url=lambda: "/p/1?a=1&b=2", published_at=now)
    rows[2].overdue = True
    rows[3].publication_overdue = True
    assert {row.status for row in rows} >= {"missing", "submitted", "accepted", "returned", "approved"}
    assert any(row.steps for row in rows) and any(s.reason_required for row in rows for s in row.steps)
    old, new = both_ways(rows, board)
    assert old == new and new.count("<tr data-unit=") == 5 and "城西&lt;街道&gt;&amp;" in new
    assert 'value="tok&lt;&amp;&gt;en"' in new and "已催报" in new and "a=1&amp;b=2" in new
    old, new = both_ways([], board)
    assert old == new and "没有符合条件的单位" in new
    # A city's board: rows grouped by district, a group row when the group changes.
    board.grouped = True
    for index, row in enumerate(rows):
        row.group = district if index < 2 else other_unit
    old, new = both_ways(rows, board)
    assert old == new and new.count("group-row") == 2
