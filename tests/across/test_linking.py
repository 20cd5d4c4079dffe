"""Linking quotations of one statement: tokens, prefix filtering, the holders of a token linked."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from analysis.across.linking import (
    DENSE_CELLS,
    DENSE_PRODUCT,
    LINK_SHARE,
    MIN_MATCHED,
    LinkedQuotations,
    count_least_overlap,
    count_matched_words,
    encode_tokens,
    link_quotations,
    list_tokens,
    select_prefix,
)
from analysis.across.linking import _TokenMatrix as TokenMatrix


@pytest.mark.parametrize(("events", "groups"), [([0, 0], [[0, 1]]), ([0, 1], [])])
def test_holders_of_two_events_are_not_linked(events, groups):
    """The stream engine's token buckets hold tokens of several events; a holder of another event
    (a hash collision) is never linked."""
    tokens = [list_tokens(_STATEMENT), list_tokens(_STATEMENT)]
    words, occurrences = encode_tokens(tokens, {})
    starts = np.array([0, len(_STATEMENT), 2 * len(_STATEMENT)])
    linked = LinkedQuotations(words, occurrences, starts, [0, 1], [0, 0], events=np.array(events))
    linked.link_holders(np.array([0, 1]), np.array([True, True]))
    assert linked.list_groups() == groups


@pytest.mark.parametrize(
    ("words", "tokens"),
    [
        ("no no yes", [("no", 0), ("no", 1), ("yes", 0)]),
        ("a b a b a", [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2)]),
        ("", []),
    ],
)
def test_tokens_number_each_words_occurrences(words, tokens):
    assert list_tokens(words.split()) == tokens


@pytest.mark.parametrize(
    ("length", "least"), [(5, 4), (6, 5), (10, 7), (13, 10), (20, 14), (30, 21)]
)
def test_the_least_overlap_of_a_linked_quotation(length, least):
    assert count_least_overlap(length) == least
    assert least >= LINK_SHARE * length and (
        least - 1 < LINK_SHARE * length or least == MIN_MATCHED
    )


def test_the_prefix_holds_the_rarest_tokens():
    frequency = Counter(
        {("the", 0): 50, ("putin", 0): 3, ("call", 0): 7, ("lengthy", 0): 1, ("a", 0): 40}
    )
    prefix = select_prefix(list_tokens("a lengthy call the putin".split()), frequency)
    assert prefix == [("lengthy", 0), ("putin", 0)]  # five words, four shared at least: two rarest


def _components(links: set[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``links`` (two members or more), each sorted, by first member:
    the definition of the groups."""
    group_of: dict[int, set[int]] = {}
    for k, other in links:
        joined = group_of.get(k, {k}) | group_of.get(other, {other})
        for member in joined:
            group_of[member] = joined
    return [list(group) for group in sorted({tuple(sorted(group)) for group in group_of.values()})]


@pytest.mark.parametrize(
    ("holders_at_once", "pairs_at_once"),
    [(200_000, 2_000_000), (3, 2_000_000), (200_000, 1), (5, 12)],
)
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("by_event", [False, True])
@pytest.mark.parametrize("dense_cells", [DENSE_CELLS, 0])
def test_linking_gives_the_groups_of_the_full_comparison(
    seed, by_event, dense_cells, holders_at_once, pairs_at_once, monkeypatch
):
    """Prefix filtering, the filters on words in common and the skipping of pairs already joined
    lose no link that changes the groups (token matrices dense, or all sparse)."""
    monkeypatch.setattr("analysis.across.linking.DENSE_CELLS", dense_cells)
    monkeypatch.setattr(
        "analysis.across.linking.HOLDERS_AT_ONCE", holders_at_once
    )  # a token's holders compared a few at a time
    monkeypatch.setattr(
        "analysis.across.linking.PAIRS_AT_ONCE", pairs_at_once
    )  # prefix holders one at a time, or a few
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(12)]
    base = [list(rng.choice(vocabulary, int(rng.integers(5, 16)))) for _ in range(6)]
    quotations = []
    for _ in range(
        70
    ):  # cuts and edits of a few statements, so that many pairs link and many do not
        words = list(base[int(rng.integers(0, len(base)))])
        start = int(rng.integers(0, max(1, len(words) - 5)))
        words = words[start : start + int(rng.integers(5, len(words) + 1))]
        for _ in range(int(rng.integers(0, 3))):
            words[int(rng.integers(0, len(words)))] = str(rng.choice(vocabulary))
        quotations.append(words if len(words) >= 5 else words + ["w0"] * (5 - len(words)))
    owners = [f"article-{int(rng.integers(0, 20))}" for _ in quotations]
    events = [
        f"event-{int(owner.split('-')[1]) % 3}" for owner in owners
    ]  # an article's quotations share its event
    speakers = [str(rng.choice(["", "", "", "Trump", "Putin"])) for _ in quotations]
    defined = set()
    for k in range(len(quotations)):
        for other in range(k + 1, len(quotations)):
            matched = count_matched_words(quotations[k], quotations[other])
            if (
                owners[k] != owners[other]
                and (events[k] == events[other] or not by_event)
                and matched
                >= max(MIN_MATCHED, LINK_SHARE * min(len(quotations[k]), len(quotations[other])))
                and len(set(quotations[k]) & set(quotations[other])) >= MIN_MATCHED
                and not (speakers[k] and speakers[other] and speakers[k] != speakers[other])
            ):
                defined.add((k, other))
    assert len(defined) > (5 if by_event else 20)
    linked = link_quotations(quotations, owners, speakers, events=events if by_event else None)
    assert linked.list_groups() == _components(defined)


