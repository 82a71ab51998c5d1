"""Search where staff use it: the desk queue's box (with every filter), the case page's similar
cases panel, and the API's `q`."""

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mizan.complaints.models import Case
from mizan.complaints.services import assign_case, post_message, transition_case
from mizan.search.models import SearchDocument

from .conftest import english, found, queue_refs

QUEUE = reverse("desk:queue")
CASES = "/api/v1/cases"


def queue(client, user, **params):
    english(client).force_login(user)
    return client.get(QUEUE, {"view": "all", **params})


# --- desk queue --------------------------------------------------------------------------------

def test_queue_search_combines_with_status_filter(client, staff, story):
    beaten_new = story("ضربوني في القسم")
    beaten_reviewed = story("ضربوه أمام الناس")
    transition_case(actor=staff["officer"], case=beaten_reviewed, to="under_review")
    story("منعوا الزيارة")

    both = queue(client, staff["supervisor"], q="ضرب")
    reviewed = queue(client, staff["supervisor"], q="ضرب", status="under_review")
    received = queue(client, staff["supervisor"], q="ضرب", status="received")

    assert queue_refs(both) == [beaten_reviewed.reference, beaten_new.reference]
    assert queue_refs(reviewed) == [beaten_reviewed.reference]
    assert queue_refs(received) == [beaten_new.reference]


def test_queue_search_combines_with_tab_and_unit(client, staff, story, places):
    mine = story("ضربوني في القسم")
    assign_case(actor=staff["supervisor"], case=mine, officer=staff["officer"])
    prisons = story("ضربوه في السجن")
    assign_case(actor=staff["supervisor"], case=prisons, unit=places["prisons"])

    mine_tab = queue(client, staff["officer"], view="mine", q="ضرب")
    prisons_unit = queue(client, staff["supervisor"], q="ضرب", unit="prisons")

    assert queue_refs(mine_tab) == [mine.reference]
    assert queue_refs(prisons_unit) == [prisons.reference]


def test_queue_search_sorted_by_relevance(client, staff, story):
    in_message = story("شكوى عن تأخر الرد")
    post_message(actor=staff["officer"], case=in_message, body="سأل عن الكفالة", internal=True)
    in_narrative = story("رفضوا الكفالة")
    newest = story("شكوى أخرى")
    post_message(actor=staff["officer"], case=newest, body="ذكر الكفالة مرة", internal=True)

    by_relevance = queue(client, staff["supervisor"], q="كفالة", sort="relevance")
    by_date = queue(client, staff["supervisor"], q="كفالة", sort="newest")

    assert queue_refs(by_relevance)[0] == in_narrative.reference
    assert queue_refs(by_date) == [newest.reference, in_narrative.reference, in_message.reference]


def test_queue_search_shows_highlighted_snippets(client, staff, story):
    case = story("اتصلوا على 01001234567 ثم ضربوني في قِسْم الدقي")

    officer = queue(client, staff["officer"], q="قسم").content.decode()
    officer2 = queue(client, staff["officer2"], q="قسم").content.decode()

    assert case.reference in officer
    assert '<div class="small" dir="auto">اتصلوا على 01001234567 ثم ضربوني في <mark>قِسْم</mark> الدقي</div>' in officer
    assert '<div class="small" dir="auto">اتصلوا على ▇▇▇ ثم ضربوني في <mark>قِسْم</mark> الدقي</div>' in officer2
    assert "01001234567" not in officer2


def test_queue_without_search_shows_the_plain_excerpt(client, staff, story):
    story("ضربوني في القسم")

    body = queue(client, staff["officer"]).content.decode()

    assert "<mark>" not in body
    assert '<div class="small muted" dir="auto">ضربوني في القسم</div>' in body


def test_queue_search_of_common_words_only_filters_nothing_with_a_note(client, staff, story):
    first = story("ضربوني في القسم")
    second = story("منعوا الزيارة")

    response = queue(client, staff["officer"], q="في من", sort="newest")  # no words left: the chosen order

    assert queue_refs(response) == [second.reference, first.reference]
    assert "too common to search for" in response.content.decode()


def test_queue_search_outsider_finds_nothing_and_counts_nothing(client, staff, story):
    ours = story("ضربوني في القسم")

    by_word = queue(client, staff["outsider"], q="ضرب")
    by_reference = queue(client, staff["outsider"], q=ours.reference)

    assert queue_refs(by_word) == [] and by_word.context["page"].paginator.count == 0
    assert queue_refs(by_reference) == [] and by_reference.context["page"].paginator.count == 0
    assert f'href="/desk/cases/{ours.reference}/"' not in by_reference.content.decode()


def test_queue_search_analyst_has_no_queue(client, staff, story):
    story("ضربوني في القسم")

    response = queue(client, staff["analyst"], q="ضرب")

    assert response.status_code == 302


def test_queue_search_query_count_same_for_one_and_three_rows(client, staff, story):
    story("ضربوني في القسم")
    english(client).force_login(staff["officer"])
    client.get(QUEUE, {"view": "all", "q": "ضرب"})  # warm up per-process caches

    with CaptureQueriesContext(connection) as one:
        assert len(client.get(QUEUE, {"view": "all", "q": "ضرب"}).context["rows"]) == 1
    for text in ("ضربوه في الشارع", "ضربوها أمام البيت"):
        case = story(text)
        post_message(actor=staff["officer"], case=case, body="ضرب مرة أخرى", internal=True)
    with CaptureQueriesContext(connection) as three:
        assert len(client.get(QUEUE, {"view": "all", "q": "ضرب", "sort": "relevance"}).context["rows"]) == 3

    assert len(three) == len(one)


