"""The named baseline of `bench/submissions.py --baseline minimal`: Mizan's own settings (the same
database, WAL, IMMEDIATE transactions, synchronous=FULL, middleware and server), with one view
that writes one row in a transaction and answers in JSON."""

from mizan.settings import *  # noqa: F403

ROOT_URLCONF = "minimal.urls"
