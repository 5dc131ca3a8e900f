"""The indicator sheet's rows written out in Python (indicators/rows.py) against the template loop they
replace, and the posted sheet that checks only the rows posted otherwise than stored (indicators/forms.py)."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.template import engines

from indicators.forms import IndicatorSheet, IndicatorValueForm
from indicators.models import Indicator, IndicatorRule, IndicatorValue, Qualifier, format_number
from indicators.rows import printed_form, rows_by_category, rows_html
from reports.consistency import TextFigure
from reports.models import Report

# templates/indicators/sheet.html's loop over a category's rows before issue 13's second round, verbatim, with
# the 必填 mark added since.
TEMPLATE_ROWS = """{% for row in rows %}{% with f=row.f %}
        <tr id="indicator-{{ row.indicator.code }}" class="{% if f.errors %}table-danger{% endif %}">
          <td><label for="{{ f.value_id }}">{{ row.indicator.name }}</label> <span class="text-muted small">（{{ row.indicator.unit }}）</span>{% if row.indicator.required %} <span class="badge text-bg-warning">必填</span>{% endif %}</td>
          <td>
            <input type="text" inputmode="decimal" name="{{ f.value_name }}" id="{{ f.value_id }}"
              value="{{ f.value|default_if_none:'' }}" class="form-control form-control-sm{% if f.value_invalid %} is-invalid{% endif %}"
              data-last="{{ row.last_number }}" data-unit="{{ row.indicator.unit }}" {% if not editable %}disabled{% endif %}>
            {% if conflict and row.saved %}<div class="conflict-theirs small mt-1">上次保存：{{ row.saved.display }}</div>{% endif %}{% if editable and row.from_text and f.value in empty and not f.not_applicable %}<div class="from-text small text-muted mt-1">正文：{{ row.from_text.quote }} <button type="button" class="btn btn-link btn-sm p-0 align-baseline fill-from-text" data-value="{{ row.from_text_number }}" data-qualifier="{{ row.from_text.qualifier }}" aria-label="把正文中的数填入{{ row.indicator.name }}" hidden>填入</button></div>{% endif %}
          </td>
          <td><select name="{{ f.qualifier_name }}" class="form-select form-select-sm" aria-label="{{ row.indicator.name }} 限定" {% if not editable %}disabled{% endif %}>
            {% for value, label in qualifiers %}<option value="{{ value }}"{% if f.qualifier == value %} selected{% endif %}>{{ label }}</option>{% endfor %}
          </select></td>
          <td class="text-center"><input type="checkbox" name="{{ f.not_applicable_name }}" class="form-check-input" aria-label="{{ row.indicator.name }} 不适用"
            {% if f.not_applicable %}checked{% endif %} {% if not editable %}disabled{% endif %}></td>
          <td><input type="text" name="{{ f.note_name }}" value="{{ f.note|default_if_none:'' }}" class="form-control form-control-sm"
            aria-label="{{ row.indicator.name }} 说明" maxlength="300" {% if not editable %}disabled{% endif %}></td>
          <td class="small">{{ row.last.display|default:"—" }}</td>
          <td class="small yoy" aria-live="polite">{{ row.change_text|default:"—" }}</td>
        </tr>
        {% if f.errors %}<tr class="table-danger"><td></td><td colspan="6" class="small text-danger">
          {% for field, errors in f.errors.items %}{% for error in errors %}<div>{{ error }}</div>{% endfor %}{% endfor %}</td></tr>{% endif %}
      {% endwith %}{% endfor %}"""

QUALIFIERS = IndicatorValueForm.base_fields["qualifier"].choices


@pytest.fixture
def catalogue(district):
    def make(code, name, unit, category="disputes", kind="count", **extra):
        return Indicator.objects.create(
            district=district, code=code, name=name, unit=unit, category=category, kind=kind, first_year=2020,
            **extra,
        )  # fmt: skip

    indicators = [
        make("screened", "排查矛盾纠纷", "件"),
        make("mediated", "调解成功<矛盾>纠纷", "件"),
        make("rate", "调解成功率", "%", kind="percent", max_value=100),
        make("leaflets", '发放"宣传"资料&', "份", category="publicity", max_value=1_000_000),
        make("money", "罚没金额", "万元", category="enforcement", kind="amount"),
        make("empty", "未填写的指标", "次", category="other"),
    ]
    IndicatorRule.objects.create(
        district=district, kind="at_most", indicator=indicators[1], other=indicators[0]
    )
    return indicators


@pytest.fixture
def stored(report, unit, catalogue):
    screened, mediated, rate, leaflets, money, _empty = catalogue
    last = Report.objects.create(unit=unit, year=report.year - 1)
    for indicator, value in ((screened, 44), (mediated, 40), (rate, 95), (money, "12.5")):
        IndicatorValue.objects.create(report=last, indicator=indicator, value=Decimal(value))
    values = [
        IndicatorValue(indicator=screened, value=Decimal(30), note='<b>"摘自"</b> & 原文'),
        IndicatorValue(indicator=mediated, value=Decimal(20), qualifier=Qualifier.MORE_THAN),
        IndicatorValue(indicator=rate, value=Decimal("66.70")),
        IndicatorValue(indicator=leaflets, not_applicable=True, note="本年未发放"),
        IndicatorValue(indicator=money, value=Decimal("12.50"), qualifier=Qualifier.ABOUT),
    ]
    for value in values:
        value.report = report
        value.save()
    return values


def sheet_of(report, catalogue, data=None):
    saved = {v.indicator_id: v for v in IndicatorValue.objects.filter(report=report)}
    rules = list(IndicatorRule.objects.select_related("indicator", "other", "base"))
    return IndicatorSheet(report, catalogue, saved, rules, data=data), saved


def posted(report, catalogue, **changes):
    """The sheet as its page posts it, with ``changes`` (field name → value; None leaves a field out)."""
    sheet, _ = sheet_of(report, catalogue)
    data = QueryDict(mutable=True)
    data["version"] = str(report.version)
    for indicator in catalogue:
        f = printed_form(sheet.form(indicator.pk))
        data[f["value_name"]] = f["value"] or ""
        data[f["qualifier_name"]] = f["qualifier"]
        if f["not_applicable"]:
            data[f["not_applicable_name"]] = "on"
        data[f["note_name"]] = f["note"] or ""
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def both_ways(sheet, saved, report, editable=True, conflict=False, from_text=None):
    previous = IndicatorValue.objects.previous_year_of(report)
    groups = rows_by_category(sheet, saved, previous, from_text)
    template = engines["django"].from_string(TEMPLATE_ROWS)
    for rows in groups.values():
        with_forms = [
            {
                **row,
                "f": printed_form(sheet.form(row["indicator"].pk)),
                "from_text_number": format_number(row["from_text"].value) if row["from_text"] else "",
            }
            for row in rows
        ]
        context = {
            "rows": with_forms,
            "qualifiers": QUALIFIERS,
            "editable": editable,
            "conflict": conflict,
            "empty": (None, ""),
        }
        yield template.render(context), rows_html(rows, QUALIFIERS, editable, conflict)


@pytest.mark.parametrize("editable", [True, False])
def test_an_unposted_sheet_prints_what_the_template_printed_from_its_forms(
    report, catalogue, stored, editable
):
    sheet, saved = sheet_of(report, catalogue)
    pairs = list(both_ways(sheet, saved, report, editable=editable))
    assert len(pairs) == 4  # categories
    for from_template, written_out in pairs:
        assert written_out == from_template
    page = "".join(html for _, html in pairs)
    assert "&lt;b&gt;&quot;摘自&quot;&lt;/b&gt; &amp; 原文" in page and "调解成功&lt;矛盾&gt;纠纷" in page
    assert "减少14件（-31.8%）" in page and "checked" in page
    unposted, saved = sheet_of(report, catalogue)
    rows_by_category(unposted, saved, {})
    assert not unposted._forms  # the unposted page builds no form


def test_a_posted_sheet_with_errors_and_a_conflict_prints_as_the_template_did(report, catalogue, stored):
    screened, _mediated, _rate, leaflets, money, empty = catalogue
    data = posted(
        report,
        catalogue,
        **{
            f"v{screened.pk}-value": "很多<",
            f"v{money.pk}-value": "-3",
            f"v{leaflets.pk}-value": "5",  # with 不适用 still ticked
            f"v{empty.pk}-note": '新的"说明"',
            f"v{empty.pk}-qualifier": Qualifier.NEARLY,
        },
    )
    sheet, saved = sheet_of(report, catalogue, data)
    assert not sheet.is_valid()
    for conflict in (False, True):
        for from_template, written_out in both_ways(sheet, saved, report, conflict=conflict):
            assert written_out == from_template
    page = "".join(html for _, html in both_ways(sheet, saved, report, conflict=True))
    assert "无法识别" in page and "不能为负数" in page and "已勾选“不适用”" in page
    assert "is-invalid" in page and "上次保存：20余件" in page


@pytest.mark.parametrize("editable", [True, False])
def test_the_texts_figure_is_offered_on_an_empty_row_only_as_the_template_would(
    report, catalogue, stored, editable
):
    screened, _mediated, _rate, _leaflets, _money, empty = catalogue
    from_text = {
        screened.pk: TextFigure(Decimal(1700), Qualifier.EXACT, "排查矛盾纠纷1700件"),  # filled: not offered
        empty.pk: TextFigure(Decimal(12), Qualifier.MORE_THAN, "<专题>学法12余次"),
    }
    sheet, saved = sheet_of(report, catalogue)
    pairs = list(both_ways(sheet, saved, report, editable=editable, from_text=from_text))
    for from_template, written_out in pairs:
        assert written_out == from_template
    page = "".join(html for _, html in pairs)
    offered = (
        '正文：&lt;专题&gt;学法12余次 <button type="button" class="btn btn-link btn-sm p-0 align-baseline'
    )
    assert (offered in page, 'data-value="12" data-qualifier="more_than"' in page) == (editable, editable)
    assert "排查矛盾纠纷1700件" not in page


def test_a_sheet_posted_as_stored_checks_and_writes_no_row(report, catalogue, stored):
    sheet, _ = sheet_of(report, catalogue, posted(report, catalogue))
    assert sheet.is_valid() and sheet.checked == [] and sheet.cleaned_rows() == {}


def test_only_the_rows_posted_otherwise_are_checked_and_written(report, catalogue, stored):
    screened, _mediated, _rate, leaflets, _money, empty = catalogue
    data = posted(
        report,
        catalogue,
        **{
            f"v{leaflets.pk}-note": "本年未发放（补充）",
            f"v{empty.pk}-value": "7",
            f"v{screened.pk}-note": stored[0].note + "\x0b",  # cleaned on save, as before
        },
    )
    sheet, _ = sheet_of(report, catalogue, data)
    assert sheet.is_valid()
    assert set(sheet.checked) == {leaflets.pk, empty.pk, screened.pk}
    rows = sheet.cleaned_rows()
    assert rows[leaflets.pk]["note"] == "本年未发放（补充）" and rows[empty.pk]["value"] == 7
    assert rows[screened.pk]["note"] == stored[0].note


def test_a_field_left_out_is_checked_as_before(report, catalogue, stored):
    mediated = catalogue[1]
    sheet, _ = sheet_of(report, catalogue, posted(report, catalogue, **{f"v{mediated.pk}-qualifier": None}))
    assert not sheet.is_valid() and "qualifier" in sheet.forms[mediated.pk].errors


def test_a_stored_value_the_catalogue_now_refuses_still_stops_the_save(report, catalogue, stored):
    money = catalogue[4]
    Indicator.objects.filter(pk=money.pk).update(max_value=10)
    money.refresh_from_db()
    sheet, _ = sheet_of(report, catalogue, posted(report, catalogue))
    assert not sheet.is_valid()
    assert "“罚没金额”应在0到10之间" in str(sheet.forms[money.pk].errors)


def test_a_rule_between_a_changed_row_and_an_unchanged_one_is_checked(report, catalogue, stored):
    screened, mediated = catalogue[:2]
    data = posted(report, catalogue, **{f"v{mediated.pk}-value": "31", f"v{mediated.pk}-qualifier": "exact"})
    sheet, _ = sheet_of(report, catalogue, data)
    assert not sheet.is_valid()
    assert "不能大于“排查矛盾纠纷”（30）" in str(sheet.forms[mediated.pk].errors)

    IndicatorValue.objects.filter(pk=stored[1].pk).update(qualifier=Qualifier.EXACT)
    sheet, _ = sheet_of(report, catalogue, posted(report, catalogue, **{f"v{screened.pk}-value": "10"}))
    assert not sheet.is_valid()  # the error is on the unchanged row, whose form is built to say so
    assert mediated.pk not in sheet.checked
    assert "（20）不能大于“排查矛盾纠纷”（10）" in str(sheet.forms[mediated.pk].errors)
