"""Search result excerpts: ~200 characters of the original text around the best match, the
matched words in `<mark>`, everything else escaped.

Personal data (national IDs, phone numbers, e-mails, IBANs, plates found by `lib.pii`) is
masked before anything else for users who may not reveal identities, so a snippet never shows
more than the person may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mizan.accounts.models import membership_of
from mizan.complaints.access import can
from mizan.complaints.models import Allegation, Case, CaseMessage
from mizan.lib.arabic import analyse_with_offsets
from mizan.lib.pii import find_pii, redact

from .engine import SearchQuery, prepare
from .query import clean_term

WIDTH = 200
ELLIPSIS = "…"


def _may_see(user, case: Case) -> bool:
    member = membership_of(user)
    return member is not None and member.organisation_id == case.organisation_id and can(user, "view_case")


def _hits(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    return [(start, end, clean_term(term)) for term, start, end in analyse_with_offsets(text)
            if clean_term(term) in terms]


def _best_window(hits: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """(first, last) hit indexes of the window holding the most distinct terms, then hits."""
    best, best_score = (0, 0), (-1, -1)
    last = 0
    for first in range(len(hits)):
        last = max(last, first)
        while last + 1 < len(hits) and hits[last + 1][1] - hits[first][0] <= width:
            last += 1
        score = (len({term for _s, _e, term in hits[first:last + 1]}), last - first + 1)
        if score > best_score:
            best, best_score = (first, last), score
    return best


def _widen(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Grow [start, end) to about `width` characters around its middle, ending on spaces."""
    room = max(0, width - (end - start))
    start = max(0, start - room // 2)
    end = min(len(text), max(end, start + width))
    start = max(0, min(start, end - width))
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start + 1)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.find(" ", end, min(len(text), end + 20))
        end = space if space != -1 else end
    return start, end


def _render(text: str, start: int, end: int, hits: list[tuple[int, int, str]]) -> SafeString:
    parts = [ELLIPSIS] if start > 0 else []
    position = start
    for hit_start, hit_end, _term in hits:
        if hit_end <= start or hit_start >= end:
            continue
        hit_start, hit_end = max(hit_start, start), min(hit_end, end)
        parts.append(escape(text[position:hit_start]))
        parts.append("<mark>" + escape(text[hit_start:hit_end]) + "</mark>")
        position = hit_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return mark_safe("".join(parts))  # noqa: S308 - every piece of user text above is escaped


def snippet(text: str, query_terms: Iterable[str], user, case: Case, *, width: int = WIDTH) -> SafeString:
    """The part of `text` (a narrative, message or summary of `case`) around the best match,
    with matched words in <mark>; "" when nothing in it matches or `user` may not see `case`."""
    if not text or not _may_see(user, case):
        return mark_safe("")
    terms = frozenset(query_terms)
    if not can(user, "reveal_identity"):
        text = redact(text, find_pii(text))
    hits = _hits(text, terms)
    if not hits:
        return mark_safe("")
    first, last = _best_window(hits, width)
    start, end = _widen(text, hits[first][0], hits[last][1], width)
    return _render(text, start, end, hits)


def best_snippet(texts: Sequence[str], query_terms: Iterable[str], user, case: Case, *,
                 width: int = WIDTH) -> SafeString:
    """The snippet of whichever text matches the most distinct terms (the first on a tie)."""
    terms = frozenset(query_terms)
    best, best_count = mark_safe(""), 0
    for text in texts:
        if not text:
            continue
        count = len({term for _s, _e, term in _hits(text, terms)})
        if count > best_count:
            best, best_count = text, count
    if not best_count:
        return mark_safe("")
    return snippet(best, terms, user, case, width=width)


def attach_snippets(user, rows: list[Case], q) -> SearchQuery:
    """Set `row.search_snippet` on each case of a result page (3 queries whatever the page
    size); returns the prepared query (its `.note` is for the page)."""
    search = prepare(q)
    for row in rows:
        row.search_snippet = ""
    if not rows or not search.terms:
        return search
    ids = [row.pk for row in rows]
    texts: dict[int, list[str]] = {pk: [] for pk in ids}
    for pk, narrative in Case.objects.filter(pk__in=ids).values_list("pk", "narrative"):
        texts[pk].insert(0, narrative)
    for case_id, summary, note in Allegation.objects.filter(case_id__in=ids).order_by("id").values_list(
            "case_id", "summary", "finding_note"):
        texts[case_id] += [summary, note]
    for case_id, body in CaseMessage.objects.filter(case_id__in=ids).order_by("created_at", "id").values_list(
            "case_id", "body"):
        texts[case_id].append(body)
    for row in rows:
        row.search_snippet = best_snippet(texts[row.pk], search.terms, user, row)
    return search
