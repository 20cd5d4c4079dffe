"""A news-calibrated tone model: ridge regression on human ratings of NYT sentences.

Features (all from the sentence alone):

- VADER's four scores (compound, pos, neg, neu), and the sums of the positive
  and negative valences of the VADER lexicon words (see
  :func:`compute_dense_features`);
- the polarity and subjectivity of the Pattern lexicon (De Smedt & Daelemans
  2012), as shipped in ``textblob`` (the numbers ``textblob`` gives, computed by
  :mod:`analysis.tone.pattern`);
- the VADER lexicon valences again, with each word in a negation's scope turned round
  (:func:`analysis.tone.cues.compute_negation_features`);
- word unigrams and character 2–5-grams inside word boundaries, TF-IDF weighted
  (sublinear term frequency, smoothed idf, rows L2-normalised), with the
  minimum document frequencies of :data:`RECIPE`.

With the recipe's ``mask_names``, every feature but VADER's four scores is computed on the text
with its names hidden (:func:`analysis.tone.names.mask_names`): a capitalised word inside a
sentence, an @handle, and a capitalised word at a sentence's start or a word in capitals unless
the fitted word vocabulary knows it in lower case. The model then learns no weight for a person,
a place or an institution. VADER reads the sentence as written (its lexicon has no names; its
scores are the ones the kit's ``tone_vader`` column has already computed, so they come from its
cache).

The target is the mean rating of about 20 people on the −4..+4 scale (Hutto &
Gilbert 2014, ``vader_nyt``); predictions are divided by 4 and clipped to
[−1, 1], so they sit on the same scale as VADER's compound score.

The recipe's auxiliary rows are fitted beside the rated sentences: the sentences of NewsMTSC
``train`` (Hamborg & Donnay 2021, MIT; news sentences with the sentiment toward each person they
mention, by annotators), each rated the mean of its targets' polarities (−1, 0, +1) times the
recipe's ``scale`` and weighted by its ``weight`` (:data:`NEWSMTSC_AUXILIARY`,
:func:`rate_newsmtsc_sentences`). They join the training side of every fold and are never
scored.

The fitted model is a JSON file (vocabularies, idf weights, coefficients, the
ids of the sentences it was fitted on and its provenance), committed in
``analysis/resources/models/`` and rewritten by ``make models``. No pickle is involved:
:meth:`ToneModel.predict` rebuilds the features from the stored vocabularies.
"""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold, KFold
from threadpoolctl import threadpool_limits

from analysis import config
from analysis.resources.files import write_atomic
from analysis.stats.textfeatures import (
    VocabularyCounter,
    decode_linear_model,
    encode_linear_model,
    fit_vocabulary,
    round_significant,
    weigh_blocks,
)
from analysis.text.segment import normalise_quotes
from analysis.text.vader import score_vader_parts, vader_lexicon
from analysis.tone.cues import NEGATION_FEATURES, compute_negation_features
from analysis.tone.names import find_lowercase_words, mask_names
from analysis.tone.pattern import score_pattern_sentiment

NEWSMTSC_AUXILIARY = {"dataset": "newsmtsc", "split": "train", "scale": 1.5, "weight": 0.25}
"""The auxiliary rows of :data:`RECIPE`: NewsMTSC ``train``'s sentences, rated 1.5 times the mean
of their targets' polarities and weighted a quarter of a rated NYT sentence."""

RECIPE = {
    "word": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 2},
    "char": {"analyzer": "char_wb", "ngram_range": [2, 5], "min_df": 3},
    "dense_scale": 3.0,
    "alpha": 6.0,
    "pattern": True,
    "negation": True,
    "mask_names": True,
    "auxiliary": NEWSMTSC_AUXILIARY,
    "folds": 5,
    "seed": 20250212,
}
"""Feature and fitting settings, chosen by 5-fold cross-validation on the development rows only
(folds grouped by editorial; the negation features, the name masking and the auxiliary rows
under three more partitions of the editorials into folds). What each part earns is printed by
``python -m analysis validate tone`` (:func:`analysis.evaluation.tone.ablate_tone_recipe`).

The auxiliary rows came in with the name masking. Without it, NewsMTSC's sentences taught the
model the names of the people they are about ("trump" became its most negative word), so that a
sentence would read negative for whom it names; with the names hidden at fit and at scoring the
model has no word for a person."""

