"""The validation overview picks each measure's headline figures and judges them against the
targets."""

from __future__ import annotations

import pytest

from analysis.evaluation.overview import OVERVIEW_COLUMNS, summarise_validation

RESULTS = {
    "hedging": [
        {
            "dataset": "wikiweasel",
            "split": "test",
            "method": "model",
            "rows_scored": "unseen",
            "f1": 0.61,
        },
        {
            "dataset": "wikiweasel",
            "split": "test",
            "method": "rules",
            "rows_scored": "all",
            "f1": 0.48,
        },
    ],
    "sources": [
        {
            "dataset": "polnear",
            "split": "dev",
            "gold_filter": "none",
            "attributions": "words_and_stances",
            "quote_f1_cover30": 0.7,
            "speaker_accuracy_cover30": 0.86,
        },
        {
            "dataset": "polnear",
            "split": "dev",
            "gold_filter": "none",
            "attributions": "words",
            "quote_f1_cover30": 0.65,
            "speaker_accuracy_cover30": 0.88,
        },
        {
            "dataset": "polnear",
            "split": "dev",
            "gold_filter": "verb_list",
            "attributions": "words",
            "quote_f1_cover30": 0.84,
            "speaker_accuracy_cover30": 0.9,
        },
    ],
    "across": [
        {"check": "planted", "change": "all", "dataset": "corpus", "recall": 1.0},
        {"check": "planted", "change": "dropped", "dataset": "corpus", "recall": 0.5},
        {
            "check": "informational",
            "change": "",
            "dataset": "basil",
            "share_unique": 0.9,
            "sentences_share_unique": 0.91,
        },
    ],
    "tone": {},
}


@pytest.mark.parametrize(
    "measure, metric, method, kit, met",
    [
        ("hedging", "F1 of the uncertain class", "model (unseen)", 0.61, "yes"),
        ("hedging", "F1 of the uncertain class", "rules (all)", 0.48, ""),
        (
            "sources",
            "quote F1 (gold covered > 30%), all gold attributions, kit's words and stances",
            "kit",
            0.7,
            "no",
        ),
        (
            "sources",
            "speaker accuracy, all gold attributions, kit's words and stances",
            "kit",
            0.86,
            "no",
        ),
        ("sources", "speaker accuracy, all gold attributions, kit's words", "kit", 0.88, "yes"),
        (
            "sources",
            "quote F1 (gold covered > 30%), speech-verb attributions, kit's words",
            "kit",
            0.84,
            "no",
        ),
        ("sources", "speaker accuracy, speech-verb attributions, kit's words", "kit", 0.9, "yes"),
        ("across", "planted-change recall", "kit", 1.0, "yes"),
        ("across", "informational-bias spans in unique claims", "kit", 0.9, ""),
    ],
)
def test_headline_rows(measure, metric, method, kit, met):
    table = summarise_validation(RESULTS)
    row = table[
        (table["measure"] == measure) & (table["metric"] == metric) & (table["method"] == method)
    ]
    assert len(row) == 1
    assert row["kit"].iloc[0] == kit and row["met"].iloc[0] == met


def test_only_the_overall_planted_figure_and_no_row_for_missing_measures():
    table = summarise_validation(RESULTS)
    assert list(table.columns) == [*OVERVIEW_COLUMNS, "met"]
    assert (table["metric"] == "planted-change recall").sum() == 1
    assert set(table["measure"]) == {"hedging", "sources", "across"}
