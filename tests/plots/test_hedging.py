"""Hedging charts (analysis.plots.hedging): each returns exactly the rows it plots."""

from __future__ import annotations

import pandas as pd

from analysis.plots.hedging import (
    plot_cue_precision,
    plot_hedging_density,
    plot_hedging_validation,
)


def test_hedging_density_plots_each_rate_and_interval(seed_tables, plots):
    fig, data = plot_hedging_density(seed_tables["hedging_outlets"])
    assert {"per_1000", "per_1000_low", "per_1000_high"} <= set(data.columns)
    plots(fig, data, ["per_1000", "per_1000_low", "per_1000_high"])


def test_hedging_validation_plots_three_scores_per_row_and_the_target(plots):
    table = pd.DataFrame(
        {
            "split": ["train", "test"],
            "method": ["rules", "model"],
            "rows_scored": ["all", "unseen"],
            "sentences": [100, 40],
            "uncertain": [30, 12],
            "precision": [0.61, 0.72],
            "recall": [0.55, 0.68],
            "f1": [0.578, 0.699],
            "extra": ["dropped", "dropped"],
        }
    )
    fig, data = plot_hedging_validation(table, target=0.65)
    assert "extra" not in data.columns and len(data) == 2
    plots(fig, data.assign(target=0.65), ["precision", "recall", "f1", "target"])


def test_cue_precision_plots_each_category_sorted(plots):
    summary = {
        "precision": 0.5,
        "recall": 0.4,
        "recall_within_notion": 0.7,
        "precision_by_category": {
            "modal": {"cues": 40, "precision": 0.8},
            "attribution_shield": {"cues": 12, "precision": 0.25},
        },
    }
    fig, data = plot_cue_precision(summary)
    assert list(data["category"]) == ["attribution_shield", "modal"]
    plots(fig, data, ["precision"])
