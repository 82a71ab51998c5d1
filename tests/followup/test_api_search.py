"""The API's side of search and similarity: `GET /api/v1/recommendations?q=` (the desk's query
language, ranked, the token holder's organisation only) and `GET /api/v1/recommendations/{id}/similar`
(near-duplicates across sources and recommendations sharing themes, with their scores and
reasons; another organisation's recommendation is 404), checked against the OpenAPI document."""

import pytest

from mizan.accounts.models import ApiToken
from mizan.complaints.models import Category
from mizan.followup import services
from mizan.followup.models import SourceKind
from mizan.triage.followup import run_suggestions
from tests.api.schema_check import check

LAWYER_AR = "ضمان حق المحتجزين في الاتصال بمحامٍ منذ لحظة القبض عليهم"
LAWYER_EN = "Guarantee detainees access to a lawyer and to their families from the moment of arrest"
LAWYER_AR_2 = "ضمان حق المحتجز في الاتصال بمحام وبأسرته منذ لحظة القبض عليه"


def search(client, user, **params):
    token = ApiToken.issue(user)[1]
    return client.get("/api/v1/recommendations", params,
                      headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})


def similar(client, pk, user, **params):
    token = ApiToken.issue(user)[1]
    return client.get(f"/api/v1/recommendations/{pk}/similar", params,
                      headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})


@pytest.fixture
def world(followup_staff, cat_source):
    officer = followup_staff["followup"]
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل",
                                 title_en="Universal Periodic Review, fourth cycle", upr_cycle=4)
    due_process, detention = Category.objects.get(code="due_process"), Category.objects.get(code="arbitrary_detention")
    asked = services.create_recommendation(actor=officer, source=cat_source, text=LAWYER_AR, symbol="CAT/C/EGY/CO/5",
                                           paragraph="14", themes=[due_process, detention])
    twin = services.create_recommendation(actor=officer, source=upr, text=LAWYER_EN, language="en",
                                          text_ar=LAWYER_AR_2, themes=[due_process])
    both = services.create_recommendation(actor=officer, source=upr, text="Limit pre-trial detention",
                                          language="en", themes=[due_process, detention])
    one = services.create_recommendation(actor=officer, source=upr, text="Ensure fair trials", language="en",
                                         themes=[due_process, Category.objects.get(code="torture")])
    services.create_recommendation(actor=officer, source=upr, text="Protect journalists", language="en",
                                   themes=[Category.objects.get(code="expression_assembly")])
    run_suggestions([asked.pk, twin.pk])
    return {"asked": asked, "twin": twin, "both": both, "one": one}


def test_near_duplicates_then_same_themes_with_scores_and_reasons(client, followup_staff, world):
    response = similar(client, world["asked"].pk, followup_staff["followup"])

    assert response.status_code == 200
    assert response.json() == {"count": 3, "results": [
        {"id": world["twin"].pk, "reference": "", "text": LAWYER_EN, "source": "Universal Periodic Review, fourth cycle",
         "status": "not_started", "reason": "near_duplicate", "reason_label": "Near-duplicate wording",
         "score": 0.6016, "language": "ar", "passages": ["في الاتصال بمحامٍ", "منذ لحظة القبض"], "themes": []},
        {"id": world["both"].pk, "reference": "", "text": "Limit pre-trial detention",
         "source": "Universal Periodic Review, fourth cycle", "status": "not_started", "reason": "same_theme",
         "reason_label": "Same themes", "score": 1.0, "language": None, "passages": [],
         "themes": ["arbitrary_detention", "due_process"]},
        {"id": world["one"].pk, "reference": "", "text": "Ensure fair trials",
         "source": "Universal Periodic Review, fourth cycle", "status": "not_started", "reason": "same_theme",
         "reason_label": "Same themes", "score": 0.3333, "language": None, "passages": [], "themes": ["due_process"]},
    ]}
    document = client.get("/api/v1/openapi.json").json()
    declared = document["paths"]["/api/v1/recommendations/{pk}/similar"]["get"]["responses"]["200"]
    assert check(response.json(), declared["content"]["application/json"]["schema"], document) == []


def test_limit_bounds_each_kind(client, followup_staff, world):
    body = similar(client, world["asked"].pk, followup_staff["followup"], limit=1).json()

    assert [(row["id"], row["reason"]) for row in body["results"]] == [
        (world["twin"].pk, "near_duplicate"), (world["both"].pk, "same_theme")]
    assert similar(client, world["asked"].pk, followup_staff["followup"], limit=0).status_code == 400


@pytest.mark.parametrize("who", ["outsider", "nhri_followup", "sec"])
def test_another_organisation_gets_404(client, followup_staff, world, who):
    response = similar(client, world["asked"].pk, followup_staff[who])

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No recommendation with this id.",
                                         "fields": {}}}


def test_a_member_sees_only_what_it_may_read(client, followup_staff, conference, org, world):
    addressed = services.create_recommendation(actor=followup_staff["sec"], source=conference, text=LAWYER_AR_2,
                                               addressees=[org], themes=[Category.objects.get(code="due_process")])
    run_suggestions([addressed.pk])

    mine = similar(client, addressed.pk, followup_staff["followup"]).json()
    theirs = similar(client, addressed.pk, followup_staff["sec"]).json()

    # The member reads its own recommendations beside the addressed one; the secretariat none of them.
    assert [(row["id"], row["reason"], row["score"]) for row in mine["results"]] == [
        (world["twin"].pk, "near_duplicate", 1.0), (world["asked"].pk, "near_duplicate", 0.6016),
        (world["one"].pk, "same_theme", 0.5), (world["both"].pk, "same_theme", 0.5)]
    assert theirs == {"count": 0, "results": []}


def test_without_a_token_it_is_401(client, world):
    assert client.get(f"/api/v1/recommendations/{world['asked'].pk}/similar").status_code == 401


# --- q on the list ---------------------------------------------------------------------------------------

def test_q_searches_with_arabic_variants_phrases_and_exclusions(client, followup_staff, world):
    officer = followup_staff["followup"]

    def ids(**params):
        response = search(client, officer, **params)
        assert response.status_code == 200
        return [row["id"] for row in response.json()["results"]]

    # بمحامٍ in one, بمحام in the other's Arabic translation
    assert sorted(ids(q="محامي")) == sorted([world["asked"].pk, world["twin"].pk])
    assert ids(q="محامي -CAT") == [world["twin"].pk]  # the other one's reference is CAT/C/EGY/CO/5
    assert ids(q="CAT محامي") == [world["asked"].pk]
    assert ids(q='"pre-trial detention"') == [world["both"].pk]
    assert ids(q='"detention pre-trial"') == []
    assert sorted(ids(q="limit OR ensure")) == sorted([world["both"].pk, world["one"].pk])
    assert ids(q="محامي", theme="torture") == []


def test_q_never_finds_another_organisations_recommendations(client, followup_staff, world):
    body = search(client, followup_staff["nhri_followup"], q="محامي").json()

    assert (body["count"], body["results"]) == (0, [])
