"""The whole life of a complaint through the API, checked against the OpenAPI document; the docs page."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from mizan.complaints.models import Case
from tests.api.conftest import ApiClient
from tests.api.schema_check import check
from tests.triage.urgency_support import suggest_urgency


class RecordingClient(ApiClient):
    """An ApiClient that keeps every (method, path, response) for the contract check."""

    def __init__(self, client):
        super().__init__(client)
        self.calls = []

    def get(self, path, params=None, **kwargs):
        response = super().get(path, params, **kwargs)
        self.calls.append(("get", path, response))
        return response

    def post(self, path, body=None, **kwargs):
        response = super().post(path, body, **kwargs)
        self.calls.append(("post", path, response))
        return response


def operation_for(document, method, path):
    for template, operations in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method in operations:
            return template, operations[method]
    return None, None


@pytest.fixture
def recorder(client):
    return RecordingClient(client)


@override_settings(MIZAN_THROTTLE_TRACK_PER_HOUR=1000)
def test_contract_full_life_of_a_complaint_matches_the_openapi_document(recorder, client, tokens, complaint_body):
    api = recorder
    officer, supervisor = tokens["officer"], tokens["supervisor"]

    # A citizen files, and follows with the receipt.
    filed = api.post("/api/v1/complaints", complaint_body(categories=["arbitrary_detention", "torture"]))
    assert filed.status_code == 201
    reference, receipt = filed.json()["reference"], filed.json()["receipt"]
    assert api.get("/api/v1/track", receipt=receipt).json()["status"] == "received"

    # Triage finds it critical; staff find it first in the order of urgency, review it, take it
    # and accept it.
    suggest_urgency(Case.objects.get(reference=reference))
    listed = api.get("/api/v1/cases", {"status": "received", "ordering": "urgency"}, token=officer).json()
    assert [(r["reference"], r["urgency"], r["suggested_urgency"]) for r in listed["results"]] == [
        (reference, "normal", "critical")]
    case = api.get(f"/api/v1/cases/{reference}", token=officer).json()
    assert (case["suggested_urgency"], case["suggested_urgency_reasons"]) == (
        "critical", ["Torture or beatings said to be happening now"])
    reviewed = api.post(f"/api/v1/cases/{reference}/transitions",
                        {"to": "under_review", "version": case["version"]}, token=officer)
    assert reviewed.status_code == 200
    taken = api.post(f"/api/v1/cases/{reference}/assignment", {"officer": "officer"}, token=officer)
    assert taken.json()["officer"] == "officer"
    accepted = api.post(f"/api/v1/cases/{reference}/transitions",
                        {"to": "in_progress", "version": taken.json()["version"]}, token=officer)
    assert accepted.json()["status"] == "in_progress"

    # They write to the complainant, who reads it and answers.
    asked = api.post(f"/api/v1/cases/{reference}/messages", {"body": "متى أُفرج عن ابنك؟"}, token=officer)
    assert asked.status_code == 201
    noted = api.post(f"/api/v1/cases/{reference}/messages", {"body": "راجعت دفتر الأحوال", "internal": True},
                     token=officer)
    assert noted.status_code == 201
    tracked = api.get("/api/v1/track", receipt=receipt).json()
    assert [m["body"] for m in tracked["messages"]] == ["متى أُفرج عن ابنك؟"]
    replied = api.post("/api/v1/track/messages", {"body": "بعد أربعة أيام، يوم ١٩ سبتمبر"}, receipt=receipt)
    assert replied.json() == {"status": "in_progress"}

    # The officer resolves with a finding per allegation, the supervisor closes.
    case = api.get(f"/api/v1/cases/{reference}", token=officer).json()
    assert [m["kind"] for m in case["messages"]] == ["to_complainant", "internal", "from_complainant"]
    findings = {str(a["id"]): {"finding": "substantiated" if a["category"] == "arbitrary_detention"
                               else "not_substantiated"} for a in case["allegations"]}
    resolved = api.post(f"/api/v1/cases/{reference}/transitions", {
        "to": "resolved", "note": "ثبت احتجاز ابنك أكثر من المدة القانونية، وأُحيل المسؤول للتحقيق.",
        "findings": findings, "version": case["version"]}, token=officer)
    assert resolved.json()["status"] == "resolved"
    closed = api.post(f"/api/v1/cases/{reference}/transitions", {"to": "closed"}, token=supervisor)
    assert closed.json()["status"] == "closed"

    # The complainant reads the outcome.
    final = api.get("/api/v1/track", receipt=receipt).json()
    assert final["status"] == "closed"
    assert final["outcome"] == "ثبت احتجاز ابنك أكثر من المدة القانونية، وأُحيل المسؤول للتحقيق."
    assert {(f["category"], f["finding"]) for f in final["findings"]} == {
        ("arbitrary_detention", "substantiated"), ("torture", "not_substantiated")}
    assert "راجعت دفتر الأحوال" not in str(final)

    # Reference lists and the errors each kind of client meets.
    api.get("/api/v1/taxonomy")
    api.get("/api/v1/facilities")
    api.get("/api/v1/governorates")
    api.get("/api/v1/proof-of-work")
    api.get("/api/v1/proof-of-work", {"organisation": "nowhere"})
    api.post("/api/v1/complaints", complaint_body(narrative=""))
    api.post("/api/v1/complaints", complaint_body(narrative="ب" * (2 * 1024 * 1024)))
    api.get("/api/v1/track", receipt="0000")
    api.post("/api/v1/track/messages", {"body": "؟"}, receipt=receipt)
    api.get("/api/v1/cases", headers={"Authorization": "Bearer wrong"})
    api.get("/api/v1/cases", {"ordering": "loudest"}, token=officer)
    api.get("/api/v1/cases", token=tokens["analyst"])
    api.get(f"/api/v1/cases/{reference}", token=tokens["outsider"])
    api.post(f"/api/v1/cases/{reference}/transitions", {"to": "under_review"}, token=officer)
    api.post(f"/api/v1/cases/{reference}/messages", {"body": "x"}, token=tokens["auditor"])
    api.post(f"/api/v1/cases/{reference}/assignment", {"unit": "nowhere"}, token=supervisor)
    with override_settings(MIZAN_THROTTLE_SUBMIT_PER_HOUR=0):
        api.post("/api/v1/complaints", complaint_body())
    assert Case.objects.get(reference=reference).status == "closed"

    document = client.get("/api/v1/openapi.json").json()
    seen = set()
    for method, path, response in api.calls:
        template, operation = operation_for(document, method, path)
        assert operation is not None, (method, path)
        declared = operation["responses"].get(str(response.status_code))
        assert declared is not None, (method, template, response.status_code)
        schema = declared["content"]["application/json"]["schema"]
        assert check(response.json(), schema, document) == [], (method, template, response.status_code)
        seen.add((method, template, response.status_code))
    assert {status for _m, _t, status in seen} == {200, 201, 400, 401, 403, 404, 409, 413, 429}
    # Every operation of complaints and cases; the follow-up's have their own contract tests
    # (tests/api/test_followup_api.py and its neighbours).
    assert {(m, t) for m, t, _s in seen} == {
        (m, t) for t, operations in document["paths"].items() for m, op in operations.items()
        if "Follow-up (staff)" not in op["tags"]}


def test_contract_schema_check_notices_a_body_that_does_not_match(client, db):
    document = client.get("/api/v1/openapi.json").json()
    schema = document["paths"]["/api/v1/complaints"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]

    assert check({"reference": "EG-2026-000001", "receipt": "1234567890123456", "status": "received"},
                 schema, document) == []
    assert check({"reference": "EG-2026-000001", "receipt": 1234}, schema, document) != []


def test_openapi_document_describes_the_api(client, db):
    document = client.get("/api/v1/openapi.json").json()

    assert document["info"]["title"] == "Mizan API"
    assert "X-Receipt" in document["info"]["description"]
    assert {t["name"] for t in document["tags"]} == {"Complaints (public)", "Reference lists", "Cases (staff)",
                                                     "Follow-up (staff)"}
    assert document["components"]["securitySchemes"] == {"TokenAuth": {"type": "http", "scheme": "bearer"}}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"] and operation["tags"], (method, path)
            staff = path.startswith("/api/v1/cases") or "Follow-up (staff)" in operation["tags"]
            assert "security" in operation if staff else "security" not in operation
            for status, declared in operation["responses"].items():
                if int(status) >= 400:
                    assert declared["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/ErrorOut"}, (method, path, status)


def test_openapi_document_describes_the_urgencies_and_the_ordering(client, db):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/cases"]["get"]["parameters"]}

    assert schemas["Urgency"]["enum"] == ["critical", "high", "normal", "low"]
    assert schemas["CaseOrdering"]["enum"] == ["newest", "oldest", "urgency"]
    assert parameters["ordering"]["schema"]["anyOf"] == [{"$ref": "#/components/schemas/CaseOrdering"},
                                                         {"type": "null"}]
    assert parameters["ordering"]["required"] is False
    assert "the order of the desk's queue" in parameters["ordering"]["description"]
    for name in ("CaseListItem", "CaseOut"):
        properties, required = schemas[name]["properties"], schemas[name]["required"]
        assert properties["urgency"]["$ref"] == "#/components/schemas/Urgency"
        assert properties["suggested_urgency"]["anyOf"] == [{"$ref": "#/components/schemas/Urgency"},
                                                            {"type": "null"}]
        assert "MIZAN_CRITICAL_REVIEW_HOURS" in properties["suggested_urgency"]["description"]
        assert {"urgency", "suggested_urgency"} <= set(required)
    assert schemas["CaseOut"]["properties"]["suggested_urgency_reasons"]["type"] == "array"


# --- the docs page ----------------------------------------------------------------------------

class AssetParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.links, self.inline_scripts, self.styled, self.openapi_urls = [], [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = True
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
        if tag == "link":
            self.links.append(attrs.get("href", ""))
        if "style" in attrs or tag == "style":
            self.styled.append(tag)
        if "data-openapi-url" in attrs:
            self.openapi_urls.append(attrs["data-openapi-url"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def test_docs_page_uses_only_vendored_files_and_no_inline_script(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    page = AssetParser()
    page.feed(response.content.decode())
    static = settings.STATIC_URL
    assert f"{static}vendor/swagger-ui/swagger-ui-bundle.js" in page.scripts
    assert f"{static}vendor/swagger-ui/init.js" in page.scripts
    assert f"{static}vendor/swagger-ui/swagger-ui.css" in page.links
    for url in page.scripts + page.links:
        assert "http" not in url and not url.startswith("//"), url
        assert url.startswith(static), url
    assert page.inline_scripts == []
    assert page.styled == []
    assert page.openapi_urls == ["/api/v1/openapi.json"]


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_schema_and_docs_page_answer_reading_only(client, db, path):
    assert client.head(path).status_code == 200
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(path)
        assert response.status_code == 405, (method, response.status_code)
        assert sorted(response["Allow"].split(", ")) == ["GET", "HEAD"]


def test_docs_vendored_files_exist_and_call_nothing_outside():
    vendor = Path(settings.BASE_DIR) / "mizan" / "static" / "vendor" / "swagger-ui"

    assert sorted(p.name for p in vendor.iterdir()) == [
        "LICENSE", "init.js", "swagger-ui-bundle.js", "swagger-ui.css"]
    script = (vendor / "init.js").read_text(encoding="utf-8")
    assert "http" not in script
    assert 'getAttribute("data-openapi-url")' in script
    # collectstatic's manifest storage fails on a source map it cannot find.
    assert "sourceMappingURL" not in (vendor / "swagger-ui.css").read_text(encoding="utf-8")
    assert "sourceMappingURL" not in (vendor / "swagger-ui-bundle.js").read_text(encoding="utf-8")
