"""Text safety and browser-side defences: every page under the strict CSP with no inline script,
style or event handler; security headers and cookies; bidi overrides and zero-width characters
neutralised where user text is shown next to system text."""

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Case, Person, TimelineEvent
from mizan.complaints.services import (
    Upload,
    post_complainant_message,
    post_message,
    submit_complaint,
)
from mizan.core.middleware import CSP, DOCS_CSP
from mizan.lib.textsafety import (
    FSI,
    PDI,
    clean_file_name,
    isolate,
    neutralise_name,
    neutralise_text,
)
from tests.desk.test_case_support import PDF, english, page

RLO, PDF_CHAR, LRI, ZWSP, ZWJ, ALM, BOM = "\u202e", "\u202c", "\u2066", "\u200b", "\u200d", "\u061c", "\ufeff"
REORDERING = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")

EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)


class InlineFinder(HTMLParser):
    """Everything the CSP would block or that runs script without a file: inline <script>,
    <style>, style="", on*="" handlers, javascript: URLs, hx-on attributes."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or name.startswith("hx-on") or name == "style":
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:>")
        if tag == "style":
            self.problems.append("<style>")
        if tag == "script":
            src = dict(attrs).get("src")
            if src:
                self.scripts.append(src)
            else:
                self.problems.append("<script> without src")


def inline_problems(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.problems


def assert_safe_page(response, *, csp=EXPECTED_CSP):
    assert response["Content-Security-Policy"] == csp, response.request["PATH_INFO"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    if response["Content-Type"].startswith("text/html"):
        assert inline_problems(response.content.decode()) == [], response.request["PATH_INFO"]


def test_finder_catches_what_the_csp_forbids():
    assert inline_problems('<script>alert(1)</script>') == ["<script> without src"]
    assert inline_problems('<script type="module"></script>') == ["<script> without src"]
    assert inline_problems('<a onclick="x()">a</a><p style="color:red"></p><style>p{}</style>') == [
        "<a onclick=…>", "<p style=…>", "<style>"]
    assert inline_problems('<a href="javascript:x()">a</a><div hx-on:click="x()"></div>') == [
        "<a href=javascript:>", "<div hx-on:click=…>"]
    assert inline_problems('<script src="/static/js/mizan.js" defer></script>') == []


def test_csp_constant_is_the_strict_policy():
    assert CSP == EXPECTED_CSP
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP


# --- every page, as every persona --------------------------------------------------------------

PUBLIC_PAGES = ["/", "/complaint/new/", "/track/", "/accounts/login/", "/?lang=en", "/complaint/new/?lang=fr"]
DESK_PAGES = ["/desk/", "/desk/?view=all", "/desk/?view=unassigned", "/desk/?view=overdue", "/desk/new/",
              "/desk/notifications/", "/desk/audit/", "/desk/account/", "/desk/account/two-factor/"]


@pytest.fixture
def busy_case(org, places, staff):
    """A case with everything a page can show: messages both ways, files."""
    cleaned, errors = clean_intake(org, {"narrative": f"ضربوني {RLO}في القسم", "anonymous": False,
                                         "complainant": {"name": "منى عبد الله", "phone": "01001234567"},
                                         "categories": ["torture"]})
    assert errors == {}
    case, receipt = submit_complaint(organisation=org, channel="web", **cleaned,
                                     files=[Upload(f"صورة{RLO}fdp.exe.pdf", PDF)])
    post_message(actor=staff["officer"], case=case, body=f"نرجو {RLO}إرسال التقرير", files=[Upload("a.pdf", PDF)])
    post_complainant_message(case=case, body="أرسلت التقرير", files=[Upload("تقرير.pdf", PDF)])
    return case, receipt


def test_public_pages_have_the_strict_csp_and_no_inline_script(client, org, busy_case):
    for path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_safe_page(response)


def test_citizen_pages_after_filing_and_tracking_have_no_inline_script(client, org, places):
    response = client.post("/complaint/new/", {"identity": "anonymous", "relation": "self",
                                               "narrative": "احتجزوني في القسم يومين", "categories": ["torture"]})
    assert response.status_code == 303
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert_safe_page(confirmation)
    receipt = client.session.get("portal_receipt") or {}
    assert receipt == {}  # shown once
    receipt_text = confirmation.context["receipt"]

    followed = client.post("/track/", {"receipt": receipt_text})
    assert followed.status_code == 303
    tracked = client.get("/track/case/")
    assert tracked.status_code == 200
    assert_safe_page(tracked)
    printed = client.post("/complaint/receipt/", {"receipt": receipt_text, "reference": confirmation.context["reference"]})
    assert printed.status_code == 200
    assert_safe_page(printed)


def test_error_pages_have_no_inline_script(client, org, places):
    bad = client.post("/complaint/new/", {"identity": "named", "narrative": ""})
    assert bad.status_code == 400
    assert_safe_page(bad)
    unknown = client.post("/track/", {"receipt": "1234"})
    assert unknown.status_code == 404
    assert_safe_page(unknown)


@pytest.mark.parametrize("persona", ["intake", "officer", "officer2", "supervisor", "analyst", "auditor", "admin",
                                     "outsider"])
def test_desk_pages_have_the_strict_csp_and_no_inline_script(client, staff, busy_case, persona):
    case, _ = busy_case
    client.force_login(staff[persona])
    for path in [*DESK_PAGES, page(case)]:
        response = client.get(path)
        assert response.status_code in (200, 302, 403, 404), (path, response.status_code)
        assert_safe_page(response)
    partial = client.get("/desk/?view=all", headers={"HX-Request": "true"})
    assert_safe_page(partial)


def test_desk_case_page_after_reveal_has_no_inline_script(client, staff, busy_case):
    case, _ = busy_case
    client.force_login(staff["officer"])
    response = client.post(reverse("desk:case_reveal", args=[case.reference]), {"reason": "التواصل مع الشاكية"})
    assert response.status_code == 200
    assert_safe_page(response)


def test_api_docs_page_has_a_csp_allowing_only_its_own_scripts(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == DOCS_CSP
    assert "script-src 'self';" in DOCS_CSP and "'unsafe-eval'" not in DOCS_CSP
    assert inline_problems(response.content.decode()) == []


def test_pages_load_only_scripts_served_by_the_platform(client, org):
    finder = InlineFinder()
    finder.feed(client.get("/").content.decode())
    assert finder.scripts == ["/static/vendor/htmx-2.0.4.min.js", "/static/js/mizan.js", "/static/js/portal.js"]


def test_htmx_is_told_not_to_inject_its_indicator_style(client, org):
    html = client.get("/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in html


# --- cookies and HSTS in production ---------------------------------------------------------------

def _settings_under(env: dict) -> list[str]:
    code = ("import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mizan.settings'); django.setup(); "
            "from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, "
            "s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS, s.SECURE_REFERRER_POLICY, s.SECURE_CONTENT_TYPE_NOSNIFF)")
    base = {k: v for k, v in os.environ.items() if k not in ("HTTPS", "DEBUG", "SECURE_COOKIES", "SECURE_HSTS_SECONDS")}
    result = subprocess.run([sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True,
                            cwd=Path(settings.BASE_DIR), timeout=120, check=True)
    return result.stdout.split()


def test_production_over_https_has_secure_http_only_cookies_and_hsts():
    assert _settings_under({"HTTPS": "1"}) == ["True", "True", "True", "True", "31536000", "DENY", "same-origin",
                                               "True"]


def test_debug_has_no_hsts_and_no_secure_cookies_even_with_https():
    assert _settings_under({"HTTPS": "1", "DEBUG": "1"})[:5] == ["False", "False", "True", "True", "0"]


def test_https_request_gets_hsts(client, org, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"


# --- bidi and invisible characters ------------------------------------------------------------------

def test_neutralise_name_removes_every_invisible_formatting_character():
    spoof = f"EG{RLO}-2026{LRI}{ZWSP}{ZWJ}{ALM}{BOM}\u200e\u200f\u2060-000001"
    assert neutralise_name(spoof) == "EG-2026-000001"


def test_neutralise_text_keeps_joiners_and_marks_but_not_reordering():
    text = f"می{chr(0x200c)}خواهم {RLO}abc{PDF_CHAR} 👨{ZWJ}👩 \u200fنعم{ZWSP}"
    assert neutralise_text(text) == f"می{chr(0x200c)}خواهم abc 👨{ZWJ}👩 \u200fنعم"
    assert not any(ch in neutralise_text("".join(REORDERING)) for ch in REORDERING)


def test_isolate_wraps_a_neutralised_value():
    assert isolate(f"a{RLO}b") == f"{FSI}ab{PDI}"


def test_clean_file_name_drops_paths_controls_and_overrides():
    assert clean_file_name(f"invoice{RLO}fdp.exe") == "invoicefdp.exe"
    assert clean_file_name("..\\..\\windows\\evil.pdf") == "evil.pdf"
    assert clean_file_name("../../etc/passwd") == "passwd"
    assert clean_file_name("a\x00b\nc.pdf") == "a b c.pdf"
    assert clean_file_name(" . ") == "file"
    assert clean_file_name("x" * 300 + ".pdf") == "x" * 251 + ".pdf"


def test_case_page_shows_user_text_without_overrides_and_stores_it_unchanged(client, staff, busy_case):
    case, _ = busy_case
    english(client).force_login(staff["officer"])

    html = client.get(page(case)).content.decode()

    assert not any(ch in html for ch in (RLO, "\u202a", "\u202b", "\u202d", LRI, "\u2067"))
    assert '<div class="narrative" dir="auto">ضربوني في القسم</div>' in html
    assert '<div class="message-body" dir="auto">نرجو إرسال التقرير</div>' in html
    assert 'dir="auto">صورةfdp.exe.pdf</a>' in html
    # the timeline sentence isolates the file name (FSI … PDI), so it cannot reorder the sentence
    assert f"File added: {FSI}صورةfdp.exe.pdf{PDI}." in html
    case.refresh_from_db()
    assert case.narrative == f"ضربوني {RLO}في القسم"  # display only
    assert case.messages.get(kind="to_complainant").body == f"نرجو {RLO}إرسال التقرير"


def test_file_name_is_cleaned_when_uploaded_through_the_portal(client, org, places):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/complaint/new/", {
        "identity": "anonymous", "relation": "self", "narrative": "احتجزوني في القسم يومين",
        "files": [SimpleUploadedFile(f"report{RLO}fdp.exe", PDF, content_type="application/pdf")]})

    assert response.status_code == 303
    attachment = Case.objects.get().attachments.get()
    assert attachment.original_name == "reportfdp.exe.pdf"  # named for what it really is
    assert TimelineEvent.objects.get(kind="attachment").data["name"] == "reportfdp.exe.pdf"


def test_revealed_name_with_overrides_is_stored_and_shown_without_them(client, staff, file_case):
    case, _ = file_case(complainant={"name": f"منى{RLO} EG-2026-000999{ZWSP}", "phone": "01001234567"})
    client.force_login(staff["officer"])

    html = client.post(reverse("desk:case_reveal", args=[case.reference]), {"reason": "للتواصل"}).content.decode()

    assert '<span dir="auto">منى EG-2026-000999</span>' in html
    from mizan.complaints.identity import unseal

    person = Person.objects.get(case=case, role="complainant")
    assert unseal(person.name_enc, "name", case.pk) == "منى EG-2026-000999"


def test_tracking_page_shows_messages_and_file_names_without_overrides(client, busy_case):
    case, receipt = busy_case
    client.post("/track/", {"receipt": receipt})

    html = client.get("/track/case/").content.decode()

    assert RLO not in html
    assert '<div class="message-body" dir="auto">نرجو إرسال التقرير</div>' in html
    assert '<div class="narrative" dir="auto">ضربوني في القسم</div>' in html
