"""Plans: strategies in dated phases, their goals, and the measures (activities) that answer
recommendations — each measure with its lead body, partners, budget line, dates and its own status.

    Strategy ──< Phase (dated) ──< Goal ──< Measure >── Recommendation (the ones it answers)
                                              └──< MeasureStatusChange (history)

Domain functions follow `followup.services`: `verb_noun(*, actor, ...)`, permission checked
inside (`edit_plans` for the plan itself, `report_progress` for a measure's status), one
transaction, an audit row with ids and codes, then `projections.after_change`. Input is checked
first by the `clean_*` functions here (-> (cleaned, errors), messages in the active language).
The reads the plan pages need (`unanswered_recommendations`, `overdue_measures`, ...) are at the
end; every one starts from `followup.access`.
"""

from __future__ import annotations

from datetime import date

from django.db import models, transaction
from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.accounts.models import Unit, membership_of
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.intake import clean_text
from mizan.lib.digits import to_ascii_digits

from . import projections
from .access import can, measures_for, recommendations_for
from .intake import is_id, parse_date
from .models import (
    CLOSED_MEASURE_STATUSES,
    CLOSED_STATUSES,
    ExternalBody,
    Goal,
    Measure,
    MeasureStatus,
    MeasureStatusChange,
    Phase,
    Recommendation,
    Status,
    Strategy,
)
from .services import audit, member_organisation, require_own, stale

__all__ = [
    "clean_goal",
    "clean_measure",
    "clean_phase",
    "clean_strategy",
    "create_goal",
    "create_measure",
    "create_phase",
    "create_strategy",
    "link_recommendations",
    "overdue_measures",
    "set_measure_status",
    "strategy_tree",
    "unanswered_recommendations",
    "unlink_recommendation",
    "update_goal",
    "update_measure",
    "update_phase",
    "update_strategy",
]

MAX_TITLE = 300


# --- checking input ------------------------------------------------------------------------------

def _titles(raw, errors: dict, cleaned: dict, present) -> None:
    for name, required in (("title_ar", True), ("title_en", False), ("title_fr", False)):
        if present(name):
            text = clean_text(raw.get(name), max_length=MAX_TITLE)
            if required and not text:
                errors[name] = _("This field is required.")
            elif len(text) > MAX_TITLE:
                errors[name] = _("At most %(n)s characters.") % {"n": MAX_TITLE}
            cleaned[name] = text



def _dates(raw, first: str, last: str, errors: dict, cleaned: dict, present) -> None:
    for name in (first, last):
        if present(name):
            cleaned[name] = parse_date(raw, name, errors)
    if cleaned.get(first) and cleaned.get(last) and cleaned[last] < cleaned[first]:
        errors[last] = _("The end cannot be before the start.")


def _number(raw, errors: dict, cleaned: dict, present) -> None:
    if present("number"):
        value = to_ascii_digits(str(raw.get("number") or "")).strip()
        if value and not (value.isdigit() and 0 < int(value) < 10_000):
            errors["number"] = _("Enter a whole number from 1 to 9999.")
        cleaned["number"] = int(value) if value.isdigit() and 0 < int(value) < 10_000 else None


def _flag(raw, name: str, cleaned: dict, present) -> None:
    if present(name):
        cleaned[name] = str(raw.get(name) or "").lower() in ("1", "true", "on", "yes")


def clean_strategy(raw, *, partial: bool = False) -> tuple[dict, dict]:
    """A strategy or plan: titles, description, start and end, shown on the public page or not."""
    errors, cleaned = {}, {}

    def present(name):
        return not partial or name in raw

    _titles(raw, errors, cleaned, present)
    if present("description"):
        cleaned["description"] = clean_text(raw.get("description"), max_length=20_000)[:20_000]
    _dates(raw, "starts_on", "ends_on", errors, cleaned, present)
    _flag(raw, "is_public", cleaned, present)
    return cleaned, errors


def clean_phase(raw, *, partial: bool = False) -> tuple[dict, dict]:
    errors, cleaned = {}, {}

    def present(name):
        return not partial or name in raw

    _titles(raw, errors, cleaned, present)
    _number(raw, errors, cleaned, present)
    _dates(raw, "starts_on", "ends_on", errors, cleaned, present)
    return cleaned, errors


