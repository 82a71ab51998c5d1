"""Domain functions: the only code that changes cases. One function per action.

Every function takes keyword-only arguments and the acting user explicitly (`actor`; the
complainant, who holds only a receipt, is the pseudo-actor COMPLAINANT). Permission is checked
here, so no face can skip it. Each docstring lists the side effects.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mizan.accounts.models import Membership, Role, Unit, membership_of
from mizan.audit.models import record
from mizan.core import bulk
from mizan.core.tasks import enqueue_on_commit
from mizan.lib.filetypes import sniff, with_extension
from mizan.lib.images import strip_metadata
from mizan.lib.textsafety import clean_file_name
from mizan.lib.vault import random_digits

from . import deadlines, locks, projections, routing, timeline, workflow
from .access import can
from .errors import Conflict, Invalid, NotAllowed
from .identity import identity_hash, receipt_hash, seal
from .models import (
    URGENCY_RANK,
    Allegation,
    Attachment,
    Case,
    CaseCategory,
    CaseMessage,
    CaseVulnerability,
    Category,
    DataVersion,
    Finding,
    Notification,
    Person,
    ReferenceCounter,
    TimelineEvent,
    Urgency,
    critical_review_hours,
)
from .rules import Rules, snapshot
from .tasks import send_notification_emails
from .workflow import COMPLAINANT, SYSTEM, Status

logger = logging.getLogger(__name__)


# --- helpers ----------------------------------------------------------------------------------

def _role(actor) -> str | None:
    if actor in (COMPLAINANT, SYSTEM):
        return actor
    member = membership_of(actor)
    return member.role if member else None


def _user(actor):
    return None if actor in (COMPLAINANT, SYSTEM, None) else actor


def _require(actor, action: str, case: Case) -> None:
    member = membership_of(actor)
    if member is None or member.organisation_id != case.organisation_id or not can(actor, action):
        raise NotAllowed(_("You are not allowed to do this."))


def _event(case: Case, actor, kind: str, *, public: bool, **data) -> TimelineEvent:
    return timeline.event(case, actor, kind, public=public, data=data)


def _timeline(case: Case, actor, kind: str, *, public: bool, **data) -> TimelineEvent:
    return timeline.record(case, actor, kind, public=public, data=data)


def _audit(case: Case, actor, action: str, **data) -> None:
    record(action=action, organisation=case.organisation, actor=_user(actor),
           actor_label=str(timeline.actor_kind(actor)), target=case, data=data)


def _lock(case: Case, expected_version: int | None) -> Case:
    """`case` under its row lock: the face's own read when it took the lock in this transaction
    (`locks`), else read again; refuse if it changed since the user loaded it."""
    locked = case if locks.holds(case) else locks.locked(Case.objects.filter(pk=case.pk))
    if locked is None:
        raise Case.DoesNotExist(f"no case {case.pk}")
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(_("Someone else changed this case while you were working on it. "
                         "Reload the page to see the latest version, then try again."), code="stale")
    return locked


@contextmanager
def _changing(case: Case, expected_version: int | None):
    """The transaction of a change, with `case` under its row lock (`_lock`). When the face
    opened the transaction and read the case under its lock (`locks`), the change runs in the
    face's transaction, without a savepoint of its own: a refusal rolls back the face's whole
    transaction, which holds nothing else."""
    if locks.holds(case):
        yield _lock(case, expected_version)
        return
    with transaction.atomic():
        yield _lock(case, expected_version)


def _touch(case: Case, fields: list[str]) -> None:
    """Save `fields` and the next version, one UPDATE: `case` is the row `_lock` read under its
    lock, so its version is the stored one."""
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


def _changed(case: Case) -> None:
    """What follows every change to a case, once, at the end of the domain function and before
    its audit row: the month's DataVersion row first (cached statistics of that month are stale;
    every domain function takes it before the audit chain's head, so two transactions never wait
    on each other), then what the wings registered (`projections.case_changed`: the statistics
    rollup, the search document), in the caller's transaction."""
    DataVersion.bump(case.organisation_id, case.received_at)
    projections.case_changed(case)


def _mark_first_action(case: Case, fields: list[str]) -> None:
    if case.first_action_at is None:
        case.first_action_at = timezone.now()
        fields.append("first_action_at")


