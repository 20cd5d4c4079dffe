from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.stats.uncertainty import (
    adjust_holm,
    bootstrap_interval,
    bootstrap_intervals,
    list_resampled_groups,
    permutation_test,
    total_by_group,
)


def test_bootstrap_interval_brackets_the_mean_and_repeats_with_the_seed():
    values = np.random.default_rng(3).normal(0.2, 1.0, 300)
    low, high = bootstrap_interval(values, seed=1)
    assert low < values.mean() < high
    assert high - low == pytest.approx(2 * 1.96 * values.std() / np.sqrt(300), rel=0.15)
    assert bootstrap_interval(values, seed=1) == (low, high)


@pytest.mark.parametrize(
    "values, expected",
    [([], (math.nan, math.nan)), ([0.4], (math.nan, math.nan)), ([0.3, 0.3, 0.3], (0.3, 0.3))],
)
def test_bootstrap_interval_edge_cases(values, expected):
    assert np.allclose(bootstrap_interval(values), expected, equal_nan=True)


@pytest.mark.parametrize(
    "values, weights, expected",
    [
        ([1.0, 2.0], [0.0, 0.0], (math.nan, math.nan)),
        ([1.0, 2.0, 5.0], [0.0, 0.0, 1.0], (5.0, 5.0)),
        ([1.0, 3.0], [1.0, 1.0], (1.0, 3.0)),
    ],
)
def test_weighted_bootstrap_interval_edge_cases(values, weights, expected):
    assert np.allclose(bootstrap_interval(values, weights=weights), expected, equal_nan=True)


def test_bootstrap_in_batches_stays_within_the_range_of_the_values():
    values = np.arange(5000) % 2
    low, high = bootstrap_interval(values, resamples=1500)
    assert 0.45 < low < 0.5 < high < 0.55


def _reference_interval(values, weights, resamples=2000, seed=20250212, level=0.95):
    """The interval by the textbook recipe: draw, take the (weighted) means, np.percentile."""
    values = np.asarray(values, dtype=float)
    w = np.ones(len(values)) if weights is None else np.asarray(weights, dtype=float)
    picks = np.random.default_rng(seed).integers(0, len(values), (resamples, len(values)))
    with np.errstate(invalid="ignore", divide="ignore"):
        stats = (values[picks] * w[picks]).sum(axis=1) / w[picks].sum(axis=1)
    tail = (1 - level) / 2 * 100
    return tuple(np.percentile(stats[~np.isnan(stats)], [tail, 100 - tail]))


def test_bootstrap_intervals_equal_one_call_each_and_the_textbook_recipe():
    rng = np.random.default_rng(5)
    samples = []
    for k in range(120):
        n = int(rng.integers(0, 30))
        weights = rng.integers(0, 20, n).astype(float) if k % 2 else None
        values = rng.poisson(0.5, n).astype(float) if k % 3 else np.full(n, 1.5)
        samples.append((values, weights))
        if weights is not None:  # another measure of the same rows: the same weights array
            samples.append((rng.poisson(2.0, n).astype(float), weights))
    many = bootstrap_intervals(samples)
    for (values, weights), interval in zip(samples, many):
        assert np.array_equal(
            interval, bootstrap_interval(values, weights=weights), equal_nan=True
        )
        if len(values) > 1 and not np.all(values == values[0]):
            assert interval == pytest.approx(
                _reference_interval(values, weights), rel=1e-12, abs=1e-12
            )


def test_permutation_test_finds_a_real_difference_and_not_a_null_one():
    rng = np.random.default_rng(0)
    a, b = rng.normal(0.5, 0.2, 30), rng.normal(-0.5, 0.2, 30)
    difference, p = permutation_test(a, b, resamples=999)
    assert difference == pytest.approx(a.mean() - b.mean())
    assert p == pytest.approx(1 / 1000)
    _, p_null = permutation_test(a, a.copy(), resamples=999)
    assert p_null == 1.0


