from __future__ import annotations

import numpy as np
import pytest

from analysis.stats.textfeatures import VocabularyCounter, count_with_vocabulary, make_counter

TEXTS = [
    "",
    "   ",
    "a",
    "I",
    "Ab  cd\tEF\n\ngh",
    "“Quoted,” he said — ÉTÉ naïve café",
    "x" * 30,
    "The Kremlin said the call lasted about 90 minutes.",
    "He said he had a 'lengthy and highly productive' call; she didn't.",
    "the the the THE The",
]

SETTINGS = [
    {"analyzer": "char_wb", "ngram_range": [2, 5], "min_df": 1},
    {"analyzer": "char_wb", "ngram_range": [1, 3], "min_df": 1},
    {"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
    {"analyzer": "word", "ngram_range": [1, 2], "min_df": 1},
]


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: f"{s['analyzer']}{s['ngram_range']}")
def test_count_with_vocabulary_gives_scikit_learns_matrix(settings):
    # a vocabulary fitted on half the texts, so that the others have unknown terms
    vocabulary = sorted(make_counter(settings).fit(TEXTS[5:]).vocabulary_)
    expected = make_counter(settings, vocabulary).transform(TEXTS)
    counts = count_with_vocabulary(TEXTS, settings, vocabulary)
    assert counts.shape == expected.shape and counts.dtype == expected.dtype
    assert np.array_equal(counts.indptr, expected.indptr)
    assert np.array_equal(counts.indices, expected.indices)
    assert np.array_equal(counts.data, expected.data)


@pytest.mark.parametrize("max_words", [1, 3, 200_000])
@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: f"{s['analyzer']}{s['ngram_range']}")
def test_a_kept_counter_gives_the_same_matrix_call_after_call(settings, max_words):
    vocabulary = sorted(make_counter(settings).fit(TEXTS[5:]).vocabulary_)
    counter = VocabularyCounter(settings, vocabulary, max_words=max_words)
    for texts in (TEXTS, TEXTS[::-1], TEXTS[3:7]):  # words met before, in another order
        expected = make_counter(settings, vocabulary).transform(texts)
        counts = counter.count(texts)
        assert (counts != expected).nnz == 0 and counts.dtype == expected.dtype
    assert len(counter.known) <= max_words


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        (
            "Ab",
            [" a", "ab", "b ", " ab", " ab "],
            [1, 1, 1, 1, 1],
        ),  # a two-letter word: every n-gram up to the padded word
        (
            "a",
            [" a", "a ", " a "],
            [1, 1, 1],
        ),  # shorter than the longest n: counted once as the padded word
        ("to to", [" to", " to "], [2, 2]),
        ("to-day", [" to-", "day "], [1, 1]),  # no split inside a word
    ],
)
def test_char_ngrams_stay_within_words(text, terms, expected):
    counts = count_with_vocabulary(
        [text], {"analyzer": "char_wb", "ngram_range": [2, 5], "min_df": 1}, terms
    )
    assert counts.toarray()[0].tolist() == expected
