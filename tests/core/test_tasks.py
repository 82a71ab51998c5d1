"""Tasks are queued with the change that causes them: a task is never lost between a commit and
its queueing, it runs inline when no worker is alive, and a worker finishes what an inline run
did not get to."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from mizan.core.models import WorkerHeartbeat
from mizan.core.tasks import enqueue_on_commit, task

CALLS: list[int] = []


@task()
def remember(number: int) -> None:
    CALLS.append(number)


@task()
def explode(number: int) -> None:
    CALLS.append(number)
    raise RuntimeError("the task failed")


@pytest.fixture(autouse=True)
def calls():
    CALLS.clear()
    yield CALLS
    CALLS.clear()


@pytest.fixture
def worker(db):
    return WorkerHeartbeat.objects.create(worker_id="worker-1", seen_at=timezone.now())


def rows():
    return list(DBTaskResult.objects.values_list("status", "args_kwargs"))


@override_settings(MIZAN_TASKS_INLINE="auto")
def test_tasks_without_a_worker_run_after_the_commit_and_leave_no_row(db, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(remember, 7)
        assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1  # stored with the change
        assert calls == []                                                              # not before the commit
    assert calls == [7]
    assert rows() == []


@override_settings(MIZAN_TASKS_INLINE="auto")
def test_tasks_are_rolled_back_with_the_change(db, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValueError), \
            transaction.atomic():
        enqueue_on_commit(remember, 8)
        raise ValueError("the change is refused")
    assert callbacks == [] and calls == [] and rows() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker closes its connection
@override_settings(MIZAN_TASKS_INLINE="auto")
def test_a_task_whose_inline_run_never_happened_is_run_by_the_next_worker(calls, monkeypatch):
    """The process dies after the commit, before its inline run: the task is still queued."""
    import mizan.core.tasks

    prevented = []
    monkeypatch.setattr(mizan.core.tasks, "_run_inline_then_forget", lambda *a: prevented.append(a))
    with transaction.atomic():
        enqueue_on_commit(remember, 9)
    assert len(prevented) == 1 and calls == []          # the inline run that a crash prevents
    assert rows() == [(TaskResultStatus.READY, {"args": [9], "kwargs": {}})]
    monkeypatch.undo()

    # django-tasks-db's worker loop itself (our `db_worker` adds a heartbeat thread, whose writes
    # would race this one on the test's in-memory SQLite database)
    from django_tasks_db.management.commands.db_worker import Command as Worker

    call_command(Worker(), "--batch", "--no-startup-delay", "--interval", "0")

    assert calls == [9]
    # (the worker's heartbeat also queues and runs its periodic sweeps: not this test's rows)
    assert list(DBTaskResult.objects.filter(task_path=remember.module_path).values_list("status", "args_kwargs")) == [
        (TaskResultStatus.SUCCESSFUL, {"args": [9], "kwargs": {}})]


@override_settings(MIZAN_TASKS_INLINE="auto")
def test_with_a_live_worker_tasks_are_only_queued(worker, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        enqueue_on_commit(remember, 10)
    assert callbacks == [] and calls == []
    assert rows() == [(TaskResultStatus.READY, {"args": [10], "kwargs": {}})]


@override_settings(MIZAN_TASKS_INLINE="auto")
def test_a_stale_heartbeat_does_not_count_as_a_worker(worker, calls, django_capture_on_commit_callbacks):
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(remember, 11)
    assert calls == [11] and rows() == []


@override_settings(MIZAN_TASKS_INLINE="auto")
def test_a_failing_inline_task_does_not_break_the_request(db, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(explode, 12)
    assert calls == [12]          # it ran, raised, and the caller went on
    assert rows() == []


@override_settings(MIZAN_TASKS_INLINE="never")
def test_never_mode_only_queues(db, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        enqueue_on_commit(remember, 13)
    assert callbacks == [] and calls == []
    assert rows() == [(TaskResultStatus.READY, {"args": [13], "kwargs": {}})]


@override_settings(MIZAN_TASKS_INLINE="always")
def test_always_mode_runs_inline_after_the_commit_without_a_row(db, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(remember, 14)
        assert calls == []
    assert calls == [14] and rows() == []
