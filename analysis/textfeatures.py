"""TF-IDF features that a fitted model stores as plain JSON (no pickle).

A vocabulary (terms in column order) and its idf weights are all a model needs
to rebuild its features: counts by :func:`make_counter` with the stored
vocabulary, then :func:`weight_counts` (sublinear term frequency, smoothed idf,
rows L2-normalised, as scikit-learn's ``TfidfVectorizer`` defaults with
``sublinear_tf=True``).
"""

from __future__ import annotations

import json

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


def weigh_blocks(documents: dict[str, list[str]], recipe: dict, vocabularies: dict[str, list[str]], idf: dict[str, np.ndarray]) -> list[sp.csr_matrix]:
    """The TF-IDF matrix of each named list of documents, with that block's stored vocabulary and idf."""
    return [weight_counts(make_counter(recipe[name], vocabularies[name]).transform(texts), idf[name]) for name, texts in documents.items()]


def encode_linear_model(vocabularies: dict[str, list[str]], idf: dict[str, np.ndarray], coefficients: np.ndarray, intercept: float, **extra) -> str:
    """A fitted linear model on TF-IDF blocks as JSON (numbers to 6 significant digits, keys sorted); ``extra`` keys are added as they are."""
    payload = {
        "intercept": round_significant(intercept),
        "coefficients": [round_significant(c) for c in coefficients],
        "vocabularies": vocabularies,
        "idf": {name: [round_significant(v) for v in values] for name, values in idf.items()},
        **extra,
    }
    return json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def decode_linear_model(text: str) -> dict:
    """The payload of :func:`encode_linear_model`, with ``idf`` and ``coefficients`` as arrays."""
    payload = json.loads(text)
    payload["idf"] = {name: np.array(values, dtype=float) for name, values in payload["idf"].items()}
    payload["coefficients"] = np.array(payload["coefficients"], dtype=float)
    payload["intercept"] = float(payload["intercept"])
    return payload
