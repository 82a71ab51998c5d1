"""Similar cases: the other cases of the same organisation whose narratives share the rarest
words of this one (a TF-IDF-like choice: the 15 analysed narrative terms held by the fewest
other narratives), ranked by bm25 / ts_rank_cd. One query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mizan.accounts.models import membership_of
from mizan.complaints.access import can
from mizan.complaints.models import Case
from mizan.complaints.workflow import Status

from .backends import SIMILAR_CANDIDATES, get_backend
from .query import document_terms


@dataclass(frozen=True)
class SimilarCase:
    reference: str
    status: str
    received_at: datetime
    score: float        # the backend's rank (bm25 or ts_rank_cd): for ordering, not for showing
    shared_words: int   # how many of this case's distinctive words the other narrative holds

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def similar_cases(user, case: Case, limit: int = 5) -> list[SimilarCase]:
    """Up to `limit` cases like `case`, best first; [] for a user who may not see `case`."""
    member = membership_of(user)
    if member is None or member.organisation_id != case.organisation_id or not can(user, "view_case"):
        return []
    terms = list(dict.fromkeys(document_terms(case.narrative)))[:SIMILAR_CANDIDATES]
    if not terms:
        return []
    sql, params = get_backend().similar_sql(case_id=case.pk, organisation_id=case.organisation_id,
                                            terms=terms, limit=limit)
    rows = Case.objects.raw(sql, params)
    wanted = set(terms)
    return [SimilarCase(reference=row.reference, status=row.status, received_at=row.received_at,
                        score=float(row.score), shared_words=len(wanted & set(document_terms(row.narrative))))
            for row in rows]


__all__ = ["SimilarCase", "similar_cases"]
