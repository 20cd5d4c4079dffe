"""Copied and syndicated text: passages two articles share near-verbatim.

Method (Broder 1997's word shingles, matched exactly rather than sampled):

1. Every article's clean text is cut into words (:func:`analysis.text.segment.find_words`),
   lower-cased with curly apostrophes made straight, and every run of
   :data:`SHINGLE` words becomes a shingle, hashed with BLAKE2b (the same hash
   on every machine and run).
2. An index from shingle to the places it occurs gives, for each pair of
   articles, the shingles they share. A shingle found in more than
   :data:`COMMON_ARTICLES` articles is formulaic ("said in a statement on
   Wednesday that the"), not copied, and is left out; with fewer articles than
   that, nothing is left out. A pair whose shared shingles' places in its first
   article cannot make a passage (step 4) is dropped before the texts are read
   (:func:`keep_passage_pairs`).
3. Shared shingles on the same diagonal (the same shift between the two
   articles) form runs; runs are joined when they follow each other within
   :data:`MAX_GAP` words in both articles, so a changed, added or dropped word
   does not split a passage. Paragraphs in another order give separate passages,
   each found.
4. A passage of at least :data:`MIN_WORDS` words is kept. Its ``voice`` is
   ``quoted`` when most of its words are inside quotation marks in both
   articles: two outlets quoting the same statement share text without
   copying each other.
5. Copying is judged on the author's words (:func:`summarise_shared`): an
   article copies another when at least :data:`COPY_SHARE` of its words outside
   quotation marks lie in passages shared with that one article.

Boilerplate the cleaner removed is not in the clean text, so it is never
shared; boilerplate it kept would be, and shows as passages shared by many
articles.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

import numpy as np
import pandas as pd

from analysis.stats.keys import hash_text
from analysis.text.quotes import index_voice_ranges, voice_at
from analysis.text.segment import find_words, normalise_quotes

SHINGLE = 8
"""Words per shingle: long enough that two independent reports rarely share one by chance."""

MIN_WORDS = 12
"""The shortest passage kept, in words."""

MAX_GAP = 8
"""Words between two runs of shared shingles that still join them into one passage (a small edit)."""

COPY_SHARE = 0.5
"""An article whose authorial words lie, for this share or more, in passages shared with one other article copies it."""

COMMON_ARTICLES = 50
"""A shingle found in more articles than this is formulaic, not copied."""

PASSAGE_COLUMNS = [
    "article_id",
    "other_id",
    "passage_id",
    "start",
    "end",
    "other_start",
    "other_end",
    "words",
    "quoted_share",
    "voice",
    "text",
    "other_text",
]

SUMMARY_COLUMNS = [
    "article_id",
    "outlet",
    "words",
    "authorial_words",
    "shared_words",
    "shared_share",
    "authorial_shared_words",
    "authorial_shared_share",
    "partner",
    "partner_words",
    "partner_share",
    "copies",
]


def find_normalised_words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, key)``; the key is lower case with straight apostrophes and quotation marks
    (:func:`analysis.text.segment.normalise_quotes`)."""
    return [(s, e, w.lower()) for s, e, w in find_words(normalise_quotes(text))]


def hash_shingles(keys: list[str], size: int = SHINGLE) -> list[int]:
    """The hash of every run of ``size`` words, by its first word's position (empty when fewer words)."""
    return [hash_text(" ".join(keys[i : i + size])) for i in range(len(keys) - size + 1)]


def _runs(
    matches: list[tuple[int, int]], size: int, max_gap: int
) -> list[tuple[int, int, int, int]]:
    """Word ranges ``(i0, i1, j0, j1)`` (ends exclusive) from shared shingle positions ``(i, j)``."""
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
    A new DataFrame: ``article_id``, ``shingle`` (the unsigned 64-bit hash of
    :func:`hash_shingles`), ``position`` (its first word's place among the
    article's words, first occurrence) and ``repeats`` (whether the article
    holds it more than once), one row per article and distinct shingle, in the
    articles' order and then by the shingle's first place.
    """
    ids, hashes, positions, repeats = [], [], [], []
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        first: dict[int, int] = {}
        again: set[int] = set()
        for position, key in enumerate(
            hash_shingles([w[2] for w in find_normalised_words(text)], size)
        ):
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
    A new DataFrame: ``first`` and ``second`` (ranks, ``first`` before
    ``second``) and ``shingle``, one row per pair and shingle the two share,
    leaving out shingles found in more than ``common_articles`` articles;
    sorted by ``first``, ``second``, ``shingle``. When ``shingles`` has
    :func:`list_shingles`'s ``position`` and ``repeats``, the pairs have them
    too, those of the shingle in the ``first`` article.
    """
    return next(list_shared_shingles(shingles, None, common_articles))


