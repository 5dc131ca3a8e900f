"""The public site's pages. No login; nothing here reads the session or the user, so each page is the
same for everyone and is served from the page cache (``public_page``) until something is published or
withdrawn.

Every report is reached through ``_publication``: the district, year and unit codes of the address name a
visible publication or the page is not found.
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from indicators.exports import to_csv
from indicators.matrix import year_matrix
from reports.common.downloads import CSV, DOCX, PDF, content_disposition
from reports.common.pagecache import public_page
from reports.models import Publication, Report, Unit
from reports.publishing import masks_of, published_title
from reports.rendering.docx import render_docx
from reports.rendering.filenames import document_filename
from reports.rendering.pdf import render_html
from reports.search import clean_query, search_published


def _visible():
    return Publication.objects.visible().select_related("report__unit__parent")


def _district(code):
    return get_object_or_404(Unit, code=code, kind=Unit.Kind.DISTRICT)


def _publication(district, year, unit):
    return get_object_or_404(
        _visible(), report__unit__parent__code=district, report__year=year, report__unit__code=unit
    )


def _public_download(response, filename, fallback):
    response["Content-Disposition"] = content_disposition(filename, fallback)
    return response


@public_page
def index(request):
    """The districts that have published reports, with how many."""
    counts = {}
    for publication in _visible().order_by("report__unit__parent__position", "report__unit__parent__code"):
        district = publication.report.unit.parent
        counts[district] = counts.get(district, 0) + 1
    return render(request, "public/index.html", {"districts": list(counts.items())})


@public_page
def district_years(request, district):
    district = _district(district)
    years = {}
    for year in _visible().filter(report__unit__parent=district).values_list("report__year", flat=True):
        years[year] = years.get(year, 0) + 1
    if not years:
        raise Http404("这个区县还没有公开的报告。")
    return render(
        request, "public/district.html", {"district": district, "years": sorted(years.items(), reverse=True)}
    )


@public_page
def year_reports(request, district, year):
    district = _district(district)
    publications = list(
        _visible()
        .filter(report__unit__parent=district, report__year=year)
        .order_by("report__unit__position", "report__unit__code")
    )
    if not publications:
        raise Http404("这一年度还没有公开的报告。")
    context = {"district": district, "year": year, "publications": publications}
    return render(request, "public/year.html", context)


def _listing_entry(request, publication):
    report = publication.report
    args = [report.unit.parent.code, report.year, report.unit.code]
    return {
        "title": published_title(publication),
        "unit": report.unit.name,
        "unit_code": report.unit.code,
        "year": report.year,
        "published": timezone.localtime(publication.published_at).isoformat(),
        "url": request.build_absolute_uri(reverse("public:report", args=args)),
        "pdf_url": request.build_absolute_uri(reverse("public:pdf", args=args)),
        "docx_url": request.build_absolute_uri(reverse("public:docx", args=args)),
        "pdf_sha256": publication.sha256,
    }


@public_page
def year_json(request, district, year):
    """The year's published reports for a portal to link to or import."""
    district = _district(district)
    publications = _visible().filter(report__unit__parent=district, report__year=year)
    publications = publications.order_by("report__unit__position", "report__unit__code")
    data = {
        "district": district.name,
        "year": year,
        "reports": [_listing_entry(request, p) for p in publications],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})


@public_page
def report_page(request, district, year, unit):
    """The report laid out as the document (the preview's template, no watermark), masks applied."""
    publication = _publication(district, year, unit)
    report = publication.report
    args = [district, year, unit]
    html = render_html(
        report,
        masks=masks_of(publication),
        public=True,
        publication=publication,
        document_title=published_title(publication),
        year_url=reverse("public:year", args=[district, year]),
        pdf_url=reverse("public:pdf", args=args),
        docx_url=reverse("public:docx", args=args),
    )
    return HttpResponse(html)


def report_pdf(request, district, year, unit):
    """The published PDF: the masked text's, stored at publishing, or else the frozen one. Its ETag is
    its SHA-256, shown on the report's page."""
    publication = _publication(district, year, unit)
    stored = publication.file if publication.file else getattr(publication.stored_pdf, "file", None)
    if not stored:
        raise Http404("文件不存在。")
    etag = f'"{publication.sha256}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = FileResponse(stored.open("rb"), content_type=PDF)
        _public_download(response, document_filename(publication.report), f"report-{unit}-{year}.pdf")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}"
    return response


@public_page
def report_docx(request, district, year, unit):
    publication = _publication(district, year, unit)
    response = HttpResponse(render_docx(publication.report, masks=masks_of(publication)), content_type=DOCX)
    return _public_download(
        response, document_filename(publication.report, "docx"), f"report-{unit}-{year}.docx"
    )


def _published_reports(district, year):
    return Report.objects.filter(
        pk__in=_visible().filter(report__unit__parent=district, report__year=year).values("report_id")
    )


def _indicator_table(district, year):
    matrix = year_matrix(district, year, reports=_published_reports(district, year))
    header = ["单位", *(f"{i.name}（{i.unit}）" for i in matrix.indicators)]
    rows = [[row.label, *(cell.figure for cell in row.cells)] for row in matrix.rows]
    return matrix, header, rows


@public_page
def indicators(request, district, year):
    """The published reports' indicator figures, unit by unit (nothing from unpublished reports)."""
    district = _district(district)
    matrix, _header, _rows = _indicator_table(district, year)
    if not matrix.rows:
        raise Http404("这一年度还没有公开的报告。")
    columns = [
        (indicator, [(row.label, row.cells[index]) for row in matrix.rows])
        for index, indicator in enumerate(matrix.indicators)
        if any(row.cells[index].figure.text() for row in matrix.rows)
    ]
    context = {
        "district": district,
        "year": year,
        "units": [row.label for row in matrix.rows],
        "columns": columns,
    }
    return render(request, "public/indicators.html", context)


@public_page
def indicators_csv(request, district, year):
    district = _district(district)
    matrix, header, rows = _indicator_table(district, year)
    if not matrix.rows:
        raise Http404("这一年度还没有公开的报告。")
    response = HttpResponse(to_csv(header, rows), content_type=CSV)
    return _public_download(
        response, f"{district.short_name}{year}年度公开报告指标.csv", f"indicators-{district.code}-{year}.csv"
    )


@public_page
def search(request):
    """Search across published reports; filter by district, year and unit."""
    query = clean_query(request.GET.get("q", ""))
    published = _visible()
    districts = list(
        Unit.objects.filter(kind=Unit.Kind.DISTRICT, children__reports__publication__in=published).distinct()
    )
    district = next((d for d in districts if d.code == request.GET.get("district")), None)
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    unit = None
    if request.GET.get("unit"):
        unit = Unit.objects.filter(code=request.GET["unit"], parent__kind=Unit.Kind.DISTRICT).first()
    results = search_published(query, district=district, year=year, unit=unit)
    years = sorted(set(published.values_list("report__year", flat=True)), reverse=True)
    units = Unit.objects.filter(reports__publication__in=published).distinct().order_by("parent", "position")
    context = {
        "query": query,
        "results": results,
        "districts": districts,
        "district": district,
        "years": years,
        "year": year,
        "units": units,
        "unit": unit,
    }
    return render(request, "public/search.html", context)
