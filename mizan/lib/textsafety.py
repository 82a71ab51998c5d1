"""Neutralising invisible and direction-changing characters in user text. No Django.

A bidirectional override (U+202E RIGHT-TO-LEFT OVERRIDE …) in a name or a file name reverses
the characters after it, so "invoice\u202efdp.exe" reads "invoiceexe.pdf" and a name can make
the system sentence around it, or a reference next to it, read differently. Zero-width
characters hide differences between two names that look the same.

Two strengths, because the two kinds of text need different things:

- `neutralise_name` (names, file names, references, labels, any short value shown inline next
  to system text): every invisible formatting character is removed.
- `neutralise_text` (narratives, message bodies, notes): the embeddings, overrides and
  isolates are removed, and the zero-width space, word joiners and BOM; the zero-width
  (non-)joiner and the direction marks are kept, because Persian and Urdu words and emoji
  sequences need the joiners, and a mark only sets the direction of the neutral characters
  beside it: it cannot reorder a run of letters.

The direction of user text is given by the page instead (`dir="auto"` / `<bdi>`, or `isolate`
in plain text), which keeps the text from affecting anything outside it.
"""

from __future__ import annotations

import re
import unicodedata

# Embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI): they reorder.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Zero-width space, word joiner and invisible operators, Mongolian vowel separator, BOM / ZWNBSP.
_ZERO_WIDTH = "\u200b\u2060-\u2064\u180e\ufeff"
# ZWNJ, ZWJ, LRM, RLM and the Arabic letter mark.
_JOINERS_AND_MARKS = "\u200c-\u200f\u061c"

_NAME = re.compile(f"[{BIDI_CONTROLS}{_ZERO_WIDTH}{_JOINERS_AND_MARKS}]")
_TEXT = re.compile(f"[{BIDI_CONTROLS}{_ZERO_WIDTH}]")

FSI, PDI = "\u2068", "\u2069"
MAX_FILE_NAME = 255


def neutralise_name(value) -> str:
    """`value` without any invisible formatting character (for short values shown inline)."""
    return _NAME.sub("", "" if value is None else str(value))


def neutralise_text(value) -> str:
    """`value` without the characters that reorder text or hide themselves (for long texts)."""
    return _TEXT.sub("", "" if value is None else str(value))


def isolate(value) -> str:
    """A short user value to put inside a plain-text system sentence: neutralised, then
    isolated with FSI … PDI, the plain-text equivalent of `<bdi>`."""
    return f"{FSI}{neutralise_name(value)}{PDI}"


def clean_file_name(name) -> str:
    """The name a file is kept under for display: no invisible or control characters, no path.

    The stored file itself has a random name; this is only what people read and what the
    browser suggests when the file is downloaded.
    """
    text = neutralise_name(name)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = " ".join(text.split()).strip(" .")
    if not text:
        return "file"
    if len(text) > MAX_FILE_NAME:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = stem[: MAX_FILE_NAME - len(ext) - 1] + "." + ext
        else:
            text = text[:MAX_FILE_NAME]
    return text
