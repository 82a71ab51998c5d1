"""PostgreSQL: `search_document` partitioned by range of case id (`mizan.search.partitions`).

The table is re-created as a partitioned table with the same columns, keys, foreign keys and
indexes, one partition per SPAN case ids up to the next after the newest case, and the
documents are copied into it (their tsvectors are generated again on the way). A search then
reads the newest partitions first (`backends.PostgresBackend.window`). Like every index
rebuild this takes a while on a large installation (1,000,000 cases: a few minutes) and locks
the table meanwhile: run it with the upgrade, as the README's Upgrade section says.
Backwards: one plain table again. Nothing to do on SQLite.
"""

from django.db import migrations

SPAN = 50_000  # = mizan.search.partitions.SPAN at the time of this migration
COLUMNS = ("case_id", "reference", "narrative", "allegations", "categories", "messages", "places",
           "indexed_at", "organisation_id", "facets")
WEIGHTS = {"reference": "A", "narrative": "B", "allegations": "B", "categories": "C",
           "messages": "D", "places": "C", "facets": "D"}
VECTOR = " || ".join(f"setweight(to_tsvector('simple', {f}), '{w}')" for f, w in WEIGHTS.items())
DEFINITION = """
    case_id bigint NOT NULL,
    reference text NOT NULL,
    narrative text NOT NULL,
    allegations text NOT NULL,
    categories text NOT NULL,
    messages text NOT NULL,
    places text NOT NULL,
    indexed_at timestamp with time zone NOT NULL,
    organisation_id bigint NOT NULL,
    facets text NOT NULL DEFAULT '',
    vector tsvector GENERATED ALWAYS AS ({vector}) STORED
"""


def _foreign_keys(cursor, table):
    """(name, definition) of `table`'s foreign keys, as the catalogue holds them."""
    cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                   "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname", [table])
    return cursor.fetchall()


def _indexes(cursor, table):
    """(name, definition) of `table`'s indexes other than its primary key."""
    cursor.execute("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                   "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary ORDER BY i.relname", [table])
    return cursor.fetchall()


def _rebuild(schema_editor, *, partitioned):
    """Re-create `search_document` (partitioned or not) with its documents, keys and indexes."""
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(COLUMNS)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # deferred checks pending on the old table: now
        foreign_keys = _foreign_keys(cursor, "search_document")
        indexes = _indexes(cursor, "search_document")
        cursor.execute("SELECT coalesce(max(case_id), 0) FROM search_document")
        newest = cursor.fetchone()[0]
        cursor.execute("LOCK TABLE search_document IN ACCESS EXCLUSIVE MODE")
        cursor.execute("ALTER TABLE search_document RENAME TO search_document_previous")
        cursor.execute("ALTER INDEX search_document_pkey RENAME TO search_document_previous_pkey")
        for index, _definition in indexes:
            cursor.execute(f'ALTER INDEX "{index}" RENAME TO "{index}_previous"')
        tail = " PARTITION BY RANGE (case_id)" if partitioned else ""
        cursor.execute(f"CREATE TABLE search_document ({DEFINITION.format(vector=VECTOR)},"
                       f" CONSTRAINT search_document_pkey PRIMARY KEY (case_id)){tail}")
        if partitioned:
            for index in range(newest // SPAN + 2):
                cursor.execute(f"CREATE TABLE search_document_p{index:05d} PARTITION OF search_document "
                               f"FOR VALUES FROM ({index * SPAN}) TO ({(index + 1) * SPAN})")
        cursor.execute(f"INSERT INTO search_document ({columns}) "  # noqa: S608 (constants only)
                       f"SELECT {columns} FROM search_document_previous ORDER BY case_id")
        cursor.execute("DROP TABLE search_document_previous")
        for constraint, definition in foreign_keys:
            cursor.execute(f'ALTER TABLE search_document ADD CONSTRAINT "{constraint}" {definition}')
        for index, definition in indexes:
            # pg_get_indexdef names the old table and index; the new ones take their names.
            definition = definition.replace(" ON public.search_document ", " ON search_document ")
            definition = definition.replace(" ONLY ", " ")
            cursor.execute(definition)
        cursor.execute("ANALYZE search_document")


def forward(apps, schema_editor):
    _rebuild(schema_editor, partitioned=True)


def backward(apps, schema_editor):
    _rebuild(schema_editor, partitioned=False)


class Migration(migrations.Migration):
    atomic = True

    dependencies = [
        ("search", "0003_search_document_facets"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
