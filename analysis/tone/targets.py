"""Tone toward a target: what a sentence says about one person it mentions, in three classes.

The voice-part method (:mod:`analysis.tone.score`) gives a mention the tone of the whole authorial
or quoted part it stands in, whatever that part says of someone else. This model reads the words
around the mention instead. Features of a mention (:func:`describe_target`):

- the words on each side of it, up to :data:`RECIPE` ``window`` words, each tagged with its side
  (``l_`` or ``r_``), TF-IDF weighted;
- the clause that holds it (from the last clause break before the mention to the first after
  it: commas, semicolons, colons, dashes, brackets, and "but", "however", "although" and the
  like), words and word pairs, the mention itself left out, TF-IDF weighted;
- lexicon features (:data:`DENSE_FEATURES`): VADER's compound score of the sentence, of the
  clause and of each side's window; the sums of positive and of negative VADER valences on each
  side and in the clause; whether the mention is inside a quotation; a negation within four words;
  whether the mention opens the sentence (a rough subject) or stands beside an attribution verb
  (a speaker); its place in the sentence.

With the recipe's ``mask_names`` the two TF-IDF views see the words with their names hidden
(:func:`analysis.tone.names.mask_names`, as in the sentence tone model: every capitalised word
but the sentence's first, and that one or a word in capitals unless the training sentences wrote
it in lower case, which the model keeps as ``known_words``), so that no person's name carries a
tone; the lexicon features read the words as written.

A multinomial logistic regression (balanced class weights) gives the three probabilities; the
tone toward the target is P(positive) − P(negative), on [−1, 1].

The model is fitted on the ``train`` file of NewsMTSC (Hamborg & Donnay 2021; MIT), whose rows
are news sentences with the sentiment of the sentence toward a person, by annotators. It is a JSON
file committed in ``analysis/resources/models/`` and rewritten by ``make models``, like the tone
model: vocabularies, idf weights, coefficients, the recipe, a hash of every training sentence and
the provenance; no pickle.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from analysis import config
from analysis.resources.files import write_atomic
from analysis.resources.lists import read_form_table
from analysis.stats.keys import hash_text
from analysis.stats.textfeatures import fit_vocabulary, round_significant, weigh_blocks
from analysis.text.quotes import find_quotations
from analysis.text.vader import score_vader_parts, vader_lexicon
from analysis.tone.cues import CLAUSE_BREAK, WORD, negations
from analysis.tone.model import prepare_text
from analysis.tone.names import find_lowercase_words, mask_names

CLASSES = ("negative", "neutral", "positive")
RECIPE = {
    "window": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 2},
    "clause": {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2},
    "window_words": 6,
    "dense_scale": 2.0,
    "mask_names": True,
    "C": 0.5,
    "folds": 5,
    "seed": 20250212,
}
"""Settings chosen by 5-fold cross-validation grouped by source article on NewsMTSC ``train``
only (windows of 4, 6 and 10 words; C of 0.3, 0.5, 1 and 3; with and without each block; in
issue 32, with and without the names hidden)."""

KNOWN_WORDS = {"analyzer": "word", "ngram_range": [1, 1], "min_df": 2}
"""How the words the fit saw in lower case are counted (:func:`find_lowercase_words`): a word in
two training sentences or more."""

DENSE_FEATURES = (
    "vader_sentence",
    "vader_clause",
    "vader_left",
    "vader_right",
    "positive_left",
    "negative_left",
    "positive_right",
    "negative_right",
    "positive_clause",
    "negative_clause",
    "quoted",
    "negation_near",
    "opens_sentence",
    "position",
    "beside_attribution_verb",
    "sentence_has_quotation",
)


@dataclass(frozen=True)
class TargetContext:
    """A mention in its sentence, cut the way the features read it."""

    sentence: str
    left: tuple[str, ...]
    """The words before the mention, in order."""
    right: tuple[str, ...]
    """The words after it, in order."""
    clause: str
    """The clause that holds the mention, without the mention."""
    quoted: bool
    """Whether the mention is inside a quotation."""


def describe_target(
    sentence: str, start: int, end: int, quoted: bool | None = None
) -> TargetContext:
    """The context of the mention ``sentence[start:end]``; ``quoted``: whether the mention is in
    quoted speech, when the caller knows it (read from the sentence's quotation marks when
    None)."""
    left, right = sentence[:start], sentence[end:]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(left)]
    lo = breaks[-1] if breaks else 0
    after = CLAUSE_BREAK.search(right)
    hi = end + after.start() if after else len(sentence)
    if quoted is None:
        quoted = any(q.start <= start < q.end for q in find_quotations(sentence))
    return TargetContext(
        sentence,
        tuple(WORD.findall(left)),
        tuple(WORD.findall(right)),
        sentence[lo:start] + " " + sentence[end:hi],
        quoted,
    )


def _valences(words, lexicon) -> tuple[float, float]:
    values = [lexicon.get(w.lower(), 0.0) for w in words]
    return sum(v for v in values if v > 0) / 4, sum(v for v in values if v < 0) / 4


def compute_target_features(
    contexts: list[TargetContext], window: int, cues: frozenset[str]
) -> np.ndarray:
    """The lexicon features of each context, in the order of :data:`DENSE_FEATURES`; ``cues``:
    the first words of the attribution verbs' forms."""
    lexicon = vader_lexicon()
    texts = []
    for c in contexts:
        texts += [c.sentence, c.clause, " ".join(c.left[-window:]), " ".join(c.right[:window])]
    prepared = [prepare_text(t) for t in texts]
    distinct = list(dict.fromkeys(prepared))  # a sentence once, not once per mention
    scored = dict(zip(distinct, score_vader_parts(distinct)[:, 0]))
    vader = np.array([scored[t] for t in prepared]).reshape(len(contexts), 4)
    rows = []
    negators = negations()
    for c in contexts:
        near = [w.lower() for w in c.left[-4:] + c.right[:4]]
        rows.append(
            (
                *_valences(c.left[-window:], lexicon),
                *_valences(c.right[:window], lexicon),
                *_valences(WORD.findall(c.clause), lexicon),
                float(c.quoted),
                float(any(w in negators for w in near)),
                float(len(c.left) <= 3),
                len(c.left) / 30,
                float(any(w.lower() in cues for w in c.right[:3] + c.left[-2:])),
                float(any(mark in c.sentence for mark in '“”"')),
            )
        )
    return np.hstack([vader, np.array(rows, dtype=float).reshape(len(contexts), 12)])


