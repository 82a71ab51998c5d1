"""A case's row lock, taken once per transaction.

Every change to a case happens under the case's row lock, read again inside the change's
transaction (`services._lock`), so that two officers acting at the same moment are put one after
the other and the second sees the first's change. A face that has to find the case first (by
its reference, among the cases the user may see) can take the lock with that same read: it opens
the transaction, reads the case with `locked(...)`, and passes it to the domain function, which
then does not read it again (`holds`).

    with transaction.atomic():
        case = access.get_case_for_user(user, reference, for_update=True)
        services.transition_case(actor=user, case=case, ...)

The mark is the atomic block the case was read in: it holds only while that block is open, so a
case kept past its transaction is read again by the next change, never trusted.
"""

from __future__ import annotations

from django.db import connection
from django.db.transaction import TransactionManagementError

from .models import Case

__all__ = ["holds", "locked"]

_MARK = "_mizan_locked_in"


def locked(queryset) -> Case | None:
    """The first case of `queryset` read under its row lock, with its organisation and unit, or
    None. Only inside `transaction.atomic()`. `of=("self",)`: the case row only; without it
    PostgreSQL also locks the joined organisation row, which every insert referencing the
    organisation (new cases, audit rows) would then wait for."""
    if not connection.in_atomic_block:
        raise TransactionManagementError("A case's row lock is taken inside transaction.atomic().")
    case = queryset.select_for_update(of=("self",)).select_related("organisation", "unit").order_by().first()
    if case is not None:
        setattr(case, _MARK, connection.atomic_blocks[-1])
    return case


def holds(case: Case) -> bool:
    """True when `case` was read by `locked` in an atomic block that is still open."""
    block = getattr(case, _MARK, None)
    return block is not None and any(open_block is block for open_block in connection.atomic_blocks)
