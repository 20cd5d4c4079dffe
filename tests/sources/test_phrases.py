"""The parts of one attribution: source phrase, subject, content and platform
(analysis.sources.phrases), read with the general lexicons (no corpus's actor table)."""

from __future__ import annotations

import pytest

from analysis.sources.lexicons import default_lexicons
from analysis.sources.phrases import (
    find_content,
    find_indirect_span,
    find_medium,
    find_source_phrase,
    find_subject,
)
from analysis.text.quotes import find_quotations

LEXICONS = default_lexicons()


def _parts(text: str, cue: str):
    start = text.index(cue)
    end = start + len(cue)
    according = cue == "according to"
    quotations = find_quotations(text)
    source = find_source_phrase(
        text,
        0,
        len(text),
        start,
        end,
        according,
        [(q.start, q.end) for q in quotations],
        LEXICONS.titles,
    )
    if source is None:
        return None, None
    content = find_content(text, 0, len(text), start, end, source, quotations, according)
    found = (text[source[0] : source[1]], source[2])
    return found, (text[content[0] : content[1]], content[2]) if content else None


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("“We agreed,” Trump said.", "said", ("Trump", False), ("“We agreed,”", "direct")),
        # inverted: the source follows the cue, titles and all
        (
            "“We agreed,” said U.N. spokesman Farhan Haq.",
            "said",
            ("U.N. spokesman Farhan Haq", True),
            ("“We agreed,”", "direct"),
        ),
        # "told reporters that": the addressee is neither source nor content
        (
            "Kremlin spokesman Dmitry Peskov told reporters that the call lasted 90 minutes.",
            "told",
            ("Kremlin spokesman Dmitry Peskov", False),
            ("the call lasted 90 minutes", "indirect"),
        ),
        # "according to": the source after it, the content before it
        (
            "The war must end soon, according to people briefed on the call.",
            "according to",
            ("people briefed on the call", True),
            ("The war must end soon", "indirect"),
        ),
        # a relative clause between source and cue is not part of the source
        (
            "The senator from Ohio, who chairs the panel, said the bill was dead.",
            "said",
            ("The senator from Ohio", False),
            ("the bill was dead", "indirect"),
        ),
        # an opening phrase is not the source
        (
            "With the vote near, Ms. Lee said she would run.",
            "said",
            ("Ms. Lee", False),
            ("she would run", "indirect"),
        ),
        ("He said the vote was close.", "said", ("He", False), ("the vote was close", "indirect")),
        # quoted words are never the speaker: scare quotes leave no source
        ("“Leave now,” the “patriots” said.", "said", None, None),
    ],
)
def test_source_phrase_and_content(text, cue, source, content):
    assert _parts(text, cue) == (source, content)


@pytest.mark.parametrize(
    ("text", "cue", "span"),
    [
        ("Officials said that the talks would resume.", "said", "the talks would resume"),
        ("The talks would resume, officials said.", "said", "The talks would resume"),
    ],
)
def test_indirect_span_follows_that_or_precedes_a_closing_cue(text, cue, span):
    start = text.index(cue)
    source = find_source_phrase(text, 0, len(text), start, start + len(cue), False)
    found = find_indirect_span(text, 0, len(text), start, start + len(cue), source, False)
    assert text[found[0] : found[1]] == span


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Fiorina was upfront about Trump, saying he lied.", "Fiorina"),
        ("The United Nations met, saying peace was near.", "United Nations"),
        ("She left, saying nothing.", "She"),
        # no pronoun or name: the words before the first verb
        (
            "the billionaire businessman began by talking, saying little.",
            "the billionaire businessman",
        ),
        ("the very long and winding line of people in the street waited, saying little.", None),
    ],
)
def test_subject_of_a_sentence_for_a_participle_cue(text, subject):
    found = find_subject(text, 0, len(text), LEXICONS.titles)
    assert (text[found[0] : found[1]] if found else None) == subject


@pytest.mark.parametrize(
    ("text", "cue", "medium"),
    [
        ("Trump wrote on Truth Social that he spoke.", "wrote", "Truth Social"),
        ("Musk said in a post on X that it was done.", "said", "X"),
        # a medium that is not a platform is a source, not where the words were published
        ("Trump said on Fox News that he spoke.", "said", ""),
        ("He said on Monday that it was over.", "said", ""),
    ],
)
def test_platform_named_after_a_cue(text, cue, medium):
    end = text.index(cue) + len(cue)
    assert find_medium(text, end, len(text), LEXICONS) == medium
