"""Desk pages of the indicators: the list, an indicator's page (its values against baseline and
target, drawn by the server; what a computed value counted, and the complaints behind it for
those who may see cases; the evidence of reported values; the form to record a value), the form
to make or change one, and the download of an evidence file.

Same rules as `views_plans`: every read through `followup.access`, one domain function per
action, 303 after success, the form again with its errors (400) otherwise, a 403 page for an
action the user may not take on a record they read, "not found" for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import Facility, membership_of
from mizan.complaints import access as case_access
from mizan.complaints.errors import DomainError, NotAllowed
from mizan.complaints.models import Category, Channel, Vulnerability
from mizan.complaints.uploads import check_uploads, limits

from . import indicators as ind
from .access import can, get_indicator_for_user, indicators_for, measures_for
from .intake import is_id
from .models import Evidence, Goal, Indicator
from .views_plans import SeeOther, forbidden, no_store, reader

PAGE_SIZE = 50
FORM_NAMES = ("name_ar", "name_en", "name_fr", "kind", "definition", *ind.PARAMS, "unit_label", "baseline_value",
              "baseline_on", "target_value", "target_on", "direction", "frequency", "measure", "goal", "is_public")


def percent_sign(organisation) -> str:
    arabic = (get_language() or "ar")[:2] == "ar" and bool(getattr(organisation, "arabic_indic_digits", False))
    return "\u066a" if arabic else "%"


def unit_of(indicator: Indicator) -> str:
    """The unit shown beside the figures: the one typed in, else the definition's (computed)."""
    if indicator.unit_label:
        return indicator.unit_label
    definition = ind.CATALOGUE.get(indicator.definition)
    return str(definition.unit) if definition else ""


def is_percent(indicator: Indicator) -> bool:
    definition = ind.CATALOGUE.get(indicator.definition)
    return indicator.unit_label.strip() == "%" or (not indicator.unit_label and bool(definition and definition.percent))


def param_words(indicator: Indicator, organisation) -> list[tuple[str, str]]:
    """(what, value in words) for each parameter of a computed indicator: names, never codes."""
    words = []
    params = indicator.params or {}
    for name in ind.PARAMS:
        value = params.get(name)
        if value in (None, ""):
            continue
        if name == "category":
            category = Category.objects.filter(code=value).first()
            text = category.label if category else value
        elif name == "governorate":
            governorate = organisation.governorates.filter(code=value).first()
            text = governorate.name if governorate else value
        elif name == "facility":
            facility = Facility.objects.filter(organisation=organisation, pk=value).first()
            text = facility.name if facility else ""
        elif name == "vulnerability":
            text = Vulnerability(value).label if value in Vulnerability.values else value
        else:
            text = Channel(value).label if value in Channel.values else value
        label = organisation.division_label if name == "governorate" else ind.PARAM_LABELS[name]
        words.append((str(label), str(text)))
    return words


# --- the chart ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    x: float
    width: float


@dataclass(frozen=True)
class ChartRow:
    label: str
    value: object  # Decimal or None
    bar: Bar | None


@dataclass(frozen=True)
class Chart:
    rows: list
    baseline_x: float | None  # where the baseline's line is drawn (SVG units 0..100), if any
    target_x: float | None


def chart(indicator: Indicator, values_by_period: dict, periods: list, organisation) -> Chart:
    """One bar per period (oldest first) scaled to the largest of the values, the baseline and the
    target, with the baseline and the target as lines across every bar; bars start at the line's
    start side (the right in right-to-left pages). Labels and figures stay in HTML."""
    figures = [abs(v.value) for v in values_by_period.values()]
    figures += [abs(x) for x in (indicator.baseline_value, indicator.target_value) if x is not None]
    top = max(figures, default=0)
    rtl = get_language_bidi()

    def position(value) -> float | None:
        if value is None or not top:
            return None
        x = float(max(value, 0) * 100 / top)
        return round(100 - x if rtl else x, 3)

    rows = []
    for period in periods:
        row = values_by_period.get((period.start, period.end))
        bar = None
        if row is not None and top:
            width = round(float(max(row.value, 0) * 100 / top), 3)
            bar = Bar(x=round(100 - width if rtl else 0, 3), width=width)
        rows.append(ChartRow(label=ind.period_label(indicator.frequency, period, organisation),
                             value=row.value if row is not None else None, bar=bar))
    return Chart(rows=rows, baseline_x=position(indicator.baseline_value), target_x=position(indicator.target_value))


