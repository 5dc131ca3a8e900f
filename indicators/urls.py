from django.urls import path

from . import views

urlpatterns = [
    path("reports/<int:pk>/indicators/", views.sheet, name="indicator-sheet"),
]
