"""Following a complaint with the receipt: status, timeline, messages, files, reply, withdraw, appeal."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.complaints.models import Case, CaseMessage, TimelineEvent
from mizan.complaints.services import Upload, post_message, transition_case
from mizan.lib.digits import to_arabic_indic

from .conftest import JPEG, PDF, html, receipt_on, upload, without_csrf

pytestmark = pytest.mark.django_db
TRACK_URL = "/track/"
CASE_URL = "/track/case/"
NOT_FOUND = "We could not find a complaint with this code. Check the digits and try again."


def awaiting(case, officer, question="متى تم الإفراج عنك؟"):
    """Take `case` to "awaiting the complainant" the way an officer does."""
    for to in ("under_review", "in_progress"):
        case = transition_case(actor=officer, case=case, to=to)
    return transition_case(actor=officer, case=case, to="awaiting_complainant", note=question)


def resolved(case, officer, outcome="ثبتت المخالفة وأحيل الضابط إلى التحقيق"):
    for to in ("under_review", "in_progress"):
        case = transition_case(actor=officer, case=case, to=to)
    findings = {a.pk: {"finding": "substantiated"} for a in case.allegations.all()}
    return transition_case(actor=officer, case=case, to="resolved", note=outcome, findings=findings)


# --- finding the case -------------------------------------------------------------------------

def test_track_right_receipt_opens_case_page_with_status_words(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    response = english.get(CASE_URL)
    page = html(response)
    assert response.status_code == 200
    assert case.reference in page
    assert '<span class="badge badge-received">Received</span>' in page
    assert "Your complaint has been received and registered. An officer will look at it soon." in page
    assert "Complaint received (channel: Web portal)." in page
    assert f"Receipt acknowledged; reference {case.reference} issued." in page


def test_track_receipt_with_arabic_indic_digits_and_spaces_works(client, file_case):
    case, receipt = file_case()
    typed = " ".join(to_arabic_indic(receipt[i:i + 4]) for i in range(0, 16, 4)).replace(" ", " - ", 1)
    response = client.post(TRACK_URL, {"receipt": typed})
    assert response.status_code == 303
    assert client.session["portal_track_case"]["id"] == case.pk


def test_track_malformed_and_unknown_receipts_get_identical_404(english, file_case):
    case, receipt = file_case()
    unknown = str((int(receipt) + 1) % 10**16).zfill(16)
    malformed = english.post(TRACK_URL, {"receipt": "12ab"})
    not_issued = english.post(TRACK_URL, {"receipt": unknown})
    assert malformed.status_code == 404
    assert not_issued.status_code == 404
    assert without_csrf(malformed) == without_csrf(not_issued)
    assert NOT_FOUND in html(malformed)
    assert "12ab" not in html(malformed)
    assert "portal_track_case" not in english.session


@override_settings(MIZAN_THROTTLE_TRACK_PER_HOUR=2)
def test_track_over_the_hourly_limit_gets_429_even_with_right_receipt(english, file_case):
    case, receipt = file_case()
    english.post(TRACK_URL, {"receipt": "1" * 16})
    english.post(TRACK_URL, {"receipt": "2" * 16})
    response = english.post(TRACK_URL, {"receipt": receipt})
    assert response.status_code == 429
    assert "Please wait a little before trying again." in html(response)
    assert "portal_track_case" not in english.session


def test_track_case_page_needs_a_followed_case(client, file_case):
    file_case()
    response = client.get(CASE_URL)
    assert response.status_code == 303
    assert response["Location"] == reverse("portal:track")


def test_track_following_expires_after_30_idle_minutes(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    session = english.session
    session["portal_track_case"] = {"id": case.pk, "at": int(time.time()) - 31 * 60}
    session.save()
    response = english.get(CASE_URL, follow=True)
    assert response.redirect_chain == [(reverse("portal:track"), 303)]
    assert "following stops after 30 minutes without activity" in html(response)
    assert "portal_track_case" not in english.session


def test_track_stop_following_forgets_the_case(client, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    stopped = client.post(CASE_URL, {"action": "stop"})
    after = client.get(CASE_URL)
    assert stopped.status_code == 303
    assert "portal_track_case" not in client.session
    assert after.status_code == 303
    assert reverse("portal:track_case") not in html(client.get(TRACK_URL))


def test_track_form_offers_to_continue_with_followed_case(client, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    page = html(client.get(TRACK_URL))
    assert f'<a href="{reverse("portal:track_case")}">' in page


def test_track_pages_are_not_cached(client, file_case, follow):
    case, receipt = file_case()
    form = client.get(TRACK_URL)
    wrong = client.post(TRACK_URL, {"receipt": "0" * 16})
    follow(receipt)
    page = client.get(CASE_URL)
    assert all("no-store" in r["Cache-Control"] for r in (form, wrong, page))


# --- what the complainant sees ------------------------------------------------------------------

def test_track_shows_messages_to_complainant_but_not_internal_notes(english, file_case, follow, staff):
    case, receipt = file_case()
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال صورة من محضر القبض")
    post_message(actor=staff["officer"], case=case, body="ملاحظة داخلية: الضابط المتهم نُقل", internal=True)
    follow(receipt)
    page = html(english.get(CASE_URL))
    assert '<div class="message-body" dir="auto">نرجو إرسال صورة من محضر القبض</div>' in page
    assert "ملاحظة داخلية" not in page
    assert "Internal note added." not in page
    assert "Message sent to the complainant." in page


def test_track_shows_outcome_and_finding_per_allegation(english, file_case, follow, staff):
    case, receipt = file_case()
    resolved(case, staff["officer"])
    follow(receipt)
    page = html(english.get(CASE_URL))
    assert '<div class="narrative" dir="auto">ثبتت المخالفة وأحيل الضابط إلى التحقيق</div>' in page
    assert "<tr><td>Torture and ill-treatment</td><td>Substantiated</td></tr>" in page
    assert "<tr><td>Arbitrary arrest and detention</td><td>Substantiated</td></tr>" in page


def test_track_shows_first_answer_deadline_while_open(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    page = html(english.get(CASE_URL))
    assert "A first answer is due by " in page


def test_track_case_page_query_count_does_not_grow(client, file_case, follow, staff):
    case, receipt = file_case()
    post_message(actor=staff["officer"], case=case, body="رسالة ١", files=[Upload("a.pdf", PDF)])
    follow(receipt)
    with CaptureQueriesContext(connection) as one:
        assert client.get(CASE_URL).status_code == 200
    for n in (2, 3):
        post_message(actor=staff["officer"], case=case, body=f"رسالة {n}", files=[Upload(f"{n}.pdf", PDF)])
    with CaptureQueriesContext(connection) as three:
        assert client.get(CASE_URL).status_code == 200
    assert CaseMessage.objects.filter(case=case).count() == 3
    assert case.timeline.public().count() >= 8
    assert len(three) == len(one)


# --- files ------------------------------------------------------------------------------------

def test_track_attachment_of_own_case_downloads(client, file_case, follow, staff):
    case, receipt = file_case()
    post_message(actor=staff["officer"], case=case, body="القرار مرفق", files=[Upload("قرار.pdf", PDF)])
    attachment = case.attachments.get()
    follow(receipt)
    page = html(client.get(CASE_URL))
    response = client.get(reverse("portal:track_attachment", args=[attachment.pk]))
    body = b"".join(response.streaming_content)
    response.close()
    assert f'href="{reverse("portal:track_attachment", args=[attachment.pk])}"' in page
    assert response.status_code == 200
    assert body == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%D9%82%D8%B1%D8%A7%D8%B1.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_track_attachment_of_another_case_is_404(client, file_case, follow, staff):
    case, receipt = file_case()
    other, _ = file_case()
    post_message(actor=staff["officer"], case=other, body="لغيرك", files=[Upload("other.pdf", PDF)])
    follow(receipt)
    response = client.get(reverse("portal:track_attachment", args=[other.attachments.get().pk]))
    assert response.status_code == 404


def test_track_internal_attachment_is_404_and_not_listed(client, file_case, follow, staff):
    case, receipt = file_case()
    post_message(actor=staff["officer"], case=case, body="داخلي", internal=True, files=[Upload("secret.pdf", PDF)])
    follow(receipt)
    page = html(client.get(CASE_URL))
    response = client.get(reverse("portal:track_attachment", args=[case.attachments.get().pk]))
    assert response.status_code == 404
    assert "secret.pdf" not in page


def test_track_attachment_without_followed_case_is_404(client, file_case, staff):
    case, _ = file_case()
    post_message(actor=staff["officer"], case=case, body="مرفق", files=[Upload("a.pdf", PDF)])
    response = client.get(reverse("portal:track_attachment", args=[case.attachments.get().pk]))
    assert response.status_code == 404


# --- replying ---------------------------------------------------------------------------------

def test_track_reply_posts_message_and_resumes_awaiting_case(english, file_case, follow, staff):
    case, receipt = file_case()
    awaiting(case, staff["officer"])
    follow(receipt)
    response = english.post(CASE_URL, {"action": "reply", "body": "أُفرج عني يوم ٥ مارس",
                                       "files": [upload("محضر.jpg", JPEG)]})
    case.refresh_from_db()
    message = CaseMessage.objects.filter(case=case, kind="from_complainant").get()
    page = html(english.get(CASE_URL))
    assert response.status_code == 303
    assert response["Location"] == reverse("portal:track_case")
    assert case.status == "in_progress"
    assert message.body == "أُفرج عني يوم ٥ مارس"
    assert list(message.attachments.values_list("original_name", "uploaded_by_complainant")) == [("محضر.jpg", True)]
    assert "Your message was sent." in page
    assert '<div class="message-body" dir="auto">أُفرج عني يوم ٥ مارس</div>' in page


def test_track_empty_reply_is_refused_and_changes_nothing(english, file_case, follow, staff):
    case, receipt = file_case()
    awaiting(case, staff["officer"])
    version = Case.objects.get(pk=case.pk).version
    follow(receipt)
    response = english.post(CASE_URL, {"action": "reply", "body": "  "})
    case.refresh_from_db()
    assert response.status_code == 400
    assert '<p class="field-error" id="error-body">Write a message.</p>' in html(response)
    assert (case.status, case.version) == ("awaiting_complainant", version)
    assert not CaseMessage.objects.filter(case=case, kind="from_complainant").exists()


def test_track_reply_with_refused_file_keeps_text_and_changes_nothing(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    response = english.post(CASE_URL, {"action": "reply", "body": "نص الرسالة",
                                       "files": [upload("photo.jpg", b"<svg></svg>")]})
    page = html(response)
    assert response.status_code == 400
    assert 'The file <bdi dir="auto">photo.jpg</bdi> contains a web page or a script' in page
    assert ">نص الرسالة</textarea>" in page
    assert not CaseMessage.objects.filter(case=case).exists()


# --- withdrawing ------------------------------------------------------------------------------

def test_track_withdraw_with_confirmation_withdraws_and_hides_reply_form(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    response = english.post(CASE_URL, {"action": "withdraw", "confirm": "1", "withdraw_note": "تصالحنا"})
    case.refresh_from_db()
    page = html(english.get(CASE_URL))
    assert response.status_code == 303
    assert case.status == "withdrawn"
    assert CaseMessage.objects.filter(case=case, kind="from_complainant").get().body == "تصالحنا"
    assert "Your complaint has been withdrawn." in page
    assert 'name="body"' not in page
    assert "This complaint is closed: messages can no longer be sent." in page
    assert 'value="withdraw"' not in page


def test_track_withdraw_without_confirmation_changes_nothing(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    events = TimelineEvent.objects.filter(case=case).count()
    response = english.post(CASE_URL, {"action": "withdraw", "withdraw_note": "سبب"})
    case.refresh_from_db()
    assert response.status_code == 400
    assert "Tick the box to confirm that you want to withdraw your complaint." in html(response)
    assert ">سبب</textarea>" in html(response)
    assert case.status == "received"
    assert TimelineEvent.objects.filter(case=case).count() == events


# --- appealing --------------------------------------------------------------------------------

def test_track_appeal_within_window_reopens_case(english, file_case, follow, staff):
    case, receipt = file_case()
    resolved(case, staff["officer"])
    follow(receipt)
    page = html(english.get(CASE_URL))
    response = english.post(CASE_URL, {"action": "appeal", "appeal_note": "لم يُحاسب أحد"})
    case.refresh_from_db()
    assert 'value="appeal"' in page
    assert response.status_code == 303
    assert case.status == "in_progress"
    assert CaseMessage.objects.filter(case=case, kind="from_complainant").get().body == "لم يُحاسب أحد"


def test_track_appeal_without_reason_changes_nothing(english, file_case, follow, staff):
    case, receipt = file_case()
    resolved(case, staff["officer"])
    version = Case.objects.get(pk=case.pk).version
    follow(receipt)
    response = english.post(CASE_URL, {"action": "appeal", "appeal_note": ""})
    case.refresh_from_db()
    assert response.status_code == 400
    assert '<p class="field-error" id="error-appeal_note">Write the reason or explanation for this step.</p>' in html(response)
    assert (case.status, case.version) == ("resolved", version)


def test_track_appeal_after_window_shows_message_and_changes_nothing(english, file_case, follow, staff, org):
    case, receipt = file_case()
    resolved(case, staff["officer"])
    Case.objects.filter(pk=case.pk).update(decided_at=timezone.now() - timedelta(days=org.appeal_days + 1))
    before = Case.objects.get(pk=case.pk)
    events = TimelineEvent.objects.filter(case=case).count()
    follow(receipt)
    page = html(english.get(CASE_URL))
    response = english.post(CASE_URL, {"action": "appeal", "appeal_note": "متأخر"})
    after = Case.objects.get(pk=case.pk)
    assert 'value="appeal"' not in page
    assert "The time to appeal ended on" in page
    assert response.status_code == 409
    assert f"The time to appeal ({org.appeal_days} days after the decision) has passed." in html(response)
    assert (after.status, after.version) == ("resolved", before.version)
    assert TimelineEvent.objects.filter(case=case).count() == events
    assert not CaseMessage.objects.filter(case=case, kind="from_complainant").exists()


def test_track_appeal_of_open_case_is_refused(english, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    response = english.post(CASE_URL, {"action": "appeal", "appeal_note": "سبب"})
    case.refresh_from_db()
    assert response.status_code == 409
    assert "Only a complaint on which a decision has been taken can be appealed." in html(response)
    assert case.status == "received"


# --- the whole journey ------------------------------------------------------------------------

def test_track_filed_complaint_is_followed_with_printed_receipt(client, complaint_form, org):
    client.post("/complaint/new/", complaint_form())
    receipt = receipt_on(html(client.get(reverse("portal:confirmation"))))
    grouped = " ".join(receipt[i:i + 4] for i in range(0, 16, 4))
    response = client.post(TRACK_URL, {"receipt": grouped}, follow=True)
    assert response.status_code == 200
    assert Case.objects.get().reference in html(response)


def test_track_case_page_speaks_arabic_by_default(client, file_case, follow):
    from django.utils import translation

    from mizan.complaints.workflow import PUBLIC_EXPLANATION

    case, receipt = file_case()
    follow(receipt)
    page = html(client.get(CASE_URL))
    with translation.override("ar"):
        expected = str(PUBLIC_EXPLANATION["received"])
    assert '<html lang="ar" dir="rtl">' in page
    assert expected in page
    assert expected != "Your complaint has been received and registered. An officer will look at it soon."


def test_track_activity_keeps_following_alive(client, file_case, follow):
    case, receipt = file_case()
    follow(receipt)
    session = client.session
    session["portal_track_case"] = {"id": case.pk, "at": int(time.time()) - 29 * 60}
    session.save()
    response = client.get(CASE_URL)
    assert response.status_code == 200
    assert int(time.time()) - client.session["portal_track_case"]["at"] < 5
