"""`{% rec_suggestions recommendation as section %}`: what the "Suggestions" section of a
recommendation's page shows (`followup/_rec_suggestions.html`, included by the page), so the
page's own view need not know what the section reads."""

from django import template

from mizan.followup.views_assist import suggestion_section

register = template.Library()


@register.simple_tag(takes_context=True)
def rec_suggestions(context, recommendation):
    section = suggestion_section(context["request"].user, recommendation)
    # A refused decision shows the page again with the error under `suggestions-form`.
    section["error"] = (context.get("errors") or {}).get("suggestions-form", "")
    return section
