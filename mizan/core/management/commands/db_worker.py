"""`manage.py db_worker`: django-tasks-db's worker, plus a heartbeat and the periodic sweeps.

The heartbeat tells web processes that queued tasks will be picked up (otherwise they run them
inline). The same thread enqueues the periodic jobs the apps register in `mizan.core.periodic`
(deadline sweep, escalation of suggested critical urgencies left undecided, sweep of export files
and interrupted imports, computed indicators) every five minutes, and the hourly ones (the
planner's statistics, the follow-up reminders); they are idempotent, so several workers
enqueueing them does no harm.
"""

import os
import socket
import threading

from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as BaseWorkerCommand

from mizan.core.models import WorkerHeartbeat
from mizan.core.periodic import EVERY_FIVE_MINUTES, HOURLY, jobs

HEARTBEAT_SECONDS = 15
SWEEP_EVERY = 20  # heartbeats, i.e. every 5 minutes
STATISTICS_EVERY = 240  # heartbeats, i.e. every hour (and when the worker starts)


def _beat(worker_id: str, stop: threading.Event) -> None:
    beats = 0
    while not stop.is_set():
        try:
            with transaction.atomic():
                WorkerHeartbeat.objects.update_or_create(
                    worker_id=worker_id, defaults={"seen_at": timezone.now()}
                )
            # The apps register their sweeps (mizan.core.periodic) from their ready().
            if beats % SWEEP_EVERY == 0:
                for job in jobs(EVERY_FIVE_MINUTES):
                    job.enqueue()
            if beats % STATISTICS_EVERY == 0:
                for job in jobs(HOURLY):
                    job.enqueue()
            beats += 1
        except Exception:  # the heartbeat must outlive a passing database error
            close_old_connections()
        stop.wait(HEARTBEAT_SECONDS)
    connection.close()


class Command(BaseWorkerCommand):
    def handle(self, *args, **options):
        worker_id = options.get("worker_id") or f"{socket.gethostname()}-{os.getpid()}"
        stop = threading.Event()
        thread = threading.Thread(target=_beat, args=(worker_id, stop), daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
