"""The public transparency page's figures: what an organisation chose to publish
(`PublicationSettings`), for one complete calendar year, with small-cell suppression.

Rules (written out on the page too):

- Only aggregate counts of complete calendar years, and no free filter: a visitor chooses an
  organisation and a year, nothing else, so no combination of filters can single a person out.
  Past years do not change month by month, so two visits cannot be subtracted from each other
  (statuses and findings still move as cases are decided).
- Only one-way tables: each table splits the year's complaints (or allegations) by one thing
  (category, finding, governorate, channel, month), never two at once, and places are published
  only by governorate, never by facility, so that no table can be subtracted from another.
- *Primary suppression*: every count below the threshold (default 5), zero included, is shown
  as "fewer than 5". Every possible row is listed (all governorates, categories, channels,
  findings, months), so that a row's presence does not tell that it is not zero.
- *Complementary suppression*: where a table's total is published (here or in the summary), the
  hidden counts could be worked out from it by subtraction when only one count is hidden, or
  when every hidden count must be the largest value below the threshold. Then the smallest
  count still shown is hidden too ("hidden"). A table where even that cannot protect the small
  counts is withheld. Vulnerable groups have no total (a complaint can concern several groups),
  so their small counts need no second one.
- Shares and durations (deadlines met, days to resolve) are given only when they rest on at
  least as many complaints as the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mizan.complaints.models import Channel, Vulnerability
from mizan.core.templatetags.mizan import num, percent

from . import charts
from .charts import Cell, Section, TableRow
from .dashboard import month_label
from .statistics import OUTCOMES, Filters, Labels, Period, first_day_with_cases, overview

CACHE_TIMEOUT = 3600  # public figures are refreshed at most hourly, whatever the traffic
SHOWN, PRIMARY, SECONDARY = "shown", "primary", "secondary"


@dataclass(frozen=True)
class PublicCell:
    value: int | None  # None when hidden
    state: str = SHOWN  # SHOWN, PRIMARY (below the threshold) or SECONDARY (hidden to protect one)


@dataclass
class PublicTable:
    key: str
    rows: list[tuple[str, str, PublicCell]]  # (key, label, cell)
    total: PublicCell | None = None  # None: the table has no total (groups)
    withheld: bool = False


@dataclass
class PublicFigures:
    organisation_id: int
    year: int
    threshold: int
    sections: list[str]
    received: PublicCell
    allegations: PublicCell
    tables: dict = field(default_factory=dict)  # key -> PublicTable
    rates: dict = field(default_factory=dict)  # key -> float | None
    durations: dict = field(default_factory=dict)  # key -> int | None


def suppress(values: list[int], threshold: int, *, total_published: bool) -> tuple[list[PublicCell], bool]:
    """Cells for one table (its total published or not), and whether the table must be withheld.

    Primary: every value below `threshold` is hidden. Complementary, when the total is known:
    with the hidden values' sum S = total - shown values, a single hidden value would be S
    itself, and hidden values all equal to threshold - 1 would follow from S as well; so the
    smallest shown value is hidden too, after which each hidden small value can be anything from
    0 to threshold - 1. Zeros are hidden like other small values, so a hidden value may be 0."""
    states = [PRIMARY if v < threshold else SHOWN for v in values]
    primary = [v for v, s in zip(values, states, strict=True) if s == PRIMARY]
    exposed = total_published and primary and sum(primary) > 0 and (
        len(primary) == 1 or sum(primary) == len(primary) * (threshold - 1))
    withheld = False
    if exposed:
        shown = [(v, i) for i, (v, s) in enumerate(zip(values, states, strict=True)) if s == SHOWN]
        if shown:
            states[min(shown)[1]] = SECONDARY
        else:
            withheld = True
    cells = [PublicCell(None, s) if s != SHOWN else PublicCell(v, s) for v, s in zip(values, states, strict=True)]
    return cells, withheld


def _total(value: int, threshold: int) -> PublicCell:
    return PublicCell(value) if value >= threshold else PublicCell(None, PRIMARY)


def _table(key: str, items: list[tuple[str, str, int]], threshold: int, total: int | None) -> PublicTable:
    """A one-way table over every possible row (key, label, value)."""
    published_total = total is not None and total >= threshold
    cells, withheld = suppress([v for _k, _l, v in items], threshold, total_published=published_total)
    if total is not None and not published_total:
        cells = [PublicCell(None, PRIMARY) for _cell in cells]  # every count is below a small total
    return PublicTable(key=key, rows=[(k, label, cell) for (k, label, _v), cell in zip(items, cells, strict=True)],
                       total=None if total is None else _total(total, threshold), withheld=withheld)


def published_years(organisation, today: date | None = None) -> list[int]:
    """Complete calendar years with complaints, newest first."""
    today = today or timezone.localdate()
    first = first_day_with_cases(organisation)
    if first is None:
        return []
    return list(range(today.year - 1, first.year - 1, -1))


def figures(organisation, settings, year: int) -> PublicFigures:
    """The public figures of `organisation` for `year`, cached for an hour (so that anonymous
    traffic never recomputes them more often), in the active language."""
    key = (f"mizan:public-statistics:v1:{organisation.pk}:{year}:{get_language()}:{settings.threshold}:"
           f"{','.join(settings.sections())}")
    return cache.get_or_set(key, lambda: _figures(organisation, settings, year), CACHE_TIMEOUT)


def _figures(organisation, settings, year: int) -> PublicFigures:
    k = settings.threshold
    labels = Labels(organisation)
    data = overview(organisation, Period.year(year), Filters(), labels=labels)
    result = PublicFigures(organisation_id=organisation.pk, year=year, threshold=k, sections=settings.sections(),
                           received=_total(data.received, k), allegations=_total(data.allegations, k))

    status = {"open": data.open, "closed": data.closed}
    result.tables["status"] = _table("status", [(key, key, value) for key, value in status.items()], k, data.received)

    allegations = {row.key: row.allegations for row in data.by_category}
    tops = sorted((c for c in labels.categories.values() if c.parent_id is None), key=lambda c: (c.position, c.code))
    result.tables["categories"] = _table(
        "categories", [(c.code, c.label, allegations.get(c.code, 0)) for c in tops], k, data.allegations)
    result.tables["outcomes"] = _table(
        "outcomes", [(o, o, data.outcome_totals.get(o, 0)) for o in OUTCOMES], k, data.allegations)

    per_governorate = {row.key: row.complaints for row in data.by_governorate}
    governorates = sorted(labels.governorates.values(), key=lambda g: g.name)
    rows = [(g.code, g.name, per_governorate.get(str(g.pk), 0)) for g in governorates]
    rows.append(("", "", per_governorate.get("", 0)))  # not stated
    result.tables["governorates"] = _table("governorates", rows, k, data.received)

    groups = {row.key: row.complaints for row in data.by_vulnerability}
    result.tables["groups"] = _table("groups", [(code, code, groups.get(code, 0)) for code in Vulnerability.values],
                                     k, None)
    channels = {row.key: row.complaints for row in data.by_channel}
    result.tables["channels"] = _table("channels", [(code, code, channels.get(code, 0)) for code in Channel.values],
                                       k, data.received)
    result.tables["months"] = _table(
        "months", [(p.start.isoformat(), p.start.isoformat(), p.complaints) for p in data.trend], k, data.received)

    d = data.deadlines
    result.rates = {
        "first_action": d.first_action.rate if d.first_action.decided >= k else None,
        "resolution": d.resolution.rate if d.resolution.decided >= k else None,
    }
    result.durations = {"median": d.median_days if d.resolved >= k else None,
                        "p90": d.p90_days if d.resolved >= k else None}
    return result


# --- the page's sections -------------------------------------------------------------------------

def public_sections(result: PublicFigures, labels: dict, organisation) -> list:
    """The published tables as chart sections (`reports.charts.Section`), hidden counts as text."""
    k = result.threshold
    fewer = _("fewer than %(n)s") % {"n": num(k, organisation)}
    hidden = _("hidden")

    def cell(public: PublicCell) -> Cell:
        if public.state == PRIMARY:
            return Cell(value=None, text=fewer, suppressed=True)
        if public.state == SECONDARY:
            return Cell(value=None, text=hidden, suppressed=True)
        return Cell(value=public.value)

    def section(key, title, label_column, column, label=lambda k, text: text, user_text=False, note=""):
        table = result.tables[key]
        if table.withheld:
            return Section(id=key, title=title, caption=title, label_column=label_column, columns=[column], rows=[],
                           note=_("Too few complaints to publish this table without revealing small numbers."))
        rows = [TableRow(label=str(label(row_key, text)), cells=[cell(c)], user_text=user_text and bool(row_key))
                for row_key, text, c in table.rows]
        shown = [(row.label, c.value, num(c.value, organisation) if c.value is not None else row.cells[0].text)
                 for row, (_k, _t, c) in zip(rows, table.rows, strict=True)]
        scale_items = [(lab, value or 0, text) for lab, value, text in shown]
        footer = TableRow(label=_("Total"), cells=[cell(table.total)]) if table.total is not None else None
        return Section(id=key, title=title, caption=title, label_column=label_column, columns=[column], rows=rows,
                       chart=charts.bars(scale_items), footer=footer, note=note)

    chosen = set(result.sections)
    sections = []
    if "summary" in chosen:
        sections.append(section("status", _("Open and closed complaints"), _("Status"), _("Complaints"),
                                label=lambda key, _t: labels["status"][key]))
    if "categories" in chosen:
        sections.append(section("categories", _("Allegations by category"), _("Category"), _("Allegations"),
                                note=_("One complaint can hold several allegations (alleged acts); each is "
                                       "counted once, under its category.")))
    if "outcomes" in chosen:
        sections.append(section("outcomes", _("Outcomes of the allegations"), _("Finding"), _("Allegations"),
                                label=lambda key, _t: labels["outcomes"][key]))
    if "governorates" in chosen:
        sections.append(section("governorates", _("Complaints by %(division)s") % {
            "division": organisation.division_label}, organisation.division_label, _("Complaints"),
            label=lambda key, text: text or labels["not_stated"], user_text=True))
    if "groups" in chosen:
        sections.append(section("groups", _("Complaints concerning groups in need of special care"), _("Group"),
                                _("Complaints"), label=lambda key, _t: labels["groups"][key],
                                note=_("A complaint can concern several groups, or none: the rows do not add up "
                                       "to the total.")))
    if "channels" in chosen:
        sections.append(section("channels", _("Complaints by channel"), _("Channel"), _("Complaints"),
                                label=lambda key, _t: labels["channels"][key]))
    if "months" in chosen:
        def month(key, _text):
            start = date.fromisoformat(key)
            end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return month_label(start, end.fromordinal(end.toordinal() - 1), organisation)

        sections.append(section("months", _("Complaints received by month"), _("Month"), _("Complaints"),
                                label=month))
    if "deadlines" in chosen:
        rows = [
            TableRow(label=_("Acknowledged on time"), cells=[Cell(None, text=percent(result.rates["first_action"], organisation)
                                                                 if result.rates["first_action"] is not None else fewer,
                                                                 suppressed=result.rates["first_action"] is None)]),
            TableRow(label=_("Resolved on time"), cells=[Cell(None, text=percent(result.rates["resolution"], organisation)
                                                             if result.rates["resolution"] is not None else fewer,
                                                             suppressed=result.rates["resolution"] is None)]),
            TableRow(label=_("Median days to resolve"), cells=[
                Cell(result.durations["median"]) if result.durations["median"] is not None
                else Cell(None, text=fewer, suppressed=True)]),
            TableRow(label=_("90th percentile of days to resolve"), cells=[
                Cell(result.durations["p90"]) if result.durations["p90"] is not None
                else Cell(None, text=fewer, suppressed=True)]),
        ]
        sections.append(Section(id="deadlines", title=_("Deadlines"), caption=_("Deadlines met and days to resolve"),
                                label_column=_("Measure"), columns=[_("Value")], rows=rows,
                                note=_("A share or a duration is given only when it rests on at least %(n)s "
                                       "complaints.") % {"n": num(k, organisation)}))
    return sections
