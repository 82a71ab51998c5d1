"""Normalisation of Arabic, French and English text for indexing and matching.

Display text is never changed: these functions produce a *matching* form. Each step is a
separate function so that it can be tested and reasoned about on its own; `normalise` applies
them in the documented order.

`normalise_with_map` is the single implementation behind `normalise`: it processes the text one
cluster at a time (a base character together with the marks and invisible characters that follow
it) and remembers, for every output character, which span of the original text it came from.
That is what lets search highlight a match in the original text although normalisation removes,
merges and (for ligatures) multiplies characters. Running the per-character steps on clusters
rather than on the whole string also makes the result idempotent: removing an invisible character
or a haraka can never make two neighbours compose on a second pass.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "collapse_whitespace",
    "fold_alef",
    "fold_digits",
    "fold_hamza",
    "fold_latin",
    "fold_teh_marbuta",
    "fold_yeh",
    "is_arabic_letter",
    "nfkc",
    "normalise",
    "normalise_with_map",
    "squeeze_elongation",
    "strip_harakat",
    "strip_invisible",
    "strip_tatweel",
]

# Bidi controls, zero-width characters, BOM, soft hyphen and the Arabic letter mark: they change
# how text is shown, never what it says, and they are a classic way to defeat naive matching.
INVISIBLE = frozenset(
    "\u200e\u200f"  # LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\u200b\u200c\u200d"  # ZWSP, ZWNJ, ZWJ
    "\ufeff"  # BOM / zero-width no-break space
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
)
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE))

# Harakat and the superscript alef, Quranic annotation marks, plus the honorific signs
# (U+0610-U+061A) and the extended Arabic marks (U+08D3-U+08FF): all are marks on letters that
# writers use inconsistently, so none of them may decide whether two words match.
_HARAKAT_RANGES = (
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x0610, 0x061A),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
)
HARAKAT = frozenset(
    chr(code) for low, high in _HARAKAT_RANGES for code in range(low, high + 1)
)
_HARAKAT_TABLE = dict.fromkeys(map(ord, HARAKAT))

TATWEEL = "\u0640"

_ALEF_TABLE = str.maketrans(dict.fromkeys("أإآٱٲٳ", "ا"))
_YEH_TABLE = str.maketrans({"ى": "ي", "ی": "ي", "ک": "ك"})
_TEH_MARBUTA_TABLE = str.maketrans({"ة": "ه"})
_HAMZA_TABLE = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None})
_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

# Latin letters whose accent-free form is not reached by stripping combining marks.
_LATIN_SPECIAL = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d"})

_WHITESPACE = re.compile(r"\s+")


def is_arabic_letter(char: str) -> bool:
    """True for letters of the Arabic script blocks (not digits, punctuation or marks)."""
    code = ord(char)
    if not (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    ):
        return False
    return unicodedata.category(char).startswith("L") and char != TATWEEL


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def nfkc(text: str) -> str:
    """Compatibility normalisation: presentation forms and ligatures become base letters."""
    return unicodedata.normalize("NFKC", text)


def strip_invisible(text: str) -> str:
    """Remove bidi controls, zero-width characters, BOM, soft hyphen and Arabic letter mark."""
    return text.translate(_INVISIBLE_TABLE)


def strip_harakat(text: str) -> str:
    """Remove short vowels, shadda, sukun, tanween, superscript alef and Quranic marks."""
    return text.translate(_HARAKAT_TABLE)


def strip_tatweel(text: str) -> str:
    """Remove the kashida used to stretch words (مـــحـمد → محمد)."""
    return text.replace(TATWEEL, "")


def fold_alef(text: str) -> str:
    """أ إ آ ٱ ٲ ٳ → ا: hamza and madda on alef are written or omitted at will."""
    return text.translate(_ALEF_TABLE)


def fold_yeh(text: str) -> str:
    """ى → ي (final yeh is dotted or not), and Persian yeh/kaf from Persian keyboards."""
    return text.translate(_YEH_TABLE)


def fold_teh_marbuta(text: str) -> str:
    """ة → ه: many writers put the heh in place of teh marbuta."""
    return text.translate(_TEH_MARBUTA_TABLE)


def fold_hamza(text: str) -> str:
    """ؤ → و, ئ → ي, and a lone hamza ء is dropped."""
    return text.translate(_HAMZA_TABLE)


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → ASCII digits."""
    return text.translate(_DIGIT_TABLE)


