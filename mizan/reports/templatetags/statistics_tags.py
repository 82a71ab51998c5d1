"""One cell of a statistics table: the number in the reader's digits, a link to the cases behind
it when there is one, or the text that stands for it ("fewer than 5")."""

from django import template
from django.utils.html import format_html

from mizan.core.templatetags.mizan import _arabic_digits, num
from mizan.lib.digits import to_arabic_indic

register = template.Library()


@register.simple_tag
def stat_cell(cell, organisation=None):
    if cell.text is not None:
        css = "suppressed" if getattr(cell, "suppressed", False) else ""
        return format_html('<span class="{}">{}</span>', css, cell.text) if css else cell.text
    if cell.value is None:
        return "—"
    if cell.url:
        if cell.title:
            return format_html('<a href="{}" title="{}">{}</a>', cell.url, cell.title, num(cell.value, organisation))
        return format_html('<a href="{}">{}</a>', cell.url, num(cell.value, organisation))
    return num(cell.value, organisation)


@register.filter
def digits(value, organisation=None):
    """A number written as it is, without grouping (a year), in the organisation's digits."""
    text = str(value)
    return to_arabic_indic(text) if _arabic_digits(organisation) else text
