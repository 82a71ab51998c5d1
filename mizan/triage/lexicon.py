"""Cold-start triage from the hand-written lexicon: categories and urgency signals.

Pure Python on top of `mizan.lib.arabic` (no database), so the training command can score the
lexicon on the same folds as a trained model.

Matching works on sequences of terms that keep, for every term, where its word sits in the
ORIGINAL text, so the trigger words an officer sees are exactly what the complainant wrote.

- Categories match on analysed terms (stop-words dropped, stemmed): an entry of several words is
  a phrase and must appear as consecutive analysed terms. An entry whose small words carry its
  meaning — a negation ("ما عرضوه على النيابة"), or only one content word ("أنتم الأجانب") — is
  matched token by token, small words included; one that begins with "without" ("بدون أمر
  قضائي") is matched on its other words with the "without" required shortly before them.
- Evidence has two strengths (`lexicon_data`): a phrase, a word of STRONG_TERMS, a stated age
  (under 18, 60 or over) or an urgency signal that names a category suggests it alone; any
  other word (WEAK_TERMS, the single words of CATEGORY_TERMS) needs a second piece of evidence
  or a word of the category's setting (CATEGORY_CONTEXT: custody for torture, the street for
  excessive force). BOUND_TERMS count only in that setting (a blow is torture in custody,
  excessive force in the street). A weak word counts only as written, give or take clitics and a
  pronoun (أخدوه "took him" is not أخدوا "took").
- Urgency matches on stemmed tokens WITHOUT stop-word removal, because urgency often lives in
  words the search engine drops ("لسه بيضربوه", "قالوا مش عندنا", "they said he is not here");
  entries of two or more content words (and no negation) may also match on analysed terms,
  which tolerates a different small word in between.
- A negation cue in the two tokens before a match ("لم يتعرض للتعذيب", "n'a pas été frappé"),
  or two further after "or" ("not arrested or beaten"), lowers a category and cancels an
  urgency signal — unless the entry itself contains the cue ("ما نعرف وينه"), or the cue is the
  "still" of "ما زال"/"لا يزال".
- Equal stems are not always the same word. A French or English entry meets only Latin words
  of its own language once the text's language is known ("confess" is not "confession"); an
  entry word listed in `OTHER_WORD_ENDINGS` does not meet the endings that make another word
  (عيلة is not عيل); a one-word entry whose stemming cut a ب/ك/ل meets only text words that have
  that letter too (هربت is not كهربوه); the words of WHOLE_WORD_CATEGORIES meet only the same
  word (موقوفة is not موقوف). See `lexicon_data`.
- A word in passing is not the category (the guidelines' hard cases): a phrase of
  OTHER_MEANINGS gives nothing ("حضانة أطفالي", "the wait is killing me"), one of
  PASSING_MENTIONS only weak evidence ("my children"), whatever it covers; in a text that says it
  is not a complaint (an invitation, a request for documents) one piece of evidence alone is
  capped below the threshold; a denial in a law ("لا يجوز احتجاز…") is not a denial.
- Settings decide what a word means: a blow counts only near its setting (BOUND_WINDOW) and not
  when a private person is named just before it (BLOCKED_NEAR: a husband, a neighbour); the weak
  words of detention conditions count only in custody (WEAK_NEEDS_SETTING).
- The guidelines' clarifications are rules (IMPLIED_CATEGORIES): a finding implies another
  category, with its triggers — a denial of custody is also an arbitrary detention, an arrest for
  a post or a protest is arbitrary, a confession forced by blows or threats is a due-process
  violation, sexual violence or touching by officials is torture, an officer's threat or
  harassment is misconduct.
- Arabizi (Arabic in Latin letters and digits, "khouya chedouh lbolis") is matched on consonant
  skeletons (`_arabizi_key`) in texts that look like it.
- Urgency: a law or a recommendation is urgent for no one; incommunicado detention is critical
  for days and high for weeks or longer, from the time the text states, directly or not ("من
  امبارح", "depuis trois jours", "منذ شهور", "for months"); a child and an arrest make a child
  detained (high; critical when the child is beaten); see `detect_urgency`.

Measured figures (per category, register and urgency level on the project's evaluation set) are
in BENCHMARKS.md, "Triage on the evaluation set (issue 14)".

The text is analysed once (`TextAnalysis`, made by `analyse_text`): category guesses, urgency
signals and the MinHash shingles of a triage run all read the same normalisation and tokens.
"""

from __future__ import annotations

import bisect
import math
import re
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
    AGE_CATEGORIES,
    AGE_CUES,
    AGE_FILLERS,
    AGE_NUMBERS,
    AGE_OVER,
    AGE_PERSONS,
    AGE_UNDER,
    AGE_UNITS,
    ARABIZI,
    ARABIZI_STRONG,
    BLOCKED_NEAR,
    BOUND_TERMS,
    BOUND_WINDOW,
    CATEGORY_CONTEXT,
    CATEGORY_TERMS,
    CATEGORY_THRESHOLDS,
    CRITICAL_WITH,
    DENIAL_IS_THE_COMPLAINT,
    DURATION_DUALS,
    DURATION_MARKERS,
    DURATION_NUMBERS,
    DURATION_PLURALS,
    DURATION_SENTENCES,
    DURATION_UNITS,
    FRESH_ONLY,
    FRESH_TIMES,
    IMPERFECT_PREFIXES,
    IMPLIED_CATEGORIES,
    LONG_AGO,
    NEGATIONS,
    NORMATIVE_AFTER,
    NORMATIVE_BEFORE,
    OTHER_MEANINGS,
    OTHER_WORD_ENDINGS,
    PASSING_MENTIONS,
    PRESENT_MARKERS,
    PRIVATIVES,
    ROOT_LETTER_CLITICS,
    SETTINGS,
    SIGNAL_CATEGORIES,
    SIGNAL_NEEDS_SETTING,
    STRONG_TERMS,
    TIMED_SIGNALS,
    URGENCY_FROM_CATEGORIES,
    URGENCY_SIGNALS,
    WEAK_NEEDS_SETTING,
    WEAK_TERMS,
    WHOLE_WORD_CATEGORIES,
    WHOLE_WORD_SUFFIXES,
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
# The key prefix of a setting of IMPLIED_CATEGORIES among the category matches ("@arrest").
SETTING = "@"
# In a text that says it is not a complaint (an invitation, a request for documents: the setting
# "not_a_complaint"), a category with a single piece of evidence is capped below the threshold:
# "a workshop on torture prevention" names a topic.
NOT_A_COMPLAINT_CAP = 0.4
# A stated time of this many days or more makes a signal of TIMED_SIGNALS the long-lasting kind
# (incommunicado for weeks: high, not critical); one of at most FRESH_DAYS is fresh.
LONG_DAYS = 7
FRESH_DAYS = 3