def fold_latin(text: str) -> str:
    """Lower-case, and strip accents from Latin letters only (Arabic is left untouched).

    A combining mark is dropped when it follows a Latin letter (or another dropped mark) in the
    decomposed text, so é, ç, ï lose their accents while Arabic and other scripts keep theirs.
    """
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_LATIN_SPECIAL))
    out: list[str] = []
    after_latin = False
    for char in decomposed:
        if unicodedata.combining(char) or unicodedata.category(char) == "Mn":
            if after_latin:
                continue
        else:
            after_latin = _is_latin_letter(char)
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def collapse_whitespace(text: str) -> str:
    """Any run of whitespace becomes one space; leading and trailing space is removed."""
    return _WHITESPACE.sub(" ", text).strip()


def squeeze_elongation(text: str) -> str:
    """Runs of three or more identical Arabic letters become one (ضربوووني → ضربوني).

    Two identical letters are left alone: they occur in ordinary words once the shadda is gone.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and text[j] == text[i]:
            j += 1
        if j - i >= 3 and is_arabic_letter(text[i]):
            out.append(text[i])
        else:
            out.append(text[i:j])
        i = j
    return "".join(out)


# The steps that work one character cluster at a time, in the documented order.
_CLUSTER_STEPS = (
    nfkc,
    strip_invisible,
    strip_harakat,
    strip_tatweel,
    fold_alef,
    fold_yeh,
    fold_teh_marbuta,
    fold_hamza,
    fold_digits,
    fold_latin,
)


def _normalise_cluster(piece: str) -> str:
    for step in _CLUSTER_STEPS:
        piece = step(piece)
    return piece


def _is_attached(char: str) -> bool:
    """Characters that belong to the cluster of the preceding base character."""
    return (
        char in INVISIBLE
        or char in HARAKAT
        or char == TATWEEL
        or unicodedata.category(char).startswith("M")
    )


# Per-character and per-cluster results, filled as text is seen. Plain dicts rather than
# lru_cache: this loop runs once per character of every indexed document. The size is bounded
# by the number of distinct characters / clusters, which _CACHE_LIMIT caps for hostile input.
_ATTACHED: dict[str, bool] = {}
_CLUSTERS: dict[str, str] = {}
_SQUEEZABLE: dict[str, bool] = {}
_CACHE_LIMIT = 100_000


def _attached(char: str) -> bool:
    value = _ATTACHED.get(char)
    if value is None:
        value = _is_attached(char)
        if len(_ATTACHED) < _CACHE_LIMIT:
            _ATTACHED[char] = value
    return value


def _cluster(piece: str) -> str:
    value = _CLUSTERS.get(piece)
    if value is None:
        value = _normalise_cluster(piece)
        if len(_CLUSTERS) < _CACHE_LIMIT:
            _CLUSTERS[piece] = value
    return value


def _squeezable(char: str) -> bool:
    value = _SQUEEZABLE.get(char)
    if value is None:
        value = is_arabic_letter(char)
        if len(_SQUEEZABLE) < _CACHE_LIMIT:
            _SQUEEZABLE[char] = value
    return value


# Where the output of the translate fast path would still need the whitespace collapse: a
# leading, trailing or doubled space, or whitespace other than a plain space.
_SPACING = re.compile(r"^ | $|  |[^\S ]")
_TRIPLE = re.compile(r"(.)\1\1")
# Marks that are only ever removed: the harakat from fathatan to sukun, the superscript alef and
# tatweel. Unlike madda and hamza above/below (U+0653-U+0655) they never compose with the letter
# before them, so a cluster of a letter and these marks normalises as the letter alone.
_PLAIN_MARKS = "".join(chr(code) for code in range(0x064B, 0x0653)) + "\u0670" + TATWEEL
_PLAIN_MARK_SET = frozenset(_PLAIN_MARKS)
_CLUSTER = re.compile(f"[^{_PLAIN_MARKS}][{_PLAIN_MARKS}]*")


def _map_simple(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`normalise_with_map` of the common text, where every cluster is a character alone or
    followed by plain marks (harakat, tatweel), every character becomes at most one, and the
    result needs no whitespace collapse and no elongation squeeze: `str.translate` and a regular
    expression instead of the loop. None for any other text, which the loop handles."""
    table: dict[int, str] = {}
    dropped: list[str] = []
    marks = False
    for char in set(text):
        if char in _PLAIN_MARK_SET:
            marks = True
            table[ord(char)] = ""
            continue
        if _attached(char):
            return None
        out = _cluster(char)
        if len(out) > 1:
            return None
        table[ord(char)] = out
        if not out:
            dropped.append(char)
    normal = text.translate(table)
    if _SPACING.search(normal) or any(_squeezable(run.group(1)) for run in _TRIPLE.finditer(normal)):
        return None
    if marks:
        # A cluster's span runs over its marks; a cluster whose letter is dropped (a lone
        # hamza) and marks before the first letter give nothing.
        gone = frozenset(dropped)
        spans = [found.span() for found in _CLUSTER.finditer(text) if text[found.start()] not in gone]
    elif dropped:
        gone = frozenset(dropped)
        spans = [(i, i + 1) for i, char in enumerate(text) if char not in gone]
    else:
        spans = list(zip(range(len(text)), range(1, len(text) + 1), strict=True))
    return normal, spans


