from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from mizan.core.periodic import EVERY_FIVE_MINUTES, register_periodic


class ComplaintsConfig(AppConfig):
    name = "mizan.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        # Imported here, not at the top: these modules import models, which may not be imported
        # before the app registry is ready (an AppConfig module is imported while it is filled).
        from .keys import check_data_keys
        from .rules import watch
        from .tasks import sweep_deadlines

        # A lost data key stops the platform: values sealed under a key id not in the ring.
        checks.register(check_data_keys, "mizan_data_keys")

        watch()  # intake's cached rules are read again after every change to them

        register_periodic(sweep_deadlines, EVERY_FIVE_MINUTES)
