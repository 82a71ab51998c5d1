"""Revealing an identity (`reveal_identity`: decrypted for a permitted user who writes a reason),
with a second person's approval where the organisation wants one (its custodian setting).

When `Organisation.identity_reveal_needs_approval` is on, a user with the right to reveal first
asks (`request_reveal`, with a reason); a supervisor or organisation admin of the same
organisation, never the requester, approves or refuses with their own reason (`decide_reveal`);
an approval lets the requester reveal once (`reveal_identity` consumes it) within
`MIZAN_REVEAL_APPROVAL_HOURS`. Every step is an audit row and an internal timeline row.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from mizan.accounts.models import membership_of
from mizan.audit.models import record

from . import timeline
from .access import PERMISSIONS, can
from .errors import Conflict, Invalid, NotAllowed
from .identity import IDENTITY_FIELDS, unseal
from .models import Case, Notification, Person, RevealRequest

S = RevealRequest.Status


def approval_hours() -> int:
    return int(getattr(settings, "MIZAN_REVEAL_APPROVAL_HOURS", 24))


def needs_approval(case: Case) -> bool:
    return bool(case.organisation.identity_reveal_needs_approval)


def _same_org_member(user, case: Case):
    member = membership_of(user)
    if member is None or member.organisation_id != case.organisation_id:
        raise Http404("not found")
    return member


def approvers_for(case: Case, *, excluding) -> list:
    """Active users of the case's organisation who may decide on a reveal, except `excluding`."""
    return list(get_user_model().objects.filter(
        is_active=True, membership__organisation_id=case.organisation_id,
        membership__role__in=PERMISSIONS["approve_reveal"],
    ).exclude(pk=excluding.pk).order_by("pk"))


def _expire(qs) -> None:
    """Approved requests past their validity become expired (and pending ones past it, too)."""
    now = timezone.now()
    qs.filter(status=S.APPROVED, expires_at__lt=now).update(status=S.EXPIRED)
    qs.filter(status=S.PENDING, created_at__lt=now - timedelta(hours=approval_hours() * 7)).update(status=S.EXPIRED)


def current_request(*, actor, case: Case) -> RevealRequest | None:
    """`actor`'s pending or approved (still valid) request on `case`, if any."""
    mine = RevealRequest.objects.filter(case=case, requester=actor)
    _expire(mine)
    return mine.filter(status__in=[S.PENDING, S.APPROVED]).first()


def request_reveal(*, actor, case: Case, reason: str) -> RevealRequest:
    """Ask to see the identities in `case`.

    Side effects: a RevealRequest (pending), an audit row `identity.reveal_request`, an internal
    timeline row, and a notification to every approver of the organisation but the requester.
    Raises Http404 for outsiders, NotAllowed without the right, Invalid without a reason,
    Conflict when the actor already has a pending or approved request on the case.
    """
    _same_org_member(actor, case)
    if not can(actor, "view_case"):
        raise Http404("not found")
    if not can(actor, "reveal_identity"):
        raise NotAllowed("reveal_identity")
    reason = (reason or "").strip()[:500]
    if not reason:
        raise Invalid("a reason is required", fields={"reason": "required"})
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()  # one request at a time per case
        if current_request(actor=actor, case=case) is not None:
            raise Conflict("a request is already pending or approved", code="reveal_request_exists")
        req = RevealRequest.objects.create(case=case, requester=actor, reason=reason)
        record(action="identity.reveal_request", organisation=case.organisation, actor=actor, target=case,
               data={"request": req.pk})
        timeline.record(case, actor, "identity_reveal_requested", public=False, request=req.pk)
        Notification.objects.bulk_create([
            Notification(user=user, case=case, kind="reveal_request",
                         data={"reference": case.reference, "request": req.pk})
            for user in approvers_for(case, excluding=actor)
        ])
    return req


def requests_to_decide(user):
    """Pending requests `user` may decide on: their organisation's, never their own."""
    member = membership_of(user)
    if member is None or member.role not in PERMISSIONS["approve_reveal"]:
        return RevealRequest.objects.none()
    qs = RevealRequest.objects.filter(case__organisation_id=member.organisation_id)
    _expire(qs)
    return (qs.filter(status=S.PENDING).exclude(requester=user)
            .select_related("case", "requester").order_by("created_at", "id"))


def count_to_decide(user, *, case: Case | None = None) -> int:
    """How many requests `user` may decide on (optionally on one case), without writing.

    For the desk's navigation and case page; a pending request older than the expiry horizon
    is not counted even before `_expire` marks it.
    """
    member = membership_of(user)
    if member is None or member.role not in PERMISSIONS["approve_reveal"]:
        return 0
    horizon = timezone.now() - timedelta(hours=approval_hours() * 7)
    qs = RevealRequest.objects.filter(case__organisation_id=member.organisation_id, status=S.PENDING,
                                      created_at__gte=horizon).exclude(requester=user)
    if case is not None:
        qs = qs.filter(case=case)
    return qs.count()


