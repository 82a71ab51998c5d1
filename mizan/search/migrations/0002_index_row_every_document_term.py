"""The ORM's view of the FTS5 table (state only), and the term every search document holds.

`query.EVERY_DOCUMENT_TERM` lets a search of exclusions only ("-word") run as one full-text
query. Documents written from now on get it from `indexer.reference_terms`; this adds it to the
documents that exist. On SQLite the update triggers keep FTS5 in step; on PostgreSQL the
generated tsvector column follows by itself.
"""

from django.db import migrations, models

TERM = "0every0"  # = mizan.search.query.EVERY_DOCUMENT_TERM at the time of this migration

FORWARD = (f"UPDATE search_document SET reference = CASE WHEN reference = '' THEN '{TERM}' "
           f"ELSE reference || ' {TERM}' END WHERE ' ' || reference || ' ' NOT LIKE '% {TERM} %'")
BACKWARD = f"UPDATE search_document SET reference = trim(replace(' ' || reference || ' ', ' {TERM} ', ' '))"


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="IndexRow",
            fields=[
                ("rowid", models.BigIntegerField(db_column="rowid", primary_key=True, serialize=False)),
            ],
            options={
                "db_table": "search_fts",
                "managed": False,
            },
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
