"""The "Suggestions" panel on the case page."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
    assert f"{suggestion.percent}% confidence" in html
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
    assert f"Accepting marks this case as a duplicate of {first.reference}" in html


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
    decide_suggestion(actor=staff["officer"], suggestion=case.suggestions.get(kind="category"), accept=False)
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
    assert one.suggestions.filter(kind="category").count() == 1
    assert three.suggestions.filter(kind="category").count() == 3
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
