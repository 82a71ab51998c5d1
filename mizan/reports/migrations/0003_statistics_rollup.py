# The statistics rollup (mizan/reports/rollup.py): counters per organisation, day or month,
# dimension and key; what each case last contributed; and per organisation whether the rollup
# is stale. An installation upgraded over existing cases is marked stale here (cheap) and keeps
# counting from the cases until `manage.py rebuild_statistics` has filled the rollup.

import django.db.models.deletion
from django.db import migrations, models


def mark_existing_stale(apps, schema_editor):
    Case = apps.get_model("complaints", "Case")
    StatisticsRollup = apps.get_model("reports", "StatisticsRollup")
    with_cases = Case.objects.order_by().values_list("organisation_id", flat=True).distinct()
    StatisticsRollup.objects.bulk_create([StatisticsRollup(organisation_id=pk, stale=True) for pk in with_cases])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_organisation_identity_reveal_needs_approval"),
        ("complaints", "0005_retention_rules_and_anonymised_at"),
        ("reports", "0002_publication_settings_and_cache_table"),
    ]

    operations = [
        migrations.CreateModel(
            name="StatisticsRollup",
            fields=[
                ("organisation", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                      related_name="+", serialize=False, to="accounts.organisation")),
                ("stale", models.BooleanField(default=False)),
                ("rebuilt_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.CreateModel(
            name="CaseContribution",
            fields=[
                ("case", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                              related_name="+", serialize=False, to="complaints.case")),
                ("state", models.TextField()),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
            ],
        ),
        migrations.CreateModel(
            name="StatisticsCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("grain", models.CharField(max_length=1)),
                ("start", models.DateField()),
                ("dimension", models.CharField(max_length=2)),
                ("key", models.CharField(max_length=255)),
                ("n", models.BigIntegerField(default=0)),
                ("organisation", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                                   related_name="+", to="accounts.organisation")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("organisation", "grain", "start", "dimension", "key"),
                                                        name="uniq_statistics_count")],
            },
        ),
        migrations.RunPython(mark_existing_stale, migrations.RunPython.noop),
    ]