def clean_goal(raw, *, partial: bool = False) -> tuple[dict, dict]:
    errors, cleaned = {}, {}

    def present(name):
        return not partial or name in raw

    _titles(raw, errors, cleaned, present)
    _number(raw, errors, cleaned, present)
    if present("description"):
        cleaned["description"] = clean_text(raw.get("description"), max_length=20_000)[:20_000]
    return cleaned, errors


def _body(organisation, value: str):
    """A unit or an outside body of the organisation from "unit:<id>" / "external:<id>"."""
    kind, _sep, pk = str(value or "").partition(":")
    if not is_id(pk):
        return None
    if kind == "unit":
        return Unit.objects.filter(organisation=organisation, pk=pk).first()
    if kind == "external":
        return ExternalBody.objects.filter(organisation=organisation, pk=pk).first()
    return None


def clean_measure(organisation, raw, *, partial: bool = False) -> tuple[dict, dict]:
    """A measure: titles, number, description, lead body and partners ("unit:<id>" or
    "external:<id>" of the organisation), budget line, start and target dates."""
    errors, cleaned = {}, {}

    def present(name):
        return not partial or name in raw

    _titles(raw, errors, cleaned, present)
    _number(raw, errors, cleaned, present)
    if present("description"):
        cleaned["description"] = clean_text(raw.get("description"), max_length=20_000)[:20_000]
    if present("budget_line"):
        text = clean_text(raw.get("budget_line"), max_length=300)
        if len(text) > 300:
            errors["budget_line"] = _("At most %(n)s characters.") % {"n": 300}
        cleaned["budget_line"] = text[:300]
    _dates(raw, "starts_on", "due_on", errors, cleaned, present)
    if present("lead"):
        value = str(raw.get("lead") or "").strip()
        lead = _body(organisation, value) if value else None
        if value and lead is None:
            errors["lead"] = _("Choose a unit or an outside body of your organisation.")
        cleaned["lead_unit"] = lead if isinstance(lead, Unit) else None
        cleaned["lead_external"] = lead if isinstance(lead, ExternalBody) else None
    if present("partners"):
        values = raw.getlist("partners") if hasattr(raw, "getlist") else (raw.get("partners") or [])
        partners = [_body(organisation, v) for v in values if str(v).strip()]
        if any(p is None for p in partners):
            errors["partners"] = _("Choose a unit or an outside body of your organisation.")
        cleaned["partner_units"] = [p for p in partners if isinstance(p, Unit)]
        cleaned["partner_externals"] = [p for p in partners if isinstance(p, ExternalBody)]
    return cleaned, errors


# --- strategies, phases, goals ---------------------------------------------------------------------

STRATEGY_FIELDS = ("title_ar", "title_en", "title_fr", "description", "starts_on", "ends_on", "is_public")
PHASE_FIELDS = ("title_ar", "title_en", "title_fr", "number", "starts_on", "ends_on")
GOAL_FIELDS = ("title_ar", "title_en", "title_fr", "number", "description")
MEASURE_FIELDS = ("title_ar", "title_en", "title_fr", "number", "description", "lead_unit", "lead_external",
                  "budget_line", "starts_on", "due_on")


def _may_publish(actor, before: bool, after: bool) -> None:
    if before != after and not can(actor, "publish_followup"):
        raise NotAllowed(_("You are not allowed to do this."))


def _next_number(queryset) -> int:
    return (queryset.aggregate(top=Max("number"))["top"] or 0) + 1


def _taken(queryset, number: int, own_pk=None) -> None:
    """A number already used beside it: refused with a message (the database would refuse it too)."""
    if queryset.filter(number=number).exclude(pk=own_pk).exists():
        raise Invalid(_("This number is already used at this level of the plan."),
                      fields={"number": _("This number is already used at this level of the plan.")})


def _strategy_change(organisation, strategy: Strategy) -> None:
    projections.after_change(projections.Change(organisation.pk, what="plan", extra={"strategy": strategy.pk}))


