from django.apps import AppConfig
from django.db.models import signals
from django.urls import register_converter


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "年度报告"

    def ready(self):
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth.models import User
        from django.contrib.auth.signals import user_logged_in

        from . import admin_names, audit_events, checks  # noqa: F401  (checks registers the system checks)
        from .accounts import signals as account_signals  # noqa: F401  (logins, lockouts: audit rows)
        from .common.converters import YearConverter
        from .models import Membership
        from .rendering import tuning
        from .views.acting import remember_default_acting_unit

        register_converter(YearConverter, "year")
        admin_names.apply()  # the libraries' apps and models in Chinese in the admin
        user_logged_in.connect(remember_default_acting_unit, dispatch_uid="reports.acting_unit")
        # Every process that renders PDFs comes through here (django.setup()): the web workers, the
        # management commands, the tests, the bench scripts. Importing the rendering code changes nothing.
        tuning.apply()
        # The audit trail's role and admin events (reports/audit_events.py).
        signals.pre_save.connect(audit_events.membership_before_save, sender=Membership)
        signals.post_save.connect(audit_events.membership_saved, sender=Membership)
        signals.post_delete.connect(audit_events.membership_deleted, sender=Membership)
        signals.pre_save.connect(audit_events.user_before_save, sender=User)
        signals.post_save.connect(audit_events.user_saved, sender=User)
        signals.m2m_changed.connect(audit_events.user_groups_changed, sender=User.groups.through)
        signals.post_save.connect(audit_events.admin_logged, sender=LogEntry)