def _next_reference(organisation, year: int) -> str:
    """The next reference of the organisation's year: one UPDATE ... RETURNING (both databases
    take it), the counter row made on the year's first complaint."""
    table = ReferenceCounter._meta.db_table
    for _attempt in range(5):
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE organisation_id = %s AND year = %s "  # noqa: S608 (our table)
                           "RETURNING last", [organisation.pk, year])
            row = cursor.fetchone()
        if row:
            return f"{organisation.reference_prefix}-{year}-{row[0]:06d}"
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(organisation=organisation, year=year, last=1)
            return f"{organisation.reference_prefix}-{year}-{1:06d}"
        except IntegrityError:
            continue  # created by a concurrent submission: increment it instead
    raise RuntimeError("could not allocate a reference number")


@dataclass
class Upload:
    """A file handed to a domain function: its name as the user gave it and its bytes."""

    name: str
    data: bytes


def _store_attachment(case: Case, upload: Upload, *, actor, message=None, internal=False) -> Attachment:
    content_type = sniff(upload.data[:64], upload.data)
    try:
        # Pictures lose their metadata (GPS, device); idempotent, so files the faces already
        # cleaned come out the same.
        data = strip_metadata(upload.data, content_type) if content_type else None
    except ValueError:
        data = None
    if data is None:  # faces check first; this is the last line of defence
        raise Invalid(_("This type of file is not accepted."), fields={"files": _("This type of file is not accepted.")})
    stored_name = secrets.token_hex(20)
    default_storage.save(f"attachments/{stored_name}", ContentFile(data))
    attachment = Attachment.objects.create(
        case=case, message=message, uploaded_by_complainant=(actor == COMPLAINANT), uploaded_by=_user(actor),
        original_name=with_extension(clean_file_name(upload.name), content_type), content_type=content_type,
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), stored_name=stored_name, internal=internal,
    )
    _timeline(case, actor, "attachment", public=not internal, name=attachment.original_name[:120], id=attachment.pk)
    return attachment


def _apply_routing(case: Case, actor, category_ids: set[int]) -> None:
    unit, rule = routing.pick_unit(case, category_ids)
    if unit is None or unit.pk == case.unit_id:
        return
    case.unit = unit
    case.save(update_fields=["unit"])
    _timeline(case, actor, "routed", public=False, unit=unit.pk, unit_name=unit.name_ar, rule=rule.pk if rule else None)
    for member in Membership.objects.filter(unit=unit, role__in=[Role.CASE_OFFICER, Role.SUPERVISOR]):
        _notify(member.user, case, "new_case")


def _supervisors(case: Case) -> list:
    """Who hears of a case's breaches and alarms: the supervisors of its unit, or — when the
    unit has none or the case has no unit — every supervisor of its organisation."""
    supervisors = Membership.objects.filter(organisation_id=case.organisation_id, role=Role.SUPERVISOR)
    in_unit = [m.user for m in supervisors.filter(unit_id=case.unit_id).select_related("user")] if case.unit_id else []
    return in_unit or [m.user for m in supervisors.select_related("user")]


def _notify(user, case: Case, kind: str, **data) -> None:
    Notification.objects.create(user=user, case=case, kind=kind, data={"reference": case.reference, **data})
    enqueue_on_commit(send_notification_emails, case.pk)


# --- intake -----------------------------------------------------------------------------------

