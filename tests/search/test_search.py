"""Full-text search through the engine: matching, the query language, scoping, and an index
kept current by every domain function (on SQLite FTS5 and PostgreSQL alike)."""

import pytest
from django.db import transaction

from mizan.complaints.models import Category
from mizan.complaints.services import (
    add_allegation,
    assign_case,
    post_complainant_message,
    post_message,
    set_categories,
    transition_case,
    update_allegation,
)
from mizan.search.engine import filter_cases, order_by_relevance, prepare, search_cases
from mizan.search.models import SearchDocument

from .conftest import found
from .test_query import INJECTIONS

# --- spellings meet ----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "written"), [
    ("أحمد", "ضربوا احمد أمام والدته"),
    ("احمد", "ضربوا أحمد أمام والدته"),
    ("مستشفى", "نقلوه إلى مستشفي السجن بعد يومين"),
    ("السجن", "ما زال في سجن القناطر"),
    ("سجن", "نقلوه إلى السجن العمومي"),
    ("محتجَز", "ابني محتجز منذ شهر"),
    ("محتجز", "ابني مُحْتَجَزٌ منذ شهر"),
    ("١٥", "حجزوه 15 يوما"),
    ("15", "حجزوه ١٥ يوما"),
    ("ضربوووني", "ضربوني في الطريق"),
])
def test_search_spellings_meet(staff, story, typed, written):
    wanted = story(written)
    story("شكوى عن تأخر الرد على طلب الزيارة")

    assert found(staff["officer"], typed) == [wanted.reference]


def test_search_words_must_all_appear(staff, story):
    both = story("ضربوني في قسم الدقي")
    story("ضربوني في الشارع")
    story("احتجزوني في قسم المطرية")

    assert found(staff["officer"], "ضرب قسم") == [both.reference]


def test_search_phrase_needs_the_words_adjacent_and_in_order(staff, story):
    phrase = story("احتجزوني في قسم الدقي يومين")
    story("الدقي ثم نقلوني إلى قسم آخر")
    story("قسم شرطة في حي الدقي")

    assert found(staff["officer"], '"قسم الدقي"') == [phrase.reference]
    assert found(staff["officer"], "«قسم الدقي»") == [phrase.reference]


def test_search_or_finds_either(staff, story):
    shock = story("صعق كهربائي أثناء التحقيق")
    whip = story("جلد بالسوط في الزنزانة")
    story("لم يسمحوا لي بالاتصال بمحام")

    assert sorted(found(staff["officer"], "صعق OR جلد")) == sorted([shock.reference, whip.reference])


def test_search_exclusion_of_word_and_phrase(staff, story):
    keep = story("منعوا الأكل في السجن")
    story("منعوا الزيارة في السجن")
    story("السجن في قسم الدقي مزدحم")

    assert found(staff["officer"], "سجن -زيارة -\"قسم الدقي\"") == [keep.reference]


def test_search_only_exclusions_list_every_other_case_of_the_organisation(staff, story, other_story):
    first = story("منعوا الأكل في السجن")
    story("منعوا الزيارة في السجن")
    second = story("تأخر المحضر في القسم")
    other_story("منعوا الأكل في السجن")

    assert found(staff["officer"], "-زيارة") == [second.reference, first.reference]


def test_search_latin_words_meet_whatever_language_was_detected(staff, story):
    french = story("Mon fils a été détenu arbitrairement au commissariat", language="fr")
    english = story("My brother was arrested and beaten at the station", language="en")

    assert found(staff["officer"], "detenus") == [french.reference]
    assert found(staff["officer"], "Détenu") == [french.reference]
    assert found(staff["officer"], "arrest") == [english.reference]
    assert sorted(found(staff["officer"], "arrested OR arbitraire")) == sorted([english.reference, french.reference])


@pytest.mark.parametrize("text", INJECTIONS)
def test_search_query_syntax_cannot_be_broken(staff, story, text):
    beaten = story("ضربوني في قسم الدقي")
    visits = story("منعوا الزيارة في السجن")

    result = found(staff["officer"], text)

    assert set(result) <= {beaten.reference, visits.reference}


