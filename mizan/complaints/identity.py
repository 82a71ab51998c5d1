"""Sealing personal data into vault ciphertext, and the keyed hashes that find a person again."""

import re

from django.conf import settings

from mizan.core.datakeys import data_vault
from mizan.lib.digits import to_ascii_digits
from mizan.lib.vault import Vault, keyed_hash

IDENTITY_FIELDS = ("name", "national_id", "phone", "email", "address")


def vault() -> Vault:
    """The data-key vault in force (re-read when `rotate_data_key` replaces the key files)."""
    return data_vault()


def context_for(field: str, case_id: int) -> str:
    return f"person.{field}.case{case_id}"


def seal(value: str, field: str, case_id: int) -> str:
    value = (value or "").strip()
    return vault().encrypt(value, context_for(field, case_id)) if value else ""


def unseal(token: str, field: str, case_id: int) -> str:
    return vault().decrypt(token, context_for(field, case_id)) if token else ""


def identity_hash(kind: str, value: str) -> str:
    """Keyed hash of a national ID or phone, normalised to its digits (blank when none)."""
    digits = re.sub(r"\D", "", to_ascii_digits(value or ""))
    if kind == "phone":
        digits = digits[-9:]  # the national number without country code or trunk prefix
    return keyed_hash(settings.MIZAN_HASH_KEY, f"identity-{kind}", digits) if digits else ""


def receipt_hash(receipt: str) -> str:
    return keyed_hash(settings.MIZAN_HASH_KEY, "receipt", receipt)
