"""The follow-up figures (`followup_stats.FollowupOverview`) as the report engine's chart sections
(`charts.Section`: a bar chart without text and its table), and each indicator's chart of values
against its baseline and target, in the reader's language and digits. Used by the follow-up
dashboard, the follow-up report (PDF) and the public page.

On the dashboard every count of recommendations links to the recommendations list with the
matching filters (the list's own parameter names: `status`, `theme`, `kind`, `source`), but
only while the period ends today: the list shows today's statuses, and a count at the end of an
earlier period is history the list cannot select. Rows the list cannot select carry no link: no
theme, a plan phase, a member, and the lead bodies (the list's `body` filter also finds the
recommendations where the body only supports).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from babel.dates import format_interval
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi, gettext, pgettext

from mizan.core.templatetags.mizan import _arabic_digits, num, percent
from mizan.core.templatetags.mizan import day as day_text
from mizan.followup import indicators
from mizan.followup.models import Indicator, MeasureStatus, Status
from mizan.lib.digits import to_arabic_indic, to_ascii_digits

from . import charts
from .charts import Cell, ChartRow, Section, TableRow
from .followup_stats import (
    MEASURE_STATUSES,
    NOT_SHARED,
    STATUSES,
    FollowupOverview,
    IndicatorRow,
    Row,
)

CHART_LIMIT = 15  # bars drawn for long lists (sources, bodies); their tables list every row
STATUS_LABELS = dict(Status.choices)
MEASURE_LABELS = dict(MeasureStatus.choices)


def status_css(status: str) -> str:
    return f"fu-st-{status or 'none'}"


def measure_css(status: str) -> str:
    return f"fu-ms-{status}"


def _locale(organisation) -> str:
    if _arabic_digits(organisation):
        return "ar_EG"
    return {"ar": "ar", "fr": "fr", "en": "en"}.get((get_language() or "ar")[:2], "ar")


def period_label(start: date, end: date, organisation, frequency: str = "") -> str:
    """A value's period as the plan pages say it ("First quarter of 2026", "March 2026", "2026")
    when it is one of the indicator's calendar periods, else as a span ("Jan – Mar 2026")."""
    if frequency and indicators.period_containing(frequency, start) == indicators.Period(start, end):
        return indicators.period_label(frequency, indicators.Period(start, end), organisation)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        text = str(start.year)
    else:
        text = format_interval(start, end, "yMMM", locale=_locale(organisation))
    return to_arabic_indic(text) if _arabic_digits(organisation) else to_ascii_digits(text)


@dataclass
class IndicatorChart:
    """One indicator's values as bars (one per period, oldest first), with its baseline and its
    target marked as lines across every bar (`baseline_x`, `target_x`: 0..100 of the bar's box
    from its left, mirrored for right-to-left pages). Words and numbers are HTML beside the SVG."""

    indicator: IndicatorRow
    rows: list[ChartRow]
    baseline_x: float | None
    target_x: float | None
    baseline_text: str
    target_text: str
    latest_text: str
    progress_text: str
    direction: str


def indicator_chart(row: IndicatorRow, organisation) -> IndicatorChart:
    values = [float(v) for _s, _e, v in row.points]
    marks = [float(x) for x in (row.baseline, row.target) if x is not None]
    top = max([*values, *marks, 0.0])
    scale = 100.0 / top if top > 0 else 0.0
    rtl = get_language_bidi()

    def x_of(value) -> float | None:
        if value is None:
            return None
        x = round(max(float(value), 0.0) * scale, 3)
        return round(100.0 - x, 3) if rtl else x

    rows = [ChartRow(label=period_label(start, end, organisation, row.frequency),
                     segments=charts.segments([(max(float(value), 0.0), "bar-1")], scale),
                     value=num(value, organisation))
            for start, end, value in row.points]

    def with_day(value, day) -> str:
        if value is None:
            return "—"
        text = num(value, organisation)
        return f"{text} ({day_text(day, organisation)})" if day else text

    return IndicatorChart(
        indicator=row, rows=rows, baseline_x=x_of(row.baseline), target_x=x_of(row.target),
        baseline_text=with_day(row.baseline, row.baseline_on), target_text=with_day(row.target, row.target_on),
        latest_text=with_day(row.latest, row.latest_end),
        progress_text=percent(row.progress, organisation) if row.progress is not None else "—",
        direction=str(dict(Indicator.Direction.choices).get(row.direction, "")))