def submit_complaint(
    *,
    organisation,
    narrative: str,
    channel: str,
    language: str = "ar",
    anonymous: bool = True,
    complainant: dict | None = None,
    relation: str = "",
    victim: dict | None = None,
    incident_date: date | None = None,
    governorate=None,
    facility=None,
    place_details: str = "",
    categories: list[Category] | tuple = (),
    vulnerabilities: list[str] | tuple = (),
    identity_consent: bool = False,
    urgency: str | None = None,
    files: list[Upload] | tuple = (),
    actor=COMPLAINANT,
    received_at=None,
    rules: Rules | None = None,
) -> tuple[Case, str]:
    """File a complaint; returns (case, receipt). Input is already validated (see `intake`,
    whose `receive` is the way in for the faces).

    Side effects: a reference number and a receipt (only its keyed hash is stored); persons with
    identity sealed (none when anonymous); one allegation per category; routing to a unit;
    deadlines; timeline rows "submitted" and "acknowledged" (public: acknowledgement is
    immediate) and "routed"; audit `case.create`; notification of the unit's officers (one
    e-mail task on commit); then `projections.case_created` (statistics, search) and
    `projections.content_changed` (suggestions).

    What intake reads about the organisation comes from `rules` (a snapshot of `complaints.rules`,
    read once per process): each row is written once, several rows of a table in one statement.
    """
    if actor not in (COMPLAINANT, SYSTEM) and (
        getattr(membership_of(actor), "organisation_id", None) != organisation.pk or not can(actor, "create_case")
    ):
        raise NotAllowed(_("You are not allowed to do this."))
    local = (rules or snapshot()).of(organisation)
    now = received_at or timezone.now()
    categories = list(categories)
    # No savepoint of its own: a failure here fails the caller's whole transaction, which is
    # what every caller wants (the faces through `intake.receive`, an import row in its own).
    with transaction.atomic(savepoint=False):
        receipt = random_digits(16)
        case = Case(
            organisation=organisation, channel=channel, language=language, narrative=narrative,
            incident_date=incident_date, governorate=governorate or (facility.governorate if facility else None),
            facility=facility, place_details=place_details, urgency=urgency or "normal",
            anonymous=anonymous, identity_consent=identity_consent and not anonymous,
            received_at=now, acknowledged_at=now, receipt_hash=receipt_hash(receipt),
        )
        deadlines.start_clock(case, calendar=local.calendar, days=local.deadlines(case.urgency))
        unit, rule = local.route(category_ids=routing.category_ids_with_ancestors(categories),
                                 governorate_id=case.governorate_id, facility=facility)
        case.unit = unit
        case.reference = _next_reference(organisation, timezone.localdate(now).year)
        bulk.insert([case])

        complainant_person = Person(case=case, role=Person.Role.COMPLAINANT,
                                    relation_to_victim=relation or "", vulnerabilities=[])
        _seal_identity(complainant_person, {} if anonymous else (complainant or {}), case.pk)
        persons = [complainant_person]
        victim_person = complainant_person
        if relation in ("", "self"):
            complainant_person.vulnerabilities = list(vulnerabilities)
        else:
            victim_person = Person(case=case, role=Person.Role.VICTIM, vulnerabilities=list(vulnerabilities),
                                   label=(victim or {}).get("label", "")[:200])
            _seal_identity(victim_person, {} if anonymous else (victim or {}), case.pk)
            persons.append(victim_person)
        bulk.insert(persons)

        links = [CaseCategory(case=case, category=c) for c in categories]
        groups = sorted(set(vulnerabilities))
        allegations = [Allegation(case=case, category=c, occurred_on=incident_date, facility=facility,
                                  governorate=case.governorate, victim=victim_person) for c in categories]
        bulk.insert(links)
        bulk.insert([CaseVulnerability(case=case, code=v) for v in groups])
        bulk.insert(allegations)
        events = [_event(case, actor, "submitted", public=True, channel=channel),
                  _event(case, SYSTEM, "acknowledged", public=True, reference=case.reference)]
        if unit is not None:
            events.append(_event(case, SYSTEM, "routed", public=False, unit=unit.pk, unit_name=unit.name_ar,
                                 rule=rule.pk if rule else None))
        timeline.write(*events)
        for upload in files:
            _store_attachment(case, upload, actor=actor)
        if unit is not None and local.announced.get(unit.pk):
            bulk.insert([Notification(user_id=user_id, case=case, kind="new_case", data={"reference": case.reference})
                         for user_id in local.announced[unit.pk]])
            enqueue_on_commit(send_notification_emails, case.pk)
        DataVersion.bump(case.organisation_id, case.received_at)
        projections.case_created(projections.NewCase(case=case, case_categories=links, vulnerabilities=groups,
                                                     allegations=allegations))
        _audit(case, actor, "case.create", channel=channel, anonymous=anonymous)
        projections.content_changed(case)
    return case, receipt


def _seal_identity(person: Person, data: dict, case_id: int) -> None:
    for field in ("name", "national_id", "phone", "email", "address"):
        setattr(person, f"{field}_enc", seal(data.get(field) or "", field, case_id))
    person.national_id_hash = identity_hash("national_id", data.get("national_id") or "")
    person.phone_hash = identity_hash("phone", data.get("phone") or "")


# --- workflow ---------------------------------------------------------------------------------

