"""Negation and clause cues for the tone features, read from the word lists.

- :func:`negations`: the negators of ``wordlists/negations.txt``;
- :data:`CLAUSE_BREAK`: punctuation inside a sentence (commas, semicolons, colons, dashes,
  brackets) and the conjunctions of contrast of ``wordlists/clause_breaks.txt``, where a clause
  ends;
- :func:`compute_negation_features`: the VADER lexicon valences of a sentence's words with the
  valence of a word in a negation's scope turned round (its sign flipped and scaled by VADER's
  own factor, :data:`NEGATION_FACTOR`). A scope runs from a negator to the end of its clause (a
  clause break or a full stop, question or exclamation mark). VADER's rules look three words
  back from a word for a negator; the scope here runs to the clause's end ("did not, in the end,
  help" flips "help"), and "but" ends it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from analysis.resources.lists import read_wordlist

NEGATION_FACTOR = -0.74
"""What a negated word's valence is multiplied by: VADER's ``N_SCALAR`` (Hutto & Gilbert 2014)."""

NEGATION_FEATURES = (
    "scoped_positive_per_root_word",
    "scoped_negative_per_root_word",
    "negated_valence_words_per_root_word",
    "negators_per_root_word",
)
"""The columns of :func:`compute_negation_features`, in order."""

WORD = re.compile(r"[\w’'-]+")
"""A word, apostrophes and hyphens inside it kept ("don't", "well-known")."""


@lru_cache(maxsize=1)
def negations() -> frozenset[str]:
    """The negators, lower case (``wordlists/negations.txt``)."""
    return frozenset(read_wordlist("negations.txt"))


def _clause_break() -> re.Pattern:
    words = "|".join(re.escape(w) for w in read_wordlist("clause_breaks.txt"))
    return re.compile(rf"[,;:—–()]|\b(?:{words})\b", re.IGNORECASE)


CLAUSE_BREAK = _clause_break()
"""Where a clause ends inside a sentence: punctuation and the words of ``clause_breaks.txt``."""

_SCOPE_END = re.compile(rf"{CLAUSE_BREAK.pattern}|[.!?]", re.IGNORECASE)


def compute_negation_features(texts: list[str], lexicon: dict[str, float]) -> np.ndarray:
    """The negation-aware lexicon features of each text, in the order of
    :data:`NEGATION_FEATURES`, one row per text.

    Each word found in ``lexicon`` (VADER's, −4..+4) gives its valence, multiplied by
    :data:`NEGATION_FACTOR` when a negator stands before it in its clause. The columns: the sum
    of the positive and of the negative valences so turned, the count of turned words and the
    count of negators, each divided by the square root of the text's word count (the words of
    ``clause_breaks.txt`` left out: they are where clauses end).
    """
    stop = negations()
    rows = np.zeros((len(texts), len(NEGATION_FEATURES)))
    for row, text in enumerate(texts):
        positive = negative = turned = negators = 0.0
        count = 0
        for clause in _SCOPE_END.split(text):
            negated = False
            for word in WORD.findall(clause or ""):
                count += 1
                word = word.lower().replace("’", "'")
                if word in stop:
                    negated = True
                    negators += 1
                    continue
                valence = lexicon.get(word, 0.0)
                if negated and valence:
                    valence *= NEGATION_FACTOR
                    turned += 1
                if valence > 0:
                    positive += valence
                else:
                    negative += valence
        root = np.sqrt(max(count, 1))
        rows[row] = (positive / root, negative / root, turned / root, negators / root)
    return rows
