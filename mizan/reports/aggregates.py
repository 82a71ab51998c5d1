"""The tables of the statistics export: the dashboard's figures (`reports.statistics.overview`)
as rows, one table per dashboard table. Counts only, never a case row, so analysts may have them.

The counting rules are those of `reports.statistics` (allegations per category, complaints
received in the period, deadlines, the same months a year earlier). Without dates the period
runs from the organisation's first complaint to today.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.complaints.models import Category, Channel, Vulnerability
from mizan.core.templatetags.mizan import percent

from .statistics import (
    OUTCOME_LABELS,
    OUTCOMES,
    Filters,
    Labels,
    Period,
    first_day_with_cases,
    overview,
)
from .writers import Table


def export_period(organisation, date_from: date | None, date_to: date | None):
    today = timezone.localdate()
    end = date_to or today
    start = date_from or first_day_with_cases(organisation) or end
    return Period(min(start, end), end)


def _rows(title: str, first: str, rows) -> Table:
    return Table(title, [first, _("Complaints"), _("Allegations")],
                 [[row.label, row.complaints, row.allegations] for row in rows], [40, 14, 14])


def _rate(value: float | None) -> str:
    # the platform's percentage in the file's language, with Western digits (no organisation)
    return "" if value is None else percent(value)


def filter_rows(organisation, filters) -> list[list]:
    """[name, value] of each filter in use, in the active language (for the summary table)."""
    if not filters.params():
        return []
    labels = Labels(organisation)
    rows = []
    if filters.governorate:
        names = [g.name for g in labels.governorates.values() if g.code == filters.governorate]
        rows.append([organisation.division_label, names[0] if names else filters.governorate])
    if filters.facility:
        place = labels.facilities.get(filters.facility)
        rows.append([_("Place"), place.name if place else str(filters.facility)])
    if filters.category:
        category = Category.objects.filter(code=filters.category).first()
        rows.append([_("Category"), category.label if category else filters.category])
    if filters.vulnerability:
        rows.append([_("Group"), str(dict(Vulnerability.choices).get(filters.vulnerability, filters.vulnerability))])
    if filters.channel:
        rows.append([_("Channel"), str(dict(Channel.choices).get(filters.channel, filters.channel))])
    return rows


def statistics_tables(organisation, *, date_from: date | None = None, date_to: date | None = None,
                      filters=None) -> list[Table]:
    """The statistics of the complaints received in the period (and selected by the dashboard's
    `filters`, a `statistics.Filters`), in the active language."""
    filters = filters or Filters()
    period = export_period(organisation, date_from, date_to)
    data = overview(organisation, period, filters)
    d = data.deadlines
    summary = Table(_("Summary"), [_("Item"), _("Value")], [
        [_("From"), period.start], [_("To"), period.end], *filter_rows(organisation, filters),
        [_("Complaints received"), data.received], [_("Open"), data.open], [_("Closed"), data.closed],
        [_("Allegations"), data.allegations],
    ], [40, 16])
    outcomes = Table(
        _("Outcomes by category"),
        [_("Category"), *[str(OUTCOME_LABELS[o]) for o in OUTCOMES], _("Total")],
        [[row.label, *[row.counts[o] for o in OUTCOMES], row.total] for row in data.outcomes]
        + [[_("Total"), *[data.outcome_totals[o] for o in OUTCOMES], sum(data.outcome_totals.values())]],
        [36, *[14] * len(OUTCOMES), 10])
    deadlines = Table(_("Deadlines"), [_("Item"), _("Value")], [
        [_("Acknowledged on time"), d.first_action.on_time], [_("Acknowledged late"), d.first_action.late],
        [_("Acknowledgement deadline not reached yet"), d.first_action.pending],
        [_("Share acknowledged on time"), _rate(d.first_action.rate)],
        [_("Resolved on time"), d.resolution.on_time], [_("Resolved late"), d.resolution.late],
        [_("Resolution deadline not reached yet"), d.resolution.pending],
        [_("Share resolved on time"), _rate(d.resolution.rate)],
        [_("Overdue now"), d.overdue_now], [_("Resolved"), d.resolved],
        [_("Median days to resolve"), d.median_days], [_("90th percentile of days to resolve"), d.p90_days],
    ], [44, 14])
    trend = Table(_("Complaints by month"), [_("Month"), _("Complaints received"), _("The same days a year earlier")],
                  [[f"{p.start:%Y-%m}", p.complaints, p.previous] for p in data.trend], [12, 18, 24])
    return [
        summary,
        _rows(_("Complaints by status"), _("Status"), data.by_status),
        Table(_("Allegations by category"), [_("Category"), _("Allegations"), _("Complaints")],
              [[row.label, row.allegations, row.complaints] for row in data.by_category], [40, 14, 14]),
        outcomes,
        _rows(organisation.division_label, organisation.division_label, data.by_governorate),
        _rows(_("Places"), _("Place"), data.by_facility),
        _rows(_("Vulnerable groups"), _("Group"), data.by_vulnerability),
        _rows(_("Channels"), _("Channel"), data.by_channel),
        deadlines,
        trend,
    ]
