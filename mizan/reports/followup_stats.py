"""Figures of the follow-up of recommendations for one organisation: where implementation stands
at the end of a period, by status, theme, lead body, source, plan phase and (for a regional
secretariat) member organisation; measures by status and overdue; indicators against their
baseline and target. Read by the follow-up dashboard (`views_followup.py`), the follow-up report
(`followup_report.py`), the public page (`followup_public.py`) and `bench/followup_dashboard.py`.

What is counted:

- The recommendations the organisation follows: its own, with its status, and those a secretariat
  addressed to it, with the member's own status (`Addressee.status`). Filters (a theme, with its
  sub-themes; a kind of source) narrow them.
- The status on the last day of the period. When the period ends today (or later) that is the
  recorded status; for an earlier day it is read from the status history (`StatusChange`): the
  last change made by the end of that day, and a recommendation recorded later is not counted.
- A theme's, body's or phase's row counts each recommendation once; a recommendation with two
  themes is in both rows, so the rows of a table can add up to more than the total.
- Measures and indicators are those of the organisation's plans; the recommendation filters do not
  apply to them. A measure's status is read the same way (`MeasureStatusChange`); it was overdue
  at the end of the period when its target date had passed and it was neither completed nor
  cancelled then.
- A secretariat's table by member counts only what each member shared with it (the status of the
  member's latest shared or public progress report, `Addressee.shared_status`), never a member's
  internal status.

Today's statuses without filters (the dashboard's default) come from the follow-up rollup
(`followup_rollup`: counters by source, lead body, set of themes and plan phase, kept by a
projection of every change): one query instead of eight GROUP BY queries over every
recommendation. So is an earlier day (today's counters with the recommendations that changed
status since put back at their status then: `followup_rollup.figures_at`). A theme or
kind-of-source filter is counted from the records (`overview(..., rollup=False)` always is).
Every other count is a GROUP BY query (about a dozen queries in all, whatever the number of
records): no Python loop over recommendations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext

from mizan.accounts.models import Unit
from mizan.complaints.models import Category
from mizan.followup.models import (
    CLOSED_MEASURE_STATUSES,
    Addressee,
    BodyRole,
    ExternalBody,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureStatus,
    MeasureStatusChange,
    Phase,
    ProgressReport,
    Recommendation,
    Source,
    SourceKind,
    Status,
    StatusChange,
    Visibility,
)
from mizan.lib.digits import to_ascii_digits

from . import followup_rollup
from .statistics import Period

STATUSES = tuple(Status.values)
MEASURE_STATUSES = tuple(MeasureStatus.values)
NOT_SHARED = ""  # a member that shared nothing yet on a recommendation
CHART_POINTS = 12  # the latest values drawn in an indicator's chart
SHARED = (Visibility.SECRETARIAT, Visibility.PUBLIC)


def _language() -> str:
    code = (get_language() or "ar")[:2]
    return code if code in ("ar", "en", "fr") else "ar"


def _pick(row: dict, prefix: str) -> str:
    """The name in the active language from a values() row (`{prefix}_ar`, `_en`, `_fr`)."""
    return row.get(f"{prefix}_{_language()}") or row.get(f"{prefix}_ar") or row.get(f"{prefix}_en") or ""


def end_of(day: date) -> datetime:
    """The first moment after `day`, in the installation's time zone."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


@dataclass(frozen=True)
class Filters:
    """Which recommendations to count: a theme's code (with its sub-themes), a kind of source."""

    theme: str = ""
    source_kind: str = ""

    def params(self) -> dict[str, str]:
        """The URL parameters, named as the recommendations list names them (`theme`, `kind`)."""
        return {key: value for key, value in (("theme", self.theme), ("kind", self.source_kind)) if value}


