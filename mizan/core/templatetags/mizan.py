"""Template filters: numbers and dates in the reader's locale, per the organisation's settings.

    {% load mizan %}
    {{ count|num:org }}          1234 -> ١٬٢٣٤ in Arabic when the organisation wants Arabic-Indic digits
    {{ case.received_at|day:org }}   date in the active language, with the Hijri date beside it
                                     when the organisation shows Hijri dates

and user text shown next to system text, without the characters that reorder or hide text
(display only: what is stored is unchanged; see `mizan.lib.textsafety`). Still auto-escaped,
and still to be put in an element with `dir="auto"` (or `<bdi>`):

    <span dir="auto">{{ person_name|user_name }}</span>    names, file names, labels, short values
    <div dir="auto">{{ message.body|user_text }}</div>     narratives, messages, notes
    <span dir="auto">{{ case.officer|staff_name }}</span>  a staff member's full name (never the login)
"""

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal
from django import template
from django.utils import timezone
from django.utils.translation import get_language, gettext
from hijridate import Gregorian

from mizan.lib.textsafety import neutralise_name, neutralise_text

register = template.Library()

HIJRI_MONTHS_AR = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                   "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]


def _arabic_digits(org) -> bool:
    return (get_language() or "ar").startswith("ar") and bool(getattr(org, "arabic_indic_digits", False))


@register.filter
def num(value, org=None):
    if value in (None, ""):
        return ""
    lang = (get_language() or "ar")[:2]
    if _arabic_digits(org):
        from mizan.lib.digits import to_arabic_indic

        # Babel gives the Arabic separators; the digits themselves are converted here.
        return to_arabic_indic(format_decimal(value, locale="ar_EG", numbering_system="arab"))
    return format_decimal(value, locale={"ar": "ar", "fr": "fr", "en": "en"}.get(lang, "en"),
                          numbering_system="latn")


def hijri(day: date) -> str:
    if not (1924 <= day.year <= 2076):
        return ""  # outside hijridate's range: show the Gregorian date alone
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    if (get_language() or "ar").startswith("ar"):
        return f"{h.day} {HIJRI_MONTHS_AR[h.month - 1]} {h.year} هـ"
    return f"{h.day} {h.month_name('en')} {h.year} AH"


@register.filter
def day(value, org=None):
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    lang = (get_language() or "ar")[:2]
    locale = "ar_EG" if _arabic_digits(org) else {"ar": "ar", "fr": "fr", "en": "en"}.get(lang, "ar")
    text = format_date(value, format="d MMMM y", locale=locale)
    from mizan.lib.digits import to_arabic_indic, to_ascii_digits

    text = to_arabic_indic(text) if _arabic_digits(org) else to_ascii_digits(text)
    if getattr(org, "show_hijri", False):
        extra = hijri(value)
        if extra:
            if _arabic_digits(org):
                extra = to_arabic_indic(extra)
            text = f"{text} ({extra})"
    return text


@register.filter
def staff_name(user):
    """A staff member as people know them: the full name, never the login name. An account
    without a name (an admin forgot to fill it in) reads "Staff member"."""
    if user is None:
        return ""
    full = (user.get_full_name() or "").strip()
    return neutralise_name(full) if full else gettext("Staff member")


@register.filter
def user_name(value):
    return "" if value is None else neutralise_name(value)


@register.filter
def user_text(value):
    return "" if value is None else neutralise_text(value)
