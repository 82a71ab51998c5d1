"""Staff endpoints (bearer token): the recommendations the token holder's organisation follows —
its own and those a secretariat addressed to it — listed, read and recorded.

"status" is always the token holder's organisation's status: the owner's for its own
recommendations, a member's own for one a secretariat addressed to it. Another organisation's
recommendation answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from django.db.models import Prefetch
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status as Reply

from mizan.accounts.models import membership_of
from mizan.complaints.models import Category
from mizan.followup import selectors, services
from mizan.followup.access import (
    can,
    get_recommendation_for_user,
    measures_for,
    recommendations_for,
)
from mizan.followup.intake import clean_recommendation
from mizan.followup.models import (
    Addressee,
    BodyRole,
    Position,
    Recommendation,
    RecommendationType,
    ResponsibleBody,
    Status,
    StatusChange,
)

from .base import ApiError, TokenAuth, errors

router = Router(auth=TokenAuth(), tags=["Follow-up (staff)"])

# Named apart from the cases' `Status`: the OpenAPI document keeps one schema per name.
RecommendationStatus = Enum("RecommendationStatus", {code.upper(): code for code in Status.values}, type=str)
RecommendationStatus.__doc__ = "Where the implementation of a recommendation stands."

PAGE_SIZE = 50
MAX_PAGE = 100_000  # keeps OFFSET within what every database accepts


# --- bodies ------------------------------------------------------------------------------------------

class SourceRef(Schema):
    id: int
    kind: str = Field(..., description="`conference`, `treaty_body`, `upr`, `special_procedure`, `nhri_report`, "
                                       "`monitoring_visit`, `complaints_pattern` or `other`.")
    title: str = Field(..., description="In the language of the request when it has one, else Arabic.")


class BodyRef(Schema):
    role: str = Field(..., description="`lead` or `supporting`.")
    body: str = Field(..., description="`unit:<id>` (one of your organisation's units) or `external:<id>` (an "
                                       "outside body of its register).")
    name: str = Field(..., description="In the language of the request.")


class RecommendationListItem(Schema):
    id: int
    reference: str = Field(..., description="Document symbol and paragraph, as cited; empty when unknown.")
    text: str = Field(..., description="In the language of the request when translated into it, else the original.")
    themes: list[str] = Field(..., description="Theme codes of the rights taxonomy (see /taxonomy).")
    status: RecommendationStatus = Field(..., description="Where the implementation stands for your organisation.")
    source: SourceRef
    position: Position = Field(..., description="The state's position on it.")
    responsible: list[BodyRef]
    due: date | None = Field(None, description="When it is due, if a date was set.")


class RecommendationListOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[RecommendationListItem]


class HistoryItem(Schema):
    at: datetime
    from_status: RecommendationStatus | None = Field(None, description="Null for the first row.")
    to_status: RecommendationStatus
    note: str
    period_end: date | None
    by: str | None = Field(None, description="Full name of the staff member who recorded it.")


class MeasureRef(Schema):
    id: int
    title: str
    status: str = Field(..., description="`planned`, `in_progress`, `completed`, `delayed` or `cancelled`.")
    due: date | None


class ClusterMember(Schema):
    id: int
    reference: str


class ClusterOut(Schema):
    id: int
    label: str
    members: list[ClusterMember] = Field(..., description="The other recommendations of the cluster that your "
                                                          "organisation may read.")


class AddresseeOut(Schema):
    organisation: str = Field(..., description="Slug of the member organisation.")
    name: str
    shared_status: RecommendationStatus | None = Field(None, description="The status it last shared with you; null until then.")


class RecommendationOut(RecommendationListItem):
    type: RecommendationType
    language: str = Field(..., description="Language of the original text.")
    original: str = Field(..., description="The text as the source wrote it.")
    translations: dict[str, str] = Field(..., description="Translations by language (`ar`, `en`, `fr`).")
    symbol: str
    paragraph: str
    issued_on: date | None
    affected_groups: list[str] = Field(..., description="Vulnerability codes of the complaints (`woman`, `child`, "
                                                        "`disability`, `older_person`, `detainee`, `migrant`), "
                                                        "and other groups as the source names them.")
    sdg_targets: list[str] = Field(..., description="Targets of the Sustainable Development Goals, such as `16.3`.")
    recommending_states: list[str]
    addressed: bool = Field(..., description="True when a secretariat addressed it to your organisation (you "
                                             "read it and keep your own status; only the secretariat changes it).")
    addressees: list[AddresseeOut] = Field(..., description="For a secretariat: the member organisations it was "
                                                            "addressed to.")
    history: list[HistoryItem] = Field(..., description="Your organisation's status history, oldest first.")
    measures: list[MeasureRef] = Field(..., description="Measures of your organisation's plans that answer it.")
    cluster: ClusterOut | None = Field(None, description="The recommendations followed together with it.")
    version: int = Field(..., description="Send it back when changing the recommendation (409 `stale` otherwise).")


class BodyIn(Schema):
    role: BodyRole = BodyRole.LEAD
    unit: int | None = Field(None, description="Id of one of your organisation's units.")
    external: int | None = Field(None, description="Id of an outside body of your organisation's register.")


class RecommendationIn(Schema):
    source: int = Field(..., description="Id of a source of recommendations of your organisation.")
    text: str = Field(..., description="The text, as the source wrote it.")
    language: str = Field("ar", description="Language of the text: `ar`, `en`, `fr`, `es`, `ru`, `zh` or `other`.")
    type: RecommendationType = RecommendationType.RECOMMENDATION
    text_ar: str = Field("", description="Arabic translation.")
    text_en: str = Field("", description="English translation.")
    text_fr: str = Field("", description="French translation.")
    symbol: str = Field("", description="Document symbol, such as `CAT/C/EGY/CO/5`.")
    paragraph: str = ""
    issued_on: date | None = None
    themes: list[str] = Field([], description="Theme codes (see /taxonomy).")
    affected_groups: list[str] = Field([], description="Vulnerability codes or labels, or other groups as written.")
    sdg_targets: list[str] = Field([], description="Such as `16.3`; \"- 16.3 - …\" and \"Target 16.3\" are read too.")
    recommending_states: list[str] = []
    position: Position = Position.NOT_DECIDED
    status: RecommendationStatus = RecommendationStatus.NOT_STARTED
    due_on: date | None = None
    bodies: list[BodyIn] = Field([], description="Responsible bodies: one lead at most, each body once.")
    addressees: list[str] = Field([], description="A secretariat only: slugs of the member organisations it is "
                                                  "addressed to.")


# --- helpers ---------------------------------------------------------------------------------------------

def _reader(request):
    user = request.auth
    if not can(user, "view_followup"):
        raise ApiError(403, "forbidden", _("Your role has no access to the follow-up."))
    return user


def _recommendation(user, pk: int) -> Recommendation:
    try:
        return get_recommendation_for_user(user, pk)
    except Http404:
        # Another organisation's recommendation and one that does not exist answer alike.
        raise ApiError(404, "not_found", _("No recommendation with this id.")) from None


def _body_key(link: ResponsibleBody) -> str:
    return f"unit:{link.unit_id}" if link.unit_id else f"external:{link.external_id}"


def _item(rec: Recommendation, status: str) -> dict:
    return {
        "id": rec.pk, "reference": rec.reference, "text": rec.display_text,
        "themes": [theme.code for theme in rec.themes.all()], "status": status,
        "source": {"id": rec.source_id, "kind": rec.source.kind, "title": rec.source.title},
        "position": rec.position,
        "responsible": [{"role": link.role, "body": _body_key(link), "name": link.body.name}
                        for link in rec.responsible.all()],
        "due": rec.due_on,
    }


def _detail(user, pk: int) -> dict:
    org_id = membership_of(user).organisation_id
    rec = (Recommendation.objects.select_related("source", "cluster")
           .prefetch_related(Prefetch("themes", queryset=Category.objects.order_by("position", "code")),
                             Prefetch("responsible", queryset=ResponsibleBody.objects.select_related("unit",
                                                                                                     "external")))
           .get(pk=pk))
    own = rec.organisation_id == org_id
    status = rec.status if own else Addressee.objects.filter(recommendation=rec, organisation_id=org_id).values_list(
        "status", flat=True).first()
    history = StatusChange.objects.filter(recommendation=rec, organisation_id=org_id).select_related("by")
    cluster = None
    if rec.cluster_id:
        members = (recommendations_for(user).filter(cluster_id=rec.cluster_id).exclude(pk=rec.pk)
                   .order_by("pk"))
        cluster = {"id": rec.cluster_id, "label": rec.cluster.label,
                   "members": [{"id": m.pk, "reference": m.reference} for m in members]}
    addressees = []
    if own:
        addressees = [{"organisation": a.organisation.slug, "name": a.organisation.name,
                       "shared_status": a.shared_status or None}
                      for a in Addressee.objects.filter(recommendation=rec).select_related("organisation")
                      .order_by("organisation__slug")]
    measures = measures_for(user).filter(recommendations=rec).order_by("goal_id", "number")
    return {
        **_item(rec, status or Status.NOT_STARTED),
        "type": rec.type, "language": rec.language, "original": rec.text,
        "translations": {code: getattr(rec, f"text_{code}") for code in ("ar", "en", "fr")
                         if getattr(rec, f"text_{code}")},
        "symbol": rec.symbol, "paragraph": rec.paragraph, "issued_on": rec.issued_on,
        "affected_groups": rec.affected_groups, "sdg_targets": rec.sdg_targets,
        "recommending_states": rec.recommending_states, "addressed": not own, "addressees": addressees,
        "history": [{"at": h.at, "from_status": h.from_status or None, "to_status": h.to_status, "note": h.note,
                     "period_end": h.period_end, "by": _full_name(h.by)} for h in history],
        "measures": [{"id": m.pk, "title": m.title, "status": m.status, "due": m.due_on} for m in measures],
        "cluster": cluster, "version": rec.version,
    }


def _full_name(user) -> str | None:
    if user is None:
        return None
    return (user.get_full_name() or "").strip() or None


# --- operations -----------------------------------------------------------------------------------------------

@router.get(
    "/recommendations", operation_id="listRecommendations", summary="List recommendations",
    response={200: RecommendationListOut, **errors(400, 401, 403)},
    description="The recommendations your organisation follows (its own, and those a secretariat addressed to "
                "it), the soonest due first (those without a due date last), 50 per page. Filters combine. "
                "`q` searches their words (text and translations, reference, source, themes, responsible bodies; "
                "\"exact phrase\", OR, -exclusion), the best matches first.",
)
def list_recommendations(
    request,
    theme: str | None = Query(None, description="Theme code; includes its sub-themes."),
    status: RecommendationStatus | None = None,
    source: int | None = Query(None, description="Id of a source."),
    body: str | None = Query(None, max_length=40, description="`unit:<id>` or `external:<id>`: recommendations "
                                                              "naming it as a responsible body."),
    q: str | None = Query(None, max_length=200, description="Words to search for."),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1."),
):
    user = _reader(request)
    params = QueryDict(mutable=True)
    for name, value in (("theme", theme), ("status", status.value if status else None),
                        ("source", str(source) if source is not None else None),
                        ("body", (body or "").replace(":", "-", 1) if body else None), ("q", q)):
        if value:
            params[name] = value
    filters = selectors.parse_filters(user, params)
    problems = {}
    if theme and filters.theme is None:
        problems["theme"] = _("Unknown theme.")
    if source is not None and filters.source is None:
        problems["source"] = _("Unknown source.")
    if body and filters.body is None:
        problems["body"] = _("Unknown responsible body.")
    if problems:
        raise ApiError(400, "invalid", _("Some information is missing or not valid."), problems)
    recommendations = selectors.recommendation_list(user, filters)
    count = recommendations.count()
    start = (page - 1) * PAGE_SIZE
    rows = list(recommendations[start:start + PAGE_SIZE])
    return {"count": count, "page": page, "page_size": PAGE_SIZE,
            "results": [_item(rec, rec.my_status or Status.NOT_STARTED) for rec in rows]}


@router.get(
    "/recommendations/{pk}", operation_id="readRecommendation", summary="Read a recommendation",
    response={200: RecommendationOut, **errors(401, 403, 404)},
    description="Every fact of the recommendation, your organisation's status history, the measures of your plans "
                "that answer it and the recommendations followed together with it. 404 for a recommendation your "
                "organisation neither owns nor was addressed.",
)
def read_recommendation(request, pk: int):
    user = _reader(request)
    return _detail(user, _recommendation(user, pk).pk)


@router.post(
    "/recommendations", operation_id="createRecommendation", summary="Record a recommendation",
    response={201: RecommendationOut, **errors(400, 401, 403, 413)},
    description="Records a recommendation of one of your organisation's sources, with its first status. Needs a "
                "role that may edit recommendations (supervisor, organisation admin, follow-up officer). 400 names "
                "every field refused; nothing is recorded then.",
)
def create_recommendation(request, payload: RecommendationIn):
    user = _reader(request)
    if not can(user, "edit_recommendations"):
        raise ApiError(403, "forbidden", _("Your role may not record recommendations."))
    raw = payload.dict()
    raw["source"] = str(payload.source)
    raw["bodies"] = [{"role": b.role.value, "unit": b.unit, "external": b.external} for b in payload.bodies]
    for name in ("type", "position", "status"):
        raw[name] = getattr(payload, name).value
    organisation = membership_of(user).organisation
    cleaned, problems = clean_recommendation(organisation, raw)
    if problems:
        raise ApiError(400, "invalid", _("Some information is missing or not valid."), problems)
    recommendation = services.create_recommendation(actor=user, **cleaned)
    return Reply(201, _detail(user, recommendation.pk))
