"""Trained model files: stored by content hash, loaded only when the hash still matches.

A model file is a pickle, and unpickling runs code; so the file's SHA-256 is recorded in the
database when it is written and checked before every load. A file changed on disk (by accident
or by someone with write access to VAR_DIR but not to the database) is refused.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
from pathlib import Path

import joblib
from django.conf import settings

logger = logging.getLogger(__name__)

__all__ = ["ModelIntegrityError", "file_intact", "forget", "load_model", "models_dir", "save_model"]

_cache: dict[str, object] = {}
_cache_lock = threading.Lock()
_CACHE_SIZE = 4


class ModelIntegrityError(Exception):
    """The model file is missing or its content does not match the recorded SHA-256."""


def models_dir() -> Path:
    return Path(settings.VAR_DIR) / "models"


def save_model(model) -> str:
    """Write `model` to VAR_DIR/models/<sha256>.joblib and return the SHA-256."""
    buffer = io.BytesIO()
    joblib.dump(model, buffer, compress=3)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    folder = models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{digest}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, folder / f"{digest}.joblib")  # readers never see a half-written file
    return digest


def _read_checked(sha256: str) -> bytes:
    path = models_dir() / f"{sha256}.joblib"
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ModelIntegrityError(f"model file {path.name} cannot be read: {error}") from error
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        raise ModelIntegrityError(f"model file {path.name} has SHA-256 {actual}, expected {sha256}; refusing to load it")
    return data


def file_intact(sha256: str) -> bool:
    """Whether the file for `sha256` exists and still has that hash (nothing is unpickled)."""
    try:
        _read_checked(sha256)
    except ModelIntegrityError:
        return False
    return True


def load_model(sha256: str):
    """The model stored under `sha256`, after checking the file's hash."""
    with _cache_lock:
        if sha256 in _cache:
            return _cache[sha256]
    model = joblib.load(io.BytesIO(_read_checked(sha256)))
    with _cache_lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[sha256] = model
    return model


def forget(sha256: str | None = None) -> None:
    """Drop cached models (all, or one) so the next load reads and checks the file again."""
    with _cache_lock:
        if sha256 is None:
            _cache.clear()
        else:
            _cache.pop(sha256, None)
