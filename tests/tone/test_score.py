from __future__ import annotations

import math
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.stats.design import COMPARISON_COLUMNS, summarise_comparisons
from analysis.text.quotes import find_article_quotations
from analysis.text.vader import score_vader
from analysis.tone.score import (
    _LETTER_OR_DIGIT,
    classify_tone,
    compare_tone,
    extract_voice_parts,
    list_voice_parts,
    score_sentences,
    summarise_tone,
)


def test_vader_scores_curly_quotes_like_straight_ones():
    curly, straight = score_vader(["“It was great,” she said.", '"It was great," she said.'])
    assert curly == straight
    assert curly > 0.6


def test_vader_gives_nan_for_a_missing_part():
    scores = score_vader([None, "A terrible, tragic war."])
    assert math.isnan(scores[0]) and scores[1] < -0.5


@pytest.mark.parametrize(
    "score, threshold, expected",
    [
        (0.05, 0.05, "positive"),
        (0.049, 0.05, "neutral"),
        (-0.05, 0.05, "negative"),
        (-0.1, 0.125, "neutral"),
        (math.nan, 0.05, ""),
    ],
)
def test_classify_tone(score, threshold, expected):
    assert classify_tone(np.array([score]), threshold)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“It was great,” she said.", {"authorial": "she said.", "quoted": "“It was great,”"}),
        (
            "She called it “a disaster” and left.",
            {"authorial": "She called it and left.", "quoted": "“a disaster”"},
        ),
        ("“All of it.”", {"authorial": None, "quoted": "“All of it.”"}),
        ("No quotation here.", {"authorial": "No quotation here.", "quoted": None}),
    ],
)
def test_extract_voice_parts(text, expected):
    from analysis.text.quotes import find_quotations, find_voice_ranges

    ranges = find_voice_ranges(text, find_quotations(text))
    assert extract_voice_parts(text, 0, len(text), ranges) == expected


def _tiny_corpus():
    text = "“It was a great and wonderful call,” Trump said. The war killed thousands. “Terrible.”"
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Outlet A"], "clean_text": [text]})
    bounds = [(0, 48), (49, 73), (74, len(text))]
    sentences = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": range(3),
            "start": [s for s, _ in bounds],
            "end": [e for _, e in bounds],
            "text": [text[s:e] for s, e in bounds],
        }
    )
    return articles, sentences


def test_score_sentences_scores_each_voice_part_and_leaves_input_alone():
    articles, sentences = _tiny_corpus()
    before = sentences.copy()
    _, voice = find_article_quotations(articles)
    scored = score_sentences(sentences, articles, voice)
    assert sentences.equals(before)
    mixed, authorial, quoted = scored.to_dict("records")
    assert mixed["tone_vader_quoted"] > 0.5 and mixed["tone_vader_authorial"] == 0.0
    assert authorial["tone_vader_authorial"] < -0.5 and math.isnan(authorial["tone_vader_quoted"])
    assert math.isnan(quoted["tone_vader_authorial"]) and quoted["tone_vader_quoted"] < 0
    for column in ("tone_model", "tone_model_authorial", "tone_model_quoted"):
        assert column in scored
    assert mixed["tone_model_quoted"] > quoted["tone_model_quoted"]


def _scored(groups: dict[str, list[float]], articles_per_group: int = 1):
    rows = []
    for outlet, values in groups.items():
        for i, value in enumerate(values):
            article = f"{outlet}-{i % articles_per_group}"
            rows.append(
                {
                    "article_id": article,
                    "outlet": outlet,
                    "sentence_id": i,
                    **{c: value for c in _columns()},
                }
            )
    sentences = pd.DataFrame(rows)
    articles = sentences[["article_id", "outlet"]].drop_duplicates()
    return sentences, articles


def _columns():
    return [f"tone_{m}{v}" for m in ("vader", "model") for v in ("", "_authorial", "_quoted")]


def test_summarise_tone_counts_and_shares():
    sentences, articles = _scored({"A": [0.5, -0.5, 0.0, 0.8], "B": [0.1, 0.2]})
    summary = summarise_tone(sentences.drop(columns="outlet"), articles)
    row = summary[
        (summary["outlet"] == "A") & (summary["measure"] == "vader") & (summary["voice"] == "all")
    ].iloc[0]
    assert row["sentences"] == 4 and row["articles"] == 1
    assert row["mean"] == pytest.approx(0.2)
    assert row["share_positive"] == pytest.approx(0.5) and row["share_negative"] == pytest.approx(
        0.25
    )
    assert row["mean_low"] <= row["mean"] <= row["mean_high"]


