"""Importing complaints from CSV and XLSX: validation row by row with every reason reported,
nothing half-imported, no duplicate on a second run, bad files refused clearly, permissions."""

import io
import json
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from mizan.audit.models import AuditEvent
from mizan.complaints.identity import unseal
from mizan.complaints.models import Case, Person
from mizan.reports.imports import COLUMN_KEYS
from mizan.reports.models import ImportedRow, ImportRun

URL = reverse("reports:import")
HEADER = "external_id,received_date,channel,narrative,complainant_name,complainant_phone,categories,governorate,facility,urgency,vulnerabilities"


def csv_file(*lines, name="complaints.csv", bom=True):
    text = "\r\n".join(lines) + "\r\n"
    return SimpleUploadedFile(name, ("\ufeff" if bom else "").encode() + text.encode("utf-8"), content_type="text/csv")


def valid_lines(places):
    return [
        HEADER,
        f"OLD-1,2026-10-01,phone,ضربوني في قسم الدقي واحتجزوني يومين,منى عبد الله,01001234567,torture;arbitrary_detention,giza,{places['station'].pk},high,woman",
        'OLD-2,2026-10-02,Walk-in,"They took my brother, and nobody tells us where he is.",,,disappearance,Cairo,Cairo correction centre,,',
    ]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def upload(client, commit, file, **extra):
    with commit():
        return client.post(URL, {"file": file, **extra})


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


# --- a valid file -----------------------------------------------------------------------------------

def test_import_valid_csv_creates_every_case_through_the_staff_intake(staff, places, login, commit):
    response = upload(login(staff["intake"], "en"), commit, csv_file(*valid_lines(places)))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:import_run", args=[run.pk])
    assert (run.status, run.total_rows, run.created_count, run.skipped_count, run.rejected_count, run.stored_name) == (
        "done", 2, 2, 0, 0, "")
    first = ImportedRow.objects.get(external_id="OLD-1").case
    second = ImportedRow.objects.get(external_id="OLD-2").case
    assert (first.channel, first.urgency, first.anonymous, first.governorate, first.facility) == (
        "phone", "high", False, places["giza"], places["station"])
    assert first.narrative == "ضربوني في قسم الدقي واحتجزوني يومين"
    assert timezone.localtime(first.received_at).replace(tzinfo=None) == datetime(2026, 10, 1, 12, 0)
    assert sorted(first.case_categories.values_list("category__code", flat=True)) == ["arbitrary_detention", "torture"]
    assert list(first.vulnerability_markers.values_list("code", flat=True)) == ["woman"]
    person = first.persons.get(role=Person.Role.COMPLAINANT)
    assert unseal(person.name_enc, "name", first.pk) == "منى عبد الله"
    assert unseal(person.phone_enc, "phone", first.pk) == "01001234567"
    assert (second.channel, second.anonymous, second.governorate, second.facility, second.urgency) == (
        "walk_in", True, places["cairo"], places["prison"], "normal")
    assert not second.persons.get(role=Person.Role.COMPLAINANT).has_identity
    assert [e.actor for e in audit("case.create")] == [staff["intake"], staff["intake"]]
    [checked] = audit("import.check")
    [completed] = audit("import.complete")
    assert checked.data == {"import": run.pk, "rows": 2, "valid": 2, "rejected": 0, "skipped": 0, "format": "csv",
                            "skip_rejected": False}
    assert completed.data == {"import": run.pk, "created": 2, "skipped": 0, "rejected": 0, "failed": False}
    stored = json.dumps([checked.data, completed.data], ensure_ascii=False)
    assert "منى" not in stored and "01001234567" not in stored


def test_import_xlsx_with_translated_headers_date_cells_and_numbers(staff, places, login, commit):
    book = Workbook()
    sheet = book.active
    sheet.append(["External id", "Date received", "Channel", "What happened", "Complainant's name",
                  "Complainant's phone", "Categories"])
    sheet.append([1001, datetime(2026, 9, 30), "letter", "حبسوا ابني في القسم أسبوعاً", "سعيد علي", 201001234567,
                  "Torture and ill-treatment"])
    data = io.BytesIO()
    book.save(data)

    upload(login(staff["intake"], "en"), commit, SimpleUploadedFile("old.xlsx", data.getvalue()))

    run = ImportRun.objects.get()
    assert (run.format, run.status, run.created_count) == ("xlsx", "done", 1)
    case = ImportedRow.objects.get(external_id="1001").case
    assert (case.channel, timezone.localdate(case.received_at).isoformat()) == ("letter", "2026-09-30")
    assert list(case.case_categories.values_list("category__code", flat=True)) == ["torture"]
    person = case.persons.get(role=Person.Role.COMPLAINANT)
    assert unseal(person.phone_enc, "phone", case.pk) == "201001234567"


