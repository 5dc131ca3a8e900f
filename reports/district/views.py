"""The district office's pages: the year's dashboard, the year's set-up (deadline, outline), and the
downloads of all delivered reports (ZIP) and of the combined volume (汇编).

Access is decided by ``district_office_required`` (reports/permissions.py): the views get the district.
The year comes from the address (``<year:year>``): a year no report can be about is not found.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render

from reports.common.downloads import PDF, ZIP, attachment, reports_download_start
from reports.deadlines import deadline_for, reporting_year
from reports.models import ReportingYear, Unit
from reports.outline import outline_for
from reports.permissions import district_office_required
from reports.rendering.volume import accepted_reports, render_volume, volume_title

from . import actions
from . import dashboard as office
from .forms import DeadlineForm, outline_formset


@district_office_required
def home(request, district):
    return redirect("district:dashboard", reporting_year())


SORTABLE = [
    ("unit", "单位"),
    ("status", "状态"),
    ("submitted", "提交"),
    ("approved", "单位审核"),
    ("accepted", "区级接收"),
]


@district_office_required
def dashboard(request, district, year):
    board = office.dashboard(district, year)
    status, kind = request.GET.get("status", ""), request.GET.get("kind", "")
    sort = request.GET.get("sort", "unit")
    rows = office.sort_rows(office.filter_rows(board.rows, status, kind), sort)
    kinds = {row.unit.kind for row in board.rows}
    context = {
        "board": board,
        "counts": board.counts,
        "rows": rows,
        "status": status,
        "kind": kind,
        "sort": sort,
        "status_choices": list(office.FILTER_LABELS.items()),
        "kind_choices": [(k, label) for k, label in Unit.Kind.choices if k in kinds],
        "columns": _sort_links(SORTABLE, sort, status, kind),
    }
    return render(request, "district/dashboard.html", context)


def _sort_links(columns, sort, status, kind):
    """Column headers that sort by themselves; a second click reverses."""
    links = []
    for key, label in columns:
        next_sort = f"-{key}" if sort == key else key
        query = urlencode({k: v for k, v in {"status": status, "kind": kind, "sort": next_sort}.items() if v})
        arrow = {key: " ↑", f"-{key}": " ↓"}.get(sort, "")
        links.append({"label": label + arrow, "query": query})
    return links


@district_office_required
def setup(request, district, year):
    """The year's deadline and outline in one form, saved together (each part saved when it is posted);
    on errors, or to add a blank row ("增加一行"), the page comes back with everything typed."""
    setting = ReportingYear.objects.filter(district=district, year=year).first()
    if setting is None:  # created on the first save, with the deadline shown
        setting = ReportingYear(district=district, year=year, deadline=deadline_for(district, year))
    rows = list(setting.outline.values_list("kind", "heading")) if setting.pk else []
    copied = request.GET.get("from") == "last-year"
    if copied:
        rows = office.outline_from_last_year(district, year)
    data = request.POST if request.method == "POST" else None
    deadline_form = DeadlineForm(data if data and "deadline" in data else None, instance=setting, year=year)
    formset = outline_formset(rows, data=data if data and "outline-TOTAL_FORMS" in data else None)
    posted = [form for form in (deadline_form, formset) if form.is_bound]

    if data and "add_row" in data:
        formset = outline_formset(rows, data=formset.with_blank_row())
        return _render_setup(request, district, year, deadline_form, formset, rows, copied, status=200)
    if posted and all([form.is_valid() for form in posted]):  # a list: validate every part
        if deadline_form.is_bound:
            setting = actions.set_deadline(district, year, deadline_form.cleaned_data["deadline"])
            messages.success(request, f"{year}年度报送截止日期已设为{setting.deadline:%Y-%m-%d}。")
        if formset.is_bound:
            actions.save_outline(district, year, formset.rows())
            if formset.rows():
                messages.success(request, "提纲已保存。此后新建的报告按此提纲生成各部分，已开始的报告不变。")
            else:
                messages.success(request, "已清空区里的提纲，新建的报告将使用条例规定的五个部分。")
        return redirect("district:setup", year)
    return _render_setup(
        request, district, year, deadline_form, formset, rows, copied, 400 if posted else 200
    )


def _render_setup(request, district, year, deadline_form, formset, rows, copied, status):
    context = {
        "district": district,
        "year": year,
        "deadline_form": deadline_form,
        "formset": formset,
        "copied": copied,
        "regulation_outline": [] if rows else outline_for(district, year),
    }
    return render(request, "district/setup.html", context, status=status)


@district_office_required
@reports_download_start
def reports_zip(request, district, year):
    reports = office.delivered_reports(district, year)
    return attachment(
        office.zip_chunks(reports),
        f"{district.short_name}{year}年度法治政府建设情况报告.zip",
        ascii_fallback=f"reports-{district.code}-{year}.zip",
        content_type=ZIP,
    )


@district_office_required
@reports_download_start
def volume(request, district, year):
    data = render_volume(district, year, accepted_reports(district, year))
    return attachment(
        data,
        f"{volume_title(district, year)}.pdf",
        ascii_fallback=f"volume-{district.code}-{year}.pdf",
        content_type=PDF,
    )
