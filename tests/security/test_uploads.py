"""Uploads: the type decided by content against the allow-list, refusals with their reason,
pictures stripped of metadata, downloads only as sandboxed attachments."""

import pytest
from django.urls import reverse

from mizan.complaints.models import Attachment
from mizan.complaints.services import Upload, post_complainant_message
from mizan.lib import filetypes
from mizan.lib.filetypes import ALLOWED, inspect, sniff, with_extension
from mizan.lib.images import strip_metadata
from tests.security import files as f

OOXML_DOCX = f.OOXML + "wordprocessingml.document"
ACCEPTED = [
    (f.PDF, "application/pdf"),
    (f.photo("JPEG"), "image/jpeg"),
    (f.photo("PNG"), "image/png"),
    (f.photo("WEBP"), "image/webp"),
    (f.DOCX, OOXML_DOCX),
    (f.XLSX, f.OOXML + "spreadsheetml.sheet"),
    (f.PPTX, f.OOXML + "presentationml.presentation"),
    (f.ODT, "application/vnd.oasis.opendocument.text"),
    (f.WORD_97, "application/msword"),
    (f.MP3_ID3, "audio/mpeg"),
    (f.MP3_FRAME, "audio/mpeg"),
    (f.M4A, "audio/mp4"),
    (f.MP4, "video/mp4"),
    (f.OGG, "audio/ogg"),
    (f.WAV, "audio/wav"),
    (f.WEBM, "video/webm"),
]

REFUSED = [
    (b"", filetypes.EMPTY),
    (f.EXE, filetypes.EXECUTABLE),
    (f.ELF, filetypes.EXECUTABLE),
    (f.SHELL, filetypes.EXECUTABLE),
    (f.SVG_WITH_SCRIPT, filetypes.MARKUP),
    (f.SVG_NO_PROLOGUE, filetypes.MARKUP),
    (f.HTML, filetypes.MARKUP),
    (f.POLYGLOT_PDF_HTML, filetypes.MARKUP),
    (f.DOCM, filetypes.MACROS),
    (f.DOCX_WITH_VBA, filetypes.MACROS),
    (f.ODT_WITH_MACROS, filetypes.MACROS),
    (f.WORD_97_WITH_MACROS, filetypes.MACROS),
    (f.PLAIN_ZIP, filetypes.ARCHIVE),
    (f.MSI, filetypes.UNKNOWN),
    (f.MKV, filetypes.UNKNOWN),
    (b"PK\x03\x04 not really a zip", filetypes.UNKNOWN),
    (b"just some text", filetypes.UNKNOWN),
]


@pytest.mark.parametrize(("data", "expected"), ACCEPTED, ids=[t for _d, t in ACCEPTED])
def test_sniff_accepts_each_allowed_type_by_content(data, expected):
    assert inspect(data) == filetypes.Verdict(expected)
    assert sniff(data[:64], data) == expected
    assert expected in ALLOWED


@pytest.mark.parametrize(("data", "reason"), REFUSED, ids=[r + str(i) for i, (_d, r) in enumerate(REFUSED)])
def test_sniff_refuses_with_the_reason(data, reason):
    assert inspect(data) == filetypes.Verdict(None, reason)


def test_sniff_refuses_zip_bombs_by_size_ratio_and_entry_count():
    assert inspect(f.zip_bomb()) == filetypes.Verdict(None, filetypes.ARCHIVE)
    assert inspect(f.many_entries_zip()) == filetypes.Verdict(None, filetypes.ARCHIVE)
    assert inspect(f.many_entries_zip(100)).content_type == OOXML_DOCX


def test_sniff_ignores_the_word_macros_in_a_documents_text():
    text = "Macros and VBA in the text".encode("utf-16-le")
    assert inspect(f.WORD_97 + text).content_type == "application/msword"


def test_with_extension_names_a_file_for_what_it_is():
    assert with_extension("photo.exe", "image/jpeg") == "photo.exe.jpg"
    assert with_extension("photo.JPEG", "image/jpeg") == "photo.JPEG"
    assert with_extension("report", "application/pdf") == "report.pdf"
    assert with_extension("a.pdf", "application/pdf") == "a.pdf"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_pictures_lose_gps_device_and_xmp_metadata(fmt):
    original = f.photo(fmt)
    assert f.metadata_of(original)["gps"] == f.GPS  # the sample really carries them

    cleaned = strip_metadata(original, f"image/{fmt.lower()}")

    found = f.metadata_of(cleaned)
    assert found["gps"] == {}
    assert found["exif"] == ({0x0112: 6} if fmt == "JPEG" else {})  # orientation kept, alone
    assert found["info"] == (["exif"] if fmt == "JPEG" else [])
    assert found["size"] == (40, 30)
    assert b"Phone" not in cleaned and b"SERIAL" not in cleaned and b"xmpmeta" not in cleaned
    assert strip_metadata(cleaned, f"image/{fmt.lower()}") == cleaned  # idempotent


