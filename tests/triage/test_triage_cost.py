"""What one triage run costs in SQL statements, pinned (the worker runs one per complaint filed).

Counted as the query log shows them; in a test the run's transaction is a savepoint and its
release (BEGIN and COMMIT in the worker). A change that adds a statement makes these fail: look at
the printed log, and either remove the statement or raise the pin with the reason in the commit.
bench/triage_cost.py measures the same on a flood of complaints, with the CPU.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mizan.triage.engine import run_triage
from mizan.triage.models import CaseSignature, PiiSpan, Suggestion

# A first run, in order: the case with its categories' top-level codes, stored signature and active
# model (one UNION); the related cases of every reason with what is needed of each (one UNION);
# the savepoint; on PostgreSQL the case's row lock; what is stored under it (narrative, messages,
# spans, signature hash, suggestions, suggested urgency: one UNION); the signature; its 32 band
# keys; the personal-data spans; the suggestions; the release. Was 32 on SQLite.
FIRST = {"sqlite": 9, "postgresql": 10}
# A first run of a text without personal data (no spans to write) that suggests an urgency: the
# case read with its lock held (complaints.locks) for complaints.services.set_suggested_urgency,
# and its update (a run that leaves the suggested urgency as it is does not call it).
FIRST_WITH_URGENCY = {"sqlite": 10, "postgresql": 11}
# The same run again: the two reads, the savepoint, (the lock,) what is stored, one UPDATE for
# the suggestions made again, the release. Was 20 to 44.
RERUN = {"sqlite": 6, "postgresql": 7}

ANON = {"anonymous": True, "complainant": {}}
PHONE = {"anonymous": False, "complainant": {"name": "منى عبد الله", "phone": "01001234567"}}
WITH_PERSONAL_DATA = "أخذوا مني هاتفي عند الباب واتصلوا بي على 01001234567 وضربوني في القسم"
HUNGER_STRIKE = "أخي مضرب عن الطعام منذ عشرة أيام في السجن ومنعوا عنه الزيارة"


def _statements(context) -> str:
    return "\n".join(q["sql"][:150] for q in context.captured_queries)


def _run(case_id):
    with CaptureQueriesContext(connection) as context:
        counts = run_triage(case_id)
    print(f"{len(context.captured_queries)} statements\n{_statements(context)}")
    return counts, context


@pytest.fixture
def earlier(triaged, places):
    """A complaint already triaged from the same phone, at the same police station on the same day."""
    return triaged("احتجزوني في القسم يومين بدون سبب", categories=[], facility=str(places["station"].pk),
                   incident_date="2026-10-01", **PHONE)


def test_a_first_run_costs_at_most_the_pinned_statements(file_case, earlier, places):
    case, _ = file_case(WITH_PERSONAL_DATA, categories=[], facility=str(places["station"].pk),
                        incident_date="2026-10-02", **PHONE)  # not triaged: its commit is not run

    counts, context = _run(case.pk)

    # Everything a first run writes was written: the signature and bands, the span, links and categories.
    assert counts["created"] >= 2 and counts["pii_spans"] == 1
    assert CaseSignature.objects.filter(case=case).exists() and PiiSpan.objects.filter(case=case).count() == 1
    assert {s.kind for s in case.suggestions.all()} >= {"category", "duplicate"}
    assert len(context.captured_queries) <= FIRST[connection.vendor], _statements(context)


def test_a_first_run_with_an_urgency_costs_at_most_the_pinned_statements(file_case, earlier, places):
    case, _ = file_case(HUNGER_STRIKE, categories=[], **PHONE)

    counts, context = _run(case.pk)

    case.refresh_from_db()
    assert (counts["suggested_urgency"], case.suggested_urgency) == ("high", "high")
    assert len(context.captured_queries) <= FIRST_WITH_URGENCY[connection.vendor], _statements(context)


@pytest.mark.parametrize("narrative", [WITH_PERSONAL_DATA, HUNGER_STRIKE])
def test_a_rerun_costs_at_most_the_pinned_statements(triaged, earlier, places, narrative):
    case = triaged(narrative, categories=[], facility=str(places["station"].pk), incident_date="2026-10-02", **PHONE)
    before = list(case.suggestions.order_by("pk").values_list("pk", "kind", "value", "status", "confidence"))

    counts, context = _run(case.pk)

    assert counts["created"] == 0 and counts["updated"] == len(before)
    assert list(case.suggestions.order_by("pk").values_list("pk", "kind", "value", "status", "confidence")) == before
    assert all(status == Suggestion.Status.PENDING for _pk, _k, _v, status, _c in before)
    assert len(context.captured_queries) <= RERUN[connection.vendor], _statements(context)
