"""A face that finds a case under its row lock hands that read to the domain function, which
then does not read the case again; a case kept past its transaction is read again, never trusted."""

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from mizan.complaints import access, locks
from mizan.complaints.errors import Conflict
from mizan.complaints.models import Case, TimelineEvent
from mizan.complaints.services import transition_case


def _case_reads(context) -> int:
    """Reads of the case as a model (not the projections' own UNIONs)."""
    return sum(1 for q in context.captured_queries if q["sql"].startswith('SELECT "complaints_case"."id"'))


def test_the_faces_locked_read_is_the_one_the_change_uses(staff, file_case):
    case, _ = file_case()
    officer = staff["officer"]
    with transaction.atomic():
        found = access.get_case_for_user(officer, case.reference, for_update=True)
        assert locks.holds(found)
        with CaptureQueriesContext(connection) as context:
            changed = transition_case(actor=officer, case=found, to="under_review")
    assert changed is found and _case_reads(context) == 0
    assert not locks.holds(found)  # its transaction is over
    assert Case.objects.get(pk=case.pk).status == "under_review"


def test_a_case_kept_past_its_transaction_is_read_again(staff, file_case):
    case, _ = file_case()
    officer = staff["officer"]
    with transaction.atomic():
        kept = access.get_case_for_user(officer, case.reference, for_update=True)
    Case.objects.filter(pk=case.pk).update(status="under_review", version=7)  # changed meanwhile
    with CaptureQueriesContext(connection) as context:
        changed = transition_case(actor=officer, case=kept, to="in_progress", expected_version=7)
    assert changed is not kept and _case_reads(context) == 1
    assert changed.status == "in_progress" and changed.version == 8
    with pytest.raises(Conflict):  # the version it was read with is stale: refused, not trusted
        transition_case(actor=officer, case=kept, to="in_progress", expected_version=kept.version)


def test_a_refusal_in_the_faces_transaction_leaves_nothing(staff, file_case):
    case, _ = file_case()
    rows = TimelineEvent.objects.filter(case=case).count()
    with pytest.raises(Conflict), transaction.atomic():
        found = access.get_case_for_user(staff["officer"], case.reference, for_update=True)
        transition_case(actor=staff["officer"], case=found, to="under_review", expected_version=found.version + 1)
    assert Case.objects.get(pk=case.pk).status == "received"
    assert TimelineEvent.objects.filter(case=case).count() == rows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as the suite's other such tests
def test_the_lock_is_taken_only_inside_a_transaction(org):
    with pytest.raises(TransactionManagementError):
        locks.locked(Case.objects.all())
