"""Charts of tone; each returns the figure and exactly the data it plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.base import AUTHORIAL_COLOUR, QUOTED_COLOUR
from analysis.plots.views import choose_articles, describe_sample

MEASURE_LABELS = {
    "vader": "VADER compound",
    "model": "calibrated model",
    "target": "target-tone model, P(positive) − P(negative)",
}
TONE_MAP = plt.get_cmap("RdBu").with_extremes(bad="#e4e4e4")
"""Red negative, blue positive; grey where there is no value (no sentence, too few sentences)."""


def plot_outlet_tone(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean tone per outlet with 95% intervals, authorial and quoted side by side, one panel per
    measure.

    Returns
    -------
    The figure, and the rows of ``summary`` it plots (authorial and quoted voices):

    - ``outlet``, ``measure``, ``voice``: the point
    - ``articles``, ``sentences``: what stands behind it
    - ``mean``, ``mean_low``, ``mean_high``: mean tone and its 95% interval
    """
    data = summary[summary["voice"].isin(["authorial", "quoted"])][
        ["outlet", "measure", "voice", "articles", "sentences", "mean", "mean_low", "mean_high"]
    ].reset_index(drop=True)
    outlets = sorted(data["outlet"].unique())
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.55 * len(outlets) + 1.8), sharey=True)
    for ax, measure in zip(axes, ("vader", "model")):
        for offset, voice, colour in (
            (-0.15, "authorial", AUTHORIAL_COLOUR),
            (0.15, "quoted", QUOTED_COLOUR),
        ):
            rows = (
                data[(data["measure"] == measure) & (data["voice"] == voice)]
                .set_index("outlet")
                .reindex(outlets)
            )
            y = np.arange(len(outlets)) + offset
            error = np.vstack([rows["mean"] - rows["mean_low"], rows["mean_high"] - rows["mean"]])
            ax.errorbar(
                rows["mean"],
                y,
                xerr=np.nan_to_num(error),
                fmt="o",
                color=colour,
                label=voice,
                capsize=3,
            )
            for yy, n, mean in zip(y, rows["sentences"], rows["mean"]):
                if not np.isnan(mean):
                    ax.annotate(
                        f"n={int(n)}",
                        (mean, yy),
                        xytext=(0, 5),
                        textcoords="offset points",
                        fontsize=7,
                        ha="center",
                    )
        ax.axvline(0, color="#888888", linewidth=0.8)
        ax.set_xlabel(f"mean sentence tone ({MEASURE_LABELS[measure]})")
        ax.set_yticks(range(len(outlets)), outlets)
        ax.invert_yaxis()
    axes[0].legend(loc="best", fontsize=8)
    fig.suptitle(
        "Tone in the outlet's own voice and in the speech it quotes (95% bootstrap intervals)"
    )
    fig.tight_layout()
    return fig, data


def plot_tone_strip(
    sentences: pd.DataFrame, articles: pd.DataFrame, measure: str = "vader"
) -> tuple[plt.Figure, pd.DataFrame]:
    """One row per article, one cell per sentence in reading order, coloured by tone; quoted
    sentences dotted.

    At most :data:`analysis.plots.views.MAX_FIGURE_ARTICLES` articles (a sample named in the
    title); the data are the rows plotted.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per sentence of the articles shown:

    - ``article_id``, ``outlet``: the strip
    - ``sentence_id``: the sentence
    - ``position``: its place in the strip
    - ``voice``: its voice (quoted sentences are dotted)
    - ``tone_<measure>``: its tone (the cell's colour)
    """
    column = f"tone_{measure}"
    shown = choose_articles(sorted(sentences["article_id"].unique()))
    total = sentences["article_id"].nunique()
    sentences = sentences[sentences["article_id"].isin(shown)]
    data = sentences[["article_id", "sentence_id", "voice", column]].merge(
        articles[["article_id", "outlet"]], on="article_id"
    )
    data["position"] = data.groupby("article_id").cumcount()
    data = data[["article_id", "outlet", "sentence_id", "position", "voice", column]]
    order = sorted(data["article_id"].unique())
    grid = data.pivot(index="article_id", columns="position", values=column).reindex(order)
    fig, ax = plt.subplots(figsize=(11, 0.5 * len(order) + 1.8))
    image = ax.imshow(
        np.ma.masked_invalid(grid.to_numpy(dtype=float)),
        aspect="auto",
        cmap=TONE_MAP,
        vmin=-1,
        vmax=1,
        interpolation="nearest",
    )
    quoted = data[data["voice"] != "authorial"]
    rows = {a: i for i, a in enumerate(order)}
    ax.scatter(
        quoted["position"],
        quoted["article_id"].map(rows),
        s=6,
        color="black",
        label="quoted or mixed sentence",
    )
    labels = data.drop_duplicates("article_id").set_index("article_id").reindex(order)["outlet"]
    ax.set_yticks(range(len(order)), labels)
    ax.set_xlabel("sentence, in reading order")
    ax.set_title(
        f"Sentence by sentence: {MEASURE_LABELS[measure]} of each sentence"
        + describe_sample(len(order), total)
    )
    fig.colorbar(image, ax=ax, label="tone (negative – positive)", fraction=0.03)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18 - 0.3 / max(len(order), 1)),
        fontsize=8,
        frameon=False,
    )
    fig.tight_layout()
    return fig, data


