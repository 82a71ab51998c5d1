# The follow-up rollup (mizan/reports/followup_rollup.py): today's implementation counts per
# organisation by source, lead body, set of themes and plan phase; what each (recommendation,
# organisation following it) last contributed; and per organisation whether the rollup is stale.
# Filled here from the existing recommendations, each organisation in turn (about 2 s for 52,000
# recommendations on SQLite here: `migrate reports 0004` took 6.3 s with the command's start); the
# database is locked for writes meanwhile.

import django.db.models.deletion
from django.db import migrations, models


def backfill(apps, schema_editor):
    from mizan.reports import followup_rollup

    for organisation_id in followup_rollup.followers(apps=apps):
        followup_rollup.rebuild(organisation_id, apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_role_followup_officer"),
        ("followup", "0005_dashboard_indexes"),
        ("reports", "0003_statistics_rollup"),
    ]

    operations = [
        migrations.CreateModel(
            name="FollowupRollup",
            fields=[
                ("organisation", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                      related_name="+", serialize=False, to="accounts.organisation")),
                ("stale", models.BooleanField(default=False)),
                ("rebuilt_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.CreateModel(
            name="FollowupContribution",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("recommendation_id", models.BigIntegerField()),
                ("state", models.TextField()),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("recommendation_id", "organisation"),
                                                        name="uniq_followup_contribution")],
            },
        ),
        migrations.CreateModel(
            name="FollowupCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("dimension", models.CharField(max_length=1)),
                ("key", models.CharField(max_length=2000)),
                ("status", models.CharField(max_length=20)),
                ("n", models.BigIntegerField(default=0)),
                ("organisation", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                                   related_name="+", to="accounts.organisation")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("organisation", "dimension", "key", "status"),
                                                        name="uniq_followup_count")],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
