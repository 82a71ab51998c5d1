"""The case page (GET): the whole story on one page, identities masked, forms by permission."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints import workflow
from mizan.complaints.models import Case, Category
from mizan.complaints.services import (
    Upload,
    add_allegation,
    assign_case,
    post_complainant_message,
    post_message,
)
from mizan.triage.privacy import store_pii_spans
from tests.desk.test_case_support import NAME, NATIONAL_ID, PDF, english, page, set_status, snapshot

FORM_ACTION = re.compile(r'action="(/desk/cases/[^"#]*)')


def actions_in(html: str) -> set[str]:
    """The case-action URLs the page offers, without the reference (e.g. "step/review/")."""
    return {re.sub(r"^/desk/cases/[^/]+/", "", url) for url in FORM_ACTION.findall(html)}


def test_case_page_shows_the_story_without_caching(client, staff, file_case, places):
    case, _ = file_case("ضربوني في القسم\nواحتجزوني", facility=str(places["station"].pk),
                        vulnerabilities=["woman"], place_details="الدور الثاني")
    english(client).force_login(staff["supervisor"])

    response = client.get(page(case))

    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert f'<span class="reference">{case.reference}</span>' in html
    assert '<span class="badge badge-received">Received</span>' in html
    assert '<span class="badge badge-normal">Normal</span>' in html
    assert '<div class="narrative" dir="auto">ضربوني في القسم\nواحتجزوني</div>' in html
    assert '<dd dir="auto">الدور الثاني</dd>' in html
    assert "Dokki police station" in html
    assert '<span class="tag">Woman</span>' in html
    assert '<span class="tag">Torture and ill-treatment</span>' in html
    assert "Human-rights sector" in html  # routed to the default unit


def test_case_page_masks_identity_on_get(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert NAME not in html
    assert NATIONAL_ID not in html
    assert html.count('<span class="masked" title="Hidden">••••••</span>') == 3  # name, ID, phone
    assert "reveal/" in actions_in(html)


def test_case_page_without_reveal_right_shows_masks_and_no_form(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer2"])

    html = client.get(page(case)).content.decode()

    assert NAME not in html
    assert html.count("••••••") == 3
    assert "reveal/" not in actions_in(html)


def test_case_page_anonymous_case_says_no_identity_stored(client, staff, file_case):
    case, _ = file_case(anonymous=True)
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert "Anonymous complaint — no identity stored." in html
    assert "••••••" not in html
    assert "reveal/" not in actions_in(html)


def test_case_page_handler_sees_the_forms_of_their_role(client, staff, file_case):
    case, _ = file_case()
    client.force_login(staff["officer"])

    html = client.get(page(case)).content.decode()

    allegation_ids = list(case.allegations.values_list("pk", flat=True))
    assert actions_in(html) == {
        "reveal/", "step/review/", "step/declare_inadmissible/", "step/withdraw/", "take/",
        "urgency/", "categories/", "duplicate/", "allegations/", "messages/",
        *{f"allegations/{pk}/" for pk in allegation_ids},
    }
    assert f'<input type="hidden" name="version" value="{case.version}">' in html


def test_case_page_auditor_sees_no_action_forms(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["auditor"])

    html = client.get(page(case)).content.decode()

    assert actions_in(html) == set()
    assert "You can read this case; your role cannot change it here." in html


def test_case_page_org_admin_sees_only_assign_and_internal_note(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["admin"])

    html = client.get(page(case)).content.decode()

    assert actions_in(html) == {"assign/", "messages/"}
    assert 'value="note" checked' in html
    assert 'value="message"' not in html


def test_case_page_closed_case_offers_only_notes_and_reopen(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "closed")
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert actions_in(html) == {"reveal/", "step/reopen/", "categories/", "duplicate/", "messages/"}
    assert "Reason for re-opening" in html
    assert 'value="message"' not in html


def test_case_page_shows_paused_clock_while_awaiting_complainant(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "awaiting_complainant")
    Case.objects.filter(pk=case.pk).update(paused_on=timezone.localdate().replace(year=2026, month=11, day=2))
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert "(clock paused since 2 November 2026 while awaiting the complainant)" in html
    assert "badge-overdue" not in html


def test_case_page_marks_overdue_and_due_soon(client, staff, file_case):
    late, _ = file_case()
    soon, _ = file_case()
    today = timezone.localdate()
    Case.objects.filter(pk=late.pk).update(resolution_due=today - timedelta(days=1))
    Case.objects.filter(pk=soon.pk).update(first_action_due=today, resolution_due=today + timedelta(days=20))
    english(client).force_login(staff["supervisor"])

    late_html = client.get(page(late)).content.decode()
    soon_html = client.get(page(soon)).content.decode()

    assert '<span class="badge badge-overdue">Overdue</span>' in late_html
    assert "badge-due-soon" not in late_html
    assert '<span class="badge badge-due-soon">Due soon</span>' in soon_html
    assert "badge-overdue" not in soon_html


def test_case_page_shows_referral_assignment_and_duplicate_link(client, staff, file_case):
    case, _ = file_case()
    original, _ = file_case("الشكوى الأصلية")
    set_status(case, "referred")
    Case.objects.filter(pk=case.pk).update(duplicate_of=original, officer=staff["officer2"])
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert '<span dir="auto">النيابة العامة</span>' in html
    assert f'<a class="reference" href="{page(original)}">{original.reference}</a>' in html
    assert '<span dir="auto">Officer2</span>' in html


def test_case_page_thread_in_time_order_with_kind_styles_and_files(client, staff, file_case):
    case, _ = file_case()
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال المستندات")
    post_complainant_message(case=case, body="مرفق المحضر", files=[Upload("محضر.pdf", PDF)])
    post_message(actor=staff["officer"], case=case, body="تمت المراجعة", internal=True)
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    kinds = re.findall(r'<article class="message (message-\w+)"', html)
    assert kinds == ["message-out", "message-in", "message-internal"]
    assert html.index("نرجو إرسال المستندات") < html.index("مرفق المحضر") < html.index("تمت المراجعة")
    attachment = case.attachments.get()
    assert (f'<a href="/desk/cases/{case.reference}/files/{attachment.pk}/" dir="auto">محضر.pdf</a>') in html
    assert '<div class="message-body" dir="auto">مرفق المحضر</div>' in html


def test_case_page_timeline_marks_internal_rows(client, staff, file_case):
    case, _ = file_case()
    post_message(actor=staff["officer"], case=case, body="ملاحظة", internal=True)
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    timeline = html[html.index('<ol class="timeline">'):html.index("</ol>", html.index('<ol class="timeline">'))]
    rows = re.findall(r"<li( class=\"is-internal\")?>", timeline)
    # submitted, acknowledged (public); routed, note (internal)
    assert [bool(r) for r in rows] == [False, False, True, True]
    assert "Internal note added." in timeline
    assert "Officer" in timeline


def _story_with(file_case, staff, count):
    """A case with `count` allegations and `count` notes each carrying a file.

    One routing and one assignment row in both: the history's names (units, staff, categories)
    are looked up once per kind for the whole page (`timeline.describe_all`).
    """
    codes = ["torture", "arbitrary_detention", "due_process"][:count]
    case, _ = file_case(categories=codes)
    assign_case(actor=staff["supervisor"], case=case, officer=staff["officer"])
    for i in range(count):
        post_message(actor=staff["officer"], case=case, body=f"ملاحظة {i}", internal=True,
                     files=[Upload(f"file{i}.pdf", PDF)])
    post_complainant_message(case=case, body="رد")
    return case


def test_case_page_query_count_does_not_grow_with_rows(client, staff, file_case):
    one = _story_with(file_case, staff, 1)
    three = _story_with(file_case, staff, 3)
    client.force_login(staff["supervisor"])
    client.get(page(one))  # warm up per-process caches (content types, sessions)

    with CaptureQueriesContext(connection) as small:
        assert client.get(page(one)).status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert client.get(page(three)).status_code == 200

    assert one.allegations.count() == 1 and three.allegations.count() == 3
    assert three.timeline.count() > one.timeline.count() + 3
    assert len(large) == len(small)
    assert len(small) <= 25


def test_case_page_unknown_reference_is_404(client, staff):
    client.force_login(staff["supervisor"])

    assert client.get(page("EG-2099-000001")).status_code == 404


def test_case_page_element_ids_are_unique(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    post_message(actor=staff["officer"], case=case, body="ملاحظة", internal=True, files=[Upload("a.pdf", PDF)])
    client.force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    labelled = re.findall(r'<label[^>]*\sfor="([^"]+)"', html)
    assert set(labelled) <= set(ids)
    assert not re.search(r"\sstyle=", html)
    assert "<script>" not in html


# --- allegations by their number ----------------------------------------------------------------

class _Within(HTMLParser):
    """The form actions and the text inside the element with a given id."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, element_id):
        super().__init__()
        self.element_id, self.depth, self.actions, self.text = element_id, 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            if tag not in self.VOID:
                self.depth += 1
            if tag == "form":
                self.actions.append(attrs.get("action"))
        elif attrs.get("id") == self.element_id and tag not in self.VOID:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def within(html: str, element_id: str) -> _Within:
    parser = _Within(element_id)
    parser.feed(html)
    return parser


