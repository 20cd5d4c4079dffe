"""The validation overview chart (analysis.plots.validation)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.evaluation.overview import OVERVIEW_COLUMNS
from analysis.plots.validation import plot_validation_overview


def test_overview_plots_the_kit_baseline_and_target_of_each_row(plots):
    table = pd.DataFrame(
        [
            ["tone", "vader_nyt", "test", "model", "pearson_r", 0.55, 0.44, "VADER alone", 0.6],
            ["hedging", "wikiweasel", "test", "model", "f1", 0.7, np.nan, "", 0.65],
        ],
        columns=OVERVIEW_COLUMNS,
    )
    fig, data = plot_validation_overview(table)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [
        "tone · vader_nyt test · model · pearson_r",
        "hedging · wikiweasel test · model · f1",
    ]
    plots(fig, data, ["kit", "baseline", "target"])
