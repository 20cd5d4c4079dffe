"""TF-IDF features that a fitted model stores as plain JSON (no pickle).

A vocabulary (terms in column order) and its idf weights are all a model needs
to rebuild its features: counts by :func:`make_counter` with the stored
vocabulary, then :func:`weight_counts` (sublinear term frequency, smoothed idf,
rows L2-normalised, as scikit-learn's ``TfidfVectorizer`` defaults with
``sublinear_tf=True``).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize


def make_counter(settings: dict, vocabulary: list[str] | None = None) -> CountVectorizer:
    """A counter for ``settings`` (``analyzer``, ``ngram_range``, ``min_df``), fixed to ``vocabulary`` when given."""
    return CountVectorizer(
        analyzer=settings["analyzer"],
        ngram_range=tuple(settings["ngram_range"]),
        min_df=settings["min_df"] if vocabulary is None else 1,
        lowercase=True,
        vocabulary=vocabulary,
    )


def weight_counts(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF times idf, each row scaled to unit length."""
    weighted = counts.astype(float).tocsr()
    weighted.data = 1.0 + np.log(weighted.data)
    return normalize(weighted.multiply(idf).tocsr())


def fit_vocabulary(texts: list[str], settings: dict) -> tuple[list[str], np.ndarray]:
    """The vocabulary of ``texts`` under ``settings`` and its smoothed idf weights."""
    counter = make_counter(settings)
    counts = counter.fit_transform(texts)
    vocabulary = sorted(counter.vocabulary_, key=counter.vocabulary_.get)
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    return vocabulary, idf


def round_significant(value: float) -> float:
    """``value`` to 6 significant digits, as models store their numbers."""
    return float(f"{value:.6g}")
