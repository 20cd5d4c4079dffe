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

from analysis.across.shingles import (
    COMMON_ARTICLES,
    MAX_GAP,
    MIN_WORDS,
    SHINGLE,
    _runs,
    find_normalised_words,
    find_shared_shingles,
    hash_shingles,
    keep_passage_pairs,
    list_shingles,
)
from analysis.resources.rows import iter_columns
from analysis.text.quotes import index_voice_ranges, voices_at
from analysis.text.segment import find_words

COPY_SHARE = 0.5
"""An article whose authorial words lie, for this share or more, in passages shared with one other
article copies it."""


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
    quoted: dict[int, np.ndarray] = {}  # each article's quoted words up to each word

    def place_shingles(rank: int) -> dict[int, list[int]]:
        if rank not in places:
            words = find_normalised_words(texts[rank][1])
            bounds[rank] = (
                np.array([w[0] for w in words], dtype=np.int64),
                np.array([w[1] for w in words], dtype=np.int64),
            )
            ranges = voices.get(texts[rank][0], ([], [], []))
            quoted[rank] = np.concatenate(
                ([0], np.cumsum(voices_at(ranges, bounds[rank][0]) == "quoted"))
            )
            found: dict[int, list[int]] = defaultdict(list)
            for position, key in enumerate(hash_shingles([w[2] for w in words], size)):
                if key in wanted:
                    found[key].append(position)
            places[rank] = found
        return places[rank]

    rows, done = [], None
    for n1, n2, shared in _group_pairs(pairs):
        if done is not None and n1 != done:
            # pairs are sorted by first, then second: an article is never needed again once its own
            # pairs are aligned
            places.pop(done, None)
            bounds.pop(done, None)
            quoted.pop(done, None)
        done = n1
        at_first, at_second = place_shingles(n1), place_shingles(n2)
        matches = [(p1, p2) for key in shared for p1 in at_first[key] for p2 in at_second[key]]
        (first, first_text), (second, second_text) = texts[n1], texts[n2]
        passage_id = 0
        for i0, i1, j0, j1 in _runs(matches, size, max_gap):
            if i1 - i0 < min_words:
                continue
            (a_starts, a_ends), (b_starts, b_ends) = bounds[n1], bounds[n2]
            quoted_a = _share_between(quoted[n1], i0, i1)
            quoted_b = _share_between(quoted[n2], j0, j1)
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


def _group_pairs(pairs: pd.DataFrame) -> Iterator[tuple[int, int, list[int]]]:
    """Each pair of articles (``first``, ``second``) of ``pairs`` with its shingles, as
    ``pairs.groupby(["first", "second"], sort=False)`` gives them: pairs in order of first
    appearance, shingles in the rows' order. Ranks are below 2³¹, so a pair is one number."""
    firsts, seconds = pairs["first"].to_numpy(np.int64), pairs["second"].to_numpy(np.int64)
    if not len(firsts):
        return
    codes, _ = pd.factorize(firsts * (int(seconds.max()) + 1) + seconds)
    order = np.argsort(codes, kind="stable")
    shingles = pairs["shingle"].to_numpy()[order].tolist()
    edges = [0, *(np.flatnonzero(np.diff(codes[order])) + 1).tolist(), len(order)]
    heads = order[edges[:-1]]
    for n1, n2, lo, hi in zip(firsts[heads].tolist(), seconds[heads].tolist(), edges, edges[1:]):
        yield n1, n2, shingles[lo:hi]


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
    A new DataFrame, one row per passage and pair of articles (``article_id`` before ``other_id``
    in the articles' order):

    - ``article_id``, ``other_id``: the two articles
    - ``passage_id``: the passage's number within the pair, from 0
    - ``start``, ``end``: its offsets in the first article's clean text
    - ``other_start``, ``other_end``: its offsets in the other article's clean text
    - ``words``: its words in the first article
    - ``quoted_share``: share of those words inside quotation marks in the first article
    - ``voice``: ``quoted`` when over half its words are quoted in both articles, else
      ``authorial``
    - ``text``, ``other_text``: the passage as each article writes it
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


def _share_between(counts: np.ndarray, first: int, last: int) -> float:
    """The share of the words ``first`` to ``last`` (excluded) that are counted, from the running
    counts ``counts`` (``counts[i]``: the words before word ``i`` that are)."""
    return int(counts[last] - counts[first]) / (last - first) if last > first else 0.0


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
    A new DataFrame, one row per article:

    - ``article_id``, ``outlet``: the article and its outlet
    - ``words``, ``authorial_words``: its words, and those in the author's voice
    - ``shared_words``, ``shared_share``: its words in any shared passage, and their share of
      ``words``
    - ``authorial_shared_words``, ``authorial_shared_share``: its authorial words in a shared
      passage, and their share of ``authorial_words``
    - ``partner``: the article it shares most authorial words with ("" when none)
    - ``partner_words``, ``partner_share``: those words, and their share of ``authorial_words``
    - ``copies``: whether ``partner_share`` is at least ``copy_share``
    """
    voices = index_voice_ranges(voice)
    spans_of: dict[str, list[tuple[int, int, str]]] = defaultdict(
        list
    )  # each passage seen from both its articles
    for first, second, start, end, other_start, other_end in iter_columns(
        passages, "article_id", "other_id", "start", "end", "other_start", "other_end"
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
        authorial_words = set(np.flatnonzero(voices_at(ranges, starts) == "authorial").tolist())
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
