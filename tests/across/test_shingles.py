"""Word shingles and the pairs of articles that share them (analysis.across.shingles)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.across.copying import align_pairs
from analysis.across.shingles import (
    COMMON_ARTICLES,
    find_normalised_words,
    find_shared_shingles,
    hash_shingles,
    keep_passage_pairs,
    list_normalised_words,
    list_shared_shingles,
    list_shingles,
)


def test_shingles_hash_the_same_everywhere():
    assert hash_shingles(["a"] * 3, 2) == hash_shingles(["a"] * 3, 2)
    assert len(hash_shingles(["a", "b", "c"], 8)) == 0
    assert len(hash_shingles(list("abcdefghij"), 8)) == 3


@pytest.mark.parametrize("pairs_at_once", [1, 10, 100, 10_000])
@pytest.mark.parametrize("seed", range(3))
def test_shingles_listed_in_slices_give_every_pair_once(seed, pairs_at_once):
    """Slices of a bucket's pairs are together the pairs of the whole bucket, each shingle's pairs
    in one slice of bounded size."""
    rng = np.random.default_rng(seed)
    held = [
        (rank, shingle)
        for shingle, holders in enumerate(rng.integers(1, COMMON_ARTICLES + 8, 40))
        for rank in rng.choice(300, holders, replace=False)
    ]
    shingles = (
        pd.DataFrame(held, columns=["rank", "shingle"])
        .sample(frac=1, random_state=seed)
        .astype({"shingle": np.uint64})
    )
    slices = list(list_shared_shingles(shingles, pairs_at_once))
    whole = find_shared_shingles(shingles)
    together = pd.concat(slices).sort_values(
        ["first", "second", "shingle"], kind="stable", ignore_index=True
    )
    pd.testing.assert_frame_equal(together, whole)
    assert all(
        s.equals(s.sort_values(["first", "second", "shingle"], kind="stable", ignore_index=True))
        for s in slices
    )
    held_by = [set(s["shingle"]) for s in slices]
    assert sum(len(h) for h in held_by) == len(
        set().union(*held_by)
    )  # each shingle's pairs in one slice
    counts = shingles["shingle"].value_counts()
    linking = counts[(counts >= 2) & (counts <= COMMON_ARTICLES)]
    assert set().union(*held_by) == set(linking.index)
    most = max(n * (n - 1) // 2 for n in linking)
    assert all(len(s) <= pairs_at_once + most for s in slices)
    assert len(slices) >= min(len(linking), len(whole) // (pairs_at_once + most))


def test_no_shared_shingle_gives_one_empty_slice():
    shingles = pd.DataFrame({"rank": [0, 1], "shingle": np.array([5, 6], dtype=np.uint64)})
    slices = list(list_shared_shingles(shingles, 10))
    assert (
        len(slices) == 1
        and slices[0].empty
        and list(slices[0].columns) == ["first", "second", "shingle"]
    )


@pytest.mark.parametrize(
    ("text", "positions", "repeats"),
    [
        ("a b c d e f g h i", [0, 1], [False, False]),
        (
            "a b c d e f g h a b c d e f g h",
            list(range(8)),
            [True] + [False] * 7,
        ),  # the first shingle again at place 8
        ("a b c d e f g", [], []),  # fewer words than a shingle
    ],
)
def test_shingles_keep_their_first_place_and_whether_they_repeat(text, positions, repeats):
    shingles = list_shingles(pd.DataFrame({"article_id": ["a"], "clean_text": [text]}))
    assert shingles["position"].tolist() == positions and shingles["repeats"].tolist() == repeats


@pytest.mark.parametrize(
    ("places", "kept"),
    [
        ([(0, False), (4, False)], True),  # shingles 4 words apart: 12 words
        ([(0, False), (3, False)], False),  # 11 words at most
        (
            [(0, False), (1, False), (2, False), (3, False), (19, False)],
            True,
        ),  # a run of 11 words, 8 words before a shingle: 27 words
        (
            [(0, False), (19, False)],
            True,
        ),  # kept, though alone they make no passage: the condition is necessary, not sufficient
        ([(0, False), (20, False)], False),  # too far apart to join, each too short
        ([(0, False), (2, False), (21, False)], True),  # 2 and 21, 19 apart
        ([(0, False), (1, False), (2, False), (3, False)], False),
        (
            [(5, True)],
            True,
        ),  # a shingle the first article repeats: its other places are not listed
        ([(5, False)], False),
    ],
)
def test_pairs_whose_shingles_cannot_make_a_passage_are_dropped(places, kept):
    one = [(0, 1, np.uint64(k), position, repeats) for k, (position, repeats) in enumerate(places)]
    other = [(0, 2, np.uint64(k), 4 * k, False) for k in range(2)]  # a pair that always can
    pairs = pd.DataFrame(
        one + other, columns=["first", "second", "shingle", "position", "repeats"]
    )
    expected = pairs[["first", "second", "shingle"]][(pairs["second"] == 2) | kept].reset_index(
        drop=True
    )
    assert keep_passage_pairs(pairs).equals(expected)


@pytest.mark.parametrize("seed", range(4))
def test_the_pairs_kept_give_every_passage(seed):
    """On articles that share fragments of every length, with edits, the pairs kept give the
    passages of all pairs, and some pairs are dropped."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(300)]
    words = [list(rng.choice(vocabulary, 120)) for _ in range(12)]
    for article in words[1:]:
        for _ in range(4):
            source = words[int(rng.integers(0, len(words)))]
            length, start, at = (
                int(rng.integers(8, 30)),
                int(rng.integers(0, 90)),
                int(rng.integers(0, 90)),
            )
            fragment = list(source[start : start + length])
            for _ in range(int(rng.integers(0, 3))):
                fragment[int(rng.integers(0, len(fragment)))] = "edit"
            article[at : at + len(fragment)] = fragment
    articles = pd.DataFrame(
        {
            "article_id": [f"a{k:02d}" for k in range(12)],
            "clean_text": [" ".join(w) for w in words],
        }
    )
    shingles = list_shingles(articles).assign(rank=lambda f: f["article_id"].str[1:].astype(int))
    pairs = find_shared_shingles(shingles[["rank", "shingle", "position", "repeats"]])
    kept = keep_passage_pairs(pairs)
    texts = dict(enumerate(zip(articles["article_id"], articles["clean_text"])))
    whole = pairs[["first", "second", "shingle"]]
    assert align_pairs(kept, texts, {}) == align_pairs(whole, texts, {})
    assert len(align_pairs(whole, texts, {})) > 5
    assert kept.groupby(["first", "second"]).ngroups < whole.groupby(["first", "second"]).ngroups


@pytest.mark.parametrize(
    "text", ["", "Trump’s “deal”: U.S. talks, 76.5% of RUSSIA-Ukraine’s", "İstanbul ÉTÉ naïve"]
)
def test_normalised_words_listed_are_the_found_ones_without_offsets(text):
    assert list_normalised_words(text) == [key for _, _, key in find_normalised_words(text)]
