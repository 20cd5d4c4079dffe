"""The record of one attribution (analysis.sources.records): what every attribution found holds."""

from __future__ import annotations

import dataclasses

import pytest

from analysis import config
from analysis.sources.attribution import find_attributions
from analysis.sources.lexicons import corpus_lexicons
from analysis.sources.records import Attribution
from analysis.sources.speakers import SPEAKER_RULES
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences


def test_a_record_is_frozen_with_empty_defaults():
    record = Attribution(0, 5, "direct", "said", "neutral", "Lee", 10, 13, "Ann Lee")
    assert (record.medium, record.description, record.speaker_rule) == ("", "", "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.speaker = "someone else"
    assert len({record, dataclasses.replace(record)}) == 1  # hashable, equal by value


@pytest.fixture(scope="module")
def seed_attributions(seed_tables):
    corpus = seed_tables["articles"]
    lexicons = corpus_lexicons(str(config.DEFAULT_CORPUS))
    found = []
    for text in corpus["clean_text"]:
        found += [
            (text, a)
            for a in find_attributions(
                text,
                split_sentences(text),
                split_paragraphs(text),
                find_quotations(text),
                lexicons,
            )
        ]
    return found


def test_every_attribution_of_the_seeds_points_into_its_text(seed_attributions):
    assert len(seed_attributions) > 50
    for text, a in seed_attributions:
        assert 0 <= a.start < a.end <= len(text)
        assert a.kind in ("direct", "partial", "indirect")
        if a.speaker_start >= 0:
            assert text[a.speaker_start : a.speaker_end] == a.speaker_text
        else:  # a continuation: no phrase of its own
            assert a.speaker_text == "" and a.speaker_rule == "continuation"
        assert a.speaker_rule in SPEAKER_RULES, a
