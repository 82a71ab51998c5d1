"""The follow-up dashboard: exact figures of a built data set (by status, theme, lead body,
source, phase, measures, indicators), the secretariat's table by member (shared statuses only),
statuses at the end of an earlier period, filters, links whose counts the recommendations list
agrees with, who may open it and who may publish, the number of queries, three languages."""

from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.followup import plans, services
from mizan.followup.models import FollowupPublication, MeasureStatusChange, SourceKind, StatusChange
from mizan.reports import followup_stats
from mizan.reports.statistics import Period

from .followup_data import *  # noqa: F403 (fixtures)
from .followup_data import back_date, themes

URL = reverse("followup_reports:dashboard")
PUBLISH = reverse("followup_reports:publication")
LIST = reverse("followup:recommendations")
ALL = ("not_started", "in_progress", "partly_implemented", "implemented", "not_implemented", "no_longer_relevant")


def counts(row) -> tuple:
    return tuple(row.counts[s] for s in ALL)


def this_year() -> Period:
    today = timezone.localdate()
    return Period(date(today.year, 1, 1), today)


def page(client, user, language="en", **params):
    client.force_login(user)
    client.cookies["mizan_language"] = language
    return client.get(URL, params)


# --- the figures ------------------------------------------------------------------------------------

def test_recommendations_by_status_theme_body_source_and_phase(followup_data, org):
    data = followup_stats.overview(org, this_year())

    assert data.current and data.total == 8 and data.open == 6 and data.implemented_share == pytest.approx(1 / 7)
    assert data.by_status == {"not_started": 2, "in_progress": 2, "partly_implemented": 1, "implemented": 1,
                              "not_implemented": 1, "no_longer_relevant": 1}
    assert [(r.extra.get("code", ""), counts(r)) for r in data.themes] == [
        ("torture", (0, 2, 0, 1, 1, 0)), ("detention_conditions", (1, 0, 0, 0, 0, 0)),
        ("due_process", (0, 1, 0, 0, 0, 0)), ("women", (0, 0, 1, 0, 0, 0)), ("police_conduct", (1, 0, 0, 0, 0, 0)),
        ("", (0, 0, 0, 0, 0, 1))]
    hr, prisons = followup_data["r1"].responsible.get().unit_id, followup_data["r4"].responsible.get().unit_id
    assert [(r.key, counts(r)) for r in data.bodies] == [
        (f"unit-{hr}", (1, 0, 0, 1, 0, 0)), (f"external-{followup_data['prosecution'].pk}", (0, 1, 0, 0, 0, 0)),
        (f"unit-{prisons}", (0, 0, 1, 0, 0, 0)), ("", (1, 1, 0, 0, 1, 1))]
    assert data.bodies[-1].label == "لم تُسجَّل جهة رئيسية"  # "No lead body recorded", in the default Arabic
    assert [(r.key, counts(r)) for r in data.source_kinds] == [
        ("conference", (1, 1, 0, 0, 0, 0)), ("treaty_body", (1, 1, 0, 1, 0, 0)), ("upr", (0, 0, 1, 0, 1, 1))]
    assert {r.key: r.total for r in data.sources} == {
        str(followup_data["cat"].pk): 3, str(followup_data["upr"].pk): 3, str(followup_data["conference"].pk): 2}
    assert [(r.label, counts(r)) for r in data.phases] == [
        ("الخطة المرحلية الأولى · المرحلة الأولى", (0, 2, 0, 1, 0, 0)),  # r1, r2 (two measures, once), c1
        ("الخطة المرحلية الأولى · المرحلة الثانية", (0, 0, 1, 0, 0, 0)),
        ("لا يستجيب لها أي تدبير بعد", (2, 0, 0, 0, 1, 1))]  # "Answered by no measure yet"
    assert data.changed == 6 and data.reports == 1  # r1, r2, r4, r5, r6, c1; org's one report
    assert data.members == []  # a ministry has no members


def test_measures_by_phase_and_overdue_and_indicators_against_baseline_and_target(followup_data, org):
    data = followup_stats.overview(org, this_year())

    assert [(r.label, r.counts, r.extra["overdue"]) for r in data.measures] == [
        ("الخطة المرحلية الأولى · المرحلة الأولى",
         {"planned": 0, "in_progress": 0, "completed": 1, "delayed": 1, "cancelled": 0}, 1),
        ("الخطة المرحلية الأولى · المرحلة الثانية",
         {"planned": 1, "in_progress": 1, "completed": 0, "delayed": 0, "cancelled": 0}, 1)]
    assert data.overdue_measures == 2
    trained, empty = (next(i for i in data.indicators if i.pk == followup_data[k].pk) for k in ("trained", "empty"))
    assert (trained.baseline, trained.target, trained.latest, trained.latest_end) == (
        Decimal("20"), Decimal("80"), Decimal("50"), date(2025, 12, 31))
    assert trained.progress == 0.5
    assert trained.points == [(date(2024, 1, 1), date(2024, 12, 31), Decimal("35")),
                              (date(2025, 1, 1), date(2025, 12, 31), Decimal("50"))]
    assert (empty.latest, empty.progress, empty.points) == (None, None, [])


