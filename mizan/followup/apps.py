from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mizan.audit.labels import register_action_labels, register_target_names
from mizan.core.periodic import EVERY_FIVE_MINUTES, HOURLY, register_periodic

from .audit_labels import ACTION_LABELS, TARGET_NAMES


class FollowupConfig(AppConfig):
    name = "mizan.followup"
    label = "followup"
    verbose_name = _("Follow-up of recommendations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which may not be imported
        # before the app registry is ready (an AppConfig module is imported while it is filled).
        from .indicators import sweep_indicators
        from .reminders import register_notifications
        from .tasks import sweep_recommendation_imports
        from .tasks_reminders import sweep_followup_reminders

        # The audit page shows the follow-up's actions in words without naming this app.
        register_action_labels(ACTION_LABELS)
        for target_type, names in TARGET_NAMES.items():
            register_target_names(target_type, names)

        # Reminders are notifications without a case: the core learns their words from here.
        register_notifications()
        # Computed indicators of the periods whose complaints changed; interrupted imports.
        register_periodic(sweep_indicators, EVERY_FIVE_MINUTES)
        register_periodic(sweep_recommendation_imports, EVERY_FIVE_MINUTES)
        register_periodic(sweep_followup_reminders, HOURLY)  # reminders are by the day
