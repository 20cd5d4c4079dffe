"""Charts of loaded terms, labels and distinctive words; each returns the figure and exactly the
data it plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.loaded.terms import LOADED_CATEGORIES
from analysis.plots.base import plot_rate_panels

LEXICON_COLOUR = "#b2182b"
VADER_COLOUR = "#2166ac"


def plot_loaded_density(
    summary: pd.DataFrame, by: str = "outlet"
) -> tuple[plt.Figure, pd.DataFrame]:
    """Loaded terms per 1,000 authorial words per group with 95% intervals: each layer's total and
    each lexicon category.

    Returns
    -------
    The figure, and the rows of ``summary`` it plots
    (:func:`analysis.plots.base.plot_rate_panels`):

    - ``by``, ``layer``, ``category``: the group and the measure
    - ``articles``, ``sentences``, ``authorial_words``, ``terms``: what stands behind the rate
    - ``per_1000``, ``per_1000_low``, ``per_1000_high``: terms per 1,000 authorial words and its
      95% interval
    """
    panels = [
        ({"layer": "lexicon", "category": "all"}, "all loaded (lexicon)", LEXICON_COLOUR),
        ({"layer": "vader", "category": "all"}, "strong VADER words", VADER_COLOUR),
    ]
    panels += [
        ({"layer": "lexicon", "category": c}, c.replace("_", " "), LEXICON_COLOUR)
        for c in LOADED_CATEGORIES
    ]
    return plot_rate_panels(
        summary,
        panels,
        by=by,
        count_name="terms",
        title="Loaded terms per 1,000 words in the outlet's own voice (95% bootstrap intervals; "
        "the number is the count of terms)",
        columns=5,
    )


def plot_distinctive_terms(
    distinctive: pd.DataFrame, top: int = 10
) -> tuple[plt.Figure, pd.DataFrame]:
    """The ``top`` words of highest log-odds z per outlet, one panel each, with counts and
    permutation p (left out where the table has none: a corpus of more than
    :data:`analysis.loaded.distinctive.PERMUTATION_LIMIT` sentences).

    Returns
    -------
    The figure, and the rows of ``distinctive`` it plots (the first ``top`` of each outlet):

    - ``outlet``, ``term``: the outlet and the word
    - ``count``, ``count_rest``: its occurrences in the outlet and in the rest
    - ``log_odds``, ``z``: the log-odds ratio and its z (the bar)
    - ``p_permutation``, ``tfidf``: as in
      :func:`analysis.loaded.distinctive.find_distinctive_terms`
    """
    data = distinctive.groupby("outlet", sort=True).head(top).reset_index(drop=True)
    outlets = list(dict.fromkeys(data["outlet"]))
    columns = min(3, max(len(outlets), 1))
    rows = int(np.ceil(len(outlets) / columns)) or 1
    fig, axes = plt.subplots(
        rows, columns, figsize=(4.6 * columns, rows * (0.28 * top + 1.4)), squeeze=False
    )
    for ax, outlet in zip(axes.ravel(), outlets):
        part = data[data["outlet"] == outlet]
        y = np.arange(len(part))
        ax.barh(y, part["z"], color=np.where(part["z"] >= 1.96, LEXICON_COLOUR, "#bbbbbb"))
        p_values = pd.to_numeric(
            part["p_permutation"], errors="coerce"
        )  # empty for a corpus too large to relabel
        for yy, z, count, rest, p in zip(
            y, part["z"], part["count"], part["count_rest"], p_values
        ):
            label = f"{count} vs {rest}" + (f", p={p:.3f}" if pd.notna(p) else "")
            ax.annotate(
                label, (max(z, 0), yy), xytext=(3, -3), textcoords="offset points", fontsize=7
            )
        ax.set_yticks(y, part["term"], fontsize=8)
        ax.invert_yaxis()
        ax.axvline(1.96, color="#333333", linewidth=0.8, linestyle="--")
        ax.set_xlim(0, max(3.0, float(data["z"].max()) * 1.6))
        ax.set_title(outlet, fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.ravel()[len(outlets) :]:
        ax.axis("off")
    fig.suptitle(
        "Words that set each outlet's own voice apart: log-odds z with informative Dirichlet "
        "prior (Monroe et al. 2008)\n"
        "red: z ≥ 1.96; labels: count in the outlet vs the rest, permutation p over sentences",
        fontsize=10,
    )
    fig.supxlabel("z-score of the log-odds ratio, outlet against all others", fontsize=9)
    fig.tight_layout()
    return fig, data


def plot_loaded_validation(
    table: pd.DataFrame, targets: dict[str, float]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Macro F1 on BABE per method and split, with the targets on unseen sentences.

    Returns
    -------
    The figure, and the rows of ``table`` it plots:

    - ``method``, ``split``, ``rows_scored``: what was scored
    - ``threshold``: the threshold the method used
    - ``sentences``, ``biased``: sentences scored, and those the experts mark biased
    - ``macro_f1``: the bar
    - ``precision_biased``, ``recall_biased``: of the biased class
    """
    data = table[
        [
            "method",
            "split",
            "rows_scored",
            "threshold",
            "sentences",
            "biased",
            "macro_f1",
            "precision_biased",
            "recall_biased",
        ]
    ].reset_index(drop=True)
    labels = [
        f"{m}\n{s}\n{r}" for m, s, r in zip(data["method"], data["split"], data["rows_scored"])
    ]
    fig, ax = plt.subplots(figsize=(max(7, 1.1 * len(data) + 2), 4.2))
    x = np.arange(len(data))
    colours = np.where(data["split"] == "test", LEXICON_COLOUR, "#f4a582")
    ax.bar(x, data["macro_f1"], color=colours)
    for xx, value in zip(x, data["macro_f1"]):
        ax.annotate(
            f"{value:.3f}",
            (xx, value),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            fontsize=7,
        )
    for (name, target), style in zip(sorted(targets.items()), ("--", ":")):
        ax.axhline(
            target,
            color="#333333",
            linestyle=style,
            linewidth=1,
            label=f"target for the {name}: {target:.2f}",
        )
    ax.set_xticks(x, labels, fontsize=7)
    ax.set_ylim(0, 1)
    ax.set_ylabel("macro F1 (biased / non-biased)")
    ax.set_title(
        "Biased sentences in news (BABE, expert labels): lexicon scores and classifier; dark "
        "bars: test split"
    )
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig, data


