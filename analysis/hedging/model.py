"""A sentence classifier of uncertainty: logistic regression on cues and words.

Features of a sentence:

- the cues :func:`analysis.hedging.cues.find_cues` finds, as tokens of a "cue
  document" (``cat_<category>`` and ``ent_<entry>`` per cue, and ``anyhedge``
  once when there is a hedge), TF-IDF weighted;
- word unigrams and bigrams, TF-IDF weighted (sublinear term frequency, smoothed
  idf, rows L2-normalised), with the minimum document frequency of :data:`RECIPE`.

The decision threshold on the predicted probability is the one that maximises
F1 of the uncertain class over out-of-fold predictions on the training rows
(seeded stratified k-fold), so no evaluation row chooses it.

The model is fitted on ``wikiweasel`` (CoNLL-2010 Wikipedia sentences), whose
licence is unclear: it is written to the local models folder
(:func:`analysis.config.local_models_dir`) by ``make models`` and never
committed. It is plain JSON (vocabularies, idf weights, coefficients, threshold,
a hash of every training sentence, provenance); no pickle is involved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from analysis import config
from analysis.hedging.cues import find_cues
from analysis.stats.classifier import TextClassifier, cross_validate, describe_hits, fit_classifier

RECIPE = {
    "word": {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2},
    "cue": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
    "C": 2.0,
    "folds": 5,
    "seed": 20250212,
    "thresholds": [0.1, 0.8, 0.01],
}
"""The recipe, chosen by out-of-fold F1 on the wikiweasel training split only."""


def describe_cues(text: str) -> str:
    """The cue document of a sentence: one token per cue category and entry found."""
    cues = find_cues(text)
    return describe_hits(cues, "anyhedge" if any(c.kind == "hedge" for c in cues) else None)


def make_documents(texts: list[str]) -> dict[str, list[str]]:
    """The two views of each sentence the model reads: its words and its cue document."""
    return {"word": list(texts), "cue": [describe_cues(t) for t in texts]}


@dataclass
class HedgeModel(TextClassifier):
    """The uncertainty classifier; :meth:`predict` gives 1 (uncertain) or 0 per sentence."""

    RECIPE: ClassVar[dict] = RECIPE
    MODEL_FILE: ClassVar[str] = "hedging_wikiweasel.json"
    POSITIVE: ClassVar[str] = "uncertain"

    @staticmethod
    def make_documents(texts: list[str]) -> dict[str, list[str]]:
        return make_documents(texts)


def cross_validate_hedge_model(
    texts: list[str], labels: np.ndarray, documents: dict[str, list[str]] | None = None
) -> np.ndarray:
    """Out-of-fold probabilities of the recipe (see
    :func:`analysis.stats.classifier.cross_validate`)."""
    return cross_validate(HedgeModel, texts, labels, documents)


def fit_hedge_model(
    texts: list[str], labels: np.ndarray, provenance: dict | None = None
) -> HedgeModel:
    """Fit the recipe on labelled sentences (1 = uncertain) and choose its threshold out of
    fold."""
    return fit_classifier(HedgeModel, texts, labels, provenance)


def build_hedge_model(data_home: str | Path | None = None) -> HedgeModel:
    """Fit the model on the ``wikiweasel`` training split in the data home, with provenance."""
    from analysis.resources.datasets import DATASETS, locate_dataset
    from analysis.resources.readers import read_wikiweasel

    folder = locate_dataset("wikiweasel", data_home)
    if folder is None or not (folder / "train.csv").exists():
        raise FileNotFoundError(
            f"wikiweasel/train.csv is not in the data home {config.data_home(data_home)}; "
            "run 'python -m analysis fetch wikiweasel' or set FRAMING_DATA_HOME"
        )
    rows = read_wikiweasel(folder)["train"]
    provenance = {
        "dataset": "wikiweasel",
        "split": "train",
        "source": DATASETS["wikiweasel"].files[0].url,
        "licence": DATASETS["wikiweasel"].licence,
        "file_sha256": hashlib.sha256((folder / "train.csv").read_bytes()).hexdigest(),
    }
    return fit_hedge_model(
        [r["text"] for r in rows], np.array([r["label"] for r in rows]), provenance
    )