# Scores per category are 1 - exp(-Σ weights), over the category's distinct entries. A strong
# entry (STRONG_WEIGHT: a phrase, a word of `STRONG_TERMS`, a stated age) gives 0.78 and is
# suggested on its own; a word that alone is ambiguous (SINGLE_WEIGHT: a passport, محتجز,
# arrested) gives 0.45 and needs a second piece of evidence (two: 0.70). A suggestion is cheap to
# reject and costly to miss, so the threshold was kept at 0.5 and the words made strong wherever
# they nearly always mean their category; `lexicon_data.CATEGORY_THRESHOLDS` lowers it for a
# category whose single words proved right often enough on the demo narratives.
STRONG_WEIGHT = 1.5
SINGLE_WEIGHT = 0.6
# A word of the category's setting (`CATEGORY_CONTEXT`: custody for torture, the street or a
# protest for excessive force) adds this much to a category that has evidence of its own, and
# nothing to one that has none: "ضربوه" alone is 0.45, "ضربوه" in "الحجز" is 0.70.
CONTEXT_WEIGHT = 0.6
NEGATED_FACTOR = 0.2  # "he was not beaten" still says something about the complaint, but little
THRESHOLD = 0.5
NEGATION_WINDOW = 2
PRIVATIVE_WINDOW = 4  # "دون أن يبرزوا أي أمر قضائي": four words between "دون" and "أمر"
URGENCY_RANK = {"critical": 2, "high": 1}

# Arabizi (`lexicon_data.ARABIZI`): its entries' language; a text is read as Arabizi when at
# least ARABIZI_MIN_WORDS of its words mix letters and the digits that stand for Arabic letters
# (3andna, lbare7, 2esm); the spellings of a word are brought together by these replacements.
ARABIZI_LANG = "arabizi"
ARABIZI_MIN_WORDS = 2
_ARABIZI_WORD = re.compile(r"[a-z][235789]|[235789][a-z]")
_ARABIZI_DIGRAPHS = (("sh", "ch"), ("kh", "5"), ("gh", "8"), ("th", "t"), ("dh", "d"), ("7", "h"), ("q", "9"))

# "or" after a denied word carries the denial on to the next one ("not arrested or beaten",
# "ni frappé ni insulté", "لم يُضرب أو يُهن").
_COORDINATORS = frozenset(normalise(word) for word in ["or", "nor", "ou", "ni", "أو"])

# A negation cue followed by one of these means "still" (ما زال، لا يزال، لم يزل), not "not".
_STILL = frozenset(normalise(word) for word in [
    "زال", "زالت", "زالوا", "زلت", "زلنا", "يزال", "تزال", "يزالون", "يزالوا", "نزال", "أزال", "يزل", "تزل",
])
# A negation cue after or before one of these states a rule, not a fact: "لا يجوز احتجاز…",
# "nul ne peut être détenu…", "shall not be subjected to torture" are about detention and torture.
_NORMATIVE_AFTER = frozenset(normalise(word) for word in NORMATIVE_AFTER)
_NORMATIVE_BEFORE = frozenset(normalise(word) for word in NORMATIVE_BEFORE)


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
    whole: str = ""  # the word itself (no clitics) that the text word must be, see WHOLE_WORD_CATEGORIES


@dataclass(frozen=True)
class _Entry:
    key: str  # category or urgency-signal code
    text: str  # as written in the lexicon
    terms: tuple[str, ...]
    has_cue: bool  # the entry itself carries a negation ("ما نعرف وينه", "no lawyer")
    lang: str = "ar"  # the lexicon list it comes from
    guards: tuple[_Guard | None, ...] = ()  # one per term; () when no term has one
    strong: bool = False  # suggests its category alone: a phrase, or a word of STRONG_TERMS
    context: bool = False  # a word of the category's setting (CATEGORY_CONTEXT), not evidence
    verbatim: bool = False  # matched on every token, small words included (see `_entries`)
    bound: bool = False  # evidence only in the category's setting (BOUND_TERMS)
    requires_cue: bool = False  # its "without"/"not" must come shortly before (see `_entries`)
    void: bool = False  # another meaning of the category's words (OTHER_MEANINGS): no evidence
    mention: bool = False  # a mention in passing (PASSING_MENTIONS): weak, wins over what it covers

    @property
    def weight(self) -> float:
        return STRONG_WEIGHT if self.strong else SINGLE_WEIGHT


@dataclass(frozen=True)
class _Match:
    entry: _Entry
    start: int  # offsets in the original text
    end: int
    negated: bool


