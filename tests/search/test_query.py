"""The query language: parsing into a tree and compiling it, as pure functions (no database)."""

import re

import pytest

from mizan.search.query import (
    And,
    Match,
    Not,
    Or,
    clean_term,
    document_terms,
    parse,
    split_exclusions,
    to_fts5,
    to_tsquery,
)


def word(*alternatives):
    return Match(((*alternatives,),))


# --- analysis meets across spellings -------------------------------------------------------------

@pytest.mark.parametrize(("typed", "written"), [
    ("أحمد", "احمد"),
    ("مستشفى", "مستشفي"),
    ("السجن", "سجن"),
    ("محتجَز", "محتجز"),
    ("٢٠٢٦", "2026"),
    ("ضربوووني", "ضربوني"),
])
def test_query_term_equals_document_term_across_spellings(typed, written):
    assert parse(typed).node == Match(((document_terms(written)[0],),))


def test_query_words_are_anded():
    assert parse("السجن المركزي").node == And((word("سجن"), word(document_terms("المركزي")[0])))


def test_query_phrase_keeps_order_as_positions():
    node = parse('"قسم الدقي"').node

    assert node == Match((("قسم",), (document_terms("الدقي")[0],)))
    assert node.is_phrase


@pytest.mark.parametrize("quotes", ['"{}"', "“{}”", "«{}»"])
def test_query_phrase_accepts_arabic_and_typographic_quotes(quotes):
    assert parse(quotes.format("قسم الدقي")).node.is_phrase


def test_query_or_between_words_and_groups():
    node = parse("(ضرب OR صعق) قسم").node

    assert node == And((Or((word("ضرب"), word("صعق"))), word("قسم")))


def test_query_lowercase_or_is_a_word_not_an_operator():
    assert parse("ضرب or صعق").node == And((word("ضرب"), word("صعق")))


def test_query_exclusion_of_word_and_phrase():
    node = parse('سجن -زيارة -"قسم الدقي"').node

    assert node == And((word("سجن"), Not(word(document_terms("زيارة")[0])),
                        Not(Match((("قسم",), (document_terms("الدقي")[0],))))))


def test_query_hyphen_inside_a_word_is_not_an_exclusion():
    assert parse("EG-2026-000123").node == Match((("eg",), ("2026",), ("000123",)))


def test_query_only_exclusions_stay_at_the_top():
    parsed = parse("-زيارة")

    assert parsed.node == Not(word(document_terms("زيارة")[0]))
    assert split_exclusions(parsed.node) == (None, word(document_terms("زيارة")[0]))


def test_query_exclusion_inside_or_is_dropped_and_reported():
    parsed = parse("ضرب OR -صعق")

    assert parsed.node == word("ضرب")
    assert parsed.dropped_exclusions is True


def test_query_stop_words_only_leave_nothing_and_are_reported():
    parsed = parse("في من the")

    assert parsed.node is None
    assert parsed.ignored == ["في", "من", "the"]


def test_query_latin_words_carry_french_and_english_stems():
    node = parse("detenus").node

    assert isinstance(node, Match)
    assert set(node.positions[0]) >= {document_terms("détenus")[0]}


def test_query_terms_are_the_positive_ones_only():
    assert parse("سجن -زيارة").terms == frozenset({"سجن"})


# --- compiling ---------------------------------------------------------------------------------

def test_compile_fts5_words_phrase_or_not():
    node = parse('(ضرب OR صعق) "قسم شرطة" -زيارة').node
    positive, negative = split_exclusions(node)

    assert to_fts5(positive) == '(("ضرب" OR "صعق") AND "قسم شرط")'
    assert to_fts5(negative) == '"زيار"'


def test_compile_tsquery_words_phrase_or_not():
    node = parse('(ضرب OR صعق) "قسم شرطة" -زيارة').node

    assert to_tsquery(node) == "((('ضرب') | ('صعق')) & ('قسم' <-> 'شرط') & !('زيار'))"


def test_compile_tsquery_weight_restricts_every_term():
    assert to_tsquery(parse("ضرب صعق").node, weight="B") == "(('ضرب':B) & ('صعق':B))"


def test_compile_nested_exclusion_in_fts5():
    node = parse("(ضرب -صعق) OR تعذيب").node

    assert to_fts5(node) == '((("ضرب") NOT ("صعق")) OR "تعذيب")'


# --- nothing typed can break the syntax ----------------------------------------------------------

INJECTIONS = [
    '"', '""', '"""', "'", "''", "(", ")", "((", "))", "()", "*", "ضرب*", "NEAR(ضرب قسم)", "NEAR", "AND", "NOT",
    "OR", "OR OR", "- -", "-", ":", "narrative:ضرب", "{narrative}: ضرب", "^ضرب", "&", "|", "!", "!!ضرب",
    "ضرب & صعق | !قسم", "ضرب <-> قسم", "'ضرب':*", "\\", "\\'", "%", "_", "; DROP TABLE search_document; --",
    "ضرب\x00قسم", "ضرب\ue000", "\u202eضرب", "ضرب) OR (1=1", '") OR ("', "-(", "(-", "OR -",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_compile_only_quoted_terms_reach_the_backends(text):
    parsed = parse(text)
    positive, negative = split_exclusions(parsed.node)

    for node in (positive, negative):
        if node is None:
            continue
        terms = _all_terms(node)
        assert all(term and term == clean_term(term) for term in terms)  # letters and digits only
        fts_quoted = re.findall(r'"([^"]*)"', to_fts5(node))
        assert all(word in terms for phrase in fts_quoted for word in phrase.split())
        assert set(re.sub(r'"[^"]*"', "", to_fts5(node))) <= set("() ANDORT")
        ts_quoted = re.findall(r"'([^']*)'", to_tsquery(node))
        assert all(word in terms for word in ts_quoted)
        assert set(re.sub(r"'[^']*'", "", to_tsquery(node))) <= set("()&|!<-> ")


def _all_terms(node):
    if isinstance(node, Match):
        return {t for alternatives in node.positions for t in alternatives}
    if isinstance(node, And | Or):
        return set().union(*(_all_terms(c) for c in node.children))
    if isinstance(node, Not):
        return _all_terms(node.child)
    return set()


def test_clean_term_keeps_letters_and_digits_only():
    assert clean_term('ab"c\'d(e)*:1٢') == "abcde1٢"
