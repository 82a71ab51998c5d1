"""The "Suggestions" panel on the case page."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mizan.complaints.models import Case
from mizan.triage.models import Suggestion
from mizan.triage.panel import triage_panel
from mizan.triage.services import decide_suggestion

ANON = {"anonymous": True, "complainant": {}}
TORTURE = "ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي"


def page(case):
    return reverse("desk:case", args=[case.reference])


def panel_html(response):
    html = response.content.decode()
    start = html.index('<section class="card" id="triage"')
    return html[start:html.index("</section>", start)]


def test_panel_shows_category_with_percent_and_marked_triggers(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="category", value="torture")
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    assert "Torture and ill-treatment" in html
    assert f"{suggestion.percent}% confidence" in html  # one convention for shares: the `percent` filter
    assert '<mark dir="auto">وكهربوني</mark>' in html
    assert reverse("triage:accept", args=[case.reference, suggestion.pk]) in html
    assert reverse("triage:reject", args=[case.reference, suggestion.pk]) in html
    assert f'name="version" value="{case.version}"' in html


def test_panel_shows_urgency_with_its_reasons(english, triaged, staff):
    case = triaged("أخي مضرب عن الطعام منذ أسبوعين ولسه بيضربوه كل يوم", categories=["torture"], **ANON)
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    assert '<span class="badge badge-critical">Critical</span>' in html
    assert "Torture or beatings said to be happening now" in html
    assert "Hunger strike" in html
    assert '<mark dir="auto">مضرب عن الطعام</mark>' in html


def test_panel_shows_possible_duplicate_with_link_and_reason(english, triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    first = triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(copy)))

    assert f'<a class="reference" href="{page(first)}">{first.reference}</a>' in html
    assert "Possible duplicate" in html
    percent = round(copy.suggestions.get(kind="duplicate").reasons["links"][0]["score"] * 100)
    assert f"Almost the same narrative ({percent}% alike)" in html
    assert (f"Accepting marks this case as a duplicate of <span class=\"ref\" dir=\"ltr\" translate=\"no\">"
            f"{first.reference}</span>") in html


def test_panel_is_read_only_for_the_auditor(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    english.force_login(staff["auditor"])

    html = panel_html(english.get(page(case)))

    assert "Torture and ill-treatment" in html
    assert "<form" not in html
    assert "Your role can read these suggestions but not decide on them." in html


def test_intake_may_reject_but_not_accept_a_duplicate(english, triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    suggestion = copy.suggestions.get(kind="duplicate")
    english.force_login(staff["intake"])

    html = panel_html(english.get(page(copy)))

    assert reverse("triage:reject", args=[copy.reference, suggestion.pk]) in html
    assert reverse("triage:accept", args=[copy.reference, suggestion.pk]) not in html


def test_panel_lists_decisions_with_who(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    decide_suggestion(actor=staff["officer"], suggestion=case.suggestions.get(kind="category", value="torture"),
                      accept=False)
    english.force_login(staff["supervisor"])

    html = panel_html(english.get(page(case)))

    assert re.search(r'rejected by <span dir="auto">Officer</span> on', html)


def test_panel_without_suggestions_says_so(english, triaged, staff):
    case = triaged("أود الاستفسار عن موعد المقابلة", categories=[], **ANON)
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    assert "No suggestion for this case." in html


def test_panel_is_in_arabic_by_default(client, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    client.force_login(staff["officer"])

    html = panel_html(client.get(page(case)))

    assert "التعذيب وسوء المعاملة" in html


def test_superseded_suggestions_are_not_shown(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    Suggestion.objects.filter(case=case, kind="category").update(status="superseded")

    panel = triage_panel(staff["officer"], case)

    assert panel.categories == []
    assert panel.urgency.suggestion.value == "critical"


def test_panel_is_none_for_an_outsider(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)

    assert triage_panel(staff["outsider"], case) is None


def _case_with_categories(triaged, count):
    """A case whose narrative raises `count` category suggestions and no link to another case."""
    sentences = ["ضربوني وكهربوني في القسم", "داهموا البيت وفتشوا هاتفي", "منعوني من السفر في المطار"]
    return triaged("، ".join(sentences[:count]), categories=[], **ANON)


def test_case_page_query_count_is_the_same_for_one_and_three_suggestions(client, triaged, staff):
    one = _case_with_categories(triaged, 1)
    three = _case_with_categories(triaged, 3)
    # However many the word list finds in each, the longer story raises more.
    assert 1 <= one.suggestions.filter(kind="category").count() < three.suggestions.filter(kind="category").count()
    client.force_login(staff["officer"])
    client.get(page(one))  # warm up per-process caches

    with CaptureQueriesContext(connection) as small:
        assert client.get(page(one)).status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert client.get(page(three)).status_code == 200

    assert len(large) == len(small)


def test_panel_query_count_is_the_same_for_one_and_four_links(triaged, staff, places):
    day = {"facility": str(places["station"].pk), "incident_date": "2026-10-01"}
    visits = ["ذهبت للزيارة صباحا", "انتظرت عند الباب ساعتين", "سلمت الأوراق للموظف", "عدت إلى البيت مساء",
              "سألت عن موعد الزيارة"]
    cases = [triaged(text, categories=[], **day, **ANON) for text in visits]
    one, three = cases[1], cases[4]
    assert not Suggestion.objects.filter(case__in=[one, three]).exclude(kind="related").exists()
    user = staff["officer"]
    user.membership  # noqa: B018 - loaded once per request by the desk context

    with CaptureQueriesContext(connection) as small:
        first = triage_panel(user, one)
    with CaptureQueriesContext(connection) as large:
        second = triage_panel(user, three)

    assert (len(first.links), len(second.links)) == (1, 4)
    # The suggestions, then the other cases: two queries however many rows.
    assert len(large) == len(small) == 2


def test_panel_says_where_a_suggestion_comes_from(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    assert "% confidence · word list" in html


# --- a category with its allegation; several at once -------------------------------------------------

def test_category_rows_offer_accept_with_the_allegation_accept_only_and_reject(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="category", value="torture")
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    with_allegation = reverse("triage:accept_with_allegation", args=[case.reference, suggestion.pk])
    assert (f'<form method="post" action="{with_allegation}" class="inline-form">' in html)
    assert ('<button type="submit" class="btn btn-small btn-primary">Accept and add the allegation'
            '<span class="visually-hidden">: Torture and ill-treatment</span></button>') in html
    assert ('<button type="submit" class="btn btn-small">Accept only'
            '<span class="visually-hidden">: Torture and ill-treatment</span></button>') in html


def test_a_closed_case_offers_no_allegation_with_a_category(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    Case.objects.filter(pk=case.pk).update(status="closed")
    english.force_login(staff["supervisor"])

    html = panel_html(english.get(page(case)))

    assert "Accept and add the allegation" not in html
    assert '<button type="submit" class="btn btn-small btn-primary">Accept<span' in html


def test_batch_form_lists_every_waiting_suggestion_with_its_choices(english, triaged, staff):
    case = _case_with_categories(triaged, 3)
    english.force_login(staff["officer"])

    html = panel_html(english.get(page(case)))

    assert '<summary>Decide several at once</summary>' in html
    assert f'<form method="post" action="{reverse("triage:decide", args=[case.reference])}">' in html
    pending = case.suggestions.filter(kind="category", status="pending")
    assert pending.count() >= 3
    for suggestion in pending:
        assert f'<select id="decision-{suggestion.pk}" name="decision-{suggestion.pk}">' in html
    options = re.findall(r'<option value="([a-z_]*)"', html[html.index("Decide several at once"):])
    assert options == ["", "accept_allegation", "accept", "reject"] * pending.count()
    assert '<button type="submit" class="btn btn-primary">Save these decisions</button>' in html


def test_batch_form_offers_only_what_the_role_may_do(english, triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    duplicate = copy.suggestions.get(kind="duplicate")
    english.force_login(staff["intake"])

    html = panel_html(english.get(page(copy)))

    select = html[html.index(f'<select id="decision-{duplicate.pk}"'):]
    select = select[:select.index("</select>")]
    assert re.findall(r'<option value="([a-z_]*)"', select) == ["", "reject"]  # intake may not mark duplicates


def test_batch_form_is_not_shown_to_the_auditor_nor_for_a_single_suggestion(english, triaged, staff):
    three = _case_with_categories(triaged, 3)
    one = triaged("أخي مضرب عن الطعام في السجن", categories=["detention_conditions"], **ANON)
    assert one.suggestions.filter(status="pending").count() == 1  # the urgency alone
    english.force_login(staff["auditor"])
    auditor_html = panel_html(english.get(page(three)))
    english.force_login(staff["officer"])
    single_html = panel_html(english.get(page(one)))

    assert "Decide several at once" not in auditor_html
    assert "Decide several at once" not in single_html


# --- a pending critical or high urgency at the head of the case --------------------------------------

def head_html(response):
    html = response.content.decode()
    return html[html.index('<div class="page-head" id="summary">'):html.index('<section class="card" aria-labelledby="summary-title">')]


def test_a_pending_critical_urgency_is_shown_at_the_head_of_the_case(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    urgency = case.suggestions.get(kind="urgency")
    english.force_login(staff["officer"])

    head = head_html(english.get(page(case)))

    assert '<section class="urgent-suggestion urgent-critical" id="urgent-suggestion"' in head
    assert '<h2 id="urgent-suggestion-title">Suggested urgency: Critical</h2>' in head
    assert ("Triage read this in the narrative. Nobody has decided yet: the case is still handled as “Normal”, "
            "with its deadlines.") in head
    assert "<li>Torture or beatings said to be happening now: " in head
    assert f'action="{reverse("triage:accept", args=[case.reference, urgency.pk])}"' in head
    assert f'action="{reverse("triage:reject", args=[case.reference, urgency.pk])}"' in head
    assert '<button type="submit" class="btn btn-primary">Make the urgency “Critical”</button>' in head


def test_a_pending_high_urgency_is_shown_at_the_head_too(english, triaged, staff):
    case = triaged("أخي مضرب عن الطعام في السجن", categories=[], **ANON)
    assert case.suggestions.get(kind="urgency").value == "high"
    english.force_login(staff["officer"])

    head = head_html(english.get(page(case)))

    assert '<section class="urgent-suggestion urgent-high" id="urgent-suggestion"' in head
    assert "Suggested urgency: High" in head
    assert "<li>Hunger strike: " in head


def test_the_auditor_reads_the_urgency_at_the_head_without_buttons(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    english.force_login(staff["auditor"])

    head = head_html(english.get(page(case)))

    assert "Suggested urgency: Critical" in head
    assert "<form" not in head
    assert "Your role can read this suggestion but not decide on it." in head


def test_a_decided_urgency_leaves_the_head(english, triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    decide_suggestion(actor=staff["officer"], suggestion=case.suggestions.get(kind="urgency"), accept=False)
    english.force_login(staff["officer"])

    head = head_html(english.get(page(case)))

    assert 'id="urgent-suggestion"' not in head


def test_no_banner_for_a_case_without_an_urgency_suggestion(english, triaged, staff):
    case = triaged("داهموا البيت وفتشوا هاتفي", categories=[], **ANON)
    english.force_login(staff["officer"])

    assert 'id="urgent-suggestion"' not in head_html(english.get(page(case)))
