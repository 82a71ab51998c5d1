"""The impact report (PDF): through `manage.py impact_report` and the dashboard's download, in
Arabic (right to left, Arabic text that can be extracted), English and French; exact figures,
the comparison with the previous period, no personal data, who may download it (and the audit
row), and a PDF that takes nothing from outside the project's static folders.

The PDF is read back with poppler's tools (pdftotext, pdftoppm, pdffonts, pdfinfo): a test fails,
it does not skip, when they are missing (`apt-get install -y poppler-utils`).
"""

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Category
from mizan.lib.digits import to_ascii_digits
from mizan.reports import impact
from mizan.reports.statistics import Filters, Period, overview

from . import dashboard_data
from .dashboard_data import period

dataset = dashboard_data.dataset  # the data set fixture (dashboard_data.py)

URL = reverse("reports:impact")
NAME = "منى عبد الله"  # every named complainant of the data set (tests/conftest.py file_case)
NARRATIVE = "ضربوني في الجيزة"
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install poppler-utils (apt-get install -y poppler-utils)")
    return path


def text_of(pdf: Path, *options: str) -> str:
    result = subprocess.run([tool("pdftotext"), *options, str(pdf), "-"], capture_output=True, check=True)
    return BIDI_MARKS.sub("", result.stdout.decode())


def row(text: str, label: str) -> list[int]:
    """The numbers on the laid-out line that holds `label` (a table row), smallest first, in
    Western digits, signs and % dropped."""
    line = next(line for line in text.splitlines() if label in line)
    return sorted(int(n) for n in re.findall(r"\d+", to_ascii_digits(line.replace(label, ""))))


def comparison_of(text: str, language: str = "en") -> str:
    """The laid-out text of the report's comparison with the previous period."""
    return text[text.rindex(translated("Comparison with the previous period", language)):]


def pages_of(pdf: Path, folder: Path) -> list[Path]:
    """The PDF's pages as PNG files (pdftoppm), each checked to hold something drawn."""
    subprocess.run([tool("pdftoppm"), "-r", "50", "-png", str(pdf), str(folder / "page")], check=True)
    pngs = sorted(folder.glob("page-*.png"))
    for png in pngs:
        with Image.open(png) as image:
            histogram = image.convert("L").histogram()
            assert sum(histogram[:200]) > 200, f"{png.name} is blank"  # pixels with ink on them
    return pngs


def page_count(pdf: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def label(code: str, language: str) -> str:
    with translation.override(language):
        return Category.objects.get(code=code).label


def translated(message: str, language: str) -> str:
    with translation.override(language):
        return gettext(message)


@pytest.fixture
def earlier(dataset, file_case):
    """One complaint (torture, arbitrary detention) in the previous period of the same length."""
    case, _ = file_case("حجزوني أسبوعًا", received_at=timezone.now() - timedelta(days=150))
    return case


def run_command(org, tmp_path, language=None, *extra) -> Path:
    output = tmp_path / f"report-{language or 'default'}.pdf"
    p = period()
    args = ["--org", org.slug, "--from", p.start.isoformat(), "--to", p.end.isoformat(), "--output", str(output)]
    call_command("impact_report", *args, *(["--language", language] if language else []), *extra)
    return output


# --- the command --------------------------------------------------------------------------------

def test_impact_report_command_writes_an_arabic_pdf_by_default(org, earlier, tmp_path, capsys):
    org.arabic_indic_digits = True
    org.save(update_fields=["arabic_indic_digits"])

    pdf = run_command(org, tmp_path)

    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = pages_of(pdf, tmp_path)
    assert len(pages) == page_count(pdf) >= 8
    cover = text_of(pdf, "-f", "1", "-l", "1")
    assert translated("Impact report", "ar") in cover and "إدارة حقوق الإنسان بوزارة الداخلية" in cover
    assert translated("Methodology", "ar") in text_of(pdf, "-f", str(len(pages)), "-l", str(len(pages)))
    assert f"{pdf} ({len(pages)} pages, " in capsys.readouterr().out
    text = text_of(pdf)
    # Arabic that was drawn with Noto Sans Arabic's shared letter shapes comes back as itself
    assert translated("Impact report", "ar") in text
    assert "إدارة حقوق الإنسان بوزارة الداخلية" in text
    for code in ("torture", "arbitrary_detention", "police_conduct"):
        assert label(code, "ar") in text
    assert translated("Complaints received", "ar") in text
    assert re.search("[\u0600-\u06ff]", translated("Complaints received", "ar"))
    laid_out = text_of(pdf, "-layout")
    comparison = laid_out[laid_out.rindex(translated("Comparison with the previous period", "ar")):]
    # exact figures, in the organisation's Arabic-Indic digits: this period, previous, difference, %
    received = next(line for line in comparison.splitlines() if translated("Complaints received", "ar") in line)
    assert "٥" in received and not re.search("[0-9]", received)
    assert sorted(int(n) for n in re.findall(r"\d+", to_ascii_digits(received))) == [1, 4, 5, 400]


def test_impact_report_command_figures_and_comparison_in_english(org, earlier, tmp_path):
    pdf = run_command(org, tmp_path, "en")

    text = text_of(pdf, "-layout")
    assert "Impact report" in text
    assert "Human-rights department, Ministry of Interior" in text
    assert label("torture", "en") in text
    # comparison with the previous period: this period, previous period, difference, change (%)
    comparison = comparison_of(text)
    assert row(comparison, "Complaints received") == [1, 4, 5, 400]
    assert row(comparison, "Allegations") == [2, 6, 8, 300]
    assert row(comparison, "Closed") == [0, 3, 3]  # nothing closed before: no change in %
    # the comparison by category: 4 torture allegations now, 1 before; arbitrary detention 1 and 1
    by_category = comparison[comparison.index("Allegations by category"):]
    assert row(by_category, label("torture", "en")) == [1, 3, 4, 300]
    assert row(by_category, label("arbitrary_detention", "en")) == [0, 0, 1, 1]
    # deadlines of this period: 1 of 2 acknowledged on time (the summary's table)
    assert row(text, "Acknowledged on time")[-1] == 50


def test_impact_report_command_in_french(org, dataset, tmp_path):
    pdf = run_command(org, tmp_path, "fr")

    assert len(pages_of(pdf, tmp_path)) == page_count(pdf)
    text = text_of(pdf)
    assert "Direction des droits de l'homme, ministère de l'Intérieur" in text
    assert label("torture", "fr") in text
    assert translated("Comparison with the previous period", "fr") in text
    assert format_date(timezone.localdate(), "MMMM", locale="fr") in text  # the date of issue, in French
    assert "إدارة حقوق الإنسان" not in text


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_impact_report_holds_no_personal_data(org, dataset, tmp_path, language):
    pdf = run_command(org, tmp_path, language)

    text = text_of(pdf)
    assert NAME not in text
    assert NARRATIVE not in text
    assert dataset["fresh"].reference not in text
    assert "01001234567" not in text  # the complainants' phone number


def test_impact_report_uses_only_the_projects_fonts(org, dataset, tmp_path):
    pdf = run_command(org, tmp_path, "ar")

    fonts = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, check=True).stdout.decode()
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all(re.fullmatch(r"[A-Z]{6}\+Noto-Sans(-Arabic)?(-Bold)?", name) for name in names), names


