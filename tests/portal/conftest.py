"""Builders for the portal tests: a citizen's browser, a filled-in form, files by their bytes."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PDF = b"%PDF-1.4\n% a small test document\n"
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def html(response) -> str:
    return response.content.decode()


def without_csrf(response) -> str:
    return CSRF.sub("", html(response))


def receipt_on(page: str) -> str:
    match = re.search(r'class="receipt-code"[^>]*>([0-9 ]+)<', page)
    assert match, "no receipt on the page"
    return match.group(1).replace(" ", "")


@pytest.fixture
def english(client):
    """The citizen chose English (messages are then compared with their source text)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def complaint_form(places):
    """Builder of POST data of a complete, valid complaint; keyword arguments override."""

    def build(**overrides):
        data = {
            "identity": "named",
            "complainant_name": "منى عبد الله",
            "complainant_national_id": "29001011234567",
            "complainant_phone": "01001234567",
            "complainant_email": "mona@example.org",
            "complainant_address": "شارع التحرير، الدقي",
            "relation": "self",
            "victim_name": "",
            "victim_label": "",
            "identity_consent": "1",
            "narrative": "احتجزوني في قسم شرطة الدقي ثلاثة أيام دون عرضي على النيابة",
            "categories": ["arbitrary_detention", "due_process"],
            "incident_date": "2025-03-01",
            "governorate": "giza",
            "facility": str(places["station"].pk),
            "place_details": "الطابق الثاني، غرفة الحجز",
            "vulnerabilities": ["woman"],
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def follow(client):
    """Open a case in this browser by its receipt, as a citizen does."""

    def go(receipt):
        response = client.post(reverse("portal:track"), {"receipt": receipt})
        assert response.status_code == 303, response.status_code
        assert response["Location"] == reverse("portal:track_case")
        return response

    return go
