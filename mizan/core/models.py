"""Plumbing shared by every wing: worker heartbeats and public-intake throttle buckets."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """Last sign of life of one `db_worker` process; tasks run inline when none is recent."""

    worker_id = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(db_index=True)


class ThrottleBucket(models.Model):
    """Requests counted per (scope, keyed client hash, window); the raw address is never kept.

    The hash key changes with every window, so a bucket cannot be linked to the next one, and
    buckets are deleted once their window is over.
    """

    scope = models.CharField(max_length=32)
    client = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window_start"], name="uniq_throttle_bucket"
            )
        ]
