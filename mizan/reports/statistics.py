"""Statistics of one organisation's complaints: the figures behind the desk dashboard, the public
transparency page and the impact report. Read-only; every figure is counted by the database.

    from mizan.reports.statistics import Filters, Period, overview

    data = overview(organisation, Period(date(2026, 1, 1), date(2026, 12, 31)), Filters(governorate="cairo"))
    data.received, data.open, data.closed, data.allegations   # complaints, and the alleged acts
    [(row.label, row.allegations, row.complaints) for row in data.by_category]
    [(row.label, row.counts["substantiated"]) for row in data.outcomes]        # per category
    [(row.label, row.counts["substantiated"]) for row in data.facility_outcomes]  # places, most first
    data.deadlines.first_action.rate, data.deadlines.median_days, data.deadlines.p90_days
    [(point.start, point.complaints, point.previous) for point in data.trend]
    data.queue_params(**row.params)     # the desk queue's URL parameters of the cases behind a row

`Overview` and everything in it are plain frozen dataclasses (labels already in the active
language, no personal data): the dashboard, the public page (`reports.publication`), the
statistics export and the impact report all read the same figures.

Counting rules (they are also written out for readers in the dashboard's and the report's notes):

- A complaint belongs to the period when it was *received* in it (days in the installation's time
  zone, `settings.TIME_ZONE`, the same days as the desk's "received from/to" filter).
- The filters select complaints, with the desk queue's meaning: the complaint's governorate and
  place, its channel, its categories (a top-level category includes its sub-categories) and its
  vulnerability markers. A complaint count therefore lists exactly the cases that the desk queue
  shows for the same parameters (`Overview.queue_params(**row.params)`).
- *Allegations* are the alleged acts (HURIDOCS "act" counting): one complaint can hold several,
  each with its own category and finding. Categories and outcomes count allegations, beside the
  number of complaints. With a category filter only the allegations of that category (and its
  sub-categories) are counted. An allegation is counted at the place of its complaint. Statuses,
  channels and vulnerable groups count complaints (`Row.allegations` is None there).
- Open / closed is the complaint's status today. Outcomes are the findings recorded on each
  allegation when its case was resolved; "pending" is an allegation without a finding yet.
- Deadlines: "acknowledged on time" is an officer's first action (a message, an assignment or a
  step of the workflow; the automatic receipt does not count) on or before the first-action due
  date; "resolved on time" is a resolution on or before the resolution due date (which moves back
  while the case waits for the complainant), both in local days. Open cases whose deadline has not
  come yet are "pending". "Overdue now" is the desk's overdue list. Days to resolve are whole days
  (24 hours) from receipt to resolution; the median and the 90th percentile are nearest-rank.
- The trend counts complaints per calendar month of the period, beside the same days one year
  earlier.

How: without filters, from the statistics rollup (`reports.rollup`): counters per organisation,
day and calendar month of receipt, dimension and key, which every domain function that changes a
case updates in its own transaction (`rollup.update_case`: the difference between what the case
contributed before and now). A period is two queries over the counters: the months it covers
whole, the days of the months it covers in part (or the month minus the days left out), and the
complaints per month for the trend and the same days a year earlier. What depends on the day it
is read (deadlines not reached yet, overdue now) is kept by due date and decided then; medians
and 90th percentiles come from the day histogram. While the rollup of an organisation is stale
(an upgrade over existing cases, cases written in bulk: `manage.py rebuild_statistics`) or
MIZAN_STATISTICS_ROLLUP is False, and always with a filter (governorate, place, category,
vulnerability, channel), the figures are counted from the cases: seven GROUP BY queries per
calendar month of the period (over the covering indexes `case_statistics` and
`allegation_statistics`) and one range count for the same days a year earlier. Either way the
figures are cached (Django's cache) under the months' `DataVersion`, which every change to a
case raises in the change's own transaction, so a cached figure is never older than the last
committed change; the direct path caches each month, so a change recomputes only the month the
case was received in.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case as CaseWhen
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.lookups import In
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Facility, Governorate
from mizan.complaints.models import (
    Allegation,
    Case,
    CaseCategory,
    CaseVulnerability,
    Category,
    Channel,
    DataVersion,
    Finding,
    Vulnerability,
    category_subtree,
)
from mizan.complaints.workflow import OPEN_STATES, Status

# The database's date arithmetic, shared with the desk and the follow-up; its names stay importable here.
from mizan.core.sqltime import (  # noqa: F401
    ElapsedDays,
    OnOrBefore,
    day_start,
    next_day_starts,
    tz_offsets,
)

from . import rollup

CACHE_TIMEOUT = 24 * 3600  # a day; the key changes with every write anyway
CACHE_PREFIX = "mizan:statistics:v1"
PENDING = "pending"  # an allegation without a finding yet
OUTCOMES = (*Finding.values, PENDING)
OUTCOME_LABELS = {**dict(Finding.choices), PENDING: _("No finding yet")}
CLOSED_STATES = tuple(s for s in Status.values if s not in OPEN_STATES)


# --- what is asked -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """Days `start` to `end`, both included, in the installation's time zone."""

    start: date
    end: date

    @classmethod
    def last_months(cls, today: date, months: int = 12) -> Period:
        """The current calendar month and the `months - 1` before it, up to `today`."""
        year, month = divmod(today.year * 12 + today.month - 1 - (months - 1), 12)
        return cls(date(year, month + 1, 1), today)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def months(self) -> list[tuple[date, date]]:
        """(first day, last day) of each calendar month of the period, cut to the period."""
        spans, day = [], self.start
        while day <= self.end:
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            spans.append((day, min(following - timedelta(days=1), self.end)))
            day = following
        return spans


