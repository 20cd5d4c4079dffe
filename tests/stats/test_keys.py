"""Stable keys: the same hash on every run and machine, distinct values sorted."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from analysis.stats.keys import hash_text, unique_sorted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 16476032584258269876),
        ("Putin", 17145209268849758363),
        ("putin", None),  # another text, another key
    ],
)
def test_hash_text_is_blake2b_of_the_utf8_text(text, expected):
    import hashlib

    key = hash_text(text)
    assert key == int.from_bytes(
        hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big"
    )
    assert 0 <= key < 2**64
    if expected is not None:
        assert key == expected


def test_hash_text_does_not_depend_on_pythons_salted_hash():
    code = "from analysis.stats.keys import hash_text; print(hash_text('Kremlin'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{hash_text('Kremlin')}\n"}


@pytest.mark.parametrize(
    "values",
    [[], [5], [3, 1, 3, 2, 1], [2**63 + 5, 7, 2**63 + 5, 0]],
)
def test_unique_sorted_is_numpys_unique(values):
    array = np.array(values, dtype=np.uint64)
    assert unique_sorted(array).tolist() == np.unique(array).tolist()
