"""Distinctive vocabulary: Monroe et al.'s log-odds with informative Dirichlet prior."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputProblem
from analysis.loaded.distinctive import (
    add_term_counts,
    count_terms,
    find_distinctive_terms,
    log_odds_z,
    read_background,
)


def test_log_odds_z_matches_the_formula():
    counts_i, counts_j, prior = np.array([10.0, 0.0]), np.array([2.0, 8.0]), np.array([3.0, 2.0])
    delta, z = log_odds_z(counts_i, counts_j, prior, 10.0, 10.0, 5.0)
    expected = np.log(13 / (15 - 13)) - np.log(5 / (15 - 5))
    assert delta[0] == pytest.approx(expected)
    assert z[0] == pytest.approx(expected / np.sqrt(1 / 13 + 1 / 5))
    assert z[1] < 0


@pytest.mark.filterwarnings("error")
def test_a_word_that_is_the_whole_vocabulary_has_no_log_odds():
    # Both sides wrote one word, the same: its odds against "every other word" are undefined.
    delta, z = log_odds_z(np.array([3.0]), np.array([2.0]), np.array([5.0]), 3.0, 2.0, 5.0)
    assert np.isnan(delta[0]) and np.isnan(z[0])
    delta, z = log_odds_z(
        np.array([[3.0], [1.0]]),
        np.array([[2.0], [4.0]]),
        np.array([5.0]),
        np.array([[3.0], [1.0]]),
        np.array([[2.0], [4.0]]),
        5.0,
    )
    assert np.isnan(delta).all() and np.isnan(z).all()


def _words(groups: dict[str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, articles = [], []
    for group, sentences in groups.items():
        articles.append({"article_id": group, "outlet": group})
        rows += [
            {"article_id": group, "sentence_id": i, "words": s} for i, s in enumerate(sentences)
        ]
    return pd.DataFrame(rows), pd.DataFrame(articles)


def test_a_word_only_one_group_uses_often_comes_first():
    words, articles = _words(
        {"A": ["invasion troops"] * 12 + ["talks call"] * 4, "B": ["operation talks call"] * 16}
    )
    table = find_distinctive_terms(words, articles, permutations=199)
    top = table.groupby("outlet").head(1).set_index("outlet")
    assert top.loc["A", "term"] == "invasion" and top.loc["B", "term"] == "operation"
    assert top.loc["A", "z"] > 1.96 and top.loc["A", "p_permutation"] < 0.05
    assert (table["count"] > 0).all()
    assert table.equals(find_distinctive_terms(words, articles, permutations=199))


def test_a_background_prior_replaces_the_corpus_prior():
    words, articles = _words({"A": ["war war peace"] * 5, "B": ["war peace peace"] * 5})
    own = find_distinctive_terms(words, articles, permutations=9).set_index(["outlet", "term"])
    # own prior: the pooled counts, war 15 and peace 15; A has war 10 of 15 words, B 5 of 15
    assert own.loc[("A", "war"), "z"] == pytest.approx(
        (np.log(25 / 20) - np.log(20 / 25)) / np.sqrt(1 / 25 + 1 / 20)
    )
    # a background of shares 0.9 and 0.1, scaled to the corpus's 30 words: war 27, peace 3
    background = find_distinctive_terms(
        words, articles, background=pd.Series({"war": 9.0, "peace": 1.0}), permutations=9
    ).set_index(["outlet", "term"])
    assert background.loc[("A", "war"), "z"] == pytest.approx(
        (np.log(37 / 8) - np.log(32 / 13)) / np.sqrt(1 / 37 + 1 / 32)
    )


@pytest.mark.parametrize(
    "groups, expected",
    [
        (
            {"A": ["war war peace", ""], "B": ["peace"]},
            [("A", "peace", 1), ("A", "war", 2), ("B", "peace", 1)],
        ),
        ({"A": ["", ""]}, []),
    ],
)
def test_count_terms_counts_each_groups_words(groups, expected):
    words, articles = _words(groups)
    assert list(count_terms(words, articles).itertuples(index=False, name=None)) == expected


def test_word_counts_of_parts_add_up_to_the_whole_and_give_the_same_terms():
    words, articles = _words(
        {
            "A": ["invasion troops"] * 12 + ["talks call"] * 4,
            "B": ["operation talks call"] * 16,
            "C": ["talks"] * 5,
        }
    )
    first, second = words.iloc[::2], words.iloc[1::2]
    counts = add_term_counts([count_terms(first, articles), count_terms(second, articles)])
    pd.testing.assert_frame_equal(counts, count_terms(words, articles))
    whole = find_distinctive_terms(words, articles, permutations=99)
    pd.testing.assert_frame_equal(
        find_distinctive_terms(words, articles, permutations=99, counts=counts), whole
    )
    without_words = find_distinctive_terms(None, articles, counts=counts)
    assert without_words["p_permutation"].isna().all()
    pd.testing.assert_frame_equal(
        without_words.drop(columns="p_permutation"), whole.drop(columns="p_permutation")
    )


def test_fewer_than_two_groups_give_an_empty_table():
    words, articles = _words({"A": ["war"] * 3})
    assert find_distinctive_terms(words, articles).empty


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("word,n\nwar,3\n", "needs the columns term and count"),
        ("term,count\nwar,three\n", "row 2"),
        ("term,count\n", "has no counts"),
    ],
)
def test_a_bad_background_list_names_the_file(tmp_path, content, message):
    with pytest.raises(InputProblem, match="no such background list"):
        read_background(tmp_path / "missing.csv")
    path = tmp_path / "background.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem, match=message):
        read_background(path)


def test_seed_distinctive_terms_are_authorial_words(seed_tables):
    table = seed_tables["distinctive_terms"]
    assert set(table["outlet"]) == set(seed_tables["articles"]["outlet"])
    nyt = table[table["outlet"] == "Benjamin Franklin Institute (NYT text)"]
    assert nyt["term"].iloc[0] == "mr"  # the NYT's "Mr. Trump" style, in its own voice