def list_shared_shingles(
    shingles: pd.DataFrame,
    pairs_at_once: int | None = None,
    common_articles: int = COMMON_ARTICLES,
) -> Iterator[pd.DataFrame]:
    """:func:`find_shared_shingles`'s pairs a slice of shingles at a time, each slice about ``pairs_at_once`` pairs (all in one when None).

    A shingle held by ``n`` articles gives ``n (n - 1) / 2`` pairs, all in one
    slice, so a slice passes ``pairs_at_once`` by at most one shingle's pairs.
    Each slice is sorted like :func:`find_shared_shingles`'s table; there is
    always one slice at least (empty when no shingle links two articles).
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
    """Every pair of the articles holding each shingle (its rows ``starts`` to ``starts + counts`` of ``ranks`` and ``hashes``), sorted.

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
    """The rows of the pairs of articles whose shared shingles can make a passage of ``min_words`` words, before their texts are read.

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
    A new DataFrame of the kept pairs' rows, in their order, without ``position`` and ``repeats``.
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
    """The ``kept`` rows of the pairs' ``first``, ``second`` and ``shingle`` (one copy of each column)."""
    return pd.DataFrame(
        {column: pairs[column].to_numpy()[kept] for column in ("first", "second", "shingle")}
    )


def align_pairs(
    pairs: pd.DataFrame,
    texts: dict[int, tuple[str, str]],
    voices: dict,
    size: int = SHINGLE,
    min_words: int = MIN_WORDS,
    max_gap: int = MAX_GAP,
) -> list[tuple]:
    """The passages of each pair of articles, from the shingles they share.

    Parameters
    ----------
    pairs : :func:`find_shared_shingles`'s rows (sorted by ``first``, ``second``).
    texts : each rank's article id and clean text.
    voices : :func:`analysis.text.quotes.index_voice_ranges` of (at least) the pairs' articles.

    Returns
    -------
    Rows of :data:`PASSAGE_COLUMNS`, pair by pair in ``pairs``' order.
    """
    wanted = set(pairs["shingle"].tolist())
    bounds: dict[
        int, tuple[np.ndarray, np.ndarray]
    ] = {}  # each article's words' start and end offsets
    places: dict[
        int, dict[int, list[int]]
    ] = {}  # where each article holds the shingles the pairs share

    def place_shingles(rank: int) -> dict[int, list[int]]:
        if rank not in places:
            words = find_normalised_words(texts[rank][1])
            bounds[rank] = (
                np.array([w[0] for w in words], dtype=np.int64),
                np.array([w[1] for w in words], dtype=np.int64),
            )
            found: dict[int, list[int]] = defaultdict(list)
            for position, key in enumerate(hash_shingles([w[2] for w in words], size)):
                if key in wanted:
                    found[key].append(position)
            places[rank] = found
        return places[rank]

    rows, done = [], None
    for (n1, n2), shared in pairs.groupby(["first", "second"], sort=False)["shingle"]:
        if done is not None and n1 != done:
            # pairs are sorted by first, then second: an article is never needed again once its own pairs are aligned
            places.pop(done, None)
            bounds.pop(done, None)
        done = n1
        at_first, at_second = place_shingles(n1), place_shingles(n2)
        matches = [
            (p1, p2) for key in shared.tolist() for p1 in at_first[key] for p2 in at_second[key]
        ]
        (first, first_text), (second, second_text) = texts[n1], texts[n2]
        passage_id = 0
        for i0, i1, j0, j1 in _runs(matches, size, max_gap):
            if i1 - i0 < min_words:
                continue
            (a_starts, a_ends), (b_starts, b_ends) = bounds[n1], bounds[n2]
            quoted_a = _quoted_share(a_starts[i0:i1].tolist(), voices.get(first, ([], [], [])))
            quoted_b = _quoted_share(b_starts[j0:j1].tolist(), voices.get(second, ([], [], [])))
            start, end = int(a_starts[i0]), int(a_ends[i1 - 1])
            other_start, other_end = int(b_starts[j0]), int(b_ends[j1 - 1])
            voice = "quoted" if quoted_a > 0.5 and quoted_b > 0.5 else "authorial"
            rows.append(
                (
                    first,
                    second,
                    passage_id,
                    start,
                    end,
                    other_start,
                    other_end,
                    i1 - i0,
                    round(quoted_a, 4),
                    voice,
                    first_text[start:end],
                    second_text[other_start:other_end],
                )
            )
            passage_id += 1
    return rows


