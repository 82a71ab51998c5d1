"""Search documents in partitions of case ids (PostgreSQL), and the window search's rounds of
ids, newest first, that make a common word cost only the newest partitions. The rounds are
plain ranges of ids, so their results are those of one query on both databases; on SQLite
there are no partitions (and nothing is created)."""

import importlib
from contextlib import nullcontext
from types import SimpleNamespace

import pytest
from django.db import connection, transaction

from mizan.complaints.access import cases_for
from mizan.complaints.models import Case
from mizan.search import backends, partitions
from mizan.search.engine import ranked
from mizan.search.indexer import index_case
from mizan.search.models import SearchDocument

migration = importlib.import_module("mizan.search.migrations.0004_partition_search_documents")


def _ranges(wanted_counts, **kwargs):
    """The ranges `rounds` yields when `wanted()` answers `wanted_counts` in turn (then 0)."""
    answers = iter(wanted_counts)
    state = {"now": next(answers)}

    def wanted():
        return state["now"]

    out = []
    for low_high in backends.rounds(wanted, **kwargs):
        out.append(low_high)
        state["now"] = next(answers, 0)
    return out


def test_rounds_cover_every_id_down_to_zero_newest_first_in_whole_spans():
    ranges = _ranges([5] * 50, span=10, newest=95)  # nothing ever found

    # the newest ids down to a span boundary at least `span` below, then twice the ids asked so
    # far (in whole spans), down to 0
    assert ranges == [(80, 96), (50, 80), (0, 50)]


def test_rounds_grow_when_nothing_matches_and_follow_the_rate_when_something_does():
    nothing = _ranges([5, 5, 5, 5, 5], span=10, newest=10_000)
    assert [high - low for low, high in nothing][:4] == [11, 20, 60, 180]  # twice what was asked so far

    # 100 wanted; the first 11 ids held 20 matches: the 80 still wanted need 44 ids at that rate,
    # 48 with a tenth to spare, so 50 in whole spans.
    rated = _ranges([100, 80], span=10, newest=10_000)
    assert [high - low for low, high in rated] == [11, 50]


def test_rounds_stop_as_soon_as_nothing_is_wanted():
    assert _ranges([3, 0], span=10, newest=10_000) == [(9_990, 10_001)]
    assert _ranges([0], span=10, newest=10_000) == []


@pytest.mark.django_db
def test_rounds_without_any_document_ask_nothing():
    assert SearchDocument.objects.count() == 0
    assert list(backends.rounds(lambda: 5)) == []


@pytest.fixture
def small_rounds(monkeypatch):
    """Window searches in rounds of 1 case id: a handful of cases makes many rounds."""
    monkeypatch.setattr(backends, "ROUND_IDS", 1)


def test_window_in_small_rounds_finds_what_one_round_finds(staff, story, settings, monkeypatch):
    settings.MIZAN_SEARCH_RANK_WINDOW = 4
    cases = [story(text) for text in ("ضربوني في القسم", "منعوا الزيارة", "ضربوه", "ضربوني ضربوني",
                                      "منعوا الزيارة عني", "ضرب في الشارع", "تأخير", "ضربوا أخي")]
    officer = staff["officer"]

    def search(q, **filters):
        results = ranked(cases_for(officer).filter(**filters), q, user=officer)
        return [case.reference for case in results], results.capped

    whole = {q: search(q) for q in ("ضرب", "زيارة", "ضرب OR زيارة", '"في القسم"', "غير موجود")}
    monkeypatch.setattr(backends, "ROUND_IDS", 1)  # PostgreSQL: one query per case id; SQLite: no rounds
    for q, expected in whole.items():
        assert search(q) == expected, q
    # the window is still the newest matches: the best of all (oldest) is outside it
    assert search("ضرب")[1] is True
    assert cases[0].reference not in search("ضرب")[0]


def test_window_in_small_rounds_applies_filters_before_the_cap(staff, story, settings, small_rounds):
    from mizan.complaints.services import transition_case

    settings.MIZAN_SEARCH_RANK_WINDOW = 2
    reviewed = story("ضربوني في القسم")
    transition_case(actor=staff["officer"], case=reviewed, to="under_review")
    for _ in range(5):
        story("ضربوني")  # newer matches, not under review: rounds go past them

    results = ranked(cases_for(staff["officer"]).filter(status="under_review"), "ضرب", user=staff["officer"])

    assert (results.capped, [case.reference for case in results]) == (False, [reviewed.reference])