def test_impact_report_command_filters_and_errors(org, dataset, tmp_path):
    pdf = run_command(org, tmp_path, "en", "--governorate", "giza")
    text = text_of(pdf, "-layout")
    assert "Giza" in text
    giza = overview(org, period(), Filters(governorate="giza")).received
    assert giza == 2  # fresh (Giza), stale (Dokki police station, in Giza)
    assert row(comparison_of(text), "Complaints received") == [0, giza, giza]

    with pytest.raises(CommandError, match="Unknown organisation"):
        call_command("impact_report", "--org", "nope", "--from", "2026-01-01", "--to", "2026-01-31")
    with pytest.raises(CommandError, match="not a date"):
        call_command("impact_report", "--org", org.slug, "--from", "2026-13-01", "--to", "2026-01-31")
    with pytest.raises(CommandError, match="ends before it starts"):
        call_command("impact_report", "--org", org.slug, "--from", "2026-02-01", "--to", "2026-01-31")
    with pytest.raises(CommandError, match="atlantis"):
        call_command("impact_report", "--org", org.slug, "--from", "2026-01-01", "--to", "2026-01-31",
                     "--governorate", "atlantis")


# --- the dashboard's download --------------------------------------------------------------------

def logged_in(client, user, language="en"):
    client.force_login(user)  # an audit row of its own (auth.login)
    client.cookies["mizan_language"] = language
    return client


def download(client, **params):
    p = period()
    return client.get(URL, {"from": p.start.isoformat(), "to": p.end.isoformat(), **params})


@pytest.mark.parametrize("who", ["analyst", "supervisor"])
def test_impact_report_download_for_statistics_roles(client, org, staff, dataset, tmp_path, who):
    logged_in(client, staff[who], "en")
    before = AuditEvent.objects.count()

    response = download(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="impact-report-{org.slug}-{period().start.isoformat()}-'
        f'{period().end.isoformat()}-en.pdf"')
    assert "no-store" in response["Cache-Control"]
    pdf = tmp_path / "download.pdf"
    pdf.write_bytes(response.content)
    text = text_of(pdf, "-layout")
    assert "Impact report" in text and NAME not in text
    assert row(comparison_of(text), "Complaints received") == [0, 5, 5]
    events = list(AuditEvent.objects.order_by("id")[before:])
    assert [(e.action, e.actor_id, e.organisation_id) for e in events] == [("report.impact", staff[who].pk, org.pk)]
    assert events[0].data == {"from": period().start.isoformat(), "to": period().end.isoformat(), "filters": [],
                              "language": "en", "pages": page_count(pdf), "bytes": len(response.content),
                              "via": "desk"}