@pytest.mark.parametrize("weighted", [False, True])
def test_permutation_test_follows_the_textbook_recipe(weighted):
    """Relabel with the seeded permutations, count differences at least as large: the same p-value
    to the last bit."""
    rng = np.random.default_rng(11)
    a, b = rng.normal(0.1, 1, 40), rng.normal(-0.1, 1, 70)
    wa, wb = (
        (rng.integers(1, 30, 40).astype(float), rng.integers(1, 30, 70).astype(float))
        if weighted
        else (np.ones(40), np.ones(70))
    )
    observed = (a * wa).sum() / wa.sum() - (b * wb).sum() / wb.sum()
    pooled, weights = np.concatenate([a, b]), np.concatenate([wa, wb])
    order = np.random.default_rng(5).permuted(np.tile(np.arange(110), (999, 1)), axis=1)
    v, w = pooled[order] * weights[order], weights[order]
    diffs = v[:, :40].sum(axis=1) / w[:, :40].sum(axis=1) - v[:, 40:].sum(axis=1) / w[:, 40:].sum(
        axis=1
    )
    expected = (int(np.sum(np.abs(diffs) >= abs(observed) - 1e-12)) + 1) / 1000
    found = permutation_test(
        a,
        b,
        resamples=999,
        seed=5,
        weights_first=wa if weighted else None,
        weights_second=wb if weighted else None,
    )
    assert found == (pytest.approx(observed, rel=1e-12), expected)


def test_permutation_test_of_an_empty_group_is_nan():
    assert all(math.isnan(x) for x in permutation_test([], [1.0, 2.0]))


@pytest.mark.parametrize(
    "pvalues, expected",
    [
        ([0.01, 0.04, 0.03], [0.03, 0.06, 0.06]),
        ([0.5], [0.5]),
        ([0.02, math.nan, 0.04], [0.04, math.nan, 0.04]),
        ([0.6, 0.9, 0.01], [1.0, 1.0, 0.03]),
    ],
)
def test_holm_adjustment(pvalues, expected):
    assert np.allclose(adjust_holm(pvalues), expected, equal_nan=True)


def test_weighted_statistics_are_ratios_of_sums():
    import numpy as np

    from analysis.stats.uncertainty import bootstrap_interval, permutation_test

    rates = np.array([0.0, 100.0, 50.0, 0.0])
    words = np.array([10.0, 10.0, 20.0, 60.0])
    low, high = bootstrap_interval(rates, weights=words)
    assert low <= (rates * words).sum() / words.sum() <= high
    difference, p = permutation_test(rates, np.zeros(4), weights_first=words, weights_second=words)
    assert difference == pytest.approx(20.0) and 0 < p <= 1


def _tone_like(rng, n):
    """Scores in [-1, 1] like VADER's: a third exactly 0, the rest spread and skewed."""
    values = np.clip(rng.normal(0.1, 0.45, n), -1, 1)
    return np.where(rng.random(n) < 0.33, 0.0, values)


def _rate_like(rng, n, per_word):
    words = rng.integers(5, 40, n).astype(float)
    hits = rng.poisson(words * per_word).astype(float)
    return hits / words * 1000, words


@pytest.mark.parametrize(
    "kind, tolerance",
    [("tone", 0.001), ("share", 0.001), ("rate", 0.05)],
)
def test_normal_interval_matches_the_bootstrap_at_the_resample_limit(kind, tolerance):
    from analysis.stats.uncertainty import RESAMPLE_LIMIT, Moments, normal_interval

    rng = np.random.default_rng(11)
    weights = None
    if kind == "rate":
        values, weights = _rate_like(rng, RESAMPLE_LIMIT, 0.01)
    else:
        values = _tone_like(rng, RESAMPLE_LIMIT)
        values = (values <= -0.05).astype(float) if kind == "share" else values
    normal = normal_interval(Moments.of_values(values, weights))
    assert np.allclose(normal, bootstrap_interval(values, weights=weights), atol=tolerance, rtol=0)


