"""The permission matrix's entries for plans and indicators (desk pages under /desk/followup/plans/
and /desk/followup/indicators/, and `GET /api/v1/indicators/{pk}/values`), merged into `matrix.py`'s
ROUTES and API; `build` adds their objects to the world.

Rules, from `followup.access`: every staff role reads its own organisation's plans, measures and
indicators (`view_followup`), lists and forms without an id showing each persona their own
organisation's; changing a plan needs `edit_plans`, an indicator `edit_indicators` (supervisors,
organisation admins, the follow-up officer), a measure's status or a reported value
`report_progress` (case officers too). A role of org without the right gets 403 on org's record
(a form for a new indicator, which names no record, is "not found" to it); anyone outside org gets
"not found" for org's records, exactly like an id that does not exist. The API answers an
indicator's values to every staff token of its organisation.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from mizan.complaints.services import Upload
from mizan.followup import access as followup_access
from mizan.followup import indicators, plans, services
from mizan.followup.models import Measure, SourceKind

from .matrix import (
    API_PERSONAS,
    DENIED,
    METHOD,
    NOT_FOUND,
    OK,
    PDF,
    UNAUTHORIZED,
    Entry,
    api_headers,
    for_logged_in,
    logged_in_method_not_allowed,
    member_of_org,
    page_for,
    user_of,
)

PLAN_TITLE = "الخطة المرحلية للمصفوفة"
INDICATOR_NAME = "عدد الدورات التدريبية في المصفوفة"


def build(world) -> None:
    """org's plan (a phase, a goal, a measure answering one recommendation), a second recommendation
    to attach, and a monthly reported indicator of the measure with a value and its evidence."""
    actor = world.users["supervisor"]
    source = services.create_source(actor=actor, kind=SourceKind.NHRI, title_ar="تقرير المؤسسة الوطنية")
    answered = services.create_recommendation(actor=actor, source=source, text="تدريب الضباط على ضمانات الاحتجاز")
    free = services.create_recommendation(actor=actor, source=source, text="نشر دليل الحقوق في أقسام الشرطة")
    strategy = plans.create_strategy(actor=actor, title_ar=PLAN_TITLE)
    phase = plans.create_phase(actor=actor, strategy=strategy, title_ar="المرحلة الأولى")
    goal = plans.create_goal(actor=actor, phase=phase, title_ar="تعزيز الضمانات")
    measure = plans.create_measure(actor=actor, goal=goal, title_ar="تدريب ضباط الأقسام", recommendations=[answered])
    indicator = indicators.create_indicator(actor=actor, name_ar=INDICATOR_NAME, frequency="monthly", measure=measure,
                                            baseline_on=timezone.localdate() - timedelta(days=70))
    period = indicators.periods(indicator)[-1]
    value = indicators.record_indicator_value(actor=actor, indicator=indicator, period=period, value=Decimal("3"),
                                              files=[Upload("dawrat.pdf", PDF)])
    world.plans = SimpleNamespace(strategy=strategy, phase=phase, goal=goal, measure=measure, answered=answered,
                                  free=free, indicator=indicator, period=period, evidence=value.evidence.get())
    world.markers += [PLAN_TITLE, INDICATOR_NAME]


def may(action):
    def predicate(w, p):
        user = user_of(w, p)
        return user is not None and followup_access.can(user, action)
    return predicate


def org_record(predicate):
    """A desk URL naming one of org's plans, measures or indicators: not found outside org, then
    403 unless `predicate`."""
    return for_logged_in(lambda w, p: NOT_FOUND if not member_of_org(w, p) else OK if predicate(w, p) else DENIED)


def own_page(predicate):
    """A page naming no record (a list, a form to record a plan): each persona's own organisation's,
    403 for a write the role may not make."""
    return for_logged_in(lambda w, p: OK if predicate(w, p) else DENIED)


def everyone(w, p):
    return True


def _version(w) -> str:
    return str(Measure.objects.get(pk=w.plans.measure.pk).version)


def api_values(w, p):
    if not p.startswith("token:") or p == "token:revoked":
        return UNAUTHORIZED
    return OK if member_of_org(w, p) else NOT_FOUND


def _url(suffix):
    return lambda w: f"/desk/followup/{suffix(w)}"


NOT_ALLOWED_METHOD = for_logged_in(lambda w, p: METHOD)
READ = {"GET": page_for(may("view_followup")), "POST": NOT_ALLOWED_METHOD}

ROUTES = {
    "/desk/followup/plans/ -> mizan.followup.views_plans.plan_list": Entry(
        "/desk/followup/plans/", {"GET": page_for(may("view_followup")), "POST": own_page(may("edit_plans"))},
        data=lambda w, p, m: {"title_ar": "خطة جديدة"}, note="POST: a plan of the persona's own organisation"),
    "/desk/followup/plans/unanswered/ -> mizan.followup.views_plans.plan_unanswered": Entry(
        "/desk/followup/plans/unanswered/", READ),
    "/desk/followup/plans/overdue/ -> mizan.followup.views_plans.plan_overdue": Entry(
        "/desk/followup/plans/overdue/", READ),
    "/desk/followup/plans/due/ -> mizan.followup.views_plans.plan_due": Entry("/desk/followup/plans/due/", READ),
    "/desk/followup/plans/<int:pk>/ -> mizan.followup.views_plans.plan_detail": Entry(
        _url(lambda w: f"plans/{w.plans.strategy.pk}/"), {"GET": org_record(everyone), "POST": NOT_ALLOWED_METHOD},
        missing=lambda w: "/desk/followup/plans/999999/"),
    "/desk/followup/plans/<int:pk>/edit/ -> mizan.followup.views_plans.plan_edit": Entry(
        _url(lambda w: f"plans/{w.plans.strategy.pk}/edit/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/999999/edit/", data=lambda w, p, m: {"title_ar": "خطة معدلة"}),
    "/desk/followup/plans/<int:pk>/phases/new/ -> mizan.followup.views_plans.phase_new": Entry(
        _url(lambda w: f"plans/{w.plans.strategy.pk}/phases/new/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/999999/phases/new/", data=lambda w, p, m: {"title_ar": "مرحلة"}),
    "/desk/followup/plans/phases/<int:pk>/edit/ -> mizan.followup.views_plans.phase_edit": Entry(
        _url(lambda w: f"plans/phases/{w.plans.phase.pk}/edit/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/phases/999999/edit/",
        data=lambda w, p, m: {"title_ar": "مرحلة معدلة", "number": "1"}),
    "/desk/followup/plans/phases/<int:pk>/goals/new/ -> mizan.followup.views_plans.goal_new": Entry(
        _url(lambda w: f"plans/phases/{w.plans.phase.pk}/goals/new/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/phases/999999/goals/new/", data=lambda w, p, m: {"title_ar": "هدف"}),
    "/desk/followup/plans/goals/<int:pk>/edit/ -> mizan.followup.views_plans.goal_edit": Entry(
        _url(lambda w: f"plans/goals/{w.plans.goal.pk}/edit/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/goals/999999/edit/",
        data=lambda w, p, m: {"title_ar": "هدف معدل", "number": "1"}),
    "/desk/followup/plans/goals/<int:pk>/measures/new/ -> mizan.followup.views_plans.measure_new": Entry(
        _url(lambda w: f"plans/goals/{w.plans.goal.pk}/measures/new/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/goals/999999/measures/new/",
        data=lambda w, p, m: {"title_ar": "تدبير جديد", "status": "planned"}),
    "/desk/followup/plans/measures/<int:pk>/ -> mizan.followup.views_plans.measure_detail": Entry(
        _url(lambda w: f"plans/measures/{w.plans.measure.pk}/"),
        {"GET": org_record(everyone), "POST": NOT_ALLOWED_METHOD},
        missing=lambda w: "/desk/followup/plans/measures/999999/"),
    "/desk/followup/plans/measures/<int:pk>/edit/ -> mizan.followup.views_plans.measure_edit": Entry(
        _url(lambda w: f"plans/measures/{w.plans.measure.pk}/edit/"),
        {"GET": org_record(may("edit_plans")), "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/measures/999999/edit/",
        data=lambda w, p, m: {"title_ar": "تدبير معدل", "version": _version(w)}),
    "/desk/followup/plans/measures/<int:pk>/status/ -> mizan.followup.views_plans.measure_status": Entry(
        _url(lambda w: f"plans/measures/{w.plans.measure.pk}/status/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(may("report_progress"))},
        missing=lambda w: "/desk/followup/plans/measures/999999/status/",
        data=lambda w, p, m: {"status": "in_progress", "note": "بدأ التنفيذ", "version": _version(w)}),
    "/desk/followup/plans/measures/<int:pk>/recommendations/ -> mizan.followup.views_plans.measure_link": Entry(
        _url(lambda w: f"plans/measures/{w.plans.measure.pk}/recommendations/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(may("edit_plans"))},
        missing=lambda w: "/desk/followup/plans/measures/999999/recommendations/",
        data=lambda w, p, m: {"recommendations": [str(w.plans.free.pk)]}),
    "/desk/followup/plans/measures/<int:pk>/recommendations/<int:recommendation>/remove/ -> "
    "mizan.followup.views_plans.measure_unlink": Entry(
        _url(lambda w: f"plans/measures/{w.plans.measure.pk}/recommendations/{w.plans.answered.pk}/remove/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(may("edit_plans"))},
        missing=lambda w: f"/desk/followup/plans/measures/999999/recommendations/{w.plans.answered.pk}/remove/"),
    "/desk/followup/indicators/ -> mizan.followup.views_indicators.indicator_list": Entry(
        "/desk/followup/indicators/", READ),
    "/desk/followup/indicators/new/ -> mizan.followup.views_indicators.indicator_new": Entry(
        "/desk/followup/indicators/new/",
        {"GET": page_for(may("edit_indicators")), "POST": page_for(may("edit_indicators"))},
        data=lambda w, p, m: {"name_ar": "مؤشر جديد", "kind": "reported", "frequency": "quarterly",
                              "direction": "increase"},
        note="POST: an indicator of the persona's own organisation; the form is not found to other roles"),
    "/desk/followup/indicators/<int:pk>/ -> mizan.followup.views_indicators.indicator_detail": Entry(
        _url(lambda w: f"indicators/{w.plans.indicator.pk}/"), {"GET": org_record(everyone), "POST": NOT_ALLOWED_METHOD},
        missing=lambda w: "/desk/followup/indicators/999999/"),
    "/desk/followup/indicators/<int:pk>/edit/ -> mizan.followup.views_indicators.indicator_edit": Entry(
        _url(lambda w: f"indicators/{w.plans.indicator.pk}/edit/"),
        {"GET": org_record(may("edit_indicators")), "POST": org_record(may("edit_indicators"))},
        missing=lambda w: "/desk/followup/indicators/999999/edit/",
        data=lambda w, p, m: {"name_ar": "مؤشر معدل", "frequency": "monthly", "direction": "increase"}),
    "/desk/followup/indicators/<int:pk>/values/ -> mizan.followup.views_indicators.indicator_value": Entry(
        _url(lambda w: f"indicators/{w.plans.indicator.pk}/values/"),
        {"GET": logged_in_method_not_allowed, "POST": org_record(may("report_progress"))},
        missing=lambda w: "/desk/followup/indicators/999999/values/",
        data=lambda w, p, m: {"period": w.plans.period.start.isoformat(), "value": "5", "note": "تصحيح"}),
    "/desk/followup/indicators/<int:pk>/evidence/<int:evidence>/ -> mizan.followup.views_indicators.indicator_evidence": Entry(
        _url(lambda w: f"indicators/{w.plans.indicator.pk}/evidence/{w.plans.evidence.pk}/"),
        {"GET": org_record(everyone), "POST": NOT_ALLOWED_METHOD},
        missing=lambda w: f"/desk/followup/indicators/999999/evidence/{w.plans.evidence.pk}/"),
}

API = {
    "GET /api/v1/indicators/{pk}/values": Entry(
        lambda w: f"/api/v1/indicators/{w.plans.indicator.pk}/values", {"GET": api_values},
        missing=lambda w: "/api/v1/indicators/999999/values", personas=API_PERSONAS, json=True, headers=api_headers),
}

__all__ = ["API", "ROUTES", "build"]
