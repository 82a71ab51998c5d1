"""The follow-up pillar's whole journey in a real browser, in Arabic (the default language), by one
organisation's follow-up officer and its supervisor:

1. import: an export of the Universal Human Rights Index (.xlsx written here, with the index's
   misspelt headings, "- " prefixes, several values a cell, Excel serial dates) holding two
   near-duplicate recommendations of two sources and one bad row; the check lists the rejected row
   with its column and reason and imports nothing; the valid rows are then imported (through the
   worker's task: the file is not kept for the request);
2. cluster and assign: the pair of near-duplicates found by the text engine is accepted on the
   possible duplicates page (one cluster); the lead body is set on the recommendation's page;
3. measure: a measure is added to the plan's goal and the imported recommendation attached to it;
4. progress report: the supervisor reports progress with an evidence file, public; the page
   lists it with the evidence, and reads the same in English;
5. indicator: a reported indicator of the measure and a value with its note; the page's chart;
6. PDF: the dashboard's "Report (PDF)" button; the file is a PDF whose text (pdftotext) holds the
   imported recommendation, its reference, the progress report and the indicator.

Screenshots of every step (see conftest.py for the folder)."""

import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext, pgettext
from playwright.sync_api import expect

from mizan.followup import import_jobs, plans
from mizan.followup.models import (
    FollowupSuggestion,
    Indicator,
    IndicatorValue,
    Measure,
    ProgressReport,
    Recommendation,
    RecommendationImport,
)
from tests.browser.conftest import log_in
from tests.followup import conftest as followup_personas
from tests.followup.test_imports import TORTURE, UHRI_HEADINGS, uhri_row, xlsx
from tests.security.files import PDF

# The follow-up personas (tests/followup/conftest.py), for this folder too.
secretariat, followup_staff = followup_personas.secretariat, followup_personas.followup_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Two recommendations asking the same thing (tests/followup/near_duplicate_pairs.py), from a UPR
# session and from the Committee against Torture.
UPR_TEXT = "مراجعة التشريعات الوطنية لتتضمن تعريفاً للتعذيب يتوافق مع المادة الأولى من اتفاقية مناهضة التعذيب"
CAT_TEXT = "مراجعة التشريعات الوطنية بحيث تتضمن تعريفًا للتعذيب يتفق مع المادة 1 من اتفاقية مناهضة التعذيب"
OPCAT_TEXT = "Ratify the Optional Protocol to the Convention against Torture."
MEASURE = "إعداد مشروع تعديل المادة 126 من قانون العقوبات ليتضمن تعريف التعذيب"
NARRATIVE = "أعدّت اللجنة التشريعية مشروع التعديل وأحالته إلى مجلس الوزراء لمراجعته."
INDICATOR = "نسبة مواد قانون العقوبات المعدلة وفق اتفاقية مناهضة التعذيب"
VALUE_NOTE = "تقرير اللجنة التشريعية عن الشهر"
EVIDENCE = "محضر اللجنة التشريعية.pdf"
LARGE = 1280, 900


def uhri_export() -> bytes:
    """Three valid rows and, on row 5 of the sheet, one whose UPR position is not one of the index's."""
    return xlsx([
        uhri_row("7f3c-0001", UPR_TEXT, "- UPR", symbol="A/HRC/57/16", themes=f"- {TORTURE}",
                 states="- France\n- Tunisia", position="- Supported", session="- 43", published=45371),
        uhri_row("7f3c-0002", CAT_TEXT, "- Committee against Torture", symbol="CAT/C/EGY/CO/5",
                 themes=f"- {TORTURE}\n- Conditions of detention", affected="- Persons deprived of their liberty",
                 published=45261, uhri_date=45300),
        uhri_row("7f3c-0003", OPCAT_TEXT, "- Universal Periodic Review", position="Noted", session="30"),
        uhri_row("7f3c-0004", "Abolish the death penalty.", "- UPR", position="Maybe", session=43),
    ], headings=UHRI_HEADINGS)


def ar(message: str, context: str = "") -> str:
    with translation.override("ar"):
        return pgettext(context, message) if context else gettext(message)


def status_label(run) -> str:
    with translation.override("ar"):
        return str(run.get_status_display())


