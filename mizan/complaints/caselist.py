"""The one case-list query: the cases a user may see, by tab, filters, words and order.

The desk's queue, its exports, an indicator's drill-down and the API's list of cases all come
from `queue_cases` here, and read their filters from a URL with `parse_filters`. Every case query
starts from `access.cases_for(user)`, so another organisation's cases never leak into a list or
a count. Nothing here writes.

Words are searched by the search the `mizan.search` app registers at start-up
(`register_search`): the core never names it.

Every case of `queue_cases` carries, without a query of its own, the urgency triage suggests and
nobody has decided yet: `suggested_urgency` ("critical", "high" or None),
`suggested_urgency_label` (its words) and `suggested_urgency_reasons` (one sentence per signal,
in the reader's language) — stored on the case (see `Case.suggested_urgency`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db import models
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Least, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mizan.accounts.models import Facility, Membership, Role, Unit, membership_of
from mizan.core.sqltime import OnOrBefore, day_start
from mizan.lib.digits import to_ascii_digits

from .access import can, cases_for
from .models import (
    Allegation,
    Case,
    CaseCategory,
    CaseVulnerability,
    Category,
    Channel,
    Finding,
    Urgency,
    Vulnerability,
    category_subtree,
)
from .workflow import OPEN_STATES, Status

# --- the search, registered ---------------------------------------------------------------------

@dataclass(frozen=True)
class TextSearch:
    active: Callable  # active(q) -> bool: whether `q` searches anything
    filter: Callable  # filter(queryset, q, *, user, reference_lookup) -> queryset
    ranked: Callable  # ranked(queryset, q, *, user, reference_lookup, facets) -> the best first


_search: TextSearch | None = None


def register_search(*, active: Callable, filter: Callable, ranked: Callable) -> None:  # noqa: A002 (the hook's name)
    """Called by the search app at start-up: how the lists search words and rank by relevance."""
    global _search
    _search = TextSearch(active=active, filter=filter, ranked=ranked)


def searches(q: str) -> bool:
    """Whether `q` searches anything, so a list can be ranked by relevance (never without a
    registered search: the reference alone has no relevance)."""
    return _search is not None and _search.active(q)


VIEWS = ("mine", "unit", "unassigned", "due_soon", "overdue", "all")
SORTS = ("newest", "oldest", "due", "urgency", "relevance")  # "relevance" sorts newest first without a search
# Tabs of work still to be picked up, where the most urgent case must come first: their order
# when the address asks for none and nothing is searched (`tab_order`).
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
    """Cleaned queue filters (see `parse_filters`); empty values filter nothing."""

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
    # How a typed reference matches: "istartswith" (the desk's box), "icontains" (the API's).
    reference_lookup: str = "istartswith"


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

def text_search(qs: QuerySet, q: str, user=None, *, reference_lookup: str = "istartswith") -> QuerySet:
    """Free-text box: a reference (exact or prefix) or full-text search of the case's words, by
    the search registered (`mizan.search`: normalised Arabic, light stems, "phrases", OR,
    -exclusions); without one, the reference only."""
    if not (q or "").strip():
        return qs
    if _search is None:
        return qs.filter(**{f"reference__{reference_lookup}": q.strip()})
    return _search.filter(qs, q, user=user, reference_lookup=reference_lookup)


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
    return text_search(qs, filters.q, user, reference_lookup=filters.reference_lookup) if text else qs


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
    relevance = filters.sort == "relevance" and searches(filters.q)
    qs = apply_filters(_in_view(cases_for(user), member, view, today, until), filters, user, text=not relevance)
    qs = qs.select_related("governorate", "facility", "unit", "officer").prefetch_related(
        Prefetch("case_categories",
                 queryset=CaseCategory.objects.select_related("category").order_by("category__position", "category__code")),
        Prefetch("vulnerability_markers", queryset=CaseVulnerability.objects.order_by("code")),
    ).annotate(excerpt=Substr("narrative", 1, 121)).defer("narrative")
    if relevance:
        return _search.ranked(qs, filters.q, user=user, reference_lookup=filters.reference_lookup,
                              facets=_facets(view, filters))
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



# --- filters from a URL ------------------------------------------------------------------------

MAX_QUERY = 200
FILTER_PARAMS = ("status", "urgency", "category", "governorate", "facility", "unit", "officer",
                 "vulnerability", "from", "to", "channel", "outcome", "q", "sort",
                 # Not in the form: the complaints behind a figure (an indicator's drill-down).
                 "resolved_from", "resolved_to", "resolution", "acted", "alleged")
OUTCOMES = (*Finding.values, "pending")  # "pending": an allegation without a finding yet
RESOLUTIONS = ("on_time", "late")  # resolved on or before the resolution due date, or after it
ACTED = ("yes", "no")  # an officer's first action taken, or not yet


# --- queue filters ----------------------------------------------------------------------------

def filter_date(value: str) -> date | None:
    text = to_ascii_digits(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_filters(choices: QueueChoices, params) -> tuple[QueueFilters, list[str]]:
    """Clean the queue's GET parameters. Values that mean nothing here are dropped, each with a
    note for the page, so a stale bookmark or a hand-edited URL still shows a list."""
    notes: list[str] = []

    def ignored(label: str, value: str) -> None:
        notes.append(_("“%(value)s” is not a valid %(filter)s; that filter was ignored.") % {
            "value": value[:60], "filter": label})

    def one(name: str) -> str:
        return (params.get(name) or "").strip()

    statuses = []
    for value in params.getlist("status"):
        if value in Status.values:
            statuses.append(value)
        elif value:
            ignored(pgettext("queue filter name", "status"), value)

    urgency = one("urgency")
    if urgency and urgency not in Urgency.values:
        ignored(pgettext("queue filter name", "urgency"), urgency)
        urgency = ""

    category_ids: frozenset[int] = frozenset()
    code = one("category")
    if code:
        category = next((c for c in choices.categories if c.code == code), None)
        if category is None:
            ignored(pgettext("queue filter name", "category"), code)
        else:
            category_ids = choices.descendants(category.pk)

    def pick(name: str, label: str, items, key):
        value = one(name)
        if not value:
            return None
        found = next((item for item in items if str(key(item)) == value), None)
        if found is None:
            ignored(label, value)
        return found

    governorate = pick("governorate", pgettext("queue filter name", "governorate"), choices.governorates, lambda g: g.code)
    facility = pick("facility", pgettext("queue filter name", "place"), choices.facilities, lambda f: f.pk)
    unit = pick("unit", pgettext("queue filter name", "unit"), choices.units, lambda u: u.code)
    officer = pick("officer", pgettext("queue filter name", "officer"), choices.officers, lambda m: m.user.username)

    vulnerability = one("vulnerability")
    if vulnerability and vulnerability not in Vulnerability.values:
        ignored(pgettext("queue filter name", "group"), vulnerability)
        vulnerability = ""

    dates = {}
    for name in ("from", "to"):
        value = one(name)
        dates[name] = filter_date(value) if value else None
        if value and dates[name] is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        notes.append(_("The “received from” date is after the “received to” date, so no case can match."))

    channel = one("channel")
    if channel and channel not in Channel.values:
        ignored(pgettext("queue filter name", "channel"), channel)
        channel = ""

    outcome = one("outcome")
    if outcome and outcome not in OUTCOMES:
        ignored(pgettext("queue filter name", "outcome"), outcome)
        outcome = ""

    for name in ("resolved_from", "resolved_to"):
        value = one(name)
        dates[name] = filter_date(value) if value else None
        if value and dates[name] is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
    resolution = one("resolution")
    if resolution and resolution not in RESOLUTIONS:
        ignored(pgettext("queue filter name", "resolution deadline"), resolution)
        resolution = ""
    acted = one("acted")
    if acted and acted not in ACTED:
        ignored(pgettext("queue filter name", "first action"), acted)
        acted = ""
    alleged_ids: frozenset[int] = frozenset()
    code = one("alleged")
    if code:
        category = next((c for c in choices.categories if c.code == code), None)
        if category is None:
            ignored(pgettext("queue filter name", "allegation"), code)
        else:
            alleged_ids = choices.descendants(category.pk)

    sort = one("sort") or "relevance"  # falls back to newest first without a search
    if sort not in SORTS:
        ignored(pgettext("queue filter name", "sort order"), sort)
        sort = "newest"

    filters = QueueFilters(
        statuses=tuple(dict.fromkeys(statuses)), urgency=urgency, category_ids=category_ids,
        governorate_id=governorate.pk if governorate else None, facility_id=facility.pk if facility else None,
        unit_id=unit.pk if unit else None, officer_id=officer.user_id if officer else None,
        vulnerability=vulnerability, received_from=dates["from"], received_to=dates["to"], channel=channel,
        outcome=outcome, q=one("q")[:MAX_QUERY], sort=sort, resolved_from=dates["resolved_from"],
        resolved_to=dates["resolved_to"], resolution=resolution, acted=acted, alleged_ids=alleged_ids,
    )
    return filters, notes


def tab_order(filters: QueueFilters, params, view: str) -> QueueFilters:
    """`filters` with the order of tab `view` when the address asks for none: the most urgent
    first in the tabs of work to pick up, unless words are searched (then the best match). An
    order asked for wins, even one that does not exist (`parse_filters` fell back to newest
    first and said so)."""
    if (params.get("sort") or "").strip() or view not in URGENCY_FIRST_VIEWS or searches(filters.q):
        return filters
    return replace(filters, sort="urgency")


def filter_values(params) -> dict:
    """What the filter form shows as chosen: the raw values, so a bad one is still visible."""
    values = {name: (params.get(name) or "").strip() for name in FILTER_PARAMS}
    values["status"] = params.getlist("status")
    return values


def has_filters(filters: QueueFilters) -> bool:
    return filters != QueueFilters(sort=filters.sort)
