from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "mizan.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from . import logins  # noqa: F401  (connects the login/logout audit receivers)
