"""Builders for the portal tests: a citizen's browser, a filled-in form, files by their bytes."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

# A real (1×1) JPEG: pictures are parsed to strip their metadata, so a signature alone is refused.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f14"
    "1d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100"
    "ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000"
    "017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a2526272829"
    "2a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a929394"
    "95969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9"
    "eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9")
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
