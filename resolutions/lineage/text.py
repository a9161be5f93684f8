"""Wording as the lineage compares it: tokens, shingles, MinHash band keys, winnowed fingerprints.

Pure Python (no django). A paragraph's tokens are its lower-cased letter runs plus its numbers of
three or more digits: footnote markers ("Secretary-General;16") and list numbers drop out, while
treaty volumes, years and amounts stay. Hashes are documented so that stored keys stay valid:

- a shingle (`SHINGLE_WORDS` tokens joined by a space) is hashed with CRC-32 of its UTF-8 bytes;
- MinHash is the "affine32" scheme (each shingle hash through the MurmurHash3 32-bit finaliser,
  then h -> a*h + b mod 2^32 for `NUM_PERM` pairs (a odd) drawn by numpy's RandomState from seed
  `MINHASH_SEED`: a = 2 * randint(0, 2^31) + 1, then b = randint(0, 2^32)); these are the values
  datasketch 2's MinHash(scheme="affine32") gives, so keys stored before stay valid;
- a band key is the first 8 bytes of BLAKE2b over the band number and its `BAND_ROWS` values,
  read as a signed 64-bit integer (a PostgreSQL bigint);
- fingerprints are the winnowed CRC-32 hashes of `FINGERPRINT_WORDS`-token shingles (window
  `WINNOW_WINDOW`), as signed integers: any run of FINGERPRINT_WORDS + WINNOW_WINDOW - 1 tokens
  that two texts share gives them a common fingerprint, so a sentence finds its paragraph;
- a wording's digest (the identity of a distinct text, lineage/wordings.py) is the first 8 bytes
  of BLAKE2b over the UTF-8 text with its runs of white space made one space and its ends
  stripped, read as a signed 64-bit integer.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Sequence
from functools import cache

import numpy as np

TOKEN_RE = re.compile(r"[a-z]+|\d{3,}")
SHINGLE_WORDS = 2
NUM_PERM = 96
BAND_ROWS = 3
BANDS = NUM_PERM // BAND_ROWS
MINHASH_SEED = 20261204
FINGERPRINT_WORDS = 4
WINNOW_WINDOW = 4


def tokens_of(text: str) -> list[str]:
    """The words (and numbers of three or more digits) of a text, lower-cased, in order."""
    return TOKEN_RE.findall(text.lower())


def shingles_of(tokens: Sequence[str], *, size: int = SHINGLE_WORDS) -> set[str]:
    """The runs of `size` consecutive tokens; a shorter text is one shingle."""
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def crc32(data: bytes) -> int:
    """The 32-bit shingle hash (CRC-32): fast, stable across runs and machines."""
    return zlib.crc32(data)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM affine permutations (a odd, b), as uint32 rows of shape (1, NUM_PERM)."""
    generator = np.random.RandomState(MINHASH_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a.reshape(1, -1), b.reshape(1, -1)


def _fmix32(hashes: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finaliser: spreads CRC-32 values before the affine permutations."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def minhash_of(tokens: Sequence[str]) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a text's shingles (none: all 2^32-1)."""
    shingles = shingles_of(tokens)
    if not shingles:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    hashes = np.fromiter(
        (crc32(s.encode()) for s in shingles), dtype=np.uint32, count=len(shingles)
    )
    a, b = _permutations()
    return (_fmix32(hashes).reshape(-1, 1) * a + b).min(axis=0)


# Each band's key hashes its number (little-endian uint16) and its values (little-endian uint32).
BAND_PREFIXES = tuple(struct.pack("<H", band) for band in range(BANDS))
BAND_BYTES = BAND_ROWS * 4


def band_keys_of(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per band: paragraphs sharing a key are LSH candidates."""
    values = signature.astype("<u4").tobytes()
    return [
        int.from_bytes(
            hashlib.blake2b(
                prefix + values[band * BAND_BYTES : (band + 1) * BAND_BYTES], digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for band, prefix in enumerate(BAND_PREFIXES)
    ]


def fingerprints_of(tokens: Sequence[str]) -> list[int]:
    """Winnowed shingle hashes (robust winnowing: the rightmost minimum of each window)."""
    if not tokens:
        return []
    size = FINGERPRINT_WORDS
    if len(tokens) < size:
        hashes = [crc32(" ".join(tokens).encode())]
    else:
        hashes = [
            crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1)
        ]
    if len(hashes) <= WINNOW_WINDOW:
        chosen = {min(hashes)}
    else:
        chosen = set()
        for start in range(len(hashes) - WINNOW_WINDOW + 1):
            window = hashes[start : start + WINNOW_WINDOW]
            low = min(window)
            chosen.add(low)
    # Signed, to fit PostgreSQL's integer.
    return sorted(h - (1 << 32) if h >= 1 << 31 else h for h in chosen)


def wording_digest(text: str) -> int:
    """The identity of a paragraph's wording: its text, spaces collapsed, hashed to a bigint (a
    collision among a million wordings has odds of about 3 in 100 million)."""
    return int.from_bytes(
        hashlib.blake2b(" ".join(text.split()).encode(), digest_size=8).digest(),
        "little",
        signed=True,
    )


def text_keys(text: str) -> tuple[list[str], list[int], list[int]]:
    """A text's tokens, band keys and fingerprints, as the lineage stores them."""
    tokens = tokens_of(text)
    return tokens, band_keys_of(minhash_of(tokens)), fingerprints_of(tokens)


def keys_of_texts(texts: list[str]) -> list[tuple[list[int], list[int], int]]:
    """Band keys, fingerprints and word count of each text: a batch for a worker process."""
    out = []
    for text in texts:
        tokens, keys, fingerprints = text_keys(text)
        out.append((keys, fingerprints, len(tokens)))
    return out