def transition_case(
    *,
    actor,
    case: Case,
    to: str,
    note: str = "",
    findings: dict[int, dict] | None = None,
    referred_to: str = "",
    referral_due: date | None = None,
    expected_version: int | None = None,
) -> Case:
    """Move `case` to status `to` following the workflow table.

    `findings` maps allegation id -> {"finding": code, "note": text} and is required to resolve.
    Side effects: status and dates; deadline clock paused/resumed; timeline row "status"
    (public); for `request_information` the note goes to the complainant as a message (other
    notes become a message too; either is scanned for personal data); for
    `resolve`/`declare_inadmissible` the note is the outcome the complainant reads; audit
    `case.transition`. Raises Conflict for a transition the workflow does not allow from the
    current status, NotAllowed for a role that may not take it, Invalid for missing input.
    """
    role = _role(actor)
    if actor not in (COMPLAINANT, SYSTEM):
        _require(actor, "view_case", case)
    with _changing(case, expected_version) as case:
        transition = workflow.find(case.status, to)
        if transition is None:
            raise Conflict(_("A case in status “%(status)s” cannot move to “%(to)s”.") % {
                "status": case.status_label(), "to": Status(to).label if to in Status.values else to},
                code="illegal_transition")
        if role not in transition.roles:
            raise NotAllowed(_("Your role cannot take this step."))
        note = (note or "").strip()
        errors = {}
        if transition.needs_note and not note:
            errors["note"] = _("Write the reason or explanation for this step.")
        if transition.needs_referral:
            if not referred_to.strip():
                errors["referred_to"] = _("Name the body the case is referred to.")
            if referral_due is None:
                errors["referral_due"] = _("Give the date by which the body must answer.")
            elif referral_due <= timezone.localdate():
                errors["referral_due"] = _("The answer date must be in the future.")
        allegations = list(case.allegations.all()) if transition.needs_findings else []
        if transition.needs_findings:
            findings = {int(k): v for k, v in (findings or {}).items()}
            if not allegations:
                errors["findings"] = _("Add at least one allegation before resolving the case.")
            # Allegations are named by their number within the case (1, 2, 3: order of creation),
            # as the case page shows them, never by database id.
            missing = [n for n, a in enumerate(sorted(allegations, key=lambda a: a.pk), start=1)
                       if (findings.get(a.pk) or {}).get("finding") not in Finding.values]
            if allegations and missing:
                errors["findings"] = ngettext("Give a finding for allegation %(numbers)s.",
                                              "Give a finding for allegations %(numbers)s.", len(missing)) % {
                    "numbers": ", ".join(str(n) for n in missing)}
        if transition.appeal_window:
            decided = timezone.localdate(case.decided_at) if case.decided_at else None
            limit = case.organisation.appeal_days
            if actor == COMPLAINANT and (decided is None or (timezone.localdate() - decided).days > limit):
                raise Conflict(_("The time to appeal (%(days)s days after the decision) has passed.") % {"days": limit},
                               code="appeal_expired")
        if errors:
            raise Invalid(_("Some information is missing."), fields=errors)

        today = timezone.localdate()
        now = timezone.now()
        old = case.status
        fields = ["status"]
        case.status = transition.target
        data = {"from": old, "to": case.status, "transition": transition.name}
        if actor not in (COMPLAINANT, SYSTEM):
            _mark_first_action(case, fields)
        if transition.pauses_clock:
            deadlines.pause_clock(case, today)
            fields.append("paused_on")
        if transition.resumes_clock:
            data["waited_days"] = deadlines.resume_clock(case, today, calendar=snapshot().of(case.organisation_id).calendar)
            fields += ["paused_on", "paused_working_days", "resolution_due"]
        if transition.needs_referral:
            case.referred_to, case.referral_due = referred_to.strip()[:300], referral_due
            fields += ["referred_to", "referral_due"]
            data.update(referred_to=case.referred_to, referral_due=referral_due.isoformat())
        if transition.needs_findings:
            for allegation in allegations:
                allegation.finding = findings[allegation.pk]["finding"]
                allegation.finding_note = (findings[allegation.pk].get("note") or "").strip()
                allegation.save(update_fields=["finding", "finding_note"])
            case.resolved_at = now
            fields.append("resolved_at")
        if case.status in workflow.DECIDED_STATES:
            case.decided_at = now
            fields.append("decided_at")
        if transition.note_is_outcome:
            case.public_outcome = note
            fields.append("public_outcome")
        if case.status == Status.CLOSED:
            case.closed_at = now
            fields.append("closed_at")
        if transition.reopens:
            case.closed_at = None
            case.resolved_at = None
            case.resolution_breached = False
            fields += ["closed_at", "resolved_at", "resolution_breached"]
        _touch(case, fields)
        _timeline(case, actor, "status", public=True, **data)
        if note and transition.note_to_complainant:
            msg = CaseMessage.objects.create(case=case, kind=CaseMessage.Kind.TO_COMPLAINANT, author=_user(actor), body=note)
            projections.message_written(msg)
            _timeline(case, actor, "message_out", public=True, id=msg.pk)
        elif note and not transition.note_is_outcome:
            kind = CaseMessage.Kind.FROM_COMPLAINANT if actor == COMPLAINANT else CaseMessage.Kind.INTERNAL
            projections.message_written(CaseMessage.objects.create(case=case, kind=kind, author=_user(actor),
                                                                   body=note))
        _changed(case)  # the note, now a message, is indexed with the rest
        _audit(case, actor, "case.transition", transition=transition.name, **{"from": old, "to": case.status})
    return case


