"""Staff endpoint (bearer token): a progress report on a recommendation, for the token holder's
organisation (the owner's, or a member's on a recommendation a secretariat addressed to it)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status as Reply

from mizan.core.templatetags.mizan import staff_name
from mizan.followup import progress
from mizan.followup.access import can, get_recommendation_for_user
from mizan.followup.models import Status, Visibility

from .base import ApiError, TokenAuth, errors
from .followup_recommendations import RecommendationStatus

router = Router(auth=TokenAuth(), tags=["Follow-up (staff)"])


class ProgressIn(Schema):
    status: RecommendationStatus = Field(..., description="Where the implementation stands for your organisation after this "
                                            "period: " + ", ".join(f"`{value}`" for value in Status.values) + ".")
    note: str = Field(..., description="What was done in the period (the report's narrative).")
    period_end: date = Field(..., description="Last day of the period reported on (YYYY-MM-DD).")
    period_start: date | None = Field(None, description="First day of the period (optional).")
    visibility: Visibility = Field(
        Visibility.INTERNAL, description="`internal` (your organisation only, the default), `secretariat` (shared "
                                         "with the secretariat that addressed the recommendation to you) or "
                                         "`public` (needs a role that may publish).")


class ProgressOut(Schema):
    id: int
    recommendation: int
    organisation: str = Field(..., description="The reporting organisation, in the language of the request.")
    status: str
    status_label: str
    note: str
    period_start: date | None
    period_end: date
    visibility: str
    created_at: datetime
    created_by: str = Field(..., description="Full name of the staff member who wrote it.")
    evidence: list[str] = Field(..., description="Names of the evidence files (added on the desk).")


def _recommendation(user, pk: int):
    try:
        return get_recommendation_for_user(user, pk)
    except Http404:
        # Another organisation's recommendation and one that does not exist answer alike.
        raise ApiError(404, "not_found", _("No recommendation with this id.")) from None


@router.post(
    "/recommendations/{pk}/progress", operation_id="reportRecommendationProgress",
    summary="Report progress on a recommendation", response={201: ProgressOut, **errors(400, 401, 403, 404, 409, 413)},
    description="Records a progress report for the period ending `period_end` and sets your organisation's status "
                "of the recommendation to `status` (its history keeps the change). On a recommendation a "
                "secretariat addressed to your organisation, the status is your own; the secretariat reads it only "
                "when the report is shared with it (`visibility: secretariat`) or public. 404 for a recommendation "
                "your organisation neither owns nor was addressed; 403 when your role may not report progress.",
)
def report_progress(request, pk: int, payload: ProgressIn):
    user = request.auth
    recommendation = _recommendation(user, pk)
    if not can(user, "report_progress"):
        raise ApiError(403, "forbidden", _("Your role may not report progress."))
    cleaned, problems = progress.clean_progress_report({
        "status": payload.status.value, "narrative": payload.note, "period_end": payload.period_end,
        "period_start": payload.period_start, "visibility": payload.visibility.value})
    if problems:
        fields = {("note" if key == "narrative" else key): message for key, message in problems.items()}
        raise ApiError(400, "invalid", _("Some information is missing or not valid."), fields)
    report = progress.create_progress_report(actor=user, recommendation=recommendation, **cleaned)
    return Reply(201, {
        "id": report.pk, "recommendation": recommendation.pk, "organisation": report.organisation.name,
        "status": report.status, "status_label": progress.status_label(report), "note": report.narrative,
        "period_start": report.period_start, "period_end": report.period_end, "visibility": report.visibility,
        "created_at": report.created_at, "created_by": staff_name(user), "evidence": [],
    })
