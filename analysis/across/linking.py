"""Linking quotations of one statement across articles: each quotation's rarest tokens (prefix
filtering), the holders of a token linked when their words match (see
:mod:`analysis.across.variants` for the method)."""

from __future__ import annotations

import math
from collections import Counter
from difflib import SequenceMatcher

import numpy as np
import scipy.sparse as sp

MIN_MATCHED = 4
"""Words two quotations must share in matching sequences to be linked."""

LINK_SHARE = 0.7
"""Share of the shorter quotation's words that must match."""


def _matcher(first: list[str], second: list[str]) -> SequenceMatcher:
    return SequenceMatcher(None, first, second, autojunk=False)


def count_matched_words(first: list[str], second: list[str]) -> int:
    """Words in the matching sequences of two word lists."""
    return sum(block.size for block in _matcher(first, second).get_matching_blocks())


def list_tokens(keys: list[str]) -> list[tuple[str, int]]:
    """A quotation's words as a set: each word with its occurrence number (``("no", 0)``, ``("no",
    1)``…)."""
    seen: dict[str, int] = {}
    tokens = []
    for key in keys:
        occurrence = seen.get(key, 0)
        tokens.append((key, occurrence))
        seen[key] = occurrence + 1
    return tokens


def count_least_overlap(
    length: int, min_matched: int = MIN_MATCHED, link_share: float = LINK_SHARE
) -> int:
    """The fewest words a quotation of ``length`` words shares with any longer one it is linked
    to."""
    return max(min_matched, math.ceil(link_share * length))


def select_prefix(
    tokens: list[tuple[str, int]],
    frequency,
    min_matched: int = MIN_MATCHED,
    link_share: float = LINK_SHARE,
) -> list[tuple[str, int]]:
    """The rarest tokens of a quotation, so many that a linked longer quotation holds at least one
    (prefix filtering).

    A quotation of ``n`` words linked to a longer one shares at least
    ``m = count_least_overlap(n)`` of its tokens with it; the ``n - m + 1``
    rarest of them (by ``frequency``, then the token) therefore hold one of the
    shared tokens (Bayardo, Ma and Srikant 2007, "Scaling up all pairs
    similarity search").
    """
    keep = len(tokens) - count_least_overlap(len(tokens), min_matched, link_share) + 1
    return sorted(tokens, key=lambda token: (frequency[token], token))[: max(keep, 0)]