def plot_actor_heatmap(
    actor_tone: pd.DataFrame, measure: str = "vader", min_sentences: int = 3
) -> tuple[plt.Figure, pd.DataFrame]:
    """Actors × outlets: mean tone of the authorial sentences mentioning the actor.

    ``actor_tone`` is :func:`analysis.sources.actors.pool_actor_tone` (or any table with
    ``outlet``, ``actor``, ``kind``, ``measure``, ``sentences``, ``mean`` and its interval). Cells
    with fewer than ``min_sentences`` sentences are left grey (their counts are still in the
    returned data); each cell shows its sentences (n) and, when the table has them, its articles.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per outlet and actor (of
    ``measure``):

    - ``outlet``, ``actor``, ``kind``: the cell
    - ``articles``, ``sentences``: what stands behind it (``articles`` when the table has it)
    - ``mean``, ``mean_low``, ``mean_high``, ``interval_unit``: its tone and 95% interval (those
      ``actor_tone`` has)
    - ``shown``: whether the cell is coloured (at least ``min_sentences`` sentences)
    """
    columns = [
        "outlet",
        "actor",
        "kind",
        "articles",
        "sentences",
        "mean",
        "mean_low",
        "mean_high",
        "interval_unit",
    ]
    data = actor_tone[actor_tone["measure"] == measure][
        [c for c in columns if c in actor_tone.columns]
    ].reset_index(drop=True)
    data["shown"] = data["sentences"] >= min_sentences
    actors = sorted(data["actor"].unique())
    outlets = sorted(data["outlet"].unique())
    means = (
        data[data["shown"]]
        .pivot(index="actor", columns="outlet", values="mean")
        .reindex(index=actors, columns=outlets)
    )
    counts = data.pivot(index="actor", columns="outlet", values="sentences").reindex(
        index=actors, columns=outlets
    )
    with_articles = "articles" in data.columns
    articles = (
        data.pivot(index="actor", columns="outlet", values="articles").reindex(
            index=actors, columns=outlets
        )
        if with_articles
        else None
    )
    fig, ax = plt.subplots(figsize=(1.6 * len(outlets) + 3, 0.4 * len(actors) + 2))
    image = ax.imshow(
        np.ma.masked_invalid(means.to_numpy(dtype=float)),
        cmap=TONE_MAP,
        vmin=-1,
        vmax=1,
        aspect="auto",
    )
    for i in range(len(actors)):
        for j in range(len(outlets)):
            n = counts.iat[i, j]
            if not np.isnan(n):
                value = means.iat[i, j]
                count = f"n={int(n)}" + (
                    f", {int(articles.iat[i, j])} art." if with_articles else ""
                )
                label = f"{value:+.2f}\n{count}" if not np.isnan(value) else count
                ax.text(j, i, label, ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right")
    ax.set_yticks(range(len(actors)), actors)
    ax.set_title(
        f"Tone of the outlet's own sentences about each actor ({MEASURE_LABELS[measure]}; grey: "
        f"fewer than {min_sentences} sentences)"
    )
    fig.colorbar(image, ax=ax, label="mean tone", fraction=0.03)
    fig.tight_layout()
    return fig, data


def plot_tone_validation(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Human mean rating against VADER and against the calibrated model, with Pearson r.

    Returns
    -------
    The figure, and the rows of ``table`` it plots:

    - ``id``, ``split``: the rated sentence
    - ``rating``: its mean human rating (the y axis)
    - ``vader``, ``model``: its scores (the x axis of each panel)
    """
    data = table[["id", "split", "rating", "vader", "model"]].reset_index(drop=True)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True)
    for ax, method in zip(axes, ("vader", "model")):
        r = np.corrcoef(data[method], data["rating"])[0, 1]
        ax.scatter(data[method], data["rating"], s=4, alpha=0.3, color=AUTHORIAL_COLOUR)
        how = (
            "out of fold on fitted rows, committed model on unseen rows"
            if method == "model"
            else "no fitting"
        )
        ax.set_title(
            f"{MEASURE_LABELS[method]}: r = {r:.3f} ({len(data)} sentences)\n{how}", fontsize=9
        )
        ax.set_xlabel("score (−1..+1)")
        ax.axhline(0, color="#888888", linewidth=0.6)
        ax.axvline(0, color="#888888", linewidth=0.6)
    axes[0].set_ylabel("mean human rating (−4..+4)")
    fig.suptitle("Tone against people: NYT editorial sentences (vader_nyt)")
    fig.tight_layout()
    return fig, data
