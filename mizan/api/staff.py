"""Staff endpoints (bearer token): the cases of the token holder's organisation."""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.responses import Status as Reply

from mizan.accounts.models import Unit, membership_of
from mizan.complaints import caselist, workflow
from mizan.complaints.access import can, get_case_for_user
from mizan.complaints.models import Case, CaseCategory, Urgency, category_subtree
from mizan.complaints.rules import snapshot
from mizan.complaints.services import assign_case, post_message, transition_case
from mizan.complaints.timeline import Names, describe
from mizan.complaints.workflow import Status

from .base import ApiError, TokenAuth, errors
from .schemas import (
    AssignmentIn,
    AssignmentOut,
    CaseListOut,
    CaseOrdering,
    CaseOut,
    MessageIn,
    MessageOut,
    TransitionIn,
    TransitionOut,
)

router = Router(auth=TokenAuth(), tags=["Cases (staff)"])

PAGE_SIZE = 50
MAX_PAGE = 100_000  # keeps OFFSET within what every database accepts
ORDERING = Query(
    None, description="`newest` (received, newest first: the default), `oldest`, or `urgency`: the most urgent "
                      "first, by the higher of the accepted urgency and one triage suggests that waits for a "
                      "decision, then the oldest received first — the order of the desk's queue.")


def _staff(request):
    """The token's user, if their role works with cases (analysts see statistics only)."""
    user = request.auth
    if not can(user, "view_case"):
        raise ApiError(403, "forbidden", _("Your role has no access to cases."))
    return user


def _case(user, reference: str, *, for_update: bool = False) -> Case:
    try:
        return get_case_for_user(user, reference, for_update=for_update)
    except Http404:
        # Another organisation's case and a case that does not exist answer alike.
        raise ApiError(404, "not_found", _("No case with this reference.")) from None


@contextmanager
def _changing(user, reference: str):
    """One transaction for a change, the case read under its row lock (the domain function then
    does not read it again: `complaints.locks`). A refusal rolls it all back."""
    with transaction.atomic():
        yield _case(user, reference, for_update=True)


def _code(obj) -> str | None:
    return obj.code if obj is not None else None


def _timeline(case) -> list[dict]:
    """Every row of the case's history (the API lists each one, even those the desk folds into
    a decision), with the names of all rows looked up together rather than per row."""
    events = list(case.timeline.all())
    names = Names(events, organisation=case.organisation)
    return [{"at": e.at, "kind": e.kind, "text": describe(e, names), "public": e.public} for e in events]


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


@router.get(
    "/cases", operation_id="listCases", summary="List cases", response={200: CaseListOut, **errors(400, 401, 403)},
    description="Cases of your organisation, newest first, 50 per page. Filters combine. "
                "`q` searches the case's words (narrative, allegations, messages, categories, places; "
                "\"exact phrase\", OR, -exclusion) or part of the reference; with `q` the best "
                "matches come first, unless `ordering` asks for another order.",
)
def list_cases(
    request,
    status: Status | None = None,
    category: str | None = Query(None, description="Taxonomy code; includes its sub-categories."),
    urgency: Urgency | None = None,
    q: str | None = Query(None, max_length=200, description="Words to search for, or part of the reference."),
    ordering: CaseOrdering | None = ORDERING,
    page: int = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1."),
):
    user = _staff(request)
    category_ids: frozenset[int] = frozenset()
    if category:
        rules = snapshot()
        found = rules.categories.get(category)
        if found is None:
            raise ApiError(400, "invalid", _("Some information is missing or not valid."),
                           {"category": _("Unknown category.")})
        category_ids = category_subtree(rules.categories_by_id.values(), found.pk)
    # The desk's own list (complaints.caselist): the same scoping, filters, search and orders.
    # Without an order, words are ranked by relevance and a plain list is newest first.
    filters = caselist.QueueFilters(
        statuses=(status.value,) if status else (), urgency=urgency.value if urgency else "",
        category_ids=category_ids, q=(q or "").strip(), sort=ordering.value if ordering else "relevance",
        reference_lookup="icontains")
    cases = caselist.queue_cases(user, "all", filters)
    count = cases.count()
    start = (page - 1) * PAGE_SIZE
    rows = cases[start:start + PAGE_SIZE]
    return {
        "count": count, "count_is_lower_bound": bool(getattr(cases, "capped", False)),
        "page": page, "page_size": PAGE_SIZE,
        "results": [
            {"reference": c.reference, "status": c.status, "status_label": str(c.status_label()), "urgency": c.urgency,
             "suggested_urgency": c.suggested_urgency,
             "categories": sorted(cc.category.code for cc in c.case_categories.all()), "received_at": c.received_at,
             "due_at": c.due_date(), "unit": _code(c.unit), "officer": _username(c.officer)}
            for c in rows
        ],
    }


