"""Background tasks of the triage wing. They take ids and are idempotent (see `engine`)."""

from django.utils import timezone

from mizan.complaints.models import Case
from mizan.complaints.services import flag_critical_reviews
from mizan.core.tasks import task

from .models import sync_suggested_urgency


@task()
def triage_case(case_id: int) -> dict:
    """Store category, urgency, duplicate/related suggestions and PII spans for one case."""
    from .engine import run_triage

    return run_triage(case_id)


@task()
def scan_case_pii(case_id: int) -> int:
    """Re-scan a case's narrative and messages for personal data and replace its stored spans
    (messages are also scanned as they are written); returns the number of spans stored."""
    from .privacy import store_pii_spans

    case = Case.objects.filter(pk=case_id).first()
    return store_pii_spans(case) if case is not None else 0


@task()
def sweep_critical_reviews() -> int:
    """Escalate the cases whose suggested critical urgency has waited too long for a decision
    (`complaints.services.flag_critical_reviews`); returns how many. Idempotent: the worker
    enqueues it every few minutes."""
    now = timezone.now()
    # Checked against the suggestions first: one decided by a bulk change (which skips
    # Suggestion.save) must not raise an alarm.
    for case in Case.objects.review_overdue(now).filter(critical_review_escalated_at__isnull=True):
        sync_suggested_urgency(case)
    return flag_critical_reviews(now=now)
