"""Template tags of the plans: the measures of the reader's organisation that answer a
recommendation (its page is another part's; the section is `followup/measures_for_recommendation.html`)."""

from django import template

from mizan.followup.access import can, measures_for

register = template.Library()


@register.simple_tag(takes_context=True)
def measures_answering(context, recommendation) -> list:
    """The measures of the reader's own plans that answer `recommendation` (one query); another
    organisation's plans stay out, a secretariat's included."""
    request = context.get("request")
    if request is None or not can(request.user, "view_followup"):
        return []
    return list(measures_for(request.user).filter(recommendations=recommendation)
                .select_related("goal__phase__strategy").order_by("goal__phase__strategy_id", "due_on", "pk"))
