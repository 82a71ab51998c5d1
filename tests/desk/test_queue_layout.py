"""The queue's compact filter bar: active filters as chips (words, never codes), each removing
exactly one filter; "More filters" open when it holds one; the pending urgency suggestion's badge
in the row. The layout itself (widths, columns, loading) is checked in a browser:
tests/browser/test_desk_layout.py."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mizan.complaints.models import Case
from mizan.complaints.services import assign_case
from mizan.triage.services import decide_suggestion
from tests.triage.urgency_support import suggest_urgency

from .test_queue_support import build_queue, english, file_other_org, refs

URL = reverse("desk:queue")
CHIP = re.compile(r'<a class="chip" href="([^"]+)" aria-label="([^"]+)"><span class="chip-name">([^<]+)</span> '
                  r'<span class="chip-value" dir="auto">([^<]+)</span>')


@pytest.fixture
def queue(staff, file_case, places):
    return build_queue(staff, file_case, places)


def get(client, user, **params):
    english(client).force_login(user)
    return client.get(URL, params)


def chips(response) -> list[tuple[str, str]]:
    return [(chip.name, chip.value) for chip in response.context["chips"]]


def rendered_chips(response) -> list[tuple[str, str, str, str]]:
    """(href, accessible label, name, value) of each chip as the page shows it."""
    return [tuple(unescape(part) for part in found) for found in CHIP.findall(response.content.decode())]


def query(url: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(urlsplit(url).query, keep_blank_values=True))


EVERY_FILTER = {
    "q": "ابني", "status": ["received", "under_review"], "urgency": "critical", "category": "torture",
    "governorate": "giza", "unit": "hr", "officer": "officer", "vulnerability": "child", "channel": "phone",
    "outcome": "pending", "from": "2026-11-01", "to": "2026-11-30",
}


# --- chips: words, never codes ---------------------------------------------------------------------

def test_chips_name_every_applied_filter_in_words(client, staff, queue, places):
    officer = staff["officer"]
    officer.first_name, officer.last_name = "Karim", "Mansour"
    officer.save(update_fields=["first_name", "last_name"])

    response = get(client, staff["supervisor"], view="all", sort="oldest", facility=str(places["station"].pk),
                   **EVERY_FILTER)

    assert response.status_code == 200
    assert chips(response) == [
        ("Search", "ابني"), ("Status", "Received"), ("Status", "Under review"), ("Urgency", "Critical"),
        ("Category", "Torture and ill-treatment"), ("Governorate", "Giza"), ("Place", "Dokki police station"),
        ("Unit", "Human-rights sector"), ("Officer", "Karim Mansour"), ("Group at risk", "Child"),
        ("Channel", "Phone"), ("Finding", "No finding yet"), ("Received from", "1 November 2026"),
        ("Received to", "30 November 2026"),
    ]
    shown = rendered_chips(response)
    assert [(name, value) for _href, _label, name, value in shown] == chips(response)
    assert [label for _href, label, _name, _value in shown][:4] == [
        "Remove filter: Search: ابني", "Remove filter: Status: Received", "Remove filter: Status: Under review",
        "Remove filter: Urgency: Critical"]
    # Neither the login name nor a code is a word a chip shows (the place's id: its name above).
    words = " ".join(f"{label} {name} {value}" for _href, label, name, value in shown)
    for code in ("officer", "giza", "torture", "hr", "child", "phone", "pending", "under_review", "2026-11-01"):
        assert not re.search(rf"\b{re.escape(code)}\b", words), code


def test_chips_in_arabic_use_the_arabic_words(client, staff, queue):
    client.force_login(staff["supervisor"])

    response = client.get(URL, {"view": "all", "urgency": "critical", "governorate": "giza", "category": "torture"})

    assert chips(response) == [("درجة الاستعجال", "حرجة"), ("التصنيف", "التعذيب وسوء المعاملة"), ("المحافظة", "الجيزة")]
    assert rendered_chips(response)[0][1] == "إزالة عامل التصفية: درجة الاستعجال: حرجة"


def test_chip_removal_link_drops_exactly_that_filter(client, staff, queue):
    params = {"view": "all", "sort": "oldest", "page": "1", "urgency": "normal", "unit": "hr",
              "status": ["received", "under_review"]}
    response = get(client, staff["supervisor"], **params)
    full = [("sort", "oldest"), ("status", "received"), ("status", "under_review"), ("unit", "hr"),
            ("urgency", "normal"), ("view", "all")]

    links = {(chip.name, chip.value): chip.remove_url for chip in response.context["chips"]}

    assert set(links) == {("Status", "Received"), ("Status", "Under review"), ("Urgency", "Normal"),
                          ("Unit", "Human-rights sector")}
    for (name, value), url in links.items():
        assert urlsplit(url).path == URL
        dropped = {("Status", "Received"): ("status", "received"), ("Status", "Under review"): ("status", "under_review"),
                   ("Urgency", "Normal"): ("urgency", "normal"), ("Unit", "Human-rights sector"): ("unit", "hr")}
        assert query(url) == [pair for pair in full if pair != dropped[(name, value)]], name
    # Following a removal link lists what the remaining filters select: the page the link opens.
    after = client.get(links[("Urgency", "Normal")])
    assert refs(after) == [queue[k].reference for k in ("late", "fresh", "urgent", "mine")]
    assert chips(after) == [("Status", "Received"), ("Status", "Under review"), ("Unit", "Human-rights sector")]


def test_chip_removal_keeps_the_tab_shown_when_the_asked_one_was_refused(client, staff, queue):
    response = get(client, staff["auditor"], view="mine", channel="phone")

    assert response.context["view"] == "all"
    assert query(response.context["chips"][0].remove_url) == [("view", "all")]


def test_ignored_values_get_no_chip_but_clear_filters_removes_them(client, staff, queue):
    response = get(client, staff["supervisor"], view="unit", sort="due", urgency="zzz", governorate="mars",
                   channel="phone")

    assert chips(response) == [("Channel", "Phone")]
    assert len(response.context["notes"]) == 2
    assert response.context["clear_url"] == "/desk/?view=unit&sort=due"
    assert '<a href="/desk/?view=unit&amp;sort=due">Clear filters</a>' in response.content.decode()


def test_no_chips_and_no_clear_link_without_filters(client, staff, queue):
    response = get(client, staff["supervisor"], view="all", sort="oldest")
    body = response.content.decode()

    assert response.context["chips"] == []
    assert 'class="chips' not in body
    assert "Clear filters" not in body


def test_outsider_chips_never_name_another_organisations_places_or_people(client, staff, queue, places, other_org):
    theirs = file_other_org(other_org)

    response = get(client, staff["outsider"], view="all", governorate="giza", officer="officer", unit="hr",
                   facility=str(places["station"].pk), category="torture")
    body = response.content.decode()

    assert refs(response) == []
    assert chips(response) == [("Category", "Torture and ill-treatment")]
    assert len(response.context["notes"]) == 4
    for word in ("Giza", "Dokki police station", "Human-rights sector"):
        assert word not in body
    assert theirs.reference not in body  # their case has another category


# --- the bar ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "is_open"), [
    ({}, False), ({"urgency": "critical", "q": "ابني", "status": "received", "category": "torture"}, False),
    ({"channel": "phone"}, True), ({"to": "2026-11-30"}, True), ({"governorate": "mars"}, True),
])
def test_more_filters_opens_when_one_of_its_filters_is_set(client, staff, queue, params, is_open):
    response = get(client, staff["supervisor"], view="all", **params)
    body = response.content.decode()

    assert response.context["more_open"] is is_open
    assert ('<details class="more-filters" open>' in body) is is_open
    assert body.count('<details class="more-filters"') == 1


@pytest.mark.parametrize(("status", "summary"), [
    ([], "Any"), (["in_progress"], "In progress"), (["received", "referred", "closed"], "3 statuses"),
])
def test_status_list_summary_says_what_it_holds(client, staff, queue, status, summary):
    response = get(client, staff["supervisor"], view="all", status=status)

    found = re.search(r'<span class="dropdown-value" id="f-status-value">([^<]*)</span>', response.content.decode())
    assert found.group(1) == summary


def test_bar_keeps_search_three_filters_and_sort_outside_more_filters(client, staff, queue):
    body = get(client, staff["supervisor"], view="all").content.decode()

    bar, more = body.split('<details class="more-filters"')
    names = lambda html: re.findall(r'name="(\w+)"', html)  # noqa: E731
    assert names(bar.split('<form class="filter-bar')[1]) == ["view", "q"] + ["status"] * 9 + ["urgency", "category", "sort"]
    assert names(more.split("</form>")[0]) == ["governorate", "facility", "unit", "officer", "vulnerability", "channel",
                                               "outcome", "from", "to"]


def test_sort_select_shows_the_order_used(client, staff, queue):
    due = get(client, staff["supervisor"], view="all", sort="due").content.decode()
    bad = get(client, staff["supervisor"], view="all", sort="random").content.decode()

    assert re.findall(r'<option value="(\w+)" selected>', due.split('id="f-sort"')[1].split("</select>")[0]) == ["due"]
    # An unknown order is ignored with a note and the list is newest first: the select says so.
    assert re.findall(r'<option value="(\w+)" selected>', bad.split('id="f-sort"')[1].split("</select>")[0]) == ["newest"]


def test_loading_indicator_and_results_region(client, staff, queue):
    body = get(client, staff["supervisor"], view="all").content.decode()

    assert 'hx-indicator="#queue-loading"' in body
    assert ('<span class="loading-status" role="status"><span id="queue-loading" class="htmx-indicator loading">'
            "Loading…</span></span>") in body
    assert body.count('<div id="queue-results">') == 1


def test_queue_with_chips_query_count_constant_for_1_or_3_rows(client, staff, file_case, places):
    english(client).force_login(staff["supervisor"])
    params = {"view": "all", "unit": "hr", "officer": "officer", "governorate": "giza", "category": "torture",
              "status": "received", "from": "2020-01-01"}
    first, _ = file_case("الأولى", governorate="giza")
    assign_case(actor=staff["supervisor"], case=first, officer=staff["officer"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL, params)
        assert response.status_code == 200
        return len(ctx.captured_queries), len(response.context["rows"]), len(response.context["chips"])

    one = count()
    for narrative in ("الثانية", "الثالثة"):
        case, _ = file_case(narrative, governorate="giza", vulnerabilities=["child"])
        assign_case(actor=staff["supervisor"], case=case, officer=staff["officer"])
    three = count()

    assert one[1:] == (1, 6) and three[1:] == (3, 6)
    assert three[0] == one[0]


# --- the pending urgency suggestion ---------------------------------------------------------------

def _reasons(case, lang):
    with translation.override(lang):
        return Case.objects.get(pk=case.pk).suggested_urgency_reasons


def test_pending_suggestion_badge_with_reasons_in_the_links_name(client, staff, queue):
    fresh = queue["fresh"]
    suggest_urgency(fresh, signals=("ongoing_torture", "child_detained"))
    reasons = _reasons(fresh, "en")
    assert len(reasons) == 2

    html = get(client, staff["supervisor"], view="all", sort="newest").content.decode()

    assert html.count('class="badge badge-suggested') == 1
    link = re.search(rf'<a class="reference" href="[^"]*{fresh.reference}/" id="(case-\d+)" aria-labelledby="([^"]+)">', html)
    number = link.group(1).split("-")[1]
    assert number == "3"  # the third row, newest first
    assert link.group(2) == "case-3 suggest-3 suggest-3-why"
    assert ('<span class="badge badge-suggested badge-suggested-critical" id="suggest-3" tabindex="0" '
            'aria-describedby="suggest-3-why">suggested: critical</span>') in html
    tooltip = html.split('<span class="tooltip" role="tooltip" id="suggest-3-why">')[1].split("</td>")[0]
    assert re.findall(r'<span class="tooltip-line" dir="auto">([^<]+)</span>', tooltip) == reasons
    assert '<span class="tooltip-title">Triage suggests this urgency because:</span>' in tooltip
    # The accepted urgency keeps its own badge beside the suggestion.
    row = html.split('id="case-3"')[1].split("</tr>")[0]
    assert re.findall(r'<span class="badge badge-(\w+)">', row) == ["normal", "received"]


def test_no_badge_once_the_suggestion_is_decided_nor_for_a_level_already_accepted(client, staff, queue):
    suggestion = suggest_urgency(queue["fresh"])
    suggest_urgency(queue["urgent"])  # already critical: nothing to decide
    decide_suggestion(actor=staff["supervisor"], suggestion=suggestion, accept=False)

    html = get(client, staff["supervisor"], view="all").content.decode()

    assert "badge-suggested" not in html
    assert 'class="reference" href="/desk/cases/' in html and ' id="case-' not in html
    assert 'role="tooltip"' not in html


def test_suggestion_badge_in_arabic(client, staff, queue):
    suggest_urgency(queue["late"], level="high", signals=("hunger_strike",))
    client.force_login(staff["supervisor"])

    html = client.get(URL, {"view": "all", "sort": "oldest"}).content.decode()

    assert ('<span class="badge badge-suggested badge-suggested-high" id="suggest-1" tabindex="0" '
            'aria-describedby="suggest-1-why">مقترح: عالية</span>') in html
    assert "يقترح الفرز درجة الاستعجال هذه للأسباب التالية:" in html
    assert f'<span class="tooltip-line" dir="auto">{_reasons(queue["late"], "ar")[0]}</span>' in html


def test_suggestion_badges_add_no_query_per_row(client, staff, file_case, places):
    english(client).force_login(staff["supervisor"])
    first, _ = file_case("الأولى")
    suggest_urgency(first)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(URL, {"view": "all"}).content.decode()
        return len(ctx.captured_queries), html.count('class="badge badge-suggested')

    one = count()
    for narrative in ("الثانية", "الثالثة"):
        case, _ = file_case(narrative)
        suggest_urgency(case, level="high", signals=("hunger_strike",))
    three = count()

    assert (one[1], three[1]) == (1, 3)
    assert three[0] == one[0]
