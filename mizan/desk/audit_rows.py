"""The audit log's rows as people read them: the details in words, not ids and codes.

Audit rows keep ids (a unit's, an officer's, an allegation's) and codes, as they were written and
sealed into the chain; this page says them as names, labels and allegation numbers, looked up
once per kind of thing for the whole page (not per row). A value that names nothing any more
(deleted, or of another organisation) reads "—"; keys this module does not know are shown as
they were stored, so an auditor never loses a detail.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _

from mizan.accounts.models import Unit
from mizan.audit.labels import target_names
from mizan.complaints import workflow
from mizan.complaints.models import Allegation, Attachment, Case, Category, Channel, Person, Urgency
from mizan.complaints.timeline import SUGGESTION_KINDS
from mizan.core.templatetags.mizan import day, num, staff_name
from mizan.triage.panel import source_label

__all__ = ["audit_rows"]

KEY_LABELS = {
    "allegation": gettext_lazy("Allegation"),
    "anonymous": gettext_lazy("Anonymous"),
    "attachment": gettext_lazy("File"),
    "case": gettext_lazy("Case"),
    "category": gettext_lazy("Category"),
    "channel": gettext_lazy("Channel"),
    "codes": gettext_lazy("Categories"),
    "deadline": gettext_lazy("Deadline"),
    "from": pgettext_lazy("a change", "From"),
    "hours": gettext_lazy("Review time (hours)"),
    "kind": gettext_lazy("Suggestion"),
    "officer": gettext_lazy("Officer"),
    "original": gettext_lazy("Original case"),
    "persons": gettext_lazy("Persons involved"),
    "reason": gettext_lazy("Reason"),
    "requested_by": gettext_lazy("Requested by"),
    "requester": gettext_lazy("Requested by"),
    "since": gettext_lazy("Waiting since"),
    "source": gettext_lazy("Source"),
    "to": pgettext_lazy("a change", "To"),
    "transition": gettext_lazy("Step"),
    "unit": gettext_lazy("Unit"),
    "value": gettext_lazy("Proposed"),
}
USER_KEYS = ("officer", "requester", "requested_by")
CASE_KEYS = ("original", "case")
# Ids with nothing more to say than the row already does (the action names the message, the
# suggestion's kind and value follow, a reveal request is the reveal's own row).
SILENT_KEYS = ("message", "suggestion", "request")


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else (
        int(value) if isinstance(value, str) and value.isdigit() else None)


class _Lookups:
    """Everything the page's rows name, one query per kind of thing."""

    def __init__(self, organisation, events):
        want: dict[str, set] = {k: set() for k in ("user", "unit", "code", "allegation", "case", "attachment",
                                                   "person")}
        for event in events:
            data = event.data if isinstance(event.data, dict) else {}
            for key, value in data.items():
                if key in USER_KEYS:
                    want["user"].add(_int(value))
                elif key == "unit":
                    want["unit"].add(_int(value))
                elif key == "category" or (key == "value" and data.get("kind") == "category"):
                    want["code"].add(str(value))
                elif key == "codes" and isinstance(value, list):
                    want["code"].update(str(v) for v in value)
                elif key == "allegation":
                    want["allegation"].add(_int(value))
                elif key in CASE_KEYS:
                    want["case"].add(_int(value))
                elif key == "attachment":
                    want["attachment"].add(_int(value))
                elif key == "persons" and isinstance(value, list):
                    want["person"].update(_int(v) for v in value)
            if event.target_type == "user":
                want["user"].add(_int(event.target_id))
            elif event.target_type == "attachment":
                want["attachment"].add(_int(event.target_id))
        for values in want.values():
            values.discard(None)
        org = organisation
        self.organisation = org
        self.users = get_user_model().objects.filter(membership__organisation=org).in_bulk(want["user"]) \
            if want["user"] else {}
        self.units = Unit.objects.filter(organisation=org).in_bulk(want["unit"]) if want["unit"] else {}
        self.categories = {c.code: c for c in Category.objects.filter(code__in=want["code"])} if want["code"] else {}
        self.cases = dict(Case.objects.filter(organisation=org, pk__in=want["case"]).values_list("pk", "reference")) \
            if want["case"] else {}
        self.attachments = dict(Attachment.objects.filter(case__organisation=org, pk__in=want["attachment"])
                                .values_list("pk", "original_name")) if want["attachment"] else {}
        self.persons = dict(Person.objects.filter(case__organisation=org, pk__in=want["person"])
                            .values_list("pk", "role")) if want["person"] else {}
        # An allegation's number is its place among its case's allegations in order of creation.
        self.allegations: dict[int, int] = {}
        if want["allegation"]:
            cases = Allegation.objects.filter(pk__in=want["allegation"], case__organisation=org).values("case_id")
            counters: dict[int, int] = {}
            for pk, case_id in Allegation.objects.filter(case_id__in=cases).order_by("pk").values_list("pk", "case_id"):
                counters[case_id] = counters.get(case_id, 0) + 1
                self.allegations[pk] = counters[case_id]

    def user(self, value) -> str:
        user = self.users.get(_int(value))
        return staff_name(user) if user is not None else "—"

    def category(self, code) -> str:
        category = self.categories.get(str(code))
        return category.label if category else "—"


