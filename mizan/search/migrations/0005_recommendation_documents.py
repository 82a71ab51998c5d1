"""Full-text search of the follow-up's recommendations: one analysed document per
recommendation (`search_recommendation`, `mizan.search.recommendations`), indexed like the
cases' documents — on SQLite an FTS5 table (`search_rec_fts`, external content, kept in step by
triggers), on PostgreSQL a generated tsvector column with a GIN index. The table starts empty:
recommendations index themselves as they are written, and `manage.py rebuild_search_index`
indexes those that exist.
"""

import django.db.models.deletion
from django.db import migrations, models

# = mizan.search.models.RECOMMENDATION_COLUMNS / RECOMMENDATION_TS_WEIGHTS at the time of this migration
COLUMNS = ("reference", "text", "source", "themes", "bodies", "facets")
TS_WEIGHTS = {"reference": "A", "text": "B", "source": "C", "themes": "C", "bodies": "C", "facets": "D"}

_columns = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)

# The documents hold pre-analysed terms (letters and digits separated by spaces), as for cases.
SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_rec_fts USING fts5({_columns},
        content='search_recommendation', content_rowid='recommendation_id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_recommendation_ai AFTER INSERT ON search_recommendation BEGIN
        INSERT INTO search_rec_fts(rowid, {_columns}) VALUES (new.recommendation_id, {_new});
    END""",  # noqa: S608 - constants only
    f"""CREATE TRIGGER search_recommendation_ad AFTER DELETE ON search_recommendation BEGIN
        INSERT INTO search_rec_fts(search_rec_fts, rowid, {_columns}) VALUES ('delete', old.recommendation_id, {_old});
    END""",  # noqa: S608 - constants only
    f"""CREATE TRIGGER search_recommendation_au AFTER UPDATE ON search_recommendation BEGIN
        INSERT INTO search_rec_fts(search_rec_fts, rowid, {_columns}) VALUES ('delete', old.recommendation_id, {_old});
        INSERT INTO search_rec_fts(rowid, {_columns}) VALUES (new.recommendation_id, {_new});
    END""",  # noqa: S608 - constants only
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_recommendation_au",
    "DROP TRIGGER IF EXISTS search_recommendation_ad",
    "DROP TRIGGER IF EXISTS search_recommendation_ai",
    "DROP TABLE IF EXISTS search_rec_fts",
]

_vector = " || ".join(f"setweight(to_tsvector('simple', {c}), '{TS_WEIGHTS[c]}')" for c in COLUMNS)
POSTGRES_FORWARD = [
    f"ALTER TABLE search_recommendation ADD COLUMN vector tsvector GENERATED ALWAYS AS ({_vector}) STORED",
    "CREATE INDEX search_recommendation_vector ON search_recommendation USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_recommendation_vector",
    "ALTER TABLE search_recommendation DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_role_followup_officer"),
        ("followup", "0001_initial"),
        ("search", "0004_partition_search_documents"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecommendationDocument",
            fields=[
                ("recommendation", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                        related_name="search_document", serialize=False,
                                                        to="followup.recommendation")),
                ("reference", models.TextField(blank=True)),
                ("text", models.TextField(blank=True)),
                ("source", models.TextField(blank=True)),
                ("themes", models.TextField(blank=True)),
                ("bodies", models.TextField(blank=True)),
                ("facets", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
            ],
            options={
                "verbose_name": "search document of a recommendation",
                "verbose_name_plural": "search documents of recommendations",
                "db_table": "search_recommendation",
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
