"""Widgets for JupyterLab: pick outlets and a measure and redraw the profile.

The widgets need a live kernel; the HTML reports show every outlet and measure
in static figures instead (the report template puts a note where a widget was).
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from analysis.profile import MEASURES
from analysis.profile_plots import plot_profile

ALL_MEASURES = "all"


def select_profile(profile: pd.DataFrame, outlets: list[str], measure: str) -> pd.DataFrame:
    """The rows of ``profile`` for ``outlets`` and one ``measure`` (or :data:`ALL_MEASURES`), as a new DataFrame."""
    chosen = profile["outlet"].isin(outlets)
    if measure != ALL_MEASURES:
        chosen &= profile["measure"] == measure
    return profile[chosen].reset_index(drop=True)


def build_profile_explorer(profile: pd.DataFrame) -> widgets.VBox:
    """A multiple choice of outlets and a choice of measure above the profile chart they redraw.

    ``profile`` is :func:`analysis.profile.profile_outlets`. Every outlet keeps
    the colour it has in the full chart.
    """
    outlets = sorted(profile["outlet"].unique())
    keys = [m.key for m in MEASURES if m.key in set(profile["measure"])]
    labels = {m.key: m.label for m in MEASURES}
    pick_outlets = widgets.SelectMultiple(options=outlets, value=tuple(outlets), description="outlets", rows=min(len(outlets), 8))
    pick_measure = widgets.Dropdown(options=[("all measures", ALL_MEASURES)] + [(labels[k], k) for k in keys], value=ALL_MEASURES, description="measure")
    output = widgets.Output()

    def redraw(_change=None) -> None:
        output.clear_output(wait=True)
        with output:
            chosen = list(pick_outlets.value)
            if not chosen:
                print("pick at least one outlet")
                return
            part = select_profile(profile, chosen, pick_measure.value)
            fig, _ = plot_profile(part, columns=1 if pick_measure.value != ALL_MEASURES else 5, outlets=chosen, colours_from=profile)
            display(fig)
            plt.close(fig)

    pick_outlets.observe(redraw, names="value")
    pick_measure.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([pick_outlets, pick_measure]), output])
