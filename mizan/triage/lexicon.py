"""Cold-start triage from the hand-written lexicon: categories and urgency signals.

Pure Python on top of `mizan.lib.arabic` (no database), so the training command can score the
lexicon on the same folds as a trained model.

Matching works on sequences of terms that keep, for every term, where its word sits in the
ORIGINAL text, so the trigger words an officer sees are exactly what the complainant wrote.

- Categories match on analysed terms (stop-words dropped, stemmed): an entry of several words is
  a phrase and must appear as consecutive analysed terms.
- Urgency matches on stemmed tokens WITHOUT stop-word removal, because urgency often lives in
  words the search engine drops ("لسه بيضربوه", "still being beaten"); entries of two or more
  content words may also match on analysed terms, which tolerates a different small word in
  between.
- A negation cue in the two tokens before a match ("لم يتعرض للتعذيب", "n'a pas été frappé")
  lowers a category and cancels an urgency signal — unless the entry itself contains the cue
  ("ما نعرف وينه"), or the cue is the "still" of "ما زال"/"لا يزال".
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from django.utils.translation import get_language

from mizan.lib.arabic import (
    analyse_with_offsets,
    is_stopword,
    normalise,
    stem,
    tokenise,
    tokenise_with_spans,
)
from mizan.lib.arabic.analyse import detect_latin_language
from mizan.lib.arabic.stem import token_script

from .lexicon_data import CATEGORY_TERMS, NEGATIONS, URGENCY_SIGNALS

__all__ = [
    "CATEGORY_CODES",
    "CategoryGuess",
    "LexiconClassifier",
    "UrgencySignal",
    "detect_urgency",
    "urgency_label",
]

LANGS = ("ar", "fr", "en")
CATEGORY_CODES = tuple(CATEGORY_TERMS)

# Scores per category are 1 - exp(-Σ weights). A phrase (1.5) gives 0.78 and two different
# single words (0.6 each) give 0.70, both above the threshold; one single word alone gives 0.45
# and is not suggested. Measured on the 280 labelled demo narratives: a category resting on one
# single word was right only 94 times in 241, so letting it through would have held micro
# precision at 0.63 (recall 0.67); requiring a phrase or two words gives precision 0.83
# (recall 0.48). Officers' decisions then train a model that recovers the recall.
SINGLE_WEIGHT = 0.6
PHRASE_WEIGHT = 1.5
NEGATED_FACTOR = 0.2  # "he was not beaten" still says something about the complaint, but little
THRESHOLD = 0.5
NEGATION_WINDOW = 2
URGENCY_RANK = {"critical": 2, "high": 1}

# A negation cue followed by one of these means "still" (ما زال، لا يزال، لم يزل), not "not".
_STILL = frozenset(normalise(word) for word in [
    "زال", "زالت", "زالوا", "زلت", "زلنا", "يزال", "تزال", "يزالون", "يزالوا", "نزال", "أزال", "يزل", "تزل",
])


@dataclass(frozen=True)
class CategoryGuess:
    code: str
    confidence: float
    triggers: tuple[str, ...]
    source: str = "lexicon"


@dataclass(frozen=True)
class UrgencySignal:
    code: str
    level: str
    reason: str
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class _Entry:
    key: str  # category or urgency-signal code
    text: str  # as written in the lexicon
    terms: tuple[str, ...]
    has_cue: bool  # the entry itself carries a negation ("ما نعرف وينه", "no lawyer")


@dataclass(frozen=True)
class _Match:
    entry: _Entry
    start: int  # offsets in the original text
    end: int
    negated: bool


class _PhraseIndex:
    """Entries by their first term, so a text is scanned once whatever the lexicon size."""

    def __init__(self, entries):
        self.by_first: dict[str, list[_Entry]] = defaultdict(list)
        for entry in entries:
            if entry.terms:
                self.by_first[entry.terms[0]].append(entry)

    def find(self, seq: list[tuple[str, int, int]]):
        terms = [term for term, _, _ in seq]
        for i, term in enumerate(terms):
            for entry in self.by_first.get(term, ()):
                size = len(entry.terms)
                if tuple(terms[i : i + size]) == entry.terms:
                    yield entry, seq[i][1], seq[i + size - 1][2]


@cache
def _cues() -> tuple[tuple[str, ...], ...]:
    cues = {tuple(tokenise(cue)) for lang in LANGS for cue in NEGATIONS.get(lang, ())}
    return tuple(sorted(cue for cue in cues if cue))


def _contains_cue(tokens: list[str]) -> bool:
    return any(
        tuple(tokens[i : i + len(cue)]) == cue
        for cue in _cues()
        for i in range(len(tokens) - len(cue) + 1)
    )


def _bare(token: str) -> str:
    """A small word with the conjunction و/ف glued on ("ولسه", "وما") without it: the stemmer
    leaves words this short alone, but "ولسه بيضربوه" is still "لسه بيضربوه"."""
    if len(token) > 2 and token[0] in "وف" and is_stopword(token[1:], "ar"):
        return token[1:]
    return token


def _stemmed_tokens(text: str, lang: str | None) -> list[tuple[str, int, int]]:
    """Every token (stop-words kept), stemmed, with its offsets in the original text."""
    tokens = tokenise_with_spans(text)
    if lang not in ("fr", "en"):
        lang = detect_latin_language([t for t, _, _ in tokens if token_script(t) == "latin"], text)
    return [(stem(_bare(token), lang), start, end) for token, start, end in tokens]


class _Text:
    """One text prepared for matching: its raw tokens and the term sequences per language."""

    def __init__(self, text: str):
        self.text = text
        self.raw = tokenise_with_spans(text)
        self.starts = [start for _, start, _ in self.raw]
        self.words = [_bare(token) for token, _, _ in self.raw]
        latin = [token for token, _, _ in self.raw if token_script(token) == "latin"]
        self.has_latin = bool(latin)
        self.latin_lang = detect_latin_language(latin, text) if latin else None
        self._analysed: dict[str, list] = {}
        self._stemmed: dict[str, list] = {}

    def _lang_key(self, lang: str) -> str | None:
        # Arabic words analyse the same whatever the Latin language, so an all-Arabic text is
        # analysed once. A text whose Latin words are recognisably French or English is analysed
        # in that language only: stemming English with the French stemmer makes "come" meet
        # "coma". Only when the language is undecided do Latin entries meet the text analysed
        # in their own language.
        if not self.has_latin or lang == "ar" or self.latin_lang is not None:
            return None
        return lang

    def analysed(self, lang: str):
        key = self._lang_key(lang)
        if key not in self._analysed:
            self._analysed[key] = analyse_with_offsets(self.text, key)
        return self._analysed[key]

    def stemmed(self, lang: str):
        key = self._lang_key(lang)
        if key not in self._stemmed:
            self._stemmed[key] = _stemmed_tokens(self.text, key)
        return self._stemmed[key]

    def negated(self, start: int) -> bool:
        """Whether a negation cue ends in the NEGATION_WINDOW tokens before offset `start`."""
        index = bisect.bisect_left(self.starts, start)
        words = self.words
        for cue in _cues():
            size = len(cue)
            for end in range(max(index - NEGATION_WINDOW, 0) + 1, index + 1):
                if end - size >= 0 and tuple(words[end - size : end]) == cue:
                    following = words[end] if end < len(words) else ""
                    if following not in _STILL:
                        return True
        return False


def _entries(by_lang: dict[str, list[str]], key: str, lang: str, *, keep_stopwords: bool) -> list[_Entry]:
    entries = []
    for text in by_lang.get(lang, ()):
        if keep_stopwords:
            terms = tuple(term for term, _, _ in _stemmed_tokens(text, None if lang == "ar" else lang))
        else:
            terms = tuple(term for term, _, _ in analyse_with_offsets(text, None if lang == "ar" else lang))
        entries.append(_Entry(key=key, text=text, terms=terms, has_cue=_contains_cue(tokenise(text))))
    return entries


@cache
def _category_index() -> dict[str, _PhraseIndex]:
    return {
        lang: _PhraseIndex(
            entry for code, by_lang in CATEGORY_TERMS.items()
            for entry in _entries(by_lang, code, lang, keep_stopwords=False)
        )
        for lang in LANGS
    }


@cache
def _urgency_index() -> dict[tuple[str, str], _PhraseIndex]:
    """(lang, "tokens"|"terms") → index: exact token runs, and content-word phrases."""
    index = {}
    for lang in LANGS:
        index[(lang, "tokens")] = _PhraseIndex(
            entry for code, signal in URGENCY_SIGNALS.items()
            for entry in _entries(signal, code, lang, keep_stopwords=True)
        )
        index[(lang, "terms")] = _PhraseIndex(
            entry for code, signal in URGENCY_SIGNALS.items()
            for entry in _entries(signal, code, lang, keep_stopwords=False)
            if len(entry.terms) >= 2
        )
    return index


def _matches(prepared: _Text, indexes) -> list[_Match]:
    found: dict[tuple[str, str, int, int], _Match] = {}
    for sequence, index in indexes:
        for entry, start, end in index.find(sequence):
            negated = not entry.has_cue and prepared.negated(start)
            found.setdefault((entry.key, entry.text, start, end), _Match(entry, start, end, negated))
    return sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start)))


def _non_overlapping(matches: list[_Match]) -> list[_Match]:
    """Longest matches first; a shorter match inside a kept one adds nothing ("تعرض للتعذيب"
    already says "تعذيب")."""
    kept: list[_Match] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(match.start < other.end and other.start < match.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _word_end(text: str, end: int) -> int:
    """Extend to the end of the word: a final hamza (الحمراء) normalises to nothing, so the
    matched span stops one letter short of what the complainant wrote."""
    while end < len(text) and unicodedata.category(text[end])[0] in "LM":
        end += 1
    return end


def _triggers(text: str, matches: list[_Match]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text[m.start : _word_end(text, m.end)] for m in matches))


class LexiconClassifier:
    """Multi-label category scores from the lexicon (no training needed)."""

    source = "lexicon"

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold

    def _category_matches(self, text: str) -> dict[str, list[_Match]]:
        prepared = _Text(text)
        index = _category_index()
        matches = _matches(prepared, [(prepared.analysed(lang), index[lang]) for lang in LANGS])
        by_code: dict[str, list[_Match]] = defaultdict(list)
        for match in matches:
            by_code[match.entry.key].append(match)
        return {code: _non_overlapping(found) for code, found in by_code.items()}

    def guesses(self, text: str) -> list[CategoryGuess]:
        """Every category with any evidence, best first (below the threshold included)."""
        guesses = []
        for code, matches in self._category_matches(text).items():
            # Each entry counts once however often it is repeated; it counts as denied only
            # when every occurrence is denied.
            negated_by_entry: dict[str, bool] = {}
            for match in matches:
                previous = negated_by_entry.get(match.entry.text, True)
                negated_by_entry[match.entry.text] = previous and match.negated
            total = 0.0
            for match in {m.entry.text: m for m in matches}.values():
                weight = PHRASE_WEIGHT if len(match.entry.terms) > 1 else SINGLE_WEIGHT
                total += weight * (NEGATED_FACTOR if negated_by_entry[match.entry.text] else 1.0)
            affirmed = [m for m in matches if not m.negated] or matches
            guesses.append(CategoryGuess(code, round(1 - math.exp(-total), 4), _triggers(text, affirmed)))
        return sorted(guesses, key=lambda g: (-g.confidence, g.code))

    def predict(self, text: str) -> list[CategoryGuess]:
        return [guess for guess in self.guesses(text) if guess.confidence >= self.threshold]

    def predict_codes(self, texts: list[str]) -> list[set[str]]:
        return [{guess.code for guess in self.predict(text)} for text in texts]


def urgency_label(code: str) -> str:
    """The signal's description in the active language (the lexicon carries all three)."""
    signal = URGENCY_SIGNALS.get(code)
    if signal is None:
        return code
    lang = (get_language() or "ar")[:2]
    return signal.get(f"label_{lang}") or signal["label_en"]


def detect_urgency(text: str) -> list[UrgencySignal]:
    """Urgency signals in `text`, most urgent first, each with its reason and trigger words."""
    prepared = _Text(text)
    index = _urgency_index()
    indexes = []
    for lang in LANGS:
        indexes.append((prepared.stemmed(lang), index[(lang, "tokens")]))
        indexes.append((prepared.analysed(lang), index[(lang, "terms")]))
    by_code: dict[str, list[_Match]] = defaultdict(list)
    for match in _matches(prepared, indexes):
        if not match.negated:
            by_code[match.entry.key].append(match)
    signals = [
        UrgencySignal(code, URGENCY_SIGNALS[code]["level"], urgency_label(code),
                      _triggers(text, _non_overlapping(matches)))
        for code, matches in by_code.items()
    ]
    return sorted(signals, key=lambda s: (-URGENCY_RANK.get(s.level, 0), s.code))
