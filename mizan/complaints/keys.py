"""Every value sealed with the data key: where it is, re-encrypting it under a new key, and the
start-up check that refuses to run when the database holds values under a key nobody gave us.

A sealed value is `v1.<key id>.<ciphertext>` (`mizan.lib.vault`), so the key a value needs is
written on it: readers decrypt with whichever key it names, and a rotation can tell what is
done (values already under the new key id) from what is left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, transaction
from django.db.models import Q

from mizan.accounts.models import AccountSecurity
from mizan.audit.models import record
from mizan.core.datakeys import data_vault, key_ring
from mizan.lib.vault import PREFIX, Vault

from .identity import IDENTITY_FIELDS, context_for
from .models import Person


@dataclass(frozen=True)
class SealedColumn:
    """One model's sealed text columns and the associated data each value is bound to."""

    label: str
    model: type
    fields: tuple[str, ...]
    context: Callable  # (row, field) -> associated data

    def columns(self) -> list[str]:
        return [f"{field}_enc" for field in self.fields]


SEALED: tuple[SealedColumn, ...] = (
    SealedColumn("person identity", Person, IDENTITY_FIELDS, lambda row, field: context_for(field, row.case_id)),
    # accounts.security seals the TOTP secret bound to its user.
    SealedColumn("TOTP secret", AccountSecurity, ("totp_secret",),
                 lambda row, field: f"accounts.totp.user{row.user_id}"),
)


def _marker(key_id: str) -> str:
    return f"{PREFIX}.{key_id}."


def _not_under(column: str, key_ids) -> Q:
    """Rows whose `column` holds a value sealed under none of `key_ids`."""
    q = ~Q(**{column: ""})
    for key_id in key_ids:
        q &= ~Q(**{f"{column}__startswith": _marker(key_id)})
    return q


def _any_value(spec: SealedColumn) -> Q:
    q = Q(pk__in=[])
    for column in spec.columns():
        q |= ~Q(**{column: ""})
    return q


def _pending(spec: SealedColumn, key_id: str) -> Q:
    q = Q(pk__in=[])
    for column in spec.columns():
        q |= _not_under(column, [key_id])
    return q


def key_ids_in_use(*, outside: tuple[str, ...] = ()) -> dict[str, int]:
    """{key id: number of values} for sealed values under keys other than `outside`."""
    found: dict[str, int] = {}
    for spec in SEALED:
        for column in spec.columns():
            for value in spec.model.objects.filter(_not_under(column, outside)).values_list(column, flat=True).iterator():
                parts = value.split(".", 2)
                key_id = parts[1] if len(parts) == 3 and parts[0] == PREFIX else "(not a vault value)"
                found[key_id] = found.get(key_id, 0) + 1
    return found


def missing_key_ids(vault: Vault | None = None) -> dict[str, int]:
    """Key ids that values in the database are sealed under but the key ring lacks (with counts)."""
    vault = vault or data_vault()
    return key_ids_in_use(outside=tuple(vault.keys))


def count_pending(key_id: str) -> dict[str, int]:
    """{column label: values not yet under `key_id`}."""
    return {spec.label: sum(spec.model.objects.filter(_not_under(c, [key_id])).count() for c in spec.columns())
            for spec in SEALED}


@dataclass
class RotationReport:
    key_id: str
    reencrypted: int = 0
    batches: int = 0
    old_key_ids: dict | None = None


