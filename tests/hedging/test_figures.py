"""Figures in hedged wording (analysis.hedging.figures)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.hedging.cues import find_hedges
from analysis.hedging.figures import FIGURE_COLUMNS, find_hedged_figures, line_up_figures
from analysis.text.clean import clean_corpus
from analysis.text.quotes import find_article_quotations, label_voice
from analysis.text.segment import segment_articles


def test_figures_are_lined_up_with_their_hedges(small_tables):
    cleaned, sentences, voice = small_tables
    figures = find_hedged_figures(
        sentences, cleaned, find_hedges(sentences, cleaned, voice), voice
    )
    assert list(zip(figures["article_id"], figures["phrase"], figures["approximators"])) == [
        ("a", "about 90 minutes", "about"),
        ("b", "nearly 90 minutes", "nearly"),
    ]
    lined = line_up_figures(figures, cleaned)
    assert lined["outlet"].tolist() == ["A", "B"] and lined["unit"].tolist() == [
        "minute",
        "minute",
    ]
    assert lined["approximated"].all() and (lined["groups"] == 2).all()


def _figures(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {"article_id": list(texts), "outlet": list(texts), "raw_text": list(texts.values())}
    )
    cleaned, paragraphs, _ = clean_corpus(articles)
    spans, voice = find_article_quotations(cleaned)
    sentences = label_voice(segment_articles(cleaned, paragraphs), cleaned, spans)
    hedges = find_hedges(sentences, cleaned, voice)
    return find_hedged_figures(sentences, cleaned, hedges, voice), cleaned


@pytest.mark.parametrize(
    ("text", "phrase", "approximators", "other_hedges"),
    [
        ("The call lasted about 90 minutes.", "about 90 minutes", "about", ""),
        # a chain of approximators carries the figure
        (
            "An estimated several hundred thousand people fled.",
            "An estimated several hundred thousand people",
            "An estimated; several",
            "",
        ),
        # a hedge elsewhere in the sentence is listed beside it, not as its approximator
        ("The talks may last 90 minutes.", "90 minutes", "", "may"),
        ("The call lasted 90 minutes.", "90 minutes", "", ""),
    ],
)
def test_a_figure_and_the_hedges_that_carry_it(text, phrase, approximators, other_hedges):
    figures, _ = _figures({"a": text})
    assert list(figures.columns) == FIGURE_COLUMNS
    (row,) = figures.itertuples(index=False)
    assert (row.phrase, row.approximators, row.other_hedges) == (
        phrase,
        approximators,
        other_hedges,
    )
    assert text[row.start : row.end] == row.figure


def test_a_figure_only_one_outlet_gives_is_not_lined_up():
    figures, cleaned = _figures(
        {"a": "The call lasted about 90 minutes.", "b": "The call lasted 20 minutes."}
    )
    assert line_up_figures(figures, cleaned).empty
    assert len(line_up_figures(figures, cleaned, min_groups=1)) == 2
