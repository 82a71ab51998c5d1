"""Template filters: numbers and dates in the reader's locale, per the organisation's settings.

    {% load mizan %}
    {{ count|num:org }}          1234 -> ١٬٢٣٤ in Arabic when the organisation wants Arabic-Indic digits
    {{ rate|percent:org }}       0.25 -> ٢٥٪ / 25% / 25 %
    {{ bytes|filesize:org }}     10485760 -> ١٠ م.ب / 10 MB / 10 Mo
    {{ case.received_at|day:org }}   date in the active language, with the Hijri date beside it
                                     when the organisation shows Hijri dates
    {{ case.reference|ref }}     a reference number that never wraps nor reorders inside itself

One convention for every number shown (portal, desk, dashboard, exports, the PDF): CLDR's symbols
for the active language through Babel, with Arabic-Indic digits only in Arabic and only where
the organisation wants them; then CLDR's Arabic separators (٫ decimal, ٬ grouping) and percent
sign (٪) go with them, and with Western digits Arabic uses "." and "," as CLDR gives.

and user text shown next to system text, without the characters that reorder or hide text
(display only: what is stored is unchanged; see `mizan.lib.textsafety`). Still auto-escaped,
and still to be put in an element with `dir="auto"` (or `<bdi>`):

    <span dir="auto">{{ person_name|user_name }}</span>    names, file names, labels, short values
    <div dir="auto">{{ message.body|user_text }}</div>     narratives, messages, notes
    <span dir="auto">{{ case.officer|staff_name }}</span>  a staff member's full name (never the login)
"""

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext, pgettext
from hijridate import Gregorian

from mizan.lib.digits import to_arabic_indic, to_ascii_digits
from mizan.lib.textsafety import neutralise_name, neutralise_text

register = template.Library()

LOCALES = {"ar": "ar", "fr": "fr", "en": "en"}
HIJRI_MONTHS_AR = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                   "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
# CLDR's French names of the months of the Islamic calendar (Babel formats only the Gregorian
# calendar, and hijridate names months in English and Arabic only).
HIJRI_MONTHS_FR = ["mouharram", "safar", "rabia al-awal", "rabia ath-thani", "joumada al-oula",
                   "joumada ath-thania", "rajab", "chaabane", "ramadan", "chawwal", "dhou al-qi’da",
                   "dhou al-hijja"]
ARABIC_PERCENT = "\u066a"  # ٪, CLDR's percent sign with Arabic-Indic digits
KIB = 1024


def _language() -> str:
    code = (get_language() or "ar")[:2]
    return code if code in LOCALES else "ar"


def _arabic_digits(org) -> bool:
    return _language() == "ar" and bool(getattr(org, "arabic_indic_digits", False))


def _digits(text: str, org) -> str:
    """Babel gives the separators of the numbering system; the digits are written here."""
    return to_arabic_indic(text) if _arabic_digits(org) else to_ascii_digits(text)


def _numbering(org) -> str:
    return "arab" if _arabic_digits(org) else "latn"


@register.filter
def num(value, org=None):
    """A count or a measure: grouped, without a superfluous ",0" (10.0 -> "10", 10.5 -> "10,5")."""
    if value in (None, ""):
        return ""
    return _digits(format_decimal(value, locale=LOCALES[_language()], numbering_system=_numbering(org)), org)


def percent(rate, org=None) -> str:
    """A share (0.25) as a whole percentage, "—" when there is none."""
    if rate is None or rate == "":
        return "—"
    text = format_percent(rate, locale=LOCALES[_language()], numbering_system=_numbering(org))
    if _arabic_digits(org):
        text = text.replace("%", ARABIC_PERCENT)
    return _digits(text, org)


register.filter("percent", percent)


@register.filter
def filesize(value, org=None):
    """A size in bytes in the reader's units and digits: "10 MB", « 10 Mo », «١٠ م.ب»; one
    decimal at most, and none when it is zero. The space before the unit does not break."""
    if value in (None, ""):
        return ""
    size = int(value)
    if size < KIB:
        text = ngettext("%(size)s byte", "%(size)s bytes", size) % {"size": num(size, org)}
    else:
        units = [pgettext("file size", "%(size)s KB"), pgettext("file size", "%(size)s MB"),
                 pgettext("file size", "%(size)s GB")]
        amount, unit = size / KIB, 0
        while amount >= KIB and unit < len(units) - 1:
            amount, unit = amount / KIB, unit + 1
        figure = _digits(format_decimal(round(amount, 1), format="#,##0.#", locale=LOCALES[_language()],
                                        numbering_system=_numbering(org)), org)
        text = units[unit] % {"size": figure}
    return text.replace(" ", "\u00a0")


def hijri(day: date) -> str:
    if not (1924 <= day.year <= 2076):
        return ""  # outside hijridate's range: show the Gregorian date alone
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    language = _language()
    if language == "ar":
        return f"{h.day} {HIJRI_MONTHS_AR[h.month - 1]} {h.year} هـ"
    if language == "fr":
        return f"{h.day} {HIJRI_MONTHS_FR[h.month - 1]} {h.year} H"  # H: hégire
    return f"{h.day} {h.month_name('en')} {h.year} AH"


@register.filter
def day(value, org=None):
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    locale = "ar_EG" if _arabic_digits(org) else LOCALES[_language()]
    text = _digits(format_date(value, format="d MMMM y", locale=locale), org)
    if getattr(org, "show_hijri", False):
        extra = hijri(value)
        if extra:
            text = f"{text} ({_digits(extra, org)})"
    return text


@register.filter
def ref(value):
    """A reference number (EG-2026-000501) as one unbreakable left-to-right piece, whatever the
    direction of the text around it (class `ref` in mizan.css and impact.css)."""
    if value in (None, ""):
        return ""
    return format_html('<span class="ref" dir="ltr" translate="no">{}</span>', value)


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
