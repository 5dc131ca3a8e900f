from django.apps import AppConfig
from django.urls import register_converter


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "年度报告"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .accounts import signals  # noqa: F401  (the audit rows of logins, lockouts, role changes)
        from .common.converters import YearConverter
        from .rendering import tuning

        register_converter(YearConverter, "year")
        # Every process that renders PDFs comes through here (django.setup()): the web workers, the
        # management commands, the tests, the bench scripts. Importing the rendering code changes nothing.
        tuning.apply()
