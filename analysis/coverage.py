"""Coverage: which outlets carry which statement, and what one leaves out.

Method:

1. Every sentence of every article's body is a unit. Sentences are compared
   by the cosine of their TF-IDF vectors (scikit-learn; word unigrams and
   bigrams, lower case, English stop words out, sublinear term frequency, idf
   over the corpus's sentences), so two outlets' wordings of one statement
   ("lengthy call" / "long call") meet on the words they share.
2. Sentences are grouped into *claims* by average-linkage agglomerative
   clustering on cosine distance, cut at :data:`SIMILARITY` (average cosine
   within a claim at least 0.35): average linkage does not chain unrelated
   sentences through one bridge as single linkage would. The distances of every
   pair of sentences are held once, condensed (8 bytes a pair, and SciPy's
   working copy): about 0.8 GB for 10,000 sentences, so coverage is for one
   event's articles, not for a corpus of many events.
3. Per claim: the outlets that carry it. A claim carried by one outlet is
   *unique* to it; a claim carried by at least :data:`MOST` of the outlets
   (and two at least) and missing from an outlet is a *likely omission* of
   that outlet.

The threshold is a reading aid, not a finding: two sentences on one topic with
different facts can meet it, and a paraphrase with few shared words can miss
it. ``python -m analysis validate across`` measures both errors on planted
changes.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import linkage
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

SIMILARITY = 0.35
"""The least average cosine of TF-IDF vectors within a claim."""

MOST = 0.6
"""A claim carried by this share of the outlets (two at least) is expected of each."""

MIN_WORDS = 4
"""Sentences shorter than this (datelines, "Watch above.") are not claims."""

BLOCK_CELLS = 4_000_000
"""Cosines computed at a time when sentences are compared (32 MB)."""

COVERAGE_COLUMNS = ["claim", "article_id", "outlet", "sentence_id", "start", "end", "text", "similarity", "outlets", "carried_by"]


def vectorise_sentences(texts: list[str]) -> np.ndarray:
    """TF-IDF vectors of sentences (see the module docstring), L2-normalised."""
    vectoriser = TfidfVectorizer(lowercase=True, stop_words="english", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w'’-]+\b")
    return vectoriser.fit_transform(texts)


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
    for start in range(0, count, rows):
        block = cosine_similarity(vectors[start : start + rows], vectors)
        for offset, cosines in enumerate(block):
            tail = cosines[start + offset + 1 :]
            condensed[done : done + len(tail)] = np.clip(1.0 - tail, 0.0, 2.0)
            done += len(tail)
    return condensed


def cluster_claims(vectors, similarity: float = SIMILARITY) -> np.ndarray:
    """A claim number for each sentence from its TF-IDF vector (average linkage on cosine distance, cut at ``1 - similarity``).

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
    """Each sentence's mean cosine to the other sentences of its claim (NaN alone), rounded to 4 decimals."""
    means = np.full(len(claims), math.nan)
    for members in pd.Series(claims).groupby(claims).indices.values():
        if len(members) < 2:
            continue
        cosine = cosine_similarity(vectors[members])
        for row, k in enumerate(members):
            means[k] = round(float(np.mean(np.delete(cosine[row], row))), 4)
    return means


def find_coverage(sentences: pd.DataFrame, articles: pd.DataFrame, similarity: float = SIMILARITY, min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Group the corpus's sentences into claims and say which outlets carry each.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``, ``text``.
    articles : DataFrame with ``article_id`` and ``outlet``.

    Returns
    -------
    A new DataFrame, one row per sentence of ``min_words`` words or more:
    ``claim`` (numbered by first appearance in the articles' order), ``article_id``,
    ``outlet``, ``sentence_id``, ``start``, ``end``, ``text``, ``similarity`` (mean
    cosine to the claim's other sentences; empty for a claim of one sentence),
    ``outlets`` (how many outlets carry the claim) and ``carried_by`` (their
    names, " | "-joined, in the articles' order).
    """
    outlet_of = dict(zip(articles["article_id"], articles["outlet"]))
    order = {a: k for k, a in enumerate(articles["article_id"])}
    kept = sentences[sentences["text"].str.split().str.len() >= min_words]
    kept = kept.assign(_order=kept["article_id"].map(order)).sort_values(["_order", "sentence_id"], kind="stable")
    if kept.empty:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    vectors = vectorise_sentences(list(kept["text"]))
    labels = cluster_claims(vectors, similarity)
    renumber: dict[int, int] = {}
    for label in labels:
        renumber.setdefault(int(label), len(renumber))
    claims = np.array([renumber[int(label)] for label in labels])
    outlet_order = list(dict.fromkeys(outlet_of[a] for a in articles["article_id"]))
    outlets = [outlet_of[a] for a in kept["article_id"]]
    present: dict[int, set[str]] = {}
    for claim, outlet in zip(claims, outlets):
        present.setdefault(claim, set()).add(outlet)
    carried = {claim: [o for o in outlet_order if o in names] for claim, names in present.items()}
    means = claim_similarities(vectors, claims)
    rows = []
    for k, (article_id, sentence_id, start, end, text) in enumerate(zip(kept["article_id"], kept["sentence_id"], kept["start"], kept["end"], kept["text"])):
        rows.append((int(claims[k]), article_id, outlets[k], sentence_id, start, end, text, means[k], len(carried[claims[k]]), " | ".join(carried[claims[k]])))
    # rows are in the articles' order already: a stable sort by claim keeps it within each claim
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS).sort_values("claim", kind="stable").reset_index(drop=True)


def tabulate_coverage(coverage: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The outlet × claim matrix: sentences of each outlet in each claim (0 when it does not carry it).

    Returns a new DataFrame with ``claim``, ``outlets``, ``example`` (the claim's first
    sentence) and one column per outlet, in the articles' order.
    """
    outlet_order = list(dict.fromkeys(articles["outlet"]))
    counts = coverage.pivot_table(index="claim", columns="outlet", values="sentence_id", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=outlet_order, fill_value=0)
    first = coverage.drop_duplicates("claim").set_index("claim")
    table = pd.DataFrame({"claim": counts.index, "outlets": first.loc[counts.index, "outlets"].to_numpy(), "example": first.loc[counts.index, "text"].to_numpy()})
    for outlet in outlet_order:
        table[outlet] = counts[outlet].to_numpy()
    return table.reset_index(drop=True)


def find_omissions(coverage: pd.DataFrame, articles: pd.DataFrame, most: float = MOST) -> pd.DataFrame:
    """Likely omissions: claims most outlets carry and one does not.

    Returns a new DataFrame: ``outlet`` (the one that leaves the claim out), ``claim``,
    ``outlets`` (how many carry it, out of ``of``), ``of`` and ``example`` (the claim's
    first sentence). Empty with fewer than three outlets.
    """
    outlet_order = list(dict.fromkeys(articles["outlet"]))
    needed = max(2, math.ceil(most * len(outlet_order)))
    rows = []
    if len(outlet_order) >= 3:
        for claim, group in coverage.groupby("claim", sort=True):
            present = set(group["outlet"])
            if len(present) >= needed:
                for outlet in outlet_order:
                    if outlet not in present:
                        rows.append((outlet, claim, len(present), len(outlet_order), group["text"].iloc[0]))
    frame = pd.DataFrame(rows, columns=["outlet", "claim", "outlets", "of", "example"])
    return frame.sort_values(["outlet", "claim"], key=lambda c: c.map({o: k for k, o in enumerate(outlet_order)}) if c.name == "outlet" else c, kind="stable").reset_index(drop=True)
