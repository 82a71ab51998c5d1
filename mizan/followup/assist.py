"""Decisions on what the text engine suggests for recommendations (`FollowupSuggestion`).

The triage wing computes the suggestions in the background (`mizan.triage.followup`): themes
from its classifier, a responsible body from the organisation's own past assignments, and
near-duplicate recommendations (MinHash). Nothing changes on a recommendation until a person
accepts; accepting acts through this app's domain functions (`services`), so their permission
checks, audit rows and projections apply as for any other change:

- a theme is added to the recommendation's themes;
- a body becomes the lead body when there is none, a supporting body otherwise;
- a cluster suggestion puts the two recommendations in one cluster (joining their clusters when
  both are already in one).

Rejecting changes nothing on the recommendation. Either way the decision (who, when) is kept on
the suggestion, which the engine never asks again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Unit
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Category

from . import projections, services
from .models import BodyRole, Cluster, ExternalBody, FollowupSuggestion, Recommendation

__all__ = ["BODY_MIN_EXAMPLES", "Decision", "decide_followup_suggestion", "decide_followup_suggestions",
           "lead_body_examples", "parse_body", "suggestions_about"]

# A responsible body is suggested only once the organisation has recorded at least this many
# recommendations with a lead body: fewer past assignments teach nothing reliable.
BODY_MIN_EXAMPLES = 30

Kind = FollowupSuggestion.Kind
Status = FollowupSuggestion.Status


@dataclass(frozen=True)
class Decision:
    suggestion: FollowupSuggestion
    accept: bool


def parse_body(value: str) -> tuple[str, int] | None:
    """("unit" | "external", id) from a body suggestion's value ("unit:3"), or None."""
    kind, _sep, pk = value.partition(":")
    if kind in ("unit", "external") and pk.isascii() and pk.isdigit():
        return kind, int(pk)
    return None


def suggestions_about(recommendation_ids) -> QuerySet:
    """Every suggestion about these recommendations: their own, and the cluster suggestions of
    other recommendations that name one of them."""
    ids = [int(pk) for pk in recommendation_ids]
    return FollowupSuggestion.objects.filter(
        Q(recommendation_id__in=ids) | Q(kind=Kind.CLUSTER, value__in=[str(pk) for pk in ids]))


def lead_body_examples(organisation_id: int) -> int:
    """How many of the organisation's recommendations have a lead body (what body suggestions
    learn from; none are made below BODY_MIN_EXAMPLES)."""
    return Recommendation.objects.filter(organisation_id=organisation_id,
                                         responsible__role=BodyRole.LEAD).distinct().count()


def _gone(message) -> Conflict:
    return Conflict(message, code="gone")


def _accept_theme(actor, recommendation: Recommendation, code: str) -> None:
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        raise _gone(_("This theme no longer exists."))
    themes = list(recommendation.themes.all())
    if category not in themes:
        services.update_recommendation(actor=actor, recommendation=recommendation, themes=[*themes, category])


def _accept_body(actor, recommendation: Recommendation, value: str) -> None:
    parsed = parse_body(value)
    model = {"unit": Unit, "external": ExternalBody}.get(parsed[0]) if parsed else None
    body = model.objects.filter(pk=parsed[1], organisation_id=recommendation.organisation_id).first() \
        if model is not None else None
    if body is None or (model is ExternalBody and not body.is_active):
        raise _gone(_("This body is no longer in your organisation's register."))
    current = [(link.role, link.unit, link.external)
               for link in recommendation.responsible.select_related("unit", "external")]
    if any((unit or external) == body for _role, unit, external in current):
        return
    role = BodyRole.SUPPORTING if any(r == BodyRole.LEAD for r, _u, _e in current) else BodyRole.LEAD
    added = (role, body, None) if model is Unit else (role, None, body)
    services.set_responsible_bodies(actor=actor, recommendation=recommendation, bodies=[*current, added])


