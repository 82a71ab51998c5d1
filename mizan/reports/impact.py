"""The impact report: one organisation's statistics for a period as a PDF, in Arabic (right to
left) by default, or in English or French. Used by `manage.py impact_report`, the dashboard's
"Impact report (PDF)" button (`views_impact.py`) and `bench/impact_report.py`.

    report = impact.generate(organisation, Period(date(2026, 1, 1), date(2026, 12, 31)), language="ar")
    report.pdf, report.pages, report.filename

Everything in it comes from `statistics.overview` (for the period and for the previous period of
the same length) through the dashboard's `Builder` without links: aggregates only, never a case
or a person. The charts are SVG rectangles with their labels and numbers in HTML (WeasyPrint
shapes Arabic text inside SVG wrongly), and the page is laid out by WeasyPrint with the project's
own fonts. Its `url_fetcher` serves only files under the project's static folders and refuses
anything else, so rendering never touches the network, whatever the HTML holds.
"""

from __future__ import annotations

import io
import logging
import mimetypes
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.db import connection, connections
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from mizan.audit.models import record
from mizan.complaints.models import Channel, Finding, Vulnerability
from mizan.core.templatetags.mizan import num, percent

from . import pdftext, statistics
from .dashboard import MIN_BASE, Builder, change, signed, small_base_note
from .models import PublicationSettings
from .statistics import Filters, Period

LANGUAGES = ("ar", "en", "fr")
TABLE_LIMIT = 25  # rows printed of the long tables (places); the statistics export has them all
# The only addresses the PDF's resources may have. A scheme of letters only, which collectstatic's
# CSS post-processing leaves alone as it does "https:" (impact.css names the fonts with it).
STATIC_URL = "mizanstatic:/"
# The fills of the dashboard's CSS classes, as SVG presentation attributes: the PDF's charts carry
# no class for WeasyPrint's SVG renderer to resolve.
FILLS = {
    "bar-1": "#0b5d4b", "bar-2": "#9fb8b0",
    "seg-substantiated": "#b3261e", "seg-partly_substantiated": "#e07b39", "seg-not_substantiated": "#5b6475",
    "seg-mediation": "#2f6fb3", "seg-outside_mandate": "#a78bbf", "seg-pending": "#d6dbe4",
    "seg-on-time": "#0b5d4b", "seg-late": "#b3261e",
}
DEFAULT_FILL = "#5b6475"
PDF_VARIANT = "pdf/ua-1"
SUMMARY_LINES = 4  # of the comparison, repeated in the summary part (reports/impact/_summary.html)
BAR_SHARE = 0.8  # of a chart's bar cell taken by its longest bar; the rest is for the number after it
DEFAULT_THRESHOLD = 5
# WeasyPrint logs every step of every report at INFO ("Step 5 - Creating layout - Page 3").
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class RefusedURL(ValueError):
    """A resource outside the project's static folders was asked for."""


class StaticOnlyFetcher:
    """WeasyPrint's url_fetcher: `mizanstatic:/css/impact.css` and the like are read from the
    project's static folders (through the staticfiles finders, so `STATICFILES_DIRS` and the
    apps' static folders, never a path outside them); every other address (http, https, file,
    data, ...) is refused. `refused` lists what was asked and refused, for tests and logs."""

    def __init__(self):
        self.refused: list[str] = []
        self._fail_on_errors = False  # read by weasyprint.urls.fetch

    def __call__(self, url: str):
        from weasyprint.urls import URLFetcherResponse

        path = self.resolve(url)
        if path is None:
            self.refused.append(url[:200])
            raise RefusedURL(f"refused: {url[:200]}")
        if path.suffix == ".woff2":
            stat = path.stat()
            return URLFetcherResponse(url, _sfnt(str(path), stat.st_mtime_ns, stat.st_size),
                                      headers={"Content-Type": "font/ttf"})
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": kind})

    fetch = __call__

    @staticmethod
    def resolve(url: str) -> Path | None:
        """The file behind `url` if it is one of the project's static files; None otherwise."""
        if not url.startswith(STATIC_URL):
            return None
        parts = urlsplit(url)
        relative = unquote(parts.path).lstrip("/")
        if not relative or parts.query or ".." in Path(relative).parts or "\\" in relative:
            return None
        found = finders.find(relative)
        if not found:
            return None
        path = Path(found).resolve()
        roots = [Path(root).resolve() for root in _static_roots()]
        if not path.is_file() or not any(path.is_relative_to(root) for root in roots):
            return None
        return path


