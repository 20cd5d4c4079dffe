"""Figures and tables of what outlets share and where they part (notebook 05)."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML

from analysis.plots.base import pick_text_colour
from analysis.plots.views import MAX_ROWS, show_rows


def plot_copy_map(
    passages: pd.DataFrame, articles: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Words shared by each pair of outlets, authorial and quoted apart (a heatmap per voice).

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per ordered pair of outlets and
    voice:

    - ``outlet``, ``other``: the pair (the row outlet and the one it shares with)
    - ``voice``: ``authorial`` or ``quoted``
    - ``words``: the row outlet's words in passages shared with the other (a passage counts for
      both outlets of its pair)
    """
    outlets = list(dict.fromkeys(articles["outlet"]))
    outlet_of = dict(zip(articles["article_id"], articles["outlet"]))
    words: dict[tuple[str, str, str], int] = {}
    for first, second, voice, count in zip(
        passages["article_id"].map(outlet_of),
        passages["other_id"].map(outlet_of),
        passages["voice"],
        passages["words"],
    ):
        for key in (
            (first, second, voice),
            (second, first, voice),
        ):  # a passage counts for both outlets of its pair
            words[key] = words.get(key, 0) + int(count)
    rows = [
        (a, b, v, words.get((a, b, v), 0))
        for v in ("authorial", "quoted")
        for a in outlets
        for b in outlets
        if a != b
    ]
    data = pd.DataFrame(rows, columns=["outlet", "other", "voice", "words"])
    fig, axes = plt.subplots(1, 2, figsize=(12, 5.2))
    for ax, voice in zip(axes, ("authorial", "quoted")):
        matrix = (
            data[data["voice"] == voice]
            .pivot(index="outlet", columns="other", values="words")
            .reindex(index=outlets, columns=outlets)
            .fillna(0)
        )
        top = max(1, data["words"].max())
        ax.imshow(matrix.to_numpy(), cmap="Blues", vmin=0, vmax=top)
        for i in range(len(outlets)):
            for j in range(len(outlets)):
                if i != j:
                    colour = pick_text_colour(plt.get_cmap("Blues")(matrix.iloc[i, j] / top))
                    ax.text(
                        j,
                        i,
                        f"{int(matrix.iloc[i, j])}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color=colour,
                    )
        ax.set_xticks(
            range(len(outlets)), [_short(o) for o in outlets], rotation=40, ha="right", fontsize=8
        )
        ax.set_yticks(range(len(outlets)), [_short(o) for o in outlets], fontsize=8)
        ax.set_title(f"Words in shared passages, {voice}", fontsize=10)
    fig.tight_layout()
    return fig, data


def plot_coverage_matrix(
    matrix: pd.DataFrame, min_outlets: int = 2, top: int = 40
) -> tuple[plt.Figure, pd.DataFrame]:
    """Which outlet carries which claim, for the claims at least ``min_outlets`` outlets carry: the
    ``top`` that most outlets carry (ties by claim number), in claim order, the title saying how
    many there are (``matrix``: :func:`analysis.across.coverage.tabulate_coverage`).

    Returns
    -------
    The figure, and the rows of ``matrix`` it plots:

    - ``claim``, ``outlets``, ``example``: the claim, how many outlets carry it, its first sentence
    - one column per outlet: its sentences in the claim (the cell is filled when above 0)
    """
    outlets = [c for c in matrix.columns if c not in ("claim", "outlets", "example")]
    carried = matrix[matrix["outlets"] >= min_outlets]
    data = (
        carried.sort_values(["outlets", "claim"], ascending=[False, True], kind="stable")
        .head(top)
        .sort_values("claim", kind="stable")
    )
    data = data.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(2.0 + 1.3 * len(outlets), 1.2 + 0.42 * max(1, len(data))))
    values = (
        (data[outlets].to_numpy() > 0).astype(float) if len(data) else np.zeros((1, len(outlets)))
    )
    ax.imshow(values, cmap="Greens", vmin=0, vmax=1.4, aspect="auto")
    ax.set_xticks(
        range(len(outlets)), [_short(o) for o in outlets], rotation=40, ha="right", fontsize=8
    )
    ax.set_yticks(
        range(len(data)),
        [f"{c}: {_short(e, 60)}" for c, e in zip(data["claim"], data["example"])],
        fontsize=7,
    )
    more = (
        f" ({len(data)} of {len(carried):,}: those most outlets carry)"
        if len(data) < len(carried)
        else ""
    )
    ax.set_title(
        f"Claims carried by {min_outlets} outlets or more{more} (green: carried)", fontsize=10
    )
    fig.tight_layout()
    return fig, data


