from django.urls import path

from . import district_views as district
from . import views

urlpatterns = [
    path("reports/<int:pk>/indicators/", views.sheet, name="indicator-sheet"),
    path("district/<int:year>/indicators/", district.matrix, name="district-matrix"),
    path(
        "district/<int:year>/indicators.xlsx", district.matrix_export, {"fmt": "xlsx"}, name="district-xlsx"
    ),
    path("district/<int:year>/indicators.csv", district.matrix_export, {"fmt": "csv"}, name="district-csv"),
    path("district/<int:year>/indicators/<int:pk>/", district.indicator_detail, name="district-indicator"),
    path("district/<int:year>/units/<int:pk>/indicators/", district.unit_indicators, name="district-unit"),
    path("district/<int:year>/catalogue/", district.catalogue, name="district-catalogue"),
    path(
        "district/<int:year>/catalogue/copy/", district.catalogue_carry_over, name="district-catalogue-copy"
    ),
    path("district/<int:year>/catalogue/<int:pk>/", district.indicator_edit, name="district-indicator-edit"),
    path(
        "district/<int:year>/catalogue/<int:pk>/retire/",
        district.indicator_retire,
        name="district-indicator-retire",
    ),
    path(
        "district/<int:year>/catalogue/<int:pk>/up/",
        district.indicator_move,
        {"step": -1},
        name="district-indicator-up",
    ),
    path(
        "district/<int:year>/catalogue/<int:pk>/down/",
        district.indicator_move,
        {"step": 1},
        name="district-indicator-down",
    ),
    path("district/<int:year>/rules/<int:pk>/delete/", district.rule_delete, name="district-rule-delete"),
]
