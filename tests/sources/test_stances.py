"""Stances: which cues attribute a belief, intention, position or finding
(analysis.sources.stances), read through attribution."""

from __future__ import annotations

import pytest

from analysis.sources.attribution import find_attributions, find_attributions_and_stances
from analysis.sources.lexicons import default_lexicons
from analysis.sources.stances import before_adverbs, holds_stance
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences


def stances(text: str) -> list[tuple[str, str, str, str]]:
    """The stances of a text read with the general lexicons: (class, cue, speaker, content)."""
    words, found = find_attributions_and_stances(
        text,
        split_sentences(text),
        split_paragraphs(text),
        find_quotations(text),
        default_lexicons(),
    )
    return [(a.cue_class, a.cue, a.speaker, text[a.start : a.end]) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the four classes, from sentences of the kinds PolNeAR annotates
        (
            "Most voters believe the economy is getting worse.",
            [("belief", "believe", "Most voters", "the economy is getting worse")],
        ),
        (
            "Sen. Susan Collins wants changes to the health care bill.",
            [("intention", "wants", "Susan Collins", "changes to the health care bill")],
        ),
        (
            "Critics accused the governor of abusing his power.",
            [("position", "accused", "Critics", "the governor of abusing his power")],
        ),
        (
            "A new Quinnipiac poll shows Clinton leading Trump by six points.",
            [("evidence", "shows", "new Quinnipiac poll", "Clinton leading Trump by six points")],
        ),
        (
            "The Tax Foundation estimates that the plan would cost $1 trillion.",
            [("evidence", "estimates", "Tax Foundation", "the plan would cost $1 trillion")],
        ),
        (
            "Mr. Obama declined to comment on the report.",
            [("intention", "declined", "Obama", "to comment on the report")],
        ),
        (
            "The senator called for an investigation into the leak.",
            [("position", "called for", "senator", "an investigation into the leak")],
        ),
        # a relative clause set off by commas ends the stance
        (
            "Warren, who supports a wealth tax, spoke on Sunday.",
            [("position", "supports", "Warren", "a wealth tax")],
        ),
        # what must not be a stance: words are attributed in the sentence ("said" holds the whole
        # clause)
        ("Trump said he wants a wall on the southern border.", []),
        # a passive, a number that fell, a reflexive, nouns, a question, an adverbial phrase as the
        # subject
        ("The bill was opposed by House Republicans.", []),
        ("Spending declined sharply last year.", []),
        ("He found himself at the center of the storm.", []),
        ("The company's new plans drew public support from unions.", []),
        ("Do you think the deal will pass?", []),
        ("Republicans, to varying degrees, used the phrase in campaigns.", []),
        # from the first hand check of stances in BASIL articles: a participle after a noun, a
        # clause as the subject, a performance that "showed", a stance whose content would be the
        # clause before it
        (
            "He paired the address with a ceremony, a move intended to underscore that he "
            "supports legal immigration.",
            [],
        ),
        (
            "But the deal would provide only a fraction of Trump's originally proposed figure of "
            "$5.7 billion for the wall.",
            [],
        ),
        (
            "Running for president is a new stage, and his oratory showed room for improvement on "
            "the trail.",
            [],
        ),
        (
            "She would not abandon the deal – as some Democrats want – and would use the "
            "opposition as leverage.",
            [],
        ),
        # from the second hand check: a noun after a singular name, the subject after an opening
        # phrase
        (
            "The Republican demand and the barbed response of the chairman echoed well outside "
            "the room.",
            [],
        ),
        (
            "Democrats demand a vote on the bill before the recess ends.",
            [("position", "demand", "Democrats", "a vote on the bill before the recess ends")],
        ),
        (
            "During the meeting in the Situation Room, Mr. Trump made his case for a wall and "
            "rejected Democrats' proposals for reopening the government.",
            [
                (
                    "position",
                    "rejected",
                    "Trump",
                    "Democrats' proposals for reopening the government",
                )
            ],
        ),
        # from the third hand check: a negation over an adverb
        (
            "The suit does not specifically seek to overturn the part of the amendment on "
            "personal use.",
            [],
        ),
        # "they" of a stance: a group named before it in its sentence, else in the sentence before
        (
            "The American Civil Liberties Union urged members to vote against it. Democrats made "
            "clear that they believe the cleanup must start at home.",
            [("belief", "believe", "Democrats", "the cleanup must start at home")],
        ),
        (
            "Critics of the plan met on Monday. They worry that the deal will collapse before the "
            "recess.",
            [("belief", "worry", "Critics", "the deal will collapse before the recess")],
        ),
        # from the fourth hand check: an object before the verb, participles
        (
            "The larger figure was the amount Mr. Trump has demanded for the wall, which the "
            "House endorsed in a vote last month.",
            [],
        ),
        (
            "The spate of disclosures on Friday, intended to highlight her efforts at "
            "transparency, came after a week of attention.",
            [],
        ),
        (
            "The emails found on Mr. Weiner's computer are a sore spot for the campaign "
            "this fall.",
            [],
        ),
        # from the fifth hand check: a passive with an irregular participle
        (
            "However, Democrats are thought to have far more safe seats than Republicans going "
            "into November.",
            [],
        ),
        # "the president" is not the vice president named before
        (
            "Vice President Mike Pence met the senators. The president proposed $800 million for "
            "border agents and judges.",
            [("position", "proposed", "president", "$800 million for border agents and judges")],
        ),
    ],
)
def test_stances_attribute_beliefs_intentions_positions_and_findings(text, expected):
    assert stances(text) == expected


