"""The sealed stream that encrypts backups: round trips, and every way of tampering is refused."""

import io
import os

import pytest

from mizan.lib.sealedstream import (
    SealedReader,
    SealedStreamError,
    SealedWriter,
    UnknownKey,
    read_header,
)

KEY = bytes(range(32))
CHUNK = 64  # small chunks, so that the tests cross many chunk boundaries


def seal(data: bytes, *, key=KEY, key_id="k1", purpose="test", chunk=CHUNK) -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, key_id=key_id, key=key, purpose=purpose, chunk=chunk)
    for start in range(0, len(data), 50):  # writes that do not line up with the chunks
        writer.write(data[start:start + 50])
    writer.close()
    return out.getvalue()


def unseal(sealed: bytes, *, keys=None, purpose="test", read_size=-1) -> bytes:
    reader = SealedReader(io.BytesIO(sealed), keys=keys or {"k1": KEY}, purpose=purpose)
    if read_size < 0:
        return reader.read()
    parts = []
    while part := reader.read(read_size):
        parts.append(part)
    return b"".join(parts)


def header_size(sealed: bytes) -> int:
    stream = io.BytesIO(sealed)
    read_header(stream)
    return stream.tell()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_sealed_stream_round_trip_at_every_chunk_boundary(size):
    data = os.urandom(size)
    sealed = seal(data)
    assert unseal(sealed) == data
    assert unseal(sealed, read_size=7) == data
    chunks = max(1, -(-size // CHUNK))  # an empty stream still has its (empty) last chunk
    assert len(sealed) == header_size(sealed) + size + 16 * chunks


def test_sealed_stream_hides_the_plaintext_and_uses_a_new_key_each_time():
    data = b"\xd8\xa7\xd8\xad\xd8\xaa\xd8\xac\xd8\xb2\xd9\x88\xd9\x86\xd9\x8a" * 20
    first, second = seal(data), seal(data)
    assert data[:16] not in first
    assert first[header_size(first):] != second[header_size(second):]


def test_sealed_stream_refuses_any_changed_byte():
    sealed = seal(os.urandom(3 * CHUNK + 5))
    for position in range(0, len(sealed), 7):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        with pytest.raises(SealedStreamError):
            unseal(bytes(damaged))


def test_sealed_stream_refuses_a_stream_cut_short():
    sealed = seal(os.urandom(3 * CHUNK))
    start = header_size(sealed)
    assert len(sealed) == start + 3 * (CHUNK + 16)  # the third chunk is the last one, flagged so
    with pytest.raises(SealedStreamError, match="cut short after chunk 1"):
        unseal(sealed[: start + 2 * (CHUNK + 16)])
    with pytest.raises(SealedStreamError, match="cut short after chunk 0"):
        unseal(sealed[: start + CHUNK + 16])
    for length in (start + 5, start + CHUNK, len(sealed) - 1):
        with pytest.raises(SealedStreamError):
            unseal(sealed[:length])
    with pytest.raises(SealedStreamError, match="header"):
        unseal(sealed[: start - 3])


def test_sealed_stream_refuses_reordered_dropped_or_appended_chunks():
    sealed = seal(os.urandom(3 * CHUNK + 10))
    start, size = header_size(sealed), CHUNK + 16
    head, chunks = sealed[:start], [sealed[start + i * size:start + (i + 1) * size] for i in range(4)]
    with pytest.raises(SealedStreamError, match="chunk 0"):
        unseal(head + chunks[1] + chunks[0] + chunks[2] + chunks[3])
    with pytest.raises(SealedStreamError, match="chunk 1"):
        unseal(head + chunks[0] + chunks[2] + chunks[3])
    with pytest.raises(SealedStreamError):
        unseal(sealed + chunks[3])
    other = seal(os.urandom(3 * CHUNK + 10))
    with pytest.raises(SealedStreamError, match="chunk 1"):  # a chunk of another stream, same key
        unseal(head + chunks[0] + other[start + size:start + 2 * size] + chunks[2] + chunks[3])


def test_sealed_stream_needs_the_right_key_and_purpose():
    sealed = seal(b"secret narrative")
    with pytest.raises(UnknownKey) as error:
        unseal(sealed, keys={"k2": KEY})
    assert error.value.key_id == "k1"
    with pytest.raises(SealedStreamError, match="fails authentication"):
        unseal(sealed, keys={"k1": bytes(32)})
    with pytest.raises(SealedStreamError, match="sealed for 'test', not 'backup'"):
        unseal(sealed, purpose="backup")


def test_sealed_stream_refuses_what_is_not_a_sealed_stream():
    for data in (b"", b"PK\x03\x04 a zip file", b"\x1f\x8b\x08\x00 a gzip file"):
        with pytest.raises(SealedStreamError, match="not a sealed stream"):
            unseal(data)
