"""Splitting normalised text into word tokens."""

from __future__ import annotations

import unicodedata

from .normalise import normalise_with_map

__all__ = ["is_token_char", "tokenise", "tokenise_with_spans"]


def is_token_char(char: str) -> bool:
    """Letters (any script), marks that survived normalisation and digits make up words.

    Everything else — Latin and Arabic punctuation (، ؛ ؟ « » ٪ ٫), symbols, spaces — separates
    tokens. A token may mix digits and letters (Arabizi "3ayz", "2eh"): it is kept whole.
    """
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


def tokenise_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens of the normalised text with their (start, end) offsets in the ORIGINAL text."""
    normal, spans = normalise_with_map(text)
    tokens: list[tuple[str, int, int]] = []
    start = None
    for index, char in enumerate(normal + " "):
        if index < len(normal) and is_token_char(char):
            if start is None:
                start = index
        elif start is not None:
            tokens.append((normal[start:index], spans[start][0], spans[index - 1][1]))
            start = None
    return tokens


def tokenise(text: str) -> list[str]:
    """Normalise, then split into word tokens (harakat are gone first, so words stay whole)."""
    return [token for token, _, _ in tokenise_with_spans(text)]
