"""Encrypted, authenticated byte streams of any length (used for backups): AES-256-GCM in chunks.

This is the STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015). The plaintext is
cut into chunks; each chunk is sealed with AES-256-GCM under a key derived for this stream alone
(HKDF-SHA256 over the caller's key, a random salt and a purpose), with the chunk's number and a
"last chunk" flag as the nonce and the whole stream header as associated data. A reader so
detects any changed, dropped, re-ordered or appended chunk, a changed header and a stream cut
short (its last chunk is missing), and never returns a byte it has not authenticated.

Layout: MAGIC, header length (4 bytes, big-endian), header (JSON: version, key id, salt, chunk
size, purpose), then the chunks (each `chunk size + 16` bytes, the last one shorter or equal).

Plain Python on top of `cryptography`; imports nothing of Mizan and no Django.
"""

from __future__ import annotations

import base64
import json
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = ["CHUNK", "MAGIC", "SealedReader", "SealedStreamError", "SealedWriter", "UnknownKey", "read_header"]

MAGIC = b"MIZAN-SEALED\x00\x01"
CHUNK = 1 << 20  # 1 MiB of plaintext per chunk
TAG = 16
VERSION = 1
MAX_HEADER = 4096
MAX_CHUNK = 64 << 20


class SealedStreamError(Exception):
    """The stream is not a sealed stream, or it was changed, damaged or cut short."""


class UnknownKey(SealedStreamError):
    """The stream was sealed with a key the reader was not given."""

    def __init__(self, key_id: str):
        super().__init__(f"sealed with key {key_id!r}, which was not given")
        self.key_id = key_id


def _derive(key: bytes, salt: bytes, purpose: str) -> AESGCM:
    if len(key) < 32:
        raise ValueError("the key must have at least 32 bytes")
    info = b"mizan sealed stream v1: " + purpose.encode()
    return AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _read_exact(fileobj, size: int) -> bytes:
    parts, missing = [], size
    while missing:
        part = fileobj.read(missing)
        if not part:
            break
        parts.append(part)
        missing -= len(part)
    return b"".join(parts)


def read_header(fileobj) -> tuple[dict, bytes]:
    """The parsed header of a sealed stream and its raw bytes (the chunks' associated data)."""
    magic = _read_exact(fileobj, len(MAGIC))
    if magic != MAGIC:
        raise SealedStreamError("not a sealed stream (wrong magic bytes)")
    raw_length = _read_exact(fileobj, 4)
    if len(raw_length) != 4:
        raise SealedStreamError("the stream ends inside its header")
    (length,) = struct.unpack(">I", raw_length)
    if not 0 < length <= MAX_HEADER:
        raise SealedStreamError("the stream header has an impossible length")
    raw = _read_exact(fileobj, length)
    if len(raw) != length:
        raise SealedStreamError("the stream ends inside its header")
    try:
        header = json.loads(raw)
        if header["version"] != VERSION:
            raise SealedStreamError(f"unsupported sealed stream version {header['version']!r}")
        header["salt_bytes"] = base64.b64decode(header["salt"], validate=True)
        if not (isinstance(header["key_id"], str) and isinstance(header["purpose"], str)
                and isinstance(header["chunk"], int) and 0 < header["chunk"] <= MAX_CHUNK
                and len(header["salt_bytes"]) == 32):
            raise SealedStreamError("the stream header is malformed")
    except (ValueError, KeyError, TypeError) as error:
        raise SealedStreamError("the stream header is malformed") from error
    return header, magic + raw_length + raw