def make_target_documents(
    contexts: list[TargetContext], window: int, known: Collection[str] | None = None
) -> dict[str, list[str]]:
    """The two TF-IDF views of each context: the side-tagged window and the clause; with
    ``known`` (the words the fit saw in lower case), their names hidden
    (:func:`analysis.tone.names.mask_names`: the first word of the sentence is where a sentence
    begins, every other word of the window stands inside one)."""

    masked: dict[tuple[str, bool], str] = {}  # a word's masked form, once per call

    def mask(word: str, begins: bool) -> str:
        if (word, begins) not in masked:
            masked[word, begins] = mask_names(word, known, begins=begins)
        return masked[word, begins]

    def hide(words: tuple[str, ...], first: int) -> list[str]:
        if known is None:
            return list(words)
        return [w if w.islower() else mask(w, first + k == 0) for k, w in enumerate(words)]

    documents = {"window": [], "clause": []}
    for c in contexts:
        left = hide(c.left[-window:], max(len(c.left) - window, 0))
        right = hide(c.right[:window], len(c.left) + 1)
        documents["window"].append(
            " ".join(
                ["l_" + w.lower().replace("-", "_") for w in left]
                + ["r_" + w.lower().replace("-", "_") for w in right]
            )
        )
        clause = prepare_text(c.clause)
        documents["clause"].append(clause if known is None else mask_names(clause, known))
    return documents


@lru_cache(maxsize=1)
def attribution_cue_words() -> frozenset[str]:
    """The first word of every form of ``attribution_verbs.tsv`` ("said", "according"…); the
    sources measure reads the same list with its classes
    (:func:`analysis.sources.lexicons.read_attribution_verbs`)."""
    forms = read_form_table(
        config.wordlist_path("attribution_verbs.tsv"),
        ["entry", "class", "forms"],
        "class",
        "forms",
    )
    return frozenset(form.split()[0] for form in forms)