def assign_case(*, actor, case: Case, unit: Unit | None = None, officer=None, expected_version: int | None = None) -> Case:
    """Assign `case` to a unit and/or officer of the same organisation.

    Case officers may only take a case for themselves. Side effects: internal timeline row,
    audit `case.assign`, notification to the officer.
    """
    role = _role(actor)
    _require(actor, "view_case", case)
    taking = officer is not None and officer.pk == actor.pk and unit is None
    if not (can(actor, "assign") or (taking and can(actor, "take"))):
        raise NotAllowed(_("You are not allowed to do this."))
    errors = {}
    if unit is not None and unit.organisation_id != case.organisation_id:
        errors["unit"] = _("Unknown unit.")
    officer_member = membership_of(officer) if officer is not None else None
    if officer is not None and (officer_member is None or officer_member.organisation_id != case.organisation_id
                                or officer_member.role not in (Role.CASE_OFFICER, Role.SUPERVISOR, Role.INTAKE_OFFICER)):
        errors["officer"] = _("This person cannot handle cases in your organisation.")
    if unit is None and officer is None:
        errors["officer"] = _("Choose a unit or an officer.")
    if errors:
        raise Invalid(_("The assignment is not valid."), fields=errors)
    with _changing(case, expected_version) as case:
        if not case.is_open:
            raise Conflict(_("A closed case cannot be assigned."), code="closed")
        fields = []
        if unit is not None:
            case.unit = unit
            fields.append("unit")
        elif officer_member and officer_member.unit_id and case.unit_id is None:
            case.unit_id = officer_member.unit_id
            fields.append("unit")
        if officer is not None:
            case.officer = officer
            fields.append("officer")
        if role != Role.INTAKE_OFFICER:
            _mark_first_action(case, fields)
        _touch(case, fields)
        _timeline(case, actor, "assigned", public=False, unit=case.unit_id,
                  unit_name=case.unit.name_ar if case.unit_id else "", officer=case.officer_id)
        _changed(case)
        _audit(case, actor, "case.assign", unit=case.unit_id, officer=case.officer_id)
        if officer is not None and officer.pk != actor.pk:
            _notify(officer, case, "assigned")
    return case


# --- messages and files -----------------------------------------------------------------------

def post_message(*, actor, case: Case, body: str, internal: bool = False, files: list[Upload] | tuple = ()) -> CaseMessage:
    """A staff message to the complainant, or an internal note when `internal`.

    Side effects: timeline row (public for a message, internal for a note), files attached,
    first action recorded for a message, personal-data spans of the text stored (triage),
    audit `case.message`/`case.note`.
    """
    _require(actor, "note" if internal else "message", case)
    body = (body or "").strip()
    if not body:
        raise Invalid(_("Write a message."), fields={"body": _("Write a message.")})
    with _changing(case, None) as case:
        if not internal and case.status in (Status.CLOSED, Status.WITHDRAWN):
            raise Conflict(_("This case is closed; re-open it before writing to the complainant."), code="closed")
        kind = CaseMessage.Kind.INTERNAL if internal else CaseMessage.Kind.TO_COMPLAINANT
        message = CaseMessage.objects.create(case=case, kind=kind, author=actor, body=body)
        projections.message_written(message)
        for upload in files:
            _store_attachment(case, upload, actor=actor, message=message, internal=internal)
        fields: list[str] = []
        if not internal:
            _mark_first_action(case, fields)
        _touch(case, fields)
        _timeline(case, actor, "note" if internal else "message_out", public=not internal, id=message.pk)
        _changed(case)
        _audit(case, actor, "case.note" if internal else "case.message", message=message.pk)
    return message