class Builder:
    def __init__(self, data: FollowupOverview, organisation, *, links: bool):
        self.data, self.organisation = data, organisation
        self.links = links and data.current
        self.list_url = reverse("followup:recommendations") if self.links else ""
        self._base = data.filters.params()

    def n(self, value) -> str:
        return num(value, self.organisation)

    def url(self, **params) -> str | None:
        """The recommendations list behind a count (the dashboard's filters, and `params`)."""
        if not self.links:
            return None
        return f"{self.list_url}?{urlencode({**self._base, **params})}"

    def cell(self, value: int, params: dict | None) -> Cell:
        return Cell(value=value, url=self.url(**params) if params is not None and value else None)

    # --- tables by status ---------------------------------------------------------------------

    def headline(self) -> list[dict]:
        d = self.data
        return [
            {"label": gettext("Recommendations followed"), "value": self.n(d.total), "url": self.url()},
            {"label": gettext("Still open"), "value": self.n(d.open),
             "hint": gettext("neither implemented nor no longer relevant")},
            {"label": STATUS_LABELS[Status.IMPLEMENTED], "value": self.n(d.implemented),
             "url": self.url(status=Status.IMPLEMENTED),
             "hint": gettext("%(share)s of those still relevant") % {
                 "share": percent(d.implemented_share, self.organisation)}},
            {"label": gettext("Status changes in the period"), "value": self.n(d.changed),
             "hint": gettext("recommendations whose status changed")},
            {"label": gettext("Overdue measures"), "value": self.n(d.overdue_measures),
             "hint": gettext("past their target date and not completed")},
        ]

    def statuses(self) -> Section:
        d = self.data
        rows = [TableRow(label=str(STATUS_LABELS[s]), cells=[self.cell(d.by_status[s], {"status": s})])
                for s in STATUSES]
        return Section(
            id="statuses", title=gettext("Recommendations by status"),
            caption=gettext("Where the recommendations stand at the end of the period"),
            label_column=gettext("Status"), columns=[pgettext("follow-up dashboard", "Recommendations")], rows=rows,
            footer=TableRow(label=gettext("Total"), cells=[self.cell(d.total, {})]),
            chart=[ChartRow(label=str(STATUS_LABELS[s]), value=self.n(d.by_status[s]),
                            segments=charts.segments([(d.by_status[s], status_css(s))],
                                                     100.0 / max(max(d.by_status.values()), 1)))
                   for s in STATUSES])

    def _by_status(self, key: str, title: str, caption: str, label_column: str, rows: list[Row], params,
                   note: str = "", limit: int | None = None) -> Section:
        """A table of rows × statuses (and their total), with a stacked bar per row."""
        table = []
        for row in rows:
            base = params(row)
            table.append(TableRow(label=row.label, user_text=row.user_text, cells=[
                *[self.cell(row.counts.get(s, 0), None if base is None else {**base, "status": s}) for s in STATUSES],
                self.cell(row.total, base)]))
        chart_note = (gettext("The chart shows the %(n)s rows with the most recommendations; the table lists all.")
                      % {"n": self.n(limit)}) if limit and len(rows) > limit else ""
        return Section(
            id=key, title=title, caption=caption, label_column=label_column,
            columns=[*[str(STATUS_LABELS[s]) for s in STATUSES], gettext("Total")], rows=table,
            chart=charts.stacked([(row.label, [(row.counts.get(s, 0), status_css(s)) for s in STATUSES],
                                   self.n(row.total)) for row in rows], limit=limit),
            legend=[(status_css(s), str(STATUS_LABELS[s])) for s in STATUSES], wide=True, note=note,
            chart_note=chart_note)

    def themes(self) -> Section:
        return self._by_status(
            "themes", gettext("Implementation by theme"),
            gettext("Recommendations by theme and status (a theme includes its sub-themes)"), pgettext("follow-up dashboard", "Theme"),
            self.data.themes, lambda row: {"theme": row.extra["code"]} if row.key else None,
            note=gettext("A recommendation can have several themes: it is counted under each, so the rows can "
                         "add up to more than the total."))

    def bodies(self) -> Section:
        return self._by_status(
            "bodies", gettext("Implementation by lead body"),
            gettext("Recommendations by the body that leads their implementation, and status"),
            pgettext("follow-up dashboard", "Lead body"), self.data.bodies, lambda row: None, limit=CHART_LIMIT)

    def source_kinds(self) -> Section:
        return self._by_status(
            "source-kinds", gettext("Implementation by kind of source"),
            gettext("Recommendations by the kind of body or meeting that made them, and status"),
            pgettext("follow-up dashboard", "Kind of source"), self.data.source_kinds, lambda row: {"kind": row.key})

    def sources(self) -> Section:
        return self._by_status(
            "sources", gettext("Implementation by source"), gettext("Recommendations by source and status"),
            gettext("Source"), self.data.sources, lambda row: {"source": row.key}, limit=CHART_LIMIT)

    def phases(self) -> Section:
        return self._by_status(
            "phases", gettext("Implementation by plan phase"),
            gettext("Recommendations by the phase of the plan whose measures answer them, and status"),
            pgettext("follow-up dashboard", "Phase"), self.data.phases, lambda row: None,
            note=gettext("A recommendation answered by measures of several phases is counted under each."))

    def members(self) -> Section | None:
        rows = self.data.members
        if not rows:
            return None
        columns = [*STATUSES, NOT_SHARED]
        labels = {**{s: str(STATUS_LABELS[s]) for s in STATUSES}, NOT_SHARED: pgettext("follow-up dashboard", "Nothing shared yet")}
        return Section(
            id="members", title=gettext("Implementation by member organisation"),
            caption=gettext("Recommendations addressed to each member, by the status it shared with the secretariat"),
            label_column=pgettext("follow-up dashboard", "Member organisation"),
            columns=[*[labels[s] for s in columns], gettext("Total")],
            rows=[TableRow(label=row.label, user_text=True, cells=[
                *[Cell(row.counts.get(s, 0)) for s in columns], Cell(row.total)]) for row in rows],
            chart=charts.stacked([(row.label, [(row.counts.get(s, 0), status_css(s)) for s in columns],
                                   self.n(row.total)) for row in rows]),
            legend=[(status_css(s), labels[s]) for s in columns], wide=True,
            note=gettext("Only what each member chose to share with the secretariat (or to publish) is counted: "
                         "the status of its latest shared report. Internal reports are never read here."))

    def measures(self) -> Section:
        d = self.data
        rows = [TableRow(label=row.label, user_text=True, cells=[
            *[Cell(row.counts.get(s, 0)) for s in MEASURE_STATUSES], Cell(row.total), Cell(row.extra["overdue"])])
            for row in d.measures]
        footer = TableRow(label=pgettext("follow-up dashboard", "All phases"), cells=[
            *[Cell(d.measure_totals[s]) for s in MEASURE_STATUSES], Cell(sum(d.measure_totals.values())),
            Cell(d.overdue_measures)])
        return Section(
            id="measures", title=gettext("Measures of the plans"),
            caption=gettext("Measures by phase and status, and those overdue"), label_column=pgettext("follow-up dashboard", "Phase"),
            columns=[*[str(MEASURE_LABELS[s]) for s in MEASURE_STATUSES], gettext("Total"),
                     pgettext("measures", "Overdue")],
            rows=rows, footer=footer if rows else None,
            chart=charts.stacked([(row.label, [(row.counts.get(s, 0), measure_css(s)) for s in MEASURE_STATUSES],
                                   self.n(row.total)) for row in d.measures]),
            legend=[(measure_css(s), str(MEASURE_LABELS[s])) for s in MEASURE_STATUSES], wide=True,
            note=gettext("Statuses at the end of the period. Overdue: the target date had passed by then and the "
                         "measure was neither completed nor cancelled."))

    def sections(self) -> list[Section]:
        found = [self.statuses(), self.themes(), self.bodies(), self.source_kinds(), self.sources(),
                 self.phases(), self.members(), self.measures()]
        return [section for section in found if section is not None]

    def indicator_table(self) -> list[dict]:
        """Every indicator with its baseline, target, latest value and progress, formatted."""
        return [{"row": row, "chart": indicator_chart(row, self.organisation)} for row in self.data.indicators]
