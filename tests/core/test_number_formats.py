"""One convention for every number the platform shows (`mizan.core.templatetags.mizan`): counts,
percentages, file sizes and dates in the reader's language, CLDR's separators for the digits the
organisation chose (Arabic-Indic digits only in Arabic), the Hijri date's era per language, and
reference numbers that never break."""

from datetime import date

import pytest
from django.utils import translation

from mizan.core.templatetags.mizan import day, filesize, num, percent, ref

TEN_MB = 10 * 1024 * 1024


class Org:
    def __init__(self, arabic_indic_digits=False, show_hijri=False):
        self.arabic_indic_digits = arabic_indic_digits
        self.show_hijri = show_hijri


ARABIC_DIGITS, WESTERN_DIGITS = Org(arabic_indic_digits=True, show_hijri=True), Org(show_hijri=True)


@pytest.mark.parametrize(("language", "org", "expected"), [
    ("ar", ARABIC_DIGITS, ["١٬٢٣٤٬٥٦٧", "١٠", "١٠٫٥", "٢٥٪", "٢٬٥٠٠٪", "—"]),
    ("ar", WESTERN_DIGITS, ["1,234,567", "10", "10.5", "25%", "2,500%", "—"]),
    ("en", ARABIC_DIGITS, ["1,234,567", "10", "10.5", "25%", "2,500%", "—"]),  # Arabic-Indic only in Arabic
    ("fr", WESTERN_DIGITS, ["1\u202f234\u202f567", "10", "10,5", "25\xa0%", "2\u202f500\xa0%", "—"]),
])
def test_numbers_and_percentages_follow_cldr_for_the_chosen_digits(language, org, expected):
    with translation.override(language):
        shown = [num(1234567, org), num(10.0, org), num(10.5, org), percent(0.25, org), percent(25, org),
                 percent(None, org)]

    assert shown == expected


@pytest.mark.parametrize(("language", "org", "expected"), [
    ("ar", ARABIC_DIGITS, ["١٠\xa0م.ب", "٥٫٣\xa0م.ب", "١٫٥\xa0ك.ب", "٥٠٠\xa0بايت"]),
    ("ar", WESTERN_DIGITS, ["10\xa0م.ب", "5.3\xa0م.ب", "1.5\xa0ك.ب", "500\xa0بايت"]),
    ("en", WESTERN_DIGITS, ["10\xa0MB", "5.3\xa0MB", "1.5\xa0KB", "500\xa0bytes"]),
    ("fr", WESTERN_DIGITS, ["10\xa0Mo", "5,3\xa0Mo", "1,5\xa0Ko", "500\xa0octets"]),
])
def test_file_sizes_have_no_superfluous_decimal_and_the_readers_unit(language, org, expected):
    with translation.override(language):
        shown = [filesize(TEN_MB, org), filesize(5 * 1024 * 1024 + 300_000, org), filesize(1536, org),
                 filesize(500, org)]

    assert shown == expected


def test_file_size_of_one_byte_is_singular():
    with translation.override("en"):
        assert filesize(1) == "1\xa0byte"
    with translation.override("fr"):
        assert filesize(1) == "1\xa0octet"


@pytest.mark.parametrize(("language", "org", "expected"), [
    ("ar", ARABIC_DIGITS, "١٢ نوفمبر ٢٠٢٥ (٢١ جمادى الأولى ١٤٤٧ هـ)"),
    ("ar", WESTERN_DIGITS, "12 نوفمبر 2025 (21 جمادى الأولى 1447 هـ)"),
    ("en", WESTERN_DIGITS, "12 November 2025 (21 Jumada al-Ula 1447 AH)"),
    ("fr", WESTERN_DIGITS, "12 novembre 2025 (21 joumada al-oula 1447 H)"),
])
def test_hijri_date_era_per_language(language, org, expected):
    with translation.override(language):
        assert day(date(2025, 11, 12), org) == expected


def test_reference_is_one_left_to_right_piece_and_escaped():
    assert ref("EG-2026-000501") == '<span class="ref" dir="ltr" translate="no">EG-2026-000501</span>'
    assert ref("<b>") == '<span class="ref" dir="ltr" translate="no">&lt;b&gt;</span>'
    assert ref(None) == ""
