# Copies the urgency suggestions already waiting for a decision onto their cases (the columns of
# complaints 0007), so the queues show and sort by them from the upgrade on. Rows are updated,
# none added. Their review clock starts now: nobody was alerted of them before, and escalating
# every old one at the first sweep would drown the alerts that matter.

from django.db import migrations
from django.utils import timezone

RANK = {"low": 0, "normal": 1, "high": 2, "critical": 3}


def forwards(apps, schema_editor):
    Case = apps.get_model("complaints", "Case")
    Suggestion = apps.get_model("triage", "Suggestion")
    waiting = {}
    for case_id, value, reasons in (Suggestion.objects.filter(kind="urgency", status="pending")
                                    .values_list("case_id", "value", "reasons").order_by("case_id", "id")):
        if value in RANK and RANK[value] > RANK.get(waiting.get(case_id, (None,))[0], -1):
            waiting[case_id] = (value, [s["code"] for s in (reasons or {}).get("signals", []) if s.get("code")])
    now = timezone.now()
    ids = sorted(waiting)
    for start in range(0, len(ids), 500):  # within every database's limit of query parameters
        for case_id, urgency in Case.objects.filter(pk__in=ids[start:start + 500]).values_list("pk", "urgency"):
            level, signals = waiting[case_id]
            if RANK[level] > RANK.get(urgency, 1):
                Case.objects.filter(pk=case_id).update(suggested_urgency=level, suggested_urgency_signals=signals,
                                                       suggested_urgency_at=now)


def backwards(apps, schema_editor):
    apps.get_model("complaints", "Case").objects.filter(suggested_urgency__isnull=False).update(
        suggested_urgency=None, suggested_urgency_signals=None, suggested_urgency_at=None,
        critical_review_escalated_at=None)


class Migration(migrations.Migration):

    dependencies = [
        ("complaints", "0007_suggested_urgency_and_urgency_order"),
        ("triage", "0001_suggestions_models_signatures_pii_spans"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
