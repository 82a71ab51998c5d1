"""Search, triage suggestions and similar cases, in a real browser, in Arabic (then French).

A citizen files a complaint in Egyptian dialect through the portal (an arrest, beatings, a
brother in custody on hunger strike and in a critical state) → an officer searches the desk with
other spellings of its words (احمد for أحمد, مستشفي for مستشفى, سجن for السجن, محتجز without the
harakat of مُحتجَز) and finds it, the matches highlighted in the citizen's own spelling → on the
case page the suggestions show their trigger words and the urgency its reasons; the officer
accepts one category and rejects another with one click each → the similar-cases panel lists the
earlier complaint with the same story → the same search and case page in French.
Screenshots of every page are saved (see conftest.py for the folder).
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from mizan.audit.models import AuditEvent
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Case, Category
from mizan.complaints.services import submit_complaint
from mizan.search.engine import search_cases
from mizan.triage.lexicon import urgency_label
from mizan.triage.models import Suggestion
from tests.browser.conftest import log_in

# What sticks out sideways, for the failure message: the outermost elements wider than the screen.
WIDER_THAN_SCREEN = """() => {
  const out = (el) => { const r = el.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; };
  return [...document.querySelectorAll("body *")].filter(el => out(el) && !(el.parentElement && out(el.parentElement)))
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map(c => "." + c).join(""));
}"""

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARRATIVE = (
    "مسكوني قدام البيت يوم الخميس وحبسوني في القسم أربع أيام من غير ما يعرضوني على النيابة، "
    "وضربوني بالخرطوم على ضهري. وأخويا أحمد مُحتجَز في السجن من شهرين ومضرب عن الطعام من أسبوعين، "
    "ونقلوه مستشفى السجن وحالته خطيرة."
)
# Filed earlier through the domain functions: the same kind of story, another family.
SIMILAR = (
    "مسكوا ابني من الشارع وحبسوه في القسم وضربوه بالخرطوم، ودلوقتي هو في السجن مضرب عن الطعام "
    "ونقلوه مستشفى السجن."
)
# Another organisation's complaint with the searched words.
ELSEWHERE = "أحمد مُحتجَز في السجن ونقلوه إلى مستشفى السجن وحالته خطيرة."
UNRELATED = "تأخر تجديد جواز السفر ستة أشهر في مكتب الجوازات دون أي سبب."
# The officer's spelling: no hamza on the alef, no harakat, ya for alef maqsura, no article, ha for
# teh marbuta.
QUERY = "احمد محتجز مستشفي سجن خطيره"
# ... and how the citizen wrote those words (what the snippet must show, in <mark>).
ORIGINAL_WORDS = ["أحمد", "مُحتجَز", "السجن", "مستشفى", "خطيرة"]


def _file(organisation, narrative, **raw):
    """A complaint entered through the domain functions, as the API or another citizen would."""
    raw.setdefault("anonymous", True)
    raw.setdefault("categories", [])
    cleaned, errors = clean_intake(organisation, {"narrative": narrative, **raw})
    assert errors == {}, errors
    return submit_complaint(organisation=organisation, channel="web", **cleaned)[0]


def _search(page, query):
    """Type `query` in the desk's search box and wait for htmx to swap in the results."""
    page.fill("#f-q", query)
    with page.expect_response(lambda r: "/desk/" in r.url and "q=" in r.url and r.request.headers.get("hx-request")):
        page.locator("#f-q").press("Enter")
    page.locator("#queue-results").wait_for()


def _result_refs(page):
    return [ref.strip() for ref in page.locator("#queue-results a.reference").all_inner_texts()]


def _snippet(page, reference):
    return page.locator(f"#queue-results td:has(a.reference:text-is('{reference}')) div.small")


def _marks(locator):
    return [text.strip() for text in locator.locator("mark").all_inner_texts()]


def _suggestion_row(page, suggestion):
    return page.locator(f"#triage li:has(form[action$='/suggestions/{suggestion.pk}/reject/'])")