_STATEMENT = "we agreed to work together very closely".split()


@pytest.mark.parametrize(
    ("speakers", "groups"),
    [
        ({}, [[0, 1, 2]]),
        ({0: "Trump", 1: "Trump", 2: "Trump"}, [[0, 1, 2]]),
        (
            {0: "Trump", 1: "Zelenskyy"},
            [[0, 1, 2]],
        ),  # two named speakers never link; an unnamed one links to both
        ({0: "Trump", 1: "Zelenskyy", 2: "Zelenskyy"}, [[1, 2]]),
        ({0: "Trump", 1: "Zelenskyy", 2: "Putin"}, []),
    ],
)
def test_linking_keeps_apart_two_named_speakers(speakers, groups):
    keys = [_STATEMENT, _STATEMENT, _STATEMENT[1:]]
    assert (
        link_quotations(
            keys, ["a", "b", "c"], [speakers.get(k, "") for k in range(3)]
        ).list_groups()
        == groups
    )


@pytest.mark.parametrize(
    ("other", "links"),
    [
        ("we agreed to work together very closely".split(), True),
        (
            "they agreed to work together".split(),
            True,
        ),  # 4 of the 5 words of the shorter: 4 >= max(4, 3.5)
        ("they agreed to work apart".split(), False),  # 3 words in common
        (
            "closely very together work to agreed we".split(),
            False,
        ),  # the same words, in another order: 1 matched
        ("to to to to to".split(), False),  # one distinct word in common
    ],
)
def test_linking_needs_enough_matched_words(other, links):
    assert link_quotations([_STATEMENT, other], ["a", "b"], ["", ""]).list_groups() == (
        [[0, 1]] if links else []
    )


@pytest.mark.parametrize("seed", range(5))
def test_tokens_in_common_are_counted_alike_dense_and_sparse(seed, monkeypatch):
    """The dense token matrix counts what the sparse one counts, as the same integers (sparse for
    a large matrix, or for a large product)."""
    rng = np.random.default_rng(seed)

    def quotation_tokens(count):
        lengths = rng.integers(1, 12, count)
        held = [np.unique(rng.integers(0, 15, n) * 2**32 + rng.integers(0, 3, n)) for n in lengths]
        return np.concatenate(held), np.array([len(h) for h in held])

    rows, row_lengths = quotation_tokens(int(rng.integers(1, 30)))
    asked, asked_lengths = quotation_tokens(int(rng.integers(1, 8)))
    counted = []
    for cells, product in ((DENSE_CELLS, DENSE_PRODUCT), (0, DENSE_PRODUCT), (DENSE_CELLS, 0)):
        monkeypatch.setattr("analysis.across.linking.DENSE_CELLS", cells)
        monkeypatch.setattr("analysis.across.linking.DENSE_PRODUCT", product)
        counted.append(TokenMatrix(rows, row_lengths).count_common(asked, asked_lengths))
    (dense_common, dense_distinct), *sparse = counted
    for sparse_common, sparse_distinct in sparse:
        assert dense_common.dtype == sparse_common.dtype == np.int32
        assert np.array_equal(dense_common, sparse_common)
        assert np.array_equal(dense_distinct, sparse_distinct)
    assert dense_common.shape == (len(asked_lengths), len(row_lengths))
    assert (dense_distinct <= dense_common).all() and dense_common.any()
