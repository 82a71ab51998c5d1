"""Background task of the triage wing. Takes an id and is idempotent (see `engine`)."""

from mizan.core.tasks import task


@task()
def triage_case(case_id: int) -> dict:
    """Store category, urgency, duplicate/related suggestions and PII spans for one case."""
    from .engine import run_triage

    return run_triage(case_id)


@task()
def scan_case_pii(case_id: int) -> int:
    """Re-scan a case's narrative and messages for personal data and replace its stored spans
    (messages are also scanned as they are written); returns the number of spans stored."""
    from mizan.complaints.models import Case

    from .privacy import store_pii_spans

    case = Case.objects.filter(pk=case_id).first()
    return store_pii_spans(case) if case is not None else 0
