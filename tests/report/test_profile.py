"""The framing profile: one row per outlet and measure, read from the measure tables or
bootstrapped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import config
from analysis.plots.base import OUTLET_PALETTE, assign_outlet_colours
from analysis.report.profile import MEASURE_KEYS, tabulate_profile


def test_every_outlet_has_every_measure(profile, seed_tables):
    outlets = seed_tables["articles"]["outlet"].nunique()
    assert len(profile) == outlets * len(MEASURE_KEYS)
    assert profile.groupby("measure").size().eq(outlets).all()
    inside = profile.dropna(subset=["low"])
    assert (
        (inside["low"] <= inside["value"] + 1e-9) & (inside["value"] <= inside["high"] + 1e-9)
    ).all()


def test_profile_reads_the_measure_tables(profile, seed_tables):
    hedges = (
        seed_tables["hedging_outlets"]
        .query("kind == 'hedge' and category == 'all'")
        .set_index("outlet")["per_1000"]
    )
    mine = profile[profile["measure"] == "hedges"].set_index("outlet")["value"]
    pd.testing.assert_series_equal(mine.sort_index(), hedges.sort_index(), check_names=False)


def test_shares_are_counted_from_their_units(profile, seed_tables):
    quotes = seed_tables["quotes"].merge(
        seed_tables["articles"][["article_id", "outlet"]], on="article_id"
    )
    expected = quotes.assign(a=quotes["speaker_type"] == "anonymous").groupby("outlet")["a"].mean()
    mine = profile[profile["measure"] == "anonymous_share"].set_index("outlet")["value"]
    assert np.allclose(mine.sort_index(), expected.sort_index())


def test_summary_table_has_a_column_per_outlet(profile):
    table = tabulate_profile(profile)
    assert len(table) == len(MEASURE_KEYS) and list(table.columns[:2]) == ["measure", "unit"]
    assert (
        table.iloc[:, 2:]
        .map(lambda c: c == "–" or "[" in c or c[0].isdigit() or c[0] == "-")
        .all()
        .all()
    )


@pytest.mark.parametrize(
    "outlets, expected",
    [
        (["b", "a"], {"a": OUTLET_PALETTE[0], "b": OUTLET_PALETTE[1]}),
        (["a", "a"], {"a": OUTLET_PALETTE[0]}),
    ],
)
def test_outlet_colours_follow_names(outlets, expected):
    assert assign_outlet_colours(outlets) == expected


def test_many_outlets_still_get_colours():
    colours = assign_outlet_colours([f"o{i:02d}" for i in range(12)])
    assert len(colours) == 12 and len(set(colours.values())) == 12


def test_profile_events_gives_each_event_and_outlet_its_ratio_of_sums(tmp_path):
    from analysis.engine.outputs import load_outputs
    from analysis.engine.pipeline import run_corpus
    from analysis.report.profile import profile_events, sum_measures_by_article

    run_corpus(config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv", tmp_path)
    tables = load_outputs(tmp_path)
    events = profile_events(tables)
    assert (
        set(events["event"]) == {"council-budget", "river-flood"}
        and (events["articles"] == 1).all()
    )
    hedges = events[
        (events["measure"] == "hedges")
        & (events["outlet"] == "Harbor Gazette")
        & (events["event"] == "river-flood")
    ].iloc[0]
    row = (
        tables["hedging_articles"]
        .query("article_id == 'harbor-flood' and kind == 'hedge' and category == 'all'")
        .iloc[0]
    )
    assert hedges["value"] == pytest.approx(row["per_1000"], rel=1e-4)
    sums = sum_measures_by_article(tables)
    assert (sums["weight"] > 0).all() and set(sums["measure"]) <= set(events["measure"])
    assert profile_events({**tables, "articles": tables["articles"].drop(columns="event")}).empty


@pytest.mark.parametrize(
    ("rgba", "expected"),
    [
        ((0.03, 0.19, 0.42, 1), "white"),
        ((0.97, 0.98, 1.0, 1), "black"),
        ((0.5, 0.5, 0.5, 1), "black"),
    ],
)
def test_cell_text_is_white_on_dark_cells(rgba, expected):
    from analysis.plots.base import pick_text_colour

    assert pick_text_colour(rgba) == expected


def test_event_heatmap_writes_every_cell_with_its_count():
    from analysis.plots.profile import plot_event_heatmap

    events = pd.DataFrame(
        {
            "event": ["e1", "e1", "e2"],
            "event_title": ["A long title", "A long title", "e2"],
            "outlet": ["X", "Y", "X"],
            "measure": "hedges",
            "label": "hedges, own voice",
            "unit": "per 1,000 authorial words",
            "value": [10.0, 25.5, 3.0],
            "articles": [1, 2, 1],
        }
    )
    fig, data = plot_event_heatmap(events, "hedges")
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert (
        texts == ["10 (1)", "25.5 (2)", "3 (1)"] and len(data) == 3
    )  # e2 × Y is blank: Y did not cover e2
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["A long title", "e2"]
