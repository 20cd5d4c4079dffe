from __future__ import annotations

import numpy as np
import pytest

from analysis.tone.cues import (
    CLAUSE_BREAK,
    NEGATION_FACTOR,
    NEGATION_FEATURES,
    compute_negation_features,
    negations,
)

LEXICON = {"good": 2.0, "bad": -2.0, "help": 1.0}


@pytest.mark.parametrize(
    ("text", "positive", "negative", "turned", "negators", "words"),
    [
        ("A good plan.", 2.0, 0.0, 0, 0, 3),
        ("Not a good plan.", 0.0, 2.0 * NEGATION_FACTOR, 1, 1, 4),
        ("It did not, in the end, help.", 1.0, 0.0, 0, 1, 7),  # the comma ends the scope
        ("It did not in the end help.", 0.0, NEGATION_FACTOR, 1, 1, 7),
        ("It isn't bad but good.", 2.0 - 2.0 * NEGATION_FACTOR, 0.0, 1, 1, 4),  # "but": a break
        ("It isn’t bad.", -2.0 * NEGATION_FACTOR, 0.0, 1, 1, 3),  # a curly apostrophe
        ("No. Good and bad.", 2.0, -2.0, 0, 1, 4),  # a full stop ends the scope
        ("Never bad, never good.", -2.0 * NEGATION_FACTOR, 2.0 * NEGATION_FACTOR, 2, 2, 4),
        ("", 0.0, 0.0, 0, 0, 1),
    ],
)
def test_compute_negation_features(text, positive, negative, turned, negators, words):
    root = np.sqrt(words)
    expected = [positive / root, negative / root, turned / root, negators / root]
    features = compute_negation_features([text], LEXICON)
    assert features.shape == (1, len(NEGATION_FEATURES))
    np.testing.assert_allclose(features[0], expected)


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("He came, but she left; then (briefly) all: done", [",", "but", ";", "(", ")", ":"]),
        ("However — she said — yet nothing", ["However", "—", "—", "yet"]),
        ("The butler whiled away", []),  # whole words only
    ],
)
def test_clause_breaks(text, breaks):
    assert [m.group(0) for m in CLAUSE_BREAK.finditer(text)] == breaks


def test_negations_are_the_word_list():
    assert {"not", "never", "n't", "don't", "without"} <= negations()
    assert "hardly" not in negations()