@lru_cache(maxsize=16)
def _sfnt(path: str, _mtime_ns: int, _size: int) -> bytes:
    """The font of a WOFF2 file, decompressed once per process (and again if the file changes):
    WeasyPrint would decompress it at every report, which costs more than laying out the pages."""
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _static_roots() -> list[str]:
    roots = []
    for finder in finders.get_finders():
        for _path, storage in finder.list([]):
            location = getattr(storage, "location", None)
            if location and location not in roots:
                roots.append(location)
    return roots


@dataclass(frozen=True)
class ImpactReport:
    pdf: bytes
    pages: int
    language: str
    filename: str


def previous_period(period: Period) -> Period:
    """The period of the same number of days that ends the day before `period` starts."""
    days = (period.end - period.start).days + 1
    end = period.start - timedelta(days=1)
    return Period(end - timedelta(days=days - 1), end)


def _difference(now: int | None, before: int | None, organisation) -> str:
    if now is None or before is None:
        return "—"
    delta = now - before
    return num(0, organisation) if delta == 0 else signed(num(abs(delta), organisation), delta > 0)


def _line(label: str, now, before, organisation) -> dict:
    """A comparison line of counts; `small` when the change is given as the two counts."""
    text, small = change(now, before, organisation)
    return {"label": label, "now": num(now, organisation), "before": num(before, organisation),
            "difference": _difference(now, before, organisation), "change": text, "small": small}


def _comparison(data, previous, organisation) -> list[dict]:
    """Lines of the comparison with the previous period: label, both values as shown, change."""
    substantiated = Finding.SUBSTANTIATED.value

    def count(label, now, before):
        return _line(label, now, before, organisation)

    def rate(label, now, before):
        points = None if now is None or before is None else round((now - before) * 100)
        return {"label": label, "now": percent(now, organisation), "before": percent(before, organisation),
                "difference": "—" if points is None else (
                    num(0, organisation) if points == 0 else signed(num(abs(points), organisation), points > 0)),
                "change": "—", "points": points is not None, "small": False}

    def days(label, now, before):
        line = count(label, now, before)
        line["now"] = num(now, organisation) if now is not None else "—"
        line["before"] = num(before, organisation) if before is not None else "—"
        return line

    d, p = data.deadlines, previous.deadlines
    return [
        count(gettext("Complaints received"), data.received, previous.received),
        count(gettext("Allegations"), data.allegations, previous.allegations),
        count(gettext("Closed"), data.closed, previous.closed),
        count(gettext("Open"), data.open, previous.open),
        count(str(statistics.OUTCOME_LABELS[substantiated]), data.outcome_totals.get(substantiated, 0),
              previous.outcome_totals.get(substantiated, 0)),
        rate(gettext("Acknowledged on time"), d.first_action.rate, p.first_action.rate),
        rate(gettext("Resolved on time"), d.resolution.rate, p.resolution.rate),
        days(gettext("Median days to resolve"), d.median_days, p.median_days),
        days(gettext("90th percentile of days to resolve"), d.p90_days, p.p90_days),
    ]


def _category_comparison(data, previous, organisation) -> list[dict]:
    before = {row.key: row.allegations for row in previous.by_category}
    now = {row.key: row for row in data.by_category}
    rows = [_line(row.label, row.allegations, before.get(row.key, 0), organisation) for row in data.by_category]
    rows += [_line(row.label, 0, row.allegations, organisation) for row in previous.by_category if row.key not in now]
    return rows


