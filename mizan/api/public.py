"""Public endpoints: file a complaint, follow it with the receipt, and the reference lists."""

from datetime import UTC, datetime

from django.utils.translation import gettext as _
from ninja import Header, Query, Router
from ninja.responses import Status as Reply

from mizan.accounts import proof_of_work
from mizan.accounts.models import Facility, Organisation
from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.intake import Refused, receive
from mizan.complaints.models import Case, Category, Channel, Finding
from mizan.complaints.public import public_view
from mizan.complaints.rules import Rules, snapshot
from mizan.complaints.services import post_complainant_message
from mizan.lib.digits import to_ascii_digits

from .base import ApiError, HourlyThrottle, errors
from .schemas import (
    CategoryOut,
    ComplaintIn,
    ComplaintOut,
    FacilityOut,
    GovernorateOut,
    ProofOfWorkOut,
    TrackMessageIn,
    TrackMessageStatusOut,
    TrackOut,
)

router = Router(auth=None)

SUBMIT_THROTTLE = HourlyThrottle("submit", "MIZAN_THROTTLE_SUBMIT_PER_HOUR")
TRACK_THROTTLE = HourlyThrottle("track", "MIZAN_THROTTLE_TRACK_PER_HOUR")

RECEIPT_HELP = "The 16-digit receipt given when the complaint was filed."
ORGANISATION_HELP = "Slug of the organisation; default: the default recipient of complaints."


def _receiving_organisation(slug: str | None, rules: Rules | None = None) -> Organisation:
    found = (rules or snapshot()).receiver(slug)
    if found is None:
        raise ApiError(400, "invalid", _("Some information is missing or not valid."),
                       {"organisation": _("Unknown organisation.")})
    return found


def _case_by_receipt(receipt: str | None) -> Case:
    # One indexed lookup on the receipt's keyed hash whether or not it exists; malformed input is
    # refused before it, and the answer is the same in both cases so nothing tells them apart.
    normalised = to_ascii_digits(receipt or "").replace(" ", "").replace("-", "")
    case = get_case_by_receipt(normalised)
    if case is None:
        raise ApiError(404, "not_found", _("No complaint matches this receipt number. Check the 16 digits."))
    return case


POW_ERROR_STATUS = {proof_of_work.REUSED: 409}


def _proof_of_work_refused(exc: proof_of_work.ProofOfWorkRefused) -> ApiError:
    message = exc.message
    if exc.code == proof_of_work.MISSING:
        message = _("This organisation asks anonymous complaints to be sent with a solved proof-of-work "
                    "challenge: get one from GET /api/v1/proof-of-work and send it with its solution in "
                    "`proof_of_work`.")
    return ApiError(POW_ERROR_STATUS.get(exc.code, 400), f"proof_of_work_{exc.code}", message,
                    {"proof_of_work": message})


@router.get(
    "/proof-of-work", operation_id="getProofOfWorkChallenge", summary="Get a proof-of-work challenge",
    tags=["Complaints (public)"], response={200: ProofOfWorkOut, **errors(400)},
    url_name="proof_of_work_challenge",
    description="No authentication. An organisation may ask that anonymous complaints come with a solved "
                "challenge (`required_for_anonymous`), which costs a client a few seconds and slows down mass "
                "automated filing. Find a `nonce` of ASCII digits such that the SHA-256 digest of "
                "`challenge + \":\" + nonce` (UTF-8) starts with at least `bits` zero bits, then send "
                "`{\"challenge\", \"nonce\"}` as `proof_of_work` with POST /complaints before `expires_at`. "
                "Each challenge is accepted once; nothing is stored when it is given out.",
)
def proof_of_work_challenge(request, organisation: str | None = Query(None, description=ORGANISATION_HELP)):
    org = _receiving_organisation(organisation)
    challenge = proof_of_work.issue(org)
    return {"challenge": challenge.token, "bits": challenge.bits, "expires_in": proof_of_work.lifetime_seconds(),
            "expires_at": datetime.fromtimestamp(challenge.expires, tz=UTC),
            "required_for_anonymous": org.anonymous_intake_proof_of_work}


