"""The pairwise comparisons behind the framing profile (analysis.report.comparisons)."""

from __future__ import annotations

from analysis.report.comparisons import TEST_COLUMNS, compare_profile
from analysis.report.profile import MEASURE_KEYS


def test_profile_tests_cover_every_measure(seed_tables):
    tests = compare_profile(seed_tables)
    assert set(tests["measure"]) == set(MEASURE_KEYS)
    assert tests.groupby("measure").size().eq(10).all()


def test_the_shares_the_profile_adds_are_compared_with_articles_as_the_unit(seed_tables):
    tests = compare_profile(seed_tables)
    assert list(tests.columns) == TEST_COLUMNS
    added = tests[~tests["measure"].str.startswith(("tone", "hedg", "loaded"))]
    assert len(added) and set(added["unit"]) == {"article"}
    # one article per outlet in the default corpus: every pair is described, none tested
    assert set(added["design"]) == {"descriptive"} and added["p_value"].isna().all()
    pairs = seed_tables["articles"]["outlet"].nunique()
    assert (added.groupby("measure").size() == pairs * (pairs - 1) // 2).all()
