"""Properties of the text engine on arbitrary text (Hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.lib.arabic import (
    analyse,
    analyse_tokens,
    analyse_with_offsets,
    normalise,
    normalised_shingles,
    shingles,
    stem,
    stem_normalised,
    tokenise,
    tokenise_normalised,
    tokenise_with_spans,
)
from mizan.lib.arabic.normalise import normalise_with_map

# Arbitrary Unicode, plus text weighted towards what complaints contain: Arabic letters and
# presentation forms, harakat, tatweel, bidi and zero-width controls, digits, Latin with accents.
_ARABIC_ALPHABET = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئىةپچژکگی"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "\u200e\u200f\u202b\u202c\u2067\u2069\u200b\u200c\u200d\ufeff\u00ad\u061c"
    "ﻻﷲﺍﺑﻣﺤ٠١٢٣٤٥٦٧٨٩۰۴ ،؛؟«»\n\t.-"
    "aeéèçœÉÀZz019 '"
)
texts = st.one_of(st.text(), st.text(alphabet=_ARABIC_ALPHABET, max_size=60))

# No example database: the tests leave nothing behind in the checkout.
fast = settings(max_examples=50, deadline=None, database=None)


@fast
@given(texts)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@fast
@given(texts)
def test_normalise_map_has_one_non_empty_span_per_character(text):
    normal, spans = normalise_with_map(text)
    assert len(spans) == len(normal)
    assert all(0 <= start < end <= len(text) for start, end in spans)


@fast
@given(texts)
def test_offsets_slice_the_original_to_non_empty_spans(text):
    for _term, start, end in analyse_with_offsets(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() != ""


@fast
@given(texts)
def test_analyse_equals_the_terms_of_analyse_with_offsets(text):
    assert analyse(text) == [term for term, _, _ in analyse_with_offsets(text)]


@fast
@given(texts)
def test_tokens_are_normalised_and_never_contain_spaces(text):
    for token in tokenise(text):
        assert token and " " not in token and normalise(token) == token


@fast
@given(texts, st.integers(min_value=1, max_value=6))
def test_shingles_have_length_k_unless_the_text_is_shorter(text, k):
    normal = normalise(text)
    assert all(len(piece) == min(k, len(normal)) for piece in shingles(text, k))


# The functions that take an analysis already made (one normalisation shared by triage) must
# give exactly what the functions that start from the text give.

@fast
@given(texts)
def test_tokenise_normalised_equals_tokenise_with_spans(text):
    assert tokenise_normalised(*normalise_with_map(text)) == tokenise_with_spans(text)


@fast
@given(texts, st.sampled_from([None, "ar", "fr", "en"]))
def test_analyse_tokens_equals_analyse_with_offsets(text, lang):
    assert analyse_tokens(tokenise_with_spans(text), text, lang) == analyse_with_offsets(text, lang)


@fast
@given(texts, st.sampled_from([None, "fr", "en"]))
def test_stem_normalised_equals_stem_on_tokens(text, lang):
    tokens = tokenise(text)
    assert [stem_normalised(token, lang) for token in tokens] == [stem(token, lang) for token in tokens]


@fast
@given(texts, st.integers(min_value=1, max_value=6))
def test_normalised_shingles_equal_shingles(text, k):
    assert normalised_shingles(normalise(text), k) == shingles(text, k)


# normalise_with_map answers common text (letters alone or with plain harakat/tatweel, single
# spaces) with str.translate; it must give exactly what the cluster loop gives for any text.
_FAST_PATH_ALPHABET = (
    "ابتجدرسعفقكلمنهويءآأؤإئىة" "\u064b\u064c\u064e\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
    "\u200f\u200b\ufeffﻻﷲ٠١ ،؟\n\t.aeéœZ0 \u00a0\u0301"
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(), st.text(alphabet=_FAST_PATH_ALPHABET, max_size=40)))
def test_normalise_with_map_equals_the_cluster_loop(text):
    from mizan.lib.arabic.normalise import _map_clusters

    assert normalise_with_map(text) == _map_clusters(text)


def test_normalise_with_map_spans_cover_the_harakat_of_their_letter():
    # Each letter's span runs over the harakat and tatweel after it.
    text = "ضَرَبُوهُ بشـدّة"
    normal, spans = normalise_with_map(text)

    assert normal == "ضربوه بشده"
    assert [text[start:end] for start, end in spans] == ["ضَ", "رَ", "بُ", "و", "هُ", " ", "ب", "شـ", "دّ", "ة"]