@router.post(
    "/complaints", operation_id="fileComplaint", summary="File a complaint", tags=["Complaints (public)"],
    response={201: ComplaintOut, **errors(400, 409, 413, 429)}, throttle=[SUBMIT_THROTTLE],
    description="No authentication. Validated like the portal form; field errors come back in `error.fields` "
                "under the same names (`complainant.email`, `incident_date`, ...). The answer carries the "
                "16-digit receipt, shown once: it is the only way to follow the complaint.\n\n"
                "When the organisation asks for it, an anonymous complaint needs `proof_of_work` (see GET "
                "/proof-of-work); without a good one it is refused and nothing is stored: 400 with code "
                "`proof_of_work_missing`, `proof_of_work_invalid` (not ours, changed, or for another "
                "organisation), `proof_of_work_insufficient` (the nonce does not solve it) or "
                "`proof_of_work_expired`, and 409 `proof_of_work_reused` for a challenge already used.",
)
def file_complaint(request, payload: ComplaintIn):
    rules = snapshot()
    organisation = _receiving_organisation(payload.organisation, rules)
    raw = payload.model_dump(exclude={"proof_of_work"})
    raw["complainant"] = raw.get("complainant") or {}
    given = payload.proof_of_work
    try:
        case, receipt = receive(organisation, raw, channel=Channel.API, rules=rules,
                                proof=(given.challenge, given.nonce) if given else None)
    except Refused as exc:
        if exc.proof_of_work is not None:
            raise _proof_of_work_refused(exc.proof_of_work) from None
        raise ApiError(400, "invalid", _("Some information is missing or not valid."), exc.fields) from None
    return Reply(201, {"reference": case.reference, "receipt": receipt, "status": case.status})


@router.get(
    "/track", operation_id="trackComplaint", summary="Follow a complaint", tags=["Complaints (public)"],
    response={200: TrackOut, **errors(404, 429)}, throttle=[TRACK_THROTTLE],
    description="Send the receipt in the `X-Receipt` header (never in the URL, which ends up in logs). "
                "Shows the public history, the messages exchanged with the complainant, and the outcome "
                "once decided. An unknown or malformed receipt gives 404.",
)
def track(request, receipt: str | None = Header(None, alias="X-Receipt", description=RECEIPT_HELP)):
    case = _case_by_receipt(receipt)
    view = public_view(case)  # the portal's tracking page shows the same
    return {
        "reference": case.reference,
        "status": case.status,
        "status_label": str(case.status_label()),
        "status_explanation": view.explanation,
        "received_at": case.received_at,
        "timeline": [{"at": e.at, "text": e.describe()} for e in view.events],
        "messages": [{"at": m.created_at, "direction": m.kind, "body": m.body} for m in view.messages],
        "outcome": case.public_outcome or None,
        "findings": [{"category": a.category.code, "category_label": a.category.label, "finding": a.finding,
                      "finding_label": str(Finding(a.finding).label)} for a in view.findings],
    }


@router.post(
    "/track/messages", operation_id="writeToOfficer", summary="Write to the officer", tags=["Complaints (public)"],
    response={201: TrackMessageStatusOut, **errors(400, 404, 409, 413, 429)}, throttle=[TRACK_THROTTLE],
    description="A message from the complainant (receipt in `X-Receipt`). A complaint that waits for the "
                "complainant resumes. A closed or withdrawn complaint cannot receive messages (409).",
)
def track_message(request, payload: TrackMessageIn,
                  receipt: str | None = Header(None, alias="X-Receipt", description=RECEIPT_HELP)):
    case = _case_by_receipt(receipt)
    post_complainant_message(case=case, body=payload.body)
    case.refresh_from_db(fields=["status"])
    return Reply(201, {"status": case.status})


@router.get(
    "/taxonomy", operation_id="listTaxonomy", summary="Rights taxonomy", tags=["Reference lists"],
    response={200: list[CategoryOut]}, description="Codes to use in `categories`, with their labels.",
)
def taxonomy(request):
    return [
        {"code": c.code, "parent": c.parent.code if c.parent_id else None, "label": c.label,
         "labels": {"ar": c.label_ar, "en": c.label_en, "fr": c.label_fr}}
        for c in Category.objects.filter(is_active=True).select_related("parent")
    ]


@router.get(
    "/governorates", operation_id="listGovernorates", summary="Governorates / provinces", tags=["Reference lists"],
    response={200: list[GovernorateOut], **errors(400)}, description="Codes to use in `governorate`.",
)
def governorates(request, organisation: str | None = Query(None, description=ORGANISATION_HELP)):
    org = _receiving_organisation(organisation)
    return [{"code": g.code, "name": g.name} for g in org.governorates.all()]


@router.get(
    "/facilities", operation_id="listFacilities", summary="Places of detention and police stations",
    tags=["Reference lists"], response={200: list[FacilityOut], **errors(400)},
    description="Ids to use in `facility`.",
)
def facilities(request, organisation: str | None = Query(None, description=ORGANISATION_HELP)):
    org = _receiving_organisation(organisation)
    return [
        {"id": f.pk, "name": f.name, "kind": f.kind, "kind_label": str(Facility.Kind(f.kind).label),
         "governorate": f.governorate.code}
        for f in org.facilities.filter(is_active=True).select_related("governorate")
    ]
