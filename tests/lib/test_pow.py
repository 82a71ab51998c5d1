"""Proof-of-work challenges (mizan/lib/pow.py): issued, solved, verified; edited, expired and
foreign challenges refused; each failure is a ProofOfWorkError with its code and nothing else."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.lib import pow

KEY = "test-key"
NOW = 1_800_000_000


def issued(bits=8, lifetime=600, context="intake:1", key=KEY):
    return pow.issue(key, bits=bits, lifetime=lifetime, context=context, now=NOW)


def refused(token, nonce, **kwargs) -> str:
    kwargs.setdefault("context", "intake:1")
    kwargs.setdefault("now", NOW + 1)
    with pytest.raises(pow.ProofOfWorkError) as caught:
        pow.verify(kwargs.pop("key", KEY), token, nonce, **kwargs)
    return caught.value.code


def a_wrong_nonce(token, bits):
    """The first nonce whose digest has fewer than `bits` leading zero bits."""
    return next(str(n) for n in range(10_000) if pow.leading_zero_bits(pow.digest(token, str(n))) < bits)


def test_issue_and_verify_a_solved_challenge():
    token = issued(bits=10)
    nonce = pow.solve(token, 10)

    challenge = pow.verify(KEY, token, nonce, context="intake:1", now=NOW + 1)

    assert challenge == pow.Challenge(token=token, bits=10, expires=NOW + 600)
    digest = hashlib.sha256(f"{token}:{nonce}".encode()).digest()
    assert int.from_bytes(digest, "big") >> (256 - 10) == 0
    assert token.startswith("pow1.10.1800000600.")


def test_verify_refuses_a_nonce_with_too_few_zero_bits():
    token = issued(bits=12)

    assert refused(token, a_wrong_nonce(token, 12)) == pow.INSUFFICIENT


def test_verify_refuses_an_expired_challenge_even_when_solved():
    token = issued(bits=6, lifetime=60)
    nonce = pow.solve(token, 6)

    assert pow.verify(KEY, token, nonce, context="intake:1", now=NOW + 59).expires == NOW + 60
    assert refused(token, nonce, now=NOW + 60) == pow.EXPIRED
    assert refused(token, nonce, now=NOW + 10_000) == pow.EXPIRED


def test_verify_refuses_edited_challenges():
    token = issued(bits=12)
    version, bits, expires, salt, mac = token.split(".")
    easier = ".".join([version, "1", expires, salt, mac])
    later = ".".join([version, bits, str(int(expires) + 3600), salt, mac])
    other_salt = ".".join([version, bits, expires, "A" * 22, mac])

    for edited in (easier, later, other_salt):
        assert refused(edited, pow.solve(edited, 1)) == pow.INVALID


def test_verify_refuses_another_key_or_another_context():
    token = issued(bits=6)
    nonce = pow.solve(token, 6)

    assert refused(token, nonce, key="another-key") == pow.INVALID
    assert refused(token, nonce, context="intake:2") == pow.INVALID


@pytest.mark.parametrize(("token", "nonce", "code"), [
    ("", "1", pow.MISSING),
    (None, "1", pow.MISSING),
    ("pow1.8.1800000600.x.y", "", pow.MISSING),
    ("pow1.8.1800000600.x.y", None, pow.MISSING),
    ("pow1.8.1800000600.x.y", "1", pow.INVALID),
    ("x" * 10_000, "1", pow.INVALID),
])
def test_verify_refuses_missing_and_malformed_input(token, nonce, code):
    assert refused(token, nonce) == code


@pytest.mark.parametrize("nonce", ["-1", "1.5", "١٢٣", "12 ", " 12", "12\n", "1" * 21, "abc", "0x10"])
def test_verify_takes_only_ascii_digit_nonces(nonce):
    token = issued(bits=1)

    assert refused(token, nonce) == pow.INVALID


def test_verify_refuses_a_token_with_a_trailing_newline():
    token = issued(bits=4)

    assert refused(token + "\n", pow.solve(token, 4)) == pow.INVALID


def test_a_verified_challenge_is_not_remembered_replay_is_the_callers_store():
    token = issued(bits=6)
    nonce = pow.solve(token, 6)

    first = pow.verify(KEY, token, nonce, context="intake:1", now=NOW + 1)
    second = pow.verify(KEY, token, nonce, context="intake:1", now=NOW + 1)

    assert first == second
    key = pow.spent_key(KEY, token)
    assert key == pow.spent_key(KEY, token) and len(key) == 64
    assert token not in key
    assert pow.spent_key(KEY, issued(bits=6)) != key
    assert pow.spent_key("another-key", token) != key


@pytest.mark.parametrize(("bits", "lifetime"), [(0, 60), (33, 60), (8, 0), (8, -5)])
def test_issue_refuses_impossible_parameters(bits, lifetime):
    with pytest.raises(ValueError):
        pow.issue(KEY, bits=bits, lifetime=lifetime)


@pytest.mark.parametrize(("data", "bits"), [
    (b"\x80", 0), (b"\x40", 1), (b"\x01", 7), (b"\x00\x01", 15), (b"\x00\x00\x00\x00", 32), (b"", 0),
])
def test_leading_zero_bits(data, bits):
    assert pow.leading_zero_bits(data) == bits


@settings(max_examples=200, deadline=None)
@given(data=st.binary(min_size=1, max_size=40))
def test_leading_zero_bits_agrees_with_the_integer_value(data):
    value = int.from_bytes(data, "big")

    assert pow.leading_zero_bits(data) == len(data) * 8 - value.bit_length()


@settings(max_examples=40, deadline=None)
@given(bits=st.integers(min_value=1, max_value=8), context=st.text(max_size=30),
       key=st.text(min_size=1, max_size=30))
def test_any_solved_challenge_verifies_for_its_own_key_and_context_only(bits, context, key):
    token = pow.issue(key, bits=bits, lifetime=60, context=context, now=NOW)
    nonce = pow.solve(token, bits)

    assert pow.verify(key, token, nonce, context=context, now=NOW).bits == bits
    with pytest.raises(pow.ProofOfWorkError):
        pow.verify(key, token, nonce, context=context + "x", now=NOW)
    with pytest.raises(pow.ProofOfWorkError):
        pow.verify(key + "x", token, nonce, context=context, now=NOW)


@settings(max_examples=300, deadline=None)
@given(token=st.text(max_size=250), nonce=st.text(max_size=30))
def test_verify_raises_only_proof_of_work_errors_on_any_input(token, nonce):
    with pytest.raises(pow.ProofOfWorkError) as caught:
        pow.verify(KEY, token, nonce, context="intake:1", now=NOW)

    assert caught.value.code in pow.CODES


@settings(max_examples=100, deadline=None)
@given(position=st.integers(min_value=0, max_value=200), replacement=st.characters(codec="ascii"))
def test_changing_any_character_of_a_challenge_makes_it_invalid(position, replacement):
    token = issued(bits=4)
    position %= len(token)
    if token[position] == replacement:
        replacement = "A" if replacement != "A" else "B"
    edited = token[:position] + replacement + token[position + 1:]

    with pytest.raises(pow.ProofOfWorkError) as caught:
        pow.verify(KEY, edited, pow.solve(edited, 1), context="intake:1", now=NOW + 1)

    assert caught.value.code == pow.INVALID
