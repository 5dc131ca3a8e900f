from django.urls import path

from .views import district, documents, editor, home, importing, notices, review

urlpatterns = [
    path("", home.home, name="home"),
    path("notices/", notices.notice_list, name="notices"),
    path("reports/new/", home.new_report, name="report-new"),
    path("reports/import/", importing.start, name="report-import"),
    path("reports/import/<slug:token>/", importing.confirm, name="report-import-confirm"),
    path("reports/<int:pk>/docx/", importing.download_docx, name="report-docx"),
    path("reports/<int:pk>/", review.detail, name="report-detail"),
    path("reports/<int:pk>/edit/", editor.edit, name="report-edit"),
    path("reports/<int:pk>/act/<slug:action>/", review.act, name="report-act"),
    path("reports/<int:pk>/comments/", review.comment, name="report-comment"),
    path(
        "reports/<int:pk>/comments/<int:comment_pk>/resolve/",
        review.resolve_comment,
        name="report-comment-resolve",
    ),
    path("reports/<int:pk>/history/", review.history, name="report-history"),
    path("reports/<int:pk>/changes/", review.changes, name="report-changes"),
    path("reports/<int:pk>/preview/", documents.preview, name="report-preview"),
    path("reports/<int:pk>/pdf/", documents.pdf, name="report-pdf"),
    path("district/", district.home, name="district-home"),
    path("district/<int:year>/", district.dashboard, name="district-dashboard"),
    path("district/<int:year>/setup/", district.setup, name="district-setup"),
    path("district/<int:year>/reports.zip", district.reports_zip, name="district-zip"),
    path("district/<int:year>/volume.pdf", district.volume, name="district-volume"),
    path("reports/<int:pk>/pdf/<int:stored_pk>/", documents.stored_pdf, name="report-stored-pdf"),
]
