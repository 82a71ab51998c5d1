"""Writing many rows of one model in few statements, without the ORM's per-value compilation.

    insert(objs)                    one INSERT of many rows per statement; sets each new object's pk

Django's `bulk_create` compiles every value through the SQL compiler (about 10 µs a value, most of
it building expressions it then throws away) and, on SQLite, cuts statements at 999 parameters
(its assumption of the old compile-time default; this SQLite allows 250,000). A 50,000-row import
of recommendations spent a quarter of its time there. `insert` prepares each value as `save()`
would (`field.pre_save(obj, add=True)` then `get_db_prep_save`: defaults, `auto_now_add`,
adapters, JSON) and writes up to 1,000 rows per statement (`VALUES (…), (…)`); on PostgreSQL
each column goes as one typed array (`SELECT * FROM UNNEST(%s::integer[], …)`, as Django's own
bulk inserts there), since psycopg parses a statement of 30,000 placeholders slowly. When the
model's primary key is made by the database, the statement returns the keys (`RETURNING`, in the
order of the rows, as `bulk_create` relies on for SQLite and PostgreSQL) and they are set on the
objects.

No signals are sent and no `save()` is called, exactly as with `bulk_create`; it runs in the
caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

__all__ = ["insert"]

MAX_ROWS = 1_000  # rows per statement
MAX_PARAMS = 30_000  # below SQLite's 32,766 of older builds and PostgreSQL's 65,535
MAX_UNNEST_ROWS = 5_000  # PostgreSQL: rows a statement when each column is one array


def insert(objs: Sequence) -> None:
    """INSERT these new objects of one model, setting their primary keys when the database makes them."""
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    pk = meta.pk
    returning = bool(getattr(pk, "db_returning", False))
    if returning and any(obj.pk is not None for obj in objs):
        raise ValueError("insert() writes new rows: an object already has a primary key")
    fields = [f for f in meta.concrete_fields
              if not (returning and f is pk) and not getattr(f, "generated", False)]
    q = connection.ops.quote_name
    columns = ", ".join(q(f.column) for f in fields)
    prepared = [(f.pre_save, f.get_db_prep_save) for f in fields]
    unnest = connection.vendor == "postgresql" and _unnestable(fields)
    per_statement = MAX_UNNEST_ROWS if unnest else max(1, min(MAX_ROWS, MAX_PARAMS // len(fields)))
    if unnest:  # one array a column: a short statement whatever the rows (psycopg parses it once)
        types = [f.db_type(connection).split("(")[0] for f in fields]
        values_sql = "SELECT * FROM UNNEST(" + ", ".join(f"(%s)::{t}[]" for t in types) + ")"  # noqa: S608 (column types of our own models)
    else:
        row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    for begin in range(0, len(objs), per_statement):
        batch = objs[begin:begin + per_statement]
        rows = [[prep(pre_save(obj, True), connection) for pre_save, prep in prepared] for obj in batch]
        if unnest:
            sql = f"INSERT INTO {q(meta.db_table)} ({columns}) {values_sql}"  # noqa: S608
            params = [list(column) for column in zip(*rows, strict=True)]
        else:
            sql = f"INSERT INTO {q(meta.db_table)} ({columns}) VALUES {', '.join([row_sql] * len(batch))}"  # noqa: S608
            params = [value for row in rows for value in row]
        with connection.cursor() as cursor:
            if returning:
                cursor.execute(f"{sql} RETURNING {q(pk.column)}", params)
                keys = cursor.fetchall()
                for obj, (key,) in zip(batch, keys, strict=True):
                    obj.pk = key
            else:
                cursor.execute(sql, params)
        for obj in batch:
            obj._state.adding = False
            obj._state.db = connection.alias


def _unnestable(fields) -> bool:
    """Whether PostgreSQL can take every column as one typed array (Django's own test for its
    UNNEST inserts: no per-value placeholder, a standard type)."""
    return not any(hasattr(f, "get_placeholder") for f in fields) and all(
        (f.target_field if f.is_relation else f).get_internal_type() in connection.data_types for f in fields)