def encode_tokens(
    tokens: list[list[tuple[str, int]]], vocabulary: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Quotations' tokens (:func:`list_tokens`) as numbers, concatenated: each word's code
    (``vocabulary``, extended) and its occurrence number."""
    codes, occurrences = [], []
    for held in tokens:
        for word, occurrence in held:
            codes.append(vocabulary.setdefault(word, len(vocabulary)))
            occurrences.append(occurrence)
    return np.array(codes, dtype=np.int64), np.array(occurrences, dtype=np.int64)


class LinkedQuotations:
    """Quotations joined into groups as the holders of each token are linked (the module
    docstring's step 2).

    Each quotation is a number; its words are the codes ``words[starts[k]:starts[k + 1]]``
    (:func:`encode_tokens`; a memory-mapped file will do), ``occurrences`` the
    occurrence numbers beside them. ``owners``, ``speakers`` and ``events`` give
    each quotation's article, speaker and event as numbers (speaker 0: none
    named; no ``events``: one event).

    :meth:`link_holders` takes the quotations that hold one token. Each that
    has it among its rarest (:func:`select_prefix`) is a candidate with every
    holder of another article of its event at least as long (prefix filtering: every pair
    that can link is a candidate through some token). A candidate already in
    the same group is skipped, as a link cannot change the groups; so is one
    whose words in common (distinct, or counted with repeats, which bound the
    words matched) fall short, or whose two speakers are named and differ; the
    rest are aligned. A statement quoted by thousands of articles is so
    aligned about once per quotation, not once per pair. The groups (connected
    components) do not depend on the order in which tokens are linked.
    """

    def __init__(
        self,
        words: np.ndarray,
        occurrences: np.ndarray,
        starts: np.ndarray,
        owners: np.ndarray,
        speakers: np.ndarray,
        min_matched: int = MIN_MATCHED,
        link_share: float = LINK_SHARE,
        events: np.ndarray | None = None,
    ) -> None:
        self.words, self.occurrences = (
            np.asarray(words),
            np.asarray(occurrences),
        )  # a memory map read as a plain array
        self.starts = np.asarray(starts, dtype=np.int64)
        self.lengths = np.diff(self.starts)
        self.owners, self.speakers = (
            np.asarray(owners, dtype=np.int64),
            np.asarray(speakers, dtype=np.int64),
        )
        self.events = (
            np.zeros(len(self.owners), dtype=np.int64)
            if events is None
            else np.asarray(events, dtype=np.int64)
        )
        self.min_matched, self.link_share = min_matched, link_share
        self.labels = np.arange(len(self.lengths), dtype=np.int64)
        self.members: dict[int, list[int]] = {}

    def link_holders(self, holders: np.ndarray, prefix: np.ndarray) -> None:
        """Link the quotations ``holders`` (numbers, ascending) of one token; ``prefix``: which of
        them hold it in their prefix.

        The holders are compared :data:`HOLDERS_AT_ONCE` at a time, each slice's
        tokens as a 0/1 matrix. What does not change as groups join (lengths,
        articles, speakers, words in common) is computed for a batch of prefix
        holders at once (at most :data:`PAIRS_AT_ONCE` pairs, one matrix
        product); then each prefix holder in turn drops the holders already in
        its group and is aligned with the rest.
        """
        holders = np.asarray(holders, dtype=np.int64)
        mine = holders[np.flatnonzero(prefix)]
        for start in range(0, len(holders) if len(mine) else 0, HOLDERS_AT_ONCE):
            part = holders[start : start + HOLDERS_AT_ONCE]
            lengths, owners, speakers, events = (
                self.lengths[part],
                self.owners[part],
                self.speakers[part],
                self.events[part],
            )
            batch = max(1, PAIRS_AT_ONCE // len(part))
            matrix = None
            for first in range(0, len(mine), batch):
                ks = mine[first : first + batch]
                possible = self._filter_pairs(ks, lengths, owners, speakers, events)
                possible &= self.labels[part][None, :] != self.labels[ks][:, None]
                if not possible.any():
                    continue
                matrix = (
                    _TokenMatrix(self._tokens(self._positions(part)), lengths)
                    if matrix is None
                    else matrix
                )
                possible &= self._share_enough(ks, lengths, matrix)
                for k, row in zip(ks.tolist(), possible):
                    others = part[row]
                    for other in others[self.labels[others] != self.labels[k]].tolist():
                        if self.labels[k] != self.labels[other] and self._aligned(
                            min(k, other), max(k, other)
                        ):
                            self._join(k, other)

    def _filter_pairs(
        self,
        ks: np.ndarray,
        lengths: np.ndarray,
        owners: np.ndarray,
        speakers: np.ndarray,
        events: np.ndarray,
    ) -> np.ndarray:
        """Which pairs (row: a quotation of ``ks``, column: a holder of these lengths, articles,
        speakers and events) may link: at least as long, another article of the same event, no two
        different speakers."""
        mine = self.speakers[ks][:, None]
        return (
            (lengths[None, :] >= self.lengths[ks][:, None])
            & (owners[None, :] != self.owners[ks][:, None])
            & (events[None, :] == self.events[ks][:, None])
            & ((mine == 0) | (speakers[None, :] == 0) | (speakers[None, :] == mine))
        )

    def _share_enough(
        self, ks: np.ndarray, lengths: np.ndarray, matrix: "_TokenMatrix"
    ) -> np.ndarray:
        """Which pairs (row: a quotation of ``ks``, column: a row of ``matrix``, of these
        ``lengths``) share enough words to be aligned: words in common (counted with repeats, which
        bound the words matched) and distinct words."""
        mine = self.lengths[ks]
        common, distinct = matrix.count_common(self._tokens(self._positions(ks)), mine)
        least = np.maximum(
            self.min_matched, self.link_share * np.minimum(lengths[None, :], mine[:, None])
        )
        return (distinct >= self.min_matched) & (common >= least)

    def _positions(self, quotations: np.ndarray) -> np.ndarray:
        """The positions in :attr:`words` of these quotations' words, one quotation after
        another."""
        lengths = self.lengths[quotations]
        return np.repeat(
            self.starts[quotations] - np.cumsum(lengths) + lengths, lengths
        ) + np.arange(int(lengths.sum()))

    def _tokens(self, positions: np.ndarray) -> np.ndarray:
        """The tokens at these positions of :attr:`words`, each as one number (code × 2³² +
        occurrence)."""
        return self.words[positions].astype(np.int64) * _TOKEN_SHIFT + self.occurrences[positions]

    def _aligned(self, k: int, other: int) -> bool:
        """Whether quotations ``k`` < ``other`` match in enough words (aligned in that order:
        matching blocks are not symmetric)."""
        words = self.words[self.starts[k] : self.starts[k + 1]].tolist()
        others = self.words[self.starts[other] : self.starts[other + 1]].tolist()
        matched = len(words) if words == others else count_matched_words(words, others)
        return matched >= max(self.min_matched, self.link_share * min(len(words), len(others)))

    def _join(self, k: int, other: int) -> None:
        """Join two groups: the smaller one's members take the larger one's label."""
        keep, gone = int(self.labels[k]), int(self.labels[other])
        kept, moved = self.members.get(keep, [keep]), self.members.get(gone, [gone])
        if len(moved) > len(kept):
            keep, gone, kept, moved = gone, keep, moved, kept
        self.members.pop(gone, None)
        self.labels[moved] = keep
        kept.extend(moved)
        self.members[keep] = kept

    def list_groups(self) -> list[list[int]]:
        """The groups of two quotations or more, each sorted, by first member."""
        return sorted(sorted(members) for members in self.members.values())


HOLDERS_AT_ONCE = 200_000
"""Holders of one token compared at a time (:meth:`LinkedQuotations.link_holders`; some 40 MB of
token matrix)."""

PAIRS_AT_ONCE = 2_000_000
"""Pairs of a prefix holder and a holder whose fixed conditions are computed at once (some 50 MB of
arrays)."""

_TOKEN_SHIFT = 2**32
"""A token's number is its word's code × this + its occurrence number."""


DENSE_CELLS = 4_000_000
"""Largest token matrix (quotations × tokens) counted as a dense array (32 MB): the holders of
one token are mostly a few dozen quotations, for which a sparse matrix's checks cost more than
the counting. The dense counts are products of 0/1 floats, whole numbers far below 2⁵³: exact in
any order of addition."""

DENSE_PRODUCT = 50_000_000
"""Most multiplications (quotations × tokens × quotations asked about) counted densely; past it
the sparse product, which visits only the tokens held, is the faster."""


class _TokenMatrix:
    """Quotations' tokens (one number each) as a 0/1 matrix over the tokens they hold, to count
    tokens in common with one quotation at a time; dense within :data:`DENSE_CELLS` and
    :data:`DENSE_PRODUCT`, else sparse (the same counts: integers)."""

    def __init__(self, tokens: np.ndarray, lengths: np.ndarray) -> None:
        order = np.argsort(tokens, kind="stable")
        ordered = tokens[order]
        new = (
            np.concatenate(([True], ordered[1:] != ordered[:-1]))
            if len(ordered)
            else np.empty(0, bool)
        )
        self.columns = ordered[new]
        self.held = np.empty(len(tokens), dtype=np.int64)  # each token's column
        self.held[order] = np.cumsum(new) - 1
        self.lengths = lengths
        self.shape = (len(lengths), len(self.columns))
        self.dense: np.ndarray | None = None
        self.matrix: sp.csr_matrix | None = None
        self.first = (self.columns % _TOKEN_SHIFT == 0).astype(
            np.int32
        )  # a word's first occurrence: distinct words

    def _as_dense(self) -> np.ndarray:
        """The matrix as a dense array of floats, made on first use."""
        if self.dense is None:
            self.dense = np.zeros(self.shape)
            rows = np.repeat(np.arange(self.shape[0]), self.lengths)
            np.add.at(self.dense, (rows, self.held), 1.0)
        return self.dense

    def _as_sparse(self) -> sp.csr_matrix:
        """The matrix as a sparse one of integers, made on first use."""
        if self.matrix is None:
            indptr = np.concatenate(([0], np.cumsum(self.lengths)))
            self.matrix = sp.csr_matrix(
                (np.ones(len(self.held), dtype=np.int32), self.held, indptr), shape=self.shape
            )
        return self.matrix

    def count_common(
        self, tokens: np.ndarray, lengths: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Tokens in common between every row and each of several quotations, and of those the
        distinct words.

        ``tokens``: the quotations' tokens one quotation after another, ``lengths``
        how many each has. Returns two arrays of one row per quotation and one
        column per row of the matrix.
        """
        at = np.searchsorted(self.columns, tokens)
        found = (at < len(self.columns)) & (
            self.columns[np.minimum(at, len(self.columns) - 1)] == tokens
        )
        which = np.repeat(np.arange(len(lengths)), lengths)[found]
        columns = at[found]
        shape = (len(self.columns), len(lengths))
        cells = self.shape[0] * self.shape[1]
        if cells <= DENSE_CELLS and cells * len(lengths) <= DENSE_PRODUCT:
            dense = self._as_dense()
            wanted = np.zeros(shape)
            np.add.at(wanted, (columns, which), 1.0)
            first = wanted * self.first[:, None]
            return (dense @ wanted).T.astype(np.int32), (dense @ first).T.astype(np.int32)
        matrix = self._as_sparse()
        wanted = sp.csc_matrix(
            (np.ones(len(columns), dtype=np.int32), (columns, which)), shape=shape
        )
        first = sp.csc_matrix((self.first[columns], (columns, which)), shape=shape)
        return (matrix @ wanted).T.toarray(), (matrix @ first).T.toarray()


def link_quotations(
    keys: list[list[str]],
    owners: list[str],
    speakers: list[str],
    min_matched: int = MIN_MATCHED,
    link_share: float = LINK_SHARE,
    events: list[str] | None = None,
) -> LinkedQuotations:
    """Link quotations held in memory (numbered by position): every token's holders within an
    event, in the order of the tokens' first holders.

    ``events``: each quotation's event (None: one event). The prefixes are
    chosen by the tokens' frequency over all events, as the stream engine
    counts them.
    """
    events = [""] * len(keys) if events is None else events
    tokens = [list_tokens(words) for words in keys]
    frequency = Counter(token for held in tokens for token in held)
    postings: dict[tuple[str, tuple[str, int]], list[int]] = {}
    in_prefix: dict[tuple[str, tuple[str, int]], set[int]] = {}
    for k, (held, event) in enumerate(zip(tokens, events)):
        for token in held:
            postings.setdefault((event, token), []).append(k)
        for token in select_prefix(held, frequency, min_matched, link_share):
            in_prefix.setdefault((event, token), set()).add(k)
    vocabulary: dict[str, int] = {}
    words, occurrences = encode_tokens(tokens, vocabulary)
    starts = np.concatenate(([0], np.cumsum([len(w) for w in keys], dtype=np.int64)))
    numbers = {owner: n for n, owner in enumerate(dict.fromkeys(owners))}
    voices = {
        speaker: n for n, speaker in enumerate(dict.fromkeys(s for s in speakers if s), start=1)
    }
    events_numbered = {event: n for n, event in enumerate(dict.fromkeys(events))}
    linked = LinkedQuotations(
        words,
        occurrences,
        starts,
        [numbers[o] for o in owners],
        [voices.get(s, 0) for s in speakers],
        min_matched,
        link_share,
        [events_numbered[e] for e in events],
    )
    for token, holders in postings.items():
        if len(holders) > 1 and token in in_prefix:
            linked.link_holders(
                np.array(holders), np.array([k in in_prefix[token] for k in holders])
            )
    return linked
