"""Who may see and do what in the follow-up of recommendations. Every read goes through here.

- An organisation sees its own recommendations, sources, plans, indicators and reports, and the
  recommendations a secretariat addressed to it (their text and source, read-only; it reports
  its own progress on them).
- A secretariat sees the reports its members chose to share with it (or to publish) on the
  recommendations it addressed to them, never their internal ones; members never see each
  other's reports, except what a member published.
- Everything else is "not found", exactly like a record that does not exist.

Follow-up records hold no personal data: every staff role may read them. Changing them needs
the permissions below (the optional follow-up officer role has all of them and sees no case).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from mizan.accounts.models import Role, membership_of

from .intake import is_id
from .models import (
    Indicator,
    Measure,
    ProgressReport,
    Recommendation,
    Source,
    Strategy,
    Visibility,
)

R = Role
STAFF = frozenset(Role)
EDITORS = frozenset({R.SUPERVISOR, R.ORG_ADMIN, R.FOLLOWUP_OFFICER})

# action -> roles allowed (within their own organisation)
PERMISSIONS: dict[str, frozenset] = {
    "view_followup": STAFF,
    "edit_recommendations": EDITORS,  # create, edit, status, clusters, import, decide suggestions
    "edit_plans": EDITORS,  # strategies, phases, goals, measures and their links
    "edit_indicators": EDITORS,  # indicators and their values
    # Progress reports: also the case officers, who often hold the evidence.
    "report_progress": frozenset({R.CASE_OFFICER, R.SUPERVISOR, R.ORG_ADMIN, R.FOLLOWUP_OFFICER}),
    # What the organisation shows on the public page.
    "publish_followup": frozenset({R.SUPERVISOR, R.ORG_ADMIN}),
    # Counts of complaints behind a computed indicator open the case list only for those who see cases.
}

__all__ = [
    "PERMISSIONS",
    "can",
    "get_indicator_for_user",
    "get_measure_for_user",
    "get_recommendation_for_user",
    "get_report_for_user",
    "get_source_for_user",
    "get_strategy_for_user",
    "indicators_for",
    "measures_for",
    "recommendations_for",
    "reports_for",
    "sources_for",
    "strategies_for",
]


def can(user, action: str) -> bool:
    member = membership_of(user)
    return member is not None and member.role in PERMISSIONS[action]


def _organisation_id(user) -> int | None:
    member = membership_of(user)
    if member is None or member.role not in PERMISSIONS["view_followup"]:
        return None
    return member.organisation_id


def recommendations_for(user) -> QuerySet:
    """The recommendations `user` may read: their organisation's own, and those addressed to it."""
    org_id = _organisation_id(user)
    if org_id is None:
        return Recommendation.objects.none()
    addressed = Recommendation.objects.filter(addressed__organisation_id=org_id).values("pk")
    return Recommendation.objects.filter(Q(organisation_id=org_id) | Q(pk__in=addressed))


def own_recommendations(user) -> QuerySet:
    """Only those `user`'s organisation owns (the ones it may change)."""
    org_id = _organisation_id(user)
    return Recommendation.objects.filter(organisation_id=org_id) if org_id else Recommendation.objects.none()


def get_recommendation_for_user(user, pk, *, own: bool = False) -> Recommendation:
    """The recommendation `pk` if `user` may read it (`own`: and their organisation owns it);
    Http404 otherwise, the same as for one that does not exist."""
    queryset = own_recommendations(user) if own else recommendations_for(user)
    recommendation = queryset.filter(pk=pk).select_related("source", "cluster", "organisation").first() \
        if is_id(pk) else None
    if recommendation is None:
        raise Http404("not found")
    return recommendation


def sources_for(user) -> QuerySet:
    org_id = _organisation_id(user)
    if org_id is None:
        return Source.objects.none()
    addressed = Recommendation.objects.filter(addressed__organisation_id=org_id).values("source_id")
    return Source.objects.filter(Q(organisation_id=org_id) | Q(pk__in=addressed))


def get_source_for_user(user, pk) -> Source:
    source = sources_for(user).filter(pk=pk).first() if is_id(pk) else None
    if source is None:
        raise Http404("not found")
    return source


def reports_for(user) -> QuerySet:
    """Progress reports `user` may read: their organisation's own; on recommendations their
    organisation owns, what addressees shared with it or published; any published report of a
    recommendation they may read."""
    org_id = _organisation_id(user)
    if org_id is None:
        return ProgressReport.objects.none()
    readable = recommendations_for(user).values("pk")
    return ProgressReport.objects.filter(
        Q(organisation_id=org_id)
        | Q(recommendation__organisation_id=org_id, visibility__in=[Visibility.SECRETARIAT, Visibility.PUBLIC])
        | Q(recommendation__in=readable, visibility=Visibility.PUBLIC)
    )


def get_report_for_user(user, pk) -> ProgressReport:
    report = reports_for(user).filter(pk=pk).first() if is_id(pk) else None
    if report is None:
        raise Http404("not found")
    return report


def strategies_for(user) -> QuerySet:
    org_id = _organisation_id(user)
    return Strategy.objects.filter(organisation_id=org_id) if org_id else Strategy.objects.none()


def get_strategy_for_user(user, pk) -> Strategy:
    strategy = strategies_for(user).filter(pk=pk).first() if is_id(pk) else None
    if strategy is None:
        raise Http404("not found")
    return strategy


def measures_for(user) -> QuerySet:
    org_id = _organisation_id(user)
    return Measure.objects.filter(organisation_id=org_id) if org_id else Measure.objects.none()


def get_measure_for_user(user, pk) -> Measure:
    measure = measures_for(user).filter(pk=pk).select_related("goal__phase__strategy").first() \
        if is_id(pk) else None
    if measure is None:
        raise Http404("not found")
    return measure


def indicators_for(user) -> QuerySet:
    org_id = _organisation_id(user)
    return Indicator.objects.filter(organisation_id=org_id) if org_id else Indicator.objects.none()


def get_indicator_for_user(user, pk) -> Indicator:
    indicator = indicators_for(user).filter(pk=pk).first() if is_id(pk) else None
    if indicator is None:
        raise Http404("not found")
    return indicator