def test_outlet_intervals_resample_articles_when_an_outlet_has_several():
    from analysis.stats.resampling import article_interval

    rng = np.random.default_rng(5)
    sentences, articles = _scored(
        {"A": list(rng.normal(0.3, 0.3, 40)), "B": list(rng.normal(0.1, 0.3, 12))},
        articles_per_group=4,
    )
    one, one_article = _scored({"C": list(rng.normal(0.0, 0.3, 12))})
    summary = summarise_tone(pd.concat([sentences, one]), pd.concat([articles, one_article]))
    rows = summary[(summary["measure"] == "vader") & (summary["voice"] == "all")].set_index(
        "outlet"
    )
    assert rows["interval_unit"].to_dict() == {"A": "article", "B": "article", "C": "sentence"}
    a = (
        sentences[sentences["outlet"] == "A"]
        .groupby("article_id")["tone_vader"]
        .agg(["sum", "size"])
    )
    assert (rows.loc["A", "mean_low"], rows.loc["A", "mean_high"]) == article_interval(
        a["sum"], a["size"]
    )
    assert rows.loc["A", "mean"] == pytest.approx(
        sentences.loc[sentences["outlet"] == "A", "tone_vader"].mean()
    )


def test_compare_tone_tests_articles_and_says_when_an_outlet_is_one_article():
    rng = np.random.default_rng(1)
    sentences, articles = _scored(
        {"A": list(rng.normal(0.5, 0.1, 20)), "B": list(rng.normal(-0.5, 0.1, 20))},
        articles_per_group=5,
    )
    one, one_article = _scored({"C": [0.1, 0.2]})
    tests = compare_tone(pd.concat([sentences, one]), pd.concat([articles, one_article]))
    assert list(tests.columns) == ["measure", "voice", *COMPARISON_COLUMNS]
    ab = tests[
        (tests["first"] == "A")
        & (tests["second"] == "B")
        & (tests["measure"] == "vader")
        & (tests["voice"] == "all")
    ].iloc[0]
    assert (
        ab["p_holm"] < 0.05
        and ab["difference"] > 0.8
        and (ab["design"], ab["articles_first"], ab["sentences_first"]) == ("independent", 5, 20)
    )
    assert ab["verdict"] == "differs (Holm-adjusted p < 0.05; 5 and 5 articles)"
    ac = tests[(tests["first"] == "A") & (tests["second"] == "C")].iloc[0]
    assert (
        math.isnan(ac["p_value"])
        and ac["design"] == "descriptive"
        and ac["verdict"].startswith("not tested: one article on a side")
    )
    statements = summarise_comparisons(tests)
    assert (
        statements.loc[0, "statement"]
        == "1 of 1 tested pairs differ after Holm correction (3 pairs: 1 independent, 2 "
        "descriptive; articles as the unit)"
    )


@pytest.mark.parametrize(
    ("articles_per_group", "design", "verdict"),
    [
        # thirty sentences of one article against thirty of another: a difference between two
        # articles, not a test
        (
            1,
            "descriptive",
            "not tested: one article on a side: a description of these articles, not evidence "
            "about the outlets",
        ),
        # three articles a side: twenty ways to split six, so no p below 0.05 can come out
        (
            3,
            "independent",
            "no difference that these data can show (3 and 3 articles); with 3 and 3 articles no "
            "test can reach p < 0.05",
        ),
    ],
)
def test_many_sentences_of_few_articles_are_not_evidence_about_outlets(
    articles_per_group, design, verdict
):
    rng = np.random.default_rng(2)
    sentences, articles = _scored(
        {"A": list(rng.normal(0.6, 0.1, 30)), "B": list(rng.normal(-0.6, 0.1, 30))},
        articles_per_group=articles_per_group,
    )
    row = compare_tone(sentences, articles).iloc[0]
    assert (row["design"], row["verdict"]) == (design, verdict)


