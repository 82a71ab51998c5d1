"""{% load search_tags %} — search snippets for a result list.

    {% search_snippets rows values.q as search %}

sets `row.search_snippet` (safe HTML, "" when the match is not in a text) on every case of the
page in a fixed number of queries, and gives the prepared query (`search.active`,
`search.note`) to the template.
"""

from django import template

from mizan.search.snippets import attach_snippets

register = template.Library()


@register.simple_tag(takes_context=True)
def search_snippets(context, rows, q):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return attach_snippets(user, list(rows or []), q or "")
