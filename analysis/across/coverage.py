"""Coverage: which outlets carry which statement, and what one leaves out.

Method:

1. Every sentence of :data:`MIN_WORDS` words or more of every article's body is
   a unit. Units are compared within their *event*: the corpus's ``event``
   column when it has one (articles without a value form one event of their
   own), else the whole corpus is one event. Sentences of two events never
   form one claim.
2. Within an event, sentences are compared by the cosine of their TF-IDF
   vectors (scikit-learn; word unigrams and bigrams, lower case with straight
   apostrophes and quotation marks so that ``Russia’s`` and ``Russia's`` meet, English stop
   words out, sublinear term frequency, idf over the event's sentences), so two
   outlets' wordings of one statement ("lengthy call" / "long call") meet on
   the words they share.
3. Sentences are grouped into *claims* by average-linkage agglomerative
   clustering on cosine distance, cut at :data:`SIMILARITY` (average cosine
   within a claim at least 0.35): average linkage does not chain unrelated
   sentences through one bridge as single linkage would. The distances of every
   pair of an event's sentences are held once, condensed (8 bytes a pair, and
   SciPy's working copy): an event of more than :data:`MAX_SENTENCES` sentences
   is not grouped, and a warning names it (give the corpus an ``event`` column
   to split it).
4. Per claim: the outlets that carry it. A claim carried by one outlet is
   *unique* to it; a claim carried by at least :data:`MOST` of the event's
   outlets (and two at least) and missing from one of them is a *likely
   omission* of that outlet.

Claims are numbered by their first sentence, in the articles' order, whatever
the event; the tables are the same on every engine (:mod:`analysis.engine.stream`
groups one bucket of events at a time, :func:`cover_event`).

The threshold is a reading aid, not a finding: two sentences on one topic with
different facts can meet it, and a paraphrase with few shared words can miss
it. ``python -m analysis validate across`` measures both errors on planted
changes.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import linkage
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.extmath import safe_sparse_dot

from analysis.errors import InputWarning
from analysis.text.segment import normalise_quotes

SIMILARITY = 0.35
"""The least average cosine of TF-IDF vectors within a claim."""

MOST = 0.6
"""A claim carried by this share of the outlets (two at least) is expected of each."""

MIN_WORDS = 4
"""Sentences shorter than this (datelines, "Watch above.") are not claims."""

MAX_SENTENCES = 10_000
"""The most sentences of one event grouped into claims: their condensed distances take 0.4 GB, and
SciPy's working copy as much."""

EVENT = "event"
"""The corpus column that splits the articles into events (optional)."""

BLOCK_CELLS = 4_000_000
"""Cosines computed at a time when sentences are compared (32 MB)."""

OMISSION_COLUMNS = ["outlet", "claim", "outlets", "of", "example"]

UNIT_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "start", "end", "text"]

COVERAGE_COLUMNS = [
    "claim",
    "article_id",
    "outlet",
    "sentence_id",
    "start",
    "end",
    "text",
    "similarity",
    "outlets",
    "carried_by",
]


def vectorise_sentences(texts: list[str]) -> np.ndarray:
    """TF-IDF vectors of sentences (see the module docstring), L2-normalised; all zero when no
    sentence has a word outside the stop list."""
    vectoriser = TfidfVectorizer(
        preprocessor=compare_form,
        stop_words="english",
        ngram_range=(1, 2),
        sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
    )
    if not any(vectoriser.build_analyzer()(text) for text in texts):
        return csr_matrix((len(texts), 1))
    return vectoriser.fit_transform(texts)


def compare_form(text: str) -> str:
    """The form in which sentences are compared: lower case, quotation marks and apostrophes
    straight (``Russia’s`` is ``russia's``)."""
    return normalise_quotes(text).lower()