def create_strategy(*, actor, title_ar: str, is_public: bool = False, **fields) -> Strategy:
    """Record a strategy or action plan of the actor's organisation.

    Side effects: audit `followup.strategy.create`; projections ("plan")."""
    organisation = member_organisation(actor, "edit_plans")
    _may_publish(actor, False, is_public)
    with transaction.atomic():
        strategy = Strategy.objects.create(organisation=organisation, title_ar=title_ar, is_public=is_public,
                                           **{k: v for k, v in fields.items() if k in STRATEGY_FIELDS})
        audit(organisation, actor, "followup.strategy.create", strategy)
        _strategy_change(organisation, strategy)
    return strategy


def update_strategy(*, actor, strategy: Strategy, **fields) -> Strategy:
    """Change a strategy's titles, description, dates or publication.

    Side effects: audit `followup.strategy.change` (names of the fields changed); projections."""
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    with transaction.atomic():
        locked = Strategy.objects.select_for_update().get(pk=strategy.pk)
        changed = [k for k, v in fields.items() if k in STRATEGY_FIELDS and getattr(locked, k) != v]
        if "is_public" in changed:
            _may_publish(actor, locked.is_public, fields["is_public"])
        for name in changed:
            setattr(locked, name, fields[name])
        if changed:
            locked.save(update_fields=changed)
            audit(organisation, actor, "followup.strategy.change", locked, fields=sorted(changed))
            _strategy_change(organisation, locked)
    return locked


def create_phase(*, actor, strategy: Strategy, title_ar: str, number: int | None = None, **fields) -> Phase:
    """Add a dated phase to a strategy (numbered after the last one unless `number` is given).

    Side effects: audit `followup.phase.create`; projections ("plan")."""
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=strategy.pk).first()  # numbers given one at a time
        siblings = Phase.objects.filter(strategy=strategy)
        if number is None:
            number = _next_number(siblings)
        _taken(siblings, number)
        phase = Phase.objects.create(strategy=strategy, title_ar=title_ar, number=number,
                                     **{k: v for k, v in fields.items() if k in PHASE_FIELDS})
        audit(organisation, actor, "followup.phase.create", phase, strategy=strategy.pk, number=number)
        _strategy_change(organisation, strategy)
    return phase


def update_phase(*, actor, phase: Phase, **fields) -> Phase:
    """Side effects: audit `followup.phase.change`; projections."""
    strategy = phase.strategy
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    with transaction.atomic():
        locked = Phase.objects.select_for_update().get(pk=phase.pk)
        changed = [k for k, v in fields.items() if k in PHASE_FIELDS and getattr(locked, k) != v
                   and not (k == "number" and v is None)]  # no number given: it keeps its own
        if "number" in changed:
            _taken(Phase.objects.filter(strategy=strategy), fields["number"], locked.pk)
        for name in changed:
            setattr(locked, name, fields[name])
        if changed:
            locked.save(update_fields=changed)
            audit(organisation, actor, "followup.phase.change", locked, fields=sorted(changed))
            _strategy_change(organisation, strategy)
    return locked


def create_goal(*, actor, phase: Phase, title_ar: str, number: int | None = None, **fields) -> Goal:
    """Add a goal to a phase. Side effects: audit `followup.goal.create`; projections ("plan")."""
    strategy = phase.strategy
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    with transaction.atomic():
        Phase.objects.select_for_update().filter(pk=phase.pk).first()
        siblings = Goal.objects.filter(phase=phase)
        if number is None:
            number = _next_number(siblings)
        _taken(siblings, number)
        goal = Goal.objects.create(phase=phase, title_ar=title_ar, number=number,
                                   **{k: v for k, v in fields.items() if k in GOAL_FIELDS})
        audit(organisation, actor, "followup.goal.create", goal, phase=phase.pk, number=number)
        _strategy_change(organisation, strategy)
    return goal


