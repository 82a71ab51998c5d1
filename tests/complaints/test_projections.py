"""What follows a change to a case (mizan/complaints/projections.py): the wings register into the
core, the core's domain code never imports them, and what they registered runs in the change's
transaction — the search document, the statistics rollup, the personal-data spans — or on its
commit (suggestions)."""

from pathlib import Path

import pytest
from django.db import transaction

from mizan.complaints import projections, retention, services
from mizan.complaints.models import Category
from mizan.reports.models import CaseContribution
from mizan.search.models import SearchDocument
from mizan.triage.models import PiiSpan
from tests.layers import imports_of

WINGS = ("mizan.search", "mizan.triage", "mizan.reports", "mizan.desk", "mizan.portal", "mizan.api",
         "mizan.followup")
PACKAGE = Path(__file__).resolve().parents[2] / "mizan" / "complaints"


def test_the_core_imports_no_wing_not_even_inside_a_function():
    # management/ holds the demo seeding command, a face that fills every wing on purpose
    offending = {str(path.relative_to(PACKAGE)): sorted(n for n in imports_of(path) if n.startswith(WINGS))
                 for path in PACKAGE.rglob("*.py") if "management" not in path.parts}
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_wings_register_what_follows_each_kind_of_change():
    assert projections.registered(projections.CASE) == ["reports.rollup", "search.index"]  # rollup first
    assert projections.registered(projections.MESSAGE) == ["triage.pii"]
    assert projections.registered(projections.CONTENT) == ["triage.suggest"]
    assert projections.registered(projections.ANONYMISED) == ["triage.pii_spans"]


def test_registering_a_name_again_replaces_it_and_the_order_decides():
    ran = []
    saved = {kind: list(entries) for kind, entries in projections._registry.items()}
    try:
        projections.register(projections.MESSAGE, "test.b", lambda message: ran.append(("b", message)), order=500)
        projections.register(projections.MESSAGE, "test.a", lambda message: ran.append(("a", message)), order=400)
        projections.register(projections.MESSAGE, "test.b", lambda message: ran.append(("b2", message)), order=500)
        projections._registry[projections.MESSAGE] = [e for e in projections._registry[projections.MESSAGE]
                                                      if e[1].startswith("test.")]
        projections.message_written("m")
        assert ran == [("a", "m"), ("b2", "m")]
    finally:
        projections._registry.update(saved)


def test_a_change_brings_the_search_document_the_rollup_and_the_spans_up_to_date(staff, file_case):
    case, _receipt = file_case()
    assert CaseContribution.objects.filter(case_id=case.pk).exists()  # intake: the rollup
    message = services.post_message(actor=staff["officer"], case=case, body="كلّمني على 01009876543 بخصوص الزيارة",
                                    internal=True)

    assert "زيار" in SearchDocument.objects.get(case=case).messages.split()  # the note is searchable (stemmed)
    assert PiiSpan.objects.filter(case=case, source_id=message.pk).exists()  # its phone number is marked


def test_a_change_rolled_back_leaves_no_derived_row(staff, file_case):
    case, _receipt = file_case()
    before = SearchDocument.objects.get(case=case).categories
    state = CaseContribution.objects.get(case_id=case.pk).state
    with pytest.raises(RuntimeError), transaction.atomic():
        services.set_categories(actor=staff["supervisor"], case=case,
                                categories=[Category.objects.get(code="women")])
        assert SearchDocument.objects.get(case=case).categories != before  # inside: already current
        raise RuntimeError
    assert SearchDocument.objects.get(case=case).categories == before
    assert CaseContribution.objects.get(case_id=case.pk).state == state


def test_anonymising_drops_the_spans_and_rebuilds_the_document(staff, file_case):
    case, _receipt = file_case()
    services.post_message(actor=staff["officer"], case=case, body="رقمي 01009876543", internal=True)
    assert PiiSpan.objects.filter(case=case).exists()

    retention.anonymise_case(case=case, actor=staff["admin"])

    assert not PiiSpan.objects.filter(case=case).exists()
    assert "01009876543" not in SearchDocument.objects.get(case=case).messages
