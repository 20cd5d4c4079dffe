from __future__ import annotations

import sys

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.quotes import (
    Quotation,
    find_quotations,
    find_voice_ranges,
    group_quotations,
    label_sentence_voice,
    mark_letters_and_digits,
    voice_at,
    voice_of_span,
    voices_at,
)
from analysis.text.segment import split_sentences
from tests.strategies import QUOTED_TEXT


def quoted(text: str) -> list[tuple[str, str, int]]:
    return [(text[q.start : q.end], q.status, q.depth) for q in find_quotations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" and left.', [('"yes"', "closed", 1)]),
        ("He said “yes” and left.", [("“yes”", "closed", 1)]),
        (
            '"We agreed," he added. "We begin now."',
            [('"We agreed,"', "closed", 1), ('"We begin now."', "closed", 1)],
        ),
        # Curly opener, straight closer (seen in a seed).
        (
            'Zelenskyy said, “Putin is afraid." The comment came later.',
            [('“Putin is afraid."', "closed", 1)],
        ),
        # Nested single quotes inside a double quotation.
        (
            "\"Putin even used my motto of, 'COMMON SENSE.'\"",
            [
                ("\"Putin even used my motto of, 'COMMON SENSE.'\"", "closed", 1),
                ("'COMMON SENSE.'", "closed", 2),
            ],
        ),
        # Double marks nested inside a single-mark quotation.
        (
            "He said 'we will hold \"firm\" talks soon' today.",
            [("'we will hold \"firm\" talks soon'", "closed", 1), ('"firm"', "closed", 2)],
        ),
        (
            "She wrote ‘a “final” offer’ last week.",
            [("‘a “final” offer’", "closed", 1), ("“final”", "closed", 2)],
        ),
        # Apostrophes are not quotation marks.
        ("Trump’s call and Russia's war went on.", []),
        ("The Russians’ position did not change.", []),
        # Single marks as a quotation of their own.
        ("‘Extensive and Substantive’ Dialogue", [("‘Extensive and Substantive’", "closed", 1)]),
        # A closing mark without its opener takes the paragraph from its start.
        (
            "We need to recoup those costs and oil and gas,” Waltz said in an interview.",
            [("We need to recoup those costs and oil and gas,”", "unopened", 1)],
        ),
        # An opener without a closer ends at the paragraph, not later.
        (
            "He said “we will win and left.\n\nThe next paragraph is the author's.",
            [("“we will win and left.", "unclosed", 1)],
        ),
        # A quotation running over paragraphs by the convention: no closer, next opens.
        (
            "“First part of it.\n\n“Second part,” she said.",
            [("“First part of it.", "continues", 1), ("“Second part,”", "continued", 1)],
        ),
        # A new opener before a closer ends the open quotation first.
        (
            "He said “one thing and “another” here.",
            [("“one thing and", "unclosed", 1), ("“another”", "closed", 1)],
        ),
    ],
)
def test_find_quotations(text, expected):
    assert quoted(text) == expected


def test_voice_ranges_cover_the_text():
    text = 'A "b c" d "e"'
    ranges = find_voice_ranges(text, find_quotations(text))
    assert ranges == [
        (0, 2, "authorial"),
        (2, 7, "quoted"),
        (7, 10, "authorial"),
        (10, 13, "quoted"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "He said 'we will hold \"firm\" talks soon' today.",
            [(0, 8, "authorial"), (8, 40, "quoted"), (40, 47, "authorial")],
        ),
        # Overlapping quotations (not made by find_quotations) still give ranges that tile the
        # text.
        (
            "abcdefghij",
            [(0, 2, "authorial"), (2, 6, "quoted"), (6, 8, "quoted"), (8, 10, "authorial")],
        ),
    ],
)
def test_voice_ranges_tile_the_text_with_nested_quotations(text, expected):
    found = (
        find_quotations(text)
        if "'" in text
        else [Quotation(2, 6, '"', '"', "closed", 1), Quotation(4, 8, '"', '"', "closed", 1)]
    )
    assert find_voice_ranges(text, found) == expected


@pytest.mark.parametrize(
    "text, voices",
    [
        ("The call lasted an hour. Both sides agreed.", ["authorial", "authorial"]),
        ('"We want peace. Soon," he said. It ended.', ["quoted", "mixed", "authorial"]),
        ("“It is time to stop this War. God bless Russia and Ukraine!”", ["quoted", "quoted"]),
    ],
)
def test_sentence_voice(text, voices):
    sentences = split_sentences(text)
    assert [v for v, _ in label_sentence_voice(text, sentences, find_quotations(text))] == voices


def test_seed_quotations_as_a_careful_reader_sees_them(seed_tables):
    spans = seed_tables["quote_spans"]
    by_status = spans.groupby(["article_id", "status"]).size().to_dict()
    # Counted by reading the clean texts; nested 'COMMON SENSE.' counts once per outlet that has
    # it.
    assert by_status == {
        ("lib-fails", "closed"): 20,
        ("nbc-news-via-aggregator", "closed"): 16,
        ("nyt-via-benjamin-franklin-institute", "closed"): 12,
        ("unidentified-commentary", "closed"): 15,
        ("unidentified-commentary", "unopened"): 1,
        ("unidentified-news-rewrite", "closed"): 10,
    }
    unopened = spans[spans["status"] == "unopened"].iloc[0]
    assert unopened["text"].startswith("We need to recoup those costs") and unopened[
        "text"
    ].endswith("oil and gas,”")
    # No quotation crosses a paragraph.
    texts = seed_tables["articles"].set_index("article_id")["clean_text"]
    for row in spans.itertuples():
        assert "\n" not in texts[row.article_id][row.start : row.end]
    # A quotation ending in "!" before its speaker stays one sentence with it.
    sentences = seed_tables["sentences"]
    assert (
        sentences["text"]
        .str.contains('lost so many!" Trump noted in his Truth Social post', regex=False)
        .sum()
        == 1
    )


