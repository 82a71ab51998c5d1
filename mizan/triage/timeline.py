"""Sentences for the timeline rows written when a person decides a suggestion.

`complaints.timeline.describe` knows the complaints wing's own kinds; for "suggestion_accepted"
and "suggestion_rejected" it should hand over to `describe_decision`.
"""

from django.utils.translation import gettext as _

from mizan.complaints.models import Category, Urgency

from .models import Suggestion

__all__ = ["DECISION_KINDS", "describe_decision"]

DECISION_KINDS = ("suggestion_accepted", "suggestion_rejected")


def _value(data: dict) -> str:
    kind, value = data.get("kind"), str(data.get("value", ""))
    if kind == Suggestion.Kind.CATEGORY:
        category = Category.objects.filter(code=value).first()
        return category.label if category else value
    if kind == Suggestion.Kind.URGENCY:
        return str(Urgency(value).label) if value in Urgency.values else value
    return data.get("reference") or value


def describe_decision(event) -> str:
    data = event.data
    kind = data.get("kind")
    what = str(Suggestion.Kind(kind).label) if kind in Suggestion.Kind.values else str(kind)
    if event.kind == "suggestion_accepted":
        return _("Suggestion accepted (%(kind)s): %(value)s.") % {"kind": what, "value": _value(data)}
    return _("Suggestion rejected (%(kind)s): %(value)s.") % {"kind": what, "value": _value(data)}
