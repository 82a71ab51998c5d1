"""The follow-up rollup (mizan/reports/followup_rollup.py): after any sequence of domain actions
(recommendations with themes and bodies, measures in phases, statuses of the owner and of a
secretariat's members, edits of themes and bodies, links and unlinks, imports, a deletion), the
dashboard's figures read from it are exactly those the direct queries count; a rebuild gives the
same counters; drift is detected and repaired; a stale rollup is not read; its query count is
constant."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.complaints.models import Category
from mizan.followup import plans, progress, projections, services
from mizan.followup.models import ExternalBody, Recommendation, SourceKind, StatusChange
from mizan.reports import followup_rollup, followup_stats
from mizan.reports.models import FollowupContribution, FollowupCount, FollowupRollup
from mizan.reports.statistics import Period
from tests.followup.test_imports import TORTURE, run_file, uhri_row, uhri_rows, xlsx

from .followup_data import *  # noqa: F403 (fixtures)
from .followup_data import back_date, themes

COUNTS = "reports_followupcount"


def stored(org) -> tuple[list, list]:
    """The organisation's non-zero counters and its contributions."""
    return (sorted(FollowupCount.objects.filter(organisation=org).exclude(n=0)
                   .values_list("dimension", "key", "status", "n")),
            sorted(FollowupContribution.objects.filter(organisation=org).values_list("recommendation_id", "state")))


def assert_rollup_matches(*organisations):
    """For each: the overview from the rollup equals the one counted from the records, no drift,
    and a rebuild writes the very same counters and contributions."""
    today = timezone.localdate()
    for org in organisations:
        period = Period.last_months(today)
        with CaptureQueriesContext(connection) as ctx:
            fast = followup_stats.overview(org, period, today=today)
        assert [q for q in ctx.captured_queries if COUNTS in q["sql"]], "the rollup was not read"
        with CaptureQueriesContext(connection) as ctx:
            direct = followup_stats.overview(org, period, today=today, rollup=False)
        assert not [q for q in ctx.captured_queries if COUNTS in q["sql"]]
        assert fast == direct, org.slug
        found = followup_rollup.drift(org.pk)
        assert (found["differences"], found["contributions"]) == (0, 0), found
        before = stored(org)
        followup_rollup.rebuild(org.pk)
        assert stored(org) == before


@pytest.fixture
def plan(followup_staff, org):
    officer = followup_staff["followup"]
    strategy = plans.create_strategy(actor=officer, title_ar="الخطة")
    phase1 = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الأولى")
    phase2 = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الثانية")
    return {"goal1": plans.create_goal(actor=officer, phase=phase1, title_ar="هدف ١"),
            "goal2": plans.create_goal(actor=officer, phase=phase2, title_ar="هدف ٢")}


@pytest.fixture
def scenario(followup_staff, places, cat_source, conference, prosecution, org, other_org, secretariat, plan):
    """Recommendations of a ministry (themes, lead and supporting bodies, statuses), two of a
    secretariat addressed to it and to other_org (each member's own status), and measures of
    both members in phases answering them."""
    officer, sec, nhri = followup_staff["followup"], followup_staff["sec"], followup_staff["nhri_followup"]
    hr, prisons = places["hr"], places["prisons"]
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض", date=date(2024, 11, 1))

    def rec(source, text, codes, bodies=(), status="not_started"):
        return services.create_recommendation(actor=officer, source=source, text=text, themes=themes(*codes),
                                              bodies=bodies, status=status)

    r = {
        "r1": rec(cat_source, "أ", ["torture"], [("lead", hr, None)]),
        "r2": rec(cat_source, "ب", ["torture", "due_process"], [("lead", None, prosecution), ("supporting", hr, None)]),
        "r3": rec(cat_source, "ج", ["detention_conditions"], [("supporting", prisons, None)], status="in_progress"),
        "r4": rec(upr, "د", ["women", "children", "torture"], [("lead", prisons, None)]),
        "r5": rec(upr, "هـ", []),
        "c1": services.create_recommendation(actor=sec, source=conference, text="و", themes=themes("torture"),
                                             addressees=[org, other_org]),
        "c2": services.create_recommendation(actor=sec, source=conference, text="ز", themes=[],
                                             addressees=[org, other_org]),
    }
    for key, status in (("r1", "implemented"), ("r2", "in_progress"), ("r5", "no_longer_relevant")):
        services.set_recommendation_status(actor=officer, recommendation=r[key], status=status)
    services.set_recommendation_status(actor=officer, recommendation=r["c1"], status="partly_implemented")
    services.set_recommendation_status(actor=nhri, recommendation=r["c1"], status="implemented")
    services.set_recommendation_status(actor=sec, recommendation=r["c2"], status="in_progress")
    r["m1"] = plans.create_measure(actor=officer, goal=plan["goal1"], title_ar="ت١", recommendations=[r["r1"], r["r2"]])
    r["m2"] = plans.create_measure(actor=officer, goal=plan["goal1"], title_ar="ت٢", recommendations=[r["r2"], r["c1"]])
    r["m3"] = plans.create_measure(actor=officer, goal=plan["goal2"], title_ar="ت٣", recommendations=[r["r2"]])
    other_plan = plans.create_strategy(actor=nhri, title_ar="خطة أخرى")
    other_goal = plans.create_goal(actor=nhri, phase=plans.create_phase(actor=nhri, strategy=other_plan,
                                                                        title_ar="مرحلة"), title_ar="هدف")
    r["n1"] = plans.create_measure(actor=nhri, goal=other_goal, title_ar="ت", recommendations=[r["c1"], r["c2"]])
    return r


