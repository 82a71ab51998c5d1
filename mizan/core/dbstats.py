"""Planner statistics for the embedded database.

PostgreSQL keeps its own (autovacuum analyses tables as they change). SQLite has none until
`ANALYZE` writes them, and without them its planner guesses: with a filter on an indexed
column it may walk that index instead of reading a list of ids by primary key — at 1,000,000
cases, loading one page of search results took 41 ms that way instead of 0.3 ms. So the
statistics are refreshed after every `migrate` and by the worker once an hour (`db_worker`).
`analysis_limit` bounds the work: about half a second at 1,000,000 cases, in a short write
transaction that other writers wait for (the busy timeout covers it).
"""

from django.db import connection, transaction

from mizan.core.tasks import task

ANALYSIS_LIMIT = 1000  # rows sampled per index (SQLite's PRAGMA analysis_limit)


def refresh_statistics() -> bool:
    """Refresh the planner's statistics (SQLite: sampled ANALYZE). False where the database
    keeps them itself."""
    if connection.vendor != "sqlite":
        return False
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
    return True


@task()
def refresh_database_statistics() -> bool:
    """The worker's hourly job (idempotent)."""
    return refresh_statistics()


def after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate: statistics of the tables as the migration left them (an upgrade may have
    rebuilt indexes)."""
    if using == "default":
        refresh_statistics()
