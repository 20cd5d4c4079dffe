"""Two small articles cleaned, segmented and voiced, for the hedging tests."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.text.clean import clean_corpus
from analysis.text.quotes import find_article_quotations, label_voice
from analysis.text.segment import segment_articles

TEXT = (
    "Talks may resume, according to Peskov. “We could meet in Saudi Arabia,” Trump said. "
    "The call lasted about 90 minutes. It is not clear whether Kyiv will join."
)


@pytest.fixture
def small_tables():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["A", "B"],
            "raw_text": [TEXT, "The call lasted nearly 90 minutes. Clearly, it happened."],
        }
    )
    cleaned, paragraphs, _ = clean_corpus(articles)
    spans, voice = find_article_quotations(cleaned)
    sentences = label_voice(segment_articles(cleaned, paragraphs), cleaned, spans)
    return cleaned, sentences, voice