def steps(actions) -> list[str]:
    return [re.sub(r"^/desk/cases/[^/]+/step/([^/]+)/$", r"\1", a) for a in actions if "/step/" in a]


def test_allegations_are_numbered_within_the_case_never_by_id(client, staff, file_case):
    file_case("شكوى أخرى")  # their four allegations take the first ids
    file_case("شكوى ثالثة")
    case, _ = file_case()
    add_allegation(actor=staff["officer"], case=case, category=Category.objects.get(code="privacy"))
    set_status(case, "in_progress")
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    table = within(html, "allegations")
    rows = re.findall(r'<th scope="row" class="num">(\d+)</th>\s*<td>([^<]+)</td>', html)
    assert rows == [("1", "Torture and ill-treatment"), ("2", "Arbitrary arrest and detention"), ("3", "Privacy")]
    assert "<summary>Edit allegation 3</summary>" in html
    assert "<h3>Allegation 3</h3>" in html
    assert "Allegation 1: Torture and ill-treatment</label>" in html  # the findings of "Resolve"
    visible = "".join(table.text) + "".join(within(html, "actions").text)
    assert "#" not in visible
    pks = list(case.allegations.values_list("pk", flat=True))
    assert min(pks) > 3  # the other cases' allegations came first: ids and numbers differ
    for pk in pks:
        assert not re.search(rf"[Aa]llegation {pk}\b", visible)