def find_shared_passages(
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    size: int = SHINGLE,
    min_words: int = MIN_WORDS,
    max_gap: int = MAX_GAP,
    common_articles: int = COMMON_ARTICLES,
    shingles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Passages shared near-verbatim by each pair of articles.

    The steps are those of the stream engine, which runs them a bucket at a
    time (:func:`list_shingles`, :func:`find_shared_shingles`, :func:`align_pairs`).

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    shingles : :func:`list_shingles` of ``articles`` with this ``size``, when already listed.

    Returns
    -------
    A new DataFrame, one row per passage and pair (``article_id`` before ``other_id``
    in the articles' order): ``passage_id`` (within the pair), ``start``, ``end``
    (offsets in the first article), ``other_start``, ``other_end`` (in the other),
    ``words`` (in the first), ``quoted_share`` (share of its words inside quotation
    marks in the first article), ``voice`` (``quoted`` when over half its words are
    quoted in both articles, else ``authorial``), ``text`` and ``other_text``.
    """
    rank = {a: k for k, a in enumerate(articles["article_id"])}
    shingles = list_shingles(articles, size) if shingles is None else shingles
    shingles = shingles.assign(rank=shingles["article_id"].map(rank).to_numpy(np.int64))[
        ["rank", "shingle", "position", "repeats"]
    ]
    pairs = keep_passage_pairs(
        find_shared_shingles(shingles, common_articles), size, min_words, max_gap
    )
    texts = dict(enumerate(zip(articles["article_id"], articles["clean_text"])))
    return pd.DataFrame(
        align_pairs(pairs, texts, index_voice_ranges(voice), size, min_words, max_gap),
        columns=PASSAGE_COLUMNS,
    )


def _quoted_share(starts: list[int], ranges) -> float:
    """The share of words (given by their start offsets) inside quotation marks."""
    return sum(voice_at(ranges, s) == "quoted" for s in starts) / len(starts) if starts else 0.0


def summarise_shared(
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    copy_share: float = COPY_SHARE,
) -> pd.DataFrame:
    """How much of each article is shared with others, and whether it copies one.

    Quoted words are set apart: two outlets quoting the same statement share its
    words without copying each other. An article *copies* another when at least
    ``copy_share`` of its authorial words (words outside quotation marks) lie in
    passages it shares with that one article.

    Parameters
    ----------
    passages : :func:`find_shared_passages`.
    articles : DataFrame with ``article_id``, ``outlet`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).

    Returns
    -------
    A new DataFrame, one row per article: ``article_id``, ``outlet``, ``words``,
    ``authorial_words``, ``shared_words`` and ``shared_share`` (words in any
    shared passage), ``authorial_shared_words`` and ``authorial_shared_share``
    (authorial words in a shared passage, over authorial words), ``partner`` (the
    article it shares most authorial words with, empty when none),
    ``partner_words``, ``partner_share`` (over authorial words) and ``copies``
    (``partner_share`` at least ``copy_share``).
    """
    voices = index_voice_ranges(voice)
    spans_of: dict[str, list[tuple[int, int, str]]] = defaultdict(
        list
    )  # each passage seen from both its articles
    for first, second, start, end, other_start, other_end in zip(
        passages["article_id"],
        passages["other_id"],
        passages["start"],
        passages["end"],
        passages["other_start"],
        passages["other_end"],
    ):
        spans_of[first].append((start, end, second))
        spans_of[second].append((other_start, other_end, first))
    rows = []
    for article_id, outlet, text in zip(
        articles["article_id"], articles["outlet"], articles["clean_text"]
    ):
        spans = spans_of.get(article_id, [])
        starts = [s for s, _, _ in find_words(text)]
        ranges = voices.get(article_id, ([], [], []))
        authorial_words = {k for k, s in enumerate(starts) if voice_at(ranges, s) == "authorial"}
        shared, by_partner = set(), defaultdict(set)
        for start, end, partner in spans:
            inside = set(range(bisect_left(starts, start), bisect_left(starts, end)))
            shared |= inside
            by_partner[partner] |= inside & authorial_words
        authorial_shared = shared & authorial_words
        partner = min(
            (p for p in by_partner if by_partner[p]),
            key=lambda p: (-len(by_partner[p]), p),
            default="",
        )
        partner_words = len(by_partner[partner]) if partner else 0
        partner_share = round(partner_words / len(authorial_words), 4) if authorial_words else 0.0
        rows.append(
            (
                article_id,
                outlet,
                len(starts),
                len(authorial_words),
                len(shared),
                round(len(shared) / len(starts), 4) if starts else 0.0,
                len(authorial_shared),
                round(len(authorial_shared) / len(authorial_words), 4) if authorial_words else 0.0,
                partner,
                partner_words,
                partner_share,
                bool(partner) and partner_share >= copy_share,
            )
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
