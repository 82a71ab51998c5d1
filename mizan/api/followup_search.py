"""Staff endpoint (bearer token): recommendations like a given one — its near-duplicates across
sources (MinHash over the normalised text, `mizan.triage.followup`) and those sharing its
themes — among what the token holder's organisation may read. The `q` parameter of
`GET /api/v1/recommendations` (router `followup_recommendations`) searches through
`mizan.search.recommendations`."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from mizan.accounts.models import membership_of
from mizan.followup.access import get_recommendation_for_user, recommendations_for
from mizan.followup.selectors import with_status
from mizan.triage.followup import similar_recommendations

from .base import ApiError, TokenAuth, errors

router = Router(auth=TokenAuth(), tags=["Follow-up (staff)"])

REASONS = {
    "near_duplicate": gettext_lazy("Near-duplicate wording"),
    "same_theme": gettext_lazy("Same themes"),
}


class SimilarOut(Schema):
    id: int
    reference: str = Field(..., description="Document symbol and paragraph, as cited; empty when unknown.")
    text: str = Field(..., description="The text in the language of the request when translated, else the original.")
    source: str = Field(..., description="Title of its source, in the language of the request.")
    status: str = Field(..., description="Where its implementation stands for your organisation.")
    reason: str = Field(..., description="`near_duplicate`: much of the same wording (in one of the "
                                         "languages both are written or translated in); `same_theme`: shares "
                                         "themes with it.")
    reason_label: str = Field(..., description="The reason, in words, in the language of the request.")
    score: float = Field(..., description="`near_duplicate`: the estimated share of wording in common (MinHash "
                                          "Jaccard, from 0.5); `same_theme`: the share of their themes in common.")
    language: str | None = Field(None, description="`near_duplicate`: the language the texts were compared in.")
    passages: list[str] = Field([], description="`near_duplicate`: the passages both texts share, as written in "
                                                "the recommendation asked about.")
    themes: list[str] = Field([], description="`same_theme`: the theme codes both have.")


class SimilarListOut(Schema):
    count: int
    results: list[SimilarOut]


@router.get(
    "/recommendations/{pk}/similar", operation_id="similarRecommendations",
    summary="Recommendations like this one", response={200: SimilarListOut, **errors(401, 403, 404)},
    description="Near-duplicates of the recommendation across sources first (best first), then recommendations "
                "sharing its themes (most themes in common first), among those your organisation may read: its "
                "own and those a secretariat addressed to it. At most `limit` of each. 404 for a recommendation "
                "your organisation neither owns nor was addressed.",
)
def similar(request, pk: int, limit: int = Query(10, ge=1, le=50, description="At most this many of each kind.")):
    user = request.auth
    try:
        recommendation = get_recommendation_for_user(user, pk)
    except Http404:
        # Another organisation's recommendation and one that does not exist answer alike.
        raise ApiError(404, "not_found", _("No recommendation with this id.")) from None
    readable = with_status(recommendations_for(user), membership_of(user).organisation_id)
    found = similar_recommendations(recommendation, readable, limit=limit)
    results = [{
        "id": item.recommendation.pk,
        "reference": item.recommendation.reference,
        "text": item.recommendation.display_text,
        "source": item.recommendation.source.title,
        "status": item.recommendation.my_status or "",
        "reason": item.reason,
        "reason_label": str(REASONS[item.reason]),
        "score": item.score,
        "language": item.details.get("language"),
        "passages": item.details.get("passages", []),
        "themes": item.details.get("themes", []),
    } for item in found]
    return {"count": len(results), "results": results}
