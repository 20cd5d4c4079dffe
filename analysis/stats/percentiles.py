"""Percentile intervals of bootstrap statistics with NumPy's floats and without its per-call
overhead: of one sample (:func:`percentile_interval`) or of many rows at once
(:func:`percentile_intervals`)."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np


def percentile_interval(stats: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """``np.percentile(stats, [tail, 100 - tail])`` (its default, linear method) of bootstrap
    statistics without NaN, the same floats.

    NumPy's arithmetic is followed step by step (see :func:`_percentile_positions`;
    then ``a + (b - a) * gamma``, or ``b - (b - a) * (1 - gamma)`` when gamma is at
    least one half); a test compares them.
    """
    low, high = percentile_intervals(np.asarray(stats, dtype=float)[np.newaxis, :], level)
    return (float(low[0]), float(high[0]))


def percentile_intervals(stats: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """:func:`percentile_interval` of each row of the 2-D ``stats`` (no NaN): the lower ends and
    the upper ends."""
    positions = _percentile_positions(stats.shape[1], level)
    ranked = np.partition(
        stats, sorted({i for below, above, _ in positions for i in (below, above)}), axis=1
    )
    ends = []
    for below, above, gamma in positions:
        a, b = ranked[:, below], ranked[:, above]
        diff = b - a
        ends.append(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma)
    return (ends[0], ends[1])


@lru_cache(maxsize=64)
def _percentile_positions(m: int, level: float) -> tuple[tuple[int, int, float], ...]:
    """For each end of the interval: the two ranks NumPy interpolates between and the weight of the
    upper one.

    The virtual index is ``(m - 1) * q`` with ``q`` the percentile over 100; an
    index at or past the last rank takes the last value twice (NumPy's rank -1,
    and its weight computed from it).
    """
    tail = (1 - level) / 2 * 100
    positions = []
    for percent in (tail, 100 - tail):
        virtual = (m - 1) * (percent / 100)
        below = float(math.floor(virtual)) if virtual < m - 1 else -1.0
        rank = int(below) % m
        positions.append((rank, rank if below == -1.0 else rank + 1, virtual - below))
    return tuple(positions)
