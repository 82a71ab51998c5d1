"""The journey that matters, in a real browser, in Arabic (the default language).

A citizen files a complaint and gets a receipt → the officer finds it in the queue, takes it and
writes to the complainant → the citizen follows it with the receipt and replies → the officer
resolves it with a finding per allegation and closes it → the citizen reads the outcome.
Screenshots of every page are saved (see conftest.py for the folder).
"""

import re

import pytest
from django.contrib.auth import get_user_model

from mizan.complaints.models import Case
from tests.conftest import PASSWORD, login_code

NARRATIVE = "قبضوا على أخويا من قدام البيت وودوه قسم الدقي وضربوه هناك، ولحد دلوقتي محدش قال لنا التهمة إيه."
REPLY = "الواقعة حصلت يوم الخميس بالليل، ومعايا تقرير طبي من المستشفى."
QUESTION = "نرجو إرسال التقرير الطبي وتحديد تاريخ الواقعة بالضبط."
OUTCOME = "ثبتت المخالفة وأحيل الضابط المسؤول إلى التحقيق الإداري."

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _step(page, name: str):
    """The form of workflow step `name` on the case page, its <details> opened."""
    form = page.locator(f"form[action$='/step/{name}/']")
    details = page.locator(f"details:has(form[action$='/step/{name}/'])")
    if details.count() and not details.first.evaluate("d => d.open"):
        details.first.locator("summary").click()
    return form


def _login(context, base, username, shots=None):
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action$='/accounts/login/'] [type=submit]").click()
    page.wait_for_url("**/accounts/login/code/")  # the officer may reveal identities: 2FA is on
    assert page.locator("html").get_attribute("dir") == "rtl"
    if shots:
        shots(page, "desk-login-code")
    page.fill("input[name=code]", login_code(get_user_model().objects.get(username=username)))
    page.locator("form[action$='/accounts/login/code/'] [type=submit]").click()
    page.wait_for_url("**/desk/")
    return page


def test_citizen_and_officer_journey(live_server, chromium, shots, org, places, staff):
    base = live_server.url

    # --- the citizen files a complaint in Arabic --------------------------------------------
    citizen = chromium.new_context(locale="ar-EG", viewport={"width": 420, "height": 900})
    page = citizen.new_page()
    page.goto(base + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    shots(page, "portal-home")
    page.locator("a[href='/complaint/new/']").first.click()
    page.wait_for_url("**/complaint/new/")
    page.fill("#id_complainant_name", "سامي عبد الفتاح")
    page.fill("#id_complainant_phone", "01000000123")
    page.check("#id_relation_family")
    page.fill("#id_victim_label", "أخي، ٢٣ سنة")
    page.fill("#id_narrative", NARRATIVE)
    page.check("#id_category_arbitrary_detention")
    page.check("#id_category_torture")
    page.select_option("#id_governorate", "giza")
    page.select_option("#id_facility", str(places["station"].pk))
    page.check("#id_vulnerability_detainee")
    shots(page, "portal-file-filled")
    page.locator("form[enctype='multipart/form-data'] [type=submit]").last.click()
    page.wait_for_url("**/complaint/received/")
    receipt = re.sub(r"\D", "", page.inner_text("#receipt-code"))
    reference = page.inner_text(".reference").strip()
    assert len(receipt) == 16
    assert re.fullmatch(r"EG-\d{4}-\d{6}", reference)
    assert receipt not in page.url
    shots(page, "portal-confirmation-receipt")
    case = Case.objects.get(reference=reference)
    assert case.narrative == NARRATIVE and case.status == "received"

    # --- the officer finds it in the queue, takes it and writes to the complainant ------------
    desk = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    officer = _login(desk, base, "officer", shots)
    officer.goto(f"{base}/desk/?view=unassigned")
    assert officer.locator("html").get_attribute("dir") == "rtl"
    officer.locator(f"a.reference:text-is('{reference}')").wait_for()
    shots(officer, "desk-queue-unassigned")
    officer.locator(f"a.reference:text-is('{reference}')").click()
    officer.wait_for_url(f"**/desk/cases/{reference}/")
    shots(officer, "desk-case-new")
    officer.locator("form[action$='/take/'] [type=submit]").click()
    officer.wait_for_load_state()
    _step(officer, "review").locator("[type=submit]").click()
    officer.wait_for_load_state()
    _step(officer, "accept").locator("[type=submit]").click()
    officer.wait_for_load_state()
    form = _step(officer, "request_information")
    form.locator("textarea[name=note]").fill(QUESTION)
    form.locator("[type=submit]").click()
    officer.wait_for_load_state()
    case.refresh_from_db()
    assert case.officer == staff["officer"]
    assert case.status == "awaiting_complainant"
    shots(officer, "desk-case-awaiting-complainant")

    # --- the citizen follows it with the receipt and replies ---------------------------------
    page.goto(base + "/track/")
    page.fill("#id_receipt", " ".join(receipt[i:i + 4] for i in range(0, 16, 4)))
    page.locator("form:has(#id_receipt) [type=submit]").click()
    page.wait_for_url("**/track/case/")
    assert receipt not in page.url
    assert QUESTION in page.inner_text("main")
    shots(page, "portal-track-question")
    page.fill("#id_body", REPLY)
    page.locator("form:has(#id_body) [type=submit]").click()
    page.wait_for_url("**/track/case/")
    assert REPLY in page.inner_text("main")
    shots(page, "portal-track-replied")
    case.refresh_from_db()
    assert case.status == "in_progress"  # the reply restarted the clock

    # --- the officer resolves with findings and closes ---------------------------------------
    officer.goto(f"{base}/desk/cases/{reference}/")
    assert REPLY in officer.inner_text("main")
    form = _step(officer, "resolve")
    for select in form.locator("select[name^='finding-']").all():
        select.select_option("substantiated")
    form.locator("textarea[name=note]").fill(OUTCOME)
    shots(officer, "desk-case-resolve-form")
    form.locator("[type=submit]").click()
    officer.wait_for_load_state()
    _step(officer, "close").locator("[type=submit]").click()
    officer.wait_for_load_state()
    case.refresh_from_db()
    assert case.status == "closed"
    assert set(case.allegations.values_list("finding", flat=True)) == {"substantiated"}
    shots(officer, "desk-case-closed")

    # --- the citizen reads the outcome --------------------------------------------------------
    page.goto(base + "/track/case/")
    text = page.inner_text("main")
    assert OUTCOME in text
    assert page.locator(".badge-closed").count() >= 1
    shots(page, "portal-track-outcome")
    citizen.close()
    desk.close()