def test_import_csv_with_semicolons_as_french_excel_writes(staff, places, login, commit):
    file = csv_file("narrative;channel;anonymous", "Ils ont frappé mon fils au commissariat;Téléphone;oui")

    upload(login(staff["intake"], "fr"), commit, file)

    case = Case.objects.get()
    assert (case.narrative, case.channel, case.anonymous) == ("Ils ont frappé mon fils au commissariat", "phone", True)


# --- rejected rows, nothing half-imported ------------------------------------------------------------

def rejected_file(places):
    return csv_file(
        *valid_lines(places)[:2],
        "OLD-3,2026-10-03,phone,,,,torture,,,,",
        "OLD-4,2099-01-01,fax,Beaten at the border post,Karim Haddad,,bogus,,,,",
        "OLD-5,2026-10-03,letter,Taken from home at night,,,,,,,sometimes",
    )


def test_import_any_rejected_row_imports_nothing_and_reports_every_reason(staff, places, login, commit):
    client = login(staff["intake"], "en")

    response = upload(client, commit, rejected_file(places))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert (run.status, run.total_rows, run.rejected_count, run.created_count, run.stored_name) == (
        "rejected", 4, 3, 0, "")
    assert Case.objects.count() == 0
    assert ImportedRow.objects.count() == 0
    assert run.rejected == [
        {"row": 3, "errors": [{"column": "narrative", "message": "Describe what happened."}]},
        {"row": 4, "errors": [
            {"column": "categories", "message": "Unknown categories: bogus. (“bogus”)"},
            {"column": "channel", "message": "Choose how the complaint was received. (“fax”)"},
            {"column": "received_date", "message": "The date cannot be in the future. (“2099-01-01”)"},
        ]},
        {"row": 5, "errors": [{"column": "vulnerabilities", "message": "Unknown groups: sometimes. (“sometimes”)"}]},
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Nothing was imported." in page
    assert "Choose how the complaint was received. (“fax”)" in page
    assert audit("import.complete") == []
    assert audit("import.check")[0].data["rejected"] == 3


def test_import_reasons_are_in_the_language_of_the_user(staff, places, login, commit):
    upload(login(staff["intake"], "ar"), commit, rejected_file(places))

    run = ImportRun.objects.get()
    assert run.language == "ar"
    assert run.rejected[0] == {"row": 3, "errors": [{"column": "narrative", "message": "صِف ما حدث."}]}
    assert run.rejected[1]["errors"][1] == {"column": "channel", "message": "اختر الطريقة التي وردت بها الشكوى. (“fax”)"}


def test_import_valid_rows_only_when_asked(staff, places, login, commit):
    client = login(staff["intake"], "en")

    response = upload(client, commit, rejected_file(places), skip_rejected="1")

    run = ImportRun.objects.get()
    assert (run.status, run.created_count, run.rejected_count) == ("done", 1, 3)
    assert list(ImportedRow.objects.values_list("external_id", "row_number")) == [("OLD-1", 2)]
    assert Case.objects.count() == 1
    assert "The valid rows were imported; the rejected rows below were left out." in client.get(
        response["Location"]).content.decode()


def test_import_a_row_failing_while_written_leaves_no_trace_and_a_rerun_finishes(staff, places, login, commit,
                                                                                 monkeypatch):
    client = login(staff["intake"], "en")
    create = ImportedRow.objects.create
    calls = []

    def fail_on_second(**kwargs):
        calls.append(kwargs["row_number"])
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return create(**kwargs)

    monkeypatch.setattr(ImportedRow.objects, "create", fail_on_second)
    upload(client, commit, csv_file(*valid_lines(places)))

    run = ImportRun.objects.get()
    assert (run.status, run.created_count, run.stored_name) == ("failed", 1, "")
    assert run.error.startswith("The import stopped because of an error.")
    # Row 3's case was created by submit_complaint, then rolled back with its row: nothing of it is left.
    assert list(Case.objects.values_list("narrative", flat=True)) == ["ضربوني في قسم الدقي واحتجزوني يومين"]
    assert Person.objects.count() == 1
    assert len(audit("case.create")) == 1

    monkeypatch.setattr(ImportedRow.objects, "create", create)
    upload(client, commit, csv_file(*valid_lines(places)))

    rerun = ImportRun.objects.exclude(pk=run.pk).get()
    assert (rerun.status, rerun.created_count, rerun.skipped_count) == ("done", 1, 1)
    assert sorted(ImportedRow.objects.values_list("external_id", flat=True)) == ["OLD-1", "OLD-2"]
    assert Case.objects.count() == 2


# --- no duplicates ------------------------------------------------------------------------------------

def test_import_same_file_twice_creates_nothing_new(staff, places, login, commit):
    client = login(staff["intake"], "en")
    upload(client, commit, csv_file(*valid_lines(places)))
    references = dict(ImportedRow.objects.values_list("row_number", "case__reference"))

    response = upload(client, commit, csv_file(*valid_lines(places)))

    rerun = ImportRun.objects.order_by("-id").first()
    assert (rerun.status, rerun.created_count, rerun.skipped_count) == ("done", 0, 2)
    assert rerun.skipped == [{"row": 2, "why": "already", "reference": references[2]},
                             {"row": 3, "why": "already", "reference": references[3]}]
    assert Case.objects.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("desk:case", args=[references[2]])}"' in page


