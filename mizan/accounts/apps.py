from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mizan.accounts"
    label = "accounts"
    verbose_name = _("Organisations and users")

    def ready(self):
        # The login receiver marks every new session with its start and generation.
        from . import security  # noqa: F401
