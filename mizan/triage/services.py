"""Domain function of the triage wing: a person accepts or rejects a suggestion.

Accepting acts through the complaints domain functions (set_categories — which re-routes —,
set_urgency, mark_duplicate), so their permission checks, timeline and audit rows apply as for
any other change. Rejecting changes nothing on the case. Either way the decision (who, when) is
kept on the suggestion, with an internal timeline row and an audit row.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import membership_of
from mizan.audit.models import record
from mizan.complaints import services as case_services
from mizan.complaints.access import can
from mizan.complaints.errors import Conflict, NotAllowed
from mizan.complaints.models import Case, Category, TimelineEvent

from .models import Suggestion

__all__ = ["decide_suggestion"]


def _stale() -> Conflict:
    return Conflict(_("Someone else changed this case while you were working on it. "
                      "Reload the page to see the latest version, then try again."), code="stale")


def _apply(*, actor, case: Case, suggestion: Suggestion, expected_version: int | None) -> None:
    kind, value = suggestion.kind, suggestion.value
    if kind == Suggestion.Kind.CATEGORY:
        category = Category.objects.filter(code=value, parent__isnull=True).first()
        if category is None:
            raise Conflict(_("This category no longer exists."), code="gone")
        current = [cc.category for cc in case.case_categories.select_related("category")]
        if category not in current:
            case_services.set_categories(actor=actor, case=case, categories=[*current, category],
                                         expected_version=expected_version)
    elif kind == Suggestion.Kind.URGENCY:
        case_services.set_urgency(actor=actor, case=case, urgency=value, expected_version=expected_version)
    elif kind == Suggestion.Kind.DUPLICATE:
        original = Case.objects.filter(pk=int(value), organisation_id=case.organisation_id).first()
        if original is None:
            raise Conflict(_("The other case is no longer available."), code="gone")
        case_services.mark_duplicate(actor=actor, case=case, original=original, expected_version=expected_version)
    # An accepted "related" link is a record for the officers; the case itself does not change.


def decide_suggestion(*, actor, suggestion: Suggestion, accept: bool, expected_version: int | None = None) -> Suggestion:
    """Accept or reject one pending suggestion.

    Raises NotAllowed for a user without `edit_case` in the case's organisation (and, through
    `mark_duplicate`, for accepting a duplicate without that permission), Conflict when the
    suggestion was already decided or superseded, or — for an accept — when the case changed
    since `expected_version`. Side effects: what the accepted suggestion asks (see module
    docstring); status, decided_by, decided_at; internal timeline row "suggestion_accepted" or
    "suggestion_rejected"; audit `triage.accept` / `triage.reject`.
    """
    case = suggestion.case
    member = membership_of(actor)
    if member is None or member.organisation_id != case.organisation_id or not can(actor, "edit_case"):
        raise NotAllowed(_("You are not allowed to do this."))
    with transaction.atomic():
        locked = Case.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=case.pk)
        if accept and expected_version is not None and locked.version != expected_version:
            raise _stale()
        current = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        if current.status != Suggestion.Status.PENDING:
            raise Conflict(_("This suggestion was already decided or is no longer made."), code="decided")
        if accept:
            _apply(actor=actor, case=locked, suggestion=current, expected_version=expected_version)
        current.status = Suggestion.Status.ACCEPTED if accept else Suggestion.Status.REJECTED
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
        data = {"suggestion": current.pk, "kind": current.kind, "value": current.value, "source": current.source}
        if current.kind in (Suggestion.Kind.DUPLICATE, Suggestion.Kind.RELATED):
            data["reference"] = (current.reasons or {}).get("reference", "")
        TimelineEvent.objects.create(
            case=locked, actor=actor, actor_kind=TimelineEvent.ActorKind.STAFF, public=False,
            kind="suggestion_accepted" if accept else "suggestion_rejected", data=data,
        )
        record(action="triage.accept" if accept else "triage.reject", organisation=locked.organisation,
               actor=actor, actor_label="staff", target=locked, data=data)
    return current
