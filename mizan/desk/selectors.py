"""Read-only queries behind the staff desk: the case queue, its tabs and filters, the audit log.

Nothing here writes. Every case query starts from `access.cases_for(user)`, so another
organisation's cases can never leak into a list or a count.

Every case of `queue_cases` carries, without a query of its own, the urgency triage suggests and
nobody has decided yet: `suggested_urgency` ("critical", "high" or None),
`suggested_urgency_label` (its words) and `suggested_urgency_reasons` (one sentence per signal,
in the reader's language) — stored on the case (see `Case.suggested_urgency`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import models
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Least, Substr
from django.utils import timezone

from mizan.accounts.models import Facility, Membership, Role, Unit, membership_of
from mizan.audit.models import AuditEvent
from mizan.complaints.access import can, cases_for
from mizan.complaints.models import (
    Allegation,
    Case,
    CaseCategory,
    CaseVulnerability,
    Category,
    Notification,
    category_subtree,
)
from mizan.complaints.workflow import OPEN_STATES, Status
from mizan.core.sqltime import OnOrBefore, day_start
from mizan.search import engine as search_engine

VIEWS = ("mine", "unit", "unassigned", "due_soon", "overdue", "all")
SORTS = ("newest", "oldest", "due", "urgency", "relevance")  # "relevance" sorts newest first without a search
# Tabs of work still to be picked up, where the most urgent case must come first: their order
# when the address asks for none and nothing is searched (`forms_queue.tab_order`).
URGENCY_FIRST_VIEWS = frozenset({"unassigned", "all"})
# Roles that can hold a case as its officer (see services.assign_case).
HANDLING_ROLES = frozenset({Role.INTAKE_OFFICER, Role.CASE_OFFICER, Role.SUPERVISOR})
DEFAULT_VIEW = {
    Role.CASE_OFFICER: "mine",  # their own work first
    Role.INTAKE_OFFICER: "unassigned",  # what still needs a handler
    Role.SUPERVISOR: "overdue",  # what needs their intervention; an empty tab is good news
}


@dataclass(frozen=True)
class QueueFilters:
    """Cleaned queue filters (see `forms_queue.parse_filters`); empty values filter nothing."""

    statuses: tuple[str, ...] = ()
    urgency: str = ""
    category_ids: frozenset[int] = frozenset()  # a top-level category and all its descendants
    governorate_id: int | None = None
    facility_id: int | None = None
    unit_id: int | None = None
    officer_id: int | None = None
    vulnerability: str = ""
    received_from: date | None = None
    received_to: date | None = None
    channel: str = ""
    outcome: str = ""  # a finding, or "pending": has such an allegation (of the chosen category)
    q: str = ""
    sort: str = "newest"
    # The complaints behind a figure (a computed indicator of the follow-up): resolved between
    # two days, resolved on time or late, with or without a first action, with an allegation of
    # a category (and its descendants).
    resolved_from: date | None = None
    resolved_to: date | None = None
    resolution: str = ""  # "on_time" | "late"
    acted: str = ""  # "yes" | "no"
    alleged_ids: frozenset[int] = frozenset()


@dataclass
class QueueChoices:
    """The organisation's values offered by the filter form, loaded once per request."""

    categories: list[Category] = field(default_factory=list)  # all, for descendants
    top_categories: list[Category] = field(default_factory=list)
    governorates: list = field(default_factory=list)
    facilities: list[Facility] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    officers: list[Membership] = field(default_factory=list)

    def descendants(self, root_id: int) -> frozenset[int]:
        return category_subtree(self.categories, root_id)


def queue_choices(organisation) -> QueueChoices:
    categories = list(Category.objects.all())
    return QueueChoices(
        categories=categories,
        top_categories=[c for c in categories if c.parent_id is None],
        governorates=list(organisation.governorates.all()),
        # Inactive places stay filterable: old cases still point at them.
        facilities=list(organisation.facilities.select_related("governorate")),
        units=list(organisation.units.all()),
        officers=list(Membership.objects.filter(organisation=organisation, role__in=HANDLING_ROLES)
                      .select_related("user").order_by("user__username")),
    )


