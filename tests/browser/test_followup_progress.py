"""Progress reports and regional follow-up in a real browser, in Arabic: a member's follow-up
officer reports progress on a conference recommendation with an evidence file and shares it with
the secretariat; the button says the report is being sent; the secretariat's officer finds it on
the table of members and in the shared reports, and downloads the evidence. A reminder is listed
in the notifications, in words, and opens the recommendation. Screenshots are saved (see
conftest.py for the folder)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from mizan.complaints.models import Category
from mizan.followup import reminders, services
from mizan.followup.models import Addressee, ProgressReport
from tests.browser.conftest import log_in
from tests.followup import conftest as followup_personas
from tests.security.files import PDF

# The follow-up personas (tests/followup/conftest.py), for this folder too.
secretariat, followup_staff, conference = (followup_personas.secretariat, followup_personas.followup_staff,
                                           followup_personas.conference)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEXT = "تعزيز وحدات حقوق الإنسان في الأجهزة الأمنية وتمكينها من تلقي الشكاوى"
NARRATIVE = "أُنشئت وحدة حقوق الإنسان في كل مديرية أمن، وتلقت ٤٢ شكوى خلال الربع الأول."


def test_a_member_reports_and_shares_the_secretariat_reads(live_server, chromium, shots, followup_staff, conference,
                                                            org, other_org, tmp_path):
    base = live_server.url
    due = timezone.localdate() + timedelta(days=5)
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, text=TEXT, due_on=due,
                                         themes=[Category.objects.get(code="torture")], addressees=[org, other_org])
    reminders.send_reminders()
    evidence = tmp_path / "محضر الاجتماع.pdf"
    evidence.write_bytes(PDF)
    with translation.override("ar"):
        shared_label = gettext("Shared with the secretariat")
        save = gettext("Save the report")
        sending = gettext("Saving the report… With files this can take a few minutes: keep this page open.")
        report_progress = pgettext("progress report", "Report progress")
        nothing_yet = gettext("Has shared nothing yet")

    desk = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    member = log_in(desk, base, "followup")
    member.goto(f"{base}/desk/notifications/")
    shots(member, "reminder-in-notifications")
    member.locator("button.btn-link", has_text="التوصية").first.click()
    member.wait_for_load_state()
    assert member.url.endswith(f"/desk/followup/recommendations/{rec.pk}/")

    form = member.locator("#reports form[enctype]")
    if not form.is_visible():
        member.get_by_text(report_progress, exact=True).click()
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("input[name=period_start]").fill("2026-01-01")
    form.locator("input[name=period_end]").fill(date(2026, 3, 31).isoformat())
    form.locator("textarea[name=narrative]").fill(NARRATIVE)
    form.get_by_label(shared_label).check()
    form.locator("input[type=file]").set_input_files(str(evidence))
    shots(member, "report-form-filled")
    # The sending state, read at the moment the form leaves (after the page's own listeners) and
    # kept across the navigation: the button is disabled and the live region says what happens.
    member.evaluate("""() => document.addEventListener('submit', (event) => {
      const form = event.target;
      sessionStorage.setItem('sending', JSON.stringify([form.querySelector('.submit-status').textContent,
                                                        form.querySelector('[type=submit]').disabled]));
    })""")
    form.get_by_role("button", name=save).click()
    member.wait_for_url(f"**/desk/followup/recommendations/{rec.pk}/#reports")
    assert member.evaluate("() => JSON.parse(sessionStorage.getItem('sending'))") == [sending, True]
    assert member.locator("#reports .report-narrative").inner_text().strip() == NARRATIVE
    assert member.locator("#reports").get_by_text("محضر الاجتماع.pdf").is_visible()
    shots(member, "recommendation-with-report")
    report = ProgressReport.objects.get()
    assert (report.visibility, Addressee.objects.get(recommendation=rec, organisation=org).shared_status) == (
        "secretariat", "in_progress")

    sec_page = log_in(chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900}), base, "sec")
    sec_page.goto(f"{base}/desk/followup/members/")
    table = sec_page.locator("table.data")
    assert table.locator("tbody tr").count() == 2
    assert nothing_yet in table.locator("tbody tr", has_text=other_org.name_ar).inner_text()
    shots(sec_page, "members-table")
    sec_page.goto(f"{base}/desk/followup/members/reports/")
    assert NARRATIVE in sec_page.locator("main").inner_text()
    with sec_page.expect_download() as download:
        sec_page.get_by_text("محضر الاجتماع.pdf").click()
    assert download.value.suggested_filename == "محضر الاجتماع.pdf"
    shots(sec_page, "shared-reports")