class _PhraseIndex:
    """Entries by their first term and their whole run of terms, so a text is scanned once
    whatever the lexicon size, and each position costs one lookup per entry length."""

    def __init__(self, entries):
        by_first: dict[str, dict[tuple[str, ...], list[_Entry]]] = defaultdict(lambda: defaultdict(list))
        for entry in entries:
            if entry.terms:
                by_first[entry.terms[0]][entry.terms].append(entry)
        self.by_first = {term: dict(runs) for term, runs in by_first.items()}
        self.sizes = {term: tuple(sorted({len(run) for run in runs})) for term, runs in self.by_first.items()}

    def find(self, seq: list[tuple[str, int, int]]):
        """(entry, position in `seq`) of every run of `seq` that is an entry's terms."""
        terms = [term for term, _, _ in seq]
        count = len(terms)
        for i, term in enumerate(terms):
            runs = self.by_first.get(term)
            if runs is None:
                continue
            for size in self.sizes[term]:
                if i + size > count:
                    break
                for entry in runs.get(tuple(terms[i : i + size]), ()):
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
        # The words without a conjunction و/ف glued on, for reading ages and times.
        self.plain_words = [_without_conjunction(word) for word in self.words]
        latin = [token for token, _, _ in self.raw if token_script(token) == "latin"]
        self.has_latin = bool(latin)
        self.latin_lang = detect_latin_language(latin, text) if latin else None
        # Arabizi writes ع، ح، خ، ق، ء with digits inside words: two such words make a text
        # Arabizi, not French or English with a number in it.
        self.looks_arabizi = sum(1 for token, _, _ in self.raw if _ARABIZI_WORD.search(token)) >= ARABIZI_MIN_WORDS
        self._analysed: dict[str | None, list] = {}
        self._stemmed: dict[str | None, list] = {}
        self._negation_ends: frozenset[int] | None = None
        self.urgency_matches: dict[str, list] | None = None  # see `_urgency_matches`
        self.durations: list[tuple[float, int, int]] | None = None  # see `_durations`
        self.ages: list[tuple[int, int, int]] | None = None  # see `_stated_ages`
        # Kept by `LexiconClassifier`: the matches, the settings, and the guesses by thresholds.
        self.matches_cache: dict[str, list] | None = None
        self.settings_cache: dict[str, list] | None = None
        self.guesses_cache: dict[tuple, list] = {}

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

    def arabizi(self):
        """Every token as its Arabizi skeleton (`_arabizi_key`), with its offsets."""
        return [(_arabizi_key(word), start, end) for word, (_, start, end) in zip(self.words, self.raw, strict=True)]

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
                        preceding = words[end - size - 1] if end - size > 0 else ""
                        if (following not in _STILL and following not in _NORMATIVE_AFTER
                                and preceding not in _NORMATIVE_BEFORE):
                            ends.add(end)
                            break
            self._negation_ends = frozenset(ends)
        return self._negation_ends

    def words_apart(self, one, other) -> int:
        """How many words lie between two spans of the text (0: adjacent or overlapping)."""
        first, second = sorted((one, other), key=lambda m: m.start)
        if second.start < first.end:
            return 0
        return max(bisect.bisect_left(self.starts, second.start) - bisect.bisect_left(self.starts, first.end), 0)

    def privative_before(self, start: int) -> bool:
        """Whether a "without" word (PRIVATIVES) is one of the PRIVATIVE_WINDOW tokens before
        offset `start`."""
        index = bisect.bisect_left(self.starts, start)
        return any(word in _without_words() for word in self.words[max(index - PRIVATIVE_WINDOW, 0) : index])

    def negated(self, start: int) -> bool:
        """Whether a negation cue ends in the NEGATION_WINDOW tokens before offset `start` — or
        two tokens further when "or" comes just before ("was not arrested or beaten")."""
        index = bisect.bisect_left(self.starts, start)
        ends = self._cue_ends()
        window = NEGATION_WINDOW + (2 if index and self.words[index - 1] in _COORDINATORS else 0)
        return any(end in ends for end in range(max(index - window, 0) + 1, index + 1))


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
def _whole_suffixes() -> frozenset[str]:
    return frozenset(normalise(suffix) for suffix in WHOLE_WORD_SUFFIXES)


@cache
def _other_endings() -> dict[str, tuple[str, ...]]:
    return {_split_clitics(normalise(word))[1]: tuple(normalise(e) if e else "" for e in endings)
            for word, endings in OTHER_WORD_ENDINGS.items()}


def _guard(token: str, single: bool, whole: bool = False) -> _Guard | None:
    """The guard of one word of an entry (a normalised token), or None. `whole`: the text word
    must be this very word, give or take clitics and a pronoun suffix."""
    if token_script(token) != "ar":
        return None
    if whole:
        rest = _split_clitics(_bare(token))[1]
        return _Guard(whole=rest, other_endings=_other_endings().get(rest, ()))
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
    clitics, rest = _split_clitics(_bare(token))
    if guard.whole:
        whole = guard.whole
        ending = rest[len(whole) :] if rest.startswith(whole) else None
        if ending is not None and any(ending.startswith(o) if o else not ending for o in guard.other_endings):
            return False  # عيلة is not عيل + "his"
        if rest == whole or (ending is not None and ending in _whole_suffixes()):
            return True
        # A teh marbuta before a suffix is written ت: مصادرة، مصادرتها.
        return whole.endswith("ه") and rest.startswith(whole[:-1] + "ت") and rest[len(whole) :] in _whole_suffixes()
    if guard.letter and guard.letter not in clitics:
        return False
    if guard.other_endings and rest.startswith(term):
        ending = rest[len(term) :]
        if any(ending.startswith(other) if other else not ending for other in guard.other_endings):
            return False
    return True


def _entries(by_lang: dict[str, list[str]], key: str, lang: str, *, keep_stopwords: bool,
             strong: bool = False, weak: bool = False, bound: bool = False, context: bool = False,
             category: bool = True, void: bool = False, mention: bool = False) -> list[_Entry]:
    entries = []
    for text in by_lang.get(lang, ()):
        content = analyse_with_offsets(text, None if lang == "ar" else lang)
        words = tokenise(text)
        # An entry that says what did NOT happen ("بلا سبب", "ما عرضوه", without a warrant) is
        # matched word for word, its small words included: analysed, "بدون أمر قضائي" would be
        # "أمر قضائي" — the opposite.
        # One that begins with it ("بدون أمر قضائي") is matched on its other words, the small word
        # required shortly before them ("دون أن يبرزوا أي أمر قضائي"), never in them ("بأمر قضائي").
        wordwise = category and not keep_stopwords
        requires_cue = (wordwise and len(words) > 1 and words[0] in _without_words()
                        and all(word not in _privatives() for word in words[1:]))
        # A mention in passing is matched with its small words: "my children" is not "the
        # children", "nos deux enfants" is not "deux enfants".
        # So is one made of small words only ("because", "عشان", "parce que": a setting), which
        # analysed would be nothing.
        verbatim = wordwise and not requires_cue and (
            mention or any(word in _privatives() for word in words) or (len(words) > 1 and len(content) == 1)
            or not content)
        if keep_stopwords or verbatim:
            found = _stemmed_tokens(text, None if lang == "ar" else lang)
        else:
            found = content
        terms = tuple(term for term, _, _ in found)
        tokens = {start: token for token, start, _ in tokenise_with_spans(text)}
        is_strong = not (context or weak or bound or void or mention) and (strong or len(content) > 1)
        # An ambiguous word (a weak single word, a setting) counts only as written: its stem may
        # be shared with a word of another meaning or another person (أخدوه "took him" is an
        # arrest, أخدوا "took" may be a seizure).
        whole = category and (key in WHOLE_WORD_CATEGORIES or (not keep_stopwords and not is_strong and len(content) == 1))
        guards = tuple(_guard(tokens[start], single=len(found) == 1, whole=whole) for _, start, _ in found)
        entries.append(_Entry(key=key, text=text, terms=terms, has_cue=_contains_cue(words), lang=lang,
                              guards=guards if any(guards) else (), strong=is_strong, context=context,
                              bound=bound, verbatim=verbatim, requires_cue=requires_cue, void=void,
                              mention=mention))
    return entries


