"""The search box's query language: parsing into a tree, then compiling it for FTS5 or PostgreSQL.

    words            all must appear (AND)             تعذيب القسم
    "exact phrase"   these words, adjacent, in order    "قسم الدقي"   (also “…” and «…»)
    OR               either side                       ضرب OR تعذيب
    -word -"phrase"  must not appear                   سجن -زيارة
    ( … )            grouping                          (ضرب OR صعق) قسم

Words are analysed exactly like the documents (`mizan.lib.arabic.analyse`: normalised letters
and digits, stop-words dropped, light stems), so أحمد finds احمد and "السجن" finds "سجن". Every
term is then quoted by the compilers, so nothing a user types can change the structure of the
database query: the only operators are the ones this parser recognises.

Pure functions, no Django: `parse` gives a `Parsed` (tree + the words that were ignored), and
`to_fts5` / `to_tsquery` turn a tree into the text of a MATCH or to_tsquery() argument.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from mizan.lib.arabic import analyse_with_offsets, stem

from .facets import is_facet

MAX_QUERY_CHARS = 500
MAX_TERM_CHARS = 100
# A Latin word may be stemmed as French or as English depending on the language detected in
# its text; a query word carries both stems so that a short query meets either analysis.
# Phrases expand into one alternative per combination, bounded here.
MAX_PHRASE_VARIANTS = 16

OPEN_QUOTES = '"“„«'
CLOSE_QUOTES = '"”“»'
QUOTES = frozenset(OPEN_QUOTES + CLOSE_QUOTES)
# A token FTS5's unicode61 tokenizer keeps (private-use characters are token characters) but
# that `clean_term` can never produce: matching it matches nothing.
NO_MATCH_TERM = "\ue000"
# A term every search document holds (in its reference field), so that a query of exclusions
# only ("-word") is still one full-text query: EVERY_DOCUMENT_TERM NOT word. Letters and digits
# (one token in FTS5 and in PostgreSQL's parser); typed in the box it is ignored, not matched.
EVERY_DOCUMENT_TERM = "0every0"


# --- the tree ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """A word or an exact phrase: positions in order, each a tuple of alternative terms."""

    positions: tuple[tuple[str, ...], ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.positions) > 1


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


@dataclass
class Parsed:
    """A parsed query: `node` is None when nothing is left to search for."""

    node: object | None
    ignored: list[str] = field(default_factory=list)  # words that are only stop-words or symbols
    dropped_exclusions: bool = False  # an excluded word with nothing to exclude it from

    @property
    def terms(self) -> frozenset[str]:
        """Every term the query looks for (not the excluded ones): what snippets highlight."""
        return frozenset(_positive_terms(self.node))


def _positive_terms(node, negated: bool = False):
    if isinstance(node, Match):
        if not negated:
            for alternatives in node.positions:
                yield from alternatives
    elif isinstance(node, And | Or):
        for child in node.children:
            yield from _positive_terms(child, negated)
    elif isinstance(node, Not):
        yield from _positive_terms(node.child, not negated)


# --- terms ---------------------------------------------------------------------------------------

def clean_term(term: str) -> str:
    """Letters and digits only, bounded: what both backends keep as exactly one token."""
    return "".join(char for char in term if char.isalnum())[:MAX_TERM_CHARS]


def document_terms(text: str) -> list[str]:
    """The index terms of a document field, in order (phrases are adjacency in this list)."""
    terms = []
    for term, _start, _end in analyse_with_offsets(text or ""):
        cleaned = clean_term(term)
        if cleaned:
            terms.append(cleaned)
    return terms


def _is_latin(term: str) -> bool:
    return term.isascii() and term.isalpha()


def _alternatives(term: str, word: str) -> tuple[str, ...]:
    found = [clean_term(term)]
    if found[0] == EVERY_DOCUMENT_TERM or is_facet(found[0]):
        return ()
    if _is_latin(found[0]):
        found += [clean_term(stem(word, "fr")), clean_term(stem(word, "en"))]
    return tuple(dict.fromkeys(t for t in found if t))


# --- lexing --------------------------------------------------------------------------------------

@dataclass
class _Lexeme:
    kind: str  # "word", "phrase", "minus", "or", "open", "close"
    start: int = 0
    end: int = 0


_SPACE = re.compile(r"\s")


def _lex(text: str) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if _SPACE.match(char):
            i += 1
        elif char in OPEN_QUOTES or char in QUOTES:
            close = next((j for j in range(i + 1, n) if text[j] in QUOTES), n)
            lexemes.append(_Lexeme("phrase", i + 1, close))
            i = close + 1
        elif char == "(":
            lexemes.append(_Lexeme("open", i, i + 1))
            i += 1
        elif char == ")":
            lexemes.append(_Lexeme("close", i, i + 1))
            i += 1
        elif char == "-" and i + 1 < n and not _SPACE.match(text[i + 1]) and text[i + 1] != "-":
            lexemes.append(_Lexeme("minus", i, i + 1))
            i += 1
        else:
            j = i
            while j < n and not _SPACE.match(text[j]) and text[j] not in QUOTES and text[j] not in "()":
                j += 1
            kind = "or" if text[i:j] == "OR" else "word"
            lexemes.append(_Lexeme(kind, i, j))
            i = j
    return _balanced(lexemes)


def _balanced(lexemes: list[_Lexeme]) -> list[_Lexeme]:
    """Without the ")" that close nothing (an unclosed "(" simply ends with the text)."""
    depth, kept = 0, []
    for lexeme in lexemes:
        if lexeme.kind == "open":
            depth += 1
        elif lexeme.kind == "close":
            if depth == 0:
                continue
            depth -= 1
        kept.append(lexeme)
    return kept


# --- parsing -------------------------------------------------------------------------------------

class _Parser:
    def __init__(self, text: str, lexemes: list[_Lexeme]):
        self.text = text
        self.lexemes = lexemes
        self.pos = 0
        self.ignored: list[str] = []
        self.terms: dict[int, list[tuple[str, ...]]] = {}  # lexeme index -> positions
        self._analyse()

    def _analyse(self) -> None:
        """Analyse the whole query once (the Latin language is detected over all its words),
        with the operators blanked out, then give each term to the word or phrase it came from."""
        masked = list(self.text)
        for lexeme in self.lexemes:
            if lexeme.kind in ("minus", "or", "open", "close"):
                masked[lexeme.start:lexeme.end] = " " * (lexeme.end - lexeme.start)
        for index, lexeme in enumerate(self.lexemes):
            if lexeme.kind == "phrase":  # blank its quotes
                if lexeme.start > 0:
                    masked[lexeme.start - 1] = " "
                if lexeme.end < len(masked):
                    masked[lexeme.end] = " "
            self.terms.setdefault(index, [])
        owners = [(lexeme.start, lexeme.end, index) for index, lexeme in enumerate(self.lexemes)
                  if lexeme.kind in ("word", "phrase")]
        for term, start, end in analyse_with_offsets("".join(masked)):
            for low, high, index in owners:
                if low <= start < high:
                    alternatives = _alternatives(term, self.text[start:end])
                    if alternatives:
                        self.terms[index].append(alternatives)
                    break

    def peek(self) -> _Lexeme | None:
        return self.lexemes[self.pos] if self.pos < len(self.lexemes) else None

    def parse(self):
        return self.expression()  # parentheses are balanced (see `_balanced`): all is consumed

    def expression(self):
        branches = [self.sequence()]
        while (lexeme := self.peek()) is not None and lexeme.kind == "or":
            self.pos += 1
            branches.append(self.sequence())
        return _or(branches)

    def sequence(self):
        items = []
        while (lexeme := self.peek()) is not None and lexeme.kind not in ("or", "close"):
            items.append(self.unary())
        return _and(items)

    def unary(self):
        lexeme = self.peek()
        if lexeme.kind == "minus":
            self.pos += 1
            following = self.peek()
            if following is None or following.kind in ("or", "close", "minus"):
                return None
            child = self.atom()
            return Not(child) if child is not None else None
        return self.atom()

    def atom(self):
        index = self.pos
        lexeme = self.lexemes[index]
        self.pos += 1
        if lexeme.kind == "open":
            node = self.expression()
            if (closing := self.peek()) is not None and closing.kind == "close":
                self.pos += 1
            return node
        positions = self.terms.get(index, [])
        if not positions:
            word = self.text[lexeme.start:lexeme.end].strip()
            if any(char.isalnum() for char in word):  # a stop-word; lone symbols go unmentioned
                self.ignored.append(word)
            return None
        return Match(tuple(positions))


def _and(items):
    children = []
    for item in items:
        if item is None:
            continue
        children.extend(item.children if isinstance(item, And) else [item])
    if not children:
        return None
    return children[0] if len(children) == 1 else And(tuple(children))


def _or(items):
    children = []
    for item in items:
        if item is None:
            continue
        children.extend(item.children if isinstance(item, Or) else [item])
    if not children:
        return None
    return children[0] if len(children) == 1 else Or(tuple(children))


def _prune(node, top: bool, report: list[bool]):
    """Drop exclusions that have nothing to be excluded from ("a OR -b": the "-b"; "(-b) OR a"),
    noting it in `report`. At the top, exclusions alone ("-b") stay: they mean "every case
    except", which the backends handle outside the MATCH expression."""
    if isinstance(node, Not):
        if not top:
            report.append(True)
            return None
        child = _prune(node.child, False, report)
        return Not(child) if child is not None else None
    if isinstance(node, And):
        kept = []
        for child in node.children:
            if isinstance(child, Not):
                inner = _prune(child.child, False, report)
                if inner is not None:
                    kept.append(Not(inner))
            elif (pruned := _prune(child, False, report)) is not None:
                kept.append(pruned)
        if not top and kept and all(isinstance(child, Not) for child in kept):
            report.append(True)
            return None
        return _and(kept)
    if isinstance(node, Or):
        return _or([_prune(child, False, report) for child in node.children])
    return node


