"""The follow-up report (PDF): through `manage.py followup_report` and the dashboard's button, in
Arabic (right to left, Arabic text that can be extracted), English and French; what it holds
(summary, tables, each recommendation with its status history of the period and its evidence,
indicators), the organisation and the period on every page, a tagged PDF/UA with its language,
the project's fonts only, who may download it (and the audit row), and nothing of another
organisation.

The PDF is read back with poppler's tools, as in test_impact_report.py (a test fails when they
are missing: `apt-get install -y poppler-utils`).
"""

import re
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.reports import followup_report
from mizan.reports.statistics import Period

from .followup_data import *  # noqa: F403 (fixtures)
from .test_impact_report import page_count, text_of, tool, translated

URL = reverse("followup_reports:report")


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every Flate stream opened, each read by its /Length (a stream's
    compressed bytes may hold the word "endstream" themselves)."""
    opened = [pdf]
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", pdf):
        data = pdf[match.end():match.end() + int(match.group(1))]
        try:
            opened.append(zlib.decompress(data))
        except zlib.error:
            continue  # not a Flate stream (a font's raw data)
    return b"\n".join(opened)


def this_year() -> Period:
    today = timezone.localdate()
    return Period(date(today.year, 1, 1), today)


def run_command(org, tmp_path, *extra) -> Path:
    output = tmp_path / "followup.pdf"
    p = this_year()
    call_command("followup_report", "--org", org.slug, "--from", p.start.isoformat(), "--to", p.end.isoformat(),
                 "--output", str(output), *extra)
    return output


def test_the_command_writes_an_arabic_report_by_default(followup_data, org, tmp_path, capsys):
    pdf = run_command(org, tmp_path)

    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = page_count(pdf)
    assert pages >= 6 and f"({pages} pages," in capsys.readouterr().out
    text = text_of(pdf)
    assert translated("Implementation of recommendations", "ar") in text_of(pdf, "-f", "1", "-l", "1")
    # (the extracted text leaves out the harakat drawn as marks of their own: pdftext)
    for words in ("تجريم التعذيب تجريما صريحا في قانون العقوبات", "صدر القانون",  # a recommendation, a note
                  "نسبة الضباط المدربين على حقوق الإنسان"):  # an indicator
        assert words in text, words
    assert re.search(r"الجريدة الرسمية(\.pdf|pdf\.)", text)  # the evidence file (its ".pdf" set right to left)
    # the organisation, the period and the page number on every page after the cover
    for number in range(2, pages + 1):
        page = text_of(pdf, "-f", str(number), "-l", str(number))
        assert org.name_ar in page and f"{translated('Implementation of recommendations', 'ar')}" in page
        assert re.search(rf"صفحة\s+{number}\s*من\s*{pages}", page), number
    assert list(AuditEvent.objects.filter(action="report.followup").values_list("data__via", "data__language")) == [
        ("command", "ar")]


def test_the_english_report_holds_the_figures_the_history_and_the_evidence(followup_data, org, tmp_path):
    pdf = run_command(org, tmp_path, "--language", "en")
    text = text_of(pdf, "-layout")

    summary = text_of(pdf, "-f", "2", "-l", "2", "-layout")
    assert re.search(r"\b8\s+6\s+1\s+6\s+2\b", summary)  # followed, open, implemented, changed, overdue measures
    assert "Progress reports written in the period: 1." in summary
    assert "Concluding observations of the Committee against Torture" in text
    assert "CAT/C/EGY/CO/5, para. 8" in text and "A/HRC/58/4, para. 4.21" in text
    # r1's history: recorded, then in progress (with its note), then implemented, by the officer
    assert re.search(r"Not started\s+In progress\s+Followup", text)
    assert re.search(r"In progress\s+Implemented\s+Followup", text)
    assert re.search(r"الجريدة الرسمية\.pdf\s+\d+ \w+ \d{4}\s+Followup", text)  # file, date, who
    assert "Baseline: 20 (31 December 2023)" in text and "Progress to the target: 50%" in text
    # paragraphs in their natural order
    assert text.index("CAT/C/EGY/CO/5, para. 8") < text.index("CAT/C/EGY/CO/5, para. 12")


def test_a_report_sees_nothing_of_another_organisation(followup_data, org, other_org, secretariat, tmp_path):
    theirs = text_of(run_command(other_org, tmp_path, "--language", "en"))
    assert "تقرير داخلي لا يشارك" in theirs  # its own internal report, in its own report
    assert "تجريم التعذيب" not in theirs and "Committee against Torture" not in theirs  # org's

    secretariat_ = text_of(run_command(secretariat, tmp_path, "--language", "en"))
    assert "تقرير داخلي لا يشارك" not in secretariat_ and "تجريم التعذيب" not in secretariat_
    assert "Implementation by member organisation" in secretariat_


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_report_is_a_tagged_pdf_with_its_language_and_title(followup_data, org, tmp_path, language):
    report = followup_report.generate(org, this_year(), language=language)
    pdf = tmp_path / f"tagged-{language}.pdf"
    pdf.write_bytes(report.pdf)

    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    title = translated("Implementation of recommendations", language)
    assert re.search(rf"^Title:\s+{re.escape(title)} · ", info, re.M)
    objects = pdf_objects(report.pdf)
    assert b"/StructTreeRoot" in objects and b"pdfuaid:part" in objects
    assert re.search(rb"/Lang\s*\(" + language.encode() + rb"\)", objects)
    assert re.search(rb"/S\s*/(H1|H2|Table)\b", objects)
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, check=True).stdout.decode()
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all(re.fullmatch(r"[A-Z]{6}\+Noto-Sans(-Arabic)?(-Bold)?", name) for name in names), names


def test_the_command_refuses_what_it_cannot_do(followup_data, org, tmp_path):
    for args, message in (
            (["--org", "nobody", "--from", "2026-01-01", "--to", "2026-02-01"], "Unknown organisation"),
            (["--org", org.slug, "--from", "2026-02-30", "--to", "2026-03-01"], "is not a date"),
            (["--org", org.slug, "--from", "2026-03-01", "--to", "2026-02-01"], "ends before it starts"),
            (["--org", org.slug, "--from", "2026-01-01", "--to", "2026-02-01", "--theme", "nothing"], "no such theme")):
        with pytest.raises(CommandError, match=message):
            call_command("followup_report", *args, "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists() and not AuditEvent.objects.filter(action="report.followup").exists()


def test_the_dashboards_button_downloads_the_report_in_the_users_language(followup_data, followup_staff, client, org):
    client.force_login(followup_staff["analyst"])
    client.cookies["mizan_language"] = "fr"
    response = client.get(URL, {"from": "2026-01-01", "to": timezone.localdate().isoformat(), "theme": "torture"})

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="followup-report-moi-hr-2026-01-01-{timezone.localdate().isoformat()}-fr.pdf"')
    event = AuditEvent.objects.get(action="report.followup")
    assert (event.actor, event.data["via"], event.data["filters"], event.data["language"]) == (
        followup_staff["analyst"], "desk", ["theme"], "fr")


def test_anonymous_visitors_get_no_report(db, client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not AuditEvent.objects.filter(action="report.followup").exists()
