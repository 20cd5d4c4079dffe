from __future__ import annotations

import math

import pytest

from analysis.text.amounts import find_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The call lasted 90 minutes.", [("90", 90.0, "minute")]),
        ("It was a 90-minute call.", [("90", 90.0, "minute")]),
        ("Ukraine received $200 billion.", [("$200 billion", 2e11, "$")]),
        ("Prices rose 25% in 3.5 years.", [("25%", 25.0, "percent"), ("3.5", 3.5, "year")]),
        ("More than 1,000 fans came.", [("1,000", 1000.0, "fan")]),
        ("It lasted an hour.", [("an hour", 1.0, "hour")]),
        ("Since February 2022, on Feb. 12, in 2014.", []),
    ],
)
def test_figures_with_value_and_unit(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text)] == expected


def test_quantities_in_words_have_no_value():
    found = find_figures(
        "An estimated several hundred thousand deaths, tens of millions of people."
    )
    assert [(f.text, f.unit) for f in found] == [
        ("several hundred thousand", "death"),
        ("tens of millions", "people"),
    ]
    assert all(math.isnan(f.value) for f in found)
