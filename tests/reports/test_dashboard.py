"""The desk dashboard: who may see it, links to the case lists behind the numbers (and none for
analysts), filters in the URL, right-to-left charts, digits, translations, query counts."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mizan.reports.dashboard import MIN_BASE, change, presets
from mizan.reports.statistics import Period

from . import dashboard_data
from .dashboard_data import english, period

dataset = dashboard_data.dataset  # the data set fixture, for the tests below

URL = reverse("reports:dashboard")


def page(client, user, language="en", **params):
    if language:
        client.cookies["mizan_language"] = language
    client.force_login(user)
    return client.get(URL, {"from": period().start.isoformat(), "to": period().end.isoformat(), **params})


def queue_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["page"].paginator.count


def complaint_links(response) -> list[tuple[str, int]]:
    """(url, number) of every complaint count on the page that links to a list."""
    found = [(item["url"], item["value"]) for item in response.context["headline"]
             if item["url"] and item.get("counts") != "allegations"]
    for section in response.context["sections"]:
        columns = [i for i, name in enumerate(section.columns)
                   if name in ("Complaints", "This period", "A year earlier")]
        for row in section.rows:
            found += [(row.cells[i].url, row.cells[i].value) for i in columns if row.cells[i].url]
    return found


# --- who may see it -------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["supervisor", "analyst", "auditor", "admin"])
def test_dashboard_shown_to_roles_with_statistics(client, staff, dataset, who):
    response = page(client, staff[who])

    assert response.status_code == 200
    assert response.context["overview"].received == 5


@pytest.mark.parametrize("who", ["officer", "officer2", "intake"])
def test_dashboard_not_found_for_roles_without_statistics(client, staff, dataset, who):
    assert page(client, staff[who]).status_code == 404


def test_dashboard_not_found_without_membership_and_login_first(client, db):
    assert client.get(URL).status_code == 302  # to the login page
    user = get_user_model().objects.create_user("nomember", password="x" * 20)
    client.force_login(user)
    assert client.get(URL).status_code == 404


def test_dashboard_outsider_sees_only_their_own_organisation(client, staff, dataset):
    response = page(client, staff["outsider"])

    data = response.context["overview"]
    assert (data.received, data.allegations) == (1, 1)
    assert dataset["fresh"].reference not in response.content.decode()


def test_analyst_lands_on_the_dashboard_and_has_it_in_the_menu(client, staff, dataset):
    english(client).force_login(staff["analyst"])

    response = client.get(reverse("desk:queue"), follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert f'<a href="{URL}" aria-current="page">Statistics</a>' in response.content.decode()


def test_menu_offers_statistics_only_to_who_may_see_them(client, staff, dataset):
    english(client).force_login(staff["officer"])
    assert f'href="{URL}"' not in client.get(reverse("desk:queue")).content.decode()
    english(client).force_login(staff["supervisor"])
    assert f'href="{URL}"' in client.get(reverse("desk:queue")).content.decode()


# --- links to the cases -----------------------------------------------------------------------------

def test_dashboard_complaint_numbers_open_the_same_count_in_the_queue(client, staff, dataset):
    response = page(client, staff["supervisor"])
    links = complaint_links(response)

    assert len(links) >= 25
    for url, number in links:
        assert queue_count(client, url) == number, url


def test_dashboard_links_carry_the_period_and_filters(client, staff, places, dataset):
    response = page(client, staff["supervisor"], governorate="giza", vulnerability="child")

    torture = next(row for row in response.context["sections"][1].rows if row.label == "Torture and ill-treatment")
    query = parse_qs(urlsplit(torture.cells[1].url).query)
    assert query == {"view": ["all"], "from": [period().start.isoformat()], "to": [period().end.isoformat()],
                     "governorate": ["giza"], "vulnerability": ["child"], "category": ["torture"]}
    assert queue_count(client, torture.cells[1].url) == torture.cells[1].value == 1  # fresh


def test_dashboard_outcome_links_list_the_complaints_holding_those_allegations(client, staff, dataset):
    response = page(client, staff["supervisor"])
    outcomes = next(s for s in response.context["sections"] if s.id == "outcomes")
    torture = next(row for row in outcomes.rows if row.label == "Torture and ill-treatment")
    substantiated, partly, _not, mediation, _outside, pending, total = torture.cells

    cases = {
        "substantiated": [dataset["fresh"].reference], "mediation": [dataset["late"].reference],
        "pending": [dataset["new"].reference],
    }
    for cell, key in ((substantiated, "substantiated"), (mediation, "mediation"), (pending, "pending")):
        listed = client.get(cell.url)
        assert [case.reference for case in listed.context["rows"]] == cases[key]
        assert cell.value == 1
    # the four torture allegations are held by three complaints
    assert (total.value, queue_count(client, total.url)) == (4, 3)


def test_dashboard_analyst_sees_no_link_no_case_and_no_personal_data(client, staff, dataset):
    response = page(client, staff["analyst"])
    text = response.content.decode()

    assert response.context["links"] is False
    assert 'href="/desk/?' not in text and "/desk/case" not in text
    for case in dataset.values():
        assert case.reference not in text
    assert "منى" not in text and "29001011234567" not in text and "01001234567" not in text
    # the analyst's numbers drill down in the statistics only: every link is the dashboard's
    urls = [cell.url for section in response.context["sections"] for row in section.rows
            for cell in row.cells if cell.url]
    assert urls and all(url.startswith("/desk/reports/?") for url in urls)
    assert all(item["url"] is None for item in response.context["headline"])


def test_dashboard_analyst_drills_into_a_category_of_the_statistics(client, staff, dataset):
    """An analyst's count of torture allegations opens the dashboard of the torture complaints,
    with the same period: the same figures the supervisor's list would hold, as aggregates."""
    response = page(client, staff["analyst"])
    section = next(s for s in response.context["sections"] if s.id == "categories")
    torture = next(row for row in section.rows if row.label == "Torture and ill-treatment")
    url = torture.cells[0].url
    assert url == f"/desk/reports/?from={period().start.isoformat()}&to={period().end.isoformat()}&category=torture"

    drilled = client.get(url)

    assert drilled.status_code == 200
    assert drilled.context["filters"].category == "torture"
    assert drilled.context["overview"].allegations == torture.cells[0].value == 4
    assert drilled.context["overview"].received == 3
    assert '<option value="torture" selected>' in drilled.content.decode()


