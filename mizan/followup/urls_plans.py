"""Desk pages of the plans and indicators, under /desk/followup/ (included by `followup.urls`)."""

from django.urls import path

from . import views_indicators as ind
from . import views_plans as plans

urlpatterns = [
    path("plans/", plans.plan_list, name="plans"),
    path("plans/unanswered/", plans.plan_unanswered, name="plans_unanswered"),
    path("plans/overdue/", plans.plan_overdue, name="plans_overdue"),
    path("plans/due/", plans.plan_due, name="plans_due"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/phases/new/", plans.phase_new, name="phase_new"),
    path("plans/phases/<int:pk>/edit/", plans.phase_edit, name="phase_edit"),
    path("plans/phases/<int:pk>/goals/new/", plans.goal_new, name="goal_new"),
    path("plans/goals/<int:pk>/edit/", plans.goal_edit, name="goal_edit"),
    path("plans/goals/<int:pk>/measures/new/", plans.measure_new, name="measure_new"),
    path("plans/measures/<int:pk>/", plans.measure_detail, name="measure"),
    path("plans/measures/<int:pk>/edit/", plans.measure_edit, name="measure_edit"),
    path("plans/measures/<int:pk>/status/", plans.measure_status, name="measure_status"),
    path("plans/measures/<int:pk>/recommendations/", plans.measure_link, name="measure_link"),
    path("plans/measures/<int:pk>/recommendations/<int:recommendation>/remove/", plans.measure_unlink,
         name="measure_unlink"),
    path("indicators/", ind.indicator_list, name="indicators"),
    path("indicators/new/", ind.indicator_new, name="indicator_new"),
    path("indicators/<int:pk>/", ind.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/edit/", ind.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/values/", ind.indicator_value, name="indicator_value"),
    path("indicators/<int:pk>/evidence/<int:evidence>/", ind.indicator_evidence, name="indicator_evidence"),
]
