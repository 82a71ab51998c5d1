"""`index_case` (after each change: one UNION and intake's cached names) builds the same document
as `rebuild` (the ORM's prefetching, `cases_for_indexing`), for a case that has everything a
document holds: nested categories, allegations at an active and at a closed place, messages,
notes, an outcome."""

import pytest

from mizan.complaints.models import Case, Category
from mizan.complaints.services import add_allegation, post_message, transition_case
from mizan.search.indexer import build_document, cases_for_indexing, index_case
from mizan.search.models import FIELDS, SearchDocument
from mizan.search.query import document_terms


def test_index_case_writes_the_document_rebuild_would(staff, file_case, places):
    case, _ = file_case(categories=["torture", "arbitrary_detention"], governorate="giza",
                        facility=str(places["station"].pk), place_details="الطابق الثاني")
    child = Category.objects.create(code="beating_in_custody", parent=Category.objects.get(code="torture"),
                                    label_ar="الضرب أثناء الاحتجاز", label_en="Beating in custody",
                                    label_fr="Coups en détention")
    add_allegation(actor=staff["officer"], case=case, category=child, facility=places["prison"],
                   summary="ضرب بالعصا أثناء التحقيق")
    for closed in ("prison", "station"):  # places closed since (an allegation's, the case's own): still named
        places[closed].is_active = False
        places[closed].save()
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال محضر الشرطة")
    post_message(actor=staff["officer"], case=case, body="اتصلت بالقسم", internal=True)
    transition_case(actor=staff["officer"], case=case, to="under_review")

    index_case(case)
    written = SearchDocument.objects.get(case=case)
    expected = build_document(cases_for_indexing().get(pk=case.pk))
    columns = (*FIELDS, "facets")
    assert {field: getattr(written, field) for field in columns} == {field: expected[field] for field in columns}
    assert "دقي" in written.places or "dokki" in written.places
    assert written.allegations and written.messages and written.categories
    case.refresh_from_db()
    assert case.unit_id and set(document_terms(case.unit.name_ar)) <= set(written.places.split())  # the unit's name


def test_a_missing_document_is_written_whole(staff, file_case):
    case, _ = file_case()
    SearchDocument.objects.filter(case=case).delete()
    index_case(case.pk)
    written = SearchDocument.objects.get(case=case)
    expected = build_document(cases_for_indexing().get(pk=case.pk))
    assert {field: getattr(written, field) for field in FIELDS} == {field: expected[field] for field in FIELDS}


def test_a_case_that_is_gone_is_refused(db):
    with pytest.raises(Case.DoesNotExist):
        index_case(987654)
