"""Charts of hedging; each returns the figure and exactly the data it plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.hedging.cues import BOOSTER_CATEGORIES, HEDGE_CATEGORIES
from analysis.plots.base import plot_rate_panels

HEDGE_COLOUR = "#7b3294"
BOOSTER_COLOUR = "#008837"


def plot_hedging_density(
    summary: pd.DataFrame, by: str = "outlet"
) -> tuple[plt.Figure, pd.DataFrame]:
    """Cues per 1,000 authorial words per group with 95% intervals: one panel per kind total and
    category.

    Returns
    -------
    The figure, and the rows of ``summary`` it plots
    (:func:`analysis.plots.base.plot_rate_panels`):

    - ``by``, ``kind``, ``category``: the group and the measure
    - ``articles``, ``sentences``, ``authorial_words``, ``cues``: what stands behind the rate
    - ``per_1000``, ``per_1000_low``, ``per_1000_high``: cues per 1,000 authorial words and its 95%
      interval
    """
    panels = (
        [("hedge", "all"), ("booster", "all")]
        + [("hedge", c) for c in HEDGE_CATEGORIES]
        + [("booster", c) for c in BOOSTER_CATEGORIES]
    )
    panels = [
        (
            {"kind": kind, "category": category},
            f"all {kind}s" if category == "all" else category.replace("_", " "),
            HEDGE_COLOUR if kind == "hedge" else BOOSTER_COLOUR,
        )
        for kind, category in panels
    ]
    return plot_rate_panels(
        summary,
        panels,
        by=by,
        count_name="cues",
        title="Cues per 1,000 words in the outlet's own voice (95% bootstrap intervals; the "
        "number is the count of cues)",
    )


def plot_hedging_validation(table: pd.DataFrame, target: float) -> tuple[plt.Figure, pd.DataFrame]:
    """Precision, recall and F1 of the uncertain class per split and method, with the target F1.

    Returns
    -------
    The figure, and the rows of ``table`` it plots:

    - ``split``, ``method``, ``rows_scored``: what was scored
    - ``sentences``, ``uncertain``: sentences scored, and those gold marks uncertain
    - ``precision``, ``recall``, ``f1``: of the uncertain class (the three bars of a row)
    """
    data = table[
        ["split", "method", "rows_scored", "sentences", "uncertain", "precision", "recall", "f1"]
    ].reset_index(drop=True)
    labels = [
        f"{s}\n{m} ({r})" for s, m, r in zip(data["split"], data["method"], data["rows_scored"])
    ]
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(data) + 2), 4))
    x = np.arange(len(data))
    for offset, metric, colour in (
        (-0.27, "precision", "#a6cee3"),
        (0, "recall", "#1f78b4"),
        (0.27, "f1", "#333333"),
    ):
        ax.bar(x + offset, data[metric], width=0.26, color=colour, label=metric)
        for xx, value in zip(x + offset, data[metric]):
            ax.annotate(
                f"{value:.2f}",
                (xx, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    ax.axhline(
        target, color="#d95f02", linestyle="--", linewidth=1, label=f"target F1 {target:.2f}"
    )
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_ylabel("uncertain class")
    ax.set_title("Uncertain sentences in Wikipedia (wikiweasel, CoNLL-2010): rules and model")
    ax.legend(fontsize=8, ncols=4, loc="upper left")
    fig.tight_layout()
    return fig, data


def plot_cue_precision(summary: dict) -> tuple[plt.Figure, pd.DataFrame]:
    """Out-of-domain check: precision of each hedge category against the SFU review speculation
    cues.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per hedge category, by precision:

    - ``category``: the hedge category
    - ``cues``: the kit's hedges of that category in the reviews
    - ``precision``: their share that are gold speculation cues
    """
    data = (
        pd.DataFrame(
            [
                {"category": c, "cues": v["cues"], "precision": v["precision"]}
                for c, v in summary["precision_by_category"].items()
            ],
            columns=["category", "cues", "precision"],
        )
        .sort_values("precision", kind="stable")
        .reset_index(drop=True)
    )
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(data) + 1.5))
    ax.barh(data["category"].str.replace("_", " "), data["precision"], color=HEDGE_COLOUR)
    for y, (precision, cues) in enumerate(zip(data["precision"], data["cues"])):
        ax.annotate(
            f"{precision:.2f} of {cues:,}",
            (precision, y),
            xytext=(3, -3),
            textcoords="offset points",
            fontsize=7,
        )
    ax.set_xlim(0, 1.15)
    ax.set_xlabel("share of the kit's hedges that are gold speculation cues")
    ax.set_title(
        f"SFU product reviews (out of domain): precision {summary['precision']:.2f}, "
        f"recall {summary['recall']:.2f} ({summary['recall_within_notion']:.2f} within the kit's "
        "notion)",
        fontsize=9,
    )
    fig.tight_layout()
    return fig, data
