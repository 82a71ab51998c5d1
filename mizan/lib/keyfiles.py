"""Create the key files of a brand-new installation (`make keys`). Never overwrites a key.

Also the safe replacement of a key file (`rotate_data_key`) and the reading of the key ring.

Usage: python -m mizan.lib.keyfiles var/keys
"""

import os
import secrets
import sys
from pathlib import Path

from mizan.lib.vault import generate_key

MAKERS = {
    "secret_key": lambda: secrets.token_urlsafe(50),
    "data_key": generate_key,
    "hash_key": lambda: secrets.token_urlsafe(48),
}


def ensure(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    created = []
    for name, make in MAKERS.items():
        path = folder / name
        if path.exists():
            continue
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
        created.append(name)
    return created


def write_atomically(path: Path, text: str) -> None:
    """Replace the key file `path` with `text`: a 0600 temporary file beside it, fsync, rename.

    A reader sees either the old file or the new one, never half of one; a crash leaves at worst
    a stray temporary file, never a damaged key file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def read_ring(current: Path, old: Path | None) -> str:
    """The key ring held by the current-key file and the retired-keys file (current first)."""
    parts = [Path(current).read_text(encoding="utf-8").strip()]
    if old is not None and Path(old).exists():
        parts.append(Path(old).read_text(encoding="utf-8").strip())
    return ",".join(part for part in parts if part)


def ring_stamp(*paths: Path | None) -> tuple:
    """What changes when a key file is replaced (inode, size, mtime), to know when to re-read."""
    stamp = []
    for path in paths:
        try:
            info = os.stat(path) if path is not None else None
        except FileNotFoundError:
            info = None
        stamp.append((info.st_ino, info.st_size, info.st_mtime_ns) if info else None)
    return tuple(stamp)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "var/keys")
    made = ensure(target)
    if made:
        print(f"Created {', '.join(made)} in {target}. Back these files up: without data_key and "
              "hash_key the encrypted data and receipts cannot be read.")
