"""The worker's heartbeat queues the periodic sweeps, the escalation of critical reviews among them."""

import threading

from django_tasks_db.models import DBTaskResult

from mizan.core.management.commands import db_worker
from mizan.core.models import WorkerHeartbeat


class OneBeat(threading.Event):
    """A stop signal that lets the heartbeat loop run exactly once, without waiting."""

    def wait(self, timeout=None):
        self.set()
        return True


def test_first_heartbeat_queues_every_periodic_sweep(db, monkeypatch):
    monkeypatch.setattr(db_worker.connection, "close", lambda: None)  # the test's connection stays open

    db_worker._beat("test-worker", OneBeat())

    assert WorkerHeartbeat.objects.filter(worker_id="test-worker").count() == 1
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "mizan.complaints.tasks.sweep_deadlines",
        "mizan.core.dbstats.refresh_database_statistics",
        "mizan.followup.indicators.sweep_indicators",
        "mizan.followup.tasks.sweep_recommendation_imports",
        "mizan.followup.tasks_reminders.sweep_followup_reminders",
        "mizan.reports.tasks.sweep_files",
        "mizan.triage.tasks.sweep_critical_reviews",
    ]