@dataclass
class Row:
    """One row of a table by status: what it is (`key`, for links), its label, a count per status."""

    key: str
    label: str
    counts: dict[str, int]
    user_text: bool = False  # a name the organisation typed (a unit, a body, a source): dir="auto"
    extra: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class IndicatorRow:
    pk: int
    name: str
    unit: str
    kind: str
    direction: str
    frequency: str
    baseline: Decimal | None
    baseline_on: date | None
    target: Decimal | None
    target_on: date | None
    latest: Decimal | None
    latest_end: date | None
    is_public: bool = False
    points: list[tuple[date, date, Decimal]] = field(default_factory=list)

    @property
    def progress(self) -> float | None:
        """How far the latest value has come from the baseline to the target (0.0 = at the
        baseline, 1.0 = target reached; can pass 1.0 or fall below 0.0), None when it cannot be
        said. For "keep at the target", 1.0 when the latest value is at the target or better
        than the baseline's side of it, else the share of the way back."""
        if self.latest is None or self.target is None or self.baseline is None:
            return None
        if self.target == self.baseline:
            return 1.0 if self.latest == self.target else 0.0
        return float((self.latest - self.baseline) / (self.target - self.baseline))


@dataclass
class FollowupOverview:
    organisation_id: int
    period: Period
    filters: Filters
    current: bool  # the period ends today or later: statuses are the recorded ones
    by_status: dict[str, int]
    themes: list[Row]
    bodies: list[Row]
    sources: list[Row]
    source_kinds: list[Row]
    phases: list[Row]  # recommendations answered by the measures of each phase (+ "no measure")
    measures: list[Row]  # measures of each phase by status, `extra["overdue"]`
    measure_totals: dict[str, int]
    overdue_measures: int
    indicators: list[IndicatorRow]
    members: list[Row]  # a secretariat's: shared statuses by member ("" = nothing shared)
    changed: int  # recommendations whose status changed in the period
    reports: int  # progress reports written in the period

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def implemented(self) -> int:
        return self.by_status.get(Status.IMPLEMENTED, 0)

    @property
    def implemented_share(self) -> float | None:
        """Implemented among those still relevant."""
        relevant = self.total - self.by_status.get(Status.NO_LONGER_RELEVANT, 0)
        return self.implemented / relevant if relevant else None

    @property
    def open(self) -> int:
        return self.total - self.implemented - self.by_status.get(Status.NO_LONGER_RELEVANT, 0)


# --- the recommendations counted -------------------------------------------------------------------

class Themes:
    """The rights taxonomy (one query): labels, and the SQL mapping a theme to its top level."""

    def __init__(self):
        self.categories = {c.pk: c for c in Category.objects.all()}

    def root(self, pk: int) -> Category:
        node = self.categories[pk]
        while node.parent_id:
            node = self.categories[node.parent_id]
        return node

    def subtree_ids(self, code: str) -> list[int]:
        found = next((c for c in self.categories.values() if c.code == code), None)
        if found is None:
            return [-1]  # an unknown code matches nothing
        return [pk for pk in self.categories if pk == found.pk or self._under(pk, found.pk)]

    def _under(self, pk: int, ancestor: int) -> bool:
        node = self.categories[pk]
        while node.parent_id:
            if node.parent_id == ancestor:
                return True
            node = self.categories[node.parent_id]
        return False

    def root_expression(self, field_name: str):
        by_root: dict[int, list[int]] = defaultdict(list)
        for pk, category in self.categories.items():
            if category.parent_id:
                by_root[self.root(pk).pk].append(pk)
        if not by_root:
            return F(field_name)
        return Case(*[When(**{f"{field_name}__in": ids}, then=Value(root)) for root, ids in sorted(by_root.items())],
                    default=F(field_name), output_field=IntegerField())

    def tops(self) -> list[Category]:
        return sorted((c for c in self.categories.values() if c.parent_id is None), key=lambda c: (c.position, c.code))


def followed(organisation_id: int, filters: Filters, themes: Themes):
    """The recommendations `organisation_id` follows (own and addressed to it), filtered."""
    addressed = Addressee.objects.filter(organisation_id=organisation_id).values("recommendation_id")
    queryset = Recommendation.objects.filter(Q(organisation_id=organisation_id) | Q(pk__in=addressed))
    if filters.theme:
        queryset = queryset.filter(pk__in=Recommendation.themes.through.objects.filter(
            category_id__in=themes.subtree_ids(filters.theme)).values("recommendation_id"))
    if filters.source_kind:
        queryset = queryset.filter(source__kind=filters.source_kind)
    return queryset