SOLVER_TOLERANCE = 1e-10
"""The conjugate-gradient solver's tolerance: far below the 6 significant digits the model is
written with, so that a refit on the same kind of machine writes the same file (scikit-learn's
default, 1e-4, left differences in the last digits from run to run). On another processor, whose
BLAS kernels add in another order, a coefficient may differ by a unit in its last digit."""

DENSE_FEATURES = (
    "vader_compound",
    "vader_pos",
    "vader_neg",
    "vader_neu",
    "vader_compound_signed_square",
    "lexicon_positive_per_root_word",
    "lexicon_negative_per_root_word",
    "lexicon_positive_tanh",
    "lexicon_negative_tanh",
    "pattern_polarity",
    "pattern_subjectivity",
    *NEGATION_FEATURES,
)
"""Every dense feature a recipe may use, in order; :func:`name_dense_features` gives those of one
recipe."""
PATTERN_FEATURES = ("pattern_polarity", "pattern_subjectivity")
SCALE = 4.0
"""The human rating scale runs from −SCALE to +SCALE."""


def prepare_text(text: str) -> str:
    """The text the features see: straight quotation marks, Treebank-style ``''`` and ````` as
    ``"``."""
    return normalise_quotes(text).replace("''", '"').replace("``", '"')


def name_dense_features(recipe: dict) -> tuple[str, ...]:
    """The dense features of ``recipe``, in order: :data:`DENSE_FEATURES` without Pattern's when
    its ``pattern`` is false, without the negation features unless its ``negation`` is true."""
    left_out = (PATTERN_FEATURES if not recipe.get("pattern", True) else ()) + (
        NEGATION_FEATURES if not recipe.get("negation", False) else ()
    )
    return tuple(name for name in DENSE_FEATURES if name not in left_out)


def compute_dense_features(
    texts: list[str], recipe: dict | None = None, vader_texts: list[str] | None = None
) -> np.ndarray:
    """The lexicon features of each text, in the order of :func:`name_dense_features` of
    ``recipe`` (:data:`RECIPE` when None); ``vader_texts``: the texts VADER's four scores (and
    the square of its compound) are read from, when not ``texts`` (the tone model gives VADER the
    sentences as written and the other features the sentences with their names hidden).

    VADER's four scores and the signed square of its compound (letting the fit
    bend VADER's curve); the sums of the positive and of the negative VADER
    lexicon valences of the words (looked up without VADER's rules), divided by
    the square root of the word count and, separately, squashed by tanh(x/4);
    Pattern's polarity and subjectivity; the negation features of
    :func:`analysis.tone.cues.compute_negation_features`.
    """
    recipe = RECIPE if recipe is None else recipe
    lexicon = vader_lexicon()
    vader = score_vader_parts(texts if vader_texts is None else vader_texts)
    rows = []
    for text, compound in zip(texts, vader[:, 0]):
        words = [w.strip(_WORD_EDGES).lower() for w in text.split()]
        valences = [lexicon[w] for w in words if w in lexicon]
        positive = sum(v for v in valences if v > 0)
        negative = sum(v for v in valences if v < 0)
        root = np.sqrt(max(len(words), 1))
        rows.append(
            (
                compound * abs(compound),
                positive / root,
                negative / root,
                np.tanh(positive / 4),
                np.tanh(negative / 4),
            )
        )
    blocks = [vader, np.array(rows, dtype=float).reshape(len(texts), 5)]
    if recipe.get("pattern", True):
        blocks.append(
            np.array([score_pattern(t) for t in texts], dtype=float).reshape(len(texts), 2)
        )
    if recipe.get("negation", False):
        blocks.append(compute_negation_features(texts, lexicon))
    return np.hstack(blocks)


