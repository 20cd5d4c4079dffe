"""The framing profile: one row per outlet and measure, read from the measure tables or bootstrapped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.plots import OUTLET_PALETTE, assign_outlet_colours
from analysis.profile import (
    MEASURE_KEYS,
    compare_profile,
    tabulate_profile,
)


def test_every_outlet_has_every_measure(profile, seed_tables):
    outlets = seed_tables["articles"]["outlet"].nunique()
    assert len(profile) == outlets * len(MEASURE_KEYS)
    assert profile.groupby("measure").size().eq(outlets).all()
    inside = profile.dropna(subset=["low"])
    assert ((inside["low"] <= inside["value"] + 1e-9) & (inside["value"] <= inside["high"] + 1e-9)).all()


def test_profile_reads_the_measure_tables(profile, seed_tables):
    hedges = seed_tables["hedging_outlets"].query("kind == 'hedge' and category == 'all'").set_index("outlet")["per_1000"]
    mine = profile[profile["measure"] == "hedges"].set_index("outlet")["value"]
    pd.testing.assert_series_equal(mine.sort_index(), hedges.sort_index(), check_names=False)


def test_shares_are_counted_from_their_units(profile, seed_tables):
    quotes = seed_tables["quotes"].merge(seed_tables["articles"][["article_id", "outlet"]], on="article_id")
    expected = quotes.assign(a=quotes["speaker_type"] == "anonymous").groupby("outlet")["a"].mean()
    mine = profile[profile["measure"] == "anonymous_share"].set_index("outlet")["value"]
    assert np.allclose(mine.sort_index(), expected.sort_index())


def test_profile_tests_cover_every_measure(seed_tables):
    tests = compare_profile(seed_tables)
    assert set(tests["measure"]) == set(MEASURE_KEYS)
    assert tests.groupby("measure").size().eq(10).all()


def test_summary_table_has_a_column_per_outlet(profile):
    table = tabulate_profile(profile)
    assert len(table) == len(MEASURE_KEYS) and list(table.columns[:2]) == ["measure", "unit"]
    assert table.iloc[:, 2:].map(lambda c: c == "–" or "[" in c or c[0].isdigit() or c[0] == "-").all().all()


@pytest.mark.parametrize(
    "outlets, expected",
    [(["b", "a"], {"a": OUTLET_PALETTE[0], "b": OUTLET_PALETTE[1]}), (["a", "a"], {"a": OUTLET_PALETTE[0]})],
)
def test_outlet_colours_follow_names(outlets, expected):
    assert assign_outlet_colours(outlets) == expected


def test_many_outlets_still_get_colours():
    colours = assign_outlet_colours([f"o{i:02d}" for i in range(12)])
    assert len(colours) == 12 and len(set(colours.values())) == 12
