"""Index terms for search: the same analysis for documents and for queries."""

from __future__ import annotations

from .normalise import normalise
from .stem import guess_latin_language, stem_arabic, stem_latin, token_script
from .stopwords import FRENCH_ONLY, STOPWORDS, is_stopword
from .tokenise import tokenise_with_spans

__all__ = [
    "analyse",
    "analyse_tokens",
    "analyse_with_offsets",
    "detect_latin_language",
    "normalised_shingles",
    "shingles",
]


def detect_latin_language(tokens: list[str], original: str = "") -> str | None:
    """'fr' or 'en' for the Latin words of a text, from French-only vs English-only stop-words
    and French accents; None when there is no evidence either way."""
    french = english = 0
    for token in tokens:
        # son, car, plus... are English words too: they are no evidence of French.
        in_fr = token in STOPWORDS["fr"] and token not in FRENCH_ONLY
        in_en = token in STOPWORDS["en"]
        french += in_fr and not in_en
        english += in_en and not in_fr
    french += sum(1 for char in original if char in "éèêàâîïôûùçœ")
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return None


def analyse_with_offsets(text: str, lang: str | None = None) -> list[tuple[str, int, int]]:
    """Index terms with the (start, end) character offsets of their word in the ORIGINAL text.

    Tokenise (normalised), drop stop-words, stem; numbers are kept as they are.
    `lang` ("ar", "fr", "en") chooses the stop-list and stemmer for Latin words; without it the
    language of the Latin words is detected from the whole text, then from each word.
    """
    return analyse_tokens(tokenise_with_spans(text), text, lang)


def analyse_tokens(tokens: list[tuple[str, int, int]], text: str, lang: str | None = None,
                   ) -> list[tuple[str, int, int]]:
    """`analyse_with_offsets` of `text` from its tokens (`tokenise_with_spans(text)`), for a
    caller that already has them: the text is not normalised and tokenised again."""
    latin_lang = lang if lang in ("fr", "en") else None
    if latin_lang is None:
        latin_lang = detect_latin_language(
            [token for token, _, _ in tokens if token_script(token) == "latin"], text
        )
    terms: list[tuple[str, int, int]] = []
    for token, start, end in tokens:
        script = token_script(token)
        if script == "latin":
            # Without a language for the text, the stop-list stays neutral (son, car are kept)
            # and only the stemmer follows the word's own look.
            if is_stopword(token, latin_lang):
                continue
            word_lang = latin_lang or guess_latin_language(text[start:end])
            terms.append((stem_latin(token, word_lang), start, end))
        elif script == "ar":
            if is_stopword(token, "ar"):
                continue
            terms.append((stem_arabic(token), start, end))
        else:
            terms.append((token, start, end))
    return terms


def analyse(text: str, lang: str | None = None) -> list[str]:
    """Index terms of `text` (documents and queries alike): tokenise → drop stop-words → stem."""
    return [term for term, _, _ in analyse_with_offsets(text, lang)]


def shingles(text: str, k: int = 5) -> set[str]:
    """Character k-shingles of the normalised text with whitespace collapsed.

    A text shorter than k gives one shingle (itself) so that short texts still compare.
    """
    return normalised_shingles(normalise(text), k)


def normalised_shingles(normal: str, k: int = 5) -> set[str]:
    """`shingles` of a text that is already normalised (`normalise(text)`)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    if not normal:
        return set()
    if len(normal) <= k:
        return {normal}
    return {normal[i : i + k] for i in range(len(normal) - k + 1)}
