"""The corpus step of quotation variants, a bucket at a time."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.across.linking import (
    LinkedQuotations,
    encode_tokens,
    link_quotations,
    list_tokens,
    select_prefix,
)
from analysis.engine import reduce_quotes


def _quotations(seed: int) -> tuple[list[list[str]], list[int], list[int]]:
    """Cuts and edits of a few statements, quoted by a few articles, some with a speaker."""
    rng = np.random.default_rng(seed)
    base = [
        [f"w{int(x)}" for x in rng.integers(0, 15, int(rng.integers(5, 14)))] for _ in range(5)
    ]
    keys = []
    for _ in range(60):
        words = list(base[int(rng.integers(0, len(base)))])
        start = int(rng.integers(0, max(1, len(words) - 5)))
        words = words[start : start + max(5, int(rng.integers(5, len(words) + 1)))]
        if rng.random() < 0.5:
            words[int(rng.integers(0, len(words)))] = f"w{int(rng.integers(0, 15))}"
        keys.append(words)
    return (
        keys,
        rng.integers(0, 8, len(keys)).tolist(),
        rng.choice([0, 0, 1, 2], len(keys)).tolist(),
    )


def _token_rows(keys: list[list[str]], events: list[int]) -> pd.DataFrame:
    """What the stream engine writes to the token buckets: each token's hash within its event, its
    quotation, whether in the quotation's prefix."""
    tokens = [list_tokens(words) for words in keys]
    frequency = Counter(token for held in tokens for token in held)
    rows = [
        (reduce_quotes.hash_token(t, events[k]), k, t in set(select_prefix(held, frequency)))
        for k, held in enumerate(tokens)
        for t in held
    ]
    return pd.DataFrame(rows, columns=["token", "id", "prefix"]).astype({"token": np.uint64})


@pytest.mark.parametrize("buckets", [1, 3, 7])
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("events_of_articles", [1, 2])
def test_linking_buckets_of_token_rows_gives_the_in_memory_groups(
    seed, buckets, events_of_articles
):
    """Linked bucket by bucket from shuffled token rows, the quotations form the groups
    :func:`link_quotations` forms (with one event, or two)."""
    keys, owners, speakers = _quotations(seed)
    events = [owner % events_of_articles for owner in owners]
    words, occurrences = encode_tokens([list_tokens(words) for words in keys], {})
    starts = np.concatenate(([0], np.cumsum([len(w) for w in keys])))
    linked = LinkedQuotations(
        words, occurrences, starts, owners, speakers, events=np.array(events)
    )
    rows = _token_rows(keys, events).sample(frac=1.0, random_state=seed)
    for number in range(buckets):
        reduce_quotes.link_bucket(
            linked, rows[rows["token"].to_numpy() % np.uint64(buckets) == number]
        )
    speaker_names = ["" if s == 0 else f"speaker-{s}" for s in speakers]
    expected = link_quotations(
        keys, [str(o) for o in owners], speaker_names, events=[str(e) for e in events]
    ).list_groups()
    assert len(expected) >= 2
    assert linked.list_groups() == expected
    if events_of_articles > 1:  # the events keep apart quotations one event alone would group
        assert (
            expected
            != link_quotations(keys, [str(o) for o in owners], speaker_names).list_groups()
        )


@pytest.mark.parametrize(
    ("sizes", "limit", "blocks"),
    [
        ([], 5, []),
        ([2, 2, 2], 5, [0, 0, 1]),
        ([2, 3, 2], 5, [0, 0, 1]),  # a block holds up to the limit
        ([7, 2, 2], 5, [0, 1, 1]),  # a group larger than the limit is a block of its own
        ([2, 7, 2], 5, [0, 1, 2]),
        ([1, 1, 1, 1], 1, [0, 1, 2, 3]),
    ],
)
def test_groups_fill_blocks_of_at_most_so_many_members(sizes, limit, blocks):
    assert (
        reduce_quotes.number_group_blocks(np.array(sizes, dtype=np.int64), limit).tolist()
        == blocks
    )
