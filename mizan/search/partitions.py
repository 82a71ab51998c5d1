"""PostgreSQL: the search documents in partitions of consecutive case ids.

`search_document` is partitioned by range of `case_id`, SPAN ids per partition, each with its
own GIN index (migration 0004). Case ids grow with arrival, so the newest cases are in the
newest partitions, and a search for the newest matches (`backends.PostgresBackend.window`)
asks the newest partitions first: the index work, the rows read and the pages cached are those
of the newest cases, whatever the size of the installation. Results do not depend on the
partitions: a round is a range of ids, and a partition only makes it cheap.

A partition must exist before a document of its ids is written: `ensure` creates the one a
case id falls in and the next, under an advisory lock, in the caller's transaction. The next
one is made ahead so that the DDL (which briefly locks the table) is taken once per SPAN cases,
by whichever write first reaches a partition, and only if the lock comes quickly (it is
tried again by the next write otherwise). SQLite has no partitions: everything here does
nothing there.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

SPAN = 50_000  # case ids per partition; the rounds of a search are whole partitions
PARENT = "search_document"
_LOCK = 0x6D697A616E01  # pg_advisory_xact_lock key: "mizan" + 1
AHEAD_LOCK_TIMEOUT = "500ms"  # how long the partition made ahead may wait for its table lock


def name(index: int) -> str:
    """Partition `index` holds case ids [index * SPAN, (index + 1) * SPAN)."""
    return f"{PARENT}_p{index:05d}"


def create_sql(index: int) -> str:
    return (f"CREATE TABLE IF NOT EXISTS {name(index)} PARTITION OF {PARENT} "
            f"FOR VALUES FROM ({index * SPAN}) TO ({(index + 1) * SPAN})")


def covering(case_ids: Iterable[int]) -> set[int]:
    """The partitions the documents of `case_ids` go in, and the one after the newest."""
    indexes = needed(case_ids)
    if indexes:
        indexes.add(max(indexes) + 1)
    return indexes


def needed(case_ids: Iterable[int]) -> set[int]:
    """The partitions the documents of `case_ids` go in."""
    return {int(pk) // SPAN for pk in case_ids}


def ensure(case_ids: Iterable[int]) -> list[str]:
    """Create the partitions `case_ids` need (see `covering`) that do not exist yet; the names
    of those created. One catalogue query when they all exist.

    A partition a document goes in is created whatever it waits for. The one made ahead is
    created only if its table lock comes within AHEAD_LOCK_TIMEOUT (a backup's long read of
    the table, say, holds it off): otherwise it is left for a later write, and this write goes on."""
    if connection.vendor != "postgresql":
        return []
    case_ids = list(case_ids)
    wanted = sorted(covering(case_ids))
    if not wanted:
        return []
    names = [name(index) for index in wanted]
    with connection.cursor() as cursor:
        missing = _missing(cursor, names)
        if not missing:
            return []
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])  # one creator at a time
        missing = _missing(cursor, names)
        required = needed(case_ids)
        created = []
        for index in wanted:
            if name(index) not in missing:
                continue
            if index in required:
                cursor.execute(create_sql(index))
                created.append(name(index))
            elif _create_if_lock_comes(cursor, index):
                created.append(name(index))
    return created


def _create_if_lock_comes(cursor, index: int) -> bool:
    from django.db import OperationalError, transaction

    cursor.execute("SELECT current_setting('lock_timeout')")
    previous = cursor.fetchone()[0]
    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [AHEAD_LOCK_TIMEOUT])
    try:
        with transaction.atomic():  # a savepoint: a lock timeout undoes only this
            cursor.execute(create_sql(index))
        return True
    except OperationalError:
        return False
    finally:
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])


def _missing(cursor, names: list[str]) -> set[str]:
    cursor.execute("SELECT n FROM unnest(%s::text[]) AS n WHERE to_regclass(n) IS NULL", [names])
    return {row[0] for row in cursor.fetchall()}


def existing() -> list[str]:
    """The partitions of `search_document`, oldest ids first (empty on SQLite)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                       "WHERE i.inhparent = %s::regclass ORDER BY c.relname", [PARENT])
        return [row[0] for row in cursor.fetchall()]


__all__ = ["PARENT", "SPAN", "covering", "create_sql", "ensure", "existing", "name", "needed"]
