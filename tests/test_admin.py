import pytest
from django.contrib import admin
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from reports.models import Item, Organ, Section


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw")


@pytest.fixture
def filled_report(report, district):
    Organ.objects.create(report=report, role=Organ.Role.ISSUING, position=0, name="城西街道办事处")
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    Item.objects.create(section=section, position=0, heading="高度重视。", body="正文")
    indicator = Indicator.objects.create(
        district=district, code="x", name="排查矛盾纠纷", unit="件", category="disputes", first_year=2020
    )
    IndicatorValue.objects.create(report=report, indicator=indicator, value=1705)
    return report


def test_every_model_has_a_working_changelist_search_and_change_page(client, superuser, filled_report):
    client.force_login(superuser)
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        if model_admin.search_fields:
            assert client.get(changelist, {"q": "城西"}).status_code == 200, changelist
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            assert client.get(change).status_code == 200, change


def test_the_report_page_shows_organs_sections_and_values_inline(client, superuser, filled_report):
    client.force_login(superuser)
    content = client.get(reverse("admin:reports_report_change", args=[filled_report.pk])).content.decode()
    assert "城西街道办事处" in content
    assert "主要举措" in content
    assert "1705" in content