def pdf_text(path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)")
    text = subprocess.run([tool, str(path), "-"], capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", " ", text)  # lines wrap anywhere in a long text


def show_pdf_page(context, shots, path, name):
    """A screenshot of the PDF's first page (pdftoppm), shown in a page of the browser."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.fail("pdftoppm not found: install poppler-utils (apt-get install -y poppler-utils)")
    subprocess.run([tool, "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1", str(path),
                    str(path.with_suffix(""))], check=True)
    viewer = context.new_page()
    viewer.goto(path.with_suffix(".png").as_uri())
    shots(viewer, name)
    viewer.close()


def test_followup_journey_import_cluster_measure_report_indicator_pdf(live_server, chromium, shots, followup_staff,
                                                                     places, org, tmp_path, monkeypatch):
    base = live_server.url
    officer = followup_staff["followup"]
    today = timezone.localdate()
    # The plan the measure goes into: its strategy, phase and goal (the plan pages' own test records
    # them through the forms: tests/browser/test_followup_plans.py).
    strategy = plans.create_strategy(actor=officer, title_ar="الخطة الوطنية لمناهضة التعذيب",
                                     starts_on=date(today.year, 1, 1))
    phase = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الأولى: التشريع")
    plans.create_goal(actor=officer, phase=phase, title_ar="مواءمة التشريعات مع اتفاقية مناهضة التعذيب")
    export = tmp_path / "uhri-export-egypt.xlsx"
    export.write_bytes(uhri_export())
    evidence = tmp_path / EVIDENCE
    evidence.write_bytes(PDF)
    # Every upload goes to the worker's task (run_recommendation_import), as a large file would:
    # the tests run queued tasks right after the commit (MIZAN_TASKS_INLINE=always).
    monkeypatch.setattr(import_jobs, "INLINE_BYTES", 0)

    context = chromium.new_context(locale="ar-EG", viewport=dict(zip(("width", "height"), LARGE)),
                                   accept_downloads=True)
    page = log_in(context, base, "followup")

    # --- 1. import: the check refuses the file and lists the bad row; then the valid rows -------------
    page.goto(f"{base}/desk/followup/imports/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.select_option("#id_format", "uhri")
    page.set_input_files("#id_file", str(export))
    page.get_by_role("button", name=ar("Check and import")).click()
    page.wait_for_url(re.compile(r"/desk/followup/imports/\d+/$"))
    checked = RecommendationImport.objects.get()
    assert (checked.status, checked.total_rows, checked.created_count, checked.rejected_count) == ("rejected", 4, 0, 1)
    assert not Recommendation.objects.exists()
    expect(page.locator("#import-status .badge")).to_have_text(status_label(checked))
    expect(page.locator("#import-status")).to_contain_text(ar("Nothing was imported. Correct the rows below and "
                                                              "upload the file again, or choose to import the valid "
                                                              "rows only."))
    rejected = page.locator("#import-status table.data tbody tr")
    expect(rejected).to_have_count(1)
    cells = [c.strip() for c in rejected.first.locator("th, td").all_inner_texts()]
    assert cells[0] in ("5", "٥")  # the sheet's row (its headings are row 1)
    assert cells[1] == "UPR Position"
    assert cells[2].startswith(ar("Choose a value from the list.")) and "Maybe" in cells[2]
    shots(page, "import-check-rejected-row")

    page.get_by_role("link", name=ar("Import another file")).click()
    page.wait_for_url(f"{base}/desk/followup/imports/")
    page.set_input_files("#id_file", str(export))
    page.check("input[name=import_valid]")
    page.get_by_role("button", name=ar("Check and import")).click()
    page.wait_for_url(re.compile(r"/desk/followup/imports/\d+/$"))
    run = RecommendationImport.objects.exclude(pk=checked.pk).get()
    assert (run.status, run.total_rows, run.created_count, run.rejected_count) == ("done", 4, 3, 1)
    expect(page.locator("#import-status .badge")).to_have_text(status_label(run))
    expect(page.locator("#import-status")).to_contain_text(ar("The valid rows were imported; the rejected rows "
                                                              "below were left out."))
    expect(page.locator("#import-status table.data tbody tr")).to_have_count(1)
    upr, cat = Recommendation.objects.get(external_key="7f3c-0001"), Recommendation.objects.get(external_key="7f3c-0002")
    assert (upr.source.kind, upr.source.upr_session, upr.position, upr.recommending_states, upr.issued_on) == (
        "upr", 43, "supported", ["France", "Tunisia"], date(2024, 3, 20))  # 45371, Excel's serial date
    assert (cat.source.kind, cat.symbol, cat.issued_on, cat.affected_groups) == (
        "treaty_body", "CAT/C/EGY/CO/5", date(2023, 12, 1), ["detainee"])
    assert upr.source_id != cat.source_id and upr.language == cat.language == "ar"
    assert sorted(Recommendation.objects.values_list("external_key", flat=True)) == ["7f3c-0001", "7f3c-0002",
                                                                                     "7f3c-0003"]
    shots(page, "import-valid-rows-done")

    # The imported recommendations, in the list (Arabic, right to left).
    page.goto(f"{base}/desk/followup/recommendations/")
    expect(page.locator(".fu-table tbody tr")).to_have_count(3)
    expect(page.locator(".fu-table")).to_contain_text(UPR_TEXT[:40])

    # --- 2. cluster and assign ------------------------------------------------------------------------
    # The text engine (a task queued by the import) found the two as one, across their sources.
    pair = FollowupSuggestion.objects.get(kind="cluster", status="pending")
    assert {pair.recommendation_id, int(pair.value)} == {upr.pk, cat.pk}
    page.goto(f"{base}/desk/followup/duplicates/")
    page.check("input[name=across]")
    page.get_by_role("button", name=ar("Apply filters")).click()
    page.wait_for_url(re.compile(r"/desk/followup/duplicates/\?across=1"))
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(UPR_TEXT[:40])
    expect(rows.first).to_contain_text(CAT_TEXT[:40])
    expect(rows.first).to_contain_text("CAT/C/EGY/CO/5")
    assert rows.first.locator("q").count() >= 1  # the wording both share
    rows.first.locator("input[name=chosen]").check()
    shots(page, "duplicates-pair-chosen")
    page.get_by_role("button", name=ar("Follow each chosen pair as one cluster")).click()
    page.wait_for_load_state()
    with translation.override("ar"):
        accepted = ngettext("%(n)s suggestion accepted.", "%(n)s suggestions accepted.", 1) % {"n": 1}
    expect(page.locator(".flash")).to_contain_text(accepted)
    expect(page.locator("p.empty")).to_have_text(ar("No possible duplicate waiting for a decision."))
    upr.refresh_from_db()
    cat.refresh_from_db()
    assert upr.cluster_id is not None and upr.cluster_id == cat.cluster_id
    assert FollowupSuggestion.objects.get(pk=pair.pk).status == "accepted"

    page.goto(f"{base}/desk/followup/recommendations/{upr.pk}/")
    expect(page.locator("#cluster")).to_contain_text(CAT_TEXT[:40])
    # No body is suggested before 30 recommendations have a lead body: the lead is set by hand.
    expect(page.locator("#suggestions")).to_contain_text("30")
    page.locator("#field-bodies-form > summary").click()
    page.select_option("#input-bodies-lead", f"unit-{places['hr'].pk}")
    page.locator("#field-bodies-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#responsible")).to_contain_text(places["hr"].name_ar)
    expect(page.locator("#cluster")).to_contain_text(CAT_TEXT[:40])
    assert list(upr.responsible.values_list("role", "unit_id")) == [("lead", places["hr"].pk)]
    shots(page, "recommendation-clustered-lead-body")

    # --- 3. measure: added to the goal, the recommendation attached ---------------------------------
    page.goto(f"{base}/desk/followup/plans/{strategy.pk}/")
    page.get_by_role("link", name=ar("Add a measure")).click()
    page.fill("input[name=title_ar]", MEASURE)
    page.select_option("select[name=lead]", f"unit:{places['hr'].pk}")
    page.fill("input[name=due_on]", (today + timedelta(days=90)).isoformat())
    page.get_by_role("button", name=ar("Save")).click()
    page.wait_for_url(re.compile(r"/desk/followup/plans/measures/\d+/$"))
    measure = Measure.objects.get()
    assert (measure.title_ar, measure.lead_unit_id, measure.goal.phase.strategy_id) == (
        MEASURE, places["hr"].pk, strategy.pk)
    attach = page.locator("#attach")
    attach.locator("label.choice", has_text=UPR_TEXT[:40]).locator("input").check()
    attach.get_by_role("button", name=ar("Attach the chosen recommendations")).click()
    page.wait_for_load_state()
    expect(page.locator("#recommendations .plain-list")).to_contain_text(UPR_TEXT[:40])
    expect(page.locator("#recommendations .plain-list > li")).to_have_count(1)
    assert list(measure.recommendations.all()) == [upr]
    shots(page, "measure-with-recommendation")

    # --- 4. progress report with evidence, public (the supervisor: publishing is theirs) -------------
    desk = chromium.new_context(locale="ar-EG", viewport=dict(zip(("width", "height"), LARGE)))
    supervisor = log_in(desk, base, "supervisor")
    supervisor.goto(f"{base}/desk/followup/recommendations/{upr.pk}/")
    expect(supervisor.locator("main")).to_contain_text(MEASURE)  # the measure that answers it
    form = supervisor.locator("#reports form[enctype]")
    if not form.is_visible():
        supervisor.locator("#report-form > summary").click()
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("input[name=period_start]").fill(today.replace(day=1).isoformat())
    form.locator("input[name=period_end]").fill(today.isoformat())
    form.locator("textarea[name=narrative]").fill(NARRATIVE)
    form.locator("input[name=visibility][value=public]").check()
    form.locator("input[type=file]").set_input_files(str(evidence))
    form.get_by_role("button", name=ar("Save the report")).click()
    supervisor.wait_for_url(f"**/desk/followup/recommendations/{upr.pk}/#reports")
    report = supervisor.locator("#reports article.report")
    expect(report).to_have_count(1)
    expect(report.locator(".report-narrative")).to_have_text(NARRATIVE)
    expect(report.locator(".report-meta .badge")).to_have_text(ar("In progress"))
    expect(report.locator(".report-meta")).to_contain_text(ar("Public"))
    expect(report.get_by_role("link", name=EVIDENCE)).to_be_visible()
    saved = ProgressReport.objects.get()
    assert (saved.recommendation_id, saved.visibility, saved.status, saved.evidence.count()) == (
        upr.pk, "public", "in_progress", 1)
    upr.refresh_from_db()
    assert upr.status == "in_progress"
    shots(supervisor, "progress-report-with-evidence")

    # The same page in English, through the language menu.
    supervisor.select_option("#lang-select", "en")
    supervisor.wait_for_load_state()
    expect(supervisor.locator("html")).to_have_attribute("dir", "ltr")
    expect(supervisor.locator("#reports-title")).to_have_text("Progress reports")
    expect(supervisor.locator("#reports .report-meta .badge")).to_have_text("In progress")
    expect(supervisor.locator("#reports .report-meta")).to_contain_text("Public")
    expect(supervisor.locator("#reports").get_by_role("link", name=EVIDENCE)).to_be_visible()
    shots(supervisor, "progress-report-in-english")
    desk.close()

    # --- 5. indicator: a reported one, of the measure, and a value with its note ----------------------
    page.goto(f"{base}/desk/followup/plans/measures/{measure.pk}/")
    page.get_by_role("link", name=ar("Add an indicator")).click()
    page.fill("input[name=name_ar]", INDICATOR)
    page.check("input[name=kind][value=reported]")
    page.fill("input[name=unit_label]", "%")
    last_month_end = today.replace(day=1) - timedelta(days=1)
    baseline_on = (last_month_end.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(days=1)
    page.fill("input[name=baseline_value]", "10")
    page.fill("input[name=baseline_on]", baseline_on.isoformat())
    page.fill("input[name=target_value]", "100")
    page.fill("input[name=target_on]", date(today.year + 1, 12, 31).isoformat())
    page.select_option("select[name=frequency]", "monthly")
    assert page.locator("select[name=measure]").input_value() == str(measure.pk)
    page.get_by_role("button", name=ar("Save")).click()
    page.wait_for_url(re.compile(r"/desk/followup/indicators/\d+/$"))
    indicator = Indicator.objects.get()
    assert (indicator.name_ar, indicator.kind, indicator.measure_id) == (INDICATOR, "reported", measure.pk)
    expect(page.locator("h1")).to_have_text(INDICATOR)
    page.select_option("#id_period", last_month_end.replace(day=1).isoformat())
    page.fill("#id_value", "40")
    page.fill("#id_note", VALUE_NOTE)
    page.get_by_role("button", name=ar("Record the value")).click()
    page.wait_for_load_state()
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (value.value, value.period_start, value.note, value.computed) == (
        40, last_month_end.replace(day=1), VALUE_NOTE, False)
    values = page.locator("#values table.data tbody tr")
    expect(values).to_have_count(1)
    expect(values.first).to_contain_text(VALUE_NOTE)
    assert values.first.locator("td.num").inner_text().strip() in ("40%", "٤٠٪", "40٪", "٤٠%")
    chart = page.locator(".ind-chart")
    assert chart.locator(".chart-row").count() >= 2  # the periods since the baseline
    assert chart.locator(".chart-row rect.bar-1").count() == 1  # the one value
    assert chart.locator("line.ind-baseline").count() >= 1 and chart.locator("line.ind-target").count() >= 1
    shots(page, "indicator-with-value-and-chart")

    # --- 6. the follow-up report (PDF), through the dashboard's button --------------------------------
    page.goto(f"{base}/desk/followup/dashboard/")
    expect(page.locator("main")).to_contain_text(INDICATOR)
    shots(page, "dashboard")
    with page.expect_download(timeout=60_000) as info:
        page.locator("#followup-report").click()
    pdf = tmp_path / "followup-report.pdf"
    info.value.save_as(pdf)
    assert re.fullmatch(rf"followup-report-{org.slug}-\d{{4}}-\d\d-\d\d-{today.isoformat()}-ar\.pdf",
                        info.value.suggested_filename), info.value.suggested_filename
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert org.name_ar in text
    assert "يتوافق مع المادة الأولى من اتفاقية" in text  # the imported recommendation (without harakat)
    assert "A/HRC/57/16" in text and "CAT/C/EGY/CO/5" in text  # the references
    assert "أعدت اللجنة التشريعية مشروع التعديل" in text or "أعدّت اللجنة التشريعية مشروع التعديل" in text
    assert "محضر اللجنة التشريعية" in text  # the evidence, listed
    assert INDICATOR in text
    show_pdf_page(context, shots, pdf, "report-pdf-first-page")
    context.close()