def decide_reveal(*, actor, request_id: int, approve: bool, reason: str) -> RevealRequest:
    """Approve or refuse a pending reveal request, with the approver's own reason.

    Side effects: the request's status, approver, decision reason, decided_at (and expires_at on
    approval); an audit row `identity.reveal_approve` or `identity.reveal_refuse`; an internal
    timeline row; a notification to the requester. Raises Http404 for outsiders (and for a
    request of another organisation), NotAllowed for the requester themself or a role that
    cannot approve, Invalid without a reason, Conflict when the request is no longer pending.
    """
    member = membership_of(actor)
    with transaction.atomic():
        req = (RevealRequest.objects.select_for_update(of=("self",)).select_related("case__organisation")
               .filter(pk=request_id, case__organisation_id=getattr(member, "organisation_id", None)).first())
        if req is None or member is None:
            raise Http404("not found")
        if member.role not in PERMISSIONS["approve_reveal"]:
            raise NotAllowed("approve_reveal")
        if req.requester_id == actor.pk:
            raise NotAllowed("a requester cannot approve their own request")
        reason = (reason or "").strip()[:500]
        if not reason:
            raise Invalid("a reason is required", fields={"reason": "required"})
        _expire(RevealRequest.objects.filter(pk=req.pk))
        req.refresh_from_db(fields=["status"])
        if req.status != S.PENDING:
            raise Conflict("the request is no longer pending", code="reveal_request_decided")
        now = timezone.now()
        req.status = S.APPROVED if approve else S.REFUSED
        req.approver, req.decision_reason, req.decided_at = actor, reason, now
        req.expires_at = now + timedelta(hours=approval_hours()) if approve else None
        req.save(update_fields=["status", "approver", "decision_reason", "decided_at", "expires_at"])
        action = "identity.reveal_approve" if approve else "identity.reveal_refuse"
        record(action=action, organisation=req.case.organisation, actor=actor, target=req.case,
               data={"request": req.pk, "requester": req.requester_id})
        timeline.record(req.case, actor, "identity_reveal_approved" if approve else "identity_reveal_refused",
                        public=False, request=req.pk)
        Notification.objects.create(user=req.requester, case=req.case, kind="reveal_decided",
                                    data={"reference": req.case.reference, "request": req.pk,
                                          "approved": bool(approve)})
    return req


def consume_approval(*, actor, case: Case) -> RevealRequest:
    """Use `actor`'s approved, still valid request on `case` (inside the reveal's transaction).

    Raises NotAllowed when there is none (never approved, refused, used already or expired).
    """
    now = timezone.now()
    req = (RevealRequest.objects.select_for_update()
           .filter(case=case, requester=actor, status=S.APPROVED, expires_at__gte=now).order_by("id").first())
    if req is None:
        raise NotAllowed("an approved reveal request is required")
    req.status, req.used_at = S.USED, now
    req.save(update_fields=["status", "used_at"])
    return req


def reveal_identity(*, actor, case: Case, reason: str) -> list[dict]:
    """Decrypt the identities in `case` for `actor`.

    Side effects: an audit row `identity.reveal` (ids and the reason) and an internal timeline
    row; where the organisation wants a second person's approval, it uses up the actor's approved
    request (`consume_approval`). Raises Http404 for outsiders, PermissionError without the
    right, and NotAllowed without a valid approval where one is needed.
    """
    if case.organisation_id != getattr(membership_of(actor), "organisation_id", None) or not can(actor, "view_case"):
        raise Http404("not found")
    if not can(actor, "reveal_identity"):
        raise PermissionError("reveal_identity")
    if not reason.strip():
        raise ValueError("a reason is required")
    persons = [p for p in case.persons.all() if p.has_identity]
    with transaction.atomic():
        data = {"persons": [p.pk for p in persons], "reason": reason.strip()[:500]}
        if case.organisation.identity_reveal_needs_approval:
            data["request"] = consume_approval(actor=actor, case=case).pk  # NotAllowed without one
        record(action="identity.reveal", organisation=case.organisation, actor=actor, target=case, data=data)
        timeline.record(case, actor, "identity_revealed", public=False, persons=len(persons))
    revealed = []
    for person in persons:
        values = {f: unseal(getattr(person, f"{f}_enc"), f, case.pk) for f in IDENTITY_FIELDS}
        revealed.append({"id": person.pk, "role": person.role, "role_label": Person.Role(person.role).label,
                         **values})
    return revealed
