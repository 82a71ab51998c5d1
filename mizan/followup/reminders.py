"""Reminders before and after due dates: recommendations, measures and the values of reported
indicators (a value is due on the last day of its period: `indicators.next_due_period`, and
`last_due_period` once the period has ended without one). Each goes to the responsible people once (a `ReminderSent` row per subject, due date
and stage), as a desk notification and an e-mail, both in the recipient's language.

- "before": from MIZAN_FOLLOWUP_REMIND_DAYS days before the due date until the day itself;
- "after": from the day after the due date, for as many days again (a worker that was stopped
  catches up; something overdue for longer is on the plan pages' overdue lists, not in anyone's
  mail every time the sweep runs).

Who is reminded: the supervisors of the lead unit and the organisation's follow-up officers; when
that is nobody, the organisation's supervisors. On a recommendation a secretariat addressed to
members, each member with its own status still open is reminded (the secretariat follows them on
its table of members, so it is not reminded of its own addressed recommendations). Nothing is
sent for what is closed (implemented, no longer relevant; completed or cancelled measures) nor
for indicators past their target date.

Notifications about these records have no case: the kinds below are registered with the core
(`complaints.models.register_notification_kind`) from this app's `ready()`; the words and
titles are kept in each notification's data in the three languages, so a list of notifications
costs no query per row.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mizan.accounts.models import Membership, Role
from mizan.complaints.models import Notification, register_notification_kind
from mizan.complaints.tasks import send_notification_emails_by_id
from mizan.core.tasks import enqueue_on_commit
from mizan.core.templatetags.mizan import day

from . import indicators
from .models import (
    CLOSED_MEASURE_STATUSES,
    CLOSED_STATUSES,
    LANGUAGES,
    Addressee,
    BodyRole,
    Indicator,
    IndicatorValue,
    Measure,
    Recommendation,
    ReminderSent,
    ResponsibleBody,
)

__all__ = ["DUE_SOON", "OVERDUE", "register_notifications", "send_reminders"]

DUE_SOON = "followup_due_soon"
OVERDUE = "followup_overdue"
BEFORE, AFTER = "before", "after"
TARGET_RECOMMENDATION, TARGET_MEASURE, TARGET_INDICATOR = (
    "followup.recommendation", "followup.measure", "followup.indicator")
TITLE_LENGTH = 90


def remind_days() -> int:
    return settings.MIZAN_FOLLOWUP_REMIND_DAYS


# --- who is reminded ---------------------------------------------------------------------------------

class _People:
    """Recipients by (organisation, lead unit), looked up once per sweep."""

    def __init__(self):
        self.cache: dict[tuple[int, int | None], list] = {}

    def __call__(self, organisation_id: int, unit_id: int | None) -> list:
        key = (organisation_id, unit_id)
        if key not in self.cache:
            active = Membership.objects.filter(organisation_id=organisation_id, user__is_active=True)
            people = list(active.filter(role=Role.FOLLOWUP_OFFICER).select_related("user"))
            if unit_id is not None:
                people += list(active.filter(role=Role.SUPERVISOR, unit_id=unit_id).select_related("user"))
            if not people:
                people = list(active.filter(role=Role.SUPERVISOR).select_related("user"))
            seen, users = set(), []
            for member in sorted(people, key=lambda m: m.user_id):
                if member.user_id not in seen:
                    seen.add(member.user_id)
                    users.append(member.user)
            self.cache[key] = users
        return self.cache[key]


# --- titles in the three languages -------------------------------------------------------------------

def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1].rstrip() + "…"


def _recommendation_titles(recommendation: Recommendation) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with translation.override(language):
            titles[language] = recommendation.reference or _short(recommendation.display_text)
    return titles


def _titles(obj, field: str) -> dict[str, str]:
    fallback = getattr(obj, f"{field}_ar")
    return {language: _short(getattr(obj, f"{field}_{language}", "") or fallback) for language in LANGUAGES}


# --- the sweep -----------------------------------------------------------------------------------------

def _stage(due_on: date, today: date) -> str:
    return BEFORE if due_on >= today else AFTER


def _remind(*, subject: str, subject_id: int, organisation_id: int, due_on: date, stage: str, users, target: str,
            target_id: int, data: dict) -> list[int]:
    """One reminder, once: the ReminderSent row first (a unique key: a second sweep, or a second
    worker at the same moment, finds it and sends nothing), then a notification per person."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(organisation_id=organisation_id, subject=subject, subject_id=subject_id,
                                        due_on=due_on, stage=stage)
            notes = Notification.objects.bulk_create([
                Notification(user=user, target=target, target_id=target_id,
                             kind=DUE_SOON if stage == BEFORE else OVERDUE, data=data)
                for user in users])
    except IntegrityError:
        return []
    return [note.pk for note in notes]


