"""Full-text search of cases, as the desk queue and the API use it.

    search = prepare(q)                       # parse once per request
    cases = filter_cases(qs, search)          # qs: already scoped by access.cases_for(user)
    cases = order_by_relevance(cases, search) # best match first
    search_cases(user, q)                     # both, scoped to what `user` may see

A query is the search box's text (see `query` for the language). A reference number typed in
the box finds that case (exact or prefix, Arabic-Indic digits too) besides full-text matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.conf import settings
from django.db.models import Case as CaseWhen
from django.db.models import F, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from mizan.accounts.models import membership_of
from mizan.complaints.access import cases_for
from mizan.lib.digits import to_ascii_digits

from .backends import get_backend
from .query import Parsed, parse, split_exclusions

MAX_QUERY = 200
_REFERENCE_LIKE = re.compile(r"(?=.*[0-9-])[A-Z0-9][A-Z0-9-]*")  # "EG-2026-000123" or a piece of it
EXACT_REFERENCE_RANK = 1e9


@dataclass
class SearchQuery:
    raw: str
    parsed: Parsed = field(repr=False)

    @property
    def active(self) -> bool:
        """Whether the search filters anything: there is a term, an exclusion or a reference."""
        return self.parsed.node is not None or bool(self.reference)

    @cached_property
    def reference(self) -> str:
        """The text as a reference number (upper case, ASCII digits) if it could be part of one."""
        text = to_ascii_digits(self.raw).strip().upper()
        return text if text and _REFERENCE_LIKE.fullmatch(text) else ""

    @cached_property
    def expressions(self) -> tuple[str | None, str | None]:
        """(MATCH / to_tsquery text of what must match, of what must not) for this database."""
        positive, negative = split_exclusions(self.parsed.node)
        backend = get_backend()
        return (backend.compile(positive) if positive is not None else None,
                backend.compile(negative) if negative is not None else None)

    @property
    def terms(self) -> frozenset[str]:
        return self.parsed.terms

    @property
    def note(self) -> str:
        """What the person searching should know about how their text was read."""
        if self.raw.strip() and not self.active:
            return _("The search words are too common to search for (for example “in”, “the”, “من”); "
                     "the list is not filtered by text.")
        if self.parsed.ignored and self.parsed.node is not None:
            return _("Very common words were left out of the search: %(words)s") % {
                "words": ", ".join(self.parsed.ignored[:10])}
        if self.parsed.dropped_exclusions:
            return _("An excluded word (“-word”) needs other words to be excluded from; it was left out.")
        return ""


def prepare(q: str | SearchQuery | None) -> SearchQuery:
    if isinstance(q, SearchQuery):
        return q
    raw = (q or "")[:MAX_QUERY]
    return SearchQuery(raw=raw, parsed=_parse(raw))


@lru_cache(maxsize=256)
def _parse(raw: str) -> Parsed:
    # A page parses the same text several times (filter, order, snippets); Parsed is not mutated.
    return parse(raw)


def _organisation_id(user) -> int | None:
    member = membership_of(user) if user is not None else None
    return member.organisation_id if member else None


def filter_cases(queryset: QuerySet, q, *, user=None, reference_lookup: str = "istartswith") -> QuerySet:
    """The cases of `queryset` that the query finds; `queryset` unchanged when it is empty.

    `queryset` must already be limited to what the user may see (`access.cases_for`); with
    `user`, the full-text part is also limited to the user's organisation in the index itself.
    `reference_lookup` decides how a typed reference matches ("istartswith" for the desk box,
    "icontains" for the API's historical behaviour).
    """
    search = prepare(q)
    if not search.active:
        return queryset
    organisation_id = _organisation_id(user)
    if user is not None and organisation_id is None:
        return queryset.none()
    backend = get_backend()
    positive, negative = search.expressions
    condition = Q(**{f"reference__{reference_lookup}": search.reference}) if search.reference else Q(pk__in=[])
    if positive is not None:
        # The backend's SQL is constant; the compiled query is a bound parameter.
        condition |= Q(pk__in=RawSQL(*backend.ids_sql(positive, organisation_id)))  # noqa: S611
    elif negative is not None:  # only exclusions: every case except those
        condition = Q()
    queryset = queryset.filter(condition)
    if negative is not None:
        queryset = queryset.exclude(pk__in=RawSQL(*backend.ids_sql(negative, organisation_id)))  # noqa: S611
    return queryset


def rank_expression(q):
    """How well each case matches (higher is better), or None when there is nothing to rank."""
    search = prepare(q)
    positive, _negative = search.expressions
    rank = get_backend().rank(positive) if positive is not None else None
    if search.reference:
        rank = CaseWhen(When(reference=search.reference, then=Value(EXACT_REFERENCE_RANK)),
                        default=rank if rank is not None else Value(0.0))
    return rank


def order_by_relevance(queryset: QuerySet, q) -> QuerySet:
    """Best match first (an exact reference before everything), then newest."""
    rank = rank_expression(q)
    if rank is None:
        return queryset.order_by("-received_at", "-id")
    return queryset.annotate(search_rank=rank).order_by(
        F("search_rank").desc(nulls_last=True), "-received_at", "-id")


class SearchResults:
    """The cases a search found, best match first, as a sequence that `Paginator` can page.

    Holds the ordered ids only (at most the rank window); a slice loads its cases through the
    base queryset, so `select_related` / `prefetch_related` / annotations set on it apply.
    `capped`: more cases matched than the window holds; `count()` is then the window's size and
    the list holds the best matches among the newest ones.
    """

    ordered = True

    def __init__(self, queryset: QuerySet, ids: list[int], *, capped: bool = False, window: int = 0):
        self.queryset = queryset
        self.ids = ids
        self.capped = capped
        self.window = window

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def _load(self, ids: list[int]) -> list:
        # Unordered (the ids give the order): an ORDER BY could make the database walk an index
        # in that order, checking each row against the ids, instead of reading them by key.
        found = {case.pk: case for case in self.queryset.filter(pk__in=ids).order_by()}
        return [found[pk] for pk in ids if pk in found]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._load(self.ids[index])
        return self._load([self.ids[index]])[0]

    def __iter__(self):
        for start in range(0, len(self.ids), 500):
            yield from self._load(self.ids[start:start + 500])

    def __bool__(self) -> bool:
        return bool(self.ids)


def rank_window() -> int:
    return max(1, int(getattr(settings, "MIZAN_SEARCH_RANK_WINDOW", 5_000)))


def ranked(queryset: QuerySet, q, *, user=None, reference_lookup: str = "istartswith",
           facets: Mapping[str, Iterable[str]] | None = None):
    """The cases of `queryset` that `q` finds, best first: a `SearchResults`.

    `queryset` holds the user's scope and every other filter, but not the text (the search
    applies it here). `facets`: the statuses and urgencies `queryset` is already limited to
    (`{"status": [...], "urgency": [...]}`, see `mizan.search.facets`); with the user's
    organisation they are intersected inside the full-text index, so a selective filter costs
    no more than a broad one. They only narrow the walk: `queryset` is still checked.

    Cost is bounded whatever the words: the full-text index yields the newest matches that pass
    the filters, up to the rank window, with their scores (bm25 on SQLite,
    ts_rank_cd on PostgreSQL); those are sorted best first (ties: newest arrival first, as
    `order_by_relevance`). A query of exclusions only has nothing to rank: it is every other
    case, newest first (`window_excluding`).
    """
    search = prepare(q)
    if not search.active:
        return queryset.order_by("-received_at", "-id")
    organisation_id = _organisation_id(user)
    if user is not None and organisation_id is None:
        return queryset.none()
    positive, _negative = search.expressions
    node = search.parsed.node
    window = rank_window()
    backend = get_backend()
    if node is None:
        rows = []
    elif positive is None:  # exclusions only: every other case, newest first
        rows = backend.window_excluding(queryset, node, window + 1, organisation_id, facets or {})
    else:
        rows = backend.window(queryset, backend.compile(node), window + 1, organisation_id, facets or {})
    capped = len(rows) > window
    scores: dict[int, float] = {pk: float(score) if positive is not None else 0.0 for pk, score, _at in rows[:window]}
    received: dict[int, float] = {pk: at for pk, _score, at in rows[:window]}
    if search.reference:
        by_reference = queryset.filter(**{f"reference__{reference_lookup}": search.reference})
        for pk, reference, at in by_reference.order_by("-id").values_list("pk", "reference", "received_at")[:window]:
            received[pk] = at.timestamp()
            if reference == search.reference:
                scores[pk] = EXACT_REFERENCE_RANK
            else:
                scores.setdefault(pk, float("-inf"))  # a reference prefix without the words: after them
    ids = sorted(scores, key=lambda pk: (-scores[pk], -received[pk], -pk))[:window]
    return SearchResults(queryset, ids, capped=capped or len(scores) > window, window=window)


def search_cases(user, q):
    """The cases `user` may see that `q` finds, best match first (none for an empty query)."""
    search = prepare(q)
    cases = cases_for(user)
    if not search.active:
        return cases.none()
    return ranked(cases, search, user=user)
