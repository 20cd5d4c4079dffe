"""Charts of the corpus; each returns the figure and exactly the data it plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

AUTHORIAL_COLOUR = "#4c72b0"
QUOTED_COLOUR = "#dd8452"
CLEAN_COLOUR = "#55a868"
REMOVED_COLOUR = "#c7c7c7"


def plot_boilerplate_share(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars per article: characters kept as article text and removed as furniture."""
    data = summary[["article_id", "outlet", "clean_chars", "removed_chars", "removed_share"]].copy()
    fig = _plot_two_part_bars(
        data,
        parts=(("clean_chars", "article text", CLEAN_COLOUR), ("removed_chars", "removed (see removed.csv)", REMOVED_COLOUR)),
        share=("removed_share", "removed"),
        xlabel="characters in non-blank lines of the captured file",
        title="How much of each captured page is the article",
    )
    return fig, data


def plot_voice_words(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars per article: words in the author's voice and inside quotations."""
    data = summary[["article_id", "outlet", "authorial_words", "quoted_words", "quoted_share"]].copy()
    fig = _plot_two_part_bars(
        data,
        parts=(("authorial_words", "authorial", AUTHORIAL_COLOUR), ("quoted_words", "quoted", QUOTED_COLOUR)),
        share=("quoted_share", "quoted"),
        xlabel="words of the clean text",
        title="Whose words: the outlet's own or quoted",
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
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.25 / max(len(data), 1)), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