@dataclass(frozen=True)
class Filters:
    """Which complaints to count; empty values filter nothing. Values are the desk queue's URL
    values: a governorate's code, a facility's id, a category's code, a vulnerability code and
    a channel code."""

    governorate: str = ""
    facility: int | None = None
    category: str = ""
    vulnerability: str = ""
    channel: str = ""

    def params(self) -> dict[str, str]:
        """The desk queue's URL parameters for these filters."""
        values = {"governorate": self.governorate, "facility": str(self.facility or ""), "category": self.category,
                  "vulnerability": self.vulnerability, "channel": self.channel}
        return {key: value for key, value in values.items() if value}


# --- what is answered --------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One line of a table: complaints and the allegations they hold.

    `params` are the desk queue's URL parameters that list these complaints, to be added to those
    of the period and the filters (see `Overview.queue_params`)."""

    key: str
    label: str
    complaints: int
    allegations: int | None  # None where the table counts complaints only
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class OutcomeRow:
    """Allegations of one top-level category by outcome (`OUTCOMES` → count)."""

    key: str
    label: str
    counts: dict
    total: int
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Compliance:
    on_time: int
    late: int
    pending: int  # deadline not reached yet

    @property
    def decided(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float | None:
        """Share on time among those whose deadline was met or missed (None when there are none)."""
        return self.on_time / self.decided if self.decided else None


@dataclass(frozen=True)
class Deadlines:
    first_action: Compliance  # "acknowledged on time": an officer's first action
    resolution: Compliance  # resolved on or before the resolution due date
    overdue_now: int  # open and late today: the desk's overdue list
    resolved: int
    median_days: int | None
    p90_days: int | None
    days_histogram: tuple = ()  # ((calendar days to resolve, complaints), ...) ascending


@dataclass(frozen=True)
class MonthPoint:
    """Complaints received in one month of the period and in the same days a year earlier."""

    start: date
    end: date
    complaints: int
    previous_start: date
    previous_end: date
    previous: int


@dataclass(frozen=True)
class Overview:
    """Everything the dashboard shows for one organisation, period and set of filters.

    Plain values only (ints, strings, dates, tuples of the dataclasses above), labels in the
    active language, no personal data: safe to render for analysts, to cache and to print."""

    organisation_id: int
    period: Period
    filters: Filters
    today: date
    data_version: int
    received: int
    open: int
    closed: int
    allegations: int
    by_status: tuple
    by_category: tuple
    by_governorate: tuple
    by_facility: tuple
    by_vulnerability: tuple
    by_channel: tuple
    outcomes: tuple
    outcome_totals: dict
    facility_outcomes: tuple  # OutcomeRow per place, most substantiated allegations first
    deadlines: Deadlines
    trend: tuple

    def queue_params(self, **extra) -> dict[str, str | list[str]]:
        """Desk queue URL parameters (`/desk/?...`) for the complaints behind one number: the
        period, the filters, then `extra` (a `Row.params`, or a month's own dates)."""
        params: dict = {"view": "all", "from": self.period.start.isoformat(), "to": self.period.end.isoformat(),
                        **self.filters.params()}
        params.update(extra)
        return params

    def as_dict(self) -> dict:
        return asdict(self)


# --- database expressions ----------------------------------------------------------------------

# --- scope -------------------------------------------------------------------------------------



@dataclass(frozen=True)
class _Scope:
    organisation_id: int
    start: datetime
    end: datetime
    governorate_id: int | None
    facility_id: int | None
    category_ids: frozenset | None
    vulnerability: str
    channel: str

    def cases(self, prefix: str = "", *, period: bool = True) -> Q:
        """Q for the complaints in scope, on a model reaching the case through `prefix`."""
        q = Q(**{f"{prefix}organisation_id": self.organisation_id})
        if period:
            q &= Q(**{f"{prefix}received_at__gte": self.start, f"{prefix}received_at__lt": self.end})
        if self.governorate_id is not None:
            q &= Q(**{f"{prefix}governorate_id": self.governorate_id})
        if self.facility_id is not None:
            q &= Q(**{f"{prefix}facility_id": self.facility_id})
        if self.channel:
            q &= Q(**{f"{prefix}channel": self.channel})
        case_ref = OuterRef(f"{prefix}id" if prefix else "pk")
        if self.category_ids is not None:  # looked up per complaint (see `allegations`)
            q &= Q(Exists(CaseCategory.objects.filter(Q(In(F("category_id") + 0, sorted(self.category_ids))),
                                                      case_id=case_ref)))
        if self.vulnerability:
            q &= Q(Exists(CaseVulnerability.objects.filter(case_id=case_ref, code=self.vulnerability)))
        return q

    def span(self, first: date, last: date) -> _Scope:
        """The same complaints, received from day `first` to day `last` (both included)."""
        return replace(self, start=day_start(first), end=day_start(last + timedelta(days=1)))

    def allegations(self) -> Q:
        """Q for the allegations (or case categories) counted: those of the category filter, if
        any. Written `category_id + 0` so that no index on the category is used: the rows are
        reached from the period's complaints, not from every allegation of that category ever
        made (SQLite would otherwise start from the category and read each complaint's row)."""
        if self.category_ids is None:
            return Q()
        return Q(In(F("category_id") + 0, sorted(self.category_ids)))


class Labels:
    """The taxonomy and the organisation's governorates and places, loaded once (three queries):
    names in the active language, and the category tree."""

    def __init__(self, organisation):
        self.categories = {c.pk: c for c in Category.objects.all()}
        self.governorates = {g.pk: g for g in Governorate.objects.filter(organisation=organisation)}
        self.facilities = {f.pk: f for f in Facility.objects.filter(organisation=organisation)}
        self._roots: dict[int, Category] = {}

    def has_subcategories(self) -> bool:
        return any(c.parent_id for c in self.categories.values())

    def tree(self) -> tuple:
        return tuple(sorted((pk, c.parent_id or 0) for pk, c in self.categories.items()))

    def root(self, category_id: int) -> Category:
        if category_id not in self._roots:
            node = self.categories[category_id]
            while node.parent_id:
                node = self.categories[node.parent_id]
            self._roots[category_id] = node
        return self._roots[category_id]

    def descendants(self, root: Category) -> frozenset:
        return frozenset(pk for pk in self.categories if self.root(pk).pk == root.pk)

    def scope(self, organisation, period: Period, filters: Filters) -> _Scope:
        nothing = -1  # an unknown value matches no complaint
        governorate_id = facility_id = None
        if filters.governorate:
            governorate_id = next((g.pk for g in self.governorates.values() if g.code == filters.governorate), nothing)
        if filters.facility is not None:
            facility_id = filters.facility if filters.facility in self.facilities else nothing
        category_ids = None
        if filters.category:
            found = next((c for c in self.categories.values() if c.code == filters.category), None)
            category_ids = self._subtree(found.pk) if found else frozenset({nothing})
        return _Scope(organisation.pk, day_start(period.start), day_start(period.end + timedelta(days=1)),
                      governorate_id, facility_id, category_ids, filters.vulnerability, filters.channel)

    def _subtree(self, pk: int) -> frozenset:
        return category_subtree(self.categories.values(), pk)

    def root_expression(self):
        """SQL mapping a category id to its top-level category's id."""
        by_root: dict[int, list[int]] = {}
        for pk, category in self.categories.items():
            if category.parent_id:
                by_root.setdefault(self.root(pk).pk, []).append(pk)
        if not by_root:
            return F("category_id")
        return CaseWhen(*[When(category_id__in=ids, then=Value(root)) for root, ids in sorted(by_root.items())],
                        default=F("category_id"), output_field=IntegerField())


# --- the queries -------------------------------------------------------------------------------

def _figures_of_month(scope: _Scope, labels: Labels, today: date) -> dict:
    """The raw figures of the complaints in `scope` (one month at most): seven GROUP BY queries,
    reduced to small dicts of ids and codes → counts, cached as they are. No correlated
    subquery (PostgreSQL would run it once per row) and no Python function per row (SQLite)."""
    cases = Case.objects.filter(scope.cases()).order_by()
    first, last = timezone.localdate(scope.start) - timedelta(days=1), today + timedelta(days=800)
    is_open = Q(status__in=OPEN_STATES)
    acted = Q(first_action_at__isnull=False, first_action_due__isnull=False)
    acted_in_time = Q(OnOrBefore(F("first_action_at"), F("first_action_due"), first, last))
    resolved = Q(resolved_at__isnull=False, resolution_due__isnull=False)
    resolved_in_time = Q(OnOrBefore(F("resolved_at"), F("resolution_due"), first, last))
    raw = {name: {} for name in ("status", "channel", "governorate", "facility", "deadline", "alleged",
                                 "alleged_governorate", "alleged_facility", "facility_findings", "categories",
                                 "vulnerabilities", "days")}

    # 1. complaints by status and channel, with the deadline counts; by place
    for status, channel, n, *counts in _fetch(cases.values_list("status", "channel").annotate(
            complaints=Count("*"),
            first_on_time=Count("id", filter=acted & acted_in_time),
            first_late=Count("id", filter=(acted & ~acted_in_time)
                             | Q(is_open, first_action_at__isnull=True, first_action_due__lt=today)),
            first_pending=Count("id", filter=Q(is_open, first_action_at__isnull=True)
                                & (Q(first_action_due__gte=today) | Q(first_action_due__isnull=True))),
            resolved_on_time=Count("id", filter=resolved & resolved_in_time),
            resolved_late=Count("id", filter=resolved & ~resolved_in_time),
            resolution_pending=Count("id", filter=is_open),
            overdue_now=Count("id", filter=Q(is_open) & ~Q(status=Status.AWAITING_COMPLAINANT) & (
                Q(resolution_due__lt=today) | Q(first_action_at__isnull=True, first_action_due__lt=today))),
    )):
        _add(raw["status"], status, n)
        _add(raw["channel"], channel, n)
        for name, value in zip(DEADLINE_COLUMNS, counts, strict=True):
            _add(raw["deadline"], name, value)
    for governorate_id, facility_id, n in _fetch(
            cases.values_list("governorate_id", "facility_id").annotate(n=Count("*"))):
        _add(raw["governorate"], governorate_id, n)
        _add(raw["facility"], facility_id, n)

    # 2. allegations by category and finding; by the complaint's place and finding
    allegations = Allegation.objects.filter(scope.cases("case__"), scope.allegations()).order_by()
    raw["alleged"] = {(category_id, finding): n for category_id, finding, n in _fetch(
        allegations.values_list("category_id", "finding").annotate(n=Count("*")))}
    for governorate_id, facility_id, finding, n in _fetch(allegations.values_list(
            "case__governorate_id", "case__facility_id", "finding").annotate(n=Count("*"))):
        _add(raw["alleged_governorate"], governorate_id, n)
        _add(raw["alleged_facility"], facility_id, n)
        if facility_id is not None:
            _add(raw["facility_findings"], (facility_id, finding), n)

    # 3. complaints by top-level category (once per top-level category)
    links = CaseCategory.objects.filter(scope.cases("case__"), scope.allegations()).order_by()
    if labels.has_subcategories():
        rows = links.annotate(root=labels.root_expression()).values_list("root").annotate(
            n=Count("case_id", distinct=True))
    else:  # one link per case and category: no DISTINCT needed
        rows = links.values_list("category_id").annotate(n=Count("*"))
    raw["categories"] = dict(_fetch(rows))

    # 4. complaints by vulnerability group
    raw["vulnerabilities"] = dict(_fetch(CaseVulnerability.objects.filter(scope.cases("case__")).order_by()
                                        .values_list("code").annotate(n=Count("*"))))

    # 5. whole days from receipt to resolution
    raw["days"] = dict(_fetch(cases.filter(resolved_at__isnull=False).annotate(
        days=ElapsedDays(F("received_at"), F("resolved_at"))).values_list("days").annotate(n=Count("*"))))
    return raw


def _fetch(queryset) -> list[tuple]:
    """The rows of a values_list() query as the database returns them (ids, codes and counts
    need none of Django's per-row converters)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _received(scope: _Scope) -> int:
    """Complaints in `scope`: one range count over the index."""
    return Case.objects.filter(scope.cases()).count()


def _merge(parts) -> dict:
    total: dict = {}
    for part in parts:
        for name, counts in part.items():
            into = total.setdefault(name, {})
            for key, n in counts.items():
                _add(into, key, n)
    return total


def _compute(jobs: dict) -> dict:
    """Run the jobs ({key: callable}); on PostgreSQL inside one transaction with settings fit for
    short analytical queries: no JIT compilation (it costs more than it saves here), enough memory
    that sorts and hashes do not spill to disk, and index reads costed as on an SSD or a cached
    database. On SQLite outside any transaction, which would take the write lock."""
    if connection.vendor == "postgresql" and jobs:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL work_mem = '64MB'")
            # A month's complaints are a few percent of the table: reach their allegations and
            # categories through the covering indexes instead of scanning whole tables.
            cursor.execute("SET LOCAL random_page_cost = 1.1")
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            return {key: job() for key, job in jobs.items()}
    return {key: job() for key, job in jobs.items()}


def _aggregate(organisation, labels: Labels, period: Period, filters: Filters, today: date,
               use_cache: bool) -> tuple[dict, int]:
    """(raw figures of the period, data version): from the cache, else from the rollup (no
    filters, rollup ready), else from one cache entry per calendar month counted from the cases.

    Each month's figures are cached under the data version of that month, so a change to a case
    recomputes only the month the case was received in; the same days of the previous year are
    a range count each, cached the same way."""
    scope = labels.scope(organisation, period, filters)
    spans = period.months()
    before = [(_year_before(a), _year_before(b)) for a, b in spans]
    versions = DataVersion.of_months(organisation.pk, {a.replace(day=1) for a, _b in spans + before})
    tree = labels.tree()

    def key(kind: str, first: date, last: date) -> str:
        return cache_key(organisation.pk, versions[first.replace(day=1)], Period(first, last), filters, today,
                         tree, kind)

    # The merged figures of the whole period, under every month's version: one entry to read when
    # nothing changed, instead of merging the months again.
    every = hashlib.sha256(repr(sorted(versions.items())).encode()).hexdigest()[:16]
    whole = cache_key(organisation.pk, every, period, filters, today, tree, "period")
    if use_cache:
        merged = cache.get(whole)
        if merged is not None:
            return merged, sum(versions.values())

    if filters == Filters() and rollup.enabled() and rollup.ready(organisation.pk):
        raw = rollup.figures(organisation.pk, period, labels, today)  # two queries over the counters
        if use_cache:
            cache.set(whole, raw, CACHE_TIMEOUT)
        return raw, sum(versions.values())

    months = {key("month", a, b): (lambda a=a, b=b: _figures_of_month(scope.span(a, b), labels, today))
              for a, b in spans}
    counts = {key("count", a, b): (lambda a=a, b=b: _received(scope.span(a, b))) for a, b in before}
    found = cache.get_many([*months, *counts]) if use_cache else {}
    computed = _compute({k: job for k, job in {**months, **counts}.items() if k not in found})
    if use_cache and computed:
        cache.set_many(computed, CACHE_TIMEOUT)
    values = {**found, **computed}
    raw = _merge(values[k] for k in months)
    raw["trend"] = [(sum(values[k]["status"].values()), values[c]) for k, c in zip(months, counts, strict=True)]
    if use_cache:
        cache.set(whole, raw, CACHE_TIMEOUT)
    return raw, sum(versions.values())


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _nearest_rank(histogram: list[tuple[int, int]], percent: int) -> int | None:
    """The nearest-rank percentile of a histogram ((value, count), ... ascending)."""
    total = sum(n for _value, n in histogram)
    if not total:
        return None
    rank, seen = max(1, -(-percent * total // 100)), 0  # ceil(percent × total / 100)
    for value, n in histogram:
        seen += n
        if seen >= rank:
            return value
    return histogram[-1][0]


# --- assembling ----------------------------------------------------------------------------------

DEADLINE_COLUMNS = ("first_on_time", "first_late", "first_pending", "resolved_on_time", "resolved_late",
                    "resolution_pending", "overdue_now")


def _sorted_rows(complaints: dict, allegations: dict | None, label, params) -> tuple:
    """Rows for the keys of `complaints`, most complaints first; `label(key)`, `params(key)`."""
    keys = sorted(complaints, key=lambda k: (-complaints[k], k is None, str(label(k))))
    return tuple(Row(key="" if k is None else str(k), label=str(label(k)), complaints=complaints[k],
                     allegations=None if allegations is None else allegations.get(k, 0), params=params(k))
                 for k in keys)


def _add(counts: dict, key, n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _build(organisation, period: Period, filters: Filters, today: date, version: int, raw: dict,
           labels: Labels) -> Overview:
    complaints = {name: raw.get(name, {}) for name in ("status", "channel", "governorate", "facility")}
    deadline = {name: raw.get("deadline", {}).get(name, 0) for name in DEADLINE_COLUMNS}
    received = sum(complaints["status"].values())
    open_count = sum(n for status, n in complaints["status"].items() if status in OPEN_STATES)

    per_root: dict[int, dict[str, int]] = {}
    for (category_id, finding), n in raw.get("alleged", {}).items():
        _add(per_root.setdefault(labels.root(category_id).pk, dict.fromkeys(OUTCOMES, 0)), finding or PENDING, n)
    facility_outcomes: dict[int, dict[str, int]] = {}
    for (facility_id, finding), n in raw.get("facility_findings", {}).items():
        _add(facility_outcomes.setdefault(facility_id, dict.fromkeys(OUTCOMES, 0)), finding or PENDING, n)

    status_labels = dict(Status.choices)
    by_status = tuple(Row(key=s, label=str(status_labels[s]), complaints=complaints["status"][s], allegations=None,
                          params={"status": s}) for s in Status.values if s in complaints["status"])
    not_stated = _("Not stated")
    governorates, facilities = labels.governorates, labels.facilities
    by_governorate = _sorted_rows(
        complaints["governorate"], raw.get("alleged_governorate", {}),
        lambda k: governorates[k].name if k in governorates else not_stated,
        lambda k: {"governorate": governorates[k].code} if k in governorates else {})
    by_facility = _sorted_rows(
        complaints["facility"], raw.get("alleged_facility", {}),
        lambda k: facilities[k].name if k in facilities else not_stated,
        lambda k: {"facility": str(k)} if k in facilities else {})
    channel_labels = dict(Channel.choices)
    by_channel = _sorted_rows(complaints["channel"], None, lambda k: channel_labels.get(k, k), lambda k: {"channel": k})

    complaints_by_root: dict[int, int] = {}
    for category_id, n in raw.get("categories", {}).items():
        _add(complaints_by_root, labels.root(category_id).pk, n)
    categories = labels.categories

    def alleged(pk) -> int:
        return sum(per_root.get(pk, {}).values())

    roots = sorted(set(per_root) | set(complaints_by_root),
                   key=lambda pk: (-alleged(pk), -complaints_by_root.get(pk, 0), categories[pk].position, pk))
    by_category = tuple(Row(key=categories[pk].code, label=categories[pk].label,
                            complaints=complaints_by_root.get(pk, 0), allegations=alleged(pk),
                            params={"category": categories[pk].code}) for pk in roots)
    outcomes = tuple(OutcomeRow(key=categories[pk].code, label=categories[pk].label, counts=per_root[pk],
                                total=alleged(pk), params={"category": categories[pk].code})
                     for pk in roots if pk in per_root)
    outcome_totals = {o: sum(row.counts[o] for row in outcomes) for o in OUTCOMES}
    substantiated = Finding.SUBSTANTIATED.value
    by_facility_outcome = tuple(
        OutcomeRow(key=str(pk), label=facilities[pk].name if pk in facilities else not_stated, counts=counts,
                   total=sum(counts.values()), params={"facility": str(pk)})
        for pk, counts in sorted(facility_outcomes.items(),
                                 key=lambda item: (-item[1][substantiated], -sum(item[1].values()), item[0])))

    vulnerability_labels = dict(Vulnerability.choices)
    vulnerable = raw.get("vulnerabilities", {})
    by_vulnerability = tuple(Row(key=code, label=str(vulnerability_labels[code]), complaints=vulnerable[code],
                                 allegations=None, params={"vulnerability": code})
                             for code in Vulnerability.values if code in vulnerable)

    histogram = tuple(sorted((days, n) for days, n in raw.get("days", {}).items() if days is not None))
    deadlines = Deadlines(
        first_action=Compliance(deadline["first_on_time"], deadline["first_late"], deadline["first_pending"]),
        resolution=Compliance(deadline["resolved_on_time"], deadline["resolved_late"],
                              deadline["resolution_pending"]),
        overdue_now=deadline["overdue_now"], resolved=sum(n for _days, n in histogram),
        median_days=_nearest_rank(histogram, 50), p90_days=_nearest_rank(histogram, 90),
        days_histogram=histogram)

    trend = tuple(MonthPoint(start=a, end=b, complaints=now, previous_start=_year_before(a),
                             previous_end=_year_before(b), previous=before)
                  for (a, b), (now, before) in zip(period.months(), raw["trend"], strict=True))

    return Overview(
        organisation_id=organisation.pk, period=period, filters=filters, today=today, data_version=version,
        received=received, open=open_count, closed=received - open_count,
        allegations=sum(alleged(pk) for pk in per_root), by_status=by_status, by_category=by_category,
        by_governorate=by_governorate, by_facility=by_facility, by_vulnerability=by_vulnerability,
        by_channel=by_channel, outcomes=outcomes, outcome_totals=outcome_totals,
        facility_outcomes=by_facility_outcome, deadlines=deadlines, trend=trend)


def cache_key(organisation_id: int, version: int | str, period: Period, filters: Filters, today: date,
              tree: tuple = (), kind: str = "month") -> str:
    """The cache key of one month's figures: the data version of that month (raised by every
    change to its cases), what was asked, the day (deadlines pass at midnight) and the shape of
    the taxonomy (sub-categories are counted under their top-level category)."""
    what = repr((kind, period.start, period.end, filters, today, settings.TIME_ZONE, tree)).encode()
    return f"{CACHE_PREFIX}:{organisation_id}:{version}:{hashlib.sha256(what).hexdigest()[:32]}"


def overview(organisation, period: Period, filters: Filters | None = None, *, today: date | None = None,
             use_cache: bool = True, labels: Labels | None = None) -> Overview:
    """The statistics of `organisation`'s complaints received in `period`, narrowed by `filters`.

    Read-only. Counts only this organisation's cases (the caller checks that the user may see
    its statistics: `complaints.access.can(user, "view_statistics")`). Without filters the raw
    counts are summed from the statistics rollup (`reports.rollup`); with filters they are counted
    from the cases and cached per calendar month under that month's data version. Either way a
    committed change to a case is seen at the next call; labels are attached in the active
    language at every call. `today` (default: the installation's today) decides which deadlines
    have passed. `labels` (the organisation's `Labels`, if the caller loaded them already) saves
    three queries. `Overview.data_version` is the sum of the months' versions: it changes when
    any figure may have changed.
    """
    filters = filters or Filters()
    today = today or timezone.localdate()
    labels = labels or Labels(organisation)
    raw, version = _aggregate(organisation, labels, period, filters, today, use_cache)
    return _build(organisation, period, filters, today, version, raw, labels)


def first_day_with_cases(organisation) -> date | None:
    """The day the organisation's first complaint was received (one index lookup)."""
    first = (Case.objects.filter(organisation=organisation).order_by("received_at")
             .values_list("received_at", flat=True).first())
    return timezone.localdate(first) if first else None
