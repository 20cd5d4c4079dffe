"""Tone charts (analysis.plots.tone): each returns exactly the rows it plots."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.plots.tone import (
    plot_actor_heatmap,
    plot_outlet_tone,
    plot_tone_strip,
    plot_tone_validation,
)
from analysis.sources.actors import pool_actor_tone


def test_outlet_tone_plots_each_mean_and_interval(seed_tables, plots):
    fig, data = plot_outlet_tone(seed_tables["tone_outlets"])
    assert set(data["voice"]) <= {"authorial", "quoted"}
    assert data["outlet"].nunique() == seed_tables["articles"]["outlet"].nunique()
    plots(fig, data, ["mean", "mean_low", "mean_high"])


def test_tone_strip_plots_every_scored_sentence(seed_tables, plots):
    fig, data = plot_tone_strip(seed_tables["sentences"], seed_tables["articles"], "vader")
    assert set(data["article_id"]) == set(seed_tables["articles"]["article_id"])
    plots(fig, data, ["tone_vader"])


def test_actor_heatmap_plots_the_cells_it_marks_shown(seed_tables, plots):
    pooled = pool_actor_tone(seed_tables["actor_tone"])
    fig, data = plot_actor_heatmap(pooled, measure="vader", min_sentences=3)
    shown = data[data["shown"]]
    assert len(shown) and (shown["sentences"] >= 3).all()
    plots(fig, shown, ["mean"])


def test_tone_validation_plots_every_rated_sentence_against_both_scores(plots):
    rng = np.random.default_rng(2)
    rating = rng.uniform(-4, 4, 50)
    table = pd.DataFrame(
        {
            "id": [f"s{i}" for i in range(50)],
            "split": "development",
            "rating": rating,
            "vader": np.clip(rating / 4 + rng.normal(0, 0.3, 50), -1, 1),
            "model": np.clip(rating / 4 + rng.normal(0, 0.2, 50), -1, 1),
            "text": "not plotted",
        }
    )
    fig, data = plot_tone_validation(table)
    assert list(data.columns) == ["id", "split", "rating", "vader", "model"]
    r = np.corrcoef(table["model"], table["rating"])[0, 1]
    assert f"r = {r:.3f} (50 sentences)" in fig.axes[1].get_title()
    plots(fig, data, ["rating", "vader", "model"])
