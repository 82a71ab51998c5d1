"""The desk dashboard's sections: an `Overview` turned into charts and tables, in the reader's
language and digits, with a link to the desk queue behind each complaint count when the reader
may see cases (`links`). A reader who sees aggregates only (analysts) drills down in the
statistics instead (`drill`): a count whose complaints the dashboard's own filters can select (a
category, a place, a governorate, a group, a channel, a month) opens the dashboard narrowed to
them; other counts (by status, by outcome) are not links for them."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from babel.dates import format_date
from django.urls import reverse
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from mizan.core.templatetags.mizan import _arabic_digits, num, percent
from mizan.lib.digits import to_arabic_indic, to_ascii_digits

from . import charts
from .charts import Cell, Section, TableRow
from .forms_dashboard import PARAMS as DRILL_PARAMS  # the dashboard's own filters
from .forms_dashboard import presets as preset_periods
from .statistics import CLOSED_STATES, OPEN_STATES, OUTCOME_LABELS, OUTCOMES, Overview

CHART_LIMIT = 15  # bars drawn for long lists (places); their tables list every row
DAY_BANDS = ((0, 7), (8, 30), (31, 60), (61, 90), (91, 180), (181, None))
# A change is given as a percentage only when the earlier figure is at least this: from 1 to 26
# is "+2,500 %", which says nothing a reader can use. Below it both counts are shown ("from 1 to
# 26") with a note saying why (`SMALL_BASE_NOTE`). Ten keeps a one-complaint difference within
# ±10 %. The dashboard's months, the impact report's comparisons.
MIN_BASE = 10
LRM = "\u200e"  # keeps a sign before its number in right-to-left lines ("+5", not "5+")


def _locale(organisation) -> str:
    if _arabic_digits(organisation):
        return "ar_EG"
    return {"ar": "ar", "fr": "fr", "en": "en"}.get((get_language() or "ar")[:2], "ar")


def signed(text: str, positive: bool) -> str:
    return f"{LRM}{'+' if positive else '−'}{text}"


def change(now: int | None, before: int | None, organisation) -> tuple[str, bool]:
    """(text, below the base) of the change from `before` to `now`: a signed percentage
    ("+12%", "−5%", "0%") from a base of `MIN_BASE`; below it the two counts ("from 3 to 27",
    True); "—" when there is nothing to compare."""
    if now is None or before is None or (now == 0 and before == 0):
        return "—", False
    if before < MIN_BASE:
        return pgettext("a change too small to give as a percentage", "from %(before)s to %(now)s") % {
            "before": num(before, organisation), "now": num(now, organisation)}, True
    rate = (now - before) / before
    if round(abs(rate) * 100) == 0:  # shown as a whole percentage: "0%", not "−0%"
        return percent(0.0, organisation), False
    return signed(percent(abs(rate), organisation), rate > 0), False


def small_base_note(organisation) -> str:
    return gettext("Change: not meaningful below %(n)s. Where the earlier figure is below %(n)s, the two "
                   "counts are given instead of a percentage.") % {"n": num(MIN_BASE, organisation)}


def presets(today: date, period, chosen: str = "") -> list[tuple[str, object, bool]]:
    """(key, period, selected) of the one-click periods, one of them selected at most: the one
    whose link was followed (its `preset` parameter) while the period is still its own, else the
    first that gives the period on screen. In December "Last 12 months" and "This year" are the
    same days, and only the one chosen reads as chosen."""
    offered = preset_periods(today)
    if offered.get(chosen) != period:
        chosen = next((key for key, value in offered.items() if value == period), "")
    return [(key, value, key == chosen) for key, value in offered.items()]


def month_label(start: date, end: date, organisation) -> str:
    locale = _locale(organisation)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    if start.day == 1 and (following - end).days == 1:
        text = format_date(start, "MMMM y", locale=locale)
    else:
        text = f"{format_date(start, 'd', locale=locale)}–{format_date(end, 'd MMMM y', locale=locale)}"
    return to_arabic_indic(text) if _arabic_digits(organisation) else to_ascii_digits(text)


class Builder:
    def __init__(self, data: Overview, organisation, links: bool, drill: bool = False):
        self.data, self.organisation, self.links = data, organisation, links
        self.drill = drill and not links
        self.queue = reverse("desk:queue")
        self.dashboard = reverse("reports:dashboard")
        # the period's and the filters' part of every link, encoded once (hundreds of links)
        self._base = {key: urlencode({key: value}, doseq=True)
                      for key, value in data.queue_params().items() if key != "view"}

    def n(self, value) -> str:
        return num(value, self.organisation)

    def url(self, view: str = "all", **params) -> str | None:
        """The desk queue listing the complaints behind a number (`Overview.queue_params`); for
        a reader of aggregates, the dashboard narrowed to them, where its filters can say so."""
        if self.drill:
            return self.drill_url(view, **params)
        if not self.links:
            return None
        parts = dict(self._base)
        parts.update((key, urlencode({key: value}, doseq=True)) for key, value in params.items())
        return f"{self.queue}?{urlencode({'view': view})}&{'&'.join(parts.values())}"

    def drill_url(self, view: str = "all", **params) -> str | None:
        """The dashboard showing exactly the complaints behind a number, or None when its filters
        cannot select them (a status, an outcome, a queue tab) or select nothing new."""
        if view != "all" or not params or not set(params) <= set(DRILL_PARAMS):
            return None
        merged = {**self.data.queue_params(), **params}
        merged.pop("view", None)
        return f"{self.dashboard}?{urlencode({k: merged[k] for k in DRILL_PARAMS if merged.get(k)}, doseq=True)}"

    def cell(self, value, params: dict | None = None, title: str = "") -> Cell:
        """A number, linked to the cases behind it (none behind a zero)."""
        return Cell(value=value, url=self.url(**params) if params is not None and value else None, title=title)

    # --- headline ------------------------------------------------------------------------------

    def headline(self) -> list[dict]:
        d = self.data
        return [
            {"label": _("Complaints received"), "value": d.received, "url": self.url()},
            {"label": _("Open"), "value": d.open, "url": self.url(status=sorted(OPEN_STATES))},
            {"label": _("Closed"), "value": d.closed, "url": self.url(status=sorted(CLOSED_STATES)),
             "hint": _("decided, inadmissible or withdrawn")},
            {"label": _("Allegations"), "value": d.allegations, "url": self.url(), "counts": "allegations",
             "hint": _("alleged acts; one complaint can hold several")},
            {"label": _("Overdue now"), "value": d.deadlines.overdue_now, "url": self.url(view="overdue"),
             "hint": _("open and past a deadline today")},
        ]

    # --- sections ------------------------------------------------------------------------------

    def sections(self) -> list[Section]:
        return [self.trend(), self.categories(), self.outcomes(), self.deadlines(), self.days(),
                self.places("governorates", self.data.by_governorate, self.organisation.division_label),
                self.places("facilities", self.data.by_facility, gettext("Place")),
                self.facility_outcomes(), self.groups(), self.channels(), self.statuses()]

    def trend(self) -> Section:
        rows, chart, small = [], [], False
        for point in self.data.trend:
            label = month_label(point.start, point.end, self.organisation)
            text, below = change(point.complaints, point.previous, self.organisation)
            small = small or below
            rows.append(TableRow(label=label, cells=[
                self.cell(point.complaints, {"from": point.start.isoformat(), "to": point.end.isoformat()}),
                self.cell(point.previous, {"from": point.previous_start.isoformat(),
                                           "to": point.previous_end.isoformat()}),
                Cell(value=None, text=text),
            ]))
            chart.append((label, point.complaints, self.n(point.complaints), point.previous, self.n(point.previous)))
        return Section(
            id="trend", title=gettext("Complaints received by month"),
            caption=gettext("Complaints received in each month of the period, and in the same days one year earlier"),
            label_column=gettext("Month"), columns=[gettext("This period"), gettext("A year earlier"), pgettext("difference between two figures", "Change")], rows=rows,
            chart=charts.paired(chart),
            legend=[("bar-1", gettext("This period")), ("bar-2", gettext("A year earlier"))],
            note=small_base_note(self.organisation) if small else "")

    def categories(self) -> Section:
        rows = self.data.by_category
        return Section(
            id="categories", title=gettext("Allegations by category"),
            caption=gettext("Allegations (alleged acts) and complaints by category of right"),
            label_column=gettext("Category"), columns=[gettext("Allegations"), gettext("Complaints")],
            rows=[TableRow(label=r.label, cells=[
                self.cell(r.allegations, r.params, gettext("The complaints holding these allegations")),
                self.cell(r.complaints, r.params)]) for r in rows],
            chart=charts.bars([(r.label, r.allegations, self.n(r.allegations)) for r in rows]),
            note=gettext("One complaint can hold several allegations, each with its own category: the allegations "
                         "are the acts counted. Complaints are counted once per category."))

    def outcomes(self) -> Section:
        d = self.data
        css = {o: f"seg-{o}" for o in OUTCOMES}
        rows = [TableRow(label=r.label, cells=[
            *[self.cell(r.counts[o], {**r.params, "outcome": o}, gettext("The complaints holding these allegations"))
              for o in OUTCOMES],
            self.cell(r.total, r.params)]) for r in d.outcomes]
        footer = TableRow(label=gettext("All categories"), cells=[
            *[self.cell(d.outcome_totals[o], {"outcome": o}) for o in OUTCOMES], self.cell(d.allegations, {})])
        return Section(
            id="outcomes", title=gettext("Outcomes by category"),
            caption=gettext("Allegations by category and by the finding recorded when the case was resolved"),
            label_column=gettext("Category"), columns=[str(OUTCOME_LABELS[o]) for o in OUTCOMES] + [gettext("Total")], rows=rows, footer=footer,
            chart=charts.stacked([(r.label, [(r.counts[o], css[o]) for o in OUTCOMES], self.n(r.total))
                                  for r in d.outcomes]),
            legend=[(css[o], str(OUTCOME_LABELS[o])) for o in OUTCOMES], wide=True)

    def deadlines(self) -> Section:
        d = self.data.deadlines
        lines = [
            (gettext("Acknowledged on time"), d.first_action, gettext("Not yet due")),
            (gettext("Resolved on time"), d.resolution, gettext("Still open")),
        ]
        rows = [TableRow(label=label, cells=[Cell(c.on_time), Cell(c.late), Cell(c.pending),
                                             Cell(value=None, text=percent(c.rate, self.organisation))])
                for label, c, _pending in lines]
        return Section(
            id="deadlines", title=gettext("Deadlines"),
            caption=gettext("Complaints acknowledged and resolved within their deadlines"),
            label_column=gettext("Deadline"), columns=[gettext("On time"), gettext("Late"), gettext("Not yet due or still open"),
                     gettext("Share on time")], rows=rows,
            chart=charts.stacked([(label, [(c.on_time, "seg-on-time"), (c.late, "seg-late"),
                                           (c.pending, "seg-pending")], percent(c.rate, self.organisation))
                                  for label, c, _pending in lines]),
            legend=[("seg-on-time", gettext("On time")), ("seg-late", gettext("Late")),
                    ("seg-pending", gettext("Not yet due or still open"))],
            note=gettext("Acknowledged: an officer's first action (a message, an assignment or a step of the "
                         "workflow) by the first-action due date; the automatic receipt does not count. Resolved: "
                         "by the resolution due date, which moves back while the case waits for the "
                         "complainant. The share on time counts the complaints whose deadline was met or missed."))

    def days(self) -> Section:
        d = self.data.deadlines
        bands = []
        for low, high in DAY_BANDS:
            count = sum(n for days, n in d.days_histogram if days >= low and (high is None or days <= high))
            if high is None:
                label = gettext("%(low)s days or more") % {"low": self.n(low)}
            else:
                label = gettext("%(low)s to %(high)s days") % {"low": self.n(low), "high": self.n(high)}
            bands.append((label, count))
        rows = [TableRow(label=label, cells=[Cell(count)]) for label, count in bands]
        footer = TableRow(label=gettext("Median / 90th percentile (days)"), cells=[Cell(
            value=None, text=f"{self.n(d.median_days) or '—'} / {self.n(d.p90_days) or '—'}")])
        return Section(
            id="days", title=gettext("Days to resolve"),
            caption=gettext("Resolved complaints by whole days from receipt to resolution"),
            label_column=gettext("Days to resolve"), columns=[gettext("Complaints")], rows=rows, footer=footer,
            chart=charts.bars([(label, count, self.n(count)) for label, count in bands]))

    def places(self, key: str, rows, heading: str) -> Section:
        title = (gettext("Complaints by %(division)s") % {"division": heading} if key == "governorates"
                 else gettext("Complaints by place"))
        limit_note = (gettext("The chart shows the %(n)s places with the most complaints; the table lists all.")
                      % {"n": self.n(CHART_LIMIT)}) if len(rows) > CHART_LIMIT else ""
        return Section(
            id=key, title=title, caption=title, label_column=heading,
            columns=[gettext("Complaints"), gettext("Allegations")],
            rows=[TableRow(label=r.label, user_text=bool(r.key), cells=[
                self.cell(r.complaints, r.params if r.key else None),
                self.cell(r.allegations, r.params if r.key else None,
                          gettext("The complaints holding these allegations"))]) for r in rows],
            chart=charts.bars([(r.label, r.complaints, self.n(r.complaints)) for r in rows], limit=CHART_LIMIT),
            chart_note=limit_note,
            note=gettext("An allegation is counted at the place of its complaint."))

    def facility_outcomes(self) -> Section:
        rows = self.data.facility_outcomes[:CHART_LIMIT]
        css = {o: f"seg-{o}" for o in OUTCOMES}
        return Section(
            id="place-outcomes", title=gettext("Places with the most substantiated allegations"),
            caption=gettext("Allegations by place and finding, most substantiated first"),
            label_column=gettext("Place"), columns=[str(OUTCOME_LABELS[o]) for o in OUTCOMES] + [gettext("Total")],
            rows=[TableRow(label=r.label, user_text=True, cells=[
                *[self.cell(r.counts[o], {**r.params, "outcome": o}, gettext("The complaints holding these allegations"))
                  for o in OUTCOMES], self.cell(r.total, r.params)]) for r in rows],
            chart=charts.stacked([(r.label, [(r.counts[o], css[o]) for o in OUTCOMES], self.n(r.total))
                                  for r in rows]),
            legend=[(css[o], str(OUTCOME_LABELS[o])) for o in OUTCOMES], wide=True,
            chart_note=(gettext("The %(n)s places with the most substantiated allegations.")
                        % {"n": self.n(CHART_LIMIT)}) if len(self.data.facility_outcomes) > CHART_LIMIT else "")

    def groups(self) -> Section:
        rows = self.data.by_vulnerability
        return Section(
            id="groups", title=gettext("Complaints concerning groups in need of special care"),
            caption=gettext("Complaints by vulnerability marker"), label_column=gettext("Group"), columns=[gettext("Complaints")],
            rows=[TableRow(label=r.label, cells=[self.cell(r.complaints, r.params)]) for r in rows],
            chart=charts.bars([(r.label, r.complaints, self.n(r.complaints)) for r in rows]),
            note=gettext("A complaint can concern several groups, or none: the rows do not add up to the total."))

    def channels(self) -> Section:
        rows = self.data.by_channel
        return Section(
            id="channels", title=gettext("Complaints by channel"), caption=gettext("How complaints were received"),
            label_column=gettext("Channel"), columns=[gettext("Complaints")],
            rows=[TableRow(label=r.label, cells=[self.cell(r.complaints, r.params)]) for r in rows],
            chart=charts.bars([(r.label, r.complaints, self.n(r.complaints)) for r in rows]))

    def statuses(self) -> Section:
        rows = self.data.by_status
        return Section(
            id="statuses", title=pgettext("dashboard section", "Complaints by status"),
            caption=gettext("Where the complaints of the period stand today"), label_column=gettext("Status"),
            columns=[gettext("Complaints")],
            rows=[TableRow(label=r.label, cells=[self.cell(r.complaints, r.params)]) for r in rows],
            chart=charts.bars([(r.label, r.complaints, self.n(r.complaints)) for r in rows]))
