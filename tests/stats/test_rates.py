from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.stats.rates import (
    compare_rates,
    rate_moments,
    split_rows,
    sum_rates_by_article,
    summarise_rates,
)
from analysis.stats.uncertainty import Moments, normal_interval, total_by_group

MEASURES = [({"kind": "hedge"}, "hedge"), ({"kind": "booster"}, "booster")]


def _counts(
    sizes: dict[str, int], per_word: dict[str, float], articles_per_group: int = 4, seed: int = 3
):
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, size in sizes.items():
        words = rng.integers(0, 40, size)
        hedges, boosters = rng.poisson(words * per_word[outlet]), rng.poisson(words * 0.005)
        for i in range(size):
            rows.append(
                {
                    "article_id": f"{outlet}-{i % articles_per_group}",
                    "sentence_id": i,
                    "authorial_words": int(words[i]),
                    "hedge": int(hedges[i]),
                    "booster": int(boosters[i]),
                }
            )
    counts = pd.DataFrame(rows)
    articles = pd.DataFrame({"article_id": sorted(counts["article_id"].unique())}).assign(
        outlet=lambda f: f["article_id"].str[0]
    )
    return counts, articles


@pytest.mark.parametrize(
    "words, hedges, expected",
    [
        (
            [10, 0, 5],
            [1, 3, 2],
            {
                "words.units": 2,
                "words.sum": 15,
                "words.sum_sq": 125,
                "hedge.hits": 3,
                "hedge.hits_words": 20,
                "hedge.hits_sq": 5,
            },
        ),
        ([0], [2], None),
    ],
)
def test_sum_rates_by_article_counts_sentences_with_authorial_words(words, hedges, expected):
    counts = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": range(len(words)),
            "authorial_words": words,
            "hedge": hedges,
        }
    )
    sums = sum_rates_by_article(counts)
    if expected is None:
        assert sums.empty
    else:
        assert sums.drop(columns="article_id").iloc[0].to_dict() == expected


def test_rate_moments_give_the_ratio_of_sums_and_its_delta_method_interval():
    counts, articles = _counts({"A": 300}, {"A": 0.02})
    totals = total_by_group(sum_rates_by_article(counts), articles, "outlet").loc["A"]
    moments = rate_moments(totals, "hedge")
    data = counts[counts["authorial_words"] > 0]
    direct = Moments.of_values(
        data["hedge"] / data["authorial_words"] * 1000, data["authorial_words"]
    )
    assert moments.mean == pytest.approx(
        data["hedge"].sum() / data["authorial_words"].sum() * 1000
    )
    assert normal_interval(moments) == pytest.approx(normal_interval(direct))
    assert moments.articles == 4 and moments.hits == data["hedge"].sum()


def test_groups_past_the_resample_limit_need_only_their_sums(resample_limit):
    limit = resample_limit(100)
    # one article an outlet: its sentences are resampled, and A has too many of them
    counts, articles = _counts(
        {"A": limit + 50, "B": 60}, {"A": 0.02, "B": 0.03}, articles_per_group=1
    )
    sums = sum_rates_by_article(counts)
    small = counts[counts["article_id"].str.startswith("B")]
    summary = summarise_rates(counts, articles, MEASURES)
    pd.testing.assert_frame_equal(summarise_rates(small, articles, MEASURES, sums=sums), summary)
    tests = compare_rates(counts, articles, MEASURES)
    pd.testing.assert_frame_equal(
        compare_rates(counts.iloc[0:0], articles, MEASURES, sums=sums), tests
    )  # the sums alone
    a = summary[(summary["outlet"] == "A") & (summary["kind"] == "hedge")].iloc[0]
    assert (
        a["sentences"]
        == (counts["article_id"].str.startswith("A") & (counts["authorial_words"] > 0)).sum()
    )
    assert a["per_1000_low"] < a["per_1000"] < a["per_1000_high"]
    with pytest.raises(ValueError, match="sentences to resample, 0 given"):
        summarise_rates(
            counts[counts["article_id"].str.startswith("A")], articles, MEASURES, sums=sums
        )


def test_outlets_of_several_articles_get_intervals_over_articles():
    from analysis.stats.resampling import article_interval

    counts, articles = _counts({"A": 80, "B": 60}, {"A": 0.02, "B": 0.03})
    summary = summarise_rates(
        counts.iloc[0:0], articles, MEASURES, sums=sum_rates_by_article(counts)
    )  # the sums suffice
    assert (summary["interval_unit"] == "article").all()
    a = summary[(summary["outlet"] == "A") & (summary["kind"] == "hedge")].iloc[0]
    per_article = (
        counts[counts["article_id"].str.startswith("A")]
        .groupby("article_id")[["hedge", "authorial_words"]]
        .sum()
    )
    assert (a["per_1000_low"], a["per_1000_high"]) == article_interval(
        1000.0 * per_article["hedge"], per_article["authorial_words"]
    )


@pytest.mark.parametrize(
    "keys",
    [
        ["b", "a", "b", "c", "a", "a"],
        [3, 1, 3, 2, 1, 1],
        ["only"],
        [],
    ],
)
def test_split_rows_gives_groupbys_rows_in_its_order(keys):
    data = pd.DataFrame({"g": keys, "x": np.arange(len(keys), dtype="int64") * 2})
    spans, columns = split_rows(data, "g", ["x"])
    expected = {group: frame["x"].tolist() for group, frame in data.groupby("g", sort=True)}
    assert {group: columns["x"][a:b].tolist() for group, (a, b) in spans.items()} == expected
    assert list(spans) == list(expected)