def _filter_lines(filters: Filters, labels: statistics.Labels, organisation) -> list[tuple[str, str]]:
    """(name, value) of each filter in use, in the active language."""
    lines = []
    if filters.governorate:
        found = next((g.name for g in labels.governorates.values() if g.code == filters.governorate), filters.governorate)
        lines.append((organisation.division_label, found))
    if filters.facility is not None:
        facility = labels.facilities.get(filters.facility)
        lines.append((gettext("Place"), facility.name if facility else str(filters.facility)))
    if filters.category:
        found = next((c.label for c in labels.categories.values() if c.code == filters.category), filters.category)
        lines.append((gettext("Category"), found))
    if filters.vulnerability:
        lines.append((gettext("Group at risk"), str(dict(Vulnerability.choices).get(filters.vulnerability,
                                                                                      filters.vulnerability))))
    if filters.channel:
        lines.append((gettext("Channel"), str(dict(Channel.choices).get(filters.channel, filters.channel))))
    return lines


def _shorten(section, organisation, limit: int = TABLE_LIMIT):
    """A section of places whose table is cut to the `limit` with the most complaints (its rows
    come most first), with a note saying how many were left out."""
    if len(section.rows) <= limit:
        return section
    left = len(section.rows) - limit
    section.rows = section.rows[:limit]
    extra = gettext("The table lists the %(shown)s with the most complaints; the %(left)s others are in the "
                    "statistics export.") % {"shown": num(limit, organisation), "left": num(left, organisation)}
    section.chart_note = f"{section.chart_note} {extra}".strip()
    return section


def _bar(segments) -> dict:
    """One bar of the PDF: an SVG as long as the bar itself (`width`, a percentage of the bar's
    cell; the longest bar of a chart takes `BAR_SHARE` of it), so that the number written after
    it sits next to its end, and the segments inside it with SVG fills instead of CSS classes.
    Segments come as the dashboard draws them, on 0..100 of the whole cell, from the start side
    (the right in Arabic): they are moved to the bar's own box here."""
    if not segments:
        return {"width": 0, "extent": 0, "segments": []}
    start = min(s.x for s in segments)
    extent = round(sum(s.width for s in segments), 3)
    return {"width": round(extent * BAR_SHARE, 2), "extent": extent,
            "segments": [{"x": round(s.x - start, 3), "width": s.width, "fill": FILLS.get(s.css, DEFAULT_FILL)}
                         for s in segments]}


def _chart_rows(section) -> list[dict]:
    return [{"label": row.label, "value": row.value, "bar": _bar(row.segments),
             "second": None if row.second is None else _bar(row.second), "second_value": row.second_value}
            for row in section.chart]


def threshold_of(organisation) -> int:
    found = PublicationSettings.objects.filter(organisation=organisation).values_list("threshold", flat=True).first()
    return found or DEFAULT_THRESHOLD


def _overviews(organisation, periods, filters, today, use_cache, labels) -> list:
    """`statistics.overview` of each period. Outside a transaction, the previous period is counted
    in a second thread with its own database connection while this one counts the period (the
    database does the work, so the two run on two cores); inside one (tests, a caller's atomic
    block) one after the other, since another connection would not see uncommitted rows."""
    def one(period):
        return statistics.overview(organisation, period, filters, today=today, use_cache=use_cache, labels=labels)

    if connection.in_atomic_block or len(periods) < 2:
        return [one(period) for period in periods]
    language = translation.get_language()

    def in_thread(period):
        try:
            with translation.override(language):
                return one(period)
        finally:
            connections.close_all()  # this thread's connections only

    with ThreadPoolExecutor(max_workers=1) as pool:
        later = [pool.submit(in_thread, period) for period in periods[1:]]
        first = one(periods[0])
        return [first, *(future.result() for future in later)]


