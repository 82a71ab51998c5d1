"""The permission matrix's entries for progress reports, their evidence, the regional pages of a
secretariat and `POST /api/v1/recommendations/{pk}/progress` (merged into `matrix.py`'s ROUTES
and API; `build` adds their objects to the world).

Rules, from `followup.access`: every staff role of org reads org's recommendations, reports and
evidence; writing a report or changing its visibility needs `report_progress` (403 for the other
roles of org); another organisation's recommendation, report or file is "not found", like an id
that does not exist. The members pages are a secretariat's: neither organisation of the matrix
is one, so they are not found for everyone.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from mizan.complaints.services import Upload
from mizan.followup import access as followup_access
from mizan.followup import progress, services
from mizan.followup.models import Goal, Measure, Phase, SourceKind, Strategy

from .matrix import (
    API_PERSONAS,
    DENIED,
    NOT_FOUND,
    OK,
    PDF,
    UNAUTHORIZED,
    Entry,
    api_headers,
    for_logged_in,
    logged_in_method_not_allowed,
    member_of_org,
    user_of,
)

NARRATIVE = "أحيل مشروع تعديل قانون الإجراءات الجنائية إلى مجلس النواب"


def build(world) -> None:
    """A recommendation of org with an internal progress report carrying one evidence file."""
    actor = world.users["supervisor"]
    source = services.create_source(actor=actor, kind=SourceKind.TREATY_BODY, title_ar="الملاحظات الختامية",
                                    symbol="CAT/C/EGY/CO/5", date=date(2023, 12, 1))
    recommendation = services.create_recommendation(actor=actor, source=source, text="ضمان التحقيق في ادعاءات التعذيب")
    report = progress.create_progress_report(actor=actor, recommendation=recommendation, period_end=date(2026, 6, 30),
                                             status="in_progress", narrative=NARRATIVE, visibility="internal",
                                             files=[Upload("evidence.pdf", PDF)])
    strategy = Strategy.objects.create(organisation=world.org, title_ar="الخطة المرحلية الأولى")
    phase = Phase.objects.create(strategy=strategy, number=1, title_ar="المرحلة الأولى")
    goal = Goal.objects.create(phase=phase, number=1, title_ar="الهدف الأول")
    measure = Measure.objects.create(goal=goal, organisation=world.org, number=1, title_ar="تدريب الضباط")
    world.followup = SimpleNamespace(recommendation=recommendation, report=report, evidence=report.evidence.get(),
                                     measure=measure)
    world.markers.append(NARRATIVE)


def may(action):
    def predicate(w, p):
        user = user_of(w, p)
        return user is not None and followup_access.can(user, action)
    return predicate


def org_record(predicate):
    """A desk URL naming one of org's follow-up records: not found outside org, then 403 unless
    `predicate`."""
    return for_logged_in(lambda w, p: NOT_FOUND if not member_of_org(w, p) else OK if predicate(w, p) else DENIED)


def nobody(w, p):
    # Only a secretariat's staff (the persona `sec` of matrix_recommendations) have these pages.
    user = user_of(w, p)
    return OK if user is not None and user.membership.organisation.kind == "secretariat" else NOT_FOUND


def _report_form(w, p, method):
    return {"status": "in_progress", "period_end": "2026-09-30", "narrative": "تقرير الربع الثالث",
            "visibility": "internal"}


def api_progress(w, p):
    if not p.startswith("token:") or p == "token:revoked":
        return UNAUTHORIZED
    if not member_of_org(w, p):
        return NOT_FOUND
    return OK if may("report_progress")(w, p) else DENIED


ROUTES = {
    "/desk/followup/recommendations/<int:pk>/reports/ -> mizan.followup.views_progress.report_new": Entry(
        lambda w: f"/desk/followup/recommendations/{w.followup.recommendation.pk}/reports/",
        {"GET": org_record(may("report_progress")), "POST": org_record(may("report_progress"))},
        missing=lambda w: "/desk/followup/recommendations/999999/reports/", data=_report_form,
        note="writing a progress report: report_progress; org's recommendation"),
    "/desk/followup/plans/measures/<int:pk>/reports/ -> mizan.followup.views_progress.measure_report_new": Entry(
        lambda w: f"/desk/followup/plans/measures/{w.followup.measure.pk}/reports/",
        {"GET": org_record(may("report_progress")), "POST": org_record(may("report_progress"))},
        missing=lambda w: "/desk/followup/plans/measures/999999/reports/",
        data=lambda w, p, m: {**_report_form(w, p, m), "status": "in_progress"},
        note="writing a progress report on one of org's measures: report_progress"),
    "/desk/followup/reports/<int:pk>/visibility/ -> mizan.followup.views_progress.report_visibility": Entry(
        lambda w: f"/desk/followup/reports/{w.followup.report.pk}/visibility/",
        {"GET": logged_in_method_not_allowed, "POST": org_record(may("report_progress"))},
        missing=lambda w: "/desk/followup/reports/999999/visibility/",
        data=lambda w, p, m: {"visibility": "internal"}, note="one of org's own reports"),
    "/desk/followup/evidence/<int:pk>/ -> mizan.followup.views_progress.evidence_download": Entry(
        lambda w: f"/desk/followup/evidence/{w.followup.evidence.pk}/",
        {"GET": org_record(lambda w, p: True), "POST": logged_in_method_not_allowed},
        missing=lambda w: "/desk/followup/evidence/999999/", note="the evidence of org's internal report"),
    "/desk/followup/members/ -> mizan.followup.views_regional.members": Entry(
        "/desk/followup/members/", {"GET": for_logged_in(nobody), "POST": logged_in_method_not_allowed},
        note="a secretariat's page"),
    "/desk/followup/members/reports/ -> mizan.followup.views_regional.member_reports": Entry(
        "/desk/followup/members/reports/", {"GET": for_logged_in(nobody), "POST": logged_in_method_not_allowed},
        note="a secretariat's page"),
}

API = {
    "POST /api/v1/recommendations/{pk}/progress": Entry(
        lambda w: f"/api/v1/recommendations/{w.followup.recommendation.pk}/progress", {"POST": api_progress},
        missing=lambda w: "/api/v1/recommendations/999999/progress", personas=API_PERSONAS, json=True,
        headers=api_headers,
        data=lambda w, p, m: {"status": "in_progress", "note": "تقرير الربع الثالث", "period_end": "2026-09-30"}),
}

__all__ = ["API", "ROUTES", "build"]
