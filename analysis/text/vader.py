"""VADER's scores of texts, quotation marks made straight first, cached (the lexicon ships inside
``vaderSentiment``).

VADER does not look up a word glued to a curly mark: ``“It was great,” she said.`` scores 0.0, with
straight marks 0.62.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from analysis.text.segment import normalise_quotes


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (−4..+4) as shipped in ``vaderSentiment``."""
    return _vader().lexicon


def _polarity(text: str) -> tuple[float, float, float, float]:
    """VADER's compound, pos, neg and neu of one text, quotation marks straightened.

    Cached by the straightened text, so that the tone columns (which score the
    text as written) and the model's features (which score it straightened)
    score a text once.
    """
    return _polarity_of_straight(normalise_quotes(text))


@lru_cache(maxsize=100_000)
def _polarity_of_straight(text: str) -> tuple[float, float, float, float]:
    scores = _vader().polarity_scores(text)
    return (scores["compound"], scores["pos"], scores["neg"], scores["neu"])


def score_vader(texts) -> np.ndarray:
    """VADER compound of each text after :func:`normalise_quotes`; NaN for None."""
    return np.array(
        [np.nan if text is None else _polarity(text)[0] for text in texts], dtype=float
    )


def score_vader_parts(texts) -> np.ndarray:
    """VADER's four scores (compound, pos, neg, neu) of each text, one row per text."""
    return np.array([_polarity(t) for t in texts], dtype=float).reshape(len(texts), 4)
