"""Human sentences for timeline rows and notifications, in the reader's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mizan.lib.textsafety import isolate

from .models import Channel, Urgency
from .workflow import Status


def _status(code: str) -> str:
    try:
        return str(Status(code).label)
    except ValueError:
        return code


def _unit_name(d: dict) -> str:
    from mizan.accounts.models import Unit

    unit = Unit.objects.filter(pk=d.get("unit")).first() if d.get("unit") else None
    return unit.name if unit else (d.get("unit_name") or "—")


def _urgency(code) -> str:
    try:
        return str(Urgency(code).label)
    except ValueError:
        return str(code or "—")


def _arabic() -> bool:
    return (get_language() or "ar").startswith("ar")


def _category_labels(codes) -> list[str]:
    from .models import Category

    labels = {c.code: c.label for c in Category.objects.filter(code__in=list(codes))}
    return [labels.get(code, code) for code in codes]


def describe(event) -> str:
    d = event.data
    kind = event.kind
    if kind == "submitted":
        return _("Complaint received (channel: %(channel)s).") % {"channel": Channel(d.get("channel", "web")).label}
    if kind == "acknowledged":
        return _("Receipt acknowledged; reference %(reference)s issued.") % {"reference": d.get("reference", "")}
    if kind == "status":
        text = _("Status changed from “%(old)s” to “%(new)s”.") % {"old": _status(d["from"]), "new": _status(d["to"])}
        if d.get("referred_to"):
            text += " " + _("Referred to: %(body)s, answer due %(due)s.") % {
                "body": isolate(d["referred_to"]), "due": d.get("referral_due", "")}
        if d.get("waited_days"):
            text += " " + _("The clock was paused for %(days)s working days.") % {"days": d["waited_days"]}
        return text
    if kind == "routed":
        if d.get("rule"):
            return _("Routed to %(unit)s by routing rule #%(rule)s.") % {"unit": _unit_name(d), "rule": d["rule"]}
        return _("Routed to %(unit)s (default unit: no rule matched).") % {"unit": _unit_name(d)}
    if kind == "assigned":
        return _("Assigned to %(unit)s / %(officer)s.") % {
            "unit": _unit_name(d), "officer": isolate(d["officer"]) if d.get("officer") else _("no officer")}
    if kind == "message_out":
        return _("Message sent to the complainant.")
    if kind == "message_in":
        return _("The complainant sent a message.")
    if kind == "note":
        return _("Internal note added.")
    if kind == "attachment":
        # User-given names sit inside a system sentence: isolated, so they cannot reorder it.
        return _("File added: %(name)s.") % {"name": isolate(d.get("name", ""))}
    if kind == "allegation_added":
        return _("Allegation added: %(category)s.") % {"category": d.get("category", "")}
    if kind == "allegation_changed":
        return _("Allegation #%(id)s changed.") % {"id": d.get("id", "")}
    if kind == "categories_changed":
        separator = "، " if _arabic() else ", "
        return _("Categories changed: %(codes)s.") % {"codes": separator.join(_category_labels(d.get("codes", [])))}
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
        return _("Deadline passed: %(deadline)s was due on %(due)s.") % {"deadline": label, "due": d.get("due", "")}
    if kind in ("suggestion_accepted", "suggestion_rejected"):
        from mizan.triage.timeline import describe_decision

        return describe_decision(event)
    return kind


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