@lru_cache(maxsize=100_000)
def score_pattern(text: str) -> tuple[float, float]:
    """Pattern's polarity and subjectivity of a text (what ``textblob``'s PatternAnalyzer returns,
    computed by :func:`analysis.tone.pattern.score_pattern_sentiment`), cached by text like
    VADER's scores: a cross-validation scores each text in every fold."""
    polarity, subjectivity = score_pattern_sentiment(text)
    return float(polarity), float(subjectivity)


_WORD_EDGES = ".,;:!?\"'()[]{}"


@dataclass
class ToneModel:
    """A fitted tone model; :meth:`predict` gives scores on [−1, 1]."""

    vocabularies: dict[str, list[str]]
    idf: dict[str, np.ndarray]
    coefficients: np.ndarray
    intercept: float
    recipe: dict = field(default_factory=lambda: dict(RECIPE))
    training_ids: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    counters: dict[str, VocabularyCounter] = field(default_factory=dict, repr=False, compare=False)
    """Each TF-IDF block's counter, kept between calls: a word's n-grams are cut once per
    process (the loaded model is kept by :func:`load_tone_model`)."""
    known: frozenset[str] | None = field(default=None, repr=False, compare=False)
    """The words a capitalised word may be and stay unmasked when the recipe masks names: the
    word vocabulary (:func:`analysis.tone.names.find_lowercase_words`), set on first use."""

    def features(self, texts: list[str]) -> sp.csr_matrix:
        written = [prepare_text(t) for t in texts]
        prepared = written
        if self.recipe.get("mask_names", False):
            if self.known is None:
                self.known = frozenset(self.vocabularies["word"])
            prepared = [mask_names(t, self.known) for t in written]
        for name in ("word", "char"):
            if name not in self.counters:
                self.counters[name] = VocabularyCounter(self.recipe[name], self.vocabularies[name])
        blocks = weigh_blocks(
            {"word": prepared, "char": prepared},
            self.recipe,
            self.vocabularies,
            self.idf,
            self.counters,
        )
        dense = compute_dense_features(prepared, self.recipe, written)
        blocks.append(sp.csr_matrix(dense * self.recipe["dense_scale"]))
        return sp.hstack(blocks).tocsr()

    def predict(self, texts: list[str]) -> np.ndarray:
        """Tone of each text on [−1, 1] (the human scale divided by 4)."""
        if not len(texts):
            return np.zeros(0)
        raw = self.features(list(texts)) @ self.coefficients + self.intercept
        return np.clip(np.asarray(raw).ravel() / SCALE, -1.0, 1.0)

    def predict_optional(self, texts: list[str | None]) -> np.ndarray:
        """:meth:`predict` for the texts that are not None; NaN for the others.

        Each distinct text is scored once (a sentence's authorial part is often
        the whole sentence); a text's score does not depend on the others'.
        """
        distinct = list(dict.fromkeys(t for t in texts if t is not None))
        scored = dict(zip(distinct, self.predict(distinct)))
        return np.array([np.nan if t is None else scored[t] for t in texts], dtype=float)

    def to_json(self) -> str:
        return encode_linear_model(
            self.vocabularies,
            self.idf,
            self.coefficients,
            self.intercept,
            provenance=self.provenance,
            recipe=self.recipe,
            dense_features=list(name_dense_features(self.recipe)),
            training_ids=self.training_ids,
        )

    @classmethod
    def from_json(cls, text: str) -> ToneModel:
        payload = decode_linear_model(text)
        fields = (
            "vocabularies",
            "idf",
            "coefficients",
            "intercept",
            "recipe",
            "training_ids",
            "provenance",
        )
        return cls(**{name: payload[name] for name in fields})


