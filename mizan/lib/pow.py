"""Proof-of-work challenges: a little computation a client must do before it may send. Plain Python.

A challenge is stateless: ``pow1.<bits>.<expires>.<salt>.<mac>``, where ``mac`` is an HMAC-SHA256
(key derived from the caller's secret) over everything before it and over a context the verifier
supplies (e.g. the receiving organisation), so a challenge cannot be edited (fewer bits, a later
expiry) or carried to another context. A solution is a nonce, at most `MAX_NONCE_LENGTH` ASCII
digits, such that ``sha256(challenge + ":" + nonce)`` starts with at least ``bits`` zero bits;
finding one takes about ``2**bits`` hashes, checking it takes one.

Verification here does not remember anything: accepting each solved challenge only once is the
caller's job, with `spent_key` as the key of its replay store (kept until `Challenge.expires`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import re
import secrets
import time
from dataclasses import dataclass

VERSION = "pow1"
MIN_BITS, MAX_BITS = 1, 32
MAX_NONCE_LENGTH = 20
MAX_CHALLENGE_LENGTH = 200
_SALT_BYTES = 16
_TOKEN = re.compile(r"pow1\.([0-9]{1,2})\.([0-9]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})")
_NONCE = re.compile(f"[0-9]{{1,{MAX_NONCE_LENGTH}}}")


class ProofOfWorkError(ValueError):
    """A solution that does not count; `code` says why (see `CODES`)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


MISSING, INVALID, EXPIRED, INSUFFICIENT = "missing", "invalid", "expired", "insufficient"
CODES = (MISSING, INVALID, EXPIRED, INSUFFICIENT)


@dataclass(frozen=True)
class Challenge:
    token: str
    bits: int
    expires: int  # Unix time, seconds


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _key(secret: str | bytes) -> bytes:
    # A key of its own, so a MAC made here means nothing anywhere else the secret is used.
    raw = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(raw, b"mizan proof-of-work v1", hashlib.sha256).digest()


def _mac(secret: str | bytes, body: str, context: str) -> str:
    message = f"{body}|{context}".encode()
    return _b64(hmac.new(_key(secret), message, hashlib.sha256).digest())


def issue(secret: str | bytes, *, bits: int, lifetime: int, context: str = "", now: float | None = None) -> str:
    """A new challenge of `bits` difficulty, valid `lifetime` seconds, bound to `context`."""
    if not MIN_BITS <= bits <= MAX_BITS:
        raise ValueError(f"bits must be between {MIN_BITS} and {MAX_BITS}")
    if lifetime <= 0:
        raise ValueError("lifetime must be positive")
    expires = int(now if now is not None else time.time()) + int(lifetime)
    body = f"{VERSION}.{bits}.{expires}.{_b64(secrets.token_bytes(_SALT_BYTES))}"
    return f"{body}.{_mac(secret, body, context)}"


def parse(secret: str | bytes, token: str, *, context: str = "", now: float | None = None) -> Challenge:
    """The challenge `token` if it is ours, unchanged, for `context` and not expired; else raises."""
    if not token:
        raise ProofOfWorkError(MISSING)
    if not isinstance(token, str) or len(token) > MAX_CHALLENGE_LENGTH:
        raise ProofOfWorkError(INVALID)
    match = _TOKEN.fullmatch(token)
    if not match:
        raise ProofOfWorkError(INVALID)
    body, mac = token.rsplit(".", 1)
    if not hmac.compare_digest(mac, _mac(secret, body, context)):
        raise ProofOfWorkError(INVALID)
    bits, expires = int(match.group(1)), int(match.group(2))
    if not MIN_BITS <= bits <= MAX_BITS:
        raise ProofOfWorkError(INVALID)
    if (now if now is not None else time.time()) >= expires:
        raise ProofOfWorkError(EXPIRED)
    return Challenge(token=token, bits=bits, expires=expires)


def digest(token: str, nonce: str) -> bytes:
    return hashlib.sha256(f"{token}:{nonce}".encode()).digest()


def leading_zero_bits(data: bytes) -> int:
    """Number of zero bits at the start of `data` (most significant bit of the first byte first)."""
    count = 0
    for byte in data:
        if byte:
            return count + 8 - byte.bit_length()
        count += 8
    return count


def verify(secret: str | bytes, token: str, nonce: str, *, context: str = "", now: float | None = None) -> Challenge:
    """The challenge when `nonce` solves it; raises `ProofOfWorkError` otherwise (never anything else)."""
    if not nonce:  # no solution at all (a client that did not run), whatever the challenge
        raise ProofOfWorkError(MISSING)
    challenge = parse(secret, token, context=context, now=now)
    if not isinstance(nonce, str) or not _NONCE.fullmatch(nonce):
        raise ProofOfWorkError(INVALID)
    if leading_zero_bits(digest(token, nonce)) < challenge.bits:
        raise ProofOfWorkError(INSUFFICIENT)
    return challenge


def solve(token: str, bits: int) -> str:
    """The first nonce that solves `token` (what the browser's pow.js does; for tests and tools)."""
    for n in itertools.count():
        nonce = str(n)
        if leading_zero_bits(digest(token, nonce)) >= bits:
            return nonce
    raise AssertionError("unreachable")


def spent_key(secret: str | bytes, token: str) -> str:
    """A keyed hash naming the challenge in a replay store (the token itself is not kept)."""
    return hmac.new(_key(secret), f"spent|{token}".encode(), hashlib.sha256).hexdigest()
