"""Personal data in free text: national IDs, phone numbers, e-mails, IBANs, vehicle plates.

Pure Python (no Django), for the Arab countries Mizan serves. Offsets are in the ORIGINAL text:
Arabic-Indic and Persian digits are mapped to ASCII one character for one, so every position
stays where it was.

Numbers are ambiguous — an 8-digit number is a date, an amount, a Tunisian phone or a Tunisian
ID — so forms that collide with ordinary numbers are only reported with a keyword shortly before
them (KEYWORD_WINDOW characters): "بطاقة التعريف 01234567", "هاتف 98 123 456". Structured forms
are checked where a check exists (the date and governorate inside an Egyptian ID, mod-97 for an
IBAN). Case references like EG-2026-000123 are never personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mizan.lib.arabic.normalise import normalise

__all__ = ["KINDS", "KEYWORD_WINDOW", "PIIMatch", "find_pii", "redact"]

KINDS = ("national_id", "phone", "email", "iban", "plate")
KEYWORD_WINDOW = 30

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


@dataclass(frozen=True)
class PIIMatch:
    kind: str
    start: int
    end: int
    value: str


# --- keywords ----------------------------------------------------------------------------------

def _keywords(words: str) -> tuple[str, ...]:
    return tuple(sorted({normalise(word) for word in words.split("|")}))


_ID_KEYWORDS = _keywords(
    "رقم الهوية|الهوية|هوية|هويتي|هويته|هويتها|الرقم الوطني|رقم وطني|رقمه الوطني|رقمي الوطني"
    "|الرقم القومي|رقم قومي|رقمي القومي|رقمه القومي|رقم البطاقة|البطاقة|بطاقة|بطاقتي|بطاقته|بطاقتها"
    "|رقم مدني|الرقم المدني|رقمي المدني|البطاقة المدنية|السجل المدني|بطاقة التعريف|ب.ت.و|ب ت و"
    "|الإقامة|اقامة|إقامتي|الرقم الشخصي|national id|national number|id|civil id"
    "|civil|cpr|qid|cin|cni|nin|carte d'identité|carte d identite|carte nationale|numéro national"
)
_PHONE_KEYWORDS = _keywords(
    "هاتف|هاتفي|هاتفه|الهاتف|تليفون|تليفوني|تلفون|تلفوني|موبايل|موبايلي|جوال|جوالي|جواله|الجوال"
    "|محمول|المحمول|خلوي|نقال|واتس|واتساب|اتصل|اتصال|رقمي|phone|telephone|tel|mobile|cell"
    "|whatsapp|portable|gsm|tél|téléphone"
)
_PLATE_KEYWORDS = _keywords(
    "لوحة|لوحات|لوحتها|نمرة|نمرتها|رقم العربية|عربية رقم|العربية رقم|رقم السيارة|سيارة رقم"
    "|السيارة رقم|رقم المركبة|مركبة رقم|plaque|immatriculation|immatriculée|plate|licence plate"
    "|license plate|registration"
)
_RIB_KEYWORDS = _keywords("rib|relevé d'identité bancaire")
_IBAN_KEYWORDS = _keywords("iban|ايبان|آيبان|الآيبان|الحساب الدولي|compte")

_LATIN_WORD = re.compile(r"[a-z]")


def _has_keyword(folded: str, start: int, keywords: tuple[str, ...]) -> bool:
    """Whether one of `keywords` appears in the KEYWORD_WINDOW characters before `start`."""
    window = normalise(folded[max(0, start - KEYWORD_WINDOW) : start])
    for keyword in keywords:
        position = window.find(keyword)
        while position != -1:
            if not _LATIN_WORD.match(keyword):
                return True
            # Latin keywords must be whole words: "cin" is not in "medicine".
            before = window[position - 1] if position else " "
            end = position + len(keyword)
            after = window[end] if end < len(window) else " "
            if not (before.isalpha() and before.isascii()) and not (
                after.isalpha() and after.isascii()
            ):
                return True
            position = window.find(keyword, position + 1)
    return False


# --- e-mail and IBAN ---------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)

# IBAN lengths of the region and of countries whose banks complainants commonly use.
_IBAN_LENGTHS = {
    "EG": 29, "SA": 24, "AE": 23, "JO": 30, "KW": 30, "QA": 29, "BH": 22, "TN": 24, "LB": 28,
    "PS": 29, "IQ": 23, "DZ": 26, "MA": 28, "LY": 25, "OM": 23, "MR": 27, "SD": 18, "YE": 30,
    "TR": 26, "FR": 27, "DE": 22, "GB": 22, "IT": 27, "ES": 24, "BE": 16, "NL": 18, "CH": 21,
}
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30}(?![A-Za-z0-9])")
_RIB = re.compile(r"(?<![0-9])\d{3}(?:[ ]?\d){21}(?![0-9])")


def _mod97_valid(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def _iban_at(candidate: str, announced: bool) -> int:
    """Length (in characters of `candidate`) of the valid IBAN it starts with, or 0.

    The candidate may run on into following text ("EG38... and"), so the prefix that has the
    country's length and passes mod-97 is taken. Countries not in _IBAN_LENGTHS are accepted
    only when the text says IBAN (`announced`): trying every length of a run of words would
    let one in 97 ordinary strings through.
    """
    compact_positions = [i for i, char in enumerate(candidate) if char != " "]
    compact = candidate.replace(" ", "").upper()
    country = compact[:2]
    if country in _IBAN_LENGTHS:
        lengths = [_IBAN_LENGTHS[country]]
    elif announced:
        lengths = range(min(len(compact), 34), 14, -1)
    else:
        return 0
    for length in lengths:
        if length <= len(compact) and _mod97_valid(compact[:length]):
            return compact_positions[length - 1] + 1
    return 0


# --- numbers: phones and national IDs ----------------------------------------------------------

# A run of digits with single separators (space, dash, dot, "(0)", ")") and an optional
# + / 00 prefix, possibly in parentheses: "(+966) 50 123 4567".
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z+(])(?:\((?=(?:\+|00)\d{1,3}\)))?(?:\+|00)?[ ]?(?:\(0\)[ ]?)?"
    r"\d+(?:(?:[ ]?[-.][ ]?|[ ]?\(0\)[ ]?|\)[ ]?|[ ])\d+)*"
)
_REFERENCE_BEFORE = re.compile(r"[A-Za-z0-9]+[-/_]$")
_REFERENCE_AFTER = re.compile(r"^[-/_][A-Za-z0-9]")

# Country code → range of national significant number lengths.
_COUNTRY_CODES = {
    "20": (8, 10), "212": (9, 9), "213": (8, 9), "216": (8, 8), "218": (9, 9), "249": (9, 9),
    "961": (7, 8), "962": (8, 9), "963": (8, 9), "964": (8, 10), "965": (8, 8), "966": (8, 9),
    "967": (7, 9), "968": (8, 8), "970": (8, 9), "971": (8, 9), "972": (8, 9), "973": (8, 8),
    "974": (7, 8),
}

# Local mobile forms that do not collide with other numbers: matched without a keyword.
_LOCAL_MOBILE = re.compile(
    r"01[0125]\d{8}"  # Egypt
    r"|05\d{8}"  # Saudi Arabia, UAE, Palestine (059/056)
    r"|0[567]\d{8}"  # Morocco (06/07), Algeria (05/06/07)
    r"|07[3-9]\d{8}"  # Iraq
    r"|07[789]\d{7}"  # Jordan
    r"|09\d{8}"  # Syria
)
# Eight-digit mobile forms that look like any other number: matched only with a phone keyword.
_KEYWORD_MOBILE = re.compile(
    r"(?:03|70|71|76|78|79|81)\d{6}"  # Lebanon
    r"|[2459]\d{7}"  # Tunisia
    r"|[569]\d{7}"  # Kuwait
    r"|[3567]\d{7}"  # Qatar
    r"|[36]\d{7}"  # Bahrain
    r"|[79]\d{7}"  # Oman
)

_EGYPT_GOVERNORATES = frozenset(f"{code:02d}" for code in range(1, 36)) | {"88"}


def _egyptian_id(digits: str) -> bool:
    """Century digit 2/3, a real birth date not in the future, a governorate code 01-35 or 88."""
    if len(digits) != 14 or digits[0] not in "23":
        return False
    year = (1900 if digits[0] == "2" else 2000) + int(digits[1:3])
    try:
        born = date(year, int(digits[3:5]), int(digits[5:7]))
    except ValueError:
        return False
    return born <= date.today() and digits[7:9] in _EGYPT_GOVERNORATES


def _bahrain_cpr(digits: str) -> bool:
    """Bahraini CPR: YYMM of birth, then five digits."""
    return len(digits) == 9 and 1 <= int(digits[2:4]) <= 12


def _classify_number(digits: str, international: bool, plain: bool, context) -> str | None:
    """The kind of one digit run (`plain`: written without separators), or None.

    `context(keywords)` tells whether one of `keywords` comes shortly before the number.
    """
    # Shortest: a 7-digit national number; longest: an 18-digit Algerian NIN.
    if not 7 <= len(digits) <= 18:
        return None
    if international:
        for code in sorted(_COUNTRY_CODES, key=len, reverse=True):
            if digits.startswith(code):
                low, high = _COUNTRY_CODES[code]
                rest = digits[len(code) :].removeprefix("0") if code != "20" else digits[len(code) :]
                return "phone" if low <= len(rest) <= high else None
        return None

    id_keyword = context(_ID_KEYWORDS)
    phone_keyword = context(_PHONE_KEYWORDS)
    if _LOCAL_MOBILE.fullmatch(digits) and not (id_keyword and not phone_keyword):
        return "phone"
    if _KEYWORD_MOBILE.fullmatch(digits) and phone_keyword:
        return "phone"
    if _egyptian_id(digits):
        return "national_id"
    if len(digits) == 15 and digits.startswith("784"):
        return "national_id"  # UAE Emirates ID without dashes
    if id_keyword and 8 <= len(digits) <= 18:
        return "national_id"  # Oman, Tunisia, Iraq, Syria, Lebanon, Palestine... with a keyword
    if phone_keyword and 8 <= len(digits) <= 12 and not plain:
        return "phone"  # a formatted local number announced as a phone ("هاتف 22 123 456")
    if not plain or digits.endswith("00000"):
        return None  # formatted numbers and round amounts (1000000000) are not bare IDs
    length = len(digits)
    if length == 18:
        return "national_id"  # Algeria NIN
    if length == 12:
        return "national_id"  # Kuwait civil ID
    if length == 11 and digits[0] in "23":
        return "national_id"  # Qatar ID
    if length == 10 and digits[0] in "129":
        return "national_id"  # Saudi (1 citizen, 2 resident), Jordan national number (9/2)
    if _bahrain_cpr(digits):
        return "national_id"
    return None


_UAE_ID = re.compile(r"(?<![0-9])784-\d{4}-\d{7}-\d(?![0-9])")


def _number_matches(folded: str, context_at) -> list[PIIMatch]:
    matches = []
    for found in _NUMBER.finditer(folded):
        start, end = found.span()
        while start < end and folded[start] == " ":
            start += 1
        raw = folded[start:end]
        if _REFERENCE_BEFORE.search(folded[max(0, start - 12) : start]) or _REFERENCE_AFTER.match(
            folded[end : end + 2]
        ):
            continue
        matches.extend(_split_number(folded, start, raw, context_at))
    return matches


# The most digit groups one number is written in ("+212 6 12 34 56 78" has six); it also keeps
# a long table of numbers linear.
_MAX_GROUPS = 7


def _split_number(folded: str, start: int, raw: str, context_at) -> list[PIIMatch]:
    """Classify a run of digit groups; if the whole run is nothing, try shorter runs of
    groups from the left so that two numbers separated by a space are still found."""
    international = raw.lstrip("(").startswith(("+", "00"))
    groups = [(m.start(), m.end()) for m in re.finditer(r"\d+", raw)]
    out: list[PIIMatch] = []
    first = 0
    while first < len(groups):
        found = None
        for last in range(min(len(groups), first + _MAX_GROUPS) - 1, first - 1, -1):
            piece_start = 0 if (first == 0 and international) else groups[first][0]
            piece_end = groups[last][1]
            piece = raw[piece_start:piece_end]
            digits = re.sub(r"\D", "", piece.replace("(0)", ""))
            if first == 0 and raw.lstrip("(").startswith("00"):
                digits = digits[2:]
            kind = _classify_number(
                digits,
                first == 0 and international,
                first == last,
                lambda keywords, at=start + piece_start: context_at(at, keywords),
            )
            if kind:
                found = (kind, start + piece_start, start + piece_end, last)
                break
        if found:
            kind, match_start, match_end, last = found
            out.append(PIIMatch(kind, match_start, match_end, ""))
            first = last + 1
        else:
            first += 1
    return out


# --- vehicle plates and Moroccan ID cards -------------------------------------------------------

_ARABIC_LETTER = "[\u0621-\u064a\u0671-\u06d3]"
_PLATE_PATTERNS = (
    # Egyptian: up to three separate Arabic letters then 1-4 digits, or digits then letters.
    re.compile(
        rf"(?<!\S){_ARABIC_LETTER}(?:[ ]*[-|]?[ ]*{_ARABIC_LETTER}(?!\S|{_ARABIC_LETTER}))"
        rf"{{0,2}}[ ]*[-|]?[ ]*\d{{1,4}}(?![0-9])"
    ),
    re.compile(
        rf"(?<![0-9])\d{{1,4}}[ ]*[-|]?[ ]*{_ARABIC_LETTER}(?:[ ]+{_ARABIC_LETTER}){{0,2}}(?!\S)"
    ),
    # Gulf and Latin-letter plates: "A 12345", "12345 A", "ABC 1234".
    re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}[ -]?\d{1,5}(?![0-9A-Za-z])"),
    re.compile(r"(?<![A-Za-z0-9])\d{1,5}[ -]?[A-Z]{1,3}(?![0-9A-Za-z])"),
)
_MOROCCAN_CIN = re.compile(r"(?<![A-Za-z0-9-])[A-Z]{1,2}\d{5,6}(?![A-Za-z0-9-])")


# --- putting it together -----------------------------------------------------------------------

_PRIORITY = {"email": 0, "iban": 1, "national_id": 2, "phone": 3, "plate": 4}


def find_pii(text: str) -> list[PIIMatch]:
    """All personal data found in `text`, in order, without overlaps."""
    folded = text.translate(_DIGITS)

    seen: dict[tuple[int, tuple[str, ...]], bool] = {}

    def context_at(start: int, keywords: tuple[str, ...]) -> bool:
        key = (start, keywords)
        if key not in seen:
            seen[key] = _has_keyword(folded, start, keywords)
        return seen[key]

    candidates: list[PIIMatch] = []
    for found in _EMAIL.finditer(folded):
        candidates.append(PIIMatch("email", found.start(), found.end(), ""))
    for found in _IBAN.finditer(folded):
        length = _iban_at(found.group(), context_at(found.start(), _IBAN_KEYWORDS))
        if length:
            candidates.append(PIIMatch("iban", found.start(), found.start() + length, ""))
    for found in _RIB.finditer(folded):
        if context_at(found.start(), _RIB_KEYWORDS):
            candidates.append(PIIMatch("iban", found.start(), found.end(), ""))
    for found in _UAE_ID.finditer(folded):
        candidates.append(PIIMatch("national_id", found.start(), found.end(), ""))
    for found in _MOROCCAN_CIN.finditer(folded):
        candidates.append(PIIMatch("national_id", found.start(), found.end(), ""))
    for pattern in _PLATE_PATTERNS:
        for found in pattern.finditer(folded):
            if context_at(found.start(), _PLATE_KEYWORDS):
                candidates.append(PIIMatch("plate", found.start(), found.end(), ""))
    candidates.extend(_number_matches(folded, context_at))

    # Longest first, then the more specific kind; a candidate overlapping a kept one is dropped.
    result: list[PIIMatch] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(candidates, key=lambda m: (-(m.end - m.start), _PRIORITY[m.kind])):
        if any(match.start < end and start < match.end for start, end in taken):
            continue
        taken.append((match.start, match.end))
        result.append(PIIMatch(match.kind, match.start, match.end, text[match.start : match.end]))
    return sorted(result, key=lambda m: m.start)


def redact(text: str, matches: list[PIIMatch] | None = None, mask: str = "▇▇▇") -> str:
    """`text` with every match replaced by `mask`; everything else is kept as it was."""
    if matches is None:
        matches = find_pii(text)
    spans: list[list[int]] = []
    for match in sorted(matches, key=lambda m: (m.start, m.end)):
        if spans and match.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], match.end)
        else:
            spans.append([match.start, match.end])
    out = []
    position = 0
    for start, end in spans:
        out.append(text[position:start])
        out.append(mask)
        position = end
    out.append(text[position:])
    return "".join(out)
