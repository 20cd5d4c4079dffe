"""Sentence classifiers: logistic regression on TF-IDF blocks, stored as plain JSON.

A classifier reads each sentence through named views ("documents": its words,
and a document of the lexicon hits it holds), each weighted by TF-IDF with the
settings of its class's ``RECIPE``. The decision threshold on the predicted
probability is chosen over out-of-fold predictions on the training rows (seeded
stratified k-fold), by F1 of the positive class or by macro F1 (the recipe's
``average``), so no evaluation row chooses it. A model stores a hash of every
training sentence, so evaluation can tell the rows it saw from the rows it did not.

Subclasses (:class:`analysis.hedging.model.HedgeModel`,
:class:`analysis.loaded.model.LoadedModel`) give the recipe and
:meth:`TextClassifier.make_documents`.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, TypeVar

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from analysis import config
from analysis.resources.files import write_atomic
from analysis.stats.keys import hash_text
from analysis.stats.textfeatures import (
    decode_linear_model,
    encode_linear_model,
    fit_vocabulary,
    round_significant,
    weigh_blocks,
)


def describe_hits(hits, flag: str | None = None) -> str:
    """A lexicon document: ``cat_<category>`` then ``ent_<entry>`` per hit (objects with
    ``category`` and ``entry``), and ``flag`` once at the end when given."""
    tokens = [f"cat_{h.category}" for h in hits] + [
        "ent_" + h.entry.replace(" ", "_") for h in hits
    ]
    return " ".join(tokens + ([flag] if flag else []))


def select_documents(documents: dict[str, list[str]], rows) -> dict[str, list[str]]:
    """The documents of the given row positions."""
    return {name: [values[i] for i in rows] for name, values in documents.items()}


@dataclass
class TextClassifier:
    """A fitted classifier; :meth:`predict` gives 1 (positive class) or 0 per sentence."""

    RECIPE: ClassVar[dict] = {}
    POSITIVE: ClassVar[str] = "positive"
    """The name of the positive class (the provenance counts its training rows under it)."""
    MODEL_FILE: ClassVar[str] = ""
    """The file name of the fitted model in the local models folder."""

    vocabularies: dict[str, list[str]]
    idf: dict[str, np.ndarray]
    coefficients: np.ndarray
    intercept: float
    threshold: float = 0.5
    recipe: dict = field(default_factory=dict)
    training_hashes: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.recipe:
            self.recipe = json.loads(json.dumps(self.RECIPE))

    @staticmethod
    def make_documents(texts: list[str]) -> dict[str, list[str]]:
        """The named views of each sentence that the model reads."""
        raise NotImplementedError

    def features(self, documents: dict[str, list[str]]) -> sp.csr_matrix:
        """The feature matrix of :meth:`make_documents` output."""
        return sp.hstack(weigh_blocks(documents, self.recipe, self.vocabularies, self.idf)).tocsr()

    def predict_proba(
        self, texts: list[str], documents: dict[str, list[str]] | None = None
    ) -> np.ndarray:
        """Probability of the positive class per sentence (``documents``: their
        :meth:`make_documents`, if already made)."""
        if not len(texts):
            return np.zeros(0)
        raw = (
            np.asarray(
                self.features(documents or self.make_documents(texts)) @ self.coefficients
            ).ravel()
            + self.intercept
        )
        return 1.0 / (1.0 + np.exp(-raw))

    def predict(
        self, texts: list[str], documents: dict[str, list[str]] | None = None
    ) -> np.ndarray:
        """1 or 0 per sentence, at the model's threshold."""
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
    def local_path(cls) -> Path:
        """Where ``make models`` writes the fitted model
        (:func:`analysis.config.local_models_dir`)."""
        return config.local_models_dir() / cls.MODEL_FILE

    def write(self, path: Path | None = None) -> Path:
        """Write the model as JSON (to :meth:`local_path` by default); return the path."""
        path = path or self.local_path()
        write_atomic(path, self.to_json())
        return path

    @classmethod
    def load(cls, path: Path | None = None):
        """The model stored at ``path`` (:meth:`local_path` by default), or None when none was
        fitted there."""
        path = path or cls.local_path()
        return cls.from_json(path.read_text(encoding="utf-8")) if path.exists() else None

    @classmethod
    def from_json(cls, text: str):
        payload = decode_linear_model(text)
        names = (
            "vocabularies",
            "idf",
            "coefficients",
            "intercept",
            "threshold",
            "recipe",
            "training_hashes",
            "provenance",
        )
        return cls(**{name: payload[name] for name in names})


Model = TypeVar("Model", bound=TextClassifier)