def fit_tone_model(
    texts: list[str],
    ratings: np.ndarray,
    ids: list[str] | None = None,
    provenance: dict | None = None,
    auxiliary: tuple[list[str], np.ndarray] | None = None,
    recipe: dict | None = None,
) -> ToneModel:
    """Fit the model of ``recipe`` (:data:`RECIPE` when None) on texts and their mean human
    ratings (−4..+4); ``auxiliary``: further texts and ratings, each weighted by the recipe's
    ``auxiliary`` ``weight`` (their texts join the vocabularies too)."""
    recipe = dict(RECIPE if recipe is None else recipe)
    extra_texts, extra_ratings = auxiliary if auxiliary is not None else ([], np.zeros(0))
    weight = recipe["auxiliary"]["weight"] if recipe.get("auxiliary") else 0.0
    all_texts = list(texts) + list(extra_texts)
    prepared = [prepare_text(t) for t in all_texts]
    if recipe.get("mask_names", False):
        known = find_lowercase_words(
            prepared, lambda masked: fit_vocabulary(masked, recipe["word"])[0]
        )
        prepared = [mask_names(t, known) for t in prepared]
    vocabularies, idf = {}, {}
    for name in ("word", "char"):
        vocabularies[name], idf[name] = fit_vocabulary(prepared, recipe[name])
    model = ToneModel(
        vocabularies, idf, np.zeros(0), 0.0, recipe, list(ids or []), dict(provenance or {})
    )
    targets = np.concatenate([np.asarray(ratings, dtype=float), np.asarray(extra_ratings, float)])
    weights = np.concatenate([np.ones(len(texts)), np.full(len(extra_texts), weight)])
    with threadpool_limits(
        limits=1
    ):  # one BLAS thread: the sums run in one order from run to run (each processor's own)
        regression = Ridge(alpha=recipe["alpha"], solver="sparse_cg", tol=SOLVER_TOLERANCE).fit(
            model.features(all_texts), targets, sample_weight=weights
        )
    model.coefficients = regression.coef_
    model.intercept = float(regression.intercept_)
    model.provenance.setdefault("scikit_learn", sklearn.__version__)
    model.provenance.setdefault("python", platform.python_version())
    model.provenance.setdefault("rows", len(texts))
    return model


def group_by_editorial(ids: list[str]) -> list[str]:
    """The document of each ``vader_nyt`` id: the part before its first underscore ("12" of
    "12_3", the editorial; sentences of one editorial share its writer and its topic), or the
    whole id when it has none."""
    return [str(i).split("_", 1)[0] for i in ids]


def cross_validate_tone_model(
    texts: list[str],
    ratings: np.ndarray,
    groups: list[str] | None = None,
    auxiliary: tuple[list[str], np.ndarray] | None = None,
    recipe: dict | None = None,
) -> np.ndarray:
    """Out-of-fold predictions (on [−1, 1]) from the recipe's k-fold split: folds grouped by
    ``groups`` (a document never on both sides) when given and at least as many as the folds,
    else a seeded shuffle of the rows. ``auxiliary`` rows join every fold's training side."""
    recipe = RECIPE if recipe is None else recipe
    texts = list(texts)
    ratings = np.asarray(ratings, dtype=float)
    predictions = np.zeros(len(texts))
    if groups is not None and len(set(groups)) >= recipe["folds"]:
        split = GroupKFold(recipe["folds"]).split(texts, ratings, groups)
    else:
        split = KFold(recipe["folds"], shuffle=True, random_state=recipe["seed"]).split(texts)
    for train, test in split:
        model = fit_tone_model(
            [texts[i] for i in train], ratings[train], auxiliary=auxiliary, recipe=recipe
        )
        predictions[test] = model.predict([texts[i] for i in test])
    return predictions


def rate_newsmtsc_sentences(rows: list[dict], scale: float) -> tuple[list[str], np.ndarray]:
    """Each distinct NewsMTSC sentence (rows of :func:`analysis.resources.readers.read_newsmtsc`),
    in order of first appearance, with a rating: the mean polarity of all its targets (negative
    −1, neutral 0, positive +1) times ``scale``."""
    values = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
    polarities: dict[str, list[float]] = {}
    for row in rows:
        polarities.setdefault(row["sentence"], []).extend(
            values[t["polarity"]] for t in row["targets"]
        )
    texts = [text for text, found in polarities.items() if found]
    return texts, np.array([scale * np.mean(polarities[t]) for t in texts], dtype=float)