# --- tabs -------------------------------------------------------------------------------------

def due_window(organisation) -> tuple[date, date]:
    """(today, last day counted as "due soon"): `due_soon_days` working days ahead."""
    today = organisation.today()
    return today, organisation.calendar().add_working_days(today, organisation.due_soon_days)


def available_views(member) -> list[str]:
    views = list(VIEWS)
    if member.role not in HANDLING_ROLES:
        views.remove("mine")
    if member.unit_id is None:
        views.remove("unit")
    return views


def default_view(member) -> str:
    view = DEFAULT_VIEW.get(member.role, "all")
    return view if view in available_views(member) else "all"


def _in_view(base: QuerySet, member, view: str, today: date, until: date) -> QuerySet:
    if view == "mine":
        return base.open().filter(officer_id=member.user_id)
    if view == "unit":
        return base.open().filter(unit_id=member.unit_id) if member.unit_id else base.none()
    if view == "unassigned":
        return base.open().filter(officer__isnull=True)
    if view == "due_soon":
        return base.due_soon(today, until)
    if view == "overdue":
        return base.overdue(today)
    return base


def tab_counts(user, window: tuple[date, date] | None = None) -> dict[str, int]:
    """Number of cases in each tab the user has, in one query."""
    member = membership_of(user)
    if member is None or not can(user, "view_case"):
        return {}
    base = cases_for(user)
    today, until = window or due_window(member.organisation)
    views = available_views(member)
    counts = base.aggregate(**{
        view: Count("pk", filter=Q(pk__in=_in_view(base, member, view, today, until).values("pk")))
        if view != "all" else Count("pk")
        for view in views
    })
    return {view: counts[view] for view in views}


# --- the queue ----------------------------------------------------------------------------------

def text_search(qs: QuerySet, q: str, user=None) -> QuerySet:
    """Free-text box: a reference (exact or prefix) or full-text search of the case's words
    (see `mizan.search`: normalised Arabic, light stems, "phrases", OR, -exclusions)."""
    return search_engine.filter_cases(qs, q, user=user)


def apply_filters(qs: QuerySet, filters: QueueFilters, user=None, *, text: bool = True) -> QuerySet:
    """`qs` narrowed by every filter of the queue; by the search box's text too unless `text`
    is false (relevance order applies the text itself, see `queue_cases`)."""
    if filters.statuses:
        qs = qs.filter(status__in=filters.statuses)
    if filters.urgency:
        qs = qs.filter(urgency=filters.urgency)
    if filters.category_ids:
        # A subquery rather than a join, so a case with two matching categories appears once.
        qs = qs.filter(pk__in=CaseCategory.objects.filter(category_id__in=filters.category_ids).values("case_id"))
    if filters.governorate_id:
        qs = qs.filter(governorate_id=filters.governorate_id)
    if filters.facility_id:
        qs = qs.filter(facility_id=filters.facility_id)
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.officer_id:
        qs = qs.filter(officer_id=filters.officer_id)
    if filters.vulnerability:
        qs = qs.filter(pk__in=CaseVulnerability.objects.filter(code=filters.vulnerability).values("case_id"))
    if filters.received_from:
        qs = qs.filter(received_at__gte=day_start(filters.received_from))
    if filters.received_to:
        qs = qs.filter(received_at__lt=day_start(filters.received_to + timedelta(days=1)))
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.outcome:
        allegations = Allegation.objects.filter(finding="" if filters.outcome == "pending" else filters.outcome)
        if filters.category_ids:
            allegations = allegations.filter(category_id__in=filters.category_ids)
        qs = qs.filter(pk__in=allegations.values("case_id"))
    if filters.resolved_from:
        qs = qs.filter(resolved_at__gte=day_start(filters.resolved_from))
    if filters.resolved_to:
        qs = qs.filter(resolved_at__lt=day_start(filters.resolved_to + timedelta(days=1)))
    if filters.resolution:
        # The dashboard's "resolved on time": local day of the resolution <= the due date.
        today = timezone.localdate()
        on_time = Q(OnOrBefore(F("resolved_at"), F("resolution_due"), date(today.year - 15, 1, 1),
                               today + timedelta(days=800)))
        qs = qs.filter(resolved_at__isnull=False, resolution_due__isnull=False)
        qs = qs.filter(on_time if filters.resolution == "on_time" else ~on_time)
    if filters.acted:
        qs = qs.filter(first_action_at__isnull=filters.acted == "no")
    if filters.alleged_ids:
        qs = qs.filter(pk__in=Allegation.objects.filter(category_id__in=filters.alleged_ids).values("case_id"))
    return text_search(qs, filters.q, user) if text else qs