def plot_unique_claims(
    coverage: pd.DataFrame, articles: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Per outlet: sentences in claims only it carries, and in claims others carry too.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per outlet:

    - ``outlet``: the outlet
    - ``unique``: its sentences in claims only it carries
    - ``shared``: its sentences in claims other outlets carry too
    """
    outlets = list(dict.fromkeys(articles["outlet"]))
    data = pd.DataFrame(
        [
            (
                o,
                int(((coverage["outlet"] == o) & (coverage["outlets"] == 1)).sum()),
                int(((coverage["outlet"] == o) & (coverage["outlets"] > 1)).sum()),
            )
            for o in outlets
        ],
        columns=["outlet", "unique", "shared"],
    )
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.4))
    ax.barh(
        data["outlet"].map(_short),
        data["shared"],
        color="#1b9e77",
        label="in a claim other outlets carry",
    )
    ax.barh(
        data["outlet"].map(_short),
        data["unique"],
        left=data["shared"],
        color="#d95f02",
        label="in a claim only this outlet carries",
    )
    ax.invert_yaxis()
    ax.set_xlabel("sentences (four words or more)")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig, data


def render_variants(variants: pd.DataFrame, articles: pd.DataFrame) -> str:
    """An HTML table of quote variants with each outlet's changed words marked; all article text
    escaped."""
    outlet_of = dict(zip(articles["article_id"], articles["outlet"]))
    rows = []
    for row in variants.itertuples(index=False):
        changed = "".join(
            f"<li>{_mark_change(part)}</li>"
            for part in str(row.changed).split(" | ")
            if part and part != "nan"
        )
        extra = "; ".join(
            f"{label}: {html.escape(str(value))}"
            for label, value in (("added", row.added), ("cut inside", row.cut_inside))
            if str(value) not in ("", "nan")
        )
        rows.append(
            f"<tr><td>{row.group}</td>"
            f"<td>{html.escape(outlet_of.get(row.article_id, row.article_id))}</td>"
            f"<td>{html.escape(row.wording)}</td><td>{row.kept_share:.2f}</td><td>{html.escape(row.text)}</td>"
            f"<td><ul>{changed}</ul>{extra}</td></tr>"
        )
    head = (
        "<tr><th>group</th><th>outlet</th><th>wording</th><th>share of the compared version "
        "kept</th><th>quotation</th><th>words that differ</th></tr>"
    )
    return f'<table class="quote-variants">{head}{"".join(rows)}</table>'


def show_variants(variants: pd.DataFrame, articles: pd.DataFrame, limit: int = MAX_ROWS) -> None:
    """Display :func:`render_variants` of at most ``limit`` rows, whole groups, under a note when
    some are left out (:func:`analysis.plots.views.show_rows`)."""
    show_rows(
        variants,
        "the run's `quote_variants` table",
        limit,
        by="group",
        render=lambda shown: HTML(render_variants(shown, articles)),
    )


def _mark_change(part: str) -> str:
    theirs, _, mine = part.partition(" → ")
    return f"<del>{html.escape(theirs)}</del> → <ins>{html.escape(mine)}</ins>"


def _short(text: str, width: int = 28) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def plot_across_validation(
    results: list[dict], targets: dict[str, float]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Recall and false-alarm rate of each planted change on each base corpus, with the targets.

    Returns
    -------
    The figure, and a new DataFrame of what it plots, one row per base corpus and change:

    - ``dataset``, ``change``: the base corpus and the change planted
    - ``planted``, ``found``, ``recall``: changes planted, found, and their ratio
    - ``false_alarms``, ``opportunities``, ``false_alarm_rate``: what the kit reported that was not
      planted, out of how many places, and their ratio
    """
    columns = [
        "dataset",
        "change",
        "planted",
        "found",
        "recall",
        "false_alarms",
        "opportunities",
        "false_alarm_rate",
    ]
    data = pd.DataFrame([r for r in results if r.get("check") == "planted"], columns=columns)
    labels = [f"{d}\n{c}" for d, c in zip(data["dataset"], data["change"])]
    fig, axes = plt.subplots(1, 2, figsize=(max(8, 1.1 * len(data) + 3), 4.6))
    for ax, metric, target, colour in zip(
        axes,
        ("recall", "false_alarm_rate"),
        (targets["recall"], targets["false_alarm_rate"]),
        ("#1b9e77", "#d95f02"),
    ):
        ax.bar(range(len(data)), data[metric], color=colour)
        for x, value in enumerate(data[metric]):
            ax.annotate(
                f"{value:.3f}",
                (x, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
        ax.axhline(
            target, color="#333333", linestyle="--", linewidth=1, label=f"target {target:.2f}"
        )
        ax.set_xticks(range(len(data)), labels, fontsize=7, rotation=45, ha="right")
        ax.set_title(metric.replace("_", " "), fontsize=10)
        ax.set_ylim(0, 1.1 if metric == "recall" else max(0.1, float(data[metric].max()) * 1.3))
        ax.legend(fontsize=8)
    fig.suptitle("Planted changes: found (left) and false alarms (right)", fontsize=11)
    fig.tight_layout()
    return fig, data
