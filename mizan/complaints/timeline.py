"""Human sentences for timeline rows and notifications, in the reader's language.

Rows keep ids and codes (a unit's id, a category's code, an allegation's id, a login name); the
sentences say words: names and labels looked up when the rows are read — for a page of rows
once per kind of thing (`describe_all`), not once per row — and allegations by their number
within the case (1, 2, 3 in order of creation), never their database id.

A value whose direction may differ from the sentence's is isolated (FSI … PDI, the plain-text
`<bdi>`): what people wrote, and names and labels from the database (a unit, an officer, a place,
a category — kept per language, falling back to Arabic), so an Arabic name in an English sentence
cannot move its punctuation. Labels this module translates itself (status, urgency, channel) are
always in the sentence's language, and references are made by the platform (a Latin prefix, then
digits: left-to-right from their first letter), so neither can; they are left as they are. The
same text serves the desk, the complainant's tracking page and the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from mizan.accounts.models import Unit
from mizan.core import bulk
from mizan.core.templatetags.mizan import day, num, staff_name
from mizan.lib.textsafety import isolate

from .models import Allegation, Category, Channel, RoutingRule, TimelineEvent, Urgency
from .workflow import COMPLAINANT, SYSTEM, Status

# --- writing: the one place timeline rows are made -------------------------------------------------

def actor_kind(actor) -> str:
    """Who acted, as the timeline records it: the complainant, the system, or staff."""
    if actor == COMPLAINANT:
        return TimelineEvent.ActorKind.COMPLAINANT
    if actor in (SYSTEM, None):
        return TimelineEvent.ActorKind.SYSTEM
    return TimelineEvent.ActorKind.STAFF


def event(case, actor, kind: str, *, public: bool, data: dict | None = None, **fields) -> TimelineEvent:
    """A timeline row of `case`, not written yet (see `write`); its data is `data` and `fields`."""
    user = None if actor in (COMPLAINANT, SYSTEM, None) else actor
    return TimelineEvent(case=case, actor=user, actor_kind=actor_kind(actor), kind=kind, public=public,
                         data={**(data or {}), **fields})


def write(*events: TimelineEvent) -> None:
    """Write timeline rows (made by `event`) in one INSERT, in the caller's transaction. Every
    timeline row of the platform is written here: the domain functions, identity reveals and their
    requests, decided suggestions."""
    bulk.insert(list(events))


def record(case, actor, kind: str, *, public: bool, data: dict | None = None, **fields) -> TimelineEvent:
    """Make and write one timeline row."""
    row = event(case, actor, kind, public=public, data=data, **fields)
    write(row)
    return row

__all__ = ["DECISION_KINDS", "Names", "TimelineRow", "describe", "describe_all", "describe_notification"]

# Rows written when a person decides triage suggestions: one suggestion, or several at once.
DECISION_KINDS = ("suggestion_accepted", "suggestion_rejected", "suggestions_decided")
# What a suggestion proposes; the triage wing writes these codes into its decision rows.
SUGGESTION_KINDS = {
    "category": gettext_lazy("Category"),
    "urgency": gettext_lazy("Urgency"),
    "duplicate": gettext_lazy("Possible duplicate"),
    "related": gettext_lazy("Related case"),
}


def _arabic() -> bool:
    return (get_language() or "ar").startswith("ar")


def _join(items) -> str:
    return ("، " if _arabic() else ", ").join(items)


def _status(code: str) -> str:
    return str(Status(code).label) if code in Status.values else "—"


def _urgency(code) -> str:
    return str(Urgency(code).label) if code in Urgency.values else "—"


def _decisions(event) -> list[dict]:
    """The decisions a decision row records, each {"kind", "value", "accepted", ...}."""
    data = event.data or {}
    if event.kind == "suggestions_decided":
        return list(data.get("decisions", []))
    return [{**data, "accepted": event.kind == "suggestion_accepted"}]


class Names:
    """The names, labels and numbers a batch of timeline rows refers to, one query per kind.

    `allegations`: the case's allegations when the caller has them loaded (the case page does),
    so numbering them costs nothing; otherwise they are read for the cases of the rows.
    """

    def __init__(self, events, *, organisation=None, allegations=None):
        self._events = list(events)
        self._organisation = organisation
        codes, units, rules, logins, user_ids, cases = set(), set(), set(), set(), set(), set()
        for event in self._events:
            data = event.data or {}
            kind = event.kind
            if kind in ("allegation_added", "allegation_changed"):
                codes.add(data.get("category"))
                cases.add(event.case_id)
            elif kind == "categories_changed":
                codes.update(data.get("codes", []))
            elif kind in ("routed", "assigned"):
                if isinstance(data.get("unit"), int):
                    units.add(data["unit"])
                if isinstance(data.get("rule"), int):
                    rules.add(data["rule"])
                officer = data.get("officer")
                # Older rows name the officer by login, newer ones may by id: both are looked up.
                if isinstance(officer, int):
                    user_ids.add(officer)
                elif officer:
                    logins.add(str(officer))
            elif kind in DECISION_KINDS:
                codes.update(str(d.get("value")) for d in _decisions(event) if d.get("kind") == "category")
                if data.get("allegations"):
                    cases.add(event.case_id)
        codes.discard(None)
        self.categories = {c.code: c for c in Category.objects.filter(code__in=codes)} if codes else {}
        self.units = Unit.objects.in_bulk(units) if units else {}
        self.rules = (RoutingRule.objects.select_related("category", "governorate", "facility").in_bulk(rules)
                      if rules else {})
        self.users_by_login, self.users_by_id = {}, {}
        if logins or user_ids:
            for user in get_user_model().objects.filter(Q(username__in=logins) | Q(pk__in=user_ids)):
                self.users_by_login[user.get_username()] = user
                self.users_by_id[user.pk] = user
        self.allegation_numbers: dict[int, int] = {}
        if allegations is not None:
            ordered = sorted(allegations, key=lambda a: a.pk)
            self.allegation_numbers = {a.pk: n for n, a in enumerate(ordered, start=1)}
        elif cases:
            counters: dict[int, int] = {}
            for pk, case_id in Allegation.objects.filter(case_id__in=cases).order_by("pk").values_list("pk", "case_id"):
                counters[case_id] = counters.get(case_id, 0) + 1
                self.allegation_numbers[pk] = counters[case_id]

    @property
    def organisation(self):
        """For digits and dates as the organisation writes them; read only when a row needs it."""
        if self._organisation is None and self._events:
            self._organisation = self._events[0].case.organisation
        return self._organisation

    # --- words for one thing -------------------------------------------------------------------

    def category(self, code) -> str:
        category = self.categories.get(code)
        return isolate(category.label if category else _("a category no longer in use"))

    def unit(self, data: dict) -> str | None:
        unit = self.units.get(data.get("unit"))
        if unit is not None:
            return isolate(unit.name)
        return isolate(data["unit_name"]) if data.get("unit_name") else None

    def officer(self, value) -> str | None:
        if not value:
            return None
        user = self.users_by_id.get(value) if isinstance(value, int) else self.users_by_login.get(str(value))
        return isolate(staff_name(user) if user is not None else _("Staff member"))

    def rule(self, rule_id) -> str | None:
        rule = self.rules.get(rule_id)
        if rule is None:
            return None
        what = rule.category.label if rule.category_id else _("any category")
        if rule.facility_id:
            where = rule.facility.name
        elif rule.governorate_id:
            where = rule.governorate.name
        else:
            where = _("anywhere")
        return isolate(_join([what, where]))

    def allegation(self, pk) -> str | None:
        number = self.allegation_numbers.get(pk)
        return num(number, self.organisation) if number else None

    def number(self, value) -> str:
        return num(value, self.organisation)

    def day(self, iso) -> str:
        try:
            return day(date.fromisoformat(str(iso)), self.organisation)
        except ValueError:
            return "—"

    def decided(self, decision: dict) -> str:
        """One decided suggestion in a list: "Torture and ill-treatment", "urgency: Critical"."""
        kind, value = decision.get("kind"), str(decision.get("value", ""))
        if kind == "category":
            return self.category(value)
        if kind == "urgency":
            return _("urgency: %(level)s") % {"level": _urgency(value)}
        reference = decision.get("reference") or "—"
        if kind == "duplicate":
            return _("duplicate of %(reference)s") % {"reference": reference}
        return _("related to %(reference)s") % {"reference": reference}

    def allegation_list(self, pks) -> str:
        return _join(number for number in (self.allegation(pk) for pk in pks) if number)


# --- sentences -----------------------------------------------------------------------------------

def _decision_text(event, names: Names) -> str:
    data = event.data or {}
    added = [pk for pk in data.get("allegations", []) if names.allegation(pk)]
    if event.kind == "suggestions_decided":
        decisions = _decisions(event)
        accepted = _join(names.decided(d) for d in decisions if d.get("accepted"))
        rejected = _join(names.decided(d) for d in decisions if not d.get("accepted"))
        if accepted and rejected:
            text = _("Suggestions accepted: %(accepted)s; rejected: %(rejected)s.") % {
                "accepted": accepted, "rejected": rejected}
        elif accepted:
            text = _("Suggestions accepted: %(accepted)s.") % {"accepted": accepted}
        else:
            text = _("Suggestions rejected: %(rejected)s.") % {"rejected": rejected}
        if added:
            text += " " + ngettext("Allegation %(numbers)s added.", "Allegations %(numbers)s added.",
                                   len(added)) % {"numbers": names.allegation_list(added)}
        return text
    kind = data.get("kind")
    # The kind is named in the sentence, so the value stands alone ("(Urgency): Critical").
    if kind == "urgency":
        value = _urgency(str(data.get("value", "")))
    elif kind in ("duplicate", "related"):
        value = data.get("reference") or "—"
    else:
        value = names.decided(data)
    values = {"kind": SUGGESTION_KINDS.get(kind, _("Suggestion")), "value": value}
    if event.kind == "suggestion_rejected":
        return _("Suggestion rejected (%(kind)s): %(value)s.") % values
    if added:
        return _("Suggestion accepted (%(kind)s): %(value)s; allegation %(number)s added.") % {
            **values, "number": names.allegation(added[0])}
    return _("Suggestion accepted (%(kind)s): %(value)s.") % values


def _text(event, names: Names) -> str:  # noqa: C901 - one branch per kind of row, kept together
    d = event.data or {}
    kind = event.kind
    if kind == "submitted":
        channel = Channel(d["channel"]).label if d.get("channel") in Channel.values else Channel.WEB.label
        return _("Complaint received (channel: %(channel)s).") % {"channel": channel}
    if kind == "acknowledged":
        return _("Receipt acknowledged; reference %(reference)s issued.") % {"reference": d.get("reference", "")}
    if kind == "status":
        text = _("Status changed from “%(old)s” to “%(new)s”.") % {
            "old": _status(d.get("from")), "new": _status(d.get("to"))}
        if d.get("referred_to"):
            text += " " + _("Referred to: %(body)s, answer due %(due)s.") % {
                "body": isolate(d["referred_to"]), "due": names.day(d.get("referral_due", ""))}
        if d.get("waited_days"):
            text += " " + _("The clock was paused for %(days)s working days.") % {
                "days": names.number(d["waited_days"])}
        return text
    if kind == "routed":
        unit = names.unit(d) or "—"
        if d.get("rule"):
            rule = names.rule(d["rule"])
            if rule:
                return _("Routed to %(unit)s by the routing rule “%(rule)s”.") % {"unit": unit, "rule": rule}
            return _("Routed to %(unit)s by a routing rule.") % {"unit": unit}
        return _("Routed to %(unit)s (default unit: no rule matched).") % {"unit": unit}
    if kind == "assigned":
        return _("Assigned to %(unit)s / %(officer)s.") % {
            "unit": names.unit(d) or _("no unit"), "officer": names.officer(d.get("officer")) or _("no officer")}
    if kind == "message_out":
        return _("Message sent to the complainant.")
    if kind == "message_in":
        return _("The complainant sent a message.")
    if kind == "note":
        if d.get("duplicate"):
            return _("%(reference)s was marked as a duplicate of this case.") % {"reference": d["duplicate"]}
        return _("Internal note added.")
    if kind == "attachment":
        return _("File added: %(name)s.") % {"name": isolate(d.get("name", ""))}
    if kind in ("allegation_added", "allegation_changed"):
        number, category = names.allegation(d.get("id")), names.category(d.get("category"))
        if kind == "allegation_added":
            if number:
                return _("Allegation %(number)s added: %(category)s.") % {"number": number, "category": category}
            return _("Allegation added: %(category)s.") % {"category": category}
        if number:
            return _("Allegation %(number)s changed: %(category)s.") % {"number": number, "category": category}
        return _("Allegation changed: %(category)s.") % {"category": category}
    if kind == "categories_changed":
        if not d.get("codes"):
            return _("All categories removed.")
        return _("Categories changed: %(codes)s.") % {"codes": _join(names.category(c) for c in d["codes"])}
    if kind == "urgency_changed":
        return _("Urgency changed from %(old)s to %(new)s; deadlines recalculated.") % {
            "old": _urgency(d.get("from")), "new": _urgency(d.get("to"))}
    if kind == "duplicate_marked":
        return _("Marked as a duplicate of %(reference)s.") % {"reference": d.get("original", "")}
    if kind == "identity_revealed":
        return _("Identity of the persons involved was revealed (reason in the audit log).")
    if kind == "identity_reveal_requested":
        return _("Access to the identities was requested; waiting for a second person's approval.")
    if kind == "identity_reveal_approved":
        return _("The request to see the identities was approved.")
    if kind == "identity_reveal_refused":
        return _("The request to see the identities was refused.")
    if kind == "deadline_breached":
        label = _("first action") if d.get("deadline") == "first_action" else _("resolution")
        return _("Deadline passed: %(deadline)s was due on %(due)s.") % {
            "deadline": label, "due": names.day(d.get("due", ""))}
    if kind == "critical_review_overdue":
        hours = int(d.get("hours") or 0)
        return ngettext("The suggested critical urgency was not decided within %(hours)s hour; "
                        "the supervisors were alerted.",
                        "The suggested critical urgency was not decided within %(hours)s hours; "
                        "the supervisors were alerted.", hours) % {"hours": names.number(hours)}
    if kind in DECISION_KINDS:
        return _decision_text(event, names)
    # A kind written by newer code than this table: say that something happened, not its code.
    return _("Change recorded.")


@dataclass
class TimelineRow:
    event: object
    text: str


def describe(event, names: Names | None = None) -> str:
    """The sentence for one row (for many rows, `describe_all` looks the names up once)."""
    return _text(event, names or Names([event]))


def describe_all(events, *, organisation=None, allegations=None) -> list[TimelineRow]:
    """Sentences for `events` in their order, the names of all of them looked up together.

    A decision on suggestions restates the changes it made (the categories it added, the
    allegations it created): the rows of those changes, listed in its `folded`, are left out,
    so several decisions taken together read as one row.
    """
    events = list(events)
    folded = {pk for e in events if e.kind in DECISION_KINDS for pk in (e.data or {}).get("folded", [])}
    names = Names(events, organisation=organisation, allegations=allegations)
    return [TimelineRow(event=e, text=_text(e, names)) for e in events if e.pk not in folded]


def describe_notification(notification) -> str:
    d = notification.data
    ref = d.get("reference", "")
    if notification.kind == "new_case":
        return _("New complaint %(reference)s for your unit.") % {"reference": ref}
    if notification.kind == "assigned":
        return _("Complaint %(reference)s was assigned to you.") % {"reference": ref}
    if notification.kind == "message_in":
        return _("The complainant replied on %(reference)s.") % {"reference": ref}
    if notification.kind == "reveal_request":
        return _("A colleague asks to see the identities in %(reference)s; your approval is needed.") % {"reference": ref}
    if notification.kind == "reveal_decided":
        if d.get("approved"):
            return _("Your request to see the identities in %(reference)s was approved.") % {"reference": ref}
        return _("Your request to see the identities in %(reference)s was refused.") % {"reference": ref}
    if notification.kind == "deadline_breached":
        return _("Deadline passed on %(reference)s.") % {"reference": ref}
    return f"{notification.kind} {ref}"