def _join(items) -> str:
    return ("، " if (get_language() or "ar").startswith("ar") else ", ").join(items)


def _yes_no(value) -> str:
    return _("Yes") if value else _("No")


def _value(key: str, value, data: dict, action: str, names: _Lookups) -> str:  # noqa: C901 - one branch per key
    if value in (None, "", []):
        return "—"
    if key in USER_KEYS:
        return names.user(value)
    if key == "unit":
        unit = names.units.get(_int(value))
        return unit.name if unit else "—"
    if key == "category":
        return names.category(value)
    if key == "codes":
        return _join(names.category(code) for code in value) if isinstance(value, list) else str(value)
    if key == "allegation":
        number = names.allegations.get(_int(value))
        return _("Allegation %(number)s") % {"number": num(number, names.organisation)} if number else "—"
    if key in CASE_KEYS:
        return names.cases.get(_int(value), "—")
    if key == "attachment":
        return names.attachments.get(_int(value), "—")
    if key == "persons":
        roles = [names.persons.get(_int(pk)) for pk in value] if isinstance(value, list) else []
        return _join(str(Person.Role(role).label) for role in roles if role in Person.Role.values) or "—"
    if key == "transition":
        step = workflow.by_name(str(value))
        return str(step.label) if step else str(value)
    if key in ("from", "to") and action == "case.transition":
        return str(workflow.Status(value).label) if value in workflow.Status.values else str(value)
    if key in ("from", "to") and action == "case.urgency":
        return str(Urgency(value).label) if value in Urgency.values else str(value)
    if key == "channel":
        return str(Channel(value).label) if value in Channel.values else str(value)
    if key == "since":
        try:
            moment = timezone.localtime(datetime.fromisoformat(str(value)))
        except ValueError:
            return str(value)
        return f"{day(moment, names.organisation)} {moment:%H:%M}"
    if key == "hours" and isinstance(value, int):
        return num(value, names.organisation)
    if key == "deadline":
        return _("first action") if value == "first_action" else _("resolution")
    if key == "kind" and action.startswith("triage."):
        return str(SUGGESTION_KINDS.get(value, value))
    if key == "value" and action.startswith("triage."):
        kind = data.get("kind")
        if kind == "category":
            return names.category(value)
        if kind == "urgency":
            return str(Urgency(value).label) if value in Urgency.values else str(value)
        return data.get("reference") or "—"
    if key == "source" and action.startswith("triage."):
        return source_label(str(value))
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _details(event, names: _Lookups) -> list[tuple[str, str]]:
    data = event.data
    if not isinstance(data, dict):
        return [("", str(data))]
    pairs = []
    for key, value in sorted(data.items()):
        if key in SILENT_KEYS or (key == "reference" and event.action.startswith("triage.")):
            continue  # a triage row's reference is said as its proposed value
        pairs.append((str(KEY_LABELS.get(key, key)), _value(key, value, data, event.action, names)))
    return pairs


def _target(event, names: _Lookups, registered: dict) -> str:
    """What a row acted on, when it is not a case (the template links cases by reference)."""
    if event.target_type == "user":
        return names.user(event.target_id)
    if event.target_type == "attachment":
        return names.attachments.get(_int(event.target_id), "—")
    return registered.get((event.target_type, event.target_id), "")


def audit_rows(organisation, events, *, references: dict, action_labels: dict, actor_labels: dict) -> list[dict]:
    """The rows of the audit page for `events` (one page), in their order."""
    events = list(events)
    names = _Lookups(organisation, events)
    registered = target_names(organisation, ((e.target_type, e.target_id) for e in events))
    return [{
        "event": e,
        "action_label": action_labels.get(e.action, e.action),
        "actor_label": actor_labels.get(e.actor_label, e.actor_label),
        "reference": (references.get(e.target_id) if e.target_type == "case"
                      else names.cases.get(_int((e.data or {}).get("case"))) if e.target_type == "attachment" else None),
        "target": _target(e, names, registered),
        "data": _details(e, names),
    } for e in events]
