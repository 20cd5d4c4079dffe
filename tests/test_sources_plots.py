"""The sources figures return exactly the data they plot."""

from __future__ import annotations

from analysis.evaluation.sources import RULE_NAMES, RULES, TARGETS
from analysis.sources_plots import plot_sources_validation


def _record(split: str, f1: float) -> dict:
    record = {"split": split, "articles": 10, "gold": 100, "predicted": 90}
    for k, suffix in enumerate(RULES):
        record.update({f"matched{suffix}": 80 - k, f"quote_precision{suffix}": 0.9, f"quote_recall{suffix}": 0.8, f"quote_f1{suffix}": f1 - k / 100, f"speaker_accuracy{suffix}": 0.95})
    return record


def test_the_validation_figure_has_a_row_per_split_and_rule():
    fig, data = plot_sources_validation([_record("dev", 0.88), _record("train", 0.87)], TARGETS, RULE_NAMES)
    assert len(data) == 2 * len(RULE_NAMES)
    assert list(data.loc[data["split"] == "dev", "rule"]) == list(RULE_NAMES.values())
    assert data.loc[(data["split"] == "train") & (data["rule"] == RULE_NAMES["_cover30"]), "quote_f1"].item() == 0.87
    # one bar per rule's F1 and the speaker accuracy, per split
    assert len(fig.axes[0].patches) == 2 * (len(RULE_NAMES) + 1)