def _next_due():
    """SQL twin of `Case.due_date()`: first action until taken, then resolution; None if closed."""
    return models.Case(
        When(~Q(status__in=OPEN_STATES), then=Value(None)),
        When(first_action_at__isnull=True, first_action_due__isnull=False,
             then=Least("first_action_due", Coalesce("resolution_due", "first_action_due"))),
        default=F("resolution_due"),
        output_field=models.DateField(),
    )


def queue_cases(user, view: str, filters: QueueFilters, window: tuple[date, date] | None = None) -> QuerySet:
    """The cases of one queue tab for `user`, filtered and sorted, ready to render a page."""
    member = membership_of(user)
    if member is None or not can(user, "view_case"):
        return Case.objects.none()
    today, until = window or due_window(member.organisation)
    relevance = filters.sort == "relevance" and search_engine.prepare(filters.q).active
    qs = apply_filters(_in_view(cases_for(user), member, view, today, until), filters, user, text=not relevance)
    qs = qs.select_related("governorate", "facility", "unit", "officer").prefetch_related(
        Prefetch("case_categories",
                 queryset=CaseCategory.objects.select_related("category").order_by("category__position", "category__code")),
        Prefetch("vulnerability_markers", queryset=CaseVulnerability.objects.order_by("code")),
    ).annotate(excerpt=Substr("narrative", 1, 121)).defer("narrative")
    if relevance:
        return search_engine.ranked(qs, filters.q, user=user, facets=_facets(view, filters))
    if filters.sort == "oldest":
        return qs.order_by("received_at", "id")
    if filters.sort == "due":
        return qs.annotate(next_due=_next_due()).order_by(F("next_due").asc(nulls_last=True), "-received_at", "-id")
    if filters.sort == "urgency":
        return qs.by_urgency()
    return qs.order_by("-received_at", "-id")


def _facets(view: str, filters: QueueFilters) -> dict[str, list[str]]:
    """The statuses and urgency the tab and the filters limit the queue to, for the search index
    (`mizan.search.facets`): open states for the tabs of open work, intersected with the filter."""
    statuses = set(filters.statuses or ())
    if view in ("mine", "unit", "unassigned", "due_soon", "overdue"):
        # Closed states asked for in a tab of open work: no facet (the queryset is empty anyway).
        statuses = (statuses & set(OPEN_STATES)) if statuses else set(OPEN_STATES)
    return {"status": sorted(statuses), "urgency": [filters.urgency] if filters.urgency else []}


def due_state(case: Case, today: date, until: date) -> str:
    """"overdue", "due_soon" or "" — the same rule as the tabs (`CaseQuerySet.overdue/due_soon`)."""
    if case.is_overdue(today):
        return "overdue"
    due = case.due_date()
    if due is not None and case.status != Status.AWAITING_COMPLAINANT and due <= until:
        return "due_soon"
    return ""


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
