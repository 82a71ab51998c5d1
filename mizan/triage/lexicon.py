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
- Equal stems are not always the same word. A French or English entry meets only Latin words
  of its own language once the text's language is known ("confess" is not "confession"); an
  entry word listed in `OTHER_WORD_ENDINGS` does not meet the endings that make another word
  (عيلة is not عيل); a one-word entry whose stemming cut a ب/ك/ل meets only text words that have
  that letter too (هربت is not كهربوه). See `lexicon_data`.

The text is analysed once (`TextAnalysis`, made by `analyse_text`): category guesses, urgency
signals and the MinHash shingles of a triage run all read the same normalisation and tokens.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from django.utils.translation import get_language

from mizan.lib.arabic import (
    analyse_tokens,
    analyse_with_offsets,
    is_stopword,
    normalise,
    normalise_with_map,
    normalised_shingles,
    stem,
    stem_normalised,
    tokenise,
    tokenise_normalised,
    tokenise_with_spans,
)
from mizan.lib.arabic.analyse import detect_latin_language
from mizan.lib.arabic.stem import decliticise, token_script

from .lexicon_data import (
    CATEGORY_TERMS,
    IMPERFECT_PREFIXES,
    NEGATIONS,
    OTHER_WORD_ENDINGS,
    PRESENT_MARKERS,
    ROOT_LETTER_CLITICS,
    URGENCY_SIGNALS,
)