# --- the figures, after every kind of change ------------------------------------------------------

def test_built_through_the_domain_functions_the_rollup_gives_the_direct_figures(scenario, org, other_org, secretariat):
    data = followup_stats.overview(org, Period.last_months(timezone.localdate()))

    assert data.total == 7 and data.by_status["implemented"] == 1 and data.by_status["partly_implemented"] == 1
    assert {r.extra.get("code", ""): r.total for r in data.themes} == {
        "torture": 4, "due_process": 1, "detention_conditions": 1, "women": 1, "children": 1, "": 2}
    assert {r.label: r.total for r in data.phases} == {"الخطة · المرحلة الأولى": 3, "الخطة · المرحلة الثانية": 1,
                                                       "لا يستجيب لها أي تدبير بعد": 4}
    assert_rollup_matches(org, other_org, secretariat)


def test_statuses_of_owners_and_members_and_progress_reports(scenario, followup_staff, org, other_org, secretariat):
    officer, nhri, sec = followup_staff["followup"], followup_staff["nhri_followup"], followup_staff["sec"]
    services.set_recommendation_status(actor=officer, recommendation=scenario["r4"], status="not_implemented")
    services.set_recommendation_status(actor=officer, recommendation=scenario["c2"], status="implemented")
    services.set_recommendation_status(actor=nhri, recommendation=scenario["c2"], status="partly_implemented")
    services.set_recommendation_status(actor=sec, recommendation=scenario["c1"], status="implemented", note="ملاحظة")
    progress.create_progress_report(actor=nhri, recommendation=scenario["c1"], period_end=timezone.localdate(),
                                    status="in_progress", narrative="مشترك", visibility="secretariat")
    progress.create_progress_report(actor=officer, recommendation=scenario["r1"], period_end=timezone.localdate(),
                                    status="partly_implemented", narrative="داخلي")
    plans.set_measure_status(actor=officer, measure=scenario["m1"], status="completed")

    assert followup_stats.overview(other_org, Period.last_months(timezone.localdate())).by_status["in_progress"] == 1
    assert_rollup_matches(org, other_org, secretariat)


def test_edits_of_themes_bodies_sources_links_and_addressees(scenario, followup_staff, places, cat_source, org,
                                                            other_org, secretariat, plan):
    officer, sec, nhri = followup_staff["followup"], followup_staff["sec"], followup_staff["nhri_followup"]
    services.update_recommendation(actor=officer, recommendation=scenario["r1"], themes=themes("women", "privacy"))
    services.update_recommendation(actor=officer, recommendation=scenario["r5"], themes=themes("torture"),
                                   bodies=[("lead", places["prisons"], None)])
    services.set_responsible_bodies(actor=officer, recommendation=scenario["r2"], bodies=[("lead", places["hr"], None)])
    services.set_responsible_bodies(actor=officer, recommendation=scenario["r4"], bodies=[])
    services.update_recommendation(actor=sec, recommendation=scenario["c2"], themes=themes("police_conduct"))
    upr_source = scenario["r4"].source
    services.update_recommendation(actor=officer, recommendation=scenario["r3"], source=upr_source)
    plans.link_recommendations(actor=officer, measure=scenario["m3"], recommendations=[scenario["r3"], scenario["c2"]])
    plans.unlink_recommendation(actor=officer, measure=scenario["m1"], recommendation=scenario["r1"])
    plans.unlink_recommendation(actor=nhri, measure=scenario["n1"], recommendation=scenario["c1"])
    m4 = plans.create_measure(actor=officer, goal=plan["goal2"], title_ar="ت٤", recommendations=[scenario["r5"]])
    plans.update_measure(actor=officer, measure=m4, title_ar="ت٤ معدّل")
    services.cluster_recommendations(actor=officer, recommendations=[scenario["r1"], scenario["r2"]], label="عنقود")
    other_secretariat_rec = services.create_recommendation(actor=sec, source=scenario["c1"].source, text="ح",
                                                           themes=themes("women"), addressees=[other_org])
    services.address_recommendation(actor=sec, recommendation=other_secretariat_rec, organisations=[org])
    services.update_external_body(actor=officer, body=ExternalBody.objects.get(organisation=org,
                                                                               name_en="Public prosecution"),
                                  name_en="The prosecution")

    assert_rollup_matches(org, other_org, secretariat)


