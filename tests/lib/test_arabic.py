"""The Arabic text engine: tokens, stems, stop-words, index terms, offsets, shingles."""

import pytest

from mizan.lib.arabic import (
    STOPWORDS,
    analyse,
    analyse_with_offsets,
    is_stopword,
    normalise,
    shingles,
    stem,
    tokenise,
)
from mizan.lib.arabic.stem import decliticise

# --- tokenise ----------------------------------------------------------------------------------


def test_tokenise_keeps_words_with_harakat_whole():
    assert tokenise("ضُرِبَ المُحْتَجَزُ ضَرْبًا") == ["ضرب", "المحتجز", "ضربا"]


def test_tokenise_splits_on_arabic_and_latin_punctuation():
    assert tokenise("السجن،القسم؛ لماذا؟ «هنا» (نعم) - x.y") == [
        "السجن", "القسم", "لماذا", "هنا", "نعم", "x", "y"
    ]


def test_tokenise_keeps_arabizi_and_digits():
    assert tokenise("ana 3ayz a2ool 7aga fi 2024") == ["ana", "3ayz", "a2ool", "7aga", "fi", "2024"]


def test_tokenise_folds_arabic_indic_digits():
    assert tokenise("يوم ١٥/٣/٢٠٢٤") == ["يوم", "15", "3", "2024"]


def test_tokenise_ignores_invisible_characters_inside_words():
    assert tokenise("الس\u200bجن\u200f") == ["السجن"]


def test_tokenise_of_punctuation_only_is_empty():
    assert tokenise("؟!، ...") == []


# --- stem: Arabic ------------------------------------------------------------------------------


@pytest.mark.parametrize("group", [
    ("أحمد", "احمد", "إحمد"),
    ("مستشفى", "مستشفي", "المستشفى", "بالمستشفى", "مستشفيات"),
    ("السجن", "سجن", "بالسجن", "للسجن", "والسجن", "فالسجن"),
    ("محتجَز", "محتجز", "المحتجزين", "محتجزون", "المحتجزة"),
    ("قسم", "بالقسم", "للقسم", "القسم", "والقسم"),
    ("اعتقال", "الاعتقال", "والاعتقال", "باعتقال"),
    ("اعتقلوه", "واعتقلوه", "اعتقلوني", "اعتقلوا"),
    ("ضربوني", "ضرب", "ضربه", "ضربته", "ضربتني", "ضربوه"),
    ("تعذيب", "التعذيب", "للتعذيب", "تعذيبه"),
    ("عذبوني", "عذبوه", "عذب"),
    ("الشرطة", "شرطة", "بالشرطة", "والشرطة", "شرطي"),
    ("بطاقة", "بطاقتي", "البطاقة", "بطاقات", "بطاقته"),
    ("انتهاك", "انتهاكات", "الانتهاكات", "انتهاكاتهم"),
    ("محامي", "المحامي", "محامين", "محاميها"),
    ("تحقيق", "التحقيق", "تحقيقات", "والتحقيقات"),
    ("منظمة", "المنظمة", "منظمات", "للمنظمات"),
    ("لبنان", "لبناني"),
    ("إنسان", "انسانية", "الإنساني"),
])
def test_stem_groups_share_one_stem(group):
    assert len({stem(word) for word in group}) == 1


@pytest.mark.parametrize(("word", "expected"), [
    ("وقف", "وقف"),
    ("فقد", "فقد"),
    ("بلد", "بلد"),
    ("لحم", "لحم"),
    ("بلاغ", "بلاغ"),
    ("وزارة", "وزار"),
    ("كرامة", "كرام"),
    ("لجنة", "لجن"),
    ("للجنة", "لجن"),
    ("والدتي", "والد"),
    ("انتهاك", "انتهاك"),
    ("مملكة", "مملك"),
])
def test_stem_keeps_letters_that_belong_to_the_word(word, expected):
    assert stem(word) == expected


def test_decliticise_removes_conjunction_preposition_and_article():
    assert [decliticise(w) for w in ("والسجن", "بالسجن", "كالسجن", "فالسجن", "للسجن", "وبالسجن")] == [
        "سجن"
    ] * 6


def test_decliticise_needs_three_letters_to_remain():
    assert [decliticise(w) for w in ("الم", "وقف", "بيت", "ولد")] == ["الم", "وقف", "بيت", "ولد"]


def test_stem_never_goes_below_two_letters():
    assert all(len(stem(word)) >= 2 for word in ("ابي", "اخي", "امي", "يده", "فمه", "له"))


def test_stem_leaves_numbers_and_arabizi_alone():
    assert [stem("٢٠٢٤"), stem("3ayz"), stem("EG2026")] == ["2024", "3ayz", "eg2026"]


# --- stem: French and English ------------------------------------------------------------------


def test_stem_french_plural_and_feminine_meet():
    assert stem("détenu") == stem("détenus") == stem("détenues", "fr")


def test_stem_english_inflections_meet():
    assert stem("arrested") == stem("arrest") == stem("arrests")
    assert stem("tortured") == stem("torture")


