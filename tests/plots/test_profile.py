"""Framing-profile charts (analysis.plots.profile): each returns exactly the rows it plots."""

from __future__ import annotations

import pandas as pd

from analysis.plots.profile import plot_event_heatmap, plot_profile


def test_profile_plots_each_value_and_interval(profile, plots):
    fig, data = plot_profile(profile)
    assert data["outlet"].nunique() > 1
    plots(fig, data, ["value", "low", "high"])


def _events():
    rows = []
    for event, title in (("e1", "A very long title of an event " * 3), ("e2", "Short")):
        for outlet, value in (("X", 0.2), ("Y", -0.1)):
            if (event, outlet) == ("e2", "Y"):
                continue  # Y does not cover e2: a blank cell
            rows.append(
                {
                    "event": event,
                    "event_title": title,
                    "outlet": outlet,
                    "measure": "tone_vader",
                    "label": "tone",
                    "unit": "mean",
                    "value": value + (0.05 if event == "e2" else 0),
                    "articles": 2,
                }
            )
    rows.append({**rows[0], "measure": "hedges", "value": 9.0})
    return pd.DataFrame(rows)


def test_event_heatmap_plots_one_measure_and_leaves_uncovered_cells_blank(plots):
    fig, data = plot_event_heatmap(_events(), "tone_vader", max_label=20)
    assert set(data["measure"]) == {"tone_vader"} and len(data) == 3
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].endswith("…") and len(labels[0]) == 20 and labels[1] == "Short"
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["-0.1 (2)", "0.2 (2)", "0.25 (2)"]
    plots(fig, data, ["value"])
