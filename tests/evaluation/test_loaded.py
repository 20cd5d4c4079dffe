"""Validation of loaded terms: readers, splits, scores and the targets on unseen sentences."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from analysis.errors import InputWarning
from analysis.evaluation.loaded import (
    TARGETS,
    THRESHOLDS,
    choose_score_threshold,
    score_babe,
    score_babe_words,
    score_basil_tokens,
    summarise_babe,
    validate,
)
from analysis.loaded.model import LoadedModel, build_loaded_model, fit_loaded_model
from analysis.loaded.terms import SCORE_THRESHOLD
from analysis.resources.news_sets import read_basil


def test_basil_spans_are_placed_by_id_offset_or_text(tmp_path):
    (tmp_path / "articles" / "2019").mkdir(parents=True)
    (tmp_path / "annotations" / "2019").mkdir(parents=True)
    article = {
        "source": "FOX",
        "body-paragraphs": [
            ["The senator raged at reporters in a shameful speech."],
            ["He left.", "Critics cheered."],
        ],
    }
    spans = {
        "phrase-level-annotations": [
            {"id": "p0", "bias": "lex", "start": 12, "end": 17, "txt": "raged", "quote": "no"},
            {"id": "p9", "bias": "inf", "start": 8, "end": 15, "txt": "cheered", "quote": "no"},
            {"id": "p1", "bias": "lex", "start": 0, "end": 5, "txt": "nowhere", "quote": "no"},
        ]
    }
    (tmp_path / "articles" / "2019" / "x_1.json").write_text(json.dumps(article), encoding="utf-8")
    (tmp_path / "annotations" / "2019" / "x_1_ann.json").write_text(
        json.dumps(spans), encoding="utf-8"
    )
    with pytest.warns(InputWarning, match="1 BASIL spans"):
        (row,) = read_basil(tmp_path)
    assert row["source"] == "fox"
    assert [(s["sentence"], s["start"], s["end"], s["bias"]) for s in row["spans"]] == [
        (0, 12, 17, "lex"),
        (2, 8, 15, "inf"),
    ]
    score = score_basil_tokens([row])
    # gold: "raged"; the lexicon marks "shameful" and does not list "raged"
    assert (
        score["gold_tokens"],
        score["predicted_tokens"],
        score["precision"],
        score["recall"],
    ) == (1, 1, 0.0, 0.0)


def test_word_scores_compare_hit_words_with_annotated_words():
    rows = [
        {"text": "The radical left pushed a shameful bill.", "biased_words": ["radical", "pushed"]}
    ]
    score = score_babe_words(rows)
    # hits: "radical left" (two words) and "shameful"; gold: radical, pushed
    assert (score["predicted_words"], score["gold_words"]) == (3, 2)
    assert score["precision"] == pytest.approx(1 / 3) and score["recall"] == pytest.approx(1 / 2)


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0, 1, 2, 3], [0, 1, 1, 1], 1),
        ([0, 1, 2, 3], [0, 0, 1, 1], 2),
        ([0, 0, 0, 0], [0, 1, 0, 1], 1),
    ],
)
def test_score_threshold_is_the_best_macro_f1_lowest_on_ties(scores, labels, expected):
    assert choose_score_threshold(np.array(scores), np.array(labels)) == expected


def test_rows_the_model_saw_are_scored_out_of_fold():
    texts = [
        f"The shameful radical plan {i}." if i % 2 else f"The plan {i} passed." for i in range(40)
    ]
    labels = np.array([i % 2 for i in range(40)])
    model = fit_loaded_model(texts, labels)
    rows = [{"text": t, "label": int(y), "biased_words": []} for t, y in zip(texts, labels)]
    rows += [{"text": "A disgraceful plan.", "label": 1, "biased_words": []}]
    scores = score_babe(rows, model)
    assert set(scores["model_rows"]) == {"fitted", "unseen"}
    records = summarise_babe(scores, model.threshold)
    assert {r["rows_scored"] for r in records if r["method"] == "model"} == {
        "unseen",
        "fitted (out of fold)",
    }
    assert LoadedModel.from_json(model.to_json()).to_json() == model.to_json()


def test_targets_on_unseen_babe_sentences_and_the_recorded_threshold(data_home, tmp_path):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", InputWarning)
        path = build_loaded_model(data_home).write(tmp_path / "model.json")
        results = validate(data_home, [].append, model_path=path)
    sentence = [r for r in results if r.get("dataset") == "babe" and "macro_f1" in r]
    assert sentence, "the data home has no babe"
    lexicon = [r for r in sentence if r["method"] == "lexicon"]
    assert {r["threshold"] for r in lexicon} == {SCORE_THRESHOLD}
    rechosen = {
        r["method"]: r["threshold_development"] for r in sentence if r["method"] in THRESHOLDS
    }
    assert rechosen == THRESHOLDS, (
        "a threshold chosen on development data moved: update THRESHOLDS, SCORE_THRESHOLD and the "
        "codebook"
    )
    assert all(r["macro_f1"] >= TARGETS["lexicon"] for r in lexicon if r["split"] == "test")
    unseen = [r for r in sentence if r["method"] == "model" and r["rows_scored"] == "unseen"]
    assert unseen and all(r["macro_f1"] >= TARGETS["model"] for r in unseen)
    vader = {r["split"]: r["macro_f1"] for r in sentence if r["method"] == "vader"}
    assert all(r["macro_f1"] > vader[r["split"]] for r in lexicon)
    basil = [r for r in results if r.get("dataset") == "basil"]
    assert basil and all(0 < r["recall"] < 1 for r in basil)
