"""What an attribution's neighbours tell it (analysis.sources.context): a quotation after a colon,
a source continued across a cue, a sentence's subject, the paragraph after, a credit after a dash.
Read with the general lexicons: none of these rules needs a corpus's actor table."""

from __future__ import annotations

import pytest

from analysis.sources.attribution import find_attributions
from analysis.sources.context import _joins_source, _quotation_after_colon
from analysis.sources.lexicons import default_lexicons
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences

LEXICONS = default_lexicons()


def rows(text: str) -> list[tuple[str, str, str, str]]:
    found = find_attributions(
        text, split_sentences(text), split_paragraphs(text), find_quotations(text), LEXICONS
    )
    return [(a.speaker, a.speaker_rule, a.cue, text[a.start : a.end]) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue ending its sentence with a colon takes the quotation opening the next paragraph
        (
            "Dr. Jane Ward stated:\n\n“We are ready for the storm.”",
            [("Jane Ward", "name_in_text", "stated", "“We are ready for the storm.”")],
        ),
        # "and added": the second cue shares the first one's source
        (
            "Mayor Ann Cole said the budget was tight and added that cuts would come.",
            [
                ("Ann Cole", "name_in_text", "said", "the budget was tight"),
                ("Ann Cole", "name_in_text", "added that", "cuts would come"),
            ],
        ),
        # a participle after a comma: the sentence's subject speaks
        (
            "Mayor Ann Cole spoke on Monday, saying the budget was tight.",
            [("Ann Cole", "name_in_text", "saying", "the budget was tight")],
        ),
        # a pronoun: the person named in the author's voice in the sentence before
        (
            "Mayor Ann Cole was upbeat. She said the budget was fine.",
            [("Ann Cole", "pronoun_subject", "said", "the budget was fine")],
        ),
        # a quotation right before a later cue belongs to that cue
        (
            "“It was a good call,” Trump told reporters of “the very best talks,” "
            "Mr. Peskov said.",
            [
                ("Trump", "name_in_phrase", "told", "“It was a good call,”"),
                ("Peskov", "name_in_text", "said", "“the very best talks,”"),
            ],
        ),
        # a quotation paragraph right after an attributed one goes on with the same speaker ...
        (
            "“The budget is tight,” Mayor Ann Cole said.\n\n“We will have to cut spending in "
            "every "
            "department.”",
            [
                ("Ann Cole", "name_in_text", "said", "“The budget is tight,”"),
                (
                    "Ann Cole",
                    "continuation",
                    "",
                    "“We will have to cut spending in every department.”",
                ),
            ],
        ),
        # ... but not after other paragraphs in between
        (
            "“The budget is tight,” Mayor Ann Cole said.\n\nThe council met.\n\nIt rained.\n\n“We "
            "will have to cut spending in every department.”",
            [("Ann Cole", "name_in_text", "said", "“The budget is tight,”")],
        ),
        # a credit after a dash, inside the quotation's sentence
        (
            "“We will win this fight, whatever it takes from all of us” — Jane Doe.",
            [
                (
                    "Jane Doe",
                    "name_in_text",
                    "—",
                    "“We will win this fight, whatever it takes from all of us”",
                )
            ],
        ),
    ],
)
def test_context_rules(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dr. Ward stated:\n\n“We are ready.”", True),
        ("Dr. Ward stated:\n\nThe storm came. “We are ready.”", False),  # text before it
        ("Dr. Ward stated that\n\n“We are ready.”", False),  # no colon
    ],
)
def test_quotation_after_colon(text, found):
    cue_end = text.index("stated") + len("stated")
    hi = text.index("\n")
    result = _quotation_after_colon(text, cue_end, hi, find_quotations(text))
    assert (result is not None) is found
    if found:
        assert text[result[0] : result[1]] == "“We are ready.”" and result[2] == "direct"


@pytest.mark.parametrize(
    ("text", "cue", "joins"),
    [
        ("Cole said it was tight and added that cuts would come.", "added", True),
        ("Cole said it was tight but warned that cuts would come.", "warned", True),
        ("Cole said it was tight, adding that cuts would come.", "adding", True),
        ("Cole said it was tight. Lee warned that cuts would come.", "warned", False),
    ],
)
def test_a_cue_joins_the_source_of_the_cue_before(text, cue, joins):
    start = text.index(cue)
    lo = text.index("said") + len("said")  # the end of the cue before
    assert _joins_source(text, lo, (start, start + len(cue), cue)) is joins