class SealedWriter:
    """A write-only file object: bytes written to it reach `fileobj` sealed. Call `close()`.

    `close()` writes the last chunk (it does not close `fileobj`); a stream that was never
    closed is refused by the reader as cut short.
    """

    def __init__(self, fileobj, *, key_id: str, key: bytes, purpose: str, chunk: int = CHUNK):
        if not 0 < chunk <= MAX_CHUNK:
            raise ValueError("impossible chunk size")
        salt = os.urandom(32)
        header = json.dumps({"version": VERSION, "key_id": key_id, "salt": base64.b64encode(salt).decode(),
                             "chunk": chunk, "purpose": purpose, "cipher": "AES-256-GCM STREAM"},
                            sort_keys=True).encode()
        if len(header) > MAX_HEADER:
            raise ValueError("the key id is too long")
        self._aad = MAGIC + struct.pack(">I", len(header)) + header
        self._fileobj = fileobj
        self._aead = _derive(key, salt, purpose)
        self._chunk = chunk
        self._buffer = bytearray()
        self._counter = 0
        self.closed = False
        fileobj.write(self._aad)

    def writable(self) -> bool:
        return True

    def _emit(self, plaintext: bytes, last: bool) -> None:
        self._fileobj.write(self._aead.encrypt(_nonce(self._counter, last), plaintext, self._aad))
        self._counter += 1

    def write(self, data) -> int:
        if self.closed:
            raise ValueError("write to a closed sealed stream")
        self._buffer += data
        # Strictly more than a chunk: whatever is left at close() (possibly nothing) is the last chunk.
        while len(self._buffer) > self._chunk:
            self._emit(bytes(self._buffer[: self._chunk]), last=False)
            del self._buffer[: self._chunk]
        return len(data)

    def flush(self) -> None:
        """Nothing to do: chunks are written whole, and the last one only by `close()`."""

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True


class SealedReader:
    """A read-only file object over a sealed stream; `keys` maps key ids to key bytes.

    Raises SealedStreamError (UnknownKey for a key it was not given) as soon as something is
    wrong; everything it returns has been authenticated.
    """

    def __init__(self, fileobj, *, keys: dict[str, bytes], purpose: str):
        header, self._aad = read_header(fileobj)
        if header["purpose"] != purpose:
            raise SealedStreamError(f"this stream was sealed for {header['purpose']!r}, not {purpose!r}")
        if header["key_id"] not in keys:
            raise UnknownKey(header["key_id"])
        self.key_id = header["key_id"]
        self._aead = _derive(keys[self.key_id], header["salt_bytes"], purpose)
        self._fileobj = fileobj
        self._chunk = header["chunk"]
        self._counter = 0
        self._pending = b""  # one byte read ahead to learn whether a full chunk is the last one
        self._plain = b""  # the current authenticated chunk, returned from `_offset` on
        self._offset = 0
        self._done = False
        self.closed = False

    def readable(self) -> bool:
        return True

    def _open(self, sealed: bytes, last: bool) -> bytes | None:
        try:
            return self._aead.decrypt(_nonce(self._counter, last), sealed, self._aad)
        except InvalidTag:
            return None

    def _next_chunk(self) -> bytes:
        size = self._chunk + TAG
        sealed = self._pending + _read_exact(self._fileobj, size - len(self._pending))
        self._pending = b""
        last = True
        if len(sealed) == size:
            self._pending = self._fileobj.read(1)
            last = not self._pending
        plain = self._open(sealed, last) if len(sealed) >= TAG else None
        if plain is None:
            if last and len(sealed) == size and self._open(sealed, last=False) is not None:
                raise SealedStreamError(f"the stream is cut short after chunk {self._counter}")
            if last:
                raise SealedStreamError(f"chunk {self._counter} fails authentication: "
                                        "the stream is cut short or damaged")
            raise SealedStreamError(f"chunk {self._counter} fails authentication: the stream was changed or damaged")
        self._counter += 1
        self._done = last
        return plain

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (all that is left when `size` is negative); b"" at the end."""
        parts, wanted = [], size if size is not None and size >= 0 else None
        while wanted is None or wanted > 0:
            if self._offset == len(self._plain):
                if self._done:
                    break
                self._plain, self._offset = self._next_chunk(), 0
                continue
            end = len(self._plain) if wanted is None else min(len(self._plain), self._offset + wanted)
            parts.append(self._plain[self._offset:end])
            if wanted is not None:
                wanted -= end - self._offset
            self._offset = end
        return b"".join(parts)

    def close(self) -> None:
        self.closed = True