@cache
def _without_words() -> frozenset[str]:
    return frozenset(word for lang in LANGS for cue in PRIVATIVES.get(lang, ()) for word in tokenise(cue))


@cache
def _privatives() -> frozenset[str]:
    return frozenset(word for lang in LANGS for cue in (*NEGATIONS.get(lang, ()), *PRIVATIVES.get(lang, ()))
                     for word in tokenise(cue))


@lru_cache(maxsize=65536)
def _arabizi_key(token: str) -> str:
    """The consonant skeleton of a Latin token, so that the spellings of one Arabizi word meet
    (chedouh, chadouh, shadouh → chdh; 3andena, 3andna → 3ndn). Other tokens are left alone."""
    if token_script(token) not in ("latin", "mixed"):
        return token
    key = token.lower()
    for written, common in _ARABIZI_DIGRAPHS:
        key = key.replace(written, common)
    skeleton = "".join(ch for ch in key if ch not in "aeiouéèàâêîôû") or key
    return "".join(ch for i, ch in enumerate(skeleton) if i == 0 or ch != skeleton[i - 1])


@cache
def _arabizi_entries() -> tuple[list[_Entry], list[_Entry]]:
    """(category and setting entries, urgency entries) of `lexicon_data.ARABIZI`."""
    categories, urgency = [], []
    strong_words = {(code, word) for code, words in ARABIZI_STRONG.items() for word in words}
    for key, phrases in ARABIZI.items():
        for text in phrases:
            terms = tuple(_arabizi_key(token) for token in tokenise(text))
            if key.startswith("signal:"):
                urgency.append(_Entry(key=key[len("signal:"):], text=text, terms=terms, has_cue=True,
                                      lang=ARABIZI_LANG, verbatim=True))
            elif key.startswith("context:") or key.startswith(SETTING):
                code = key[len("context:"):] if key.startswith("context:") else key
                categories.append(_Entry(key=code, text=text, terms=terms, has_cue=False, lang=ARABIZI_LANG,
                                         context=True, verbatim=True))
            else:
                categories.append(_Entry(key=key, text=text, terms=terms, has_cue=False, lang=ARABIZI_LANG,
                                         strong=len(terms) > 1 or (key, text) in strong_words, verbatim=True))
    return categories, urgency


@cache
def _arabizi_index() -> tuple[_PhraseIndex, _PhraseIndex]:
    categories, urgency = _arabizi_entries()
    return _PhraseIndex(categories), _PhraseIndex(urgency)


# Indexes by language, plus ALL (every language's entries, in LANGS order) for a text whose
# term sequence is the same for every language: then the text is scanned once, not three times.
ALL = "all"


@cache
def _category_index() -> dict[tuple[str, str], _PhraseIndex]:
    """(lang or ALL, "terms"|"tokens") → index: analysed-term phrases, and verbatim entries."""
    kinds = ((CATEGORY_TERMS, {}), (STRONG_TERMS, {"strong": True}), (WEAK_TERMS, {"weak": True}),
             (BOUND_TERMS, {"bound": True}), (CATEGORY_CONTEXT, {"context": True}),
             (OTHER_MEANINGS, {"void": True}), (PASSING_MENTIONS, {"mention": True}),
             ({SETTING + name: by_lang for name, by_lang in SETTINGS.items()}, {"context": True}))
    entries = {lang: [entry for terms, kind in kinds
                      for code, by_lang in terms.items()
                      for entry in _entries(by_lang, code, lang, keep_stopwords=False, **kind)]
               for lang in LANGS}
    index = {}
    for kind, verbatim in (("terms", False), ("tokens", True)):
        for lang in LANGS:
            index[(lang, kind)] = _PhraseIndex(e for e in entries[lang] if e.verbatim == verbatim)
        index[(ALL, kind)] = _PhraseIndex(e for lang in LANGS for e in entries[lang] if e.verbatim == verbatim)
    return index


@cache
def _urgency_index() -> dict[tuple[str, str], _PhraseIndex]:
    """(lang or ALL, "tokens"|"terms") → index: exact token runs, and content-word phrases."""
    entries = {}
    for lang in LANGS:
        entries[(lang, "tokens")] = [entry for code, signal in URGENCY_SIGNALS.items()
                                     for entry in _entries(signal, code, lang, keep_stopwords=True, category=False)]
        # An entry that says what did not happen ("لا يسمح له بالاتصال") only matches word for word:
        # its content words alone would say the opposite.
        entries[(lang, "terms")] = [entry for code, signal in URGENCY_SIGNALS.items()
                                    for entry in _entries(signal, code, lang, keep_stopwords=False, category=False)
                                    if len(entry.terms) >= 2 and not entry.has_cue
                                    and not any(word in _privatives() for word in tokenise(entry.text))]
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
            if entry.lang not in ("ar", ARABIZI_LANG) and prepared.latin_lang not in (None, entry.lang):
                continue
            if entry.guards and not prepared.guards_allow(entry, sequence, i):
                continue
            if entry.requires_cue and not prepared.privative_before(sequence[i][1]):
                continue
            start, end = sequence[i][1], sequence[i + len(entry.terms) - 1][2]
            negated = not entry.has_cue and entry.key not in DENIAL_IS_THE_COMPLAINT and prepared.negated(start)
            found.setdefault((entry.key, entry.text, start, end), _Match(entry, start, end, negated))
    return sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start)))


