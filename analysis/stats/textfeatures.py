"""TF-IDF features that a fitted model stores as plain JSON (no pickle).

A vocabulary (terms in column order) and its idf weights are all a model needs
to rebuild its features: counts by :func:`make_counter` with the stored
vocabulary, then :func:`weight_counts` (sublinear term frequency, smoothed idf,
rows L2-normalised, as scikit-learn's ``TfidfVectorizer`` defaults with
``sublinear_tf=True``).
"""

from __future__ import annotations

import json
import re

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize


def make_counter(settings: dict, vocabulary: list[str] | None = None) -> CountVectorizer:
    """A counter for ``settings`` (``analyzer``, ``ngram_range``, ``min_df``), fixed to
    ``vocabulary`` when given."""
    return CountVectorizer(
        analyzer=settings["analyzer"],
        ngram_range=tuple(settings["ngram_range"]),
        min_df=settings["min_df"] if vocabulary is None else 1,
        lowercase=True,
        vocabulary=vocabulary,
    )


_TOKEN = re.compile(r"(?u)\b\w\w+\b")
"""scikit-learn's default ``token_pattern``."""


def count_with_vocabulary(
    texts: list[str], settings: dict, vocabulary: list[str]
) -> sp.csr_matrix:
    """The counts ``make_counter(settings, vocabulary).transform(texts)`` gives, the same matrix,
    faster (:class:`VocabularyCounter`, kept for this call only)."""
    return VocabularyCounter(settings, vocabulary).count(texts)


class VocabularyCounter:
    """Counts of texts over a fixed vocabulary: the matrix ``make_counter(settings,
    vocabulary).transform(texts)`` gives, faster, and faster again from call to call.

    Character n-grams within word boundaries (``char_wb``) never cross a word,
    so a text's counts are the sum of its words' counts: each distinct word is
    cut into n-grams once, and its columns are kept for the next calls (up to
    ``max_words`` words, then the store starts again; scikit-learn cuts every
    occurrence); the texts' counts are then the product of two sparse matrices,
    texts by distinct words and distinct words by n-grams. Word n-grams
    (``word``) are found with scikit-learn's token pattern and joined with
    single spaces, as scikit-learn does. Other settings go through scikit-learn.
    Both cut lower-cased text the way scikit-learn does (``char_wb``: split on
    white space, each word padded with a space on either side, every n-gram
    of each length, a word shorter than n once).
    """

    def __init__(self, settings: dict, vocabulary: list[str], max_words: int = 200_000):
        self.settings = settings
        self.vocabulary = vocabulary
        self.max_words = max_words
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.known: dict[str, np.ndarray] = {}

    def count(self, texts: list[str]) -> sp.csr_matrix:
        """The counts of ``texts``, one row per text, one column per vocabulary term."""
        kind = self.settings["analyzer"]
        if kind == "char_wb":
            counts = self._count_words(texts)
        elif kind == "word":
            counts = self._count_word_ngrams(texts)
        else:
            return make_counter(self.settings, self.vocabulary).transform(texts)
        counts.sum_duplicates()
        counts.sort_indices()
        return counts

    def _count_word_ngrams(self, texts: list[str]) -> sp.csr_matrix:
        low, high = self.settings["ngram_range"]
        index = self.index
        columns: list[int] = []
        ends = [0]
        for text in texts:
            tokens = _TOKEN.findall(text.lower())
            for n in range(low, high + 1):
                grams = tokens if n == 1 else map(" ".join, zip(*(tokens[i:] for i in range(n))))
                columns.extend(index[g] for g in grams if g in index)
            ends.append(len(columns))
        rows = np.repeat(np.arange(len(texts)), np.diff(ends))
        return sp.coo_matrix(
            (np.ones(len(columns), dtype=np.int64), (rows, np.asarray(columns, dtype=np.int64))),
            shape=(len(texts), len(self.vocabulary)),
        ).tocsr()

    def _count_words(self, texts: list[str]) -> sp.csr_matrix:
        low, high = self.settings["ngram_range"]
        words: dict[str, int] = {}
        occurrences: list[int] = []
        ends = [0]
        for text in texts:
            occurrences.extend(words.setdefault(w, len(words)) for w in text.lower().split())
            ends.append(len(occurrences))
        known = self.known
        if len(known) + len(words) > self.max_words:
            known.clear()
        grams = []
        for word in words:
            found = known.get(word)
            if found is None:
                found = np.asarray(_word_ngram_columns(word, low, high, self.index), np.int64)
                if len(known) < self.max_words:
                    known[word] = found
            grams.append(found)
        lengths = [len(g) for g in grams]
        by_word = sp.csr_matrix(
            (
                np.ones(sum(lengths), dtype=np.int64),
                np.concatenate(grams) if grams else np.empty(0, np.int64),
                np.concatenate(([0], np.cumsum(lengths))),
            ),
            shape=(len(words), len(self.vocabulary)),
        )
        rows = np.repeat(np.arange(len(texts)), np.diff(ends))
        by_text = sp.csr_matrix(
            (np.ones(len(occurrences), dtype=np.int64), (rows, np.asarray(occurrences))),
            shape=(len(texts), len(words)),
        )
        return (by_text @ by_word).tocsr()


def _word_ngram_columns(word: str, low: int, high: int, index: dict[str, int]) -> list[int]:
    """The vocabulary columns of the character n-grams of one word padded with spaces
    (scikit-learn's ``char_wb`` cut)."""
    padded = " " + word + " "
    grams = []
    for n in range(low, high + 1):
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return [index[g] for g in grams if g in index]


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


def weigh_blocks(
    documents: dict[str, list[str]],
    recipe: dict,
    vocabularies: dict[str, list[str]],
    idf: dict[str, np.ndarray],
    counters: dict[str, VocabularyCounter] | None = None,
) -> list[sp.csr_matrix]:
    """The TF-IDF matrix of each named list of documents, with that block's stored vocabulary and
    idf; ``counters``: a block's :class:`VocabularyCounter` kept by the caller between calls (one
    made for this call when the block has none)."""
    counters = counters or {}
    return [
        weight_counts(
            (counters.get(name) or VocabularyCounter(recipe[name], vocabularies[name])).count(
                texts
            ),
            idf[name],
        )
        for name, texts in documents.items()
    ]


def encode_linear_model(
    vocabularies: dict[str, list[str]],
    idf: dict[str, np.ndarray],
    coefficients: np.ndarray,
    intercept: float,
    **extra,
) -> str:
    """A fitted linear model on TF-IDF blocks as JSON (numbers to 6 significant digits, keys
    sorted); ``extra`` keys are added as they are."""
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
    payload["idf"] = {
        name: np.array(values, dtype=float) for name, values in payload["idf"].items()
    }
    payload["coefficients"] = np.array(payload["coefficients"], dtype=float)
    payload["intercept"] = float(payload["intercept"])
    return payload
