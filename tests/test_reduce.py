from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import reduce


def _brute_force_pairs(tokens: pd.DataFrame) -> set[tuple[int, int]]:
    """The definition: a prefix token of one quotation held by a quotation of another article at least as long."""
    pairs = set()
    rows = list(tokens.itertuples(index=False))
    for a in rows:
        for b in rows:
            if a.prefix and a.token == b.token and a.id != b.id and b.length >= a.length and a.owner != b.owner:
                pairs.add((min(a.id, b.id), max(a.id, b.id)))
    return pairs


@pytest.mark.parametrize("join_cells", [5_000_000, 7, 1])
@pytest.mark.parametrize("seed", range(3))
def test_pair_tokens_finds_the_pairs_of_the_definition(monkeypatch, join_cells, seed):
    monkeypatch.setattr(reduce, "JOIN_CELLS", join_cells)
    rng = np.random.default_rng(seed)
    rows = []
    for quotation in range(60):
        length, owner = int(rng.integers(5, 12)), int(rng.integers(0, 8))
        for k, token in enumerate(rng.choice(15, length, replace=False)):
            rows.append((np.uint64(token), quotation, length, owner, k < 3))
    tokens = pd.DataFrame(rows, columns=["token", "id", "length", "owner", "prefix"]).astype({"token": np.uint64})
    pairs = reduce._pair_tokens(tokens)
    found = list(zip(pairs["first"].tolist(), pairs["second"].tolist()))
    assert found == sorted(_brute_force_pairs(tokens))


def test_pair_tokens_refuses_more_quotations_than_a_pair_number_holds():
    tokens = pd.DataFrame({"token": np.array([1, 1], np.uint64), "id": [0, 2**31], "length": [5, 5], "owner": [0, 1], "prefix": [True, True]})
    with pytest.raises(ValueError, match="more than the 2,147,483,648"):
        reduce._pair_tokens(tokens)
