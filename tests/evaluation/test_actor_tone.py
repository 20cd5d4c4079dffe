"""Tone toward actors against BASIL's annotation of the author's feeling
(analysis.evaluation.actor_tone)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.evaluation.actor_tone import (
    FEELINGS,
    compare_within_events,
    make_actors,
    pair_within_events,
    read_feelings,
    score_basil_actor_tone,
    summarise_basil_actor_tone,
)


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        (["Barack Obama"], {"Barack Obama": ("person", ("Barack Obama", "Obama"))}),
        # a group is named as written, in three cases
        (
            ["Republican lawmakers"],
            {
                "Republican lawmakers": (
                    "organisation",
                    ("Republican lawmakers", "republican lawmakers"),
                )
            },
        ),
        # names equal but for case are one actor
        (["Senate Democrats", "senate Democrats"], {"Senate Democrats": ("organisation", None)}),
        # a surname two actors share names neither
        (
            ["George W. Bush", "Jeb Bush"],
            {
                "George W. Bush": ("person", ("George W. Bush",)),
                "Jeb Bush": ("person", ("Jeb Bush",)),
            },
        ),
        # "Trump" is an entity of its own beside "Donald Trump": the surname goes to neither
        (
            ["Donald Trump", "Trump"],
            {"Donald Trump": ("person", ("Donald Trump",)), "Trump": ("organisation", None)},
        ),
    ],
)
def test_make_actors(entities, expected):
    actors = {a.name: a for a in make_actors(entities)}
    assert set(actors) == set(expected)
    for name, (kind, aliases) in expected.items():
        assert actors[name].kind == kind
        if aliases is not None:
            assert actors[name].aliases == aliases
    owners: dict[str, set[str]] = {}
    for actor in actors.values():
        for alias in actor.aliases:
            owners.setdefault(alias.lower(), set()).add(actor.name)
    assert all(len(names) == 1 for names in owners.values()), "an alias names two actors"


def test_read_feelings_keeps_every_entity_but_the_main_event(tmp_path):
    folder = tmp_path / "annotations" / "2019"
    folder.mkdir(parents=True)
    annotation = {
        "article-level-annotations": {
            "author_feeling_Nancy_Pelosi": "str-neg",
            "author_feeling_main_event": "neg",
            "author_feeling_House_Democrats": "neu",
            "you_feeling_Nancy_Pelosi": "pos",
        }
    }
    (folder / "abc_2_ann.json").write_text(json.dumps(annotation), encoding="utf-8")
    feelings = read_feelings(tmp_path)
    assert list(feelings.columns) == ["article_id", "entity", "feeling", "gold"]
    assert list(zip(feelings["article_id"], feelings["entity"], feelings["gold"])) == [
        ("abc_2", "House Democrats", 0),
        ("abc_2", "Nancy Pelosi", FEELINGS["str-neg"]),
    ]


def test_a_measure_that_calls_everything_negative_gets_half_the_balanced_direction():
    table = pd.DataFrame(
        {
            "gold": [-1, -1, -1, 1, 0, 0],
            "target": [-0.5, -0.2, -0.1, -0.3, -0.2, np.nan],
            "vader": [-0.5, 0.2, -0.1, 0.3, 0.0, np.nan],
            "model": [np.nan] * 6,
        }
    )
    entry = summarise_basil_actor_tone(table)
    assert (entry["pairs"], entry["unscored"], entry["gold_not_neutral"]) == (6, 1, 4)
    target = entry["target"]
    assert (target["scored"], target["direction_pairs"]) == (5, 4)
    assert (target["direction_negative"], target["direction_positive"]) == (1.0, 0.0)
    assert target["direction_agreement"] == 0.75 and target["direction_balanced"] == 0.5
    assert entry["vader"]["direction_balanced"] == pytest.approx((2 / 3 + 1) / 2, abs=1e-4)
    assert entry["model"]["scored"] == 0 and entry["model"]["spearman_rho"] is None


def test_every_annotated_pair_of_basil_is_reported(data_home):
    folder = data_home / "basil"
    if not folder.is_dir():
        pytest.skip("basil is not in the data home")
    table = score_basil_actor_tone(folder)
    assert len(table) == len(read_feelings(folder))
    entry = summarise_basil_actor_tone(table)
    assert entry["pairs"] == len(table) and 0 < entry["unscored"] < len(table)
    assert len({entry[m]["scored"] for m in ("target", "vader", "model")}) == 1
    assert set(table["outlet"]) == {"Fox News", "HuffPost", "New York Times"}
    within = compare_within_events(table)
    assert within["target"]["pairs"] > 50 and within["target"]["events"] > 20


EVENT_TABLE = pd.DataFrame(
    {
        "article_id": ["1f", "1n", "1h", "1f", "1n", "2f", "2n"],
        "entity": ["Ann Lee"] * 3 + ["Bob Ray"] * 2 + ["Ann Lee"] * 2,
        "gold": [1, -1, -1, 0, -2, 1, 0],
        "event": [1, 1, 1, 1, 1, 2, 2],
        "outlet": ["Fox", "NYT", "HPO", "Fox", "NYT", "Fox", "NYT"],
        "target": [0.4, -0.2, np.nan, -0.5, -0.1, 0.1, 0.1],
    }
)


@pytest.mark.parametrize(
    ("event", "entity", "first", "second", "order"),
    [
        (1, "Ann Lee", "1n", "1f", 1.0),  # the more negative article first; in order
        (1, "Bob Ray", "1n", "1f", 0.0),  # reversed
        (2, "Ann Lee", "2n", "2f", 0.5),  # tied
    ],
)
def test_pairs_within_an_event_are_the_articles_read_differently(
    event, entity, first, second, order
):
    pairs = pair_within_events(EVENT_TABLE, "target").set_index(["event", "entity"])
    pair = pairs.loc[(event, entity)]
    assert (pair["article_a"], pair["article_b"], pair["order"]) == (first, second, order)
    assert pair["gold_a"] < pair["gold_b"]


def test_an_unscored_article_and_equal_feelings_make_no_pair():
    pairs = pair_within_events(EVENT_TABLE, "target")
    assert len(pairs) == 3 and "1h" not in set(pairs["article_a"]) | set(pairs["article_b"])
    within = compare_within_events(EVENT_TABLE.assign(vader=np.nan, model=-0.1))
    assert within["target"] == {"pairs": 3, "events": 2, "in_order": 0.5}
    assert within["vader"] == {"pairs": 0, "events": 0, "in_order": None}
    assert within["model"]["in_order"] == 0.5  # a constant ties every pair
