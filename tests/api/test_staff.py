"""Staff API: tokens, the case list and page, and every change a token holder can make."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.accounts.models import ApiToken
from mizan.complaints.models import Case, CaseMessage, Category, TimelineEvent
from mizan.complaints.services import post_message, set_categories
from mizan.complaints.workflow import Status
from mizan.triage.models import Suggestion
from mizan.triage.services import decide_suggestion
from tests.api.conftest import error_of
from tests.triage.urgency_support import suggest_urgency

CASES = "/api/v1/cases"


def snapshot(case):
    """What a refused request must leave untouched."""
    case = Case.objects.get(pk=case.pk)
    return (case.status, case.version, case.unit_id, case.officer_id,
            TimelineEvent.objects.filter(case=case).count(), CaseMessage.objects.filter(case=case).count(),
            list(case.allegations.values_list("finding", flat=True)))


def in_progress(case):
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    return Case.objects.get(pk=case.pk)


# --- authentication ---------------------------------------------------------------------------

@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer mzn_not-a-real-token", "Basic b2ZmaWNlcjpwdw==", "mzn_x"])
def test_auth_missing_or_invalid_token_is_401(api, staff, header):
    response = api.get(CASES, headers={"Authorization": header} if header is not None else {})

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    error = error_of(response)
    assert error["code"] == "unauthorized"
    assert error["fields"] == {}


def test_auth_revoked_token_is_401(api, staff, token_for):
    raw = token_for(staff["officer"])
    ApiToken.objects.update(revoked_at=timezone.now())

    assert api.get(CASES, token=raw).status_code == 401


def test_auth_inactive_user_is_401(api, staff, token_for):
    raw = token_for(staff["officer"])
    get_user_model().objects.filter(pk=staff["officer"].pk).update(is_active=False)

    assert api.get(CASES, token=raw).status_code == 401


def test_auth_user_without_membership_is_401(api, db, token_for):
    loner = get_user_model().objects.create_user(username="loner", password="x" * 20)

    assert api.get(CASES, token=token_for(loner)).status_code == 401


def test_auth_records_when_a_token_was_last_used(api, staff, token_for):
    raw = token_for(staff["officer"])

    api.get(CASES, token=raw)

    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("path", [CASES, f"{CASES}/EG-2026-000001"])
def test_auth_analyst_has_no_case_access(api, tokens, file_case, path):
    file_case()

    response = api.get(path, token=tokens["analyst"])

    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"


def test_auth_analyst_cannot_change_a_case(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "under_review"}, token=tokens["analyst"])

    assert response.status_code == 403
    assert snapshot(case) == before


# --- the list ---------------------------------------------------------------------------------

def test_list_returns_the_organisation_cases_newest_first(api, tokens, file_case, places):
    older, _ = file_case(received_at=timezone.now() - timedelta(days=2))
    newer, _ = file_case(categories=["torture"])

    response = api.get(CASES, token=tokens["officer"])

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 50)
    assert [r["reference"] for r in body["results"]] == [newer.reference, older.reference]
    first = body["results"][0]
    assert first == {
        "reference": newer.reference, "status": "received", "status_label": "Received", "urgency": "normal",
        "suggested_urgency": None,
        "categories": ["torture"], "received_at": first["received_at"], "due_at": newer.due_date().isoformat(),
        "unit": "hr", "officer": None,
    }
    assert body["results"][1]["categories"] == ["arbitrary_detention", "torture"]


def test_list_never_shows_another_organisation_cases(api, tokens, file_case):
    file_case()

    body = api.get(CASES, token=tokens["outsider"]).json()

    assert (body["count"], body["results"]) == (0, [])


def test_list_filters_by_status_urgency_category_and_text(api, staff, tokens, file_case):
    a, _ = file_case(narrative="منعوني من السفر في المطار", categories=["movement"])
    b, _ = file_case(categories=["torture"], urgency="critical")
    c, _ = file_case(categories=["privacy"])
    Case.objects.filter(pk=c.pk).update(status=Status.IN_PROGRESS)
    search = Category.objects.create(code="unlawful_search", parent=Category.objects.get(code="privacy"),
                                     label_ar="تفتيش", label_en="Search", label_fr="Fouille")
    set_categories(actor=staff["officer"], case=c, categories=[search])

    def refs(**params):
        return [r["reference"] for r in api.get(CASES, params, token=tokens["officer"]).json()["results"]]

    assert refs(status="in_progress") == [c.reference]
    assert refs(urgency="critical") == [b.reference]
    assert refs(category="privacy") == [c.reference]
    assert refs(category="torture") == [b.reference]
    assert refs(q="المطار") == [a.reference]
    assert refs(q=b.reference[-6:]) == [b.reference]
    assert refs(status="received", category="movement") == [a.reference]


def test_list_bad_filters_are_field_errors(api, tokens, file_case):
    file_case()

    response = api.get(CASES, {"status": "lost", "urgency": "whenever", "page": "0"}, token=tokens["officer"])
    unknown_category = api.get(CASES, {"category": "flying_carpets"}, token=tokens["officer"])
    huge_page = api.get(CASES, {"page": 10**30, "q": "x" * 201}, token=tokens["officer"])

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"status": "Unknown value.", "urgency": "Unknown value.",
                                            "page": "The number is too small."}
    assert unknown_category.status_code == 400
    assert error_of(unknown_category)["fields"] == {"category": "Unknown category."}
    assert error_of(huge_page)["fields"] == {"page": "The number is too large.", "q": "The text is too long."}


def test_list_pages_hold_fifty_cases(api, tokens, file_case):
    for _ in range(51):
        file_case()

    first = api.get(CASES, token=tokens["officer"]).json()
    second = api.get(CASES, {"page": 2}, token=tokens["officer"]).json()
    beyond = api.get(CASES, {"page": 3}, token=tokens["officer"]).json()

    assert (first["count"], len(first["results"])) == (51, 50)
    assert (second["page"], len(second["results"])) == (2, 1)
    assert beyond["results"] == []
    assert second["results"][0]["reference"] not in {r["reference"] for r in first["results"]}


def test_list_query_count_is_the_same_for_one_and_three_cases(api, staff, tokens, file_case):
    first, _ = file_case()
    api.get(CASES, token=tokens["officer"])  # records the token's first use, a write the later calls skip
    with CaptureQueriesContext(connection) as one:
        assert len(api.get(CASES, token=tokens["officer"]).json()["results"]) == 1
    for _ in range(2):
        case, _ = file_case(categories=["torture", "privacy", "movement"])
        Case.objects.filter(pk=case.pk).update(officer=staff["officer2"])

    with CaptureQueriesContext(connection) as three:
        assert len(api.get(CASES, token=tokens["officer"]).json()["results"]) == 3

    assert len(three) == len(one)


# --- urgency: accepted and suggested ----------------------------------------------------------------

@pytest.fixture
def urgencies(file_case):
    """Four cases received an hour apart: normal; suggested critical; accepted critical; suggested high."""
    start = timezone.now() - timedelta(hours=5)
    normal, _ = file_case(received_at=start)
    suggested, _ = file_case(received_at=start + timedelta(hours=1))
    suggest_urgency(suggested, signals=("ongoing_torture", "child_detained"))
    critical, _ = file_case(received_at=start + timedelta(hours=2), urgency="critical")
    high, _ = file_case(received_at=start + timedelta(hours=3))
    suggest_urgency(high, level="high", signals=("hunger_strike",))
    return {"normal": normal, "suggested": suggested, "critical": critical, "high": high}


def test_list_items_carry_the_accepted_and_the_suggested_urgency(api, tokens, urgencies):
    body = api.get(CASES, token=tokens["officer"]).json()

    assert [(r["reference"], r["urgency"], r["suggested_urgency"]) for r in body["results"]] == [
        (urgencies["high"].reference, "normal", "high"),
        (urgencies["critical"].reference, "critical", None),
        (urgencies["suggested"].reference, "normal", "critical"),
        (urgencies["normal"].reference, "normal", None),
    ]


def test_list_ordered_by_urgency_as_the_desk_orders_it(api, client, staff, tokens, urgencies):
    by_urgency = api.get(CASES, {"ordering": "urgency"}, token=tokens["officer"]).json()
    oldest = api.get(CASES, {"ordering": "oldest"}, token=tokens["officer"]).json()
    client.cookies["mizan_language"] = "en"
    client.force_login(staff["officer"])
    desk = client.get("/desk/", {"view": "all"}).context["rows"]

    expected = [urgencies[k].reference for k in ("suggested", "critical", "high", "normal")]
    assert [r["reference"] for r in by_urgency["results"]] == expected
    assert [c.reference for c in desk] == expected
    assert [r["reference"] for r in oldest["results"]] == [
        urgencies[k].reference for k in ("normal", "suggested", "critical", "high")]


def test_list_ordered_by_urgency_within_a_search(api, tokens, file_case, urgencies):
    airport, _ = file_case(narrative="منعوني من السفر في المطار")
    suggest_urgency(airport)
    later, _ = file_case(narrative="احتجزوني في المطار يومين")

    ranked = api.get(CASES, {"q": "المطار", "ordering": "urgency"}, token=tokens["officer"]).json()
    newest = api.get(CASES, {"q": "المطار", "ordering": "newest"}, token=tokens["officer"]).json()

    assert [r["reference"] for r in ranked["results"]] == [airport.reference, later.reference]
    assert [r["reference"] for r in newest["results"]] == [later.reference, airport.reference]
    assert ranked["count"] == 2


def test_list_decided_suggestion_leaves_the_list(api, staff, tokens, urgencies):
    suggestion = Suggestion.objects.get(case=urgencies["suggested"], kind="urgency")
    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True,
                      expected_version=urgencies["suggested"].version)

    body = api.get(CASES, {"ordering": "urgency"}, token=tokens["officer"]).json()

    assert [(r["reference"], r["urgency"], r["suggested_urgency"]) for r in body["results"]] == [
        (urgencies["suggested"].reference, "critical", None),
        (urgencies["critical"].reference, "critical", None),
        (urgencies["high"].reference, "normal", "high"),
        (urgencies["normal"].reference, "normal", None),
    ]


def test_list_bad_ordering_is_a_field_error_in_the_envelope(api, tokens, file_case):
    file_case()

    response = api.get(CASES, {"ordering": "loudest"}, token=tokens["officer"])
    arabic = api.get(CASES, {"ordering": "-urgency"}, token=tokens["officer"], headers={"Accept-Language": "ar"})

    assert response.status_code == 400
    assert error_of(response) == {"code": "invalid", "message": "Some information is missing or not valid.",
                                  "fields": {"ordering": "Unknown value."}}
    assert arabic.status_code == 400
    assert error_of(arabic)["fields"] == {"ordering": "قيمة غير معروفة."}


def test_list_outsider_sees_no_suggested_urgency_of_another_organisation(api, tokens, urgencies):
    body = api.get(CASES, {"ordering": "urgency"}, token=tokens["outsider"]).json()

    assert (body["count"], body["results"]) == (0, [])


def test_list_ordered_by_urgency_query_count_is_the_same_for_one_and_three_cases(api, staff, tokens, file_case):
    first, _ = file_case()
    suggest_urgency(first)
    api.get(CASES, token=tokens["officer"])  # records the token's first use, a write the later calls skip
    with CaptureQueriesContext(connection) as one:
        assert len(api.get(CASES, {"ordering": "urgency"}, token=tokens["officer"]).json()["results"]) == 1
    for level in ("high", "critical"):
        case, _ = file_case(categories=["torture", "privacy"])
        suggest_urgency(case, level=level, signals=("hunger_strike", "child_detained"))

    with CaptureQueriesContext(connection) as three:
        assert len(api.get(CASES, {"ordering": "urgency"}, token=tokens["officer"]).json()["results"]) == 3

    assert len(three) == len(one)


def test_case_page_carries_the_suggested_urgency_and_why(api, tokens, urgencies):
    reference = urgencies["suggested"].reference

    english = api.get(f"{CASES}/{reference}", token=tokens["officer"]).json()
    french = api.get(f"{CASES}/{reference}", token=tokens["officer"], headers={"Accept-Language": "fr"}).json()

    assert (english["urgency"], english["suggested_urgency"], english["suggested_urgency_reasons"]) == (
        "normal", "critical", ["Torture or beatings said to be happening now", "A child is said to be detained"])
    assert french["suggested_urgency_reasons"] == [
        "Torture ou coups qui se poursuivraient en ce moment", "Un enfant serait détenu"]
    assert english["overdue"] is False


def test_case_page_critical_suggestion_waiting_too_long_is_overdue(api, tokens, urgencies):
    Case.objects.filter(pk=urgencies["suggested"].pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=5))

    body = api.get(f"{CASES}/{urgencies['suggested'].reference}", token=tokens["officer"]).json()

    assert (body["suggested_urgency"], body["overdue"]) == ("critical", True)


# --- one case ---------------------------------------------------------------------------------

def test_case_page_shows_the_case_without_identities(api, staff, tokens, file_case, places):
    case, _ = file_case(governorate="giza", facility=places["station"].pk, vulnerabilities=["woman"])
    post_message(actor=staff["officer"], case=case, body="ملاحظة داخلية", internal=True)

    response = api.get(f"{CASES}/{case.reference}", token=tokens["officer"])

    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == case.reference
    assert (body["status"], body["status_label"], body["channel"], body["language"]) == (
        "received", "Received", "web", "ar")
    assert body["narrative"] == case.narrative
    assert (body["governorate"], body["facility"]) == ("giza", {"id": places["station"].pk,
                                                                "name": "Dokki police station"})
    assert (body["unit"], body["officer"], body["anonymous"], body["overdue"]) == ("hr", None, False, False)
    assert (body["urgency"], body["suggested_urgency"], body["suggested_urgency_reasons"]) == ("normal", None, [])
    assert body["categories"] == ["arbitrary_detention", "torture"]
    assert body["vulnerabilities"] == ["woman"]
    assert [(a["category"], a["finding"]) for a in body["allegations"]] == [
        ("torture", None), ("arbitrary_detention", None)]
    assert body["persons"] == [{"id": case.persons.get().pk, "role": "complainant", "label": "",
                                "vulnerabilities": ["woman"], "has_identity": True}]
    assert [(m["kind"], m["body"], m["author"]) for m in body["messages"]] == [
        ("internal", "ملاحظة داخلية", "officer")]
    assert [e["kind"] for e in body["timeline"]] == list(case.timeline.values_list("kind", flat=True))
    assert body["version"] == Case.objects.get(pk=case.pk).version
    assert body["allowed_transitions"] == [
        {"name": "review", "to": "under_review", "label": "Start review"},
        {"name": "declare_inadmissible", "to": "inadmissible", "label": "Declare inadmissible"},
        {"name": "withdraw", "to": "withdrawn", "label": "Record withdrawal"},
    ]
    text = response.content.decode()
    for secret in ("منى عبد الله", "29001011234567", "01001234567"):
        assert secret not in text


def test_case_page_allowed_transitions_follow_the_role(api, tokens, file_case):
    case, _ = file_case()

    intake = api.get(f"{CASES}/{case.reference}", token=tokens["intake"]).json()
    auditor = api.get(f"{CASES}/{case.reference}", token=tokens["auditor"]).json()

    assert [t["name"] for t in intake["allowed_transitions"]] == ["review"]
    assert auditor["allowed_transitions"] == []


def test_case_page_of_another_organisation_is_the_same_404_as_none(api, tokens, file_case):
    case, _ = file_case()

    foreign = api.get(f"{CASES}/{case.reference}", token=tokens["outsider"])
    absent = api.get(f"{CASES}/EG-1999-999999", token=tokens["outsider"])

    assert (foreign.status_code, absent.status_code) == (404, 404)
    assert foreign.content == absent.content
    assert error_of(foreign)["code"] == "not_found"


@pytest.mark.parametrize(("method", "suffix", "body"), [
    ("post", "/transitions", {"to": "under_review"}),
    ("post", "/assignment", {"officer": "outsider"}),
    ("post", "/messages", {"body": "مرحبا"}),
])
def test_changes_to_another_organisation_case_are_404_and_change_nothing(api, tokens, file_case, method, suffix, body):
    case, _ = file_case()
    before = snapshot(case)

    foreign = api.post(f"{CASES}/{case.reference}{suffix}", body, token=tokens["outsider"])
    absent = api.post(f"{CASES}/EG-1999-999999{suffix}", body, token=tokens["outsider"])

    assert (foreign.status_code, absent.status_code) == (404, 404)
    assert foreign.content == absent.content
    assert snapshot(case) == before


# --- transitions ------------------------------------------------------------------------------

def test_transition_moves_the_case_and_returns_the_new_version(api, tokens, file_case):
    case, _ = file_case()

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "under_review", "version": case.version},
                        token=tokens["officer"])

    assert response.status_code == 200
    case.refresh_from_db()
    assert response.json() == {"reference": case.reference, "status": "under_review",
                               "status_label": "Under review", "version": case.version}
    assert case.status == Status.UNDER_REVIEW


def test_transition_illegal_is_409_and_changes_nothing(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "closed"}, token=tokens["officer"])

    assert response.status_code == 409
    assert error_of(response)["code"] == "illegal_transition"
    assert snapshot(case) == before


def test_transition_stale_version_is_409_and_changes_nothing(api, tokens, file_case):
    case, _ = file_case()
    stale = case.version
    api.post(f"{CASES}/{case.reference}/transitions", {"to": "under_review", "version": stale},
             token=tokens["officer"])
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "in_progress", "version": stale},
                        token=tokens["supervisor"])

    assert response.status_code == 409
    assert error_of(response)["code"] == "stale"
    assert snapshot(case) == before


def test_transition_by_a_role_that_may_not_is_403_and_changes_nothing(api, tokens, file_case):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.UNDER_REVIEW)
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "in_progress"}, token=tokens["intake"])

    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
    assert snapshot(case) == before


def test_transition_resolve_without_findings_is_400_and_changes_nothing(api, tokens, file_case):
    case = in_progress(file_case()[0])
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "resolved"}, token=tokens["officer"])

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"note", "findings"}
    assert snapshot(case) == before


def test_transition_resolve_with_findings_as_a_list(api, tokens, file_case):
    case = in_progress(file_case()[0])
    torture, detention = case.allegations.order_by("id")

    response = api.post(f"{CASES}/{case.reference}/transitions", {
        "to": "resolved", "note": "ثبت الاحتجاز",
        "findings": [{"allegation": torture.pk, "finding": "not_substantiated"},
                     {"allegation": detention.pk, "finding": "substantiated", "note": "أربعة أيام"}],
    }, token=tokens["officer"])

    assert response.status_code == 200
    assert dict(case.allegations.values_list("category__code", "finding")) == {
        "torture": "not_substantiated", "arbitrary_detention": "substantiated"}


def test_transition_findings_with_an_unknown_code_are_field_errors(api, tokens, file_case):
    case = in_progress(file_case()[0])
    torture, detention = case.allegations.order_by("id")
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {
        "to": "resolved", "note": "انتهى",
        "findings": {str(torture.pk): {"finding": "probably"}, str(detention.pk): {"finding": "substantiated"}},
    }, token=tokens["officer"])

    assert response.status_code == 400
    assert error_of(response)["fields"] == {f"findings.{torture.pk}.finding": "Unknown value."}
    assert snapshot(case) == before


def test_transition_refer_needs_a_body_and_a_future_date(api, tokens, file_case):
    case = in_progress(file_case()[0])

    missing = api.post(f"{CASES}/{case.reference}/transitions", {"to": "referred"}, token=tokens["officer"])
    bad_date = api.post(f"{CASES}/{case.reference}/transitions", {"to": "referred", "referral_due": "soon"},
                        token=tokens["officer"])
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    done = api.post(f"{CASES}/{case.reference}/transitions",
                    {"to": "referred", "referred_to": "النيابة العامة", "referral_due": due}, token=tokens["officer"])

    assert set(error_of(missing)["fields"]) == {"referred_to", "referral_due"}
    assert error_of(bad_date)["fields"] == {"referral_due": "Enter a date as YYYY-MM-DD (Gregorian calendar)."}
    assert done.status_code == 200
    case.refresh_from_db()
    assert (case.status, case.referred_to, case.referral_due.isoformat()) == ("referred", "النيابة العامة", due)


def test_transition_unknown_target_status_is_a_field_error(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/transitions", {"to": "heaven"}, token=tokens["officer"])

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"to": "Unknown value."}
    assert snapshot(case) == before


# --- assignment -------------------------------------------------------------------------------

def test_assignment_to_unit_and_officer(api, staff, tokens, file_case):
    case, _ = file_case()

    response = api.post(f"{CASES}/{case.reference}/assignment", {"unit": "prisons", "officer": "officer2"},
                        token=tokens["supervisor"])

    assert response.status_code == 200
    case.refresh_from_db()
    assert response.json() == {"reference": case.reference, "unit": "prisons", "officer": "officer2",
                               "version": case.version}
    assert (case.unit.code, case.officer) == ("prisons", staff["officer2"])


def test_assignment_by_unit_id(api, tokens, file_case, places):
    case, _ = file_case()

    response = api.post(f"{CASES}/{case.reference}/assignment", {"unit": places["prisons"].pk},
                        token=tokens["supervisor"])

    assert response.json()["unit"] == "prisons"


def test_assignment_unknown_unit_or_officer_is_400_and_changes_nothing(api, tokens, file_case, other_org):
    case, _ = file_case()
    other_org.units.create(code="elsewhere", name_ar="وحدة أخرى")
    before = snapshot(case)

    unknown = api.post(f"{CASES}/{case.reference}/assignment", {"unit": "nowhere", "officer": "nobody"},
                       token=tokens["supervisor"])
    foreign = api.post(f"{CASES}/{case.reference}/assignment", {"unit": "elsewhere", "officer": "outsider"},
                       token=tokens["supervisor"])
    empty = api.post(f"{CASES}/{case.reference}/assignment", {}, token=tokens["supervisor"])

    assert error_of(unknown)["fields"] == {"unit": "Unknown unit.", "officer": "Unknown officer."}
    assert foreign.content == unknown.content
    assert (empty.status_code, error_of(empty)["fields"]) == (400, {"officer": "Choose a unit or an officer."})
    assert snapshot(case) == before


def test_assignment_of_someone_else_by_a_case_officer_is_403(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/assignment", {"officer": "officer2"}, token=tokens["officer"])

    assert response.status_code == 403
    assert snapshot(case) == before


def test_assignment_case_officer_takes_a_case(api, staff, tokens, file_case):
    case, _ = file_case()

    response = api.post(f"{CASES}/{case.reference}/assignment", {"officer": "officer"}, token=tokens["officer"])

    assert response.status_code == 200
    assert Case.objects.get(pk=case.pk).officer == staff["officer"]


# --- messages ---------------------------------------------------------------------------------

def test_message_to_the_complainant_and_internal_note(api, tokens, file_case):
    case, receipt = file_case()

    out = api.post(f"{CASES}/{case.reference}/messages", {"body": "نرجو إرسال المحضر"}, token=tokens["officer"])
    note = api.post(f"{CASES}/{case.reference}/messages", {"body": "اتصلت بالقسم", "internal": True},
                    token=tokens["officer"])

    assert (out.status_code, note.status_code) == (201, 201)
    assert CaseMessage.objects.get(pk=out.json()["id"]).kind == "to_complainant"
    assert CaseMessage.objects.get(pk=note.json()["id"]).kind == "internal"
    tracked = api.get("/api/v1/track", receipt=receipt).json()
    assert [m["body"] for m in tracked["messages"]] == ["نرجو إرسال المحضر"]


def test_message_empty_is_400_and_changes_nothing(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/messages", {"body": " "}, token=tokens["officer"])
    missing = api.post(f"{CASES}/{case.reference}/messages", {}, token=tokens["officer"])

    assert error_of(response)["fields"] == {"body": "Write a message."}
    assert error_of(missing)["fields"] == {"body": "This field is required."}
    assert snapshot(case) == before


def test_message_by_an_auditor_is_403_and_changes_nothing(api, tokens, file_case):
    case, _ = file_case()
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/messages", {"body": "تدقيق"}, token=tokens["auditor"])

    assert response.status_code == 403
    assert snapshot(case) == before


def test_message_to_a_closed_case_is_409(api, tokens, file_case):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED)
    before = snapshot(case)

    response = api.post(f"{CASES}/{case.reference}/messages", {"body": "مرحبا"}, token=tokens["officer"])

    assert response.status_code == 409
    assert error_of(response)["code"] == "closed"
    assert snapshot(case) == before
