"""The public statistics page: only what an organisation publishes, complete years only, small
counts suppressed (and a second count where a total would give them away), no personal data,
three languages."""

from datetime import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.reports.models import PublicationSettings

URL = reverse("portal:statistics")


def get(client, language="en", **params):
    client.cookies["mizan_language"] = language
    return client.get(URL, params)


def table(response, key) -> dict:
    section = next(s for s in response.context["sections"] if s.id == key)
    cells = {row.label: (row.cells[0].text if row.cells[0].text is not None else row.cells[0].value)
             for row in section.rows}
    if section.footer:
        cells["Total"] = section.footer.cells[0].text or section.footer.cells[0].value
    return cells


@pytest.fixture
def last_year(file_case, places):
    """Fifteen complaints received in March of last year: 7 in Cairo (torture), 2 in Giza by phone
    (due process), 6 with no governorate (torture and arbitrary detention)."""
    day = timezone.make_aware(datetime(timezone.localdate().year - 1, 3, 10, 12))
    cases = [file_case(f"القاهرة {i}", received_at=day, governorate="cairo", categories=["torture"])[0]
             for i in range(7)]
    cases += [file_case(f"الجيزة {i}", received_at=day, governorate="giza", channel="phone",
                        categories=["due_process"])[0] for i in range(2)]
    cases += [file_case(f"بلا مكان {i}", received_at=day, categories=["torture", "arbitrary_detention"])[0]
              for i in range(6)]
    file_case("هذا العام")  # this year's complaint: not published until the year is over
    return cases


@pytest.fixture
def published(org):
    return PublicationSettings.objects.create(organisation=org, published=True)


def test_public_statistics_nothing_until_an_organisation_publishes(client, org, last_year):
    response = get(client)

    assert response.status_code == 200
    assert "No statistics have been published yet." in response.content.decode()
    assert response.context["sections"] == []


def test_public_statistics_small_counts_hidden_and_a_second_one_where_a_total_tells(client, last_year, published):
    response = get(client)

    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year - 1
    assert response.context["result"].received.value == 15
    # Giza's 2 would be 15 - 7 - 6: Giza reads "fewer than 5", and the 6 of "not stated" is hidden
    assert table(response, "governorates") == {"Cairo": 7, "Giza": "fewer than 5", "Not stated": "hidden",
                                               "Total": 15}
    channels = table(response, "channels")
    assert (channels["Web portal"], channels["Phone"], channels["Letter"], channels["Total"]) == (
        13, "fewer than 5", "fewer than 5", 15)
    categories = table(response, "categories")
    assert (categories["Torture and ill-treatment"], categories["Arbitrary arrest and detention"],
            categories["Due process and fair trial"], categories["Privacy"], categories["Total"]) == (
        13, 6, "fewer than 5", "fewer than 5", 21)
    months = table(response, "months")
    assert months[f"March {timezone.localdate().year - 1}"] == 15
    assert list(months.values()).count("fewer than 5") == 11


def test_public_statistics_shares_only_on_enough_complaints(client, last_year, published):
    deadlines = table(get(client), "deadlines")

    assert deadlines == {"Acknowledged on time": "0%", "Resolved on time": "fewer than 5",
                         "Median days to resolve": "fewer than 5", "90th percentile of days to resolve": "fewer than 5"}


def test_public_statistics_no_case_and_no_personal_data(client, last_year, published):
    text = get(client).content.decode()

    for case in last_year:
        assert case.reference not in text
    assert "منى" not in text and "01001234567" not in text
    assert "/desk/" not in text


def test_public_statistics_threshold_and_sections_are_the_organisations_choice(client, last_year, published):
    published.threshold = 3
    published.channels = False
    published.save()

    response = get(client)

    assert "channels" not in [s.id for s in response.context["sections"]]
    assert table(response, "governorates") == {"Cairo": 7, "Giza": "fewer than 3", "Not stated": "hidden",
                                               "Total": 15}


def test_public_statistics_only_complete_years_and_only_publishing_organisations(client, org, other_org, last_year,
                                                                              published):
    response = get(client, year=str(timezone.localdate().year))

    assert response.context["years"] == [timezone.localdate().year - 1]
    assert response.context["year"] == timezone.localdate().year - 1  # this year is not offered
    assert get(client, org=other_org.slug).status_code == 404  # not publishing: as if unknown
    assert get(client, org="nowhere").status_code == 404


def test_public_statistics_never_mix_organisations(client, org, other_org, last_year, published, file_case):
    PublicationSettings.objects.create(organisation=other_org, published=True)

    mine = get(client, org=org.slug)
    theirs = get(client, org=other_org.slug)

    assert mine.context["result"].received.value == 15
    assert theirs.context["year"] is None  # no complaint at all
    assert ('There is no complete year of complaints to publish yet for: <strong dir="auto">National human-rights '
            'institution</strong>') in unescape(theirs.content.decode())


@pytest.mark.parametrize(("language", "scope"), [
    ("en", '<dt>Received by</dt><dd dir="auto">Human-rights department, Ministry of Interior</dd>\n  <dt>Period</dt>'
           "<dd>Complaints received from 1 January to 31 December {year}</dd>"),
    ("fr", "<dt>Reçue par</dt><dd dir=\"auto\">Direction des droits de l'homme, ministère de l'Intérieur</dd>\n  "
           "<dt>Période</dt><dd>Plaintes reçues du 1er janvier au 31 décembre {year}</dd>"),
])
def test_public_statistics_name_the_organisation_without_a_sentence_around_it(client, org, last_year, published,
                                                                               language, scope):
    """An organisation's name needs an article in French and English sentences ("à la Direction",
    "the Human-rights department"): it stands alone, after its label."""
    text = unescape(get(client, language=language).content.decode())

    assert scope.format(year=timezone.localdate().year - 1) in text
    assert "par Direction" not in text and "by Human-rights" not in text


def test_public_statistics_cached_for_anonymous_traffic(client, last_year, published):
    get(client)
    with CaptureQueriesContext(connection) as ctx:
        response = get(client)

    assert response.status_code == 200
    assert not [q for q in ctx.captured_queries if '"complaints_allegation"' in q["sql"]]


@pytest.mark.parametrize(("language", "direction", "word"), [("ar", "rtl", "الشكاوى"), ("en", "ltr", "Complaints"),
                                                             ("fr", "ltr", "Plaintes")])
def test_public_statistics_in_three_languages(client, last_year, published, language, direction, word):
    text = get(client, language=language).content.decode()

    assert f'<html lang="{language}" dir="{direction}">' in text
    assert word in text
    assert f'href="{URL}" aria-current="page"' in text
