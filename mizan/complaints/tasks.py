"""Background tasks of the complaints wing. They take ids and are idempotent."""

import logging

from django.core.mail import send_mail
from django.utils import timezone, translation

from mizan.core.tasks import task

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(case_id: int) -> int:
    """E-mail every not-yet-mailed notification of a case, each in its recipient's language."""
    from mizan.accounts.models import membership_of

    from .models import Notification

    sent = 0
    for note in Notification.objects.filter(case_id=case_id, emailed_at__isnull=True).select_related("user"):
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
    from .services import flag_breaches

    return flag_breaches()