def normalise_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Normalise `text` and return, for each output character, its (start, end) in `text`.

    Every span is non-empty, so slicing the original with it always yields real characters.
    Whitespace collapse and the elongation squeeze work across clusters as characters arrive.
    """
    simple = _map_simple(text)
    if simple is not None:
        return simple
    return _map_clusters(text)


def _map_clusters(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`normalise_with_map`, one cluster at a time (any text)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    run = 0  # how many times the last output character has been seen in a row
    last = ""  # the last output character
    length = len(text)
    attached = _ATTACHED
    clusters = _CLUSTERS
    i = 0
    while i < length:
        j = i + 1
        while j < length:
            flag = attached.get(text[j])
            if flag is None:
                flag = _attached(text[j])
            if not flag:
                break
            j += 1
        # A span ends after the cluster's last visible character: highlighting a word must not
        # swallow the bidi mark that follows it.
        end = j
        while end > i + 1 and text[end - 1] in INVISIBLE:
            end -= 1
        piece = text[i:j]
        out = clusters.get(piece)
        if out is None:
            out = _cluster(piece)
        for char in out:
            if char == last:
                if char == " ":
                    ends[-1] = end
                    continue
                if _squeezable(char):
                    run += 1
                    if run == 3:
                        chars.pop()
                        starts.pop()
                        ends.pop()
                    if run >= 3:
                        ends[-1] = end
                        continue
            elif char.isspace():
                if not chars or last == " ":
                    if chars:
                        ends[-1] = end
                    continue
                char = " "
                run = 0
            else:
                run = 1
            chars.append(char)
            starts.append(i)
            ends.append(end)
            last = char
        i = j
    if chars and chars[-1] == " ":
        chars.pop()
        starts.pop()
        ends.pop()
    return "".join(chars), list(zip(starts, ends, strict=True))


def normalise(text: str) -> str:
    """The matching form of `text`: nfkc, strip_invisible, strip_harakat, strip_tatweel,
    fold_alef, fold_yeh, fold_teh_marbuta, fold_hamza, fold_digits, fold_latin, then
    collapse_whitespace and squeeze_elongation."""
    return normalise_with_map(text)[0]
