"""Desk pages of the plans: strategies and their tree (phases → goals → measures), a measure's page
(the recommendations it answers, its indicators, its status history), and the plan work lists:
recommendations no measure answers yet, what is overdue, what falls due in the next 30 days.

A page: load through `followup.access` (another organisation's record is "not found"), check the
input with the `clean_*` functions of `followup.plans`, call ONE domain function, redirect (303)
with a message. A form page for a new strategy is "not found" to those who may not make one; on
a record they read, a refused action is a 403 page; invalid input shows the form again (400), a
record someone else changed meanwhile too (409). Every staff role reads the plans.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import Unit, membership_of
from mizan.complaints.errors import Conflict, DomainError, Invalid, NotAllowed
from mizan.lib.digits import to_ascii_digits

from . import indicators as ind
from . import plans
from .access import (
    can,
    get_measure_for_user,
    get_recommendation_for_user,
    get_strategy_for_user,
    indicators_for,
    recommendations_for,
    strategies_for,
)
from .intake import is_id
from .models import (
    CLOSED_MEASURE_STATUSES,
    ExternalBody,
    Goal,
    MeasureStatus,
    Phase,
    Recommendation,
)

DUE_DAYS = 30  # "Next due": what falls due within this many days
CANDIDATES = 30  # recommendations offered to attach to a measure


class SeeOther(HttpResponseRedirect):
    status_code = 303


def reader(request):
    """The user's membership, if their role reads the follow-up; "not found" otherwise."""
    member = membership_of(request.user)
    if member is None or not can(request.user, "view_followup"):
        raise Http404("not found")
    return member


def no_store(response):
    add_never_cache_headers(response)
    return response


def forbidden(request, message, *, back: str):
    return no_store(render(request, "followup/forbidden.html", {"message": message, "back": back}, status=403))


def version_of(request) -> int | None:
    value = to_ascii_digits(str(request.POST.get("version") or "")).strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def bodies_of(organisation) -> list[tuple[str, str]]:
    """(value, name) of the organisation's units and active outside bodies, for lead/partners."""
    units = [(f"unit:{u.pk}", u.name) for u in Unit.objects.filter(organisation=organisation).order_by("name_ar")]
    externals = [(f"external:{b.pk}", b.name) for b in
                 ExternalBody.objects.filter(organisation=organisation, is_active=True).order_by("name_ar")]
    return units + externals


def _get_phase(user, pk) -> Phase:
    phase = Phase.objects.filter(pk=pk, strategy__in=strategies_for(user)).select_related("strategy").first() \
        if is_id(pk) else None
    if phase is None:
        raise Http404("not found")
    return phase


def _get_goal(user, pk) -> Goal:
    goal = Goal.objects.filter(pk=pk, phase__strategy__in=strategies_for(user)).select_related(
        "phase__strategy").first() if is_id(pk) else None
    if goal is None:
        raise Http404("not found")
    return goal


# --- strategies ---------------------------------------------------------------------------------------

STRATEGY_INITIAL = {"title_ar": "", "title_en": "", "title_fr": "", "description": "", "starts_on": "",
                    "ends_on": "", "is_public": ""}


def _raw(post, names) -> dict:
    return {name: post.get(name, "") for name in names}


def _strategy_cleaner(user):
    """`plans.clean_strategy`, without the publication for those who may not publish (the form
    does not offer it to them: its absence must not unpublish a plan)."""
    def clean(values):
        cleaned, errors = plans.clean_strategy(values)
        if not can(user, "publish_followup"):
            cleaned.pop("is_public", None)
        return cleaned, errors
    return clean


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_list(request):
    reader(request)
    may_edit = can(request.user, "edit_plans")
    values, errors, status = dict(STRATEGY_INITIAL), {}, 200
    if request.method == "POST":
        if not may_edit:
            return forbidden(request, _("You are not allowed to do this."), back=reverse("followup:plans"))
        values = _raw(request.POST, STRATEGY_INITIAL)
        cleaned, errors = _strategy_cleaner(request.user)(values)
        if not errors:
            try:
                strategy = plans.create_strategy(actor=request.user, **cleaned)
            except NotAllowed as error:
                return forbidden(request, error.message, back=reverse("followup:plans"))
            messages.success(request, _("Plan recorded. Add its phases, goals and measures."))
            return SeeOther(reverse("followup:plan", args=[strategy.pk]))
        status = 400
    completed = Q(phases__goals__measures__status=MeasureStatus.COMPLETED)
    strategies = (strategies_for(request.user)
                  .annotate(phase_count=Count("phases", distinct=True),
                            measure_count=Count("phases__goals__measures", distinct=True),
                            completed_count=Count("phases__goals__measures", filter=completed, distinct=True))
                  .order_by("-starts_on", "-id"))
    page = Paginator(strategies, 50).get_page(request.GET.get("page"))
    return no_store(render(request, "followup/plans_list.html", {
        "page": page, "strategies": list(page.object_list), "query_without_page": "", "may_edit": may_edit,
        "may_publish": can(request.user, "publish_followup"), "values": values, "errors": errors,
        "open_form": bool(errors)}, status=status))


