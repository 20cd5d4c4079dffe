"""Word shingles of articles and the pairs of articles that share them (Broder 1997's shingles,
matched exactly; see :mod:`analysis.across.copying` for the method)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import numpy as np
import pandas as pd

from analysis.stats.keys import hash_text
from analysis.text.segment import find_words, list_words, normalise_quotes

MIN_WORDS = 12
"""The shortest passage kept, in words."""

MAX_GAP = 8
"""Words between two runs of shared shingles that still join them into one passage (a small
edit)."""

SHINGLE = 8
"""Words per shingle: long enough that two independent reports rarely share one by chance."""
COMMON_ARTICLES = 50
"""A shingle found in more articles than this is formulaic, not copied."""


def find_normalised_words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, key)``; the key is lower case with straight
    apostrophes and quotation marks (:func:`analysis.text.segment.normalise_quotes`)."""
    return [(s, e, w.lower()) for s, e, w in find_words(normalise_quotes(text))]


def list_normalised_words(text: str) -> list[str]:
    """The keys of :func:`find_normalised_words`, without their offsets."""
    return [word.lower() for word in list_words(normalise_quotes(text))]


def hash_shingles(keys: list[str], size: int = SHINGLE) -> list[int]:
    """The hash of every run of ``size`` words, by its first word's position (empty when fewer
    words)."""
    return [hash_text(" ".join(keys[i : i + size])) for i in range(len(keys) - size + 1)]


def _runs(
    matches: list[tuple[int, int]], size: int, max_gap: int
) -> list[tuple[int, int, int, int]]:
    """Word ranges ``(i0, i1, j0, j1)`` (ends exclusive) from shared shingle positions ``(i,
    j)``."""
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for i, j in matches:
        by_diagonal[j - i].append(i)
    runs = []
    for shift, starts in by_diagonal.items():
        starts.sort()
        first = last = starts[0]
        for i in starts[1:]:
            if i - last > max_gap + 1:
                runs.append((first, last + size, first + shift, last + size + shift))
                first = i
            last = i
        runs.append((first, last + size, first + shift, last + size + shift))
    runs.sort()
    joined: list[tuple[int, int, int, int]] = []
    for run in runs:
        if joined:
            i0, i1, j0, j1 = joined[-1]
            if run[0] - i1 <= max_gap and -size <= run[2] - j1 <= max_gap:
                joined[-1] = (i0, max(i1, run[1]), min(j0, run[2]), max(j1, run[3]))
                continue
        joined.append(run)
    return joined


def list_shingles(articles: pd.DataFrame, size: int = SHINGLE) -> pd.DataFrame:
    """Each article's distinct shingles.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.

    Returns
    -------
    A new DataFrame, one row per article and distinct shingle, in the articles' order and then by
    the shingle's first place:

    - ``article_id``: the article
    - ``shingle``: the unsigned 64-bit hash of :func:`hash_shingles`
    - ``position``: its first word's place among the article's words (first occurrence)
    - ``repeats``: whether the article holds it more than once
    """
    ids, hashes, positions, repeats = [], [], [], []
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        first: dict[int, int] = {}
        again: set[int] = set()
        for position, key in enumerate(hash_shingles(list_normalised_words(text), size)):
            if key in first:
                again.add(key)
            else:
                first[key] = position
        ids.extend([article_id] * len(first))
        hashes.extend(first)
        positions.extend(first.values())
        repeats.extend(key in again for key in first)
    return pd.DataFrame(
        {
            "article_id": pd.Series(ids, dtype=object),
            "shingle": np.array(hashes, dtype=np.uint64),
            "position": np.array(positions, dtype=np.int32),
            "repeats": np.array(repeats, dtype=bool),
        }
    )


def find_shared_shingles(
    shingles: pd.DataFrame, common_articles: int = COMMON_ARTICLES
) -> pd.DataFrame:
    """The pairs of articles that share shingles, with the shingles they share.

    Parameters
    ----------
    shingles : DataFrame with ``rank`` (an article's place in the articles'
        order) and ``shingle``, one row per article and distinct shingle.

    Returns
    -------
    A new DataFrame, one row per pair of articles and shingle the two share (shingles found in more
    than ``common_articles`` articles left out), sorted by ``first``, ``second``, ``shingle``:

    - ``first``, ``second``: the two articles' ranks, ``first`` before ``second``
    - ``shingle``: the shared shingle
    - ``position``, ``repeats``: when ``shingles`` has them (:func:`list_shingles`), those of the
      shingle in the ``first`` article
    """
    return next(list_shared_shingles(shingles, None, common_articles))


