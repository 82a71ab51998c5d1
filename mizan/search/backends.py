"""The SQL of full-text search, one small class per database.

Both backends search the same pre-analysed terms (see `indexer`), so a query finds the same
cases on SQLite and on PostgreSQL; only the ranking formula differs (bm25 / ts_rank_cd). All
user input reaches the database as bound parameters: the MATCH / to_tsquery text is built by
`query.to_fts5` / `query.to_tsquery` from analysed, quoted terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    Expression,
    F,
    FloatField,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL

from mizan.complaints.models import Case

from . import facets, partitions
from .models import FTS5_WEIGHTS, INDEX_COLUMNS, IndexRow
from .query import (
    EVERY_DOCUMENT_TERM,
    NO_MATCH_TERM,
    And,
    Match,
    split_exclusions,
    to_fts5,
    to_tsquery,
)

SIMILAR_TERMS = 15  # the rarest narrative terms of a case make its "similar cases" query
SIMILAR_CANDIDATES = 200  # distinct narrative terms considered (the first ones of the text)
ROUND_IDS = None  # PostgreSQL: case ids per round of a window search (None: one partition, `partitions.SPAN`)
DF_CAP = 200  # PostgreSQL: document frequencies are counted up to this (beyond: "common")


class _Correlated(Expression):
    """A scalar subquery on the outer case's primary key, with the outer column compiled by
    Django so that it is right whatever alias the case table gets."""

    output_field = FloatField()

    def __init__(self, template: str, params: list, pk=None):
        super().__init__(output_field=FloatField())
        self.template = template
        self.params = list(params)
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return "(" + self.template.format(pk=pk_sql) + ")", [*self.params, *pk_params]


class _OnDocument(_Correlated):
    """SQL over the search document joined to the outer case (`vector` is not a model field,
    PostgreSQL only): `{vector}` in `template` becomes the joined table's column, whatever alias
    Django gave the join."""

    def __init__(self, template: str, params: list, output_field):
        super().__init__(template, params, pk=F("search_document__case_id"))
        self.output_field = output_field

    def as_sql(self, compiler, connection):
        key_sql, key_params = compiler.compile(self.pk)
        table = key_sql.rsplit(".", 1)[0]
        return self.template.format(vector=f'{table}."vector"'), [*key_params, *self.params]


def _received(outer: str) -> Subquery:
    """The outer index row's case's arrival time (the tie-break of equal scores). Read by
    `_fetch`, so as the database gives it (text on SQLite, a datetime on PostgreSQL) and turned
    into a timestamp by `_timestamp`."""
    return Subquery(Case.objects.filter(pk=OuterRef(outer)).order_by().values("received_at")[:1])


# PostgreSQL: a case's arrival time as a POSIX timestamp, computed by the server (thousands of
# rows per window: converting each into a datetime first cost more than the ranking).
_EPOCH = Func(F("received_at"), template="EXTRACT(EPOCH FROM %(expressions)s)::float8", output_field=FloatField())


def _timestamp(value) -> float:
    """POSIX timestamp of a `_received` value (SQLite stores UTC as ISO text)."""
    if isinstance(value, datetime):
        return value.timestamp()
    return datetime.fromisoformat(value).replace(tzinfo=UTC).timestamp()


def _fetch(rows: QuerySet) -> list[tuple]:
    """The rows of a `values_list` queryset straight from the cursor, without the ORM's per-row
    converters: a window holds thousands of rows of ids, scores and arrival times."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # the queryset is .none(): nothing to run
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _passing(queryset: QuerySet, outer: str) -> Exists:
    """EXISTS: the outer index row's case is in `queryset` (the user's scope and filters)."""
    return Exists(queryset.order_by().values("pk").filter(pk=OuterRef(outer)))