def _fit(cls: type[Model], documents: dict[str, list[str]], labels: np.ndarray) -> Model:
    recipe = cls.RECIPE
    vocabularies, idf = {}, {}
    for name, texts in documents.items():
        vocabularies[name], idf[name] = fit_vocabulary(texts, recipe[name])
    model = cls(vocabularies, idf, np.zeros(0), 0.0)
    classifier = LogisticRegression(C=recipe["C"], max_iter=5000).fit(
        model.features(documents), labels
    )
    model.coefficients = classifier.coef_.ravel()
    model.intercept = float(classifier.intercept_[0])
    return model


def cross_validate(
    cls: type[Model],
    texts: list[str],
    labels: np.ndarray,
    documents: dict[str, list[str]] | None = None,
) -> np.ndarray:
    """Out-of-fold probabilities from the recipe's seeded stratified k-fold split.

    ``documents`` are the texts' :meth:`make_documents`, when already made; each
    sentence's lexicon hits are found once, not once per fold. With fewer rows of a class than
    the recipe has folds, there are as many folds as that class has rows; with fewer than two,
    ValueError.
    """
    texts = list(texts)
    labels = np.asarray(labels, dtype=int)
    smallest = int(np.bincount(labels, minlength=2).min()) if len(labels) else 0
    if smallest < 2:
        raise ValueError(
            f"{cls.__name__}: cross-validation needs two rows of each class at least; "
            f"the rows given have {smallest} of one"
        )
    documents = documents or cls.make_documents(texts)
    probabilities = np.zeros(len(texts))
    folds = StratifiedKFold(
        min(cls.RECIPE["folds"], smallest), shuffle=True, random_state=cls.RECIPE["seed"]
    )
    for train, test in folds.split(texts, labels):
        model = _fit(cls, select_documents(documents, train), labels[train])
        probabilities[test] = model.predict_proba(
            [texts[i] for i in test], select_documents(documents, test)
        )
    return probabilities


def score_f1(labels: np.ndarray, predicted: np.ndarray, average: str = "binary") -> float:
    """F1 of the positive class (``binary``) or the mean F1 of both classes (``macro``)."""
    return float(f1_score(labels, predicted, average=average, zero_division=0))


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, recipe: dict) -> float:
    """The threshold of the recipe's grid with the best F1 (the recipe's ``average``; lowest on
    ties)."""
    low, high, step = recipe["thresholds"]
    grid = np.round(np.arange(low, high + step / 2, step), 4)
    average = recipe.get("average", "binary")
    scores = [score_f1(labels, (probabilities >= t).astype(int), average) for t in grid]
    return float(grid[int(np.argmax(scores))])


def fit_classifier(
    cls: type[Model], texts: list[str], labels: np.ndarray, provenance: dict | None = None
) -> Model:
    """Fit the class's recipe on labelled sentences (1 = positive) and choose its threshold out of
    fold."""
    texts = list(texts)
    labels = np.asarray(labels, dtype=int)
    documents = cls.make_documents(texts)
    out_of_fold = cross_validate(cls, texts, labels, documents)
    model = _fit(cls, documents, labels)
    model.threshold = choose_threshold(out_of_fold, labels, cls.RECIPE)
    model.training_hashes = sorted({hash_text(t) for t in texts})
    average = cls.RECIPE.get("average", "binary")
    model.provenance = dict(provenance or {})
    model.provenance.update(
        {
            "rows": len(texts),
            cls.POSITIVE: int(labels.sum()),
            "cross_validated_f1"
            if average == "binary"
            else f"cross_validated_{average}_f1": round_significant(
                score_f1(labels, (out_of_fold >= model.threshold).astype(int), average)
            ),
            "scikit_learn": sklearn.__version__,
            "python": platform.python_version(),
        }
    )
    return model


def predict_rows(
    model: TextClassifier,
    texts: list[str],
    labels: np.ndarray,
    documents: dict[str, list[str]] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The model's 0/1 prediction per sentence, and whether it saw the sentence in fitting.

    Sentences the model was fitted on ("fitted") are scored out of fold by the
    model's recipe on those sentences alone, so no sentence is scored by a model
    that saw it; the others ("unseen") are scored by the model itself.

    Returns
    -------
    ``(predictions, model_rows)``: integer array, and an array of "fitted" / "unseen".
    """
    labels = np.asarray(labels, dtype=int)
    documents = documents or model.make_documents(texts)
    seen = set(model.training_hashes)
    fitted = np.array([hash_text(t) in seen for t in texts], dtype=bool)
    predictions = np.zeros(len(texts), dtype=int)
    rows = np.flatnonzero(fitted)
    if len(rows):
        probabilities = cross_validate(
            type(model), [texts[i] for i in rows], labels[rows], select_documents(documents, rows)
        )
        predictions[rows] = (probabilities >= model.threshold).astype(int)
    rows = np.flatnonzero(~fitted)
    if len(rows):
        predictions[rows] = model.predict(
            [texts[i] for i in rows], select_documents(documents, rows)
        )
    return predictions, np.where(fitted, "fitted", "unseen")
