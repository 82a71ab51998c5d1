"""Filing a complaint on the portal: the form, its errors, files, the receipt shown once."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.identity import unseal
from mizan.complaints.models import Attachment, Case, Person, TimelineEvent
from mizan.core.models import ThrottleBucket

from .conftest import HTML, JPEG, PDF, html, receipt_on, upload

pytestmark = pytest.mark.django_db
FILE_URL = "/complaint/new/"
IDENTITY_FIELDS = ("name_enc", "national_id_enc", "phone_enc", "email_enc", "address_enc")


def test_file_form_renders_sections_in_arabic(client, org, places):
    response = client.get(reverse("portal:file"))
    page = html(response)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert 'enctype="multipart/form-data"' in page
    assert page.count("<fieldset") == 9  # five sections, four groups of choices
    assert 'id="id_identity_named" name="identity" value="named" checked' in page
    assert 'id="id_relation_self" name="relation" value="self" checked' in page
    assert '<optgroup label="الجيزة">' in page
    assert f'<option value="{places["station"].pk}">قسم شرطة الدقي</option>' in page
    assert '<textarea id="id_narrative" name="narrative" rows="10" dir="auto"' in page
    assert f'max="{timezone.localdate().isoformat()}"' in page
    assert 'name="files" multiple' in page


def test_file_named_arabic_complaint_shows_receipt_that_opens_the_case(client, complaint_form, org, places):
    response = client.post(FILE_URL, complaint_form())
    confirmation = client.get(response["Location"])
    receipt = receipt_on(html(confirmation))
    case = Case.objects.get()
    person = Person.objects.get(case=case)
    assert response.status_code == 303
    assert response["Location"] == reverse("portal:confirmation")
    assert confirmation.status_code == 200
    assert re.fullmatch(r"\d{16}", receipt)
    assert get_case_by_receipt(receipt) == case
    assert case.reference in html(confirmation)
    assert f'class="receipt-code" dir="ltr" id="receipt-code">{receipt[:4]} {receipt[4:8]} {receipt[8:12]} {receipt[12:]}<' in html(confirmation)
    assert (case.channel, case.language, case.anonymous, case.identity_consent) == ("web", "ar", False, True)
    assert case.narrative == "احتجزوني في قسم شرطة الدقي ثلاثة أيام دون عرضي على النيابة"
    assert (case.governorate, case.facility) == (places["giza"], places["station"])
    assert case.place_details == "الطابق الثاني، غرفة الحجز"
    assert sorted(case.case_categories.values_list("category__code", flat=True)) == ["arbitrary_detention", "due_process"]
    assert list(case.vulnerability_markers.values_list("code", flat=True)) == ["woman"]
    assert (person.role, person.relation_to_victim) == ("complainant", "self")
    assert unseal(person.name_enc, "name", case.pk) == "منى عبد الله"
    assert unseal(person.email_enc, "email", case.pk) == "mona@example.org"
    assert list(case.timeline.public().values_list("kind", flat=True)) == ["submitted", "acknowledged"]


def test_file_anonymous_complaint_stores_no_identity(client, complaint_form, org):
    response = client.post(FILE_URL, complaint_form(identity="anonymous", relation="family",
                                                    victim_name="أحمد", victim_label="أخي، ١٧ سنة"))
    case = Case.objects.get()
    persons = list(Person.objects.filter(case=case))
    assert response.status_code == 303
    assert case.anonymous is True
    assert case.identity_consent is False
    assert [p.role for p in persons] == ["complainant", "victim"]
    assert all(getattr(p, field) == "" for p in persons for field in IDENTITY_FIELDS)
    assert all(p.national_id_hash == "" and p.phone_hash == "" for p in persons)
    assert persons[1].label == "أخي، ١٧ سنة"


def test_file_confirmation_reload_does_not_show_receipt_again(client, complaint_form, org):
    client.post(FILE_URL, complaint_form())
    first = client.get(reverse("portal:confirmation"))
    receipt = receipt_on(html(first))
    again = client.get(reverse("portal:confirmation"))
    assert again.status_code == 410
    assert "receipt-code" not in html(again)
    assert receipt not in html(again)
    assert receipt[:4] + " " + receipt[4:8] not in html(again)


def test_file_receipt_never_appears_in_a_url(client, complaint_form, org):
    post = client.post(FILE_URL, complaint_form(), follow=True)
    receipt = receipt_on(html(post))
    urls = [url for url, _status in post.redirect_chain] + [post.request["PATH_INFO"], post.request.get("QUERY_STRING", "")]
    tracked = client.post(reverse("portal:track"), {"receipt": receipt}, follow=True)
    urls += [url for url, _status in tracked.redirect_chain] + [tracked.request["PATH_INFO"]]
    assert urls[0] == reverse("portal:confirmation")
    assert tracked.status_code == 200
    assert all(receipt not in url for url in urls)
    assert all(receipt not in value for value in tracked.headers.values())


def test_file_confirmation_and_print_page_are_not_cached(client, complaint_form, org):
    client.post(FILE_URL, complaint_form())
    confirmation = client.get(reverse("portal:confirmation"))
    gone = client.get(reverse("portal:confirmation"))
    assert "no-store" in confirmation["Cache-Control"]
    assert "no-store" in gone["Cache-Control"]


def test_file_print_receipt_requires_matching_reference(client, complaint_form, org, file_case):
    client.post(FILE_URL, complaint_form())
    receipt = receipt_on(html(client.get(reverse("portal:confirmation"))))
    case = Case.objects.get()
    other, _ = file_case()
    printed = client.post(reverse("portal:receipt_print"), {"reference": case.reference, "receipt": receipt})
    mismatched = client.post(reverse("portal:receipt_print"), {"reference": other.reference, "receipt": receipt})
    by_get = client.get(reverse("portal:receipt_print"))
    assert printed.status_code == 200
    assert receipt_on(html(printed)) == receipt
    assert "data-print" in html(printed)
    assert "no-store" in printed["Cache-Control"]
    assert mismatched.status_code == 404
    assert by_get.status_code == 405


def test_file_missing_narrative_keeps_everything_typed(english, complaint_form, org, places):
    response = english.post(FILE_URL, complaint_form(narrative="   "))
    page = html(response)
    assert response.status_code == 400
    assert Case.objects.count() == 0
    summary = page[page.index('id="error-summary"'):page.index("</div>", page.index('id="error-summary"'))]
    assert '<a href="#field-narrative">Describe what happened.</a>' in summary
    assert '<p class="field-error" id="error-narrative">Describe what happened.</p>' in page
    assert 'value="منى عبد الله"' in page
    assert 'value="الطابق الثاني، غرفة الحجز"' in page
    assert 'value="arbitrary_detention" checked' in page
    assert 'value="due_process" checked' in page
    assert 'value="torture">' in page
    assert 'value="woman" checked' in page
    assert 'value="giza" selected' in page
    assert f'<option value="{places["station"].pk}" selected>' in page
    assert 'id="id_identity_consent" name="identity_consent" value="1" aria-describedby="hint-identity_consent" checked' in page
    assert 'aria-describedby="error-narrative hint-narrative" aria-invalid="true"' in page


def test_file_error_summary_links_reach_their_fields(english, complaint_form, org):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = english.post(FILE_URL, complaint_form(
        narrative="", complainant_email="not-an-email", incident_date=tomorrow, facility="999999",
        complainant_name=""))
    page = html(response)
    targets = re.findall(r'<a href="#(field-[^"]+)">', page)
    assert response.status_code == 400
    assert targets == ["field-complainant_name", "field-complainant_email", "field-narrative",
                       "field-incident_date", "field-facility"]
    assert all(f'id="{target}"' in page for target in targets)


def test_file_future_date_is_refused(english, complaint_form, org):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = english.post(FILE_URL, complaint_form(incident_date=tomorrow))
    assert response.status_code == 400
    assert '<p class="field-error" id="error-incident_date">The date cannot be in the future.</p>' in html(response)
    assert f'value="{tomorrow}"' in html(response)
    assert Case.objects.count() == 0


def test_file_bad_email_is_refused(english, complaint_form, org):
    response = english.post(FILE_URL, complaint_form(complainant_email="mona@"))
    assert response.status_code == 400
    assert '<p class="field-error" id="error-complainant_email">Enter a valid e-mail address.</p>' in html(response)
    assert 'value="mona@"' in html(response)
    assert Case.objects.count() == 0


def test_file_unknown_facility_is_refused(english, complaint_form, org, other_org):
    from mizan.accounts.models import Facility, Governorate

    elsewhere = Facility.objects.create(
        organisation=other_org, kind="police_station", name_ar="مخفر",
        governorate=Governorate.objects.create(organisation=other_org, code="rabat", name_ar="الرباط"))
    response = english.post(FILE_URL, complaint_form(governorate="", facility=str(elsewhere.pk)))
    assert response.status_code == 400
    assert '<p class="field-error" id="error-facility">Unknown place.</p>' in html(response)
    assert Case.objects.count() == 0


MARKUP = ("contains a web page or a script (HTML, SVG or XML): such files are not accepted. Send a PDF or a "
          "picture instead.")


@pytest.mark.parametrize(("name", "data", "why"), [
    ("photo.jpg", HTML, MARKUP),
    ("photo.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', MARKUP),
    ("photo.jpg", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "is a program: programs are not accepted."),
    ("photo.jpg", b"GIF89a\x01\x00\x01\x00", "is not of an accepted type (PDF, picture, office document, audio or video)."),
])
def test_file_refused_type_names_the_file_and_creates_nothing(english, complaint_form, org, name, data, why):
    response = english.post(FILE_URL, complaint_form(files=[upload(name, data, "image/jpeg")]))
    page = html(response)
    assert response.status_code == 400
    assert (f'<p class="field-error" id="error-files">The file <bdi dir="auto">photo.jpg</bdi> {why} For your '
            "safety the files you chose are not kept when the form has to be corrected: please choose them "
            "again.</p>") in page
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert TimelineEvent.objects.count() == 0


def test_file_refused_file_name_is_escaped(english, complaint_form, org):
    response = english.post(FILE_URL, complaint_form(files=[upload("<img src=x onerror=alert(1)>.jpg", HTML)]))
    page = html(response)
    assert response.status_code == 400
    assert '<bdi dir="auto">&lt;img src=x onerror=alert(1)&gt;.jpg</bdi>' in page
    assert "<img src=x" not in page


@override_settings(MIZAN_MAX_FILES_PER_SUBMISSION=2)
def test_file_too_many_files_are_refused(english, complaint_form, org):
    files = [upload(f"scan{i}.pdf", PDF) for i in range(3)]
    response = english.post(FILE_URL, complaint_form(files=files))
    assert response.status_code == 400
    assert "You can attach at most 2 files; you chose 3." in html(response)
    assert Case.objects.count() == 0


@override_settings(MIZAN_MAX_UPLOAD_BYTES=100)
def test_file_too_large_file_is_refused(english, complaint_form, org):
    big = upload("big.jpg", JPEG + b"\x00" * 100)
    small = upload("small.pdf", PDF)
    response = english.post(FILE_URL, complaint_form(files=[small, big]))
    page = html(response)
    assert response.status_code == 400
    assert 'The file <bdi dir="auto">big.jpg</bdi> is too large: each file may be at most 100\xa0bytes.' in page
    assert "small.pdf" not in page
    assert Case.objects.count() == 0


def test_file_with_other_error_asks_to_choose_files_again(english, complaint_form, org):
    response = english.post(FILE_URL, complaint_form(narrative="", files=[upload("scan.pdf", PDF)]))
    page = html(response)
    assert response.status_code == 400
    assert escape("For your safety the files you chose are not kept when the form has to be corrected: "
                  "please choose them again.") in page
    assert '<a href="#field-files">' in page


def test_file_accepted_files_are_stored_as_public_attachments(client, complaint_form, org):
    response = client.post(FILE_URL, complaint_form(files=[upload("صورة.jpg", JPEG), upload("scan.pdf", PDF)]))
    case = Case.objects.get()
    stored = list(case.attachments.values_list("original_name", "content_type", "internal", "uploaded_by_complainant"))
    assert response.status_code == 303
    assert stored == [("صورة.jpg", "image/jpeg", False, True), ("scan.pdf", "application/pdf", False, True)]


@override_settings(MIZAN_THROTTLE_SUBMIT_PER_HOUR=1)
def test_file_over_the_hourly_limit_gets_429_and_keeps_values(english, complaint_form, org):
    first = english.post(FILE_URL, complaint_form())
    second = english.post(FILE_URL, complaint_form(narrative="قصة ثانية عن احتجاز آخر"))
    page = html(second)
    assert first.status_code == 303
    assert second.status_code == 429
    assert "Please wait a little before sending again." in page
    assert "قصة ثانية عن احتجاز آخر</textarea>" in page
    assert Case.objects.count() == 1


def test_file_throttle_keeps_no_ip_address(client, complaint_form, org):
    client.post(FILE_URL, complaint_form(), REMOTE_ADDR="203.0.113.77")
    bucket = ThrottleBucket.objects.get(scope="submit")
    assert "203.0.113.77" not in bucket.client
    assert re.fullmatch(r"[0-9a-f]{64}", bucket.client)