__all__ = [
    "CATEGORY_CODES",
    "CategoryGuess",
    "LexiconClassifier",
    "TextAnalysis",
    "UrgencySignal",
    "analyse_text",
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
class _Guard:
    """What a text word must look like, beyond its stem, to be the entry's word (see
    `lexicon_data.OTHER_WORD_ENDINGS` and `ROOT_LETTER_CLITICS`)."""

    letter: str = ""  # a clitic letter the text word must carry before its stem
    other_endings: tuple[str, ...] = ()  # endings after the stem that make another word


@dataclass(frozen=True)
class _Entry:
    key: str  # category or urgency-signal code
    text: str  # as written in the lexicon
    terms: tuple[str, ...]
    has_cue: bool  # the entry itself carries a negation ("ما نعرف وينه", "no lawyer")
    lang: str = "ar"  # the lexicon list it comes from
    guards: tuple[_Guard | None, ...] = ()  # one per term; () when no term has one


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
        """(entry, position in `seq`) of every run of `seq` that is an entry's terms."""
        terms = [term for term, _, _ in seq]
        for i, term in enumerate(terms):
            for entry in self.by_first.get(term, ()):
                size = len(entry.terms)
                if tuple(terms[i : i + size]) == entry.terms:
                    yield entry, i


@cache
def _cues() -> tuple[tuple[str, ...], ...]:
    cues = {tuple(tokenise(cue)) for lang in LANGS for cue in NEGATIONS.get(lang, ())}
    return tuple(sorted(cue for cue in cues if cue))


@cache
def _cues_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for cue in _cues():
        by_last[cue[-1]].append(cue)
    return {word: tuple(cues) for word, cues in by_last.items()}


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


class TextAnalysis:
    """One text prepared once for everything triage reads in it: the normalised form (for the
    MinHash shingles), the tokens with their offsets, and — computed on first use, then kept —
    the analysed terms (categories, urgency phrases) and the stemmed tokens (urgency).

    Category guesses and urgency signals both accept one, so a triage run normalises and
    tokenises the narrative once (`analyse_text`)."""

    def __init__(self, text: str):
        self.text = text
        self.normal, spans = normalise_with_map(text)
        self.raw = tokenise_normalised(self.normal, spans)
        self.starts = [start for _, start, _ in self.raw]
        self.words = [_bare(token) for token, _, _ in self.raw]
        latin = [token for token, _, _ in self.raw if token_script(token) == "latin"]
        self.has_latin = bool(latin)
        self.latin_lang = detect_latin_language(latin, text) if latin else None
        self._analysed: dict[str | None, list] = {}
        self._stemmed: dict[str | None, list] = {}
        self._negation_ends: frozenset[int] | None = None

    @property
    def uniform(self) -> bool:
        """Whether every language sees the same term sequences (see `_lang_key`)."""
        return not self.has_latin or self.latin_lang is not None

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
        """Analysed terms (stop-words dropped, stemmed) as `analyse_with_offsets` gives them."""
        key = self._lang_key(lang)
        if key not in self._analysed:
            self._analysed[key] = analyse_tokens(self.raw, self.text, key or self.latin_lang)
        return self._analysed[key]

    def stemmed(self, lang: str):
        """Every token (stop-words kept), stemmed, with its offsets in the original text."""
        key = self._lang_key(lang)
        if key not in self._stemmed:
            word_lang = key or self.latin_lang
            self._stemmed[key] = [(stem_normalised(word, word_lang), start, end)
                                  for word, (_, start, end) in zip(self.words, self.raw, strict=True)]
        return self._stemmed[key]

    def shingles(self, k: int) -> set[str]:
        """Character k-shingles of the normalised text (`mizan.lib.arabic.shingles`)."""
        return normalised_shingles(self.normal, k)

    def guards_allow(self, entry: _Entry, sequence: list[tuple[str, int, int]], i: int) -> bool:
        """Whether the text words of the run of `sequence` at `i` pass the entry's guards."""
        for offset, guard in enumerate(entry.guards):
            if guard is None:
                continue
            term, start, _ = sequence[i + offset]
            token = self.raw[bisect.bisect_left(self.starts, start)][0]
            if not _guard_allows(guard, token, term):
                return False
        return True

    def _cue_ends(self) -> frozenset[int]:
        """Token positions where a negation cue ends (words[end - len(cue):end] is the cue),
        unless the word after it makes it the "still" of "ما زال"; found in one pass."""
        if self._negation_ends is None:
            words = self.words
            ends = set()
            for end in range(1, len(words) + 1):
                for cue in _cues_by_last_word().get(words[end - 1], ()):
                    size = len(cue)
                    if end - size >= 0 and tuple(words[end - size : end]) == cue:
                        following = words[end] if end < len(words) else ""
                        if following not in _STILL:
                            ends.add(end)
                            break
            self._negation_ends = frozenset(ends)
        return self._negation_ends

    def negated(self, start: int) -> bool:
        """Whether a negation cue ends in the NEGATION_WINDOW tokens before offset `start`."""
        index = bisect.bisect_left(self.starts, start)
        ends = self._cue_ends()
        return any(end in ends for end in range(max(index - NEGATION_WINDOW, 0) + 1, index + 1))


def analyse_text(text: str | TextAnalysis) -> TextAnalysis:
    """The one analysis of `text` that category guesses, urgency and MinHash share."""
    return text if isinstance(text, TextAnalysis) else TextAnalysis(text)


@lru_cache(maxsize=65536)
def _split_clitics(token: str) -> tuple[str, str]:
    """(clitic letters, rest) of a normalised Arabic token: what `decliticise` cuts off the
    front, and what it leaves."""
    rest = decliticise(token)
    return token[: len(token) - len(rest)], rest


@cache
def _other_endings() -> dict[str, tuple[str, ...]]:
    return {_split_clitics(normalise(word))[1]: tuple(normalise(e) if e else "" for e in endings)
            for word, endings in OTHER_WORD_ENDINGS.items()}


def _guard(token: str, single: bool) -> _Guard | None:
    """The guard of one word of an entry (a normalised token), or None."""
    if token_script(token) != "ar":
        return None
    clitics, rest = _split_clitics(token)
    # "ال"/"لل" end in the article's ل: no letter is asked for. Nor for the dialect present
    # marker before a verb (بيضربوه, كيضربوه), whose MSA form has none.
    asks = (single and clitics[-1:] in tuple(ROOT_LETTER_CLITICS) and not clitics.endswith(("ال", "لل"))
            and not (clitics[-1] in PRESENT_MARKERS and rest[:1] in tuple(IMPERFECT_PREFIXES)))
    letter = clitics[-1] if asks else ""
    other = _other_endings().get(rest, ())
    return _Guard(letter, other) if letter or other else None


def _guard_allows(guard: _Guard, token: str, term: str) -> bool:
    """Whether the text's `token` (normalised), whose stem is `term`, is the guarded word."""
    clitics, rest = _split_clitics(token)
    if guard.letter and guard.letter not in clitics:
        return False
    if guard.other_endings and rest.startswith(term):
        ending = rest[len(term) :]
        if any(ending.startswith(other) if other else not ending for other in guard.other_endings):
            return False
    return True


def _entries(by_lang: dict[str, list[str]], key: str, lang: str, *, keep_stopwords: bool) -> list[_Entry]:
    entries = []
    for text in by_lang.get(lang, ()):
        if keep_stopwords:
            found = _stemmed_tokens(text, None if lang == "ar" else lang)
        else:
            found = analyse_with_offsets(text, None if lang == "ar" else lang)
        terms = tuple(term for term, _, _ in found)
        tokens = {start: token for token, start, _ in tokenise_with_spans(text)}
        guards = tuple(_guard(tokens[start], single=len(found) == 1) for _, start, _ in found)
        entries.append(_Entry(key=key, text=text, terms=terms, has_cue=_contains_cue(tokenise(text)), lang=lang,
                              guards=guards if any(guards) else ()))
    return entries


# Indexes by language, plus ALL (every language's entries, in LANGS order) for a text whose
# term sequence is the same for every language: then the text is scanned once, not three times.
ALL = "all"


@cache
def _category_index() -> dict[str, _PhraseIndex]:
    entries = {lang: [entry for code, by_lang in CATEGORY_TERMS.items()
                      for entry in _entries(by_lang, code, lang, keep_stopwords=False)]
               for lang in LANGS}
    index = {lang: _PhraseIndex(found) for lang, found in entries.items()}
    index[ALL] = _PhraseIndex(entry for lang in LANGS for entry in entries[lang])
    return index


@cache
def _urgency_index() -> dict[tuple[str, str], _PhraseIndex]:
    """(lang or ALL, "tokens"|"terms") → index: exact token runs, and content-word phrases."""
    entries = {}
    for lang in LANGS:
        entries[(lang, "tokens")] = [entry for code, signal in URGENCY_SIGNALS.items()
                                     for entry in _entries(signal, code, lang, keep_stopwords=True)]
        entries[(lang, "terms")] = [entry for code, signal in URGENCY_SIGNALS.items()
                                    for entry in _entries(signal, code, lang, keep_stopwords=False)
                                    if len(entry.terms) >= 2]
    index = {key: _PhraseIndex(found) for key, found in entries.items()}
    for kind in ("tokens", "terms"):
        index[(ALL, kind)] = _PhraseIndex(entry for lang in LANGS for entry in entries[(lang, kind)])
    return index


def _matches(prepared: TextAnalysis, indexes) -> list[_Match]:
    found: dict[tuple[str, str, int, int], _Match] = {}
    for sequence, index in indexes:
        for entry, i in index.find(sequence):
            # A French or English entry speaks to Latin words of its own language only: "confess"
            # in an English complaint is not the French "confession" (a person's religion).
            if entry.lang != "ar" and prepared.latin_lang not in (None, entry.lang):
                continue
            if entry.guards and not prepared.guards_allow(entry, sequence, i):
                continue
            start, end = sequence[i][1], sequence[i + len(entry.terms) - 1][2]
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

    def _category_matches(self, prepared: TextAnalysis) -> dict[str, list[_Match]]:
        index = _category_index()
        if prepared.uniform:
            indexes = [(prepared.analysed("ar"), index[ALL])]
        else:
            indexes = [(prepared.analysed(lang), index[lang]) for lang in LANGS]
        matches = _matches(prepared, indexes)
        by_code: dict[str, list[_Match]] = defaultdict(list)
        for match in matches:
            by_code[match.entry.key].append(match)
        return {code: _non_overlapping(found) for code, found in by_code.items()}

    def guesses(self, text: str | TextAnalysis) -> list[CategoryGuess]:
        """Every category with any evidence, best first (below the threshold included).
        `text` may be a `TextAnalysis` already made for the same text."""
        prepared = analyse_text(text)
        text = prepared.text
        guesses = []
        for code, matches in self._category_matches(prepared).items():
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

    def predict(self, text: str | TextAnalysis) -> list[CategoryGuess]:
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


def detect_urgency(text: str | TextAnalysis) -> list[UrgencySignal]:
    """Urgency signals in `text`, most urgent first, each with its reason and trigger words.
    `text` may be a `TextAnalysis` already made for the same text."""
    prepared = analyse_text(text)
    text = prepared.text
    index = _urgency_index()
    indexes = []
    for lang in (ALL,) if prepared.uniform else LANGS:
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