class SQLiteBackend:
    vendor = "sqlite"
    _bm25 = "bm25(search_fts, " + ", ".join(str(FTS5_WEIGHTS[f]) for f in INDEX_COLUMNS) + ")"

    def compile(self, node) -> str:
        return to_fts5(node)

    def window(self, queryset: QuerySet, expression: str, limit: int,
               organisation_id: int | None = None, filters: Mapping[str, Iterable[str]] | None = None) -> list[tuple]:
        """(case id, score, arrival timestamp) of the newest `limit` matches of `expression` that are in `queryset`.

        FTS5 walks the match's rowids newest first (no sort), intersected with the facet terms
        of the organisation and of `filters` (`facets.fts5_clause`); each candidate is checked
        against the case filters by primary key, and bm25 is computed only for the rows
        returned: the cost is bounded by `limit`, not by how common the words are.
        """
        clause = facets.fts5_clause(organisation_id, filters or {})
        match = f"({expression}) AND {clause}" if clause else expression
        rows = (IndexRow.objects
                .filter(RawSQL("search_fts MATCH %s", [match], output_field=BooleanField()))  # noqa: S611
                .filter(_passing(queryset, "rowid"))
                .annotate(score=RawSQL(f"-{self._bm25}", [], output_field=FloatField()),  # noqa: S611
                          received=_received("rowid"))
                .order_by("-rowid")
                .values_list("rowid", "score", "received")[:limit])
        return [(pk, score, _timestamp(at)) for pk, score, at in _fetch(rows)]

    def window_excluding(self, queryset: QuerySet, node, limit: int, organisation_id: int | None = None,
                         filters: Mapping[str, Iterable[str]] | None = None) -> list[tuple]:
        """(case id, 0.0, arrival timestamp) of the newest `limit` cases of `queryset` that the
        search's exclusions do not match, for a search of exclusions only ("-word"): one walk of
        FTS5 through the term every document holds, NOT the excluded words."""
        children = node.children if isinstance(node, And) else (node,)
        walk = And((Match(((EVERY_DOCUMENT_TERM,),)), *children))
        return [(pk, 0.0, at) for pk, _score, at in self.window(queryset, self.compile(walk), limit,
                                                                organisation_id, filters)]

    def ids_sql(self, expression: str, organisation_id: int | None) -> tuple[str, list]:
        if organisation_id is None:
            return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression]
        # CROSS JOIN keeps the FTS5 scan outermost; SQLite would otherwise walk the organisation's
        # documents and run the MATCH once per document (hundreds of times slower).
        return ("SELECT d.case_id FROM search_fts CROSS JOIN search_document d ON d.case_id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.organisation_id = %s", [expression, organisation_id])

    def rank(self, expression: str) -> Expression:
        # bm25() is lower for better matches; negated so that both backends sort descending. The
        # scores are computed once per statement (a materialised CTE does not depend on the outer
        # row) and looked up per case; a MATCH per case would redo the full-text query each time.
        return _Correlated(f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, -{self._bm25} AS score "  # noqa: S608
                           "FROM search_fts WHERE search_fts MATCH %s) "
                           "SELECT score FROM ranked WHERE ranked.id = {pk}", [expression])

    def similar_sql(self, *, case_id: int, organisation_id: int, terms: list[str], limit: int):
        placeholders = ", ".join(["%s"] * len(terms))
        # The rarest of the case's narrative terms (FTS5's vocabulary counts every organisation)
        # that another case of the same organisation also holds: a term shared only with another
        # organisation's copy of the complaint would find nothing and must not take a place.
        # Terms are letters and digits only (`query.clean_term`), so quoting them is enough.
        # Only constants and placeholders are formatted in; every value is a bound parameter.
        sql = f"""
            WITH pick AS (
                SELECT term FROM search_vocab v
                WHERE col = 'narrative' AND term IN ({placeholders}) AND doc > 1
                  AND EXISTS (SELECT 1 FROM search_fts CROSS JOIN complaints_case o ON o.id = search_fts.rowid
                              WHERE search_fts MATCH 'narrative : "' || v.term || '"'
                                AND o.organisation_id = %s AND o.id <> %s)
                ORDER BY doc, term LIMIT {SIMILAR_TERMS}
            )
            SELECT c.id, c.reference, c.status, c.received_at, c.narrative, -{self._bm25} AS score
            FROM search_fts CROSS JOIN complaints_case c ON c.id = search_fts.rowid
            WHERE search_fts MATCH (
                SELECT 'narrative : (' || coalesce(group_concat('"' || term || '"', ' OR '), %s) || ')'
                FROM pick)
              AND c.organisation_id = %s AND c.id <> %s
            ORDER BY score DESC, c.received_at DESC, c.id DESC
            LIMIT %s"""  # noqa: S608
        return sql, [*terms, organisation_id, case_id, f'"{NO_MATCH_TERM}"', organisation_id, case_id, limit]

    def refresh(self) -> None:
        """Rebuild the FTS5 index from `search_document` and merge its segments."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


def _newest_document() -> int | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(case_id) FROM search_document")
        return cursor.fetchone()[0]


def rounds(wanted, *, span: int | None = None, newest: int | None = None):
    """Ranges of case ids [low, high), newest first, that a window search asks in turn
    (PostgreSQL), while `wanted()` (how many matches are still missing) is positive.

    The first range is the newest `span` ids (`partitions.SPAN`, one partition's worth) down to
    a partition boundary; every next one is whole partitions, sized at the rate of matches seen
    so far to hold what is still wanted with a tenth to spare (at least one partition; twice
    the ids asked so far while nothing matched), so a common word takes one or two rounds and a
    rare one a handful, each over more partitions. The ranges cover every id down to 0."""
    span = span or partitions.SPAN
    newest = _newest_document() if newest is None else newest
    if newest is None:
        return
    high = newest + 1
    low = max(0, (high - span) // span * span)
    asked, start = 0, wanted()
    while high > 0 and wanted() > 0:
        yield low, high
        asked += high - low
        high = low
        missing = wanted()
        found = start - missing
        if found > 0:
            size = span * max(1, -(-int(missing * 1.1 * asked / found) // span))
        else:
            size = max(span, asked * 2 // span * span)
        low = max(0, high - size)


class PostgresBackend:
    vendor = "postgresql"

    def compile(self, node) -> str:
        return to_tsquery(node)

    def window(self, queryset: QuerySet, expression: str, limit: int,
               organisation_id: int | None = None, filters: Mapping[str, Iterable[str]] | None = None) -> list[tuple]:
        """(case id, score, arrival timestamp) of the newest `limit` matches in `queryset` (see SQLiteBackend.window).

        In rounds of case ids, newest first (`rounds`): each round is the cases of `queryset`
        in its range joined to their documents, the words and the facet term (which also holds
        the organisation) matched by the GIN index of the round's partitions, or by walking the
        primary key backwards testing each vector, whichever PostgreSQL's statistics say is
        cheaper; its matches newest first, up to what is still wanted. GIN yields matches in no
        order, so one query over every partition would read every match of a common word
        (24,782 document and case rows at 1,000,000 for one word: 300–1,100 ms) to keep the
        newest 5,001; the rounds stop at the partitions that hold them. The score is of the
        words alone."""
        clause = facets.tsquery_clause(organisation_id, filters or {})
        match = f"({expression}) & {clause}" if clause else expression
        score = _OnDocument("ts_rank_cd({vector}, to_tsquery('simple', %s))", [expression], FloatField())
        return self._newest(queryset, match, score, limit)

    def _newest(self, queryset: QuerySet, match: str, score: Expression, limit: int) -> list[tuple]:
        """(case id, `score`, arrival timestamp) of the newest `limit` cases of `queryset` whose
        documents match the tsquery `match`, asked in `rounds`."""
        matching = (queryset.order_by()
                    .filter(search_document__isnull=False)
                    .filter(_OnDocument("{vector} @@ to_tsquery('simple', %s)", [match], BooleanField()))
                    .annotate(search_score=score))
        found: list[tuple] = []

        def still_wanted() -> int:
            return limit - len(found)

        for low, high in rounds(still_wanted, span=ROUND_IDS):
            rows = (matching.filter(search_document__case_id__gte=low, search_document__case_id__lt=high)
                    .order_by("-pk").values_list("pk", "search_score", _EPOCH)[:limit - len(found)])
            found.extend(_fetch(rows))
        return found

    def window_excluding(self, queryset: QuerySet, node, limit: int, organisation_id: int | None = None,
                         filters: Mapping[str, Iterable[str]] | None = None) -> list[tuple]:
        """(case id, 0.0, arrival timestamp) of the newest `limit` cases of `queryset` that the
        search's exclusions do not match (see SQLiteBackend.window_excluding).

        With the user's organisation: the documents that hold the facet term (organisation,
        and the desk's status and urgency) and not the excluded words, in the window's rounds
        (the negation is tested on each document the facet term finds; an exclusion removes
        few, so a round or two). Without one, the cases of `queryset` newest first, each one's
        document tested, until `limit` pass. Not one query over the whole GIN index: PostgreSQL
        misjudges how many documents a negation matches and, with a selective filter, read
        every filtered case's document before sorting (1 s for 66,719 critical cases of one
        organisation at 1,000,000)."""
        _positive, negative = split_exclusions(node)
        excluded = self.compile(negative)
        clause = facets.tsquery_clause(organisation_id, filters or {})
        if clause:
            return self._newest(queryset, f"{clause} & !{excluded}", Value(0.0, output_field=FloatField()), limit)
        rows = (queryset.order_by()
                .filter(search_document__isnull=False)
                .filter(_OnDocument("NOT ({vector} @@ to_tsquery('simple', %s))", [excluded], BooleanField()))
                .order_by("-pk")
                .values_list("pk", Value(0.0, output_field=FloatField()), _EPOCH)[:limit])
        return _fetch(rows)

    def ids_sql(self, expression: str, organisation_id: int | None) -> tuple[str, list]:
        sql = "SELECT case_id FROM search_document WHERE vector @@ to_tsquery('simple', %s)"
        if organisation_id is None:
            return sql, [expression]
        return sql + " AND organisation_id = %s", [expression, organisation_id]

    def rank(self, expression: str) -> Expression:
        return _Correlated("SELECT ts_rank_cd(vector, to_tsquery('simple', %s)) FROM search_document "
                           "WHERE case_id = {pk}", [expression])

    def similar_sql(self, *, case_id: int, organisation_id: int, terms: list[str], limit: int):
        # Only constants and placeholders are formatted in; every value is a bound parameter.
        # Rarity from the GIN index: how many narratives (weight B) of the organisation hold each
        # term, counted up to DF_CAP so that common words cost little. Terms only this case holds
        # (in its organisation) cannot find others.
        sql = f"""
            WITH candidate AS (SELECT DISTINCT unnest(%s::text[]) AS term),
            frequency AS (
                SELECT term, (SELECT count(*) FROM (
                    SELECT 1 FROM search_document f
                    WHERE f.vector @@ to_tsquery('simple', quote_literal(term) || ':B') AND f.organisation_id = %s
                    LIMIT {DF_CAP}) x) AS n
                FROM candidate),
            pick AS (SELECT term FROM frequency WHERE n > 1 ORDER BY n, term LIMIT {SIMILAR_TERMS}),
            q AS (SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(term) || ':B', ' | '),
                                                       quote_literal(%s))) AS tsq FROM pick)
            SELECT c.id, c.reference, c.status, c.received_at, c.narrative, ts_rank_cd(d.vector, q.tsq) AS score
            FROM q, search_document d JOIN complaints_case c ON c.id = d.case_id
            WHERE d.vector @@ q.tsq AND d.organisation_id = %s AND d.case_id <> %s
            ORDER BY score DESC, c.received_at DESC, c.id DESC
            LIMIT %s"""  # noqa: S608
        return sql, [terms, organisation_id, NO_MATCH_TERM, organisation_id, case_id, limit]

    def refresh(self) -> None:
        """Nothing to do: the tsvector column is generated from the document row itself."""


_BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def get_backend():
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"full-text search supports SQLite and PostgreSQL, not {connection.vendor}") from None
