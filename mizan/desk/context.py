"""Template context for staff pages: the user's membership and what their role allows."""

from django.utils.functional import SimpleLazyObject

from mizan.accounts.models import membership_of
from mizan.complaints.access import PERMISSIONS, can
from mizan.complaints.models import Notification
from mizan.complaints.reveal import count_to_decide
from mizan.followup import access as followup_access


def desk(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    member = membership_of(user)

    def unread():
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    def reveal_pending():
        return count_to_decide(user)

    return {
        "membership": member,
        "organisation": member.organisation if member else None,
        "perms_": {action: can(user, action) for action in PERMISSIONS},
        "followup_perms": {action: followup_access.can(user, action) for action in followup_access.PERMISSIONS},
        "unread_notifications": SimpleLazyObject(unread),
        "reveal_pending": SimpleLazyObject(reveal_pending),
    }
