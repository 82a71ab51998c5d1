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
        from mizan.complaints import projections as case_projections
        from mizan.complaints.models import register_urgency_signal_labeller
        from mizan.core.periodic import EVERY_FIVE_MINUTES, register_periodic
        from mizan.core.tasks import enqueue_on_commit
        from mizan.followup import projections as followup_projections

        from .followup import queue_suggestions
        from .models import PiiSpan
        from .privacy import store_message_pii
        from .tasks import sweep_critical_reviews, triage_case

        # What follows a change to a case, without the core naming triage: personal-data spans of
        # each new message (in its transaction, so redaction covers it from the start), new
        # suggestions once a narrative, categories or urgency change is committed, and no spans
        # left pointing into text that anonymisation removed.
        case_projections.register(case_projections.MESSAGE, "triage.pii", store_message_pii, order=10)
        case_projections.register(case_projections.CONTENT, "triage.suggest",
                                  lambda case: enqueue_on_commit(triage_case, case.pk), order=10)
        case_projections.register(case_projections.ANONYMISED, "triage.pii_spans",
                                  lambda case: PiiSpan.objects.filter(case=case).delete(), order=10)

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