# --- pages ---------------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD"])
def indicator_list(request):
    reader(request)
    indicators = indicators_for(request.user).select_related("measure", "goal").order_by("name_ar", "id")
    page = Paginator(indicators, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    latest = ind.latest_values(rows)
    for indicator in rows:
        indicator.latest = latest.get(indicator.pk)
        indicator.unit = unit_of(indicator)
        indicator.percent = is_percent(indicator)
        definition = ind.CATALOGUE.get(indicator.definition)
        indicator.definition_name = definition.name if definition else ""
        indicator.latest_label = ind.period_label(
            indicator.frequency, ind.Period(indicator.latest.period_start, indicator.latest.period_end),
            membership_of(request.user).organisation) if indicator.latest else ""
    return no_store(render(request, "followup/indicator_list.html", {
        "page": page, "indicators": rows, "query_without_page": "", "percent_sign": percent_sign(
            membership_of(request.user).organisation), "may_edit": can(request.user, "edit_indicators")}))


def _value_rows(request, indicator, organisation):
    """The indicator's values, newest first, each with its period in words, its evidence and, for
    a computed value, what it counted and the link to the complaints behind it."""
    sees_cases = case_access.can(request.user, "view_case")
    definition = ind.CATALOGUE.get(indicator.definition)
    rows = list(indicator.values.select_related("recorded_by").prefetch_related("evidence").order_by(
        "-period_start", "-period_end"))
    for row in rows:
        period = ind.Period(row.period_start, row.period_end)
        row.label = ind.period_label(indicator.frequency, period, organisation)
        row.files = list(row.evidence.all())
        row.cases_url = ""
        if row.computed and definition is not None and sees_cases:
            row.cases_url = f"{reverse('desk:queue')}?{urlencode(definition.queue_params(period, indicator.params))}"
    return rows


def _indicator_page(request, indicator, *, status=200, errors=None, values=None, notice=""):
    member = membership_of(request.user)
    organisation = member.organisation
    today = timezone.localdate()
    periods = ind.periods(indicator, today)
    rows = _value_rows(request, indicator, organisation)
    by_period = {(row.period_start, row.period_end): row for row in rows}
    recording = indicator.kind == Indicator.Kind.REPORTED and can(request.user, "report_progress")
    choices = [(p.start.isoformat(), ind.period_label(indicator.frequency, p, organisation)) for p in reversed(periods)]
    last_due = ind.last_due_period(indicator, today)
    definition = ind.CATALOGUE.get(indicator.definition)
    context = {
        "indicator": indicator, "rows": rows, "chart": chart(indicator, by_period, periods, organisation),
        "definition": definition, "params": param_words(indicator, organisation), "unit": unit_of(indicator),
        "percent": is_percent(indicator), "percent_sign": percent_sign(organisation),
        "frequency_label": indicator.get_frequency_display(), "sees_cases": case_access.can(request.user, "view_case"),
        "recording": recording, "period_choices": choices, "errors": errors or {}, "notice": notice,
        "values": values or {"period": choices[0][0] if choices else "", "value": "", "note": ""},
        "missing_due": bool(last_due and (last_due.start, last_due.end) not in by_period
                            and indicator.kind == Indicator.Kind.REPORTED),
        "last_due_label": ind.period_label(indicator.frequency, last_due, organisation) if last_due else "",
        "next_due": ind.next_due_period(indicator, today), "files": limits(),
        "may_edit": can(request.user, "edit_indicators"),
    }
    context["next_due_label"] = ind.period_label(indicator.frequency, context["next_due"], organisation)
    return no_store(render(request, "followup/indicator_detail.html", context, status=status))


@login_required
@require_http_methods(["GET", "HEAD"])
def indicator_detail(request, pk):
    reader(request)
    indicator = get_indicator_for_user(request.user, pk)
    return _indicator_page(request, indicator)


@login_required
@require_POST
def indicator_value(request, pk):
    """Record the value of a reported indicator for one of its periods, with a note and files."""
    reader(request)
    indicator = get_indicator_for_user(request.user, pk)
    back = reverse("followup:indicator", args=[indicator.pk])
    if not can(request.user, "report_progress"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    values = {"period": request.POST.get("period", ""), "value": request.POST.get("value", ""),
              "note": request.POST.get("note", "")}
    errors = {}
    period = next((p for p in ind.periods(indicator) if p.start.isoformat() == values["period"]), None)
    if period is None:
        errors["value_period"] = _("Choose one of the indicator's periods, up to the current one.")
    value, problem = ind.clean_value(values["value"], required=True)
    if problem:
        errors["value_value"] = problem
    note = values["note"].replace("\x00", "").strip()
    if len(note) > 5000:
        errors["value_note"] = _("At most %(n)s characters.") % {"n": 5000}
    uploads, file_error = check_uploads(request.FILES.getlist("files"))
    if file_error:
        errors["value_files"] = file_error
    if not errors:
        try:
            ind.record_indicator_value(actor=request.user, indicator=indicator, period=period, value=value, note=note,
                                       files=uploads)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except DomainError as error:
            errors = {f"value_{k}": v for k, v in (error.fields or {"value": error.message}).items()}
        else:
            messages.success(request, _("Value recorded."))
            return SeeOther(back + "#values")
    return _indicator_page(request, indicator, status=400, errors=errors, values=values)


@login_required
@require_http_methods(["GET", "HEAD"])
def indicator_evidence(request, pk, evidence):
    reader(request)
    indicator = get_indicator_for_user(request.user, pk)
    found = Evidence.objects.filter(pk=evidence, indicator_value__indicator=indicator).first() \
        if is_id(evidence) else None
    if found is None:
        raise Http404("not found")
    return ind.evidence_response(found)


# --- making and changing an indicator ------------------------------------------------------------------------

def _form_context(request, organisation, values, errors, *, indicator=None, notice=""):
    categories = list(Category.objects.filter(is_active=True).order_by("position", "code"))
    return {
        "indicator": indicator, "values": values, "errors": errors, "notice": notice,
        "kinds": Indicator.Kind.choices, "directions": Indicator.Direction.choices,
        "frequencies": Indicator.Frequency.choices, "definitions": list(ind.CATALOGUE.values()),
        "categories": categories, "governorates": list(organisation.governorates.order_by("name_ar")),
        "facilities": list(Facility.objects.filter(organisation=organisation).select_related("governorate")
                           .order_by("name_ar")),
        "vulnerabilities": Vulnerability.choices, "channels": Channel.choices,
        "measures": list(measures_for(request.user).select_related("goal__phase__strategy").order_by(
            "goal__phase__strategy_id", "goal__phase__number", "goal__number", "number")),
        "goals": list(Goal.objects.filter(phase__strategy__organisation=organisation).select_related(
            "phase__strategy").order_by("phase__strategy_id", "phase__number", "number")),
        "division_label": organisation.division_label, "may_publish": can(request.user, "publish_followup"),
        "action": reverse("followup:indicator_edit", args=[indicator.pk]) if indicator
        else reverse("followup:indicator_new"),
        "back": reverse("followup:indicator", args=[indicator.pk]) if indicator else reverse("followup:indicators"),
    }


def _initial(indicator: Indicator | None, request) -> dict:
    if indicator is None:
        values = dict.fromkeys(FORM_NAMES, "")
        values.update(kind=Indicator.Kind.REPORTED, direction=Indicator.Direction.INCREASE,
                      frequency=Indicator.Frequency.QUARTERLY)
        for name in ("measure", "goal"):
            value = request.GET.get(name, "")
            values[name] = value if is_id(value) else ""
        return values
    values = dict.fromkeys(FORM_NAMES, "")
    values.update({name: getattr(indicator, name) or "" for name in ("name_ar", "name_en", "name_fr", "kind",
                                                                      "definition", "unit_label", "direction",
                                                                      "frequency")})
    values.update({name: str(indicator.params.get(name, "")) for name in ind.PARAMS})
    for name in ("baseline_value", "target_value"):
        value = getattr(indicator, name)
        values[name] = "" if value is None else format(value.normalize(), "f")
    for name in ("baseline_on", "target_on"):
        value = getattr(indicator, name)
        values[name] = value.isoformat() if isinstance(value, date) else ""
    values["measure"] = str(indicator.measure_id or "")
    values["goal"] = str(indicator.goal_id or "")
    values["is_public"] = "1" if indicator.is_public else ""
    return values


def _posted(request) -> dict:
    return {name: request.POST.get(name, "") for name in FORM_NAMES}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_new(request):
    member = reader(request)
    if not can(request.user, "edit_indicators"):
        raise Http404("not found")
    organisation = member.organisation
    if request.method != "POST":
        return no_store(render(request, "followup/indicator_form.html",
                               _form_context(request, organisation, _initial(None, request), {})))
    values = _posted(request)
    cleaned, errors = ind.clean_indicator(organisation, values)
    if not can(request.user, "publish_followup"):
        cleaned.pop("is_public", None)
    if not errors:
        try:
            indicator = ind.create_indicator(actor=request.user, **cleaned)
        except NotAllowed as error:
            raise Http404("not found") from error
        except DomainError as error:
            errors = dict(error.fields) or {"name_ar": error.message}
        else:
            messages.success(request, _("Indicator recorded.") if indicator.kind == Indicator.Kind.REPORTED else
                             _("Indicator recorded. Its values are being counted from the complaints."))
            return SeeOther(reverse("followup:indicator", args=[indicator.pk]))
    return no_store(render(request, "followup/indicator_form.html",
                           _form_context(request, organisation, values, errors), status=400))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_edit(request, pk):
    member = reader(request)
    indicator = get_indicator_for_user(request.user, pk)
    back = reverse("followup:indicator", args=[indicator.pk])
    if not can(request.user, "edit_indicators"):
        return forbidden(request, _("You are not allowed to do this."), back=back)
    organisation = member.organisation
    if request.method != "POST":
        return no_store(render(request, "followup/indicator_form.html",
                               _form_context(request, organisation, _initial(indicator, request), {},
                                             indicator=indicator)))
    values = {**_posted(request), "kind": indicator.kind}
    raw = {k: v for k, v in values.items() if k != "kind"}
    raw["kind"] = indicator.kind
    cleaned, errors = ind.clean_indicator(organisation, raw, partial=True)
    cleaned.pop("kind", None)
    if not can(request.user, "publish_followup"):
        cleaned.pop("is_public", None)
    if not errors:
        try:
            ind.update_indicator(actor=request.user, indicator=indicator, **cleaned)
        except NotAllowed as error:
            return forbidden(request, error.message, back=back)
        except DomainError as error:
            errors = dict(error.fields) or {"name_ar": error.message}
        else:
            messages.success(request, _("Changes saved."))
            return SeeOther(back)
    return no_store(render(request, "followup/indicator_form.html",
                           _form_context(request, organisation, values, errors, indicator=indicator), status=400))
