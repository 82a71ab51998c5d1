"""MinHash signatures and LSH bands for near-duplicate narratives. Pure (numpy, no database).

A narrative becomes the set of its character 5-shingles of the NORMALISED text (so harakat,
alef/yeh/teh-marbuta spellings, tatweel and elongation do not matter); 128 MinHash values
estimate the Jaccard similarity of two such sets. The signature is cut into 32 bands of 4 rows:
two texts with Jaccard 0.6 share at least one band with probability 1 - (1 - 0.6^4)^32 ≈ 0.99,
texts with Jaccard 0.2 only with probability ≈ 0.05, so candidates are found by looking band
keys up in an index and only those candidates are compared.
"""

from __future__ import annotations

import hashlib
from itertools import combinations

import numpy as np

from mizan.lib.arabic import shingles

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_SIZE",
    "band_keys",
    "estimated_jaccard",
    "from_bytes",
    "near_duplicate_pairs",
    "signature",
    "signature_of_shingles",
    "to_bytes",
]

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_SIZE = 5
NEAR_DUPLICATE = 0.6

_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
# Fixed parameters: signatures stored today must stay comparable with those computed later.
# With a < 2^29 and shingle hashes x < 2^32, a·x + b stays below 2^62: no uint64 overflow.
_rng = np.random.default_rng(20260101)
_A = _rng.integers(1, 1 << 29, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 60, size=NUM_PERM, dtype=np.uint64)
_EMPTY = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
_PRIME_U64 = np.uint64(_PRIME)
_MAX_HASH_U64 = np.uint64(_MAX_HASH)


def _hashes(grams) -> np.ndarray:
    """The 32-bit hash of every shingle (its 4-byte BLAKE2b digest read little-endian), as
    uint64: the digests are joined and read by numpy in one go rather than turned into Python
    ints one by one."""
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(gram.encode("utf-8"), digest_size=4).digest() for gram in grams])
    return np.frombuffer(digests, dtype="<u4").astype(np.uint64)


def signature(text: str) -> np.ndarray:
    """128 MinHash values (uint64) of the text's 5-shingles; all-max for an empty text."""
    return signature_of_shingles(shingles(text, SHINGLE_SIZE))


def signature_of_shingles(grams: set[str]) -> np.ndarray:
    """`signature` from the shingles already made (`shingles(text, SHINGLE_SIZE)`)."""
    if not grams:
        return _EMPTY.copy()
    hashed = np.multiply(_hashes(grams)[:, None], _A[None, :])
    hashed += _B[None, :]
    hashed %= _PRIME_U64
    hashed &= _MAX_HASH_U64
    return hashed.min(axis=0)


def estimated_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    if np.array_equal(first, _EMPTY) or np.array_equal(second, _EMPTY):
        return 0.0
    return float(np.count_nonzero(first == second)) / NUM_PERM


def band_keys(sig: np.ndarray) -> list[str]:
    """One short key per band: its index and a hash of its rows (equal bands, equal keys)."""
    data = sig.astype("<u8").tobytes()
    size = ROWS * 8
    blake2b = hashlib.blake2b
    return [f"{band:02d}{blake2b(data[band * size : (band + 1) * size], digest_size=8).hexdigest()}"
            for band in range(BANDS)]


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u8").astype(np.uint64)


def near_duplicate_pairs(docs: list[tuple[object, str]], threshold: float = NEAR_DUPLICATE) -> set[frozenset]:
    """Pairs of ids whose texts are near-duplicates (estimated Jaccard ≥ threshold), found
    through shared LSH bands rather than by comparing every pair."""
    signatures = {doc_id: signature(text) for doc_id, text in docs}
    buckets: dict[str, list] = {}
    for doc_id, sig in signatures.items():
        if np.array_equal(sig, _EMPTY):
            continue
        for key in band_keys(sig):
            buckets.setdefault(key, []).append(doc_id)
    candidates = {frozenset(pair) for ids in buckets.values() for pair in combinations(ids, 2)}
    return {
        pair for pair in candidates
        if len(pair) == 2 and estimated_jaccard(*(signatures[i] for i in pair)) >= threshold
    }
