from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .lexicon import urgency_label  # pure Python over mizan.lib: no model, safe before the registry


def signal_label(code: str) -> str | None:
    """The lexicon's words for an urgency signal; None for an unknown code (left out, never
    shown as a code)."""
    label = urgency_label(code)
    return None if label == code else label


class TriageConfig(AppConfig):
    name = "mizan.triage"
    label = "triage"
    verbose_name = _("Triage suggestions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: an AppConfig module is imported before the app registry
        # is ready, and models may not be imported then (Django's documented place for this).
        from mizan.audit.labels import register_action_labels
        from mizan.complaints.models import register_urgency_signal_labeller
        from mizan.core.periodic import EVERY_FIVE_MINUTES, register_periodic
        from mizan.followup import projections as followup_projections

        from .followup import queue_suggestions
        from .tasks import sweep_critical_reviews

        # The core describes a case's suggested urgency with the lexicon's words for its signals,
        # without importing triage.
        register_urgency_signal_labeller(signal_label)
        # Suggested critical urgencies left undecided escalate like a missed deadline.
        register_periodic(sweep_critical_reviews, EVERY_FIVE_MINUTES)
        register_action_labels({
            "triage.model_train": _("Triage model trained"),
            "triage.model_activate": _("Triage model activated"),
            "triage.model_rollback": _("Triage model rolled back"),
        })
        # The follow-up never imports triage: new, edited and imported recommendations get the
        # engine's suggestions from a task this projection queues on commit.
        followup_projections.register("triage.followup_suggestions", queue_suggestions, order=50)
