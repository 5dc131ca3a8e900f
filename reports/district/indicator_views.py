"""The district office's indicator pages: the year's matrix (and its XLSX/CSV export), one indicator across
units and years with its charts, one unit over the years, and the catalogue set-up.

Access is decided by ``district_office_required``; objects in the URL are looked up inside the district.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from indicators import catalogue as catalogue_ops
from indicators.charts import bar_chart, line_chart
from indicators.exports import matrix_table, to_csv, to_xlsx
from indicators.matrix import indicator_trend, unit_trend, year_matrix
from indicators.models import Indicator, IndicatorRule
from reports.common.downloads import CSV, XLSX, attachment, reports_download_start
from reports.models import Unit
from reports.permissions import district_office_required, get_inside_or_404

from .indicator_forms import IndicatorForm, RuleForm

EXPORTS = {"csv": CSV, "xlsx": XLSX}


def _filters(request):
    """The matrix's choices, from the query string: approved figures only unless drafts are asked for."""
    return {"include_drafts": request.GET.get("drafts") == "1", "category": request.GET.get("category", "")}


@district_office_required
def matrix(request, district, year):
    filters = _filters(request)
    context = {
        "district": district,
        "year": year,
        "matrix": year_matrix(district, year, **filters),
        "categories": Indicator.Category.choices,
        "query": request.GET.urlencode(),
        **filters,
    }
    return render(request, "district/matrix.html", context)


@district_office_required
@reports_download_start
def matrix_export(request, district, year, fmt):
    header, rows = matrix_table(year_matrix(district, year, **_filters(request)))
    title = f"{district.short_name}{year}年度指标汇总"
    content = to_csv(header, rows) if fmt == "csv" else to_xlsx(header, rows, title=f"{year}年度指标")
    return attachment(
        content,
        f"{title}.{fmt}",
        ascii_fallback=f"indicators-{district.code}-{year}.{fmt}",
        content_type=EXPORTS[fmt],
        about=district,
        kind=f"{year}年度指标汇总{fmt.upper()}",
    )


@district_office_required
def indicator_detail(request, district, year, pk):
    """One indicator: a bar per unit for ``year``, the district's line over the years, and the table."""
    # A city's matrix heads its columns with its districts' indicators (matched by code): those too.
    indicator = get_inside_or_404(Indicator.objects, pk, district__path__startswith=district.path)
    include_drafts = request.GET.get("drafts") == "1"
    same_units = request.GET.get("same_units") == "1"
    trend = indicator_trend(district, indicator, year, include_drafts, same_units)
    query = request.GET.copy()
    query["same_units"] = "1"
    column = trend.years.index(year)
    context = {
        "district": district,
        "year": year,
        "indicator": indicator,
        "trend": trend,
        "include_drafts": include_drafts,
        "same_units_url": f"?{query.urlencode()}" if trend.change_withheld else "",
        "bars": bar_chart([(row.label, row.cells[column].figure) for row in trend.rows], indicator.unit),
        "line": line_chart(
            [(y, cell.figure) for y, cell in zip(trend.years, trend.district.cells, strict=True)],
            indicator.unit,
        ),
    }
    return render(request, "district/indicator.html", context)


@district_office_required
def unit_indicators(request, district, year, pk):
    unit = get_inside_or_404(Unit.objects, pk, parent=district)
    include_drafts = request.GET.get("drafts") == "1"
    context = {
        "district": district,
        "year": year,
        "unit": unit,
        "trend": unit_trend(district, unit, year, include_drafts),
        "include_drafts": include_drafts,
    }
    return render(request, "district/unit.html", context)


# --- The catalogue -----------------------------------------------------------------------------------------


@district_office_required
def catalogue(request, district, year):
    """The year's indicators and rules, with the forms to add one of each (kept as typed on errors)."""
    part = request.POST.get("part") if request.method == "POST" else None
    form = IndicatorForm(request.POST if part == "indicator" else None, district=district, year=year)
    rule_form = RuleForm(request.POST if part == "rule" else None, district=district, year=year)
    if part == "indicator" and form.is_valid():
        indicator = catalogue_ops.add_indicator(district, year, **form.cleaned_data)
        messages.success(request, f"已添加指标“{indicator.name}”，自{year}年度起使用。")
        return redirect("district:catalogue", year)
    if part == "rule" and rule_form.is_valid():
        rule = catalogue_ops.add_rule(district, **rule_form.cleaned_data)
        messages.success(request, f"已添加校验规则：{rule}")
        return redirect("district:catalogue", year)
    context = {
        "district": district,
        "year": year,
        "indicators": Indicator.objects.for_year(district, year),
        "rules": IndicatorRule.objects.filter(district=district).select_related("indicator", "other", "base"),
        "missing": catalogue_ops.missing_from_last_year(district, year),
        "form": form,
        "rule_form": rule_form,
    }
    return render(request, "district/catalogue.html", context, status=400 if part else 200)


def _indicator(district, pk):
    return get_inside_or_404(Indicator.objects, pk, district=district)


@district_office_required
def indicator_edit(request, district, year, pk):
    indicator = _indicator(district, pk)
    form = IndicatorForm(request.POST or None, instance=indicator, district=district, year=year)
    if request.method == "POST" and form.is_valid():
        catalogue_ops.change_indicator(indicator, **form.cleaned_data)
        messages.success(request, f"指标“{indicator.name}”已修改。")
        return redirect("district:catalogue", year)
    context = {"district": district, "year": year, "indicator": indicator, "form": form}
    return render(request, "district/indicator_form.html", context, status=400 if form.errors else 200)


@district_office_required
@require_POST
def indicator_retire(request, district, year, pk):
    indicator = _indicator(district, pk)
    try:
        catalogue_ops.retire(indicator, year)
    except catalogue_ops.CatalogueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"指标“{indicator.name}”自{year}年度起停用。")
    return redirect("district:catalogue", year)


@district_office_required
@require_POST
def indicator_move(request, district, year, pk, step):
    catalogue_ops.move(_indicator(district, pk), year, step)
    return redirect("district:catalogue", year)


@district_office_required
@require_POST
def catalogue_carry_over(request, district, year):
    restored = catalogue_ops.carry_over(district, year)
    messages.success(request, f"已将上一年度的{len(restored)}项指标列入{year}年度目录。")
    return redirect("district:catalogue", year)


@district_office_required
@require_POST
def catalogue_copy_national(request, district, year):
    added = catalogue_ops.copy_national_catalogue(district, year, request.user)
    if added:
        messages.success(
            request, f"已从全国通用指标目录加入{len(added)}项指标，自{year}年度起使用，可再修改或停用。"
        )
    else:
        messages.info(request, "全国通用指标目录中的指标本区县都已有，没有新增。")
    return redirect("district:catalogue", year)


@district_office_required
@require_POST
def rule_delete(request, district, year, pk):
    catalogue_ops.delete_rule(get_inside_or_404(IndicatorRule.objects, pk, district=district))
    messages.success(request, "校验规则已删除。")
    return redirect("district:catalogue", year)
