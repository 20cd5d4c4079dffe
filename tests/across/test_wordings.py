"""Wordings of one statement compared (analysis.across.wordings)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.across.wordings import _closest_wording, _Wordings, compare_wording


@pytest.mark.parametrize(
    ("full", "member", "changed", "added", "cut_inside", "beyond"),
    [
        (
            "i had a lengthy and highly productive phone call",
            "i had a long and very productive phone call",
            ["lengthy → long", "highly → very"],
            [],
            [],
            [],
        ),
        (
            "we discussed ukraine the middle east and energy",
            "ukraine the middle east",
            [],
            [],
            [],
            [],
        ),
        (
            "we discussed ukraine the middle east and energy",
            "we discussed ukraine and energy",
            [],
            [],
            ["the middle east"],
            [],
        ),
        (
            "we discussed ukraine the middle east",
            "we discussed ukraine the middle east and much more besides",
            [],
            [],
            [],
            ["and much more besides"],
        ),
    ],
)
def test_wording_comparison(full, member, changed, added, cut_inside, beyond):
    found = compare_wording(full.split(), member.split())
    assert (found["changed"], found["added"], found["cut_inside"], found["beyond"]) == (
        changed,
        added,
        cut_inside,
        beyond,
    )


@pytest.mark.parametrize(
    "keys, others, full, expected",
    [
        (
            [["a", "b", "c"], ["a", "b"], ["a", "b", "c", "d"], ["x", "y"]],
            [1, 2, 3],
            2,
            2,
        ),  # most words matched
        (
            [["a", "b"], ["a", "b", "x"], ["a", "b", "y"], ["z"]],
            [1, 2, 3],
            2,
            2,
        ),  # a tie goes to the full version
        (
            [["a", "b"], ["a", "b", "x"], ["a", "b", "x"], ["z"]],
            [2, 1, 3],
            3,
            1,
        ),  # then to the first member
        ([["q"], ["x"], ["y"]], [1, 2], 2, 2),  # nothing matched: the full version
    ],
)
def test_closest_member_for_a_fragment(keys, others, full, expected):
    owners = {0: "fragment's article", **{m: f"article-{m}" for m in others}}
    assert (
        _Wordings([0, *others], dict(enumerate(keys)), owners, full).closest(
            0, dict(enumerate(keys)), {}
        )
        == expected
    )


@pytest.mark.parametrize("seed", range(8))
def test_wordings_choose_what_a_scan_of_the_other_articles_chooses(seed):
    rng = np.random.default_rng(seed)
    wordings = [
        ["a", "b", "c", "d", "e"],
        ["a", "b", "c"],
        ["c", "d", "e", "f"],
        ["b", "c", "d", "e", "f", "g"],
        ["c", "c", "b", "a"],
        ["x", "y", "z"],
    ]
    members = sorted(rng.choice(200, 40, replace=False).tolist())
    keys = {m: wordings[int(rng.integers(0, len(wordings)))] for m in members}
    owners = {m: f"article-{int(rng.integers(0, 6))}" for m in members}
    full = min(members, key=lambda m: (-len(keys[m]), m))
    index = _Wordings(members, keys, owners, full)
    for k in members:
        scanned: dict = {}
        for m in (m for m in members if m != k and owners[m] != owners[k]):
            key = tuple(keys[m])
            if key not in scanned or m == full or (scanned[key] != full and m < scanned[key]):
                scanned[key] = m
        assert index.choose(k) == scanned
        # and the closest of them, found from the words in common, is the one the scan finds
        assert index.closest(k, keys, {}) == _closest_wording(k, scanned, full, keys, {})


@pytest.mark.parametrize("seed", range(10))
def test_closest_from_words_in_common_is_the_scans_on_random_wordings(seed):
    """Many wordings tie on words in common and on words matched: the tie-breaks must be the
    scan's."""
    rng = np.random.default_rng(100 + seed)
    members = sorted(rng.choice(500, 60, replace=False).tolist())
    keys = {
        m: [f"w{int(x)}" for x in rng.integers(0, 6, int(rng.integers(3, 9)))] for m in members
    }
    owners = {m: f"article-{int(rng.integers(0, 5))}" for m in members}
    full = min(members, key=lambda m: (-len(keys[m]), m))
    index = _Wordings(members, keys, owners, full)
    for k in members:
        scanned = index.choose(k)
        if scanned:
            assert index.closest(k, keys, {}) == _closest_wording(k, scanned, full, keys, {})
