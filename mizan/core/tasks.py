"""Queue tasks with the change that causes them; run them inline when no worker is alive.

DESIGN: tasks take ids, are idempotent, and run inline when no worker runs. A worker proves it
is alive with a heartbeat row (see the `db_worker` command here).

A task cannot be lost between the commit of a change and its queueing: `enqueue_on_commit` writes
the task's row (django-tasks-db keeps the queue in the same database) inside the change's own
transaction, so the two are committed together or not at all. When no worker is alive the task
also runs inline right after the commit, and its row is then deleted; if the process dies before
that, the row is still queued and the next worker runs it (tasks are idempotent, so a task that
ran inline and is run again by a worker does no harm).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mizan.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_FRESH = timedelta(seconds=60)


def worker_alive() -> bool:
    return WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - HEARTBEAT_FRESH).exists()


def _run_now(task, args, kwargs) -> None:
    try:
        task.call(*args, **kwargs)
    except Exception:  # an inline task must never break the request that caused it
        logger.exception("inline task %s failed", task.name)


def dispatch(task, *args, **kwargs) -> None:
    """Run `task` now (inline mode, or no worker alive) or queue it for a worker."""
    mode = settings.MIZAN_TASKS_INLINE
    if mode == "always" or (mode == "auto" and not worker_alive()):
        _run_now(task, args, kwargs)
    else:
        task.enqueue(*args, **kwargs)


def _run_inline_then_forget(task, result_id, args, kwargs) -> None:
    """After the commit: run the task here, then delete its queued row unless a worker has taken
    it meanwhile. A crash before the delete leaves the row queued for the next worker."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    _run_now(task, args, kwargs)
    try:
        with transaction.atomic():
            DBTaskResult.objects.filter(id=result_id, status=TaskResultStatus.READY).delete()
    except Exception:  # the row stays queued: a worker runs the (idempotent) task again
        logger.exception("could not settle inline task %s", task.name)


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Queue `task` with the surrounding transaction (see the module's docstring).

    MIZAN_TASKS_INLINE: "always" runs it inline after the commit without queueing (tests, demo
    seeding); "never" only queues it; "auto" queues it and, when no worker is alive, also runs it
    inline after the commit."""
    mode = settings.MIZAN_TASKS_INLINE
    if mode == "always":
        transaction.on_commit(lambda: _run_now(task, args, kwargs))
        return
    result = task.enqueue(*args, **kwargs)  # same connection, same transaction as the change
    if mode == "auto" and not worker_alive():
        transaction.on_commit(lambda: _run_inline_then_forget(task, result.id, args, kwargs))


def task(**kwargs):
    """The task decorator (django-tasks; Django 6 moves it to django.tasks)."""
    from django_tasks import task as _task

    return _task(**kwargs)