def test_sentence_words_are_counted_by_voice():
    import pandas as pd

    from analysis.text.quotes import count_sentence_voice_words, find_article_quotations

    text = "“We agreed to work together,” Trump wrote on Tuesday. He left."
    articles = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    _, voice = find_article_quotations(articles)
    sentences = pd.DataFrame(
        {"article_id": ["a", "a"], "sentence_id": [0, 1], "start": [0, 54], "end": [53, len(text)]}
    )
    counts = count_sentence_voice_words(sentences, articles, voice)
    assert counts[["authorial_words", "quoted_words"]].values.tolist() == [[4, 5], [2, 0]]


@given(QUOTED_TEXT)
def test_quotations_are_well_formed_on_any_text(text):
    found = find_quotations(text)
    outer = [q for q in found if q.depth == 1]
    assert all(0 <= q.start < q.end <= len(text) for q in found)
    assert all(a.end <= b.start for a, b in zip(outer, outer[1:])), "quotations of depth 1 overlap"
    assert all(
        any(o.start <= q.start and q.end <= o.end for o in outer) for q in found if q.depth == 2
    )


@given(QUOTED_TEXT)
def test_voice_ranges_tile_any_text(text):
    ranges = find_voice_ranges(text, find_quotations(text))
    assert [s for s, _, _ in ranges] == ([0] + [e for _, e, _ in ranges[:-1]] if text else [])
    assert (ranges[-1][1] if ranges else 0) == len(text)
    assert all(s < e and v in ("authorial", "quoted") for s, e, v in ranges)


@given(QUOTED_TEXT)
def test_sentence_voice_on_any_text(text):
    labels = label_sentence_voice(text, split_sentences(text), find_quotations(text))
    assert all(
        v in ("authorial", "quoted", "mixed") and 0.0 <= share <= 1.0 for v, share in labels
    )


def test_letters_and_digits_are_str_isalnum_on_every_code_point():
    characters = "".join(map(chr, range(sys.maxunicode + 1)))
    assert mark_letters_and_digits(characters).tolist() == [c.isalnum() for c in characters]
    assert mark_letters_and_digits("").tolist() == []


@pytest.mark.parametrize(
    ("text", "sentences", "expected"),
    [
        (
            'He said: "Yes." Then left.',
            [(0, 15), (16, 26)],
            [("mixed", 0.3333), ("authorial", 0.0)],
        ),
        ("“Naïve café,” she said", [(0, 22)], [("mixed", 0.5625)]),
        ("“Ja.”", [(0, 5)], [("quoted", 1.0)]),
        ("— …", [(0, 3)], [("authorial", 0.0)]),  # no letter or digit
    ],
)
def test_label_sentence_voice_shares_letters_and_digits(text, sentences, expected):
    assert label_sentence_voice(text, sentences, find_quotations(text)) == expected


@given(
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(1, 10), st.sampled_from(["authorial", "quoted"])
        ),
        max_size=6,
    ),
    st.integers(0, 50),
    st.integers(1, 20),
)
def test_voice_of_span_is_voice_at_of_every_offset_when_one(ranges, start, length):
    ranges = sorted((s, s + n, v) for s, n, v in ranges)
    index = ([s for s, _, _ in ranges], [e for _, e, _ in ranges], [v for _, _, v in ranges])
    end = start + length
    voices = {voice_at(index, offset) for offset in range(start, end)}
    found = voice_of_span(index, start, end)
    if found is not None:
        assert voices == {found}
    elif not any(start < s < end for s, _, _ in ranges):
        assert len(voices) > 1


@given(
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(1, 10), st.sampled_from(["authorial", "quoted"])
        ),
        max_size=6,
    ),
    st.lists(st.integers(0, 60), max_size=30),
)
def test_voices_at_are_voice_at_of_each_offset(ranges, offsets):
    ranges = sorted((s, s + n, v) for s, n, v in ranges)
    index = ([s for s, _, _ in ranges], [e for _, e, _ in ranges], [v for _, _, v in ranges])
    assert voices_at(index, offsets).tolist() == [voice_at(index, o) for o in offsets]


def test_quotations_are_grouped_by_article_in_row_order():
    table = pd.DataFrame(
        [
            ("b", 9, 20, "“", "”", "closed", 1),
            ("a", 0, 4, "‘", "", "unclosed", 2),
            ("b", 1, 5, "“", "”", "closed", 1),
        ],
        columns=["article_id", "start", "end", "open_mark", "close_mark", "status", "depth"],
    )
    assert group_quotations(table) == {
        "b": [Quotation(9, 20, "“", "”", "closed", 1), Quotation(1, 5, "“", "”", "closed", 1)],
        "a": [Quotation(0, 4, "‘", "", "unclosed", 2)],
    }
    assert group_quotations(table.iloc[0:0]) == {}
