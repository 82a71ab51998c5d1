"""Enqueue tasks after commit; run them inline when no worker is alive.

DESIGN: tasks take ids, are idempotent, are enqueued on commit, and run inline when no worker
runs. A worker proves it is alive with a heartbeat row (see the `db_worker` command here).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

HEARTBEAT_FRESH = timedelta(seconds=60)


def worker_alive() -> bool:
    from mizan.core.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - HEARTBEAT_FRESH).exists()


def _run_now(task, args, kwargs) -> None:
    try:
        task.call(*args, **kwargs)
    except Exception:  # an inline task must never break the request that caused it
        logger.exception("inline task %s failed", task.name)


def dispatch(task, *args, **kwargs) -> None:
    mode = settings.MIZAN_TASKS_INLINE
    if mode == "always" or (mode == "auto" and not worker_alive()):
        _run_now(task, args, kwargs)
    else:
        task.enqueue(*args, **kwargs)


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Queue `task` once the surrounding transaction commits (immediately if there is none)."""
    transaction.on_commit(lambda: dispatch(task, *args, **kwargs))


def task(**kwargs):
    """The task decorator (django-tasks; Django 6 moves it to django.tasks)."""
    from django_tasks import task as _task

    return _task(**kwargs)
