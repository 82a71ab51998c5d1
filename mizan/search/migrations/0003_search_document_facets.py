"""The case's organisation, status and urgency as index terms (`mizan.search.facets`).

Adds `search_document.facets`, fills it for the documents that exist from their cases (the SQL
twin of `facets.document_facets`), and rebuilds the full-text index over the seven columns:
on SQLite the FTS5 table and its triggers are re-created and rebuilt from the documents; on
PostgreSQL the generated tsvector column and its GIN index are re-created. Like every index
rebuild, this takes a while on a large installation (about 1,000,000 cases: minutes) and holds
the write lock meanwhile: run it with the upgrade, as the README's Upgrade section says.
"""

from django.db import migrations, models

TEXT_FIELDS = ("reference", "narrative", "allegations", "categories", "messages", "places")
TS_WEIGHTS = {"reference": "A", "narrative": "B", "allegations": "B", "categories": "C",
              "messages": "D", "places": "C", "facets": "D"}
# = mizan.search.facets.sql_document_facets("c.organisation_id", "c.status", "c.urgency"), frozen here.
FACETS_SQL = ("'0forg0' || c.organisation_id || ' ' "
              "|| '0forg0' || c.organisation_id || '0s' || replace(c.status, '_', '') || ' ' "
              "|| '0forg0' || c.organisation_id || '0u' || replace(c.urgency, '_', '') || ' ' "
              "|| '0forg0' || c.organisation_id || '0s' || replace(c.status, '_', '') || '0u' || replace(c.urgency, '_', '')")


def _sqlite_index(fields):
    columns = ", ".join(fields)
    new = ", ".join(f"new.{f}" for f in fields)
    old = ", ".join(f"old.{f}" for f in fields)
    return [
        f"""CREATE VIRTUAL TABLE search_fts USING fts5({columns},
            content='search_document', content_rowid='case_id',
            tokenize='unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
            INSERT INTO search_fts(rowid, {columns}) VALUES (new.case_id, {new});
        END""",
        f"""CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
            INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.case_id, {old});
        END""",
        f"""CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
            INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.case_id, {old});
            INSERT INTO search_fts(rowid, {columns}) VALUES (new.case_id, {new});
        END""",
        "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'col')",
        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
        "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
    ]


SQLITE_DROP_INDEX = [
    "DROP TABLE IF EXISTS search_vocab",
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TABLE IF EXISTS search_fts",
]
SQLITE_FORWARD = [
    *SQLITE_DROP_INDEX,
    "ALTER TABLE search_document ADD COLUMN facets text NOT NULL DEFAULT ''",
    f"UPDATE search_document SET facets = (SELECT {FACETS_SQL} FROM complaints_case c "  # noqa: S608
    "WHERE c.id = search_document.case_id)",
    *_sqlite_index((*TEXT_FIELDS, "facets")),
]
SQLITE_BACKWARD = [
    *SQLITE_DROP_INDEX,
    "ALTER TABLE search_document DROP COLUMN facets",
    *_sqlite_index(TEXT_FIELDS),
]


def _vector(fields):
    return " || ".join(f"setweight(to_tsvector('simple', {f}), '{TS_WEIGHTS[f]}')" for f in fields)


POSTGRES_DROP_INDEX = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS vector",
]
POSTGRES_FORWARD = [
    *POSTGRES_DROP_INDEX,
    "ALTER TABLE search_document ADD COLUMN facets text NOT NULL DEFAULT ''",
    f"UPDATE search_document d SET facets = {FACETS_SQL} FROM complaints_case c WHERE c.id = d.case_id",  # noqa: S608
    f"ALTER TABLE search_document ADD COLUMN vector tsvector GENERATED ALWAYS AS "
    f"({_vector((*TEXT_FIELDS, 'facets'))}) STORED",
    "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
    "ANALYZE search_document",
]
POSTGRES_BACKWARD = [
    *POSTGRES_DROP_INDEX,
    "ALTER TABLE search_document DROP COLUMN facets",
    f"ALTER TABLE search_document ADD COLUMN vector tsvector GENERATED ALWAYS AS ({_vector(TEXT_FIELDS)}) STORED",
    "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_index_row_every_document_term"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="searchdocument", name="facets", field=models.TextField(blank=True)),
            ],
            database_operations=[
                migrations.RunPython(
                    _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
                    _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
                ),
            ],
        ),
    ]