def test_sub_themes_count_once_under_their_theme_and_a_moved_one_needs_no_rebuild(scenario, followup_staff, org,
                                                                                  other_org, secretariat):
    torture, women = Category.objects.get(code="torture"), Category.objects.get(code="women")
    custody = Category.objects.create(code="torture_in_custody", parent=torture, label_ar="في الحجز",
                                      label_en="In custody", label_fr="En garde à vue")
    services.update_recommendation(actor=followup_staff["followup"], recommendation=scenario["r1"],
                                   themes=[torture, custody])
    services.update_recommendation(actor=followup_staff["followup"], recommendation=scenario["r5"], themes=[custody])
    assert_rollup_matches(org)
    themes_of = {r.extra.get("code", ""): r.total for r in followup_stats.overview(
        org, Period.last_months(timezone.localdate())).themes}
    assert themes_of["torture"] == 5  # r1 once, r5 under its top-level theme

    Category.objects.filter(pk=custody.pk).update(parent=women)  # the tree changed: no rebuild
    assert_rollup_matches(org, other_org, secretariat)


def test_imports_in_batches_update_the_rollup(followup_staff, org, tmp_path, monkeypatch):
    officer = followup_staff["followup"]
    run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")
    assert FollowupContribution.objects.filter(organisation=org).count() == 7
    assert_rollup_matches(org)

    rows = uhri_rows()
    rows[0][4] = "- Conditions of detention"  # themes edited in the index: the row is updated
    rows.append(uhri_row("a1b2-0008", "Criminalise torture.", "- Committee against Torture",
                         symbol="CAT/C/EGY/CO/5", themes=f"- {TORTURE}"))
    run_file(officer, org, tmp_path, xlsx(rows), "uhri")
    assert Recommendation.objects.get(external_key="a1b2-0001").themes.get().code == "detention_conditions"
    assert_rollup_matches(org)


def test_a_deleted_recommendation_is_taken_back_when_a_change_names_it(scenario, org, other_org, secretariat):
    gone = [scenario["r2"].pk, scenario["c1"].pk]
    Recommendation.objects.filter(pk__in=gone).delete()
    projections.after_change(projections.Change(org.pk, recommendations=tuple(gone), what="deleted"))

    assert not FollowupContribution.objects.filter(recommendation_id__in=gone).exists()
    assert_rollup_matches(org, other_org, secretariat)


def test_the_followup_data_set_of_the_dashboard(followup_data, org, other_org, secretariat):
    assert_rollup_matches(org, other_org, secretariat)


# --- what is read when -------------------------------------------------------------------------------

def spread_history_over_two_years(start: date) -> None:
    """Back-date every status change: each (recommendation, organisation)'s first change on a day
    of its own from `start`, the next ones 90 days apart (the domain functions stamp them now)."""
    rows = list(StatusChange.objects.order_by("recommendation_id", "organisation_id", "at", "id"))
    first, seen = {}, {}
    for row in rows:
        pair = (row.recommendation_id, row.organisation_id)
        first.setdefault(pair, start + timedelta(days=37 * len(first)))
        seen[pair] = seen.get(pair, -1) + 1
        back_date([row], first[pair] + timedelta(days=90 * seen[pair]))


def test_a_past_day_is_read_from_the_rollup_and_gives_the_direct_figures(
        scenario, org, other_org, secretariat, monkeypatch):
    today = timezone.localdate()
    start = today - timedelta(days=700)
    spread_history_over_two_years(start)
    answers = []
    figures_at = followup_rollup.figures_at
    monkeypatch.setattr(followup_rollup, "figures_at", lambda *a, **k: answers.append(figures_at(*a, **k)) or answers[-1])
    for days in range(0, 700, 23):
        period = Period(start, start + timedelta(days=days))
        for organisation in (org, other_org, secretariat):
            fast = followup_stats.overview(organisation, period, today=today)
            direct = followup_stats.overview(organisation, period, today=today, rollup=False)
            assert fast == direct, (organisation.slug, period)
    assert len(answers) == 31 * 3  # every past day from the rollup, the earliest too (all changed since)


