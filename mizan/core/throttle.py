"""Throttling of public requests without keeping IP addresses.

A client is counted under HMAC(window key, address) where the window key is derived from
MIZAN_HASH_KEY and the window's start time: the hash changes every window, cannot be reversed
to the address, and buckets of finished windows are deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from mizan.lib.vault import keyed_hash

from .models import ThrottleBucket

WINDOW = timedelta(hours=1)


def client_address(request) -> str:
    # Behind a reverse proxy the operator sets BEHIND_PROXY and the proxy's X-Forwarded-For.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(request, scope: str, limit: int) -> bool:
    """Count one request of `scope` for this client; False when over `limit` this window."""
    now = timezone.now()
    start = now - timedelta(seconds=now.timestamp() % WINDOW.total_seconds())
    client = keyed_hash(settings.MIZAN_HASH_KEY, f"throttle:{start.isoformat()}", client_address(request))
    with transaction.atomic():
        ThrottleBucket.objects.filter(window_start__lt=start).delete()
        updated = ThrottleBucket.objects.filter(scope=scope, client=client, window_start=start).update(
            count=models.F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    ThrottleBucket.objects.create(scope=scope, client=client, window_start=start, count=1)
            except IntegrityError:
                ThrottleBucket.objects.filter(scope=scope, client=client, window_start=start).update(
                    count=models.F("count") + 1)
        count = ThrottleBucket.objects.get(scope=scope, client=client, window_start=start).count
    return count <= limit
