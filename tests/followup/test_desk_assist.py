"""The desk's side of the text engine's suggestions and of search: the "Suggestions" section of a
recommendation's page (reasons in words, accept / reject, several at once), the page of possible
duplicates (bulk clustering), the search box of the list; who may see and do what."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mizan.audit.models import AuditEvent
from mizan.followup import services
from mizan.followup.models import FollowupSuggestion, Recommendation, SourceKind
from mizan.triage.followup import run_suggestions
from tests.followup.test_desk_recommendations import as_user, words

LAWYER_AR = "ضمان حق المحتجزين في الاتصال بمحامٍ منذ لحظة القبض عليهم"
LAWYER_AR_2 = "ضمان حق المحتجز في الاتصال بمحام وبأسرته منذ لحظة القبض عليه"
DUPLICATES = reverse("followup:duplicates")
LIST = reverse("followup:recommendations")


def page(pk):
    return reverse("followup:recommendation", args=[pk])


def decide(pk):
    return reverse("followup:recommendation_suggestions", args=[pk])


@pytest.fixture
def officer(followup_staff):
    return followup_staff["followup"]


@pytest.fixture
def upr(officer):
    return services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل",
                                  title_en="Universal Periodic Review, fourth cycle", upr_cycle=4)


@pytest.fixture
def pair(officer, cat_source, upr):
    """Two recommendations that ask the same thing, from two sources, with their suggestions."""
    older = services.create_recommendation(actor=officer, source=cat_source, text=LAWYER_AR)
    newer = services.create_recommendation(actor=officer, source=upr, text=LAWYER_AR_2)
    run_suggestions([older.pk, newer.pk])
    return older, newer


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_the_section_gives_each_suggestion_its_reason_in_words(client, officer, pair):
    older, newer = pair

    response = as_user(client, officer).get(page(newer.pk))

    assert response.status_code == 200
    section = between(words(response), "Suggestions |", "Decide several at once")
    assert section == (
        "Suggestions | Proposed automatically from the text. Nothing changes on the recommendation until a person "
        "accepts. | Themes | Due process and fair trial | 78% confidence · word list | Because the text says: | "
        "الاتصال بمحام | Accept | : Due process and fair trial | Reject | : Due process and fair trial | "
        "Arbitrary arrest and detention | 70% confidence · word list | Because the text says: | المحتجز | · | "
        "القبض عليه | Accept | : Arbitrary arrest and detention | Reject | : Arbitrary arrest and detention | "
        "Responsible body | Responsible bodies are suggested once 30 recommendations have a lead body, learning "
        "from your organisation's own assignments. So far 0 recommendations have one. | May ask the same as | "
        f"{LAWYER_AR} | Concluding observations of the Committee against Torture | · UN treaty body | "
        "60% of their wording in common | Shared passages: | في الاتصال بمحام | · | منذ لحظة القبض | "
        f"Accepting follows the two together in one cluster. | Accept | : {LAWYER_AR} | Reject | : {LAWYER_AR} | ")
    # The older one names the pair too, from its side.
    assert LAWYER_AR_2 in between(words(client.get(page(older.pk))), "May ask the same as", "Status history")


def test_accepting_from_the_page_changes_the_recommendation_and_says_so(client, officer, pair):
    _older, newer = pair
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")

    response = as_user(client, officer).post(decide(newer.pk), {"suggestion": theme.pk, "decision": "accept"})

    assert (response.status_code, response["Location"]) == (303, page(newer.pk) + "#suggestions")
    assert list(Recommendation.objects.get(pk=newer.pk).themes.values_list("code", flat=True)) == ["due_process"]
    shown = words(client.get(page(newer.pk)))
    assert "1 suggestion accepted." in shown
    assert "Decided suggestions | Theme: | Due process and fair trial | — Accepted, | Followup |" in shown


def test_several_at_once_is_one_decision(client, officer, pair):
    older, newer = pair
    cluster = FollowupSuggestion.objects.get(recommendation=newer, kind="cluster")
    detention = FollowupSuggestion.objects.get(recommendation=newer, value="arbitrary_detention")
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")

    response = as_user(client, officer).post(decide(newer.pk), {
        f"decision-{cluster.pk}": "accept", f"decision-{detention.pk}": "reject", f"decision-{theme.pk}": ""})

    assert response.status_code == 303
    assert sorted(FollowupSuggestion.objects.filter(recommendation=newer).values_list("value", "status")) == sorted([
        (str(older.pk), "accepted"), ("arbitrary_detention", "rejected"), ("due_process", "pending")])
    assert Recommendation.objects.get(pk=newer.pk).cluster_id == Recommendation.objects.get(pk=older.pk).cluster_id
    assert "1 suggestion accepted. 1 suggestion rejected." in words(client.get(page(newer.pk)))


def test_a_suggestion_decided_meanwhile_is_refused_without_change(client, officer, pair):
    _older, newer = pair
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")
    FollowupSuggestion.objects.filter(pk=theme.pk).update(status="rejected")
    as_user(client, officer)
    before = AuditEvent.objects.count()

    response = client.post(decide(newer.pk), {"suggestion": theme.pk, "decision": "accept"})

    assert response.status_code == 409
    assert "Someone else decided on this suggestion while you were working on it." in words(response)
    assert (AuditEvent.objects.count(), list(Recommendation.objects.get(pk=newer.pk).themes.all())) == (before, [])


def test_a_suggestion_of_another_recommendation_is_refused_like_an_unknown_one(client, officer, pair, cat_source):
    older, newer = pair
    elsewhere = services.create_recommendation(actor=officer, source=cat_source, text="Ensure fair trials",
                                               language="en")
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")
    as_user(client, officer)

    refused = client.post(decide(elsewhere.pk), {"suggestion": theme.pk, "decision": "accept"})
    unknown = client.post(decide(elsewhere.pk), {"suggestion": 999999, "decision": "accept"})

    assert refused.status_code == unknown.status_code == 400
    assert "Please correct the following: | Choose suggestions from the list." in words(refused)
    assert words(refused) == words(unknown)
    assert FollowupSuggestion.objects.get(pk=theme.pk).status == "pending"


def test_a_reader_without_the_right_sees_but_may_not_decide(client, followup_staff, pair):
    _older, newer = pair
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")
    analyst = followup_staff["analyst"]

    shown = words(as_user(client, analyst).get(page(newer.pk)))
    response = client.post(decide(newer.pk), {"suggestion": theme.pk, "decision": "accept"})

    assert "Your role can read these suggestions but not decide on them." in shown
    assert "Decide several at once" not in shown
    assert response.status_code == 403
    assert FollowupSuggestion.objects.get(pk=theme.pk).status == "pending"


@pytest.mark.parametrize("who", ["outsider", "nhri_followup", "sec"])
def test_other_organisations_find_nothing(client, followup_staff, pair, who):
    _older, newer = pair
    theme = FollowupSuggestion.objects.get(recommendation=newer, value="due_process")
    as_user(client, followup_staff[who])
    before = AuditEvent.objects.count()

    assert client.get(page(newer.pk)).status_code == 404
    assert client.post(decide(newer.pk), {"suggestion": theme.pk, "decision": "accept"}).status_code == 404
    listed = client.get(DUPLICATES)
    assert (listed.status_code, listed.context["rows"]) == (200, [])
    # An id of another organisation is refused like one that does not exist.
    refused = client.post(DUPLICATES, {"chosen": [theme.pk], "decision": "accept"})
    unknown = client.post(DUPLICATES, {"chosen": [999999], "decision": "accept"})
    assert (refused.status_code, words(refused)) == (400, words(unknown))

    assert (AuditEvent.objects.count(), FollowupSuggestion.objects.get(pk=theme.pk).status) == (before, "pending")


def test_a_member_reading_an_addressed_recommendation_sees_no_suggestion(client, followup_staff, conference, org):
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, text=LAWYER_AR,
                                         addressees=[org])
    run_suggestions([rec.pk])

    response = as_user(client, followup_staff["followup"]).get(page(rec.pk))

    assert response.status_code == 200 and FollowupSuggestion.objects.filter(recommendation=rec).exists()
    assert 'id="suggestions"' not in response.content.decode()


# --- possible duplicates ---------------------------------------------------------------------------------

def _pairs(officer, cat_source, upr, n):
    texts = [("تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية على معايير حقوق الإنسان",
              "تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية في مجال معايير حقوق الإنسان وآليات حمايتها"),
             (LAWYER_AR, LAWYER_AR_2),
             ("إنشاء وحدات لحقوق الإنسان في جميع الأجهزة الأمنية بوزارات الداخلية العربية",
              "إنشاء وحدات متخصصة لحقوق الإنسان في الأجهزة الأمنية بوزارات الداخلية")][:n]
    made = [(services.create_recommendation(actor=officer, source=cat_source, text=a),
             services.create_recommendation(actor=officer, source=upr, text=b)) for a, b in texts]
    run_suggestions([r.pk for couple in made for r in couple])
    return made


def test_the_duplicates_page_lists_pairs_and_clusters_the_chosen_ones(client, officer, cat_source, upr):
    made = _pairs(officer, cat_source, upr, 3)
    as_user(client, officer)

    listed = client.get(DUPLICATES)
    chosen = [row.suggestion.pk for row in listed.context["rows"] if row.other.pk != made[1][0].pk]
    response = client.post(DUPLICATES, {"chosen": chosen, "decision": "accept"})

    assert "3 pairs waiting for a decision" in words(listed)
    rows = listed.context["rows"]
    assert sorted((row.holder.pk, row.other.pk) for row in rows) == sorted((b.pk, a.pk) for a, b in made)
    assert [row.suggestion.confidence for row in rows] == sorted((row.suggestion.confidence for row in rows),
                                                                reverse=True)
    assert response.status_code == 303
    clustered = [Recommendation.objects.get(pk=r.pk).cluster_id for couple in made for r in couple]
    assert clustered[0] == clustered[1] and clustered[4] == clustered[5] and clustered[0] != clustered[4]
    assert clustered[2] is clustered[3] is None
    assert "2 suggestions accepted." in words(client.get(DUPLICATES))
    assert "1 pair waiting for a decision" in words(client.get(DUPLICATES))


def test_the_duplicates_page_refuses_an_empty_choice_and_readers_without_the_right(client, followup_staff, officer,
                                                                                    cat_source, upr):
    _pairs(officer, cat_source, upr, 1)
    pending = FollowupSuggestion.objects.get(kind="cluster")

    refused = as_user(client, officer).post(DUPLICATES, {"decision": "accept"})
    denied = as_user(client, followup_staff["analyst"]).post(DUPLICATES, {"chosen": [pending.pk],
                                                                         "decision": "accept"})

    assert refused.status_code == 400 and "Choose at least one pair." in words(refused)
    assert denied.status_code == 403
    assert FollowupSuggestion.objects.get(pk=pending.pk).status == "pending"
    assert "Follow each chosen pair as one cluster" not in words(client.get(DUPLICATES))


def test_the_duplicates_page_filters_pairs_from_one_source(client, officer, cat_source):
    older = services.create_recommendation(actor=officer, source=cat_source, text=LAWYER_AR)
    newer = services.create_recommendation(actor=officer, source=cat_source, text=LAWYER_AR_2)
    run_suggestions([older.pk, newer.pk])
    as_user(client, officer)

    assert len(client.get(DUPLICATES).context["rows"]) == 1
    assert "same source" in words(client.get(DUPLICATES))
    assert client.get(DUPLICATES, {"across": "1"}).context["rows"] == []


@pytest.mark.parametrize("n", [1, 3])
def test_the_duplicates_page_costs_the_same_whatever_its_length(client, officer, cat_source, upr, n):
    _pairs(officer, cat_source, upr, n)
    as_user(client, officer)
    client.get(DUPLICATES)  # the session's first read

    with CaptureQueriesContext(connection) as queries:
        response = client.get(DUPLICATES)

    assert len(response.context["rows"]) == n
    assert len(queries) == QUERIES_FOR_DUPLICATES


QUERIES_FOR_DUPLICATES = 7  # with the session and the user (its membership and security in the same query)


# --- the list's search box ----------------------------------------------------------------------------

def test_the_list_searches_with_the_desks_query_language(client, officer, cat_source, upr):
    lawyer = services.create_recommendation(actor=officer, source=cat_source, text=LAWYER_AR)
    services.create_recommendation(actor=officer, source=upr, text="تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية")
    as_user(client, officer)

    box = client.get(LIST)
    found = client.get(LIST, {"q": "بمحامي -تدريب"})
    common = client.get(LIST, {"q": "في"})

    assert 'id="f-q" name="q"' in box.content.decode()
    assert [row["rec"] for row in found.context["rows"]] == [lawyer]
    assert "<mark>بمحامٍ</mark>" in found.content.decode()
    assert len(common.context["rows"]) == 2
    assert "The search words are too common to search for" in words(common)


@pytest.mark.parametrize("n", [1, 3])
def test_a_search_of_the_list_costs_the_same_whatever_its_length(client, officer, cat_source, n):
    for i in range(n):
        services.create_recommendation(actor=officer, source=cat_source, text=f"{LAWYER_AR} {i}")
    as_user(client, officer)
    client.get(LIST, {"q": "محامي"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": "محامي"})

    assert len(response.context["rows"]) == n
    assert len(queries) == QUERIES_FOR_SEARCH


QUERIES_FOR_SEARCH = 14
