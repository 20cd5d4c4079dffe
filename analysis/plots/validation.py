"""The validation overview as a chart: the kit's headline figures beside baselines and targets."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

KIT_COLOUR = "#0072b2"
BASELINE_COLOUR = "#999999"
TARGET_COLOUR = "#d55e00"


def plot_validation_overview(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """One row per headline figure of :func:`analysis.evaluation.overview.summarise_validation`.

    A filled dot is the kit's value, a grey diamond the published or computed
    baseline, an orange bar the target.

    Returns
    -------
    The figure, and the rows of ``table`` it plots:

    - ``measure``, ``dataset``, ``split``, ``method``, ``metric``: the row's label
    - ``kit``, ``baseline``, ``target``: the dot, the diamond and the bar
    - the other columns of ``table`` (``baseline_source``, ``met``): as in
      :func:`analysis.evaluation.overview.summarise_validation`
    """
    data = table.reset_index(drop=True)
    labels = [
        f"{r.measure} · {r.dataset} {r.split} · {r.method} · {r.metric}" for r in data.itertuples()
    ]
    fig, ax = plt.subplots(figsize=(11, 0.28 * len(data) + 1.4))
    y = np.arange(len(data))
    ax.scatter(
        data["baseline"],
        y,
        marker="D",
        color=BASELINE_COLOUR,
        label="baseline (published or computed)",
        zorder=2,
    )
    ax.scatter(data["target"], y, marker="|", s=250, color=TARGET_COLOUR, label="target", zorder=3)
    ax.scatter(data["kit"], y, marker="o", color=KIT_COLOUR, label="kit", zorder=4)
    for yy, value in zip(y, data["kit"]):
        ax.annotate(
            f"{value:.3f}", (value, yy), xytext=(5, -3), textcoords="offset points", fontsize=7
        )
    ax.set_yticks(y, labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("score (the metric named in each row)")
    ax.set_title("Validation against human annotation: the kit beside its baselines and targets")
    ax.legend(loc="lower left", fontsize=7, ncol=3)
    fig.tight_layout()
    return fig, data
