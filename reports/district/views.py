"""The district office's pages: the year's dashboard, the year's set-up (deadline, outline), and the
downloads of all delivered reports (ZIP) and of the combined volume (汇编).

The ZIP and the volume are made by background jobs (tasks.py): asking for one serves the stored file at
once when it is still current, and otherwise goes to its status page, which follows the job (a small JSON
endpoint that static/js/file-status.js polls) and then offers the file.

Access is decided by ``district_office_required`` (reports/permissions.py): the views get the district.
The year comes from the address (``<year:year>``): a year no report can be about is not found.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from reports.common.downloads import PDF, ZIP, attachment, reports_download_start
from reports.common.redirects import redirect_back
from reports.deadlines import deadline_for, reporting_year
from reports.models import GeneratedFile, OutlineSection, ReportingYear, Unit
from reports.outline import outline_for
from reports.permissions import district_office_required, get_inside_or_404
from reports.publishing import set_units_may_publish
from reports.search import clean_query, search_district

from . import actions
from . import dashboard as office
from .files import file_name, sources, status_of
from .forms import DeadlineForm, WordLimitsForm, outline_formset

Kind = GeneratedFile.Kind
Audience = OutlineSection.Audience


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
    on errors, or to add a blank row ("增加一行"), the page comes back with everything typed. The outline
    is the one for the 街道 and 乡镇, or with ``?for=departments`` the departments' own."""
    audience = request.GET.get("for", Audience.UNITS)
    if audience not in Audience.values:
        audience = Audience.UNITS
    setting = ReportingYear.objects.filter(district=district, year=year).first()
    if setting is None:  # created on the first save, with the deadline shown
        setting = ReportingYear(district=district, year=year, deadline=deadline_for(district, year))
    saved = (
        list(setting.outline.filter(audience=audience).values_list("kind", "heading")) if setting.pk else []
    )
    rows = saved
    copied = request.GET.get("from") == "last-year"
    if copied:
        rows = office.outline_from_last_year(district, year, audience)
    data = request.POST if request.method == "POST" else None
    deadline_form = DeadlineForm(data if data and "deadline" in data else None, instance=setting, year=year)
    formset = outline_formset(rows, data=data if data and "outline-TOTAL_FORMS" in data else None)
    limits_form = WordLimitsForm(
        data if data and "limits-total" in data else None, initial=setting.word_limits, prefix="limits"
    )
    posted = [form for form in (deadline_form, formset, limits_form) if form.is_bound]
    page = Page(district, year, audience, copied)

    if data and "add_row" in data:
        formset = outline_formset(rows, data=formset.with_blank_row())
        return _render_setup(request, page, (deadline_form, limits_form), formset, rows, status=200)
    if posted and all([form.is_valid() for form in posted]):  # a list: validate every part
        if deadline_form.is_bound:
            setting = actions.set_deadline(district, year, deadline_form.cleaned_data["deadline"])
            messages.success(request, f"{year}年度报送截止日期已设为{setting.deadline:%Y-%m-%d}。")
        if limits_form.is_bound and limits_form.limits() != (setting.word_limits or {}):
            actions.set_word_limits(district, year, limits_form.limits())
            messages.success(request, "字数上限已保存。" if limits_form.limits() else "已取消字数上限。")
        if formset.is_bound and formset.rows() != saved:  # "已清空" only of an outline there was
            actions.save_outline(district, year, formset.rows(), audience)
            if formset.rows():
                messages.success(request, "提纲已保存。此后新建的报告按此提纲生成各部分，已开始的报告不变。")
            elif audience == Audience.DEPARTMENTS:
                messages.success(request, "已清空部门提纲，部门新建的报告将使用街道、乡镇的提纲。")
            else:
                messages.success(request, "已清空区里的提纲，新建的报告将使用条例规定的五个部分。")
        url = reverse("district:setup", args=[year])
        return redirect(url if audience == Audience.UNITS else f"{url}?for={audience}")
    return _render_setup(request, page, (deadline_form, limits_form), formset, rows, 400 if posted else 200)


@dataclass
class Page:
    """What the set-up page is about: whose year, and which outline."""

    district: Unit
    year: int
    audience: str
    copied: bool


def _render_setup(request, page, year_forms, formset, rows, status):
    deadline_form, limits_form = year_forms
    context = {
        "limits_form": limits_form,
        "district": page.district,
        "year": page.year,
        "audience": page.audience,
        "audiences": Audience.choices,
        "deadline_form": deadline_form,
        "formset": formset,
        "copied": page.copied,
        "regulation_outline": [] if rows else outline_for(page.district, page.year, page.audience),
    }
    return render(request, "district/setup.html", context, status=status)


@district_office_required
@reports_download_start
def reports_zip(request, district, year):
    """All delivered reports of the year as one ZIP of their PDFs (made by a job, then stored)."""
    return _ask(request, Kind.ZIP, district, year)


