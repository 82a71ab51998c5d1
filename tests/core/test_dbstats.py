"""Database settings that the search's speed depends on. The planner's statistics on SQLite: without them, loading a page of search results by id
walked the whole (organisation, urgency) index; with them the rows are read by primary key."""

import pytest
from django.core.management import call_command
from django.db import connection

from mizan.complaints.models import Case
from mizan.core.dbstats import refresh_database_statistics, refresh_statistics

pytestmark = pytest.mark.django_db


def _plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


def _many_cases(org, n=3000):
    Case.objects.bulk_create([
        Case(organisation=org, reference=f"{org.reference_prefix}-2026-{i:06d}", receipt_hash=f"h{i}",
             channel="web", language="ar", narrative="نص", urgency="normal", status="received")
        for i in range(n)])
    return list(Case.objects.order_by("-id").values_list("pk", flat=True)[:25])


def test_statistics_make_a_page_load_read_by_primary_key(org):
    ids = _many_cases(org)
    if connection.vendor != "sqlite":  # PostgreSQL analyses its tables itself (autovacuum)
        assert refresh_statistics() is False
        return
    page = Case.objects.filter(organisation=org, urgency="normal", pk__in=ids).order_by()
    sql, params = page.query.sql_with_params()
    _forget_statistics()

    assert "case_urgency_queue" in _plan(sql, params)  # the guess without statistics
    assert refresh_statistics() is True
    assert "PRIMARY KEY" in _plan(sql, params)


def _forget_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone()[0]:
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_schema")  # reload the (now empty) statistics


def test_migrate_refreshes_the_statistics(org):
    _many_cases(org, 200)
    if connection.vendor != "sqlite":
        assert refresh_statistics() is False
        return
    _forget_statistics()

    call_command("migrate", verbosity=0, interactive=False)

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'complaints_case'")
        assert cursor.fetchone()[0] > 0


def test_worker_task_refreshes_them(org):
    assert refresh_database_statistics.call() is (connection.vendor == "sqlite")


def test_postgres_connections_run_without_jit(db):
    if connection.vendor != "postgresql":  # the option is PostgreSQL's: never handed to sqlite3.connect
        assert "options" not in connection.settings_dict["OPTIONS"]
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")  # its compile time outweighed its gain on large queries
        assert cursor.fetchone()[0] == "off"