def test_import_rows_without_external_id_are_recognised_by_content(staff, places, login, commit):
    client = login(staff["intake"], "en")
    lines = ["narrative,channel", "Beaten at the checkpoint,phone", "Beaten at the checkpoint,phone",
             "Detained for a week,letter"]
    upload(client, commit, csv_file(*lines))

    run = ImportRun.objects.get()
    assert (run.created_count, run.skipped) == (2, [{"row": 3, "why": "same_as", "same_as": 2}])

    upload(client, commit, csv_file(*lines))
    assert ImportRun.objects.order_by("-id").first().skipped_count == 3
    assert Case.objects.count() == 2


def test_import_the_same_external_id_twice_in_a_file_is_rejected(staff, places, login, commit):
    upload(login(staff["intake"], "en"), commit, csv_file("external_id,narrative,channel", "A-1,First story,phone",
                                                          "A-1,Another story,letter"))

    run = ImportRun.objects.get()
    assert run.status == "rejected"
    assert run.rejected == [{"row": 3, "errors": [{"column": "external_id", "message":
                                                   "The same external id is on row 2. Each complaint needs its own."}]}]
    assert Case.objects.count() == 0


# --- bad files ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.csv", b"", "The file is empty."),
    ("blank.csv", b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
    ("arabic.csv", "narrative\r\nضربوني في القسم\r\n".encode("cp1256"), "The file is not in UTF-8."),
    ("wrong.csv", b"name,story\r\nMona,beaten\r\n",
     "The first row must hold the column names of the template; these are unknown: “name”, “story”."),
    ("missing.csv", b"external_id,channel\r\n1,phone\r\n", "The column “narrative” is missing from the first row."),
    ("twice.csv", b"narrative,Narrative\r\na,b\r\n", "The column “Narrative” appears twice in the first row."),
    ("header-only.csv", b"narrative,channel\r\n", "The file has column names but no complaint below them."),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Files from Excel 97-2003 (.xls) cannot be read."),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This file is not text."),
    ("report.pdf", b"%PDF-1.7 narrative", "This file is not a CSV or .xlsx spreadsheet."),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 200, "The Excel file could not be read."),
    ("quote.csv", b'narrative,channel\r\n"open quote,phone\r\n' + b"x" * 140000,
     "The CSV file could not be read near line"),
    ("extra.csv", b"narrative,channel\r\nstory,phone,surprise\r\n", "Row 2 has values in a column without a name."),
])
def test_import_bad_files_are_refused_with_a_clear_message(staff, login, commit, name, data, message):
    client = login(staff["intake"], "en")

    response = upload(client, commit, SimpleUploadedFile(name, data))

    assert response.status_code == 400
    errors = response.context["errors"]
    assert errors["file"].startswith(message), errors
    assert message in response.content.decode()
    assert (ImportRun.objects.count(), Case.objects.count()) == (0, 0)