# --- the next step, and the other steps in a menu -------------------------------------------------

@pytest.mark.parametrize(("status", "primary", "menu"), [
    ("received", ["review"], ["declare_inadmissible", "withdraw"]),
    ("under_review", ["accept"], ["declare_inadmissible", "withdraw"]),
    ("in_progress", ["resolve"], ["request_information", "refer", "withdraw"]),
    ("awaiting_complainant", ["resume"], ["withdraw"]),
    ("referred", ["referral_answered"], ["resolve", "withdraw"]),
    ("resolved", ["close"], ["reopen"]),
    ("closed", [], ["reopen"]),
    ("inadmissible", [], ["reopen"]),
    ("withdrawn", [], []),
])
def test_next_step_is_the_one_primary_button_and_the_other_steps_are_a_menu(status, primary, menu, client, staff,
                                                                          file_case):
    case, _ = file_case()
    set_status(case, status)
    english(client).force_login(staff["supervisor"])

    html = client.get(page(case)).content.decode()

    assert steps(within(html, "next-step").actions) == primary
    assert steps(within(html, "more-actions").actions) == menu
    assert html.count("<h3>Next step</h3>") == len(primary)
    assert html.count('<details class="more-actions" id="more-actions">') == (1 if menu else 0)
    assert [t.name for t in workflow.available(status, "supervisor")] == sorted(
        primary + menu, key=[t.name for t in workflow.TRANSITIONS].index)


def test_next_step_without_input_is_one_click(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])

    html = client.get(page(case)).content.decode()

    next_step = html[html.index('<div class="next-step" id="next-step">'):html.index('<details class="more-actions"')]
    assert '<button type="submit" class="btn btn-primary">Start review</button>' in next_step
    assert "<details" not in next_step
    assert "<summary>More actions</summary>" in html