def post_complainant_message(*, case: Case, body: str, files: list[Upload] | tuple = ()) -> CaseMessage:
    """A message from the complainant (through the receipt).

    Side effects: public timeline row; personal-data spans of the text stored (triage); if the
    case awaited the complainant it resumes (clock restarts); the assigned officer is notified;
    audit `case.complainant_message`.
    """
    body = (body or "").strip()
    if not body and not files:
        raise Invalid(_("Write a message."), fields={"body": _("Write a message.")})
    with _changing(case, None) as case:
        if case.status in (Status.CLOSED, Status.WITHDRAWN):
            raise Conflict(_("This complaint is closed and cannot receive messages."), code="closed")
        message = CaseMessage.objects.create(case=case, kind=CaseMessage.Kind.FROM_COMPLAINANT, body=body or "—")
        projections.message_written(message)
        for upload in files:
            _store_attachment(case, upload, actor=COMPLAINANT, message=message)
        _touch(case, [])
        _timeline(case, COMPLAINANT, "message_in", public=True, id=message.pk)
        _changed(case)
        _audit(case, COMPLAINANT, "case.complainant_message", message=message.pk)
        if case.officer_id:
            _notify(case.officer, case, "message_in")
    if case.status == Status.AWAITING_COMPLAINANT:
        case = transition_case(actor=SYSTEM, case=case, to=Status.IN_PROGRESS)
    return message


# --- editing ----------------------------------------------------------------------------------

def set_categories(*, actor, case: Case, categories: list[Category], expected_version: int | None = None) -> Case:
    """Replace the case's categories; routing is applied again.

    Side effects: internal timeline rows "categories_changed" (and "routed" if the unit
    changes), audit `case.categories`.
    """
    _require(actor, "edit_case", case)
    with _changing(case, expected_version) as case:
        CaseCategory.objects.filter(case=case).delete()
        CaseCategory.objects.bulk_create([CaseCategory(case=case, category=c) for c in categories])
        _touch(case, [])
        codes = sorted(c.code for c in categories)
        _timeline(case, actor, "categories_changed", public=False, codes=codes)
        if case.is_open:
            _apply_routing(case, actor, routing.category_ids_with_ancestors(categories))
        _changed(case)  # after routing: the unit's names are indexed
        _audit(case, actor, "case.categories", codes=codes)
        projections.content_changed(case)
    return case


def set_urgency(*, actor, case: Case, urgency: str, expected_version: int | None = None) -> Case:
    """Change urgency and recompute the deadlines from the day the case was received.

    Side effects: internal timeline row, audit `case.urgency`; a suggested urgency no higher than
    the new one stops counting as waiting (accepting it would change nothing); triage task on
    commit (what it suggests depends on the urgency).
    """
    _require(actor, "edit_case", case)
    with _changing(case, expected_version) as case:
        old = case.urgency
        if old == urgency:
            return case
        case.urgency = urgency
        local = snapshot().of(case.organisation_id)  # the calendar and policies, cached
        deadlines.start_clock(case, calendar=local.calendar, days=local.deadlines(urgency))
        fields = ["urgency", "first_action_due", "resolution_due"]
        if case.suggested_urgency and URGENCY_RANK[case.suggested_urgency] <= URGENCY_RANK[urgency]:
            fields += _forget_suggested_urgency(case)
        _touch(case, fields)
        _timeline(case, actor, "urgency_changed", public=False, **{"from": old, "to": urgency})
        _changed(case)
        _audit(case, actor, "case.urgency", **{"from": old, "to": urgency})
        projections.content_changed(case)
    return case


def _forget_suggested_urgency(case: Case) -> list[str]:
    case.suggested_urgency = case.suggested_urgency_signals = case.suggested_urgency_at = None
    case.critical_review_escalated_at = None
    return ["suggested_urgency", "suggested_urgency_signals", "suggested_urgency_at", "critical_review_escalated_at"]


