"""What every API answer shares: the error envelope, JSON for everything, UTF-8, the language."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.api.conftest import error_of


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/nothing/here", "/api/v1/complaints/", "/api/v1/cases/EG/x/y"])
def test_error_unknown_path_is_a_json_404(api, db, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    error = error_of(response)
    assert (error["code"], error["message"], error["fields"]) == ("not_found", "Not found.", {})


def test_error_wrong_method_is_a_json_405(api, db):
    response = api.get("/api/v1/complaints")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert error_of(response)["code"] == "method_not_allowed"


def test_error_envelope_for_each_status(api, tokens, file_case, complaint_body):
    case, _receipt = file_case()
    answers = {
        400: api.post("/api/v1/complaints", complaint_body(narrative="")),
        401: api.get("/api/v1/cases"),
        403: api.get("/api/v1/cases", token=tokens["analyst"]),
        404: api.get("/api/v1/track", receipt="42"),
        405: api.post("/api/v1/taxonomy"),
        409: api.post(f"/api/v1/cases/{case.reference}/transitions", {"to": "closed"}, token=tokens["officer"]),
        413: api.post("/api/v1/complaints", raw='{"narrative": "' + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'),
    }

    codes = {status: (response.status_code, error_of(response)["code"]) for status, response in answers.items()}

    assert codes == {
        400: (400, "invalid"), 401: (401, "unauthorized"), 403: (403, "forbidden"), 404: (404, "not_found"),
        405: (405, "method_not_allowed"), 409: (409, "illegal_transition"), 413: (413, "too_large"),
    }
    for response in answers.values():
        assert response["Content-Type"] == "application/json; charset=utf-8"


def test_arabic_is_not_escaped_in_bodies(api, tokens, file_case):
    case, _ = file_case()

    response = api.get(f"/api/v1/cases/{case.reference}", token=tokens["officer"], headers={"Accept-Language": ""})

    text = response.content.decode("utf-8")
    assert "\\u06" not in text
    assert "ضربوني في قسم الدقي" in text
    assert response["Content-Language"] == "ar"


def test_arabic_error_messages_are_not_escaped(api, org):
    response = api.post("/api/v1/complaints", {"anonymous": True}, headers={"Accept-Language": ""})

    text = response.content.decode("utf-8")
    assert response.status_code == 400
    assert "\\u06" not in text
    with translation.override("ar"):
        required = gettext("This field is required.")
    assert any("\u0600" <= ch <= "\u06ff" for ch in required)
    assert error_of(response)["fields"] == {"narrative": required}
    assert required in text


@pytest.mark.parametrize(("query", "cookie", "accept", "expected"), [
    ("", None, "fr-CA,fr;q=0.9", "fr"),
    ("", None, "de-DE,en;q=0.5", "en"),
    ("", None, "de-DE", "ar"),
    ("", None, "", "ar"),
    ("?lang=en", None, "fr", "en"),
    ("", "fr", "en", "fr"),
])
def test_language_from_lang_cookie_then_accept_language(client, db, query, cookie, accept, expected):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie

    response = client.get(f"/api/v1/taxonomy{query}", headers={"Accept-Language": accept})

    labels = {"ar": "التعذيب وسوء المعاملة", "en": "Torture and ill-treatment", "fr": "Torture et mauvais traitements"}
    assert response["Content-Language"] == expected
    assert response.json()[0]["label"] == labels[expected]
    assert "Accept-Language" in response["Vary"]


def test_language_of_one_request_does_not_leak_into_the_next(client, db):
    client.get("/api/v1/taxonomy", headers={"Accept-Language": "en"})

    response = client.get("/api/v1/openapi.json")

    assert response["Content-Language"] == "ar"
