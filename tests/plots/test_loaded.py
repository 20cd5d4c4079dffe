"""Loaded-terms charts (analysis.plots.loaded): each returns exactly the rows it plots."""

from __future__ import annotations

import pandas as pd

from analysis.plots.loaded import (
    plot_distinctive_terms,
    plot_loaded_density,
    plot_loaded_validation,
    plot_span_scores,
)


def test_loaded_density_plots_each_rate_and_interval(seed_tables, plots):
    fig, data = plot_loaded_density(seed_tables["loaded_outlets"])
    assert set(data["layer"]) <= {"lexicon", "vader"}
    plots(fig, data, ["per_1000", "per_1000_high"])


def test_distinctive_terms_plots_the_top_z_of_each_outlet(seed_tables, plots):
    fig, data = plot_distinctive_terms(seed_tables["distinctive_terms"], top=3)
    table = seed_tables["distinctive_terms"]
    for outlet, rows in data.groupby("outlet"):
        top = table[table["outlet"] == outlet].nlargest(3, "z", keep="all")["z"]
        assert sorted(rows["z"]) == sorted(top)[-len(rows) :] and len(rows) <= 3
    plots(fig, data, ["z"])


def test_loaded_validation_plots_macro_f1_and_the_targets(plots):
    table = pd.DataFrame(
        {
            "method": ["lexicon", "model"],
            "split": ["test", "development"],
            "rows_scored": ["all", "fitted (out of fold)"],
            "threshold": [1.0, 0.42],
            "sentences": [700, 2800],
            "biased": [350, 1400],
            "macro_f1": [0.611, 0.702],
            "precision_biased": [0.6, 0.7],
            "recall_biased": [0.5, 0.71],
        }
    )
    fig, data = plot_loaded_validation(table, {"lexicon": 0.6, "model": 0.7})
    plots(fig, data.assign(target=[0.6, 0.7]), ["macro_f1", "target"])


def test_span_scores_plot_precision_and_recall_per_record(plots):
    records = [
        {"dataset": "babe", "level": "word", "layers": "lexicon", "precision": 0.4, "recall": 0.2},
        {
            "dataset": "basil",
            "level": "token",
            "split": "test",
            "layers": "lexicon+vader",
            "precision": 0.3,
            "recall": 0.1,
        },
    ]
    fig, data = plot_span_scores(records)
    assert list(data["split"]) == ["all", "test"]
    plots(fig, data, ["precision", "recall"])