def set_suggested_urgency(*, case: Case, level: str | None, signals=(), new: bool = False) -> Case:
    """Record the urgency that triage suggests for `case` and no person has decided yet (None:
    nothing waits), with the codes of the signals behind it.

    Called by the triage wing, which keeps the suggestions (the core never reads them), whenever
    one is made, decided or withdrawn. A level no higher than the case's urgency is not recorded:
    accepting it would change nothing. When the level changes its review clock starts again and
    an earlier escalation is forgotten. `new`: the suggestion has just been made, or made again
    after it was withdrawn (a re-run that finds it still waiting is not new).

    Side effects: the case's suggested-urgency columns, without a new version (no person edited
    the case, so nobody's open form goes stale); for a new critical suggestion on an open case,
    notification "critical_suggested" of the supervisors of the case's unit (else of its
    organisation), e-mailed on commit in each recipient's language.
    """
    with _changing(case, None) as case:
        if level is not None and URGENCY_RANK[level] <= URGENCY_RANK[case.urgency]:
            level = None
        signals = list(signals) if level is not None else None
        fields = []
        if level != case.suggested_urgency:
            fields += _forget_suggested_urgency(case)
            if level is not None:
                case.suggested_urgency, case.suggested_urgency_at = level, timezone.now()
        if signals != case.suggested_urgency_signals:
            case.suggested_urgency_signals = signals
            fields.append("suggested_urgency_signals")
        if fields:
            case.save(update_fields=sorted(set(fields)))
        if new and level == Urgency.CRITICAL and case.is_open:
            for user in _supervisors(case):
                _notify(user, case, Notification.CRITICAL_SUGGESTED, level=level, signals=signals,
                        hours=critical_review_hours())
    return case


def add_allegation(*, actor, case: Case, category: Category, occurred_on: date | None = None, facility=None,
                   summary: str = "", victim: Person | None = None, perpetrator: Person | None = None) -> Allegation:
    """Add one alleged act. Side effects: internal timeline row, audit `allegation.add`."""
    _require(actor, "edit_case", case)
    if facility is not None and facility.organisation_id != case.organisation_id:
        raise Invalid(_("Unknown facility."), fields={"facility": _("Unknown facility.")})
    with _changing(case, None) as case:
        if not case.is_open:
            raise Conflict(_("Re-open the case before changing its allegations."), code="closed")
        allegation = Allegation.objects.create(
            case=case, category=category, occurred_on=occurred_on, facility=facility,
            governorate=facility.governorate if facility else case.governorate, summary=summary.strip(),
            victim=victim, perpetrator=perpetrator,
        )
        if not CaseCategory.objects.filter(case=case, category=category).exists():
            CaseCategory.objects.create(case=case, category=category)
        _touch(case, [])
        _timeline(case, actor, "allegation_added", public=False, id=allegation.pk, category=category.code)
        _changed(case)
        _audit(case, actor, "allegation.add", allegation=allegation.pk, category=category.code)
    return allegation


def update_allegation(*, actor, allegation: Allegation, category: Category, occurred_on: date | None = None,
                      facility=None, summary: str = "") -> Allegation:
    """Edit an allegation of an open case. Side effects: internal timeline row, audit."""
    case = allegation.case
    _require(actor, "edit_case", case)
    if facility is not None and facility.organisation_id != case.organisation_id:
        raise Invalid(_("Unknown facility."), fields={"facility": _("Unknown facility.")})
    with _changing(case, None) as case:
        if not case.is_open:
            raise Conflict(_("Re-open the case before changing its allegations."), code="closed")
        allegation.category, allegation.occurred_on, allegation.facility = category, occurred_on, facility
        allegation.summary = summary.strip()
        allegation.save(update_fields=["category", "occurred_on", "facility", "summary"])
        _touch(case, [])
        _timeline(case, actor, "allegation_changed", public=False, id=allegation.pk, category=category.code)
        _changed(case)
        _audit(case, actor, "allegation.change", allegation=allegation.pk, category=category.code)
    return allegation


def mark_duplicate(*, actor, case: Case, original: Case, expected_version: int | None = None) -> Case:
    """Link `case` to the case it duplicates. Both timelines are kept as they are.

    Side effects: internal timeline rows on both cases, audit `case.duplicate`.
    """
    _require(actor, "mark_duplicate", case)
    if original.organisation_id != case.organisation_id or original.pk == case.pk:
        raise Invalid(_("Choose another case of your organisation."), fields={"original": _("Unknown case.")})
    with transaction.atomic():
        # Both rows locked, the lower id first (no deadlock with a mark the other way round), and
        # the cycle checked on the locked rows: two officers marking A a duplicate of B and B one
        # of A at the same moment cannot make a cycle (the second gets the conflict).
        def lock_original():
            return Case.objects.select_for_update(of=("self",)).get(pk=original.pk)

        if original.pk < case.pk:
            original = lock_original()
            case = _lock(case, expected_version)
        else:
            case = _lock(case, expected_version)
            original = lock_original()
        if original.duplicate_of_id == case.pk:
            raise Conflict(_("That case is already marked as a duplicate of this one."), code="cycle")
        case.duplicate_of = original
        _touch(case, ["duplicate_of"])
        _timeline(case, actor, "duplicate_marked", public=False, original=original.reference)
        _timeline(original, actor, "note", public=False, duplicate=case.reference)
        _changed(case)
        _audit(case, actor, "case.duplicate", original=original.pk)
    return case


