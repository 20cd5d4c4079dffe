"""Who a source phrase names: the name at its end, without titles, countries or words never in a
name."""

from __future__ import annotations

import pytest

from analysis.sources.lexicons import default_lexicons
from analysis.sources.speakers import PERSON_RULES, SPEAKER_RULES, find_name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("U.N. spokesman Farhan Haq", "Farhan Haq"),
        ("President Donald Trump", "Donald Trump"),
        ("the Kremlin's spokesman, Dmitri Peskov", "Dmitri Peskov"),
        ("officials on Tuesday", ""),
        ("the senator", ""),
        ("Trump's", ""),
    ],
)
def test_find_name_takes_the_capitalised_words_at_the_end(phrase, name):
    assert find_name(phrase, default_lexicons()) == name


def test_every_rule_that_finds_a_person_is_a_speaker_rule():
    assert PERSON_RULES <= set(SPEAKER_RULES)
