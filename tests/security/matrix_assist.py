"""The permission matrix's entries for the text engine's suggestions on recommendations (the
"Suggestions" section's decisions, the page of possible duplicates) and for
`GET /api/v1/recommendations/{pk}/similar`, merged into `matrix.py`'s ROUTES, API and CROSS;
`build` adds their objects to the world (after `matrix_recommendations.build`).

Rules, from `followup.access` and `followup.assist`: suggestions exist for the organisation that
owns a recommendation; deciding needs `edit_recommendations` (supervisors, organisation admins,
the follow-up officer); a role of org without it gets 403, anyone outside org "not found" for
org's recommendation, exactly like an id that does not exist. The page of possible duplicates
lists each persona's own organisation's pairs; an id of another organisation's pair is refused
like an unknown one (400). The similar recommendations of org's recommendation: every staff
token of org, "not found" for the others.
"""

from __future__ import annotations

from types import SimpleNamespace

from mizan.followup.models import FollowupSuggestion

from .matrix import (
    API_PERSONAS,
    DENIED,
    LOGIN,
    NOT_FOUND,
    OK,
    REFUSED_INPUT,
    Entry,
    api_headers,
    for_logged_in,
    logged_in_method_not_allowed,
    member_of_org,
    user_of,
)
from .matrix_recommendations import api_reader, may, org_record, reader, rec_missing, rec_url


def build(world) -> None:
    """A theme suggestion on org's recommendation, a pair of org's recommendations, a suggestion
    on the secretariat's recommendation addressed to org, and one on other_org's."""
    rec = world.rec

    def suggest(recommendation, kind, value, **reasons):
        return FollowupSuggestion.objects.create(recommendation=recommendation, kind=kind, value=value,
                                                 confidence=0.8, reasons=reasons)

    world.assist = SimpleNamespace(
        theme=suggest(rec.rec, "theme", "due_process", triggers=["التحقيق"], source="lexicon"),
        pair=suggest(rec.other, "cluster", str(rec.rec.pk), language="ar", passages=[]),
        addressed=suggest(rec.addressed, "theme", "torture", triggers=["حقوق"], source="lexicon"),
        theirs=suggest(rec.theirs, "theme", "expression_assembly", triggers=["الجمعيات"], source="lexicon"),
    )


# --- rules ------------------------------------------------------------------------------------------------

def decide_pairs(w, p):
    """POST of the duplicates page with org's pair: org's editors decide it; an editor elsewhere
    names a pair their organisation does not have (400, like an unknown one); others 403."""
    if user_of(w, p) is None:
        return LOGIN
    if not may("edit_recommendations")(w, p):
        return DENIED if may("view_followup")(w, p) else NOT_FOUND
    return OK if member_of_org(w, p) else REFUSED_INPUT


def _decide(suggestion_of, decision="reject"):
    return lambda w, p, m: {"suggestion": str(suggestion_of(w).pk), "decision": decision}


ROUTES = {
    "/desk/followup/recommendations/<int:pk>/suggestions/ -> mizan.followup.views_assist.recommendation_suggestions": Entry(
        rec_url("suggestions/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("edit_recommendations"))},
        missing=rec_missing("suggestions/"), data=_decide(lambda w: w.assist.theme),
        note="edit_recommendations, on org's own recommendation"),
    "/desk/followup/duplicates/ -> mizan.followup.views_assist.duplicates": Entry(
        "/desk/followup/duplicates/", {"GET": for_logged_in(reader), "POST": decide_pairs},
        data=lambda w, p, m: {"chosen": [str(w.assist.pair.pk)], "decision": "reject"},
        missing=lambda w: ("/desk/followup/duplicates/", {"chosen": ["999999"], "decision": "reject"}),
        note="each persona's own organisation's pairs; another's pair is refused like an unknown one"),
}

API = {
    "GET /api/v1/recommendations/{pk}/similar": Entry(
        lambda w: f"/api/v1/recommendations/{w.rec.rec.pk}/similar", {"GET": api_reader(org_only=True)},
        missing=lambda w: "/api/v1/recommendations/999999/similar", personas=API_PERSONAS, json=True,
        headers=api_headers),
}

ORG_SIDE = ("supervisor", "officer", "followup", "analyst")

CROSS = {
    "org's staff: a suggestion on the secretariat's recommendation addressed to org": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.addressed.pk}/suggestions/", {"POST": lambda w, p: DENIED},
        personas=ORG_SIDE, data=_decide(lambda w: w.assist.addressed, "accept"),
        note="read by org, decided by the secretariat only"),
    "org's staff: a suggestion on other_org's recommendation": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/suggestions/", {"POST": lambda w, p: NOT_FOUND},
        missing=lambda w: "/desk/followup/recommendations/999999/suggestions/", personas=ORG_SIDE,
        data=_decide(lambda w: w.assist.theirs, "accept")),
    "own recommendation, a suggestion of org's": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/suggestions/",
        {"POST": lambda w, p: REFUSED_INPUT}, personas=("outsider",), data=_decide(lambda w: w.assist.theme, "accept"),
        missing=lambda w: (f"/desk/followup/recommendations/{w.rec.theirs.pk}/suggestions/",
                           {"suggestion": "999999", "decision": "accept"})),
    "API: org's staff, similar to other_org's recommendation": Entry(
        lambda w: f"/api/v1/recommendations/{w.rec.theirs.pk}/similar", {"GET": lambda w, p: NOT_FOUND},
        missing=lambda w: "/api/v1/recommendations/999999/similar", personas=("token:supervisor", "token:followup"),
        json=True, headers=api_headers),
}

__all__ = ["API", "CROSS", "ROUTES", "build"]