# --- deadlines --------------------------------------------------------------------------------

def flag_breaches(*, today: date | None = None) -> int:
    """Flag every open case whose first-action or resolution deadline has passed (once each).

    Side effects per breach: internal timeline row "deadline_breached", notification of the
    supervisors of the case's organisation (and unit, when it has supervisors), audit
    `case.deadline_breached`. Idempotent. Returns the number of breaches flagged.
    """
    today = today or timezone.localdate()
    flagged = 0
    candidates = Case.objects.open().exclude(status=Status.AWAITING_COMPLAINANT).filter(
        models.Q(first_action_breached=False, first_action_at__isnull=True, first_action_due__lt=today)
        | models.Q(resolution_breached=False, resolution_due__lt=today)
    ).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            case = Case.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=pk)
            breaches = []
            if not case.first_action_breached and case.first_action_at is None and case.first_action_due and case.first_action_due < today:
                case.first_action_breached = True
                breaches.append(("first_action", case.first_action_due))
            if not case.resolution_breached and case.resolution_due and case.resolution_due < today:
                case.resolution_breached = True
                breaches.append(("resolution", case.resolution_due))
            if not breaches:
                continue
            case.save(update_fields=["first_action_breached", "resolution_breached"])
            supervisors = _supervisors(case)
            for kind, due in breaches:
                _timeline(case, SYSTEM, "deadline_breached", public=False, deadline=kind, due=due.isoformat())
                _audit(case, SYSTEM, "case.deadline_breached", deadline=kind)
                for user in supervisors:
                    _notify(user, case, "deadline_breached", deadline=kind)
                flagged += 1
    return flagged


def flag_critical_reviews(*, now=None) -> int:
    """Escalate every open case whose suggested critical urgency has waited more than
    MIZAN_CRITICAL_REVIEW_HOURS clock hours for a decision (once per suggestion).

    Side effects per escalation: `critical_review_escalated_at`; internal timeline row
    "critical_review_overdue"; audit `case.critical_review_overdue`; notification
    "critical_review_overdue" of the supervisors of the case's unit (else of its organisation),
    e-mailed on commit. Idempotent. Returns the number of cases escalated.
    """
    now = now or timezone.now()
    hours = critical_review_hours()
    limit = now - timedelta(hours=hours)
    candidates = Case.objects.review_overdue(now).filter(critical_review_escalated_at__isnull=True).order_by(
        "pk").values_list("pk", flat=True)
    escalated = 0
    for pk in list(candidates):
        with transaction.atomic():
            case = Case.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=pk)
            # Decided, withdrawn or already escalated while this sweep was reading: nothing to do.
            if not (case.is_open and case.suggested_urgency == Urgency.CRITICAL and case.suggested_urgency_at
                    and case.suggested_urgency_at <= limit and case.critical_review_escalated_at is None):
                continue
            case.critical_review_escalated_at = now
            case.save(update_fields=["critical_review_escalated_at"])
            waiting = {"since": case.suggested_urgency_at.isoformat(), "hours": hours}
            _timeline(case, SYSTEM, "critical_review_overdue", public=False, **waiting)
            _audit(case, SYSTEM, "case.critical_review_overdue", **waiting)
            for user in _supervisors(case):
                _notify(user, case, Notification.CRITICAL_REVIEW_OVERDUE, hours=hours)
            escalated += 1
    return escalated


# --- notifications ----------------------------------------------------------------------------

def mark_notifications_read(*, user, ids=None) -> int:
    """Mark `user`'s unread notifications read (all, or those in `ids`); returns how many.

    Side effects: `read_at` set on the user's own notifications only; nothing else (reading a
    notification is not a case change, so there is no timeline or audit row).
    """
    with transaction.atomic():
        qs = Notification.objects.filter(user=user, read_at__isnull=True)
        if ids is not None:
            qs = qs.filter(pk__in=ids)
        return qs.update(read_at=timezone.now())
