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
import zlib
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
    # exact figures, in the organisation's Arabic-Indic digits: this period, previous, difference, and
    # the change from a base below 10 as both counts ("من ١ إلى ٥"), never "+٤٠٠٪"
    received = next(line for line in comparison.splitlines() if translated("Complaints received", "ar") in line)
    assert "٥" in received and not re.search("[0-9]", received)
    assert sorted(int(n) for n in re.findall(r"\d+", to_ascii_digits(received))) == [1, 1, 4, 5, 5]
    assert "٪" not in received


def test_impact_report_command_figures_and_comparison_in_english(org, earlier, tmp_path):
    pdf = run_command(org, tmp_path, "en")

    text = text_of(pdf, "-layout")
    assert "Impact report" in text
    assert "Human-rights department, Ministry of Interior" in text
    assert label("torture", "en") in text
    # comparison with the previous period: this period, previous period, difference, and the change:
    # from a base below 10 both counts, not a percentage ("+400%" from a single complaint)
    comparison = comparison_of(text)
    assert row(comparison, "Complaints received") == [1, 1, 4, 5, 5]
    line = next(line for line in comparison.splitlines() if "Complaints received" in line)
    assert "from 1 to 5" in line and "%" not in line
    assert row(comparison, "Allegations") == [2, 2, 6, 8, 8]
    assert row(comparison, "Closed") == [0, 0, 3, 3, 3]
    # the comparison by category: 4 torture allegations now, 1 before; arbitrary detention 1 and 1
    by_category = comparison[comparison.index("Allegations by category"):]
    assert row(by_category, label("torture", "en")) == [1, 1, 3, 4, 4]
    assert row(by_category, label("arbitrary_detention", "en")) == [0, 1, 1, 1, 1]
    assert "Change: not meaningful below 10." in " ".join(comparison.split())
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
    assert row(comparison_of(text), "Complaints received") == [0, 0, giza, giza, giza]

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
    assert row(comparison_of(text), "Complaints received") == [0, 0, 5, 5, 5]
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
    assert row(comparison_of(text), "Complaints received") == [0, 0, 1, 1, 1]  # their one, not org's five
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


# --- read by screen readers: a tagged PDF with its language ---------------------------------------

def pdf_text_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream opened (the catalog lives in an object
    stream), enough to find the catalog's entries without a PDF library."""
    opened = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            opened.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # not a Flate stream (an image, a font's raw data)
    return b"\n".join(opened)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_impact_report_is_a_tagged_pdf_with_its_language_and_title(org, dataset, tmp_path, language):
    report = impact.generate(org, period(), language=language)
    pdf = tmp_path / f"tagged-{language}.pdf"
    pdf.write_bytes(report.pdf)

    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(rf"^Title:\s+{re.escape(translated('Impact report', language))} · ", info, re.M)
    objects = pdf_text_objects(report.pdf)
    assert b"/StructTreeRoot" in objects and b"/StructElem" in objects
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", objects)
    assert re.search(rb"/Lang\s*\(" + language.encode() + rb"\)", objects)
    assert re.search(rb"/S\s*/(H1|H2|Table|P)\b", objects)  # headings, tables and paragraphs are tagged
    assert b"pdfuaid:part" in objects  # declared PDF/UA-1
    if language == "ar":  # tagging leaves the Arabic text extractable
        assert translated("Complaints received", "ar") in text_of(pdf)


# --- a chart's numbers sit next to their bars ------------------------------------------------------

BAR = (0x0B, 0x5D, 0x4B)  # the fill of the bars of one series (impact.FILLS["bar-1"])


def words_of(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run([tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, check=True).stdout.decode()
    return [(float(a), float(b), float(c), float(d), unescape_xml(t)) for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def unescape_xml(text: str) -> str:
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def bar_before(image, x: float, y: float, reach: float) -> float | None:
    """Points from `x` back (towards smaller x) to the first pixel of a bar, within `reach`; the
    page image is drawn at 72 dpi, one pixel a point."""
    for step in range(1, int(reach) + 1):
        r, g, b = image.getpixel((int(x) - step, int(y)))[:3]
        if abs(r - BAR[0]) + abs(g - BAR[1]) + abs(b - BAR[2]) < 60:
            return float(step)
    return None


def test_impact_report_chart_numbers_sit_next_to_their_bars(org, dataset, tmp_path):
    pdf = tmp_path / "bars.pdf"
    pdf.write_bytes(impact.generate(org, period(), language="en").pdf)
    category = label("arbitrary_detention", "en").split()[0]  # one allegation: a short bar (torture has 4)
    pages = page_count(pdf)
    page = next(n for n in range(1, pages + 1)
                if "Allegations by category" in text_of(pdf, "-f", str(n), "-l", str(n))
                and "The figures of the period" in text_of(pdf, "-f", str(n), "-l", str(n)))
    subprocess.run([tool("pdftoppm"), "-r", "72", "-f", str(page), "-l", str(page), "-png", str(pdf),
                    str(tmp_path / "bars")], check=True)
    image = Image.open(next(tmp_path.glob("bars-*.png"))).convert("RGB")
    words = words_of(pdf, page)

    label_word = next(w for w in words if w[4] == category)
    middle = (label_word[1] + label_word[3]) / 2
    on_line = [w for w in words if abs((w[1] + w[3]) / 2 - middle) < 2 and w[4].isdigit()]
    assert [w[4] for w in on_line] == ["1"]  # the chart's row: its label, its bar, its number
    number = on_line[0]
    gap = bar_before(image, number[0], middle, reach=40)
    assert gap is not None and gap <= 8  # about 1.5 mm between the bar's end and its number
    # the bar is short (1 of 4): its number is far from the end of the row, where the longest
    # bar's number is
    torture = next(w for w in words if w[4] == label("torture", "en").split()[0] and w[0] < 100)
    torture_middle = (torture[1] + torture[3]) / 2
    longest = next(w for w in words if abs((w[1] + w[3]) / 2 - torture_middle) < 2 and w[4] == "4")
    assert longest[0] - number[0] > 150
    assert bar_before(image, longest[0], torture_middle, reach=40) <= 8


def test_impact_report_bars_are_drawn_in_their_own_box_from_the_start_side(org, dataset):
    with translation.override("ar"):
        context = impact.build_context(org, period())
    categories = next(item for item in context["charts"] if item["section"].id == "categories")
    bars = [row["bar"] for row in categories["chart"]]

    assert [bar["extent"] for bar in bars][:2] == [100.0, 25.0]  # torture 4, then 1 of 4
    assert [bar["width"] for bar in bars][:2] == [80.0, 20.0]  # of the cell: room left for the number
    assert all(segment["x"] == 0 for bar in bars for segment in bar["segments"])
    # a stacked bar in Arabic: its first part at the right end of its own box, its last at 0
    outcomes = next(item for item in context["outcomes"] if item["section"].id == "outcomes")
    stacked = next(row["bar"] for row in outcomes["chart"] if len(row["bar"]["segments"]) > 1)
    first, last = stacked["segments"][0], stacked["segments"][-1]
    assert first["x"] + first["width"] == pytest.approx(stacked["extent"])
    assert last["x"] == 0
