"""Copied and syndicated text: shared passages and who copies whom."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.across.copying import _group_pairs, find_shared_passages, summarise_shared
from analysis.text.quotes import find_article_quotations

REPORT = (
    "The two leaders spoke for about ninety minutes on Wednesday and agreed that their teams "
    "would begin talks "
    "on ending the war without delay, according to officials in both capitals who described the "
    "call."
)
OTHER = (
    "Markets in Europe rose on Thursday as investors weighed the chance of a ceasefire and "
    "the price of gas fell sharply."
)
REST = (
    "Critics in Kyiv warned that any deal struck over the heads of Ukrainians would not hold "
    "for long."
)


def _run(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {"article_id": list(texts), "outlet": list(texts), "clean_text": list(texts.values())}
    )
    _, voice = find_article_quotations(articles)
    passages = find_shared_passages(articles, voice)
    return passages, summarise_shared(passages, articles, voice)


@pytest.mark.parametrize(
    ("copy", "copies"),
    [
        (REPORT, True),  # verbatim
        (REPORT.replace("agreed", "decided"), True),  # one word changed: still one passage
        (
            "Advertisement\n" + REPORT + "\nSubscribe to our newsletter for the latest news",
            True,
        ),  # boilerplate around it
        (OTHER, False),  # another story
        (REPORT.split(",")[0][:60], False),  # too short a shared run
    ],
)
def test_a_copy_is_found_and_another_story_is_not(copy, copies):
    passages, shared = _run({"original": REPORT + "\n" + REST, "copy": copy})
    row = shared.set_index("article_id").loc["copy"]
    assert bool(row["copies"]) is copies
    if copies:
        assert row["partner"] == "original"
        assert len(passages) == 1 and passages["voice"].iloc[0] == "authorial"


def test_a_small_edit_keeps_one_passage_and_reordering_gives_two():
    second = (
        "Officials said a meeting in Saudi Arabia was being prepared by advisers of both "
        "presidents for later this month."
    )
    passages, _ = _run(
        {"a": REPORT + "\n" + second, "b": second + "\n" + REPORT.replace("agreed", "decided")}
    )
    assert len(passages) == 2
    assert set(passages["words"]) == {len(REPORT.split()), len(second.split())}


def test_words_before_an_edit_in_the_first_shingle_are_lost():
    # a known limit: no shingle of eight words fits before an edit at the seventh word, so the six
    # before it and the edit are lost
    passages, _ = _run({"a": REPORT, "b": REPORT.replace("ninety", "90")})
    assert passages["words"].tolist() == [len(REPORT.split()) - 7]


def test_the_same_quotation_is_shared_but_is_not_copying():
    quote = (
        "“We agreed to work together, very closely, including visiting each other’s Nations,” "
        "Trump wrote."
    )
    passages, shared = _run(
        {
            "a": quote + " Analysts were unconvinced by the claim.",
            "b": "The markets fell on the news. " + quote,
        }
    )
    assert passages["voice"].tolist() == ["quoted"]
    assert not shared["copies"].any()


@pytest.mark.parametrize("marks", [("’", "'"), ("’", "‘"), ("’", "′")])
def test_a_copy_with_other_apostrophes_is_found(marks):
    text = (
        "The president’s envoy said the Kremlin’s red lines hadn’t moved and Kyiv’s allies "
        "weren’t consulted before the call."
    )
    passages, shared = _run({"original": text + "\n" + REST, "copy": text.replace(*marks)})
    assert shared.set_index("article_id").loc["copy", "copies"]
    assert len(passages) == 1 and passages["words"].iloc[0] == len(text.split())


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("ordered", [True, False])
def test_pairs_are_grouped_as_groupby_groups_them(seed, ordered):
    """Pairs in order of first appearance, each pair's shingles in the rows' order, sorted rows or
    not."""
    rng = np.random.default_rng(seed)
    pairs = pd.DataFrame(
        {
            "first": rng.integers(0, 6, 60),
            "second": rng.integers(0, 9, 60),
            "shingle": rng.integers(0, 2**63, 60, dtype=np.uint64),
        }
    )
    if ordered:
        pairs = pairs.sort_values(["first", "second"], kind="stable", ignore_index=True)
    expected = [
        (n1, n2, shared.tolist())
        for (n1, n2), shared in pairs.groupby(["first", "second"], sort=False)["shingle"]
    ]
    assert list(_group_pairs(pairs)) == expected
    assert list(_group_pairs(pairs.iloc[0:0])) == []
