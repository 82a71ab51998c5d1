"""mizan.lib.totp against the RFC 4226 and RFC 6238 test vectors; window, replay, URI."""

import base64
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from mizan.lib import totp

RFC_SHA1 = b"12345678901234567890"
RFC_SHA256 = b"12345678901234567890123456789012"
RFC_SHA512 = b"1234567890123456789012345678901234567890123456789012345678901234"

# RFC 6238, appendix B: time, then the 8-digit codes for SHA-1, SHA-256, SHA-512.
RFC6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
# RFC 4226, appendix D: HOTP codes for counters 0..9.
RFC4226 = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]


@pytest.mark.parametrize(("counter", "expected"), enumerate(RFC4226))
def test_hotp_matches_rfc4226_vectors(counter, expected):
    assert totp.hotp(RFC_SHA1, counter) == expected


@pytest.mark.parametrize(("at", "sha1", "sha256", "sha512"), RFC6238)
def test_totp_matches_rfc6238_vectors(at, sha1, sha256, sha512):
    assert totp.totp(RFC_SHA1, at, digits=8) == sha1
    assert totp.totp(RFC_SHA256, at, digits=8, algorithm="sha256") == sha256
    assert totp.totp(RFC_SHA512, at, digits=8, algorithm="sha512") == sha512


def test_totp_six_digits_are_the_last_six_of_the_rfc_value():
    # The 6-digit code authenticator apps show is the same truncation modulo 10^6.
    assert totp.totp(RFC_SHA1, 59) == "287082"
    assert totp.totp(RFC_SHA1, 1111111109) == "081804"


def test_match_accepts_one_step_either_side_and_no_further():
    at = 1_700_000_000.0
    step = totp.step_at(at)
    codes = {offset: totp.hotp(RFC_SHA1, step + offset) for offset in (-2, -1, 0, 1, 2)}

    assert totp.match(RFC_SHA1, codes[0], at) == step
    assert totp.match(RFC_SHA1, codes[-1], at) == step - 1
    assert totp.match(RFC_SHA1, codes[1], at) == step + 1
    assert totp.match(RFC_SHA1, codes[-2], at) is None
    assert totp.match(RFC_SHA1, codes[2], at) is None


def test_match_refuses_a_step_already_used_or_older():
    at = 1_700_000_000.0
    step = totp.step_at(at)
    now_code = totp.hotp(RFC_SHA1, step)
    next_code = totp.hotp(RFC_SHA1, step + 1)

    assert totp.match(RFC_SHA1, now_code, at, last_step=step) is None  # replay
    assert totp.match(RFC_SHA1, totp.hotp(RFC_SHA1, step - 1), at, last_step=step) is None
    assert totp.match(RFC_SHA1, next_code, at, last_step=step) == step + 1
    assert totp.match(RFC_SHA1, now_code, at, last_step=step - 1) == step


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456", "١٢٣٤٥", None])
def test_match_refuses_malformed_codes(typed):
    assert totp.match(RFC_SHA1, typed, 59) is None


def test_match_accepts_spaces_and_arabic_indic_digits():
    at = 59
    code = totp.totp(RFC_SHA1, at)  # "287082"
    arabic = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    assert totp.match(RFC_SHA1, "287 082", at) == 1
    assert totp.match(RFC_SHA1, arabic, at) == 1


def test_new_secret_is_160_random_bits_in_base32():
    first, second = totp.new_secret(), totp.new_secret()

    assert len(first) == 32 and first.isupper() and "=" not in first
    assert first != second
    assert len(totp.secret_bytes(first)) == 20
    assert totp.secret_bytes(first.lower()[:8] + " " + first[8:]) == totp.secret_bytes(first)


def test_secret_bytes_reads_the_base32_an_app_shows():
    encoded = base64.b32encode(RFC_SHA1).decode()  # GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ

    assert totp.secret_bytes(encoded) == RFC_SHA1
    assert totp.secret_bytes("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") == RFC_SHA1


def test_provisioning_uri_follows_the_key_uri_format():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", account="officer", issuer="Mizan EG")
    parts = urlsplit(uri)
    query = parse_qs(parts.query)

    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert unquote(parts.path) == "/Mizan EG:officer"
    assert query == {"secret": ["JBSWY3DPEHPK3PXP"], "issuer": ["Mizan EG"], "algorithm": ["SHA1"],
                     "digits": ["6"], "period": ["30"]}
