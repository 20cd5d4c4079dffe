"""VADER's scores with quotation marks made straight first, by the kit's faster scorer: the same
floats as ``vaderSentiment``."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.segment import normalise_quotes
from analysis.text.vader import (
    _vader,
    score_polarity,
    score_vader,
    score_vader_parts,
    vader_lexicon,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It was great,” she said.", 0.6249),  # curly marks: 0.0 without straightening
        ('"It was great," she said.', 0.6249),
        ("The call lasted an hour.", 0.0),
        ("A cruel, disastrous failure.", -0.9001),
    ],
)
def test_score_vader_reads_curly_quotation_marks_as_straight(text, expected):
    assert score_vader([text])[0] == pytest.approx(expected, abs=1e-4)


def test_a_missing_text_scores_nan_and_parts_are_four_scores_a_row():
    assert math.isnan(score_vader([None])[0])
    parts = score_vader_parts(["Good news.", "Bad news."])
    assert parts.shape == (2, 4) and parts[0, 0] > 0 > parts[1, 0]
    assert parts[:, 1:].sum(axis=1) == pytest.approx([1.0, 1.0], abs=0.002)  # pos + neg + neu


def test_the_lexicon_ships_with_the_package():
    lexicon = vader_lexicon()
    assert len(lexicon) > 7000 and lexicon["great"] > 0 > lexicon["cruel"]


def reference_scores(text):
    """``vaderSentiment``'s own scores of ``text``, as (compound, pos, neg, neu)."""
    scores = _vader().polarity_scores(text)
    return (scores["compound"], scores["pos"], scores["neg"], scores["neu"])


@pytest.mark.parametrize(
    "text",
    [
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",  # capitals, boosters, "!"
        "At least it isn't a horrible book.",  # "at least", "n't"
        "The very least bad outcome; the least good one.",  # "least" turns round, not after "very"
        "The book was only kind of good.",  # "kind of" scores nothing
        "No good, no bad, nor good or bad, no.",  # "no" before and as a word
        "It was never so good, never this bad.",  # "never so" boosts
        "Without doubt a great, without any doubt a sad day.",
        "The shit was the bomb, a bad ass bus stop.",  # idioms
        "I am :) happy 😀 today.",  # an emoji: the reference's path
        "He is not the least bit good but great, but awful.",  # "but" (twice)
        "Good but good but bad good.",  # "but" with repeated valences (the reference's index())
        "Is it good?? Is it bad???? Really!!!!!!",  # "?" and "!" emphasis, capped
        "",
        "   ",
        "NO",
        "ALL CAPS GREAT NEWS",  # every word in capitals: no emphasis
        "kind of",
        "Sort of good, kind of bad, somewhat great.",  # dampeners
        "'Great' -- said (nobody) ... ?!",  # punctuation stripped unless two letters or fewer
    ],
)
def test_score_polarity_is_vadersentiments(text):
    assert score_polarity(text) == reference_scores(text)


_WORDS = (
    "no not never so this without doubt least at very kind of but or nor n't isn't "
    "good bad great horrible happy sad love hate kill war peace absolutely barely "
    "somewhat extremely shit bomb the a Trump GOOD BAD VERY ! ? !! ?? :) 😀 , . - 'fine'"
).split()


@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_score_polarity_is_vadersentiments_on_any_mix_of_its_rule_words(words):
    text = " ".join(words)
    assert score_polarity(text) == reference_scores(text)


def test_every_development_sentence_scores_as_with_vadersentiment(data_home):
    from analysis.resources.readers import read_newsmtsc, read_vader_nyt

    texts = []
    if (data_home / "vader_nyt").is_dir():
        texts += [r["text"] for r in read_vader_nyt(data_home / "vader_nyt")]
    if (data_home / "newsmtsc").is_dir():
        splits = read_newsmtsc(data_home / "newsmtsc").values()
        texts += [r["sentence"] for split in splits for r in split]
    if not texts:
        pytest.skip("neither vader_nyt nor newsmtsc is in the data home")
    for text in texts:
        for variant in (text, normalise_quotes(text)):
            assert score_polarity(variant) == reference_scores(variant), variant
