"""The public follow-up page (`/followup/`): nothing until an organisation puts its follow-up on the
portal; then only the records it marked public, as counts, with small counts hidden (and a second
count where a total would give one away), computed indicator values resting on few complaints
hidden; nothing internal; three languages."""

from datetime import date, datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from mizan.complaints.models import Category
from mizan.followup import indicators, plans, services
from mizan.followup.publication import set_publication
from mizan.reports.followup_public import suppress_grid
from mizan.reports.publication import PRIMARY, SECONDARY, SHOWN
from tests.reports.followup_data import *  # noqa: F403 (fixtures)

URL = reverse("portal:followup")
F5 = "fewer than 5"


def get(client, language="en", **params):
    client.cookies["mizan_language"] = language
    return client.get(URL, params)


def table(response, key) -> dict:
    section = next(s for s in response.context["sections"] if s.id == key)
    return {row.label: [c.text if c.text is not None else c.value for c in row.cells] for row in
            [*section.rows, *([section.footer] if section.footer else [])]}


@pytest.fixture
def published(followup_data, followup_staff, file_case, org):
    """followup_data's public r1, r2, r4, and 13 more public recommendations (6 torture implemented, 5
    women in progress, 2 due process not started); its plan and its reported indicator made public;
    a public computed indicator (complaints received: 2 in 2024, 6 in 2025); the page switched on."""
    officer, supervisor = followup_data["officer"], followup_staff["supervisor"]
    torture, women, due = (Category.objects.get(code=c) for c in ("torture", "women", "due_process"))
    for theme, status, n in ((torture, "implemented", 6), (women, "in_progress", 5), (due, "not_started", 2)):
        for i in range(n):
            rec = services.create_recommendation(actor=supervisor, source=followup_data["cat"],
                                                 text=f"توصية {theme.code} {i}", themes=[theme], is_public=True)
            services.set_recommendation_status(actor=officer, recommendation=rec, status=status)
    plans.update_strategy(actor=supervisor, strategy=followup_data["strategy"], is_public=True)
    indicators.update_indicator(actor=supervisor, indicator=followup_data["trained"], is_public=True)
    received = indicators.create_indicator(
        actor=supervisor, name_ar="الشكاوى الواردة", name_en="Complaints received", kind="computed",
        definition="complaints_received", unit_label="complaints", frequency="yearly", baseline_on=date(2023, 12, 31),
        is_public=True)
    for year, n in ((2024, 2), (2025, 6)):
        for i in range(n):
            file_case(f"شكوى {year} {i}", received_at=timezone.make_aware(datetime(year, 3, 10, 12)))
        indicators.compute_indicator_value(received, indicators.Period(date(year, 1, 1), date(year, 12, 31)))
    set_publication(actor=supervisor, published=True)
    return received


def test_nothing_is_shown_until_an_organisation_publishes(client, followup_data, org):
    response = get(client)

    assert response.status_code == 200 and response.context["org"] is None
    assert "No follow-up has been published yet." in response.content.decode()
    assert org.name_en not in response.content.decode()
    assert get(client, org=org.slug).status_code == 404  # an unpublished organisation is "not found"


def test_only_public_recommendations_are_counted_with_small_counts_hidden(client, published):
    response = get(client)

    assert response.context["result"].total.value == 16  # r1, r2, r4 and 13 more; never the internal ones
    assert table(response, "statuses") == {
        "Not started": [F5], "In progress": [6], "Partly implemented": [F5], "Implemented": [7],
        "Not implemented": [F5], "No longer relevant": [F5], "Total": [16]}


def test_the_theme_table_hides_a_second_count_where_a_total_would_tell(client, published):
    themes = table(get(client), "themes")

    assert themes == {
        "Torture and ill-treatment": [F5, F5, F5, 7, F5, F5, 8],
        "Due process and fair trial": [F5, F5, F5, F5, F5, F5, F5],
        # The row totals add up to the table's: with due process's total hidden, women's would give it away
        "Women's rights, gender-based violence": [F5, 5, F5, F5, F5, F5, "hidden"]}


def test_plans_measures_and_indicators_with_values_resting_on_few_complaints_hidden(client, published):
    response = get(client)
    plan = table(response, "plan-1")
    charts = {chart.indicator.name: [(row.label, row.value) for row in chart.rows]
              for chart in response.context["indicators"]}

    assert plan == {"Planned": [F5], "In progress": [F5], "Completed": [F5], "Delayed": [F5], "Cancelled": [F5],
                    "Total": [F5]}  # four measures in all
    assert charts == {"Complaints received": [("2024", F5), ("2025", "6")],
                      "Officers trained in human rights": [("2024", "35"), ("2025", "50")]}
    received = next(c for c in response.context["indicators"] if c.indicator.name == "Complaints received")
    assert received.latest_text == "6 (31 December 2025)" and not received.rows[0].segments


def test_nothing_internal_leaks(client, published, followup_data):
    html = unescape(get(client).content.decode())

    for internal in ("تحسين ظروف الاحتجاز", "مراجعة قانون الطوارئ", "Monitoring visits",  # not public
                     "تجريم التعذيب", "الجريدة الرسمية", "Followup", "صدر القانون"):  # texts, evidence, people
        assert internal not in html, internal


def test_a_second_publishing_organisation_is_chosen_by_its_slug(client, published, followup_staff, other_org):
    set_publication(actor=followup_staff["outsider"], published=True)  # other_org's supervisor

    theirs = get(client, org=other_org.slug)
    assert theirs.context["org"] == other_org and theirs.context["result"].total.state == PRIMARY
    assert get(client, org="no-such").status_code == 404


@pytest.mark.parametrize(("language", "direction", "title"), [
    ("ar", "rtl", "متابعة التوصيات"), ("en", "ltr", "Follow-up of recommendations"),
    ("fr", "ltr", "Suivi des recommandations")])
def test_the_page_in_three_languages(client, published, language, direction, title):
    html = get(client, language).content.decode()

    assert f'dir="{direction}"' in html and f"<h1>{title}</h1>" in html
    assert f'href="{URL}" aria-current="page">{title}</a>' in html  # the portal's navigation


def test_grid_suppression_line_by_line():
    grid, rows, cols, grand, withheld = suppress_grid([[9, 3, 6], [8, 7, 12]], 5)

    # 3 alone in its row (6 hidden too) and in its column (7 too); then 6 alone in its column (12 too)
    assert grid == [[SHOWN, PRIMARY, SECONDARY], [SHOWN, SECONDARY, SECONDARY]]
    assert (rows, cols, grand, withheld) == ([SHOWN, SHOWN], [SHOWN] * 3, SHOWN, False)
    grid, rows, _cols, _grand, withheld = suppress_grid([[1, 2], [2, 1]], 5)
    assert grid == [[PRIMARY] * 2] * 2 and rows == [PRIMARY] * 2 and not withheld
