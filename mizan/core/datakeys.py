"""The data-key ring every process encrypts and decrypts personal data with.

The ring is `settings.MIZAN_DATA_KEY` (current key first, retired keys after it). When the keys
come from key files (`var/keys/data_key` and `var/keys/data_keys_old`, or `MIZAN_DATA_KEY_FILE`
and `MIZAN_DATA_KEYS_OLD_FILE`), a running process notices that `rotate_data_key` replaced them
and re-reads them: from then on it encrypts with the new key and still decrypts every value
under the old ones, so a rotation needs no restart. Keys given directly in the environment are
fixed for the life of the process.
"""

import threading
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from mizan.lib.keyfiles import read_ring, ring_stamp
from mizan.lib.vault import Vault

_lock = threading.Lock()
_seen: dict = {}  # (settings ring, current path, old path) -> (stamp, ring read from the files)


@lru_cache(maxsize=8)
def _vault(key_ring: str) -> Vault:
    return Vault(key_ring)


def _paths() -> tuple[Path | None, Path | None]:
    current = getattr(settings, "MIZAN_DATA_KEY_PATH", None)
    old = getattr(settings, "MIZAN_DATA_KEYS_OLD_PATH", None)
    return (Path(current) if current else None), (Path(old) if old else None)


def key_ring() -> str:
    """The ring in force now: the key files' content if they changed since start-up, else settings."""
    base = settings.MIZAN_DATA_KEY
    current, old = _paths()
    if current is None:
        return base
    stamp = ring_stamp(current, old)
    if stamp[0] is None:  # the file vanished under us: keep the keys we started with
        return base
    slot = (base, current, old)
    with _lock:
        seen = _seen.get(slot)
        if seen is None or seen[0] != stamp:
            seen = (stamp, read_ring(current, old) or base)
            _seen[slot] = seen
    return seen[1]


def data_vault() -> Vault:
    return _vault(key_ring())
