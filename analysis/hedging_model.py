"""A sentence classifier of uncertainty: logistic regression on cues and words.

Features of a sentence:

- the cues :func:`analysis.hedging.find_cues` finds, as tokens of a "cue
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
import json
import platform
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from analysis import config
from analysis.hedging import find_cues
from analysis.textfeatures import (
    decode_linear_model,
    encode_linear_model,
    fit_vocabulary,
    round_significant,
    weigh_blocks,
)

RECIPE = {
    "word": {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2},
    "cue": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
    "C": 2.0,
    "folds": 5,
    "seed": 20250212,
    "thresholds": [0.1, 0.8, 0.01],
}
"""The recipe, chosen by out-of-fold F1 on the wikiweasel training split only."""

MODEL_FILE = "hedging_wikiweasel.json"


def describe_cues(text: str) -> str:
    """The cue document of a sentence: one token per cue category and entry found."""
    cues = find_cues(text)
    tokens = [f"cat_{c.category}" for c in cues] + ["ent_" + c.entry.replace(" ", "_") for c in cues]
    if any(c.kind == "hedge" for c in cues):
        tokens.append("anyhedge")
    return " ".join(tokens)


def hash_text(text: str) -> str:
    """A short stable key of a sentence (whitespace-insensitive), to know which rows a model saw."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass
class HedgeModel:
    """A fitted classifier; :meth:`predict` gives 1 (uncertain) or 0 per sentence."""

    vocabularies: dict[str, list[str]]
    idf: dict[str, np.ndarray]
    coefficients: np.ndarray
    intercept: float
    threshold: float = 0.5
    recipe: dict = field(default_factory=lambda: json.loads(json.dumps(RECIPE)))
    training_hashes: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)

    def features(self, documents: dict[str, list[str]]) -> sp.csr_matrix:
        """The feature matrix of :func:`make_documents` output."""
        return sp.hstack(weigh_blocks(documents, self.recipe, self.vocabularies, self.idf)).tocsr()

    def predict_proba(self, texts: list[str], documents: dict[str, list[str]] | None = None) -> np.ndarray:
        """Probability that each sentence is uncertain (``documents``: their :func:`make_documents`, if already made)."""
        if not len(texts):
            return np.zeros(0)
        raw = np.asarray(self.features(documents or make_documents(texts)) @ self.coefficients).ravel() + self.intercept
        return 1.0 / (1.0 + np.exp(-raw))

    def predict(self, texts: list[str], documents: dict[str, list[str]] | None = None) -> np.ndarray:
        """1 (uncertain) or 0 per sentence, at the model's threshold."""
        return (self.predict_proba(texts, documents) >= self.threshold).astype(int)

    def to_json(self) -> str:
        return encode_linear_model(
            self.vocabularies,
            self.idf,
            self.coefficients,
            self.intercept,
            provenance=self.provenance,
            recipe=self.recipe,
            threshold=self.threshold,
            training_hashes=self.training_hashes,
        )

    @classmethod
    def from_json(cls, text: str) -> HedgeModel:
        payload = decode_linear_model(text)
        fields = ("vocabularies", "idf", "coefficients", "intercept", "threshold", "recipe", "training_hashes", "provenance")
        return cls(**{name: payload[name] for name in fields})


def make_documents(texts: list[str]) -> dict[str, list[str]]:
    """The two views of each sentence the model reads: its words and its cue document."""
    return {"word": list(texts), "cue": [describe_cues(t) for t in texts]}


def select_documents(documents: dict[str, list[str]], rows) -> dict[str, list[str]]:
    """The documents of the given row positions."""
    return {name: [values[i] for i in rows] for name, values in documents.items()}


def _fit(documents: dict[str, list[str]], labels: np.ndarray) -> HedgeModel:
    vocabularies, idf = {}, {}
    for name, texts in documents.items():
        vocabularies[name], idf[name] = fit_vocabulary(texts, RECIPE[name])
    model = HedgeModel(vocabularies, idf, np.zeros(0), 0.0)
    classifier = LogisticRegression(C=RECIPE["C"], max_iter=5000).fit(model.features(documents), labels)
    model.coefficients = classifier.coef_.ravel()
    model.intercept = float(classifier.intercept_[0])
    return model


def cross_validate_hedge_model(texts: list[str], labels: np.ndarray, documents: dict[str, list[str]] | None = None) -> np.ndarray:
    """Out-of-fold probabilities from the recipe's seeded stratified k-fold split.

    ``documents`` are the texts' :func:`make_documents`, when already made; each
    sentence's cues are found once, not once per fold.
    """
    texts = list(texts)
    labels = np.asarray(labels, dtype=int)
    documents = documents or make_documents(texts)
    probabilities = np.zeros(len(texts))
    folds = StratifiedKFold(RECIPE["folds"], shuffle=True, random_state=RECIPE["seed"])
    for train, test in folds.split(texts, labels):
        model = _fit(select_documents(documents, train), labels[train])
        probabilities[test] = model.predict_proba([texts[i] for i in test], select_documents(documents, test))
    return probabilities


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """The threshold of the recipe's grid with the best F1 of the uncertain class (lowest on ties)."""
    low, high, step = RECIPE["thresholds"]
    grid = np.round(np.arange(low, high + step / 2, step), 4)
    scores = [f1_score(labels, (probabilities >= t).astype(int), zero_division=0) for t in grid]
    return float(grid[int(np.argmax(scores))])


def fit_hedge_model(texts: list[str], labels: np.ndarray, provenance: dict | None = None) -> HedgeModel:
    """Fit the recipe on labelled sentences (1 = uncertain) and choose its threshold out of fold."""
    texts = list(texts)
    labels = np.asarray(labels, dtype=int)
    documents = make_documents(texts)
    out_of_fold = cross_validate_hedge_model(texts, labels, documents)
    model = _fit(documents, labels)
    model.threshold = choose_threshold(out_of_fold, labels)
    model.training_hashes = sorted({hash_text(t) for t in texts})
    model.provenance = dict(provenance or {})
    model.provenance.update(
        rows=len(texts),
        uncertain=int(labels.sum()),
        cross_validated_f1=round_significant(f1_score(labels, (out_of_fold >= model.threshold).astype(int))),
        scikit_learn=sklearn.__version__,
        python=platform.python_version(),
    )
    return model


def hedge_model_path() -> Path:
    return config.local_models_dir() / MODEL_FILE


def write_hedge_model(model: HedgeModel, path: Path | None = None) -> Path:
    path = path or hedge_model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(model.to_json(), encoding="utf-8", newline="\n")
    return path


def load_hedge_model(path: Path | None = None) -> HedgeModel | None:
    """The locally fitted model, or None when ``make models`` has not fitted one."""
    path = path or hedge_model_path()
    return HedgeModel.from_json(path.read_text(encoding="utf-8")) if path.exists() else None


def build_hedge_model(data_home: str | Path | None = None) -> HedgeModel:
    """Fit the model on the ``wikiweasel`` training split in the data home, with provenance."""
    from analysis.datasets import DATASETS, locate_dataset, read_wikiweasel

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
    return fit_hedge_model([r["text"] for r in rows], np.array([r["label"] for r in rows]), provenance)
