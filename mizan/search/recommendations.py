"""Full-text search of the follow-up's recommendations, with the desk's query language.

    index_recommendations(ids)                 (re)build their documents, in the caller's transaction
    rebuild_recommendations(organisation=...)  every recommendation, in batches (the command)
    search_recommendations(qs, q, user=...)    qs filtered by the words and ranked, best first
    attach_snippets(rows, q)                   highlighted excerpts for a page of results

A recommendation's document holds the analysed terms (`query.document_terms`: the same
normalisation and stemming as cases, so أ/إ/ا, ى/ي, ة/ه and harakat do not matter) of its
reference, its text and every translation, its source (titles, issuing body, symbol, place,
kind), its themes' labels (three languages, with their parents) and its responsible bodies'
names (three languages). Its `facets` field holds one term per organisation that may read it —
the owner and each member organisation it is addressed to — and every search is intersected
with the reader's one inside the index: another organisation's recommendations are never found.

Kept current by `project`, which the search wing registers into `followup.projections` (see
`apps.py`): every domain function of the follow-up that changes recommendations re-indexes them
in its own transaction, so a search never sees a change that was rolled back.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.safestring import mark_safe

from mizan.accounts.models import Unit, membership_of
from mizan.complaints.models import Category
from mizan.core import bulk
from mizan.followup.models import (
    Addressee,
    ExternalBody,
    Recommendation,
    ResponsibleBody,
    SourceKind,
)
from mizan.followup.projections import Change

from . import facets
from .backends import _Correlated
from .engine import SearchQuery, prepare
from .indexer import _category_labels, _names, _terms, _unique
from .models import RECOMMENDATION_COLUMNS, RECOMMENDATION_FTS5_WEIGHTS, RecommendationDocument
from .query import (
    EVERY_DOCUMENT_TERM,
    And,
    Match,
    Not,
    Or,
    clean_term,
    document_terms,
    to_fts5,
    to_tsquery,
)
from .snippets import WIDTH, _best_window, _hits, _render, _widen

__all__ = ["attach_snippets", "build_document", "index_recommendations", "project", "rebuild_recommendations",
           "search_recommendations"]

LANGS = ("ar", "en", "fr")
BATCH = 500
MAX_REFERENCE_BONUS = 10  # words or phrases of a query checked against the reference (PostgreSQL)
_BM25 = ("bm25(search_rec_fts, " + ", ".join(str(RECOMMENDATION_FTS5_WEIGHTS[c]) for c in RECOMMENDATION_COLUMNS)
         + ")")


# --- documents -------------------------------------------------------------------------------------

def _symbol_terms(symbol: str) -> list[str]:
    """A document symbol's words ("cat egy co 5") and the symbol run together ("catcegyco5"),
    so either way of typing it finds it."""
    terms = document_terms(symbol)
    compact = clean_term(symbol.lower())
    if compact:
        terms.append(compact)
    return terms


def _kind_labels(kind: str) -> list[str]:
    labels = []
    for language in LANGS:
        with translation.override(language):
            labels.append(str(SourceKind(kind).label) if kind in SourceKind.values else "")
    return labels


@functools.lru_cache(maxsize=16_384)
def _analysed(texts: tuple[str, ...]) -> str:
    """The analysed terms of these texts, computed once per process for the same texts: the
    recommendations of an import share a few hundred sources, themes and bodies, whose analysis
    was most of the work. Keyed by the texts themselves, so an edited name is analysed anew."""
    return _terms(_unique(texts))


@functools.lru_cache(maxsize=4_096)
def _source_terms(titles: tuple[str, ...], kind: str, symbol: str) -> str:
    return " ".join([_analysed((*titles, *_kind_labels(kind))), *_symbol_terms(symbol)]).strip()


def build_document(recommendation: Recommendation, *, themes, bodies, readers) -> dict[str, str]:
    """The document's fields. `themes`: its Categories (parents loaded); `bodies`: its units and
    outside bodies; `readers`: the ids of the organisations that may read it."""
    source = recommendation.source
    reference = _symbol_terms(recommendation.symbol) + document_terms(recommendation.paragraph)
    reference += _symbol_terms(recommendation.external_key) if recommendation.external_key else []
    reference.append(EVERY_DOCUMENT_TERM)
    theme_terms = [_analysed(tuple(_category_labels(c))) for c in themes]
    body_terms = [_analysed(tuple(_names(b))) for b in bodies]
    return {
        "reference": " ".join(dict.fromkeys(reference)),
        "text": _terms(_unique([recommendation.text, recommendation.text_ar, recommendation.text_en,
                                recommendation.text_fr])),
        "source": _source_terms((source.title_ar, source.title_en, source.title_fr, source.body, source.place),
                                source.kind, source.symbol),
        "themes": " ".join(dict.fromkeys(term for text in theme_terms for term in text.split())),
        "bodies": " ".join(body_terms),
        "facets": " ".join(dict.fromkeys(facets.term(pk) for pk in readers)),
    }


def _documents(ids: list[int]) -> list[RecommendationDocument]:
    """The documents of these recommendations, in a fixed number of queries. Related rows are
    read as values, not prefetched: building thousands of model querysets cost more than the
    analysis (an import writes tens of thousands)."""
    recommendations = list(Recommendation.objects.filter(pk__in=ids).select_related("source").order_by("pk"))
    themes, bodies, readers = defaultdict(list), defaultdict(list), defaultdict(list)
    links = list(Recommendation.themes.through.objects.filter(recommendation_id__in=ids)
                 .values_list("recommendation_id", "category_id"))
    categories = Category.objects.select_related("parent__parent").in_bulk({c for _r, c in links})
    for pk, category_id in links:
        themes[pk].append(categories[category_id])
    responsible = list(ResponsibleBody.objects.filter(recommendation_id__in=ids).order_by("role", "id")
                       .values_list("recommendation_id", "unit_id", "external_id"))
    units = Unit.objects.in_bulk({u for _r, u, _e in responsible if u})
    externals = ExternalBody.objects.in_bulk({e for _r, _u, e in responsible if e})
    for pk, unit_id, external_id in responsible:
        bodies[pk].append(units[unit_id] if unit_id else externals[external_id])
    for pk, organisation_id in Addressee.objects.filter(recommendation_id__in=ids).values_list(
            "recommendation_id", "organisation_id"):
        readers[pk].append(organisation_id)
    return [RecommendationDocument(recommendation_id=r.pk, organisation_id=r.organisation_id, **build_document(
                r, themes=themes[r.pk], bodies=bodies[r.pk], readers=[r.organisation_id, *readers[r.pk]]))
            for r in recommendations]


def _write(ids: list[int]) -> int:
    documents = _documents(ids)
    RecommendationDocument.objects.filter(recommendation_id__in=ids).delete()
    bulk.insert(documents)
    return len(documents)


def index_recommendations(ids: Iterable[int]) -> int:
    """(Re)build the documents of these recommendations in the caller's transaction; a
    recommendation that no longer exists loses its document. Returns how many were written."""
    ids = sorted(set(ids))
    written = 0
    with transaction.atomic():
        for start in range(0, len(ids), BATCH):
            written += _write(ids[start:start + BATCH])
    return written


def project(change: Change) -> None:
    """The projection the search wing registers into `followup.projections`."""
    if change.recommendations:
        index_recommendations(change.recommendations)


def rebuild_recommendations(*, organisation=None, batch_size: int = 200,
                            progress: Callable[[int, int], None] | None = None) -> int:
    """Re-index every recommendation (of `organisation` when given), `batch_size` per
    transaction; `progress(done, total)` after each batch. Returns how many were indexed."""
    recommendations = Recommendation.objects.order_by("pk")
    if organisation is not None:
        recommendations = recommendations.filter(organisation=organisation)
    ids = list(recommendations.values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            done += _write(ids[start:start + batch_size])
        if progress is not None:
            progress(done, len(ids))
    return done


def refresh() -> None:
    """SQLite: rebuild the FTS5 index from the documents and merge its segments (after a rebuild)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_rec_fts(search_rec_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_rec_fts(search_rec_fts) VALUES ('optimize')")


# --- searching -------------------------------------------------------------------------------------

def _searchable(node):
    """The tree with exclusions only ("-word") turned into "every document except": FTS5 and
    to_tsquery need something positive to exclude from."""
    if isinstance(node, Not):
        return And((Match(((EVERY_DOCUMENT_TERM,),)), node))
    if isinstance(node, And) and all(isinstance(child, Not) for child in node.children):
        return And((Match(((EVERY_DOCUMENT_TERM,),)), *node.children))
    return node


def _positive(node):
    """What a tree looks for, without its exclusions (what is ranked), or None."""
    if isinstance(node, Not):
        return None
    if isinstance(node, And):
        kept = tuple(child for child in node.children if not isinstance(child, Not))
        return None if not kept else kept[0] if len(kept) == 1 else And(kept)
    return node


def _matches(node) -> list[Match]:
    """The words and phrases a tree looks for (not those it excludes), in order."""
    if isinstance(node, Match):
        return [node]
    if isinstance(node, And | Or):
        return [match for child in node.children for match in _matches(child)]
    return []


def _organisation_id(user) -> int | None:
    member = membership_of(user) if user is not None else None
    return member.organisation_id if member is not None else None


def _sqlite(node, organisation_id: int) -> tuple[RawSQL, object | None]:
    match = f"({to_fts5(_searchable(node))}) AND {facets.fts5_clause(organisation_id, {})}"
    ids = RawSQL("SELECT rowid FROM search_rec_fts WHERE search_rec_fts MATCH %s", [match])  # noqa: S611
    positive = _positive(node)
    if positive is None:
        return ids, None
    # The scores are computed once per statement (a materialised CTE) and looked up per row.
    rank = _Correlated(f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, -{_BM25} AS score "  # noqa: S608
                       "FROM search_rec_fts WHERE search_rec_fts MATCH %s) "
                       "SELECT score FROM ranked WHERE ranked.id = {pk}", [match])
    return ids, rank


def _postgres(node, organisation_id: int) -> tuple[RawSQL, object | None]:
    match = f"({to_tsquery(_searchable(node))}) & {facets.tsquery_clause(organisation_id, {})}"
    ids = RawSQL("SELECT recommendation_id FROM search_recommendation "  # noqa: S611
                 "WHERE vector @@ to_tsquery('simple', %s)", [match])
    positive = _positive(node)
    if positive is None:
        return ids, None
    # ts_rank_cd favours words close together whatever their field; a word or phrase found in
    # the reference (weight A) adds a whole point, as the reference's weight does in bm25.
    in_reference = [to_tsquery(match, "A") for match in _matches(positive)][:MAX_REFERENCE_BONUS]
    bonus = "".join(" + (vector @@ to_tsquery('simple', %s))::int" for _match in in_reference)
    rank = _Correlated(f"SELECT ts_rank_cd(vector, to_tsquery('simple', %s)){bonus} "  # noqa: S608
                       "FROM search_recommendation WHERE recommendation_id = {pk}",
                       [to_tsquery(positive), *in_reference])
    return ids, rank


def search_recommendations(queryset: QuerySet, q, *, user, order: bool = True) -> QuerySet:
    """The recommendations of `queryset` that `q` finds, best match first (then newest).

    `queryset` holds the user's scope (`followup.access.recommendations_for`) and any filters;
    the words are matched only among the documents of the user's organisation (its own
    recommendations and those addressed to it). An empty or all-stop-word `q` returns
    `queryset` unchanged. `order=False` leaves the order to the caller (the rank is still
    annotated as `search_rank` when there is one)."""
    search = prepare(q)
    node = search.parsed.node
    if node is None:
        return queryset
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return queryset.none()
    build = _postgres if connection.vendor == "postgresql" else _sqlite
    ids, rank = build(node, organisation_id)
    queryset = queryset.filter(Q(pk__in=ids))
    if rank is None:
        return queryset.order_by("-issued_on", "-id") if order else queryset
    queryset = queryset.annotate(search_rank=rank)
    if order:
        queryset = queryset.order_by(F("search_rank").desc(nulls_last=True), F("issued_on").desc(nulls_last=True),
                                     "-id")
    return queryset


def search_note(q) -> str:
    """What the person searching should know about how their words were read ("" if nothing)."""
    return prepare(q).note


def _snippet(texts: list[str], terms: frozenset[str], width: int):
    for text in texts:
        if not text:
            continue
        hits = _hits(text, terms)
        if hits:
            first, last = _best_window(hits, width)
            start, end = _widen(text, hits[first][0], hits[last][1], width)
            return _render(text, start, end, hits)
    return mark_safe("")


def attach_snippets(rows: list[Recommendation], q, *, width: int = WIDTH) -> SearchQuery:
    """Set `row.search_snippet` on each recommendation of a page: about `width` characters of
    the text shown to the reader (their language's translation, else the original; then the
    other versions) around the best match, the matched words in <mark>, everything escaped.
    No query. Returns the prepared search (its `.note` is for the page)."""
    search = prepare(q)
    terms = search.terms
    for row in rows:
        if not terms:
            row.search_snippet = mark_safe("")
            continue
        texts = [row.display_text, row.text, row.text_ar, row.text_en, row.text_fr]
        row.search_snippet = _snippet(list(dict.fromkeys(texts)), terms, width)
    return search
