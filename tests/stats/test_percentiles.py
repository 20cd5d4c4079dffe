"""Percentile intervals with NumPy's floats."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.stats.percentiles import percentile_interval, percentile_intervals


@pytest.mark.parametrize("size", [2, 3, 40, 2000, 2001, 9999])
@pytest.mark.parametrize("level", [0.95, 0.9, 0.5, 0.999])
def test_percentile_interval_gives_numpys_floats(size, level):
    rng = np.random.default_rng(size)
    for stats in (
        rng.normal(size=size),
        rng.integers(0, 4, size) / 3.0,
        np.round(rng.normal(size=size), 1),
    ):
        tail = (1 - level) / 2 * 100
        assert percentile_interval(stats.copy(), level) == tuple(
            np.percentile(stats, [tail, 100 - tail])
        )


@pytest.mark.parametrize("level", [0.95, 0.5])
def test_the_rows_of_a_matrix_get_each_rows_interval(level):
    stats = np.random.default_rng(3).normal(size=(7, 501))
    lows, highs = percentile_intervals(stats.copy(), level)
    for row, low, high in zip(stats, lows, highs):
        assert (low, high) == percentile_interval(row, level)
