"""Indicators: how progress is measured. Reported indicators get a value typed in for each period,
with a note and evidence files; computed ones are counted from Mizan's own complaints by a small
catalogue of definitions with parameters, for every period of their reporting frequency.

    from mizan.followup import indicators

    definition = indicators.CATALOGUE["resolved_on_time"]
    m = definition.measure(organisation, indicators.Period(date(2026, 1, 1), date(2026, 3, 31)),
                           {"governorate": "giza"})
    m.value, m.detail, m.cases.count(), m.queue      # the figure, what it counted, the complaints
                                                       # behind it and the desk queue's URL parameters
    indicators.periods(indicator, today)              # the indicator's periods, baseline to today
    indicators.recompute_indicator(indicator)         # every period, idempotent

Periods are calendar months, quarters, halves or years (`Indicator.Frequency`), from the one
holding the day after the baseline date (else the measure's start, the goal's phase's start, or
the day the indicator was made) to the one holding today; a value is due when its period ends.

Counting rules of the catalogue (each definition's description says the same for readers):

- A complaint belongs to a period when it was received in it (local days, as the desk queue's
  "received from/to"), except for "resolved within the deadline", where it is the day it was
  resolved. The filters select complaints with the desk queue's meaning: its categories (a
  category includes its sub-categories), governorate, place, vulnerability marker and channel.
- "Resolved within the deadline": resolved on or before the resolution due date, both in local
  days (the due date moves back while the case waits for the complainant), as the dashboard's
  "resolved on time". "First action": an officer's first action (a message, an assignment or a
  step of the workflow); days are whole days of 24 hours; the median is nearest-rank.
- A "substantiated" complaint has at least one allegation found substantiated (of the chosen
  category, when there is one), among the complaints with at least one finding.
- Each figure is one or two aggregate queries (no Python loop over cases), and each comes with
  the desk queue's URL parameters that list exactly the complaints behind it.

Computed values are derived data: the worker's sweep (`sweep_indicators`, every few minutes)
recomputes the periods whose complaints changed (the months' `DataVersion`), and
`manage.py compute_indicators` recomputes every period. Neither writes an audit row; every change
a person makes (an indicator, a reported value with its evidence) does.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.dates import format_date
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import (
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mizan.accounts.models import Facility, Governorate
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.intake import clean_text
from mizan.complaints.models import (
    Allegation,
    Case,
    CaseCategory,
    CaseVulnerability,
    Category,
    Channel,
    DataVersion,
    Finding,
    Vulnerability,
    category_subtree,
)
from mizan.complaints.services import Upload
from mizan.core.middleware import DOWNLOAD_CSP
from mizan.core.sqltime import ElapsedDays, OnOrBefore, day_start
from mizan.core.tasks import enqueue_on_commit, task
from mizan.lib.digits import to_arabic_indic, to_ascii_digits
from mizan.lib.filetypes import sniff, with_extension
from mizan.lib.images import strip_metadata
from mizan.lib.textsafety import clean_file_name

from . import projections
from .access import can, indicators_for
from .intake import is_id, parse_date
from .models import Evidence, Goal, Indicator, IndicatorValue, Measure
from .services import audit, member_organisation, require_own

__all__ = [
    "CATALOGUE",
    "Definition",
    "Measurement",
    "Period",
    "clean_indicator",
    "clean_params",
    "clean_value",
    "compute_indicator_value",
    "create_indicator",
    "evidence_response",
    "last_due_period",
    "latest_values",
    "next_due_period",
    "overdue_indicators",
    "period_containing",
    "period_label",
    "periods",
    "recompute_indicator",
    "recompute_indicators",
    "record_indicator_value",
    "store_evidence",
    "update_indicator",
    "values_due",
]

Frequency = Indicator.Frequency
Kind = Indicator.Kind
MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}
EVIDENCE_DIR = "evidence"  # under MEDIA_ROOT, random names (the progress reports' evidence too)
TWO_PLACES = Decimal("0.01")
MAX_VALUE = Decimal("999999999999.99")  # IndicatorValue.value: 14 digits, 2 of them decimals


# --- periods ---------------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Period:
    """Days `start` to `end`, both included."""

    start: date
    end: date


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_containing(frequency: str, day: date) -> Period:
    """The calendar month, quarter, half or year (by `frequency`) that holds `day`."""
    step = MONTHS[frequency]
    start = date(day.year, (day.month - 1) // step * step + 1, 1)
    return Period(start, _add_months(start, step) - timedelta(days=1))


def first_day(indicator: Indicator) -> date:
    """The first day measured: the day after the baseline; without a baseline date, the start of
    the measure, else of the goal's phase, else the day the indicator was made."""
    if indicator.baseline_on:
        return indicator.baseline_on + timedelta(days=1)
    measure = indicator.measure if indicator.measure_id else None
    if measure is not None and measure.starts_on:
        return measure.starts_on
    goal = indicator.goal if indicator.goal_id else (measure.goal if measure is not None else None)
    if goal is not None and goal.phase.starts_on:
        return goal.phase.starts_on
    return timezone.localdate(indicator.created_at)


