"""Actions on the case page: reveal, the workflow walk, refusals re-rendering, uploads, downloads."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Attachment, Case, CaseMessage, Category, TimelineEvent
from mizan.complaints.services import Upload, post_message
from tests.desk.test_case_support import NAME, NATIONAL_ID, PDF, english, page, set_status, snapshot


def step(case, name):
    return reverse("desk:case_transition", args=[case.reference, name])


def url(name, case, *args):
    return reverse(name, args=[case.reference, *args])


# --- reveal ------------------------------------------------------------------------------------

def test_reveal_shows_identity_only_in_the_post_response(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])

    response = client.post(url("desk:case_reveal", case), {"reason": "التواصل مع الشاكية هاتفياً"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert f'<span dir="auto">{NAME}</span>' in html
    assert f'<span dir="auto">{NATIONAL_ID}</span>' in html
    assert '<span dir="auto">01001234567</span>' in html
    assert "••••••" not in html
    audit = AuditEvent.objects.get(action="identity.reveal")
    assert (audit.actor, audit.target_id) == (staff["officer"], str(case.pk))
    assert audit.data == {"persons": [case.persons.get().pk], "reason": "التواصل مع الشاكية هاتفياً"}
    assert TimelineEvent.objects.filter(case=case, kind="identity_revealed", public=False).count() == 1
    assert NAME not in str(dict(client.session.items()))
    assert NAME not in client.get(page(case)).content.decode()


def test_reveal_requires_a_reason(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["supervisor"])
    before = snapshot(case)

    response = client.post(url("desk:case_reveal", case), {"reason": "   "})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#field-reveal-reason">Say why you need to see the identity.</a>' in html
    assert '<div class="field has-error" id="field-reveal-reason">' in html
    assert '<p class="field-error" id="error-reveal-reason">Say why you need to see the identity.</p>' in html
    assert '<details class="action" id="field-reveal-form" open>' in html
    assert NAME not in html
    assert snapshot(case) == before


def test_reveal_refused_without_the_right(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer2"])
    before = snapshot(case)

    response = client.post(url("desk:case_reveal", case), {"reason": "فضول"})

    assert response.status_code == 403
    assert "You are not allowed to see identities." in response.content.decode()
    assert NAME not in response.content.decode()
    assert snapshot(case) == before
    assert not AuditEvent.objects.filter(action="identity.reveal").exists()


# --- the full workflow -------------------------------------------------------------------------

def _go(client, case, name, **data):
    case.refresh_from_db()
    response = client.post(step(case, name), {"version": case.version, **data})
    assert response.status_code == 303, response.content.decode()[:2000]
    assert response["Location"] == page(case) + "#summary"
    case.refresh_from_db()
    return case


def test_case_full_walk_from_review_to_close(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["supervisor"])
    due = timezone.localdate() + timedelta(days=14)

    assert _go(client, case, "review").status == "under_review"
    assert _go(client, case, "accept").status == "in_progress"
    assert _go(client, case, "request_information", note="أرسلي صورة المحضر من فضلك").status == "awaiting_complainant"
    question = case.messages.get(kind=CaseMessage.Kind.TO_COMPLAINANT)
    assert question.body == "أرسلي صورة المحضر من فضلك"
    assert question.is_public
    assert _go(client, case, "resume").status == "in_progress"
    assert _go(client, case, "refer", referred_to="النيابة العامة", referral_due=due.isoformat()).status == "referred"
    assert (case.referred_to, case.referral_due) == ("النيابة العامة", due)
    assert _go(client, case, "referral_answered").status == "in_progress"
    findings = {}
    for allegation in case.allegations.all():
        findings[f"finding-{allegation.pk}"] = "substantiated"
        findings[f"finding_note-{allegation.pk}"] = f"ثبت الادعاء {allegation.pk}"
    assert _go(client, case, "resolve", note="ثبتت المخالفة وأحيل الضابط للتحقيق", **findings).status == "resolved"
    assert [(a.finding, a.finding_note) for a in case.allegations.all()] == [
        ("substantiated", f"ثبت الادعاء {a.pk}") for a in case.allegations.all()]
    assert case.public_outcome == "ثبتت المخالفة وأحيل الضابط للتحقيق"
    assert _go(client, case, "close").status == "closed"

    transitions = [e.data["transition"] for e in case.timeline.filter(kind="status")]
    assert transitions == ["review", "accept", "request_information", "resume", "refer", "referral_answered",
                           "resolve", "close"]
    html = client.get(page(case)).content.decode()
    assert "Status changed to “Closed”." in html  # flash message after the last redirect


def test_resolve_without_a_finding_is_refused_and_changes_nothing(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    first, second = case.allegations.all()
    english(client).force_login(staff["supervisor"])
    before = snapshot(case)

    response = client.post(step(case, "resolve"), {
        "version": case.version, "note": "النتيجة", f"finding-{first.pk}": "substantiated",
        f"finding_note-{first.pk}": "ثبت", f"finding-{second.pk}": ""})

    html = response.content.decode()
    assert response.status_code == 400
    message = "Give a finding for allegation 2."  # its number on the page, never its database id
    assert f'<a href="#field-transition-resolve-findings">{message}</a>' in html
    assert f'<p class="field-error" id="error-transition-resolve-findings">{message}</p>' in html
    assert '<details class="action" id="field-transition-resolve-form" open>' in html
    assert ">النتيجة</textarea>" in html
    assert '<option value="substantiated" selected>' in html
    assert 'value="ثبت"' in html
    assert snapshot(case) == before


def test_transition_missing_note_rerenders_with_error_beside_field(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(step(case, "request_information"), {"version": case.version, "note": " "})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<div class="error-summary" role="alert" tabindex="-1" id="error-summary">' in html
    assert '<a href="#field-transition-request_information-note">Write the reason or explanation for this step.</a>' in html
    assert '<div class="field has-error" id="field-transition-request_information-note">' in html
    assert "Question to the complainant" in html
    assert snapshot(case) == before


@pytest.mark.parametrize(("typed", "message"), [
    ("2026-13-45", "Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    ("2020-01-01", "The answer date must be in the future."),
])
def test_refer_with_bad_date_keeps_typed_values(typed, message, client, staff, file_case):
    case, _ = file_case()
    set_status(case, "in_progress")
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(step(case, "refer"), {"version": case.version, "referred_to": "النيابة العامة",
                                                  "referral_due": typed})

    html = response.content.decode()
    assert response.status_code == 400
    assert f'<p class="field-error" id="error-transition-refer-referral_due">{message}</p>' in html
    assert 'value="النيابة العامة"' in html
    assert f'value="{typed}"' in html
    assert snapshot(case) == before


def test_transition_not_available_from_status_is_409(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["supervisor"])
    before = snapshot(case)

    response = client.post(step(case, "accept"), {"version": case.version})

    assert response.status_code == 409
    assert 'A case in status “Received” cannot take the step “Accept and investigate”.' in response.content.decode()
    assert snapshot(case) == before


def test_transition_unknown_name_is_404(client, staff, file_case):
    case, _ = file_case()
    client.force_login(staff["supervisor"])
    before = snapshot(case)

    assert client.post(step(case, "teleport"), {"version": case.version}).status_code == 404
    assert snapshot(case) == before


# --- stale forms -------------------------------------------------------------------------------

STALE = {
    "transition": lambda case, staff: (step(case, "review"), {}),
    "assign": lambda case, staff: (url("desk:case_assign", case), {"officer": staff["officer2"].pk}),
    "take": lambda case, staff: (url("desk:case_take", case), {}),
    "categories": lambda case, staff: (url("desk:case_categories", case),
                                       {"categories": [Category.objects.get(code="women").pk]}),
    "urgency": lambda case, staff: (url("desk:case_urgency", case), {"urgency": "critical"}),
    "duplicate": lambda case, staff: (url("desk:case_duplicate", case), {"original": staff["original"].reference}),
}


@pytest.mark.parametrize("sent", ["old", "missing", "garbage"])
@pytest.mark.parametrize("action", list(STALE))
def test_stale_version_is_409_and_changes_nothing(action, sent, client, staff, file_case):
    case, _ = file_case()
    original, _ = file_case("شكوى أخرى")
    rendered_version = case.version
    post_message(actor=staff["officer2"], case=case, body="تغيير من زميل", internal=True)  # bumps the version
    english(client).force_login(staff["supervisor"])
    before = snapshot(case)
    target, data = STALE[action](case, {**staff, "original": original})
    version = {"old": {"version": rendered_version}, "missing": {}, "garbage": {"version": "x1"}}[sent]

    response = client.post(target, {**version, **data})

    html = response.content.decode()
    assert response.status_code == 409
    assert ('<p class="notice notice-warn" role="alert">Someone else changed this case while you were working on it. '
            "Reload the page to see the latest version, then try again.</p>") in html
    assert f'<input type="hidden" name="version" value="{before["version"]}">' in html
    assert snapshot(case) == before


# --- assignment, categories, urgency, allegations, duplicates ------------------------------------

def test_assign_to_unit_and_officer(client, staff, file_case, places):
    case, _ = file_case()
    client.force_login(staff["supervisor"])

    response = client.post(url("desk:case_assign", case), {"version": case.version, "unit": places["prisons"].pk,
                                                           "officer": staff["officer2"].pk})

    assert response.status_code == 303
    assert response["Location"] == page(case) + "#actions"
    case.refresh_from_db()
    assert (case.unit, case.officer) == (places["prisons"], staff["officer2"])
    assert staff["officer2"].notifications.filter(kind="assigned").count() == 1


def test_assign_refuses_someone_outside_the_handlers(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["supervisor"])
    before = snapshot(case)

    response = client.post(url("desk:case_assign", case), {"version": case.version, "officer": staff["outsider"].pk})

    html = response.content.decode()
    assert response.status_code == 400
    assert ('<p class="field-error" id="error-assign-officer">This person cannot handle cases in your '
            "organisation.</p>") in html
    assert snapshot(case) == before


def test_take_assigns_the_case_to_the_officer(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])

    response = client.post(url("desk:case_take", case), {"version": case.version})

    case.refresh_from_db()
    assert response.status_code == 303
    assert case.officer == staff["officer"]
    html = client.get(page(case)).content.decode()
    assert "You are now handling this case." in html
    assert "take/" not in html


def test_categories_replace_the_case_categories(client, staff, file_case):
    case, _ = file_case()
    women, children = Category.objects.get(code="women"), Category.objects.get(code="children")
    client.force_login(staff["officer"])

    response = client.post(url("desk:case_categories", case), {"version": case.version,
                                                               "categories": [women.pk, children.pk]})

    assert response.status_code == 303
    assert sorted(c.category.code for c in case.case_categories.all()) == ["children", "women"]


def test_categories_unknown_id_is_refused_and_choices_kept(client, staff, file_case):
    case, _ = file_case()
    women = Category.objects.get(code="women")
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(url("desk:case_categories", case), {"version": case.version,
                                                               "categories": [women.pk, 999999]})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<p class="field-error" id="error-categories-categories">Choose categories from the list.</p>' in html
    assert f'name="categories" value="{women.pk}" checked' in html
    assert snapshot(case) == before


def test_urgency_change_recalculates_deadlines(client, staff, file_case):
    case, _ = file_case()
    old_due = case.resolution_due
    client.force_login(staff["intake"])

    response = client.post(url("desk:case_urgency", case), {"version": case.version, "urgency": "critical"})

    case.refresh_from_db()
    assert response.status_code == 303
    assert case.urgency == "critical"
    assert case.resolution_due < old_due


def test_urgency_unknown_value_is_refused(client, staff, file_case):
    case, _ = file_case()
    client.force_login(staff["intake"])
    before = snapshot(case)

    response = client.post(url("desk:case_urgency", case), {"version": case.version, "urgency": "apocalyptic"})

    assert response.status_code == 400
    assert snapshot(case) == before


def test_allegation_add_with_place_and_date(client, staff, file_case, places):
    case, _ = file_case()
    force = Category.objects.get(code="excessive_force")
    client.force_login(staff["officer"])

    response = client.post(url("desk:case_allegation_add", case), {
        "category": force.pk, "occurred_on": "2026-09-30", "facility": places["prison"].pk, "summary": "ضرب أثناء النقل"})

    assert response.status_code == 303
    assert response["Location"] == page(case) + "#allegations"
    added = case.allegations.last()
    assert (added.category, added.occurred_on.isoformat(), added.facility, added.governorate, added.summary) == (
        force, "2026-09-30", places["prison"], places["cairo"], "ضرب أثناء النقل")


def test_allegation_add_invalid_keeps_what_was_typed(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    before = snapshot(case)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client.post(url("desk:case_allegation_add", case), {
        "category": "", "occurred_on": tomorrow, "summary": "ضرب أثناء النقل"})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<p class="field-error" id="error-allegation-add-category">Choose a category from the list.</p>' in html
    assert '<p class="field-error" id="error-allegation-add-occurred_on">The date cannot be in the future.</p>' in html
    assert ">ضرب أثناء النقل</textarea>" in html
    assert f'value="{tomorrow}"' in html
    assert '<details class="action" id="field-allegation-add-form" open>' in html
    assert snapshot(case) == before


def test_allegation_edit_changes_one_allegation(client, staff, file_case):
    case, _ = file_case()
    allegation = case.allegations.first()
    due_process = Category.objects.get(code="due_process")
    client.force_login(staff["officer"])

    response = client.post(url("desk:case_allegation_edit", case, allegation.pk),
                           {"category": due_process.pk, "occurred_on": "", "summary": "لم يُعرض على النيابة"})

    allegation.refresh_from_db()
    assert response.status_code == 303
    assert (allegation.category, allegation.occurred_on, allegation.summary) == (due_process, None, "لم يُعرض على النيابة")


def test_allegation_edit_of_another_case_is_404(client, staff, file_case):
    case, _ = file_case()
    other, _ = file_case("شكوى أخرى")
    foreign = other.allegations.first()
    client.force_login(staff["officer"])
    before = snapshot(other)

    response = client.post(url("desk:case_allegation_edit", case, foreign.pk),
                           {"category": foreign.category_id, "summary": "تعديل"})

    assert response.status_code == 404
    assert snapshot(other) == before


def test_allegations_closed_case_is_409(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "closed")
    client.force_login(staff["supervisor"])
    before = snapshot(case)

    response = client.post(url("desk:case_allegation_add", case),
                           {"category": Category.objects.get(code="other").pk})

    assert response.status_code == 409
    assert snapshot(case) == before


def test_duplicate_links_to_the_original(client, staff, file_case):
    case, _ = file_case()
    original, _ = file_case("الشكوى الأصلية")
    client.force_login(staff["officer"])

    response = client.post(url("desk:case_duplicate", case), {"version": case.version,
                                                              "original": original.reference.lower()})

    case.refresh_from_db()
    assert response.status_code == 303
    assert case.duplicate_of == original
    assert original.timeline.filter(kind="note", data__duplicate=case.reference).count() == 1


@pytest.mark.parametrize("reference", ["EG-2099-999999", "", "own"])
def test_duplicate_unknown_reference_is_a_field_error(reference, client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    before = snapshot(case)
    typed = case.reference if reference == "own" else reference

    response = client.post(url("desk:case_duplicate", case), {"version": case.version, "original": typed})

    assert response.status_code == 400
    assert 'id="error-duplicate-original"' in response.content.decode()
    assert snapshot(case) == before


def test_duplicate_of_another_organisations_case_is_unknown(client, staff, file_case, other_org):
    from mizan.complaints.intake import clean_intake
    from mizan.complaints.services import submit_complaint

    case, _ = file_case()
    cleaned, errors = clean_intake(other_org, {"narrative": "شكوى لدى مؤسسة أخرى", "anonymous": True})
    assert errors == {}
    foreign, _ = submit_complaint(organisation=other_org, channel="web", **cleaned)
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(url("desk:case_duplicate", case), {"version": case.version, "original": foreign.reference})

    html = response.content.decode()
    assert response.status_code == 400
    assert ('<p class="field-error" id="error-duplicate-original">No case of your organisation has this '
            "reference.</p>") in html
    assert snapshot(case) == before


# --- messages, uploads and downloads -----------------------------------------------------------

def test_message_to_complainant_with_file_and_download_by_staff(client, staff, file_case):
    case, _ = file_case()
    client.force_login(staff["officer"])

    response = client.post(url("desk:case_message", case), {
        "kind": "message", "body": "نرفق لكم صورة القرار",
        "files": [SimpleUploadedFile("قرار.pdf", PDF, content_type="text/html")]})

    assert response.status_code == 303
    assert response["Location"] == page(case) + "#messages"
    message = case.messages.get()
    assert (message.kind, message.body, message.author) == ("to_complainant", "نرفق لكم صورة القرار", staff["officer"])
    attachment = message.attachments.get()
    assert (attachment.original_name, attachment.content_type, attachment.internal) == (
        "قرار.pdf", "application/pdf", False)

    client.force_login(staff["auditor"])
    download = client.get(url("desk:attachment", case, attachment.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "%D9%82%D8%B1%D8%A7%D8%B1.pdf" in download["Content-Disposition"]
    row = AuditEvent.objects.filter(action="attachment.download").get()
    assert (row.actor, row.target_type, row.target_id, row.data) == (
        staff["auditor"], "attachment", str(attachment.pk), {"case": case.pk, "attachment": attachment.pk})


def test_download_refused_to_outsider_and_through_another_case(client, staff, file_case):
    case, _ = file_case()
    other, _ = file_case("شكوى أخرى")
    message = post_message(actor=staff["officer"], case=case, body="مرفق", internal=True,
                           files=[Upload("report.pdf", PDF)])
    attachment = message.attachments.get()

    client.force_login(staff["outsider"])
    assert client.get(url("desk:attachment", case, attachment.pk)).status_code == 404
    client.force_login(staff["supervisor"])
    assert client.get(url("desk:attachment", other, attachment.pk)).status_code == 404
    assert not AuditEvent.objects.filter(action="attachment.download").exists()


def test_message_refused_file_type_names_the_file(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    before = snapshot(case)
    svg = SimpleUploadedFile("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                             content_type="image/svg+xml")

    response = client.post(url("desk:case_message", case), {"kind": "note", "body": "ملاحظة مع ملف", "files": [svg]})

    html = response.content.decode()
    assert response.status_code == 400
    assert ('<p class="field-error" id="error-message-files">The file <bdi dir="auto">evil.svg</bdi> contains '
            "a web page or a script (HTML, SVG or XML): such files are not accepted. Send a PDF or a picture "
            "instead.</p>") in html
    assert ">ملاحظة مع ملف</textarea>" in html
    assert 'value="note" checked' in html
    assert snapshot(case) == before
    assert Attachment.objects.count() == 0


def test_message_refused_file_name_is_escaped(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])

    response = client.post(url("desk:case_message", case), {"kind": "note", "body": "ملف", "files": [
        SimpleUploadedFile('<img src=x onerror="alert(1)">.exe', b"MZ\x90\x00binary")]})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<bdi dir="auto">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.exe</bdi>' in html
    assert "<img src=x" not in html


def test_message_too_many_or_too_large_files(client, staff, file_case, settings):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    before = snapshot(case)
    settings.MIZAN_MAX_FILES_PER_SUBMISSION = 1
    settings.MIZAN_MAX_UPLOAD_BYTES = 40

    too_many = client.post(url("desk:case_message", case), {"kind": "note", "body": "ملفان", "files": [
        SimpleUploadedFile("a.pdf", PDF[:20]), SimpleUploadedFile("b.pdf", PDF[:20])]})
    too_large = client.post(url("desk:case_message", case), {"kind": "note", "body": "ملف كبير", "files": [
        SimpleUploadedFile("big.pdf", PDF)]})

    assert too_many.status_code == 400
    assert '<p class="field-error" id="error-message-files">You can attach at most 1 file; you chose 2.</p>' in too_many.content.decode()
    assert too_large.status_code == 400
    assert 'The file <bdi dir="auto">big.pdf</bdi> is too large: each file may be at most 40\xa0bytes.' in too_large.content.decode()
    assert snapshot(case) == before


def test_message_without_text_is_refused(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(url("desk:case_message", case), {"kind": "message", "body": "  "})

    assert response.status_code == 400
    assert '<p class="field-error" id="error-message-body">Write a message.</p>' in response.content.decode()
    assert snapshot(case) == before


def test_message_to_complainant_on_closed_case_is_409(client, staff, file_case):
    case, _ = file_case()
    set_status(case, "closed")
    english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(url("desk:case_message", case), {"kind": "message", "body": "مرحباً"})

    assert response.status_code == 409
    assert "This case is closed; re-open it before writing to the complainant." in response.content.decode()
    assert ">مرحباً</textarea>" in response.content.decode()
    assert snapshot(case) == before


def test_forbidden_page_names_the_refusal_and_links_back(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["auditor"])

    response = client.post(url("desk:case_urgency", case), {"version": case.version, "urgency": "high"})

    html = response.content.decode()
    assert response.status_code == 403
    assert '<p class="notice notice-warn" role="alert">You are not allowed to do this.</p>' in html
    assert f'href="{page(case)}"' in html
    assert Case.objects.get(pk=case.pk).urgency == "normal"
