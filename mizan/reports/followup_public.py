"""The public follow-up page's figures (`/followup/` on the portal): for an organisation that put
its follow-up on the portal (`followup.FollowupPublication`), only the records it marked public
(`is_public`), as counts, with the small-cell rules of the public statistics page
(`reports.publication`) and the organisation's threshold (its public statistics' setting, 5 by
default):

- Recommendations: marked public and the organisation's own, by their status today, and by theme
  and status. A count below the threshold (zero included) reads "fewer than N"; where a hidden count
  could be worked out from a published total (of its row, its column or the table) by subtraction,
  a second one is hidden too ("hidden"), line by line until none can; a table where even that
  cannot protect the small counts is withheld. Themes are listed when they have a published
  recommendation (recommendations are public documents: a theme's presence tells nothing of a
  person).
- Plans marked public: their measures by status, one table per plan, the same rules.
- Indicators marked public: baseline, target and their values with a chart; a value computed from
  complaints is shown only when every count it rests on (the value itself for a count, the
  numerator and denominator of a share as recorded in the value's detail) is at least the
  threshold, since such a figure is about people. Values typed in by the organisation (reported
  indicators) are official figures it chose to publish and are shown as recorded.

Nothing else of the organisation is read: no internal record, no progress report, no name of a
person. The figures are cached for an hour, as the public statistics are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext

from mizan.core.templatetags.mizan import num
from mizan.followup.models import Indicator, IndicatorValue, Measure, Recommendation, Strategy
from mizan.reports.models import PublicationSettings

from . import charts
from .charts import Cell, Section, TableRow
from .followup_sections import (
    MEASURE_LABELS,
    STATUS_LABELS,
    IndicatorChart,
    indicator_chart,
    measure_css,
    period_label,
    status_css,
)
from .followup_stats import MEASURE_STATUSES, STATUSES, IndicatorRow, Themes, attach_points
from .publication import PRIMARY, SECONDARY, SHOWN, PublicCell, suppress

CACHE_TIMEOUT = 3600
DEFAULT_THRESHOLD = 5


def threshold_of(organisation) -> int:
    found = PublicationSettings.objects.filter(organisation=organisation).values_list("threshold", flat=True).first()
    return found or DEFAULT_THRESHOLD


def suppress_grid(values: list[list[int]], threshold: int) -> tuple[list[list[str]], list[str], list[str], str, bool]:
    """States (SHOWN, PRIMARY, SECONDARY) of a two-way table's cells, its row totals, column totals
    and grand total, and whether it must be withheld. Totals are the sums of the cells.

    Primary: every count below `threshold`. Complementary, line by line (each row with its total,
    each column with its total, the row totals and the column totals with the grand total): where
    a line's published total would give away its hidden counts (a single one, or all at threshold
    - 1), its smallest shown count is hidden too; repeated until no line gives anything away."""
    rows, cols = len(values), len(values[0]) if values else 0
    row_totals = [sum(r) for r in values]
    col_totals = [sum(values[i][j] for i in range(rows)) for j in range(cols)]
    grand = sum(row_totals)
    cells = {("c", i, j): values[i][j] for i in range(rows) for j in range(cols)}
    cells.update({("r", i): row_totals[i] for i in range(rows)})
    cells.update({("k", j): col_totals[j] for j in range(cols)})
    cells[("g",)] = grand
    state = {key: PRIMARY if value < threshold else SHOWN for key, value in cells.items()}
    lines = [([("c", i, j) for j in range(cols)], ("r", i)) for i in range(rows)]
    lines += [([("c", i, j) for i in range(rows)], ("k", j)) for j in range(cols)]
    lines += [([("r", i) for i in range(rows)], ("g",)), ([("k", j) for j in range(cols)], ("g",))]
    withheld, changed = False, True
    while changed and not withheld:
        changed = False
        for members, total in lines:
            if state[total] != SHOWN:
                continue
            hidden = [cells[m] for m in members if state[m] != SHOWN]
            primary = [cells[m] for m in members if state[m] == PRIMARY]
            exposed = sum(hidden) > 0 and (len(hidden) == 1 or (len(primary) == len(hidden)
                                                                 and sum(hidden) == len(hidden) * (threshold - 1)))
            if not exposed:
                continue
            shown = [(cells[m], m) for m in members if state[m] == SHOWN]
            if not shown:
                withheld = True
                break
            state[min(shown)[1]] = SECONDARY
            changed = True
    grid = [[state[("c", i, j)] for j in range(cols)] for i in range(rows)]
    return (grid, [state[("r", i)] for i in range(rows)], [state[("k", j)] for j in range(cols)], state[("g",)],
            withheld)


@dataclass
class PublicFollowup:
    organisation_id: int
    threshold: int
    total: PublicCell
    by_status: list[tuple[str, PublicCell]]
    status_withheld: bool
    themes: list[tuple[str, list[PublicCell], PublicCell]]  # (label, cells by status, row total)
    themes_withheld: bool
    plans: list[dict] = field(default_factory=list)  # {"title", "rows": [(status, cell)], "total", "withheld"}
    indicators: list[dict] = field(default_factory=list)  # {"row": IndicatorRow, "hidden": {period_end}}


def _cell(value: int, state: str) -> PublicCell:
    return PublicCell(value if state == SHOWN else None, state)


def figures(organisation, today: date | None = None) -> PublicFollowup:
    """The public follow-up figures of `organisation` in the active language, cached for an hour."""
    today = today or timezone.localdate()
    threshold = threshold_of(organisation)
    key = f"mizan:public-followup:v1:{organisation.pk}:{today.isoformat()}:{get_language()}:{threshold}"
    return cache.get_or_set(key, lambda: _figures(organisation, threshold, today), CACHE_TIMEOUT)


def _figures(organisation, k: int, today: date) -> PublicFollowup:
    public = Recommendation.objects.filter(organisation=organisation, is_public=True)
    counts = dict.fromkeys(STATUSES, 0)
    for row in public.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    total = sum(counts.values())
    status_cells, status_withheld = suppress([counts[s] for s in STATUSES], k, total_published=total >= k)
    if total < k:
        status_cells = [PublicCell(None, PRIMARY) for _s in STATUSES]

    themes = Themes()
    grid_rows: dict[int, dict[str, int]] = {}
    for row in (public.order_by().annotate(theme=themes.root_expression("themes__id"))
                .filter(theme__isnull=False).values("theme", "status").annotate(n=Count("pk", distinct=True))):
        grid_rows.setdefault(row["theme"], dict.fromkeys(STATUSES, 0))[row["status"]] += row["n"]
    order = {c.pk: i for i, c in enumerate(themes.tops())}
    theme_ids = sorted(grid_rows, key=lambda pk: order.get(pk, 999))
    values = [[grid_rows[pk][s] for s in STATUSES] for pk in theme_ids]
    theme_table, themes_withheld = [], False
    if values:
        grid, row_states, _cols, _grand, themes_withheld = suppress_grid(values, k)
        theme_table = [(themes.categories[pk].label,
                        [_cell(v, st) for v, st in zip(values[i], grid[i], strict=True)],
                        _cell(sum(values[i]), row_states[i])) for i, pk in enumerate(theme_ids)]

    result = PublicFollowup(
        organisation_id=organisation.pk, threshold=k, total=PublicCell(total) if total >= k else PublicCell(None, PRIMARY),
        by_status=list(zip(STATUSES, status_cells, strict=True)), status_withheld=status_withheld,
        themes=theme_table, themes_withheld=themes_withheld)

    strategies = list(Strategy.objects.filter(organisation=organisation, is_public=True).order_by("-starts_on", "pk"))
    measure_counts: dict[int, dict[str, int]] = {s.pk: dict.fromkeys(MEASURE_STATUSES, 0) for s in strategies}
    for row in (Measure.objects.filter(goal__phase__strategy__in=strategies).order_by()
                .values("goal__phase__strategy_id", "status").annotate(n=Count("pk"))):
        measure_counts[row["goal__phase__strategy_id"]][row["status"]] += row["n"]
    for strategy in strategies:
        values = [measure_counts[strategy.pk][s] for s in MEASURE_STATUSES]
        plan_total = sum(values)
        cells, withheld = suppress(values, k, total_published=plan_total >= k)
        if plan_total < k:
            cells = [PublicCell(None, PRIMARY) for _v in values]
        result.plans.append({"title": strategy.title, "rows": list(zip(MEASURE_STATUSES, cells, strict=True)),
                             "total": PublicCell(plan_total) if plan_total >= k else PublicCell(None, PRIMARY),
                             "withheld": withheld})

    indicators = [_indicator_row(i) for i in Indicator.objects.filter(organisation=organisation, is_public=True)
                  .order_by("name_ar", "pk")]
    attach_points(indicators, today)
    for row in indicators:
        if row.points:
            row.latest_end, row.latest = row.points[-1][1], row.points[-1][2]
    hidden_values = _hidden_values(indicators, k)
    for row in indicators:
        hidden = hidden_values.get(row.pk, set())
        latest_hidden = bool(row.points) and row.points[-1][1] in hidden
        result.indicators.append({"row": row, "hidden": hidden, "latest_hidden": latest_hidden})
    return result


def _indicator_row(indicator: Indicator) -> IndicatorRow:
    return IndicatorRow(pk=indicator.pk, name=indicator.name, unit=indicator.unit_label, kind=indicator.kind,
                        direction=indicator.direction, frequency=indicator.frequency,
                        baseline=indicator.baseline_value, baseline_on=indicator.baseline_on,
                        target=indicator.target_value, target_on=indicator.target_on, latest=None, latest_end=None,
                        is_public=True)


def _hidden_values(indicators: list[IndicatorRow], k: int) -> dict[int, set]:
    """Per computed indicator, the period ends of the values that rest on fewer than `k`
    complaints (one query for the details of the values drawn)."""
    computed = [row for row in indicators if row.kind == Indicator.Kind.COMPUTED]
    hidden: dict[int, set] = {}
    if not computed:
        return hidden
    ends = {row.pk: {end for _s, end, _v in row.points} for row in computed}
    for indicator_id, end, value, detail in (IndicatorValue.objects.filter(indicator_id__in=list(ends))
                                             .values_list("indicator_id", "period_end", "value", "detail")):
        if end not in ends[indicator_id]:
            continue
        if not _enough(value, detail, k):
            hidden.setdefault(indicator_id, set()).add(end)
    return hidden


def _enough(value, detail, k: int) -> bool:
    """Whether a computed value rests on at least `k` complaints: every whole count recorded in its
    detail, or, without one, the value itself when it is a whole count."""
    counts = [v for v in (detail or {}).values() if isinstance(v, int) and not isinstance(v, bool)]
    if not counts:
        number = Decimal(str(value))
        counts = [int(number)] if number == number.to_integral_value() else []
    return all(count >= k for count in counts)


# --- the page's sections -------------------------------------------------------------------------

def _public_cell(public: PublicCell, organisation, k: int) -> Cell:
    if public.state == PRIMARY:
        return Cell(value=None, text=gettext("fewer than %(n)s") % {"n": num(k, organisation)}, suppressed=True)
    if public.state == SECONDARY:
        return Cell(value=None, text=gettext("hidden"), suppressed=True)
    return Cell(value=public.value)


def withheld_note() -> str:
    return gettext("Too few recommendations to publish this table without revealing small numbers.")


def sections(result: PublicFollowup, organisation) -> list[Section]:
    """The recommendation and plan tables as chart sections (hidden counts as text, no bar)."""
    k = result.threshold

    def cell(public):
        return _public_cell(public, organisation, k)

    out = []
    title = gettext("Recommendations by status")
    if result.status_withheld:
        out.append(Section(id="statuses", title=title, caption=title, label_column=gettext("Status"),
                           columns=[pgettext("follow-up dashboard", "Recommendations")], rows=[], note=withheld_note()))
    else:
        rows = [TableRow(label=str(STATUS_LABELS[s]), cells=[cell(c)]) for s, c in result.by_status]
        top = max([c.value or 0 for _s, c in result.by_status] + [1])
        out.append(Section(
            id="statuses", title=title, caption=title, label_column=gettext("Status"),
            columns=[pgettext("follow-up dashboard", "Recommendations")], rows=rows,
            footer=TableRow(label=gettext("Total"), cells=[cell(result.total)]),
            chart=[charts.ChartRow(label=str(STATUS_LABELS[s]), segments=charts.segments(
                [(c.value or 0, status_css(s))], 100.0 / top), value=cell(c).text or num(c.value, organisation))
                for s, c in result.by_status]))
    title = gettext("Implementation by theme")
    if result.themes_withheld:
        out.append(Section(id="themes", title=title, caption=title, label_column=pgettext("follow-up dashboard", "Theme"),
                           columns=[str(STATUS_LABELS[s]) for s in STATUSES], rows=[], note=withheld_note()))
    elif result.themes:
        out.append(Section(
            id="themes", title=title, caption=gettext("Published recommendations by theme and status"),
            label_column=pgettext("follow-up dashboard", "Theme"), columns=[*[str(STATUS_LABELS[s]) for s in STATUSES], gettext("Total")],
            rows=[TableRow(label=label, cells=[*[cell(c) for c in cells], cell(total)])
                  for label, cells, total in result.themes],
            chart=charts.stacked([(label, [(c.value or 0, status_css(s)) for s, c in zip(STATUSES, cells, strict=True)],
                                   cell(total).text or num(total.value, organisation))
                                  for label, cells, total in result.themes]),
            legend=[(status_css(s), str(STATUS_LABELS[s])) for s in STATUSES], wide=True,
            note=gettext("A recommendation can have several themes: it is counted under each. A bar shows only "
                         "the counts that are published.")))
    for number, plan in enumerate(result.plans, start=1):
        heading = gettext("Measures of the plan: %(plan)s") % {"plan": plan["title"]}
        if plan["withheld"]:
            out.append(Section(id=f"plan-{number}", title=heading, caption=heading, label_column=gettext("Status"),
                               columns=[pgettext("follow-up dashboard", "Measures")], rows=[], note=withheld_note()))
            continue
        top = max([c.value or 0 for _s, c in plan["rows"]] + [1])
        out.append(Section(
            id=f"plan-{number}", title=heading, caption=heading, label_column=gettext("Status"),
            columns=[pgettext("follow-up dashboard", "Measures")],
            rows=[TableRow(label=str(MEASURE_LABELS[s]), cells=[cell(c)]) for s, c in plan["rows"]],
            footer=TableRow(label=gettext("Total"), cells=[cell(plan["total"])]),
            chart=[charts.ChartRow(label=str(MEASURE_LABELS[s]), segments=charts.segments(
                [(c.value or 0, measure_css(s))], 100.0 / top), value=cell(c).text or num(c.value, organisation))
                for s, c in plan["rows"]]))
    return out


def indicator_charts(result: PublicFollowup, organisation) -> list[IndicatorChart]:
    """Each published indicator's chart; a hidden value has no bar and reads "fewer than N"."""
    fewer = gettext("fewer than %(n)s") % {"n": num(result.threshold, organisation)}
    out = []
    for item in result.indicators:
        row, hidden = item["row"], item["hidden"]
        shown = IndicatorRow(**{**row.__dict__, "points": [p for p in row.points if p[1] not in hidden]})
        if item["latest_hidden"]:
            shown.latest = None
        chart = indicator_chart(shown, organisation)
        by_end = {p[1]: r for p, r in zip(shown.points, chart.rows, strict=True)}
        chart.rows = [by_end.get(end) or charts.ChartRow(label=period_label(start, end, organisation, row.frequency), segments=[],
                                                         value=fewer)
                      for start, end, _value in row.points]
        if item["latest_hidden"]:
            chart.latest_text = chart.progress_text = fewer
        out.append(chart)
    return out
