"""Domain functions of the triage wing: a person accepts or rejects suggestions.

Accepting acts through the complaints domain functions (set_categories — which re-routes —,
add_allegation, set_urgency, mark_duplicate), so their permission checks, timeline and audit rows
apply as for any other change. Rejecting changes nothing on the case. Either way the decision
(who, when) is kept on the suggestion, with one internal timeline row for the decisions taken
together and an audit row per decision.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import membership_of
from mizan.audit.models import record
from mizan.complaints import locks, timeline
from mizan.complaints import services as case_services
from mizan.complaints.access import can
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Allegation, Case, Category, Person, TimelineEvent

from .models import Suggestion

__all__ = ["Decided", "Decision", "decide_suggestion", "decide_suggestions"]

# Rows the complaints functions write that the decision row restates (see complaints.timeline).
RESTATED_KINDS = ("categories_changed", "allegation_added")


@dataclass(frozen=True)
class Decision:
    """One decision in a batch: accept or reject `suggestion`; for an accepted category,
    `add_allegation` also records the allegation for it."""

    suggestion: Suggestion
    accept: bool
    add_allegation: bool = False


@dataclass(frozen=True)
class Decided:
    suggestions: list[Suggestion]
    allegations: list[Allegation]  # added with accepted categories, in the order of the decisions


def _stale() -> Conflict:
    return Conflict(_("Someone else changed this case while you were working on it. "
                      "Reload the page to see the latest version, then try again."), code="stale")


def _victim(case: Case) -> Person | None:
    """Who an allegation is about when nobody says otherwise, as intake decides it: the victim,
    or the complainant writing about themself."""
    persons = list(case.persons.all())
    victim = next((p for p in persons if p.role == Person.Role.VICTIM), None)
    return victim or next((p for p in persons if p.role == Person.Role.COMPLAINANT
                           and p.relation_to_victim in ("", Person.Relation.SELF)), None)


def _apply(*, actor, case: Case, decisions: list[Decision]) -> list[Allegation]:
    """Make the case say what the accepted suggestions propose; returns the allegations added.

    The version was checked on the locked row by the caller, so the complaints functions are
    called without one: each raises it, and a second check would refuse the batch's own change.
    """
    accepted = [d for d in decisions if d.accept]
    codes = [d.suggestion.value for d in accepted if d.suggestion.kind == Suggestion.Kind.CATEGORY]
    found = {c.code: c for c in Category.objects.filter(code__in=codes, parent__isnull=True)}
    if len(found) != len(set(codes)):
        raise Conflict(_("This category no longer exists."), code="gone")
    current = [cc.category for cc in case.case_categories.select_related("category")] if codes else []
    new = [found[code] for code in codes if found[code] not in current]
    if new:
        case_services.set_categories(actor=actor, case=case, categories=[*current, *new])
    allegations = []
    victim = _victim(case) if any(d.add_allegation for d in accepted) else None
    for decision in accepted:
        suggestion = decision.suggestion
        if decision.add_allegation:
            allegation = case_services.add_allegation(
                actor=actor, case=case, category=found[suggestion.value], occurred_on=case.incident_date,
                facility=case.facility, victim=victim)
            allegations.append(allegation)
        if suggestion.kind == Suggestion.Kind.URGENCY:
            case_services.set_urgency(actor=actor, case=case, urgency=suggestion.value)
        elif suggestion.kind == Suggestion.Kind.DUPLICATE:
            original = Case.objects.filter(pk=int(suggestion.value), organisation_id=case.organisation_id).first()
            if original is None:
                raise Conflict(_("The other case is no longer available."), code="gone")
            case_services.mark_duplicate(actor=actor, case=case, original=original)
        # An accepted "related" link is a record for the officers; the case itself does not change.
    return allegations


def _record(suggestion: Suggestion, accepted: bool) -> dict:
    data = {"suggestion": suggestion.pk, "kind": suggestion.kind, "value": suggestion.value,
            "source": suggestion.source}
    if suggestion.kind in (Suggestion.Kind.DUPLICATE, Suggestion.Kind.RELATED):
        data["reference"] = (suggestion.reasons or {}).get("reference", "")
    return data


def _check(decisions: list[Decision], case: Case) -> None:
    if not decisions:
        raise Invalid(_("Choose what to do with at least one suggestion."),
                      fields={"form": _("Choose what to do with at least one suggestion.")})
    pks = [d.suggestion.pk for d in decisions]
    if len(set(pks)) != len(pks) or any(d.suggestion.case_id != case.pk for d in decisions):
        raise Invalid(_("These suggestions are not all of this case."))
    if any(d.add_allegation and not (d.accept and d.suggestion.kind == Suggestion.Kind.CATEGORY)
           for d in decisions):
        raise Invalid(_("An allegation can only be added for an accepted category."))


def decide_suggestions(*, actor, case: Case, decisions: list[Decision],
                       expected_version: int | None = None) -> Decided:
    """Accept or reject pending suggestions of `case` together, as one decision.

    Raises NotAllowed for a user without `edit_case` in the case's organisation (and, through
    `mark_duplicate`, for accepting a duplicate without that permission); Invalid for an empty
    batch, a suggestion of another case or listed twice, or an allegation asked for anything
    but an accepted category; Conflict when a suggestion was already decided or superseded,
    when a category or the other case is gone, when an allegation is asked on a closed case,
    or — when anything is accepted — when the case changed since `expected_version`. Nothing is
    written unless every decision can be applied.

    Side effects: what each accepted suggestion asks (the new categories in one
    `set_categories`, which re-routes; `set_urgency`; `mark_duplicate`) and, for a category
    accepted with its allegation, `add_allegation` (that category; the case's incident date,
    place and victim) — each with its own rows; every suggestion's status, decided_by and
    decided_at; ONE internal timeline row: "suggestion_accepted" / "suggestion_rejected" for a
    single decision, "suggestions_decided" for several, with the allegations added and, in
    `folded`, the category and allegation rows it restates (the case page shows it alone); one
    audit row per decision, `triage.accept` / `triage.reject` (saving a decided urgency
    suggestion also updates the case's waiting urgency: `Suggestion.save`). Returns the
    suggestions and the allegations added.
    """
    member = membership_of(actor)
    if member is None or member.organisation_id != case.organisation_id or not can(actor, "edit_case"):
        raise NotAllowed(_("You are not allowed to do this."))
    decisions = list(decisions)
    _check(decisions, case)
    accepting = any(d.accept for d in decisions)
    # The face's transaction and its read under the row lock when it took one (complaints.locks):
    # the complaints functions called below then change that same row, without reading it again.
    held = locks.holds(case)
    with nullcontext() if held else transaction.atomic():
        locked = case if held else locks.locked(Case.objects.filter(pk=case.pk))
        if locked is None:
            raise Case.DoesNotExist(f"no case {case.pk}")
        if accepting and expected_version is not None and locked.version != expected_version:
            raise _stale()
        current = Suggestion.objects.select_for_update().in_bulk([d.suggestion.pk for d in decisions])
        if any(s.status != Suggestion.Status.PENDING for s in current.values()) or len(current) != len(decisions):
            raise Conflict(_("This suggestion was already decided or is no longer made."), code="decided")
        for suggestion in current.values():
            suggestion.case = locked  # what Suggestion.save updates: the locked row, not a copy
        decisions = [Decision(current[d.suggestion.pk], d.accept, d.add_allegation) for d in decisions]
        # Rows are only appended, and every writer of the restated kinds holds this case's lock:
        # the restated rows are exactly those of those kinds above the last id seen now.
        before = TimelineEvent.objects.filter(case=locked).order_by("-pk").values_list("pk", flat=True).first() or 0
        allegations = _apply(actor=actor, case=locked, decisions=decisions) if accepting else []
        folded = list(TimelineEvent.objects.filter(case=locked, pk__gt=before, kind__in=RESTATED_KINDS)
                      .order_by("pk").values_list("pk", flat=True))
        now = timezone.now()
        records = []
        for decision in decisions:
            suggestion = decision.suggestion
            suggestion.status = Suggestion.Status.ACCEPTED if decision.accept else Suggestion.Status.REJECTED
            suggestion.decided_by, suggestion.decided_at = actor, now
            suggestion.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
            records.append((decision, _record(suggestion, decision.accept)))
        added = [a.pk for a in allegations]
        extra = {key: value for key, value in (("allegations", added), ("folded", folded)) if value}
        if len(decisions) == 1:
            decision, data = records[0]
            kind, data = ("suggestion_accepted" if decision.accept else "suggestion_rejected"), {**data, **extra}
        else:
            kind = "suggestions_decided"
            data = {"decisions": [{**data, "accepted": d.accept} for d, data in records], **extra}
        timeline.record(locked, actor, kind, public=False, data=data)
        allegation_ids = iter(added)  # in the order of the decisions that asked for one
        for decision, data in records:
            if decision.add_allegation:
                data = {**data, "allegation": next(allegation_ids)}
            record(action="triage.accept" if decision.accept else "triage.reject", organisation=locked.organisation,
                   actor=actor, actor_label="staff", target=locked, data=data)
    return Decided(suggestions=[d.suggestion for d in decisions], allegations=allegations)


def decide_suggestion(*, actor, suggestion: Suggestion, accept: bool, expected_version: int | None = None,
                      add_allegation: bool = False) -> Suggestion:
    """Accept or reject one pending suggestion (`decide_suggestions` with one decision: same
    errors and side effects)."""
    return decide_suggestions(actor=actor, case=suggestion.case,
                              decisions=[Decision(suggestion, accept, add_allegation)],
                              expected_version=expected_version).suggestions[0]
