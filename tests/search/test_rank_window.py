"""The rank window: a search ranks at most MIZAN_SEARCH_RANK_WINDOW matches (the newest that
pass the filters), so its cost does not grow with how common the words are; the desk and the
API say when more cases matched than the window holds."""

from django.urls import reverse

from mizan.complaints.access import cases_for
from mizan.complaints.services import post_message, transition_case
from mizan.search.engine import SearchResults, filter_cases, order_by_relevance, ranked

from .conftest import english, found

QUEUE = reverse("desk:queue")
CASES = "/api/v1/cases"


def exact(user, q) -> list[str]:
    """The baseline: every match ranked (no window)."""
    cases = order_by_relevance(filter_cases(cases_for(user), q, user=user), q)
    return [case.reference for case in cases]


def test_window_order_equals_exact_ranking_when_everything_fits(staff, story):
    cases = [story("ضربوني في القسم"), story("ضربوني وضربوا أخي في القسم ثم ضربوني"),
             story("منعوا الزيارة"), story("ضرب في الشارع"), story("ضربوه")]
    post_message(actor=staff["officer"], case=cases[2], body="قال إنهم ضربوه", internal=True)

    for q in ("ضرب", "ضرب OR زيارة", "ضرب -الشارع", '"في القسم"', cases[0].reference):
        assert found(staff["officer"], q) == exact(staff["officer"], q), q


def test_window_ties_break_by_arrival_newest_first(staff, story):
    first, second, third = story("منعوا الزيارة"), story("منعوا الزيارة"), story("منعوا الزيارة")

    assert found(staff["officer"], "زيارة") == [third.reference, second.reference, first.reference]


