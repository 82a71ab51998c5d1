from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "mizan.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        # Imported here, not at the top: it imports models, which may not be imported before the
        # app registry is ready. It connects the login/logout audit receivers.
        from . import logins  # noqa: F401
