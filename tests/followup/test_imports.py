"""Imports of recommendations: an OHCHR Universal Human Rights Index export (written here, in its
format, with every quirk of its columns), an IMPACT OSS export, Mizan's own columns; idempotent
re-imports, rejected rows listed with column and reason, the command's JSON, who may import, and
the desk's import page."""

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from mizan.audit.models import AuditEvent
from mizan.complaints.errors import NotAllowed
from mizan.complaints.models import Category
from mizan.followup import import_jobs, imports, services
from mizan.followup.models import (
    Recommendation,
    RecommendationImport,
    Source,
    StatusChange,
    ThemeMapping,
)

# The headings as one export spells them (the index's own misspellings, odd case and spaces).
UHRI_HEADINGS = ["Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons",
                 "Sdgs", "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type",
                 "OHCHR  annotation ID", "UPR Session", "Regions Concerned", "Recommending Regions",
                 "Date of publication on UHRI"]
TORTURE = "Torture and other cruel, inhuman or degrading treatment"
CAT_TEXT = ("The State party should ensure that all allegations of torture are investigated promptly, "
            "impartially and effectively by an independent body.")
AR_TEXT = "ضمان عرض كل شخص محتجز على النيابة العامة خلال أربع وعشرين ساعة من القبض عليه"


def uhri_row(key, text, body, *, symbol="", themes="", affected="", sdgs="", published=None, states="", position="",
             kind="- Recommendations", session="", uhri_date=None):
    return [text, "- Egypt", body, symbol, themes, affected, sdgs, published, states, position, kind, key, session,
            "- Africa\n- Arab States", "", uhri_date]


def uhri_rows():
    return [
        uhri_row("a1b2-0001", CAT_TEXT, "- Committee against Torture", symbol="CAT/C/EGY/CO/5",
                 themes=f"- {TORTURE}\n- Conditions of detention\n- Counter-terrorism",
                 affected="- Persons deprived of their liberty\n- Journalists",
                 sdgs="- 16.3 - Promote the rule of law at the national and international levels\n"
                      "- 5.2 - Eliminate all forms of violence against all women and girls",
                 published=45261, uhri_date=45300),
        uhri_row("a1b2-0002", "Concern at the lack of independent inspection of places of detention.",
                 "- Committee against Torture", symbol="CAT/C/EGY/CO/5", themes="- Conditions of detention",
                 published=45261, kind="- Concerns-Observations"),
        uhri_row("a1b2-0003", "Strengthen the independence of the national human rights institution.", "- UPR",
                 symbol="A/HRC/57/16", states="- France\n- Tunisia", position="- Supported", session="- 43",
                 published="2024-03-20"),
        uhri_row("a1b2-0004", "Abolish the death penalty.", "- UPR", position="Noted", session=8,
                 themes="- Death penalty"),
        uhri_row("a1b2-0005", "Ratify the Optional Protocol to the Convention against Torture.",
                 "- Universal Periodic Review", position="Supported", session="20"),
        uhri_row("a1b2-0006", AR_TEXT, "- UPR", position="Supported", session=30, states="- Jordan"),
        uhri_row("a1b2-0007", "Guarantee access to a lawyer from the outset of detention.",
                 "- Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
                 symbol="A/HRC/52/30/Add.1", affected="- Women\n- Children", published=date(2023, 2, 1)),
    ]


