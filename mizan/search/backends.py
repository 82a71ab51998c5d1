"""The SQL of full-text search, one small class per database.

Both backends search the same pre-analysed terms (see `indexer`), so a query finds the same
cases on SQLite and on PostgreSQL; only the ranking formula differs (bm25 / ts_rank_cd). All
user input reaches the database as bound parameters: the MATCH / to_tsquery text is built by
`query.to_fts5` / `query.to_tsquery` from analysed, quoted terms.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Expression, F, FloatField

from .models import FIELDS, FTS5_WEIGHTS
from .query import NO_MATCH_TERM, to_fts5, to_tsquery

SIMILAR_TERMS = 15  # the rarest narrative terms of a case make its "similar cases" query
SIMILAR_CANDIDATES = 200  # distinct narrative terms considered (the first ones of the text)
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


class SQLiteBackend:
    vendor = "sqlite"
    _bm25 = "bm25(search_fts, " + ", ".join(str(FTS5_WEIGHTS[f]) for f in FIELDS) + ")"

    def compile(self, node) -> str:
        return to_fts5(node)

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
        # Only constants and placeholders are formatted in; every value is a bound parameter.
        sql = f"""
            WITH pick AS (
                SELECT term FROM search_vocab
                WHERE col = 'narrative' AND term IN ({placeholders}) AND doc > 1
                ORDER BY doc, term LIMIT {SIMILAR_TERMS}
            )
            SELECT c.id, c.reference, c.status, c.received_at, -{self._bm25} AS score
            FROM search_fts JOIN complaints_case c ON c.id = search_fts.rowid
            WHERE search_fts MATCH (
                SELECT 'narrative : (' || coalesce(group_concat('"' || term || '"', ' OR '), %s) || ')'
                FROM pick)
              AND c.organisation_id = %s AND c.id <> %s
            ORDER BY score DESC, c.received_at DESC, c.id DESC
            LIMIT %s"""  # noqa: S608
        return sql, [*terms, f'"{NO_MATCH_TERM}"', organisation_id, case_id, limit]

    def refresh(self) -> None:
        """Rebuild the FTS5 index from `search_document` and merge its segments."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class PostgresBackend:
    vendor = "postgresql"

    def compile(self, node) -> str:
        return to_tsquery(node)

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
        # Rarity from the GIN index: how many narratives (weight B) hold each term, counted up to
        # DF_CAP so that common words cost little. Terms only this case holds cannot find others.
        sql = f"""
            WITH candidate AS (SELECT DISTINCT unnest(%s::text[]) AS term),
            frequency AS (
                SELECT term, (SELECT count(*) FROM (
                    SELECT 1 FROM search_document f
                    WHERE f.vector @@ to_tsquery('simple', quote_literal(term) || ':B') LIMIT {DF_CAP}) x) AS n
                FROM candidate),
            pick AS (SELECT term FROM frequency WHERE n > 1 ORDER BY n, term LIMIT {SIMILAR_TERMS}),
            q AS (SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(term) || ':B', ' | '),
                                                       quote_literal(%s))) AS tsq FROM pick)
            SELECT c.id, c.reference, c.status, c.received_at, ts_rank_cd(d.vector, q.tsq) AS score
            FROM q, search_document d JOIN complaints_case c ON c.id = d.case_id
            WHERE d.vector @@ q.tsq AND d.organisation_id = %s AND d.case_id <> %s
            ORDER BY score DESC, c.received_at DESC, c.id DESC
            LIMIT %s"""  # noqa: S608
        return sql, [terms, NO_MATCH_TERM, organisation_id, case_id, limit]

    def refresh(self) -> None:
        """Nothing to do: the tsvector column is generated from the document row itself."""


_BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def get_backend():
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"full-text search supports SQLite and PostgreSQL, not {connection.vendor}") from None
