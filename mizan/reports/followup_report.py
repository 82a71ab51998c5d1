"""The follow-up report: the state of implementation of an organisation's recommendations for a
period, as a tagged PDF (PDF/UA-1) to annex to a report to a UN mechanism or to the Council, in
Arabic (right to left) by default, or in English or French. Used by `manage.py followup_report`
and the follow-up dashboard's "Report (PDF)" button (`views_followup.report`).

    report = followup_report.generate(organisation, Period(date(2026, 1, 1), date(2026, 6, 30)), language="ar")
    report.pdf, report.pages, report.filename

What it holds: the summary (where the recommendations stand at the end of the period, what changed
in it), the tables and charts by status, theme, lead body, kind of source, plan phase, member
(a secretariat's) and the measures of the plans (`followup_stats`, `followup_sections`); then
each recommendation counted, with its status at the end of the period, the changes of status made
in the period (when, from what to what, by whom, the note), and the progress reports of the
period with their evidence listed (file name, date, who added it); then every indicator with its
chart of values against its baseline and target. The same engine as the impact report lays it
out: the project's fonts only, resources only from the static folders (`impact.StaticOnlyFetcher`),
Arabic that can be copied (`pdftext`), page numbers, and the organisation and the period on
every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.db.models.functions import Length
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from mizan.audit.models import record
from mizan.followup.models import (
    Evidence,
    ProgressReport,
    ResponsibleBody,
    SourceKind,
    StatusChange,
)

from . import pdftext
from .followup_sections import STATUS_LABELS, Builder, indicator_chart
from .followup_stats import Filters, Themes, counted, end_of, overview
from .impact import DEFAULT_FILL, LANGUAGES, PDF_VARIANT, STATIC_URL, StaticOnlyFetcher, language_of
from .statistics import Period

__all__ = ["FollowupReport", "build_context", "generate", "language_of", "render_pdf"]

# The fills of the follow-up's CSS classes (mizan.css), as SVG presentation attributes.
FILLS = {
    "bar-1": "#0b5d4b",
    "fu-st-not_started": "#c3c9d4", "fu-st-in_progress": "#1f4f99", "fu-st-partly_implemented": "#e0863a",
    "fu-st-implemented": "#1e6b2f", "fu-st-not_implemented": "#b3261e", "fu-st-no_longer_relevant": "#7a5aa6",
    "fu-st-none": "#e4e8ee",
    "fu-ms-planned": "#c3c9d4", "fu-ms-in_progress": "#1f4f99", "fu-ms-completed": "#1e6b2f",
    "fu-ms-delayed": "#b3261e", "fu-ms-cancelled": "#7a5aa6",
}
BASELINE_STROKE, TARGET_STROKE = "#5b6475", "#b3261e"
BAR_SHARE = 0.8  # of a chart's bar cell taken by its longest bar; the rest is for the number after it
MAX_DAYS = 10 * 366


@dataclass(frozen=True)
class FollowupReport:
    pdf: bytes
    pages: int
    language: str
    filename: str


def _bar(segments) -> dict:
    """A bar as long as itself (the number written after it sits at its end), its segments moved
    into its own box, with SVG fills (as `impact._bar`)."""
    if not segments:
        return {"width": 0, "extent": 0, "segments": []}
    start = min(s.x for s in segments)
    extent = round(sum(s.width for s in segments), 3)
    return {"width": round(extent * BAR_SHARE, 2), "extent": extent,
            "segments": [{"x": round(s.x - start, 3), "width": s.width, "fill": FILLS.get(s.css, DEFAULT_FILL)}
                         for s in segments]}


def _chart(section) -> dict:
    return {"section": section,
            "chart": [{"label": row.label, "value": row.value, "bar": _bar(row.segments), "second": None}
                      for row in section.chart],
            "legend": [(FILLS.get(css, DEFAULT_FILL), label) for css, label in section.legend]}


def _indicator(chart) -> dict:
    """An indicator's chart for the PDF: full-width bars (so that the baseline and target lines
    cross every bar at the same place), fills as attributes."""
    return {"chart": chart, "rows": [
        {"label": row.label, "value": row.value,
         "segments": [{"x": s.x, "width": s.width, "fill": FILLS.get(s.css, DEFAULT_FILL)} for s in row.segments]}
        for row in chart.rows], "baseline": BASELINE_STROKE, "target": TARGET_STROKE,
        # a line 0.6 wide, kept inside the box at either end
        "baseline_x": None if chart.baseline_x is None else min(max(chart.baseline_x - 0.3, 0.0), 99.4),
        "target_x": None if chart.target_x is None else min(max(chart.target_x - 0.3, 0.0), 99.4)}


def recommendations(organisation, period: Period, filters: Filters, today: date) -> list:
    """Each recommendation counted at the end of the period (`st`: its status then), with its
    source, themes, responsible bodies, the changes of the organisation's status made in the
    period (`changes`) and the organisation's progress reports of the period with their evidence
    (`period_reports`), in a fixed number of queries."""
    start, end = end_of(date.fromordinal(period.start.toordinal() - 1)), end_of(period.end)
    changes = (StatusChange.objects.filter(organisation_id=organisation.pk, at__gte=start, at__lt=end)
               .select_related("by").order_by("at", "id"))
    reports = (ProgressReport.objects.filter(organisation_id=organisation.pk, period_end__gte=period.start,
                                             period_end__lte=period.end)
               .select_related("created_by").order_by("period_end", "id")
               .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by")
                                          .order_by("created_at", "id"))))
    found = list(counted(organisation.pk, period, filters, Themes(), period.end >= today)
                .select_related("source")
                .prefetch_related("themes",
                                  Prefetch("responsible", queryset=ResponsibleBody.objects.select_related(
                                      "unit", "external")),
                                  Prefetch("history", queryset=changes, to_attr="changes"),
                                  Prefetch("reports", queryset=reports, to_attr="period_reports"))
                # paragraphs in their natural order: "8" before "12"
                .order_by("source__date", "source_id", "symbol", Length("paragraph"), "paragraph", "id"))
    for recommendation in found:
        recommendation.st_label = STATUS_LABELS.get(recommendation.st, recommendation.st)
        for report in recommendation.period_reports:
            report.status_label = STATUS_LABELS.get(report.status, report.status)
    return found


def build_context(organisation, period: Period, filters: Filters | None = None, *, today: date | None = None,
                  issued: date | None = None) -> dict:
    """Everything the report's templates show, in the active language."""
    filters = filters or Filters()
    today = today or timezone.localdate()
    data = overview(organisation, period, filters, today=today)
    builder = Builder(data, organisation, links=False)
    themes = Themes()
    filter_lines = []
    if filters.theme:
        found = next((c for c in themes.categories.values() if c.code == filters.theme), None)
        filter_lines.append((pgettext("follow-up dashboard", "Theme"), found.label if found else filters.theme))
    if filters.source_kind:
        filter_lines.append((pgettext("follow-up dashboard", "Kind of source"), str(dict(SourceKind.choices)[filters.source_kind])))
    return {
        "organisation": organisation, "overview": data, "period": period, "filters": filter_lines,
        "issued": issued or today, "language": translation.get_language(),
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "headline": builder.headline(), "charts": [_chart(section) for section in builder.sections()],
        "recommendations": recommendations(organisation, period, filters, today),
        "indicators": [_indicator(indicator_chart(row, organisation)) for row in data.indicators],
        "static": STATIC_URL, "title": gettext("Implementation of recommendations"),
        "subject": gettext("Follow-up of recommendations: status, evidence and indicators"),
    }