def status_expression(organisation_id: int, period: Period, current: bool):
    """The status of a recommendation for `organisation_id` at the end of `period`."""
    if current:
        own = Addressee.objects.filter(recommendation=OuterRef("pk"), organisation_id=organisation_id)
        return Case(When(organisation_id=organisation_id, then=F("status")),
                    default=Subquery(own.values("status")[:1]), output_field=CharField())
    last = (StatusChange.objects.filter(recommendation=OuterRef("pk"), organisation_id=organisation_id,
                                        at__lt=end_of(period.end))
            .order_by("-at", "-id").values("to_status")[:1])
    return Subquery(last, output_field=CharField())


def counted(organisation_id: int, period: Period, filters: Filters, themes: Themes, current: bool):
    """The recommendations counted, each with its status at the end of the period (`st`)."""
    queryset = followed(organisation_id, filters, themes).annotate(st=status_expression(organisation_id, period,
                                                                                         current))
    return queryset if current else queryset.filter(st__isnull=False)


def _rows(pairs, label, *, order=None, user_text=False) -> list[Row]:
    """Rows from (key, status, n) triples: `label(key)` -> text; sorted by `order(row)` or most first."""
    table: dict = {}
    for key, status, n in pairs:
        row = table.get(key)
        if row is None:
            row = table[key] = Row(key="" if key is None else str(key), label=label(key),
                                   counts=dict.fromkeys(STATUSES, 0), user_text=user_text and key is not None)
        row.counts[status] = row.counts.get(status, 0) + n
    rows = list(table.values())
    rows.sort(key=order or (lambda r: (r.key == "", -r.total, r.label)))
    return rows


# --- the selectors ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Facts:
    """One source of (recommendation, status at the end of the period) rows: a queryset, the path
    from its rows to the recommendation (`rec`), the status expression, and whether the
    organisation owns these recommendations (their lead bodies are its own)."""

    queryset: object
    rec: str
    status: object
    own: bool
    links: object = None  # the organisation's measures' links to these recommendations
    link_status: object = None  # the status, seen from a link

    def path(self, name: str) -> str:
        return f"{self.rec}{name}" if self.rec else name


def _filtered(queryset, rec: str, filters: Filters, themes: Themes):
    prefix = f"{rec}" if rec else ""
    if filters.theme:
        queryset = queryset.filter(**{f"{prefix}pk__in": Recommendation.themes.through.objects.filter(
            category_id__in=themes.subtree_ids(filters.theme)).values("recommendation_id")})
    if filters.source_kind:
        queryset = queryset.filter(**{f"{prefix}source__kind": filters.source_kind})
    return queryset


def _facts(org_id: int, period: Period, filters: Filters, themes: Themes, current: bool) -> list[_Facts]:
    """The recommendations counted, as two sources of rows: those the organisation owns, and those
    a secretariat addressed to it. Today's statuses come from the recommendation (or the member's
    `Addressee` row); an earlier day's from the last status change made by then, picked in one pass
    over the organisation's history (a window function), not one lookup per recommendation.

    Each also gives the links of the organisation's measures to those recommendations, read from
    the link table (a few rows per measure), so that no database has to guess its way from every
    recommendation to every measure."""
    links = _filtered(Measure.recommendations.through.objects.filter(measure__organisation_id=org_id),
                      "recommendation__", filters, themes)
    if current:
        return [
            _Facts(_filtered(Recommendation.objects.filter(organisation_id=org_id), "", filters, themes), "",
                   F("status"), True, links.filter(recommendation__organisation_id=org_id),
                   F("recommendation__status")),
            _Facts(_filtered(Addressee.objects.filter(organisation_id=org_id), "recommendation__", filters, themes),
                   "recommendation__", F("status"), False,
                   links.filter(recommendation__addressed__organisation_id=org_id),
                   F("recommendation__addressed__status")),
        ]
    latest = (StatusChange.objects.filter(organisation_id=org_id, at__lt=end_of(period.end))
              .annotate(rank=Window(RowNumber(), partition_by=[F("recommendation_id")],
                                    order_by=[F("at").desc(), F("id").desc()]))
              .filter(rank=1).values("pk"))
    changes = _filtered(StatusChange.objects.filter(pk__in=latest), "recommendation__", filters, themes)
    linked = links.filter(recommendation__history__pk__in=latest)
    at_end = F("recommendation__history__to_status")
    return [
        _Facts(changes.filter(recommendation__organisation_id=org_id), "recommendation__", F("to_status"), True,
               linked.filter(recommendation__organisation_id=org_id), at_end),
        _Facts(changes.exclude(recommendation__organisation_id=org_id), "recommendation__", F("to_status"), False,
               linked.exclude(recommendation__organisation_id=org_id), at_end),
    ]