@dataclass
class TargetToneModel:
    """A fitted target-tone model; :meth:`score` gives P(positive) − P(negative) per mention."""

    vocabularies: dict[str, list[str]]
    idf: dict[str, np.ndarray]
    coefficients: np.ndarray
    """One row per class of :data:`CLASSES`."""
    intercepts: np.ndarray
    recipe: dict = field(default_factory=lambda: json.loads(json.dumps(RECIPE)))
    training_hashes: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    known_words: list[str] = field(default_factory=list)
    """The words the fit saw in lower case: a capitalised word where a sentence may begin, or a
    word in capitals, stays unmasked when it is one of them (with the recipe's ``mask_names``)."""

    def features(self, contexts: list[TargetContext]) -> sp.csr_matrix:
        window = self.recipe["window_words"]
        known = frozenset(self.known_words) if self.recipe.get("mask_names") else None
        blocks = weigh_blocks(
            make_target_documents(contexts, window, known),
            self.recipe,
            self.vocabularies,
            self.idf,
        )
        dense = compute_target_features(contexts, window, attribution_cue_words())
        blocks.append(sp.csr_matrix(dense * self.recipe["dense_scale"]))
        return sp.hstack(blocks).tocsr()

    def predict_proba(self, contexts: list[TargetContext]) -> np.ndarray:
        """The probability of each class of :data:`CLASSES`, one row per context."""
        if not len(contexts):
            return np.zeros((0, len(CLASSES)))
        raw = np.asarray(self.features(contexts) @ self.coefficients.T) + self.intercepts
        raw -= raw.max(axis=1, keepdims=True)
        odds = np.exp(raw)
        return odds / odds.sum(axis=1, keepdims=True)

    def predict(self, contexts: list[TargetContext]) -> np.ndarray:
        """The most probable class of each context."""
        return np.array(CLASSES, dtype=object)[self.predict_proba(contexts).argmax(axis=1)]

    def score(self, contexts: list[TargetContext]) -> np.ndarray:
        """P(positive) − P(negative) of each context, on [−1, 1]."""
        p = self.predict_proba(contexts)
        return p[:, 2] - p[:, 0]

    def to_json(self) -> str:
        payload = {
            "classes": list(CLASSES),
            "dense_features": list(DENSE_FEATURES),
            "coefficients": [[round_significant(v) for v in row] for row in self.coefficients],
            "intercepts": [round_significant(v) for v in self.intercepts],
            "vocabularies": self.vocabularies,
            "idf": {k: [round_significant(v) for v in vs] for k, vs in self.idf.items()},
            "recipe": self.recipe,
            "training_hashes": self.training_hashes,
            "provenance": self.provenance,
            "known_words": self.known_words,
        }
        return json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> TargetToneModel:
        payload = json.loads(text)
        return cls(
            payload["vocabularies"],
            {k: np.array(v, dtype=float) for k, v in payload["idf"].items()},
            np.array(payload["coefficients"], dtype=float),
            np.array(payload["intercepts"], dtype=float),
            payload["recipe"],
            payload["training_hashes"],
            payload["provenance"],
            payload.get("known_words", []),
        )


def fit_target_model(
    contexts: list[TargetContext], labels: list[str], provenance: dict | None = None
) -> TargetToneModel:
    """Fit :data:`RECIPE` on contexts and their classes (of :data:`CLASSES`)."""
    known = None
    if RECIPE["mask_names"]:
        sentences = [prepare_text(t) for t in dict.fromkeys(c.sentence for c in contexts)]
        known = find_lowercase_words(
            sentences, lambda masked: fit_vocabulary(masked, KNOWN_WORDS)[0]
        )
    documents = make_target_documents(contexts, RECIPE["window_words"], known)
    vocabularies, idf = {}, {}
    for name, texts in documents.items():
        vocabularies[name], idf[name] = fit_vocabulary(texts, RECIPE[name])
    model = TargetToneModel(
        vocabularies, idf, np.zeros((0, 0)), np.zeros(0), known_words=sorted(known or ())
    )
    with threadpool_limits(limits=1):  # one BLAS thread: the same sums from run to run
        regression = LogisticRegression(
            C=RECIPE["C"], max_iter=5000, tol=1e-8, class_weight="balanced"
        ).fit(model.features(contexts), np.asarray(labels, dtype=object))
    order = [list(regression.classes_).index(c) for c in CLASSES]
    model.coefficients = regression.coef_[order]
    model.intercepts = regression.intercept_[order]
    model.training_hashes = sorted({hash_text(c.sentence) for c in contexts})
    model.provenance = {
        **(provenance or {}),
        "targets": len(contexts),
        "scikit_learn": sklearn.__version__,
        "python": platform.python_version(),
    }
    return model


