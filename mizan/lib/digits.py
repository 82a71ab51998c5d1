"""Digit conversion between Arabic-Indic, Persian and ASCII. No Django."""

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_TO_ASCII = str.maketrans(ARABIC_INDIC + PERSIAN, "0123456789" * 2)
_TO_ARABIC = str.maketrans("0123456789", ARABIC_INDIC)


def to_ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII)


def to_arabic_indic(text: str) -> str:
    return text.translate(_TO_ARABIC)
