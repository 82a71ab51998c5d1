"""The proof of work of anonymous complaints in a real Chromium, at the default difficulty.

With JavaScript: pow.js solves the challenge in a Web Worker (allowed by the strict CSP), shows
its progress, and the anonymous complaint gets its receipt; the time it took is printed (run with
`-s` to read it) and the solve times of a few more challenges are measured the same way.
Without JavaScript: the page says that anonymous filing needs it, and a named complaint works.
"""

import re
import time
from urllib.parse import unquote

import pytest
from django.conf import settings

from mizan.accounts.models import SpentChallenge
from mizan.complaints.models import Case

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NARRATIVE = "وقفوني في الكمين وأخدوا تليفوني ومرجعوهوش، ومحدش رضي يكتب محضر."
MEASURE = """async ([script, bits, runs]) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const challenge = (await (await fetch("/api/v1/proof-of-work")).json()).challenge;
    const started = performance.now();
    const nonce = await new Promise((resolve, reject) => {
      const worker = new Worker(script);
      worker.onmessage = (e) => { if (e.data.nonce !== undefined) { worker.terminate(); resolve(e.data.nonce); } };
      worker.onerror = reject;
      worker.postMessage({challenge, bits});
    });
    times.push({seconds: (performance.now() - started) / 1000, tries: Number(nonce) + 1});
  }
  return times;
}"""

# What #pow-status-text says, kept in sessionStorage so it can be read after the form is sent.
RECORD_STATUS = """() => {
  const text = document.getElementById("pow-status-text");
  sessionStorage.setItem("said", "[]");
  new MutationObserver(() => {
    const said = JSON.parse(sessionStorage.getItem("said"));
    if (said[said.length - 1] !== text.textContent) { said.push(text.textContent); }
    sessionStorage.setItem("said", JSON.stringify(said));
  }).observe(text, {childList: true, characterData: true, subtree: true});
}"""


def fill_anonymous(page):
    page.check("#id_identity_anonymous")
    page.fill("#id_narrative", NARRATIVE)


def send(page):
    page.locator("form[enctype='multipart/form-data'] [type=submit]").last.click()


@pytest.fixture
def pow_on(org):
    org.anonymous_intake_proof_of_work = True
    org.save(update_fields=["anonymous_intake_proof_of_work"])
    return org


def test_browser_solves_the_challenge_and_the_anonymous_complaint_gets_its_receipt(
        live_server, chromium, shots, pow_on, places):
    bits = settings.MIZAN_POW_BITS
    context = chromium.new_context(locale="ar-EG", viewport={"width": 420, "height": 900})
    page = context.new_page()
    problems, workers, posted = [], [], {}
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("worker", lambda w: workers.append(w.url))

    def on_request(request):
        if request.method == "POST" and request.url.endswith("/complaint/new/"):
            posted["at"] = time.monotonic()
            posted["body"] = request.post_data_buffer or b""

    page.on("request", on_request)
    page.goto(live_server.url + "/complaint/new/")
    assert page.locator("#pow-no-script").is_hidden()
    assert page.locator("#pow-status").is_hidden()
    fill_anonymous(page)
    shots(page, "anonymous-filled")
    form = page.locator("#field-form")
    working, done = form.get_attribute("data-pow-working"), form.get_attribute("data-pow-done")
    page.evaluate(RECORD_STATUS)

    clicked = time.monotonic()
    send(page)
    page.wait_for_url("**/complaint/received/", timeout=120_000)
    seconds = posted["at"] - clicked
    assert page.evaluate("JSON.parse(sessionStorage.getItem('said'))") == [working, done]

    receipt = re.sub(r"\D", "", page.inner_text("#receipt-code"))
    shots(page, "anonymous-receipt")
    nonce = re.search(rb'name="pow_nonce"\r\n\r\n([0-9]+)\r\n', posted["body"]).group(1).decode()
    assert len(receipt) == 16
    assert Case.objects.get().anonymous is True
    assert SpentChallenge.objects.count() == 1
    assert workers and unquote(workers[0]).endswith("/static/js/pow.js")  # a Web Worker, under the CSP
    assert problems == []
    print(f"\n[proof of work] default difficulty {bits} bits: solved and sent in {seconds:.2f} s "
          f"({int(nonce) + 1} tries, {(int(nonce) + 1) / seconds / 1000:.0f} k hashes/s)")

    page.goto(live_server.url + "/complaint/new/")
    runs = page.evaluate(MEASURE, ["/static/js/pow.js", bits, 10])
    rate = sum(r["tries"] for r in runs) / sum(r["seconds"] for r in runs)
    print("[proof of work] ten more challenges: " + ", ".join(f"{r['seconds']:.2f} s" for r in runs)
          + f"; {rate / 1000:.0f} k hashes/s, so {2 ** bits / rate:.2f} s expected on this machine")
    assert seconds < 60
    assert all(r["seconds"] < 60 for r in runs)
    context.close()


def test_browser_without_web_workers_solves_in_slices_on_the_page(live_server, chromium, pow_on, places):
    context = chromium.new_context(locale="en-GB")
    context.add_init_script("delete window.Worker;")
    page = context.new_page()
    workers, problems = [], []
    page.on("worker", lambda w: workers.append(w.url))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + "/complaint/new/")
    fill_anonymous(page)

    started = time.monotonic()
    send(page)
    page.wait_for_url("**/complaint/received/", timeout=120_000)

    print(f"\n[proof of work] without a worker: solved and sent in {time.monotonic() - started:.2f} s")
    assert len(re.sub(r"\D", "", page.inner_text("#receipt-code"))) == 16
    assert workers == [] and problems == []
    assert Case.objects.get().anonymous is True
    context.close()


def test_browser_without_javascript_explains_and_named_filing_still_works(live_server, chromium, shots, pow_on):
    context = chromium.new_context(locale="ar-EG", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/complaint/new/")
    notice = page.locator("#pow-no-script")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()

    fill_anonymous(page)
    send(page)
    page.wait_for_load_state()
    shots(page, "anonymous-without-javascript")
    assert page.locator("#error-proof_of_work").is_visible()
    assert page.locator("#id_narrative").input_value() == NARRATIVE
    assert Case.objects.count() == 0

    page.check("#id_identity_named")
    page.fill("#id_complainant_name", "Karim Benali")
    send(page)
    page.wait_for_url("**/complaint/received/")
    assert Case.objects.get().anonymous is False
    context.close()
