"""Charts of the corpus; each returns the figure and exactly the data it plots."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.views import choose_articles, describe_sample

AUTHORIAL_COLOUR = "#4c72b0"
QUOTED_COLOUR = "#dd8452"
CLEAN_COLOUR = "#55a868"
REMOVED_COLOUR = "#c7c7c7"
OUTLET_PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#000000",
)
"""Okabe & Ito's colour-blind-safe palette; outlets beyond eight take matplotlib's tab20."""


def assign_outlet_colours(outlets) -> dict[str, str]:
    """One colour per outlet, the same in every chart and page: outlets sorted by name take the
    palette in order."""
    names = sorted(set(outlets))
    if len(names) <= len(OUTLET_PALETTE):
        return dict(zip(names, OUTLET_PALETTE))
    cmap = plt.get_cmap("tab20")
    return {name: matplotlib.colors.to_hex(cmap(i % cmap.N)) for i, name in enumerate(names)}


def plot_boilerplate_share(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars per article: characters kept as article text and removed as furniture (at most
    :data:`analysis.plots.views.MAX_FIGURE_ARTICLES` articles, a sample named in the title).

    Returns
    -------
    The figure, and the rows of ``summary`` it plots, one per article shown:

    - ``article_id``, ``outlet``: the article
    - ``clean_chars``: characters kept as article text
    - ``removed_chars``: characters of the lines cleaning removed
    - ``removed_share``: their share of the non-blank raw lines' characters
    """
    kept = summary["article_id"].isin(choose_articles(summary["article_id"]))
    data = summary.loc[
        kept, ["article_id", "outlet", "clean_chars", "removed_chars", "removed_share"]
    ].reset_index(drop=True)
    fig = _plot_two_part_bars(
        data,
        parts=(
            ("clean_chars", "article text", CLEAN_COLOUR),
            ("removed_chars", "removed (see removed.csv)", REMOVED_COLOUR),
        ),
        share=("removed_share", "removed"),
        xlabel="characters in non-blank lines of the captured file",
        title="How much of each captured page is the article"
        + describe_sample(len(data), len(summary)),
    )
    return fig, data


def plot_voice_words(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars per article: words in the author's voice and inside quotations (at most
    :data:`analysis.plots.views.MAX_FIGURE_ARTICLES` articles, a sample named in the title).

    Returns
    -------
    The figure, and the rows of ``summary`` it plots, one per article shown:

    - ``article_id``, ``outlet``: the article
    - ``authorial_words``, ``quoted_words``: its words in the author's voice and inside quotations
    - ``quoted_share``: the quoted words' share of its words
    """
    kept = summary["article_id"].isin(choose_articles(summary["article_id"]))
    data = summary.loc[
        kept, ["article_id", "outlet", "authorial_words", "quoted_words", "quoted_share"]
    ].reset_index(drop=True)
    fig = _plot_two_part_bars(
        data,
        parts=(
            ("authorial_words", "authorial", AUTHORIAL_COLOUR),
            ("quoted_words", "quoted", QUOTED_COLOUR),
        ),
        share=("quoted_share", "quoted"),
        xlabel="words of the clean text",
        title="Whose words: the outlet's own or quoted" + describe_sample(len(data), len(summary)),
    )
    return fig, data


def _plot_two_part_bars(data: pd.DataFrame, parts, share, xlabel: str, title: str) -> plt.Figure:
    (first, first_label, first_colour), (second, second_label, second_colour) = parts
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(data) + 1.6))
    labels = data["outlet"] + "\n(" + data["article_id"] + ")"
    totals = data[first] + data[second]
    ax.barh(labels, data[first], color=first_colour, label=first_label)
    ax.barh(labels, data[second], left=data[first], color=second_colour, label=second_label)
    for y, (total, value) in enumerate(zip(totals, data[share[0]])):
        ax.text(total, y, f" {value:.0%} {share[1]}", va="center", fontsize=8)
    ax.set_xlim(0, totals.max() * 1.2 if len(totals) else 1)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.25 / max(len(data), 1)),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    fig.tight_layout()
    return fig


def plot_rate_panels(
    summary: pd.DataFrame,
    panels: list[tuple[dict[str, str], str, str]],
    by: str,
    count_name: str,
    title: str,
    columns: int = 4,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Rates per 1,000 authorial words per group with 95% intervals, one panel per measure.

    ``summary`` is a :func:`analysis.stats.rates.summarise_rates` table; each panel is
    ``(labels, title, colour)`` where ``labels`` select its rows (e.g.
    ``{"kind": "hedge", "category": "all"}``); a panel's title is bold when its
    ``category`` is "all". The number beside each point is the count behind it.

    Returns
    -------
    The figure, and the rows of ``summary`` it plots:

    - ``by``: the group (the column named by ``by``)
    - the label columns of the panels (such as ``kind`` and ``category``)
    - ``articles``, ``sentences``, ``authorial_words``: what stands behind the rate
    - ``count_name``: the hits counted (the column named by ``count_name``)
    - ``per_1000``, ``per_1000_low``, ``per_1000_high``: the rate per 1,000 authorial words and its
      95% interval
    """
    label_columns = list(dict.fromkeys(name for labels, _, _ in panels for name in labels))
    keys = [tuple(labels[c] for c in label_columns) for labels, _, _ in panels]
    keep = pd.Series(list(zip(*(summary[c] for c in label_columns)))).isin(keys).to_numpy()
    data = summary.loc[
        keep,
        [
            by,
            *label_columns,
            "articles",
            "sentences",
            "authorial_words",
            count_name,
            "per_1000",
            "per_1000_low",
            "per_1000_high",
        ],
    ]
    data = data.reset_index(drop=True)
    groups = sorted(data[by].unique())
    rows = int(np.ceil(len(panels) / columns))
    fig, axes = plt.subplots(
        rows, columns, figsize=(13, rows * (0.32 * len(groups) + 1.3)), sharey=True, squeeze=False
    )
    for ax, (labels, panel_title, colour) in zip(axes.ravel(), panels):
        chosen = np.logical_and.reduce([data[c] == v for c, v in labels.items()])
        part = data[chosen].set_index(by).reindex(groups)
        y = np.arange(len(groups))
        error = np.vstack(
            [part["per_1000"] - part["per_1000_low"], part["per_1000_high"] - part["per_1000"]]
        )
        ax.errorbar(
            part["per_1000"],
            y,
            xerr=np.nan_to_num(np.clip(error, 0, None)),
            fmt="o",
            color=colour,
            capsize=3,
            markersize=4,
        )
        for yy, found, rate in zip(y, part[count_name], part["per_1000"]):
            ax.annotate(
                f"{int(found)}", (rate, yy), xytext=(4, 3), textcoords="offset points", fontsize=7
            )
        ax.set_title(
            panel_title,
            fontsize=9,
            fontweight="bold" if labels.get("category") == "all" else "normal",
        )
        ax.set_yticks(range(len(groups)), groups, fontsize=8)
        ax.set_xlim(left=0)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.ravel()[len(panels) :]:
        ax.axis("off")
    axes[0, 0].invert_yaxis()
    fig.suptitle(title)
    fig.supxlabel(f"{count_name} per 1,000 authorial words", fontsize=9)
    fig.tight_layout()
    return fig, data


def pick_text_colour(rgba) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgba`` (relative luminance,
    WCAG)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in rgba[:3])
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"