def reencrypt_all(*, key_id: str, batch_size: int = 200, after_batch: Callable | None = None) -> RotationReport:
    """Re-seal every value not yet under `key_id` (the ring's current key) with it.

    Batches of `batch_size` rows, each in its own transaction with the rows locked, so the
    platform keeps running: a reader decrypts a row before or after its batch, with the key the
    value names. Values already under `key_id` are skipped, so an interrupted run is finished by
    running again. `after_batch(report)` is called after each committed batch.
    Side effects: the sealed columns only (the caller writes the audit row).
    """
    report = RotationReport(key_id=key_id, old_key_ids={})
    for spec in SEALED:
        last_pk = 0
        while True:
            with transaction.atomic():
                vault = data_vault()
                if vault.primary != key_id:
                    raise RuntimeError(f"the current data key is {vault.primary!r}, not {key_id!r}")
                rows = list(spec.model.objects.select_for_update().filter(_pending(spec, key_id), pk__gt=last_pk)
                            .order_by("pk")[:batch_size])
                if not rows:
                    break
                for row in rows:
                    changed = []
                    for field, column in zip(spec.fields, spec.columns(), strict=True):
                        token = getattr(row, column)
                        if not token or token.startswith(_marker(key_id)):
                            continue
                        old_id = vault.key_id_of(token)
                        context = spec.context(row, field)
                        setattr(row, column, vault.encrypt(vault.decrypt(token, context), context))
                        report.old_key_ids[old_id] = report.old_key_ids.get(old_id, 0) + 1
                        changed.append(column)
                    if changed:
                        row.save(update_fields=changed)
                        report.reencrypted += len(changed)
                last_pk = rows[-1].pk
                report.batches += 1
            if after_batch is not None:
                after_batch(report)
    return report


def verify_all(*, key_id: str) -> list[str]:
    """Problems found when decrypting every sealed value with `key_id` alone (empty: all good)."""
    vault = data_vault()
    only = Vault(next(entry for entry in _ring_entries() if entry.startswith(f"{key_id}:")))
    problems = []
    for spec in SEALED:
        for row in spec.model.objects.filter(_any_value(spec)).iterator():
            for field, column in zip(spec.fields, spec.columns(), strict=True):
                token = getattr(row, column)
                if not token:
                    continue
                try:
                    only.decrypt(token, spec.context(row, field))
                except Exception:  # noqa: BLE001 - every failure is reported, none stops the walk
                    problems.append(f"{spec.label} #{row.pk} ({column}) is under key {vault.key_id_of(token)!r}")
    return problems


def _ring_entries() -> list[str]:
    return [entry.strip() for entry in key_ring().split(",") if entry.strip()]


def record_rotation(*, report: RotationReport, verified: bool) -> None:
    """Audit row `data_key.rotate`: key ids and counts only."""
    with transaction.atomic():
        record(action="data_key.rotate", data={
            "key_id": report.key_id, "reencrypted": report.reencrypted, "batches": report.batches,
            "from_key_ids": sorted(report.old_key_ids or {}), "verified": verified,
        })


def missing_message(missing: dict) -> str:
    ids = ", ".join(f"{key_id!r} ({count} value(s))" for key_id, count in sorted(missing.items()))
    return (f"The database holds personal data sealed with data key(s) {ids} that the key ring does not have. "
            "Restore the key from your key backup into MIZAN_DATA_KEY or MIZAN_DATA_KEYS_OLD "
            "(var/keys/data_key or var/keys/data_keys_old); never generate a new key for existing data.")


def _no_database_file() -> bool:
    """True when the SQLite file does not exist yet: opening it would create an empty one."""
    from pathlib import Path

    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or ":memory:" in name or "mode=memory" in name:
        return False
    return not Path(name.removeprefix("file:").split("?", 1)[0]).exists()


def _missing_or_none() -> dict | None:
    if _no_database_file():
        return None
    try:
        return missing_key_ids()
    except DatabaseError:  # no database yet, or not migrated: nothing sealed to lose
        return None


def check_data_keys(app_configs=None, **kwargs) -> list:
    """System check (every manage.py command that checks, runserver, migrate): no value without its key."""
    missing = _missing_or_none()
    if not missing:
        return []
    return [checks.Critical(missing_message(missing), id="mizan.E001")]


def refuse_to_start_without_keys() -> None:
    """The same check for WSGI servers (gunicorn does not run system checks): refuse to serve."""
    missing = _missing_or_none()
    if missing:
        raise ImproperlyConfigured(missing_message(missing))
