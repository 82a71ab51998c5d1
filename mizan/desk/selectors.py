"""Read-only queries behind the staff desk besides the case list (which is the core's
`complaints.caselist`, shared with the API and the exports): notifications and the audit log.

Nothing here writes.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import QuerySet

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Case, Notification
from mizan.core.sqltime import day_start

# --- notifications and audit ----------------------------------------------------------------------

def notifications_for(user) -> QuerySet:
    return Notification.objects.filter(user=user).select_related("case").order_by("-created_at", "-id")


def audit_events(organisation, *, action: str = "", actor_username: str = "", target_case_id: int | None = None,
                 date_from: date | None = None, date_to: date | None = None) -> QuerySet:
    """The organisation's audit rows, newest first. `target_case_id=0` means "no such case"."""
    qs = AuditEvent.objects.filter(organisation=organisation).select_related("actor").order_by("-id")
    if action:
        qs = qs.filter(action=action)
    if actor_username:
        qs = qs.filter(actor__username=actor_username)
    if target_case_id is not None:
        qs = qs.filter(target_type="case", target_id=str(target_case_id)) if target_case_id else qs.none()
    if date_from:
        qs = qs.filter(at__gte=day_start(date_from))
    if date_to:
        qs = qs.filter(at__lt=day_start(date_to + timedelta(days=1)))
    return qs


def case_references(organisation, events) -> dict[str, str]:
    """target_id -> reference for the case rows among `events`, in one query."""
    ids = {int(e.target_id) for e in events if e.target_type == "case" and e.target_id.isdigit()}
    if not ids:
        return {}
    return {str(pk): ref for pk, ref in
            Case.objects.filter(organisation=organisation, pk__in=ids).values_list("pk", "reference")}
