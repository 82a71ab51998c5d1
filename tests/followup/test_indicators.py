"""Indicators: the computed catalogue against hand counts (every definition, with each filter), the
periods of each frequency, the desk queue listing exactly the complaints behind a figure, reported
values with their evidence (a bad file refused), counting every period and the worker's sweep, the
pages, the API and who may do what."""

import json
import os
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from mizan.accounts.models import ApiToken, Facility, Governorate
from mizan.audit.models import AuditEvent
from mizan.complaints import caselist as forms_queue
from mizan.complaints import caselist as selectors
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Category
from mizan.complaints.services import (
    Upload,
    add_allegation,
    assign_case,
    submit_complaint,
    transition_case,
)
from mizan.followup import indicators as ind
from mizan.followup import plans
from mizan.followup.models import Evidence, Indicator, IndicatorValue
from tests.security.files import EXE, HTML, PDF

PERIOD_DAYS = 100


def period() -> ind.Period:
    today = timezone.localdate()
    return ind.Period(today - timedelta(days=PERIOD_DAYS), today)


def english(client, user):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


def evidence_files() -> list[str]:
    root = default_storage.path(ind.EVIDENCE_DIR)
    return sorted(os.listdir(root)) if os.path.isdir(root) else []


def _resolve(case, officer, findings: dict[str, list[str]]):
    """Take `case` through review and investigation to "resolved", with the findings given per
    category code, in the order the allegations were made."""
    case = transition_case(actor=officer, case=case, to="under_review")
    case = transition_case(actor=officer, case=case, to="in_progress")
    left = {code: list(values) for code, values in findings.items()}
    chosen = {a.pk: {"finding": left[a.category.code].pop(0)}
              for a in case.allegations.select_related("category").order_by("id")}
    return transition_case(actor=officer, case=case, to="resolved", note="تم التحقيق", findings=chosen)


@pytest.fixture
def complaints(followup_staff, file_case, places, other_org):
    """Complaints of `org` made through the domain functions; the period is the last 100 days.

    case  received      place / channel         groups        categories (allegations)              what happens
    a     1 day ago     Giza                    child         torture ×2, arbitrary_detention       assigned, resolved now on time: substantiated, not, not
    b     80 days ago   Cairo prison, phone     -             torture                               resolved now, late: mediation
    c     60 days ago   Dokki station (Giza)    woman         due_process                           untouched
    d     2 hours ago   -                       woman, child  detention_conditions, torture         untouched
    e     2 days ago    letter                  -             police_conduct                        withdrawn by the officer
    f     370 days ago  -                       -             torture                               resolved now (in the period), late: substantiated
    x     (other_org, 1 day ago)                                                                   never counted for `org`
    """
    now = timezone.now()
    officer, supervisor = followup_staff["officer"], followup_staff["supervisor"]
    a, _ = file_case("ضربوني في الجيزة", received_at=now - timedelta(days=1), governorate="giza",
                     vulnerabilities=["child"], categories=["torture", "arbitrary_detention"])
    assign_case(actor=supervisor, case=a, officer=officer)
    add_allegation(actor=officer, case=a, category=Category.objects.get(code="torture"), summary="مرة ثانية")
    a = _resolve(a, officer, {"torture": ["substantiated", "not_substantiated"],
                              "arbitrary_detention": ["not_substantiated"]})
    b, _ = file_case("في سجن القاهرة", received_at=now - timedelta(days=80), channel="phone",
                     facility=str(places["prison"].pk), categories=["torture"], incident_date="")
    b = _resolve(b, officer, {"torture": ["mediation"]})
    c, _ = file_case("لم يعرضوني على النيابة", received_at=now - timedelta(days=60),
                     facility=str(places["station"].pk), vulnerabilities=["woman"], categories=["due_process"],
                     incident_date="")
    d, _ = file_case("الزيارة ممنوعة", received_at=now - timedelta(hours=2), vulnerabilities=["woman", "child"],
                     categories=["detention_conditions", "torture"])
    e, _ = file_case("رفضوا تحرير محضر", received_at=now - timedelta(days=2), channel="letter",
                     categories=["police_conduct"])
    e = transition_case(actor=officer, case=e, to="withdrawn")
    f, _ = file_case("قديمة", received_at=now - timedelta(days=370), categories=["torture"], incident_date="")
    f = _resolve(f, officer, {"torture": ["substantiated"]})
    cleaned, errors = clean_intake(other_org, {"narrative": "احتجاز تعسفي في الرباط", "anonymous": True,
                                               "categories": ["torture"], "vulnerabilities": ["child"]})
    assert errors == {}
    x, _ = submit_complaint(organisation=other_org, channel="web", received_at=now - timedelta(days=1), **cleaned)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "x": x}