def send_reminders(*, today: date | None = None) -> int:
    """Send every reminder due `today` (the organisations' local date by default) that was not
    sent yet; returns how many notifications were written.

    Side effects: ReminderSent rows; Notification rows (no case: a target); a task e-mailing them
    (each in its recipient's language), queued with the commit."""
    today = today or timezone.localdate()
    days = remind_days()
    window = (today - timedelta(days=days), today + timedelta(days=days))
    people = _People()
    written: list[int] = []

    leads = dict(ResponsibleBody.objects.filter(
        role=BodyRole.LEAD, unit__isnull=False, recommendation__due_on__range=window,
    ).values_list("recommendation_id", "unit_id"))
    addressed = set(Addressee.objects.filter(recommendation__due_on__range=window)
                    .values_list("recommendation_id", flat=True))
    for rec in (Recommendation.objects.filter(due_on__range=window).exclude(status__in=CLOSED_STATUSES)
                .exclude(pk__in=addressed).order_by("pk")):
        stage = _stage(rec.due_on, today)
        written += _remind(subject="recommendation", subject_id=rec.pk, organisation_id=rec.organisation_id,
                           due_on=rec.due_on, stage=stage, users=people(rec.organisation_id, leads.get(rec.pk)),
                           target=TARGET_RECOMMENDATION, target_id=rec.pk,
                           data={"titles": _recommendation_titles(rec), "due_on": rec.due_on.isoformat()})
    for addressee in (Addressee.objects.filter(recommendation__due_on__range=window)
                      .exclude(status__in=CLOSED_STATUSES).select_related("recommendation").order_by("pk")):
        rec = addressee.recommendation
        written += _remind(subject="addressee", subject_id=addressee.pk, organisation_id=addressee.organisation_id,
                           due_on=rec.due_on, stage=_stage(rec.due_on, today),
                           users=people(addressee.organisation_id, None), target=TARGET_RECOMMENDATION,
                           target_id=rec.pk,
                           data={"titles": _recommendation_titles(rec), "due_on": rec.due_on.isoformat()})
    for measure in (Measure.objects.filter(due_on__range=window).exclude(status__in=CLOSED_MEASURE_STATUSES)
                    .order_by("pk")):
        written += _remind(subject="measure", subject_id=measure.pk, organisation_id=measure.organisation_id,
                           due_on=measure.due_on, stage=_stage(measure.due_on, today),
                           users=people(measure.organisation_id, measure.lead_unit_id), target=TARGET_MEASURE,
                           target_id=measure.pk,
                           data={"titles": _titles(measure, "title"), "due_on": measure.due_on.isoformat()})
    values = {}
    for indicator_id, start, end in IndicatorValue.objects.filter(
            indicator__kind=Indicator.Kind.REPORTED).values_list("indicator_id", "period_start", "period_end"):
        values.setdefault(indicator_id, set()).add((start, end))
    reported = (Indicator.objects.filter(kind=Indicator.Kind.REPORTED)
                .exclude(measure__status__in=CLOSED_MEASURE_STATUSES)
                .select_related("measure__goal__phase", "goal__phase").order_by("pk"))
    for indicator in reported:
        for period in (indicators.next_due_period(indicator, today), indicators.last_due_period(indicator, today)):
            if period is None or not window[0] <= period.end <= window[1] or \
                    (period.start, period.end) in values.get(indicator.pk, ()) or \
                    (indicator.target_on is not None and period.start > indicator.target_on):
                continue
            written += _remind(subject="indicator", subject_id=indicator.pk, organisation_id=indicator.organisation_id,
                               due_on=period.end, stage=_stage(period.end, today),
                               users=people(indicator.organisation_id,
                                            indicator.measure.lead_unit_id if indicator.measure_id else None),
                               target=TARGET_INDICATOR, target_id=indicator.pk,
                               data={"titles": _titles(indicator, "name"), "due_on": period.end.isoformat(),
                                     "period_start": period.start.isoformat()})
    if written:
        with transaction.atomic():
            enqueue_on_commit(send_notification_emails_by_id, written)
    return len(written)


# --- notifications in words ------------------------------------------------------------------------------

def _title(notification) -> str:
    titles = notification.data.get("titles") or {}
    language = (translation.get_language() or "ar")[:2]
    return titles.get(language) or titles.get("ar") or ""


def _due(notification) -> str:
    return day(date.fromisoformat(notification.data["due_on"]))


def describe(notification) -> str:
    params = {"title": _title(notification), "date": _due(notification)}
    soon = notification.kind == DUE_SOON
    if notification.target == TARGET_MEASURE:
        return (_("The measure “%(title)s” is due on %(date)s.") if soon else
                _("The measure “%(title)s” was due on %(date)s and is not completed.")) % params
    if notification.target == TARGET_INDICATOR:
        return (_("The indicator “%(title)s” needs its value for the period ending %(date)s.") if soon else
                _("The indicator “%(title)s” still has no value for the period ending %(date)s.")) % params
    return (_("The recommendation “%(title)s” is due on %(date)s: report its progress.") if soon else
            _("The recommendation “%(title)s” was due on %(date)s and is still open.")) % params


def subject(notification) -> str:
    params = {"title": _title(notification)}
    if notification.target == TARGET_MEASURE:
        return _("Measure: %(title)s") % params
    if notification.target == TARGET_INDICATOR:
        return _("Indicator: %(title)s") % params
    return _("Recommendation: %(title)s") % params


LINKS = {TARGET_RECOMMENDATION: "followup:recommendation", TARGET_MEASURE: "followup:measure",
         TARGET_INDICATOR: "followup:indicator"}


def link(notification) -> str:
    return reverse(LINKS[notification.target], args=[notification.target_id])


def register_notifications() -> None:
    for kind in (DUE_SOON, OVERDUE):
        register_notification_kind(kind, describe=describe, link=link, subject=subject)
