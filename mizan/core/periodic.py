"""Periodic jobs: each app registers its sweeps here (from `ready()`); the worker's heartbeat
enqueues them. The core never names the apps whose jobs it runs.

A job is a django-tasks task with no arguments, idempotent, so that several workers enqueueing
it at the same beat does no harm.
"""

from __future__ import annotations

from dataclasses import dataclass

EVERY_FIVE_MINUTES = "5min"
HOURLY = "hourly"
_CADENCES = (EVERY_FIVE_MINUTES, HOURLY)


@dataclass(frozen=True)
class PeriodicJob:
    task: object
    cadence: str


_JOBS: dict[str, PeriodicJob] = {}


def register_periodic(task, cadence: str) -> None:
    """Run `task` at `cadence` (EVERY_FIVE_MINUTES or HOURLY; both also when a worker starts)."""
    if cadence not in _CADENCES:
        raise ValueError(f"unknown cadence {cadence!r}")
    _JOBS[task.module_path] = PeriodicJob(task, cadence)


def jobs(cadence: str) -> list:
    """The tasks registered for one cadence, in a stable order."""
    return [job.task for path, job in sorted(_JOBS.items()) if job.cadence == cadence]