# (definition, parameters, value, detail): counted by hand from the table above.
HAND_COUNTS = [
    ("complaints_received", {}, "5", {"numerator": 5, "cases": 5}),
    ("complaints_received", {"governorate": "giza"}, "2", {"numerator": 2, "cases": 2}),
    ("complaints_received", {"category": "torture"}, "3", {"numerator": 3, "cases": 3}),
    ("complaints_received", {"vulnerability": "child"}, "2", {"numerator": 2, "cases": 2}),
    ("complaints_received", {"facility": "prison"}, "1", {"numerator": 1, "cases": 1}),
    ("complaints_received", {"channel": "letter"}, "1", {"numerator": 1, "cases": 1}),
    ("resolved_on_time", {}, "33.33", {"numerator": 1, "denominator": 3, "cases": 1}),
    ("resolved_on_time", {"governorate": "giza"}, "100.00", {"numerator": 1, "denominator": 1, "cases": 1}),
    ("resolved_on_time", {"category": "torture"}, "33.33", {"numerator": 1, "denominator": 3, "cases": 1}),
    ("resolved_on_time", {"channel": "phone"}, "0.00", {"numerator": 0, "denominator": 1, "cases": 0}),
    ("substantiated_share", {}, "50.00", {"numerator": 1, "denominator": 2, "cases": 1}),
    ("substantiated_share", {"category": "torture"}, "50.00", {"numerator": 1, "denominator": 2, "cases": 1}),
    ("substantiated_share", {"category": "arbitrary_detention"}, "0.00",
     {"numerator": 0, "denominator": 1, "cases": 0}),
    ("substantiated_share", {"facility": "prison"}, "0.00", {"numerator": 0, "denominator": 1, "cases": 0}),
    ("median_days_to_first_action", {}, "2", {"cases": 3, "median": 2, "p90": 80}),
    ("median_days_to_first_action", {"governorate": "giza"}, "1", {"cases": 1, "median": 1, "p90": 1}),
    ("median_days_to_first_action", {"vulnerability": "woman"}, None, {"cases": 0, "median": None, "p90": None}),
    ("allegations_of_category", {"category": "torture"}, "4", {"numerator": 4, "cases": 3}),
    ("allegations_of_category", {"category": "torture", "governorate": "giza"}, "2", {"numerator": 2, "cases": 1}),
    ("allegations_of_category", {"category": "arbitrary_detention", "vulnerability": "child"}, "1",
     {"numerator": 1, "cases": 1}),
    ("vulnerable_share", {"vulnerability": "child"}, "40.00", {"numerator": 2, "denominator": 5, "cases": 2}),
    ("vulnerable_share", {"vulnerability": "child", "category": "torture"}, "66.67",
     {"numerator": 2, "denominator": 3, "cases": 2}),
    ("vulnerable_share", {"vulnerability": "woman", "governorate": "giza"}, "50.00",
     {"numerator": 1, "denominator": 2, "cases": 1}),
]
IDS = [f"{code}-{'-'.join(f'{k}={v}' for k, v in params.items()) or 'all'}" for code, params, _v, _d in HAND_COUNTS]


def _params(params: dict, places) -> dict:
    return {k: (places[v].pk if k == "facility" else v) for k, v in params.items()}


@pytest.mark.parametrize(("code", "params", "value", "detail"), HAND_COUNTS, ids=IDS)
def test_each_definition_counts_what_a_person_counts_by_hand(complaints, org, places, code, params, value, detail):
    measurement = ind.CATALOGUE[code].measure(org, period(), _params(params, places))

    assert measurement.value == (None if value is None else Decimal(value))
    assert measurement.detail == detail
    assert measurement.cases.count() == detail["cases"]


@pytest.mark.parametrize(("code", "params", "value", "detail"), HAND_COUNTS, ids=IDS)
def test_the_desk_queue_lists_exactly_the_complaints_behind_a_figure(complaints, org, places, followup_staff, code,
                                                                     params, value, detail):
    params = _params(params, places)
    measurement = ind.CATALOGUE[code].measure(org, period(), params)
    query = QueryDict(mutable=True)
    query.update(ind.CATALOGUE[code].queue_params(period(), params))
    filters, notes = forms_queue.parse_filters(selectors.queue_choices(org), query)

    listed = selectors.queue_cases(followup_staff["supervisor"], query["view"], filters)

    assert notes == []
    assert listed.count() == detail["cases"]
    assert set(listed.values_list("pk", flat=True)) == set(measurement.cases.values_list("pk", flat=True))