def test_the_secretariat_counts_only_what_members_shared(followup_data, secretariat, org, other_org):
    data = followup_stats.overview(secretariat, this_year())

    by_member = {r.label: r.counts for r in data.members}
    assert by_member[org.name_ar] == {**dict.fromkeys(ALL, 0), "": 2}  # org's in-progress is internal
    # other_org shared "implemented" on c1; its "partly implemented" on c2 is internal
    assert by_member[other_org.name_ar] == {**dict.fromkeys(ALL, 0), "implemented": 1, "": 1}
    assert data.total == 2 and data.by_status["not_started"] == 2  # its own statuses


def test_statuses_at_the_end_of_an_earlier_period_come_from_the_history(followup_data, org):
    r1, r2 = followup_data["r1"], followup_data["r2"]
    history = {(h.recommendation_id, h.to_status): h for h in StatusChange.objects.filter(organisation=org)}
    back_date([history[(r1.pk, "not_started")], history[(r2.pk, "not_started")]], date(2025, 1, 10))
    back_date([history[(r1.pk, "in_progress")]], date(2025, 6, 1))
    m1 = followup_data["measures"][0]
    MeasureStatusChange.objects.filter(measure=m1).update(at=timezone.make_aware(timezone.datetime(2025, 3, 1, 10)))

    data = followup_stats.overview(org, Period(date(2025, 1, 1), date(2025, 12, 31)))

    assert not data.current
    assert data.by_status == {**dict.fromkeys(ALL, 0), "in_progress": 1, "not_started": 1}  # recorded by then
    assert data.changed == 1  # r1 moved to "in progress" in 2025
    assert [(r.counts["completed"], r.extra["overdue"]) for r in data.measures] == [(1, 0)]


def test_filters_by_theme_and_kind_of_source(followup_data, org):
    assert followup_stats.overview(org, this_year(), followup_stats.Filters(theme="torture")).total == 4
    upr = followup_stats.overview(org, this_year(), followup_stats.Filters(source_kind=SourceKind.UPR))
    assert (upr.total, upr.by_status["not_implemented"]) == (3, 1)


def test_unknown_filters_are_dropped_with_a_note(followup_data, client, org):
    response = page(client, followup_data["officer"], theme="no-such", kind="poem", **{"from": "2026-13-01"})

    assert response.status_code == 200
    assert response.context["filters"] == followup_stats.Filters()
    assert len(response.context["notes"]) == 3
    assert response.context["overview"].total == 8


# --- the page ---------------------------------------------------------------------------------------

def test_every_count_opens_a_list_with_that_many_recommendations(followup_data, client):
    officer = followup_data["officer"]
    response = page(client, officer)
    linked = [(cell.url, cell.value) for section in response.context["sections"]
              for row in [*section.rows, *([section.footer] if section.footer else [])] for cell in row.cells
              if cell.url]

    assert len(linked) >= 20
    assert {url.split("?")[1].split("=")[0] for url, _n in linked} >= {"status", "theme", "kind", "source"}
    for url, expected in linked:
        listed = client.get(url)
        assert listed.status_code == 200, url
        assert listed.context["page"].paginator.count == expected, url


def test_counts_of_an_earlier_period_do_not_link(followup_data, client):
    response = page(client, followup_data["officer"], **{"from": "2025-01-01", "to": "2025-12-31"})

    assert response.context["links"] is False
    assert not [c for s in response.context["sections"] for r in s.rows for c in r.cells if c.url]
    assert "read from the status history" in unescape(response.content.decode())


def test_the_page_shows_the_tables_charts_and_indicators(followup_data, client):
    response = page(client, followup_data["officer"])
    html = unescape(response.content.decode())

    assert [s.id for s in response.context["sections"]] == [
        "statuses", "themes", "bodies", "source-kinds", "sources", "phases", "measures"]
    assert "Torture and ill-treatment" in html and "Public prosecution" in html
    assert 'dir="auto">Officers trained in human rights' in html
    assert "20 (31 December 2023)" in html and "80 (31 December 2027)" in html and "50%" in html
    assert html.count('class="fu-baseline"') == html.count('class="fu-target"') == 3  # 2 bars + legend
    assert 'id="followup-report"' in html and "data-busy-download" in html
    assert 'id="publication"' not in html  # the follow-up officer may not publish


