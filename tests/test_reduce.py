from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis import reduce
from analysis.variants import (
    LinkedQuotations,
    encode_tokens,
    link_quotations,
    list_tokens,
    select_prefix,
)


def _quotations(seed: int) -> tuple[list[list[str]], list[int], list[int]]:
    """Cuts and edits of a few statements, quoted by a few articles, some with a speaker."""
    rng = np.random.default_rng(seed)
    base = [[f"w{int(x)}" for x in rng.integers(0, 15, int(rng.integers(5, 14)))] for _ in range(5)]
    keys = []
    for _ in range(60):
        words = list(base[int(rng.integers(0, len(base)))])
        start = int(rng.integers(0, max(1, len(words) - 5)))
        words = words[start : start + max(5, int(rng.integers(5, len(words) + 1)))]
        if rng.random() < 0.5:
            words[int(rng.integers(0, len(words)))] = f"w{int(rng.integers(0, 15))}"
        keys.append(words)
    return keys, rng.integers(0, 8, len(keys)).tolist(), rng.choice([0, 0, 1, 2], len(keys)).tolist()


def _token_rows(keys: list[list[str]]) -> pd.DataFrame:
    """What the stream engine writes to the token buckets: each token's hash, its quotation, whether in the quotation's prefix."""
    tokens = [list_tokens(words) for words in keys]
    frequency = Counter(token for held in tokens for token in held)
    rows = [(reduce.hash_token(t), k, t in set(select_prefix(held, frequency))) for k, held in enumerate(tokens) for t in held]
    return pd.DataFrame(rows, columns=["token", "id", "prefix"]).astype({"token": np.uint64})


@pytest.mark.parametrize("buckets", [1, 3, 7])
@pytest.mark.parametrize("seed", range(3))
def test_linking_buckets_of_token_rows_gives_the_in_memory_groups(seed, buckets):
    """Linked bucket by bucket from shuffled token rows, the quotations form the groups :func:`link_quotations` forms."""
    keys, owners, speakers = _quotations(seed)
    words, occurrences = encode_tokens([list_tokens(words) for words in keys], {})
    starts = np.concatenate(([0], np.cumsum([len(w) for w in keys])))
    linked = LinkedQuotations(words, occurrences, starts, owners, speakers)
    rows = _token_rows(keys).sample(frac=1.0, random_state=seed)
    for number in range(buckets):
        reduce.link_bucket(linked, rows[rows["token"].to_numpy() % np.uint64(buckets) == number])
    expected = link_quotations(keys, [str(o) for o in owners], ["" if s == 0 else f"speaker-{s}" for s in speakers]).list_groups()
    assert len(expected) >= 2
    assert linked.list_groups() == expected