def test_stances_never_change_the_attributions_of_words():
    text = (
        "“We will win,” Trump said. He wants a wall on the whole border. “It is a waste,” "
        "Pelosi said. She believes it will fail."
    )
    words, found = find_attributions_and_stances(
        text,
        split_sentences(text),
        split_paragraphs(text),
        find_quotations(text),
        default_lexicons(),
    )
    assert words == find_attributions(
        text,
        split_sentences(text),
        split_paragraphs(text),
        find_quotations(text),
        default_lexicons(),
    )
    # "he" and "she" resolve to the speakers of the words before them
    assert [(a.cue, a.speaker, a.speaker_rule) for a in found] == [
        ("wants", "Trump", "pronoun_previous_source"),
        ("believes", "Pelosi", "pronoun_previous_source"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source", "expected"),
    [
        ("Most voters believe the economy is worse.", "believe", "Most voters", True),
        ("Do you think the deal will pass?", "think", "Do you", False),  # a question
        ("Republicans, often citing the law, voted no.", "citing", "often", False),  # an adverb
        (
            "The deal would provide a fraction of the proposed figure.",
            "proposed",
            "The deal would provide a fraction of the",
            False,
        ),  # a clause
        (
            "His oratory showed room for improvement.",
            "showed",
            "His oratory",
            False,
        ),  # a finding needs a source that can report one
        ("A new poll showed Clinton ahead.", "showed", "A new poll", True),
        ("Spending declined sharply.", "declined", "Spending", False),  # "declined" without "to"
        (
            "The bill was opposed by House Republicans.",
            "opposed",
            "The bill",
            False,
        ),  # passive: "by" follows
    ],
)
def test_holds_stance_reads_the_subject_and_the_words_around_the_cue(text, cue, source, expected):
    cue_start = text.index(cue)
    classes = default_lexicons().stance_classes
    span = (text.index(source), text.index(source) + len(source), False)
    assert (
        holds_stance(
            text,
            0,
            len(text),
            (cue_start, cue_start + len(cue), classes[cue.lower()]),
            span,
            default_lexicons(),
        )
        == expected
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("does not specifically seek", "not"),
        ("did not seek", ""),  # the word right before the verb is read by the cue rule itself
        ("Trump also", "Trump"),
        ("quickly", ""),
    ],
)
def test_before_adverbs_finds_the_word_before_the_adverbs(words, expected):
    import re

    before = list(
        re.finditer(r"\S+", words.rsplit(" ", 1)[0] if words.endswith("seek") else words)
    )
    found = before_adverbs(before)
    assert [m.group() for m in found] == ([expected] if expected else [])
