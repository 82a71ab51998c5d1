"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Plain Python, no Django.

Authenticator apps (FreeOTP, Aegis, Google Authenticator, ...) use the defaults here: SHA-1,
30-second steps, 6 digits. `match` accepts the current step and one step either side (clock
drift), and only a step later than the last one accepted, so a code cannot be used twice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, the size RFC 4226 recommends for HMAC-SHA-1
_ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def new_secret() -> str:
    """A fresh random secret in base32 (upper case, no padding), as authenticator apps take it."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode().rstrip("=")


def secret_bytes(secret_b32: str) -> bytes:
    """The raw key of a base32 secret; spaces, hyphens and lower case are accepted."""
    text = secret_b32.replace(" ", "").replace("-", "").upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, algorithm: str = "sha1") -> str:
    """RFC 4226: the code for `counter`, zero-padded to `digits`."""
    digest = hmac.new(key, struct.pack(">Q", counter), _ALGORITHMS[algorithm]).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_at(unix_time: float, *, step: int = STEP_SECONDS) -> int:
    return int(unix_time // step)


def totp(key: bytes, unix_time: float, *, step: int = STEP_SECONDS, digits: int = DIGITS,
         algorithm: str = "sha1") -> str:
    """RFC 6238: the code valid at `unix_time`."""
    return hotp(key, step_at(unix_time, step=step), digits=digits, algorithm=algorithm)


def normalise_code(code: str) -> str:
    """What the user typed, without spaces; Arabic-Indic and Persian digits become ASCII."""
    table = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
    return "".join((code or "").translate(table).split())


def match(key: bytes, code: str, unix_time: float, *, last_step: int | None = None, window: int = 1,
          step: int = STEP_SECONDS, digits: int = DIGITS) -> int | None:
    """The time step whose code is `code`, within `window` steps of `unix_time`, else None.

    A step at or before `last_step` (the last one accepted) is never matched: that is the
    replay guard. The caller stores the returned step as the new `last_step`.
    """
    code = normalise_code(code)
    if len(code) != digits or not code.isascii() or not code.isdigit():
        return None
    now = step_at(unix_time, step=step)
    found = None
    for candidate in range(now - window, now + window + 1):
        if candidate < 0 or (last_step is not None and candidate <= last_step):
            continue
        # Compare every candidate in constant time and keep going, so timing tells nothing.
        if hmac.compare_digest(hotp(key, candidate, digits=digits), code) and found is None:
            found = candidate
    return found


def provisioning_uri(secret_b32: str, *, account: str, issuer: str) -> str:
    """The otpauth:// URI that authenticator apps read from a QR code (Key URI format)."""
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode({"secret": secret_b32, "issuer": issuer, "algorithm": "SHA1",
                       "digits": DIGITS, "period": STEP_SECONDS}, quote_via=quote)
    return f"otpauth://totp/{label}?{query}"