@login_required
@require_http_methods(["GET", "HEAD"])
def plan_detail(request, pk):
    reader(request)
    strategy = get_strategy_for_user(request.user, pk)
    today = timezone.localdate()
    phases = plans.strategy_tree(strategy)
    for phase in phases:
        for goal in phase.goals.all():
            for measure in goal.measures.all():
                measure.is_overdue = bool(measure.due_on and measure.due_on < today
                                          and measure.status not in CLOSED_MEASURE_STATUSES)
    return no_store(render(request, "followup/plans_strategy.html", {
        "strategy": strategy, "phases": phases, "may_edit": can(request.user, "edit_plans"),
        "may_edit_indicators": can(request.user, "edit_indicators")}))


def _part_form(request, *, kind: str, action: str, back: str, values: dict, errors: dict, title: str,
               status: int = 200, notice: str = ""):
    return no_store(render(request, "followup/plans_form.html", {
        "kind": kind, "action": action, "back": back, "values": values, "errors": errors, "title": title,
        "notice": notice, "may_publish": can(request.user, "publish_followup")}, status=status))


def _edit_part(request, *, kind, obj, organisation_id, initial: dict, clean, save, action, back, title):
    """The edit form of a strategy, phase or goal: shown, or checked and saved."""
    if not can(request.user, "edit_plans") or organisation_id != membership_of(request.user).organisation_id:
        return forbidden(request, _("You are not allowed to do this."), back=back)
    if request.method != "POST":
        return _part_form(request, kind=kind, action=action, back=back, values=initial, errors={}, title=title)
    values = _raw(request.POST, initial)
    cleaned, errors = clean(values)
    if not errors:
        try:
            save(cleaned)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except Invalid as error:
            errors = dict(error.fields) or {"title_ar": error.message}
        else:
            messages.success(request, _("Changes saved."))
            return SeeOther(back)
    return _part_form(request, kind=kind, action=action, back=back, values=values, errors=errors, title=title,
                      status=400)


def _iso(day) -> str:
    return day.isoformat() if day else ""


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request, pk):
    reader(request)
    strategy = get_strategy_for_user(request.user, pk)
    initial = {"title_ar": strategy.title_ar, "title_en": strategy.title_en, "title_fr": strategy.title_fr,
               "description": strategy.description, "starts_on": _iso(strategy.starts_on),
               "ends_on": _iso(strategy.ends_on), "is_public": "1" if strategy.is_public else ""}
    return _edit_part(
        request, kind="strategy", obj=strategy, organisation_id=strategy.organisation_id, initial=initial,
        clean=_strategy_cleaner(request.user),
        save=lambda c: plans.update_strategy(actor=request.user, strategy=strategy, **c),
        action=reverse("followup:plan_edit", args=[strategy.pk]), back=reverse("followup:plan", args=[strategy.pk]),
        title=_("Edit the plan"))


PHASE_INITIAL = {"title_ar": "", "title_en": "", "title_fr": "", "number": "", "starts_on": "", "ends_on": ""}
GOAL_INITIAL = {"title_ar": "", "title_en": "", "title_fr": "", "number": "", "description": ""}