def _main_rows(facts: _Facts):
    """(source, lead unit, lead outside body, status, n) of one source of rows."""
    queryset = facts.queryset.order_by().annotate(st=facts.status)
    fields = [facts.path("source_id"), "st"]
    if facts.own:
        queryset = queryset.annotate(lead=FilteredRelation(facts.path("responsible"), condition=Q(**{
            facts.path("responsible__role"): BodyRole.LEAD})))
        fields += ["lead__unit_id", "lead__external_id"]
    for row in queryset.values(*fields).annotate(n=Count("pk")):
        yield row[fields[0]], row.get("lead__unit_id"), row.get("lead__external_id"), row["st"], row["n"]


def _direct(facts: list[_Facts], org_id: int, themes: Themes):
    """(by_status, {source id: counts}, {lead key: counts}, theme pairs, phase pairs) counted
    from the records: one GROUP BY per source of rows for the tables by status, source and lead
    body; one for themes; two for phases (the folding runs over aggregated rows, a few hundred,
    never over recommendations)."""
    by_status = dict.fromkeys(STATUSES, 0)
    sources: dict = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    leads: dict = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for item in facts:
        for source_id, unit_id, external_id, status, n in _main_rows(item):
            by_status[status] += n
            sources[source_id][status] += n
            key = f"unit-{unit_id}" if unit_id else f"external-{external_id}" if external_id else None
            leads[key][status] += n

    # A theme's row counts each recommendation once, a sub-theme under its top-level theme.
    distinct = any(c.parent_id for c in themes.categories.values())
    theme_pairs = []
    for item in facts:
        rows = (item.queryset.order_by().annotate(theme=themes.root_expression(item.path("themes__id")),
                                                  st=item.status)
                .values("theme", "st").annotate(n=Count(item.path("pk"), distinct=distinct)))
        theme_pairs += [(r["theme"], r["st"], r["n"]) for r in rows]

    # Phases through the organisation's own measures only (a secretariat's recommendation can be
    # answered by several members' plans).
    phase_pairs, unanswered = [], dict(by_status)
    for item in facts:
        links = item.links.order_by().annotate(st=item.link_status)
        for r in links.values("st", phase=F("measure__goal__phase_id")).annotate(
                n=Count("recommendation_id", distinct=True)):
            phase_pairs.append((r["phase"], r["st"], r["n"]))
        # those with a link, counted from their own rows: an uncorrelated IN list read once
        answered = item.queryset.order_by().filter(**{"recommendation_id__in" if item.rec else "pk__in": Measure
                                                      .recommendations.through.objects.filter(
                                                          measure__organisation_id=org_id).values("recommendation_id")})
        for r in answered.annotate(st=item.status).values("st").annotate(n=Count("pk")):
            unanswered[r["st"]] -= r["n"]
    phase_pairs += [(None, status, n) for status, n in unanswered.items() if n]
    return by_status, sources, leads, theme_pairs, phase_pairs


def _from_rollup(figures, themes: Themes):
    """The same as `_direct` without filters, from the follow-up rollup's counters
    (`followup_rollup.figures` for today, `figures_at` for an earlier day): a set of themes is
    folded to its top-level themes here, each counted once."""
    by_status = dict.fromkeys(STATUSES, 0)
    sources: dict = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    leads: dict = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    root_of = {pk: themes.root(pk).pk for pk in themes.categories}
    folded: dict[str, set] = {"": {None}}  # a set of themes -> its top-level themes (None: no theme)
    by_theme: Counter = Counter()
    phase_pairs = []
    for dimension, key, status, n in figures:
        if dimension == followup_rollup.SOURCE:
            by_status[status] += n
            sources[int(key)][status] += n
        elif dimension == followup_rollup.LEAD:
            leads[key or None][status] += n
        elif dimension == followup_rollup.THEMES:
            roots = folded.get(key)
            if roots is None:  # a deleted category counts nowhere (`rebuild_statistics --check` tells)
                roots = folded[key] = {root_of[int(pk)] for pk in key.split(",") if int(pk) in root_of}
            for root in roots:
                by_theme[root, status] += n
        elif dimension == followup_rollup.PHASE:
            phase_pairs.append((int(key) if key else None, status, n))
    theme_pairs = [(root, status, n) for (root, status), n in by_theme.items()]
    return by_status, sources, leads, theme_pairs, phase_pairs