@pytest.mark.parametrize(
    "shift, weighted", [(0.02, False), (0.0, False), (0.002, True), (0.0, True)]
)
def test_normal_permutation_test_matches_the_permutation_test(shift, weighted):
    from analysis.stats.uncertainty import Moments, normal_permutation_test

    rng = np.random.default_rng(5)
    if weighted:
        (a, w_a), (b, w_b) = _rate_like(rng, 5000, 0.01), _rate_like(rng, 5000, 0.01 + shift)
    else:
        (a, w_a), (b, w_b) = (_tone_like(rng, 5000), None), (_tone_like(rng, 5000) + shift, None)
    difference, p = permutation_test(a, b, weights_first=w_a, weights_second=w_b)
    normal_difference, normal_p = normal_permutation_test(
        Moments.of_values(a, w_a), Moments.of_values(b, w_b)
    )
    assert normal_difference == pytest.approx(difference)
    assert normal_p == pytest.approx(p, abs=max(0.01, 3 * math.sqrt(p * (1 - p) / 9999)))


@pytest.mark.parametrize(
    "values, weights, expected",
    [
        ([], None, (math.nan, math.nan)),
        ([0.4], None, (math.nan, math.nan)),
        ([0.3, 0.3, 0.3], None, (0.3, 0.3)),
        (
            [1.0, 3.0],
            [1.0, 1.0],
            (2 - 1.959963984540054 / math.sqrt(2), 2 + 1.959963984540054 / math.sqrt(2)),
        ),  # population sd 1, n 2
    ],
)
def test_normal_interval_edge_cases(values, weights, expected):
    from analysis.stats.uncertainty import Moments, normal_interval

    assert np.allclose(
        normal_interval(Moments.of_values(values, weights)), expected, equal_nan=True
    )


def test_moments_add_up_to_the_pooled_group():
    from analysis.stats.uncertainty import Moments

    rng = np.random.default_rng(2)
    x, w = rng.normal(size=40), rng.integers(1, 9, 40).astype(float)
    pooled = Moments.of_values(x[:15], w[:15], articles=1, hits=2) + Moments.of_values(
        x[15:], w[15:], articles=2, hits=3
    )
    whole = Moments.of_values(x, w, articles=3, hits=5)
    assert pooled.units == 40 and pooled.articles == 3 and pooled.hits == 5
    assert np.allclose(pooled._fields()[1:6], whole._fields()[1:6])
    assert pooled.mean == pytest.approx(np.average(x, weights=w))


@pytest.mark.parametrize(
    ("units", "resampled"),
    [
        (
            {"a": (3, 0), "b": (7, 8), "c": (2, 9)},
            ["a", "c"],
        ),  # b is past the limit in both columns; a's second column is empty
        ({"a": (0, 0), "b": (6, 6)}, ["b"]),  # no unit at all: nothing to resample
        ({"a": (8, 9)}, []),
    ],
)
def test_resampled_groups_have_a_column_of_few_units(units, resampled, resample_limit):
    resample_limit(6)
    rows = [
        row
        for group, (first, second) in units.items()
        for row in ((f"{group}0", group, first, second), (f"{group}1", group, 0, 0))
    ]
    sums = pd.DataFrame(
        [(a, f, s) for a, _, f, s in rows], columns=["article_id", "x.units", "y.units"]
    )
    articles = pd.DataFrame([(a, g) for a, g, _, _ in rows], columns=["article_id", "outlet"])
    assert total_by_group(sums, articles, "outlet")[["x.units", "y.units"]].to_dict("index") == {
        g: {"x.units": f, "y.units": s} for g, (f, s) in units.items()
    }
    assert list_resampled_groups(sums, articles, "outlet") == resampled


@pytest.mark.parametrize(
    ("hits", "n", "expected"),
    [
        (4, 50, (0.0315, 0.1884)),
        (0, 50, (0.0, 0.0713)),
        (50, 50, (0.9287, 1.0)),
    ],
)
def test_wilson_interval(hits, n, expected):
    from analysis.stats.uncertainty import wilson_interval

    low, high = wilson_interval(hits, n)
    assert (round(low, 4), round(high, 4)) == expected
    assert all(math.isnan(x) for x in wilson_interval(0, 0))
