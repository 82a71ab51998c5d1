"""`manage.py rotate_data_key`: put personal data under a new data key, with the platform running.

1. The new key (generated, or `--key ID:BASE64`) becomes the current key in the key file and the
   old current key moves to the retired-keys file (each replaced safely: 0600 temp file, rename).
   Running processes notice the new files and encrypt with the new key from then on, while still
   decrypting values under the old one.
2. Every sealed value not yet under the new key is re-encrypted, in batches, each in its own
   transaction; values already under it are skipped, so an interrupted run is finished with
   `--resume` (no new key).
3. Every value is decrypted with the new key alone; an audit row records key ids and counts.

With `--dry-run` nothing is written: it says what would be re-encrypted.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mizan.complaints import keys
from mizan.core.datakeys import data_vault, key_ring
from mizan.lib.keyfiles import write_atomically
from mizan.lib.vault import Vault, VaultError, generate_key

ENV_PROCEDURE = (
    "MIZAN_DATA_KEY is given in the environment, so this command cannot install a new key itself. "
    "Rotate in three steps: (1) add the new key to MIZAN_DATA_KEYS_OLD on every process and restart them "
    "one by one; (2) make it the value of MIZAN_DATA_KEY, move the old key into MIZAN_DATA_KEYS_OLD, "
    "restart them one by one; (3) run `manage.py rotate_data_key --resume`."
)


class Command(BaseCommand):
    help = "Re-encrypt every sealed value (identities, TOTP secrets) under a new data key, without downtime."

    def add_arguments(self, parser):
        parser.add_argument("--key", help="the new key as ID:BASE64 (default: a new random key)")
        parser.add_argument("--resume", action="store_true",
                            help="no new key: finish re-encrypting under the current key (after an interruption)")
        parser.add_argument("--dry-run", action="store_true", help="say what would be done; write nothing")
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, key=None, resume=False, dry_run=False, batch_size=200, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if key and resume:
            raise CommandError("--key and --resume do not go together")
        vault = data_vault()
        missing = keys.missing_key_ids(vault)
        if missing:
            raise CommandError(keys.missing_message(missing))
        current = vault.primary
        pending = keys.count_pending(current)
        unfinished = sum(pending.values())

        if dry_run:
            in_use = keys.key_ids_in_use()
            self.stdout.write(f"Current key: {current}. Values per key id: {_fmt(in_use) or 'none'}.")
            if resume:
                self.stdout.write(f"Would re-encrypt {unfinished} value(s) under {current}: {_fmt(pending)}.")
            else:
                total = sum(in_use.values())
                self.stdout.write(f"Would install a new key and re-encrypt {total} value(s). Nothing was written.")
            return

        if resume:
            target = current
        else:
            if unfinished and len(vault.keys) > 1:
                raise CommandError(
                    f"An earlier rotation to key {current} is unfinished ({unfinished} value(s) under older keys). "
                    "Run `manage.py rotate_data_key --resume` to finish it first.")
            target = self._install(key, vault)

        total = keys.reencrypt_all(key_id=target, batch_size=batch_size,
                                   after_batch=lambda r: self.stdout.write(f"  batch {r.batches}: {r.reencrypted} value(s)"))
        # A process that sealed a value with the old key just before it saw the new file: catch it.
        late = keys.reencrypt_all(key_id=target, batch_size=batch_size)
        total.reencrypted += late.reencrypted
        total.batches += late.batches
        for key_id, count in (late.old_key_ids or {}).items():
            total.old_key_ids[key_id] = total.old_key_ids.get(key_id, 0) + count
        problems = keys.verify_all(key_id=target)
        keys.record_rotation(report=total, verified=not problems)
        if problems:
            raise CommandError("Not every value decrypts under the new key; run `rotate_data_key --resume`:\n  "
                               + "\n  ".join(problems[:20]))
        self.stdout.write(self.style.SUCCESS(
            f"Data key {target} is current; {total.reencrypted} value(s) re-encrypted "
            f"(from {_fmt(total.old_key_ids) or 'no other key'}); every value decrypts under {target}."))
        if not resume:
            self.stdout.write("Back up the key files now. Keep the retired keys as long as you keep backups made "
                              "with them; remove a retired key from the ring only when no value uses it.")

    def _install(self, key: str | None, vault: Vault) -> str:
        """Write the new ring to the key files; return the new key id."""
        current_path = settings.MIZAN_DATA_KEY_PATH
        old_path = settings.MIZAN_DATA_KEYS_OLD_PATH
        if not current_path or not old_path:
            raise CommandError(ENV_PROCEDURE)
        new_entry = (key or generate_key()).strip()
        if "," in new_entry:
            raise CommandError("--key takes one key, ID:BASE64")
        try:
            new_id = Vault(new_entry).primary
        except (VaultError, ValueError) as exc:
            raise CommandError(f"--key: {exc}") from exc
        if new_id in vault.keys:
            raise CommandError(f"key id {new_id!r} is already in the key ring; give a new key")
        retired = []
        for entry in key_ring().split(","):
            entry = entry.strip()
            if entry and entry not in retired:
                retired.append(entry)
        # Retired keys first: if we stop between the two writes, the ring still holds every key.
        write_atomically(old_path, ",".join(retired) + "\n")
        write_atomically(current_path, new_entry + "\n")
        if data_vault().primary != new_id:
            raise CommandError(f"the key file {current_path} was written but does not read back as key {new_id}")
        self.stdout.write(f"New data key {new_id} written to {current_path}; "
                          f"{', '.join(e.partition(':')[0] for e in retired)} moved to {old_path}.")
        return new_id


def _fmt(counts: dict) -> str:
    return ", ".join(f"{key}: {value}" for key, value in sorted(counts.items()))