def test_the_queue_shows_the_complaints_behind_a_figure_with_their_filters_in_words(client, complaints, org,
                                                                                    followup_staff):
    params = ind.CATALOGUE["resolved_on_time"].queue_params(period(), {"category": "torture"})
    response = english(client, followup_staff["supervisor"]).get(f"/desk/?{urlencode(params)}")

    page = response.content.decode()
    assert response.status_code == 200
    assert [complaints[k].reference in page for k in "abcdef"] == [True, False, False, False, False, False]
    for words in ("Resolved from", "Resolution deadline", "Met", "Torture"):
        assert words in page
    assert 'name="resolution" value="on_time"' in page  # kept when another filter changes


def test_the_queue_names_each_value_of_these_filters_it_cannot_use(org):
    query = QueryDict("resolved_from=yesterday&resolution=soon&acted=maybe&alleged=nope")
    with translation.override("en"):
        filters, notes = forms_queue.parse_filters(selectors.queue_choices(org), query)

    assert notes == ["“yesterday” is not a date (use YYYY-MM-DD); that filter was ignored.",
                     "“soon” is not a valid resolution deadline; that filter was ignored.",
                     "“maybe” is not a valid first action; that filter was ignored.",
                     "“nope” is not a valid allegation; that filter was ignored."]
    assert (filters.resolved_from, filters.resolution, filters.acted, filters.alleged_ids) == (None, "", "", frozenset())


def test_a_category_counts_its_sub_categories(complaints, org, file_case):
    torture = Category.objects.get(code="torture")
    Category.objects.create(code="torture_electric", parent=torture, label_ar="الصعق الكهربائي",
                            label_en="Electric shocks", label_fr="Décharges électriques")
    file_case("صعق كهربائي", received_at=timezone.now() - timedelta(days=3), categories=["torture_electric"])

    received = ind.CATALOGUE["complaints_received"].measure(org, period(), {"category": "torture"})
    alleged = ind.CATALOGUE["allegations_of_category"].measure(org, period(), {"category": "torture"})

    assert (received.value, alleged.value, alleged.detail["cases"]) == (Decimal(4), Decimal(5), 4)


@pytest.mark.parametrize("zone", ["Africa/Cairo", "UTC", "America/New_York"])
def test_resolved_on_time_follows_the_local_day_of_the_resolution(org, file_case, followup_staff, zone):
    """A resolution at 23:30 local time on the due date is on time; at 00:30 the next day it is late,
    east of UTC (the same UTC date), at UTC and west of it (the next UTC date for both)."""
    officer = followup_staff["officer"]
    cases = []
    with override_settings(TIME_ZONE=zone):
        today = timezone.localdate()
        for hour, minute, day_offset in ((23, 30, 0), (0, 30, 1)):
            case, _ = file_case("تأخر البت", received_at=timezone.now() - timedelta(days=5), categories=["torture"])
            case = _resolve(case, officer, {"torture": ["mediation"]})
            resolved = timezone.make_aware(datetime.combine(today - timedelta(days=3 - day_offset),
                                                            time(hour, minute)))
            type(case).objects.filter(pk=case.pk).update(resolved_at=resolved,
                                                         resolution_due=today - timedelta(days=3))
            cases.append(case)
        measurement = ind.CATALOGUE["resolved_on_time"].measure(org, period(), {})
        cases_listed = list(measurement.cases.values_list("pk", flat=True))

    assert measurement.detail == {"numerator": 1, "denominator": 2, "cases": 1}
    assert cases_listed == [cases[0].pk]


# --- parameters ---------------------------------------------------------------------------------------

def test_parameters_are_checked_against_the_catalogue(org, other_org, places):
    rabat = Governorate.objects.create(organisation=other_org, code="rabat", name_ar="الرباط", name_en="Rabat")
    theirs = Facility.objects.create(organisation=other_org, kind="police_station", governorate=rabat,
                                     name_ar="مخفر", name_en="Post")
    with translation.override("en"):
        params, errors = ind.clean_params(org, "vulnerable_share", {
            "category": "nope", "governorate": "rabat", "facility": str(theirs.pk), "channel": "pigeon"})
        unknown = ind.clean_params(org, "no_such_definition", {})
        good = ind.clean_params(org, "allegations_of_category", {"category": "torture", "facility":
                                                                 str(places["station"].pk), "channel": "web"})

    assert errors == {"param_category": "Choose a category from the list.",
                      "param_governorate": "Choose a value from the list.",
                      "param_facility": "Choose a place from the list.",
                      "param_vulnerability": "This definition needs this value: choose one.",
                      "param_channel": "Choose a value from the list."}
    assert unknown == ({}, {"definition": "Choose a definition from the list."})
    assert good == ({"category": "torture", "facility": places["station"].pk, "channel": "web"}, {})


