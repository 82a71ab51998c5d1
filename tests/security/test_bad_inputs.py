"""The catalogue of bad inputs: each through the portal form, the API and the desk's staff intake,
with its expected answer in the user's language (Arabic and English), and the proof that nothing
was stored half-way (no case, person, attachment, timeline or audit row, no file on disk)."""

import html
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from mizan.audit.models import AuditEvent
from mizan.complaints.identity import unseal
from mizan.complaints.models import Attachment, Case, Person, TimelineEvent
from tests.security import files as f

NARRATIVE = "احتجزوني في قسم الشرطة ثلاثة أيام دون عرضي على النيابة"
NAME = "منى عبد الله"
RLO = "\u202e"


def files_on_disk() -> list[str]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def stored() -> dict:
    return {"cases": Case.objects.count(), "persons": Person.objects.count(),
            "attachments": Attachment.objects.count(), "timeline": TimelineEvent.objects.count(),
            "audit": AuditEvent.objects.count(), "files": files_on_disk()}


def in_language(lang: str, message: str) -> str:
    with translation.override(lang):
        return translation.gettext(message)


def has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


# --- the three faces ------------------------------------------------------------------------------

def portal_post(client, lang, *, files=(), **fields):
    data = {"identity": "named", "relation": "self", "complainant_name": NAME, "narrative": NARRATIVE,
            "categories": ["torture"], **fields}
    if files:
        data["files"] = list(files)
    return client.post(f"/complaint/new/?lang={lang}", data)


def api_post(client, lang, raw=None, **fields):
    body = {"narrative": NARRATIVE, "anonymous": False, "complainant": {"name": NAME}, "categories": ["torture"],
            **fields}
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False)
    return client.post("/api/v1/complaints", data=data, content_type="application/json",
                       headers={"Accept-Language": lang})


def desk_post(client, user, lang, *, files=(), **fields):
    """Post the staff intake form as `user` (log in first with `desk_login` to take a snapshot)."""
    if "_auth_user_id" not in client.session:
        client.force_login(user)
    data = {"narrative": NARRATIVE, "language": "ar", "relation": "self", "complainant.name": NAME,
            "categories": ["torture"], "channel": "phone", "received_date": timezone.localdate().isoformat(),
            **fields}
    if files:
        data["files"] = list(files)
    return client.post(f"/desk/new/?lang={lang}", data)


def desk_login(client, user):
    client.force_login(user)  # the login itself writes an audit row: before the snapshot


def page_text(response) -> str:
    return html.unescape(response.content.decode())


# --- text and field errors, through every face ---------------------------------------------------------

TWO_MB = "أ" * (1024 * 1024)  # 2 MB of UTF-8
TEXT_CASES = {
    # id: (portal fields, API fields, desk fields, the field, the message (msgid))
    "2MB narrative": ({"narrative": TWO_MB}, {"narrative": TWO_MB}, {"narrative": TWO_MB}, "narrative",
                      "The description is too long (at most 20000 characters)."),
    "empty narrative": ({"narrative": ""}, {"narrative": ""}, {"narrative": ""}, "narrative", "Describe what happened."),
    "only whitespace": ({"narrative": " \n\t\u00a0 "}, {"narrative": " \n\t\u00a0 "}, {"narrative": " \n\t "},
                        "narrative", "Describe what happened."),
    "only emoji": ({"narrative": "😡😭🙏"}, {"narrative": "😡😭🙏"}, {"narrative": "😡😭🙏"}, "narrative",
                   "Describe what happened in words."),
    "5000-character name": ({"complainant_name": "م" * 5000}, {"complainant": {"name": "م" * 5000}},
                            {"complainant.name": "م" * 5000}, "complainant.name",
                            "The name is too long (at most 200 characters)."),
    "date before 1900": ({"incident_date": "1899-12-31"}, {"incident_date": "1899-12-31"},
                         {"incident_date": "1899-12-31"}, "incident_date", "The date is too far in the past."),
    "date in the future": ({"incident_date": "2999-01-01"}, {"incident_date": "2999-01-01"},
                           {"incident_date": "2999-01-01"}, "incident_date", "The date cannot be in the future."),
    "Hijri date": ({"incident_date": "1446-03-15"}, {"incident_date": "١٤٤٦-٠٣-١٥"}, {"incident_date": "1447-01-01"},
                   "incident_date",
                   "This looks like a Hijri date: enter the date in the Gregorian calendar (YYYY-MM-DD)."),
    "Hijri date in words": ({"incident_date": "15 ربيع الأول 1446"}, {"incident_date": "15/03/1446 هـ"},
                            {"incident_date": "1446/3/15"}, "incident_date",
                            "Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    "unknown category": ({"categories": ["torture", "no_such_code"]}, {"categories": ["no_such_code"]},
                         {"categories": ["no_such_code"]}, "categories", "Unknown categories: %(codes)s."),
}
# Messages that were in the catalogue before this catalogue of tests: they must read in Arabic.
TRANSLATED = {"Describe what happened.", "Describe what happened in words.", "The date is too far in the past.",
              "The date cannot be in the future.", "Enter a date as YYYY-MM-DD (Gregorian calendar).",
              "The name is too long (at most %(max)s characters).", "Unknown categories: %(codes)s.",
              "The description is too long (at most %(max)s characters)."}


