import django.db.models.deletion
from django.db import migrations, models

FIELDS = ("reference", "narrative", "allegations", "categories", "messages", "places")
TS_WEIGHTS = {"reference": "A", "narrative": "B", "allegations": "B", "categories": "C",
              "messages": "D", "places": "C"}

_columns = ", ".join(FIELDS)
_new = ", ".join(f"new.{f}" for f in FIELDS)
_old = ", ".join(f"old.{f}" for f in FIELDS)

# The documents hold pre-analysed terms (letters and digits only, separated by spaces), so the
# tokenizer only has to split on spaces; diacritics are already gone and must not be folded
# differently from the query side.
SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({_columns},
        content='search_document', content_rowid='case_id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
        INSERT INTO search_fts(rowid, {_columns}) VALUES (new.case_id, {_new});
    END""",
    f"""CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_columns}) VALUES ('delete', old.case_id, {_old});
    END""",
    f"""CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_columns}) VALUES ('delete', old.case_id, {_old});
        INSERT INTO search_fts(rowid, {_columns}) VALUES (new.case_id, {_new});
    END""",
    # Per-column document frequencies, read by "similar cases" to pick a case's rarest terms.
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'col')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS search_vocab",
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TABLE IF EXISTS search_fts",
]

_vector = " || ".join(f"setweight(to_tsvector('simple', {f}), '{TS_WEIGHTS[f]}')" for f in FIELDS)
POSTGRES_FORWARD = [
    f"ALTER TABLE search_document ADD COLUMN vector tsvector GENERATED ALWAYS AS ({_vector}) STORED",
    "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0001_initial"),
        ("complaints", "0002_seed_taxonomy"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("case", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                              related_name="search_document", serialize=False,
                                              to="complaints.case")),
                ("reference", models.TextField(blank=True)),
                ("narrative", models.TextField(blank=True)),
                ("allegations", models.TextField(blank=True)),
                ("categories", models.TextField(blank=True)),
                ("messages", models.TextField(blank=True)),
                ("places", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
                "db_table": "search_document",
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