def test_values_are_read_as_people_type_them():
    assert [ind.clean_value(text)[0] for text in ("12", "12.5", "١٢٫٥", "12,5", "1,234.5", "1 234,5", "-3")] == [
        Decimal("12.00"), Decimal("12.50"), Decimal("12.50"), Decimal("12.50"), Decimal("1234.50"),
        Decimal("1234.50"), Decimal("-3.00")]
    with translation.override("en"):
        assert ind.clean_value("twelve") == (None, "Enter a number, such as 12 or 12.5.")
        assert ind.clean_value("", required=True) == (None, "This field is required.")


# --- periods ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("frequency", "day", "start", "end"), [
    ("monthly", date(2024, 2, 14), date(2024, 2, 1), date(2024, 2, 29)),
    ("monthly", date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
    ("quarterly", date(2026, 5, 20), date(2026, 4, 1), date(2026, 6, 30)),
    ("quarterly", date(2026, 10, 1), date(2026, 10, 1), date(2026, 12, 31)),
    ("half_yearly", date(2026, 6, 30), date(2026, 1, 1), date(2026, 6, 30)),
    ("half_yearly", date(2026, 7, 1), date(2026, 7, 1), date(2026, 12, 31)),
    ("yearly", date(2024, 2, 29), date(2024, 1, 1), date(2024, 12, 31)),
])
def test_a_period_is_a_calendar_month_quarter_half_or_year(frequency, day, start, end):
    assert ind.period_containing(frequency, day) == ind.Period(start, end)


def test_the_periods_run_from_the_baseline_to_today_and_fall_due_when_they_end(org):
    indicator = Indicator(organisation=org, name_ar="مؤشر", frequency="quarterly", baseline_on=date(2025, 12, 31),
                          created_at=timezone.now())

    assert ind.periods(indicator, date(2026, 8, 15)) == [
        ind.Period(date(2026, 1, 1), date(2026, 3, 31)), ind.Period(date(2026, 4, 1), date(2026, 6, 30)),
        ind.Period(date(2026, 7, 1), date(2026, 9, 30))]
    assert ind.last_due_period(indicator, date(2026, 8, 15)) == ind.Period(date(2026, 4, 1), date(2026, 6, 30))
    assert ind.last_due_period(indicator, date(2026, 6, 30)) == ind.Period(date(2026, 1, 1), date(2026, 3, 31))
    assert ind.last_due_period(indicator, date(2026, 2, 1)) is None
    assert ind.next_due_period(indicator, date(2026, 8, 15)) == ind.Period(date(2026, 7, 1), date(2026, 9, 30))
    assert ind.next_due_period(indicator, date(2025, 6, 1)) == ind.Period(date(2026, 1, 1), date(2026, 3, 31))
    assert ind.periods(indicator, date(2025, 12, 31)) == []


def test_without_a_baseline_date_the_periods_start_with_the_measure_or_the_phase(followup_staff, org):
    officer = followup_staff["followup"]
    strategy = plans.create_strategy(actor=officer, title_ar="الخطة")
    phase = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة", starts_on=date(2026, 2, 10))
    goal = plans.create_goal(actor=officer, phase=phase, title_ar="الهدف")
    measure = plans.create_measure(actor=officer, goal=goal, title_ar="التدبير", starts_on=date(2026, 5, 3))

    by_measure = Indicator(organisation=org, name_ar="أ", frequency="monthly", measure=measure)
    by_goal = Indicator(organisation=org, name_ar="ب", frequency="yearly", goal=goal)

    assert ind.periods(by_measure, date(2026, 6, 1))[0] == ind.Period(date(2026, 5, 1), date(2026, 5, 31))
    assert ind.periods(by_goal, date(2026, 6, 1)) == [ind.Period(date(2026, 1, 1), date(2026, 12, 31))]


@pytest.mark.parametrize(("code", "expected"), [
    ("en", ["March 2026", "First quarter of 2026", "Second half of 2026", "2026"]),
    ("fr", ["mars 2026", "Premier trimestre 2026", "Second semestre 2026", "2026"]),
    ("ar", ["مارس 2026", "الربع الأول من 2026", "النصف الثاني من 2026", "2026"]),
])
def test_periods_read_as_words_in_the_readers_language(code, expected):
    with translation.override(code):
        labels = [ind.period_label("monthly", ind.Period(date(2026, 3, 1), date(2026, 3, 31))),
                  ind.period_label("quarterly", ind.Period(date(2026, 1, 1), date(2026, 3, 31))),
                  ind.period_label("half_yearly", ind.Period(date(2026, 7, 1), date(2026, 12, 31))),
                  ind.period_label("yearly", ind.Period(date(2026, 1, 1), date(2026, 12, 31)))]
    assert labels == expected