def test_outlets_covering_the_same_events_are_compared_event_by_event():
    rng = np.random.default_rng(3)
    rows = []
    for event in range(8):
        level = rng.normal(0, 0.3)  # some events are grimmer than others, for every outlet
        for outlet, shift in (("A", 0.2), ("B", 0.0)):
            for i in range(6):
                rows.append(
                    {
                        "article_id": f"{outlet}-{event}",
                        "outlet": outlet,
                        "event": f"e{event}",
                        "sentence_id": i,
                        **{c: level + shift + rng.normal(0, 0.05) for c in _columns()},
                    }
                )
    sentences = pd.DataFrame(rows)
    articles = sentences[["article_id", "outlet", "event"]].drop_duplicates()
    row = compare_tone(sentences.drop(columns=["outlet", "event"]), articles).iloc[0]
    assert (row["design"], row["n_events"], row["articles_first"]) == ("event-paired", 8, 8)
    assert row["difference"] == pytest.approx(0.2, abs=0.05) and row["p_value"] == pytest.approx(
        2 / 256
    )
    assert row["verdict"] == "differs (Holm-adjusted p < 0.05; paired over 8 shared events)"


def test_groups_past_the_resample_limit_need_only_their_sums(resample_limit):
    from analysis.stats.uncertainty import Moments, normal_interval
    from analysis.tone.score import sum_tone_by_article

    limit = resample_limit(30)
    rng = np.random.default_rng(6)
    # one article a side: the only unit to resample is the sentence, and A has too many of them
    sentences, articles = _scored(
        {"A": list(rng.normal(0.3, 0.2, limit + 10)), "B": list(rng.normal(0.1, 0.2, 20))}
    )
    sums = sum_tone_by_article(sentences)
    small = sentences[sentences["outlet"] == "B"]
    summary = summarise_tone(sentences, articles)
    pd.testing.assert_frame_equal(summarise_tone(small, articles, sums=sums), summary)
    row = summary[
        (summary["outlet"] == "A") & (summary["measure"] == "vader") & (summary["voice"] == "all")
    ].iloc[0]
    values = sentences.loc[sentences["outlet"] == "A", "tone_vader"].to_numpy()
    assert (
        row["sentences"] == limit + 10
        and row["articles"] == 1
        and row["mean"] == pytest.approx(values.mean())
    )
    assert row["interval_unit"] == "sentence"
    assert (row["mean_low"], row["mean_high"]) == pytest.approx(
        normal_interval(Moments.of_values(values))
    )
    tests = compare_tone(sentences, articles)
    pd.testing.assert_frame_equal(
        compare_tone(sentences.iloc[0:0], articles, sums=sums), tests
    )  # comparisons read the sums only
    with pytest.raises(ValueError, match="20 scored sentences to resample, 0 given"):
        summarise_tone(sentences[sentences["outlet"] == "A"], articles, sums=sums)


@given(
    st.lists(st.integers(1, 12), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=6),
    st.booleans(),
)
def test_list_voice_parts_gives_each_sentence_the_parts_of_every_range(widths, spans, shuffled):
    text = "Ab “cd” ef, gh ‘ij’ kl — mn op. Qr st “uv wx” yz 12 34 … ab cd ef gh"
    edges = np.minimum(np.cumsum([0, *widths]), len(text)).tolist()
    ranges = [
        (a, b, "quoted" if k % 2 else "authorial")
        for k, (a, b) in enumerate(zip(edges, edges[1:]))
        if a < b
    ]
    if shuffled:  # out of order: every range is looked at
        ranges = ranges[::-1]
    voice = pd.DataFrame(ranges, columns=["start", "end", "voice"]).assign(article_id="a")
    sentences = pd.DataFrame(
        [("a", s, min(s + n, len(text))) for s, n in spans if s < len(text)],
        columns=["article_id", "start", "end"],
    )
    articles = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    authorial, quoted = list_voice_parts(sentences, articles, voice)
    for (start, end), a, q in zip(zip(sentences["start"], sentences["end"]), authorial, quoted):
        expected = extract_voice_parts(text, start, end, ranges)
        assert (a, q) == (expected["authorial"], expected["quoted"])


def test_a_voice_part_has_a_letter_or_digit_as_str_isalnum_says():
    characters = "".join(map(chr, range(sys.maxunicode + 1)))
    found = {m.start() for m in _LETTER_OR_DIGIT.finditer(characters)}
    assert found == {i for i, c in enumerate(characters) if c.isalnum()}
