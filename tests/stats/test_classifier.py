"""Sentence classifiers on TF-IDF blocks, stored as JSON (analysis.stats.classifier)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import ClassVar

import numpy as np
import pytest

from analysis.stats.classifier import (
    TextClassifier,
    choose_threshold,
    cross_validate,
    describe_hits,
    fit_classifier,
    predict_rows,
    score_f1,
    select_documents,
)


@dataclass
class WordModel(TextClassifier):
    """The smallest classifier: one block of words."""

    RECIPE: ClassVar[dict] = {
        "word": {"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
        "C": 10.0,
        "folds": 4,
        "seed": 1,
        "thresholds": [0.1, 0.9, 0.1],
    }
    POSITIVE: ClassVar[str] = "alarmed"
    MODEL_FILE: ClassVar[str] = "word_model.json"

    @staticmethod
    def make_documents(texts):
        return {"word": list(texts)}


TEXTS = [f"The storm is {'terrible' if i % 2 else 'calm'} in town {i}." for i in range(24)]
LABELS = np.array([i % 2 for i in range(24)])


@pytest.mark.parametrize(
    ("hits", "flag", "expected"),
    [
        ([], None, ""),
        ([], "anyhedge", "anyhedge"),
        (
            [("hedge", "may"), ("booster", "of course")],
            "anyhedge",
            "cat_hedge cat_booster ent_may ent_of_course anyhedge",
        ),
    ],
)
def test_describe_hits(hits, flag, expected):
    objects = [SimpleNamespace(category=c, entry=e) for c, e in hits]
    assert describe_hits(objects, flag) == expected


def test_select_documents_keeps_every_view_in_the_rows_order():
    documents = {"word": ["a", "b", "c"], "cue": ["x", "y", "z"]}
    assert select_documents(documents, [2, 0]) == {"word": ["c", "a"], "cue": ["z", "x"]}


@pytest.mark.parametrize(
    ("labels", "predicted", "average", "expected"),
    [
        ([1, 1, 0, 0], [1, 0, 0, 0], "binary", 2 / 3),
        ([1, 1, 0, 0], [1, 0, 0, 0], "macro", (2 / 3 + 0.8) / 2),
        ([0, 0], [0, 0], "binary", 0.0),  # no positive class: 0, not a warning
    ],
)
def test_score_f1(labels, predicted, average, expected):
    assert score_f1(np.array(labels), np.array(predicted), average) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("probabilities", "labels", "expected"),
    [
        ([0.1, 0.4, 0.6, 0.9], [0, 0, 1, 1], 0.5),  # lowest of the best: 0.5 and 0.6 both separate
        ([0.2, 0.2, 0.2, 0.2], [0, 1, 0, 1], 0.1),  # every threshold ties: the lowest
        ([0.3, 0.35, 0.32, 0.9], [1, 1, 1, 0], 0.1),  # everything positive is the best F1
    ],
)
def test_choose_threshold_is_the_best_of_the_grid_lowest_on_ties(probabilities, labels, expected):
    recipe = {"thresholds": [0.1, 0.9, 0.1]}
    assert choose_threshold(np.array(probabilities), np.array(labels), recipe) == expected


def test_cross_validation_is_seeded_and_out_of_fold():
    first = cross_validate(WordModel, TEXTS, LABELS)
    assert np.array_equal(first, cross_validate(WordModel, TEXTS, LABELS))
    assert ((first >= 0.5) == LABELS.astype(bool)).all()


def test_a_fitted_model_records_its_training_rows_and_survives_json(tmp_path):
    model = fit_classifier(WordModel, TEXTS, LABELS, {"dataset": "made up"})
    assert model.provenance["rows"] == 24 and model.provenance["alarmed"] == 12
    assert model.provenance["dataset"] == "made up"
    assert model.provenance["cross_validated_f1"] == 1.0
    assert len(model.training_hashes) == 24
    assert list(model.predict(["A terrible storm.", "A calm storm."])) == [1, 0]
    path = model.write(tmp_path / "model.json")
    again = WordModel.load(path)
    assert again.to_json() == model.to_json()
    assert WordModel.load(tmp_path / "absent.json") is None
    assert len(model.predict_proba([])) == 0


def test_predict_rows_never_scores_a_sentence_with_a_model_that_saw_it():
    model = fit_classifier(WordModel, TEXTS, LABELS)
    texts = TEXTS[:4] + ["Nothing terrible here.", "All calm."]
    labels = np.array(list(LABELS[:4]) + [1, 0])
    predictions, rows = predict_rows(model, texts, labels)
    assert list(rows) == ["fitted"] * 4 + ["unseen"] * 2
    assert list(predictions[4:]) == list(model.predict(texts[4:]))


@pytest.mark.parametrize("per_class", [6, 3, 2])  # the recipe has 4 folds: 4, 3 and 2 are used
def test_a_class_with_fewer_rows_than_folds_gets_as_many_folds_as_rows(per_class):
    texts, labels = TEXTS[: 2 * per_class], LABELS[: 2 * per_class]
    assert len(cross_validate(WordModel, texts, labels)) == 2 * per_class


@pytest.mark.parametrize("labels", [[0, 1], [0, 0, 0, 1], [0, 0, 0, 0]])
def test_a_class_with_fewer_than_two_rows_is_a_clear_error(labels):
    with pytest.raises(ValueError, match="WordModel: cross-validation needs two rows"):
        cross_validate(WordModel, TEXTS[: len(labels)], np.array(labels))


def test_the_base_class_has_no_documents():
    with pytest.raises(NotImplementedError):
        TextClassifier.make_documents(["a"])
