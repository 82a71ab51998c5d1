"""axe-core over every page people use, in Arabic, English and French, at 360 and 1280 px.

The rules are axe's full default set (WCAG 2.0/2.1/2.2 A and AA and axe's best practices; not
its experimental rules), run by the vendored axe-core (`vendor/axe-core/`, MPL-2.0) injected
before each page's own scripts. Pages: the public portal (home, the form empty and with its
errors, the receipt, the printable receipt, tracking with and without an error, the followed
case, the public statistics), the staff login in both steps, and, as a supervisor: the queue
(two tabs), a case page with triage suggestions, staff intake, notifications, the reports
dashboard, the exports and their forms, the import page, account security, identity requests;
the auditor's audit log; the two-factor enrolment of an officer who has not enrolled yet.

A failure lists every violation by page, width, rule and element, so one run shows all the work.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from mizan.reports.models import PublicationSettings
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.reports import dashboard_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = (360, 1280)
LOCALES = {"ar": "ar-EG", "en": "en-GB", "fr": "fr-FR"}

dataset = dashboard_data.dataset


def _context(chromium, live_server, lang):
    context = chromium.new_context(locale=LOCALES[lang], viewport={"width": WIDTHS[-1], "height": 900})
    # Injected by the browser itself before the page's scripts (not an inline script: the
    # platform's Content-Security-Policy stays as it is).
    context.add_init_script(path=str(AXE))
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}])
    return context


def _audit(page, label: str, found: list[str]) -> None:
    """Run axe at each width on the page as it is now; add readable lines for each violation."""
    assert page.evaluate("() => typeof window.axe") == "object", f"axe-core was not injected in {label}"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        violations = page.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' '))}));
        }""")
        for violation in violations:
            nodes = "\n      ".join(violation["nodes"])
            found.append(f"{label} @{width}px: {violation['id']} ({violation['impact']}): {violation['help']}\n      {nodes}")
    page.set_viewport_size({"width": WIDTHS[-1], "height": 900})


def _visit(page, base: str, path: str, label: str, found: list[str]) -> None:
    response = page.goto(base + path)
    assert response is not None and response.status == 200, f"{label}: {path} answered {response and response.status}"
    page.wait_for_load_state("networkidle")
    _audit(page, label, found)


def _submit(page, selector: str, how: str = "el => el.form.requestSubmit()") -> None:
    with page.expect_navigation():
        page.locator(selector).first.evaluate(how)
    page.wait_for_load_state("networkidle")


def _public_pages(context, base, lang, receipt, found):
    page = context.new_page()
    _visit(page, base, "/", "home", found)
    _visit(page, base, "/complaint/new/", "complaint form", found)
    # The form sent empty (form.submit() skips any validation the browser might do): the page's
    # own error summary.
    _submit(page, "form[method=post] textarea", "el => el.form.submit()")
    _audit(page, "complaint form with errors", found)
    # A complete anonymous complaint: the receipt page, then its printable version.
    page.goto(base + "/complaint/new/")
    page.locator("textarea[name=narrative]").fill("احتجزوا أخي في القسم منذ ثلاثة أيام ولا نعرف عنه شيئًا")
    page.check("#id_identity_anonymous")
    _submit(page, "textarea[name=narrative]")
    assert "/complaint/received/" in page.url, f"the complaint was not filed ({lang}): {page.url}"
    _audit(page, "receipt", found)
    with page.context.expect_page() as opened:  # the printable receipt opens in a new tab (POST)
        page.locator("form[action$='/complaint/receipt/'] [type=submit]").click()
    printable = opened.value
    printable.wait_for_load_state("networkidle")
    _audit(printable, "printable receipt", found)
    printable.close()
    _visit(page, base, "/track/", "tracking", found)
    page.locator("input[name=receipt]").fill("0000000000000000")
    _submit(page, "input[name=receipt]")
    _audit(page, "tracking with an error", found)
    page.locator("input[name=receipt]").fill(receipt)
    _submit(page, "input[name=receipt]")
    assert "/track/case/" in page.url, f"the receipt did not open the case ({lang}): {page.url}"
    _audit(page, "followed case", found)
    _visit(page, base, "/statistics/", "public statistics", found)
    _visit(page, base, "/accounts/login/", "login", found)
    page.close()


def _staff_pages(context, base, case, found):
    page = log_in(context, base, "supervisor")
    for path, label in [
        ("/desk/", "queue (default tab)"),
        ("/desk/?view=all", "queue (all cases)"),
        (f"/desk/cases/{case.reference}/", "case page"),
        ("/desk/new/", "staff intake"),
        ("/desk/notifications/", "notifications"),
        ("/desk/reports/", "reports dashboard"),
        ("/desk/reports/exports/", "exports"),
        ("/desk/reports/exports/cases/", "export of cases"),
        ("/desk/reports/exports/statistics/", "export of statistics"),
        ("/desk/reports/exports/import/", "import"),
        ("/desk/account/", "account security"),
        ("/desk/reveal-requests/", "identity requests"),
    ]:
        _visit(page, base, path, label, found)
    page.close()
    context.clear_cookies()


def _auditor_and_enrolment_pages(chromium, live_server, lang, found):
    base = live_server.url
    context = _context(chromium, live_server, lang)
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", "auditor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action$='/accounts/login/'] [type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/accounts/login/code/")
    _audit(page, "login code", found)
    page.close()
    context.close()

    context = _context(chromium, live_server, lang)
    page = log_in(context, base, "auditor")
    _visit(page, base, "/desk/audit/", "audit log", found)
    page.close()
    context.close()

    context = _context(chromium, live_server, lang)
    page = log_in(context, base, "officer2")  # no second factor yet: may enrol
    _visit(page, base, "/desk/account/two-factor/", "two-factor enrolment", found)
    page.close()
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_axe_finds_no_violation_on_any_page(live_server, chromium, org, staff, dataset, file_case, lang):
    PublicationSettings.objects.update_or_create(organisation=org, defaults={"published": True})
    case, receipt = file_case("ضربوني في القسم وما زالوا يهددونني", received_at=timezone.now() - timedelta(hours=3))
    found: list[str] = []

    context = _context(chromium, live_server, lang)
    _public_pages(context, live_server.url, lang, receipt, found)
    context.close()
    context = _context(chromium, live_server, lang)
    _staff_pages(context, live_server.url, case, found)
    context.close()
    _auditor_and_enrolment_pages(chromium, live_server, lang, found)

    assert not found, f"{len(found)} accessibility violation(s) in {lang}:\n" + "\n".join(found)
