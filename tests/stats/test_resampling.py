"""Tests and intervals with articles as the unit (analysis.stats.resampling)."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.stats.resampling import (
    MIN_ARTICLES,
    article_interval,
    article_permutation_test,
    difference_interval,
    sign_flip_test,
)


@pytest.mark.parametrize(
    ("differences", "expected"),
    [
        (
            [1.0] * 6,
            2 / 64,
        ),  # every flip of six equal differences but one and its mirror is smaller: exact
        ([1.0, -1.0, 1.0, -1.0], 1.0),  # a mean of 0: every flip is at least as far out
        ([], float("nan")),
    ],
)
def test_sign_flip_test_is_exact_for_few_events(differences, expected):
    p = sign_flip_test(np.array(differences))
    assert (math.isnan(p) and math.isnan(expected)) or p == pytest.approx(expected)


@pytest.mark.parametrize(
    ("total", "weight"),
    [
        ([], []),
        ([3.0], [2.0]),  # one article: nothing to resample
        ([3.0, 1.0], [2.0, 0.0]),  # the second article has no weight: one article left
    ],
)
def test_article_interval_needs_min_articles_with_weight(total, weight):
    assert MIN_ARTICLES == 2
    low, high = article_interval(np.array(total), np.array(weight))
    assert math.isnan(low) and math.isnan(high)


def test_article_interval_holds_the_ratio_of_sums_and_does_not_change_with_article_length():
    rng = np.random.default_rng(3)
    weight = rng.integers(5, 40, size=30).astype(float)
    means = rng.normal(0.2, 0.3, size=30)
    low, high = article_interval(means * weight, weight)
    ratio = (means * weight).sum() / weight.sum()
    assert low < ratio < high
    # the same articles with every sentence counted ten times: the unit is the article, so the
    # interval is the same (a sentence-level interval would shrink by about sqrt(10))
    assert article_interval(means * weight * 10, weight * 10) == pytest.approx((low, high))


def test_article_interval_is_the_same_for_the_same_seed():
    total, weight = np.array([1.0, 2.0, 4.0, 0.5]), np.array([2.0, 2.0, 4.0, 1.0])
    assert article_interval(total, weight, seed=7) == article_interval(total, weight, seed=7)


def _articles(values, weight=10.0):
    return pd.DataFrame({"total": np.array(values) * weight, "weight": weight})


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        ([0.9, 1.0, 1.1, 0.95, 1.05, 1.0], [-1.0, -0.9, -1.1, -1.05, -0.95, -1.0], True),
        ([0.1, -0.1, 0.2, -0.2, 0.0, 0.05], [0.0, 0.1, -0.1, 0.2, -0.2, -0.05], False),
    ],
)
def test_article_permutation_test_and_difference_interval_agree(first, second, differ):
    a, b = _articles(first), _articles(second)
    p = article_permutation_test(a, b)
    low, high = difference_interval(a, b)
    assert (p < 0.05) is differ
    assert (not low <= 0 <= high) is differ