def xlsx(rows, headings=UHRI_HEADINGS, name="uhri-export.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(tmp_path, data, name="uhri-export.xlsx"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run_file(actor, organisation, tmp_path, data, fmt, name="uhri-export.xlsx", language="en", **kwargs):
    """Import `data` as `actor` working in `language` (the language of the reasons)."""
    with translation.override(language):
        return import_jobs.import_file(actor=actor, organisation=organisation, path=str(write(tmp_path, data, name)),
                                       fmt=fmt, **kwargs)


def counts(run):
    return (run.status, run.total_rows, run.created_count, run.updated_count, run.unchanged_count, run.rejected_count)


def rec(key):
    return Recommendation.objects.select_related("source").get(external_key=key)


# --- the index's export ------------------------------------------------------------------------------------

def test_uhri_export_is_imported_with_every_quirk_of_its_columns(followup_staff, org, tmp_path):
    run = run_file(followup_staff["followup"], org, tmp_path, xlsx(uhri_rows()), "uhri")

    assert counts(run) == ("done", 7, 7, 0, 0, 0)
    cat = rec("a1b2-0001")
    assert (cat.text, cat.language, cat.type, cat.symbol, cat.issued_on, cat.position, cat.status) == (
        CAT_TEXT, "en", "recommendation", "CAT/C/EGY/CO/5", date(2023, 12, 1), "not_decided", "not_started")
    assert sorted(cat.themes.values_list("code", flat=True)) == ["detention_conditions", "torture"]
    assert cat.affected_groups == ["detainee", "Journalists"]
    assert cat.sdg_targets == ["16.3", "5.2"]
    assert (cat.source.kind, cat.source.body, cat.source.symbol, cat.source.title_en, cat.source.title_ar,
            cat.source.date) == ("treaty_body", "Committee against Torture", "CAT/C/EGY/CO/5",
                                 "Committee against Torture — CAT/C/EGY/CO/5", "لجنة مناهضة التعذيب — CAT/C/EGY/CO/5",
                                 date(2023, 12, 1))
    concern = rec("a1b2-0002")
    assert (concern.type, concern.source_id) == ("concern", cat.source_id)  # same document, same source
    upr = rec("a1b2-0003")
    assert (upr.position, upr.recommending_states, upr.issued_on) == ("supported", ["France", "Tunisia"],
                                                                      date(2024, 3, 20))
    assert (upr.source.kind, upr.source.upr_session, upr.source.upr_cycle, upr.source.title_en) == (
        "upr", 43, 4, "Universal Periodic Review, cycle 4, session 43")
    assert [(r.source.upr_session, r.source.upr_cycle, r.position) for r in map(rec, ["a1b2-0004", "a1b2-0005",
                                                                                         "a1b2-0006"])] == [
        (8, 1, "noted"), (20, 2, "supported"), (30, 3, "supported")]
    assert list(rec("a1b2-0004").themes.values_list("code", flat=True)) == ["right_to_life"]
    assert rec("a1b2-0006").language == "ar"
    special = rec("a1b2-0007")
    assert (special.source.kind, special.issued_on, special.affected_groups) == (
        "special_procedure", date(2023, 2, 1), ["woman", "child"])
    assert Source.objects.filter(organisation=org).count() == 6
    assert run.unmapped_themes == {"Counter-terrorism": 1}
    assert StatusChange.objects.filter(recommendation__organisation=org, from_status="", to_status="not_started") \
        .count() == 7


def test_uhri_dates_sessions_and_headings_are_read_loosely():
    assert imports.parse_date(45261) == imports.parse_date("45261") == imports.parse_date(45261.0) == date(2023, 12, 1)
    assert imports.parse_date("2024-03-20T00:00:00") == imports.parse_date("20/03/2024") == date(2024, 3, 20)
    assert imports.parse_date("") is None
    with pytest.raises(imports.BadValue):
        imports.parse_date("next spring")
    assert [imports.upr_cycle(s) for s in (1, 12, 13, 26, 27, 40, 41, 54, 55)] == [1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert imports.fold("UPR  Reccomending-States") == imports.fold("upr recommending states")
    assert imports.values_of("- France\r\n- Tunisia\n- France") == ["France", "Tunisia"]
    assert imports.loose("Torture and other cruel, inhuman and/or degrading treatment") == \
        imports.loose("Torture, cruel, inhuman or degrading treatment")


def test_a_second_import_changes_nothing_an_edited_row_updates_a_new_row_is_created(followup_staff, org, tmp_path):
    officer = followup_staff["followup"]
    run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")
    first = {r.external_key: (r.pk, r.version) for r in Recommendation.objects.all()}
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first()

    again = run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")

    assert counts(again) == ("done", 7, 0, 0, 7, 0)
    assert {r.external_key: (r.pk, r.version) for r in Recommendation.objects.all()} == first
    assert list(AuditEvent.objects.filter(pk__gt=last_event).order_by("pk").values_list("action", flat=True)) == [
        "followup.import.check", "followup.import.complete"]

    rows = uhri_rows()
    rows[0][5] = "- Persons deprived of their liberty"  # affected persons edited in the index
    rows[2][9] = "- Noted"
    rows.append(uhri_row("a1b2-0008", "Criminalise torture in line with the Convention.",
                         "- Committee against Torture", symbol="CAT/C/EGY/CO/5", themes=f"- {TORTURE}"))
    third = run_file(officer, org, tmp_path, xlsx(rows), "uhri")

    assert counts(third) == ("done", 8, 1, 2, 5, 0)
    assert (rec("a1b2-0001").affected_groups, rec("a1b2-0001").version) == (["detainee"], 2)
    assert (rec("a1b2-0003").position, rec("a1b2-0003").version) == ("noted", 2)
    assert rec("a1b2-0008").source_id == rec("a1b2-0001").source_id
    assert sorted(AuditEvent.objects.filter(action="followup.recommendation.change").values_list("target_id", "data"),
                  key=lambda item: item[1]["fields"]) == sorted([
                      (str(rec("a1b2-0001").pk), {"fields": ["affected_groups"], "imported": True}),
                      (str(rec("a1b2-0003").pk), {"fields": ["position"], "imported": True})],
                      key=lambda item: item[1]["fields"])


def test_an_edited_status_is_kept_when_the_row_is_imported_again(followup_staff, org, tmp_path):
    officer = followup_staff["followup"]
    run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")
    services.set_recommendation_status(actor=officer, recommendation=rec("a1b2-0001"), status="in_progress")
    rows = uhri_rows()
    rows[0][0] = CAT_TEXT + " It should publish the outcome."
    run_file(officer, org, tmp_path, xlsx(rows), "uhri")

    assert (rec("a1b2-0001").status, rec("a1b2-0001").text) == ("in_progress", CAT_TEXT + " It should publish the "
                                                                                      "outcome.")


def test_a_theme_mapped_after_an_import_updates_the_rows_at_the_next(followup_staff, org, tmp_path):
    officer = followup_staff["followup"]
    run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")
    mappings = ThemeMapping.objects.filter(organisation=org).count()
    imports.add_theme_mapping(actor=officer, organisation=org, name="Counter-Terrorism",
                              category=Category.objects.get(code="due_process"))
    again = run_file(officer, org, tmp_path, xlsx(uhri_rows()), "uhri")

    assert ThemeMapping.objects.filter(organisation=org).count() == mappings + 1
    assert counts(again) == ("done", 7, 0, 1, 6, 0)
    assert again.unmapped_themes == {}
    assert sorted(rec("a1b2-0001").themes.values_list("code", flat=True)) == ["detention_conditions", "due_process",
                                                                              "torture"]


# --- rejected rows ----------------------------------------------------------------------------------

def bad_rows():
    rows = uhri_rows()[:3]
    rows.append(uhri_row("a1b2-0009", "", "- Committee against Torture"))  # no text
    rows.append(uhri_row("a1b2-0010", "Some text.", "- UPR", session="forty", position="Maybe",
                         published="next spring"))
    rows.append(uhri_row("a1b2-0001", "Another text with the first row's key.", "- Committee against Torture"))
    rows.append(uhri_row("", "A row without its key.", "- Committee against Torture", sdgs="- Peace for all"))
    return rows


EXPECTED_REJECTED = [
    {"row": 5, "errors": [{"column": "Text", "message": "This field is required."}]},
    {"row": 6, "errors": [
        {"column": "Document Publication Date",
         "message": "Write a date as YYYY-MM-DD, or keep Excel's date. (“next spring”)"},
        {"column": "UPR Session", "message": "Write a UPR session as a number, such as 43. (“forty”)"},
        {"column": "UPR Position", "message": "Choose a value from the list. (“Maybe”)"}]},
    {"row": 7, "errors": [{"column": "OHCHR  annotation ID",
                           "message": "The same key is on row 2. Each recommendation needs its own."}]},
    {"row": 8, "errors": [
        {"column": "OHCHR  annotation ID", "message": "Each row needs its own key in this column."},
        {"column": "Sdgs", "message": "Write SDG targets as numbers such as 16.3 or 5.2."}]},
]


def test_any_rejected_row_imports_nothing_and_every_reason_is_listed(followup_staff, org, tmp_path):
    run = run_file(followup_staff["followup"], org, tmp_path, xlsx(bad_rows()), "uhri")

    assert counts(run) == ("rejected", 7, 0, 0, 0, 4)
    assert run.rejected == EXPECTED_REJECTED
    assert not Recommendation.objects.exists() and not Source.objects.exists()
    assert list(AuditEvent.objects.filter(action__startswith="followup.import").values_list("action", "data")) == [
        ("followup.import.check", {"rows": 7, "valid": 3, "rejected": 4, "format": "uhri", "import_valid": False}),
        ("followup.import.complete", {"status": "rejected", "created": 0, "updated": 0, "unchanged": 0,
                                      "rejected": 4})]


def test_the_valid_rows_are_imported_when_asked(followup_staff, org, tmp_path):
    run = run_file(followup_staff["followup"], org, tmp_path, xlsx(bad_rows()), "uhri", import_valid=True)

    assert counts(run) == ("done", 7, 3, 0, 0, 4)
    assert sorted(Recommendation.objects.values_list("external_key", flat=True)) == ["a1b2-0001", "a1b2-0002",
                                                                                     "a1b2-0003"]


def test_reasons_are_written_in_the_language_of_the_importer(followup_staff, org, tmp_path):
    run = run_file(followup_staff["followup"], org, tmp_path, xlsx(bad_rows()), "uhri", language="fr")
    arabic = run_file(followup_staff["followup"], org, tmp_path, xlsx(bad_rows()), "uhri", language="ar")

    assert run.rejected[0]["errors"][0]["message"] == "Ce champ est obligatoire."
    assert run.rejected[2]["errors"][0]["message"] == ("La même clé figure à la ligne 2. Chaque recommandation "
                                                       "doit avoir la sienne.")
    assert arabic.rejected[2]["errors"][0]["message"] == "المفتاح نفسه موجود في الصف 2. لكل توصية مفتاحها الخاص."
    # the cell's value quoted as each language quotes (never English curly quotes in Arabic)
    assert run.rejected[1]["errors"][1]["message"].endswith("(« forty »)")
    assert arabic.rejected[1]["errors"][1]["message"].endswith("(«forty»)")
    assert not [e for row in arabic.rejected for e in row["errors"] if "“" in e["message"]]


@pytest.mark.parametrize(("fmt", "data", "name", "message"), [
    ("uhri", b"", "x.xlsx", "The file is empty."),
    ("uhri", b"\xd0\xcf\x11\xe0rest", "old.xls", "Files from Excel 97-2003 (.xls) cannot be read. In Excel, save the "
     "file as “Excel Workbook (.xlsx)” or “CSV UTF-8”, then upload it again."),
    ("uhri", b"Text,Reccomending Body\nSome text,UPR\n", "x.csv",
     "The column “OHCHR Annotation Id” is missing from the first row. Check that the format chosen matches the file."),
    ("csv", b"key,text,source,colour\n1,t,s,red\n", "x.csv",
     "This column is not one of Mizan's: “colour”. Rename it as listed on the import page, or delete it."),
    ("csv", b"key,text,source\n", "x.csv", "The file has column names but no recommendation below them."),
    ("csv", "key,text,source\n1,\xe9t\xe9,s\n".encode("latin-1"), "x.csv",
     "The file is not in UTF-8. In Excel, choose “Save as” then “CSV UTF-8 (comma delimited)”; in LibreOffice, "
     "choose the character set “Unicode (UTF-8)”."),
])
def test_a_file_that_is_not_a_table_of_recommendations_is_refused_clearly(followup_staff, org, tmp_path, fmt, data,
                                                                          name, message):
    run = run_file(followup_staff["followup"], org, tmp_path, data, fmt, name=name)

    assert (run.status, run.error, Recommendation.objects.count()) == ("failed", message, 0)


# --- IMPACT OSS and Mizan's columns ---------------------------------------------------------------------

def test_impact_oss_export_with_support_levels_and_responses(followup_staff, org, tmp_path):
    text = ("Reference,Title,Description,Government response,Support\r\n"
            "R-1,Torture,Investigate all allegations of torture.,Accepted: a unit was set up in 2024.,2\r\n"
            "R-2,,Review the law on pre-trial detention.,,1\r\n"
            "R-3,Death penalty,Abolish the death penalty.,The State noted this recommendation.,0\r\n"
            "R-4,Access to lawyers,,,\r\n")
    run = run_file(followup_staff["followup"], org, tmp_path, text.encode(), "impact", name="impact.csv")

    assert counts(run) == ("done", 4, 4, 0, 0, 0)
    assert [(r.external_key, r.text, r.position, r.response) for r in Recommendation.objects.order_by("external_key")] \
        == [("R-1", "Torture\nInvestigate all allegations of torture.", "supported",
             "Accepted: a unit was set up in 2024."),
            ("R-2", "Review the law on pre-trial detention.", "partially_supported", ""),
            ("R-3", "Death penalty\nAbolish the death penalty.", "noted", "The State noted this recommendation."),
            ("R-4", "Access to lawyers", "not_decided", "")]
    source = Source.objects.get()
    assert (source.kind, source.body, source.title_ar) == ("other", "IMPACT OSS", "IMPACT OSS")


def test_mizan_columns_in_a_french_csv_with_arabic_headings(followup_staff, org, cat_source, tmp_path):
    text = ("\ufeffالمفتاح;النص;المصدر;نوع المصدر;المواضيع;الفئات المتضررة;موقف الدولة;الحالة;الاستحقاق\r\n"
            f"M-1;{AR_TEXT};{cat_source.title_en};treaty_body;torture|Conditions of detention;woman;supported;"
            "in_progress;2027-06-30\r\n"
            "M-2;Former les agents de police aux droits de l'homme.;Conférence de Hurghada;conference;"
            "Police conduct;;;;\r\n")
    run = run_file(followup_staff["followup"], org, tmp_path, text.encode(), "csv", name="recommandations.csv")

    assert counts(run) == ("done", 2, 2, 0, 0, 0)
    first, second = rec("M-1"), rec("M-2")
    assert (first.source_id, first.language, first.position, first.status, first.due_on, first.affected_groups) == (
        cat_source.pk, "ar", "supported", "in_progress", date(2027, 6, 30), ["woman"])
    assert sorted(first.themes.values_list("code", flat=True)) == ["detention_conditions", "torture"]
    assert (second.language, second.source.kind, second.source.title_ar, list(
        second.themes.values_list("code", flat=True))) == ("fr", "conference", "Conférence de Hurghada",
                                                           ["police_conduct"])


# --- the command ----------------------------------------------------------------------------------------

def command(*args):
    out = io.StringIO()
    code = 0
    try:
        call_command("import_recommendations", *args, stdout=out)
    except SystemExit as exc:
        code = exc.code
    return code, json.loads(out.getvalue())


def test_command_prints_one_json_object_and_records_the_system_as_import(org, tmp_path, followup_staff):
    path = write(tmp_path, xlsx(uhri_rows()))

    code, printed = command("--org", org.slug, str(path), "--language", "en")
    again = command("--org", org.slug, str(path), "--format", "uhri", "--as", "followup")

    assert (code, printed) == (0, {"created": 7, "updated": 0, "unchanged": 0, "rejected": 0, "status": "done",
                                   "rejected_rows": [], "unmapped_themes": {"Counter-terrorism": 1}})
    assert again[1]["unchanged"] == 7
    first, second = RecommendationImport.objects.order_by("pk")
    assert (first.requested_by, first.format, second.requested_by) == (None, "uhri", followup_staff["followup"])
    assert set(AuditEvent.objects.filter(action="followup.recommendation.import").values_list(
        "actor", "actor_label")) == {(None, "import")}


def test_command_refuses_a_file_with_rejected_rows_with_exit_code_1(org, tmp_path, followup_staff):
    code, printed = command("--org", org.slug, str(write(tmp_path, xlsx(bad_rows()))), "--language", "en")

    assert (code, printed["created"], printed["rejected"], printed["rejected_rows"]) == (1, 0, 4, EXPECTED_REJECTED)
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("who", ["intake", "officer", "analyst", "outsider", "nhri_followup"])
def test_command_as_someone_who_may_not_import_is_refused(org, tmp_path, followup_staff, who):
    with pytest.raises(CommandError):
        call_command("import_recommendations", "--org", org.slug, str(write(tmp_path, xlsx(uhri_rows()))),
                     "--as", followup_staff[who].username)
    assert not RecommendationImport.objects.exists() and not Recommendation.objects.exists()


# --- who may import -------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["intake", "officer", "officer2", "analyst", "auditor"])
def test_who_may_not_import_changes_nothing(followup_staff, who):
    before = AuditEvent.objects.count()
    upload = SimpleUploadedFile("uhri.xlsx", xlsx(uhri_rows()))

    with pytest.raises(NotAllowed):
        import_jobs.start_import(actor=followup_staff[who], name="uhri.xlsx", upload=upload, fmt="uhri")

    assert (RecommendationImport.objects.count(), Recommendation.objects.count(), AuditEvent.objects.count()) == (
        0, 0, before)


def test_an_outsider_imports_into_their_own_organisation_only(followup_staff, org, other_org):
    upload = SimpleUploadedFile("uhri.xlsx", xlsx(uhri_rows()))

    run = import_jobs.start_import(actor=followup_staff["nhri_followup"], name="uhri.xlsx", upload=upload, fmt="uhri")

    assert (run.organisation, run.status, run.created_count) == (other_org, "done", 7)
    assert set(Recommendation.objects.values_list("organisation", flat=True)) == {other_org.pk}
    assert not Source.objects.filter(organisation=org).exists()


# --- the desk's import page --------------------------------------------------------------------------------

URL = "/desk/followup/imports/"


@pytest.fixture
def login(db):
    def build(user, lang="en"):
        client = Client()
        client.force_login(user)
        client.cookies["mizan_language"] = lang
        return client

    return build


def test_a_small_file_is_checked_and_imported_at_once_and_its_report_shown(followup_staff, login):
    client = login(followup_staff["followup"])

    response = client.post(URL, {"format": "uhri", "file": SimpleUploadedFile("UHRI export.xlsx", xlsx(bad_rows()))})

    run = RecommendationImport.objects.get()
    assert response.status_code == 303 and response["Location"] == reverse("followup:import", args=[run.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Rejected: nothing imported" in page
    assert "Write a UPR session as a number, such as 43. (“forty”)" in page
    assert "UPR Session" in page and "hx-get" not in page
    events = list(AuditEvent.objects.filter(action__startswith="followup.import").values_list("action", "actor"))
    assert events == [("followup.import.check", followup_staff["followup"].pk),
                      ("followup.import.complete", followup_staff["followup"].pk)]


def test_a_large_file_goes_to_the_worker_and_its_page_refreshes_until_done(followup_staff, login, monkeypatch,
                                                                            django_capture_on_commit_callbacks):
    monkeypatch.setattr(import_jobs, "INLINE_BYTES", 10)
    client = login(followup_staff["followup"])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(URL, {"format": "uhri", "file": SimpleUploadedFile("big.xlsx", xlsx(uhri_rows()))})
    run = RecommendationImport.objects.get()
    waiting = client.get(response["Location"]).content.decode()
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    for callback in callbacks:
        callback()
    done = client.get(response["Location"]).content.decode()

    assert run.status == "pending" and run.stored_name
    page_url = reverse("followup:import", args=[run.pk])
    assert f'hx-get="{page_url}"' in waiting
    assert f'href="{page_url}"' in waiting  # the refresh link for a browser without scripts
    assert fragment.startswith('<div id="import-status"')
    assert "hx-get" not in done and "Imported" in done
    run.refresh_from_db()
    assert (run.status, run.created_count, run.stored_name) == ("done", 7, "")


@pytest.mark.parametrize("who", ["intake", "officer", "analyst", "auditor"])
def test_the_import_pages_are_not_found_for_who_may_not_import(followup_staff, login, who):
    own = import_jobs.start_import(actor=followup_staff["followup"], name="u.xlsx",
                                   upload=SimpleUploadedFile("u.xlsx", xlsx(uhri_rows())), fmt="uhri")
    mapping = ThemeMapping.objects.first()
    client = login(followup_staff[who])

    statuses = [client.get(URL).status_code,
                client.post(URL, {"format": "uhri", "file": SimpleUploadedFile("u.xlsx", xlsx(uhri_rows()))})
                .status_code,
                client.get(reverse("followup:import", args=[own.pk])).status_code,
                client.get(reverse("followup:import_themes")).status_code,
                client.post(reverse("followup:import_theme_remove", args=[mapping.pk])).status_code]

    assert statuses == [404, 404, 404, 404, 404]
    assert (RecommendationImport.objects.count(), ThemeMapping.objects.filter(pk=mapping.pk).exists()) == (1, True)


@pytest.mark.parametrize("who", ["outsider", "nhri_followup"])
def test_another_organisations_import_is_not_found(followup_staff, login, who):
    own = import_jobs.start_import(actor=followup_staff["followup"], name="ministry.xlsx",
                                   upload=SimpleUploadedFile("ministry.xlsx", xlsx(uhri_rows())), fmt="uhri")
    mapping = ThemeMapping.objects.first()
    client = login(followup_staff[who])

    page = client.get(URL)
    statuses = [client.get(reverse("followup:import", args=[own.pk])).status_code,
                client.post(reverse("followup:import_theme_remove", args=[mapping.pk])).status_code]

    assert page.status_code == 200 and "ministry.xlsx" not in page.content.decode()
    assert statuses == [404, 404]
    assert ThemeMapping.objects.filter(pk=mapping.pk).exists()


def test_the_import_page_lists_recent_imports_in_the_same_number_of_queries(followup_staff, login, org):
    client = login(followup_staff["followup"])

    def make():
        RecommendationImport.objects.create(organisation=org, requested_by=followup_staff["followup"],
                                            original_name="u.xlsx", format="uhri", status="done", total_rows=3,
                                            created_count=3)

    make()
    with CaptureQueriesContext(connection) as one:
        page = client.get(URL)
    make()
    make()
    with CaptureQueriesContext(connection) as three:
        client.get(URL)

    assert page.status_code == 200
    assert len(one) == len(three)


def test_the_import_page_refuses_a_file_with_a_clear_message_and_keeps_the_choice(followup_staff, login):
    client = login(followup_staff["followup"], "fr")

    response = client.post(URL, {"format": "impact", "import_valid": "1",
                                 "file": SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0rest")})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Les fichiers d’Excel 97-2003 (.xls)" in page or "97-2003" in page
    assert '<option value="impact" selected>' in page and 'name="import_valid" value="1" checked' in page
    assert not RecommendationImport.objects.exists()


def test_theme_mappings_are_listed_and_edited_on_the_desk(followup_staff, login, org):
    client = login(followup_staff["followup"])
    torture = Category.objects.get(code="torture")

    added = client.post(reverse("followup:import_themes"), {"name": "Counter-terrorism", "category": "due_process"})
    mapping = ThemeMapping.objects.get(organisation=org)
    page = client.get(reverse("followup:import_themes")).content.decode()
    removed = client.post(reverse("followup:import_theme_remove", args=[mapping.pk]))
    outsider = login(followup_staff["nhri_followup"]).post(
        reverse("followup:import_themes"), {"name": "x", "category": torture.code})

    assert added.status_code == removed.status_code == outsider.status_code == 303
    assert "counter-terrorism" in page and torture.label_en in page
    assert ">due_process<" not in page and ">torture<" not in page  # people read names, not codes
    assert not ThemeMapping.objects.filter(organisation=org).exists()
    assert list(ThemeMapping.objects.values_list("organisation__slug", "name")) == [(
        followup_staff["nhri_followup"].membership.organisation.slug, "x")]
    assert list(AuditEvent.objects.filter(action__startswith="followup.theme_mapping").values_list(
        "action", flat=True)) == ["followup.theme_mapping.add", "followup.theme_mapping.remove",
                                  "followup.theme_mapping.add"]


def test_the_recommendation_page_shows_the_response_of_the_state_and_the_import_key(followup_staff, org, login,
                                                                                    tmp_path):
    text = ("Reference,Title,Description,Government response,Support\r\n"
            "R-1,Torture,Investigate all allegations of torture.,تم إنشاء وحدة للتحقيق في عام 2024.,2\r\n")
    run_file(followup_staff["followup"], org, tmp_path, text.encode(), "impact", name="impact.csv")
    recommendation = rec("R-1")

    page = login(followup_staff["analyst"], "ar").get(reverse("followup:recommendation", args=[recommendation.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert "رد الدولة والاستيراد" in body and "مفتاح الاستيراد" in body
    assert '<dd class="message-body" dir="auto">تم إنشاء وحدة للتحقيق في عام 2024.</dd>' in body
    assert '<span dir="ltr" translate="no">R-1</span>' in body


def test_an_organisation_admin_edits_the_table_in_the_admin_for_their_organisation_only(followup_staff, org,
                                                                                        other_org):
    admin_user = followup_staff["admin"]
    admin_user.is_staff = True
    admin_user.save(update_fields=["is_staff"])
    ThemeMapping.objects.create(organisation=other_org, name="theirs", category=Category.objects.get(code="torture"))
    client = Client()
    client.force_login(admin_user)
    category = Category.objects.get(code="due_process")

    added = client.post("/admin/followup/thememapping/add/", {"name": "  Counter   Terrorism ", "category": category.pk})
    again = client.post("/admin/followup/thememapping/add/", {"name": "counter terrorism", "category": category.pk})
    listed = client.get("/admin/followup/thememapping/").content.decode()

    assert added.status_code == 302 and again.status_code == 200
    assert list(ThemeMapping.objects.filter(organisation=org).values_list("name", "category__code")) == [
        ("counter terrorism", "due_process")]
    assert "counter terrorism" in listed and "theirs" not in listed
