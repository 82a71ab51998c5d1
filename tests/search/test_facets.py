"""Facets: the case's organisation, status and urgency as index terms, intersected with the
words inside the full-text index so that a search with a selective filter stays one short walk.
They may only make a search faster: the results are those of the filters applied to the cases."""

import importlib

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mizan.complaints.access import cases_for
from mizan.complaints.models import Case, Urgency
from mizan.complaints.services import set_urgency, transition_case
from mizan.complaints.workflow import Status
from mizan.search import facets
from mizan.search.engine import ranked
from mizan.search.models import SearchDocument
from mizan.search.query import parse

from .conftest import english, queue_refs

migration = importlib.import_module("mizan.search.migrations.0003_search_document_facets")


# --- the terms (pure) ----------------------------------------------------------------------------

def test_term_is_one_token_of_letters_and_digits():
    assert facets.term(7, "in_progress", "high") == "0forg070sinprogress0uhigh"
    assert facets.term(12) == "0forg012"
    assert facets.term(12, urgency="low") == "0forg0120ulow"
    assert all(facets.is_facet(facets.term(3, s, u)) for s in Status.values for u in Urgency.values)


def test_terms_of_different_values_never_coincide():
    terms = [facets.term(org, s, u) for org in (1, 10, 100, 1000, 12)
             for s in ["", *Status.values] for u in ["", *Urgency.values]]

    assert len(terms) == len(set(terms))


def test_document_holds_one_term_per_combination():
    assert facets.document_facets(organisation_id=7, status="closed", urgency="low").split() == [
        "0forg07", "0forg070sclosed", "0forg070ulow", "0forg070sclosed0ulow"]


def test_fts5_and_tsquery_clauses_ask_for_exactly_the_filters():
    both = {"status": ["resolved", "closed"], "urgency": ["high"]}

    assert facets.fts5_clause(7, both) == 'facets : ("0forg070sclosed0uhigh" OR "0forg070sresolved0uhigh")'
    assert facets.tsquery_clause(7, both) == "('0forg070sclosed0uhigh' | '0forg070sresolved0uhigh')"
    assert facets.fts5_clause(7, {"urgency": ["low"]}) == 'facets : "0forg070ulow"'
    assert facets.fts5_clause(7, {"status": [], "urgency": [""]}) == 'facets : "0forg07"'
    assert facets.fts5_clause(None, {"status": ["closed"]}) == ""
    assert facets.tsquery_clause(None, {}) == ""


def test_facet_typed_in_the_search_box_is_ignored():
    typed = parse(f"{facets.term(1, 'closed')} {facets.term(1)}")

    assert typed.node is None


# --- the document follows the case ---------------------------------------------------------------

def facets_of(case) -> str:
    return SearchDocument.objects.get(case=case).facets


def test_document_holds_the_case_facets_and_follows_status_and_urgency(staff, story):
    case = story("منعوا الزيارة عن أخي في القسم")
    org = case.organisation_id
    assert facets_of(case).split() == [f"0forg0{org}", f"0forg0{org}0sreceived", f"0forg0{org}0unormal",
                                       f"0forg0{org}0sreceived0unormal"]

    transition_case(actor=staff["officer"], case=case, to="under_review")
    set_urgency(actor=staff["officer"], case=Case.objects.get(pk=case.pk), urgency=Urgency.CRITICAL)

    assert facets_of(case).split()[1:] == [f"0forg0{org}0sunderreview", f"0forg0{org}0ucritical",
                                           f"0forg0{org}0sunderreview0ucritical"]


def test_search_with_filters_finds_the_case_after_its_status_changes(staff, story):
    case = story("ضربوني في القسم")
    story("ضربوه في القسم")
    transition_case(actor=staff["officer"], case=case, to="under_review")
    officer = staff["officer"]

    def refs(status):
        results = ranked(cases_for(officer).filter(status=status), "ضرب", user=officer, facets={"status": [status]})
        return [c.reference for c in results]

    assert refs("under_review") == [case.reference]
    assert case.reference not in refs("received")


def test_facets_narrow_the_window_walk_before_the_cap(staff, story, settings):
    settings.MIZAN_SEARCH_RANK_WINDOW = 1
    critical = story("ضربوني في القسم")
    set_urgency(actor=staff["officer"], case=critical, urgency=Urgency.CRITICAL)
    for text in ("ضربوه", "ضربوها"):  # newer matches of another urgency
        story(text)
    officer = staff["officer"]

    with CaptureQueriesContext(connection) as queries:
        results = ranked(cases_for(officer).filter(urgency="critical"), "ضرب", user=officer,
                         facets={"urgency": ["critical"]})

    assert (results.capped, [c.reference for c in results]) == (False, [critical.reference])
    walk = [q["sql"] for q in queries.captured_queries if f"0forg0{critical.organisation_id}0ucritical" in q["sql"]]
    assert len(walk) == 1  # intersected in the index


def test_queue_tab_of_open_work_with_search_and_status_filter(client, staff, story):
    mine = story("ضربوني في القسم")
    transition_case(actor=staff["officer"], case=mine, to="under_review")
    english(client).force_login(staff["officer"])
    queue = reverse("desk:queue")

    everything = client.get(queue, {"view": "all", "q": "ضرب", "sort": "relevance", "status": "under_review"})
    closed_in_open_tab = client.get(queue, {"view": "unassigned", "q": "ضرب", "sort": "relevance",
                                           "status": "closed"})

    assert queue_refs(everything) == [mine.reference]
    assert queue_refs(closed_in_open_tab) == []


# --- the migration: existing documents get their facets, and it reverses ----------------------

def test_migration_sql_twin_equals_the_python_terms(staff, story):
    case = story("منعوا الزيارة")
    organisation_id = case.organisation_id
    with connection.cursor() as cursor:
        for status in Status.values:
            for urgency in Urgency.values:
                cursor.execute(f"SELECT {migration.FACETS_SQL} FROM (SELECT %s AS organisation_id, %s AS status, "  # noqa: S608
                               "%s AS urgency) c", [organisation_id, status, urgency])
                expected = facets.document_facets(organisation_id=organisation_id, status=status, urgency=urgency)
                assert cursor.fetchone()[0] == expected
    assert facets.sql_document_facets("c.organisation_id", "c.status", "c.urgency") == migration.FACETS_SQL


def test_migration_fills_existing_documents_and_reverses(staff, story):
    case = story("ضربوني في القسم")
    transition_case(actor=staff["officer"], case=case, to="under_review")
    officer = staff["officer"]
    backward = migration.SQLITE_BACKWARD if connection.vendor == "sqlite" else migration.POSTGRES_BACKWARD
    forward = migration.SQLITE_FORWARD if connection.vendor == "sqlite" else migration.POSTGRES_FORWARD

    def search():
        results = ranked(cases_for(officer).filter(status="under_review"), "ضرب", user=officer,
                         facets={"status": ["under_review"]})
        return [c.reference for c in results]

    before = facets_of(case)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # the test's transaction holds deferred foreign-key checks
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in backward:
            cursor.execute(statement)
        cursor.execute("SELECT count(*) FROM search_document WHERE case_id = %s", [case.pk])
        assert cursor.fetchone()[0] == 1
        for statement in forward:
            cursor.execute(statement)

    assert facets_of(case) == before
    assert search() == [case.reference]
