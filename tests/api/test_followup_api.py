"""API v1, follow-up: listing, reading and recording recommendations with staff tokens; who sees
what (own, addressed by a secretariat, another organisation's: 404); every answer checked against
the OpenAPI document."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Category
from mizan.followup import services
from mizan.followup.models import Addressee, Recommendation, SourceKind
from tests.api.conftest import ApiClient, error_of
from tests.api.schema_check import check
from tests.followup import conftest as _followup

# The follow-up's personas and sources, from tests/followup/conftest.py.
secretariat = _followup.secretariat
followup_staff = _followup.followup_staff
prosecution = _followup.prosecution
cat_source = _followup.cat_source
conference = _followup.conference

TODAY = timezone.localdate()
TORTURE = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"
TORTURE_EN = "Ensure that all perpetrators of torture are investigated and prosecuted"


class Recorder(ApiClient):
    """Keeps every answer, to check each against the OpenAPI document at the end of a test."""

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


@pytest.fixture
def api(client):
    return Recorder(client)


@pytest.fixture
def tokens(followup_staff, token_for):
    return {name: token_for(user) for name, user in followup_staff.items()}


@pytest.fixture
def recs(followup_staff, cat_source, places, prosecution):
    officer = followup_staff["followup"]
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل",
                                 title_en="Universal Periodic Review", symbol="A/HRC/58/12")
    torture = services.create_recommendation(
        actor=officer, source=cat_source, text=TORTURE, text_en=TORTURE_EN, symbol="CAT/C/EGY/CO/5", paragraph="12",
        themes=list(Category.objects.filter(code__in=["torture", "due_process"])), position="supported",
        due_on=TODAY - timedelta(days=10), affected_groups=["detainee", "journalists"], sdg_targets=["16.3"],
        bodies=[("lead", places["hr"], None), ("supporting", None, prosecution)])
    custody = services.create_recommendation(
        actor=officer, source=upr, text="Guarantee access to a lawyer from the first hour", language="en",
        themes=list(Category.objects.filter(code="due_process")), position="noted", recommending_states=["Brazil"],
        bodies=[("lead", None, prosecution)])
    services.set_recommendation_status(actor=officer, recommendation=custody, status="in_progress",
                                       note="مشروع قانون", period_end=date(2026, 6, 30))
    return {"torture": torture, "custody": Recommendation.objects.get(pk=custody.pk), "upr": upr}


def conforms(api, client):
    """Every recorded answer matches what the OpenAPI document declares for its status."""
    document = client.get("/api/v1/openapi.json").json()
    import re

    seen = set()
    for method, path, response in api.calls:
        template = next(t for t, operations in document["paths"].items()
                        if re.match("^" + re.sub(r"\{[^}]+\}", "[^/]+", t) + "$", path.split("?")[0])
                        and method in operations)
        declared = document["paths"][template][method]["responses"].get(str(response.status_code))
        assert declared is not None, (method, template, response.status_code)
        schema = declared["content"]["application/json"]["schema"]
        assert check(response.json(), schema, document) == [], (method, template, response.status_code)
        seen.add((method, template, response.status_code))
    return seen


# --- listing ---------------------------------------------------------------------------------------------

def test_the_list_gives_each_recommendation_in_the_requests_language(api, client, tokens, recs, places,
                                                                     prosecution, cat_source):
    response = api.get("/api/v1/recommendations", token=tokens["officer"])

    assert response.status_code == 200
    assert response.json() == {"count": 2, "page": 1, "page_size": 50, "results": [
        {"id": recs["torture"].pk, "reference": "CAT/C/EGY/CO/5, para. 12", "text": TORTURE_EN,
         "themes": ["torture", "due_process"], "status": "not_started",
         "source": {"id": cat_source.pk, "kind": "treaty_body",
                    "title": "Concluding observations of the Committee against Torture"},
         "position": "supported",
         "responsible": [{"role": "lead", "body": f"unit:{places['hr'].pk}", "name": "Human-rights sector"},
                         {"role": "supporting", "body": f"external:{prosecution.pk}", "name": "Public prosecution"}],
         "due": (TODAY - timedelta(days=10)).isoformat()},
        {"id": recs["custody"].pk, "reference": "", "text": "Guarantee access to a lawyer from the first hour",
         "themes": ["due_process"], "status": "in_progress",
         "source": {"id": recs["upr"].pk, "kind": "upr", "title": "Universal Periodic Review"},
         "position": "noted",
         "responsible": [{"role": "lead", "body": f"external:{prosecution.pk}", "name": "Public prosecution"}],
         "due": None},
    ]}
    arabic = api.get("/api/v1/recommendations", token=tokens["officer"], headers={"Accept-Language": "ar"}).json()
    assert arabic["results"][0]["text"] == TORTURE
    assert arabic["results"][0]["responsible"][1]["name"] == "النيابة العامة"
    conforms(api, client)


@pytest.mark.parametrize(("params", "expected"), [
    ({"theme": "torture"}, ["torture"]),
    ({"theme": "due_process"}, ["torture", "custody"]),
    ({"status": "in_progress"}, ["custody"]),
    ({"body": "external:{prosecution}"}, ["torture", "custody"]),
    ({"body": "unit:{hr}"}, ["torture"]),
    ({"source": "{upr}"}, ["custody"]),
    ({"page": 2}, []),
])
def test_the_list_filters(api, tokens, recs, places, prosecution, params, expected):
    values = {k: str(v).format(prosecution=prosecution.pk, hr=places["hr"].pk, upr=recs["upr"].pk)
              for k, v in params.items()}

    body = api.get("/api/v1/recommendations", values, token=tokens["supervisor"]).json()

    assert [r["id"] for r in body["results"]] == [recs[name].pk for name in expected]


def test_the_list_searches_with_q(api, tokens, recs):
    body = api.get("/api/v1/recommendations", {"q": "lawyer"}, token=tokens["officer"]).json()

    assert [r["id"] for r in body["results"]] == [recs["custody"].pk]


def test_unknown_filters_are_named(api, client, tokens, recs, other_org):
    other_unit = other_org.units.create(code="x", name_ar="وحدة")

    response = api.get("/api/v1/recommendations", {"theme": "nope", "source": 999999,
                                                   "body": f"unit:{other_unit.pk}"}, token=tokens["officer"])
    status = api.get("/api/v1/recommendations", {"status": "done"}, token=tokens["officer"])

    assert response.status_code == 400
    assert error_of(response) == {"code": "invalid", "message": "Some information is missing or not valid.",
                                  "fields": {"theme": "Unknown theme.", "source": "Unknown source.",
                                             "body": "Unknown responsible body."}}
    assert status.status_code == 400 and error_of(status)["fields"] == {"status": "Unknown value."}
    conforms(api, client)


def test_the_list_query_count_is_the_same_for_one_or_three(api, tokens, followup_staff, cat_source, places):
    def make(text):
        services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=text,
                                       themes=list(Category.objects.filter(code="torture")),
                                       bodies=[("lead", places["hr"], None)])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert api.get("/api/v1/recommendations", token=tokens["officer"]).status_code == 200
        return len(context.captured_queries)

    make("الأولى")
    queries()  # the token's first use of the minute writes its last use: not a query of the list
    one = queries()
    make("الثانية")
    make("الثالثة")

    assert queries() == one


def test_another_organisation_lists_nothing_of_org(api, tokens, recs):
    for who in ("outsider", "nhri_followup", "sec"):
        assert api.get("/api/v1/recommendations", token=tokens[who]).json()["count"] == 0, who


def test_without_a_valid_token_the_answer_is_401(api, client, recs):
    plain = api.get("/api/v1/recommendations")
    wrong = api.get("/api/v1/recommendations", headers={"Authorization": "Bearer nope"})

    assert (plain.status_code, wrong.status_code) == (401, 401)
    assert error_of(plain)["code"] == "unauthorized"
    conforms(api, client)


# --- reading ---------------------------------------------------------------------------------------------

def test_a_recommendation_reads_with_its_history_measures_and_cluster(api, client, tokens, recs, followup_staff):
    cluster = services.cluster_recommendations(actor=followup_staff["followup"],
                                               recommendations=[recs["custody"], recs["torture"]],
                                               label="الحق في الدفاع")

    body = api.get(f"/api/v1/recommendations/{recs['custody'].pk}", token=tokens["followup"]).json()

    assert {k: body[k] for k in ("status", "type", "language", "original", "translations", "affected_groups",
                                 "recommending_states", "addressed", "addressees", "measures", "version")} == {
        "status": "in_progress", "type": "recommendation", "language": "en",
        "original": "Guarantee access to a lawyer from the first hour", "translations": {}, "affected_groups": [],
        "recommending_states": ["Brazil"], "addressed": False, "addressees": [], "measures": [], "version": 3}
    assert [(h["from_status"], h["to_status"], h["note"], h["period_end"], h["by"]) for h in body["history"]] == [
        (None, "not_started", "", None, "Followup"),
        ("not_started", "in_progress", "مشروع قانون", "2026-06-30", "Followup")]
    assert body["cluster"] == {"id": cluster.pk, "label": "الحق في الدفاع",
                               "members": [{"id": recs["torture"].pk, "reference": "CAT/C/EGY/CO/5, para. 12"}]}
    torture = api.get(f"/api/v1/recommendations/{recs['torture'].pk}", token=tokens["officer"]).json()
    assert (torture["translations"], torture["affected_groups"], torture["sdg_targets"]) == (
        {"en": TORTURE_EN}, ["detainee", "journalists"], ["16.3"])
    conforms(api, client)


def test_another_organisations_recommendation_is_404_like_a_missing_one(api, client, tokens, recs):
    pk = recs["torture"].pk
    answers = [api.get(f"/api/v1/recommendations/{pk}", token=tokens[who]) for who in ("outsider", "sec",
                                                                                       "nhri_followup")]
    missing = api.get("/api/v1/recommendations/999999", token=tokens["officer"])

    assert [r.status_code for r in answers] == [404, 404, 404]
    assert all(r.json() == missing.json() for r in answers)
    assert error_of(missing) == {"code": "not_found", "message": "No recommendation with this id.", "fields": {}}
    conforms(api, client)


def test_a_member_reads_what_a_secretariat_addressed_with_its_own_status(api, client, tokens, followup_staff,
                                                                         conference, org, other_org):
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference,
                                         text="تعزيز وحدات حقوق الإنسان", addressees=[org, other_org])
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=rec, status="implemented")
    Addressee.objects.filter(recommendation=rec, organisation=other_org).update(shared_status="in_progress")

    member = api.get(f"/api/v1/recommendations/{rec.pk}", token=tokens["officer"]).json()
    listed = api.get("/api/v1/recommendations", {"status": "implemented"}, token=tokens["officer"]).json()
    owner = api.get(f"/api/v1/recommendations/{rec.pk}", token=tokens["sec"]).json()

    assert (member["status"], member["addressed"], member["addressees"]) == ("implemented", True, [])
    assert [(h["from_status"], h["to_status"]) for h in member["history"]] == [
        (None, "not_started"), ("not_started", "implemented")]  # addressed, then its own change
    assert [r["id"] for r in listed["results"]] == [rec.pk]
    assert (owner["status"], owner["addressed"]) == ("not_started", False)
    # The secretariat reads what members shared, never their own status.
    assert owner["addressees"] == [
        {"organisation": "moi-hr", "name": "Human-rights department, Ministry of Interior", "shared_status": None},
        {"organisation": "nhri", "name": "National human-rights institution", "shared_status": "in_progress"}]
    conforms(api, client)


# --- recording --------------------------------------------------------------------------------------------

def body_of(source, **overrides):
    body = {"source": source.pk, "text": "إلغاء الحبس الاحتياطي المطول", "text_en": "End lengthy pre-trial detention",
            "symbol": "CAT/C/EGY/CO/5", "paragraph": "20", "themes": ["arbitrary_detention"],
            "affected_groups": ["Detainee", "المحامون"], "sdg_targets": ["- 16.3 - Promote the rule of law"],
            "position": "partially_supported", "due_on": "2027-12-31"}
    body.update(overrides)
    return body


def test_a_recommendation_is_recorded(api, client, tokens, cat_source, places, prosecution, followup_staff):
    response = api.post("/api/v1/recommendations", body_of(cat_source, bodies=[
        {"role": "lead", "unit": places["hr"].pk}, {"role": "supporting", "external": prosecution.pk}]),
        token=tokens["supervisor"])

    assert response.status_code == 201
    rec = Recommendation.objects.get()
    body = response.json()
    assert (body["id"], body["reference"], body["text"], body["status"], body["version"]) == (
        rec.pk, "CAT/C/EGY/CO/5, para. 20", "End lengthy pre-trial detention", "not_started", 1)
    assert (rec.affected_groups, rec.sdg_targets, rec.position, rec.due_on, rec.created_by) == (
        ["detainee", "المحامون"], ["16.3"], "partially_supported", date(2027, 12, 31), followup_staff["supervisor"])
    assert [(r["role"], r["name"]) for r in body["responsible"]] == [
        ("lead", "Human-rights sector"), ("supporting", "Public prosecution")]
    assert AuditEvent.objects.filter(action="followup.recommendation.create", target_id=str(rec.pk)).count() == 1
    conforms(api, client)


def test_bad_input_names_every_field_and_records_nothing(api, client, tokens, cat_source, conference, places):
    response = api.post("/api/v1/recommendations", body_of(conference, text=" ", themes=["nope"],
                                                           sdg_targets=["peace"], language="xx",
                                                           bodies=[{"role": "lead", "unit": places["hr"].pk},
                                                                   {"role": "lead", "unit": 999999}]),
                        token=tokens["followup"], headers={"Accept-Language": "fr"})
    shape = api.post("/api/v1/recommendations", {"source": "x"}, token=tokens["followup"])

    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "source": "Choisissez une source de votre organisation.", "text": "Ce champ est obligatoire.",
        "language": "Choisissez une langue dans la liste.", "themes": "Choisissez les thèmes dans la liste.",
        "sdg_targets": "Écrivez les cibles des ODD sous forme de numéros, comme 16.3 ou 5.2.",
        "bodies": "Choisissez une unité ou un organisme extérieur de votre organisation."}
    assert shape.status_code == 400 and set(error_of(shape)["fields"]) == {"source", "text"}
    assert not Recommendation.objects.exists()
    conforms(api, client)


@pytest.mark.parametrize("who", ["officer", "intake", "analyst", "auditor"])
def test_roles_that_may_not_edit_are_refused_and_nothing_is_recorded(api, client, tokens, cat_source, who):
    response = api.post("/api/v1/recommendations", body_of(cat_source), token=tokens[who])

    assert response.status_code == 403
    assert error_of(response) == {"code": "forbidden", "message": "Your role may not record recommendations.",
                                  "fields": {}}
    assert not Recommendation.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="followup.recommendation").exists()
    conforms(api, client)


def test_an_outsider_cannot_record_on_orgs_source(api, tokens, cat_source):
    response = api.post("/api/v1/recommendations", body_of(cat_source), token=tokens["nhri_followup"])

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"source": "Choose a source of your organisation."}
    assert not Recommendation.objects.exists()


def test_a_secretariat_records_and_addresses_in_one_call(api, client, tokens, conference, org, other_org):
    response = api.post("/api/v1/recommendations", {"source": conference.pk, "text": "نشر ثقافة حقوق الإنسان",
                                                    "addressees": ["moi-hr", "nhri"]}, token=tokens["sec"])
    refused = api.post("/api/v1/recommendations", {"source": conference.pk, "text": "x", "addressees": ["nowhere"]},
                       token=tokens["sec"])

    assert response.status_code == 201
    assert [a["organisation"] for a in response.json()["addressees"]] == ["moi-hr", "nhri"]
    assert refused.status_code == 400
    assert error_of(refused)["fields"] == {"addressees": "Choose member organisations from the list."}
    assert Recommendation.objects.count() == 1
    conforms(api, client)


def test_the_openapi_document_describes_the_recommendations(client, db):
    document = client.get("/api/v1/openapi.json").json()
    operations = {(method, path): op for path, ops in document["paths"].items() for method, op in ops.items()
                  if path in ("/api/v1/recommendations", "/api/v1/recommendations/{pk}")}
    schemas = document["components"]["schemas"]

    assert {key: op["operationId"] for key, op in operations.items()} == {
        ("get", "/api/v1/recommendations"): "listRecommendations",
        ("post", "/api/v1/recommendations"): "createRecommendation",
        ("get", "/api/v1/recommendations/{pk}"): "readRecommendation"}
    for op in operations.values():
        assert op["tags"] == ["Follow-up (staff)"] and op["security"] == [{"TokenAuth": []}]
    assert set(schemas["RecommendationListItem"]["required"]) == {
        "id", "reference", "text", "themes", "status", "source", "position", "responsible"}
    assert schemas["RecommendationStatus"]["enum"] == ["not_started", "in_progress", "partly_implemented",
                                                       "implemented", "not_implemented", "no_longer_relevant"]
    parameters = [p["name"] for p in operations[("get", "/api/v1/recommendations")]["parameters"]]
    assert parameters == ["theme", "status", "source", "body", "q", "page"]


def test_a_recommendation_lists_the_measures_of_our_plans_that_answer_it(api, client, tokens, recs,
                                                                         followup_staff):
    from mizan.followup import plans

    officer = followup_staff["followup"]
    strategy = plans.create_strategy(actor=officer, title_ar="الخطة المرحلية الأولى")
    phase = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الأولى")
    goal = plans.create_goal(actor=officer, phase=phase, title_ar="تعزيز المساءلة")
    measure = plans.create_measure(actor=officer, goal=goal, title_ar="تدريب أعضاء النيابة", due_on=date(2027, 3, 31))
    plans.link_recommendations(actor=officer, measure=measure, recommendations=[recs["torture"]])

    body = api.get(f"/api/v1/recommendations/{recs['torture'].pk}", token=tokens["officer"]).json()
    other = api.get(f"/api/v1/recommendations/{recs['custody'].pk}", token=tokens["officer"]).json()

    assert body["measures"] == [{"id": measure.pk, "title": "تدريب أعضاء النيابة", "status": "planned",
                                 "due": "2027-03-31"}]
    assert other["measures"] == []
    conforms(api, client)
