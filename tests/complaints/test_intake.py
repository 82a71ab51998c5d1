"""Filing a complaint: references, receipts, encryption, routing, audit."""

import re

import pytest
from django.db import connection
from django.utils import translation

from mizan.audit.models import AuditEvent, verify_chain
from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.identity import unseal
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Case, Category, Person, RoutingRule, TimelineEvent
from mizan.complaints.services import set_categories


def test_intake_reference_numbers_increase_and_receipt_is_16_digits(file_case):
    first, receipt = file_case()
    second, _ = file_case()
    assert re.fullmatch(r"EG-\d{4}-000001", first.reference)
    assert second.reference.endswith("-000002")
    assert re.fullmatch(r"\d{16}", receipt)


def test_intake_receipt_is_not_stored_and_opens_the_case(file_case):
    case, receipt = file_case()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM complaints_case WHERE id = %s", [case.pk])
        row = " ".join(str(v) for v in cursor.fetchone())
    assert receipt not in row
    assert get_case_by_receipt(receipt) == case
    assert get_case_by_receipt("0" * 16) is None
    assert get_case_by_receipt("12345") is None


def test_intake_identity_is_encrypted_and_hash_is_keyed(file_case):
    case, _ = file_case()
    person = Person.objects.get(case=case, role="complainant")
    assert "منى" not in person.name_enc and person.name_enc.startswith("v1.")
    assert "29001011234567" not in person.national_id_hash
    assert unseal(person.name_enc, "name", case.pk) == "منى عبد الله"


def test_intake_ciphertext_cannot_move_to_another_case(file_case):
    from mizan.lib.vault import VaultError

    case, _ = file_case()
    other, _ = file_case()
    token = Person.objects.get(case=case, role="complainant").name_enc
    with pytest.raises(VaultError):
        unseal(token, "name", other.pk)


def test_intake_anonymous_stores_no_identity(file_case):
    case, _ = file_case(anonymous=True)
    person = Person.objects.get(case=case)
    assert (person.name_enc, person.national_id_enc, person.phone_enc, person.national_id_hash) == ("", "", "", "")
    assert case.anonymous is True


def test_intake_creates_one_allegation_per_category_and_public_acknowledgement(file_case):
    case, _ = file_case()
    assert sorted(case.allegations.values_list("category__code", flat=True)) == ["arbitrary_detention", "torture"]
    public = list(TimelineEvent.objects.filter(case=case).public().values_list("kind", flat=True))
    assert public == ["submitted", "acknowledged"]
    assert case.acknowledged_at == case.received_at


def test_intake_routes_to_default_unit_then_by_rule(org, places, staff, file_case):
    RoutingRule.objects.create(organisation=org, category=Category.objects.get(code="detention_conditions"),
                               facility=places["prison"], unit=places["prisons"])
    default_case, _ = file_case()
    assert default_case.unit == places["hr"]
    routed, _ = file_case(categories=["detention_conditions"], facility=str(places["prison"].pk))
    assert routed.unit == places["prisons"]
    assert TimelineEvent.objects.filter(case=routed, kind="routed").last().data["rule"] is not None


def test_intake_rerouted_when_categories_change(org, places, staff, file_case):
    RoutingRule.objects.create(organisation=org, category=Category.objects.get(code="detention_conditions"),
                               unit=places["prisons"])
    case, _ = file_case()
    set_categories(actor=staff["officer"], case=case, categories=[Category.objects.get(code="detention_conditions")])
    case.refresh_from_db()
    assert case.unit == places["prisons"]


def test_intake_most_specific_rule_wins(org, places, file_case):
    cat = Category.objects.get(code="torture")
    RoutingRule.objects.create(organisation=org, category=cat, unit=places["hr"])
    RoutingRule.objects.create(organisation=org, category=cat, facility=places["station"], unit=places["prisons"])
    case, _ = file_case(categories=["torture"], facility=str(places["station"].pk))
    assert case.unit == places["prisons"]


def test_intake_validation_messages(org, places):
    cleaned, errors = clean_intake(org, {"narrative": "   ", "categories": ["torture", "nope"],
                                         "incident_date": "2099-01-01", "facility": "999999",
                                         "vulnerabilities": ["alien"], "anonymous": False, "complainant": {}})
    assert set(errors) == {"narrative", "categories", "incident_date", "facility", "vulnerabilities", "complainant.name"}


def test_intake_writes_audit_chain(file_case):
    file_case()
    assert AuditEvent.objects.filter(action="case.create").count() == 1
    count, problems = verify_chain()
    assert problems == [] and count >= 1


def test_audit_chain_detects_edit(file_case):
    file_case()
    file_case()
    AuditEvent.objects.filter(pk=AuditEvent.objects.first().pk).update(action="case.tampered")
    with translation.override("en"):
        _count, problems = verify_chain()
    assert any("changed" in p for p in problems)


def test_intake_counts_cases_scoped(file_case, other_org):
    file_case()
    assert Case.objects.filter(organisation=other_org).count() == 0