def parse(text: str) -> Parsed:
    """The tree for what was typed in the search box (None when nothing searchable is left)."""
    text = (text or "")[:MAX_QUERY_CHARS]
    parser = _Parser(text, _lex(text))
    report: list[bool] = []
    node = _prune(parser.parse(), True, report)
    return Parsed(node=node, ignored=parser.ignored, dropped_exclusions=bool(report))


def split_exclusions(node):
    """(what must match, what must not) at the top of the tree; either may be None."""
    if isinstance(node, Not):
        return None, node.child
    if isinstance(node, And):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [c.child for c in node.children if isinstance(c, Not)]
        return _and(positive), _or(negative)
    return node, None


# --- compiling -----------------------------------------------------------------------------------

def _fts5_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _variants(positions) -> list[tuple[str, ...]]:
    combinations = 1
    for alternatives in positions:
        combinations *= len(alternatives)
    if combinations > MAX_PHRASE_VARIANTS:  # too many: the analysed form of each word only
        return [tuple(alternatives[0] for alternatives in positions)]
    return list(itertools.product(*positions))


def to_fts5(node) -> str:
    """The argument of `MATCH` for a tree without exclusion at its top (see `split_exclusions`)."""
    if isinstance(node, Match):
        phrases = [_fts5_quote(" ".join(variant)) for variant in _variants(node.positions)]
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(child) for child in node.children) + ")"
    if isinstance(node, And):
        positive = [to_fts5(c) for c in node.children if not isinstance(c, Not)]
        negative = [to_fts5(c.child) for c in node.children if isinstance(c, Not)]
        expression = "(" + " AND ".join(positive) + ")"
        if negative:
            expression = "(" + expression + " NOT (" + " OR ".join(negative) + "))"
        return expression
    if isinstance(node, Not):
        raise ValueError("an exclusion needs something to exclude from; use split_exclusions()")
    raise TypeError(f"not a query node: {node!r}")


def _ts_quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _ts_position(alternatives: tuple[str, ...], weight: str) -> str:
    quoted = [_ts_quote(term) + (f":{weight}" if weight else "") for term in alternatives]
    return quoted[0] if len(quoted) == 1 else "(" + " | ".join(quoted) + ")"


def to_tsquery(node, weight: str = "") -> str:
    """The argument of `to_tsquery('simple', …)` (for a tree without exclusion at its top).

    `weight` ("B") restricts every term to the fields indexed with that weight.
    """
    if isinstance(node, Match):
        return "(" + " <-> ".join(_ts_position(p, weight) for p in node.positions) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(child, weight) for child in node.children) + ")"
    if isinstance(node, And):
        parts = [("!" + to_tsquery(c.child, weight)) if isinstance(c, Not) else to_tsquery(c, weight)
                 for c in node.children]
        return "(" + " & ".join(parts) + ")"
    if isinstance(node, Not):
        raise ValueError("an exclusion needs something to exclude from; use split_exclusions()")
    raise TypeError(f"not a query node: {node!r}")