def list_shared_shingles(
    shingles: pd.DataFrame,
    pairs_at_once: int | None = None,
    common_articles: int = COMMON_ARTICLES,
) -> Iterator[pd.DataFrame]:
    """:func:`find_shared_shingles`'s pairs a slice of shingles at a time, each slice about
    ``pairs_at_once`` pairs (all in one when None).

    A shingle held by ``n`` articles gives ``n (n - 1) / 2`` pairs, all in one
    slice, so a slice passes ``pairs_at_once`` by at most one shingle's pairs.
    Each slice is sorted like :func:`find_shared_shingles`'s table; there is
    always one slice at least (empty when no shingle links two articles).

    Yields
    ------
    DataFrames with the columns of :func:`find_shared_shingles`, each sorted like its table:

    - ``first``, ``second``, ``shingle`` (and ``position``, ``repeats`` when ``shingles`` has
      them): as in :func:`find_shared_shingles`
    """
    keys = shingles["shingle"].to_numpy(np.uint64)
    order = np.argsort(
        keys, kind="stable"
    )  # arrays, not a sorted copy of the frame: a bucket is large
    hashes, ranks = keys[order], shingles["rank"].to_numpy(np.int64)[order]
    places = (
        (shingles["position"].to_numpy(np.int32)[order], shingles["repeats"].to_numpy(bool)[order])
        if "position" in shingles
        else None
    )
    del order
    starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
    counts = np.diff(np.append(starts, len(hashes)))
    linking = (counts >= 2) & (counts <= common_articles)
    starts, counts = starts[linking], counts[linking]
    pairs = counts * (counts - 1) // 2
    slices = (
        (np.cumsum(pairs) - pairs) // pairs_at_once
        if pairs_at_once
        else np.zeros(len(pairs), dtype=np.int64)
    )
    bounds = np.flatnonzero(np.diff(slices)) + 1  # slices never decrease: shingles in hash order
    for taken in np.split(np.arange(len(slices)), bounds):
        yield _pair_holders(ranks, hashes, starts[taken], counts[taken], places)


def _pair_holders(
    ranks: np.ndarray,
    hashes: np.ndarray,
    starts: np.ndarray,
    counts: np.ndarray,
    places: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Every pair of the articles holding each shingle (its rows ``starts`` to ``starts + counts``
    of ``ranks`` and ``hashes``), sorted.

    A shingle's holders may be in any order: each pair is put the lower rank
    first. ``places``: the rows' positions and repeats, given for the first article of each pair.
    """
    names = ["first", "second", "shingle"] + (
        ["position", "repeats"] if places is not None else []
    )
    parts = [
        tuple(
            np.empty(0, dtype)
            for dtype in (np.int64, np.int64, np.uint64, np.int32, bool)[: len(names)]
        )
    ]
    for size in np.unique(counts):
        rows = starts[counts == size][:, None] + np.arange(size)
        left, right = np.triu_indices(size, k=1)
        held = ranks[rows]
        one, other = held[:, left].ravel(), held[:, right].ravel()
        lower = one < other
        placed = [
            np.where(lower, at[:, left].ravel(), at[:, right].ravel())
            for at in (values[rows] for values in places or ())
        ]
        parts.append(
            (
                np.where(lower, one, other),
                np.where(lower, other, one),
                np.repeat(hashes[rows[:, 0]], len(left)),
                *placed,
            )
        )
    columns = [np.concatenate(column) for column in zip(*parts)]
    order = np.lexsort((columns[2], columns[1], columns[0]))
    return pd.DataFrame({name: column[order] for name, column in zip(names, columns)})


def keep_passage_pairs(
    pairs: pd.DataFrame, size: int = SHINGLE, min_words: int = MIN_WORDS, max_gap: int = MAX_GAP
) -> pd.DataFrame:
    """The rows of the pairs of articles whose shared shingles can make a passage of ``min_words``
    words, before their texts are read.

    A passage of ``min_words`` words or more runs, in the first article, from
    its first shingle's place to its last one's place plus ``size``, so its
    places span at least ``need = min_words - size`` words; and, in order,
    they never leave a gap of more than ``max_gap + size`` words (inside a
    run on one diagonal at most ``max_gap + 1``; two runs join only when one
    starts within ``max_gap`` words of the other's end, its last place plus
    ``size``). So the first of its places ``need`` words or more after its
    first place is at most ``need - 1 + max_gap + size`` words after it (4 to
    19 with the defaults). A pair with no two places so spaced, and no shingle
    its first article repeats (whose other places are not listed), makes no
    passage and is dropped. The condition is necessary, not sufficient: the
    pairs kept give every passage all the pairs give.

    Parameters
    ----------
    pairs : :func:`find_shared_shingles`'s rows with ``position`` and ``repeats``.

    Returns
    -------
    A new DataFrame of the kept pairs' rows, in their order:

    - ``first``, ``second``, ``shingle``: as in :func:`find_shared_shingles` (without ``position``
      and ``repeats``)
    """
    need = min_words - size
    if need <= 0 or pairs.empty:
        return _rows(pairs, np.ones(len(pairs), dtype=bool))
    first, second = pairs["first"].to_numpy(np.int64), pairs["second"].to_numpy(np.int64)
    new = np.concatenate(([True], (first[1:] != first[:-1]) | (second[1:] != second[:-1])))
    pair = np.cumsum(new) - 1
    possible = np.zeros(int(pair[-1]) + 1, dtype=bool)
    possible[pair[pairs["repeats"].to_numpy(bool)]] = True
    places = np.sort(
        (pair << 32) | pairs["position"].to_numpy(np.int64)
    )  # a pair's places in order, pairs apart by 2**32
    further = np.searchsorted(places, places + need)
    inside = further < len(places)
    reach = np.zeros(len(places), dtype=bool)
    reach[inside] = places[further[inside]] - places[inside] <= need - 1 + max_gap + size
    possible[places[reach] >> 32] = True
    return _rows(pairs, possible[pair])


def _rows(pairs: pd.DataFrame, kept: np.ndarray) -> pd.DataFrame:
    """The ``kept`` rows of the pairs' ``first``, ``second`` and ``shingle`` (one copy of each
    column)."""
    return pd.DataFrame(
        {column: pairs[column].to_numpy()[kept] for column in ("first", "second", "shingle")}
    )