def read_auxiliary_rows(
    recipe: dict | None = None, data_home: str | Path | None = None
) -> tuple[tuple[list[str], np.ndarray], dict] | None:
    """The recipe's auxiliary texts and ratings from the data home, with their provenance (data
    set, file, its SHA-256, sentences, scale and weight); None when the recipe has none or the
    data set is not in the data home."""
    from analysis.resources.datasets import DATASETS, locate_dataset
    from analysis.resources.readers import read_newsmtsc

    spec = (RECIPE if recipe is None else recipe).get("auxiliary")
    if not spec:
        return None
    folder = locate_dataset(spec["dataset"], data_home)
    if folder is None:
        return None
    path = folder / f"{spec['split']}.jsonl"
    if not path.exists():
        return None
    texts, ratings = rate_newsmtsc_sentences(read_newsmtsc(folder)[spec["split"]], spec["scale"])
    provenance = {
        "dataset": spec["dataset"],
        "licence": DATASETS[spec["dataset"]].licence,
        "file": path.name,
        "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "sentences": len(texts),
        "scale": spec["scale"],
        "weight": spec["weight"],
    }
    return (texts, ratings), provenance


def tone_model_path() -> Path:
    return config.MODELS_DIR / "tone_nyt.json"


def write_tone_model(model: ToneModel, path: Path | None = None) -> Path:
    path = path or tone_model_path()
    write_atomic(path, model.to_json())
    return path


@lru_cache(maxsize=4)
def load_tone_model(path: Path | None = None) -> ToneModel:
    """The committed model (or the one at ``path``)."""
    path = path or tone_model_path()
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: no fitted tone model; run 'make models' (needs vader_nyt in the data home)"
        )
    return ToneModel.from_json(path.read_text(encoding="utf-8"))


def build_tone_model(data_home: str | Path | None = None) -> ToneModel:
    """Fit the model on every ``vader_nyt`` row in the data home and the recipe's auxiliary rows
    (:func:`read_auxiliary_rows`), with its provenance.

    The provenance records the data set, the file read and its SHA-256, the row
    count and the out-of-fold Pearson r of the recipe on those rows, folds grouped by editorial,
    and the auxiliary rows' own provenance.
    """
    from analysis.resources.datasets import DATASETS, locate_dataset
    from analysis.resources.readers import read_vader_nyt

    folder = locate_dataset("vader_nyt", data_home)
    if folder is None:
        raise FileNotFoundError(
            f"vader_nyt is not in the data home {config.data_home(data_home)}; "
            "run 'python -m analysis fetch vader_nyt' or set FRAMING_DATA_HOME"
        )
    rows = read_vader_nyt(folder)
    texts = [r["text"] for r in rows]
    ratings = np.array([r["rating"] for r in rows])
    read = folder / "nytEditorialSnippets_GroundTruth.txt"
    read = read if read.exists() else folder / "hutto_ICWSM_2014.tar.gz"
    ids = [r["id"] for r in rows]
    found = read_auxiliary_rows(RECIPE, data_home)
    if found is None and RECIPE.get("auxiliary"):
        spec = RECIPE["auxiliary"]
        raise FileNotFoundError(
            f"{spec['dataset']} ({spec['split']}.jsonl) is not in the data home "
            f"{config.data_home(data_home)}; the tone model's recipe trains on it too: run "
            f"'python -m analysis fetch {spec['dataset']}' or set FRAMING_DATA_HOME"
        )
    auxiliary, auxiliary_provenance = found if found is not None else (None, None)
    out_of_fold = cross_validate_tone_model(
        texts, ratings, group_by_editorial(ids), auxiliary=auxiliary
    )
    provenance = {
        "dataset": "vader_nyt",
        "source": DATASETS["vader_nyt"].files[0].url,
        "licence": DATASETS["vader_nyt"].licence,
        "file": read.name,
        "file_sha256": hashlib.sha256(read.read_bytes()).hexdigest(),
        "cross_validated_pearson_r": round_significant(
            float(np.corrcoef(out_of_fold, ratings)[0, 1])
        ),
        "folds": f"{RECIPE['folds']}, grouped by editorial (the id before its underscore)",
    }
    if auxiliary_provenance is not None:
        provenance["auxiliary"] = auxiliary_provenance
    return fit_tone_model(texts, ratings, ids, provenance, auxiliary=auxiliary)