def overview(organisation, period: Period, filters: Filters | None = None, *, today: date | None = None,
             chart_indicators: int | None = None, rollup: bool = True) -> FollowupOverview:
    """The follow-up figures of `organisation` at the end of `period` (see the module's docstring).

    Read-only; the caller checks that the user may see them (`followup.access.can(user,
    "view_followup")`). `chart_indicators`: how many indicators get the values of their chart
    (None: all). Today's statuses without filters are read from the follow-up rollup
    (`followup_rollup`) unless `rollup` is False or the organisation's rollup is marked stale, and
    so are an earlier day's (`followup_rollup.figures_at`); filtered figures are counted from
    the records."""
    filters = filters or Filters()
    today = today or timezone.localdate()
    org_id = organisation.pk
    current = period.end >= today
    themes = Themes()
    if rollup and filters == Filters() and followup_rollup.ready(org_id):
        figures = (followup_rollup.figures(org_id) if current
                   else followup_rollup.figures_at(org_id, end_of(period.end)))
        by_status, sources, leads, theme_pairs, phase_pairs = _from_rollup(figures, themes)
    else:
        by_status, sources, leads, theme_pairs, phase_pairs = _direct(
            _facts(org_id, period, filters, themes, current), org_id, themes)

    source_info = {s["pk"]: s for s in Source.objects.filter(pk__in=list(sources)).values(
        "pk", "kind", "title_ar", "title_en", "title_fr")}
    unit_ids = [int(k[5:]) for k in leads if k and k.startswith("unit-")]
    external_ids = [int(k[9:]) for k in leads if k and k.startswith("external-")]
    names = {f"unit-{u['pk']}": _pick(u, "name") for u in Unit.objects.filter(pk__in=unit_ids).values(
        "pk", "name_ar", "name_en", "name_fr")}
    names.update({f"external-{e['pk']}": _pick(e, "name") for e in ExternalBody.objects.filter(
        pk__in=external_ids).values("pk", "name_ar", "name_en", "name_fr")})

    bodies = _rows([(key, status, n) for key, counts in leads.items() for status, n in counts.items() if n],
                   lambda key: names[key] if key else gettext("No lead body recorded"), user_text=True)
    source_rows = _rows([(pk, status, n) for pk, counts in sources.items() for status, n in counts.items() if n],
                        lambda pk: _pick(source_info[pk], "title"), user_text=True)
    for row in source_rows:
        row.extra["kind"] = source_info[int(row.key)]["kind"]
    kind_labels = dict(SourceKind.choices)
    kind_order = {kind: i for i, kind in enumerate(SourceKind.values)}
    source_kinds = _rows([(source_info[pk]["kind"], status, n) for pk, counts in sources.items()
                          for status, n in counts.items() if n],
                         lambda key: str(kind_labels.get(key, key)), order=lambda r: kind_order.get(r.key, 99))

    # "no theme" rows come from the join's empty side only for recommendations without one
    themes_table = _rows(theme_pairs, lambda pk: themes.categories[pk].label if pk is not None
                         else pgettext("follow-up dashboard", "No theme"))
    theme_order = {c.pk: i for i, c in enumerate(themes.tops())}
    for row in themes_table:
        if row.key:
            row.extra["code"] = themes.categories[int(row.key)].code
    themes_table.sort(key=lambda r: (r.key == "", theme_order.get(int(r.key), 999) if r.key else 0))

    phase_info = {p["pk"]: p for p in Phase.objects.filter(strategy__organisation_id=org_id).values(
        "pk", "number", "title_ar", "title_en", "title_fr", "strategy_id", "strategy__title_ar",
        "strategy__title_en", "strategy__title_fr")}

    def phase_label(pk):
        if pk is None:
            return gettext("Answered by no measure yet")
        info = phase_info[pk]
        return f"{_pick(info, 'strategy__title')} · {_pick(info, 'title')}"

    phases = _rows(phase_pairs, phase_label, user_text=True, order=lambda r: (
        r.key == "", (phase_info[int(r.key)]["strategy_id"], phase_info[int(r.key)]["number"]) if r.key else (0, 0)))

    measures, measure_totals, overdue = _measures(org_id, period, today, current)
    indicators = _indicators(org_id, period, chart_indicators)
    members = _members(organisation, period, filters, themes, current)

    start, end = end_of(period.start - timedelta(days=1)), end_of(period.end)
    changes = StatusChange.objects.filter(organisation_id=org_id, at__gte=start, at__lt=end).exclude(from_status="")
    if filters != Filters():  # every change of the organisation is on a recommendation it follows
        changes = changes.filter(recommendation__in=followed(org_id, filters, themes))
    changed = changes.aggregate(n=Count("recommendation_id", distinct=True))["n"]
    reports = ProgressReport.objects.filter(organisation_id=org_id, created_at__gte=start, created_at__lt=end).count()
    return FollowupOverview(
        organisation_id=org_id, period=period, filters=filters, current=current, by_status=by_status,
        themes=themes_table, bodies=bodies, sources=source_rows, source_kinds=source_kinds, phases=phases,
        measures=measures, measure_totals=measure_totals, overdue_measures=overdue, indicators=indicators,
        members=members, changed=changed, reports=reports)