def test_dashboard_analyst_status_and_outcome_counts_are_not_links(client, staff, dataset):
    """The dashboard's filters cannot select complaints by status or outcome: those counts open
    nothing for a reader of aggregates (a link would show other figures than the number)."""
    response = page(client, staff["analyst"])
    for section in response.context["sections"]:
        if section.id in ("statuses", "deadlines"):
            assert all(cell.url is None for row in section.rows for cell in row.cells), section.id
        if section.id == "outcomes":  # per outcome: no link; a category's total: its dashboard
            assert all(cell.url is None for row in section.rows for cell in row.cells[:-1])
            assert all(row.cells[-1].url.endswith(f"&category={code}") for row, code in
                       zip(section.rows, [r.params["category"] for r in response.context["overview"].outcomes],
                           strict=True) if row.cells[-1].value)


# --- filters in the URL -----------------------------------------------------------------------------

def test_dashboard_filters_come_from_the_url_and_stay_in_the_form(client, staff, places, dataset):
    response = page(client, staff["supervisor"], category="torture", channel="web")
    text = response.content.decode()

    data = response.context["overview"]
    assert (data.received, data.allegations) == (2, 3)  # fresh and new; their torture allegations
    assert '<option value="torture" selected>' in text
    assert '<option value="web" selected>' in text
    assert f'value="{period().start.isoformat()}"' in text
    assert "Clear filters" in text


def test_dashboard_default_period_is_the_last_twelve_months(client, staff, dataset):
    english(client).force_login(staff["supervisor"])
    response = client.get(URL)

    data = response.context["overview"]
    assert len(data.trend) == 12 and data.period.end == period().end
    assert data.received == 5  # all within 100 days; last year's falls in the comparison only


