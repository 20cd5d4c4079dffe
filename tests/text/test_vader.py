"""VADER's scores with quotation marks made straight first."""

from __future__ import annotations

import math

import pytest

from analysis.text.vader import score_vader, score_vader_parts, vader_lexicon


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
