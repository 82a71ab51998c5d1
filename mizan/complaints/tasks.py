"""Background tasks of the complaints wing. They take ids and are idempotent."""

import logging

from django.core.mail import send_mail
from django.utils import timezone, translation

from mizan.accounts.models import membership_of
from mizan.core.tasks import task

from .models import Notification

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(case_id: int) -> int:
    """E-mail every not-yet-mailed notification of a case, each in its recipient's language."""
    return _email(Notification.objects.filter(case_id=case_id, emailed_at__isnull=True))


@task()
def send_notification_emails_by_id(notification_ids: list[int]) -> int:
    """E-mail the not-yet-mailed notifications `notification_ids` (those about a record other
    than a case, such as a follow-up reminder), each in its recipient's language."""
    return _email(Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True))


def _email(notifications) -> int:
    sent = 0
    for note in notifications.select_related("user"):
        claimed = Notification.objects.filter(pk=note.pk, emailed_at__isnull=True).update(emailed_at=timezone.now())
        if not claimed or not note.user.email:
            continue
        member = membership_of(note.user)
        with translation.override(member.language if member else "ar"):
            text = note.describe()
            send_mail(subject=f"[Mizan] {text}", message=text, from_email=None,
                      recipient_list=[note.user.email], fail_silently=True)
        sent += 1
    return sent


@task()
def sweep_deadlines() -> int:
    """Flag newly breached deadlines (idempotent; the worker enqueues it every few minutes)."""
    # Not at the top: services imports this module for its notification task.
    from .services import flag_breaches

    return flag_breaches()
