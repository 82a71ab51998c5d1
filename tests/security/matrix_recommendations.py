"""The permission matrix's entries for the follow-up's recommendations, sources and register of
outside bodies (desk pages and `GET/POST /api/v1/recommendations`, `GET /api/v1/recommendations/{pk}`),
merged into `matrix.py`'s ROUTES, API and CROSS; `build` adds their objects to the world.

Rules, from `followup.access`: every staff role reads its own organisation's recommendations,
sources and outside bodies (`view_followup`), and what a secretariat addressed to it; recording
and changing them needs `edit_recommendations` (supervisors, organisation admins, the follow-up
officer), a status `report_progress` (case officers too); a role of org without the right gets
403, anyone outside org "not found", exactly like an id that does not exist. Lists and forms
without an id show each persona their own organisation's. Personas of the follow-up: `followup`,
org's follow-up officer (no case), and `sec`, the follow-up officer of a regional secretariat,
an outsider to org's own records.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from mizan.followup import access as followup_access
from mizan.followup import services
from mizan.followup.models import Recommendation, SourceKind

from .matrix import (
    API_PERSONAS,
    DENIED,
    INVALID,
    NOT_FOUND,
    OK,
    REFUSED_INPUT,
    UNAUTHORIZED,
    Entry,
    api_headers,
    for_logged_in,
    logged_in_method_not_allowed,
    member_of_org,
    user_of,
)

TEXT = "ضمان التحقيق الفوري والنزيه في جميع ادعاءات سوء المعاملة أثناء الاحتجاز"
BODY_NAME = "مجلس النواب في المصفوفة"


def build(world) -> None:
    """org's source, two recommendations of it and an outside body; the secretariat's conference
    recommendation addressed to org; a recommendation of other_org."""
    actor = world.users["followup"]
    source = services.create_source(actor=actor, kind=SourceKind.TREATY_BODY, title_ar="ملاحظات لجنة مناهضة التعذيب",
                                    symbol="CAT/C/EGY/CO/5", date=date(2023, 12, 1))
    rec = services.create_recommendation(actor=actor, source=source, text=TEXT, symbol="CAT/C/EGY/CO/5",
                                         paragraph="14", bodies=[("lead", world.unit, None)])
    other = services.create_recommendation(actor=actor, source=source, text="تدريب الضباط على معايير الاستجواب")
    body = services.create_external_body(actor=actor, name_ar=BODY_NAME, kind="parliament")
    conference = services.create_source(actor=world.users["sec"], kind=SourceKind.CONFERENCE,
                                        title_ar="المؤتمر الحادي عشر", date=date(2025, 9, 15))
    addressed = services.create_recommendation(actor=world.users["sec"], source=conference,
                                               text="تعزيز وحدات حقوق الإنسان", addressees=[world.org])
    theirs_source = services.create_source(actor=world.users["outsider"], kind=SourceKind.NHRI,
                                           title_ar="التقرير السنوي")
    theirs = services.create_recommendation(actor=world.users["outsider"], source=theirs_source,
                                            text="مراجعة قانون الجمعيات")
    world.rec = SimpleNamespace(rec=rec, other=other, source=source, body=body, addressed=addressed, theirs=theirs)
    world.markers += [TEXT, BODY_NAME]


# --- rules ------------------------------------------------------------------------------------------------

def may(action):
    def predicate(w, p):
        user = user_of(w, p)
        return user is not None and followup_access.can(user, action)
    return predicate


def reader(w, p):
    return OK if may("view_followup")(w, p) else NOT_FOUND


def org_record(answer_if_allowed, predicate=lambda w, p: True):
    """A desk URL naming one of org's records: not found outside org, then 403 unless `predicate`."""
    return for_logged_in(lambda w, p: NOT_FOUND if not member_of_org(w, p)
                         else answer_if_allowed if predicate(w, p) else DENIED)


def editor_page(w, p):
    """A page without an id that records something in the persona's own organisation."""
    return OK if may("edit_recommendations")(w, p) else NOT_FOUND


def editor_post(w, p):
    return OK if may("edit_recommendations")(w, p) else DENIED


def api_reader(*, org_only: bool):
    def rule(w, p):
        if not p.startswith("token:") or p == "token:revoked":
            return UNAUTHORIZED
        if org_only and not member_of_org(w, p):
            return NOT_FOUND
        return OK
    return rule


def api_create(w, p):
    if not p.startswith("token:") or p == "token:revoked":
        return UNAUTHORIZED
    if not may("edit_recommendations")(w, p):
        return DENIED
    return OK if member_of_org(w, p) else REFUSED_INPUT  # org's source, refused like an unknown one


# --- form data ------------------------------------------------------------------------------------------

def _version(w):
    return Recommendation.objects.get(pk=w.rec.rec.pk).version


