"""Retention: anonymising cases whose organisation's retention period has passed.

An organisation sets, per final status, how many days personal data is kept (`RetentionRule`;
no rule = kept). A case is due when that many days have passed since the day it reached the
status (in the server's time zone): closed → `closed_at`, resolved and inadmissible →
`decided_at`, withdrawn → its last change. `anonymise_case` erases identities and redacts free
text but keeps everything statistics count (status, categories, allegations and their
findings, dates, places, channel, urgency).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from mizan.audit.models import record
from mizan.lib import pii

from . import projections
from .identity import IDENTITY_FIELDS
from .models import (
    Attachment,
    Case,
    CaseMessage,
    DataVersion,
    Person,
    RetentionRule,
    RevealRequest,
    TimelineEvent,
)
from .workflow import Status

MASK = "▇▇▇"

# When a case reached its final status, per status.
_FINAL_SINCE = {
    Status.CLOSED: Coalesce("closed_at", "decided_at", "updated_at"),
    Status.RESOLVED: Coalesce("decided_at", "updated_at"),
    Status.INADMISSIBLE: Coalesce("decided_at", "updated_at"),
    Status.WITHDRAWN: models.F("updated_at"),
}


def _redact(text: str) -> str:
    return pii.redact(text, mask=MASK) if text else text


def _start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def cases_due(rule: RetentionRule, *, today: date | None = None):
    """Cases of `rule`'s organisation and status whose period has passed, not yet anonymised.

    Due from the day `rule.days` after the day the case reached its status (that day included).
    """
    today = today or timezone.localdate()
    before = _start_of_day(today - timedelta(days=rule.days) + timedelta(days=1))
    return (Case.objects.filter(organisation_id=rule.organisation_id, status=rule.status, anonymised_at__isnull=True)
            .annotate(final_since=_FINAL_SINCE[Status(rule.status)])
            .filter(final_since__lt=before).order_by("pk"))


@dataclass
class Anonymised:
    """What `anonymise_case` did to one case (ids and counts only)."""

    case_id: int
    reference: str
    persons: list[int] = field(default_factory=list)
    messages: int = 0
    allegations: int = 0
    attachments: int = 0
    already: bool = False


def anonymise_case(*, case: Case, actor=None) -> Anonymised:
    """Erase the personal data of `case`, keeping what statistics count. Idempotent.

    Side effects, in one transaction with the case row locked: every person's encrypted identity
    and contact fields and lookup hashes erased and their description redacted; the narrative,
    place details, referral, public outcome, messages, allegation summaries and finding notes,
    reveal-request reasons and text in timeline rows redacted of detected personal data
    (`lib.pii`); the case's personal-data offsets (`triage.PiiSpan`) dropped; attachments deleted,
    their files removed once the transaction commits; `anonymised_at` set and the version bumped;
    the search document rebuilt; the organisation's statistics marked stale; one audit row
    `case.anonymise` (ids and counts). A case already anonymised is left as it is.
    """
    with transaction.atomic():
        locked = Case.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=case.pk)
        result = Anonymised(case_id=locked.pk, reference=locked.reference)
        if locked.anonymised_at is not None:
            result.already = True
            return result

        erased = {f"{name}_enc": "" for name in IDENTITY_FIELDS}
        for person in Person.objects.filter(case=locked).order_by("pk"):
            for name, value in erased.items():
                setattr(person, name, value)
            person.national_id_hash = person.phone_hash = ""
            person.label = _redact(person.label)
            person.save(update_fields=[*erased, "national_id_hash", "phone_hash", "label"])
            result.persons.append(person.pk)

        for message in CaseMessage.objects.filter(case=locked):
            message.body = _redact(message.body)
            message.save(update_fields=["body"])
            result.messages += 1
        for allegation in locked.allegations.all():
            allegation.summary = _redact(allegation.summary)
            allegation.finding_note = _redact(allegation.finding_note)
            allegation.save(update_fields=["summary", "finding_note"])
            result.allegations += 1
        for request in RevealRequest.objects.filter(case=locked):
            request.reason = _redact(request.reason)
            request.decision_reason = _redact(request.decision_reason)
            request.save(update_fields=["reason", "decision_reason"])
        for event in TimelineEvent.objects.filter(case=locked):
            data = {key: _redact(value) if isinstance(value, str) else value for key, value in event.data.items()}
            if event.kind == "attachment":
                data["name"] = MASK  # the file is gone; its name may have named someone
            if data != event.data:
                # The one sanctioned edit of the append-only timeline: the row, its time and its
                # kind stay; only personal data inside its values is masked (save() refuses edits).
                TimelineEvent.objects.filter(pk=event.pk).update(data=data)

        stored = list(Attachment.objects.filter(case=locked).values_list("stored_name", flat=True))
        Attachment.objects.filter(case=locked).delete()
        result.attachments = len(stored)
        transaction.on_commit(lambda: [default_storage.delete(f"attachments/{name}") for name in stored])

        projections.case_anonymised(locked)  # e.g. personal-data spans: offsets into text that is gone

        locked.narrative = _redact(locked.narrative)
        locked.place_details = _redact(locked.place_details)
        locked.referred_to = _redact(locked.referred_to)
        locked.public_outcome = _redact(locked.public_outcome)
        locked.anonymised_at = timezone.now()
        locked.version = models.F("version") + 1
        locked.save(update_fields=["narrative", "place_details", "referred_to", "public_outcome", "anonymised_at",
                                   "version", "updated_at"])
        locked.refresh_from_db(fields=["version", "updated_at"])

        DataVersion.bump(locked.organisation_id, locked.received_at)
        projections.case_changed(locked)  # the statistics rollup, the search document
        record(action="case.anonymise", organisation=locked.organisation, actor=actor, target=locked,
               data={"persons": result.persons, "messages": result.messages, "allegations": result.allegations,
                     "attachments": result.attachments})
    return result


def apply_retention(*, organisation=None, dry_run: bool = False, today: date | None = None,
                    actor=None) -> list[tuple[RetentionRule, list[Case]]]:
    """Anonymise every case past its organisation's retention period (or, dry, only list them).

    Returns, per rule, the cases that were (or would be) anonymised. Each case is anonymised
    in its own transaction, so an interruption leaves whole cases done and the rest for the
    next run.
    """
    rules = RetentionRule.objects.select_related("organisation").order_by("organisation_id", "status")
    if organisation is not None:
        rules = rules.filter(organisation=organisation)
    done = []
    for rule in rules:
        cases = list(cases_due(rule, today=today))
        if not dry_run:
            for case in cases:
                anonymise_case(case=case, actor=actor)
        done.append((rule, cases))
    return done
