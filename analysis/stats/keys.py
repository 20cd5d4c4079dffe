"""Stable keys of texts and values: the same on every machine and run (never Python's salted
``hash``)."""

from __future__ import annotations

import hashlib

import numpy as np


def hash_text(text: str) -> int:
    """The unsigned 64-bit BLAKE2b hash of ``text``: the same on every machine and run (not
    Python's salted hash)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-D array: its distinct values, sorted, by a sort and a mask.

    NumPy 2's ``np.unique`` finds distinct integers by hashing, then sorts
    them: on 5 million 64-bit integers here it took 4.7 s, a sort and a mask
    0.16 s.
    """
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
