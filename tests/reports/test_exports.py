"""Exports of case lists and statistics: contents, languages, redaction, permissions, background
writing, downloads, expiry and bounded memory."""

import csv
import hashlib
import io
import json
import tracemalloc
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Case
from mizan.reports import exports
from mizan.reports.models import Export
from mizan.triage.privacy import store_pii_spans

from .conftest import NARRATIVE, NARRATIVE_MASKED, at

CASES_URL = reverse("reports:export_cases")
STATS_URL = reverse("reports:export_statistics")


def post_export(client, commit, *, columns, fmt="csv", params=None, **extra):
    data = {"format": fmt, "columns": columns, **(params or {}), **extra}
    with commit():
        return client.post(CASES_URL, data)


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8 only with its BOM
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def workbook(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what is queued on commit (the export task runs inline in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- contents ---------------------------------------------------------------------------------------

def test_export_csv_english_headers_chosen_columns_redacted_by_default(staff, cases, login, commit):
    client = login(staff["supervisor"], "en")

    response = post_export(client, commit, columns=["reference", "received", "status", "urgency", "categories",
                                                    "narrative", "complainant_name", "complainant_phone"])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mizan-cases-')
    rows = read_csv(response)
    a, b, c = cases["a"], cases["b"], cases["c"]
    assert rows == [
        ["Reference", "Received", "Status", "Urgency", "Categories", "What happened", "Complainant's name",
         "Complainant's phone"],
        [c.reference, "2026-11-02 10:00", "Received", "Normal", "Enforced disappearance, incommunicado detention",
         "'" + c.narrative, "▇▇▇", ""],
        [b.reference, "2026-10-05 10:00", "Received", "Normal", "Torture and ill-treatment",
         "They beat me at the Dokki station and kept me two days.", "", ""],
        [a.reference, "2026-10-03 10:00", "Received", "High", "Torture and ill-treatment; Arbitrary arrest and detention",
         NARRATIVE_MASKED, "▇▇▇", "▇▇▇"],
    ]
    export = Export.objects.get()
    assert (export.status, export.streamed, export.row_count, export.unredacted) == ("done", True, 3, False)


def test_export_xlsx_arabic_headers_right_to_left_in_the_background(staff, cases, login, commit):
    client = login(staff["supervisor"], "ar")

    response = post_export(client, commit, fmt="xlsx", columns=["reference", "status", "urgency", "categories"])

    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:export", args=[export.pk])
    assert (export.status, export.streamed, export.language, export.row_count) == ("done", False, "ar", 3)
    download = client.get(reverse("reports:export_download", args=[export.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = workbook(download)
    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft is True
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["الرقم المرجعي", "الحالة", "درجة الاستعجال", "التصنيفات"]
    assert [row[0] for row in values[1:]] == [cases["c"].reference, cases["b"].reference, cases["a"].reference]
    assert values[3] == [cases["a"].reference, "مستلَمة", "عالية", "التعذيب وسوء المعاملة; القبض والاحتجاز التعسفي"]
    about = book.worksheets[1]
    assert about.sheet_view.rightToLeft is True
    assert [row[1].value for row in about.iter_rows()][4] == 3  # the number of cases, in the about sheet


def test_export_xlsx_english_is_left_to_right_and_dates_are_dates(staff, cases, login, commit):
    client = login(staff["supervisor"], "en")

    post_export(client, commit, fmt="xlsx", columns=["reference", "received", "first_action_due", "overdue"])

    export = Export.objects.get()
    sheet = workbook(client.get(reverse("reports:export_download", args=[export.pk]))).worksheets[0]
    assert not sheet.sheet_view.rightToLeft
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    a = Case.objects.get(pk=cases["a"].pk)
    assert rows[0] == ["Reference", "Received", "First action due", "Overdue"]
    assert rows[3][1] == timezone.localtime(a.received_at).replace(tzinfo=None)
    assert rows[3][2].date() == a.first_action_due
    assert rows[3][3] == ("Yes" if a.is_overdue() else "No")


def test_export_text_that_looks_like_a_formula_stays_text(staff, cases, login, commit):
    client = login(staff["supervisor"], "en")

    post_export(client, commit, fmt="xlsx", columns=["reference", "narrative"], params={"q": cases["c"].reference})

    export = Export.objects.get()
    sheet = workbook(client.get(reverse("reports:export_download", args=[export.pk]))).worksheets[0]
    cell = sheet["B2"]
    assert (cell.value, cell.data_type) == (cases["c"].narrative, "s")


def test_export_follows_the_queue_filters(staff, cases, login, commit):
    client = login(staff["supervisor"], "en")

    response = post_export(client, commit, columns=["reference"], params={"view": "all", "urgency": "high"})
    assert read_csv(response) == [["Reference"], [cases["a"].reference]]

    response = post_export(client, commit, columns=["reference"], params={"view": "all", "from": "2026-10-04",
                                                                          "to": "2026-10-31"})
    assert read_csv(response) == [["Reference"], [cases["b"].reference]]


def test_export_uses_the_stored_personal_data_spans(staff, cases, login, commit):
    store_pii_spans(cases["a"])  # what triage stores; the export masks from it
    client = login(staff["supervisor"], "en")

    response = post_export(client, commit, columns=["narrative"], params={"urgency": "high"})

    assert read_csv(response) == [["What happened"], [NARRATIVE_MASKED]]


def test_export_page_offers_columns_count_and_personal_data_only_to_who_may(staff, cases, login, supervisor2):
    response = login(staff["supervisor"], "en").get(CASES_URL, {"view": "all", "urgency": "high"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "1 case matches the filters of the list." in text
    assert '<input type="hidden" name="urgency" value="high">' in text
    assert 'name="unredacted"' in text
    assert 'value="complainant_name"' in text

    response = login(supervisor2, "en").get(CASES_URL)
    assert response.status_code == 200
    assert 'name="unredacted"' not in response.content.decode()


def test_queue_export_button_carries_the_filters(staff, cases, login):
    response = login(staff["supervisor"], "en").get(reverse("desk:queue"), {"view": "all", "urgency": "high"})
    assert f'href="{CASES_URL}?view=all&amp;urgency=high"' in response.content.decode()

    response = login(staff["officer"], "en").get(reverse("desk:queue"), {"view": "all"})
    assert CASES_URL not in response.content.decode()


# --- personal data ------------------------------------------------------------------------------------

def test_export_unredacted_needs_a_reason_and_is_audited_without_personal_data(staff, cases, login, commit):
    client = login(staff["supervisor"], "en")
    columns = ["reference", "narrative", "complainant_name", "complainant_national_id", "complainant_phone"]

    refused = post_export(client, commit, columns=columns, params={"urgency": "high"}, unredacted="1", reason=" ")
    assert refused.status_code == 400
    assert "Write why you need the personal data." in refused.content.decode()
    assert Export.objects.count() == 0
    assert audit("export.request") == []

    reason = "Court order 77/2026 asks for the complainant's statement"
    response = post_export(client, commit, columns=columns, params={"urgency": "high"}, unredacted="1", reason=reason)

    assert read_csv(response) == [
        ["Reference", "What happened", "Complainant's name", "Complainant's identity number", "Complainant's phone"],
        [cases["a"].reference, NARRATIVE, "منى عبد الله", "29001011234567", "01001234567"],
    ]
    export = Export.objects.get()
    assert (export.unredacted, export.reason) == (True, reason)
    [requested] = audit("export.request")
    [completed] = audit("export.complete")
    assert requested.data == {"export": export.pk, "kind": "cases", "format": "csv", "columns": columns, "rows": 1,
                              "filters": ["urgency"], "unredacted": True, "reason_chars": len(reason), "streamed": True}
    assert completed.data == {"export": export.pk, "rows": 1, "persons_revealed": 1}
    assert (requested.actor, requested.target_type, requested.target_id) == (staff["supervisor"], "export", str(export.pk))
    stored = json.dumps([requested.data, completed.data], ensure_ascii=False)
    for secret in ("منى", "29001011234567", "01001234567", "mona@example.org", "Court order"):
        assert secret not in stored


@pytest.mark.parametrize("who", ["supervisor2", "admin"])
def test_export_unredacted_refused_without_the_identity_permission(staff, cases, login, commit, supervisor2, who):
    user = supervisor2 if who == "supervisor2" else staff["admin"]
    client = login(user, "en")

    response = post_export(client, commit, columns=["complainant_name"], unredacted="1", reason="curious")

    assert response.status_code == 404
    assert Export.objects.count() == 0
    assert audit("export.request") == []


def test_export_never_unredacted_where_identities_need_a_second_persons_approval(staff, org, cases, login, commit):
    org.identity_reveal_needs_approval = True
    org.save()
    client = login(staff["supervisor"], "en")

    page = client.get(CASES_URL).content.decode()
    response = post_export(client, commit, columns=["complainant_name"], unredacted="1", reason="court order")

    assert 'name="unredacted"' not in page
    assert "Your organisation requires a second person's approval before identities are seen" in page
    assert response.status_code == 404
    assert Export.objects.count() == 0


# --- who may export ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["analyst", "auditor", "officer", "intake"])
def test_export_case_rows_refused_to_roles_without_export_and_case_access(staff, cases, login, commit, who):
    client = login(staff[who], "en")

    assert client.get(CASES_URL).status_code == 404
    response = post_export(client, commit, columns=["reference", "narrative"])

    assert response.status_code == 404
    assert Export.objects.count() == 0


def test_outsider_exports_only_their_own_organisation(staff, cases, login, commit):
    client = login(staff["outsider"], "en")

    response = post_export(client, commit, columns=["reference"], params={"view": "all"})
    statistics = client.post(STATS_URL, {"format": "csv"})

    assert read_csv(response) == [["Reference"]]
    assert statistics.status_code == 302
    assert Export.objects.get(kind="statistics").organisation == staff["outsider"].membership.organisation


def test_analyst_exports_statistics_only(staff, cases, login, commit):
    client = login(staff["analyst"], "en")
    assert client.get(CASES_URL).status_code == 404

    with commit():
        response = client.post(STATS_URL, {"format": "csv", "from": "2026-10-01", "to": "2026-10-31"})

    export = Export.objects.get()
    assert response.status_code == 302
    assert (export.kind, export.status, export.columns, export.filters) == (
        "statistics", "done", [], {"from": ["2026-10-01"], "to": ["2026-10-31"]})
    rows = read_csv(client.get(reverse("reports:export_download", args=[export.pk])))
    tables = {}
    for block in "\n".join("\t".join(row) for row in rows).split("\n\n"):
        title, *lines = block.split("\n")
        tables[title] = [line.split("\t") for line in lines]
    assert list(tables) == ["Summary", "Complaints by status", "Allegations by category", "Outcomes by category",
                            "Governorate", "Places", "Vulnerable groups", "Channels", "Deadlines", "Complaints by month"]
    assert tables["Summary"] == [["Item", "Value"], ["From", "2026-10-01"], ["To", "2026-10-31"],
                                 ["Complaints received", "2"], ["Open", "2"], ["Closed", "0"], ["Allegations", "3"]]
    assert tables["Allegations by category"] == [["Category", "Allegations", "Complaints"],
                                                 ["Torture and ill-treatment", "2", "2"],
                                                 ["Arbitrary arrest and detention", "1", "1"]]
    assert tables["Outcomes by category"][-1] == ["Total", "0", "0", "0", "0", "0", "3", "3"]
    assert tables["Governorate"] == [["Governorate", "Complaints", "Allegations"], ["Giza", "1", "2"],
                                     ["Not stated", "1", "1"]]
    assert tables["Complaints by month"] == [["Month", "Complaints received", "The same days a year earlier"],
                                             ["2026-10", "2", "0"]]
    body = json.dumps(rows, ensure_ascii=False)
    assert cases["a"].reference not in body and "منى" not in body


def test_analyst_exports_the_statistics_of_the_dashboards_filters(staff, cases, login, commit):
    """"Export these statistics" on a drilled-down dashboard: the export page names the filters
    and keeps them, and the export counts only those complaints."""
    client = login(staff["analyst"], "en")
    page = client.get(STATS_URL, {"from": "2026-10-01", "to": "2026-10-31", "category": "arbitrary_detention"})
    text = page.content.decode()
    assert page.status_code == 200
    assert '<input type="hidden" name="category" value="arbitrary_detention">' in text
    assert "Only the complaints selected on the dashboard" in text and "Arbitrary arrest and detention" in text

    with commit():
        response = client.post(STATS_URL, {"format": "csv", "from": "2026-10-01", "to": "2026-10-31",
                                           "category": "arbitrary_detention"})

    export = Export.objects.get()
    assert response.status_code == 302
    assert export.filters == {"from": ["2026-10-01"], "to": ["2026-10-31"], "category": ["arbitrary_detention"]}
    rows = read_csv(client.get(reverse("reports:export_download", args=[export.pk])))
    tables = {}
    for block in "\n".join("\t".join(row) for row in rows).split("\n\n"):
        title, *lines = block.split("\n")
        tables[title] = [line.split("\t") for line in lines]
    assert tables["Summary"] == [["Item", "Value"], ["From", "2026-10-01"], ["To", "2026-10-31"],
                                 ["Category", "Arbitrary arrest and detention"],
                                 ["Complaints received", "1"], ["Open", "1"], ["Closed", "0"], ["Allegations", "1"]]
    assert tables["Allegations by category"] == [["Category", "Allegations", "Complaints"],
                                                 ["Arbitrary arrest and detention", "1", "1"]]


def test_statistics_export_ignores_a_filter_that_names_nothing(staff, cases, login, commit):
    client = login(staff["analyst"], "en")
    with commit():
        client.post(STATS_URL, {"format": "csv", "from": "2026-10-01", "to": "2026-10-31", "category": "no-such"})
    rows = read_csv(client.get(reverse("reports:export_download", args=[Export.objects.get().pk])))
    assert ["Complaints received", "2"] in rows and ["Category", "no-such"] not in rows


def test_statistics_xlsx_one_sheet_per_table_arabic_rtl(staff, cases, login, commit):
    client = login(staff["analyst"], "ar")

    with commit():
        client.post(STATS_URL, {"format": "xlsx", "from": "2026-10-01", "to": "2026-11-30"})

    export = Export.objects.get()
    book = workbook(client.get(reverse("reports:export_download", args=[export.pk])))
    assert len(book.worksheets) == 11  # ten tables and "about this export"
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    assert book.worksheets[4].title == "المحافظة"  # named as the organisation names its divisions
    by_month = [[c.value for c in row] for row in book.worksheets[9].iter_rows()]
    assert by_month[1:] == [["2026-10", 2, 0], ["2026-11", 1, 0]]
    summary = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert summary[3][1] == 3  # complaints received


def test_export_of_another_organisation_is_not_found(staff, cases, login, commit, supervisor2):
    post_export(login(staff["supervisor"], "en"), commit, fmt="xlsx", columns=["reference"])
    export = Export.objects.get()
    detail, download = reverse("reports:export", args=[export.pk]), reverse("reports:export_download", args=[export.pk])

    for user in (staff["outsider"], staff["admin"], staff["analyst"], staff["officer"]):
        client = login(user)
        assert client.get(detail).status_code == 404
        assert client.get(download).status_code == 404
        assert export.pk not in [e.pk for e in exports_list(client)]
    assert client.get(reverse("reports:export_download", args=[export.pk + 1000])).status_code == 404
    assert audit("export.download") == []

    # A supervisor of the same organisation may download a redacted export.
    assert login(supervisor2).get(download).status_code == 200
    [event] = audit("export.download")
    assert (event.actor, event.data) == (supervisor2, {"export": export.pk, "requested_by": staff["supervisor"].pk})


def exports_list(client):
    """The exports the list page shows to `client` (none when the page is not for them)."""
    response = client.get(reverse("reports:exports"))
    return [row["export"] for row in response.context["rows"]] if response.status_code == 200 else []


def test_unredacted_export_downloads_only_for_its_requester(staff, cases, login, commit, supervisor2):
    client = login(staff["supervisor"])
    post_export(client, commit, fmt="xlsx", columns=["complainant_name"], unredacted="1", reason="court order")
    export = Export.objects.get()
    download = reverse("reports:export_download", args=[export.pk])

    other = login(supervisor2)
    assert other.get(reverse("reports:export", args=[export.pk])).status_code == 200
    assert "only the person who asked for it can download it" in other.get(
        reverse("reports:export", args=[export.pk])).content.decode()
    assert other.get(download).status_code == 404
    assert client.get(download).status_code == 200


# --- background, progress, download, expiry ----------------------------------------------------------------

def test_background_export_progress_page_and_download(staff, cases, login, commit, settings):
    settings.MIZAN_EXPORT_DIRECT_ROWS = 0  # even three cases go to the background
    client = login(staff["supervisor"], "en")

    response = post_export(client, commit, columns=["reference", "status"])

    export = Export.objects.get()
    assert response.status_code == 302
    assert (export.status, export.progress, export.row_count, export.streamed) == ("done", 3, 3, False)
    assert len(export.file_name) == 44 and export.file_name.endswith(".csv")
    assert default_storage.exists(f"exports/{export.file_name}")
    assert export.expires_at == export.finished_at + timedelta(days=7)
    page = client.get(reverse("reports:export", args=[export.pk])).content.decode()
    assert reverse("reports:export_download", args=[export.pk]) in page
    assert "hx-trigger" not in page  # finished: no more polling
    download = client.get(reverse("reports:export_download", args=[export.pk]))
    assert download["Content-Disposition"] == f'attachment; filename="{export.download_name()}"'
    assert read_csv(download) == [["Reference", "Status"], [cases["c"].reference, "Received"],
                                  [cases["b"].reference, "Received"], [cases["a"].reference, "Received"]]
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="export.").order_by("id")] == [
        "export.request", "export.complete", "export.download"]


def test_pending_export_page_polls_with_htmx_and_offers_a_refresh_link(staff, cases, login, settings):
    settings.MIZAN_EXPORT_DIRECT_ROWS = 0
    client = login(staff["supervisor"], "en")
    client.post(CASES_URL, {"format": "xlsx", "columns": ["reference"]})  # on-commit not run: stays pending
    export = Export.objects.get()
    url = reverse("reports:export", args=[export.pk])

    page = client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()

    assert export.status == "pending"
    assert f'hx-get="{url}" hx-trigger="every 2s"' in page
    assert f'<a href="{url}">Refresh</a>' in page
    assert partial.startswith('<section id="export-status"') and "<html" not in partial
    assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404

    assert exports.write_export(export.pk) == "done"
    assert exports.write_export(export.pk) == "not pending"  # idempotent
    assert "hx-trigger" not in client.get(url, headers={"HX-Request": "true"}).content.decode()


def test_export_task_refuses_a_requester_who_lost_the_right(staff, cases, login, settings):
    settings.MIZAN_EXPORT_DIRECT_ROWS = 0
    client = login(staff["supervisor"], "en")
    client.post(CASES_URL, {"format": "csv", "columns": ["reference"]})
    export = Export.objects.get()
    membership = staff["supervisor"].membership
    membership.role = "case_officer"
    membership.save()

    assert exports.write_export(export.pk) == "refused"

    export.refresh_from_db()
    assert (export.status, export.file_name) == ("failed", "")
    assert export.error == "The person who asked for this export may no longer export this data."


def test_sweep_deletes_expired_files_and_fails_interrupted_exports(staff, cases, login, commit, settings):
    settings.MIZAN_EXPORT_DIRECT_ROWS = 0
    client = login(staff["supervisor"], "en")
    post_export(client, commit, columns=["reference"])
    done = Export.objects.get()
    client.post(CASES_URL, {"format": "csv", "columns": ["reference"]})  # stays pending
    stuck = Export.objects.exclude(pk=done.pk).get()
    path = f"exports/{done.file_name}"

    assert exports.sweep_exports() == {"expired": 0, "interrupted": 0, "partial_files": 0}
    result = exports.sweep_exports(now=timezone.now() + timedelta(days=8))

    assert result == {"expired": 1, "interrupted": 1, "partial_files": 0}
    done.refresh_from_db()
    stuck.refresh_from_db()
    assert (done.status, done.file_name, default_storage.exists(path)) == ("expired", "", False)
    assert (stuck.status, stuck.error) == ("failed", "The export was interrupted. Ask for it again.")
    assert client.get(reverse("reports:export_download", args=[done.pk])).status_code == 404


def test_export_query_count_does_not_grow_with_the_cases(staff, org, places, file_case, login, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MIZAN_EXPORT_DIRECT_ROWS = 0
    client = login(staff["supervisor"], "en")
    every = ["reference", "status", "categories", "vulnerabilities", "governorate", "facility", "unit", "officer",
             "findings", "outcome", "narrative", "messages", "internal_notes", "complainant_name", "victim_name"]

    def queries(n):
        Case.objects.all().delete()
        for i in range(n):
            file_case(f"ضربوني في القسم رقم {i}", vulnerabilities=["woman"])
        client.post(CASES_URL, {"format": "xlsx", "columns": every, "view": "all"})
        export = Export.objects.order_by("-id").first()
        with CaptureQueriesContext(connection) as captured:
            assert exports.write_export(export.pk) == "done"
        return len(captured)

    assert queries(1) == queries(3)


# --- bounded memory ---------------------------------------------------------------------------------------

def _bulk_cases(org, places, n):
    rows = [Case(organisation=org, reference=f"EG-2025-{i:06d}", receipt_hash=hashlib.sha256(str(i).encode()).hexdigest(),
                 channel="web", narrative=f"احتجزوني في قسم الدقي يومين واتصلوا بي على هاتف 0100{i:07d}",
                 facility=places["station"], governorate=places["giza"],
                 received_at=at("2025-01-01") + timedelta(hours=9, minutes=i))
            for i in range(n)]
    Case.objects.bulk_create(rows, batch_size=500)


def _peak_bytes(export_pk) -> int:
    tracemalloc.start()
    try:
        assert exports.write_export(export_pk) == "done"
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_number_of_rows(staff, org, places, login, settings, monkeypatch):
    settings.MIZAN_EXPORT_DIRECT_ROWS = 0
    monkeypatch.setattr(exports, "CHUNK", 100)  # many chunks with few rows (tracemalloc is slow)
    _bulk_cases(org, places, 1500)
    client = login(staff["supervisor"], "en")
    columns = ["reference", "received", "status", "categories", "governorate", "facility", "narrative"]
    client.post(CASES_URL, {"format": "xlsx", "columns": columns, "view": "all", "to": "2025-01-01"})
    client.post(CASES_URL, {"format": "xlsx", "columns": columns, "view": "all"})
    small, large = Export.objects.order_by("id")

    small_peak, large_peak = _peak_bytes(small.pk), _peak_bytes(large.pk)

    small.refresh_from_db()
    large.refresh_from_db()
    assert (small.row_count, large.row_count) == (300, 1500)  # 19:00 to midnight on the first day, and all
    # Five times the rows, the same memory: rows are streamed and each chunk is freed, never collected.
    assert large_peak < small_peak * 1.15, (small_peak, large_peak)
    assert large_peak < 20 * 1024 * 1024
    sheet = load_workbook(default_storage.open(f"exports/{large.file_name}"), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1501
    # The "all" tab's order, as in the desk: most urgent first (all are normal here), then oldest.
    assert rows[1][0] == "EG-2025-000000" and rows[1][6].endswith("على هاتف ▇▇▇") and "0100" not in rows[1][6]