def test_impact_report_download_in_the_users_language_with_the_dashboards_filters(client, staff, dataset, tmp_path):
    response = download(logged_in(client, staff["analyst"], "ar"), category="torture")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-ar.pdf"')
    pdf = tmp_path / "download.pdf"
    pdf.write_bytes(response.content)
    text = text_of(pdf)
    assert label("torture", "ar") in text
    assert AuditEvent.objects.filter(action="report.impact").latest("id").data["filters"] == ["category"]


@pytest.mark.parametrize("who", ["intake", "officer"])
def test_impact_report_not_found_for_roles_without_statistics(client, staff, dataset, who):
    logged_in(client, staff[who])
    before = AuditEvent.objects.count()

    assert download(client).status_code == 404
    assert AuditEvent.objects.count() == before  # nothing recorded, nothing changed


def test_impact_report_outsider_gets_only_their_own_organisation(client, org, staff, dataset, other_org, tmp_path):
    logged_in(client, staff["outsider"], "en")
    before = AuditEvent.objects.filter(organisation=org).count()

    response = download(client)

    pdf = tmp_path / "outsider.pdf"
    pdf.write_bytes(response.content)
    text = text_of(pdf, "-layout")
    assert "National human-rights institution" in text
    assert "Ministry of Interior" not in text
    assert row(comparison_of(text), "Complaints received") == [0, 1, 1]  # their one complaint, not org's five
    assert AuditEvent.objects.filter(organisation=org).count() == before


def test_impact_report_login_first_and_not_found_without_membership(client, db, django_user_model):
    assert client.get(URL).status_code == 302
    client.force_login(django_user_model.objects.create_user("nomember", password="x" * 20))
    assert client.get(URL).status_code == 404
    assert AuditEvent.objects.filter(action="report.impact").count() == 0


def test_dashboard_links_the_impact_report_with_its_period_and_filters(client, staff, dataset):
    client.force_login(staff["analyst"])
    p = period()

    response = client.get(reverse("reports:dashboard"), {"from": p.start.isoformat(), "to": p.end.isoformat(),
                                                         "governorate": "giza"})

    html = response.content.decode()
    link = re.search(r'id="impact-report" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert link == f"{URL}?from={p.start.isoformat()}&to={p.end.isoformat()}&governorate=giza"


# --- nothing from outside --------------------------------------------------------------------------

def test_impact_report_fetcher_serves_only_static_files():
    fetcher = impact.StaticOnlyFetcher()

    css = fetcher("mizanstatic:/css/impact.css")
    assert b"@font-face" in css.read()
    font = fetcher("mizanstatic:/fonts/noto-sans-arabic-arabic-400-normal.woff2")
    assert font.read()[:4] == b"\x00\x01\x00\x00"  # the font itself, decompressed once
    for url in ("http://example.org/x.css", "https://example.org/font.woff2", "file:///etc/passwd",
                "data:text/css,body{}", "mizanstatic:/../settings.py", "mizanstatic:/css/../../settings.py",
                "mizanstatic:/css/missing.css", "ftp://example.org/x", "//example.org/x.png"):
        with pytest.raises(impact.RefusedURL):
            fetcher(url)
    assert len(fetcher.refused) == 9


def test_impact_report_html_has_no_svg_text_no_script_and_no_outside_address(org, dataset):
    with translation.override("ar"):
        context = impact.build_context(org, period())
        html = render_to_string("reports/impact/report.html", context)

    assert "<svg" in html
    assert "<text" not in html and "<script" not in html
    assert not re.search(r"""(src|href)=["'](?!mizanstatic:/)""", html)
    assert 'dir="rtl"' in html and 'lang="ar"' in html


def test_impact_report_renders_without_fetching_anything_from_outside(org, dataset):
    from weasyprint import HTML

    fetcher = impact.StaticOnlyFetcher()
    html = ('<html><head><link rel="stylesheet" href="https://example.org/x.css"></head>'
            '<body><img src="http://127.0.0.1:9/x.png"><p>نص</p></body></html>')

    HTML(string=html, base_url=impact.STATIC_URL, url_fetcher=fetcher).write_pdf()

    assert sorted(fetcher.refused) == ["http://127.0.0.1:9/x.png", "https://example.org/x.css"]


def test_impact_report_previous_period_has_the_same_length():
    from datetime import date

    assert impact.previous_period(Period(date(2026, 3, 1), date(2026, 3, 31))) == Period(date(2026, 1, 29),
                                                                                         date(2026, 2, 28))
    assert impact.previous_period(Period(date(2026, 1, 1), date(2026, 12, 31))) == Period(date(2025, 1, 1),
                                                                                          date(2025, 12, 31))
