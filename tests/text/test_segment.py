from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given

from analysis.text.segment import (
    count_words,
    find_words,
    group_spans,
    list_words,
    normalise_quotes,
    segment_articles,
    split_paragraphs,
    split_sentences,
)
from tests.strategies import QUOTED_TEXT


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Trump spoke to Mr. Putin. They agreed.",
            ["Mr. Trump spoke to Mr. Putin.", "They agreed."],
        ),
        (
            "The U.S. secretary of defense spoke. He left.",
            ["The U.S. secretary of defense spoke.", "He left."],
        ),
        (
            "She works for the U.S. Government in Virginia.",
            ["She works for the U.S. Government in Virginia."],
        ),
        (
            "Troops stayed in the U.S. The rest left.",
            ["Troops stayed in the U.S.", "The rest left."],
        ),
        (
            "U.N. spokesman Farhan Haq said so. Nobody objected.",
            ["U.N. spokesman Farhan Haq said so.", "Nobody objected."],
        ),
        (
            "The Kremlin’s spokesman, Dmitri S. Peskov, told reporters.",
            ["The Kremlin’s spokesman, Dmitri S. Peskov, told reporters."],
        ),
        (
            "The call took place on Feb. 12 in Washington.",
            ["The call took place on Feb. 12 in Washington."],
        ),
        (
            "It was ranked No. 2 in the list. Then it fell.",
            ["It was ranked No. 2 in the list.", "Then it fell."],
        ),
        (
            "We received about $76 billion. It is significant aid.",
            ["We received about $76 billion.", "It is significant aid."],
        ),
        (
            "He spent 3.5 years in prison. He was freed.",
            ["He spent 3.5 years in prison.", "He was freed."],
        ),
        (
            "It's unclear... well, maybe. We shall see.",
            ["It's unclear... well, maybe.", "We shall see."],
        ),
        ("mineral reserves...I think he will pay.", ["mineral reserves...I think he will pay."]),
        (
            "The law says. . . . Next comes the vote.",
            ["The law says. . . .", "Next comes the vote."],
        ),
        (
            '"This is an old story. We are talking about years ago." Neither knew.',
            ['"This is an old story.', 'We are talking about years ago."', "Neither knew."],
        ),
        (
            "“We want peace,” he said. “It is time.”",
            ["“We want peace,” he said.", "“It is time.”"],
        ),
        (
            '"Do I have sympathy for her?" Mr. Watson asks. "Not really."',
            ['"Do I have sympathy for her?" Mr. Watson asks.', '"Not really."'],
        ),
        (
            '"We lost so many!" Trump noted in his post.',
            ['"We lost so many!" Trump noted in his post.'],
        ),
        (
            "She works at Yahoo! in the accounting department.",
            ["She works at Yahoo! in the accounting department."],
        ),
        ("Who is there? Nobody answered.", ["Who is there?", "Nobody answered."]),
        (
            "(An estimated several hundred thousand deaths have occurred.) The call was long.",
            [
                "(An estimated several hundred thousand deaths have occurred.)",
                "The call was long.",
            ],
        ),
        ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
        ("first line\nsecond line", ["first line", "second line"]),
        (
            "Gen. Kellogg and Sen. Rubio met Lt. Col. Smith at 5 p.m. on Tuesday.",
            ["Gen. Kellogg and Sen. Rubio met Lt. Col. Smith at 5 p.m. on Tuesday."],
        ),
        (
            "Shares of Apple Inc. rose. Investors cheered.",
            ["Shares of Apple Inc. rose.", "Investors cheered."],
        ),
        (
            "Shares of Apple Inc. The company said nothing.",
            ["Shares of Apple Inc.", "The company said nothing."],
        ),
        (
            "We make a team, you and I. Did you see Albert I. Jones?",
            ["We make a team, you and I.", "Did you see Albert I. Jones?"],
        ),
    ],
)
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_sentence_offsets_round_trip_on_the_seeds(seed_tables):
    texts = seed_tables["articles"].set_index("article_id")["clean_text"]
    sentences = seed_tables["sentences"]
    for row in sentences.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    paragraphs = seed_tables["paragraphs"]
    for row in paragraphs.itertuples():
        inside = sentences[
            (sentences.article_id == row.article_id) & (sentences.paragraph_id == row.paragraph_id)
        ]
        assert inside["start"].min() == row.start and inside["end"].max() == row.end


def test_paragraphs_skip_blank_lines_and_strip_white_space():
    text = "  one  \n\n\xa0\ntwo"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["one", "two"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Russia’s war, U.S.-Russia ties", ["Russia’s", "war", "U.S", "Russia", "ties"]),
        ("$76 billion, 3.5 years", ["76", "billion", "3.5", "years"]),
        ("don't stop", ["don't", "stop"]),
        ("", []),
    ],
)
def test_find_words(text, words):
    assert [w for _, _, w in find_words(text)] == words
    assert count_words(text) == len(words)


@given(QUOTED_TEXT)
def test_sentences_are_ordered_trimmed_spans_of_any_text(text):
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) and text[s:e] == text[s:e].strip() for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all("\n" not in text[s:e] for s, e in spans)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“It was great,” she said.", '"It was great," she said.'),
        ("Trump’s ‘deal’", "Trump's 'deal'"),
        ("‚low‘ ‹x› 5′ 6″", "'low' 'x' 5' 6\""),
        ("«Nyet»", '"Nyet"'),
        ("plain", "plain"),
        ("„Ja“, sagte er", '"Ja", sagte er'),
        ("café naïve — ÉTÉ", "café naïve — ÉTÉ"),  # not ASCII, no mark
    ],
)
def test_normalise_quotes_keeps_offsets(text, expected):
    assert normalise_quotes(text) == expected
    assert len(normalise_quotes(text)) == len(text)


@pytest.mark.parametrize(
    "text", ["", "Trump’s U.S. visit, 76.5% of Russia-Ukraine talks", "— … !", "naïve café"]
)
def test_list_words_are_find_words_without_offsets(text):
    assert list_words(text) == [word for _, _, word in find_words(text)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], {}),
        ([("a", 0, 5)], {"a": [(0, 5)]}),
        (
            [("b", 7, 9), ("a", 0, 5), ("b", 0, 6), ("a", 6, 8)],
            {"b": [(7, 9), (0, 6)], "a": [(0, 5), (6, 8)]},
        ),
    ],
)
def test_spans_are_grouped_by_article_in_row_order(rows, expected):
    frame = pd.DataFrame(rows, columns=["article_id", "start", "end"])
    assert group_spans(frame) == expected


def test_sentences_are_numbered_within_each_article_in_paragraph_order():
    articles = pd.DataFrame(
        {"article_id": ["b", "a"], "clean_text": ["One. Two.\n\nThree.", "Four.\n\nFive. Six."]}
    )
    paragraphs = pd.DataFrame(
        [("b", 1, 11, 17), ("a", 1, 7, 17), ("b", 0, 0, 9), ("a", 0, 0, 5)],
        columns=["article_id", "paragraph_id", "start", "end"],
    )
    got = segment_articles(articles, paragraphs)
    assert list(got.itertuples(index=False, name=None)) == [
        ("a", 0, 0, 0, 5, "Four."),
        ("a", 1, 1, 7, 12, "Five."),
        ("a", 1, 2, 13, 17, "Six."),
        ("b", 0, 0, 0, 4, "One."),
        ("b", 0, 1, 5, 9, "Two."),
        ("b", 1, 2, 11, 17, "Three."),
    ]
