"""The sources figures return exactly the data they plot."""

from __future__ import annotations

from analysis.evaluation.sources import RULE_NAMES, targets_for
from analysis.evaluation.spans import RULES
from analysis.plots.sources import plot_sources_validation


def _record(split: str, f1: float, gold_filter: str = "none", dataset: str = "polnear") -> dict:
    record = {
        "dataset": dataset,
        "split": split,
        "gold_filter": gold_filter,
        "articles": 10,
        "gold": 100,
        "gold_all": 200,
        "predicted": 90,
    }
    for k, suffix in enumerate(RULES):
        record.update(
            {
                f"matched{suffix}": 80 - k,
                f"quote_precision{suffix}": 0.9,
                f"quote_recall{suffix}": 0.8,
                f"quote_f1{suffix}": f1 - k / 100,
                f"speaker_accuracy{suffix}": 0.95,
            }
        )
    return record


def test_the_validation_figure_has_a_row_per_split_gold_filter_and_rule():
    records = [
        _record("dev", 0.88),
        _record("dev", 0.9, "verb_list"),
        _record("train", 0.87),
        _record("train", 0.89, "verb_list"),
        _record("hand-coded", 0.86, dataset="basil"),
    ]
    fig, data = plot_sources_validation(records, targets_for, RULE_NAMES)
    assert len(data) == 5 * len(RULE_NAMES)
    assert list(
        data.loc[(data["split"] == "polnear dev") & (data["gold_filter"] == "none"), "rule"]
    ) == list(RULE_NAMES.values())
    cover30 = data[(data["split"] == "polnear train") & (data["rule"] == RULE_NAMES["_cover30"])]
    assert dict(zip(cover30["gold_filter"], cover30["quote_f1"])) == {
        "none": 0.87,
        "verb_list": 0.89,
    }
    assert (
        data.loc[
            (data["split"] == "basil hand-coded") & (data["rule"] == RULE_NAMES["_cover30"]),
            "quote_f1",
        ].item()
        == 0.86
    )
    # one bar per rule's F1 and the speaker accuracy, per gold set
    assert len(fig.axes[0].patches) == 5 * (len(RULE_NAMES) + 1)
    # the unfiltered group comes first, as the records do
    assert "all gold" in fig.axes[0].get_xticklabels()[0].get_text()
