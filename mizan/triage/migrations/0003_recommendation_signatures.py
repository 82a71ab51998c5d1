# MinHash signatures of the follow-up's recommendations (one per language version) and their
# band keys, for near-duplicate suggestions across sources (mizan.triage.followup). The tables
# start empty: each recommendation gets its signatures when it is next written, or when the
# engine runs over it.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_role_followup_officer"),
        ("followup", "0001_initial"),
        ("triage", "0002_suggested_urgency_on_cases"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecommendationSignature",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=8)),
                ("signature", models.BinaryField()),
                ("text_hash", models.CharField(max_length=64)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
                ("recommendation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                     to="followup.recommendation")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("recommendation", "language"),
                                                        name="uniq_recommendation_signature")],
            },
        ),
        migrations.CreateModel(
            name="RecommendationBand",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=32)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="accounts.organisation")),
                ("signature", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="bands",
                                                to="triage.recommendationsignature")),
            ],
            options={
                "indexes": [models.Index(fields=["key", "organisation"], name="triage_recband_key_org")],
            },
        ),
    ]
