"""A sentence classifier of biased wording: logistic regression on loaded terms and words.

Features of a sentence:

- the loaded terms :func:`analysis.loaded.terms.find_loaded_terms` finds, as tokens of
  a "loaded document" (``cat_<category>`` and ``ent_<entry>`` per hit of either
  layer, and ``anyloaded`` once when there is a loaded lexicon hit), TF-IDF weighted;
- word unigrams and bigrams, TF-IDF weighted (sublinear term frequency, smoothed
  idf, rows L2-normalised), with the minimum document frequency of :data:`RECIPE`.

The decision threshold is the one that maximises macro F1 (the mean of the F1
of both classes, the measure BABE is scored by) over out-of-fold predictions on
the training rows (:mod:`analysis.stats.classifier`).

The model is fitted on the development split of ``babe``
(:func:`analysis.resources.datasets.split_by_hash`), whose licence is the AGPL: it is
written to the local models folder (:func:`analysis.config.local_models_dir`)
by ``make models`` and never committed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from analysis import config
from analysis.loaded.terms import NAMING, find_loaded_terms
from analysis.stats.classifier import TextClassifier, describe_hits, fit_classifier

RECIPE = {
    "word": {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2},
    "loaded": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
    "C": 1.0,
    "folds": 5,
    "seed": 20250212,
    "thresholds": [0.2, 0.8, 0.01],
    "average": "macro",
}
"""The recipe, chosen by out-of-fold macro F1 on the babe development split only
(C in 1, 3, 10 and word min_df in 1, 2 were tried; 1 and 2 scored 0.713)."""


def describe_loaded(text: str) -> str:
    """The loaded document of a sentence: one token per category and entry of every hit."""
    terms = find_loaded_terms(text)
    return describe_hits(
        terms,
        "anyloaded" if any(t.layer == "lexicon" and t.category != NAMING for t in terms) else None,
    )


def make_documents(texts: list[str]) -> dict[str, list[str]]:
    """The two views of each sentence the model reads: its words and its loaded document."""
    return {"word": list(texts), "loaded": [describe_loaded(t) for t in texts]}


@dataclass
class LoadedModel(TextClassifier):
    """The biased-wording classifier; :meth:`predict` gives 1 (biased) or 0 per sentence."""

    RECIPE: ClassVar[dict] = RECIPE
    MODEL_FILE: ClassVar[str] = "loaded_babe.json"
    POSITIVE: ClassVar[str] = "biased"

    @staticmethod
    def make_documents(texts: list[str]) -> dict[str, list[str]]:
        return make_documents(texts)


def fit_loaded_model(
    texts: list[str], labels: np.ndarray, provenance: dict | None = None
) -> LoadedModel:
    """Fit the recipe on labelled sentences (1 = biased) and choose its threshold out of fold."""
    return fit_classifier(LoadedModel, texts, labels, provenance)


def build_loaded_model(data_home: str | Path | None = None) -> LoadedModel:
    """Fit the model on the development split of ``babe`` in the data home, with provenance."""
    from analysis.resources.datasets import DATASETS, locate_dataset, split_by_hash
    from analysis.resources.readers import read_babe

    folder = locate_dataset("babe", data_home)
    if folder is None:
        raise FileNotFoundError(
            f"babe is not in the data home {config.data_home(data_home)}; run 'python -m analysis "
            "fetch babe' or set FRAMING_DATA_HOME"
        )
    rows = [r for r in read_babe(folder) if split_by_hash(r["text"]) == "development"]
    provenance = {
        "dataset": "babe",
        "split": "development (analysis.resources.datasets.split_by_hash)",
        "source": DATASETS["babe"].files[0].url,
        "licence": DATASETS["babe"].licence,
        "file_sha256": {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("final_labels_*.csv"))
        },
    }
    return fit_loaded_model(
        [r["text"] for r in rows], np.array([r["label"] for r in rows]), provenance
    )
