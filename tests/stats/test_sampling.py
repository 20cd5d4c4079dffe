"""Samples fixed by a hash of their keys: the same on every run, whatever the order, stable as keys
come and go."""

from __future__ import annotations

import hashlib

import pytest

from analysis.stats.sampling import digest_key, rank_by_hash, sample_by_hash


def test_rank_by_hash_keeps_each_keys_place_among_other_keys():
    ranked = rank_by_hash([f"k{i}" for i in range(50)])
    assert ranked != sorted(ranked) and [k for k in ranked if k != "k7"] == rank_by_hash(
        [f"k{i}" for i in range(50) if i != 7]
    )
    assert digest_key("k1") == hashlib.sha1(b"k1").hexdigest() and digest_key(1) == digest_key("1")


@pytest.mark.parametrize(
    ("keys", "limit", "expected"),
    [(["b", "a", "b"], 5, ["b", "a"]), ([f"k{i}" for i in range(20)], 3, 3), ([], 2, [])],
)
def test_sample_by_hash_keeps_at_most_the_limit_in_first_order(keys, limit, expected):
    sample = sample_by_hash(keys, limit)
    if isinstance(expected, int):
        assert len(sample) == expected and sample == [k for k in keys if k in set(sample)]
        assert set(sample) == set(rank_by_hash(keys)[:limit])
    else:
        assert sample == expected