def _new_part(request, *, kind, organisation_id, initial, clean, create, action, back, title, message):
    if not can(request.user, "edit_plans") or organisation_id != membership_of(request.user).organisation_id:
        return forbidden(request, _("You are not allowed to do this."), back=back)
    if request.method != "POST":
        return _part_form(request, kind=kind, action=action, back=back, values=dict(initial), errors={}, title=title)
    values = _raw(request.POST, initial)
    cleaned, errors = clean(values)
    if not errors:
        try:
            create(cleaned)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except Invalid as error:
            errors = dict(error.fields) or {"title_ar": error.message}
        else:
            messages.success(request, message)
            return SeeOther(back)
    return _part_form(request, kind=kind, action=action, back=back, values=values, errors=errors, title=title,
                      status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def phase_new(request, pk):
    reader(request)
    strategy = get_strategy_for_user(request.user, pk)
    return _new_part(
        request, kind="phase", organisation_id=strategy.organisation_id, initial=PHASE_INITIAL,
        clean=plans.clean_phase, create=lambda c: plans.create_phase(actor=request.user, strategy=strategy, **c),
        action=reverse("followup:phase_new", args=[strategy.pk]), back=reverse("followup:plan", args=[strategy.pk]),
        title=_("Add a phase"), message=_("Phase added."))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def phase_edit(request, pk):
    reader(request)
    phase = _get_phase(request.user, pk)
    initial = {"title_ar": phase.title_ar, "title_en": phase.title_en, "title_fr": phase.title_fr,
               "number": str(phase.number), "starts_on": _iso(phase.starts_on), "ends_on": _iso(phase.ends_on)}
    return _edit_part(
        request, kind="phase", obj=phase, organisation_id=phase.strategy.organisation_id, initial=initial,
        clean=plans.clean_phase, save=lambda c: plans.update_phase(actor=request.user, phase=phase, **c),
        action=reverse("followup:phase_edit", args=[phase.pk]),
        back=reverse("followup:plan", args=[phase.strategy_id]) + f"#phase-{phase.pk}", title=_("Edit the phase"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_new(request, pk):
    reader(request)
    phase = _get_phase(request.user, pk)
    return _new_part(
        request, kind="goal", organisation_id=phase.strategy.organisation_id, initial=GOAL_INITIAL,
        clean=plans.clean_goal, create=lambda c: plans.create_goal(actor=request.user, phase=phase, **c),
        action=reverse("followup:goal_new", args=[phase.pk]),
        back=reverse("followup:plan", args=[phase.strategy_id]) + f"#phase-{phase.pk}",
        title=_("Add a goal"), message=_("Goal added."))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_edit(request, pk):
    reader(request)
    goal = _get_goal(request.user, pk)
    initial = {"title_ar": goal.title_ar, "title_en": goal.title_en, "title_fr": goal.title_fr,
               "number": str(goal.number), "description": goal.description}
    return _edit_part(
        request, kind="goal", obj=goal, organisation_id=goal.phase.strategy.organisation_id, initial=initial,
        clean=plans.clean_goal, save=lambda c: plans.update_goal(actor=request.user, goal=goal, **c),
        action=reverse("followup:goal_edit", args=[goal.pk]),
        back=reverse("followup:plan", args=[goal.phase.strategy_id]) + f"#goal-{goal.pk}", title=_("Edit the goal"))


# --- measures --------------------------------------------------------------------------------------------

MEASURE_NAMES = ("title_ar", "title_en", "title_fr", "number", "description", "lead", "budget_line", "starts_on",
                 "due_on", "status")


def _measure_values(post) -> dict:
    values = _raw(post, MEASURE_NAMES)
    values["partners"] = post.getlist("partners")
    return values


def _measure_form(request, *, goal, measure, values, errors, status=200, notice=""):
    organisation = membership_of(request.user).organisation
    action = reverse("followup:measure_edit", args=[measure.pk]) if measure else \
        reverse("followup:measure_new", args=[goal.pk])
    back = reverse("followup:measure", args=[measure.pk]) if measure else \
        reverse("followup:plan", args=[goal.phase.strategy_id]) + f"#goal-{goal.pk}"
    return no_store(render(request, "followup/measure_form.html", {
        "goal": goal, "measure": measure, "values": values, "errors": errors, "notice": notice, "action": action,
        "back": back, "bodies": bodies_of(organisation), "statuses": MeasureStatus.choices}, status=status))


def _partner_values(measure) -> list[str]:
    return [f"unit:{pk}" for pk in measure.partner_units.values_list("pk", flat=True)] + [
        f"external:{pk}" for pk in measure.partner_externals.values_list("pk", flat=True)]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def measure_new(request, pk):
    member = reader(request)
    goal = _get_goal(request.user, pk)
    back = reverse("followup:plan", args=[goal.phase.strategy_id])
    if not can(request.user, "edit_plans"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    if request.method != "POST":
        values = dict.fromkeys(MEASURE_NAMES, "")
        values.update(status=MeasureStatus.PLANNED, partners=[])
        return _measure_form(request, goal=goal, measure=None, values=values, errors={})
    values = _measure_values(request.POST)
    cleaned, errors = plans.clean_measure(member.organisation, values)
    status = values.get("status") or MeasureStatus.PLANNED
    if status not in MeasureStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if not errors:
        try:
            measure = plans.create_measure(actor=request.user, goal=goal, status=status, **cleaned)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except Invalid as error:
            errors = dict(error.fields) or {"title_ar": error.message}
        else:
            messages.success(request, _("Measure added. Attach the recommendations it answers."))
            return SeeOther(reverse("followup:measure", args=[measure.pk]))
    return _measure_form(request, goal=goal, measure=None, values=values, errors=errors, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def measure_edit(request, pk):
    member = reader(request)
    measure = get_measure_for_user(request.user, pk)
    back = reverse("followup:measure", args=[measure.pk])
    if not can(request.user, "edit_plans"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    if request.method != "POST":
        lead = f"unit:{measure.lead_unit_id}" if measure.lead_unit_id else (
            f"external:{measure.lead_external_id}" if measure.lead_external_id else "")
        values = {"title_ar": measure.title_ar, "title_en": measure.title_en, "title_fr": measure.title_fr,
                  "number": str(measure.number), "description": measure.description, "lead": lead,
                  "budget_line": measure.budget_line, "starts_on": _iso(measure.starts_on),
                  "due_on": _iso(measure.due_on), "status": measure.status, "partners": _partner_values(measure),
                  "version": str(measure.version)}
        return _measure_form(request, goal=measure.goal, measure=measure, values=values, errors={})
    values = _measure_values(request.POST)
    values["version"] = request.POST.get("version", "")
    cleaned, errors = plans.clean_measure(member.organisation, values)
    notice, status = "", 400
    if not errors:
        version = version_of(request)
        try:
            if version is None:
                raise Conflict(_("Someone else changed this record while you were working on it. "
                                 "Reload the page to see the latest version, then try again."), code="stale")
            plans.update_measure(actor=request.user, measure=measure, expected_version=version,
                                 partner_units=cleaned.pop("partner_units"),
                                 partner_externals=cleaned.pop("partner_externals"), **cleaned)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except Conflict as error:
            notice, status = error.message, 409
        except Invalid as error:
            errors = dict(error.fields) or {"title_ar": error.message}
        else:
            messages.success(request, _("Changes saved."))
            return SeeOther(back)
    return _measure_form(request, goal=measure.goal, measure=measure, values=values, errors=errors, status=status,
                         notice=notice)


def _candidates(user, measure, q: str) -> list[Recommendation]:
    """Recommendations to attach: those matching the words typed (text, translations, document
    symbol, paragraph), else those no measure answers yet; never those already attached."""
    attached = measure.recommendations.values("pk")
    if q:
        words = Q()
        for field in ("text", "text_ar", "text_en", "text_fr", "symbol", "paragraph"):
            words |= Q(**{f"{field}__icontains": q})
        found = recommendations_for(user).filter(words)
    else:
        found = plans.unanswered_recommendations(user)
    return list(found.exclude(pk__in=attached).select_related("source").order_by(
        "due_on", "-issued_on", "-id")[:CANDIDATES])


def _measure_page(request, measure, *, status=200, errors=None, notice="", status_values=None):
    user = request.user
    q = (request.GET.get("q") or "").strip()[:200]
    indicators = list(indicators_for(user).filter(measure=measure).order_by("name_ar", "id"))
    latest = ind.latest_values(indicators)
    for indicator in indicators:
        indicator.latest = latest.get(indicator.pk)
    today = timezone.localdate()
    return no_store(render(request, "followup/measure_detail.html", {
        "measure": measure, "goal": measure.goal, "phase": measure.goal.phase, "strategy": measure.goal.phase.strategy,
        "recommendations": list(measure.recommendations.select_related("source").order_by("due_on", "-id")),
        "partners": [*measure.partner_units.all(), *measure.partner_externals.all()],
        "history": list(measure.history.select_related("by")), "indicators": indicators,
        "candidates": _candidates(user, measure, q) if can(user, "edit_plans") else [], "q": q,
        "statuses": MeasureStatus.choices, "errors": errors or {}, "notice": notice,
        "status_values": status_values or {"status": measure.status, "note": ""},
        "overdue": bool(measure.due_on and measure.due_on < today and measure.status not in CLOSED_MEASURE_STATUSES),
        "may_edit": can(user, "edit_plans"), "may_report": can(user, "report_progress"),
        "may_edit_indicators": can(user, "edit_indicators")}, status=status))


@login_required
@require_http_methods(["GET", "HEAD"])
def measure_detail(request, pk):
    reader(request)
    return _measure_page(request, get_measure_for_user(request.user, pk))


@login_required
@require_POST
def measure_status(request, pk):
    reader(request)
    measure = get_measure_for_user(request.user, pk)
    back = reverse("followup:measure", args=[measure.pk])
    values = {"status": request.POST.get("status", ""), "note": request.POST.get("note", "")}
    note = values["note"].replace("\x00", "").strip()[:5000]
    try:
        if values["status"] not in MeasureStatus.values:
            raise Invalid(_("Choose a status from the list."), fields={"status": _("Choose a status from the list.")})
        version = version_of(request)
        if version is None:
            raise Conflict(_("Someone else changed this record while you were working on it. "
                             "Reload the page to see the latest version, then try again."), code="stale")
        plans.set_measure_status(actor=request.user, measure=measure, status=values["status"], note=note,
                                 expected_version=version)
    except NotAllowed as error:
        return forbidden(request, error.message, back=back)
    except Conflict as error:
        return _measure_page(request, measure, status=409, notice=error.message, status_values=values)
    except DomainError as error:
        return _measure_page(request, measure, status=400, status_values=values,
                             errors={f"status_{k}": v for k, v in (error.fields or {"status": error.message}).items()})
    messages.success(request, _("Status recorded."))
    return SeeOther(back + "#status")


@login_required
@require_POST
def measure_link(request, pk):
    reader(request)
    measure = get_measure_for_user(request.user, pk)
    back = reverse("followup:measure", args=[measure.pk])
    if not can(request.user, "edit_plans"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    ids = [value for value in request.POST.getlist("recommendations") if is_id(value)]
    chosen = list(recommendations_for(request.user).filter(pk__in=ids))
    if not ids or len(chosen) != len(set(ids)):
        return _measure_page(request, measure, status=400, errors={
            "link_recommendations": _("Choose at least one recommendation from the list.")})
    try:
        plans.link_recommendations(actor=request.user, measure=measure, recommendations=chosen)
    except NotAllowed as error:
        return forbidden(request, error.message, back=back)
    messages.success(request, _("Recommendations attached to the measure."))
    return SeeOther(back + "#recommendations")


@login_required
@require_POST
def measure_unlink(request, pk, recommendation):
    reader(request)
    measure = get_measure_for_user(request.user, pk)
    back = reverse("followup:measure", args=[measure.pk])
    chosen = get_recommendation_for_user(request.user, recommendation)
    if not can(request.user, "edit_plans"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    try:
        plans.unlink_recommendation(actor=request.user, measure=measure, recommendation=chosen)
    except NotAllowed as error:
        return forbidden(request, error.message, back=back)
    messages.success(request, _("The measure no longer answers this recommendation."))
    return SeeOther(back + "#recommendations")


# --- plan work -----------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD"])
def plan_unanswered(request):
    reader(request)
    page = Paginator(plans.unanswered_recommendations(request.user), 50).get_page(request.GET.get("page"))
    return no_store(render(request, "followup/plans_unanswered.html", {
        "page": page, "recommendations": list(page.object_list), "query_without_page": "",
        "today": timezone.localdate()}))


@login_required
@require_http_methods(["GET", "HEAD"])
def plan_overdue(request):
    reader(request)
    today = timezone.localdate()
    return no_store(render(request, "followup/plans_overdue.html", {
        "measures": list(plans.overdue_measures(request.user, today)),
        "indicators": ind.overdue_indicators(request.user, today), "today": today}))


@login_required
@require_http_methods(["GET", "HEAD"])
def plan_due(request):
    reader(request)
    today = timezone.localdate()
    until = today + timedelta(days=DUE_DAYS)
    return no_store(render(request, "followup/plans_due.html", {
        "measures": list(plans.measures_due(request.user, today, until)),
        "recommendations": list(plans.recommendations_due(request.user, today, until)),
        "values": ind.values_due(request.user, today, until), "today": today, "until": until, "days": DUE_DAYS}))

