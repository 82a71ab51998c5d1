"""Reading lists of recommendations: filters, order, counts per status. Writes nothing.

Every list starts from `access.recommendations_for(user)` (the organisation's own and those a
secretariat addressed to it). "Status" always means the reader's organisation's status: the
owner's for its own recommendations, the member's own (`Addressee.status`) for one addressed to
it — so a member filters, counts and sorts by what it recorded, never by the secretariat's.

Free-text search is a hook: the search wing registers its function with `register_search` from
its AppConfig.ready() (this app never imports it). `search(queryset, q, user=...)` then filters
and ranks; until one is registered, `search_available()` is false and the desk list shows no
search box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.accounts.models import Organisation, Unit, membership_of
from mizan.complaints.models import Category
from mizan.lib.digits import to_ascii_digits

from .access import recommendations_for, sources_for
from .intake import is_id
from .models import (
    CLOSED_STATUSES,
    Addressee,
    BodyRole,
    ExternalBody,
    Position,
    Recommendation,
    ResponsibleBody,
    Source,
    SourceKind,
    Status,
)

__all__ = [
    "ListFilters",
    "body_choices",
    "body_key",
    "parse_filters",
    "recommendation_list",
    "register_search",
    "search",
    "search_available",
    "status_counts",
    "with_status",
]

SORTS = ("due", "newest", "status")
SCOPES = ("own", "addressed")
STATUS_ORDER = {code: number for number, code in enumerate(Status.values)}

# --- the search hook ------------------------------------------------------------------------------

_search: Callable[..., QuerySet] | None = None


def register_search(function: Callable[..., QuerySet] | None) -> None:
    """Called by the search wing: `function(queryset, q, *, user) -> queryset` keeps the
    recommendations of `queryset` that match the query `q`, best first."""
    global _search
    _search = function


def search_available() -> bool:
    return _search is not None


def search(queryset: QuerySet, q: str, *, user) -> QuerySet:
    """The recommendations of `queryset` matching `q`, ranked; `queryset` itself without a
    registered search or without words."""
    if _search is None or not q.strip():
        return queryset
    return _search(queryset, q, user=user)


# --- filters ----------------------------------------------------------------------------------------

@dataclass
class ListFilters:
    theme: Category | None = None
    status: str = ""
    source: Source | None = None
    source_kind: str = ""
    body: object = None  # a Unit or an ExternalBody
    position: str = ""
    due_before: date | None = None
    overdue: bool = False
    scope: str = ""  # "own", "addressed" or "" (both)
    sort: str = "due"
    sort_chosen: bool = False
    q: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any((self.theme, self.status, self.source, self.source_kind, self.body, self.position,
                    self.due_before, self.overdue, self.scope, self.q))


def body_key(body) -> str:
    """How a responsible body is named in a form or an address: "unit-3", "external-5"."""
    return f"unit-{body.pk}" if isinstance(body, Unit) else f"external-{body.pk}"


def body_choices(organisation_id: int, *, active_only: bool = True) -> list:
    """The organisation's units, then its outside bodies (active ones unless told otherwise)."""
    externals = ExternalBody.objects.filter(organisation_id=organisation_id)
    if active_only:
        externals = externals.filter(is_active=True)
    return [*Unit.objects.filter(organisation_id=organisation_id).order_by("name_ar"), *externals]


def find_body(organisation_id: int, key: str):
    kind, _sep, pk = (key or "").partition("-")
    if not is_id(pk):
        return None
    if kind == "unit":
        return Unit.objects.filter(organisation_id=organisation_id, pk=pk).first()
    if kind == "external":
        return ExternalBody.objects.filter(organisation_id=organisation_id, pk=pk).first()
    return None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(to_ascii_digits(value).strip())
    except ValueError:
        return None


def parse_filters(user, params) -> ListFilters:
    """Filters from the query string; a value that names nothing the user may see is dropped
    with a note in the user's language (an id of another organisation reads like an unknown one)."""
    member = membership_of(user)
    filters = ListFilters()
    notes = filters.notes

    def get(name):
        return (params.get(name) or "").strip()[:200]

    if code := get("theme"):
        filters.theme = Category.objects.filter(code=code, is_active=True).first()
        if filters.theme is None:
            notes.append(_("There is no such theme; the list is not filtered by theme."))
    if status := get("status"):
        if status in Status.values:
            filters.status = status
        else:
            notes.append(_("There is no such status; the list is not filtered by status."))
    if source := get("source"):
        filters.source = sources_for(user).filter(pk=source).first() if is_id(source) else None
        if filters.source is None:
            notes.append(_("There is no such source; the list is not filtered by source."))
    if kind := get("kind"):
        if kind in SourceKind.values:
            filters.source_kind = kind
        else:
            notes.append(_("There is no such kind of source; the list is not filtered by it."))
    if body := get("body"):
        filters.body = find_body(member.organisation_id, body) if member else None
        if filters.body is None:
            notes.append(_("There is no such responsible body; the list is not filtered by it."))
    if position := get("position"):
        if position in Position.values:
            filters.position = position
        else:
            notes.append(_("There is no such position; the list is not filtered by position."))
    if due_before := get("due_before"):
        filters.due_before = _day(due_before)
        if filters.due_before is None:
            notes.append(_("Enter the date as YYYY-MM-DD; the list is not filtered by due date."))
    filters.overdue = get("overdue") in ("1", "on", "true")
    if scope := get("scope"):
        if scope in SCOPES:
            filters.scope = scope
        else:
            notes.append(_("There is no such list; showing all recommendations instead."))
    sort = get("sort")
    if sort and sort not in SORTS:
        notes.append(_("There is no such order; sorted by due date instead."))
    filters.sort = sort if sort in SORTS else "due"
    filters.sort_chosen = sort in SORTS
    filters.q = get("q") if search_available() else ""
    return filters