def _measures(org_id: int, period: Period, today: date, current: bool) -> tuple[list[Row], dict[str, int], int]:
    """Measures of each phase by their status at the end of the period (today's, or read from
    their status history), and those overdue then: past their target date, neither completed nor
    cancelled."""
    measures = Measure.objects.filter(organisation_id=org_id).order_by()
    if current:
        measures, last = measures.annotate(st=F("status")), today
    else:
        at_end = (MeasureStatusChange.objects.filter(measure=OuterRef("pk"), at__lt=end_of(period.end))
                  .order_by("-at", "-id").values("to_status")[:1])
        measures = measures.annotate(st=Subquery(at_end, output_field=CharField())).filter(st__isnull=False)
        last = period.end
    rows = (measures.values("goal__phase_id", "goal__phase__number", "goal__phase__title_ar", "goal__phase__title_en",
                            "goal__phase__title_fr", "goal__phase__strategy_id", "goal__phase__strategy__title_ar",
                            "goal__phase__strategy__title_en", "goal__phase__strategy__title_fr", "st")
            .annotate(n=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=last)
                                                   & ~Q(st__in=CLOSED_MEASURE_STATUSES))))
    table: dict[int, Row] = {}
    totals = dict.fromkeys(MEASURE_STATUSES, 0)
    overdue = 0
    for r in rows:
        key = r["goal__phase_id"]
        row = table.get(key)
        if row is None:
            label = f"{_pick(r, 'goal__phase__strategy__title')} · {_pick(r, 'goal__phase__title')}"
            row = table[key] = Row(key=str(key), label=label, counts=dict.fromkeys(MEASURE_STATUSES, 0),
                                   user_text=True, extra={"overdue": 0, "order": (r["goal__phase__strategy_id"],
                                                                                    r["goal__phase__number"])})
        row.counts[r["st"]] += r["n"]
        row.extra["overdue"] += r["overdue"]
        totals[r["st"]] += r["n"]
        overdue += r["overdue"]
    return sorted(table.values(), key=lambda row: row.extra["order"]), totals, overdue


def _indicators(org_id: int, period: Period, chart_indicators: int | None) -> list[IndicatorRow]:
    """Each indicator with its latest value by the end of the period, and the values of its chart
    (the latest `CHART_POINTS` by then) for the first `chart_indicators`."""
    latest = (IndicatorValue.objects.filter(indicator=OuterRef("pk"), period_end__lte=period.end)
              .order_by("-period_end", "-id"))
    rows = list(Indicator.objects.filter(organisation_id=org_id)
                .annotate(latest=Subquery(latest.values("value")[:1]),
                          latest_end=Subquery(latest.values("period_end")[:1]))
                .values("pk", "name_ar", "name_en", "name_fr", "unit_label", "kind", "direction", "frequency",
                        "baseline_value", "baseline_on", "target_value", "target_on", "latest", "latest_end",
                        "is_public")
                .order_by("name_ar", "pk"))
    result = [IndicatorRow(pk=r["pk"], name=_pick(r, "name"), unit=r["unit_label"], kind=r["kind"],
                           direction=r["direction"], frequency=r["frequency"], baseline=r["baseline_value"],
                           baseline_on=r["baseline_on"], target=r["target_value"], target_on=r["target_on"],
                           latest=None if r["latest"] is None else Decimal(str(r["latest"])),
                           latest_end=r["latest_end"], is_public=r["is_public"]) for r in rows]
    charted = result if chart_indicators is None else result[:chart_indicators]
    attach_points(charted, period.end)
    return result