def _non_overlapping(matches: list[_Match]) -> list[_Match]:
    """Strong, then longest matches first; a match inside a kept one adds nothing ("تعرض
    للتعذيب" already says "تعذيب")."""
    kept: list[_Match] = []
    # Another meaning or a mention in passing wins over what it covers ("حضانة أطفالي" is not a
    # child's rights case, "my children" alone is weak). Then a strong entry wins over a weak one
    # it overlaps, whatever their lengths ("تمييز" inside the weaker "التمييز ضد"); then the longer.
    def rank(m: _Match) -> int:
        return 0 if m.entry.void or m.entry.mention else 1 if m.entry.strong else 2

    for match in sorted(matches, key=lambda m: (rank(m), -(m.end - m.start), m.start)):
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


@dataclass(frozen=True)
class _AgeWords:
    """The normalised words of `lexicon_data`'s age lists (see `_stated_ages`)."""

    numbers: dict[tuple[str, ...], int]
    longest: int
    cues: frozenset[str]
    units: frozenset[str]
    persons: frozenset[tuple[str, ...]]
    fillers: frozenset[str]
    under: frozenset[str]
    over: frozenset[str]


@cache
def _age_words() -> _AgeWords:
    def words(lists):
        return frozenset(normalise(word) for by_lang in lists.values() for word in by_lang)

    numbers = {tuple(tokenise(written)): value for by_lang in AGE_NUMBERS.values()
               for written, value in by_lang.items()}
    return _AgeWords(numbers=numbers, longest=max(map(len, numbers)), cues=words(AGE_CUES),
                     units=words(AGE_UNITS),
                     persons=frozenset(tuple(tokenise(p)) for by_lang in AGE_PERSONS.values() for p in by_lang),
                     fillers=frozenset(w for by_lang in AGE_FILLERS.values() for f in by_lang for w in tokenise(f)),
                     under=words(AGE_UNDER), over=words(AGE_OVER))


