"""The audit log's hash chain: `verify_audit` finds every edited, deleted or re-ordered row and
names it, and says so with a non-zero exit; an intact log passes."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from mizan.audit.models import AuditEvent, AuditHead, record, verify_chain


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def log(org):
    """Six audit rows of the organisation, ids in order."""
    for n in range(6):
        record(action="case.view", organisation=org, data={"n": n})
    return list(AuditEvent.objects.order_by("id").values_list("id", flat=True))


def run_verify():
    """(exit ok, stdout+stderr lines) of `manage.py verify_audit`."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as failure:
        return False, err.getvalue().splitlines() + [str(failure)]
    return True, out.getvalue().splitlines()


def test_verify_audit_intact_log_passes(log):
    count, problems = verify_chain()
    assert (count, problems) == (6, [])
    ok, lines = run_verify()
    assert ok and lines == ["audit log OK: 6 rows, chain intact"]


def test_verify_audit_names_the_edited_row(log):
    AuditEvent.objects.filter(pk=log[2]).update(data={"n": 99})
    _count, problems = verify_chain()
    assert problems == [f"row {log[2]}: content was changed after it was written"]
    ok, lines = run_verify()
    assert not ok
    assert lines[0] == f"row {log[2]}: content was changed after it was written"
    assert lines[-1] == "audit log verification FAILED: 1 problem(s) in 6 rows"


def test_verify_audit_names_the_row_after_a_deleted_one(log):
    AuditEvent.objects.filter(pk=log[3]).delete()
    _count, problems = verify_chain()
    assert problems == [f"row {log[4]}: does not follow the row before it (deleted or re-ordered rows)",
                        "1 row missing: the chain head counted 6, the log holds 5"]


def test_verify_audit_names_re_ordered_rows(log):
    """Swapping two rows' contents (hashes included) breaks both rows' seals and the links."""
    first, second = (AuditEvent.objects.get(pk=log[1]), AuditEvent.objects.get(pk=log[4]))
    fields = ["at", "action", "data", "prev_hash", "hash"]
    values_1 = {f: getattr(first, f) for f in fields}
    values_2 = {f: getattr(second, f) for f in fields}
    AuditEvent.objects.filter(pk=log[1]).update(hash="x" * 64)  # free the unique hash
    AuditEvent.objects.filter(pk=log[4]).update(**values_1)
    AuditEvent.objects.filter(pk=log[1]).update(**values_2)
    _count, problems = verify_chain()
    named = {p.split(":")[0] for p in problems}
    assert {f"row {log[1]}", f"row {log[4]}"} <= named
    assert f"row {log[1]}: content was changed after it was written" in problems
    assert f"row {log[4]}: content was changed after it was written" in problems


def test_verify_audit_detects_deleted_last_rows(log):
    AuditEvent.objects.filter(pk__in=log[-2:]).delete()
    count, problems = verify_chain()
    assert count == 4
    assert problems == ["the last rows of the log were deleted (the chain head does not match)"]


def test_verify_audit_detects_a_forged_row_inserted_without_the_key(log, org):
    """A row added straight into the table (without the chain key) cannot carry a valid seal."""
    last = AuditEvent.objects.get(pk=log[-1])
    forged = AuditEvent(organisation=org, action="case.view", data={}, prev_hash=last.hash, hash="f" * 64)
    from django.db import models

    models.Model.save(forged, force_insert=True)
    AuditHead.objects.filter(pk=1).update(last_hash=forged.hash, count=7)
    _count, problems = verify_chain()
    assert problems == [f"row {forged.pk}: content was changed after it was written"]


def test_audit_rows_cannot_be_changed_or_deleted_through_the_model(log):
    event = AuditEvent.objects.get(pk=log[0])
    event.action = "case.tampered"
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    with pytest.raises(RuntimeError, match="append-only"):
        event.delete()
    assert verify_chain() == (6, [])
