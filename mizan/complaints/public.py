"""The one public view of a case: what its complainant sees with the receipt, on the portal's
tracking page and through the tracking API (`GET /api/v1/track`) alike.

Only what is meant for the complainant: the status in words and what it means, the public
timeline, the messages that are not internal notes with their public files, the files that are
not internal, the public outcome and, once decided, the finding on each act complained about;
and what the complainant may do next (reply, appeal until a day, withdraw). Never an internal
note, an officer's name, a unit or an identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from .models import Attachment, Case, CaseMessage
from .workflow import DECIDED_STATES, PUBLIC_EXPLANATION, Status


@dataclass
class PublicView:
    case: Case
    explanation: str
    events: list  # the public timeline rows, oldest first
    messages: list  # CaseMessage not internal, oldest first, each with its public `attachments`
    files: list  # the case's attachments that are not internal
    decided: bool
    allegations: list  # once decided: every allegation with its category and finding ("" if none)
    appeal_until: date | None
    can_appeal: bool
    can_reply: bool
    can_withdraw: bool
    awaiting: bool
    referred: bool
    due: date | None

    @property
    def findings(self) -> list:
        """The allegations that have a finding."""
        return [a for a in self.allegations if a.finding]


def appeal_until(case: Case) -> date | None:
    """The last day the complainant may ask to re-open a decided case."""
    if case.status not in DECIDED_STATES or case.decided_at is None:
        return None
    return timezone.localdate(case.decided_at) + timedelta(days=case.organisation.appeal_days)


def public_view(case: Case, *, today: date | None = None) -> PublicView:
    today = today or timezone.localdate()
    public_files = Attachment.objects.filter(internal=False)
    decided = case.status in DECIDED_STATES
    until = appeal_until(case)
    return PublicView(
        case=case,
        explanation=str(PUBLIC_EXPLANATION[Status(case.status)]),
        events=list(case.timeline.public()),
        messages=list(case.messages.exclude(kind=CaseMessage.Kind.INTERNAL)
                      .prefetch_related(Prefetch("attachments", queryset=public_files))),
        files=list(case.attachments.filter(internal=False)),
        decided=decided,
        allegations=list(case.allegations.select_related("category")) if decided else [],
        appeal_until=until,
        can_appeal=until is not None and today <= until,
        can_reply=case.status not in (Status.CLOSED, Status.WITHDRAWN),
        can_withdraw=case.is_open,
        awaiting=case.status == Status.AWAITING_COMPLAINANT,
        referred=case.status == Status.REFERRED,
        due=case.due_date(),
    )
