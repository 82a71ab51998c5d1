"""Public API: filing a complaint, following it with the receipt, and the reference lists."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.accounts.models import Facility
from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.identity import unseal
from mizan.complaints.models import Case, CaseMessage, Category, Person, TimelineEvent
from mizan.complaints.services import post_message, transition_case
from mizan.complaints.workflow import Status
from mizan.lib.digits import to_arabic_indic
from tests.api.conftest import error_of

COMPLAINTS = "/api/v1/complaints"
TRACK = "/api/v1/track"
TRACK_MESSAGES = "/api/v1/track/messages"


# --- filing -----------------------------------------------------------------------------------

def test_complaint_filed_returns_reference_receipt_and_status(api, complaint_body, org):
    response = api.post(COMPLAINTS, complaint_body())

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"reference", "receipt", "status"}
    assert re.fullmatch(r"\d{16}", body["receipt"])
    assert body["status"] == "received"
    case = Case.objects.get(reference=body["reference"])
    assert re.fullmatch(r"EG-\d{4}-000001", case.reference)
    assert case.organisation == org
    assert case.channel == "api"
    assert get_case_by_receipt(body["receipt"]) == case


def test_complaint_filed_keeps_every_field_and_seals_identity(api, complaint_body, places):
    response = api.post(COMPLAINTS, complaint_body())

    case = Case.objects.get(reference=response.json()["reference"])
    assert case.narrative == "احتجزوا ابني في قسم شرطة الدقي أربعة أيام دون عرضه على النيابة"
    assert case.incident_date.isoformat() == "2026-09-15"
    assert case.governorate == places["giza"]
    assert case.facility == places["station"]
    assert case.anonymous is False
    assert case.identity_consent is True
    assert list(case.case_categories.values_list("category__code", flat=True)) == ["arbitrary_detention"]
    assert list(case.vulnerability_markers.values_list("code", flat=True)) == ["detainee"]
    complainant = case.persons.get(role=Person.Role.COMPLAINANT)
    assert complainant.relation_to_victim == "family"
    assert "سعاد" not in complainant.name_enc
    assert unseal(complainant.name_enc, "name", case.pk) == "سعاد محمود"
    assert unseal(complainant.email_enc, "email", case.pk) == "souad@example.org"
    assert list(case.timeline.public().values_list("kind", flat=True)) == ["submitted", "acknowledged"]


def test_complaint_anonymous_stores_no_identity(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(anonymous=True, relation="self"))

    case = Case.objects.get(reference=response.json()["reference"])
    assert case.anonymous is True
    assert [p.has_identity for p in case.persons.all()] == [False]


def test_complaint_without_csrf_token_is_accepted(complaint_body):
    browser_like = Client(enforce_csrf_checks=True)

    response = browser_like.post(COMPLAINTS, complaint_body(), content_type="application/json")

    assert response.status_code == 201


def test_complaint_stores_no_ip_address(complaint_body):
    client = Client(REMOTE_ADDR="203.0.113.77")

    response = client.post(COMPLAINTS, complaint_body(), content_type="application/json")

    assert response.status_code == 201
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                assert "203.0.113.77" not in " ".join(str(v) for v in row), table


def test_complaint_for_another_organisation_by_slug(api, complaint_body, other_org):
    response = api.post(COMPLAINTS, complaint_body(organisation="nhri", governorate=None, facility=None))

    assert response.status_code == 201
    assert Case.objects.get(reference=response.json()["reference"]).organisation == other_org


@pytest.mark.parametrize("slug", ["no-such-org", "closed-org"])
def test_complaint_unknown_or_closed_organisation_is_a_field_error(api, complaint_body, other_org, slug):
    other_org.slug, other_org.accepts_public_complaints = "closed-org", False
    other_org.save()

    response = api.post(COMPLAINTS, complaint_body(organisation=slug))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"organisation": "Unknown organisation."}
    assert Case.objects.count() == 0


def test_complaint_without_default_organisation_is_a_field_error(api, complaint_body, org):
    org.is_default_intake = False
    org.save()

    response = api.post(COMPLAINTS, complaint_body())

    assert response.status_code == 400
    assert list(error_of(response)["fields"]) == ["organisation"]


def test_complaint_missing_narrative_is_a_field_error(api, complaint_body):
    body = complaint_body()
    del body["narrative"]

    response = api.post(COMPLAINTS, body)

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid"
    assert error["fields"] == {"narrative": "This field is required."}
    assert Case.objects.count() == 0


def test_complaint_blank_narrative_is_a_field_error(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(narrative="   "))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"narrative": "Describe what happened."}


def test_complaint_two_megabyte_narrative_is_refused(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(narrative="a" * (2 * 1024 * 1024)))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"narrative": "The description is too long (at most 20000 characters)."}
    assert Case.objects.count() == 0


def test_complaint_body_over_the_upload_limit_is_a_json_413(api, complaint_body):
    # 2 MB of Arabic letters is 4 MB of UTF-8, over DATA_UPLOAD_MAX_MEMORY_SIZE (3 MB).
    response = api.post(COMPLAINTS, complaint_body(narrative="ب" * (2 * 1024 * 1024)))

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert error_of(response)["code"] == "too_large"
    assert Case.objects.count() == 0


@pytest.mark.parametrize(("value", "message"), [
    ("15/09/2026", "Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    ("2026-02-30", "Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    ("1850-01-01", "The date is too far in the past."),
])
def test_complaint_bad_incident_date_is_a_field_error(api, complaint_body, value, message):
    response = api.post(COMPLAINTS, complaint_body(incident_date=value))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"incident_date": message}


def test_complaint_future_incident_date_is_a_field_error(api, complaint_body):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = api.post(COMPLAINTS, complaint_body(incident_date=tomorrow))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"incident_date": "The date cannot be in the future."}


def test_complaint_arabic_indic_date_is_accepted(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(incident_date=to_arabic_indic("2026-09-15")))

    assert response.status_code == 201
    assert Case.objects.get().incident_date.isoformat() == "2026-09-15"


def test_complaint_unknown_codes_and_places_are_field_errors(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(
        categories=["torture", "flying_carpets"], vulnerabilities=["giant"], facility=999999, governorate="atlantis"))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "categories": "Unknown categories: flying_carpets.",
        "vulnerabilities": "Unknown groups: giant.",
        "facility": "Unknown place.",
        "governorate": "Unknown Governorate.",
    }
    assert Case.objects.count() == 0


def test_complaint_facility_of_another_organisation_is_unknown(api, complaint_body, other_org):
    elsewhere = Facility.objects.create(organisation=other_org, kind="police_station", name_ar="مخفر",
                                        governorate=other_org.governorates.create(code="rabat", name_ar="الرباط"))

    response = api.post(COMPLAINTS, complaint_body(facility=elsewhere.pk, governorate=None))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"facility": "Unknown place."}


def test_complaint_field_paths_name_nested_fields(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(complainant={"name": "", "email": "not-an-address"}))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "complainant.name": "Give your name, or choose to complain anonymously.",
        "complainant.email": "Enter a valid e-mail address.",
    }


def test_complaint_wrong_json_types_are_field_errors(api, complaint_body):
    response = api.post(COMPLAINTS, complaint_body(anonymous="perhaps", categories="torture", facility="the big one",
                                                  complainant={"name": ["a", "list"]}))

    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "anonymous": "Enter true or false.",
        "complainant.name": "Enter text.",
        "facility": "Enter a whole number.",
        "categories": "Enter a list.",
    }


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"a string"'])
def test_complaint_body_that_is_not_an_object_is_refused(api, org, raw):
    response = api.post(COMPLAINTS, raw=raw)

    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid"
    assert Case.objects.count() == 0


@override_settings(MIZAN_THROTTLE_SUBMIT_PER_HOUR=2)
def test_complaint_throttled_after_the_hourly_limit(api, complaint_body):
    first = api.post(COMPLAINTS, complaint_body())
    second = api.post(COMPLAINTS, complaint_body())

    third = api.post(COMPLAINTS, complaint_body())

    assert (first.status_code, second.status_code, third.status_code) == (201, 201, 429)
    error = error_of(third)
    assert error["code"] == "throttled"
    assert error["fields"] == {}
    assert 0 < int(third["Retry-After"]) <= 3600
    assert Case.objects.count() == 2


# --- following with the receipt ---------------------------------------------------------------

def test_track_shows_public_history_and_messages_only(api, staff, file_case):
    case, receipt = file_case()
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال صورة من المحضر", internal=False)
    post_message(actor=staff["officer"], case=case, body="ملاحظة داخلية سرية", internal=True)

    response = api.get(TRACK, receipt=receipt)

    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == case.reference
    assert body["status"] == "received"
    assert body["status_label"] == "Received"
    assert body["status_explanation"] == (
        "Your complaint has been received and registered. An officer will look at it soon.")
    assert [m["direction"] for m in body["messages"]] == ["to_complainant"]
    assert body["messages"][0]["body"] == "نرجو إرسال صورة من المحضر"
    assert "ملاحظة داخلية سرية" not in response.content.decode()
    public_count = TimelineEvent.objects.filter(case=case, public=True).count()
    assert len(body["timeline"]) == public_count < TimelineEvent.objects.filter(case=case).count()
    assert body["timeline"][0]["text"] == "Complaint received (channel: Web portal)."
    assert body["outcome"] is None
    assert body["findings"] == []


def test_track_unknown_malformed_and_missing_receipts_answer_alike(api, file_case):
    _case, receipt = file_case()
    wrong = "0" * 16 if receipt != "0" * 16 else "1" * 16

    answers = [api.get(TRACK, receipt=wrong), api.get(TRACK, receipt="12345"),
               api.get(TRACK, receipt="abcdefghijklmnop"), api.get(TRACK)]

    assert {r.status_code for r in answers} == {404}
    assert len({r.content for r in answers}) == 1
    error = error_of(answers[0])
    assert error["code"] == "not_found"
    assert error["fields"] == {}


def test_track_receipt_in_arabic_indic_digits_and_groups_works(api, file_case):
    case, receipt = file_case()
    grouped = " ".join(to_arabic_indic(receipt[i:i + 4]) for i in range(0, 16, 4))

    response = api.get(TRACK, receipt=grouped)

    assert response.status_code == 200
    assert response.json()["reference"] == case.reference


def test_track_shows_outcome_and_findings_once_decided(api, staff, file_case):
    case, receipt = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    torture, detention = case.allegations.order_by("id")
    transition_case(actor=staff["officer"], case=case, to=Status.RESOLVED, note="ثبت تجاوز مدة الاحتجاز",
                    findings={torture.pk: {"finding": "not_substantiated"},
                              detention.pk: {"finding": "substantiated", "note": "داخلي"}})

    body = api.get(TRACK, receipt=receipt).json()

    assert body["status"] == "resolved"
    assert body["outcome"] == "ثبت تجاوز مدة الاحتجاز"
    assert body["findings"] == [
        {"category": "torture", "category_label": "Torture and ill-treatment", "finding": "not_substantiated",
         "finding_label": "Not substantiated"},
        {"category": "arbitrary_detention", "category_label": "Arbitrary arrest and detention", "finding": "substantiated",
         "finding_label": "Substantiated"},
    ]
    assert "داخلي" not in str(body)


@override_settings(MIZAN_THROTTLE_TRACK_PER_HOUR=3)
def test_track_throttled_after_the_hourly_limit_even_with_a_good_receipt(api, file_case):
    _case, receipt = file_case()
    for _attempt in range(3):
        api.get(TRACK, receipt="9" * 16)

    response = api.get(TRACK, receipt=receipt)

    assert response.status_code == 429
    assert error_of(response)["code"] == "throttled"


@override_settings(MIZAN_THROTTLE_TRACK_PER_HOUR=1)
def test_track_message_shares_the_track_throttle(api, file_case):
    case, receipt = file_case()
    api.get(TRACK, receipt=receipt)

    response = api.post(TRACK_MESSAGES, {"body": "هل من جديد؟"}, receipt=receipt)

    assert response.status_code == 429
    assert not CaseMessage.objects.filter(case=case).exists()


def test_track_message_reaches_the_case(api, file_case):
    case, receipt = file_case()

    response = api.post(TRACK_MESSAGES, {"body": "أرفقت صورة المحضر"}, receipt=receipt)

    assert response.status_code == 201
    assert response.json() == {"status": "received"}
    message = CaseMessage.objects.get(case=case)
    assert (message.kind, message.body) == ("from_complainant", "أرفقت صورة المحضر")


def test_track_message_resumes_a_case_waiting_for_the_complainant(api, staff, file_case):
    case, receipt = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    transition_case(actor=staff["officer"], case=case, to=Status.AWAITING_COMPLAINANT, note="أرسل صورة المحضر")

    response = api.post(TRACK_MESSAGES, {"body": "أرسلتها"}, receipt=receipt)

    assert response.status_code == 201
    assert response.json() == {"status": "in_progress"}


def test_track_message_to_a_closed_case_conflicts_and_changes_nothing(api, file_case):
    case, receipt = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED)
    version = Case.objects.get(pk=case.pk).version

    response = api.post(TRACK_MESSAGES, {"body": "لماذا أغلقت؟"}, receipt=receipt)

    assert response.status_code == 409
    assert error_of(response)["code"] == "closed"
    assert not CaseMessage.objects.filter(case=case).exists()
    assert Case.objects.get(pk=case.pk).version == version


def test_track_message_empty_body_is_a_field_error(api, file_case):
    case, receipt = file_case()

    response = api.post(TRACK_MESSAGES, {"body": "  "}, receipt=receipt)

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"body": "Write a message."}
    assert not CaseMessage.objects.filter(case=case).exists()


def test_track_message_with_a_wrong_receipt_is_the_same_404(api, file_case):
    file_case()

    wrong = api.post(TRACK_MESSAGES, {"body": "مرحبا"}, receipt="1234567890123456")
    malformed = api.post(TRACK_MESSAGES, {"body": "مرحبا"}, receipt="1234")

    assert (wrong.status_code, malformed.status_code) == (404, 404)
    assert wrong.content == malformed.content == api.get(TRACK, receipt="1234").content
    assert CaseMessage.objects.count() == 0


# --- reference lists --------------------------------------------------------------------------

def test_taxonomy_lists_codes_labels_and_parents_in_arabic_by_default(api, db):
    Category.objects.create(code="torture_beating", parent=Category.objects.get(code="torture"),
                            label_ar="الضرب", label_en="Beating", label_fr="Coups")

    response = api.get("/api/v1/taxonomy", headers={"Accept-Language": ""})

    body = response.json()
    assert response["Content-Language"] == "ar"

    by_code = {c["code"]: c for c in body}
    assert by_code["torture"] == {
        "code": "torture", "parent": None, "label": "التعذيب وسوء المعاملة",
        "labels": {"ar": "التعذيب وسوء المعاملة", "en": "Torture and ill-treatment", "fr": "Torture et mauvais traitements"},
    }
    assert by_code["torture_beating"]["parent"] == "torture"
    assert len(body) == Category.objects.filter(is_active=True).count()


def test_taxonomy_label_follows_accept_language(api, db):
    body = api.get("/api/v1/taxonomy", headers={"Accept-Language": "en-GB,en;q=0.9"}).json()

    assert body[0]["label"] == "Torture and ill-treatment"


def test_taxonomy_query_count_is_constant(api, db):
    with CaptureQueriesContext(connection) as few:
        api.get("/api/v1/taxonomy")
    for i in range(3):
        Category.objects.create(code=f"extra_{i}", parent=Category.objects.get(code="privacy"),
                                label_ar="فرعي", label_en="Sub", label_fr="Sous")

    with CaptureQueriesContext(connection) as more:
        api.get("/api/v1/taxonomy")

    assert len(more) == len(few)


def test_facilities_and_governorates_of_the_default_organisation(api, places, other_org):
    facilities = api.get("/api/v1/facilities", headers={"Accept-Language": "en"}).json()
    governorates = api.get("/api/v1/governorates", headers={"Accept-Language": "de, ar;q=0.5"}).json()

    assert facilities == [
        {"id": places["station"].pk, "name": "Dokki police station", "kind": "police_station",
         "kind_label": "Police station", "governorate": "giza"},
        {"id": places["prison"].pk, "name": "Cairo correction centre", "kind": "correction_centre",
         "kind_label": "Correction and rehabilitation centre", "governorate": "cairo"},
    ]
    assert governorates == [{"code": "giza", "name": "الجيزة"}, {"code": "cairo", "name": "القاهرة"}]


def test_facilities_of_another_organisation_by_slug(api, places, other_org):
    rabat = other_org.governorates.create(code="rabat", name_ar="الرباط")
    Facility.objects.create(organisation=other_org, kind="detention_centre", governorate=rabat, name_ar="مركز")

    body = api.get("/api/v1/facilities", {"organisation": "nhri"}).json()

    assert [(f["name"], f["governorate"]) for f in body] == [("مركز", "rabat")]


def test_facilities_unknown_organisation_is_a_field_error(api, places):
    response = api.get("/api/v1/facilities", {"organisation": "nowhere"})

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"organisation": "Unknown organisation."}


def test_facilities_query_count_is_constant(api, places, org):
    with CaptureQueriesContext(connection) as few:
        api.get("/api/v1/facilities")
    for i in range(3):
        Facility.objects.create(organisation=org, kind="other", governorate=places["cairo"], name_ar=f"مكان {i}")

    with CaptureQueriesContext(connection) as more:
        response = api.get("/api/v1/facilities")

    assert len(response.json()) == 5
    assert len(more) == len(few)
