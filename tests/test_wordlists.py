from __future__ import annotations

import pytest

from analysis.wordlists import compile_phrase_pattern, expand_braces, normalise_phrase


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("may", ["may"]),
        ("{is,was} said to", ["is said to", "was said to"]),
        ("{a, b} {c,d}", ["a c", "a d", "b c", "b d"]),
    ],
)
def test_expand_braces(form, expected):
    assert expand_braces(form) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is about a dozen, ABOUT 90.", ["about a dozen", "ABOUT"]),
        ("He couldn’t; she could've.", ["couldn’t"]),
        ("according\nto them", ["according\nto"]),
        ("aboutness, mayday, may-day, about-face", []),
    ],
)
def test_one_pattern_finds_the_longest_whole_phrase(text, expected):
    pattern = compile_phrase_pattern({normalise_phrase(p) for p in ("about", "about a dozen", "according to", "could", "couldn't", "may")})
    assert [m.group() for m in pattern.finditer(text)] == expected
