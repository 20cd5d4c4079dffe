"""Tone toward actors against BASIL's annotation of the author's feeling
(analysis.evaluation.actor_tone)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.evaluation.actor_tone import (
    FEELINGS,
    make_actors,
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