def test_next_step_with_input_opens_its_form_in_place(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    english(client).force_login(staff["officer"])

    html = client.get(page(case)).content.decode()

    next_step = html[html.index('<div class="next-step" id="next-step">'):html.index('<details class="more-actions"')]
    assert '<details class="action" id="field-transition-resolve-form">' in next_step
    assert "<summary>Resolve with findings</summary>" in next_step
    assert "Outcome the complainant will read" in next_step


def test_the_menu_opens_when_one_of_its_steps_failed(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(reverse("desk:case_transition", args=[case.reference, "request_information"]),
                           {"version": case.version, "note": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<details class="more-actions" id="more-actions" open>' in html
    assert '<div class="menu-step" id="field-transition-request_information-form">' in html
    assert "<h3>Wait for the complainant</h3>" in html
    assert snapshot(case) == before


def test_intake_officer_has_the_review_step_and_no_menu(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["intake"])

    html = client.get(page(case)).content.decode()

    assert steps(within(html, "next-step").actions) == ["review"]
    assert 'id="more-actions"' not in html


# --- personal data in the texts -----------------------------------------------------------------

PHONE = "01112223334"
NOTE_PHONE = "01223334445"
TOLD = f"ضربوني في القسم، واتصلوا بي على {PHONE} ليهددوني"
MASKED = ('<span class="masked" title="personal data hidden" aria-hidden="true">▇▇▇</span>'
          '<span class="visually-hidden">[personal data hidden]</span>')


def _case_with_numbers(file_case, staff, *, scanned=True, **raw):
    case, _ = file_case(TOLD, **raw)
    post_message(actor=staff["officer"], case=case, body=f"طلب الاتصال على {NOTE_PHONE} مساءً", internal=True)
    if scanned:
        store_pii_spans(case)  # what the triage run does after filing
    return case


@pytest.mark.parametrize("scanned", [True, False], ids=["stored spans", "found on the spot"])
def test_personal_data_in_the_texts_is_masked_for_a_user_without_the_right(scanned, client, staff, file_case):
    case = _case_with_numbers(file_case, staff, scanned=scanned)
    english(client).force_login(staff["officer2"])
    before = snapshot(case)

    html = client.get(page(case)).content.decode()
    refused = client.post(reverse("desk:case_reveal", args=[case.reference]), {"reason": "متابعة"})

    assert PHONE not in html and NOTE_PHONE not in html
    assert f'<div class="narrative" dir="auto">ضربوني في القسم، واتصلوا بي على {MASKED} ليهددوني</div>' in html
    assert f'<div class="message-body" dir="auto">طلب الاتصال على {MASKED} مساءً</div>' in html
    assert ("Phone numbers, ID numbers and other personal data in the texts of this case are hidden.</p>"
            in html)
    assert "reveal/" not in actions_in(html)
    assert refused.status_code == 403
    assert PHONE not in refused.content.decode()
    assert snapshot(case) == before


def test_personal_data_in_the_texts_is_shown_after_a_reveal_with_a_reason(client, staff, file_case):
    case = _case_with_numbers(file_case, staff)
    english(client).force_login(staff["officer"])

    masked = client.get(page(case)).content.decode()
    revealed = client.post(reverse("desk:case_reveal", args=[case.reference]), {"reason": "الاتصال بالشاكي"})
    again = client.get(page(case)).content.decode()

    assert PHONE not in masked
    assert '<a href="#persons">They are shown with the identities.</a>' in masked
    assert "reveal/" in actions_in(masked)
    html = revealed.content.decode()
    assert revealed.status_code == 200
    assert f'<div class="narrative" dir="auto">{TOLD}</div>' in html
    assert f'<div class="message-body" dir="auto">طلب الاتصال على {NOTE_PHONE} مساءً</div>' in html
    assert "▇▇▇" not in html
    audit = AuditEvent.objects.get(action="identity.reveal")
    assert (audit.actor, audit.data["reason"]) == (staff["officer"], "الاتصال بالشاكي")
    assert PHONE not in again  # shown in that one response only


def test_the_texts_of_an_anonymous_case_can_be_revealed_too(client, staff, file_case):
    case = _case_with_numbers(file_case, staff, anonymous=True)
    english(client).force_login(staff["officer"])

    html = client.get(page(case)).content.decode()
    revealed = client.post(reverse("desk:case_reveal", args=[case.reference]), {"reason": "الاتصال بالشاكي"})

    assert "Anonymous complaint — no identity stored." in html
    assert "reveal/" in actions_in(html)
    assert PHONE in revealed.content.decode()
    assert AuditEvent.objects.get(action="identity.reveal").data == {"persons": [], "reason": "الاتصال بالشاكي"}


def test_texts_without_personal_data_are_shown_as_written(client, staff, file_case):
    case, _ = file_case("ضربوني في القسم\nواحتجزوني", anonymous=True)
    english(client).force_login(staff["officer2"])

    html = client.get(page(case)).content.decode()

    assert '<div class="narrative" dir="auto">ضربوني في القسم\nواحتجزوني</div>' in html
    assert 'id="text-masked"' not in html