def _without_conjunction(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _number_at(words: list[str], i: int, table: _AgeWords) -> tuple[int, int] | None:
    """(value, tokens used) of a number written at `words[i]`: digits, or number words (خمس
    عشرة، خمستاشر، seventy five, quinze); a unit word and a tens word joined by و (خمسة وستين)
    add up."""
    word = words[i]
    if word.isdigit():
        value = int(word)
        return (value, 1) if 0 < value <= 130 else None
    for size in range(min(table.longest, len(words) - i), 0, -1):
        value = table.numbers.get(tuple(words[i : i + size]))
        if value is None:
            continue
        if value < 10 and i + size < len(words):
            tens = table.numbers.get((words[i + size],))
            if tens is not None and tens >= 20 and tens % 10 == 0:
                return value + tens, size + 1
        return value, size
    return None


def _ends_with(words: list[str], end: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(end >= len(p) and tuple(words[end - len(p) : end]) == p for p in phrases)


_AGE_COPULAS = frozenset({"is", "was", "est", "était"})


def _bracketed(prepared: TextAnalysis, i: int) -> bool:
    """Whether the number at token `i` opens a bracket: "يوسف (16 عامًا)"."""
    j = prepared.raw[i][1] - 1
    while j >= 0 and prepared.text[j].isspace():
        j -= 1
    return j >= 0 and prepared.text[j] == "("


def _stated_ages(prepared: TextAnalysis) -> list[tuple[int, int, int]]:
    """(age, start, end) of every age the text states, with the original offsets of its words
    (the rules are `lexicon_data`'s, above AGE_CATEGORIES)."""
    if prepared.ages is None:
        prepared.ages = _read_ages(prepared)
    return prepared.ages


def _read_ages(prepared: TextAnalysis) -> list[tuple[int, int, int]]:
    table = _age_words()
    words = prepared.plain_words
    found = []
    i = 0
    while i < len(words):
        number = _number_at(words, i, table)
        if number is None:
            i += 1
            continue
        value, size = number
        after = words[i + size : i + size + 3]
        unit = bool(after) and after[0] in table.units
        old = unit and after[1:2] == ["old"]  # "15 years old", "15-year-old"
        of_age = len(after) >= 2 and after[0] in ("من", "of") and after[1] in table.cues  # في السبعين من عمره
        before = words[max(i - 2, 0) : i]
        # One small word may stand between the cue or person and the number (البالغ من العمر،
        # طفل من ١٢ عاما، the age of 16, un garçon de 15 ans).
        cue_end = i - 1 if before and before[-1] in table.fillers and before[-1] not in table.cues else i
        cued = cue_end > 0 and words[cue_end - 1] in table.cues
        stated = cued or old or of_age or (unit and (_ends_with(words, cue_end, table.persons)
                                                       or _ends_with(words, i, table.persons)))
        # "My son is 14", "my son, who is 16": a person, then "is", then the number alone.
        if not stated and before and before[-1] in _AGE_COPULAS:
            stated = any(_ends_with(words, end, table.persons) for end in range(max(i - 4, 0), i))
        # "ابني يوسف (16 عامًا)": years in brackets after a name are an age ("المادة (16)" is not).
        if not stated and unit:
            stated = _bracketed(prepared, i)
        if value == 18 and any(word in table.under for word in words[max(i - 4, 0) : i]):
            value, stated = 17, True
        elif value >= 60 and any(word in table.over for word in before):
            stated = True
        if stated:
            last = i + size - 1 + (2 if of_age or old else 1 if unit else 0)
            first = cue_end - 1 if cued else i
            found.append((value, prepared.raw[first][1], prepared.raw[min(last, len(words) - 1)][2]))
        i += size
    return found


@dataclass(frozen=True)
class _DurationWords:
    """The normalised words of `lexicon_data`'s duration lists (see `_durations`)."""

    units: dict[str, float]
    duals: frozenset[str]
    plurals: frozenset[str]
    numbers: dict[tuple[str, ...], int]
    longest: int
    markers: frozenset[tuple[str, ...]]
    sentences: frozenset[str]
    timed: dict[str, tuple[tuple[tuple[str, ...], float], ...]]  # first word → (phrase, days), longest first


@cache
def _duration_words() -> _DurationWords:
    numbers = {tuple(tokenise(written)): value for lists in (AGE_NUMBERS, DURATION_NUMBERS)
               for by_lang in lists.values() for written, value in by_lang.items()}

    def phrases(lists):
        return frozenset(tuple(tokenise(p)) for by_lang in lists.values() for p in by_lang if tokenise(p))

    return _DurationWords(
        units={normalise(word): days for by_lang in DURATION_UNITS.values() for word, days in by_lang.items()},
        duals=frozenset(normalise(word) for word in DURATION_DUALS),
        plurals=frozenset(normalise(word) for word in DURATION_PLURALS),
        numbers=numbers, longest=max(map(len, numbers)), markers=phrases(DURATION_MARKERS),
        sentences=frozenset(normalise(w) for by_lang in DURATION_SENTENCES.values() for p in by_lang
                            for w in tokenise(p)),
        timed=_by_first_word({**dict.fromkeys(phrases(FRESH_TIMES), 0.5),
                              **{tuple(tokenise(phrase)): days for by_lang in LONG_AGO.values()
                                 for phrase, days in by_lang.items()}}))


def _by_first_word(phrases: dict[tuple[str, ...], float]) -> dict[str, tuple[tuple[tuple[str, ...], float], ...]]:
    by_first: dict[str, list[tuple[tuple[str, ...], float]]] = defaultdict(list)
    for phrase, days in phrases.items():
        by_first[phrase[0]].append((phrase, days))
    return {word: tuple(sorted(found, key=lambda item: -len(item[0]))) for word, found in by_first.items()}


def _durations(prepared: TextAnalysis) -> list[tuple[float, int, int]]:
    """(days, start, end) of every length of time the text states — "بقاله ٨ أيام", "منذ
    أسابيع", "for six days", "depuis hier" — with the original offsets of its words; not a
    sentence ("محكوم ٣ سنين") nor an age ("عمره ١٥ سنة"). See `lexicon_data.DURATION_UNITS`."""
    if prepared.durations is not None:
        return prepared.durations
    table = _duration_words()
    words = prepared.plain_words
    ages = [(start, end) for _, start, end in _stated_ages(prepared)]
    found = []
    for i, word in enumerate(words):
        unit = table.units.get(word)
        if unit is None:
            continue
        first, count = i, None
        if i and words[i - 1].isdigit():
            first, count = i - 1, int(words[i - 1])
        else:
            for size in range(min(table.longest, i), 0, -1):
                value = table.numbers.get(tuple(words[i - size : i]))
                if value is not None:
                    first, count = i - size, value
                    break
        if count is None:
            if word in table.duals:
                count = 1
            elif _ends_with(words, i, table.markers):
                count = 3 if word in table.plurals else 1
            else:
                continue
        if any(w in table.sentences for w in words[max(first - 3, 0) : first]):
            continue
        start, end = prepared.raw[first][1], prepared.raw[i][2]
        if any(start < age_end and age_start < end for age_start, age_end in ages):
            continue
        found.append((unit * count, start, end))
    # Times past and "since yesterday" (the words of LONG_AGO and FRESH_TIMES), and a year after
    # a marker ("منذ 2014").
    for i, word in enumerate(words):
        for phrase, days in table.timed.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append((days, prepared.raw[i][1], prepared.raw[i + len(phrase) - 1][2]))
                break
        if word.isdigit() and 1950 <= int(word) <= 2100 and _ends_with(words, i, table.markers):
            found.append((365.0, prepared.raw[i][1], prepared.raw[i][2]))
    prepared.durations = sorted(found, key=lambda d: d[1])
    return prepared.durations


def _age_matches(prepared: TextAnalysis) -> dict[str, list[_Match]]:
    """Matches for the categories that a stated age decides (`AGE_CATEGORIES`)."""
    by_code: dict[str, list[_Match]] = defaultdict(list)
    for value, start, end in _stated_ages(prepared):
        for code, (low, high) in AGE_CATEGORIES.items():
            if low <= value <= high:
                entry = _Entry(key=code, text=f"age {low}-{high}", terms=(), has_cue=False, strong=True)
                by_code[code].append(_Match(entry, start, end, negated=False))
    return by_code


@dataclass(frozen=True)
class _Score:
    """One category's evidence in a text, and the confidence it adds up to."""

    confidence: float
    evidence: tuple[_Match, ...]
    affirmed: tuple[_Match, ...]
    shown: tuple[_Match, ...]  # the matches whose words are the triggers

    @classmethod
    def of(cls, matches: list[_Match]) -> _Score:
        context = [m for m in matches if m.entry.context]
        # A blow is evidence of torture in custody and of excessive force in the street, and of
        # neither alone (BOUND_TERMS).
        evidence = [m for m in matches
                    if not m.entry.context and not m.entry.void and (context or not m.entry.bound)]
        if not evidence:  # a setting alone ("في القسم") says nothing about the category
            return cls(0.0, (), (), ())
        # Each entry counts once however often it is repeated; it counts as denied only when
        # every occurrence is denied.
        negated_by_entry: dict[str, bool] = {}
        for match in evidence:
            previous = negated_by_entry.get(match.entry.text, True)
            negated_by_entry[match.entry.text] = previous and match.negated
        total = sum(match.entry.weight * (NEGATED_FACTOR if negated_by_entry[match.entry.text] else 1.0)
                    for match in {m.entry.text: m for m in evidence}.values())
        affirmed = [m for m in evidence if not m.negated]
        if affirmed and context:
            total += CONTEXT_WEIGHT
        # The setting's words are shown beside the evidence: they say why this category (a blow
        # in "القسم" is torture) and what happened (مسكوني، وحبسوني for an arbitrary detention).
        shown = sorted(affirmed + context, key=lambda m: m.start) if affirmed else evidence
        return cls(round(1 - math.exp(-total), 4), tuple(evidence), tuple(affirmed), tuple(shown))


class LexiconClassifier:
    """Multi-label category scores from the lexicon (no training needed)."""

    source = "lexicon"

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        # The calibrated exceptions hold for the default threshold only.
        self.thresholds = dict(CATEGORY_THRESHOLDS) if threshold == THRESHOLD else {}

    def category_matches(self, prepared: TextAnalysis) -> dict[str, list[_Match]]:
        """The category, setting and context matches of a text (made once per analysis)."""
        if prepared.matches_cache is None:
            prepared.matches_cache = self._category_matches(prepared)
        return prepared.matches_cache

    def settings(self, prepared: TextAnalysis) -> dict[str, list[_Match]]:
        """Affirmed matches of each setting of `lexicon_data.SETTINGS`, by name."""
        if prepared.settings_cache is None:
            prepared.settings_cache = {code[len(SETTING):]: [m for m in found if not m.negated]
                                       for code, found in self.category_matches(prepared).items()
                                       if code.startswith(SETTING)}
        return prepared.settings_cache

    def _category_matches(self, prepared: TextAnalysis) -> dict[str, list[_Match]]:
        index = _category_index()
        indexes = []
        for lang in (ALL,) if prepared.uniform else LANGS:
            indexes.append((prepared.analysed(lang), index[(lang, "terms")]))
            indexes.append((prepared.stemmed(lang), index[(lang, "tokens")]))
        if prepared.looks_arabizi:
            indexes.append((prepared.arabizi(), _arabizi_index()[0]))
        matches = _matches(prepared, indexes)
        by_code: dict[str, list[_Match]] = defaultdict(list)
        for match in matches:
            by_code[match.entry.key].append(match)
        for extra in (_age_matches(prepared), _signal_matches(prepared)):
            for code, found in extra.items():
                by_code[code].extend(found)
        return {code: _non_overlapping(found) for code, found in by_code.items()}

    def guesses(self, text: str | TextAnalysis) -> list[CategoryGuess]:
        """Every category with any evidence, best first (below the threshold included).
        `text` may be a `TextAnalysis` already made for the same text."""
        prepared = analyse_text(text)
        key = (self.threshold, tuple(sorted(self.thresholds.items())))
        if key not in prepared.guesses_cache:
            prepared.guesses_cache[key] = self._guesses(prepared)
        return list(prepared.guesses_cache[key])

    def _guesses(self, prepared: TextAnalysis) -> list[CategoryGuess]:
        matches = dict(self.category_matches(prepared))
        settings = self.settings(prepared)
        for code, setting in WEAK_NEEDS_SETTING.items():
            if code in matches and not settings.get(setting):
                matches[code] = [m for m in matches[code] if m.entry.strong]
        for code, window in BOUND_WINDOW.items():
            if code in matches:
                near = [m for m in matches[code] if m.entry.context]
                matches[code] = [m for m in matches[code] if not m.entry.bound
                                 or any(prepared.words_apart(m, other) <= window for other in near)]
        for code, (setting, window) in BLOCKED_NEAR.items():
            if code in matches and settings.get(setting):
                matches[code] = [m for m in matches[code]
                                 if not (m.entry.bound and _named_before(prepared, m, settings[setting], window))]
        scored = {code: _Score.of(found) for code, found in matches.items() if not code.startswith(SETTING)}
        for code, found in self._implied(prepared, scored, settings).items():
            matches[code] = matches.get(code, []) + found
            scored[code] = _Score.of(matches[code])
        topic_only = bool(settings.get("not_a_complaint"))
        guesses = [CategoryGuess(code, min(score.confidence, NOT_A_COMPLAINT_CAP)
                                 if topic_only and len({m.entry.text for m in score.affirmed}) < 2
                                 else score.confidence, _triggers(prepared.text, score.shown))
                   for code, score in scored.items() if score.evidence]
        return sorted(guesses, key=lambda g: (-g.confidence, g.code))

    def _implied(self, prepared: TextAnalysis, scored: dict[str, _Score],
                 settings: dict[str, list[_Match]]) -> dict[str, list[_Match]]:
        """Strong evidence for the categories that a finding implies (IMPLIED_CATEGORIES), shown
        with the finding's triggers and the setting's words; rules are applied in order, so one
        may rest on a category another rule implied."""
        implied: dict[str, list[_Match]] = defaultdict(list)
        for target, source, setting, near, also in IMPLIED_CATEGORIES:
            if source.startswith("signal:"):
                found = _urgency_matches(prepared).get(source[len("signal:"):], [])
            elif source.startswith("setting:"):
                found = settings.get(source[len("setting:"):], [])
            else:
                score = scored.get(source)
                if score is None or score.confidence < self.thresholds.get(source, self.threshold):
                    continue
                found = list(score.affirmed)
            if target in BLOCKED_NEAR and settings.get(BLOCKED_NEAR[target][0]):
                # sexual violence or touching by a husband or a neighbour is not an official's
                blocking, window = BLOCKED_NEAR[target]
                found = [m for m in found if not _named_before(prepared, m, settings[blocking], window)]
            where = settings.get(setting, []) if setting else []
            if near is not None:
                pairs = [(m, w) for m in found for w in where if prepared.words_apart(m, w) <= near]
                found, where = [m for m, _ in pairs], [w for _, w in pairs]
            if not found or (setting and not where):
                continue
            # A third setting, anywhere in the text or near the finding: who refused a report or
            # asked for money (an officer, a station).
            beside: list[_Match] = []
            if also is not None:
                third, within = also
                beside = [w for w in settings.get(third, [])
                          if within is None or any(prepared.words_apart(m, w) <= within for m in found)]
                if not beside:
                    continue
                if within is not None:
                    found = [m for m in found if any(prepared.words_apart(m, w) <= within for w in beside)]
                    if near is not None:
                        where = [w for w in where if any(prepared.words_apart(m, w) <= near for m in found)]
            entry = _Entry(key=target, text=f"implied by {source}", terms=(), has_cue=False, strong=True)
            implied[target] += [_Match(entry, m.start, m.end, negated=False) for m in (*found, *where, *beside)]
            scored[target] = _Score.of(implied[target] + list(scored[target].evidence if target in scored else ()))
        return implied

    def predict(self, text: str | TextAnalysis) -> list[CategoryGuess]:
        return [guess for guess in self.guesses(text)
                if guess.confidence >= self.thresholds.get(guess.code, self.threshold)]

    def predict_codes(self, texts: list[str]) -> list[set[str]]:
        return [{guess.code for guess in self.predict(text)} for text in texts]


def urgency_label(code: str) -> str:
    """The signal's description in the active language (the lexicon carries all three)."""
    signal = URGENCY_SIGNALS.get(code)
    if signal is None:
        return code
    lang = (get_language() or "ar")[:2]
    return signal.get(f"label_{lang}") or signal["label_en"]


def _urgency_matches(prepared: TextAnalysis) -> dict[str, list[_Match]]:
    """Affirmed urgency matches by signal code (kept on the analysis: categories read them too)."""
    if prepared.urgency_matches is None:
        index = _urgency_index()
        indexes = []
        for lang in (ALL,) if prepared.uniform else LANGS:
            indexes.append((prepared.stemmed(lang), index[(lang, "tokens")]))
            indexes.append((prepared.analysed(lang), index[(lang, "terms")]))
        if prepared.looks_arabizi:
            indexes.append((prepared.arabizi(), _arabizi_index()[1]))
        by_code: dict[str, list[_Match]] = defaultdict(list)
        for match in _matches(prepared, indexes):
            if not match.negated:
                by_code[match.entry.key].append(match)
        prepared.urgency_matches = {code: _non_overlapping(found) for code, found in by_code.items()}
    return prepared.urgency_matches


def _named_before(prepared: TextAnalysis, match: _Match, actors: list[_Match], window: int) -> bool:
    """Whether one of `actors` ends at most `window` words before `match` (the one who did it)."""
    return any(actor.end <= match.start and prepared.words_apart(actor, match) <= window for actor in actors)


def _signal_matches(prepared: TextAnalysis) -> dict[str, list[_Match]]:
    """Category evidence from the urgency signals that name a category (`SIGNAL_CATEGORIES`):
    "قالوا مش عندنا" is both an urgency and a sign of a disappearance."""
    by_code: dict[str, list[_Match]] = defaultdict(list)
    for signal, matches in _urgency_matches(prepared).items():
        for code, strong in SIGNAL_CATEGORIES.get(signal, ()):
            # Each phrase of the signal is its own piece of evidence: "plain-clothes men" and "an
            # unmarked car" are two signs of an abduction, each weak alone.
            by_code[code] += [_Match(_Entry(key=code, text=f"signal {signal}: {match.entry.text}", terms=(),
                                            has_cue=False, strong=strong), match.start, match.end, negated=False)
                              for match in matches]
    return by_code


def detect_urgency(text: str | TextAnalysis) -> list[UrgencySignal]:
    """Urgency signals in `text`, most urgent first, each with its reason and trigger words.
    `text` may be a `TextAnalysis` already made for the same text.

    Beside the signals' own phrases: a law or a recommendation (the setting "normative") is urgent
    for no one; a signal of SIGNAL_NEEDS_SETTING needs its setting (an illness, in custody); a signal of TIMED_SIGNALS takes the level the stated time gives it (held
    incommunicado for days is critical, for weeks or longer high); URGENCY_FROM_CATEGORIES adds
    the signals that categories and settings make together (a child and an arrest: a child
    detained), and CRITICAL_WITH raises one when a category is suggested beside it (a child
    detained and beaten)."""
    prepared = analyse_text(text)
    classifier = _default_classifier()
    settings = classifier.settings(prepared)
    if settings.get("normative"):
        return []
    found = {code: list(matches) for code, matches in _urgency_matches(prepared).items()
             if code not in SIGNAL_NEEDS_SETTING or settings.get(SIGNAL_NEEDS_SETTING[code])}
    suggested = {guess.code for guess in classifier.predict(prepared)}
    for code, source, setting, near in URGENCY_FROM_CATEGORIES:
        if source.startswith("setting:"):
            evidence = settings.get(source[len("setting:"):], [])
        elif source in suggested:
            evidence = [m for m in classifier.category_matches(prepared).get(source, []) if not m.entry.context]
        else:
            continue
        where = settings.get(setting, [])
        if near is not None:
            pairs = [(m, w) for m in evidence for w in where if prepared.words_apart(m, w) <= near]
            evidence, where = [m for m, _ in pairs], [w for _, w in pairs]
        if evidence and where and (code not in FRESH_ONLY or code in found or _fresh(prepared)):
            found.setdefault(code, []).extend(m for m in (*evidence, *where) if not m.negated)
    longest = max((days for days, _, _ in _durations(prepared)), default=0.0)
    signals: dict[str, UrgencySignal] = {}
    for code, matches in found.items():
        level = URGENCY_SIGNALS[code]["level"]
        if code in TIMED_SIGNALS and longest >= LONG_DAYS:
            if TIMED_SIGNALS[code] is None:
                continue  # a death in custody long ago is a case to investigate, not an emergency
            code = TIMED_SIGNALS[code]
            level = URGENCY_SIGNALS[code]["level"]
        if CRITICAL_WITH.get(code) in suggested:
            level = "critical"
        triggers = _triggers(prepared.text, _non_overlapping(matches))
        if code in signals:  # two signals that the time made one (incommunicado, no contact)
            kept = signals[code]
            level = max(kept.level, level, key=lambda value: URGENCY_RANK.get(value, 0))
            triggers = tuple(dict.fromkeys(kept.triggers + triggers))
        signals[code] = UrgencySignal(code, level, urgency_label(code), triggers)
    return sorted(signals.values(), key=lambda s: (-URGENCY_RANK.get(s.level, 0), s.code))


def _fresh(prepared: TextAnalysis) -> bool:
    """Whether the text states a time of at most FRESH_DAYS ("since yesterday", "٣ أيام")."""
    return any(days <= FRESH_DAYS for days, _, _ in _durations(prepared))


@cache
def _default_classifier() -> LexiconClassifier:
    return LexiconClassifier()
