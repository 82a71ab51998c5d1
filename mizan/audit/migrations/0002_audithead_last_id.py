from django.db import migrations, models


def set_last_id(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditHead = apps.get_model("audit", "AuditHead")
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    AuditHead.objects.filter(pk=1).update(last_id=last)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(model_name="audithead", name="last_id", field=models.PositiveBigIntegerField(default=0)),
        migrations.RunPython(set_last_id, migrations.RunPython.noop),
    ]
