"""Charts of source choice; each returns the figure and exactly the data it plots."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

PALETTE = [
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#666666",
    "#1f78b4",
    "#b2df8a",
]


def plot_quoted_words(table: pd.DataFrame, top: int = 8) -> tuple[plt.Figure, pd.DataFrame]:
    """Who speaks in each outlet: quoted words by source (the ``top`` sources overall, the rest as
    "others").

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per outlet and source:

    - ``outlet``: the outlet
    - ``source``: the speaker, or "others" beyond the ``top``
    - ``quotes``: its attributed contents in the outlet
    - ``quoted_words``: its words in direct and partial quotes (the bar)
    """
    totals = (
        table.groupby("speaker")["quoted_words"].sum().sort_values(ascending=False, kind="stable")
    )
    keep = list(totals.index[:top])
    data = table.assign(source=np.where(table["speaker"].isin(keep), table["speaker"], "others"))
    data = (
        data.groupby(["outlet", "source"], sort=True)[["quotes", "quoted_words"]]
        .sum()
        .reset_index()
    )
    return _stacked(
        data,
        "source",
        keep + ["others"],
        "quoted_words",
        "words in direct and partial quotes",
        "Who speaks, in whose words: quoted words per source",
    ), data


def plot_share(table: pd.DataFrame, column: str, title: str) -> tuple[plt.Figure, pd.DataFrame]:
    """Shares of each outlet's attributed contents by ``column`` (source type, country, verb
    class).

    Returns
    -------
    The figure, and the rows of ``table`` it plots:

    - ``outlet``: the outlet
    - ``column``: the value (the column named by ``column``)
    - ``quotes``: the outlet's attributed contents with it
    - ``share``: their share of the outlet's contents (the bar)
    """
    order = list(
        table.groupby(column)["quotes"].sum().sort_values(ascending=False, kind="stable").index
    )
    data = table[["outlet", column, "quotes", "share"]].reset_index(drop=True)
    return _stacked(
        data,
        column,
        order,
        "share",
        "share of the outlet's attributed contents (direct, partial, indirect)",
        title,
    ), data


def _stacked(
    data: pd.DataFrame, column: str, order: list, value: str, xlabel: str, title: str
) -> plt.Figure:
    outlets = sorted(data["outlet"].unique())
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(outlets) + 2.2))
    left = np.zeros(len(outlets))
    for k, label in enumerate(order):
        part = (
            data[data[column] == label]
            .set_index("outlet")
            .reindex(outlets)[value]
            .fillna(0)
            .to_numpy()
        )
        ax.barh(
            outlets, part, left=left, color=PALETTE[k % len(PALETTE)], label=str(label) or "(none)"
        )
        left += part
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_source_matrix(table: pd.DataFrame, top: int = 15) -> tuple[plt.Figure, pd.DataFrame]:
    """Source × outlet: attributed contents of the ``top`` sources in each outlet.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per source (the ``top`` by contents):

    - ``speaker``: the source
    - one column per outlet: its attributed contents there
    """
    totals = table.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="stable")
    keep = list(totals.index[:top])
    matrix = (
        table[table["speaker"].isin(keep)]
        .pivot_table(
            index="speaker", columns="outlet", values="quotes", aggfunc="sum", fill_value=0
        )
        .reindex(keep)
    )
    fig, ax = plt.subplots(figsize=(1.4 * len(matrix.columns) + 4, 0.4 * len(matrix) + 1.8))
    ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto")
    for (i, j), value in np.ndenumerate(matrix.to_numpy()):
        ax.text(
            j,
            i,
            str(int(value)),
            ha="center",
            va="center",
            fontsize=8,
            color="black" if value < matrix.to_numpy().max() * 0.6 else "white",
        )
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=20, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix)), matrix.index, fontsize=8)
    ax.set_title("Attributed contents per source and outlet")
    fig.tight_layout()
    return fig, matrix.reset_index()


def plot_sources_validation(
    results: list[dict], targets: Callable[[dict], dict[str, float]], rules: dict[str, str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Quote F1 under each matching rule and speaker accuracy per gold set (data set, split and
    gold filter), with the targets.

    ``targets``: the targets of a record (:func:`analysis.evaluation.sources.targets_for`).
    ``rules``: the suffix of each rule's figures and its name, in the order shown.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per gold set and rule:

    - ``split``: the data set and split
    - ``gold_filter``: the filter on the gold attributions
    - ``attributions``: the kit's attributions compared (``words_and_stances`` or ``words``)
    - ``articles``, ``gold``, ``gold_all``, ``predicted``, ``matched``: the counts behind the
      scores
    - ``rule``: the matching rule's name
    - ``quote_precision``, ``quote_recall``, ``quote_f1``: of attributed contents under the rule
    - ``speaker_accuracy``: share of matched contents whose speaker is right
    """
    results = [
        r for r in results if "quote_f1_cover30" in r
    ]  # the hand checks of stances are printed, not drawn here
    columns = ["matched", "quote_precision", "quote_recall", "quote_f1", "speaker_accuracy"]
    rows = [
        {
            "split": f"{r.get('dataset', 'polnear')} {r['split']}",
            "gold_filter": r["gold_filter"],
            "attributions": r.get("attributions", "words"),
            "articles": r["articles"],
            "rule": name,
            "gold": r["gold"],
            "gold_all": r["gold_all"],
            "predicted": r["predicted"],
            **{c: r[c + suffix] for c in columns},
        }
        for r in results
        for suffix, name in rules.items()
    ]
    data = pd.DataFrame(
        rows,
        columns=[
            "split",
            "gold_filter",
            "attributions",
            "articles",
            "rule",
            "gold",
            "gold_all",
            "predicted",
            *columns,
        ],
    )
    groups = list(dict.fromkeys(zip(data["split"], data["gold_filter"], data["attributions"])))
    bars = [(name, "quote_f1", f"quote F1, {name}") for name in rules.values()]
    set_targets = {
        (
            f"{r.get('dataset', 'polnear')} {r['split']}",
            r["gold_filter"],
            r.get("attributions", "words"),
        ): targets(r)
        for r in results
    }
    any_targets = next(iter(set_targets.values()))
    target_suffix = next(suffix for suffix in rules if f"speaker_accuracy{suffix}" in any_targets)
    bars.append(
        (rules[target_suffix], "speaker_accuracy", f"speaker accuracy, {rules[target_suffix]}")
    )
    width = 0.8 / len(bars)
    fig, ax = plt.subplots(figsize=(2.6 * len(groups) + 5, 5.6))
    x = np.arange(len(groups))
    for k, (rule, metric, label) in enumerate(bars):
        values = [
            data.loc[
                (data["split"] == split)
                & (data["gold_filter"] == kept)
                & (data["attributions"] == found)
                & (data["rule"] == rule),
                metric,
            ].iloc[0]
            for split, kept, found in groups
        ]
        positions = x + (k - (len(bars) - 1) / 2) * width
        ax.bar(positions, values, width=width * 0.95, color=PALETTE[k % len(PALETTE)], label=label)
        for xx, value in zip(positions, values):
            ax.annotate(
                f"{value:.2f}",
                (xx, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    labelled = set()
    for position, group in zip(x, groups):
        for (name, target), style in zip(sorted(set_targets[group].items()), ("--", ":")):
            label = f"target {name.replace('_', ' ')}" if name not in labelled else None
            labelled.add(name)
            ax.hlines(
                target,
                position - 0.45,
                position + 0.45,
                color="#333333",
                linestyle=style,
                linewidth=1,
                label=label,
            )
    counts = {
        (s, f, k): (a, g, t)
        for s, f, k, a, g, t in zip(
            data["split"],
            data["gold_filter"],
            data["attributions"],
            data["articles"],
            data["gold"],
            data["gold_all"],
        )
    }
    names = {"none": "all gold", "verb_list": "speech-verb gold only"}
    found_names = {"words_and_stances": "words and stances", "words": "words"}
    ax.set_xticks(
        x,
        [
            f"{s}: {names.get(f, f)},\nkit's {found_names.get(k, k)}\n({counts[s, f, k][1]:,} of "
            f"{counts[s, f, k][2]:,} gold, {counts[s, f, k][0]} articles)"
            for s, f, k in groups
        ],
        fontsize=8,
    )
    ax.set_ylim(0, 1.1)
    ax.set_title(
        "Quotes and speakers against people: PolNeAR (all gold, speech-verb gold) and hand-coded "
        "BASIL articles"
    )
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    fig.tight_layout()
    return fig, data
