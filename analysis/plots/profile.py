"""The framing profile as small multiples: one panel per measure, one colour per outlet."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.base import assign_outlet_colours, pick_text_colour


def plot_profile(
    profile: pd.DataFrame,
    columns: int = 5,
    outlets: list[str] | None = None,
    colours_from: pd.DataFrame | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Every measure of the profile per outlet with its 95% interval, one panel per measure.

    ``profile`` is :func:`analysis.report.profile.profile_outlets`; ``outlets`` picks
    and orders the outlets shown (default: all, by name). Colours come from
    :func:`analysis.plots.base.assign_outlet_colours` over all outlets of the
    profile (or of ``colours_from``, a larger profile this one was cut from), so
    an outlet keeps its colour whichever are shown. The number
    beside each point is how many units (sentences, attributed contents) stand
    behind it.

    Returns
    -------
    The figure, and the rows of ``profile`` it plots (the outlets shown):

    - ``outlet``, ``measure``, ``label``, ``unit``, ``family``: the outlet and the measure
    - ``value``, ``low``, ``high``: the point and its 95% interval
    - ``interval_unit``, ``articles``, ``units``, ``basis``: what stands behind them
      (:func:`analysis.report.profile.profile_outlets`)
    """
    colours = assign_outlet_colours((profile if colours_from is None else colours_from)["outlet"])
    outlets = sorted(profile["outlet"].unique()) if outlets is None else list(outlets)
    measures = list(dict.fromkeys(profile["measure"]))
    data = profile[profile["outlet"].isin(outlets)].reset_index(drop=True)
    columns = max(1, min(columns, len(measures)))
    rows = int(np.ceil(len(measures) / columns)) or 1
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(3.1 * columns, rows * (0.3 * len(outlets) + 1.5)),
        sharey=True,
        squeeze=False,
    )
    y = np.arange(len(outlets))
    for ax, measure in zip(axes.ravel(), measures):
        part = data[data["measure"] == measure].set_index("outlet").reindex(outlets)
        for yy, outlet in zip(y, outlets):
            row = part.loc[outlet]
            if pd.isna(row["value"]):
                continue
            error = np.array([[row["value"] - row["low"]], [row["high"] - row["value"]]])
            ax.errorbar(
                row["value"],
                yy,
                xerr=np.nan_to_num(np.clip(error, 0, None)),
                fmt="o",
                color=colours[outlet],
                capsize=3,
                markersize=5,
            )
            ax.annotate(
                f"{int(row['units'])}",
                (row["value"], yy),
                xytext=(4, 3),
                textcoords="offset points",
                fontsize=6,
                color="#555555",
            )
        first = data[data["measure"] == measure].iloc[0]
        ax.set_title(f"{first['label']}\n({first['unit']})", fontsize=8)
        if first["family"] == "tone":
            ax.axvline(0, color="#999999", linewidth=0.7)
        ax.set_yticks(y, outlets, fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.ravel()[len(measures) :]:
        ax.axis("off")
    axes[0, 0].invert_yaxis()
    fig.suptitle(
        "Framing profile: every measure per outlet, 95% bootstrap intervals (number: units behind "
        "the point)",
        fontsize=10,
    )
    fig.tight_layout()
    return fig, data


def plot_event_heatmap(
    events: pd.DataFrame, measure: str, max_label: int = 48
) -> tuple[plt.Figure, pd.DataFrame]:
    """One measure per event (rows) and outlet (columns), each cell's value and article count
    written in it.

    ``events`` is :func:`analysis.report.profile.profile_events`. Tone uses a diverging scale
    centred on 0, the rest a sequential one; a cell's text is black or white by its colour's
    luminance. An outlet that does not cover an event leaves its cell blank.

    Returns
    -------
    The figure, and the rows of ``events`` it plots (those of ``measure``):

    - ``event``, ``event_title``: the row of the heatmap
    - ``outlet``: its column
    - ``measure``, ``label``, ``unit``: the measure
    - ``value``: the cell's value
    - ``articles``: the articles behind it (written in the cell)
    """
    data = events[events["measure"] == measure].reset_index(drop=True)
    values = data.pivot(index="event", columns="outlet", values="value")
    counts = data.pivot(index="event", columns="outlet", values="articles")
    titles = data.drop_duplicates("event").set_index("event")["event_title"].reindex(values.index)
    labels = [t if len(t) <= max_label else t[: max_label - 1] + "…" for t in titles]
    matrix = values.to_numpy(dtype=float)
    tone = measure.startswith("tone")
    limit = np.nanmax(np.abs(matrix)) if np.isfinite(matrix).any() else 1.0
    cmap = plt.get_cmap("RdBu" if tone else "Purples")
    vmin, vmax = (-limit, limit) if tone else (0.0, max(limit, 1e-9))
    fig, ax = plt.subplots(figsize=(1.6 + 1.5 * values.shape[1], 1.4 + 0.32 * values.shape[0]))
    ax.imshow(np.ma.masked_invalid(matrix), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    norm = plt.Normalize(vmin, vmax)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            if np.isnan(matrix[i, j]):
                continue
            colour = pick_text_colour(cmap(norm(matrix[i, j])))
            ax.text(
                j,
                i,
                f"{matrix[i, j]:.3g} ({int(counts.iloc[i, j])})",
                ha="center",
                va="center",
                fontsize=7,
                color=colour,
            )
    ax.set_xticks(range(values.shape[1]), values.columns, fontsize=8, rotation=30, ha="right")
    ax.set_yticks(range(values.shape[0]), labels, fontsize=7)
    first = data.iloc[0] if len(data) else None
    title = f"{first['label']} ({first['unit']})" if first is not None else measure
    ax.set_title(f"{title} by event and outlet (in brackets: articles)", fontsize=9)
    fig.tight_layout()
    return fig, data