def expected_message(msgid: str, lang: str) -> str:
    params = {"The description is too long (at most 20000 characters).":
              ("The description is too long (at most %(max)s characters).", {"max": 20000}),
              "The name is too long (at most 200 characters).":
              ("The name is too long (at most %(max)s characters).", {"max": 200}),
              "Unknown categories: %(codes)s.": ("Unknown categories: %(codes)s.", {"codes": "no_such_code"})}
    if msgid in params:
        source, values = params[msgid]
        return in_language(lang, source) % values
    return in_language(lang, msgid)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("case_id", list(TEXT_CASES))
def test_bad_text_through_the_portal_is_refused_and_stores_nothing(client, org, places, case_id, lang):
    portal_fields, _api, _desk, _field, msgid = TEXT_CASES[case_id]
    before = stored()

    response = portal_post(client, lang, **portal_fields)

    assert response.status_code == 400
    assert expected_message(msgid, lang) in page_text(response)
    assert stored() == before


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("case_id", list(TEXT_CASES))
def test_bad_text_through_the_api_is_refused_and_stores_nothing(client, org, places, case_id, lang):
    _portal, api_fields, _desk, field, msgid = TEXT_CASES[case_id]
    before = stored()

    response = api_post(client, lang, **api_fields)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == in_language(lang, "Some information is missing or not valid.")
    assert error["fields"][field] == expected_message(msgid, lang)
    assert stored() == before


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("case_id", list(TEXT_CASES))
def test_bad_text_through_the_desk_is_refused_and_stores_nothing(client, staff, case_id, lang):
    _portal, _api, desk_fields, _field, msgid = TEXT_CASES[case_id]
    desk_login(client, staff["intake"])
    before = stored()

    response = desk_post(client, staff["intake"], lang, **desk_fields)

    assert response.status_code == 400
    assert expected_message(msgid, lang) in page_text(response)
    assert stored() == before


@pytest.mark.parametrize("msgid", sorted(TRANSLATED))
def test_the_old_messages_of_the_catalogue_read_in_arabic(msgid):
    assert has_arabic(in_language("ar", msgid))
    assert in_language("en", msgid) == msgid


# --- encodings, NUL bytes, bidi overrides -----------------------------------------------------------

