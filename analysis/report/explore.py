"""Widgets for JupyterLab: pick outlets and a measure and redraw the profile.

The widgets need a live kernel; the HTML reports show every outlet and measure
in static figures instead. While ``make report`` executes the notebooks, no widget
is built at all (:func:`show_profile_explorer`): nbclient can wait for ever on a
kernel whose Output widget captures a figure (jupyter/nbclient#312).
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

from analysis import config
from analysis.plots.profile import plot_profile

ALL_MEASURES = "all"


def select_profile(profile: pd.DataFrame, outlets: list[str], measure: str) -> pd.DataFrame:
    """The rows of ``profile`` for ``outlets`` and one ``measure`` (or :data:`ALL_MEASURES`), as a
    new DataFrame.

    Returns
    -------
    A new DataFrame:

    - the columns of ``profile`` (:func:`analysis.report.profile.profile_outlets`), the rows of
      ``outlets`` and ``measure``
    """
    chosen = profile["outlet"].isin(outlets)
    if measure != ALL_MEASURES:
        chosen &= profile["measure"] == measure
    return profile[chosen].reset_index(drop=True)


def draw_profile_choice(
    profile: pd.DataFrame, outlets: list[str], measure: str
) -> plt.Figure | None:
    """The profile chart for the chosen outlets and measure, in the full chart's colours; None
    without an outlet."""
    if not outlets:
        return None
    part = select_profile(profile, outlets, measure)
    fig, _ = plot_profile(
        part, columns=1 if measure != ALL_MEASURES else 5, outlets=outlets, colours_from=profile
    )
    return fig


def build_profile_explorer(profile: pd.DataFrame) -> widgets.VBox:
    """A multiple choice of outlets and a choice of measure above the profile chart they redraw.

    ``profile`` is :func:`analysis.report.profile.profile_outlets`; the measures are
    offered by their labels in the profile's order.
    """
    outlets = sorted(profile["outlet"].unique())
    measures = profile.drop_duplicates("measure")
    pick_outlets = widgets.SelectMultiple(
        options=outlets, value=tuple(outlets), description="outlets", rows=min(len(outlets), 8)
    )
    pick_measure = widgets.Dropdown(
        options=[("all measures", ALL_MEASURES), *zip(measures["label"], measures["measure"])],
        value=ALL_MEASURES,
        description="measure",
    )
    output = widgets.Output()

    def redraw(_change=None) -> None:
        output.clear_output(wait=True)
        with output:
            fig = draw_profile_choice(profile, list(pick_outlets.value), pick_measure.value)
            if fig is None:
                print("pick at least one outlet")
                return
            display(fig)
            plt.close(fig)

    pick_outlets.observe(redraw, names="value")
    pick_measure.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([pick_outlets, pick_measure]), output])


WIDGET_NOTE = (
    "*An interactive control appears here in JupyterLab (it needs a live kernel). This report "
    "shows every outlet "
    "and measure in the static figures and tables.*"
)
"""What the report shows where the explorer stands in JupyterLab."""


def show_profile_explorer(profile: pd.DataFrame) -> None:
    """Display the explorer of :func:`build_profile_explorer`, or, while the report is built
    (:func:`analysis.config.building_report`), the note :data:`WIDGET_NOTE` in its place."""
    display(Markdown(WIDGET_NOTE) if config.building_report() else build_profile_explorer(profile))
