from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "mizan.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from django.core import checks

        from .keys import check_data_keys

        # A lost data key stops the platform: values sealed under a key id not in the ring.
        checks.register(check_data_keys, "mizan_data_keys")

        from mizan.core.periodic import EVERY_FIVE_MINUTES, register_periodic

        from .rules import watch
        from .tasks import sweep_deadlines

        watch()  # intake's cached rules are read again after every change to them

        register_periodic(sweep_deadlines, EVERY_FIVE_MINUTES)
