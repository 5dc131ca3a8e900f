from django.urls import path

from . import feeds, views

app_name = "public"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("<slug:district>/", views.district_years, name="district"),
    path("<slug:district>/feed/", feeds.DistrictFeed(), name="feed"),
    path("<slug:district>/<year:year>/", views.year_reports, name="year"),
    path("<slug:district>/<year:year>/reports.json", views.year_json, name="json"),
    path("<slug:district>/<year:year>/indicators/", views.indicators, name="indicators"),
    path("<slug:district>/<year:year>/indicators.csv", views.indicators_csv, name="indicators-csv"),
    path("<slug:district>/<year:year>/<slug:unit>/", views.report_page, name="report"),
    path("<slug:district>/<year:year>/<slug:unit>/report.pdf", views.report_pdf, name="pdf"),
    path("<slug:district>/<year:year>/<slug:unit>/report.docx", views.report_docx, name="docx"),
]
