"""Outlet comparisons with articles as the unit: which design, what it reports, what it says."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.stats.design import (
    COMPARISON_COLUMNS,
    MIN_EVENTS,
    attach_groups,
    compare_by_article,
    event_differences,
    summarise_comparisons,
)
from analysis.stats.resampling import MIN_ARTICLES
from analysis.stats.uncertainty import MIN_HITS


def make_values(rows: list[tuple[str, str, str | None, float, float]]) -> pd.DataFrame:
    """(article, outlet, event, mean value, weight) rows → :func:`attach_groups` output."""
    values = pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "total": [r[3] * r[4] for r in rows],
            "weight": [r[4] for r in rows],
            "units": [int(r[4]) for r in rows],
            "hits": [int(r[3] * r[4]) for r in rows],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "event": [r[2] for r in rows],
        }
    )
    return attach_groups(values, articles, "outlet")


@pytest.mark.parametrize(
    ("rows", "design", "n_events"),
    [
        # one article a side: described, never tested
        ([("a1", "A", None, 0.5, 10), ("b1", "B", None, 0.1, 10)], "descriptive", 0),
        # two articles a side, no events: independent
        (
            [
                ("a1", "A", None, 0.5, 10),
                ("a2", "A", None, 0.4, 10),
                ("b1", "B", None, 0.1, 10),
                ("b2", "B", None, 0.2, 10),
            ],
            "independent",
            0,
        ),
        # events, but only one shared: independent over all articles
        (
            [
                ("a1", "A", "e1", 0.5, 10),
                ("a2", "A", "e2", 0.4, 10),
                ("b1", "B", "e1", 0.1, 10),
                ("b2", "B", "e3", 0.2, 10),
            ],
            "independent",
            0,
        ),
        # two shared events: paired
        (
            [
                ("a1", "A", "e1", 0.5, 10),
                ("a2", "A", "e2", 0.4, 10),
                ("b1", "B", "e1", 0.1, 10),
                ("b2", "B", "e2", 0.2, 10),
            ],
            "event-paired",
            2,
        ),
        # one article a side in each of three shared events: paired (the event is the unit, not the
        # article)
        (
            [
                (f"{o}{e}", o.upper(), f"e{e}", v, 10)
                for e in (1, 2, 3)
                for o, v in (("a", 0.5), ("b", 0.1))
            ],
            "event-paired",
            3,
        ),
    ],
)
def test_the_design_follows_what_the_corpus_has(rows, design, n_events):
    (pair,) = compare_by_article(make_values(rows), ["A", "B"])
    assert list(pair) == COMPARISON_COLUMNS
    assert (pair["design"], pair["n_events"], pair["unit"]) == (design, n_events, "article")
    assert MIN_EVENTS == 2 and MIN_ARTICLES == 2
    if design == "descriptive":
        assert math.isnan(pair["p_value"]) and math.isnan(pair["difference_low"])
        assert (
            pair["verdict"]
            == "not tested: one article on a side: a description of these articles, not evidence "
            "about the outlets"
        )
    else:
        assert (
            0 < pair["p_value"] <= 1
            and pair["difference_low"] - 1e-12
            <= pair["difference"]
            <= pair["difference_high"] + 1e-12
        )


def test_a_paired_difference_is_the_mean_over_events_of_ratios_of_sums():
    rows = [
        ("a1", "A", "e1", 0.5, 10),
        ("a2", "A", "e1", 0.1, 30),  # A in e1: (5 + 3) / 40 = 0.2
        ("a3", "A", "e2", 0.6, 10),  # A in e2: 0.6
        ("a4", "A", "e9", 0.9, 10),  # an event B does not cover: left out of the pair
        ("b1", "B", "e1", 0.1, 10),
        ("b2", "B", "e2", 0.2, 10),
    ]
    values = make_values(rows)
    differences = event_differences(values[values["group"] == "A"], values[values["group"] == "B"])
    assert np.allclose(differences, [0.1, 0.4])
    (pair,) = compare_by_article(values, ["A", "B"])
    assert (
        pair["difference"] == pytest.approx(0.25)
        and pair["articles_first"] == 3
        and pair["articles_second"] == 2
    )
    # two events: the exact sign-flip test has four outcomes, so p cannot fall below 0.5
    assert pair["p_value"] == pytest.approx(0.5) and pair["verdict"].endswith(
        "with 2 shared events no test can reach p < 0.05"
    )


def test_many_events_with_a_steady_difference_are_found_and_sentences_do_not_count():
    rng = np.random.default_rng(1)
    rows = []
    for e in range(12):
        base = rng.normal(0, 1)
        rows.append((f"a{e}", "A", f"e{e}", base + 0.5, 10))
        rows.append((f"b{e}", "B", f"e{e}", base, 10))
    (pair,) = compare_by_article(make_values(rows), ["A", "B"])
    assert (
        pair["design"] == "event-paired"
        and pair["p_value"] < 0.01
        and pair["verdict"].startswith("differs")
    )
    # forty times the sentences in each article: the same events, the same p (the unit is the
    # event)
    heavy = [(a, o, e, v, w * 40) for a, o, e, v, w in rows]
    (same,) = compare_by_article(make_values(heavy), ["A", "B"])
    assert (
        same["p_value"] == pair["p_value"]
        and same["sentences_first"] == 40 * pair["sentences_first"]
    )


def test_an_independent_test_relabels_articles_not_sentences():
    # two articles a side: six ways to split four articles, so p cannot fall below 1/6 however long
    # the articles
    rows = [
        ("a1", "A", None, 0.9, 500),
        ("a2", "A", None, 0.8, 500),
        ("b1", "B", None, 0.1, 500),
        ("b2", "B", None, 0.2, 500),
    ]
    (pair,) = compare_by_article(make_values(rows), ["A", "B"])
    assert pair["design"] == "independent" and pair["p_value"] >= 1 / 6
    assert pair["verdict"].startswith("no difference that these data can show (2 and 2 articles)")
    assert pair["verdict"].endswith("with 2 and 2 articles no test can reach p < 0.05")


def test_rates_with_too_few_hits_are_not_tested():
    rows = [
        ("a1", "A", None, 0.1, 10),
        ("a2", "A", None, 0.0, 10),
        ("b1", "B", None, 0.0, 10),
        ("b2", "B", None, 0.1, 10),
    ]
    (pair,) = compare_by_article(make_values(rows), ["A", "B"], count_hits=True)
    assert (
        math.isnan(pair["p_value"])
        and pair["verdict"]
        == f"not tested: too few hits to compare (2 in both groups; fewer than {MIN_HITS})"
    )


def test_holm_runs_over_the_pairs_and_a_group_without_articles_is_described():
    rows = [
        (f"{o}{i}", o.upper(), None, v + 0.01 * i, 10)
        for o, v in (("a", 0.9), ("b", 0.1))
        for i in range(6)
    ]
    pairs = compare_by_article(make_values(rows), ["A", "B", "C"])
    assert [(p["first"], p["second"], p["design"]) for p in pairs] == [
        ("A", "B", "independent"),
        ("A", "C", "descriptive"),
        ("B", "C", "descriptive"),
    ]
    assert pairs[0]["p_holm"] == pairs[0]["p_value"]  # one pair tested: Holm leaves it
    assert pairs[1]["verdict"] == "not tested: no articles on a side"


def test_the_same_input_gives_the_same_comparisons():
    rows = [
        (f"{o}{i}", o.upper(), f"e{i % 4}", v + 0.03 * i, 5 + i)
        for o, v in (("a", 0.4), ("b", 0.2))
        for i in range(8)
    ]
    assert compare_by_article(make_values(rows), ["A", "B"]) == compare_by_article(
        make_values(rows), ["A", "B"]
    )


@pytest.mark.parametrize(
    ("designs", "p_holm", "expected"),
    [
        (
            ["descriptive"] * 3,
            [np.nan] * 3,
            "none of the 3 pairs can be tested: one article on a side describes that article, not "
            "its outlet",
        ),
        (
            ["event-paired", "independent", "descriptive"],
            [0.01, 0.5, np.nan],
            "1 of 2 tested pairs differ after Holm correction (3 pairs: 1 event-paired, 1 "
            "independent, 1 descriptive; articles as the unit)",
        ),
    ],
)
def test_summarise_comparisons_states_the_designs(designs, p_holm, expected):
    tests = pd.DataFrame(
        {
            "measure": "m",
            "design": designs,
            "p_holm": p_holm,
            "articles_first": 2,
            "articles_second": 2,
        }
    )
    (statement,) = summarise_comparisons(tests, keys=("measure",))["statement"]
    assert statement == expected


def test_past_the_resample_limit_articles_are_compared_by_the_normal_approximation(resample_limit):
    from analysis.stats.uncertainty import Moments, normal_permutation_test

    limit = resample_limit(3)
    rows = [
        (f"{o}{i}", o.upper(), None, v + 0.05 * i, 10 + i)
        for o, v in (("a", 0.6), ("b", 0.2))
        for i in range(limit + 2)
    ]
    values = make_values(rows)
    (pair,) = compare_by_article(values, ["A", "B"])
    a, b = values[values["group"] == "A"], values[values["group"] == "B"]
    moments = [Moments.of_values(f["total"] / f["weight"], f["weight"]) for f in (a, b)]
    assert pair["p_value"] == normal_permutation_test(*moments)[1]
    assert pair["difference_low"] < pair["difference"] < pair["difference_high"]


def test_describe_method_counts_the_designs_it_reports():
    from analysis.stats.design import describe_method

    tests = pd.DataFrame({"design": ["event-paired", "event-paired", "descriptive"]})
    text = describe_method(tests, "each layer")
    assert text.endswith("Pairs here by design: 2 event-paired, 1 descriptive (of 3).")
    assert "Holm-corrected within each layer" in text and "never sentences" in text


@pytest.mark.parametrize(
    ("outlets", "events", "expected"),
    [
        (
            ["A", "B", "C"],
            None,
            "**3 articles from 3 outlets.** Every outlet is one article here: an outlet's "
            "interval describes its article's sentences, no comparison between outlets is tested, "
            "and every difference is between these articles, not evidence about how the outlets "
            "cover events.",
        ),
        (
            ["A", "A", "B", "B"],
            ["e1", "e2", "e1", "e2"],
            "**4 articles from 2 outlets, 2 events (2 covered by two outlets or more).** Each "
            "outlet has 2 articles; intervals and comparisons take the article as the unit, and "
            "outlets that cover the same events are compared event by event.",
        ),
        (
            ["A", "A", "A", "B", "B", "C"],
            None,
            "**6 articles from 3 outlets.** Outlets have 1 to 3 articles; intervals and "
            "comparisons take the article as the unit. 1 outlet of one article: its comparisons "
            "are descriptive, not tests.",
        ),
        (
            ["A", "B", "A", "B"],
            ["e1", "e1", "e2", "e3"],
            "**4 articles from 2 outlets, 3 events (1 covered by two outlets or more).** Each "
            "outlet has 2 articles; intervals and comparisons take the article as the unit.",
        ),
    ],
)
def test_describe_corpus_design_says_what_the_articles_support(outlets, events, expected):
    from analysis.stats.design import describe_corpus_design

    articles = pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets}
    )
    if events is not None:
        articles["event"] = events
    assert describe_corpus_design(articles) == expected


def test_past_the_pairwise_limit_each_outlet_is_compared_with_the_rest():
    from analysis.stats.design import MAX_PAIRWISE_GROUPS, REST, plan_comparisons

    outlets = [f"O{k:02d}" for k in range(MAX_PAIRWISE_GROUPS + 1)]
    rows = [
        (f"{o}-{i}", o, None, 0.1 * k + 0.01 * i, 10)
        for k, o in enumerate(outlets)
        for i in range(3)
    ]
    values = make_values(rows)
    articles = values[["article_id"]].assign(outlet=values["group"])
    groups, mode = plan_comparisons(articles)
    assert (groups, mode) == (outlets, "one-vs-rest")
    pairs = compare_by_article(values, groups, mode=mode)
    assert [(p["first"], p["second"]) for p in pairs] == [(o, REST) for o in outlets]
    assert all(
        p["design"] == "independent" and p["articles_second"] == 3 * MAX_PAIRWISE_GROUPS
        for p in pairs
    )


def test_a_corpus_without_outlets_gets_no_outlet_comparison():
    from analysis.stats.design import describe_corpus_design, plan_comparisons

    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "outlet": ["a", "b", "c"]}
    )  # the loader's outlet when none is given
    assert plan_comparisons(articles)[1] == "none"
    assert (
        compare_by_article(
            make_values([("a", "a", None, 0.1, 5), ("b", "b", None, 0.2, 5)]),
            ["a", "b"],
            mode="none",
        )
        == []
    )
    assert describe_corpus_design(articles).startswith(
        "**3 articles, no outlet named.** The corpus gives no outlet"
    )
    with pytest.raises(ValueError, match="mode must be one of"):
        compare_by_article(make_values([("a", "a", None, 0.1, 5)]), ["a"], mode="all")
