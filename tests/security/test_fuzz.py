"""Property-based tests (Hypothesis) of what the outside world feeds the platform: upload sniffing
and picture stripping, intake parsing (function and portal form), the receipt check, and the
text-safety filters. The normaliser's properties are in tests/lib/test_arabic_properties.py."""

import json
import re

import pytest
from hypothesis import HealthCheck, assume, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Attachment, Case, Person, TimelineEvent
from mizan.complaints.services import submit_complaint
from mizan.lib import filetypes
from mizan.lib.filetypes import ALLOWED, EXECUTABLE_SIGNATURES, inspect
from mizan.lib.images import strip_metadata
from mizan.lib.textsafety import BIDI_CONTROLS, clean_file_name, neutralise_name, neutralise_text
from mizan.portal.views import _normalise_receipt
from tests.security import files as f

# No example database: nothing is left in the checkout. Function-scoped fixtures (the database,
# the client) are shared by the examples of one test on purpose: each example checks what it
# changed, not absolute counts.
fast = hsettings(max_examples=60, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

SAMPLES = [f.PDF, f.photo("JPEG"), f.photo("PNG"), f.photo("WEBP"), f.DOCX, f.ODT, f.WORD_97, f.MP3_ID3, f.M4A,
           f.MP4, f.OGG, f.WAV, f.WEBM]


@st.composite
def mutated_samples(draw):
    """A real file of an allowed type, cut, with bytes flipped, or with something appended."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(0, 4))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    data = data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data
    return bytes(data) + draw(st.binary(max_size=64))


files = st.one_of(st.binary(max_size=2048), mutated_samples())


@pytest.fixture
def filed_case(file_case):
    return file_case()


# --- upload sniffing --------------------------------------------------------------------------------

@fast
@given(files)
def test_sniff_never_raises_and_answers_only_from_the_allow_list(data):
    verdict = inspect(data)
    assert (verdict.content_type is None) != (verdict.refusal == "")
    assert verdict.content_type is None or verdict.content_type in ALLOWED
    assert verdict.refusal in ("", filetypes.EMPTY, filetypes.EXECUTABLE, filetypes.MARKUP, filetypes.MACROS,
                               filetypes.ARCHIVE, filetypes.UNKNOWN)


@fast
@given(st.sampled_from(EXECUTABLE_SIGNATURES), files)
def test_anything_starting_like_an_executable_is_refused(signature, rest):
    assert inspect(signature + rest) == filetypes.Verdict(None, filetypes.EXECUTABLE)


@fast
@given(st.sampled_from(SAMPLES), st.sampled_from(["<script>", "<html>", "<SVG ", "<!DOCTYPE html>", "< iframe>"]),
       st.integers(0, 900))
def test_a_web_page_inside_the_first_kilobyte_is_refused_whatever_the_file_starts_with(sample, tag, at):
    assume(not sample.startswith(EXECUTABLE_SIGNATURES))
    data = sample[:at] + tag.encode() + sample[at:]
    assert inspect(data) == filetypes.Verdict(None, filetypes.MARKUP)


PICTURES = [f.photo("JPEG"), f.photo("JPEG", progressive=True), f.photo("PNG"), f.photo("WEBP")]


@st.composite
def mutated_pictures(draw):
    """A picture whose signature is intact and whose rest is cut, changed or extended."""
    data = bytearray(draw(st.sampled_from(PICTURES)))
    for _ in range(draw(st.integers(0, 6))):
        data[draw(st.integers(12, len(data) - 1))] = draw(st.integers(0, 255))
    data = data[: draw(st.integers(12, len(data)))] if draw(st.booleans()) else data
    return bytes(data) + draw(st.binary(max_size=32))


@fast
@given(mutated_pictures())
def test_stripping_accepted_pictures_raises_only_value_error_and_is_idempotent(data):
    verdict = inspect(data)
    assume(verdict.accepted)
    assert verdict.content_type in ("image/jpeg", "image/png", "image/webp")
    try:
        cleaned = strip_metadata(data, verdict.content_type)
    except ValueError:
        return
    assert strip_metadata(cleaned, verdict.content_type) == cleaned
    assert b"PhoneMaker" not in cleaned and b"SERIAL-123456" not in cleaned


# --- text safety --------------------------------------------------------------------------------------

_REORDERING = re.compile(f"[{BIDI_CONTROLS}]")


@fast
@given(st.text())
def test_neutralised_text_has_no_reordering_characters_and_is_stable(text):
    for neutralise in (neutralise_name, neutralise_text):
        once = neutralise(text)
        assert not _REORDERING.search(once)
        assert neutralise(once) == once
    assert set(neutralise_name(text)) <= set(neutralise_text(text))


@fast
@given(st.text())
def test_clean_file_name_is_short_flat_and_visible(name):
    cleaned = clean_file_name(name)
    assert 0 < len(cleaned) <= 255
    assert "/" not in cleaned and "\\" not in cleaned and "\x00" not in cleaned
    assert not _REORDERING.search(cleaned)
    assert clean_file_name(cleaned) == cleaned


# --- intake parsing ---------------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                    st.sampled_from(["torture", "cairo", "giza", "self", "family", "ar", "en", "2026-01-01",
                                     "1446-03-15", "١٤٤٦-٠٣-١٥", "9999-99-99", "\x00", "\ufffd", "\u202e"]))
values = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(st.text(max_size=10), scalars, max_size=4))
FIELDS = ["narrative", "language", "anonymous", "complainant", "identity_consent", "relation", "victim_label",
          "victim_name", "incident_date", "governorate", "facility", "place_details", "categories",
          "vulnerabilities", "urgency"]
raw_intakes = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=10)


def _counts() -> tuple:
    return (Case.objects.count(), Person.objects.count(), Attachment.objects.count(), TimelineEvent.objects.count())


@fast
@given(raw=raw_intakes)
@example(raw={"narrative": "احتجزوني", "complainant": {"name": 5}, "categories": "torture"})
@example(raw={"narrative": ["x"], "facility": "1\x00", "governorate": 3.5})
def test_clean_intake_never_raises_and_what_it_accepts_files_whole(org, places, raw):
    before = _counts()
    cleaned, errors = clean_intake(org, raw)
    assert isinstance(errors, dict) and all(isinstance(v, str) and v for v in errors.values())
    if errors:
        assert _counts() == before
        return
    case, receipt = submit_complaint(organisation=org, channel="api", **cleaned)
    after = _counts()
    assert after[0] == before[0] + 1
    assert after[1] - before[1] in (1, 2)  # complainant, and the victim when someone else
    assert TimelineEvent.objects.filter(case=case, kind__in=["submitted", "acknowledged"]).count() == 2
    assert get_case_by_receipt(receipt) == case


form_values = st.one_of(st.text(max_size=60), st.sampled_from(["", "named", "anonymous", "self", "family", "torture",
                                                              "cairo", "2026-01-01", "\x00", "\u202e"]))


@fast
@given(st.dictionaries(st.sampled_from(["identity", "relation", "complainant_name", "complainant_phone",
                                        "complainant_email", "narrative", "incident_date", "governorate", "facility",
                                        "categories", "vulnerabilities", "victim_name", "identity_consent"]),
                       st.one_of(form_values, st.lists(form_values, max_size=3)), max_size=10))
def test_portal_form_never_answers_500_and_never_stores_half(client, org, places, settings, post):
    settings.MIZAN_THROTTLE_SUBMIT_PER_HOUR = 10**9
    before = _counts()
    response = client.post("/complaint/new/", post)
    after = _counts()
    assert response.status_code in (303, 400)
    if response.status_code == 400:
        assert after == before
    else:
        assert after[0] == before[0] + 1


@fast
@given(st.dictionaries(st.text(max_size=12), st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                                                          | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                                                          max_leaves=8), max_size=8))
def test_api_never_answers_500_and_never_stores_half(client, org, places, settings, body):
    settings.MIZAN_THROTTLE_SUBMIT_PER_HOUR = 10**9
    before = _counts()
    response = client.post("/api/v1/complaints", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (201, 400, 422), response.content
    if response.status_code != 201:
        assert _counts() == before
        assert set(response.json()) == {"error"}


# --- the receipt check ----------------------------------------------------------------------------

@fast
@given(st.one_of(st.text(), st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ -", max_size=24)))
def test_receipt_check_never_raises_and_considers_only_16_ascii_digits(filed_case, text):
    case, receipt = filed_case
    found = get_case_by_receipt(text)
    assert found is None or text == receipt
    if text == receipt:
        assert found == case
    normalised = _normalise_receipt(text)
    assert normalised == "" or normalised.isascii() and normalised.isdigit()
    assert get_case_by_receipt(normalised) in (None, case)


@fast
@given(st.text(max_size=40))
def test_tracking_form_answers_404_or_opens_the_case_never_500(client, filed_case, settings, text):
    settings.MIZAN_THROTTLE_TRACK_PER_HOUR = 10**9
    _case, receipt = filed_case
    response = client.post("/track/", {"receipt": text})
    expected = 303 if _normalise_receipt(text) == receipt else 404
    assert response.status_code == expected


def test_receipt_written_with_arabic_indic_digits_and_spaces_opens_the_case(client, filed_case, settings):
    case, receipt = filed_case
    arabic = "".join("٠١٢٣٤٥٦٧٨٩"[int(d)] for d in receipt)
    spaced = " ".join(arabic[i:i + 4] for i in range(0, 16, 4))
    assert get_case_by_receipt(_normalise_receipt(spaced)) == case
    assert client.post("/track/", {"receipt": spaced}).status_code == 303