def periods(indicator: Indicator, today: date | None = None) -> list[Period]:
    """Every period of the indicator from the first measured day to the one holding `today`."""
    today = today or timezone.localdate()
    period = period_containing(indicator.frequency, first_day(indicator))
    found = []
    while period.start <= today:
        found.append(period)
        period = period_containing(indicator.frequency, period.end + timedelta(days=1))
    return found


def last_due_period(indicator: Indicator, today: date | None = None) -> Period | None:
    """The last period that has ended before `today` (its value is due), or None."""
    today = today or timezone.localdate()
    ended = [p for p in periods(indicator, today) if p.end < today]
    return ended[-1] if ended else None


def next_due_period(indicator: Indicator, today: date | None = None) -> Period:
    """The period whose value falls due next: the one holding `today` (due on its last day), or
    the first one when measurement has not started yet."""
    today = today or timezone.localdate()
    return period_containing(indicator.frequency, max(today, first_day(indicator)))


QUARTERS = (gettext_lazy("First quarter of %(year)s"), gettext_lazy("Second quarter of %(year)s"),
            gettext_lazy("Third quarter of %(year)s"), gettext_lazy("Fourth quarter of %(year)s"))
HALVES = (gettext_lazy("First half of %(year)s"), gettext_lazy("Second half of %(year)s"))


