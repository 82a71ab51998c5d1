"""Retention: `manage.py apply_retention` anonymises cases past their organisation's period."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from mizan.audit.models import AuditEvent, verify_chain
from mizan.complaints.models import (
    Allegation,
    Attachment,
    Case,
    CaseCategory,
    CaseMessage,
    Person,
    RetentionRule,
)
from mizan.complaints.retention import MASK, anonymise_case
from mizan.complaints.services import Upload, post_message
from mizan.search.models import SearchDocument
from tests.desk.test_case_support import PDF, set_status

PHONE = "01001234567"
NATIONAL_ID = "29001011234567"
NARRATIVE = f"اتصلوا بي على هاتف {PHONE} ورقمي القومي {NATIONAL_ID} بعد أن احتجزوني في قسم الدقي"


def ended(case, status, days_ago):
    """`case` reached `status` at noon, `days_ago` days before today (server time zone)."""
    set_status(case, status)
    at = timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(12)))
    Case.objects.filter(pk=case.pk).update(decided_at=at, closed_at=at if status == "closed" else None)
    case.refresh_from_db()
    return case


def run(*args) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def statistics() -> dict:
    return {
        "status": sorted(Case.objects.values_list("organisation_id", "status").annotate(n=Count("id"))),
        "categories": sorted(CaseCategory.objects.values_list("category__code").annotate(n=Count("id"))),
        "allegations": sorted(Allegation.objects.values_list("category__code", "finding").annotate(n=Count("id"))),
        "received": sorted(Case.objects.values_list("pk", "received_at", "decided_at", "closed_at", "channel",
                                                    "urgency", "governorate_id", "facility_id")),
    }


def personal(case) -> dict:
    """Everything of `case` that anonymisation touches."""
    case.refresh_from_db()
    return {
        "narrative": case.narrative,
        "anonymised_at": case.anonymised_at,
        "persons": list(Person.objects.filter(case=case).order_by("pk").values_list(
            "name_enc", "national_id_enc", "phone_enc", "email_enc", "address_enc", "national_id_hash", "phone_hash")),
        "messages": list(CaseMessage.objects.filter(case=case).order_by("pk").values_list("body", flat=True)),
        "attachments": list(Attachment.objects.filter(case=case).values_list("stored_name", flat=True)),
        "search": SearchDocument.objects.filter(case_id=case.pk).values_list("narrative", "messages").first(),
    }


@pytest.fixture
def cases(org, other_org, staff, file_case):
    """due: closed exactly 30 days ago, with a message and a file; kept: closed 29 days ago,
    resolved long ago (no rule for resolved), open; other: another organisation's, closed long ago."""
    due, _ = file_case(NARRATIVE)
    post_message(actor=staff["officer"], case=due, body=f"سنتصل بك على {PHONE}", files=[Upload("شهادة.pdf", PDF)])
    ended(due, "closed", 30)
    recent = ended(file_case(NARRATIVE)[0], "closed", 29)
    resolved = ended(file_case(NARRATIVE)[0], "resolved", 400)
    still_open = file_case(NARRATIVE)[0]
    other = ended(file_case(NARRATIVE)[0], "closed", 100)
    Case.objects.filter(pk=other.pk).update(organisation=other_org)
    RetentionRule.objects.create(organisation=org, status="closed", days=30)
    return {"due": due, "recent": recent, "resolved": resolved, "open": still_open, "other": other}


def test_retention_dry_run_changes_nothing(cases, org):
    before = {name: personal(case) for name, case in cases.items()}
    stats, audit = statistics(), AuditEvent.objects.count()

    out = run("--dry-run")

    assert f"{org.slug} · closed after 30 days: would anonymise 1 case(s)\n  {cases['due'].reference}\n" in out
    assert out.endswith("Dry run: would anonymise 1 case(s) in total.\n")
    assert {name: personal(case) for name, case in cases.items()} == before
    assert statistics() == stats
    assert AuditEvent.objects.count() == audit


def test_retention_anonymises_exactly_the_cases_past_their_period(cases, django_capture_on_commit_callbacks):
    due = cases["due"]
    stored = personal(due)["attachments"]
    assert len(stored) == 1 and default_storage.exists(f"attachments/{stored[0]}")
    kept = {name: personal(case) for name, case in cases.items() if name != "due"}
    stats = statistics()

    with django_capture_on_commit_callbacks(execute=True):
        out = run()

    after = personal(due)
    assert out.endswith("anonymised 1 case(s) in total.\n")
    assert after["anonymised_at"] is not None
    assert after["persons"] == [("", "", "", "", "", "", "")]
    assert after["narrative"] == f"اتصلوا بي على هاتف {MASK} ورقمي القومي {MASK} بعد أن احتجزوني في قسم الدقي"
    assert after["messages"] == [f"سنتصل بك على {MASK}"]
    assert after["attachments"] == []
    assert not default_storage.exists(f"attachments/{stored[0]}")
    assert PHONE not in " ".join(after["search"]) and NATIONAL_ID not in " ".join(after["search"])
    assert {name: personal(case) for name, case in cases.items() if name != "due"} == kept
    assert statistics() == stats


def test_retention_audit_row_per_case_with_ids_only(cases):
    due = cases["due"]

    run()

    row = AuditEvent.objects.get(action="case.anonymise")
    person = Person.objects.get(case=due)
    assert (row.target_type, row.target_id, row.actor, row.actor_label) == ("case", str(due.pk), None, "system")
    assert row.data == {"persons": [person.pk], "messages": 1, "allegations": Allegation.objects.filter(
        case=due).count(), "attachments": 1}
    assert PHONE not in str(row.data)
    assert verify_chain()[1] == []


def test_retention_is_idempotent(cases):
    run()
    first = {name: personal(case) for name, case in cases.items()}
    audit = AuditEvent.objects.count()

    out = run()
    again = anonymise_case(case=cases["due"])

    assert out.endswith("anonymised 0 case(s) in total.\n")
    assert again.already is True
    assert {name: personal(case) for name, case in cases.items()} == first
    assert AuditEvent.objects.count() == audit


def test_retention_organisation_option_and_no_rule_keeps(cases, org, other_org):
    RetentionRule.objects.create(organisation=other_org, status="closed", days=10)

    only_org = run("--organisation", org.slug)

    assert other_org.slug not in only_org
    assert personal(cases["other"])["anonymised_at"] is None
    assert personal(cases["due"])["anonymised_at"] is not None
    RetentionRule.objects.all().delete()
    assert run() == "No retention rule: every case is kept.\nanonymised 0 case(s) in total.\n"
