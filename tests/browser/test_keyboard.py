"""Filing a complaint with the keyboard alone, in a real Chromium, in Arabic.

No mouse event is sent: only Tab, Shift+Tab, arrows, Space, Enter and typed characters.
- The first Tab reaches the visible "Skip to content" link; following it puts the next Tab on the
  first control of the page's content, past the header and its menu.
- Tab visits the form's controls in the order they are read (no positive tabindex, no control
  skipped or visited twice; a group of radio buttons is one stop).
- Sending the form empty brings the page back with its error summary focused and announced; the
  summary's first link takes the focus into the field to correct.
- "Anonymous" is chosen with the arrow keys, the narrative typed, and a file chosen from the file
  field opened with the Space key; Enter sends it, and the case holds the file.
"""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from mizan.complaints.models import Attachment, Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARRATIVE = "وقفوني في الكمين وضربوني وأخدوا تليفوني ومرجعوهوش"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# Where the focus is, as a stable description: an id, else a name (radio: name only, a group is one
# stop), else the tag and text.
ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return "body"; }
  if (el.type === "radio") { return "radio:" + el.name; }
  if (el.id) { return "#" + el.id; }
  if (el.name) { return el.tagName.toLowerCase() + "[name=" + el.name + "]"; }
  return el.tagName.toLowerCase() + ":" + (el.textContent || "").trim().slice(0, 40);
}"""

# The form's controls in reading order, described as ACTIVE would, each radio group once.
EXPECTED_ORDER = """() => {
  const seen = new Set(); const out = [];
  const form = document.getElementById("field-form");
  for (const el of form.querySelectorAll("a[href], button, input, select, textarea")) {
    if (el.disabled || el.type === "hidden" || el.tabIndex < 0) { continue; }
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) { continue; }
    let key;
    if (el.type === "radio") { key = "radio:" + el.name; }
    else if (el.id) { key = "#" + el.id; }
    else if (el.name) { key = el.tagName.toLowerCase() + "[name=" + el.name + "]"; }
    else { key = el.tagName.toLowerCase() + ":" + (el.textContent || "").trim().slice(0, 40); }
    if (!seen.has(key)) { seen.add(key); out.push(key); }
  }
  return out;
}"""


def active(page) -> str:
    return page.evaluate(ACTIVE)


def tab_until(page, target: str, limit: int = 200) -> list[str]:
    """Press Tab until the focus is on `target`; the stops on the way, `target` last."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(active(page))
        if stops[-1] == target:
            return stops
    raise AssertionError(f"{target} never received the focus; the stops were: {stops}")


def test_a_complaint_filed_with_the_keyboard_alone(live_server, chromium, org, shots, tmp_path):
    context = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/complaint/new/")
    page.wait_for_load_state("networkidle")

    # The skip link: first stop, visible once focused, and it leads past the header.
    page.keyboard.press("Tab")
    assert active(page) == "a:انتقل إلى المحتوى"
    assert page.evaluate("() => document.activeElement.classList.contains('skip-link')")
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.left, r.top, r.width, r.height]; }")
    assert box[2] > 0 and box[3] > 0 and 0 <= box[0] < 1280 and 0 <= box[1] < 900, f"skip link off screen: {box}"
    shots(page, "keyboard-skip-link")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_main = page.evaluate("() => !!document.activeElement.closest('main')")
    assert in_main, f"after the skip link the focus went to {active(page)}, outside the content"

    # Reading order: from the form's first control to its submit button, every control once.
    expected = page.evaluate(EXPECTED_ORDER)
    assert expected[0] == "radio:identity" and expected[-1].startswith("button:")
    while active(page) != expected[0]:
        page.keyboard.press("Tab")
    stops = [expected[0], *tab_until(page, expected[-1])]
    # A date field is one control with a stop per part (day, month, year) in Chromium.
    assert [stop for i, stop in enumerate(stops) if i == 0 or stop != stops[i - 1]] == expected

    # Sent empty: the error summary is focused, and its link moves the focus to the narrative.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.locator("#error-summary").count() == 1
    assert active(page) == "#error-summary"
    shots(page, "keyboard-error-summary")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#error-summary') !== null")
    link = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    field = link.removeprefix("#")
    assert page.evaluate("(id) => document.getElementById(id).contains(document.activeElement)", field), (
        f"the summary's link {link} left the focus on {active(page)}")
    assert page.evaluate("() => ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)")

    # Chosen, typed and sent with the keyboard: "anonymous" with the arrow keys, the narrative typed.
    page.keyboard.down("Shift")
    while active(page) != "radio:identity":
        page.keyboard.press("Tab")
    page.keyboard.up("Shift")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.getElementById('id_identity_anonymous').checked")
    tab_until(page, "#id_narrative")
    page.keyboard.type(NARRATIVE)

    evidence = tmp_path / "mahdar.pdf"
    evidence.write_bytes(PDF)
    tab_until(page, "#id_files")
    # Space on the focused file input opens the chooser. Once in a full CI run (7,252 tests) the
    # first press opened nothing in 30 s while the test passes alone every time: press again once.
    for attempt in (1, 2):
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space")
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            assert active(page) == "#id_files", f"the focus left the file input: {active(page)}"
    chooser.value.set_files(str(evidence))
    assert page.evaluate("() => document.getElementById('id_files').files.length") == 1
    shots(page, "keyboard-form-filled")

    submit = page.evaluate(EXPECTED_ORDER)[-1]
    tab_until(page, submit)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert "/complaint/received/" in page.url
    shots(page, "keyboard-receipt")

    case = Case.objects.get()
    assert case.narrative == NARRATIVE and case.anonymous
    assert list(Attachment.objects.filter(case=case).values_list("original_name", flat=True)) == ["mahdar.pdf"]
    context.close()
