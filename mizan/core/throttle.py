"""Throttling of public requests without keeping IP addresses.

A client is counted under HMAC(window key, address) where the window key is derived from
MIZAN_HASH_KEY and the window's start time: the hash changes every window, cannot be reversed
to the address, and buckets of finished windows are deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
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


_swept_window = None  # the window whose older buckets this process last deleted


def hit(request, scope: str, limit: int) -> bool:
    """Count one request of `scope` for this client; False when over `limit` this window.

    One statement: an upsert that returns the count. Buckets of finished windows are deleted
    once per window and process."""
    global _swept_window
    now = timezone.now()
    start = now - timedelta(seconds=now.timestamp() % WINDOW.total_seconds())
    client = keyed_hash(settings.MIZAN_HASH_KEY, f"throttle:{start.isoformat()}", client_address(request))
    table = ThrottleBucket._meta.db_table
    if _swept_window != start:
        with transaction.atomic():
            ThrottleBucket.objects.filter(window_start__lt=start).delete()
        _swept_window = start
    # One statement, atomic by itself (outside a transaction, SQLite takes the write lock as it
    # starts, so there is no read lock to upgrade and nothing to wrap).
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (scope, client, window_start, count) VALUES (%s, %s, %s, 1) "  # noqa: S608 (our table)
            f"ON CONFLICT (scope, client, window_start) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [scope, client, ThrottleBucket._meta.get_field("window_start").get_db_prep_value(start, connection)])
        count = cursor.fetchone()[0]
    return count <= limit