@pytest.mark.parametrize(("language", "direction", "title"), [
    ("ar", "rtl", "لوحة المتابعة"), ("en", "ltr", "Follow-up dashboard"), ("fr", "ltr", "Tableau de bord du suivi")])
def test_the_page_in_three_languages(followup_data, client, language, direction, title):
    html = page(client, followup_data["officer"], language=language).content.decode()

    assert f'dir="{direction}"' in html and f"<h1>{title}</h1>" in html


@pytest.mark.parametrize("who", ["intake", "officer", "supervisor", "analyst", "auditor", "admin", "followup"])
def test_every_staff_role_sees_its_organisations_figures(followup_data, followup_staff, client, who):
    response = page(client, followup_staff[who])

    assert response.status_code == 200 and response.context["overview"].total == 8


def test_an_outsider_sees_only_its_own_organisations_figures(followup_data, followup_staff, client):
    response = page(client, followup_staff["outsider"])
    html = response.content.decode()

    # other_org follows the secretariat's two recommendations, nothing of org
    assert response.status_code == 200 and response.context["overview"].total == 2
    assert "تجريم التعذيب" not in html and "الملاحظات الختامية" not in html and "النيابة العامة" not in html


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(URL).status_code == 302 and client.get(URL)["Location"].startswith("/accounts/login/")


def test_who_may_not_publish_changes_nothing(followup_data, followup_staff, client, org):
    for who in ("followup", "officer", "intake", "analyst", "auditor"):
        client.force_login(followup_staff[who])  # a login is an audit row of its own
        before = AuditEvent.objects.count()

        assert client.post(PUBLISH, {"published": "1"}).status_code == 404
        assert not FollowupPublication.objects.exists() and AuditEvent.objects.count() == before


def test_an_outsider_publishes_only_its_own_organisations_page(followup_data, followup_staff, client, org, other_org):
    client.force_login(followup_staff["outsider"])  # other_org's supervisor

    assert client.post(PUBLISH, {"published": "1"}).status_code == 302
    assert list(FollowupPublication.objects.values_list("organisation_id", "published")) == [(other_org.pk, True)]


def test_a_supervisor_publishes_and_withdraws_the_public_page(followup_data, followup_staff, client, org):
    client.force_login(followup_staff["supervisor"])
    shown = page(client, followup_staff["supervisor"])
    assert shown.context["publication"] == {"published": False, "recommendations": 3, "strategies": 0,
                                            "indicators": 0}

    assert client.post(PUBLISH, {"published": "1"}).status_code == 302
    assert FollowupPublication.objects.get(organisation=org).published
    assert client.post(PUBLISH, {"published": "1"}).status_code == 302  # already on: nothing more
    client.post(PUBLISH, {"published": "0"})

    assert not FollowupPublication.objects.get(organisation=org).published
    assert list(AuditEvent.objects.filter(action="followup.publication.change").values_list("data", flat=True)) == [
        {"published": True}, {"published": False}]


# --- queries ------------------------------------------------------------------------------------------

def test_the_figures_take_the_same_queries_for_one_or_many_records(followup_staff, cat_source, places, org):
    officer = followup_staff["followup"]

    def add(n):
        for i in range(n):
            rec = services.create_recommendation(actor=officer, source=cat_source, text=f"توصية {i}",
                                                 themes=themes("torture", "women"), bodies=[("lead", places["hr"], None)])
            services.set_recommendation_status(actor=officer, recommendation=rec, status="in_progress")
        return rec

    strategy = plans.create_strategy(actor=officer, title_ar="خطة")
    goal = plans.create_goal(actor=officer, phase=plans.create_phase(actor=officer, strategy=strategy,
                                                                     title_ar="مرحلة"), title_ar="هدف")
    plans.create_measure(actor=officer, goal=goal, title_ar="تدبير", recommendations=[add(1)])
    with CaptureQueriesContext(connection) as one:
        followup_stats.overview(org, this_year())
    plans.create_measure(actor=officer, goal=goal, title_ar="تدبير ٢", recommendations=[add(2)])
    with CaptureQueriesContext(connection) as three:
        data = followup_stats.overview(org, this_year())

    assert data.total == 3 and len(one) == len(three) <= 16
