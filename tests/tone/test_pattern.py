from __future__ import annotations

import pytest
from textblob import _text as pattern_text
from textblob.en import sentiment as textblob_sentiment

from analysis.tone.pattern import (
    assess_pattern,
    load_pattern_lexicon,
    score_pattern_sentiment,
    split_like_pattern,
)

TRICKY = [
    "",
    "A good day.",
    "It is not good.",
    "It is not a good idea, but a very good one!",
    "Really not good at all!!!",
    "Not very good, and hardly bad...",
    "He didn't say it wasn't great.",
    "Mr. Smith met the U.S. envoy at 3 p.m. (etc.)",
    "“Terrible,” she said. ‘Awful’ — he said ‘wonderful’.",
    "He said \"amazing\" and 'horrible'.",
    "The plan was great (!) they said.",
    "The plan was great ( ! ) they said.",
    "Happy :) sad :( and : ) spaced",
    "xD that was funny <3",
    "First paragraph is good.\n\nSecond one is bad",
    "Windows\r\nline is fine",
    "A tab\tand a non-breaking\xa0space, terribly sad",
    "...good... bad... .",
    "[(good)] {bad} #great @awful $cheap",
    "The dogs' owners' best day",
    "It's the best; they'll love it; we'd hate it; I'm sure; you're right; we've won",
    "no no no good",
    "not a really good thing",
    "extremely happy and very very sad",
    "a-01123879",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_scores_are_textblobs(text):
    polarity, subjectivity = textblob_sentiment(text)
    assert score_pattern_sentiment(text) == (polarity, subjectivity)  # float for float


@pytest.mark.parametrize("text", TRICKY)
def test_the_tokens_are_textblobs(text):
    assert split_like_pattern(text) == " ".join(pattern_text.find_tokens(text)).split()


@pytest.mark.parametrize(
    ("words", "factor"),
    [
        ([], 0.0),  # no lexicon word: 0
        (["good"], 1.0),
        (["not", "good"], -0.5),
        (["not", "a", "good"], -0.5),  # a negation is kept across a one-letter word
        (["not", "the", "good"], 1.0),  # not across a longer one
    ],
)
def test_a_negation_halves_and_turns_the_polarity(words, factor):
    lexicon = load_pattern_lexicon()
    polarity, _ = assess_pattern(words, lexicon)
    assert polarity == lexicon.scores["good"][0] * factor


def test_every_development_sentence_scores_as_with_textblob(data_home):
    from analysis.resources.readers import read_newsmtsc, read_vader_nyt
    from analysis.tone.model import prepare_text

    texts = []
    if (data_home / "vader_nyt").is_dir():
        texts += [r["text"] for r in read_vader_nyt(data_home / "vader_nyt")]
    if (data_home / "newsmtsc").is_dir():
        texts += [r["sentence"] for r in read_newsmtsc(data_home / "newsmtsc").get("train", [])]
    if not texts:
        pytest.skip("neither vader_nyt nor newsmtsc is in the data home")
    for text in texts:
        prepared = prepare_text(text)
        assert score_pattern_sentiment(prepared) == tuple(textblob_sentiment(prepared)), text