# --- the list -----------------------------------------------------------------------------------

def with_status(queryset: QuerySet, organisation_id: int) -> QuerySet:
    """Annotate `my_status`: the reader's organisation's status of each recommendation."""
    member_status = Addressee.objects.filter(recommendation=OuterRef("pk"), organisation_id=organisation_id)
    return queryset.annotate(my_status=Case(
        When(organisation_id=organisation_id, then=F("status")),
        default=Subquery(member_status.values("status")[:1])))


def _filtered(user, filters: ListFilters, *, status: bool = True) -> QuerySet:
    member = membership_of(user)
    org_id = member.organisation_id if member else None
    queryset = with_status(recommendations_for(user), org_id)
    if filters.theme is not None:
        themes = Category.objects.filter(Q(pk=filters.theme.pk) | Q(parent_id=filters.theme.pk))
        linked = Recommendation.themes.through.objects.filter(category__in=themes)
        queryset = queryset.filter(pk__in=linked.values("recommendation_id"))
    if status and filters.status:
        queryset = queryset.filter(my_status=filters.status)
    if filters.source is not None:
        queryset = queryset.filter(source=filters.source)
    if filters.source_kind:
        queryset = queryset.filter(source__kind=filters.source_kind)
    if filters.body is not None:
        bodies = ResponsibleBody.objects.filter(
            **({"unit": filters.body} if isinstance(filters.body, Unit) else {"external": filters.body}))
        queryset = queryset.filter(pk__in=bodies.values("recommendation_id"))
    if filters.position:
        queryset = queryset.filter(position=filters.position)
    if filters.due_before is not None:
        queryset = queryset.filter(due_on__lte=filters.due_before)
    if filters.overdue:
        queryset = queryset.filter(due_on__lt=timezone.localdate()).exclude(my_status__in=CLOSED_STATUSES)
    if filters.scope == "own":
        queryset = queryset.filter(organisation_id=org_id)
    elif filters.scope == "addressed":
        queryset = queryset.exclude(organisation_id=org_id)
    return queryset


def _ordered(queryset: QuerySet, sort: str) -> QuerySet:
    if sort == "newest":
        return queryset.order_by(F("issued_on").desc(nulls_last=True), "-created_at", "-id")
    if sort == "status":
        rank = Case(*(When(my_status=code, then=Value(n)) for code, n in STATUS_ORDER.items()),
                    output_field=IntegerField())
        return queryset.annotate(status_rank=rank).order_by("status_rank", F("due_on").asc(nulls_last=True), "-id")
    return queryset.order_by(F("due_on").asc(nulls_last=True), "-id")


def recommendation_list(user, filters: ListFilters) -> QuerySet:
    """The recommendations `user` may read that match `filters`, in the order asked, with what a
    row shows loaded in a fixed number of queries (source, themes, responsible bodies)."""
    queryset = _filtered(user, filters)
    if filters.q:
        queryset = search(queryset, filters.q, user=user)
    # With words and no order asked for, the best matches come first (the search's order).
    if not (filters.q and not filters.sort_chosen):
        queryset = _ordered(queryset, filters.sort)
    return queryset.select_related("source", "organisation").prefetch_related(
        Prefetch("themes", queryset=Category.objects.order_by("position", "code")),
        Prefetch("responsible", queryset=ResponsibleBody.objects.select_related("unit", "external")),
    )


def status_counts(user, filters: ListFilters) -> list[tuple[str, str, int]]:
    """[(status, label, count)] for every status, over the list's filters except the status."""
    rows = (_filtered(user, filters, status=False).order_by().values("my_status")
            .annotate(n=Count("pk", distinct=True)))
    found = {row["my_status"]: row["n"] for row in rows}
    return [(code, label, found.get(code, 0)) for code, label in Status.choices]


def lead_of(recommendation: Recommendation):
    """The lead body among the prefetched responsible bodies, or None."""
    for link in recommendation.responsible.all():
        if link.role == BodyRole.LEAD:
            return link.body
    return None


def has_addressed(user) -> bool:
    """Whether a secretariat addressed any recommendation to the user's organisation."""
    member = membership_of(user)
    if member is None or member.organisation.kind == Organisation.Kind.SECRETARIAT:
        return False
    return Addressee.objects.filter(organisation_id=member.organisation_id).exists()
