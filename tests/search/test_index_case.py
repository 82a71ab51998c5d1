"""`index_case` (after each change: one UNION and intake's cached names) builds the same document
as `rebuild` (the ORM's prefetching, `cases_for_indexing`), for a case that has everything a
document holds: nested categories, allegations at an active and at a closed place, messages,
notes, an outcome."""

from mizan.complaints.models import Category
from mizan.complaints.services import add_allegation, post_message, transition_case
from mizan.search.indexer import build_document, cases_for_indexing, index_case
from mizan.search.models import FIELDS, SearchDocument


def test_index_case_writes_the_document_rebuild_would(staff, file_case, places):
    case, _ = file_case(categories=["torture", "arbitrary_detention"], governorate="giza",
                        facility=str(places["station"].pk), place_details="الطابق الثاني")
    child = Category.objects.create(code="beating_in_custody", parent=Category.objects.get(code="torture"),
                                    label_ar="الضرب أثناء الاحتجاز", label_en="Beating in custody",
                                    label_fr="Coups en détention")
    add_allegation(actor=staff["officer"], case=case, category=child, facility=places["prison"],
                   summary="ضرب بالعصا أثناء التحقيق")
    places["prison"].is_active = False  # a place closed since: still named in the document
    places["prison"].save()
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال محضر الشرطة")
    post_message(actor=staff["officer"], case=case, body="اتصلت بالقسم", internal=True)
    transition_case(actor=staff["officer"], case=case, to="under_review")

    index_case(case)
    written = SearchDocument.objects.get(case=case)
    expected = build_document(cases_for_indexing().get(pk=case.pk))
    assert {field: getattr(written, field) for field in FIELDS} == {field: expected[field] for field in FIELDS}
    assert "دقي" in written.places or "dokki" in written.places
    assert written.allegations is not None and written.messages
