"""VADER's scores of texts, quotation marks made straight first, cached (the lexicon ships inside
``vaderSentiment``).

VADER does not look up a word glued to a curly mark: ``“It was great,” she said.`` scores 0.0, with
straight marks 0.62.

:func:`score_polarity` gives ``vaderSentiment``'s ``polarity_scores``, float for float, in
about a quarter of the time. The reference walks every character to find emoji, runs its checks
for every word, and lowers the whole text again for each check of each lexicon word (three
negation checks and an idiom check a word). Here the text is lowered once, only the words in the
lexicon are checked (a word outside it scores zero in the reference too), and a text holding an
emoji, or anything but a string, goes to the reference. The rules themselves (negation, boosters,
"no", "least", "kind of", "but", capitals, idioms, "!" and "?") are the reference's, applied in
its order with its arithmetic; tests compare the two on crafted cases, on random mixes of the
rules' words, and on every ``vader_nyt`` and NewsMTSC sentence of the data home.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache

import numpy as np
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    normalize,
    scalar_inc_dec,
)

from analysis.text.segment import normalise_quotes

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _emoji() -> frozenset[str]:
    """The characters the reference replaces by an emoji's description."""
    return frozenset(key for key in _vader().emojis if len(key) == 1)


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (−4..+4) as shipped in ``vaderSentiment``."""
    return _vader().lexicon


def score_polarity(text: str) -> tuple[float, float, float, float]:
    """``vaderSentiment``'s ``polarity_scores`` of ``text`` as (compound, pos, neg, neu), the
    same floats, faster (see the module's docstring)."""
    analyser = _vader()
    if not isinstance(text, str) or not _emoji().isdisjoint(text):
        scores = analyser.polarity_scores(text)
        return (scores["compound"], scores["pos"], scores["neg"], scores["neu"])
    text = text.strip()
    words = [
        token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped
        for token in text.split()
    ]
    lower = [word.lower() for word in words]
    lexicon = analyser.lexicon
    sentiments: list[float] = [0] * len(words)
    hits = [i for i, word in enumerate(lower) if word in lexicon]
    if hits:
        cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)
        last = len(words) - 1
        for i in hits:
            word = lower[i]
            if word in BOOSTER_DICT or (i < last and word == "kind" and lower[i + 1] == "of"):
                continue
            sentiments[i] = _valence(words, lower, i, cap_diff, lexicon)
    if "but" in lower:
        sentiments = analyser._but_check(words, sentiments)
    return _score_valence(sentiments, text)


def _valence(words: list[str], lower: list[str], i: int, cap_diff: bool, lexicon) -> float:
    """The valence of the lexicon word ``lower[i]`` by the reference's ``sentiment_valence``: "no"
    before it, capitals, the three words before it (boosters, negation, idioms), and "least"."""
    word = lower[i]
    valence = lexicon[word]
    if word == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[word] * N_SCALAR
    if words[i].isupper() and cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for back in range(3):
        if i > back and lower[i - (back + 1)] not in lexicon:
            shift = scalar_inc_dec(words[i - (back + 1)], valence, cap_diff)
            if back == 1 and shift != 0:
                shift = shift * 0.95
            if back == 2 and shift != 0:
                shift = shift * 0.9
            valence = valence + shift
            valence = _negate(valence, lower, back, i)
            if back == 2:
                valence = _idioms(valence, lower, i)
    return _least(valence, lower, i, lexicon)


def _negated(word: str) -> bool:
    """The reference's ``negated`` of one lower-case word."""
    return word in _NEGATE or "n't" in word


def _negate(valence: float, lower: list[str], back: int, i: int) -> float:
    """The reference's ``_negation_check`` of the word ``back + 1`` places before ``i``."""
    if back == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    elif back == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    else:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _idioms(valence: float, lower: list[str], i: int) -> float:
    """The reference's ``_special_idioms_check`` (``i`` is at least 3)."""
    word, one, two, three = lower[i], lower[i - 1], lower[i - 2], lower[i - 3]
    two_one, three_two = f"{two} {one}", f"{three} {two}"
    three_two_one = f"{three} {two} {one}"
    for sequence in (f"{one} {word}", f"{two} {one} {word}", two_one, three_two_one, three_two):
        if sequence in SPECIAL_CASES:
            valence = SPECIAL_CASES[sequence]
            break
    if len(lower) - 1 > i and (following := f"{word} {lower[i + 1]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[following]
    if len(lower) - 1 > i + 1:
        following = f"{word} {lower[i + 1]} {lower[i + 2]}"
        if following in SPECIAL_CASES:
            valence = SPECIAL_CASES[following]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least(valence: float, lower: list[str], i: int, lexicon) -> float:
    """The reference's ``_least_check``: "least" before the word turns it round, but not "at
    least" or "very least"."""
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """The reference's ``score_valence``: the words' valences summed, emphasis from "!" and "?"
    added, normalised to the compound; the shares of positive, negative and neutral words."""
    if not sentiments:
        return (0.0, 0.0, 0.0, 0.0)
    total = float(sum(sentiments))
    marks = text.count("?")
    emphasis = min(text.count("!"), 4) * 0.292 + (
        (marks * 0.18 if marks <= 3 else 0.96) if marks > 1 else 0
    )
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    compound = normalize(total)
    scored = [sentiment for sentiment in sentiments if sentiment != 0]
    positive, negative, neutral = 0.0, 0.0, len(sentiments) - len(scored)
    for sentiment in scored:
        if sentiment > 0:
            positive += float(sentiment) + 1
        if sentiment < 0:
            negative += float(sentiment) - 1
    if positive > math.fabs(negative):
        positive += emphasis
    elif positive < math.fabs(negative):
        negative -= emphasis
    total = positive + math.fabs(negative) + neutral
    return (
        round(compound, 4),
        round(math.fabs(positive / total), 3),
        round(math.fabs(negative / total), 3),
        round(math.fabs(neutral / total), 3),
    )


def _polarity(text: str) -> tuple[float, float, float, float]:
    """VADER's compound, pos, neg and neu of one text, quotation marks straightened.

    Cached by the straightened text, so that the tone columns (which score the
    text as written) and the model's features (which score it straightened)
    score a text once.
    """
    return _polarity_of_straight(normalise_quotes(text))


@lru_cache(maxsize=100_000)
def _polarity_of_straight(text: str) -> tuple[float, float, float, float]:
    return score_polarity(text)


def score_vader(texts) -> np.ndarray:
    """VADER compound of each text after :func:`normalise_quotes`; NaN for None."""
    return np.array(
        [np.nan if text is None else _polarity(text)[0] for text in texts], dtype=float
    )


def score_vader_parts(texts) -> np.ndarray:
    """VADER's four scores (compound, pos, neg, neu) of each text, one row per text."""
    return np.array([_polarity(t) for t in texts], dtype=float).reshape(len(texts), 4)