def test_dashboard_ignores_bad_values_with_a_note(client, staff, dataset):
    response = page(client, staff["supervisor"], governorate="atlantis", facility="999999", to="2026-13-45",
                    channel="pigeon")
    text = unescape(response.content.decode())

    assert response.status_code == 200
    assert response.context["filters"].governorate == "" and response.context["filters"].facility is None
    assert "“atlantis” is not a valid governorate; that filter was ignored." in text
    assert "“2026-13-45” is not a date (use YYYY-MM-DD); that filter was ignored." in text
    assert "“pigeon” is not a valid channel; that filter was ignored." in text


def test_dashboard_reversed_period_falls_back_with_a_note(client, staff, dataset):
    response = page(client, staff["supervisor"], **{"from": "2026-06-01", "to": "2026-01-01"})

    assert "The period ends before it starts" in response.content.decode()
    assert len(response.context["overview"].trend) == 12


# --- right to left, digits, languages ------------------------------------------------------------------

def _first_bar(text: str) -> tuple[float, float]:
    x, width = re.search(r'<rect x="([\d.]+)" y="0" width="([\d.]+)"', text).groups()
    return float(x), float(width)


def test_dashboard_arabic_is_right_to_left_with_bars_from_the_right(client, staff, dataset):
    text = page(client, staff["supervisor"], language="ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in text
    assert "الشكاوى" in text and "الادعاءات" in text  # column headings in Arabic
    x, width = _first_bar(text)
    assert x == pytest.approx(100 - width)  # the bar starts at the right edge


def test_dashboard_english_and_french_are_left_to_right(client, staff, dataset):
    english_text = page(client, staff["supervisor"], language="en").content.decode()
    french_text = page(client, staff["supervisor"], language="fr").content.decode()

    assert '<html lang="en" dir="ltr">' in english_text and "Torture and ill-treatment" in english_text
    assert '<html lang="fr" dir="ltr">' in french_text and "Plaintes" in french_text
    assert "Torture et mauvais traitements" in french_text
    assert _first_bar(english_text)[0] == 0


def test_dashboard_labels_in_html_and_numbers_in_the_organisations_digits(client, staff, org, dataset):
    org.arabic_indic_digits = True
    org.save()
    text = page(client, staff["supervisor"], language="ar").content.decode()

    figure = re.search(r'<p class="stat-number"><a href="[^"]+">([^<]+)</a></p>', text).group(1)
    assert figure == "٥"  # five complaints, in Arabic-Indic digits
    assert "<text" not in text  # no text inside the SVG charts: labels are HTML


def test_dashboard_tables_have_captions_and_copyable_text(client, staff, dataset):
    response = page(client, staff["supervisor"])
    text = unescape(response.content.decode())

    categories = next(s for s in response.context["sections"] if s.id == "categories")
    assert f"<caption>{categories.caption}</caption>" in text
    assert categories.tsv().split("\n")[:2] == ["Category\tAllegations\tComplaints",
                                                 "Torture and ill-treatment\t4\t3"]
    assert f'data-copy="{categories.tsv()}"' in text


def test_dashboard_place_names_written_by_the_organisation_have_dir_auto(client, staff, dataset):
    text = page(client, staff["supervisor"]).content.decode()
    assert '<th scope="row" dir="auto">Giza</th>' in text


# --- query counts ---------------------------------------------------------------------------------

def _queries(client, user) -> tuple[int, int]:
    """SELECTs of the page computed (empty cache), then served from the cache."""
    page(client, user)  # the session's first request does its own bookkeeping
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert page(client, user).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert page(client, user).status_code == 200
    count = lambda ctx: sum(1 for q in ctx.captured_queries if q["sql"].startswith("SELECT"))  # noqa: E731
    return count(first), count(second)


def test_dashboard_query_count_does_not_grow_with_cases(client, staff, file_case, places):
    file_case("الأولى", vulnerabilities=["child"], facility=str(places["station"].pk))
    one = _queries(client, staff["supervisor"])
    for text in ("الثانية", "الثالثة"):
        file_case(text, vulnerabilities=["woman", "detainee"], governorate="cairo", categories=["torture", "women"])
    three = _queries(client, staff["supervisor"])

    assert one == three
    assert three[1] < three[0]  # the second view is served from the cache


# --- changes from a small base, the chosen period ------------------------------------------------

@pytest.mark.parametrize(("language", "digits", "expected"), [
    ("en", False, [("\u200e+35%", False), ("\u200e−25%", False), ("0%", False), ("from 3 to 27", True),
                   ("from 1 to 26", True), ("—", False)]),
    ("fr", False, [("\u200e+35\xa0%", False), ("\u200e−25\xa0%", False), ("0\xa0%", False),
                   ("de 3 à 27", True), ("de 1 à 26", True), ("—", False)]),
    ("ar", False, [("\u200e+35%", False), ("\u200e−25%", False), ("0%", False), ("من 3 إلى 27", True),
                   ("من 1 إلى 26", True), ("—", False)]),
    ("ar", True, [("\u200e+٣٥٪", False), ("\u200e−٢٥٪", False), ("٠٪", False), ("من ٣ إلى ٢٧", True),
                  ("من ١ إلى ٢٦", True), ("—", False)]),
])
def test_change_is_a_percentage_only_from_a_base_of_ten(org, language, digits, expected):
    org.arabic_indic_digits = digits
    with translation.override(language):
        shown = [change(27, 20, org), change(15, 20, org), change(10, 10, org), change(27, 3, org),
                 change(26, 1, org), change(0, 0, org)]

    assert MIN_BASE == 10
    assert shown == expected


def test_dashboard_trend_gives_counts_not_a_percentage_below_the_base(client, staff, dataset):
    response = page(client, staff["supervisor"])

    trend = next(s for s in response.context["sections"] if s.id == "trend")
    changes = [(row.cells[0].value, row.cells[1].value, row.cells[2].text) for row in trend.rows]
    assert sum(now for now, _before, _text in changes) == 5 and sum(b for _n, b, _t in changes) == 1
    for now, before, text in changes:
        assert text == ("—" if now == before == 0 else f"from {before} to {now}")
    assert trend.note == ("Change: not meaningful below 10. Where the earlier figure is below 10, the two counts are "
                          "given instead of a percentage.")
    assert "%" not in trend.tsv()
    assert trend.note in unescape(response.content.decode())


def test_presets_mark_only_the_chosen_one_when_two_give_the_same_days():
    december = date(2026, 12, 7)
    this_year = Period(date(2026, 1, 1), december)  # also the last 12 months, in December

    assert [(key, chosen) for key, _p, chosen in presets(december, this_year)] == [
        ("last_12_months", True), ("this_year", False), ("last_year", False)]
    assert [(key, chosen) for key, _p, chosen in presets(december, this_year, "this_year")] == [
        ("last_12_months", False), ("this_year", True), ("last_year", False)]
    # a preset named in the address that no longer gives the period on screen is not marked
    assert [(key, chosen) for key, _p, chosen in presets(december, this_year, "last_year")] == [
        ("last_12_months", True), ("this_year", False), ("last_year", False)]
    assert [chosen for _k, _p, chosen in presets(december, Period(date(2026, 3, 1), december))] == [False] * 3


def test_dashboard_marks_the_chosen_preset_alone(client, staff, dataset):
    today = timezone.localdate()
    english(client).force_login(staff["supervisor"])
    response = client.get(URL, {"from": f"{today.year}-01-01", "to": today.isoformat(), "preset": "this_year"})

    text = response.content.decode()
    presets_html = re.search(r'<p class="stat-presets">(.*?)</p>', text).group(1)
    assert re.findall(r'<a [^>]*aria-current="true"[^>]*>([^<]+)</a>', presets_html) == ["This year"]
    assert presets_html.count("aria-current") == 1
    assert '<input type="hidden" name="preset" value="this_year">' in text
    assert f'href="?from={today.year}-01-01&amp;to={today.isoformat()}&amp;preset=this_year"' in presets_html
