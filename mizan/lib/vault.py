"""Encryption of personal data and keyed hashes. Plain Python, no Django.

Ciphertext format: ``v1.<key id>.<base64url(nonce || AES-256-GCM ciphertext)>``. The key id lets
several keys coexist during rotation: the first key of the ring encrypts, any key decrypts.
The associated data binds a ciphertext to its field, so a value cannot be moved to another
column or row unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "v1"


class VaultError(Exception):
    pass


def generate_key() -> str:
    """A new key ring entry: ``<id>:<base64 32 bytes>``."""
    return f"{secrets.token_hex(4)}:{base64.urlsafe_b64encode(os.urandom(32)).decode()}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Vault:
    def __init__(self, key_ring: str):
        self.keys: dict[str, AESGCM] = {}
        self.primary: str | None = None
        for entry in key_ring.split(","):
            entry = entry.strip()
            if not entry:
                continue
            key_id, sep, material = entry.partition(":")
            if not sep:
                raise VaultError("a data key must look like '<id>:<base64 key>'")
            raw = _unb64(material.strip())
            if len(raw) != 32:
                raise VaultError(f"data key {key_id} is not 32 bytes")
            self.keys[key_id] = AESGCM(raw)
            self.primary = self.primary or key_id
        if self.primary is None:
            raise VaultError("no data key given")

    def encrypt(self, plaintext: str, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self.keys[self.primary].encrypt(nonce, plaintext.encode(), context.encode())
        return f"{PREFIX}.{self.primary}.{_b64(nonce + sealed)}"

    def decrypt(self, token: str, context: str) -> str:
        try:
            prefix, key_id, body = token.split(".", 2)
        except ValueError as exc:
            raise VaultError("not a vault token") from exc
        if prefix != PREFIX or key_id not in self.keys:
            raise VaultError(f"unknown key {key_id!r}: is the key ring complete?")
        raw = _unb64(body)
        try:
            return self.keys[key_id].decrypt(raw[:12], raw[12:], context.encode()).decode()
        except Exception as exc:
            raise VaultError("value cannot be decrypted with this key") from exc

    def key_id_of(self, token: str) -> str:
        return token.split(".", 2)[1]


def keyed_hash(key: str, purpose: str, value: str) -> str:
    """HMAC-SHA256 of `value`, separated by `purpose` so equal inputs differ across uses."""
    derived = hmac.new(key.encode(), purpose.encode(), hashlib.sha256).digest()
    return hmac.new(derived, value.encode(), hashlib.sha256).hexdigest()


def random_digits(n: int) -> str:
    """`n` decimal digits from the operating system's secure random source."""
    return "".join(str(secrets.randbelow(10)) for _ in range(n))