@pytest.mark.parametrize(("text", "expected"), [
    ("ضرب*", ["beaten"]),
    ("!!ضرب", ["beaten"]),
    ("ضرب <-> قسم", ["beaten"]),
    ("'ضرب':*", ["beaten"]),
    ("NEAR(ضرب قسم)", []),
    ("ضرب & زيارة", []),
    ("ضرب) OR (زيارة", ["beaten", "visits"]),
    ("narrative:ضرب", []),
])
def test_search_operators_of_the_databases_are_plain_text(staff, story, text, expected):
    cases = {"beaten": story("ضربوني في قسم الدقي"), "visits": story("منعوا الزيارة في السجن")}

    assert sorted(found(staff["officer"], text)) == sorted(cases[name].reference for name in expected)


# --- references --------------------------------------------------------------------------------

def test_search_reference_exact_serial_and_arabic_digits(staff, story):
    case = story("نص الشكوى")
    story("نص شكوى أخرى")
    serial = case.reference.rsplit("-", 1)[1].lstrip("0")
    arabic = case.reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    assert found(staff["officer"], case.reference) == [case.reference]
    assert found(staff["officer"], case.reference.lower()) == [case.reference]
    assert found(staff["officer"], arabic) == [case.reference]
    assert found(staff["officer"], serial) == [case.reference]


def test_search_exact_reference_ranks_first(staff, story):
    mentioned = story("سبق أن قدمت شكوى")
    target = story("نص الشكوى الأصلية")
    post_message(actor=staff["officer"], case=mentioned, body=f"راجع الشكوى {target.reference} قبل الرد", internal=True)

    assert found(staff["officer"], target.reference)[0] == target.reference


# --- scoping -----------------------------------------------------------------------------------

def test_search_outsider_finds_nothing_and_counts_nothing(staff, story, other_story):
    ours = story("منعوا الزيارة في السجن")
    theirs = other_story("منعوا الزيارة في السجن")

    assert found(staff["outsider"], "زيارة") == [theirs.reference]
    assert found(staff["outsider"], ours.reference) == []
    assert search_cases(staff["outsider"], ours.reference).count() == 0
    assert found(staff["officer"], "زيارة") == [ours.reference]


def test_search_analyst_gets_nothing(staff, story):
    story("منعوا الزيارة في السجن")

    assert found(staff["analyst"], "زيارة") == []


def test_search_filter_with_a_user_limits_the_index_to_their_organisation(staff, story, other_story):
    ours = story("منعوا الزيارة في السجن")
    other_story("منعوا الزيارة في السجن")
    from mizan.complaints.models import Case

    every = filter_cases(Case.objects.all(), "زيارة", user=staff["officer"])

    assert [c.reference for c in every] == [ours.reference]


def test_search_empty_or_common_words_filter_nothing_with_a_note(staff, story):
    story("منعوا الزيارة في السجن")

    assert prepare("في من").active is False
    assert prepare("في من").note != ""
    assert prepare("").note == ""
    assert found(staff["officer"], "في من") == []  # search_cases: no query, no results


# --- relevance ---------------------------------------------------------------------------------

def test_search_orders_narrative_matches_before_message_matches(staff, story):
    in_message = story("شكوى عن تأخر الرد")
    post_message(actor=staff["officer"], case=in_message, body="سأل عن الكفالة", internal=True)
    in_narrative = story("رفضوا الكفالة ثم رفضوا الكفالة مرة أخرى")

    assert found(staff["officer"], "كفالة") == [in_narrative.reference, in_message.reference]


def test_search_relevance_order_without_query_is_newest_first(staff, story):
    old = story("أول شكوى")
    new = story("ثاني شكوى")
    from mizan.complaints.access import cases_for

    assert [c.reference for c in order_by_relevance(cases_for(staff["officer"]), "")] == [new.reference, old.reference]


# --- the index follows every write ---------------------------------------------------------------

def test_index_new_message_words_are_searchable_immediately(staff, story):
    case = story("شكوى عن تأخر الرد")
    assert found(staff["officer"], "جوازات") == []

    post_message(actor=staff["officer"], case=case, body="راجعنا إدارة الجوازات")

    assert found(staff["officer"], "جوازات") == [case.reference]


