from django.urls import path

from . import draft_views as drafts
from . import indicator_views as indicators
from . import views

app_name = "district"

urlpatterns = [
    path("", views.home, name="home"),
    path("publishing/", views.publish_setting, name="publish-setting"),
    path("search/", views.search, name="search"),
    path("<year:year>/", views.dashboard, name="dashboard"),
    path("<year:year>/setup/", views.setup, name="setup"),
    path("<year:year>/remind/", views.remind, name="remind"),
    path("<year:year>/reports.zip", views.reports_zip, name="zip"),
    path("<year:year>/volume.pdf", views.volume, name="volume"),
    path("<year:year>/files/<int:pk>/", views.file_status, name="file"),
    path("<year:year>/files/<int:pk>/status.json", views.file_status_json, name="file-status"),
    path("<year:year>/files/<int:pk>/download/", views.file_download, name="file-download"),
    path("<year:year>/files/<int:pk>/retry/", views.file_retry, name="file-retry"),
    path("<year:year>/draft/", drafts.draft, name="draft"),
    path("<year:year>/draft/start/", drafts.draft_start, name="draft-start"),
    path("<year:year>/draft/pick/", drafts.draft_pick, name="draft-pick"),
    path("<year:year>/draft/totals/", drafts.draft_totals, name="draft-totals"),
    path("<year:year>/indicators/", indicators.matrix, name="matrix"),
    path("<year:year>/indicators.xlsx", indicators.matrix_export, {"fmt": "xlsx"}, name="xlsx"),
    path("<year:year>/indicators.csv", indicators.matrix_export, {"fmt": "csv"}, name="csv"),
    path("<year:year>/indicators/<int:pk>/", indicators.indicator_detail, name="indicator"),
    path("<year:year>/units/<int:pk>/indicators/", indicators.unit_indicators, name="unit"),
    path("<year:year>/catalogue/", indicators.catalogue, name="catalogue"),
    path("<year:year>/catalogue/copy/", indicators.catalogue_carry_over, name="catalogue-copy"),
    path(
        "<year:year>/catalogue/national/", indicators.catalogue_copy_national, name="catalogue-copy-national"
    ),
    path("<year:year>/catalogue/<int:pk>/", indicators.indicator_edit, name="indicator-edit"),
    path("<year:year>/catalogue/<int:pk>/retire/", indicators.indicator_retire, name="indicator-retire"),
    path("<year:year>/catalogue/<int:pk>/up/", indicators.indicator_move, {"step": -1}, name="indicator-up"),
    path(
        "<year:year>/catalogue/<int:pk>/down/", indicators.indicator_move, {"step": 1}, name="indicator-down"
    ),
    path("<year:year>/rules/<int:pk>/delete/", indicators.rule_delete, name="rule-delete"),
]
