"""Filter values as index terms, so that a search and the desk's filters meet inside the index.

Every search document holds, in its `facets` field, four terms built from its case's
organisation, status and urgency: the organisation alone, with the status, with the urgency,
and with both ("0forg07 0forg070sinprogress 0forg070uhigh 0forg070sinprogress0uhigh"). A
search adds the one term (or the few alternatives, one per status asked for) that says exactly
what the desk's filters ask, and FTS5 / the GIN index intersect it with the words before any
case row is read: the newest matches that pass the filters are found in one walk, however
selective the filter. One term rather than one per filter because FTS5's bm25 reads the whole
list of documents of every term of the query once per search (for its IDF): the combined term's
list is as short as the filters are selective. The case row is still checked (`backends`'
EXISTS), so a facet can only make a search faster, never show what the filters exclude.

The terms are letters and digits only (one token for FTS5 and for PostgreSQL's parser), begin
with "0f" as no analysed word does, and are dropped from what users type
(`query._alternatives`): nobody can match them from the search box. `index_case` writes them in
the transaction that changes the status or urgency (registered into `complaints.projections`).

Pure functions, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_NOT_TOKEN = re.compile(r"[^a-z0-9]")
_FACET = re.compile(r"0forg0[0-9]+(?:0s[a-z]+)?(?:0u[a-z]+)?")


def _value(value) -> str:
    return _NOT_TOKEN.sub("", str(value).lower())


def term(organisation_id: int, status: str = "", urgency: str = "") -> str:
    """The index term of an organisation, optionally with one status and one urgency:
    `term(7, "in_progress", "high")` = "0forg070sinprogress0uhigh". The organisation's digits
    are always followed by "0s", "0u" or the end, so different values never give the same term."""
    text = f"0forg0{int(organisation_id)}"
    if status:
        text += "0s" + _value(status)
    if urgency:
        text += "0u" + _value(urgency)
    return text


def is_facet(text: str) -> bool:
    return bool(_FACET.fullmatch(text))


def document_facets(*, organisation_id: int, status: str, urgency: str) -> str:
    """The `facets` field of a case's search document."""
    return " ".join([term(organisation_id), term(organisation_id, status), term(organisation_id, "", urgency),
                     term(organisation_id, status, urgency)])


def sql_document_facets(organisation: str, status: str, urgency: str) -> str:
    """SQL twin of `document_facets` over column expressions (SQLite and PostgreSQL), for the
    migration that fills the field of existing documents. Status and urgency values are
    lower-case letters and underscores (`complaints.workflow.Status`, `models.Urgency`)."""
    org = f"'0forg0' || {organisation}"
    st = f"'0s' || replace({status}, '_', '')"
    urg = f"'0u' || replace({urgency}, '_', '')"
    return f"{org} || ' ' || {org} || {st} || ' ' || {org} || {urg} || ' ' || {org} || {st} || {urg}"


def terms_for(organisation_id: int | None, filters: Mapping[str, Iterable]) -> list[str]:
    """The alternative terms a document must hold to pass the filters (any one of them), or []
    when there is no organisation to search in."""
    if organisation_id is None:
        return []
    statuses = sorted({_value(s) for s in (filters.get("status") or ()) if s}) or [""]
    urgencies = sorted({_value(u) for u in (filters.get("urgency") or ()) if u}) or [""]
    return [term(organisation_id, status, urgency) for status in statuses for urgency in urgencies]


def fts5_clause(organisation_id: int | None, filters: Mapping[str, Iterable]) -> str:
    """`facets : "…"` or `facets : ("…" OR "…")`, or "" when nothing is constrained."""
    terms = terms_for(organisation_id, filters)
    if not terms:
        return ""
    quoted = " OR ".join(f'"{value}"' for value in terms)
    return f"facets : ({quoted})" if len(terms) > 1 else f"facets : {quoted}"


def tsquery_clause(organisation_id: int | None, filters: Mapping[str, Iterable]) -> str:
    """`'…'` or `('…' | '…')`, or "" when unconstrained. Without a weight class: GIN can then
    answer without re-checking each row (a facet term elsewhere in a text would only add a
    candidate that the case filters remove)."""
    terms = terms_for(organisation_id, filters)
    if not terms:
        return ""
    quoted = " | ".join(f"'{value}'" for value in terms)
    return f"({quoted})" if len(terms) > 1 else quoted