def test_stem_uses_the_language_given_by_the_caller():
    assert stem("detenus", "fr") == "detenu"
    assert stem("detenus", "en") == "detenus"


def test_stem_guesses_french_from_accents():
    assert stem("arrêtés") == stem("arrêté", "fr")


# --- stop-words --------------------------------------------------------------------------------


def test_stopwords_are_stored_normalised():
    for lang, words in STOPWORDS.items():
        assert all(normalise(word) == word for word in words), lang


def test_stopwords_include_dialect_function_words():
    dialect = ["اللي", "ده", "دي", "مش", "عشان", "كده", "ايه", "ازاي", "فين", "لسه", "بتاع", "وش",
               "ليش", "جذي", "هذيل", "هاد", "هيك", "شو", "منشان", "هلق", "ديال", "واش", "علاش",
               "بزاف", "هادي", "داك"]
    assert [word for word in dialect if not is_stopword(normalise(word))] == []


def test_stopwords_keep_content_words():
    content = ["سجن", "ضرب", "شرطه", "ابني", "عم", "راح", "قوي", "علي", "ام", "دول", "son", "car"]
    assert [word for word in content if is_stopword(normalise(word))] == []


def test_stopwords_see_through_single_letter_clitics_but_not_the_article():
    assert is_stopword("وهو") and is_stopword("بماذا") and is_stopword("ولهذا")
    assert not is_stopword("الدول") and not is_stopword("كليه") and not is_stopword("بدا")


def test_french_only_stopwords_need_french_context():
    assert is_stopword("car", "fr") and not is_stopword("car", "en") and not is_stopword("car")


# --- analyse -----------------------------------------------------------------------------------


def test_analyse_drops_stopwords_stems_and_keeps_numbers():
    assert analyse("ذهبت إلى القسم في ١٥ مارس ٢٠٢٤ وهو مغلق") == [
        "ذهب", "قسم", "15", "مارس", "2024", "مغلق"
    ]


def test_analyse_egyptian_sentence():
    assert analyse("الظابط اللي في القسم ضربني عشان مش عايز امضي") == [
        "ظابط", "قسم", "ضرب", "عايز", "امض"
    ]


def test_analyse_levantine_and_maghrebi_sentences():
    assert analyse("شو صار هيك بالسجن") == ["صار", "سجن"]
    assert analyse("البوليس ديال الحي ضربوني بزاف") == ["بوليس", "حي", "ضرب"]


def test_analyse_gulf_sentence():
    assert analyse("ليش وقفوني جذي في المركز") == ["وقف", "مركز"]


def test_analyse_document_and_query_meet():
    document = set(analyse("تم احتجاز المُحتجَزين في السجون وضربوهم بالعصا"))
    assert set(analyse("المحتجزين ضرب")) <= document


def test_analyse_french_text_uses_french_stopwords_and_stemmer():
    assert analyse("Le détenu a été frappé par les policiers") == ["detenu", "frapp", "polici"]


def test_analyse_english_text_uses_english_stopwords_and_stemmer():
    assert analyse("My son was arrested by the police") == ["son", "arrest", "polic"]


def test_analyse_mixed_arabic_and_english():
    assert analyse("تم اعتقال my son في القسم") == ["اعتقال", "son", "قسم"]


def test_analyse_with_offsets_slices_original_words():
    text = "ضُرِبَ المُحْتَجَزُ في قسمِ الشُّـــرطة"
    assert [(term, text[start:end]) for term, start, end in analyse_with_offsets(text)] == [
        ("ضرب", "ضُرِبَ"),
        ("محتجز", "المُحْتَجَزُ"),
        ("قسم", "قسمِ"),
        ("شرط", "الشُّـــرطة"),
    ]


def test_analyse_with_offsets_survives_invisible_marks_and_ligatures():
    text = "\u200fاعتقال\u200f ﻻجئ"
    assert [(term, text[start:end]) for term, start, end in analyse_with_offsets(text)] == [
        ("اعتقال", "اعتقال"),
        ("لاج", "ﻻجئ"),
    ]


def test_analyse_and_offsets_give_the_same_terms():
    text = "Le détenu أُعتُقِلَ في ٢٠٢٤ ضربوووني"
    assert analyse(text) == [term for term, _, _ in analyse_with_offsets(text)]


def test_analyse_of_empty_text_is_empty():
    assert analyse("") == [] and analyse_with_offsets("") == []


# --- shingles ----------------------------------------------------------------------------------


def test_shingles_are_taken_over_normalised_text():
    assert shingles("أحمد  علي", k=5) == {"احمد ", "حمد ع", "مد عل", "د علي"}


def test_shingles_ignore_harakat_and_spacing_differences():
    assert shingles("ضُرِبَ  في القسم") == shingles("ضرب في القسم")


def test_shingles_of_short_and_empty_text():
    assert shingles("سجن", k=5) == {"سجن"} and shingles("") == set()


def test_shingles_reject_zero_k():
    with pytest.raises(ValueError):
        shingles("سجن", k=0)
