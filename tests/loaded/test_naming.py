"""Naming choices (analysis.loaded.naming): which names each outlet uses, in parts that add up."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.loaded.naming import add_naming_choices, tabulate_naming_choices


def test_naming_choices_list_each_outlets_names(seed_tables):
    table = tabulate_naming_choices(seed_tables["loaded_terms"], seed_tables["articles"])
    war = table[table["set"] == "russia_ukraine_war"]
    assert {"war", "invasion", "conflict"} <= set(war["entry"])
    capitulate = table[table["entry"] == "surrender"]
    assert capitulate["outlet"].tolist() == ["Unidentified commentary"] and capitulate[
        "forms"
    ].tolist() == ["capitulate"]


@pytest.mark.parametrize("by", ["outlet", "article_id"])
def test_naming_choices_of_parts_add_up_to_the_whole(seed_tables, by):
    loaded, articles = seed_tables["loaded_terms"], seed_tables["articles"]
    whole = tabulate_naming_choices(loaded, articles, by=by)
    parts = [
        tabulate_naming_choices(rows, articles, by=by)
        for rows in (loaded.iloc[::2], loaded.iloc[1::2])
    ]  # each group's terms split between parts
    added = add_naming_choices(pd.concat(parts, ignore_index=True), by=by)
    pd.testing.assert_frame_equal(added, whole, check_dtype=False)
    assert len(whole) > 10 and (whole["forms"].str.contains(" | ", regex=False)).any()


def test_naming_choices_count_authorial_naming_hits_only():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"]})
    loaded = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "sentence_id": [0, 1, 0, 1],
            "start": [0, 10, 0, 10],
            "end": [5, 15, 5, 15],
            "term": ["Invasion", "war", "conflict", "war"],
            "entry": ["invasion", "war", "conflict", "war"],
            "category": ["dysphemism", "naming", "euphemism", "naming"],
            "set": ["a_war", "a_war", "a_war", "a_war"],
            "layer": "lexicon",
            "voice": ["authorial", "authorial", "authorial", "quoted"],
        }
    )
    table = tabulate_naming_choices(loaded, articles)
    assert list(table.columns) == ["set", "entry", "category", "outlet", "terms", "forms"]
    rows = sorted(zip(table["outlet"], table["entry"], table["terms"], table["forms"]))
    # Y's "war" is quoted: not Y's own choice of name
    assert rows == [
        ("X", "invasion", 1, "invasion"),
        ("X", "war", 1, "war"),
        ("Y", "conflict", 1, "conflict"),
    ]
