"""The statistics journey, in a real browser, in Arabic (the default language).

An analyst logs in and opens the overview dashboard: aggregates only, no number opens a case list
(analysts have no right to see cases: `view_case` in complaints/access.py) → the analyst drills
down from a number (the torture allegations) into the statistics of those complaints alone (the
dashboard narrowed to the category, same period) → exports those statistics (Excel, written in the
background: the progress page until the file is done), downloads the file and it holds the
filtered figures → downloads the impact report of that view (a PDF with Arabic text, checked with
pdftotext). A supervisor, who may see cases, then drills from the same number into the case
list itself (exactly those cases), exports that list (redacted) and downloads the report too.
Screenshots of every step (see conftest.py).
"""

import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Category
from mizan.reports.models import Export
from tests.browser.conftest import log_in
from tests.reports import dashboard_data
from tests.reports.dashboard_data import period

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

dataset = dashboard_data.dataset  # the dashboard tests' data set, with known figures
NAME = "منى عبد الله"  # the named complainants of the data set


def pdf_text(path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)")
    return subprocess.run([tool, str(path), "-"], capture_output=True, check=True).stdout.decode()


def show_pdf(context, shots, path, name):
    """A screenshot of the PDF's first page (pdftoppm), shown in a page of the browser."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.fail("pdftoppm not found: install poppler-utils (apt-get install -y poppler-utils)")
    subprocess.run([tool, "-r", "80", "-png", "-f", "1", "-l", "2", str(path), str(path.with_suffix(""))],
                   check=True)
    viewer = context.new_page()
    for png in sorted(path.parent.glob(f"{path.stem}-*.png")):
        viewer.goto(png.as_uri())
        shots(viewer, f"{name}-{png.stem.rsplit('-', 1)[-1]}")
    viewer.close()


def download_report(page, tmp_path, name):
    with page.expect_download() as info:
        page.locator("#impact-report").click()
    path = tmp_path / f"{name}.pdf"
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith("-ar.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    return path


def test_analyst_drills_exports_and_downloads_the_report_then_a_supervisor_lists_the_cases(live_server, chromium, shots, org, staff, dataset, tmp_path):
    base = live_server.url
    p = period()
    dashboard = f"{base}/desk/reports/?from={p.start.isoformat()}&to={p.end.isoformat()}"
    torture = Category.objects.get(code="torture")

    # --- the analyst: the overview dashboard, aggregates only -------------------------------------
    analyst_context = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900},
                                           accept_downloads=True)
    analyst = log_in(analyst_context, base, "analyst")
    analyst.goto(dashboard)
    assert analyst.locator("html").get_attribute("dir") == "rtl"
    assert analyst.locator(".stat-number").first.inner_text().strip() == "5"  # complaints received
    assert analyst.locator("main a[href*='/desk/?']").count() == 0  # no number opens a case list
    shots(analyst, "analyst-dashboard")

    # --- the analyst drills down: the statistics of the torture complaints alone -----------------
    cell = analyst.locator("#categories tbody tr").filter(has_text=torture.label_ar).locator("td").first
    allegations = int(cell.inner_text().strip())
    assert allegations == 4  # four torture allegations, held by three complaints
    cell.locator("a").click()
    analyst.wait_for_url(re.compile(r"/desk/reports/\?.*category=torture"))
    assert analyst.locator("#s-category").input_value() == "torture"
    headline = [n.strip() for n in analyst.locator(".stat-number").all_inner_texts()]
    assert headline[0] == "3"  # complaints received (fresh, late, new)
    assert analyst.locator("main a[href*='/desk/?']").count() == 0
    shots(analyst, "analyst-dashboard-torture")

    # --- the analyst exports these statistics (Excel, written in the background) ------------------
    analyst.locator("#export-statistics").click()
    analyst.wait_for_url(re.compile(r"/desk/reports/exports/statistics/\?.*category=torture"))
    assert torture.label_ar in analyst.inner_text("#export-filters")
    analyst.check("input[name=format][value=xlsx]")
    shots(analyst, "analyst-statistics-export-form")
    analyst.locator("form[action$='/exports/statistics/'] [type=submit]").click()
    analyst.wait_for_url(re.compile(r"/desk/reports/exports/\d+/$"))
    download_link = analyst.locator("#export-status a[href$='/download/']")
    download_link.wait_for(timeout=60_000)
    shots(analyst, "analyst-statistics-export-done")
    with analyst.expect_download() as info:
        download_link.click()
    stats_path = tmp_path / info.value.suggested_filename
    info.value.save_as(stats_path)
    assert stats_path.suffix == ".xlsx"
    stats_export = Export.objects.get(kind="statistics")
    assert stats_export.filters["category"] == ["torture"] and stats_export.status == "done"
    summary = [tuple(v for v in row if v is not None)
               for row in load_workbook(stats_path, read_only=True).worksheets[0].iter_rows(values_only=True)]
    assert (torture.label_ar,) == tuple(v for row in summary for v in row if v == torture.label_ar)
    assert any(row[-1] == 3 for row in summary if len(row) == 2 and isinstance(row[-1], int))  # received
    assert all(NAME not in str(v) for row in summary for v in row)

    # --- the analyst downloads the impact report of that view ------------------------------------
    analyst.goto(f"{dashboard}&category=torture")
    report = download_report(analyst, tmp_path, "analyst-report")
    text = pdf_text(report)
    assert "إدارة حقوق الإنسان بوزارة الداخلية" in text
    assert torture.label_ar in text
    assert NAME not in text
    show_pdf(analyst_context, shots, report, "analyst-impact-report")
    assert AuditEvent.objects.filter(action="report.impact", actor=staff["analyst"]).count() == 1
    analyst_context.close()

    # --- the supervisor drills into a number: the list of those complaints ------------------------
    context = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    supervisor = log_in(context, base, "supervisor")
    supervisor.goto(dashboard)
    shots(supervisor, "supervisor-dashboard")
    # categories table: the complaints holding torture allegations (the row's second number)
    cell = supervisor.locator("#categories tbody tr").filter(has_text=torture.label_ar).locator("td").nth(1)
    count = int(cell.inner_text().strip())
    assert count == 3  # fresh, late, new
    cell.locator("a").click()
    supervisor.wait_for_url(re.compile(r"/desk/\?.*category=torture"))
    supervisor.locator("#queue-results").wait_for()
    references = [r.strip() for r in supervisor.locator("#queue-results a.reference").all_inner_texts()]
    assert sorted(references) == sorted(dataset[k].reference for k in ("fresh", "late", "new"))
    shots(supervisor, "supervisor-case-list-torture")

    # --- the supervisor exports that list (Excel: written in the background) -----------------------
    supervisor.locator("a[href*='/desk/reports/exports/cases/']").first.click()
    supervisor.wait_for_url("**/desk/reports/exports/cases/**")
    assert f"{count}" in supervisor.inner_text("main")
    supervisor.check("input[name=format][value=xlsx]")
    shots(supervisor, "supervisor-export-form")
    supervisor.locator("form[action$='/exports/cases/'] [type=submit]").click()
    supervisor.wait_for_url(re.compile(r"/desk/reports/exports/\d+/$"))
    download_link = supervisor.locator("#export-status a[href$='/download/']")
    download_link.wait_for(timeout=60_000)  # the progress page updates itself until the file is done
    shots(supervisor, "supervisor-export-done")
    with supervisor.expect_download() as info:
        download_link.click()
    sheet_path = tmp_path / info.value.suggested_filename
    info.value.save_as(sheet_path)
    assert sheet_path.suffix == ".xlsx"
    export = Export.objects.get(kind="cases")
    assert (export.status, export.row_count, export.unredacted) == ("done", 3, False)
    workbook = load_workbook(sheet_path, read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    cells = [str(value) for line in rows for value in line if value is not None]
    assert len(rows) == 1 + count  # the header and one row per case
    assert {dataset[k].reference for k in ("fresh", "late", "new")} <= set(cells)
    assert not any(NAME in value for value in cells)  # redacted by default

    # --- and the impact report from the supervisor's dashboard --------------------------------------
    supervisor.goto(dashboard)
    report = download_report(supervisor, tmp_path, "supervisor-report")
    assert torture.label_ar in pdf_text(report)
    show_pdf(context, shots, report, "supervisor-impact-report")
    context.close()
