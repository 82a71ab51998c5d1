"""The queue's active filters as removable chips, and which filters sit behind "More filters".

A chip reads as words (the category's label, the governorate's name, the officer's full name),
never as the code or id the address carries, and links to the same list without that one filter.
Only filters that apply get a chip: a value the queue ignored is already explained by a note
above the list, and "Clear filters" removes it with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext

from mizan.complaints.caselist import MAX_QUERY, QueueChoices, filter_date
from mizan.complaints.models import Channel, Finding, Urgency, Vulnerability
from mizan.complaints.workflow import Status
from mizan.core.templatetags.mizan import day, staff_name

# The bar shows the search box and the three filters officers change most while working a tab
# (which state, how urgent, what kind of violation: status, urgency, category). Who holds a case
# and how late it is are what the tabs already sort out, so the rest waits behind "More filters".
MORE_FILTERS = ("governorate", "facility", "unit", "officer", "vulnerability", "channel", "outcome", "from", "to")


@dataclass(frozen=True)
class Chip:
    name: str  # what is filtered: "Urgency"
    value: str  # the value in words: "Critical"
    remove_url: str  # this list without that filter


def more_filters_active(values: dict) -> bool:
    """Whether "More filters" opens on arrival: one of its filters has a value, even one the
    queue ignored, so the person sees what they asked for."""
    return any(values.get(name) for name in MORE_FILTERS)


def _url(params) -> str:
    query = params.urlencode()
    return reverse("desk:queue") + (f"?{query}" if query else "")


def clear_url(params, view: str) -> str:
    """The tab without any filter, in the same order."""
    kept = QueryDict(mutable=True)
    kept["view"] = view
    if params.get("sort"):
        kept["sort"] = params.get("sort")
    return _url(kept)


def _without(params, view: str, name: str, value: str | None = None) -> str:
    rest = params.copy()
    rest.pop("page", None)  # the list changes: start again at its first page
    rest.setlist("view", [view])
    if value is None:
        rest.pop(name, None)
    else:
        rest.setlist(name, [v for v in rest.getlist(name) if v != value])
    return _url(rest)


def _find(items, value: str, key):
    return next((item for item in items if str(key(item)) == value), None)


def queue_chips(params, choices: QueueChoices, organisation, view: str) -> list[Chip]:
    """One chip per filter the queue applied (one per status: each is removed on its own), in
    the order of the form, from the request's GET parameters."""
    chips: list[Chip] = []

    def one(name: str) -> str:
        return (params.get(name) or "").strip()

    def add(name: str, label: str, words, value: str | None = None):
        if words:
            chips.append(Chip(str(label), str(words), _without(params, view, name, value)))

    q = one("q")[:MAX_QUERY]
    add("q", gettext("Search"), q)
    statuses = dict(Status.choices)
    for value in dict.fromkeys(params.getlist("status")):
        add("status", gettext("Status"), statuses.get(value), value)
    add("urgency", gettext("Urgency"), dict(Urgency.choices).get(one("urgency")))
    category = _find(choices.categories, one("category"), lambda c: c.code) if one("category") else None
    add("category", gettext("Category"), category and category.label)
    governorate = _find(choices.governorates, one("governorate"), lambda g: g.code) if one("governorate") else None
    add("governorate", organisation.division_label, governorate and governorate.name)
    facility = _find(choices.facilities, one("facility"), lambda f: f.pk) if one("facility") else None
    add("facility", gettext("Place"), facility and facility.name)
    unit = _find(choices.units, one("unit"), lambda u: u.code) if one("unit") else None
    add("unit", gettext("Unit"), unit and unit.name)
    officer = _find(choices.officers, one("officer"), lambda m: m.user.username) if one("officer") else None
    add("officer", gettext("Officer"), officer and staff_name(officer.user))
    add("vulnerability", gettext("Group at risk"), dict(Vulnerability.choices).get(one("vulnerability")))
    add("channel", gettext("Channel"), dict(Channel.choices).get(one("channel")))
    outcomes = {**dict(Finding.choices), "pending": gettext("No finding yet")}
    add("outcome", gettext("Finding"), outcomes.get(one("outcome")))
    for name, label in (("from", gettext("Received from")), ("to", gettext("Received to"))):
        when = filter_date(one(name)) if one(name) else None
        add(name, label, when and day(when, organisation))
    # The complaints behind an indicator's figure (no field in the form: shown, and removable).
    for name, label in (("resolved_from", gettext("Resolved from")), ("resolved_to", gettext("Resolved to"))):
        when = filter_date(one(name)) if one(name) else None
        add(name, label, when and day(when, organisation))
    add("resolution", gettext("Resolution deadline"),
        {"on_time": gettext("Met"), "late": gettext("Missed")}.get(one("resolution")))
    add("acted", gettext("First action"),
        {"yes": gettext("Taken"), "no": gettext("Not taken yet")}.get(one("acted")))
    alleged = _find(choices.categories, one("alleged"), lambda c: c.code) if one("alleged") else None
    add("alleged", gettext("Allegation"), alleged and alleged.label)
    return chips


def chosen_statuses(values: dict) -> list[str]:
    """The names of the states the status filter holds, for its closed summary."""
    labels = dict(Status.choices)
    return [str(labels[v]) for v in dict.fromkeys(values.get("status") or []) if v in labels]
