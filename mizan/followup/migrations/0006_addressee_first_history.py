"""Each member a secretariat addressed a recommendation to gets the first row of its own status
history, as the recommendation's owner does: a past period's figures read the history, and
without it an addressed recommendation the member never changed was missing from them. Written
at the recommendation's creation (the earliest the member can have been addressed), at the
status the member's first change started from (or, without one, its status: "not started")."""

from django.db import migrations


def backfill(apps, schema_editor):
    Addressee = apps.get_model("followup", "Addressee")
    StatusChange = apps.get_model("followup", "StatusChange")
    have = set(StatusChange.objects.filter(from_status="").values_list("recommendation_id", "organisation_id"))
    started_from = {}
    for rec, org, before in StatusChange.objects.exclude(from_status="").order_by("-at", "-id").values_list(
            "recommendation_id", "organisation_id", "from_status").iterator(chunk_size=2000):
        started_from[rec, org] = before  # the earliest wins
    rows = [StatusChange(recommendation_id=rec, organisation_id=org, from_status="",
                         to_status=started_from.get((rec, org), status), at=created, by_id=by)
            for rec, org, status, created, by in Addressee.objects.values_list(
                "recommendation_id", "organisation_id", "status", "recommendation__created_at",
                "recommendation__created_by_id").iterator(chunk_size=2000)
            if (rec, org) not in have]
    StatusChange.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [("followup", "0005_dashboard_indexes")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