def test_figures_at_a_past_day_count_the_status_then(scenario, org):
    today = timezone.localdate()
    spread_history_over_two_years(today - timedelta(days=700))
    history = StatusChange.objects.filter(organisation=org).order_by("at")
    middle = history[history.count() // 2].at
    then: dict = {}
    for rec, status in history.filter(at__lt=middle).values_list("recommendation_id", "to_status"):
        then[rec] = status
    by_status = {}
    for dimension, _key, status, n in followup_rollup.figures_at(org.pk, middle):
        if dimension == followup_rollup.SOURCE:
            by_status[status] = by_status.get(status, 0) + n
    expected = {}
    for status in then.values():
        expected[status] = expected.get(status, 0) + 1
    assert by_status == expected and sum(expected.values()) < Recommendation.objects.count()


def test_filters_are_counted_from_the_records(scenario, org):
    today = timezone.localdate()
    for period, filters in ((Period.last_months(today), followup_stats.Filters(theme="torture")),
                            (Period.last_months(today), followup_stats.Filters(source_kind="upr"))):
        with CaptureQueriesContext(connection) as ctx:
            followup_stats.overview(org, period, filters, today=today)
        assert not [q for q in ctx.captured_queries if COUNTS in q["sql"]]


def test_the_same_queries_for_one_or_many_recommendations(followup_staff, cat_source, org):
    officer = followup_staff["followup"]
    services.create_recommendation(actor=officer, source=cat_source, text="١", themes=themes("torture"))
    with CaptureQueriesContext(connection) as one:
        followup_stats.overview(org, Period.last_months(timezone.localdate()))
    for i in range(4):
        services.create_recommendation(actor=officer, source=cat_source, text=f"{i}", themes=themes("women", "torture"))
    with CaptureQueriesContext(connection) as five:
        data = followup_stats.overview(org, Period.last_months(timezone.localdate()))
    with CaptureQueriesContext(connection) as direct:
        followup_stats.overview(org, Period.last_months(timezone.localdate()), rollup=False)

    assert data.total == 5 and len(one) == len(five) <= len(direct) - 6


def test_a_stale_rollup_is_not_read_until_rebuilt(scenario, org):
    Recommendation.objects.filter(pk=scenario["r3"].pk).update(status="implemented")  # behind the rollup's back
    followup_rollup.mark_stale(org.pk)
    today = timezone.localdate()

    with CaptureQueriesContext(connection) as ctx:
        data = followup_stats.overview(org, Period.last_months(today))
    assert not [q for q in ctx.captured_queries if COUNTS in q["sql"]]
    assert data.by_status["implemented"] == 2

    call_command("rebuild_statistics", "--only", "followup", stdout=io.StringIO())
    assert followup_rollup.ready(org.pk) and FollowupRollup.objects.get(organisation=org).rebuilt_at is not None
    assert followup_stats.overview(org, Period.last_months(today)) == data
    assert_rollup_matches(org)


def test_check_reports_drift_and_rebuild_repairs_it(scenario, org):
    out = io.StringIO()
    call_command("rebuild_statistics", "--check", "--only", "followup", stdout=out)
    assert "0 differ, 0 contributions differ" in out.getvalue()

    Recommendation.objects.filter(pk=scenario["r3"].pk).update(status="implemented")  # behind the rollup's back
    out = io.StringIO()
    with pytest.raises(CommandError, match="follow-up rollup of 1 organisation"):
        call_command("rebuild_statistics", "--check", stdout=out)
    assert "s '" in out.getvalue() and "implemented: stored" in out.getvalue()

    call_command("rebuild_statistics", "--organisation", org.slug, stdout=io.StringIO())
    call_command("rebuild_statistics", "--check", stdout=io.StringIO())  # no drift left
    assert_rollup_matches(org)


def test_the_next_change_of_a_recommendation_heals_it(scenario, followup_staff, org):
    Recommendation.objects.filter(pk=scenario["r3"].pk).update(status="implemented")  # behind the rollup's back
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=scenario["r3"],
                                       status="not_implemented")
    assert_rollup_matches(org)


def test_the_projection_is_registered_by_the_reports_app():
    assert "reports.followup_rollup" in projections.registered()
