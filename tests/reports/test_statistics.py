"""The statistics selectors: exact figures of a known data set, counting rules, filters, scoping,
deadlines in local time, the month-by-month cache and its invalidation, query counts."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.translation import gettext

from mizan.complaints.errors import Conflict
from mizan.complaints.models import Case, DataVersion
from mizan.complaints.services import transition_case
from mizan.reports import statistics
from mizan.reports.statistics import Filters, OnOrBefore, Period, next_day_starts, overview

from . import dashboard_data
from .conftest import overview_queries_with_one_then_four_cases
from .dashboard_data import period

dataset = dashboard_data.dataset  # the data set fixture, for the tests below


def rows(items, *fields):
    return [tuple(getattr(item, f) for f in fields) for item in items]


def selects(ctx) -> int:
    return sum(1 for q in ctx.captured_queries if q["sql"].startswith("SELECT"))


def aggregate_queries(captured) -> list[str]:
    return [q["sql"] for q in captured if '"complaints_case"' in q["sql"] or '"complaints_allegation"' in q["sql"]]


# --- exact figures -------------------------------------------------------------------------------

def test_overview_counts_exactly_the_data_set(org, places, dataset):
    data = overview(org, period())

    assert (data.received, data.open, data.closed, data.allegations) == (5, 2, 3, 8)
    assert rows(data.by_status, "key", "complaints") == [("received", 2), ("resolved", 2), ("withdrawn", 1)]
    assert rows(data.by_channel, "key", "complaints", "allegations")[0] == ("web", 3, None)  # most first
    assert {row.key: (row.complaints, row.allegations) for row in data.by_channel} == {
        "web": (3, None), "letter": (1, None), "phone": (1, None)}
    assert rows(data.by_governorate, "label", "complaints", "allegations") == [  # "not stated" after a tie
        ("الجيزة", 2, 4), (gettext("Not stated"), 2, 3), ("القاهرة", 1, 1)]
    assert rows(data.by_facility, "key", "complaints", "allegations")[0] == ("", 3, 6)
    assert {row.key: (row.complaints, row.allegations) for row in data.by_facility} == {
        "": (3, 6), str(places["prison"].pk): (1, 1), str(places["station"].pk): (1, 1)}
    assert rows(data.by_vulnerability, "key", "complaints") == [("woman", 2), ("child", 2)]


def test_overview_counts_allegations_per_category_and_complaints_once(org, dataset):
    data = overview(org, period())

    # fresh holds two torture allegations: four alleged acts of torture in three complaints
    assert rows(data.by_category, "key", "allegations", "complaints") == [
        ("torture", 4, 3), ("arbitrary_detention", 1, 1), ("detention_conditions", 1, 1), ("due_process", 1, 1),
        ("police_conduct", 1, 1)]
    assert sum(row.allegations for row in data.by_category) == data.allegations == 8


def test_overview_outcomes_per_category_are_the_findings_of_the_allegations(org, places, dataset):
    data = overview(org, period())

    torture = next(row for row in data.outcomes if row.key == "torture")
    assert torture.counts == {"substantiated": 1, "partly_substantiated": 1, "not_substantiated": 0, "mediation": 1,
                              "outside_mandate": 0, "pending": 1}
    assert torture.total == 4
    assert data.outcome_totals == {"substantiated": 1, "partly_substantiated": 1, "not_substantiated": 1,
                                   "mediation": 1, "outside_mandate": 0, "pending": 4}
    assert [(row.key, row.counts["mediation"], row.counts["pending"]) for row in data.facility_outcomes] == [
        (str(places["station"].pk), 0, 1), (str(places["prison"].pk), 1, 0)]


def test_overview_deadlines_met_missed_and_pending(org, dataset):
    d = overview(org, period()).deadlines

    # acknowledged: fresh and withdrawn on time; late (taken after 80 days) and stale (never) late; new not yet due
    assert (d.first_action.on_time, d.first_action.late, d.first_action.pending) == (2, 2, 1)
    assert d.first_action.rate == 0.5
    assert (d.resolution.on_time, d.resolution.late, d.resolution.pending) == (1, 1, 2)
    assert d.overdue_now == 1  # stale
    assert (d.resolved, d.days_histogram, d.median_days, d.p90_days) == (2, ((1, 1), (80, 1)), 1, 80)


def test_overview_trend_has_every_month_and_the_same_days_a_year_earlier(org, dataset):
    p = period()
    data = overview(org, p)

    assert [(point.start, point.end) for point in data.trend] == p.months()
    assert sum(point.complaints for point in data.trend) == 5
    assert sum(point.previous for point in data.trend) == 1  # last_year, 370 days ago
    day = timezone.localdate(dataset["last_year"].received_at)
    [point] = [point for point in data.trend if point.previous_start <= day <= point.previous_end]
    assert point.previous == 1


def test_overview_never_counts_another_organisation(org, other_org, dataset):
    assert overview(org, period()).received == 5
    theirs = overview(other_org, period())
    assert (theirs.received, theirs.allegations, [r.key for r in theirs.by_category]) == (
        1, 1, ["arbitrary_detention"])


def test_overview_outside_the_period_counts_nothing(org, dataset):
    data = overview(org, Period(date(2020, 1, 1), date(2020, 12, 31)))
    assert (data.received, data.allegations, data.by_category, data.deadlines.median_days) == (0, 0, (), None)
    assert [point.complaints for point in data.trend] == [0] * 12


# --- filters ------------------------------------------------------------------------------------

def test_overview_category_filter_counts_only_that_categorys_allegations(org, dataset):
    data = overview(org, period(), Filters(category="torture"))

    assert (data.received, data.open, data.allegations) == (3, 1, 4)
    assert rows(data.by_category, "key", "allegations", "complaints") == [("torture", 4, 3)]
    assert [row.key for row in data.outcomes] == ["torture"]


@pytest.mark.parametrize(("filters", "received", "allegations"), [
    (Filters(vulnerability="child"), 2, 5),
    (Filters(governorate="giza"), 2, 4),
    (Filters(channel="phone"), 1, 1),
    (Filters(governorate="nowhere"), 0, 0),
    (Filters(category="no-such-category"), 0, 0),
])
def test_overview_filters_select_complaints(org, dataset, filters, received, allegations):
    data = overview(org, period(), filters)
    assert (data.received, data.allegations) == (received, allegations)


def test_overview_facility_filter(org, places, dataset):
    data = overview(org, period(), Filters(facility=places["prison"].pk))
    assert (data.received, rows(data.by_category, "key", "allegations")) == (1, [("torture", 1)])


# --- the cache --------------------------------------------------------------------------------

def test_overview_second_call_is_served_from_the_cache(org, dataset):
    first = overview(org, period())

    with CaptureQueriesContext(connection) as ctx:
        second = overview(org, period())

    assert second == first
    assert aggregate_queries(ctx.captured_queries) == []
    assert len(ctx.captured_queries) == 5  # taxonomy, governorates, places, data versions, the cache


def test_overview_write_invalidates_only_the_month_of_the_case(org, staff, dataset, settings):
    settings.MIZAN_STATISTICS_ROLLUP = False  # the path of filtered views (the rollup: tests/reports/test_rollup.py)
    before = overview(org, period())
    stale = dataset["stale"]
    month = DataVersion.month_of(stale.received_at)
    version = DataVersion.objects.get(organisation=org, month=month).version

    transition_case(actor=staff["officer"], case=stale, to="under_review")

    assert DataVersion.objects.get(organisation=org, month=month).version == version + 1
    with CaptureQueriesContext(connection) as ctx:
        after = overview(org, period())
    assert rows(after.by_status, "key", "complaints") == [("received", 1), ("under_review", 1), ("resolved", 2),
                                                           ("withdrawn", 1)]
    assert after.data_version == before.data_version + 1
    # seven GROUP BY queries for the one month that changed; the other months come from the cache
    assert len([sql for sql in aggregate_queries(ctx.captured_queries) if "GROUP BY" in sql]) == 7


def test_overview_refused_write_changes_nothing(org, staff, dataset):
    overview(org, period())
    versions = list(DataVersion.objects.order_by("pk").values_list("version", flat=True))

    with pytest.raises(Conflict):
        transition_case(actor=staff["officer"], case=dataset["stale"], to="closed")

    assert list(DataVersion.objects.order_by("pk").values_list("version", flat=True)) == versions
    with CaptureQueriesContext(connection) as ctx:
        overview(org, period())
    assert aggregate_queries(ctx.captured_queries) == []


def test_overview_uncached_query_count_does_not_grow_with_cases(org, file_case, settings):
    settings.MIZAN_STATISTICS_ROLLUP = False  # the path of filtered views (the rollup: tests/reports/test_rollup.py)
    one, four, data, p = overview_queries_with_one_then_four_cases(org, file_case)

    assert data.received == 4
    # labels (3), data versions (1), then per month seven GROUP BY queries and a count a year earlier
    assert selects(one) == selects(four) == 4 + 8 * len(p.months())


# --- deadlines in local time ----------------------------------------------------------------------

def _on_or_before(case_id, moment, due) -> bool:
    Case.objects.filter(pk=case_id).update(first_action_at=moment, first_action_due=due)
    return Case.objects.filter(pk=case_id).filter(
        OnOrBefore(F("first_action_at"), F("first_action_due"), date(2025, 12, 1), date(2027, 1, 31))).exists()


@pytest.mark.parametrize("zone", ["Africa/Cairo", "Asia/Riyadh", "UTC", "America/New_York"])
def test_on_or_before_agrees_with_python_around_midnight_and_daylight_saving(org, file_case, zone):
    case, _ = file_case()
    with override_settings(TIME_ZONE=zone):
        statistics.next_day_starts.cache_clear()
        for due in (date(2026, 1, 15), date(2026, 4, 23), date(2026, 4, 24), date(2026, 7, 15), date(2026, 10, 29),
                    date(2026, 10, 30), date(2026, 11, 1), date(2026, 11, 2)):
            for hours in range(-6, 31, 1):
                moment = datetime(due.year, due.month, due.day, tzinfo=UTC) + timedelta(hours=hours, seconds=-1)
                assert _on_or_before(case.pk, moment, due) == (timezone.localdate(moment) <= due), (zone, due, moment)


def test_next_day_starts_follow_egypts_daylight_saving():
    segments = next_day_starts("Africa/Cairo", date(2026, 4, 20), date(2026, 11, 3))
    # Summer time (UTC+3) begins at midnight starting Friday 24 April: 24 April itself still begins
    # at 22:00 UTC on the 23rd (00:00 is skipped), the 25th at 21:00 UTC on the 24th. Winter time
    # comes back at the end of Thursday 29 October, so the 30th begins at 22:00 UTC again.
    assert segments == ((date(2026, 4, 20), " 22:00:00"), (date(2026, 4, 24), " 21:00:00"),
                        (date(2026, 10, 29), " 22:00:00"))
    assert next_day_starts("America/New_York", date(2026, 1, 1), date(2026, 1, 2)) is None


# --- periods -------------------------------------------------------------------------------------

def test_period_months_are_cut_to_the_period():
    assert Period(date(2026, 1, 20), date(2026, 3, 5)).months() == [
        (date(2026, 1, 20), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 5))]
    assert Period.last_months(date(2026, 2, 10)) == Period(date(2025, 3, 1), date(2026, 2, 10))
    assert Period.year(2025) == Period(date(2025, 1, 1), date(2025, 12, 31))