def test_documents_go_in_the_partition_of_their_case_id(staff, story):
    case = story("ضربوني في القسم")
    names = partitions.existing()

    if connection.vendor != "postgresql":
        assert names == [] and partitions.ensure([case.pk]) == []
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE relname = 'search_document'")
        assert cursor.fetchone()[0] == "p"
        cursor.execute("SELECT tableoid::regclass::text FROM search_document WHERE case_id = %s", [case.pk])
        assert cursor.fetchone()[0] == partitions.name(case.pk // partitions.SPAN)
    assert partitions.name(case.pk // partitions.SPAN + 1) in names  # the next one is made ahead


def test_a_case_beyond_the_partitions_gets_its_partition_when_indexed(staff, story):
    template = story("ضربوني في القسم")
    far = (max(template.pk, 10 * partitions.SPAN) // partitions.SPAN + 7) * partitions.SPAN + 3
    with transaction.atomic():
        case = Case.objects.get(pk=template.pk)
        case.pk, case.reference, case.receipt_hash = far, template.reference + "-far", "f" * 64
        case.save(force_insert=True)
        index_case(case)

    assert SearchDocument.objects.filter(case_id=far).exists()
    refs = [c.reference for c in ranked(cases_for(staff["officer"]), "ضرب", user=staff["officer"])]
    assert refs[0] == template.reference + "-far"  # the newest id, found in the first round
    if connection.vendor == "postgresql":
        names = partitions.existing()
        assert partitions.name(far // partitions.SPAN) in names
        assert partitions.name(far // partitions.SPAN + 1) in names
        assert partitions.ensure([far]) == []  # exists now: nothing more to create
    else:
        assert partitions.existing() == []


def test_migration_makes_the_table_plain_and_partitioned_again_with_every_document(staff, story):
    cases = [story("ضربوني في القسم"), story("منعوا الزيارة")]
    before = sorted(SearchDocument.objects.values_list("case_id", "narrative", "facets"))

    conn = connection
    # SQLite's schema editor cannot open inside the test's transaction; the migration only asks it
    # which database it is on, and does nothing there.
    editing = conn.schema_editor(atomic=True) if conn.vendor == "postgresql" else nullcontext(SimpleNamespace(connection=conn))
    with editing as editor:
        migration.backward(None, editor)
        plain = partitions.existing()
        assert sorted(SearchDocument.objects.values_list("case_id", "narrative", "facets")) == before
        migration.forward(None, editor)

    assert sorted(SearchDocument.objects.values_list("case_id", "narrative", "facets")) == before
    refs = [c.reference for c in ranked(cases_for(staff["officer"]), "ضرب", user=staff["officer"])]
    assert refs == [cases[0].reference]
    if conn.vendor == "postgresql":
        assert plain == []
        names = partitions.existing()
        assert names[0] == partitions.name(0)
        assert partitions.name(max(c.pk for c in cases) // partitions.SPAN + 1) in names
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_constraint WHERE conrelid = 'search_document'::regclass "
                           "AND contype = 'f'")
            assert cursor.fetchone()[0] == 2  # to the case and to the organisation
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_document' ORDER BY indexname")
            definitions = " ".join(row[0] for row in cursor.fetchall())
            assert "gin (vector)" in definitions and "(organisation_id)" in definitions
    else:
        assert plain == []


def test_the_partition_made_ahead_waits_only_briefly_for_its_lock(staff, story):
    case = story("ضربوني في القسم")
    if connection.vendor != "postgresql":
        assert partitions.ensure([case.pk]) == []
        return
    import psycopg

    newest = max(int(n.rsplit("_p", 1)[1]) for n in partitions.existing())  # exists; the next does not
    settings_dict = connection.settings_dict
    other = psycopg.connect(dbname=settings_dict["NAME"], user=settings_dict["USER"], host=settings_dict["HOST"],
                            port=settings_dict["PORT"] or 5432, password=settings_dict["PASSWORD"] or None)
    try:
        other.execute("SELECT count(*) FROM search_document")  # a long read: holds the table's share lock
        assert partitions.ensure([newest * partitions.SPAN + 1]) == []  # gave up after AHEAD_LOCK_TIMEOUT
        assert partitions.name(newest + 1) not in partitions.existing()
        assert ranked(cases_for(staff["officer"]), "ضرب", user=staff["officer"]).count() == 1  # goes on
    finally:
        other.close()
    assert partitions.ensure([newest * partitions.SPAN + 1]) == [partitions.name(newest + 1)]