def attach_points(indicators: list[IndicatorRow], end: date) -> None:
    """The latest `CHART_POINTS` values of each indicator by `end`, oldest first (one query)."""
    if not indicators:
        return
    by_pk = {row.pk: row for row in indicators}
    values = (IndicatorValue.objects.filter(indicator_id__in=list(by_pk), period_end__lte=end)
              .annotate(rank=Window(RowNumber(), partition_by=[F("indicator_id")],
                                    order_by=[F("period_end").desc(), F("id").desc()]))
              .filter(rank__lte=CHART_POINTS)
              .values_list("indicator_id", "period_start", "period_end", "value"))
    for indicator_id, start, finish, value in values:
        by_pk[indicator_id].points.append((start, finish, Decimal(str(value))))
    for row in indicators:
        row.points.sort(key=lambda point: point[1])


def _members(organisation, period: Period, filters: Filters, themes: Themes, current: bool) -> list[Row]:
    """A secretariat's: per member organisation, its recommendations by the status it shared."""
    if organisation.kind != organisation.Kind.SECRETARIAT:
        return []
    own = followed(organisation.pk, filters, themes).filter(organisation_id=organisation.pk)
    addressees = Addressee.objects.filter(recommendation__in=own.values("pk"))
    if current:
        shared = F("shared_status")
    else:
        last = (ProgressReport.objects.filter(recommendation_id=OuterRef("recommendation_id"),
                                              organisation_id=OuterRef("organisation_id"), visibility__in=SHARED,
                                              created_at__lt=end_of(period.end))
                .order_by("-period_end", "-id").values("status")[:1])
        shared = Subquery(last, output_field=CharField())
    rows = (addressees.order_by().annotate(shared=shared)
            .values("organisation_id", "organisation__name_ar", "organisation__name_en", "organisation__name_fr",
                    "shared").annotate(n=Count("pk")))
    names, pairs = {}, []
    for r in rows:
        names[r["organisation_id"]] = _pick(r, "organisation__name")
        pairs.append((r["organisation_id"], r["shared"] or NOT_SHARED, r["n"]))
    result = _rows(pairs, lambda key: names[key], order=lambda r: r.label, user_text=True)
    for row in result:
        row.counts.setdefault(NOT_SHARED, 0)
    return result


# --- the filters of a page or a command -------------------------------------------------------------

def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(to_ascii_digits(value).strip())
    except ValueError:
        return None


def parse(params, today: date) -> tuple[Period, Filters, list[str]]:
    """(period, filters, notes) from a query string: `from` and `to` (the last 12 months by
    default, as on the statistics dashboard), `theme` (a category code) and `kind` (a kind of
    source). A value that means nothing is dropped with a note in the active language."""
    notes: list[str] = []

    def one(name: str) -> str:
        return (params.get(name) or "").strip()[:100]

    default = Period.last_months(today)
    start, end = default.start, default.end
    for name in ("from", "to"):
        value = one(name)
        if not value:
            continue
        day = _day(value)
        if day is None:
            notes.append(gettext("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
        elif name == "from":
            start = day
        else:
            end = day
    if start > end:
        notes.append(gettext("The period ends before it starts; the last 12 months are shown instead."))
        start, end = default.start, default.end
    theme = one("theme")
    if theme and not Category.objects.filter(code=theme).exists():
        notes.append(gettext("There is no such theme; the figures are not filtered by theme."))
        theme = ""
    kind = one("kind")
    if kind and kind not in SourceKind.values:
        notes.append(gettext("There is no such kind of source; the figures are not filtered by it."))
        kind = ""
    return Period(start, end), Filters(theme=theme, source_kind=kind), notes
