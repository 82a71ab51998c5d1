"""`{% rec_reports recommendation as section %}`, `{% measure_reports measure as section %}`:
what the progress reports section of a recommendation's or a measure's page shows
(`followup/_rec_reports.html`, `_measure_reports.html`, included by the page), so the page's own
view need not know what the section reads."""

from django import template

from mizan.followup.views_progress import report_section

register = template.Library()


@register.simple_tag(takes_context=True)
def rec_reports(context, recommendation):
    return report_section(context["request"].user, recommendation=recommendation)


@register.simple_tag(takes_context=True)
def measure_reports(context, measure):
    return report_section(context["request"].user, measure=measure)
