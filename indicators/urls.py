from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("reports/<int:pk>/indicators/", views.sheet, name="sheet"),
]