def test_arabic_indic_digits_where_the_organisation_wants_them(org):
    org.arabic_indic_digits = True
    with translation.override("ar"):
        assert ind.period_label("quarterly", ind.Period(date(2026, 1, 1), date(2026, 3, 31)), org) == \
            "الربع الأول من ٢٠٢٦"


# --- reported values and their evidence ----------------------------------------------------------------

@pytest.fixture
def reported(followup_staff):
    return ind.create_indicator(actor=followup_staff["followup"], name_ar="عدد الدورات التدريبية",
                                name_en="Training sessions held", kind="reported", frequency="quarterly",
                                baseline_value=Decimal("4"), baseline_on=date(2025, 12, 31),
                                target_value=Decimal("20"), target_on=date(2026, 12, 31), unit_label="sessions")


Q1 = ind.Period(date(2026, 1, 1), date(2026, 3, 31))
TODAY = date(2026, 8, 15)


def test_a_reported_value_keeps_its_note_evidence_and_audit(reported, followup_staff):
    officer = followup_staff["officer"]  # a case officer reports progress
    existing = set(evidence_files())  # the media folder is shared with earlier tests
    row = ind.record_indicator_value(actor=officer, indicator=reported, period=Q1, value=Decimal("7"),
                                     note="سبع دورات للضباط", files=[Upload("محضر.pdf", PDF)], today=TODAY)
    again = ind.record_indicator_value(actor=officer, indicator=reported, period=Q1, value=Decimal("8"),
                                       note="ثماني دورات بعد التصحيح", files=[Upload("list.pdf", PDF)], today=TODAY)

    assert again.pk == row.pk
    value = IndicatorValue.objects.get(indicator=reported)
    assert (value.value, value.note, value.computed, value.recorded_by) == (
        Decimal("8.00"), "ثماني دورات بعد التصحيح", False, officer)
    assert sorted(Evidence.objects.filter(indicator_value=value).values_list("original_name", "content_type")) == [
        ("list.pdf", "application/pdf"), ("محضر.pdf", "application/pdf")]
    assert len(set(evidence_files()) - existing) == 2
    assert list(AuditEvent.objects.filter(action="followup.indicator.value").values_list("data", flat=True)) == [
        {"period_start": "2026-01-01", "period_end": "2026-03-31", "replaced": False, "files": 1},
        {"period_start": "2026-01-01", "period_end": "2026-03-31", "replaced": True, "files": 1}]


@pytest.mark.parametrize("bad", [HTML, EXE])
def test_a_bad_evidence_file_is_refused_and_nothing_is_written(reported, followup_staff, bad):
    before = (IndicatorValue.objects.count(), Evidence.objects.count(), AuditEvent.objects.count(), evidence_files())

    with pytest.raises(Invalid):
        ind.record_indicator_value(actor=followup_staff["officer"], indicator=reported, period=Q1, value=Decimal("7"),
                                   files=[Upload("report.pdf", bad)], today=TODAY)

    assert (IndicatorValue.objects.count(), Evidence.objects.count(), AuditEvent.objects.count(),
            evidence_files()) == before


