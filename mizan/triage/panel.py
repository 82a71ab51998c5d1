"""What the "Suggestions" panel of the case page shows, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import membership_of
from mizan.complaints.access import can
from mizan.complaints.models import Case, Category, Urgency

from .lexicon import urgency_label
from .models import Suggestion

__all__ = ["LINK_REASONS", "TriagePanel", "source_label", "triage_panel"]

LINK_REASONS = {
    "near_duplicate": _("Almost the same narrative"),
    "same_national_id": _("Same national ID number of a person involved"),
    "same_phone": _("Same phone number of a person involved"),
    "same_facility_date": _("Same place, incident within three days"),
}
DECIDED_SHOWN = 10
URGENT = (Urgency.CRITICAL, Urgency.HIGH)


def source_label(source: str) -> str:
    """Where a category or urgency suggestion comes from, so officers know what to trust."""
    if source.startswith("model:"):
        return str(_("model trained on this organisation's decisions"))
    return str(_("word list"))


@dataclass
class Row:
    suggestion: Suggestion
    label: str = ""
    triggers: list[str] = field(default_factory=list)
    reasons: list[dict] = field(default_factory=list)  # {"label": ..., "triggers": [...]}
    other: Case | None = None
    can_accept: bool = False
    # A category accepted on an open case can bring its allegation with it (one click).
    can_add_allegation: bool = False
    source: str = ""
    chosen: str = ""  # what the batch form said about it, when that form is shown again


@dataclass
class TriagePanel:
    case: Case
    can_decide: bool
    categories: list[Row]
    urgency: Row | None
    links: list[Row]
    decided: list[Row]

    @property
    def empty(self) -> bool:
        return not (self.categories or self.urgency or self.links or self.decided)

    @property
    def pending(self) -> bool:
        return bool(self.categories or self.urgency or self.links)

    @property
    def undecided(self) -> list[Row]:
        """Every suggestion waiting for a decision, in the panel's order (the batch form)."""
        return [*([self.urgency] if self.urgency else []), *self.categories, *self.links]

    @property
    def urgent(self) -> Row | None:
        """A pending critical or high urgency: shown at the head of the case, not only here."""
        if self.urgency and self.urgency.suggestion.value in URGENT:
            return self.urgency
        return None


def _label(suggestion: Suggestion, categories: dict, others: dict) -> str:
    if suggestion.kind == Suggestion.Kind.CATEGORY:
        category = categories.get(suggestion.value)
        return category.label if category else suggestion.value
    if suggestion.kind == Suggestion.Kind.URGENCY:
        return str(Urgency(suggestion.value).label) if suggestion.value in Urgency.values else suggestion.value
    other = others.get(int(suggestion.value)) if suggestion.value.isdigit() else None
    return other.reference if other else suggestion.reasons.get("reference", suggestion.value)


def triage_panel(user, case: Case) -> TriagePanel | None:
    """The panel for `user` on `case`; None for a user who may not see the case."""
    member = membership_of(user)
    if member is None or member.organisation_id != case.organisation_id or not can(user, "view_case"):
        return None
    can_decide = can(user, "edit_case")
    can_link = can(user, "mark_duplicate")
    suggestions = list(
        Suggestion.objects.filter(case=case).exclude(status=Suggestion.Status.SUPERSEDED).select_related("decided_by")
    )
    codes = {s.value for s in suggestions if s.kind == Suggestion.Kind.CATEGORY}
    categories = {c.code: c for c in Category.objects.filter(code__in=codes)} if codes else {}
    other_ids = {int(s.value) for s in suggestions
                 if s.kind in (Suggestion.Kind.DUPLICATE, Suggestion.Kind.RELATED) and s.value.isdigit()}
    others = Case.objects.filter(pk__in=other_ids, organisation_id=case.organisation_id).in_bulk() if other_ids else {}

    panel = TriagePanel(case=case, can_decide=can_decide, categories=[], urgency=None, links=[], decided=[])
    for suggestion in suggestions:
        row = Row(suggestion=suggestion, label=_label(suggestion, categories, others))
        reasons = suggestion.reasons or {}
        if not suggestion.is_pending:
            panel.decided.append(row)
            continue
        row.can_accept = can_decide
        row.source = source_label(suggestion.source)
        if suggestion.kind == Suggestion.Kind.CATEGORY:
            row.triggers = list(reasons.get("triggers", []))
            row.can_add_allegation = can_decide and case.is_open
            panel.categories.append(row)
        elif suggestion.kind == Suggestion.Kind.URGENCY:
            row.reasons = [{"label": urgency_label(s.get("code", "")), "triggers": s.get("triggers", [])}
                           for s in reasons.get("signals", [])]
            panel.urgency = row
        else:
            row.other = others.get(int(suggestion.value)) if suggestion.value.isdigit() else None
            if row.other is None:
                continue  # the other case is gone: nothing to look at or decide
            row.reasons = [{
                "label": LINK_REASONS.get(link.get("reason"), link.get("reason")), "triggers": [],
                # Only the narrative comparison has a meaningful degree; identity and place match or not.
                "share": link.get("score", 0) if link.get("reason") == "near_duplicate" else None,
            } for link in reasons.get("links", [])]
            row.can_accept = can_decide and (suggestion.kind == Suggestion.Kind.RELATED or can_link)
            panel.links.append(row)
    panel.categories.sort(key=lambda r: (-r.suggestion.confidence, r.suggestion.value))
    panel.links.sort(key=lambda r: (r.suggestion.kind != Suggestion.Kind.DUPLICATE, -r.suggestion.confidence))
    panel.decided.sort(key=lambda r: r.suggestion.decided_at, reverse=True)
    panel.decided = panel.decided[:DECIDED_SHOWN]
    return panel
