# The urgency triage suggests and nobody has decided yet, kept on the case, and the rank the
# queue's "urgency" order reads (the higher of the accepted and the suggested urgency), computed
# by the database. The nullable columns are added first (a plain ALTER TABLE on SQLite), then the
# generated column (SQLite copies the table once for it), then the indexes that read it.

import django.db.models.functions.comparison
from django.db import migrations, models


def _rank(field):
    levels = (("low", 0), ("normal", 1), ("high", 2), ("critical", 3))
    return models.Case(*(models.When(**{field: level}, then=models.Value(rank)) for level, rank in levels),
                       default=models.Value(0), output_field=models.SmallIntegerField())


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0006_urgency_queue_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='suggested_urgency',
            field=models.CharField(blank=True, choices=[('critical', 'Critical'), ('high', 'High'), ('normal', 'Normal'), ('low', 'Low')], max_length=10, null=True, verbose_name='suggested urgency'),
        ),
        migrations.AddField(
            model_name='case',
            name='suggested_urgency_signals',
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='case',
            name='suggested_urgency_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='case',
            name='critical_review_escalated_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='case',
            name='urgency_rank',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.comparison.Greatest(_rank('urgency'), _rank('suggested_urgency')), output_field=models.SmallIntegerField()),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['organisation', '-urgency_rank', 'received_at', 'id'], name='case_urgency_order'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(condition=models.Q(('suggested_urgency__isnull', False)), fields=['suggested_urgency', 'suggested_urgency_at'], name='case_suggested_urgency'),
        ),
    ]
