"""What a figure draws, to check that a figure's data is exactly what it plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import Rectangle


def list_plotted_values(fig: plt.Figure) -> set[float]:
    """Every number a figure draws (rounded to 6 decimals): bar ends and sizes, line and point
    coordinates, error-bar segments, the values of heatmap cells."""
    values: list[float] = []
    for ax in fig.axes:
        for patch in ax.patches:
            if isinstance(patch, Rectangle):
                values += [patch.get_width(), patch.get_height()]
                values += [patch.get_x() + patch.get_width(), patch.get_y() + patch.get_height()]
        for line in ax.lines:
            values += list(np.ravel(np.asarray(line.get_xdata(), dtype=float)))
            values += list(np.ravel(np.asarray(line.get_ydata(), dtype=float)))
        for collection in ax.collections:
            values += list(np.ravel(collection.get_offsets()))
            for segment in getattr(collection, "get_segments", list)():
                values += list(np.ravel(segment))
            array = collection.get_array()
            if array is not None:
                values += list(np.ravel(np.ma.filled(array, np.nan)))
        for image in ax.images:
            values += list(np.ravel(np.ma.filled(image.get_array(), np.nan)))
    return {round(float(v), 6) for v in values if np.isfinite(v)}


def assert_plots(fig: plt.Figure, data: pd.DataFrame, columns: list[str]) -> None:
    """Every finite value of ``columns`` of ``data`` is drawn in ``fig``; then close it."""
    drawn = list_plotted_values(fig)
    plt.close(fig)
    assert len(data), "the figure plots no rows"
    for column in columns:
        numbers = pd.to_numeric(data[column], errors="coerce")
        values = {round(float(v), 6) for v in numbers if np.isfinite(v)}
        assert values, f"{column} has no finite value"
        missing = values - drawn
        assert not missing, f"{column}: {sorted(missing)[:5]} in the data but not in the figure"


@pytest.fixture
def plots():
    """:func:`assert_plots`, for the tests of this folder."""
    return assert_plots
