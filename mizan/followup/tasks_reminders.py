"""Background task of the follow-up reminders (the worker enqueues it every hour; idempotent)."""

from mizan.core.tasks import task

from .reminders import send_reminders


@task()
def sweep_followup_reminders() -> int:
    """Send the follow-up reminders due today that were not sent yet (see `reminders`)."""
    return send_reminders()
