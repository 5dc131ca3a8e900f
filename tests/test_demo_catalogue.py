"""The demo indicator catalogue: well-formed definitions and an idempotent install."""

from indicators.demo_catalogue import CATALOGUE, install_catalogue
from indicators.models import Indicator


def test_catalogue_has_at_least_35_indicators_with_unique_slug_codes():
    codes = [entry["code"] for entry in CATALOGUE]
    assert len(codes) >= 35
    assert len(set(codes)) == len(codes)
    assert all(code.isascii() and code.replace("_", "").isalnum() for code in codes)


def test_catalogue_covers_every_category_but_other():
    categories = {entry["category"] for entry in CATALOGUE}
    assert categories >= set(Indicator.Category.values) - {Indicator.Category.OTHER}


def test_no_alias_names_two_indicators():
    seen = {}
    for entry in CATALOGUE:
        for phrase in [entry["name"], *entry["aliases"]]:
            assert seen.setdefault(phrase, entry["code"]) == entry["code"], phrase


def test_install_catalogue_creates_valid_indicators_in_list_order(district):
    count = install_catalogue(district, 2024)
    indicators = list(Indicator.objects.filter(district=district))
    assert count == len(CATALOGUE) == len(indicators)
    assert [i.code for i in indicators] == [entry["code"] for entry in CATALOGUE]
    for indicator in indicators:
        indicator.full_clean()  # percent → "%", min ≤ max
    rate = Indicator.objects.get(district=district, code="mediation_rate")
    assert (rate.kind, rate.unit, rate.max_value) == (Indicator.Kind.PERCENT, "%", 100)
    assert "调解率" in rate.alias_list


def test_install_catalogue_twice_creates_no_duplicates_and_keeps_first_year(district):
    first = install_catalogue(district, 2024)
    Indicator.objects.filter(district=district, code="leaflets").update(name="改过的名称", position=999)
    second = install_catalogue(district, 2025)
    assert first == second == Indicator.objects.filter(district=district).count()
    leaflets = Indicator.objects.get(district=district, code="leaflets")
    assert (leaflets.name, leaflets.first_year) == ("发放宣传资料", 2024)
    assert leaflets.position < 999
