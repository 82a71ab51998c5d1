"""The chain's head moved on by the database itself, in the statement that appends a row.

`audit.models.record` wrote each row and then moved the head (its last hash and count) with a
second UPDATE. A trigger now does that inside the row's INSERT: one statement fewer for every
change on the platform, and a row appended by any means moves the head the same way (a row
written without the chain key still fails its own hash in `verify_audit`; deleting rows still
leaves the head ahead of the chain, which `verify_audit` reports). A backup carries the trigger:
SQLite's copy is the database file, and pg_restore creates triggers after it has loaded the rows.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_auditevent BEGIN
        UPDATE audit_audithead SET last_hash = new.hash, count = count + 1 WHERE id = 1;
    END""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS audit_head_follows"]
POSTGRES_FORWARD = [
    """CREATE FUNCTION audit_head_follows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE audit_audithead SET last_hash = NEW.hash, count = count + 1 WHERE id = 1;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_auditevent
        FOR EACH ROW EXECUTE FUNCTION audit_head_follows()""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_head_follows ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_head_follows()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
