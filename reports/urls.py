from django.urls import path

from .views import (
    acting,
    audit_log,
    documents,
    editor,
    home,
    importing,
    notices,
    publishing,
    review,
    snapshots,
)

app_name = "reports"

urlpatterns = [
    path("", home.home, name="home"),
    path("notices/", notices.notice_list, name="notices"),
    path("audit/", audit_log.audit_log, name="audit"),
    path("audit/export.csv", audit_log.audit_export, name="audit-export"),
    path("notices/read/", notices.mark_read, name="notices-read"),
    path("acting-for/", acting.switch, name="acting-for"),
    path("reports/new/", home.new_report, name="new"),
    path("reports/import/", importing.start, name="import"),
    path("reports/import/<slug:token>/", importing.confirm, name="import-confirm"),
    path("reports/<int:pk>/", review.detail, name="detail"),
    path("reports/<int:pk>/edit/", editor.edit, name="edit"),
    path("reports/<int:pk>/act/<slug:action>/", review.act, name="act"),
    path("reports/<int:pk>/comments/", review.comment, name="comment"),
    path(
        "reports/<int:pk>/comments/<int:comment_pk>/resolve/", review.resolve_comment, name="comment-resolve"
    ),
    path("reports/<int:pk>/history/", review.history, name="history"),
    path("reports/<int:pk>/changes/", review.changes, name="changes"),
    path("reports/<int:pk>/snapshots/<int:snapshot_pk>/", snapshots.document, name="snapshot"),
    path("reports/<int:pk>/snapshots/<int:snapshot_pk>/changes/", snapshots.changes, name="snapshot-changes"),
    path("reports/<int:pk>/snapshots/<int:snapshot_pk>/restore/", snapshots.restore, name="snapshot-restore"),
    path("reports/<int:pk>/preview/", documents.preview, name="preview"),
    path("reports/<int:pk>/pdf/", documents.pdf, name="pdf"),
    path("reports/<int:pk>/pdf/<int:stored_pk>/", documents.stored_pdf, name="stored-pdf"),
    path("reports/<int:pk>/docx/", documents.docx, name="docx"),
    path("reports/<int:pk>/publish/", publishing.publish, name="publish"),
    path("reports/<int:pk>/withdraw/", publishing.withdraw, name="withdraw"),
]