@district_office_required
@reports_download_start
def volume(request, district, year):
    """The year's 汇编 (made by a job, then stored until a report in it changes)."""
    return _ask(request, Kind.VOLUME, district, year)


# What a download would hold nothing of says so instead of serving an empty archive or a bare cover.
NOTHING_TO_DOWNLOAD = {
    Kind.ZIP: "{year}年度还没有单位审核通过的报告，没有可打包下载的内容。",
    Kind.VOLUME: "{year}年度还没有{level}接收的报告，汇编无内容可生成。报告接收后再来下载。",
}


def _ask(request: HttpRequest, kind: str, district: Unit, year: int) -> HttpResponseBase:
    if not sources(kind, district, year):
        message = NOTHING_TO_DOWNLOAD[Kind(kind)].format(year=year, level=district.level_name)
        context = {"district": district, "year": year, "message": message}
        return render(request, "district/nothing_to_download.html", context)
    generated = actions.request_file(kind, district, year, request.user)
    if generated.status == GeneratedFile.Status.DONE:
        return _serve(generated)
    return redirect(generated)


def _serve(generated: GeneratedFile) -> HttpResponseBase:
    name, fallback = file_name(generated)
    content_type = PDF if generated.kind == Kind.VOLUME else ZIP
    return attachment(
        generated.file.open("rb"),
        name,
        ascii_fallback=fallback,
        content_type=content_type,
        about=generated,
        kind=f"{generated.year}年度{generated.get_kind_display()}",
    )


def _generated(district: Unit, year: int, pk: int) -> GeneratedFile:
    return get_inside_or_404(
        GeneratedFile.objects.select_related("district"), pk, district=district, year=year
    )


@district_office_required
def file_status(request, district, year, pk):
    """The progress of a file being made, then its download; a failed one can be made again."""
    generated = _generated(district, year, pk)
    context = {"district": district, "year": year, "generated": generated, "state": status_of(generated)}
    return render(request, "district/file_status.html", context)


@district_office_required
def file_status_json(request, district, year, pk):
    """What the status page shows, for static/js/file-status.js to poll."""
    response = JsonResponse(status_of(_generated(district, year, pk)))
    response["Cache-Control"] = "no-store"
    return response


@district_office_required
@reports_download_start
def file_download(request, district, year, pk):
    generated = _generated(district, year, pk)
    if generated.status == GeneratedFile.Status.DONE:
        generated = actions.retry_file(generated, request.user)  # made again if its file is gone
    if generated.status != GeneratedFile.Status.DONE:
        return redirect(generated)
    return _serve(generated)


@district_office_required
@require_POST
def file_retry(request, district, year, pk):
    """ "重新生成": a failed (or stalled) file made again."""
    generated = actions.retry_file(_generated(district, year, pk), request.user)
    return redirect(generated)


@district_office_required
@require_POST
def remind(request, district, year):
    """催报: one click reminds every unit that has not delivered the year's report (notice and e-mail)."""
    result = actions.remind_units(district, year, request.user)
    if result.sent:
        messages.success(
            request, f"已向{len(result.sent)}个单位发出催报（站内通知和电子邮件，共{result.people}人）。"
        )
    if result.skipped:
        names = "、".join(unit.short_name for unit in result.skipped)
        messages.info(request, f"{names}一小时内已催报过，本次未重复发送。")
    if result.nobody:
        names = "、".join(unit.short_name for unit in result.nobody)
        messages.warning(request, f"{names}没有设置填报员或审核领导账号，催报无人接收，请另行联系。")
    if not result.sent and not result.skipped and not result.nobody:
        messages.info(request, f"{year}年度各单位均已报送，没有需要催报的单位。")
    return redirect_back(request, "district:dashboard", year)


@district_office_required
@require_POST
def publish_setting(request, district):
    """The district's setting: units' leaders may publish their own accepted reports, or only the office."""
    allowed = request.POST.get("allowed") == "1"
    set_units_may_publish(request.user, district, allowed, request=request)
    messages.success(request, "已允许各单位自行公开。" if allowed else "已改为只由区级公开。")
    return redirect("district:dashboard", reporting_year())


@district_office_required
def search(request, district):
    """Search across every report below the office (a city's: its districts' and their units'), published
    or not; filter by year and unit."""
    query = clean_query(request.GET.get("q", ""))
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    units = sorted(Unit.objects.below(district), key=district.tree_order())
    unit = next((u for u in units if u.code == request.GET.get("unit")), None)
    context = {
        "district": district,
        "query": query,
        "year": year,
        "years": range(reporting_year() + 1, reporting_year() - 5, -1),
        "units": units,
        "unit": unit,
        "results": search_district(district, query, year=year, unit=unit),
    }
    return render(request, "district/search.html", context)
