"""The case queue: tabs, counts, filters, sorting, paging, access and query counts."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mizan.complaints.models import Case
from mizan.complaints.services import assign_case, set_categories
from mizan.triage.models import Suggestion
from mizan.triage.services import decide_suggestion
from tests.triage.urgency_support import suggest_urgency

from .test_queue_support import build_queue, counts, english, file_other_org, refs

URL = reverse("desk:queue")


def get(client, user, **params):
    english(client).force_login(user)
    return client.get(URL, params)


@pytest.fixture
def queue(staff, file_case, places):
    return build_queue(staff, file_case, places)


def names(queue, *keys):
    return [queue[k].reference for k in keys]


# --- tabs and counts ---------------------------------------------------------------------------

def test_queue_tab_counts_exact_for_case_officer(client, staff, queue, other_org):
    file_other_org(other_org)

    response = get(client, staff["officer"], view="all")

    assert response.status_code == 200
    assert counts(response) == {"mine": 1, "unit": 4, "unassigned": 4, "due_soon": 1, "overdue": 1, "all": 6}


@pytest.mark.parametrize(("view", "expected", "order"), [
    ("mine", ["mine"], "relevance"),
    ("unit", ["mine", "urgent", "fresh", "late"], "relevance"),
    # Work to pick up: the most urgent first, then the oldest.
    ("unassigned", ["urgent", "late", "prisons", "fresh"], "urgency"),
    ("due_soon", ["urgent"], "relevance"),
    ("overdue", ["late"], "relevance"),
    ("all", ["urgent", "late", "withdrawn", "prisons", "fresh", "mine"], "urgency"),
])
def test_queue_tab_lists_exact_cases_in_the_tab_order(client, staff, queue, other_org, view, expected, order):
    file_other_org(other_org)

    response = get(client, staff["officer"], view=view)

    assert refs(response) == names(queue, *expected)
    assert response.context["sort"] == order


@pytest.mark.parametrize(("who", "default"), [
    ("officer", "mine"), ("intake", "unassigned"), ("supervisor", "overdue"), ("auditor", "all"), ("admin", "all"),
])
def test_queue_default_tab_per_role(client, staff, queue, who, default):
    response = get(client, staff[who])

    assert response.status_code == 200
    assert response.context["view"] == default


def test_queue_roles_without_unit_or_cases_of_their_own_have_fewer_tabs(client, staff, queue):
    response = get(client, staff["auditor"])

    assert counts(response) == {"unassigned": 4, "due_soon": 1, "overdue": 1, "all": 6}


def test_queue_outsider_sees_only_own_organisation(client, staff, queue, other_org):
    theirs = file_other_org(other_org)

    response = get(client, staff["outsider"], view="all")

    assert refs(response) == [theirs.reference]
    assert counts(response) == {"mine": 0, "unassigned": 1, "due_soon": 0, "overdue": 0, "all": 1}
    body = response.content.decode()
    assert all(case.reference not in body for case in Case.objects.filter(organisation=staff["officer"].membership.organisation))


def test_queue_org_staff_never_see_other_organisation(client, staff, queue, other_org):
    theirs = file_other_org(other_org)

    response = get(client, staff["supervisor"], view="all", q=theirs.reference)

    assert refs(response) == []
    assert "No case in this list matches these filters." in response.content.decode()
    assert counts(response)["all"] == 6


def test_queue_marks_overdue_and_due_soon_rows(client, staff, queue):
    response = get(client, staff["officer"], view="all")

    states = {case.reference: case.due_state for case in response.context["rows"]}
    assert states == {queue["late"].reference: "overdue", queue["urgent"].reference: "due_soon",
                      queue["mine"].reference: "", queue["fresh"].reference: "",
                      queue["prisons"].reference: "", queue["withdrawn"].reference: ""}
    body = response.content.decode()
    assert body.count('class="is-overdue"') == 1
    assert body.count('class="is-due-soon"') == 1
    assert body.count('class="badge badge-overdue"') == 1
    assert body.count('class="badge badge-due-soon"') == 1


def test_queue_row_shows_case_details(client, staff, queue):
    response = get(client, staff["officer"], view="all", q=queue["urgent"].reference)
    body = response.content.decode()

    assert reverse("desk:case", args=[queue["urgent"].reference]) in body
    assert '<div class="small muted" dir="auto">ابني القاصر محتجز الآن في القسم</div>' in body
    assert "Critical" in body and "Child" in body and "Torture and ill-treatment" in body
    assert "Human-rights sector" in body


def test_queue_narrative_excerpt_is_cut_at_120_characters(client, staff, file_case):
    case, _ = file_case("ب" * 300)

    response = get(client, staff["officer"], view="all")

    excerpt = "ب" * 119 + "…"
    assert f'<div class="small muted" dir="auto">{excerpt}</div>' in response.content.decode()
    assert refs(response) == [case.reference]


# --- filters -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "under_review"}, ["mine"]),
    ({"status": ["under_review", "withdrawn"]}, ["mine", "withdrawn"]),
    ({"urgency": "critical"}, ["urgent"]),
    ({"category": "detention_conditions"}, ["prisons"]),
    ({"category": "torture"}, ["mine", "urgent", "fresh", "withdrawn", "late"]),
    ({"governorate": "giza"}, ["fresh"]),
    ({"governorate": "cairo"}, ["late"]),
    ({"unit": "prisons"}, ["prisons"]),
    ({"unit": "hr"}, ["mine", "urgent", "fresh", "withdrawn", "late"]),
    ({"officer": "officer"}, ["mine"]),
    ({"vulnerability": "child"}, ["urgent"]),
    ({"channel": "phone"}, ["fresh"]),
    ({"q": "كمين الجيزة"}, ["fresh"]),
    ({"urgency": "normal", "unit": "hr", "status": "received"}, ["fresh", "late"]),
])
def test_queue_filter_narrows_exactly(client, staff, queue, params, expected):
    response = get(client, staff["supervisor"], view="all", sort="newest", **params)

    assert response.status_code == 200
    assert refs(response) == names(queue, *expected)
    assert response.context["notes"] == []


def test_queue_filter_facility(client, staff, queue, places):
    response = get(client, staff["supervisor"], view="all", facility=str(places["prison"].pk))

    assert refs(response) == names(queue, "late")


def test_queue_filter_received_dates(client, staff, queue):
    today = timezone.localdate()

    recent = get(client, staff["supervisor"], view="all", sort="newest",
                 **{"from": (today - timedelta(days=5)).isoformat()})
    old = get(client, staff["supervisor"], view="all", to=(today - timedelta(days=30)).isoformat())
    window = get(client, staff["supervisor"], view="all", **{"from": (today - timedelta(days=61)).isoformat(),
                                                              "to": (today - timedelta(days=59)).isoformat()})

    assert refs(recent) == names(queue, "mine", "urgent", "fresh", "prisons", "withdrawn")
    assert refs(old) == names(queue, "late")
    assert refs(window) == names(queue, "late")


def test_queue_filter_reference_exact_prefix_and_arabic_digits(client, staff, queue):
    reference = queue["mine"].reference
    newest_first = names(queue, "mine", "urgent", "fresh", "prisons", "withdrawn", "late")
    arabic = reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    exact = get(client, staff["supervisor"], view="all", q=reference)
    lower = get(client, staff["supervisor"], view="all", q=reference.lower())
    prefix = get(client, staff["supervisor"], view="all", q=reference[:-1])
    in_arabic = get(client, staff["supervisor"], view="all", q=arabic)

    assert refs(exact) == [reference]
    assert refs(lower) == [reference]
    assert refs(prefix) == [ref for ref in newest_first if ref.startswith(reference[:-1])]
    assert len(refs(prefix)) >= 5  # every case filed this year shares the prefix
    assert refs(in_arabic) == [reference]


def test_queue_filter_combines_with_tab(client, staff, queue):
    response = get(client, staff["officer"], view="unassigned", urgency="normal")

    assert refs(response) == names(queue, "late", "prisons", "fresh")  # one urgency: the oldest first


def test_queue_filters_survive_in_tab_links_and_form(client, staff, queue):
    response = get(client, staff["officer"], view="unit", urgency="critical", q="ابني")
    body = response.content.decode()

    assert 'href="/desk/?view=all&amp;urgency=critical&amp;q=%D8%A7%D8%A8%D9%86%D9%8A"' in body
    assert '<option value="critical" selected>' in body
    assert 'name="q" value="ابني"' in body


def test_queue_bad_filter_values_are_ignored_with_notes(client, staff, queue):
    response = get(client, staff["supervisor"], view="all", status=["bogus", "received"], urgency="zzz",
                   category="nope", governorate="mars", facility="abc", unit="x", officer="ghost",
                   vulnerability="y", channel="fax", sort="random", page="abc",
                   **{"from": "2026-13-45", "to": "yesterday"})

    assert response.status_code == 200
    assert refs(response) == names(queue, "urgent", "fresh", "prisons", "late")  # only status=received applied
    assert len(response.context["notes"]) == 12
    assert "“mars” is not a valid governorate; that filter was ignored." in response.content.decode()


def test_queue_unknown_facility_id_and_reversed_dates_are_noted(client, staff, queue):
    response = get(client, staff["supervisor"], view="all", facility="999999", **{"from": "2026-11-20", "to": "2026-11-01"})

    assert response.status_code == 200
    assert refs(response) == []
    assert response.context["notes"] == [
        "“999999” is not a valid place; that filter was ignored.",
        "The “received from” date is after the “received to” date, so no case can match.",
    ]


def test_queue_unknown_or_unavailable_tab_falls_back_with_note(client, staff, queue):
    response = get(client, staff["auditor"], view="mine")

    assert response.context["view"] == "all"
    assert response.context["notes"] == ["There is no such list; showing “All cases” instead."]


def test_queue_filter_on_subcategory_parent_includes_children_once(client, staff, queue):
    prisons = queue["prisons"]
    set_categories(actor=staff["supervisor"], case=prisons,
                   categories=[queue["food"], queue["food"].parent])

    response = get(client, staff["supervisor"], view="all", category="detention_conditions")

    assert refs(response) == [prisons.reference]


# --- sorting and paging ----------------------------------------------------------------------------

def test_queue_sort_oldest_and_due(client, staff, queue):
    oldest = get(client, staff["supervisor"], view="all", sort="oldest")
    due = get(client, staff["supervisor"], view="all", sort="due")

    assert refs(oldest) == names(queue, "late", "withdrawn", "prisons", "fresh", "urgent", "mine")
    due_dates = [case.due_date() for case in due.context["rows"]]
    assert refs(due)[0] == queue["late"].reference
    assert refs(due)[1] == queue["urgent"].reference
    assert due_dates[-1] is None  # the withdrawn case has no deadline and comes last
    assert due_dates[:-1] == sorted(due_dates[:-1])


def test_queue_paginates_fifty_per_page(client, staff, file_case):
    cases = [file_case(f"شكوى رقم {i}")[0] for i in range(51)]

    first = get(client, staff["supervisor"], view="all", urgency="normal")
    second = get(client, staff["supervisor"], view="all", urgency="normal", page="2")

    assert refs(first) == [case.reference for case in cases[:50]]  # one urgency: the oldest first
    assert refs(second) == [cases[50].reference]
    assert 'href="?view=all&amp;urgency=normal&amp;page=2"' in first.content.decode()
    assert first.context["page"].paginator.count == 51


# --- access --------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["intake", "officer", "officer2", "supervisor", "auditor", "admin", "outsider"])
def test_queue_renders_for_case_roles(client, staff, queue, who):
    response = get(client, staff[who])

    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_queue_analyst_goes_to_the_statistics(client, staff, queue):
    response = get(client, staff["analyst"])

    assert response.status_code == 302
    assert response.url == reverse("reports:dashboard")


def test_queue_user_without_membership_gets_404(client, db):
    user = get_user_model().objects.create_user("nomember", password="x" * 20)

    response = get(client, user)

    assert response.status_code == 404


def test_queue_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={URL}"


def test_queue_post_is_refused(client, staff):
    english(client).force_login(staff["officer"])

    response = client.post(URL)

    assert response.status_code == 405


# --- htmx and query counts ---------------------------------------------------------------------------

def test_queue_htmx_request_gets_results_only(client, staff, queue):
    english(client).force_login(staff["officer"])

    partial = client.get(URL, {"view": "all", "urgency": "critical"}, HTTP_HX_REQUEST="true")
    restore = client.get(URL, {"view": "all"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")

    assert partial.content.decode().startswith('<div id="queue-results">')
    assert "<html" not in partial.content.decode()
    assert refs(partial) == [queue["urgent"].reference]
    assert "<html" in restore.content.decode()
    assert "HX-Request" in partial.headers["Vary"]


def _queries(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_queue_query_count_constant_for_1_or_3_rows(client, staff, file_case, places):
    english(client).force_login(staff["supervisor"])
    file_case("الأولى", vulnerabilities=["child"], facility=str(places["station"].pk))
    one = _queries(client, {"view": "all", "sort": "due"})
    first = Case.objects.get()
    assign_case(actor=staff["supervisor"], case=first, officer=staff["officer"])
    file_case("الثانية", vulnerabilities=["woman", "detainee"], governorate="cairo", categories=["torture", "women"])
    file_case("الثالثة", urgency="high", facility=str(places["prison"].pk))

    three = _queries(client, {"view": "all", "sort": "due"})

    assert three == one


def test_queue_clear_filters_link_only_when_filtering(client, staff, queue):
    plain = get(client, staff["officer"], view="unit", sort="oldest")
    filtered = get(client, staff["officer"], view="unit", channel="phone")

    assert "Clear filters" not in plain.content.decode()
    assert '<a href="/desk/?view=unit">Clear filters</a>' in filtered.content.decode()


def test_queue_arabic_page_uses_organisation_digits(client, staff, queue, org):
    org.arabic_indic_digits = True
    org.save(update_fields=["arabic_indic_digits"])
    client.force_login(staff["officer"])

    response = client.get(URL, {"view": "all"})
    body = response.content.decode()

    assert '<html lang="ar" dir="rtl">' in body
    assert '<span class="count">٦</span>' in body
    assert '<span class="count">٤</span>' in body


# --- urgency: accepted and suggested ---------------------------------------------------------------

@pytest.fixture
def suggested(queue):
    """`fresh` (normal) waits for a decision on a suggested critical urgency, `late` on a high one."""
    suggest_urgency(queue["fresh"], signals=("ongoing_torture", "child_detained"))
    suggest_urgency(queue["late"], level="high", signals=("hunger_strike",))
    return queue


def test_queue_urgency_order_counts_suggested_levels_then_oldest_first(client, staff, suggested):
    response = get(client, staff["supervisor"], view="all", sort="urgency")

    # fresh (suggested critical, 3 h old) before urgent (critical, 2 h old); late (suggested
    # high); then the normal ones, oldest first.
    assert refs(response) == names(suggested, "fresh", "urgent", "late", "withdrawn", "prisons", "mine")


def test_queue_unassigned_and_all_tabs_default_to_urgency_and_others_keep_theirs(client, staff, suggested):
    unassigned = get(client, staff["officer"], view="unassigned")
    unit = get(client, staff["officer"], view="unit")
    chosen = get(client, staff["officer"], view="all", sort="newest")
    searched = get(client, staff["officer"], view="all", q="الجيزة")

    assert refs(unassigned) == names(suggested, "fresh", "urgent", "late", "prisons")
    assert (unassigned.context["sort"], unit.context["sort"]) == ("urgency", "relevance")
    assert refs(unit) == names(suggested, "mine", "urgent", "fresh", "late")  # newest first, as before
    assert refs(chosen) == names(suggested, "mine", "urgent", "fresh", "prisons", "withdrawn", "late")
    assert (chosen.context["sort"], searched.context["sort"]) == ("newest", "relevance")
    assert refs(searched) == names(suggested, "fresh")


def test_queue_sort_urgency_is_offered_in_every_language(client, staff, queue):
    english(client).force_login(staff["officer"])
    body = client.get(URL, {"view": "all"}).content.decode()
    client.cookies["mizan_language"] = "fr"
    french = client.get(URL, {"view": "all"}).content.decode()
    client.cookies["mizan_language"] = "ar"
    arabic = client.get(URL, {"view": "all"}).content.decode()

    assert '<option value="urgency" selected>Urgency (accepted or suggested): most urgent first</option>' in body
    assert '<option value="urgency" selected>Degré d\'urgence (retenu ou suggéré) : le plus urgent d\'abord</option>' in (
        french.replace("&#x27;", "'"))
    assert '<option value="urgency" selected>درجة الاستعجال (المعتمدة أو المقترحة): الأكثر استعجالًا أولًا</option>' in arabic


def test_queue_rows_carry_the_waiting_suggestion_in_words(client, staff, suggested):
    rows = {c.reference: c for c in get(client, staff["officer"], view="all").context["rows"]}

    def shown(key, language):
        # Words are made when the page reads them, in the reader's language.
        case = rows[suggested[key].reference]
        with translation.override(language):
            return case.suggested_urgency, case.suggested_urgency_label, case.suggested_urgency_reasons

    assert shown("fresh", "en") == ("critical", "Critical", [
        "Torture or beatings said to be happening now", "A child is said to be detained"])
    assert shown("late", "en") == ("high", "High", ["Hunger strike"])
    assert shown("fresh", "ar") == ("critical", "حرجة", ["تعذيب أو ضرب يُقال إنه مستمر الآن", "طفل يُقال إنه محتجز"])
    assert shown("late", "fr") == ("high", "Élevée", ["Grève de la faim"])
    for key in ("urgent", "prisons", "withdrawn", "mine"):
        assert shown(key, "en") == (None, "", [])


def test_queue_row_loses_the_suggestion_once_decided(client, staff, suggested):
    suggestion = Suggestion.objects.get(case=suggested["fresh"], kind="urgency")
    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=False)

    response = get(client, staff["officer"], view="unassigned")

    fresh = next(c for c in response.context["rows"] if c.pk == suggested["fresh"].pk)
    assert (fresh.suggested_urgency, fresh.suggested_urgency_label, fresh.suggested_urgency_reasons) == (None, "", [])
    assert refs(response) == names(suggested, "urgent", "late", "prisons", "fresh")


def test_queue_critical_suggestion_waiting_too_long_is_overdue(client, staff, suggested):
    Case.objects.filter(pk=suggested["fresh"].pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=4))

    response = get(client, staff["supervisor"], view="overdue")

    assert refs(response) == names(suggested, "fresh", "late")
    assert counts(response)["overdue"] == 2
    assert {c.reference: c.due_state for c in response.context["rows"]} == {
        suggested["late"].reference: "overdue", suggested["fresh"].reference: "overdue"}
    # A suggestion waiting less than the review time, and a high one, are not overdue.
    Case.objects.filter(pk=suggested["fresh"].pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=3))
    assert refs(get(client, staff["supervisor"], view="overdue")) == names(suggested, "late")


def test_queue_urgency_order_query_count_constant_for_1_or_3_rows(client, staff, file_case, places):
    english(client).force_login(staff["supervisor"])
    first, _ = file_case("الأولى", vulnerabilities=["child"], facility=str(places["station"].pk))
    suggest_urgency(first)
    one = _queries(client, {"view": "all"})
    assign_case(actor=staff["supervisor"], case=first, officer=staff["officer"])
    for narrative, level in (("الثانية", "high"), ("الثالثة", "critical")):
        case, _ = file_case(narrative, vulnerabilities=["woman"], governorate="cairo", categories=["torture", "women"])
        suggest_urgency(case, level=level, signals=("child_detained", "hunger_strike"))

    three = _queries(client, {"view": "all"})

    assert three == one
    assert len(get(client, staff["supervisor"], view="all").context["rows"]) == 3


def test_queue_outsider_never_sees_another_organisation_suggestion(client, staff, suggested, other_org):
    theirs = file_other_org(other_org)

    response = get(client, staff["outsider"], view="all")

    assert refs(response) == [theirs.reference]
    assert [c.suggested_urgency for c in response.context["rows"]] == [None]
