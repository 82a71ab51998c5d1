"""The filing form in a real Chromium: an empty submit is answered by the page's own error summary
(the form has `novalidate`: no browser bubble in the browser's language), in the page's language,
with the focus on it; while a complaint with a large file is on its way, the button is disabled
and "Sending your complaint…" is shown and announced; a page shown again with errors has its
button enabled."""

import pytest

from mizan.complaints.models import Attachment, Case

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NARRATIVE = "وقفوني في الكمين وأخدوا تليفوني ومرجعوهوش، ومحدش رضي يكتب محضر."
SUMMARY_HEADING = {"ar": "يُرجى تصحيح ما يلي:", "en": "Please correct the following:",
                   "fr": "Veuillez corriger les points suivants\xa0:"}
NARRATIVE_ERROR = {"ar": "صِف ما حدث.", "en": "Describe what happened.", "fr": "Décrivez ce qui s'est passé."}
SENDING = "Sending your complaint… With files this can take a few minutes: keep this page open."
SUBMIT = "#field-form button[type=submit]"
# While the form is busy, what its button and status region show, every 100 ms, kept in
# sessionStorage: Playwright cannot evaluate in a page whose navigation is under way.
RECORD_WHILE_SENDING = """() => {
  sessionStorage.setItem("seen", "[]");
  window.setInterval(() => {
    const form = document.getElementById("field-form");
    if (!form || form.getAttribute("aria-busy") !== "true") { return; }
    const status = form.querySelector(".submit-status");
    const seen = JSON.parse(sessionStorage.getItem("seen"));
    seen.push({disabled: form.querySelector("button[type=submit]").disabled, text: status.textContent,
               visible: status.getBoundingClientRect().height > 0, role: status.getAttribute("role"),
               live: status.getAttribute("aria-live")});
    sessionStorage.setItem("seen", JSON.stringify(seen));
  }, 100);
}"""


def open_form(chromium, live_server, language, browser_locale="de-DE"):
    """The form in `language` (the site's language cookie) in a browser set to another language."""
    context = chromium.new_context(locale=browser_locale, viewport={"width": 420, "height": 900})
    context.add_cookies([{"name": "mizan_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    problems = []
    # a form shown again with its errors is answered 400, which the console notes: not a problem
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "status of 400" not in m.text
            else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(f"{live_server.url}/complaint/new/")
    return context, page, problems


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_empty_submit_shows_the_pages_error_summary_in_its_language_and_focuses_it(
        live_server, chromium, shots, org, places, language):
    context, page, problems = open_form(chromium, live_server, language)

    with page.expect_navigation():  # the browser did not stop the sending with a bubble of its own
        page.click(SUBMIT)

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert summary.locator("h2").inner_text() == SUMMARY_HEADING[language]
    assert NARRATIVE_ERROR[language] in summary.inner_text()
    assert page.evaluate("document.activeElement && document.activeElement.id") == "error-summary"
    assert page.locator("html").get_attribute("lang") == language
    # the browser's own message would have been its language's, not the page's: it is never shown
    assert page.evaluate("document.getElementById('field-form').noValidate") is True
    assert page.locator(SUBMIT).is_enabled()  # shown again with errors: ready to send again
    shots(page, "form-error-state")
    assert Case.objects.count() == 0
    assert problems == []
    context.close()


def test_button_disabled_and_sending_shown_while_a_large_file_uploads(live_server, chromium, org, places, tmp_path):
    context, page, problems = open_form(chromium, live_server, "en")
    held = []
    # the upload is held on its way to the server, as on a slow line, until the test lets it go
    page.route("**/complaint/new/", lambda route: held.append(route) if route.request.method == "POST"
               else route.continue_())
    document = tmp_path / "medical-report.pdf"
    document.write_bytes(b"%PDF-1.4\n" + b"%" * (8 * 1024 * 1024) + b"\n%%EOF\n")  # 8 MB
    page.check("#id_identity_anonymous")
    page.fill("#id_narrative", NARRATIVE)
    page.set_input_files("#id_files", str(document))
    assert page.locator(SUBMIT).is_enabled() and page.locator("#field-form .submit-status").inner_text() == ""
    page.evaluate(RECORD_WHILE_SENDING)

    # a real click on the button, from the page: Playwright's own click would wait for the
    # navigation, which the held upload does not let finish
    page.evaluate("selector => document.querySelector(selector).click()", SUBMIT)
    page.wait_for_timeout(1500)
    assert len(held) == 1 and b'filename="medical-report.pdf"' in held[0].request.post_data_buffer
    assert Case.objects.count() == 0  # still on its way
    held[0].continue_()
    page.wait_for_url("**/complaint/received/")

    seen = page.evaluate("JSON.parse(sessionStorage.getItem('seen'))")
    assert len(seen) >= 5  # snapshots taken every 100 ms while the upload was held
    assert all(snapshot == {"disabled": True, "text": SENDING, "visible": True, "role": "status", "live": "polite"}
               for snapshot in seen), seen
    case = Case.objects.get()
    assert (case.anonymous, case.narrative) == (True, NARRATIVE)
    attachment = Attachment.objects.get(case=case)
    assert (attachment.original_name, attachment.size) == ("medical-report.pdf", document.stat().st_size)
    assert problems == []
    context.close()
