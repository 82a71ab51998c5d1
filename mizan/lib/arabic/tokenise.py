"""Splitting normalised text into word tokens."""

from __future__ import annotations

import unicodedata

from .normalise import normalise_with_map

__all__ = ["is_token_char", "tokenise", "tokenise_normalised", "tokenise_with_spans"]


def is_token_char(char: str) -> bool:
    """Letters (any script), marks that survived normalisation and digits make up words.

    Everything else — Latin and Arabic punctuation (، ؛ ؟ « » ٪ ٫), symbols, spaces — separates
    tokens. A token may mix digits and letters (Arabizi "3ayz", "2eh"): it is kept whole.
    """
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


# `is_token_char` of the characters seen so far: the loop below asks once per character of
# every text. Bounded by the number of distinct characters, capped for hostile input.
_TOKEN_CHARS: dict[str, bool] = {}
_CACHE_LIMIT = 100_000


def tokenise_normalised(normal: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Tokens of a text already normalised by `normalise_with_map` (its two results), with
    their (start, end) offsets in the ORIGINAL text."""
    tokens: list[tuple[str, int, int]] = []
    known = _TOKEN_CHARS
    start = None
    for index, char in enumerate(normal):
        flag = known.get(char)
        if flag is None:
            flag = is_token_char(char)
            if len(known) < _CACHE_LIMIT:
                known[char] = flag
        if flag:
            if start is None:
                start = index
        elif start is not None:
            tokens.append((normal[start:index], spans[start][0], spans[index - 1][1]))
            start = None
    if start is not None:
        tokens.append((normal[start:], spans[start][0], spans[-1][1]))
    return tokens


def tokenise_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens of the normalised text with their (start, end) offsets in the ORIGINAL text."""
    return tokenise_normalised(*normalise_with_map(text))


def tokenise(text: str) -> list[str]:
    """Normalise, then split into word tokens (harakat are gone first, so words stay whole)."""
    return [token for token, _, _ in tokenise_with_spans(text)]
