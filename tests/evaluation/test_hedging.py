from __future__ import annotations

import warnings

import numpy as np
import pytest

from analysis.errors import InputProblem, InputWarning
from analysis.evaluation.hedging import (
    TARGET_F1,
    score_sfu_cues,
    score_wikiweasel,
    summarise_sentence_scores,
    summarise_sfu,
    validate,
)
from analysis.hedging.model import build_hedge_model, fit_hedge_model
from analysis.resources.readers import read_sfu_negspec, read_wikiweasel

SFU = """<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><P><SENTENCE><W>It</W><cue ID="0" type="speculation"><W>may</W></cue><xcope ID="1"><W>work</W></xcope><cue ID="2" type="speculation"><W>or</W></cue><W>not</W><W>.</W></SENTENCE>
<SENTENCE><W>I</W><cue ID="3" type="speculation"><W>think</W></cue><W>it</W><W>broke</W><W>about</W><W>3</W><W>times</W><W>.</W></SENTENCE></P></DOCUMENT>
"""  # noqa: E501 (BioScope XML as in the corpus)


def test_wikiweasel_reader_keeps_labels_and_counts_empty_rows(tmp_path):
    (tmp_path / "dev.csv").write_text(
        'text,label\n"It may be so.\n",1\n"",0\n"It is.",0\n', encoding="utf-8"
    )
    with pytest.warns(InputWarning, match="1 rows with an empty text"):
        splits = read_wikiweasel(tmp_path)
    assert splits == {
        "dev": [{"text": "It may be so.", "label": 1}, {"text": "It is.", "label": 0}]
    }
    (tmp_path / "dev.csv").write_text("text,label\nIt is.,maybe\n", encoding="utf-8")
    with pytest.raises(InputProblem, match="dev.csv, record 2"):
        read_wikiweasel(tmp_path)


def test_sfu_cues_are_scored_token_by_token(tmp_path):
    (tmp_path / "BOOKS").mkdir()
    (tmp_path / "BOOKS" / "no1.xml").write_text(SFU, encoding="utf-8")
    rows = read_sfu_negspec(tmp_path)
    assert rows[0]["tokens"] == ["It", "may", "work", "or", "not", "."] and rows[0]["cues"] == [
        ("speculation", [1]),
        ("speculation", [3]),
    ]
    predicted, gold = score_sfu_cues(rows)
    assert list(zip(predicted["cue"], predicted["correct"])) == [
        ("may", True),
        ("think", True),
        ("about", False),
    ]
    assert list(zip(gold["cue"], gold["notion"], gold["found"])) == [
        ("may", "kit", True),
        ("or", "alternative", False),
        ("think", "kit", True),
    ]
    summary = summarise_sfu(predicted, gold)
    assert (
        summary["precision"] == pytest.approx(2 / 3)
        and summary["recall"] == pytest.approx(2 / 3)
        and summary["recall_within_notion"] == 1.0
    )


def test_rows_the_model_saw_are_scored_out_of_fold():
    texts = [f"It may be case {i}." if i % 2 else f"It is case {i}." for i in range(40)]
    labels = np.array([i % 2 for i in range(40)])
    model = fit_hedge_model(texts, labels)
    unseen = [{"text": "It might be so.", "label": 1}, {"text": "It is so.", "label": 0}]
    scores = score_wikiweasel(
        {"train": [{"text": t, "label": int(y)} for t, y in zip(texts, labels)], "test": unseen},
        model,
    )
    assert set(scores.loc[scores["split"] == "train", "model_rows"]) == {"fitted"}
    assert set(scores.loc[scores["split"] == "test", "model_rows"]) == {"unseen"}
    table = summarise_sentence_scores(scores)
    assert set(table["rows_scored"]) == {"all", "unseen", "fitted (out of fold)"}


def test_the_model_fitted_before_validation_meets_the_target_on_unseen_wikipedia(
    data_home, tmp_path
):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        path = build_hedge_model(data_home).write(tmp_path / "model.json")
        results = validate(data_home, [].append, model_path=path)
    assert all(
        issubclass(w.category, InputWarning) and "empty text" in str(w.message) for w in caught
    )
    unseen = [r for r in results if r.get("method") == "model" and r["rows_scored"] == "unseen"]
    assert unseen, "the data home has no wikiweasel split the model did not see"
    assert all(r["f1"] >= TARGET_F1 for r in unseen)
    rules = {r["split"]: r["f1"] for r in results if r.get("method") == "rules"}
    assert all(r["f1"] > rules[r["split"]] for r in unseen)
    sfu = [r for r in results if r["dataset"] == "sfu_review_negspec"]
    assert sfu and sfu[0]["recall_within_notion"] > sfu[0]["recall"]
