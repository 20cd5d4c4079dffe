"""Tests and intervals with articles as the unit: signs flipped over events, articles relabelled
between groups, articles resampled within a group (the designs that use them are described in
:mod:`analysis.stats.design`)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.stats import permutation_test as scipy_permutation_test

from analysis.stats.percentiles import percentile_interval
from analysis.stats.uncertainty import (
    DEFAULT_SEED,
    RESAMPLE_LIMIT,
    Moments,
    bootstrap_interval,
    normal_interval,
    normal_permutation_test,
    normal_quantile,
    permutation_test,
    resample_means,
)

MIN_ARTICLES = 2
"""Fewest articles a side needs for a test: with one, the pair is described, not tested."""
RESAMPLES = 9999
"""Relabellings of a permutation test (sign flips of a paired one)."""
BOOTSTRAP_RESAMPLES = 2000
"""Resamples of a bootstrap interval."""


def _mean_difference(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(x - y, axis=axis)


def sign_flip_test(
    differences: np.ndarray, resamples: int = RESAMPLES, seed: int = DEFAULT_SEED
) -> float:
    """Two-sided p-value of a mean of paired differences: the sign of each pair's difference
    flipped at random (:func:`scipy.stats.permutation_test` with ``permutation_type="samples"``;
    exact when 2ⁿ ≤ resamples + 1)."""
    d = np.asarray(differences, dtype=float)
    if len(d) == 0:
        return float("nan")
    result = scipy_permutation_test(
        (d, np.zeros(len(d))),
        _mean_difference,
        permutation_type="samples",
        vectorized=True,
        n_resamples=resamples,
        batch=max(
            1, 4_000_000 // len(d)
        ),  # about 32 MB of flips at a time, whatever the number of events
        alternative="two-sided",
        rng=np.random.default_rng(seed),
    )
    return float(min(1.0, result.pvalue))


def _article_values(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    weights = frame["weight"].to_numpy(dtype=float)
    return frame["total"].to_numpy(dtype=float) / weights, weights


def article_permutation_test(
    first: pd.DataFrame, second: pd.DataFrame, seed: int = DEFAULT_SEED
) -> float:
    """Two-sided p-value of the difference of two ratios of sums, articles relabelled with their
    weights; the normal approximation past :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT`
    articles in a group."""
    (x_a, w_a), (x_b, w_b) = _article_values(first), _article_values(second)
    if max(len(x_a), len(x_b)) > RESAMPLE_LIMIT:
        return normal_permutation_test(Moments.of_values(x_a, w_a), Moments.of_values(x_b, w_b))[1]
    return permutation_test(
        x_a, x_b, resamples=RESAMPLES, seed=seed, weights_first=w_a, weights_second=w_b
    )[1]


def difference_interval(
    first: pd.DataFrame, second: pd.DataFrame, seed: int = DEFAULT_SEED
) -> tuple[float, float]:
    """95% interval of the difference of two ratios of sums, articles resampled within each group
    (percentile bootstrap; the normal approximation of each ratio past
    :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` articles)."""
    (x_a, w_a), (x_b, w_b) = _article_values(first), _article_values(second)
    if max(len(x_a), len(x_b)) > RESAMPLE_LIMIT:
        a, b = Moments.of_values(x_a, w_a), Moments.of_values(x_b, w_b)
        half = normal_quantile() * math.sqrt(
            a.spread(a.mean) / a.weight**2 + b.spread(b.mean) / b.weight**2
        )
        return (a.mean - b.mean - half, a.mean - b.mean + half)
    means = resample_means(x_a, w_a, BOOTSTRAP_RESAMPLES, seed) - resample_means(
        x_b, w_b, BOOTSTRAP_RESAMPLES, seed + 1
    )
    means = means[~np.isnan(means)]
    return percentile_interval(means) if len(means) else (float("nan"), float("nan"))


def article_interval(
    total: np.ndarray, weight: np.ndarray, seed: int = DEFAULT_SEED
) -> tuple[float, float]:
    """95% interval of a group's ratio of sums Σtotal / Σweight with its articles as the unit: a
    percentile bootstrap of articles, each with its weight (2,000 resamples); the normal
    approximation past :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` articles; NaN under
    :data:`MIN_ARTICLES` articles with weight."""
    total, weight = np.asarray(total, dtype=float), np.asarray(weight, dtype=float)
    kept = weight > 0
    if kept.sum() < MIN_ARTICLES:
        return (float("nan"), float("nan"))
    x, w = total[kept] / weight[kept], weight[kept]
    if len(x) > RESAMPLE_LIMIT:
        return normal_interval(Moments.of_values(x, w))
    return bootstrap_interval(x, resamples=BOOTSTRAP_RESAMPLES, seed=seed, weights=w)
