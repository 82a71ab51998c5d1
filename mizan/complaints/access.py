"""Who may see and do what with cases. Every read of a case goes through here.

Outsiders (another organisation, no membership, a role without case access) get "not found",
never "forbidden", so nothing tells them that a case exists.
"""

from django.http import Http404

from mizan.accounts.models import Role, membership_of

from . import locks
from .identity import receipt_hash
from .models import Case

R = Role
# action -> roles allowed (within their own organisation)
PERMISSIONS: dict[str, frozenset] = {
    "view_case": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR, R.AUDITOR, R.ORG_ADMIN}),
    "create_case": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR}),
    "assign": frozenset({R.INTAKE_OFFICER, R.SUPERVISOR, R.ORG_ADMIN}),
    "take": frozenset({R.CASE_OFFICER, R.SUPERVISOR}),
    "message": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR}),
    "note": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR, R.ORG_ADMIN}),
    "edit_case": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR}),
    "mark_duplicate": frozenset({R.CASE_OFFICER, R.SUPERVISOR}),
    "reveal_identity": frozenset({R.INTAKE_OFFICER, R.CASE_OFFICER, R.SUPERVISOR, R.ORG_ADMIN}),
    # Custodians: who may approve another member's request to reveal (never their own).
    "approve_reveal": frozenset({R.SUPERVISOR, R.ORG_ADMIN}),
    "view_audit": frozenset({R.AUDITOR, R.ORG_ADMIN}),
    "view_statistics": frozenset({R.ANALYST, R.SUPERVISOR, R.AUDITOR, R.ORG_ADMIN}),
    # Files that leave the platform. Case lists also need "view_case", which analysts lack, so
    # analysts export statistics only; personal data unredacted also needs "reveal_identity".
    "export": frozenset({R.SUPERVISOR, R.ORG_ADMIN, R.ANALYST}),
    "receive_breach_alerts": frozenset({R.SUPERVISOR}),
}


def role_of(user) -> str | None:
    member = membership_of(user)
    return member.role if member else None


def can(user, action: str) -> bool:
    member = membership_of(user)
    if member is None or member.role not in PERMISSIONS[action]:
        return False
    if action == "reveal_identity":
        return member.can_reveal_identity
    return True


def cases_for(user):
    """The cases `user` may see: their organisation's, if their role sees cases at all."""
    member = membership_of(user)
    if member is None or member.role not in PERMISSIONS["view_case"]:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=member.organisation_id)


def get_case_for_user(user, reference: str, *, for_update: bool = False) -> Case:
    """The case with `reference` if `user` may see it; Http404 otherwise (same for absent).
    `for_update`: read under its row lock, inside the caller's transaction, for the domain
    function it is passed to (`locks`)."""
    qs = cases_for(user).filter(reference=str(reference)[:32])
    case = locks.locked(qs) if for_update else qs.first()
    if case is None:
        raise Http404("not found")
    return case


def get_case_by_receipt(receipt: str) -> Case | None:
    """The case a 16-digit receipt opens, found by one index lookup on its keyed hash."""
    if not (isinstance(receipt, str) and len(receipt) == 16 and receipt.isascii() and receipt.isdigit()):
        return None
    return Case.objects.filter(receipt_hash=receipt_hash(receipt)).select_related("organisation").first()

