from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from indicators.aggregation import year_on_year
from indicators.models import Indicator, IndicatorValue, Qualifier
from reports.models import Report


@pytest.fixture
def petitions(district):
    return Indicator.objects.create(
        district=district,
        code="petitions",
        name="处理信访事项",
        unit="件",
        category=Indicator.Category.DISPUTES,
        first_year=2020,
        aliases="处理群众信访事项\n信访事项",
    )


def test_aliases_include_the_name_first_without_duplicates(petitions):
    assert petitions.alias_list == ["处理信访事项", "处理群众信访事项", "信访事项"]


def test_a_catalogue_is_chosen_by_year_range(district, petitions):
    retired = Indicator.objects.create(
        district=district,
        code="old",
        name="旧指标",
        unit="次",
        category="other",
        first_year=2020,
        last_year=2023,
    )
    assert set(Indicator.objects.for_year(district, 2023)) == {petitions, retired}
    assert list(Indicator.objects.for_year(district, 2024)) == [petitions]


def test_a_year_range_must_be_ordered(district):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(
            district=district,
            code="x",
            name="x",
            unit="次",
            category="other",
            first_year=2024,
            last_year=2020,
        )


def test_a_percent_indicator_must_use_percent_unit(district):
    indicator = Indicator(
        district=district,
        code="rate",
        name="调解成功率",
        unit="件",
        kind="percent",
        category="disputes",
        first_year=2020,
    )
    with pytest.raises(ValidationError) as error:
        indicator.clean()
    assert "百分比" in str(error.value)
    indicator.unit = "%"
    indicator.clean()
    assert indicator.effective_max == 100


def test_not_applicable_is_distinct_from_zero_and_carries_no_value(report, petitions):
    zero = IndicatorValue.objects.create(report=report, indicator=petitions, value=Decimal(0))
    assert zero.display == "0件"
    zero.delete()
    na = IndicatorValue.objects.create(report=report, indicator=petitions, not_applicable=True)
    assert na.display == "不适用"
    na.value = Decimal(1)
    with pytest.raises(IntegrityError), transaction.atomic():
        na.save()


def test_one_value_per_report_and_indicator(report, petitions):
    IndicatorValue.objects.create(report=report, indicator=petitions, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(report=report, indicator=petitions, value=2)


@pytest.mark.parametrize(
    ("value", "qualifier", "shown"),
    [
        ("12", Qualifier.EXACT, "12件"),
        ("400", Qualifier.MORE_THAN, "400余件"),
        ("700", Qualifier.NEARLY, "近700件"),
        ("50", Qualifier.ABOUT, "约50件"),
        ("31.50", Qualifier.EXACT, "31.5件"),
    ],
)
def test_a_value_displays_as_reports_write_it(report, petitions, value, qualifier, shown):
    v = IndicatorValue(report=report, indicator=petitions, value=Decimal(value), qualifier=qualifier)
    assert v.display == shown


def test_last_years_value_is_reachable_and_gives_the_seeds_year_on_year_change(unit, petitions):
    last = Report.objects.create(unit=unit, year=2023)
    this = Report.objects.create(unit=unit, year=2024)
    IndicatorValue.objects.create(report=last, indicator=petitions, value=44)
    current = IndicatorValue.objects.create(report=this, indicator=petitions, value=30)

    previous = IndicatorValue.objects.previous_year_of(this)[petitions.pk]
    assert previous.value == 44

    change = year_on_year(current, previous)
    assert change.difference == -14
    assert change.percent == Decimal("-31.8")  # the seed rounds it down to "同比减少31%"
    assert change.direction == "减少"


def test_year_on_year_is_undefined_without_both_values(report, petitions):
    current = IndicatorValue(report=report, indicator=petitions, value=3)
    assert year_on_year(current, None) is None
    assert year_on_year(current, IndicatorValue(indicator=petitions, not_applicable=True)) is None
    assert year_on_year(current, IndicatorValue(indicator=petitions, value=0)).percent is None
