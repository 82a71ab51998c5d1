"""The proof of work of anonymous complaints through the API: a challenge endpoint, the solution in
POST /complaints, error codes for every way it can be wrong, nothing stored, all in the OpenAPI."""

import time

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from mizan.accounts.models import SpentChallenge
from mizan.audit.models import AuditEvent
from mizan.complaints.models import Case, Person, TimelineEvent
from mizan.lib import pow
from tests.api.conftest import error_of
from tests.api.schema_check import check

pytestmark = pytest.mark.django_db
BITS = 8


@pytest.fixture(autouse=True)
def easy(settings):
    settings.MIZAN_POW_BITS = BITS
    settings.MIZAN_THROTTLE_SUBMIT_PER_HOUR = 1000


@pytest.fixture
def pow_on(org):
    org.anonymous_intake_proof_of_work = True
    org.save(update_fields=["anonymous_intake_proof_of_work"])
    return org


def stored() -> dict:
    return {"cases": Case.objects.count(), "persons": Person.objects.count(),
            "timeline": TimelineEvent.objects.count(), "audit": AuditEvent.objects.count(),
            "spent": SpentChallenge.objects.count()}


NOTHING = {"cases": 0, "persons": 0, "timeline": 0, "audit": 0, "spent": 0}


def solved(api, **params) -> dict:
    challenge = api.get("/api/v1/proof-of-work", params).json()["challenge"]
    return {"challenge": challenge, "nonce": pow.solve(challenge, BITS)}


def anonymous(complaint_body, proof=None):
    return complaint_body(anonymous=True, complainant=None, proof_of_work=proof)


def test_proof_of_work_challenge_endpoint_gives_a_signed_challenge_and_stores_nothing(api, pow_on, other_org):
    response = api.get("/api/v1/proof-of-work")
    body = response.json()
    other = api.get("/api/v1/proof-of-work", {"organisation": other_org.slug}).json()

    assert response.status_code == 200
    assert set(body) == {"challenge", "bits", "expires_at", "expires_in", "required_for_anonymous"}
    assert body["bits"] == BITS
    assert body["expires_in"] == settings.MIZAN_POW_MINUTES * 60
    assert body["required_for_anonymous"] is True
    challenge = pow.parse(settings.MIZAN_HASH_KEY, body["challenge"], context=f"intake:{pow_on.pk}")
    assert body["expires_at"].startswith(time.strftime("%Y-%m-%dT", time.gmtime(challenge.expires)))
    assert other["required_for_anonymous"] is False
    assert stored() == NOTHING


def test_proof_of_work_challenge_for_an_unknown_organisation_is_a_field_error(api, pow_on):
    response = api.get("/api/v1/proof-of-work", {"organisation": "nope"})

    assert response.status_code == 400
    assert error_of(response) == {"code": "invalid", "message": "Some information is missing or not valid.",
                                  "fields": {"organisation": "Unknown organisation."}}


def test_proof_of_work_not_needed_when_off_or_named(api, complaint_body, org):
    off = api.post("/api/v1/complaints", anonymous(complaint_body))
    org.anonymous_intake_proof_of_work = True
    org.save(update_fields=["anonymous_intake_proof_of_work"])
    named = api.post("/api/v1/complaints", complaint_body())

    assert off.status_code == 201
    assert named.status_code == 201
    assert Case.objects.count() == 2
    assert SpentChallenge.objects.count() == 0


def test_proof_of_work_anonymous_complaint_with_a_solution_is_filed_once(api, complaint_body, pow_on):
    proof = solved(api)

    filed = api.post("/api/v1/complaints", anonymous(complaint_body, proof))
    before = stored()
    again = api.post("/api/v1/complaints", anonymous(complaint_body, proof))

    assert filed.status_code == 201
    assert set(filed.json()) == {"reference", "receipt", "status"}
    assert Case.objects.get().anonymous is True
    assert again.status_code == 409
    message = "This proof-of-work challenge was already used. Send the form again to get a new one."
    assert error_of(again) == {"code": "proof_of_work_reused", "message": message,
                               "fields": {"proof_of_work": message}}
    assert stored() == before and before["spent"] == 1


def test_proof_of_work_missing_is_refused_with_how_to_get_one(api, complaint_body, pow_on):
    response = api.post("/api/v1/complaints", anonymous(complaint_body))

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "proof_of_work_missing"
    assert error["message"] == (
        "This organisation asks anonymous complaints to be sent with a solved proof-of-work challenge: get "
        "one from GET /api/v1/proof-of-work and send it with its solution in `proof_of_work`.")
    assert error["fields"] == {"proof_of_work": error["message"]}
    assert stored() == NOTHING