def test_import_file_too_large_is_refused(staff, login, commit, settings):
    settings.MIZAN_IMPORT_MAX_BYTES = 100
    response = upload(login(staff["intake"], "en"), commit, csv_file("narrative", "x" * 200))

    assert response.status_code == 400
    assert response.context["errors"]["file"] == "The file is too large (at most 0 MB). Split it into smaller files."


def test_import_too_many_rows_is_refused(staff, login, commit, settings):
    settings.MIZAN_IMPORT_MAX_ROWS = 2
    response = upload(login(staff["intake"], "en"), commit, csv_file("narrative,channel", "a,phone", "b,phone", "c,phone"))

    assert response.context["errors"]["file"] == "The file has more than 2 rows. Split it into smaller files."
    assert Case.objects.count() == 0


def test_import_without_a_file(staff, login, commit):
    with commit():
        response = login(staff["intake"], "en").post(URL, {})

    assert response.status_code == 400
    assert response.context["errors"] == {"file": "Choose a file."}


# --- who may import -------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["analyst", "auditor", "admin"])
def test_import_refused_to_roles_that_do_not_record_complaints(staff, places, login, commit, who):
    client = login(staff[who], "en")

    assert client.get(URL).status_code == 404
    assert upload(client, commit, csv_file(*valid_lines(places))).status_code == 404
    assert client.get(reverse("reports:import_template", args=["xlsx"])).status_code == 404
    assert (ImportRun.objects.count(), Case.objects.count()) == (0, 0)


def test_import_run_seen_by_its_uploader_and_supervisors_only(staff, places, login, commit):
    upload(login(staff["intake"], "en"), commit, csv_file(*valid_lines(places)))
    url = reverse("reports:import_run", args=[ImportRun.objects.get().pk])

    assert login(staff["intake"]).get(url).status_code == 200
    assert login(staff["supervisor"]).get(url).status_code == 200
    for who in ("officer2", "outsider", "analyst", "admin"):
        assert login(staff[who]).get(url).status_code == 404, who
    assert login(staff["intake"]).get(reverse("reports:import_run", args=[999])).status_code == 404


def test_outsider_import_goes_to_their_own_organisation(staff, places, login, commit, other_org):
    upload(login(staff["outsider"], "en"), commit, csv_file("narrative,channel,governorate", "a story,phone,giza"))

    run = ImportRun.objects.get()
    assert run.organisation == other_org
    assert run.rejected == [{"row": 2, "errors": [{"column": "governorate", "message": "Unknown Governorate. (“giza”)"}]}]
    assert Case.objects.count() == 0


# --- the template ---------------------------------------------------------------------------------------

def test_import_template_xlsx_documents_the_columns_right_to_left_in_arabic(staff, places, login):
    response = login(staff["intake"], "ar").get(reverse("reports:import_template", args=["xlsx"]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mizan-import-template.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    assert [c.value for c in book.worksheets[0][1]] == COLUMN_KEYS
    columns = [[c.value for c in row] for row in book.worksheets[1].iter_rows(min_row=2)]
    assert [row[0] for row in columns] == COLUMN_KEYS
    assert columns[COLUMN_KEYS.index("narrative")][1] == "ما حدث"
    places_sheet = [[c.value for c in row] for row in book.worksheets[-1].iter_rows(min_row=2)]
    assert [str(places["prison"].pk), places["prison"].name_ar] in places_sheet


def test_import_template_csv_is_the_header_row(staff, login):
    response = login(staff["intake"], "en").get(reverse("reports:import_template", args=["csv"]))

    assert response.content == ("\ufeff" + ",".join(COLUMN_KEYS) + "\r\n").encode()
    assert login(staff["intake"]).get(reverse("reports:import_template", args=["ods"])).status_code == 404


def test_import_page_documents_columns_and_places(staff, places, login):
    page = login(staff["intake"], "en").get(URL).content.decode()

    assert '<code class="ltr" dir="ltr">complainant_national_id</code>' in page
    assert f'<td><code dir="ltr">{places["station"].pk}</code></td><td dir="auto">Dokki police station</td>' in page