def test_queue_injection_strings_answer_normally(client, staff, story):
    case = story("ضربوني في القسم")

    for text in ['"', "(", "ضرب*", "NEAR(ضرب)", "'; --", "ضرب) OR (1", "-", "\\", "a:b", "&|!"]:
        response = queue(client, staff["officer"], q=text)
        assert response.status_code == 200, text
        assert set(queue_refs(response)) <= {case.reference}, text


# --- case page ---------------------------------------------------------------------------------

def test_case_page_similar_panel_links_the_similar_cases(client, staff, story, other_story):
    case = story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي")
    similar = story("صعقوه بالكهرباء وعلقوه من ذراعيه")
    story("منعوا الزيارة عن والدي")
    theirs = other_story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي")
    for text in ("تأخر الرد على طلبي", "لم يسجلوا المحضر", "صادروا هاتفي", "فصلوني من العمل"):
        story(text)
    english(client).force_login(staff["officer"])

    response = client.get(reverse("desk:case", args=[case.reference]))
    body = response.content.decode()

    assert [item.reference for item in response.context["similar"]] == [similar.reference]
    assert 'id="similar-title">Similar cases</h2>' in body
    assert f'<a class="reference" href="/desk/cases/{similar.reference}/">{similar.reference}</a>' in body
    assert theirs.reference not in body


def test_case_page_similar_panel_says_when_there_is_none(client, staff, story):
    case = story("صادروا سيارتي عند الكمين")
    english(client).force_login(staff["officer"])

    body = client.get(reverse("desk:case", args=[case.reference])).content.decode()

    assert "No similar case found." in body


# --- API ---------------------------------------------------------------------------------------

def test_api_q_uses_full_text_search(client, staff, story, bearer):
    beaten = story("ضربوني في قسم الدقي")
    story("منعوا الزيارة في السجن")
    headers = bearer(staff["officer"])

    def refs(**params):
        response = client.get(CASES, params, headers=headers)
        assert response.status_code == 200
        return [row["reference"] for row in response.json()["results"]]

    assert refs(q="الضرب") == [beaten.reference]
    assert refs(q='"قسم الدقي"') == [beaten.reference]
    assert refs(q="ضرب OR زيارة", status="received") == [c.reference for c in Case.objects.order_by("-id")]
    assert refs(q=beaten.reference[-6:]) == [beaten.reference]
    assert refs(q="ضرب -الدقي") == []


def test_api_q_is_scoped_to_the_token_holder(client, staff, story, other_story, bearer):
    story("منعوا الزيارة في السجن")
    theirs = other_story("منعوا الزيارة في السجن")

    body = client.get(CASES, {"q": "زيارة"}, headers=bearer(staff["outsider"])).json()

    assert (body["count"], [row["reference"] for row in body["results"]]) == (1, [theirs.reference])


def test_api_q_best_match_first(client, staff, story, bearer):
    in_message = story("شكوى عن تأخر الرد")
    post_message(actor=staff["officer"], case=in_message, body="سأل عن الكفالة", internal=True)
    in_narrative = story("رفضوا الكفالة")
    story("شكوى أخرى")

    body = client.get(CASES, {"q": "كفالة"}, headers=bearer(staff["officer"])).json()

    assert [row["reference"] for row in body["results"]] == [in_narrative.reference, in_message.reference]


# --- rebuilding ----------------------------------------------------------------------------------

def test_rebuild_command_restores_a_lost_index(staff, story, capsys):
    cases = [story("ضربوني في القسم"), story("ضربوه في الشارع"), story("منعوا الزيارة")]
    SearchDocument.objects.all().delete()
    assert found(staff["officer"], "ضرب") == []

    call_command("rebuild_search_index", batch_size=2)
    output = capsys.readouterr().out

    assert "Indexed 2/3 cases" in output and "Indexed 3/3 cases" in output
    assert "Search index rebuilt: 3 cases." in output
    assert found(staff["officer"], "ضرب") == [cases[1].reference, cases[0].reference]
    assert SearchDocument.objects.count() == 3


def test_rebuild_command_for_one_organisation(staff, story, other_story, org, capsys):
    ours = story("منعوا الزيارة")
    theirs = other_story("منعوا الزيارة")
    SearchDocument.objects.all().delete()

    call_command("rebuild_search_index", org=org.slug)

    assert "Search index rebuilt: 1 cases." in capsys.readouterr().out
    assert found(staff["officer"], "زيارة") == [ours.reference]
    assert found(staff["outsider"], "زيارة") == []
    assert SearchDocument.objects.filter(case=theirs).exists() is False


def test_rebuild_command_unknown_organisation_is_an_error(db):
    try:
        call_command("rebuild_search_index", org="nowhere")
    except CommandError as error:
        assert str(error) == "No organisation with the slug 'nowhere'."
    else:
        raise AssertionError("expected a CommandError")