def test_index_internal_note_and_complainant_message(staff, story):
    case = story("شكوى عن تأخر الرد")

    post_message(actor=staff["officer"], case=case, body="ملاحظة داخلية عن البصمة", internal=True)
    post_complainant_message(case=case, body="أرسلت صورة الإيصال")

    assert found(staff["officer"], "بصمة") == [case.reference]
    assert found(staff["officer"], "إيصال") == [case.reference]


def test_index_transition_note_becomes_searchable(staff, story):
    case = story("شكوى عن تأخر الرد")
    case = transition_case(actor=staff["officer"], case=case, to="under_review")
    case = transition_case(actor=staff["officer"], case=case, to="in_progress")

    transition_case(actor=staff["officer"], case=case, to="awaiting_complainant", note="أرسل شهادة الميلاد")

    assert found(staff["officer"], "شهادة الميلاد") == [case.reference]


def test_index_edited_categories_replace_the_old_labels(staff, story):
    case = story("شكوى عن تأخر الرد")
    case = set_categories(actor=staff["officer"], case=case, categories=[Category.objects.get(code="movement")])
    assert found(staff["officer"], '"freedom of movement"') == [case.reference]

    set_categories(actor=staff["officer"], case=case, categories=[Category.objects.get(code="privacy")])

    assert found(staff["officer"], '"freedom of movement"') == []
    assert found(staff["officer"], "الخصوصية") == [case.reference]
    assert found(staff["officer"], "vie privée") == [case.reference]


def test_index_subcategory_also_carries_its_parent_label(staff, story):
    food = Category.objects.create(code="prison_food", parent=Category.objects.get(code="detention_conditions"),
                                   label_ar="الغذاء في السجون", label_en="Food in prisons", label_fr="Nourriture")
    case = story("شكوى عن تأخر الرد")

    set_categories(actor=staff["officer"], case=case, categories=[food])

    assert found(staff["officer"], "nourriture") == [case.reference]
    assert found(staff["officer"], '"detention conditions"') == [case.reference]


def test_index_assignment_to_a_unit_indexes_its_names(staff, story, places):
    case = story("شكوى عن تأخر الرد")
    assert found(staff["officer"], "pénitentiaire") == []

    assign_case(actor=staff["supervisor"], case=case, unit=places["prisons"])

    assert found(staff["officer"], "pénitentiaire") == [case.reference]


def test_index_places_in_three_languages(staff, story, places):
    case = story("شكوى عن تأخر الرد", facility=str(places["station"].pk))

    for name in ("الدقي", "Dokki", "commissariat", "Gizeh"):
        assert found(staff["officer"], name) == [case.reference], name


def test_index_allegation_summary_added_then_changed(staff, story):
    case = story("شكوى عن تأخر الرد")
    allegation = add_allegation(actor=staff["officer"], case=case, category=Category.objects.get(code="torture"),
                                summary="كسر في الذراع")
    assert found(staff["officer"], "ذراع") == [case.reference]

    update_allegation(actor=staff["officer"], allegation=allegation, category=allegation.category,
                      summary="كدمات في الظهر")

    assert found(staff["officer"], "ذراع") == []
    assert found(staff["officer"], "ظهر") == [case.reference]


def test_index_rolled_back_write_leaves_no_trace(staff, story):
    case = story("شكوى عن تأخر الرد")

    with pytest.raises(RuntimeError), transaction.atomic():
        post_message(actor=staff["officer"], case=case, body="كلمة سرية عن الجوازات")
        raise RuntimeError("abort")

    assert found(staff["officer"], "جوازات") == []


def test_index_never_holds_identities(staff, file_case):
    case, _receipt = file_case("شكوى عن تأخر الرد", anonymous=False,
                               complainant={"name": "منى عبد الله", "national_id": "29001011234567",
                                            "phone": "01001234567", "email": "mona@example.org"})
    document = SearchDocument.objects.get(case=case)
    text = " ".join(getattr(document, f) for f in ("reference", "narrative", "allegations", "categories",
                                                   "messages", "places"))

    assert "منى" not in text and "29001011234567" not in text and "01001234567" not in text
    assert "mona" not in text
    assert found(staff["officer"], "منى") == []
    assert found(staff["officer"], "01001234567") == []