def test_progressive_jpeg_is_stripped_and_still_decodes():
    cleaned = strip_metadata(f.photo("JPEG", progressive=True) + b"appended second file", "image/jpeg")
    assert f.metadata_of(cleaned)["gps"] == {}
    assert cleaned.endswith(b"\xff\xd9")


def test_jpeg_segment_under_an_unknown_marker_is_refused_not_kept():
    # Found by the fuzz test: the APP1 (EXIF) marker byte damaged to 0x00 hid the device's
    # metadata in a segment that was kept as if it described the image.
    original = f.photo("JPEG")
    at = original.index(b"\xff\xe1")
    damaged = original[:at + 1] + b"\x00" + original[at + 2:]

    with pytest.raises(ValueError, match="unknown marker"):
        strip_metadata(damaged, "image/jpeg")


def test_jpeg_with_normal_orientation_keeps_no_exif_at_all():
    cleaned = strip_metadata(f.photo("JPEG", orientation=1), "image/jpeg")
    assert f.metadata_of(cleaned)["exif"] == {}
    assert b"Exif" not in cleaned


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_picture_is_refused_as_damaged(fmt):
    with pytest.raises(ValueError):
        strip_metadata(f.photo(fmt)[:30], f"image/{fmt.lower()}")


def test_other_types_are_stored_as_sent():
    assert strip_metadata(f.PDF, "application/pdf") == f.PDF


# --- downloads ---------------------------------------------------------------------------------

DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'"


def _assert_sandboxed_download(response, name):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert name in response["Content-Disposition"] or "filename*=" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_CSP
    assert response["Content-Type"] == "application/pdf"


def test_desk_download_is_a_sandboxed_attachment(client, staff, file_case):
    case, _ = file_case()
    post_complainant_message(case=case, body="التقرير", files=[Upload("report.pdf", f.PDF)])
    item = Attachment.objects.get(case=case)
    client.force_login(staff["officer"])

    response = client.get(reverse("desk:attachment", args=[case.reference, item.pk]))

    _assert_sandboxed_download(response, "report.pdf")
    assert b"".join(response.streaming_content) == f.PDF


def test_portal_download_is_a_sandboxed_attachment(client, file_case):
    case, receipt = file_case()
    post_complainant_message(case=case, body="التقرير", files=[Upload("report.pdf", f.PDF)])
    item = Attachment.objects.get(case=case)
    client.post("/track/", {"receipt": receipt})

    _assert_sandboxed_download(client.get(reverse("portal:track_attachment", args=[item.pk])), "report.pdf")


def test_download_refused_to_outsider_and_to_a_session_following_another_case(client, staff, file_case):
    case, _ = file_case()
    post_complainant_message(case=case, body="التقرير", files=[Upload("report.pdf", f.PDF)])
    item = Attachment.objects.get(case=case)
    _other, other_receipt = file_case()
    client.post("/track/", {"receipt": other_receipt})
    assert client.get(reverse("portal:track_attachment", args=[item.pk])).status_code == 404
    client.force_login(staff["outsider"])
    assert client.get(reverse("desk:attachment", args=[case.reference, item.pk])).status_code == 404


def test_stored_file_is_the_stripped_picture_under_a_random_name(file_case, settings):
    from pathlib import Path

    case, _ = file_case()
    post_complainant_message(case=case, body="صورة الإصابة", files=[Upload("إصابة.exe", f.photo("JPEG"))])
    item = Attachment.objects.get(case=case)

    stored = (Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "attachments" / item.stored_name).read_bytes()
    assert f.metadata_of(stored)["gps"] == {}
    assert item.original_name == "إصابة.exe.jpg"
    assert len(item.stored_name) == 40 and "إصابة" not in item.stored_name
    assert not str(Path(settings.STORAGES["default"]["OPTIONS"]["location"])).startswith(str(settings.STATIC_ROOT))
