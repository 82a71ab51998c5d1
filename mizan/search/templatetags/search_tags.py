"""{% load search_tags %} — search snippets for a result list.

    {% search_snippets rows values.q as search %}

sets `row.search_snippet` (safe HTML, "" when the match is not in a text) on every case of the
page in a fixed number of queries, and gives the prepared query (`search.active`,
`search.note`) to the template.

    {% recommendation_snippets rows filters.q as search %}

does the same for a page of follow-up recommendations (`rows`: recommendations, or the list's
rows holding one as `rec`), without any query.
"""

from django import template

from mizan.search import recommendations
from mizan.search.snippets import attach_snippets

register = template.Library()


@register.simple_tag(takes_context=True)
def search_snippets(context, rows, q):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return attach_snippets(user, list(rows or []), q or "")


@register.simple_tag
def recommendation_snippets(rows, q):
    items = [row["rec"] if isinstance(row, dict) else getattr(row, "rec", row) for row in rows or []]
    return recommendations.attach_snippets(items, q or "")