def period_label(frequency: str, period: Period, organisation=None) -> str:
    """The period in words in the active language: "March 2026", "First quarter of 2026",
    "Second half of 2026", "2026"; digits as the organisation writes them."""
    language = (get_language() or "ar")[:2]
    locale = language if language in ("ar", "en", "fr") else "ar"
    arabic_digits = locale == "ar" and bool(getattr(organisation, "arabic_indic_digits", False))

    def digits(text: str) -> str:
        return to_arabic_indic(text) if arabic_digits else to_ascii_digits(text)

    year = digits(str(period.start.year))
    if frequency == Frequency.MONTHLY:
        return digits(format_date(period.start, format="LLLL y", locale=locale))
    if frequency == Frequency.QUARTERLY:
        return str(QUARTERS[(period.start.month - 1) // 3]) % {"year": year}
    if frequency == Frequency.HALF_YEARLY:
        return str(HALVES[(period.start.month - 1) // 6]) % {"year": year}
    return year


# --- the catalogue ---------------------------------------------------------------------------------

PARAMS = ("category", "governorate", "facility", "vulnerability", "channel")
PARAM_LABELS = {
    "category": gettext_lazy("Category"),
    "governorate": gettext_lazy("Governorate"),
    "facility": gettext_lazy("Place"),
    "vulnerability": gettext_lazy("Group at risk"),
    "channel": gettext_lazy("Channel"),
}


@dataclass(frozen=True)
class Scope:
    """The complaints an indicator counts: an organisation, a period and the filters, resolved to
    ids (a value that names nothing of the organisation matches no complaint)."""

    organisation_id: int
    period: Period
    params: dict  # the indicator's parameters as stored (codes, a place's id)
    category_ids: frozenset | None
    governorate_id: int | None
    facility_id: int | None
    vulnerability: str
    channel: str

    def filters(self, prefix: str = "", *, skip: tuple = ()) -> Q:
        """Q for the filters (not the period) on a model reaching the case through `prefix`."""
        case_id = f"{prefix[:-2]}_id" if prefix else "pk"
        q = Q(**{f"{prefix}organisation_id": self.organisation_id})
        if self.governorate_id is not None and "governorate" not in skip:
            q &= Q(**{f"{prefix}governorate_id": self.governorate_id})
        if self.facility_id is not None and "facility" not in skip:
            q &= Q(**{f"{prefix}facility_id": self.facility_id})
        if self.channel and "channel" not in skip:
            q &= Q(**{f"{prefix}channel": self.channel})
        # Subqueries, as the desk queue filters: a case with two matching categories counts once.
        if self.category_ids is not None and "category" not in skip:
            q &= Q(**{f"{case_id}__in": CaseCategory.objects.filter(
                category_id__in=sorted(self.category_ids)).values("case_id")})
        if self.vulnerability and "vulnerability" not in skip:
            q &= Q(**{f"{case_id}__in": CaseVulnerability.objects.filter(code=self.vulnerability).values("case_id")})
        return q

    def received(self, prefix: str = "", *, skip: tuple = ()) -> Q:
        """Q for the complaints received in the period, with the filters."""
        return self.filters(prefix, skip=skip) & Q(**{
            f"{prefix}received_at__gte": day_start(self.period.start),
            f"{prefix}received_at__lt": day_start(self.period.end + timedelta(days=1))})

    def queue(self, *, skip: tuple = (), received: bool = True, **extra) -> dict[str, str]:
        """The desk queue's URL parameters for these complaints (tab "all"), plus `extra`."""
        params = {"view": "all"}
        if received:
            params.update({"from": self.period.start.isoformat(), "to": self.period.end.isoformat()})
        for name in PARAMS:
            value = self.params.get(name)
            if value not in (None, "") and name not in skip:
                params[name] = str(value)
        params.update(extra)
        return params


@dataclass(frozen=True)
class Measurement:
    """A definition's figure for one period: the value (None when there is nothing to measure,
    e.g. a share of no complaints), what was counted, and the complaints behind the figure."""

    value: Decimal | None
    detail: dict  # "cases": complaints behind the figure; "numerator" / "denominator" for shares
    cases: QuerySet  # those complaints
    queue: dict  # the desk queue's URL parameters listing exactly them


def _share(numerator: int, denominator: int) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _received(scope: Scope) -> Measurement:
    cases = Case.objects.filter(scope.received())
    n = cases.count()
    return Measurement(Decimal(n), {"numerator": n, "cases": n}, cases, _received_link(scope))


def _received_link(scope: Scope) -> dict:
    return scope.queue()


def _resolved_link(scope: Scope) -> dict:
    return scope.queue(received=False, resolved_from=scope.period.start.isoformat(),
                       resolved_to=scope.period.end.isoformat(), resolution="on_time")


def _substantiated_link(scope: Scope) -> dict:
    return scope.queue(outcome=Finding.SUBSTANTIATED)


def _acted_link(scope: Scope) -> dict:
    return scope.queue(acted="yes")


def _alleged_link(scope: Scope) -> dict:
    return scope.queue(skip=("category",), alleged=scope.params.get("category") or "")


def _resolved_on_time(scope: Scope) -> Measurement:
    start, end = day_start(scope.period.start), day_start(scope.period.end + timedelta(days=1))
    # A complaint resolved in the period was received before its end: the bound lets the
    # database read the covering index from its start to the period's end only.
    resolved = Case.objects.filter(scope.filters(), received_at__lt=end, resolved_at__gte=start,
                                   resolved_at__lt=end, resolution_due__isnull=False)
    on_time = Q(OnOrBefore(F("resolved_at"), F("resolution_due"), scope.period.start - timedelta(days=1),
                           scope.period.end + timedelta(days=800)))
    counts = resolved.order_by().aggregate(denominator=Count("pk"), numerator=Count("pk", filter=on_time))
    numerator, denominator = counts["numerator"], counts["denominator"]
    return Measurement(_share(numerator, denominator),
                       {"numerator": numerator, "denominator": denominator, "cases": numerator},
                       resolved.filter(on_time), _resolved_link(scope))


def _id_band(scope: Scope, *, skip: tuple = ()) -> Q:
    """On PostgreSQL, a bound on the allegations' case id: the smallest and largest id of the
    complaints in scope (`id + 0`, or it would walk the primary key from one end until it met
    one). Redundant for correctness; it spares hashing the period's complaints against every
    allegation ever made, since ids grow with time and a period's complaints hold a narrow band
    of them. SQLite reaches the allegations from the period's complaints anyway, and a bound
    only makes it start from the allegations."""
    if connection.vendor != "postgresql":
        return Q()
    bounds = Case.objects.filter(scope.received(skip=skip)).order_by().aggregate(
        lo=Min(F("pk") + 0), hi=Max(F("pk") + 0))
    if bounds["lo"] is None:
        return Q(pk__in=[])
    return Q(case_id__gte=bounds["lo"], case_id__lte=bounds["hi"])


def _substantiated_share(scope: Scope) -> Measurement:
    found = Allegation.objects.filter(scope.received("case__"), _id_band(scope)).exclude(finding="")
    if scope.category_ids is not None:  # the queue's "finding" filter looks at that category only
        found = found.filter(category_id__in=sorted(scope.category_ids))
    substantiated = Q(finding=Finding.SUBSTANTIATED)
    counts = found.order_by().aggregate(denominator=Count("case_id", distinct=True),
                                        numerator=Count("case_id", distinct=True, filter=substantiated))
    numerator, denominator = counts["numerator"], counts["denominator"]
    cases = Case.objects.filter(scope.received(), pk__in=found.filter(substantiated).values("case_id"))
    return Measurement(_share(numerator, denominator),
                       {"numerator": numerator, "denominator": denominator, "cases": numerator},
                       cases, _substantiated_link(scope))


def nearest_rank(histogram: list[tuple[int, int]], percent: int) -> int | None:
    """The nearest-rank percentile of a histogram ((value, count), ... ascending)."""
    total = sum(n for _value, n in histogram)
    if not total:
        return None
    rank, seen = max(1, -(-percent * total // 100)), 0
    for value, n in histogram:
        seen += n
        if seen >= rank:
            return value
    return histogram[-1][0]


def _median_days_to_first_action(scope: Scope) -> Measurement:
    cases = Case.objects.filter(scope.received(), first_action_at__isnull=False)
    rows = (cases.order_by().annotate(days=ElapsedDays(F("received_at"), F("first_action_at")))
            .values_list("days").annotate(n=Count("*")))
    histogram = sorted((days, n) for days, n in rows if days is not None)
    total = sum(n for _days, n in histogram)
    median = nearest_rank(histogram, 50)
    return Measurement(None if median is None else Decimal(median),
                       {"cases": total, "median": median, "p90": nearest_rank(histogram, 90)},
                       cases, _acted_link(scope))


def _allegations_of_category(scope: Scope) -> Measurement:
    alleged = Allegation.objects.filter(scope.received("case__", skip=("category",)), _id_band(scope, skip=("category",)),
                                        category_id__in=sorted(scope.category_ids or {-1}))
    counts = alleged.order_by().aggregate(numerator=Count("*"), cases=Count("case_id", distinct=True))
    cases = Case.objects.filter(scope.received(skip=("category",)), pk__in=alleged.values("case_id"))
    return Measurement(Decimal(counts["numerator"]), {"numerator": counts["numerator"], "cases": counts["cases"]},
                       cases, _alleged_link(scope))


def _vulnerable_share(scope: Scope) -> Measurement:
    cases = Case.objects.filter(scope.received(skip=("vulnerability",)))
    marked = Q(pk__in=CaseVulnerability.objects.filter(code=scope.vulnerability).values("case_id"))
    counts = cases.order_by().aggregate(denominator=Count("pk"), numerator=Count("pk", filter=marked))
    numerator, denominator = counts["numerator"], counts["denominator"]
    return Measurement(_share(numerator, denominator),
                       {"numerator": numerator, "denominator": denominator, "cases": numerator},
                       cases.filter(marked), _received_link(scope))


@dataclass(frozen=True)
class Definition:
    """One way of counting an indicator from the complaints."""

    code: str
    name: str
    description: str
    unit: str
    params: tuple[str, ...]  # the parameters it accepts
    required: tuple[str, ...]  # of which these must be given
    count: Callable[[Scope], Measurement]
    link: Callable[[Scope], dict]  # the desk queue's URL parameters of the complaints behind a figure
    # The complaints it counts are those received in the period ("received"), or resolved in it
    # ("resolved": complaints received in any month before the period's end may change it).
    basis: str = "received"
    percent: bool = False

    def scope(self, organisation, period: Period, params: dict) -> Scope:
        nothing = -1
        governorate_id = facility_id = category_ids = None
        if params.get("governorate"):
            governorate_id = Governorate.objects.filter(organisation=organisation, code=params["governorate"]) \
                .values_list("pk", flat=True).first() or nothing
        if params.get("facility"):
            facility_id = Facility.objects.filter(organisation=organisation, pk=params["facility"]) \
                .values_list("pk", flat=True).first() or nothing
        if params.get("category"):
            categories = list(Category.objects.all())
            found = next((c for c in categories if c.code == params["category"]), None)
            category_ids = category_subtree(categories, found.pk) if found else frozenset({nothing})
        return Scope(organisation.pk, period, dict(params), category_ids, governorate_id, facility_id,
                     params.get("vulnerability") or "", params.get("channel") or "")

    def measure(self, organisation, period: Period, params: dict) -> Measurement:
        """The figure of `organisation`'s complaints for `period` (read-only)."""
        return self.count(self.scope(organisation, period, params))

    def queue_params(self, period: Period, params: dict) -> dict[str, str]:
        """The desk queue's URL parameters listing the complaints behind the figure of `period`
        (no query: the queue resolves the codes itself)."""
        return self.link(Scope(0, period, dict(params), None, None, None, params.get("vulnerability") or "",
                               params.get("channel") or ""))


CATALOGUE: dict[str, Definition] = {d.code: d for d in (
    Definition(
        "complaints_received", gettext_lazy("Complaints received"),
        gettext_lazy("The number of complaints received in the period."),
        gettext_lazy("complaints"), PARAMS, (), _received, _received_link),
    Definition(
        "resolved_on_time", gettext_lazy("Complaints resolved within the deadline (%)"),
        gettext_lazy("Of the complaints resolved in the period, the share resolved on or before their resolution "
                     "due date (which moves back while the case waits for the complainant)."),
        "%", PARAMS, (), _resolved_on_time, _resolved_link, basis="resolved", percent=True),
    Definition(
        "substantiated_share", gettext_lazy("Complaints with a substantiated allegation (%)"),
        gettext_lazy("Of the complaints received in the period with at least one finding recorded, the share with "
                     "at least one allegation found substantiated (of the chosen category, when there is one)."),
        "%", PARAMS, (), _substantiated_share, _substantiated_link, percent=True),
    Definition(
        "median_days_to_first_action", gettext_lazy("Median days from receipt to first action"),
        gettext_lazy("Whole days from the receipt of a complaint to an officer's first action (a message, an "
                     "assignment or a step of the workflow): the median over the complaints received in the period "
                     "that had one."),
        gettext_lazy("days"), PARAMS, (), _median_days_to_first_action, _acted_link),
    Definition(
        "allegations_of_category", gettext_lazy("Allegations of a category"),
        gettext_lazy("The number of alleged acts of the chosen category (and its sub-categories) in the complaints "
                     "received in the period."),
        gettext_lazy("allegations"), PARAMS, ("category",), _allegations_of_category, _alleged_link),
    Definition(
        "vulnerable_share", gettext_lazy("Complaints concerning a group at risk (%)"),
        gettext_lazy("Of the complaints received in the period, the share concerning the chosen group at risk."),
        "%", PARAMS, ("vulnerability",), _vulnerable_share, _received_link, percent=True),
)}


def clean_params(organisation, code: str, raw) -> tuple[dict, dict]:
    """(parameters as stored, errors keyed "param_<name>") for definition `code`, from the form's
    or the API's values: codes for a category, governorate, group or channel, a place's id."""
    definition = CATALOGUE.get(code)
    if definition is None:
        return {}, {"definition": _("Choose a definition from the list.")}
    params, errors = {}, {}
    for name in definition.params:
        value = str(raw.get(name) or "").strip()
        key = f"param_{name}"
        if not value:
            if name in definition.required:
                errors[key] = _("This definition needs this value: choose one.")
            continue
        if name == "category" and not Category.objects.filter(code=value).exists():
            errors[key] = _("Choose a category from the list.")
        elif name == "governorate" and not Governorate.objects.filter(organisation=organisation, code=value).exists():
            errors[key] = _("Choose a value from the list.")
        elif name == "facility":
            if not (is_id(value) and Facility.objects.filter(organisation=organisation, pk=value).exists()):
                errors[key] = _("Choose a place from the list.")
            else:
                value = int(value)
        elif name == "vulnerability" and value not in Vulnerability.values or name == "channel" and value not in Channel.values:
            errors[key] = _("Choose a value from the list.")
        params[name] = value
    return params, errors


# --- checking input ------------------------------------------------------------------------------

def clean_value(raw, *, required: bool = False) -> tuple[Decimal | None, str | None]:
    """A number as people type it: Arabic-Indic digits, "٫" or "," as the decimal sign, spaces or
    "٬" between thousands; rounded to two decimals. (value, error message)."""
    text = to_ascii_digits(str(raw if raw is not None else "")).strip()
    for thousands in (" ", "\u00a0", "\u202f", "\u066c", "'"):
        text = text.replace(thousands, "")
    text = text.replace("\u066b", ".")
    if "," in text:
        text = text.replace(",", "") if "." in text else text.replace(",", ".")
    if not text:
        return None, (_("This field is required.") if required else None)
    try:
        value = Decimal(text).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return None, _("Enter a number, such as 12 or 12.5.")
    if not value.is_finite() or abs(value) > MAX_VALUE:
        return None, _("Enter a number, such as 12 or 12.5.")
    return value, None



def clean_indicator(organisation, raw, *, partial: bool = False) -> tuple[dict, dict]:
    """Validate an indicator of `organisation` from a form or the API: (keyword arguments of
    `create_indicator` / `update_indicator`, errors in the active language). `partial`: an
    edit, only the keys present (the kind never changes)."""
    errors: dict[str, str] = {}
    cleaned: dict = {}

    def present(name):
        return not partial or name in raw

    for name, required in (("name_ar", True), ("name_en", False), ("name_fr", False)):
        if present(name):
            text = clean_text(raw.get(name), max_length=200)
            if required and not text:
                errors[name] = _("This field is required.")
            elif len(text) > 200:
                errors[name] = _("At most %(n)s characters.") % {"n": 200}
            cleaned[name] = text
    if present("unit_label"):
        cleaned["unit_label"] = clean_text(raw.get("unit_label"), max_length=60)[:60]
    if not partial:
        kind = str(raw.get("kind") or Kind.REPORTED)
        if kind not in Kind.values:
            errors["kind"] = _("Choose a value from the list.")
        cleaned["kind"] = kind
    kind = cleaned.get("kind") or raw.get("kind")
    if kind == Kind.COMPUTED and (not partial or "definition" in raw):
        code = str(raw.get("definition") or "")
        params, param_errors = clean_params(organisation, code, raw)
        errors.update(param_errors)
        cleaned["definition"], cleaned["params"] = code, params
    for name in ("baseline_value", "target_value"):
        if present(name):
            cleaned[name], error = clean_value(raw.get(name))
            if error:
                errors[name] = error
    for name in ("baseline_on", "target_on"):
        if present(name):
            cleaned[name] = parse_date(raw, name, errors)
    if cleaned.get("baseline_on") and cleaned.get("target_on") and cleaned["target_on"] < cleaned["baseline_on"]:
        errors["target_on"] = _("The target date cannot be before the baseline date.")
    for name, choices in (("direction", Indicator.Direction), ("frequency", Frequency)):
        if present(name):
            value = str(raw.get(name) or "")
            if value not in choices.values:
                errors[name] = _("Choose a value from the list.")
            cleaned[name] = value
    if present("measure"):
        value = str(raw.get("measure") or "").strip()
        cleaned["measure"] = Measure.objects.filter(organisation=organisation, pk=value).first() \
            if is_id(value) else None
        if value and cleaned["measure"] is None:
            errors["measure"] = _("Choose a measure of your organisation's plans.")
    if present("goal"):
        value = str(raw.get("goal") or "").strip()
        cleaned["goal"] = Goal.objects.filter(phase__strategy__organisation=organisation, pk=value).first() \
            if is_id(value) else None
        if value and cleaned["goal"] is None:
            errors["goal"] = _("Choose a goal of your organisation's plans.")
    if present("is_public"):
        cleaned["is_public"] = str(raw.get("is_public") or "").lower() in ("1", "true", "on", "yes")
    return cleaned, errors


# --- recording (domain functions) ------------------------------------------------------------------

INDICATOR_FIELDS = ("name_ar", "name_en", "name_fr", "unit_label", "definition", "params", "baseline_value",
                    "baseline_on", "target_value", "target_on", "direction", "frequency", "measure", "goal",
                    "is_public")
# Changing one of these changes what the computed values count: they are counted again.
RECOUNT_FIELDS = frozenset({"definition", "params", "frequency", "baseline_on", "measure", "goal"})


def _check_links(organisation, *, measure, goal, kind, definition, params) -> None:
    if measure is not None and measure.organisation_id != organisation.pk:
        raise Invalid(_("Choose a measure of your organisation's plans."),
                      fields={"measure": _("Choose a measure of your organisation's plans.")})
    if goal is not None and goal.phase.strategy.organisation_id != organisation.pk:
        raise Invalid(_("Choose a goal of your organisation's plans."),
                      fields={"goal": _("Choose a goal of your organisation's plans.")})
    if kind == Kind.COMPUTED:
        _cleaned, errors = clean_params(organisation, definition, params or {})
        if errors:
            raise Invalid(_("Some information is missing or not valid."), fields=errors)
    elif definition or params:
        raise Invalid(_("Only a computed indicator has a definition."),
                      fields={"definition": _("Only a computed indicator has a definition.")})


def _may_publish(actor, before: bool, after: bool) -> None:
    if before != after and not can(actor, "publish_followup"):
        raise NotAllowed(_("You are not allowed to do this."))


def create_indicator(*, actor, name_ar: str, kind: str = Kind.REPORTED, definition: str = "", params=None,
                     measure: Measure | None = None, goal: Goal | None = None, is_public: bool = False,
                     **fields) -> Indicator:
    """Record an indicator of the actor's organisation, attached to a measure or a goal (or
    neither); a computed one with a definition of the catalogue and its parameters.

    Side effects: audit `followup.indicator.create`; projections ("created"); for a computed
    indicator, the task `compute_indicator_task` on commit (its values for every period)."""
    organisation = member_organisation(actor, "edit_indicators")
    _may_publish(actor, False, is_public)
    if kind not in Kind.values:
        raise Invalid(_("Choose a value from the list."), fields={"kind": _("Choose a value from the list.")})
    _check_links(organisation, measure=measure, goal=goal, kind=kind, definition=definition, params=params)
    with transaction.atomic():
        indicator = Indicator.objects.create(
            organisation=organisation, name_ar=name_ar, kind=kind, definition=definition if kind == Kind.COMPUTED
            else "", params=dict(params or {}) if kind == Kind.COMPUTED else {}, measure=measure, goal=goal,
            is_public=is_public, **{k: v for k, v in fields.items() if k in INDICATOR_FIELDS})
        audit(organisation, actor, "followup.indicator.create", indicator, kind=kind, definition=indicator.definition,
              measure=measure.pk if measure else None, goal=goal.pk if goal else None)
        projections.after_change(projections.Change(organisation.pk, indicators=(indicator.pk,), what="created"))
        if kind == Kind.COMPUTED:
            enqueue_on_commit(compute_indicator_task, indicator.pk)
    return indicator


def update_indicator(*, actor, indicator: Indicator, **fields) -> Indicator:
    """Change what an indicator is (not its kind). For a computed one, a change of definition,
    parameters, frequency or start deletes its values and counts them again; a reported one keeps
    its frequency once a value is recorded (the values would no longer match the periods).

    Side effects: audit `followup.indicator.change` (names of the fields changed); projections;
    for a computed indicator counted again, the task `compute_indicator_task` on commit."""
    organisation = require_own(actor, "edit_indicators", indicator.organisation_id)
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        changed = [name for name, value in fields.items()
                   if name in INDICATOR_FIELDS and getattr(locked, name) != value]
        if "is_public" in changed:
            _may_publish(actor, locked.is_public, fields["is_public"])
        if locked.kind == Kind.REPORTED and "frequency" in changed and locked.values.exists():
            raise Invalid(_("Values are recorded for this indicator's periods: its frequency can no longer "
                            "change. Make a new indicator instead."),
                          fields={"frequency": _("Values are recorded for this indicator's periods: its frequency "
                                                 "can no longer change. Make a new indicator instead.")})
        for name in changed:
            setattr(locked, name, fields[name])
        _check_links(organisation, measure=locked.measure, goal=locked.goal, kind=locked.kind,
                     definition=locked.definition, params=locked.params)
        if changed:
            locked.save(update_fields=changed)
            recount = locked.kind == Kind.COMPUTED and RECOUNT_FIELDS.intersection(changed)
            if recount:
                IndicatorValue.objects.filter(indicator=locked).delete()
                enqueue_on_commit(compute_indicator_task, locked.pk)
            audit(organisation, actor, "followup.indicator.change", locked, fields=sorted(changed),
                  recounted=bool(recount))
            projections.after_change(projections.Change(organisation.pk, indicators=(locked.pk,)))
    return locked


def store_evidence(organisation_id: int, upload: Upload, *, actor, indicator_value: IndicatorValue | None = None,
                   report=None) -> Evidence:
    """Keep one evidence file under the upload policy of complaints: the type sniffed from the
    content (faces check first with `complaints.uploads.check_uploads`; this is the last line of
    defence), pictures stripped of their metadata, a random stored name. Call inside the
    transaction of the change it proves."""
    content_type = sniff(upload.data[:64], upload.data)
    try:
        data = strip_metadata(upload.data, content_type) if content_type else None
    except ValueError:
        data = None
    if data is None:
        raise Invalid(_("This type of file is not accepted."), fields={"files": _("This type of file is not accepted.")})
    if len(data) > settings.MIZAN_MAX_UPLOAD_BYTES:
        raise Invalid(_("This file is too large."), fields={"files": _("This file is too large.")})
    stored_name = secrets.token_hex(20)
    default_storage.save(f"{EVIDENCE_DIR}/{stored_name}", ContentFile(data))
    return Evidence.objects.create(
        organisation_id=organisation_id, indicator_value=indicator_value, report=report,
        original_name=with_extension(clean_file_name(upload.name), content_type), content_type=content_type,
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), stored_name=stored_name, uploaded_by=actor)


def evidence_response(evidence: Evidence) -> FileResponse:
    """The stored file of `evidence` as a download, for a view that has checked access: always an
    attachment, its type as decided at upload, sniffing off, and a sandboxing CSP."""
    try:
        handle = default_storage.open(f"{EVIDENCE_DIR}/{evidence.stored_name}", "rb")
    except FileNotFoundError:
        raise Http404("not found") from None
    response = FileResponse(handle, as_attachment=True, filename=clean_file_name(evidence.original_name),
                            content_type=evidence.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def record_indicator_value(*, actor, indicator: Indicator, period: Period, value: Decimal, note: str = "",
                           files=(), today: date | None = None) -> IndicatorValue:
    """Record (or correct) the value of a reported indicator for one of its periods, with a note
    and evidence files (`complaints.services.Upload`, checked by the face first). A correction
    replaces the value and the note; evidence files are added to those already there.

    Side effects: the IndicatorValue row; Evidence rows and their files; audit
    `followup.indicator.value` (the period, whether it replaced a value, the number of files);
    projections ("value")."""
    organisation = require_own(actor, "report_progress", indicator.organisation_id)
    if indicator.kind != Kind.REPORTED:
        raise Invalid(_("The values of a computed indicator are counted by Mizan, not typed in."),
                      fields={"value": _("The values of a computed indicator are counted by Mizan, not typed in.")})
    if period not in periods(indicator, today):
        raise Invalid(_("Choose one of the indicator's periods, up to the current one."),
                      fields={"period": _("Choose one of the indicator's periods, up to the current one.")})
    files = list(files)
    if len(files) > settings.MIZAN_MAX_FILES_PER_SUBMISSION:
        raise Invalid(_("Too many files."), fields={"files": _("Too many files.")})
    with transaction.atomic():
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()  # one writer per indicator
        row = IndicatorValue.objects.filter(indicator=indicator, period_start=period.start,
                                            period_end=period.end).first()
        replaced = row is not None
        if row is None:
            row = IndicatorValue(indicator=indicator, period_start=period.start, period_end=period.end)
        row.value, row.note, row.computed, row.detail = value, note, False, {}
        row.recorded_by, row.recorded_at = actor, timezone.now()
        row.save()
        for upload in files:
            store_evidence(organisation.pk, upload, actor=actor, indicator_value=row)
        audit(organisation, actor, "followup.indicator.value", indicator, period_start=period.start.isoformat(),
              period_end=period.end.isoformat(), replaced=replaced, files=len(files))
        projections.after_change(projections.Change(organisation.pk, indicators=(indicator.pk,), what="value"))
    return row


# --- computing ----------------------------------------------------------------------------------------

def _fingerprint(indicator: Indicator, definition: Definition, period: Period) -> str:
    """What the period's figure depends on: the data versions of the months whose complaints it
    counts (each raised by every change to a complaint received that month), and the parameters."""
    versions = DataVersion.objects.filter(organisation_id=indicator.organisation_id,
                                          month__lte=period.end.replace(day=1))
    if definition.basis == "received":
        versions = versions.filter(month__gte=period.start.replace(day=1))
    total = versions.aggregate(sum=Sum("version"), months=Count("pk"))
    what = repr((definition.code, sorted(indicator.params.items()), total["sum"] or 0, total["months"]))
    return hashlib.sha256(what.encode()).hexdigest()[:16]


def _counting():
    """A transaction fit for short analytical queries on PostgreSQL (no JIT, enough memory for
    sorts and hashes, index reads costed as on an SSD); nothing on SQLite, where a transaction
    would take the write lock."""
    if connection.vendor != "postgresql":
        return _NoTransaction()
    return _AnalyticalTransaction()


class _NoTransaction:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _AnalyticalTransaction:
    def __enter__(self):
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL work_mem = '64MB'")
            cursor.execute("SET LOCAL random_page_cost = 1.1")
        return self

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def measure_period(indicator: Indicator, period: Period) -> Measurement:
    """The computed indicator's figure for `period` (read-only)."""
    definition = CATALOGUE[indicator.definition]
    with _counting():
        measurement = definition.measure(indicator.organisation, period, indicator.params)
    return measurement


def compute_indicator_value(indicator: Indicator, period: Period, *, fingerprint: str = "") -> IndicatorValue | None:
    """Count the computed indicator's value for `period` and store it (idempotent: the same row
    is rewritten). A period with nothing to measure (a share of no complaints) keeps no value.
    Derived data: no audit row."""
    measurement = measure_period(indicator, period)
    with transaction.atomic():
        if measurement.value is None:
            IndicatorValue.objects.filter(indicator=indicator, period_start=period.start,
                                          period_end=period.end).delete()
            return None
        row, _created = IndicatorValue.objects.update_or_create(
            indicator=indicator, period_start=period.start, period_end=period.end,
            defaults={"value": measurement.value, "computed": True, "note": "", "recorded_by": None,
                      "recorded_at": timezone.now(), "detail": {**measurement.detail, "version": fingerprint}})
    return row


def recompute_indicator(indicator: Indicator, *, today: date | None = None, only_changed: bool = False) -> dict:
    """Count a computed indicator for each of its periods, from the first to the one holding
    today, and drop values of periods it no longer has. `only_changed`: skip the periods whose
    complaints did not change since they were counted (the worker's sweep). Returns counts."""
    counts = {"computed": 0, "unchanged": 0, "empty": 0}
    if indicator.kind != Kind.COMPUTED or indicator.definition not in CATALOGUE:
        return counts
    definition = CATALOGUE[indicator.definition]
    wanted = periods(indicator, today)
    stored = {(v.period_start, v.period_end): v for v in IndicatorValue.objects.filter(indicator=indicator)}
    stale = [v.pk for key, v in stored.items() if Period(*key) not in wanted]
    if stale:
        IndicatorValue.objects.filter(pk__in=stale).delete()
    for period in wanted:
        fingerprint = _fingerprint(indicator, definition, period)
        row = stored.get((period.start, period.end))
        if only_changed and row is not None and row.detail.get("version") == fingerprint:
            counts["unchanged"] += 1
            continue
        if compute_indicator_value(indicator, period, fingerprint=fingerprint) is None:
            counts["empty"] += 1
        else:
            counts["computed"] += 1
    if counts["computed"] or counts["empty"] or stale:
        projections.after_change(projections.Change(indicator.organisation_id, indicators=(indicator.pk,),
                                                    what="computed"))
    return counts


def recompute_indicators(*, organisation=None, only_changed: bool = False, today: date | None = None) -> dict:
    """Every computed indicator (of `organisation`, or of all): counts summed."""
    indicators = Indicator.objects.filter(kind=Kind.COMPUTED).select_related(
        "organisation", "measure", "goal__phase").order_by("organisation_id", "pk")
    if organisation is not None:
        indicators = indicators.filter(organisation=organisation)
    total = {"indicators": 0, "computed": 0, "unchanged": 0, "empty": 0}
    for indicator in indicators:
        counts = recompute_indicator(indicator, today=today, only_changed=only_changed)
        total["indicators"] += 1
        for key, n in counts.items():
            total[key] += n
    return total


@task()
def compute_indicator_task(indicator_id: int) -> dict:
    """Count a computed indicator's values for every period (queued when it is made or changed)."""
    indicator = Indicator.objects.filter(pk=indicator_id).select_related("organisation", "measure",
                                                                          "goal__phase").first()
    return recompute_indicator(indicator) if indicator is not None else {}


@task()
def sweep_indicators() -> dict:
    """Count again the periods of computed indicators whose complaints changed (the worker
    enqueues it with the other periodic sweeps; idempotent)."""
    return recompute_indicators(only_changed=True)


# --- reads ----------------------------------------------------------------------------------------------

def latest_values(indicators) -> dict[int, IndicatorValue]:
    """{indicator id: its value of the latest period that has one}, in one query."""
    newest = IndicatorValue.objects.filter(indicator_id=OuterRef("indicator_id")).order_by(
        "-period_start", "-period_end").values("pk")[:1]
    ids = [indicator.pk for indicator in indicators]
    return {value.indicator_id: value for value in
            IndicatorValue.objects.filter(indicator_id__in=ids, pk=Subquery(newest))}


@dataclass(frozen=True)
class Due:
    """A reported indicator's value for `period`, due on the period's last day."""

    indicator: Indicator
    period: Period

    @property
    def due_on(self) -> date:
        return self.period.end

    @property
    def label(self) -> str:
        return period_label(self.indicator.frequency, self.period, self.indicator.organisation)


def _reported(user) -> list[Indicator]:
    return list(indicators_for(user).filter(kind=Kind.REPORTED).select_related(
        "organisation", "measure__goal__phase", "goal__phase").order_by("name_ar", "pk"))


def _recorded(indicators) -> set[tuple[int, date, date]]:
    return set(IndicatorValue.objects.filter(indicator__in=[i.pk for i in indicators]).values_list(
        "indicator_id", "period_start", "period_end"))


def overdue_indicators(user, today: date | None = None) -> list[Due]:
    """Reported indicators of the user's organisation with no value for the last period that has
    ended, the longest overdue first. (Computed ones are counted by Mizan itself.)"""
    today = today or timezone.localdate()
    reported = _reported(user)
    recorded = _recorded(reported)
    found = []
    for indicator in reported:
        period = last_due_period(indicator, today)
        if period is not None and (indicator.pk, period.start, period.end) not in recorded:
            found.append(Due(indicator, period))
    return sorted(found, key=lambda d: (d.period.end, d.indicator.pk))


def values_due(user, today: date, until: date) -> list[Due]:
    """Reported indicators whose next value falls due (its period ends) from `today` to `until`
    and is not recorded yet, the soonest first."""
    reported = _reported(user)
    recorded = _recorded(reported)
    found = []
    for indicator in reported:
        period = next_due_period(indicator, today)
        if today <= period.end <= until and (indicator.pk, period.start, period.end) not in recorded:
            found.append(Due(indicator, period))
    return sorted(found, key=lambda d: (d.period.end, d.indicator.pk))