def test_window_caps_the_matches_and_keeps_the_newest(staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    oldest = story("ضربوني ضربوني ضربوني")  # the best match of all, but outside the two newest
    middle, newest = story("ضربوني في القسم ثم تركوني"), story("ضربوني")

    results = ranked(cases_for(staff["officer"]), "ضرب", user=staff["officer"])

    assert isinstance(results, SearchResults)
    assert results.capped is True and results.count() == 2
    assert [case.reference for case in results] == [newest.reference, middle.reference]
    assert oldest.reference in exact(staff["officer"], "ضرب")


def test_window_applies_filters_before_the_cap(staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    reviewed = story("ضربوني في القسم")
    transition_case(actor=staff["officer"], case=reviewed, to="under_review")
    story("ضربوني")
    story("ضربوه")  # the two newest matches are not under review

    results = ranked(cases_for(staff["officer"]).filter(status="under_review"), "ضرب", user=staff["officer"])

    assert (results.capped, [case.reference for case in results]) == (False, [reviewed.reference])


def test_window_is_not_capped_at_exactly_its_size(staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    story("ضربوني")
    story("ضربوه")

    results = ranked(cases_for(staff["officer"]), "ضرب", user=staff["officer"])

    assert (results.capped, results.count()) == (False, 2)


def test_window_slices_load_cases_through_the_base_queryset(staff, story, django_assert_num_queries):
    cases = [story(f"ضربوني في اليوم رقم {i}") for i in range(4)]

    results = ranked(cases_for(staff["officer"]).select_related("organisation"), "ضرب", user=staff["officer"])
    first = results[0]

    assert [c.reference for c in results[1:3]] == [cases[2].reference, cases[1].reference]
    assert first.reference == cases[3].reference
    with django_assert_num_queries(0):  # loaded with the base queryset's select_related
        assert first.organisation.pk == cases[3].organisation_id


def test_window_outsider_finds_nothing_of_ours_even_capped(staff, story, other_story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 1
    story("ضربوني")
    story("ضربوه")
    theirs = other_story("ضربوها")

    results = ranked(cases_for(staff["outsider"]), "ضرب", user=staff["outsider"])

    assert (results.capped, [c.reference for c in results]) == (False, [theirs.reference])


def test_queue_says_when_more_cases_match_than_the_window(client, staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    for text in ("ضربوني", "ضربوه", "ضربوها عند الحاجز"):
        story(text)
    english(client).force_login(staff["supervisor"])

    capped = client.get(QUEUE, {"view": "all", "q": "ضرب"})
    within = client.get(QUEUE, {"view": "all", "q": "الحاجز"})

    assert "More than 2 cases match" in capped.content.decode()
    assert len(capped.context["rows"]) == 2
    assert "More than" not in within.content.decode() and len(within.context["rows"]) == 1


def test_api_count_is_a_lower_bound_over_the_window(client, staff, story, bearer, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    for text in ("ضربوني", "ضربوه", "ضربوها"):
        story(text)
    headers = bearer(staff["officer"])

    capped = client.get(CASES, {"q": "ضرب"}, headers=headers).json()
    plain = client.get(CASES, {}, headers=headers).json()

    assert (capped["count"], capped["count_is_lower_bound"], len(capped["results"])) == (2, True, 2)
    assert (plain["count"], plain["count_is_lower_bound"]) == (3, False)


# --- exclusions only: every other case, newest first ----------------------------------------------

def test_exclusions_only_list_every_other_case_newest_first(staff, story, other_story):
    first, beaten, last = story("منعوا الزيارة"), story("ضربوني في القسم"), story("حرموني من الدواء")
    other_story("منعوا الزيارة")

    results = ranked(cases_for(staff["officer"]), "-ضرب", user=staff["officer"])

    assert [c.reference for c in results] == [last.reference, first.reference]
    assert beaten.reference not in found(staff["officer"], "-ضرب -الدواء")


def test_exclusions_only_keep_the_newest_within_the_window_and_honour_filters(staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    first, second = story("منعوا الزيارة"), story("حرموني من الدواء")
    story("ضربوني في القسم")
    newest = story("منعوا الزيارة مرة أخرى")
    transition_case(actor=staff["officer"], case=first, to="under_review")
    officer = staff["officer"]

    capped = ranked(cases_for(officer), "-ضرب", user=officer)
    reviewed = ranked(cases_for(officer).filter(status="under_review"), "-ضرب", user=officer,
                      facets={"status": ["under_review"]})

    assert (capped.capped, [c.reference for c in capped]) == (True, [newest.reference, second.reference])
    assert (reviewed.capped, [c.reference for c in reviewed]) == (False, [first.reference])


def test_every_document_term_typed_in_the_box_is_ignored(staff, story):
    from mizan.search.query import EVERY_DOCUMENT_TERM

    story("منعوا الزيارة")

    assert found(staff["officer"], EVERY_DOCUMENT_TERM) == []
    assert found(staff["officer"], f"{EVERY_DOCUMENT_TERM} زيارة") == found(staff["officer"], "زيارة")


def test_every_document_term_migration_adds_it_once_and_reverses(staff, story):
    import importlib

    from django.db import connection

    from mizan.search.models import SearchDocument
    from mizan.search.query import EVERY_DOCUMENT_TERM

    migration = importlib.import_module("mizan.search.migrations.0002_index_row_every_document_term")
    case = story("منعوا الزيارة")
    before = SearchDocument.objects.get(case=case).reference
    with connection.cursor() as cursor:
        cursor.execute(migration.BACKWARD)
        without = SearchDocument.objects.get(case=case).reference
        exclusion_without = found(staff["officer"], "-ضرب")
        cursor.execute(migration.FORWARD)
        cursor.execute(migration.FORWARD)
    after = SearchDocument.objects.get(case=case).reference

    assert migration.TERM == EVERY_DOCUMENT_TERM
    assert EVERY_DOCUMENT_TERM in before.split() and EVERY_DOCUMENT_TERM not in without.split()
    # why SQLite needs the term (FTS5 walks it, NOT the excluded words); PostgreSQL walks the
    # cases themselves for a search of exclusions only (`window_excluding`)
    assert exclusion_without == ([] if connection.vendor == "sqlite" else [case.reference])
    assert after.split() == before.split()
    assert found(staff["officer"], "-ضرب") == [case.reference]