def condense_distances(vectors) -> np.ndarray:
    """Cosine distance (1 − cosine, clipped to [0, 2]) of every pair of rows, condensed.

    The upper triangle row by row, as :func:`scipy.cluster.hierarchy.linkage`
    takes it, computed :data:`BLOCK_CELLS` cells at a time: the square matrix is
    never held (half the cells, one copy: a quarter of the memory the square
    cosine and distance matrices took). Each cosine is the one
    :func:`sklearn.metrics.pairwise.cosine_similarity` gives on the whole matrix.
    """
    count = vectors.shape[0]
    condensed = np.empty(count * (count - 1) // 2)
    rows = max(1, BLOCK_CELLS // max(count, 1))
    done = 0
    normalised = normalize(vectors)  # what cosine_similarity does to both sides, done once
    for start in range(0, count, rows):
        block = safe_sparse_dot(normalised[start : start + rows], normalised.T, dense_output=True)
        for offset, cosines in enumerate(block):
            tail = cosines[start + offset + 1 :]
            condensed[done : done + len(tail)] = np.clip(1.0 - tail, 0.0, 2.0)
            done += len(tail)
    return condensed


def cluster_claims(vectors, similarity: float = SIMILARITY) -> np.ndarray:
    """A claim number for each sentence from its TF-IDF vector (average linkage on cosine distance,
    cut at ``1 - similarity``).

    The cut keeps the merges closer than ``1 - similarity``, in the order the
    linkage made them: the clusters of scikit-learn's ``AgglomerativeClustering``
    with that ``distance_threshold``, without its square matrices.
    """
    count = vectors.shape[0]
    if count < 2:
        return np.zeros(count, dtype=int)
    merges = linkage(condense_distances(vectors), method="average")
    kept = count - (np.count_nonzero(merges[:, 2] >= 1.0 - similarity) + 1)
    parent = list(range(2 * count - 1))
    for step, (left, right) in enumerate(merges[:kept, :2].astype(int)):
        parent[left] = parent[right] = count + step

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    return np.array([root(k) for k in range(count)])


def claim_similarities(vectors, claims: np.ndarray) -> np.ndarray:
    """Each sentence's mean cosine to the other sentences of its claim (NaN alone), rounded to 4
    decimals; the cosines :func:`sklearn.metrics.pairwise.cosine_similarity` gives on the claim's
    rows."""
    means = np.full(len(claims), math.nan)
    normalised = normalize(vectors)  # cosine_similarity's first step: rows of unit length
    for members in pd.Series(claims).groupby(claims).indices.values():
        if len(members) < 2:
            continue
        held = normalised[members]
        cosine = safe_sparse_dot(held, held.T, dense_output=True)
        for row, k in enumerate(members):
            means[k] = round(float(np.mean(np.delete(cosine[row], row))), 4)
    return means


def read_events(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's event: its ``event`` value as text, ``""`` when it has none or the corpus has
    no ``event`` column."""
    if EVENT not in articles.columns:
        return dict.fromkeys(articles["article_id"], "")
    return {
        a: "" if pd.isna(e) else str(e) for a, e in zip(articles["article_id"], articles[EVENT])
    }


def select_claim_units(
    sentences: pd.DataFrame, articles: pd.DataFrame, min_words: int = MIN_WORDS
) -> pd.DataFrame:
    """The sentences that can be claims, with their outlet and event.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``, ``text``.
    articles : DataFrame with ``article_id``, ``outlet`` and, optionally, ``event``.

    Returns
    -------
    A new DataFrame of :data:`UNIT_COLUMNS`, one row per sentence of ``min_words`` words or more,
    in the articles' order and then by ``sentence_id``:

    - ``article_id``, ``outlet``: the article and its outlet
    - ``event``: its event ("" without an ``event`` column)
    - ``sentence_id``, ``start``, ``end``, ``text``: the sentence, as in ``sentences``
    """
    order = {a: k for k, a in enumerate(articles["article_id"])}
    kept = sentences.loc[
        sentences["text"].str.split().str.len() >= min_words,
        ["article_id", "sentence_id", "start", "end", "text"],
    ]
    kept = kept.assign(_order=kept["article_id"].map(order)).sort_values(
        ["_order", "sentence_id"], kind="stable"
    )
    outlet_of, event_of = (
        dict(zip(articles["article_id"], articles["outlet"])),
        read_events(articles),
    )
    kept = kept.assign(
        outlet=[outlet_of[a] for a in kept["article_id"]],
        event=[event_of[a] for a in kept["article_id"]],
    )
    return kept[UNIT_COLUMNS].reset_index(drop=True)


def cover_event(
    units: pd.DataFrame, outlet_rank: dict[str, int], similarity: float = SIMILARITY
) -> pd.DataFrame:
    """Group one event's sentences into claims and say which outlets carry each.

    Parameters
    ----------
    units : :func:`select_claim_units`'s rows of one event, in its order.
    outlet_rank : every outlet's place in the articles' order (``carried_by`` lists names in it).

    Returns
    -------
    A new DataFrame: the rows of ``units``, in their order, with

    - ``local_claim``: the claim's number within the event, from 0 by first appearance
    - ``similarity``: mean cosine similarity to the claim's other sentences (empty for a claim of
      one sentence)
    - ``outlets``: how many outlets carry the claim
    - ``carried_by``: their names, " | "-joined in the order of ``outlet_rank``
    """
    vectors = vectorise_sentences(list(units["text"]))
    renumber: dict[int, int] = {}
    claims = np.array(
        [
            renumber.setdefault(int(label), len(renumber))
            for label in cluster_claims(vectors, similarity)
        ],
        dtype=int,
    )
    present: dict[int, set[str]] = {}
    for claim, outlet in zip(claims, units["outlet"]):
        present.setdefault(int(claim), set()).add(outlet)
    carried = {
        claim: sorted(names, key=outlet_rank.__getitem__) for claim, names in present.items()
    }
    return units.assign(
        local_claim=claims,
        similarity=claim_similarities(vectors, claims),
        outlets=[len(carried[c]) for c in claims],
        carried_by=[" | ".join(carried[c]) for c in claims],
    )


def find_coverage(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    similarity: float = SIMILARITY,
    min_words: int = MIN_WORDS,
    max_sentences: int | None = None,
) -> pd.DataFrame:
    """Group each event's sentences into claims and say which outlets carry each.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``, ``text``.
    articles : DataFrame with ``article_id``, ``outlet`` and, optionally, ``event``.

    Returns
    -------
    A new DataFrame, one row per sentence of ``min_words`` words or more:

    - ``claim``: the claim's number, by first appearance in the articles' order
    - ``article_id``, ``outlet``: the sentence's article and its outlet
    - ``sentence_id``, ``start``, ``end``, ``text``: the sentence
    - ``similarity``: mean cosine similarity to the claim's other sentences (empty for a claim of
      one sentence)
    - ``outlets``: how many outlets carry the claim
    - ``carried_by``: their names, " | "-joined in the articles' order

    An event of more than ``max_sentences`` such sentences (default :data:`MAX_SENTENCES`) is left
    out with an :class:`~analysis.errors.InputWarning`.
    """
    units = select_claim_units(sentences, articles, min_words)
    outlet_rank = {o: k for k, o in enumerate(dict.fromkeys(articles["outlet"]))}
    covered = [
        cover_event(part, outlet_rank, similarity) for part in split_events(units, max_sentences)
    ]
    if not covered:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    rows = pd.concat(covered).sort_index(kind="stable")  # back in the articles' order
    first_seen: dict[tuple[str, int], int] = {}
    claims = [
        first_seen.setdefault(key, len(first_seen))
        for key in zip(rows["event"], rows["local_claim"])
    ]
    rows = rows.assign(claim=claims)[COVERAGE_COLUMNS]
    # rows are in the articles' order: a stable sort by claim keeps it within each claim
    return rows.sort_values("claim", kind="stable").reset_index(drop=True)


def split_events(units: pd.DataFrame, max_sentences: int | None = None) -> Iterable[pd.DataFrame]:
    """``units``' rows of each event in turn (events in order of first appearance), warning of and
    skipping events too large to group.

    Yields
    ------
    Per event, in order of first appearance, a DataFrame of that event's rows of ``units``
    (:data:`UNIT_COLUMNS`):

    - ``article_id``, ``outlet``, ``event``, ``sentence_id``, ``start``, ``end``, ``text``: as in
      :func:`select_claim_units`
    """
    limit = MAX_SENTENCES if max_sentences is None else max_sentences
    for event, part in units.groupby("event", sort=False):
        if len(part) > limit:
            warn_large_event(event, len(part), limit)
            continue
        yield part


def warn_large_event(event: str, count: int, max_sentences: int) -> None:
    """Warn that ``event``'s sentences are left out of coverage."""
    name = (
        f"event '{event}'"
        if event
        else "the articles without an event (all of them when the corpus has no 'event' column)"
    )
    warnings.warn(
        f"coverage: {name}: {count:,} sentences that can be claims, more than the "
        f"{max_sentences:,} that can be grouped; "
        "they are left out of coverage and omissions (give the corpus an 'event' column that "
        "splits them)",
        InputWarning,
        stacklevel=2,
    )


def tabulate_coverage(coverage: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The outlet × claim matrix: sentences of each outlet in each claim (0 when it does not carry
    it).

    Returns
    -------
    A new DataFrame, one row per claim:

    - ``claim``: the claim's number
    - ``outlets``: how many outlets carry it
    - ``example``: its first sentence
    - one column per outlet, in the articles' order: the outlet's sentences in the claim (0 when it
      does not carry it)
    """
    outlet_order = list(dict.fromkeys(articles["outlet"]))
    counts = coverage.pivot_table(
        index="claim", columns="outlet", values="sentence_id", aggfunc="count", fill_value=0
    )
    counts = counts.reindex(columns=outlet_order, fill_value=0)
    first = coverage.drop_duplicates("claim").set_index("claim")
    table = pd.DataFrame(
        {
            "claim": counts.index,
            "outlets": first.loc[counts.index, "outlets"].to_numpy(),
            "example": first.loc[counts.index, "text"].to_numpy(),
        }
    )
    for outlet in outlet_order:
        table[outlet] = counts[outlet].to_numpy()
    return table.reset_index(drop=True)


def find_omissions(
    coverage: pd.DataFrame, articles: pd.DataFrame, most: float = MOST
) -> pd.DataFrame:
    """Likely omissions: claims most of an event's outlets carry and one does not.

    Parameters
    ----------
    coverage : :func:`find_coverage`.
    articles : DataFrame with ``article_id``, ``outlet`` and, optionally, ``event``.

    Returns
    -------
    A new DataFrame of :data:`OMISSION_COLUMNS`, rows by outlet in the articles' order, then claim:

    - ``outlet``: the outlet that leaves the claim out
    - ``claim``: the claim's number
    - ``outlets``, ``of``: how many of the event's outlets carry it, out of how many
    - ``example``: the claim's first sentence

    Empty for an event of fewer than three outlets.
    """
    event_outlets = list_event_outlets(articles)
    event_of = read_events(articles)
    rows = []
    for claim, group in coverage.groupby("claim", sort=True):
        outlets = event_outlets[event_of[group["article_id"].iloc[0]]]
        rows.extend(
            list_omissions(claim, set(group["outlet"]), outlets, group["text"].iloc[0], most)
        )
    return sort_omissions(rows, list(dict.fromkeys(articles["outlet"])))


def list_event_outlets(articles: pd.DataFrame) -> dict[str, list[str]]:
    """Each event's outlets, in the articles' order."""
    outlets: dict[str, dict[str, None]] = {}
    for event, outlet in zip(read_events(articles).values(), articles["outlet"]):
        outlets.setdefault(event, {})[outlet] = None
    return {event: list(names) for event, names in outlets.items()}


def list_omissions(
    claim: int, present: set[str], outlets: list[str], example: str, most: float = MOST
) -> list[tuple]:
    """The omission rows of one claim carried by ``present`` among its event's ``outlets`` (none
    with fewer than three)."""
    needed = max(2, math.ceil(most * len(outlets)))
    if len(outlets) < 3 or len(present) < needed:
        return []
    return [
        (outlet, claim, len(present), len(outlets), example)
        for outlet in outlets
        if outlet not in present
    ]


def sort_omissions(rows: list[tuple], outlet_order: list[str]) -> pd.DataFrame:
    """Omission rows as a table, by outlet in ``outlet_order``, then claim.

    Returns
    -------
    A new DataFrame of :data:`OMISSION_COLUMNS` (see :func:`find_omissions`):

    - ``outlet``, ``claim``, ``outlets``, ``of``, ``example``: as in :func:`find_omissions`
    """
    rank = {o: k for k, o in enumerate(outlet_order)}
    return pd.DataFrame(
        sorted(rows, key=lambda row: (rank[row[0]], row[1])), columns=OMISSION_COLUMNS
    )