def update_goal(*, actor, goal: Goal, **fields) -> Goal:
    """Side effects: audit `followup.goal.change`; projections."""
    strategy = goal.phase.strategy
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    with transaction.atomic():
        locked = Goal.objects.select_for_update().get(pk=goal.pk)
        changed = [k for k, v in fields.items() if k in GOAL_FIELDS and getattr(locked, k) != v
                   and not (k == "number" and v is None)]
        if "number" in changed:
            _taken(Goal.objects.filter(phase_id=locked.phase_id), fields["number"], locked.pk)
        for name in changed:
            setattr(locked, name, fields[name])
        if changed:
            locked.save(update_fields=changed)
            audit(organisation, actor, "followup.goal.change", locked, fields=sorted(changed))
            _strategy_change(organisation, strategy)
    return locked


# --- measures --------------------------------------------------------------------------------------------

def _check_bodies(organisation, lead_unit, lead_external, partner_units=(), partner_externals=()) -> None:
    if lead_unit is not None and lead_external is not None:
        raise Invalid(_("A measure has one lead body."), fields={"lead": _("A measure has one lead body.")})
    bodies = [b for b in (lead_unit, lead_external, *partner_units, *partner_externals) if b is not None]
    if any(b.organisation_id != organisation.pk for b in bodies):
        raise Invalid(_("Choose a unit or an outside body of your organisation."),
                      fields={"lead": _("Choose a unit or an outside body of your organisation.")})


def _readable_recommendations(actor, recommendations) -> list[Recommendation]:
    """The recommendations a measure of the actor's organisation may answer: its own, and those
    a secretariat addressed to it. Any other is refused like one that does not exist."""
    recommendations = list(recommendations)
    ids = {r.pk for r in recommendations}
    if len(ids) != recommendations_for(actor).filter(pk__in=ids).count():
        raise NotAllowed(_("You are not allowed to do this."))
    return recommendations


def create_measure(*, actor, goal: Goal, title_ar: str, number: int | None = None, partner_units=(),
                   partner_externals=(), recommendations=(), status: str = MeasureStatus.PLANNED,
                   **fields) -> Measure:
    """Add a measure (activity) to a goal, with its lead body, partners, budget line, dates,
    first status and the recommendations it answers.

    Side effects: the first row of its status history; audit `followup.measure.create`;
    projections ("created")."""
    strategy = goal.phase.strategy
    organisation = require_own(actor, "edit_plans", strategy.organisation_id)
    if status not in MeasureStatus.values:
        raise Invalid(_("Choose a status from the list."), fields={"status": _("Choose a status from the list.")})
    _check_bodies(organisation, fields.get("lead_unit"), fields.get("lead_external"), partner_units,
                  partner_externals)
    recommendations = _readable_recommendations(actor, recommendations)
    now = timezone.now()
    with transaction.atomic():
        Goal.objects.select_for_update().filter(pk=goal.pk).first()
        siblings = Measure.objects.filter(goal=goal)
        if number is None:
            number = _next_number(siblings)
        _taken(siblings, number)
        measure = Measure.objects.create(goal=goal, organisation=organisation, title_ar=title_ar, number=number,
                                         status=status, status_changed_at=now,
                                         **{k: v for k, v in fields.items() if k in MEASURE_FIELDS})
        measure.partner_units.set(partner_units)
        measure.partner_externals.set(partner_externals)
        measure.recommendations.set(recommendations)
        MeasureStatusChange.objects.create(measure=measure, from_status="", to_status=status, at=now, by=actor)
        audit(organisation, actor, "followup.measure.create", measure, goal=goal.pk, status=status,
              recommendations=sorted(r.pk for r in recommendations))
        projections.after_change(projections.Change(
            organisation.pk, measures=(measure.pk,), recommendations=tuple(sorted(r.pk for r in recommendations)),
            what="created"))
    return measure