@router.get(
    "/cases/{reference}", operation_id="readCase", summary="Read a case", response={200: CaseOut, **errors(401, 403, 404)},
    description="Everything about a case except the identities of the persons involved, which are read "
                "in the desk with a logged reason. Internal notes are included.",
)
def read_case(request, reference: str):
    user = _staff(request)
    case = _case(user, reference)
    case = (Case.objects.select_related("governorate", "facility", "unit", "officer")
            .prefetch_related(Prefetch("case_categories",
                                       queryset=CaseCategory.objects.select_related("category").order_by("category__code")))
            .get(pk=case.pk))
    role = membership_of(user).role
    return {
        "reference": case.reference,
        "status": case.status,
        "status_label": str(case.status_label()),
        "urgency": case.urgency,
        "suggested_urgency": case.suggested_urgency,
        "suggested_urgency_reasons": case.suggested_urgency_reasons,
        "channel": case.channel,
        "language": case.language,
        "narrative": case.narrative,
        "incident_date": case.incident_date,
        "governorate": _code(case.governorate),
        "facility": {"id": case.facility.pk, "name": case.facility.name} if case.facility_id else None,
        "unit": _code(case.unit),
        "officer": _username(case.officer),
        "received_at": case.received_at,
        "first_action_due": case.first_action_due,
        "resolution_due": case.resolution_due,
        "due_at": case.due_date(),
        "overdue": case.is_overdue(),
        "anonymous": case.anonymous,
        "categories": [cc.category.code for cc in case.case_categories.all()],
        "vulnerabilities": sorted(case.vulnerability_markers.values_list("code", flat=True)),
        "allegations": [
            {"id": a.pk, "category": a.category.code, "occurred_on": a.occurred_on, "finding": a.finding or None,
             "finding_note": a.finding_note}
            for a in case.allegations.select_related("category")
        ],
        "persons": [
            {"id": p.pk, "role": p.role, "label": p.label, "vulnerabilities": list(p.vulnerabilities or []),
             "has_identity": p.has_identity}
            for p in case.persons.all()
        ],
        "messages": [
            {"id": m.pk, "kind": m.kind, "body": m.body, "at": m.created_at, "author": _username(m.author)}
            for m in case.messages.select_related("author")
        ],
        "timeline": _timeline(case),
        "version": case.version,
        "allowed_transitions": [{"name": t.name, "to": str(t.target.value), "label": str(t.label)}
                                for t in workflow.available(case.status, role)],
    }


@router.post(
    "/cases/{reference}/transitions", operation_id="moveCase", summary="Move a case to another status",
    response={200: TransitionOut, **errors(400, 401, 403, 404, 409, 413)},
    description="Follows the workflow table: 409 when the step is not possible from the current status or "
                "`version` is stale, 403 when your role may not take it, 400 when the note, the findings or "
                "the referral details it needs are missing. Nothing changes when it is refused.",
)
def move_case(request, reference: str, payload: TransitionIn):
    user = _staff(request)
    findings = {pk: {"finding": str(item.finding.value), "note": item.note}
                for pk, item in (payload.findings or {}).items()}
    with _changing(user, reference) as case:
        case = transition_case(actor=user, case=case, to=payload.to.value, note=payload.note, findings=findings,
                               referred_to=payload.referred_to, referral_due=payload.referral_due,
                               expected_version=payload.version)
    return {"reference": case.reference, "status": case.status, "status_label": str(case.status_label()),
            "version": case.version}


@router.post(
    "/cases/{reference}/assignment", operation_id="assignCase", summary="Assign a case",
    response={200: AssignmentOut, **errors(400, 401, 403, 404, 409, 413)},
    description="To a unit and/or an officer of your organisation. A case officer may only take a case "
                "for themselves.",
)
def assign(request, reference: str, payload: AssignmentIn):
    user = _staff(request)
    organisation_id = membership_of(user).organisation_id
    problems = {}
    unit = None
    if payload.unit not in (None, ""):
        units = Unit.objects.filter(organisation_id=organisation_id)
        value = str(payload.unit)
        unit = units.filter(code=value).first() or (units.filter(pk=int(value)).first() if value.isdigit() else None)
        if unit is None:
            problems["unit"] = _("Unknown unit.")
    officer = None
    if payload.officer:
        # Only people of the same organisation are looked up, so usernames elsewhere stay unknown.
        officer = get_user_model().objects.filter(
            username=payload.officer, is_active=True, membership__organisation_id=organisation_id,
        ).select_related("membership").first()
        if officer is None:
            problems["officer"] = _("Unknown officer.")
    with _changing(user, reference) as case:  # an unknown case answers 404 before a wrong officer's 400
        if problems:
            raise ApiError(400, "invalid", _("The assignment is not valid."), problems)
        case = assign_case(actor=user, case=case, unit=unit, officer=officer, expected_version=payload.version)
    return {"reference": case.reference, "unit": _code(case.unit), "officer": _username(case.officer),
            "version": case.version}


@router.post(
    "/cases/{reference}/messages", operation_id="writeCaseMessage",
    summary="Write to the complainant, or add an internal note",
    response={201: MessageOut, **errors(400, 401, 403, 404, 409, 413)},
    description="With `internal: true` the note stays inside the organisation.",
)
def write_message(request, reference: str, payload: MessageIn):
    user = _staff(request)
    with _changing(user, reference) as case:
        message = post_message(actor=user, case=case, body=payload.body, internal=payload.internal)
    return Reply(201, {"id": message.pk})