def test_invalid_utf8_through_the_portal_is_refused_and_stores_nothing(client, org, places):
    before = stored()
    body = ("identity=named&relation=self&categories=torture&complainant_name=" + "%D9%85" * 3
            + "&narrative=" + "%D8%A7%D8%AD" + "%FF%FE%C3%28" + "%D8%AA%D8%AC")

    response = client.post("/complaint/new/?lang=en", data=body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert ("Part of the text could not be read (it was not sent as UTF-8 text). Type or paste it again."
            in page_text(response))
    assert stored() == before


def test_invalid_utf8_through_the_api_is_refused_and_stores_nothing(client, org, places):
    before = stored()
    raw = b'{"narrative": "\xd8\xa7\xff\xfe\xc3\x28", "anonymous": true}'

    response = api_post(client, "en", raw=raw)

    assert response.status_code == 400
    assert response.json()["error"]["code"] in ("invalid", "bad_request")
    assert response.json()["error"]["message"]
    assert stored() == before


def test_invalid_utf8_through_the_desk_is_refused_and_stores_nothing(client, staff):
    client.force_login(staff["intake"])
    before = stored()
    body = ("channel=phone&relation=self&language=ar&categories=torture&received_date="
            + timezone.localdate().isoformat() + "&complainant.name=" + "%D9%85" * 3 + "&narrative=%D8%A7%FF%FE%D8%AD")

    response = client.post("/desk/new/?lang=en", data=body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert "Part of the text could not be read" in page_text(response)
    assert stored() == before


def _only_case() -> Case:
    case = Case.objects.get()
    return case


def test_nul_bytes_are_removed_and_the_complaint_is_filed_through_the_portal(client, org, places):
    response = portal_post(client, "en", narrative=f"\x00{NARRATIVE}\x00", complainant_name="منى\x00 عبد الله",
                           governorate="cairo\x00", categories=["torture\x00"])

    assert response.status_code == 303
    case = _only_case()
    assert case.narrative == NARRATIVE
    assert case.governorate.code == "cairo"
    assert list(case.case_categories.values_list("category__code", flat=True)) == ["torture"]
    person = Person.objects.get(case=case)
    assert unseal(person.name_enc, "name", case.pk) == NAME


def test_nul_bytes_are_removed_and_the_complaint_is_filed_through_the_api(client, org, places):
    response = api_post(client, "en", narrative=f"{NARRATIVE}\x00", complainant={"name": "منى\x00 عبد الله"},
                        governorate="giza\x00", categories=["torture\x00"])

    assert response.status_code == 201, response.content
    case = _only_case()
    assert case.narrative == NARRATIVE
    assert case.governorate.code == "giza"


def test_nul_bytes_are_removed_and_the_complaint_is_filed_through_the_desk(client, staff):
    response = desk_post(client, staff["intake"], "en", narrative=f"{NARRATIVE}\x00", categories=["torture\x00"])

    assert response.status_code == 302
    assert _only_case().narrative == NARRATIVE


@pytest.mark.parametrize("face", ["portal", "api", "desk"])
def test_bidi_overrides_in_a_name_are_removed_before_it_is_stored(client, staff, places, face):
    spoof = f"{RLO}منى\u2066 EG-2026-000001\u2069\u200b"
    if face == "portal":
        response = portal_post(client, "en", complainant_name=spoof)
    elif face == "api":
        response = api_post(client, "en", complainant={"name": spoof})
    else:
        response = desk_post(client, staff["intake"], "en", **{"complainant.name": spoof})

    assert response.status_code in (201, 302, 303)
    case = _only_case()
    person = Person.objects.get(case=case, role="complainant")
    assert unseal(person.name_enc, "name", case.pk) == "منى EG-2026-000001"


# --- files (portal and desk: the API takes no files) ---------------------------------------------------

def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


FILE_CASES = {
    # id: (file name, content, message (msgid with %(name)s))
    "0-byte file": ("empty.pdf", b"", "The file %(name)s is empty."),
    "renamed executable": ("تقرير.pdf", f.EXE, "The file %(name)s is a program: programs are not accepted."),
    "polyglot PDF/HTML": ("report.pdf", f.POLYGLOT_PDF_HTML,
                          "The file %(name)s contains a web page or a script (HTML, SVG or XML): such files are not "
                          "accepted. Send a PDF or a picture instead."),
    "SVG with a script": ("map.svg", f.SVG_WITH_SCRIPT,
                          "The file %(name)s contains a web page or a script (HTML, SVG or XML): such files are not "
                          "accepted. Send a PDF or a picture instead."),
    "zip bomb": ("report.docx", f.zip_bomb(),
                 "The file %(name)s is a compressed archive: archives are not accepted, send the files in it one by "
                 "one."),
    "document with macros": ("report.docm", f.DOCM,
                             "The file %(name)s contains macros: save it without macros (as .docx, .xlsx or .pptx) "
                             "or as a PDF, and send it again."),
}


def file_message(msgid: str, lang: str, name: str) -> str:
    return in_language(lang, msgid) % {"name": name}


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("case_id", list(FILE_CASES))
def test_bad_file_through_the_portal_is_refused_and_stores_nothing(client, org, places, case_id, lang):
    name, data, msgid = FILE_CASES[case_id]
    before = stored()

    response = portal_post(client, lang, files=[upload(name, data)])

    assert response.status_code == 400
    text = page_text(response)
    assert file_message(msgid, lang, name) in text.replace('<bdi dir="auto">', "").replace("</bdi>", "")
    assert in_language(lang, "For your safety the files you chose are not kept when the form has to be corrected: "
                             "please choose them again.") in text
    assert stored() == before


@pytest.mark.parametrize("case_id", list(FILE_CASES))
def test_bad_file_through_the_desk_is_refused_and_stores_nothing(client, staff, case_id):
    name, data, msgid = FILE_CASES[case_id]
    desk_login(client, staff["intake"])
    before = stored()

    response = desk_post(client, staff["intake"], "en", files=[upload(name, data)])

    assert response.status_code == 400
    text = page_text(response).replace('<bdi dir="auto">', "").replace("</bdi>", "")
    assert file_message(msgid, "en", name) in text
    assert stored() == before


def test_bad_file_among_good_ones_refuses_them_all(client, org, places):
    before = stored()

    response = portal_post(client, "en", files=[upload("a.pdf", f.PDF), upload("b.exe", f.EXE)])

    assert response.status_code == 400
    assert "The file b.exe is a program" in page_text(response).replace('<bdi dir="auto">', "").replace("</bdi>", "")
    assert stored() == before


@pytest.mark.parametrize("face", ["portal", "desk"])
def test_one_hundred_files_are_refused_and_nothing_is_stored(client, staff, places, face):
    desk_login(client, staff["intake"])
    before = stored()
    chosen = [upload(f"{i}.pdf", f.PDF) for i in range(100)]

    if face == "portal":
        response = portal_post(client, "en", files=chosen)
    else:
        response = desk_post(client, staff["intake"], "en", files=chosen)

    assert response.status_code == 400
    assert (f"You can attach at most {settings.MIZAN_MAX_FILES_PER_SUBMISSION} files; you chose 100."
            in page_text(response))
    assert stored() == before


def test_one_hundred_files_message_in_arabic(client, org, places):
    response = portal_post(client, "ar", files=[upload(f"{i}.pdf", f.PDF) for i in range(100)])

    assert response.status_code == 400
    max_files = settings.MIZAN_MAX_FILES_PER_SUBMISSION
    with translation.override("ar"):
        expected = translation.ngettext("You can attach at most %(max)s file; you chose %(count)s.",
                                        "You can attach at most %(max)s files; you chose %(count)s.",
                                        max_files) % {"max": max_files, "count": 100}
    assert expected in page_text(response)
    assert has_arabic(expected)


@pytest.mark.parametrize("face", ["portal", "desk"])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_picture_with_gps_tags_is_accepted_and_stored_without_them(client, staff, places, face, fmt):
    photo = f.photo(fmt)
    chosen = [upload(f"injury.{fmt.lower()}", photo)]
    on_disk_before = files_on_disk()

    if face == "portal":
        response = portal_post(client, "en", files=chosen)
    else:
        response = desk_post(client, staff["intake"], "en", files=chosen)

    assert response.status_code in (302, 303)
    attachment = Attachment.objects.get()
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    kept = (root / "attachments" / attachment.stored_name).read_bytes()
    assert f.metadata_of(kept)["gps"] == {}
    assert b"Phone" not in kept and b"SERIAL" not in kept
    assert attachment.size == len(kept) < len(photo)
    assert sorted(set(files_on_disk()) - set(on_disk_before)) == [os.path.join("attachments", attachment.stored_name)]