def render_pdf(context: dict) -> tuple[bytes, int]:
    """(PDF bytes, number of pages), laid out by WeasyPrint as the impact report is."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    pdftext.install()  # copyable Arabic text
    html = render_to_string("reports/followup/report.html", context)
    document = HTML(string=html, base_url=STATIC_URL, url_fetcher=StaticOnlyFetcher()).render(
        font_config=FontConfiguration())
    # PDF/UA-1: tagged (headings, tables, lists in reading order), with the document's language
    # (<html lang>) and title (<title>).
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)


def filename(organisation, period: Period, language: str) -> str:
    return f"followup-report-{organisation.slug}-{period.start.isoformat()}-{period.end.isoformat()}-{language}.pdf"


def generate(organisation, period: Period, filters: Filters | None = None, *, language: str = "ar",
             today: date | None = None) -> FollowupReport:
    """The follow-up report of `organisation` for `period` in `language`. Read-only."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    with translation.override(language):
        pdf, pages = render_pdf(build_context(organisation, period, filters, today=today))
    return FollowupReport(pdf=pdf, pages=pages, language=language, filename=filename(organisation, period, language))


def audit(report: FollowupReport, *, organisation, actor, period: Period, filters: Filters, via: str) -> None:
    """One audit row `report.followup`: the period, the names of the filters used, language,
    pages and size."""
    record(action="report.followup", organisation=organisation, actor=actor,
           data={"from": period.start.isoformat(), "to": period.end.isoformat(), "filters": sorted(filters.params()),
                 "language": report.language, "pages": report.pages, "bytes": len(report.pdf), "via": via})
