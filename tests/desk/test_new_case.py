"""Complaints recorded by staff (phone, walk-in, letter, e-mail): form, validation, receipt once."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.identity import unseal
from mizan.complaints.models import Attachment, Case, TimelineEvent

from .test_queue_support import PDF, english

URL = reverse("desk:new_case")
DONE = reverse("desk:new_case_done")


def form(**overrides):
    data = {
        "channel": "phone",
        "received_date": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "urgency": "high",
        "language": "ar",
        "complainant.name": "سعاد محمود",
        "complainant.phone": "٠١٠٠١٢٣٤٥٦٧",
        "relation": "family",
        "victim_label": "ابن الشاكية، ١٧ سنة",
        "narrative": "اتصلت الشاكية لتبلغ أن ابنها محتجز في قسم الدقي منذ يومين",
        "incident_date": (timezone.localdate() - timedelta(days=4)).isoformat(),
        "governorate": "giza",
        "categories": ["arbitrary_detention", "children"],
        "vulnerabilities": ["child", "detainee"],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def login(client, user):
    english(client).force_login(user)
    return client


# --- rendering and access ------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["intake", "officer", "supervisor"])
def test_new_case_form_renders_for_creating_roles(client, staff, who):
    response = login(client, staff[who]).get(URL)
    body = response.content.decode()

    assert response.status_code == 200
    assert [code for code, _ in response.context["channels"]] == ["phone", "walk_in", "letter", "email"]
    assert 'value="web"' not in body
    assert f'name="received_date" value="{timezone.localdate().isoformat()}"' in body
    assert 'enctype="multipart/form-data"' in body
    assert response.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


@pytest.mark.parametrize("who", ["analyst", "auditor", "admin"])
def test_new_case_404_for_roles_without_create_case_and_nothing_created(client, staff, who):
    client = login(client, staff[who])

    get = client.get(URL)
    post = client.post(URL, form())

    assert (get.status_code, post.status_code) == (404, 404)
    assert Case.objects.count() == 0


def test_new_case_done_404_for_roles_without_create_case(client, staff):
    assert login(client, staff["auditor"]).get(DONE).status_code == 404


# --- happy path ----------------------------------------------------------------------------------

def test_new_case_records_complaint_and_shows_receipt_once(client, staff, org, places):
    client = login(client, staff["intake"])

    response = client.post(URL, form())

    assert response.status_code == 302
    assert response.url == DONE
    case = Case.objects.get()
    done = client.get(DONE)
    body = done.content.decode()
    receipt = done.context["result"]["receipt"]
    assert done.status_code == 200
    assert done.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert done.context["result"] == {"reference": case.reference, "receipt": receipt}
    assert f'<p class="receipt-code" id="receipt">{receipt}</p>' in body
    assert reverse("desk:case", args=[case.reference]) in body
    assert get_case_by_receipt(receipt) == case

    again = client.get(DONE)

    assert again.context["result"] is None
    assert receipt not in again.content.decode()
    assert "Receipt already shown" in again.content.decode()


def test_new_case_stores_channel_date_and_details(client, staff, org, places):
    client = login(client, staff["intake"])
    received = timezone.localdate() - timedelta(days=2)

    client.post(URL, form())

    case = Case.objects.get()
    assert (case.organisation, case.channel, case.urgency, case.governorate) == (org, "phone", "high", places["giza"])
    assert timezone.localdate(case.received_at) == received
    assert case.narrative == "اتصلت الشاكية لتبلغ أن ابنها محتجز في قسم الدقي منذ يومين"
    assert sorted(case.case_categories.values_list("category__code", flat=True)) == ["arbitrary_detention", "children"]
    assert sorted(case.vulnerability_markers.values_list("code", flat=True)) == ["child", "detainee"]
    complainant = case.persons.get(role="complainant")
    assert unseal(complainant.name_enc, "name", case.pk) == "سعاد محمود"
    assert unseal(complainant.phone_enc, "phone", case.pk) == "01001234567"
    assert case.persons.get(role="victim").label == "ابن الشاكية، ١٧ سنة"
    submitted = TimelineEvent.objects.get(case=case, kind="submitted")
    assert (submitted.actor, submitted.data) == (staff["intake"], {"channel": "phone"})
    audit = AuditEvent.objects.get(action="case.create")
    assert (audit.actor, audit.data) == (staff["intake"], {"channel": "phone", "anonymous": False})


def test_new_case_today_keeps_real_time(client, staff, places):
    before = timezone.now()

    login(client, staff["officer"]).post(URL, form(received_date=timezone.localdate().isoformat()))

    assert before <= Case.objects.get().received_at <= timezone.now()


def test_new_case_anonymous_stores_no_identity(client, staff, places):
    login(client, staff["officer"]).post(URL, form(anonymous="1", **{"complainant.name": "", "relation": "self"}))

    case = Case.objects.get()
    assert case.anonymous is True
    assert [p.has_identity for p in case.persons.all()] == [False]


def test_new_case_with_files_attaches_them(client, staff, places):
    files = [SimpleUploadedFile("رسالة.pdf", PDF, content_type="application/pdf"),
             SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")]

    response = login(client, staff["intake"]).post(URL, {**form(), "files": files})

    assert response.status_code == 302
    assert sorted(Attachment.objects.values_list("original_name", "content_type")) == [
        ("scan.pdf", "application/pdf"), ("رسالة.pdf", "application/pdf")]


# --- errors --------------------------------------------------------------------------------------

def test_new_case_errors_rerender_with_values_and_create_nothing(client, staff, places):
    future = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = login(client, staff["intake"]).post(URL, form(narrative="", channel="web", received_date=future,
                                                             **{"complainant.email": "not-an-email"}))
    body = response.content.decode()

    assert response.status_code == 400
    assert Case.objects.count() == 0
    assert set(response.context["errors"]) == {"narrative", "channel", "received_date", "complainant.email"}
    assert response.context["errors"]["received_date"] == "The date cannot be in the future."
    assert '<a href="#field-complainantemail">Enter a valid e-mail address.</a>' in body
    assert 'id="field-complainantemail"' in body
    assert 'id="error-complainantemail"' in body
    assert 'value="سعاد محمود"' in body
    assert 'value="ابن الشاكية، ١٧ سنة"' in body
    assert '<option value="giza" selected>' in body
    assert '<option value="high" selected>' in body
    assert 'value="children" checked' in body
    assert 'value="detainee" checked' in body
    assert 'value="family" selected' in body


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"channel": ""}, "channel", "Choose how the complaint was received."),
    ({"channel": "api"}, "channel", "Choose how the complaint was received."),
    ({"received_date": ""}, "received_date", "Give the date the complaint was received."),
    ({"received_date": "23/11/2026"}, "received_date", "Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    ({"incident_date": timezone.localdate().isoformat()}, "received_date",
     "The complaint cannot have been received before the incident date."),
    ({"categories": ["torture", "flying"]}, "categories", "Unknown categories: flying."),
    ({"governorate": "mars"}, "governorate", "Unknown Governorate."),
    ({"urgency": "extreme"}, "urgency", "Unknown urgency."),
    ({"complainant.name": ""}, "complainant.name", "Give your name, or choose to complain anonymously."),
])
def test_new_case_single_error(client, staff, places, overrides, field, message):
    response = login(client, staff["officer"]).post(URL, form(**overrides))

    assert response.status_code == 400
    assert response.context["errors"] == {field: message}
    assert Case.objects.count() == 0


def test_new_case_refuses_a_file_of_unaccepted_type(client, staff, places):
    bad = SimpleUploadedFile("page.html", b"<html><script>alert(1)</script></html>", content_type="application/pdf")

    response = login(client, staff["intake"]).post(URL, {**form(), "files": [bad]})

    assert response.status_code == 400
    assert response.context["errors"] == {
        "files": 'The file <bdi dir="auto">page.html</bdi> contains a web page or a script (HTML, SVG or XML): '
                  "such files are not accepted. Send a PDF or a picture instead."}
    assert (Case.objects.count(), Attachment.objects.count()) == (0, 0)
    assert "choose them again" in response.content.decode()


@override_settings(MIZAN_MAX_FILES_PER_SUBMISSION=2)
def test_new_case_refuses_too_many_files(client, staff, places):
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(3)]

    response = login(client, staff["intake"]).post(URL, {**form(), "files": files})

    assert response.context["errors"] == {"files": "You can attach at most 2 files; you chose 3."}
    assert Case.objects.count() == 0


@override_settings(MIZAN_MAX_UPLOAD_BYTES=40)
def test_new_case_refuses_a_file_over_the_size_limit(client, staff, places):
    response = login(client, staff["intake"]).post(URL, {**form(), "files": [SimpleUploadedFile("big.pdf", PDF)]})

    assert response.context["errors"] == {"files": 'The file <bdi dir="auto">big.pdf</bdi> is too large: each file may be at most 40\xa0bytes.'}
    assert Case.objects.count() == 0


def test_new_case_done_without_result_shows_explanation(client, staff):
    response = login(client, staff["intake"]).get(DONE)

    assert response.status_code == 200
    assert response.context["result"] is None
    assert "Receipt already shown" in response.content.decode()