def test_a_value_is_for_one_of_the_indicators_periods_and_never_for_a_computed_one(reported, followup_staff):
    officer = followup_staff["officer"]
    with pytest.raises(Invalid):
        ind.record_indicator_value(actor=officer, indicator=reported, period=ind.Period(date(2026, 1, 1),
                                   date(2026, 1, 31)), value=Decimal("1"), today=TODAY)
    with pytest.raises(Invalid):
        ind.record_indicator_value(actor=officer, indicator=reported, period=ind.Period(date(2026, 10, 1),
                                   date(2026, 12, 31)), value=Decimal("1"), today=TODAY)
    computed = ind.create_indicator(actor=followup_staff["followup"], name_ar="محسوب", kind="computed",
                                    definition="complaints_received", frequency="quarterly",
                                    baseline_on=date(2025, 12, 31))
    with pytest.raises(Invalid):
        ind.record_indicator_value(actor=officer, indicator=computed, period=Q1, value=Decimal("1"), today=TODAY)
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize("who", ["intake", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_record_a_value_changes_nothing(reported, followup_staff, who):
    before = (IndicatorValue.objects.count(), AuditEvent.objects.count(), evidence_files())

    with pytest.raises(NotAllowed):
        ind.record_indicator_value(actor=followup_staff[who], indicator=reported, period=Q1, value=Decimal("7"),
                                   files=[Upload("a.pdf", PDF)], today=TODAY)

    assert (IndicatorValue.objects.count(), AuditEvent.objects.count(), evidence_files()) == before


@pytest.mark.parametrize("who", ["officer", "intake", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_make_or_change_an_indicator_changes_nothing(reported, followup_staff, who):
    before = (Indicator.objects.count(), AuditEvent.objects.count())

    if who in ("officer", "intake", "analyst", "auditor"):  # the others make indicators of their own
        with pytest.raises(NotAllowed):
            ind.create_indicator(actor=followup_staff[who], name_ar="آخر")
    with pytest.raises(NotAllowed):
        ind.update_indicator(actor=followup_staff[who], indicator=reported, name_ar="تغيير")

    assert (Indicator.objects.count(), AuditEvent.objects.count()) == before
    assert Indicator.objects.get(pk=reported.pk).name_ar == "عدد الدورات التدريبية"


def test_only_a_publisher_shows_an_indicator_on_the_public_page(reported, followup_staff):
    with pytest.raises(NotAllowed):
        ind.update_indicator(actor=followup_staff["followup"], indicator=reported, is_public=True)
    ind.update_indicator(actor=followup_staff["supervisor"], indicator=reported, is_public=True)
    assert Indicator.objects.get(pk=reported.pk).is_public is True


def test_a_reported_indicators_frequency_stays_once_a_value_is_recorded(reported, followup_staff):
    ind.record_indicator_value(actor=followup_staff["officer"], indicator=reported, period=Q1, value=Decimal("7"),
                               today=TODAY)
    with pytest.raises(Invalid):
        ind.update_indicator(actor=followup_staff["followup"], indicator=reported, frequency="monthly")
    assert Indicator.objects.get(pk=reported.pk).frequency == "quarterly"


# --- computing every period --------------------------------------------------------------------------------

def _computed(actor, **fields):
    values = {"name_ar": "الشكاوى الواردة", "kind": "computed", "definition": "complaints_received",
              "frequency": "monthly", "baseline_on": timezone.localdate().replace(day=1) - timedelta(days=1), **fields}
    return ind.create_indicator(actor=actor, **values)


def test_a_computed_indicator_is_counted_for_each_period_once_made(complaints, followup_staff, org,
                                                                   django_capture_on_commit_callbacks):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        indicator = _computed(followup_staff["followup"],
                              baseline_on=(today.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(days=1))

    this_month = ind.period_containing("monthly", today)
    last_month = ind.period_containing("monthly", this_month.start - timedelta(days=1))
    expected = {p: ind.CATALOGUE["complaints_received"].measure(org, p, {}).value for p in (last_month, this_month)}
    rows = {ind.Period(v.period_start, v.period_end): v for v in IndicatorValue.objects.filter(indicator=indicator)}
    assert {p: v.value for p, v in rows.items()} == expected
    assert all(v.computed and v.detail["cases"] == int(v.value) for v in rows.values())


def test_counting_again_is_idempotent_and_the_sweep_counts_only_what_changed(complaints, followup_staff, org,
                                                                              file_case):
    indicator = _computed(followup_staff["followup"])
    first = ind.recompute_indicator(indicator)
    rows = list(IndicatorValue.objects.filter(indicator=indicator).values_list("pk", "period_start", "value"))

    again = ind.recompute_indicator(indicator)
    assert list(IndicatorValue.objects.filter(indicator=indicator).values_list("pk", "period_start", "value")) == rows
    assert (first, again) == ({"computed": 1, "unchanged": 0, "empty": 0}, {"computed": 1, "unchanged": 0, "empty": 0})
    assert ind.sweep_indicators.call() == {"indicators": 1, "computed": 0, "unchanged": 1, "empty": 0}

    file_case("شكوى جديدة", categories=["torture"])
    assert ind.sweep_indicators.call() == {"indicators": 1, "computed": 1, "unchanged": 0, "empty": 0}
    assert IndicatorValue.objects.get(indicator=indicator).value == rows[0][2] + 1


def test_a_share_of_no_complaints_keeps_no_value(followup_staff, org):
    indicator = _computed(followup_staff["followup"], definition="resolved_on_time")
    assert ind.recompute_indicator(indicator) == {"computed": 0, "unchanged": 0, "empty": 1}
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()


def test_changing_what_is_counted_counts_again(complaints, followup_staff, django_capture_on_commit_callbacks):
    indicator = _computed(followup_staff["followup"])
    ind.recompute_indicator(indicator)
    with django_capture_on_commit_callbacks(execute=True):
        ind.update_indicator(actor=followup_staff["followup"], indicator=indicator, params={"channel": "letter"})
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (value.value, value.detail["cases"]) == (Decimal("1.00"), 1)
    assert AuditEvent.objects.filter(action="followup.indicator.change").get().data == {
        "fields": ["params"], "recounted": True}


def test_the_command_counts_every_computed_indicator_of_an_organisation(complaints, followup_staff, capsys):
    indicator = _computed(followup_staff["followup"])
    call_command("compute_indicators", "--org", "moi-hr")

    printed = json.loads(capsys.readouterr().out)
    assert {k: printed[k] for k in ("indicators", "computed", "unchanged", "empty")} == {
        "indicators": 1, "computed": 1, "unchanged": 0, "empty": 0}
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal(
        ind.CATALOGUE["complaints_received"].measure(
            indicator.organisation, ind.period_containing("monthly", timezone.localdate()), {}).value)


# --- the pages --------------------------------------------------------------------------------------------------

@pytest.fixture
def counted(complaints, followup_staff):
    indicator = _computed(followup_staff["followup"], name_en="Complaints received", params={"category": "torture"})
    ind.recompute_indicator(indicator)
    return indicator


def test_the_indicator_page_opens_the_complaints_for_those_who_see_cases_only(client, counted, followup_staff):
    value = IndicatorValue.objects.get(indicator=counted)
    page = english(client, followup_staff["supervisor"]).get(f"/desk/followup/indicators/{counted.pk}/")
    text = page.content.decode()
    links = [a for a in text.split('href="')[1:] if a.startswith("/desk/?")]

    assert page.status_code == 200
    assert "Complaints received" in text and "Torture" in text
    assert len(links) == 1
    query = parse_qs(urlparse(links[0].split('"')[0].replace("&amp;", "&")).query)
    assert query["category"] == ["torture"] and query["view"] == ["all"]
    assert f"See the {int(value.value)} complaint" in text

    for who in ("followup", "analyst"):
        other = english(client, followup_staff[who]).get(f"/desk/followup/indicators/{counted.pk}/").content.decode()
        assert "/desk/?" not in other
        assert "Only staff who may see cases can open the complaints behind a figure." in other


def test_an_outsider_finds_no_indicator(client, counted, followup_staff):
    for who in ("outsider", "nhri_followup", "sec"):
        client.force_login(followup_staff[who])
        assert client.get(f"/desk/followup/indicators/{counted.pk}/").status_code == 404
        assert client.get(f"/desk/followup/indicators/{counted.pk}/edit/").status_code == 404


def test_a_value_is_recorded_with_its_file_from_the_page(client, reported, followup_staff):
    today = timezone.localdate()
    current = ind.periods(reported, today)[-1]
    client = english(client, followup_staff["officer"])

    response = client.post(f"/desk/followup/indicators/{reported.pk}/values/", {
        "period": current.start.isoformat(), "value": "١٢٫٥", "note": "تقرير الربع",
        "files": SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")})

    assert response.status_code == 303
    value = IndicatorValue.objects.get(indicator=reported)
    assert (value.period_start, value.value, value.note) == (current.start, Decimal("12.50"), "تقرير الربع")
    evidence = Evidence.objects.get(indicator_value=value)
    download = client.get(f"/desk/followup/indicators/{reported.pk}/evidence/{evidence.pk}/")
    assert (download.status_code, b"".join(download.streaming_content)) == (200, PDF)
    assert download["Content-Disposition"].startswith("attachment")
    client.force_login(followup_staff["outsider"])
    assert client.get(f"/desk/followup/indicators/{reported.pk}/evidence/{evidence.pk}/").status_code == 404


def test_a_page_with_a_bad_file_is_refused_in_the_readers_language(client, reported, followup_staff):
    current = ind.periods(reported, timezone.localdate())[-1]
    client = english(client, followup_staff["officer"])
    before = (evidence_files(), AuditEvent.objects.count())

    response = client.post(f"/desk/followup/indicators/{reported.pk}/values/", {
        "period": current.start.isoformat(), "value": "3",
        "files": SimpleUploadedFile("page.pdf", HTML, content_type="application/pdf")})

    assert response.status_code == 400
    assert "contains a web page or a script" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    assert (evidence_files(), AuditEvent.objects.count()) == before


def test_who_may_not_report_gets_a_refusal_that_changes_nothing(client, reported, followup_staff):
    current = ind.periods(reported, timezone.localdate())[-1]
    client.force_login(followup_staff["intake"])
    response = client.post(f"/desk/followup/indicators/{reported.pk}/values/",
                           {"period": current.start.isoformat(), "value": "3"})
    assert response.status_code == 403
    assert not IndicatorValue.objects.exists()


def test_an_indicator_is_made_from_the_form(client, followup_staff, places):
    client = english(client, followup_staff["followup"])
    response = client.post("/desk/followup/indicators/new/", {
        "name_ar": "حصة الشكاوى المتعلقة بالأطفال", "name_en": "Share of complaints about children",
        "kind": "computed", "definition": "vulnerable_share", "vulnerability": "child", "governorate": "giza",
        "baseline_value": "4,5", "baseline_on": "2025-12-31", "target_value": "3", "target_on": "2026-12-31",
        "direction": "decrease", "frequency": "quarterly"})

    indicator = Indicator.objects.get()
    assert response.status_code == 303 and response["Location"] == f"/desk/followup/indicators/{indicator.pk}/"
    assert (indicator.definition, indicator.params, indicator.baseline_value, indicator.direction) == (
        "vulnerable_share", {"governorate": "giza", "vulnerability": "child"}, Decimal("4.50"), "decrease")


def test_a_form_with_mistakes_names_each_one(client, followup_staff):
    client = english(client, followup_staff["followup"])
    response = client.post("/desk/followup/indicators/new/", {
        "name_ar": "", "kind": "computed", "definition": "allegations_of_category", "baseline_value": "many",
        "baseline_on": "2026-12-31", "target_on": "2026-01-01", "direction": "up", "frequency": "quarterly"})

    page = response.content.decode()
    assert response.status_code == 400
    for message in ("This field is required.", "This definition needs this value: choose one.",
                    "Enter a number, such as 12 or 12.5.", "The target date cannot be before the baseline date.",
                    "Choose a value from the list."):
        assert message in page
    assert not Indicator.objects.exists()
    client.force_login(followup_staff["intake"])
    assert client.get("/desk/followup/indicators/new/").status_code == 404


def test_the_list_of_indicators_takes_as_many_queries_for_one_or_three(client, followup_staff):
    client = english(client, followup_staff["followup"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/desk/followup/indicators/").status_code == 200
        return len(captured)

    _computed(followup_staff["followup"], name_ar="أ")
    one = queries()
    _computed(followup_staff["followup"], name_ar="ب")
    reported_one = ind.create_indicator(actor=followup_staff["followup"], name_ar="ج", frequency="monthly")
    ind.record_indicator_value(actor=followup_staff["officer"], indicator=reported_one,
                               period=ind.periods(reported_one)[-1], value=Decimal("2"))
    assert queries() == one


def test_no_code_or_id_on_the_indicator_page(client, counted, followup_staff):
    page = english(client, followup_staff["supervisor"]).get(f"/desk/followup/indicators/{counted.pk}/")
    words = page.content.decode().split("<main", 1)[1]
    visible = re.sub(r"<[^>]+>", " ", words)
    assert "complaints_received" not in visible and "torture" not in visible.replace("Torture", "")


# --- the API ----------------------------------------------------------------------------------------------------

def test_the_api_lists_the_values_of_an_indicator(client, reported, followup_staff):
    ind.record_indicator_value(actor=followup_staff["officer"], indicator=reported, period=Q1, value=Decimal("7"),
                               note="سبع دورات", today=TODAY)
    _token, raw = ApiToken.issue(followup_staff["followup"], name="test")

    response = client.get(f"/api/v1/indicators/{reported.pk}/values?lang=en", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 200
    assert response.json() == {
        "indicator": {"id": reported.pk, "name": "Training sessions held", "kind": "reported", "definition": "",
                      "unit": "sessions", "frequency": "quarterly", "direction": "increase", "baseline": 4.0,
                      "baseline_on": "2025-12-31", "target": 20.0, "target_on": "2026-12-31"},
        "count": 1,
        "results": [{"period_start": "2026-01-01", "period_end": "2026-03-31", "period": "First quarter of 2026",
                     "value": 7.0, "computed": False, "note": "سبع دورات"}]}


def test_the_api_answers_not_found_for_another_organisations_indicator(client, reported, followup_staff):
    _token, outsider = ApiToken.issue(followup_staff["outsider"], name="test")
    missing = client.get("/api/v1/indicators/999999/values", HTTP_AUTHORIZATION=f"Bearer {outsider}")
    theirs = client.get(f"/api/v1/indicators/{reported.pk}/values", HTTP_AUTHORIZATION=f"Bearer {outsider}")

    assert (theirs.status_code, theirs.json()) == (missing.status_code, missing.json())
    assert theirs.status_code == 404 and theirs.json()["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/indicators/{reported.pk}/values").status_code == 401
