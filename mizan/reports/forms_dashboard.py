"""Reading the dashboard's filters from the URL (GET), so that every view can be bookmarked.

The names are the desk queue's (`from`, `to`, `governorate`, `facility`, `category`,
`vulnerability`, `channel`), so a dashboard URL and the case list behind one of its numbers
share their parameters. A value that means nothing here is dropped with a note for the page.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mizan.complaints.models import Channel, Vulnerability
from mizan.lib.digits import to_ascii_digits

from .statistics import Filters, Labels, Period

PARAMS = ("from", "to", "governorate", "facility", "category", "vulnerability", "channel")
MAX_DAYS = 10 * 366  # the trend lists every month: ten years at most


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(to_ascii_digits(value).strip())
    except ValueError:
        return None


def presets(today: date) -> dict[str, Period]:
    """Periods offered as one-click links."""
    return {
        "last_12_months": Period.last_months(today, 12),
        "this_year": Period(date(today.year, 1, 1), today),
        "last_year": Period.year(today.year - 1),
    }


def parse(params, labels: Labels, today: date) -> tuple[Period, Filters, list[str]]:
    """(period, filters, notes) from the query string; the default period is the last 12 months."""
    notes: list[str] = []

    def one(name: str) -> str:
        return (params.get(name) or "").strip()[:100]

    def ignored(label: str, value: str) -> None:
        notes.append(_("“%(value)s” is not a valid %(filter)s; that filter was ignored.") % {
            "value": value[:60], "filter": label})

    default = Period.last_months(today)
    start, end = default.start, default.end
    for name in ("from", "to"):
        value = one(name)
        if not value:
            continue
        day = _date(value)
        if day is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
        elif name == "from":
            start = day
        else:
            end = day
    if start > end:
        notes.append(_("The period ends before it starts; the last 12 months are shown instead."))
        start, end = default.start, default.end
    elif (end - start).days > MAX_DAYS:
        notes.append(_("A period can cover at most ten years; the last ten years of it are shown."))
        start = date(end.year - 10, end.month, 1)

    governorate = one("governorate")
    if governorate and not any(g.code == governorate for g in labels.governorates.values()):
        ignored(pgettext("queue filter name", "governorate"), governorate)
        governorate = ""
    facility = None
    raw_facility = one("facility")
    if raw_facility:
        digits = to_ascii_digits(raw_facility)
        if digits.isdigit() and int(digits) in labels.facilities:
            facility = int(digits)
        else:
            ignored(pgettext("queue filter name", "place"), raw_facility)
    category = one("category")
    if category and not any(c.code == category for c in labels.categories.values()):
        ignored(pgettext("queue filter name", "category"), category)
        category = ""
    vulnerability = one("vulnerability")
    if vulnerability and vulnerability not in Vulnerability.values:
        ignored(pgettext("queue filter name", "group"), vulnerability)
        vulnerability = ""
    channel = one("channel")
    if channel and channel not in Channel.values:
        ignored(pgettext("queue filter name", "channel"), channel)
        channel = ""
    filters = Filters(governorate=governorate, facility=facility, category=category, vulnerability=vulnerability,
                      channel=channel)
    return Period(start, end), filters, notes
