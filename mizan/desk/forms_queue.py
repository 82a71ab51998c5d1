"""Reading the desk's forms: queue filters from the URL, and the staff-entered complaint.

Plain functions over `request.GET` / `request.POST` rather than Django forms, because the
complaint itself is validated by `complaints.intake.clean_intake` (shared with the portal
and the API) and its errors are already a `{field: message}` dict.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mizan.complaints.models import Channel, Finding, Urgency, Vulnerability
from mizan.complaints.workflow import Status
from mizan.lib.digits import to_ascii_digits
from mizan.search import engine as search_engine

from .selectors import SORTS, URGENCY_FIRST_VIEWS, QueueChoices, QueueFilters

MAX_QUERY = 200
FILTER_PARAMS = ("status", "urgency", "category", "governorate", "facility", "unit", "officer",
                 "vulnerability", "from", "to", "channel", "outcome", "q", "sort",
                 # Not in the form: the complaints behind a figure (an indicator's drill-down).
                 "resolved_from", "resolved_to", "resolution", "acted", "alleged")
OUTCOMES = (*Finding.values, "pending")  # "pending": an allegation without a finding yet
RESOLUTIONS = ("on_time", "late")  # resolved on or before the resolution due date, or after it
ACTED = ("yes", "no")  # an officer's first action taken, or not yet


# --- queue filters ----------------------------------------------------------------------------

def filter_date(value: str) -> date | None:
    text = to_ascii_digits(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_filters(choices: QueueChoices, params) -> tuple[QueueFilters, list[str]]:
    """Clean the queue's GET parameters. Values that mean nothing here are dropped, each with a
    note for the page, so a stale bookmark or a hand-edited URL still shows a list."""
    notes: list[str] = []

    def ignored(label: str, value: str) -> None:
        notes.append(_("“%(value)s” is not a valid %(filter)s; that filter was ignored.") % {
            "value": value[:60], "filter": label})

    def one(name: str) -> str:
        return (params.get(name) or "").strip()

    statuses = []
    for value in params.getlist("status"):
        if value in Status.values:
            statuses.append(value)
        elif value:
            ignored(pgettext("queue filter name", "status"), value)

    urgency = one("urgency")
    if urgency and urgency not in Urgency.values:
        ignored(pgettext("queue filter name", "urgency"), urgency)
        urgency = ""

    category_ids: frozenset[int] = frozenset()
    code = one("category")
    if code:
        category = next((c for c in choices.categories if c.code == code), None)
        if category is None:
            ignored(pgettext("queue filter name", "category"), code)
        else:
            category_ids = choices.descendants(category.pk)

    def pick(name: str, label: str, items, key):
        value = one(name)
        if not value:
            return None
        found = next((item for item in items if str(key(item)) == value), None)
        if found is None:
            ignored(label, value)
        return found

    governorate = pick("governorate", pgettext("queue filter name", "governorate"), choices.governorates, lambda g: g.code)
    facility = pick("facility", pgettext("queue filter name", "place"), choices.facilities, lambda f: f.pk)
    unit = pick("unit", pgettext("queue filter name", "unit"), choices.units, lambda u: u.code)
    officer = pick("officer", pgettext("queue filter name", "officer"), choices.officers, lambda m: m.user.username)

    vulnerability = one("vulnerability")
    if vulnerability and vulnerability not in Vulnerability.values:
        ignored(pgettext("queue filter name", "group"), vulnerability)
        vulnerability = ""

    dates = {}
    for name in ("from", "to"):
        value = one(name)
        dates[name] = filter_date(value) if value else None
        if value and dates[name] is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        notes.append(_("The “received from” date is after the “received to” date, so no case can match."))

    channel = one("channel")
    if channel and channel not in Channel.values:
        ignored(pgettext("queue filter name", "channel"), channel)
        channel = ""

    outcome = one("outcome")
    if outcome and outcome not in OUTCOMES:
        ignored(pgettext("queue filter name", "outcome"), outcome)
        outcome = ""

    for name in ("resolved_from", "resolved_to"):
        value = one(name)
        dates[name] = filter_date(value) if value else None
        if value and dates[name] is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": value[:60]})
    resolution = one("resolution")
    if resolution and resolution not in RESOLUTIONS:
        ignored(pgettext("queue filter name", "resolution deadline"), resolution)
        resolution = ""
    acted = one("acted")
    if acted and acted not in ACTED:
        ignored(pgettext("queue filter name", "first action"), acted)
        acted = ""
    alleged_ids: frozenset[int] = frozenset()
    code = one("alleged")
    if code:
        category = next((c for c in choices.categories if c.code == code), None)
        if category is None:
            ignored(pgettext("queue filter name", "allegation"), code)
        else:
            alleged_ids = choices.descendants(category.pk)

    sort = one("sort") or "relevance"  # falls back to newest first without a search
    if sort not in SORTS:
        ignored(pgettext("queue filter name", "sort order"), sort)
        sort = "newest"

    filters = QueueFilters(
        statuses=tuple(dict.fromkeys(statuses)), urgency=urgency, category_ids=category_ids,
        governorate_id=governorate.pk if governorate else None, facility_id=facility.pk if facility else None,
        unit_id=unit.pk if unit else None, officer_id=officer.user_id if officer else None,
        vulnerability=vulnerability, received_from=dates["from"], received_to=dates["to"], channel=channel,
        outcome=outcome, q=one("q")[:MAX_QUERY], sort=sort, resolved_from=dates["resolved_from"],
        resolved_to=dates["resolved_to"], resolution=resolution, acted=acted, alleged_ids=alleged_ids,
    )
    return filters, notes


def tab_order(filters: QueueFilters, params, view: str) -> QueueFilters:
    """`filters` with the order of tab `view` when the address asks for none: the most urgent
    first in the tabs of work to pick up, unless words are searched (then the best match). An
    order asked for wins, even one that does not exist (`parse_filters` fell back to newest
    first and said so)."""
    if (params.get("sort") or "").strip() or view not in URGENCY_FIRST_VIEWS or search_engine.prepare(filters.q).active:
        return filters
    return replace(filters, sort="urgency")


def filter_values(params) -> dict:
    """What the filter form shows as chosen: the raw values, so a bad one is still visible."""
    values = {name: (params.get(name) or "").strip() for name in FILTER_PARAMS}
    values["status"] = params.getlist("status")
    return values


def has_filters(filters: QueueFilters) -> bool:
    return filters != QueueFilters(sort=filters.sort)


# --- staff-entered complaint -----------------------------------------------------------------------

IDENTITY_FIELDS = ("name", "national_id", "phone", "email", "address")
TEXT_FIELDS = ("narrative", "language", "relation", "victim_label", "victim_name", "incident_date", "governorate",
               "facility", "place_details", "urgency", "channel", "received_date")


def new_case_initial() -> dict:
    return {
        "narrative": "", "language": "ar", "relation": "self", "victim_label": "", "victim_name": "",
        "incident_date": "", "governorate": "", "facility": "", "place_details": "", "urgency": "",
        "channel": "", "received_date": timezone.localdate().isoformat(), "anonymous": False,
        "identity_consent": False, "complainant": dict.fromkeys(IDENTITY_FIELDS, ""),
        "categories": [], "vulnerabilities": [],
    }


def new_case_values(post) -> dict:
    """Everything the staff member typed, to re-render the form unchanged after an error."""
    values = {name: post.get(name, "") for name in TEXT_FIELDS}
    values["anonymous"] = bool(post.get("anonymous"))
    values["identity_consent"] = bool(post.get("identity_consent"))
    values["complainant"] = {f: post.get(f"complainant.{f}", "") for f in IDENTITY_FIELDS}
    values["categories"] = post.getlist("categories")
    values["vulnerabilities"] = post.getlist("vulnerabilities")
    return values


def new_case_raw(values: dict) -> dict:
    """The staff form's values as `complaints.intake.receive` takes them (channel STAFF)."""
    raw = {name: values[name] for name in TEXT_FIELDS}
    raw.update(anonymous=values["anonymous"], identity_consent=values["identity_consent"],
               complainant=values["complainant"], categories=values["categories"],
               vulnerabilities=values["vulnerabilities"])
    return raw