def test_search_triage_and_similar_cases(live_server, chromium, shots, org, other_org, places, staff):
    base = live_server.url
    similar = _file(org, SIMILAR, governorate="giza")
    unrelated = _file(org, UNRELATED)
    elsewhere = _file(other_org, ELSEWHERE)  # what the query finds in another organisation: never shown
    assert [c.reference for c in search_cases(staff["outsider"], QUERY)] == [elsewhere.reference]
    with translation.override("ar"):
        labels = {c.code: c.label for c in Category.objects.filter(parent__isnull=True)}

    # --- the citizen files in Egyptian dialect, choosing only "torture" ----------------------------
    citizen = chromium.new_context(locale="ar-EG", viewport={"width": 420, "height": 900})
    portal = citizen.new_page()
    portal.goto(base + "/complaint/new/")
    assert portal.locator("html").get_attribute("dir") == "rtl"
    portal.check("#id_identity_anonymous")
    portal.check("#id_relation_self")
    portal.fill("#id_narrative", NARRATIVE)
    portal.check("#id_category_torture")
    portal.select_option("#id_governorate", "giza")
    portal.select_option("#id_facility", str(places["station"].pk))
    portal.check("#id_vulnerability_detainee")
    portal.locator("form[enctype='multipart/form-data'] [type=submit]").last.click()
    portal.wait_for_url("**/complaint/received/")
    reference = portal.inner_text(".reference").strip()
    case = Case.objects.get(reference=reference)
    assert case.narrative == NARRATIVE
    assert set(case.case_categories.values_list("category__code", flat=True)) == {"torture"}
    citizen.close()

    # Triage ran when the complaint was committed: categories with their words, urgency with reasons.
    pending = {s.value: s for s in case.suggestions.filter(kind="category", status="pending")}
    assert {"arbitrary_detention", "detention_conditions"} <= set(pending)
    assert "torture" not in pending  # already chosen by the citizen: nothing to decide
    arrest, conditions = pending["arbitrary_detention"], pending["detention_conditions"]
    assert {"مسكوني", "وحبسوني"} <= set(arrest.reasons["triggers"])
    urgency = case.suggestions.get(kind="urgency", status="pending")
    assert urgency.value == "critical"
    signals = [signal["code"] for signal in urgency.reasons["signals"]]
    assert {"medical_emergency", "hunger_strike"} <= set(signals)

    # --- the officer searches with other spellings ---------------------------------------------------
    desk = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    officer = log_in(desk, base, "officer")
    officer.goto(f"{base}/desk/?view=all")
    assert officer.locator("html").get_attribute("dir") == "rtl"
    _search(officer, QUERY)
    assert _result_refs(officer) == [reference]  # not the similar case (no أحمد), nor elsewhere's
    assert "q=" in officer.url  # htmx pushed the search into the address: reload and back work
    snippet = _snippet(officer, reference)
    assert set(_marks(snippet)) == set(ORIGINAL_WORDS)
    html = snippet.inner_html()
    for word in ORIGINAL_WORDS:
        assert f"<mark>{word}</mark>" in html
    assert "احمد" not in snippet.inner_text()  # the citizen's spelling, never the query's
    shots(officer, "desk-search-other-spelling")

    # A reference typed in the box finds that case alone.
    _search(officer, similar.reference)
    assert _result_refs(officer) == [similar.reference]
    _search(officer, QUERY)

    # --- the case: suggestions with their reasons; accept one category, reject another ---------------
    officer.locator(f"#queue-results a.reference:text-is('{reference}')").click()
    officer.wait_for_url(f"**/desk/cases/{reference}/")
    panel = officer.locator("#triage")
    with translation.override("ar"):
        assert panel.locator("#triage-title").inner_text().strip() == gettext("Suggestions")
        reasons = {code: panel.locator("li", has_text=urgency_label(code))
                   for code in ("medical_emergency", "hunger_strike")}
        accepted_message = gettext("Suggestion accepted.")
        rejected_message = gettext("Suggestion rejected.")
    assert panel.locator(".badge-critical").count() == 1
    signal_words = {s["code"]: s["triggers"] for s in urgency.reasons["signals"]}
    for code, reason in reasons.items():  # each reason in words, with the words that raised it
        assert reason.count() == 1
        assert _marks(reason) == signal_words[code]
        assert all(words in NARRATIVE for words in signal_words[code])
    assert any("مضرب عن الطعام" in words for words in signal_words["hunger_strike"])
    for suggestion in (arrest, conditions):
        row = _suggestion_row(officer, suggestion)
        assert row.locator("strong").inner_text().strip() == labels[suggestion.value]
        assert _marks(row) == suggestion.reasons["triggers"]
        assert all(word in NARRATIVE for word in _marks(row))  # the citizen's own words
    shots(officer, "desk-case-suggestions")

    _suggestion_row(officer, arrest).locator("form[action$='/accept/'] [type=submit]").click()
    officer.wait_for_url(f"**/desk/cases/{reference}/**")
    assert accepted_message in officer.inner_text("main")
    _suggestion_row(officer, conditions).locator("form[action$='/reject/'] [type=submit]").click()
    officer.wait_for_url(f"**/desk/cases/{reference}/**")
    assert rejected_message in officer.inner_text("main")

    story_tags = officer.locator("#story dd .tag").all_inner_texts()
    assert labels["arbitrary_detention"] in story_tags
    assert labels["detention_conditions"] not in story_tags
    assert _suggestion_row(officer, arrest).count() == 0  # decided: no longer offered
    assert _suggestion_row(officer, conditions).count() == 0
    decided = officer.locator("#triage details")
    decided.locator("summary").click()
    decided_text = decided.inner_text()
    assert labels["arbitrary_detention"] in decided_text and labels["detention_conditions"] in decided_text
    shots(officer, "desk-case-decided")

    # In the database: the categories, and who decided what.
    case.refresh_from_db()
    assert set(case.case_categories.values_list("category__code", flat=True)) == {"torture", "arbitrary_detention"}
    arrest.refresh_from_db()
    conditions.refresh_from_db()
    assert (arrest.status, arrest.decided_by) == (Suggestion.Status.ACCEPTED, staff["officer"])
    assert (conditions.status, conditions.decided_by) == (Suggestion.Status.REJECTED, staff["officer"])
    assert arrest.decided_at is not None and conditions.decided_at is not None
    assert list(case.timeline.filter(kind__startswith="suggestion_").order_by("at", "id")
                .values_list("kind", "data__value")) == [
        ("suggestion_accepted", "arbitrary_detention"), ("suggestion_rejected", "detention_conditions")]
    assert list(AuditEvent.objects.filter(target_type="case", target_id=case.pk, action__startswith="triage.")
                .order_by("id").values_list("action", "data__value")) == [
        ("triage.accept", "arbitrary_detention"), ("triage.reject", "detention_conditions")]
    assert case.urgency == "normal"  # the urgency suggestion is still only a suggestion

    # --- similar cases ------------------------------------------------------------------------------
    listed = [ref.strip() for ref in officer.locator("#similar a.reference").all_inner_texts()]
    assert listed[:1] == [similar.reference]
    assert elsewhere.reference not in officer.inner_text("body")
    assert unrelated.reference not in listed
    officer.set_viewport_size({"width": 420, "height": 900})  # and on a phone: one column, nothing cut
    assert officer.evaluate("document.documentElement.scrollWidth") <= 420, officer.evaluate(WIDER_THAN_SCREEN)
    shots(officer, "desk-case-similar-narrow")
    officer.set_viewport_size({"width": 1280, "height": 900})
    officer.locator(f"#similar a.reference:text-is('{similar.reference}')").click()
    officer.wait_for_url(f"**/desk/cases/{similar.reference}/")
    assert officer.locator("#story .narrative").inner_text().strip() == SIMILAR

    # --- the same in French ----------------------------------------------------------------------------
    officer.goto(f"{base}/desk/?view=all")
    officer.select_option("#lang-select", "fr")
    officer.wait_for_load_state()
    officer.locator("html[lang=fr]").wait_for()
    assert officer.locator("html").get_attribute("dir") == "ltr"
    _search(officer, QUERY)
    with translation.override("fr"):
        expected = {"search": gettext("Search"), "hint": gettext("Reference number, or words from the complaint"),
                    "similar": gettext("Similar cases"), "suggestions": gettext("Suggestions"),
                    "hunger": urgency_label("hunger_strike")}
    assert expected["search"] != "Search" and expected["similar"] != "Similar cases"  # really translated
    assert officer.locator("label[for=f-q]").inner_text().strip() == expected["search"]
    assert officer.locator("#f-q-hint").inner_text().strip() == expected["hint"]
    assert _result_refs(officer) == [reference]
    assert "<mark>أحمد</mark>" in _snippet(officer, reference).inner_html()
    shots(officer, "desk-search-french")
    officer.locator(f"#queue-results a.reference:text-is('{reference}')").click()
    officer.wait_for_url(f"**/desk/cases/{reference}/")
    assert officer.locator("#similar-title").inner_text().strip() == expected["similar"]
    assert officer.locator("#triage-title").inner_text().strip() == expected["suggestions"]
    assert expected["hunger"] in officer.locator("#triage").inner_text()
    shots(officer, "desk-case-french")
    desk.close()


def test_similar_cases_are_not_hidden_by_another_organisations_copy(live_server, chromium, org, other_org,
                                                                    places, staff):
    similar = _file(org, SIMILAR)
    case = _file(org, NARRATIVE)
    _file(other_org, NARRATIVE)  # the same complaint sent to the national institution too
    desk = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    officer = log_in(desk, live_server.url, "officer")
    officer.goto(f"{live_server.url}/desk/cases/{case.reference}/")
    listed = [ref.strip() for ref in officer.locator("#similar a.reference").all_inner_texts()]
    desk.close()
    assert listed[:1] == [similar.reference]