@pytest.mark.parametrize(("spoil", "code"), [
    ("wrong", "proof_of_work_insufficient"),
    ("edited", "proof_of_work_invalid"),
    ("foreign", "proof_of_work_invalid"),
    ("garbage", "proof_of_work_invalid"),
    ("letters", "proof_of_work_invalid"),
    ("expired", "proof_of_work_expired"),
    ("empty_nonce", "proof_of_work_missing"),
])
def test_proof_of_work_bad_solutions_have_their_code_and_store_nothing(api, complaint_body, pow_on, other_org,
                                                                       spoil, code):
    proof = solved(api)
    token = proof["challenge"]
    if spoil == "wrong":
        proof["nonce"] = next(str(n) for n in range(10_000) if pow.leading_zero_bits(pow.digest(token, str(n))) < BITS)
    elif spoil == "edited":
        version, _bits, expires, salt, mac = token.split(".")
        proof["challenge"] = ".".join([version, "1", expires, salt, mac])
        proof["nonce"] = pow.solve(proof["challenge"], 1)
    elif spoil == "foreign":
        proof = solved(api, organisation=other_org.slug)
    elif spoil == "garbage":
        proof["challenge"] = "pow1.x"
    elif spoil == "letters":
        proof["nonce"] = "abc"
    elif spoil == "expired":
        proof["challenge"] = pow.issue(settings.MIZAN_HASH_KEY, bits=BITS, lifetime=60,
                                       context=f"intake:{pow_on.pk}", now=time.time() - 61)
        proof["nonce"] = pow.solve(proof["challenge"], BITS)
    elif spoil == "empty_nonce":
        proof["nonce"] = ""

    response = api.post("/api/v1/complaints", anonymous(complaint_body, proof))

    assert response.status_code == 400
    assert error_of(response)["code"] == code
    assert set(error_of(response)["fields"]) == {"proof_of_work"}
    assert stored() == NOTHING


def test_proof_of_work_oversized_values_are_schema_errors(api, complaint_body, pow_on):
    response = api.post("/api/v1/complaints", anonymous(complaint_body, {"challenge": "x" * 201, "nonce": "1" * 21}))

    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid"
    assert set(error_of(response)["fields"]) == {"proof_of_work.challenge", "proof_of_work.nonce"}
    assert stored() == NOTHING


def test_proof_of_work_is_checked_before_the_other_fields(api, complaint_body, pow_on):
    response = api.post("/api/v1/complaints", {**anonymous(complaint_body), "narrative": ""})

    assert response.status_code == 400
    assert error_of(response)["code"] == "proof_of_work_missing"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_proof_of_work_errors_are_in_the_language_of_the_request(api, complaint_body, pow_on, language):
    proof = solved(api)
    proof["challenge"] = pow.issue(settings.MIZAN_HASH_KEY, bits=BITS, lifetime=1, context=f"intake:{pow_on.pk}",
                                   now=time.time() - 5)

    response = api.post("/api/v1/complaints", anonymous(complaint_body, proof), headers={"Accept-Language": language})

    with translation.override(language):
        expected = gettext("The proof-of-work challenge has expired. Send the form again to get a new one.")
    assert response["Content-Language"] == language
    assert error_of(response)["message"] == expected


def test_proof_of_work_is_documented_in_the_openapi_schema(api, pow_on, complaint_body):
    document = api.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/proof-of-work"]["get"]
    filing = document["paths"]["/api/v1/complaints"]["post"]
    body_schema = document["components"]["schemas"]["ComplaintIn"]["properties"]
    challenge = api.get("/api/v1/proof-of-work")
    reused = {"challenge": challenge.json()["challenge"]}
    reused["nonce"] = pow.solve(reused["challenge"], BITS)
    api.post("/api/v1/complaints", anonymous(complaint_body, reused))
    conflict = api.post("/api/v1/complaints", anonymous(complaint_body, reused))

    assert operation["operationId"] == "getProofOfWorkChallenge"
    assert operation["tags"] == ["Complaints (public)"]
    assert "sha256" in operation["description"].lower().replace("-", "")
    assert set(operation["responses"]) == {"200", "400"}
    assert "409" in filing["responses"]
    for code in ("proof_of_work_missing", "proof_of_work_invalid", "proof_of_work_insufficient",
                 "proof_of_work_expired", "proof_of_work_reused"):
        assert f"`{code}`" in filing["description"]
    assert "proof_of_work" in body_schema
    ok_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    conflict_schema = filing["responses"]["409"]["content"]["application/json"]["schema"]
    assert check(challenge.json(), ok_schema, document) == []
    assert check(conflict.json(), conflict_schema, document) == []
