"""Attributions in one text: cues, source phrases, contents, speakers, continuations."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.attribution import find_attributions
from analysis.quotes import find_quotations
from analysis.segment import split_paragraphs, split_sentences
from analysis.source_lexicons import corpus_lexicons


def attributions(text: str, lexicons=None):
    """Attributions read with the default corpus's resources (its actor table and descriptors) unless told otherwise."""
    lexicons = lexicons or corpus_lexicons(str(config.DEFAULT_CORPUS))
    return find_attributions(text, split_sentences(text), split_paragraphs(text), find_quotations(text), lexicons)


def rows(text: str) -> list[tuple[str, str, str, str]]:
    return [(a.kind, a.speaker, a.cue, text[a.start : a.end]) for a in attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct quotation, source after it
        ("“We agreed to work together,” Trump said.", [("direct", "Donald Trump", "said", "“We agreed to work together,”")]),
        # inverted: the cue opens its clause
        ("“We support any effort,” said U.N. spokesman Farhan Haq.", [("direct", "Farhan Haq", "said", "“We support any effort,”")]),
        # indirect speech after "that"; the title is part of the source phrase
        (
            "Kremlin spokesman Dmitry Peskov told reporters that the call lasted 90 minutes.",
            [("indirect", "Dmitry Peskov", "told", "the call lasted 90 minutes")],
        ),
        # "told" without "that": the addressee is not the content
        ("Trump told reporters he agreed with Hegseth.", [("indirect", "Donald Trump", "told", "he agreed with Hegseth")]),
        # a partial quote inside indirect speech: the clause with its quotation
        ("Mr. Trump said he had a “lengthy and highly productive” call.", [("partial", "Donald Trump", "said", "he had a “lengthy and highly productive” call")]),
        # according to: content before the source
        ("The war must end soon, according to people briefed on the call.", [("indirect", "people briefed on the call", "according to", "The war must end soon")]),
        # auxiliaries and adverbs between source and cue
        ("Trump later said the two leaders would meet.", [("indirect", "Donald Trump", "said", "the two leaders would meet")]),
        # a relative clause between source and cue
        ("Peskov, who spoke to reporters, said the talks would start.", [("indirect", "Dmitry Peskov", "said", "the talks would start")]),
        # the reported clause ends before a new one
        ("Trump said the call went well, but critics were not convinced.", [("indirect", "Donald Trump", "said", "the call went well")]),
        # coordinated cues share the source and split the content
        (
            "Zelenskyy says he respects the effort but argues that Ukraine must be at the table.",
            [("indirect", "Volodymyr Zelenskyy", "says", "he respects the effort"), ("indirect", "Volodymyr Zelenskyy", "argues", "Ukraine must be at the table")],
        ),
        # a cue set off by commas: the sentence around it
        ("This campaign, Trump says, is different from the last one.", [("indirect", "Donald Trump", "says", "This campaign, Trump says, is different from the last one")]),
        # an adverb between source and cue, a contraction of a pronoun
        ("Putin has since said that the talks were useful.", [("indirect", "Vladimir Putin", "said", "the talks were useful")]),
        # an apposition after the name: the name speaks
        ("Patrick F. Kennedy, the undersecretary for management, wrote in a memo that the files were safe.", [("indirect", "Patrick F. Kennedy", "wrote", "the files were safe")]),
        # a long clause, then the cue and a name: the source follows the cue
        (
            "The internet has sped up the spread of such rumours among voters, said Angie Drobnic Holan, the editor.",
            [("indirect", "Angie Drobnic Holan", "said", "The internet has sped up the spread of such rumours among voters")],
        ),
        # a participle whose subject is a description, not a name
        (
            "The billionaire businessman began by talking about the drug crisis, saying that heroin is now cheap.",
            [("indirect", "billionaire businessman", "saying", "heroin is now cheap")],
        ),
        # "and called": a coordinated verb, not a name
        ("Carson took the stage and called the political system “rotten to the core.”", [("partial", "Carson", "called", "the political system “rotten to the core.”")]),
        # nouns, passives and negations are not cues
        ("A group of comedians is performing a play called “Sons of Trump” in Mexico.", []),
        ("The Washington Post has put together a team of reporters.", []),
        ("In a post on X, the ministry was silent about the call.", []),
        ("Zelensky disputed Trump’s claims about the aid.", []),
        ("When asked about the call, Trump declined to go further.", []),
        ("Mr. Trump did not say how the talks would go on.", []),
        ("It was the first confirmed conversation between the two men.", []),
    ],
)
def test_attributions_of_one_sentence(text, expected):
    assert rows(text) == expected


def test_a_pronoun_continues_the_source_of_the_sentence_before():
    text = "Putin's adviser Dmitry Peskov said the conversation lasted about 90 minutes.\n\n“The topic of the Middle East came up,” he said in a statement."
    assert [a.speaker for a in attributions(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_a_pronoun_without_a_recent_source_is_the_person_last_named():
    text = "However, Zelensky recently addressed the figure of $200 billion in aid.\n\n“When it is said that Ukraine received it, that is not true,” he explained."
    assert [a.speaker for a in attributions(text)] == ["Volodymyr Zelenskyy"]


def test_a_quotation_without_a_cue_continues_the_previous_source():
    text = "“We agreed to work together,” Trump wrote. “We have also agreed to start negotiations immediately.”\n\nThe war goes on."
    found = attributions(text)
    assert [(a.kind, a.speaker, a.cue) for a in found] == [("direct", "Donald Trump", "wrote"), ("direct", "Donald Trump", "")]


def test_a_quotation_running_over_sentences_is_one_content_and_its_cue_comes_after_it():
    text = "“We covered Ukraine. We covered energy, too,” Trump noted.\n\nLater that day, the markets rose."
    (found,) = attributions(text)
    assert (found.speaker, found.cue, text[found.start : found.end]) == ("Donald Trump", "noted", "“We covered Ukraine. We covered energy, too,”")


def test_a_quotation_right_before_a_later_cue_belongs_to_it():
    text = "On Ukraine, Mr. Putin told Mr. Trump of “the need to eliminate the root causes of the conflict,” Mr. Peskov said."
    assert [(a.speaker, a.cue) for a in attributions(text) if a.kind == "direct"] == [("Dmitry Peskov", "said")]


def test_platforms_named_with_the_cue_are_the_medium():
    (found,) = attributions("Trump wrote on Truth Social that the call went very well.")
    assert found.medium == "Truth Social"
    (found,) = attributions("Zelenskyy said in a post on X that he had a long talk with Trump.")
    assert found.medium == "X"


def test_a_cue_ending_with_a_colon_takes_the_quotation_opening_the_next_paragraph():
    text = "Dr. Ward stated:\n\n“The department is not about equal rights.”\n\nThe state sued."
    assert [(a.kind, a.speaker, text[a.start : a.end]) for a in attributions(text)] == [("direct", "Ward", "“The department is not about equal rights.”")]