def _new_form(w, p, method):
    # A new source in the same form: every editor records in their own organisation.
    return {"source_mode": "new", "source_kind": "other", "source_title_ar": "محضر اجتماع",
            "text": "إنشاء سجل موحد للمحتجزين", "language": "ar", "type": "recommendation",
            "position": "not_decided", "status": "not_started"}


def _edit_form(w, p, method):
    return {"source": str(w.rec.source.pk), "text": TEXT, "language": "ar", "type": "recommendation",
            "symbol": "CAT/C/EGY/CO/5", "paragraph": "14 (a)", "position": "supported",
            "lead": f"unit-{w.unit.pk}", "version": _version(w)}


def _with_version(extra=None):
    def data(w, p, method):
        return {"version": _version(w), **(extra(w) if extra else {})}
    return data


def _api_body(source_of):
    return lambda w, p, m: {"source": source_of(w), "text": "إنشاء سجل موحد للمحتجزين", "position": "supported"}


def rec_url(suffix=""):
    return lambda w: f"/desk/followup/recommendations/{w.rec.rec.pk}/{suffix}"


def rec_missing(suffix=""):
    return lambda w: f"/desk/followup/recommendations/999999/{suffix}"


ROUTES = {
    "/desk/followup/recommendations/ -> mizan.followup.views_recommendations.recommendation_list": Entry(
        "/desk/followup/recommendations/", {"GET": for_logged_in(reader), "POST": logged_in_method_not_allowed},
        note="every staff role, each its own organisation's (and what was addressed to it)"),
    "/desk/followup/recommendations/new/ -> mizan.followup.views_recommendations.recommendation_new": Entry(
        "/desk/followup/recommendations/new/", {"GET": for_logged_in(editor_page), "POST": for_logged_in(editor_page)},
        data=_new_form, note="edit_recommendations; recorded in one's own organisation, with a new source"),
    "/desk/followup/recommendations/<int:pk>/ -> mizan.followup.views_recommendations.recommendation_detail": Entry(
        rec_url(), {"GET": org_record(OK), "POST": logged_in_method_not_allowed}, missing=rec_missing()),
    "/desk/followup/recommendations/<int:pk>/edit/ -> mizan.followup.views_recommendations.recommendation_edit": Entry(
        rec_url("edit/"), {"GET": org_record(OK, may("edit_recommendations")),
                           "POST": org_record(OK, may("edit_recommendations"))},
        missing=rec_missing("edit/"), data=_edit_form),
    "/desk/followup/recommendations/<int:pk>/status/ -> mizan.followup.views_recommendations.recommendation_status": Entry(
        rec_url("status/"), {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("report_progress"))},
        missing=rec_missing("status/"),
        data=_with_version(lambda w: {"status": "in_progress", "note": "أُحيل إلى النيابة العامة"})),
    "/desk/followup/recommendations/<int:pk>/bodies/ -> mizan.followup.views_recommendations.recommendation_bodies": Entry(
        rec_url("bodies/"), {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("edit_recommendations"))},
        missing=rec_missing("bodies/"),
        data=_with_version(lambda w: {"lead": f"external-{w.rec.body.pk}", "supporting": [f"unit-{w.unit.pk}"]})),
    "/desk/followup/recommendations/<int:pk>/cluster/ -> mizan.followup.views_recommendations.recommendation_cluster": Entry(
        rec_url("cluster/"), {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("edit_recommendations"))},
        missing=rec_missing("cluster/"),
        data=_with_version(lambda w: {"others": [str(w.rec.other.pk)], "label": "المساءلة"})),
    "/desk/followup/recommendations/<int:pk>/leave-cluster/ -> mizan.followup.views_recommendations.recommendation_leave_cluster": Entry(
        rec_url("leave-cluster/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("edit_recommendations"))},
        missing=rec_missing("leave-cluster/"), data=_with_version(), note="not in a cluster: nothing to do"),
    "/desk/followup/recommendations/<int:pk>/address/ -> mizan.followup.views_recommendations.recommendation_address": Entry(
        rec_url("address/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(INVALID, may("edit_recommendations"))},
        missing=rec_missing("address/"), data=_with_version(lambda w: {"members": ["nhri"]}),
        note="org is a ministry: only a secretariat addresses recommendations (400 for org's editors)"),
    "/desk/followup/sources/ -> mizan.followup.views_recommendations.source_list": Entry(
        "/desk/followup/sources/", {"GET": for_logged_in(reader), "POST": for_logged_in(editor_post)},
        data=lambda w, p, m: {"kind": "conference", "title_ar": "اجتماع اللجنة الوطنية"},
        note="each lists and records its own organisation's sources"),
    "/desk/followup/bodies/ -> mizan.followup.views_recommendations.body_list": Entry(
        "/desk/followup/bodies/", {"GET": for_logged_in(reader), "POST": for_logged_in(editor_post)},
        data=lambda w, p, m: {"name_ar": "وزارة العدل", "kind": "government"},
        note="each lists and adds to its own organisation's register"),
    "/desk/followup/bodies/<int:pk>/ -> mizan.followup.views_recommendations.body_edit": Entry(
        lambda w: f"/desk/followup/bodies/{w.rec.body.pk}/",
        {"GET": logged_in_method_not_allowed, "POST": org_record(OK, may("edit_recommendations"))},
        missing=lambda w: "/desk/followup/bodies/999999/", data=lambda w, p, m: {"action": "deactivate"},
        note="one of org's outside bodies"),
}

API = {
    "GET /api/v1/recommendations": Entry(
        "/api/v1/recommendations", {"GET": api_reader(org_only=False)}, personas=API_PERSONAS, json=True,
        headers=api_headers, note="every staff token, each its own organisation's"),
    "POST /api/v1/recommendations": Entry(
        "/api/v1/recommendations", {"POST": api_create}, personas=API_PERSONAS, json=True, headers=api_headers,
        data=_api_body(lambda w: w.rec.source.pk),
        missing=lambda w: ("/api/v1/recommendations", _api_body(lambda w: 999999)(w, None, "POST")),
        note="org's source: recorded for org's editors, refused like an unknown source for the others"),
    "GET /api/v1/recommendations/{pk}": Entry(
        lambda w: f"/api/v1/recommendations/{w.rec.rec.pk}", {"GET": api_reader(org_only=True)},
        missing=lambda w: "/api/v1/recommendations/999999", personas=API_PERSONAS, json=True, headers=api_headers),
}

ORG_SIDE = ("supervisor", "officer", "followup", "analyst")

CROSS = {
    "org's staff: the secretariat's recommendation addressed to org (read)": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.addressed.pk}/", {"GET": lambda w, p: OK},
        personas=ORG_SIDE),
    "org's staff: the secretariat's recommendation addressed to org (edit)": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.addressed.pk}/edit/", {"POST": lambda w, p: DENIED},
        personas=ORG_SIDE, data=lambda w, p, m: {"source": str(w.rec.source.pk), "text": "تغيير", "version": "1"},
        note="only the secretariat changes it"),
    "org's staff: the secretariat's recommendation addressed to org (our own status)": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.addressed.pk}/status/",
        {"POST": lambda w, p: OK if may("report_progress")(w, p) else DENIED}, personas=ORG_SIDE,
        data=lambda w, p, m: {"status": "in_progress", "version": str(w.rec.addressed.version)}),
    "org's staff: the secretariat's recommendation addressed to org (bodies)": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.addressed.pk}/bodies/", {"POST": lambda w, p: DENIED},
        personas=ORG_SIDE, data=lambda w, p, m: {"lead": f"unit-{w.unit.pk}", "version": "1"}),
    "org's staff: other_org's recommendation": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/", {"GET": lambda w, p: NOT_FOUND},
        missing=lambda w: "/desk/followup/recommendations/999999/", personas=ORG_SIDE),
    "org's staff: other_org's recommendation (status)": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/status/", {"POST": lambda w, p: NOT_FOUND},
        missing=lambda w: "/desk/followup/recommendations/999999/status/", personas=ORG_SIDE,
        data=lambda w, p, m: {"status": "implemented", "version": "1"}),
    "API: org's staff on other_org's recommendation": Entry(
        lambda w: f"/api/v1/recommendations/{w.rec.theirs.pk}", {"GET": lambda w, p: NOT_FOUND},
        missing=lambda w: "/api/v1/recommendations/999999", personas=("token:supervisor", "token:followup"),
        json=True, headers=api_headers),
    "own recommendation, cluster with org's": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/cluster/", {"POST": lambda w, p: REFUSED_INPUT},
        personas=("outsider",),
        data=lambda w, p, m: {"others": [str(w.rec.rec.pk)], "version": str(w.rec.theirs.version)},
        missing=lambda w: (f"/desk/followup/recommendations/{w.rec.theirs.pk}/cluster/",
                           {"others": ["999999"], "version": str(w.rec.theirs.version)})),
    "own recommendation, org's outside body as lead": Entry(
        lambda w: f"/desk/followup/recommendations/{w.rec.theirs.pk}/bodies/", {"POST": lambda w, p: REFUSED_INPUT},
        personas=("outsider",),
        data=lambda w, p, m: {"lead": f"external-{w.rec.body.pk}", "version": str(w.rec.theirs.version)},
        missing=lambda w: (f"/desk/followup/recommendations/{w.rec.theirs.pk}/bodies/",
                           {"lead": "external-999999", "version": str(w.rec.theirs.version)})),
}

__all__ = ["API", "CROSS", "ROUTES", "build"]