def _accept_cluster(actor, recommendation: Recommendation, value: str) -> None:
    other = Recommendation.objects.filter(pk=int(value), organisation_id=recommendation.organisation_id).first() \
        if value.isascii() and value.isdigit() else None
    if other is None:
        raise _gone(_("The other recommendation is no longer available."))
    recommendation.refresh_from_db(fields=["cluster"])
    if recommendation.cluster_id is not None and recommendation.cluster_id == other.cluster_id:
        return
    # The older recommendation's cluster stays; the other one's members join it.
    target = other.cluster or recommendation.cluster
    if target is None:
        services.cluster_recommendations(actor=actor, recommendations=[other, recommendation])
        return
    joining = recommendation if target == other.cluster else other
    moving = list(Recommendation.objects.filter(cluster_id=joining.cluster_id)) if joining.cluster_id else [joining]
    emptied = joining.cluster_id
    services.cluster_recommendations(actor=actor, recommendations=moving, cluster=target)
    if emptied is not None:
        Cluster.objects.filter(pk=emptied, recommendations__isnull=True).delete()


def _check(actor, decisions: list[Decision]) -> None:
    if not decisions:
        raise Invalid(_("Choose what to do with at least one suggestion."),
                      fields={"form": _("Choose what to do with at least one suggestion.")})
    pks = [d.suggestion.pk for d in decisions]
    if len(set(pks)) != len(pks):
        raise Invalid(_("Each suggestion can be decided once."))
    organisation = services.member_organisation(actor, "edit_recommendations")
    owners = set(Recommendation.objects.filter(pk__in={d.suggestion.recommendation_id for d in decisions})
                 .values_list("organisation_id", flat=True))
    if owners != {organisation.pk}:
        raise NotAllowed(_("You are not allowed to do this."))


def decide_followup_suggestions(*, actor, decisions: list[Decision]) -> list[FollowupSuggestion]:
    """Accept or reject pending suggestions together (of one or several recommendations of the
    actor's organisation), all or nothing. Needs `edit_recommendations`.

    Side effects: for each accepted one, the change it proposes through `services`
    (`update_recommendation`, `set_responsible_bodies`, `cluster_recommendations`: their audit
    rows and projections); the suggestion's status, decider and time; audit
    `followup.suggestion.accept` / `followup.suggestion.reject` per decision; projections
    ("suggestions"). Raises Conflict when one was decided meanwhile or what it names is gone."""
    decisions = list(decisions)
    _check(actor, decisions)
    organisation = services.member_organisation(actor, "edit_recommendations")
    now = timezone.now()
    with transaction.atomic():
        locked = {s.pk: s for s in FollowupSuggestion.objects.select_for_update()
                  .filter(pk__in=[d.suggestion.pk for d in decisions]).order_by("pk")}
        if len(locked) != len(decisions) or any(s.status != Status.PENDING for s in locked.values()):
            raise Conflict(_("Someone else decided on this suggestion while you were working on it. "
                             "Reload the page to see the latest suggestions."), code="stale")
        decided, touched = [], set()
        for decision in decisions:
            suggestion = locked[decision.suggestion.pk]
            recommendation = Recommendation.objects.get(pk=suggestion.recommendation_id)
            if decision.accept:
                {Kind.THEME: _accept_theme, Kind.BODY: _accept_body, Kind.CLUSTER: _accept_cluster}[
                    suggestion.kind](actor, recommendation, suggestion.value)
            suggestion.status = Status.ACCEPTED if decision.accept else Status.REJECTED
            suggestion.decided_by, suggestion.decided_at = actor, now
            suggestion.save(update_fields=["status", "decided_by", "decided_at"])
            services.audit(organisation, actor, f"followup.suggestion.{'accept' if decision.accept else 'reject'}",
                           recommendation, suggestion=suggestion.pk, kind=suggestion.kind, value=suggestion.value)
            touched.add(recommendation.pk)
            if suggestion.kind == Kind.CLUSTER and suggestion.value.isdigit():
                touched.add(int(suggestion.value))
            decided.append(suggestion)
        projections.after_change(projections.Change(organisation.pk, recommendations=tuple(sorted(touched)),
                                                    what="suggestions"))
    return decided


def decide_followup_suggestion(*, actor, suggestion: FollowupSuggestion, accept: bool) -> FollowupSuggestion:
    """Accept or reject one suggestion (see `decide_followup_suggestions`)."""
    return decide_followup_suggestions(actor=actor, decisions=[Decision(suggestion, accept)])[0]