def build_context(organisation, period: Period, filters: Filters | None = None, *, today: date | None = None,
                  use_cache: bool = True, issued: date | None = None) -> dict:
    """Everything the report's templates show, in the active language: two `overview` calls
    (the period, and the previous period of the same length) and the dashboard's sections."""
    filters = filters or Filters()
    today = today or timezone.localdate()
    labels = statistics.Labels(organisation)
    before = previous_period(period)
    data, previous = _overviews(organisation, (period, before), filters, today, use_cache, labels)
    builder = Builder(data, organisation, links=False)
    sections = {section.id: section for section in builder.sections()}
    for key in ("governorates", "facilities"):
        _shorten(sections[key], organisation)
    charts = [{"section": section, "chart": _chart_rows(section),
               "legend": [(FILLS.get(css, DEFAULT_FILL), label) for css, label in section.legend]}
              for section in sections.values()]
    by_id = {item["section"].id: item for item in charts}
    d = data.deadlines
    comparison = _comparison(data, previous, organisation)
    category_comparison = _category_comparison(data, previous, organisation)
    return {
        "organisation": organisation, "overview": data, "previous": previous, "period": period,
        "previous_period": before, "filters": _filter_lines(filters, labels, organisation),
        "issued": issued or today, "language": translation.get_language(),
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "headline": builder.headline(),
        "rates": [
            (gettext("Acknowledged on time"), percent(d.first_action.rate, organisation)),
            (gettext("Resolved on time"), percent(d.resolution.rate, organisation)),
            (gettext("Median days to resolve"), num(d.median_days, organisation) or "—"),
            (gettext("90th percentile of days to resolve"), num(d.p90_days, organisation) or "—"),
        ],
        # the dashboard's charts, then the subjects the report gives a part of their own
        "charts": [by_id[key] for key in ("trend", "categories", "governorates", "facilities", "channels",
                                          "statuses")],
        "deadlines": [by_id["deadlines"], by_id["days"]],
        "outcomes": [by_id["outcomes"]],
        "groups": [by_id["groups"]],
        "places": [by_id["place-outcomes"]],
        "comparison": comparison,
        "category_comparison": category_comparison,
        "small_base": any(line["small"] for line in [*comparison, *category_comparison]),
        "summary_small_base": any(line["small"] for line in comparison[:SUMMARY_LINES]),
        "small_base_note": small_base_note(organisation),
        "min_base": MIN_BASE,
        "threshold": threshold_of(organisation),
        "static": STATIC_URL,
        "title": gettext("Impact report"),
        "subject": pgettext("impact report subject", "Human-rights complaints: figures, deadlines and outcomes"),
    }


def render_pdf(context: dict) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) of the report's HTML, laid out by WeasyPrint with the
    project's fonts; resources only through `StaticOnlyFetcher`."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    pdftext.install()  # copyable Arabic text
    html = render_to_string("reports/impact/report.html", context)
    fetcher = StaticOnlyFetcher()
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=STATIC_URL, url_fetcher=fetcher).render(font_config=fonts)
    # PDF/UA-1: tagged (headings, tables, paragraphs in reading order), marked, with the document's
    # language (<html lang>) and title (<title>), so that screen readers read the report.
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf, len(document.pages)


def filename(organisation, period: Period, language: str) -> str:
    return f"impact-report-{organisation.slug}-{period.start.isoformat()}-{period.end.isoformat()}-{language}.pdf"


def generate(organisation, period: Period, filters: Filters | None = None, *, language: str = "ar",
             today: date | None = None, use_cache: bool = True) -> ImpactReport:
    """The impact report of `organisation` for `period` (and `filters`) in `language`. Read-only."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    with translation.override(language):
        context = build_context(organisation, period, filters, today=today, use_cache=use_cache)
        pdf, pages = render_pdf(context)
    return ImpactReport(pdf=pdf, pages=pages, language=language, filename=filename(organisation, period, language))


def language_of(code: str | None) -> str:
    """One of `LANGUAGES` for a language code such as "fr-FR" (Arabic for anything else)."""
    code = (code or "")[:2].lower()
    return code if code in LANGUAGES else "ar"


def audit(report: ImpactReport, *, organisation, actor, period: Period, filters: Filters, via: str) -> None:
    """One audit row `report.impact`: the period, the names of the filters used (never their
    values), language, pages and size. The report holds no personal data."""
    record(action="report.impact", organisation=organisation, actor=actor,
           data={"from": period.start.isoformat(), "to": period.end.isoformat(), "filters": sorted(filters.params()),
                 "language": report.language, "pages": report.pages, "bytes": len(report.pdf), "via": via})
