"""Words and word classes the attribution rules share: tokens, bare forms, adverbs, tags."""

from __future__ import annotations

import pytest

from analysis.text.clauses import bare_word, is_adverb, is_tag, words_between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Mark Warner, D-Va., said", ["Sen.", "Mark", "Warner", "D-Va.", "said"]),
        ("AT&T’s chief didn’t say", ["AT&T’s", "chief", "didn’t", "say"]),
        ("“We agreed,” she said.", ["We", "agreed", "she", "said."]),
    ],
)
def test_words_between(text, expected):
    assert [m.group() for m in words_between(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Said.", "said"), ("didn’t", "didn't"), ("U.S.", "u.s"), ("Trump’s", "trump's")],
)
def test_bare_word(word, expected):
    assert bare_word(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("also", True),
        ("repeatedly", True),
        ("publicly", True),
        ("only", False),
        ("family", True),
        ("said", False),
    ],
)
def test_is_adverb(word, expected):
    # a word in -ly of five letters or more counts: "family" is the known false friend, harmless
    # between a subject and its verb
    assert is_adverb(word) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("D-Conn.", True),
        ("(R-TX)", True),
        ("68", True),
        ("45 years old", True),
        ("Dana", False),
        ("D.C.", False),
    ],
)
def test_is_tag(phrase, expected):
    assert is_tag(phrase) == expected