def cross_validate_target_model(
    contexts: list[TargetContext], labels: list[str], groups: list[str]
) -> np.ndarray:
    """Out-of-fold classes, the folds grouped by ``groups`` (a source article is never on both
    sides of a split)."""
    labels = np.asarray(labels, dtype=object)
    predicted = np.empty(len(contexts), dtype=object)
    for train, test in GroupKFold(RECIPE["folds"]).split(contexts, labels, groups):
        model = fit_target_model([contexts[i] for i in train], list(labels[train]))
        predicted[test] = model.predict([contexts[i] for i in test])
    return predicted


def list_targets(rows: list[dict]) -> tuple[list[TargetContext], list[str], list[str]]:
    """The mentions of NewsMTSC rows (:func:`analysis.resources.readers.read_newsmtsc`): their
    contexts, gold classes and source articles (the article part of each row's ``gid``; the
    sentence itself when there is none)."""
    contexts, labels, groups = [], [], []
    for row in rows:
        group = "_".join(row.get("gid", "").split("_")[:3]) or row["sentence"]
        for target in row["targets"]:
            contexts.append(describe_target(row["sentence"], target["from"], target["to"]))
            labels.append(target["polarity"])
            groups.append(group)
    return contexts, labels, groups


def target_model_path() -> Path:
    return config.MODELS_DIR / "target_tone_newsmtsc.json"


def write_target_model(model: TargetToneModel, path: Path | None = None) -> Path:
    path = path or target_model_path()
    write_atomic(path, model.to_json())
    return path


@lru_cache(maxsize=4)
def load_target_model(path: Path | None = None) -> TargetToneModel:
    """The committed model (or the one at ``path``)."""
    path = path or target_model_path()
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: no fitted target-tone model; run 'make models' (needs newsmtsc in the data "
            "home)"
        )
    return TargetToneModel.from_json(path.read_text(encoding="utf-8"))


def build_target_model(data_home: str | Path | None = None) -> TargetToneModel:
    """Fit the model on NewsMTSC ``train`` in the data home, with its provenance: the file read
    and its SHA-256, and the recipe's out-of-fold macro F1 (folds grouped by source article)."""
    from analysis.resources.datasets import DATASETS, locate_dataset
    from analysis.resources.readers import read_newsmtsc

    folder = locate_dataset("newsmtsc", data_home)
    if folder is None or not (folder / "train.jsonl").exists():
        raise FileNotFoundError(
            f"newsmtsc/train.jsonl is not in the data home {config.data_home(data_home)}; run "
            "'python -m analysis fetch newsmtsc' or set FRAMING_DATA_HOME"
        )
    contexts, labels, groups = list_targets(read_newsmtsc(folder)["train"])
    out_of_fold = cross_validate_target_model(contexts, labels, groups)
    provenance = {
        "dataset": "newsmtsc",
        "split": "train",
        "source": DATASETS["newsmtsc"].files[0].url,
        "licence": DATASETS["newsmtsc"].licence,
        "file_sha256": hashlib.sha256((folder / "train.jsonl").read_bytes()).hexdigest(),
        "cross_validated_macro_f1": round_significant(
            float(f1_score(labels, list(out_of_fold), labels=list(CLASSES), average="macro"))
        ),
        "folds": f"{RECIPE['folds']}, grouped by source article",
    }
    return fit_target_model(contexts, labels, provenance)
