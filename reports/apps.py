from django.apps import AppConfig
from django.urls import register_converter


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "年度报告"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the system checks)
        from .common.converters import YearConverter
        from .rendering import tuning
        from .views.acting import remember_default_acting_unit

        register_converter(YearConverter, "year")
        user_logged_in.connect(remember_default_acting_unit, dispatch_uid="reports.acting_unit")
        # Every process that renders PDFs comes through here (django.setup()): the web workers, the
        # management commands, the tests, the bench scripts. Importing the rendering code changes nothing.
        tuning.apply()
