"""The case page in a real browser, in Arabic: a complaint that triage rates critical shows it at
the head of the case, its phone number hidden; the officer accepts the torture category together
with its allegation in one click; the history says so in one line whose full stop sits at the end
of the right-to-left line; the next step is one button and the other steps open from "More
actions" with the keyboard. Screenshots are saved (see conftest.py for the folder).
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Category
from mizan.complaints.services import submit_complaint
from mizan.triage.lexicon import urgency_label
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = "01112223334"
NARRATIVE = ("ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي. "
             f"اتصلوا بيا على {PHONE} وقالوا لو اشتكيت هيحبسوه تاني.")

# Where the text node's characters are drawn: the x of the last full stop, and the leftmost and
# rightmost x of `label`.
GEOMETRY = """(li, label) => {
  const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode()) && !node.data.includes(label)) {}
  const range = document.createRange();
  const dot = node.data.lastIndexOf(".");
  range.setStart(node, dot); range.setEnd(node, dot + 1);
  const stop = range.getBoundingClientRect();
  const at = node.data.indexOf(label);
  range.setStart(node, at); range.setEnd(node, at + label.length);
  const words = range.getBoundingClientRect();
  return {stop: stop.left, left: words.left, right: words.right, top: stop.top, wordsTop: words.top};
}"""


def test_critical_suggestion_at_the_head_and_accept_with_the_allegation(live_server, chromium, shots, org, places,
                                                                       staff):
    base = live_server.url
    cleaned, errors = clean_intake(org, {"narrative": NARRATIVE, "anonymous": True, "categories": [],
                                         "facility": str(places["station"].pk), "incident_date": "2026-10-01"})
    assert errors == {}
    case, _receipt = submit_complaint(organisation=org, channel="web", **cleaned)  # triage runs on commit
    urgency = case.suggestions.get(kind="urgency", status="pending")
    torture = case.suggestions.get(kind="category", value="torture", status="pending")
    assert urgency.value == "critical"
    with translation.override("ar"):
        level = gettext("Critical")
        reasons = [urgency_label(signal["code"]) for signal in urgency.reasons["signals"]]
        torture_label = Category.objects.get(code="torture").label
        flash = gettext("Suggestion accepted; allegation %(number)s added.") % {"number": 1}
        more_actions = gettext("More actions")

    desk = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    officer = log_in(desk, base, "officer")
    officer.goto(f"{base}/desk/cases/{case.reference}/")
    assert officer.locator("html").get_attribute("dir") == "rtl"

    # --- the suggested urgency is the first thing under the title, with its reasons ---------------
    banner = officer.locator("#urgent-suggestion")
    banner.wait_for()
    assert level in banner.locator("h2").inner_text()
    assert [item.strip().split(":")[0] for item in banner.locator("li").all_inner_texts()] == reasons
    summary = officer.locator("section[aria-labelledby=summary-title]")
    assert banner.bounding_box()["y"] < summary.bounding_box()["y"]
    assert banner.bounding_box()["y"] + banner.bounding_box()["height"] <= 900  # seen without scrolling
    assert PHONE not in officer.inner_text("body")  # the phone in the narrative is hidden
    assert officer.locator("#story .narrative .masked").count() == 1
    shots(officer, "case-critical-suggestion")

    # --- one click: the category, and its allegation with the case's date and place ---------------
    row = officer.locator(f"#triage li:has(form[action$='/suggestions/{torture.pk}/accept-with-allegation/'])")
    row.locator("form[action$='/accept-with-allegation/'] [type=submit]").click()
    officer.wait_for_url(f"**/desk/cases/{case.reference}/**")
    assert flash in officer.inner_text("main")
    allegation = case.allegations.get()
    assert (allegation.category.code, allegation.occurred_on.isoformat(), allegation.facility) == (
        "torture", "2026-10-01", places["station"])
    cells = officer.locator("#allegations tbody tr").first.locator("th, td").all_inner_texts()
    assert [cell.strip() for cell in cells[:2]] == ["1", torture_label]
    shots(officer, "case-allegation-added")

    # --- the history tells it in one line, its full stop at the end of the right-to-left line -----
    decision = officer.locator("#timeline li").last
    text = decision.inner_text()
    assert torture_label in text and "1" in text
    assert officer.locator("#timeline li", has_text=torture_label).count() == 1  # no separate allegation row
    where = decision.evaluate(GEOMETRY, torture_label)
    if abs(where["top"] - where["wordsTop"]) < 4:  # same line: in Arabic the sentence ends on the left
        assert where["stop"] < where["left"]

    # --- the next step is one button; the other steps open from "More actions" by keyboard --------
    next_step = officer.locator("#next-step [type=submit]")
    assert next_step.count() == 1
    menu = officer.locator("#more-actions")
    assert menu.evaluate("d => d.open") is False
    menu.locator("summary").focus()
    officer.keyboard.press("Enter")
    assert menu.evaluate("d => d.open") is True
    assert menu.locator("summary").inner_text().strip() == more_actions
    assert menu.locator("form[action$='/step/declare_inadmissible/']").is_visible()
    shots(officer, "case-more-actions")
    desk.close()
