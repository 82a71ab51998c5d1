from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mizan.accounts"
    label = "accounts"
    verbose_name = _("Organisations and users")

    def ready(self):
        # Imported here, not at the top: it imports models, which may not be imported before the
        # app registry is ready. Its login receiver marks every new session with its start and
        # generation.
        from . import security  # noqa: F401