def plot_span_scores(records: list[dict]) -> tuple[plt.Figure, pd.DataFrame]:
    """Word- and token-level precision and recall of loaded-term hits against annotated biased
    words and spans.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per record:

    - ``dataset``, ``level``, ``split``: the gold set, the level compared (word or token) and the
      split ("all" when none)
    - ``layers``: the loaded-term layers counted
    - ``precision``, ``recall``: the two bars
    """
    data = pd.DataFrame(
        [
            {
                "dataset": r["dataset"],
                "level": r["level"],
                "split": r.get("split", "all"),
                "layers": r["layers"],
                "precision": r["precision"],
                "recall": r["recall"],
            }
            for r in records
        ],
        columns=["dataset", "level", "split", "layers", "precision", "recall"],
    )
    labels = [
        f"{d} {s}\n{layers}"
        for d, s, layers in zip(data["dataset"], data["split"], data["layers"])
    ]
    fig, ax = plt.subplots(figsize=(max(7, 1.0 * len(data) + 2), 4))
    x = np.arange(len(data))
    for offset, metric, colour in ((-0.2, "precision", "#fdae61"), (0.2, "recall", "#2b83ba")):
        ax.bar(x + offset, data[metric], width=0.38, color=colour, label=metric)
        for xx, value in zip(x + offset, data[metric]):
            ax.annotate(
                f"{value:.2f}",
                (xx, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    ax.set_xticks(x, labels, fontsize=7)
    ax.set_ylim(0, 1)
    ax.set_title(
        "Which words: BABE annotated biased words (word level), BASIL lexical-bias spans (token "
        "level)",
        fontsize=10,
    )
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, data
