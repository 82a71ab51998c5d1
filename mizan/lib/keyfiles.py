"""Create the key files of a brand-new installation (`make keys`). Never overwrites a key.

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


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "var/keys")
    made = ensure(target)
    if made:
        print(f"Created {', '.join(made)} in {target}. Back these files up: without data_key and "
              "hash_key the encrypted data and receipts cannot be read.")
