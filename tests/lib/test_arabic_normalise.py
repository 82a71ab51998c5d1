"""Each normalisation step on its own, then the whole chain."""

import pytest

from mizan.lib.arabic import normalise
from mizan.lib.arabic.normalise import (
    collapse_whitespace,
    fold_alef,
    fold_digits,
    fold_hamza,
    fold_latin,
    fold_teh_marbuta,
    fold_yeh,
    nfkc,
    normalise_with_map,
    squeeze_elongation,
    strip_harakat,
    strip_invisible,
    strip_tatweel,
)


def test_nfkc_turns_presentation_forms_into_base_letters():
    # ﻣﺤﻤﺪ is written with initial/medial/final presentation forms; ﻻ is the lam-alef ligature.
    assert nfkc("ﻣﺤﻤﺪ ﻻ") == "محمد لا"


def test_nfkc_expands_latin_ligatures_and_fullwidth_digits():
    assert nfkc("ﬁn １２") == "fin 12"


@pytest.mark.parametrize("invisible", [
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad",
    "\u061c",
])
def test_strip_invisible_removes_each_control(invisible):
    assert strip_invisible(f"سج{invisible}ن") == "سجن"


def test_strip_harakat_removes_vowels_shadda_sukun_tanween_and_dagger_alef():
    assert strip_harakat("مُحْتَجَزٌ شدَّة كتابًا رحمٰن") == "محتجز شدة كتابا رحمن"


def test_strip_harakat_removes_quranic_marks():
    assert strip_harakat("الرحيم\u06d6 قال\u06da") == "الرحيم قال"


def test_strip_tatweel_removes_kashida():
    assert strip_tatweel("مـــحـمد") == "محمد"


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ", "ٲ", "ٳ"])
def test_fold_alef_maps_each_form_to_bare_alef(alef):
    assert fold_alef(f"{alef}حمد") == "احمد"


def test_fold_yeh_maps_alef_maksura_and_persian_letters():
    assert fold_yeh("مستشفى علی کتاب") == "مستشفي علي كتاب"


def test_fold_teh_marbuta_maps_to_heh():
    assert fold_teh_marbuta("الشرطة") == "الشرطه"


def test_fold_hamza_maps_carriers_and_drops_lone_hamza():
    assert fold_hamza("مسؤول مسائل سماء شيء") == "مسوول مسايل سما شي"


def test_fold_digits_maps_arabic_indic_and_persian_digits():
    assert fold_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"


def test_fold_latin_lowercases_and_strips_french_accents():
    assert fold_latin("Détenu À ÉTÉ frappé, ça œuvre Noël") == "detenu a ete frappe, ca oeuvre noel"


def test_fold_latin_leaves_arabic_untouched():
    assert fold_latin("مُحَمَّد Ali") == "مُحَمَّد ali"


def test_collapse_whitespace_joins_runs_and_trims():
    assert collapse_whitespace("  سجن \t\n  القسم  ") == "سجن القسم"


def test_squeeze_elongation_collapses_three_or_more_identical_arabic_letters():
    assert squeeze_elongation("ضربوووني جداااا") == "ضربوني جدا"


def test_squeeze_elongation_keeps_doubled_letters_and_latin():
    assert squeeze_elongation("ممنوع cool 1000") == "ممنوع cool 1000"


def test_normalise_applies_every_step():
    text = "\u200fأَحْمَـــد  ذهب إلى مُستشفى الشُّرطة ﻻ، رقم ٠١٢٣ Détenu ضربوووني\u200b"
    assert normalise(text) == "احمد ذهب الي مستشفي الشرطه لا، رقم 0123 detenu ضربوني"


def test_normalise_keeps_punctuation_for_the_tokeniser():
    assert normalise("لماذا؟ «هنا»") == "لماذا؟ «هنا»"


def test_normalise_of_empty_and_blank_text_is_empty():
    assert normalise("") == ""
    assert normalise(" \u200f\t") == ""


def test_normalise_with_map_points_back_to_original_characters():
    text = "مُحَمَّد ﻻ"
    normal, spans = normalise_with_map(text)
    assert normal == "محمد لا"
    assert [text[start:end] for start, end in spans] == ["مُ", "حَ", "مَّ", "د", " ", "ﻻ", "ﻻ"]


def test_normalise_with_map_gives_squeezed_letter_the_whole_run():
    text = "ووووو"
    normal, spans = normalise_with_map(text)
    assert (normal, spans) == ("و", [(0, 5)])