def _lock_measure(measure: Measure, expected_version: int | None) -> Measure:
    locked = Measure.objects.select_for_update().get(pk=measure.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale()
    return locked


def _touch(measure: Measure, fields: list[str]) -> None:
    measure.version = models.F("version") + 1
    measure.save(update_fields=[*fields, "version"])
    measure.refresh_from_db(fields=["version"])


def update_measure(*, actor, measure: Measure, partner_units=None, partner_externals=None,
                   expected_version: int | None = None, **fields) -> Measure:
    """Change a measure's facts (titles, number, description, lead and partners, budget line,
    dates; not its status: see `set_measure_status`). Raises Conflict when it changed since
    `expected_version`.

    Side effects: audit `followup.measure.change` (names of the fields changed); projections."""
    organisation = require_own(actor, "edit_plans", measure.organisation_id)
    with transaction.atomic():
        locked = _lock_measure(measure, expected_version)
        changed = [k for k, v in fields.items() if k in MEASURE_FIELDS and getattr(locked, k) != v
                   and not (k == "number" and v is None)]
        if "number" in changed:
            _taken(Measure.objects.filter(goal_id=locked.goal_id), fields["number"], locked.pk)
        for name in changed:
            setattr(locked, name, fields[name])
        partners = []
        if partner_units is not None and set(locked.partner_units.values_list("pk", flat=True)) != {
                u.pk for u in partner_units}:
            partners.append("partner_units")
        if partner_externals is not None and set(locked.partner_externals.values_list("pk", flat=True)) != {
                e.pk for e in partner_externals}:
            partners.append("partner_externals")
        _check_bodies(organisation, locked.lead_unit, locked.lead_external, partner_units or (),
                      partner_externals or ())
        if "partner_units" in partners:
            locked.partner_units.set(partner_units)
        if "partner_externals" in partners:
            locked.partner_externals.set(partner_externals)
        if changed or partners:
            _touch(locked, changed)
            audit(organisation, actor, "followup.measure.change", locked, fields=sorted(changed + partners))
            projections.after_change(projections.Change(organisation.pk, measures=(locked.pk,)))
    return locked


def set_measure_status(*, actor, measure: Measure, status: str, note: str = "",
                       expected_version: int | None = None) -> Measure:
    """Set where a measure stands (planned, in progress, completed, delayed, cancelled), with a
    note. Needs `report_progress` in the measure's organisation (progress reports call it too).

    Side effects: a status history row (with the note); audit `followup.measure.status`;
    projections ("status"). Nothing when the status is the same and there is no note."""
    organisation = require_own(actor, "report_progress", measure.organisation_id)
    if status not in MeasureStatus.values:
        raise Invalid(_("Choose a status from the list."), fields={"status": _("Choose a status from the list.")})
    now = timezone.now()
    with transaction.atomic():
        locked = _lock_measure(measure, expected_version)
        before = locked.status
        if before == status and not note:
            return locked
        if before != status:
            locked.status, locked.status_changed_at = status, now
        _touch(locked, ["status", "status_changed_at"])
        MeasureStatusChange.objects.create(measure=locked, from_status=before, to_status=status, note=note, at=now,
                                           by=actor)
        audit(organisation, actor, "followup.measure.status", locked, before=before, after=status)
        projections.after_change(projections.Change(organisation.pk, measures=(locked.pk,), what="status"))
    return locked


def link_recommendations(*, actor, measure: Measure, recommendations) -> Measure:
    """Record that a measure answers these recommendations (its organisation's own, or addressed
    to it by a secretariat); those already linked are left as they are.

    Side effects: audit `followup.measure.link` (the ids added); projections ("linked")."""
    organisation = require_own(actor, "edit_plans", measure.organisation_id)
    recommendations = _readable_recommendations(actor, recommendations)
    if not recommendations:
        raise Invalid(_("Choose at least one recommendation."),
                      fields={"recommendations": _("Choose at least one recommendation.")})
    with transaction.atomic():
        locked = _lock_measure(measure, None)
        present = set(locked.recommendations.values_list("pk", flat=True))
        added = sorted({r.pk for r in recommendations} - present)
        if added:
            locked.recommendations.add(*added)
            _touch(locked, [])
            audit(organisation, actor, "followup.measure.link", locked, recommendations=added)
            projections.after_change(projections.Change(organisation.pk, measures=(locked.pk,),
                                                        recommendations=tuple(added), what="linked"))
    return locked


def unlink_recommendation(*, actor, measure: Measure, recommendation: Recommendation) -> Measure:
    """The measure no longer answers `recommendation`.

    Side effects: audit `followup.measure.unlink`; projections ("unlinked")."""
    organisation = require_own(actor, "edit_plans", measure.organisation_id)
    with transaction.atomic():
        locked = _lock_measure(measure, None)
        if locked.recommendations.filter(pk=recommendation.pk).exists():
            locked.recommendations.remove(recommendation)
            _touch(locked, [])
            audit(organisation, actor, "followup.measure.unlink", locked, recommendation=recommendation.pk)
            projections.after_change(projections.Change(organisation.pk, measures=(locked.pk,),
                                                        recommendations=(recommendation.pk,), what="unlinked"))
    return locked


# --- reads -------------------------------------------------------------------------------------------------

def strategy_tree(strategy: Strategy) -> list[Phase]:
    """The strategy's phases, each with `.goals`, each goal with `.measures` (lead bodies loaded,
    `recommendation_count`, `indicator_count` and `open_count` annotated): three queries."""
    measures = (Measure.objects.select_related("lead_unit", "lead_external")
                .annotate(recommendation_count=Count("recommendations", distinct=True),
                          indicator_count=Count("indicators", distinct=True))
                .order_by("number"))
    goals = Goal.objects.prefetch_related(Prefetch("measures", queryset=measures)).order_by("number")
    return list(strategy.phases.prefetch_related(Prefetch("goals", queryset=goals)).order_by("number"))


OPEN_STATUSES = tuple(s for s in Status.values if s not in CLOSED_STATUSES)


def _open_for(organisation_id: int) -> Q:
    """Recommendations still open for the organisation: by their own status when it owns them,
    by its own status as an addressee otherwise (the same addressee row: one join)."""
    return Q(organisation_id=organisation_id, status__in=OPEN_STATUSES) | Q(
        addressed__organisation_id=organisation_id, addressed__status__in=OPEN_STATUSES)


def unanswered_recommendations(user) -> models.QuerySet:
    """Open recommendations the user's organisation reads (its own and those addressed to it)
    that no measure of its plans answers yet, the soonest due first."""
    answered = Measure.recommendations.through.objects.filter(
        measure__in=measures_for(user)).values("recommendation_id")
    readable = recommendations_for(user)
    org_id = _organisation_of(user)
    if org_id is None:
        return Recommendation.objects.none()
    open_ids = Recommendation.objects.filter(_open_for(org_id)).values("pk")
    return (readable.filter(pk__in=open_ids).exclude(pk__in=answered)
            .select_related("source").prefetch_related("themes")
            .order_by(models.F("due_on").asc(nulls_last=True), "-issued_on", "-id"))


def _organisation_of(user) -> int | None:
    member = membership_of(user)
    return member.organisation_id if member is not None and can(user, "view_followup") else None


def overdue_measures(user, today: date | None = None) -> models.QuerySet:
    """The user's organisation's measures past their target date and neither completed nor
    cancelled, the longest overdue first."""
    today = today or timezone.localdate()
    return (measures_for(user).filter(due_on__lt=today).exclude(status__in=CLOSED_MEASURE_STATUSES)
            .select_related("goal__phase__strategy", "lead_unit", "lead_external").order_by("due_on", "pk"))


def measures_due(user, today: date, until: date) -> models.QuerySet:
    """Open measures whose target date falls from `today` to `until`."""
    return (measures_for(user).filter(due_on__gte=today, due_on__lte=until)
            .exclude(status__in=CLOSED_MEASURE_STATUSES)
            .select_related("goal__phase__strategy", "lead_unit", "lead_external").order_by("due_on", "pk"))


def recommendations_due(user, today: date, until: date) -> models.QuerySet:
    """Open recommendations (for the user's organisation) due from `today` to `until`."""
    org_id = _organisation_of(user)
    if org_id is None:
        return Recommendation.objects.none()
    open_ids = Recommendation.objects.filter(_open_for(org_id)).values("pk")
    return (recommendations_for(user).filter(pk__in=open_ids, due_on__gte=today, due_on__lte=until)
            .select_related("source").order_by("due_on", "pk"))
