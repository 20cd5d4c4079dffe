"""Attributions in one text: cues, source phrases, contents, speakers, continuations."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.sources.attribution import find_attributions
from analysis.sources.lexicons import corpus_lexicons, default_lexicons
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences


def attributions(text: str, lexicons=None):
    """Attributions read with the default corpus's resources (its actor table and descriptors)
    unless told otherwise."""
    lexicons = lexicons or corpus_lexicons(str(config.DEFAULT_CORPUS))
    return find_attributions(
        text, split_sentences(text), split_paragraphs(text), find_quotations(text), lexicons
    )


def rows(text: str) -> list[tuple[str, str, str, str]]:
    return [(a.kind, a.speaker, a.cue, text[a.start : a.end]) for a in attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct quotation, source after it
        (
            "“We agreed to work together,” Trump said.",
            [("direct", "Donald Trump", "said", "“We agreed to work together,”")],
        ),
        # inverted: the cue opens its clause
        (
            "“We support any effort,” said U.N. spokesman Farhan Haq.",
            [("direct", "Farhan Haq", "said", "“We support any effort,”")],
        ),
        # indirect speech after "that"; the title is part of the source phrase
        (
            "Kremlin spokesman Dmitry Peskov told reporters that the call lasted 90 minutes.",
            [("indirect", "Dmitry Peskov", "told", "the call lasted 90 minutes")],
        ),
        # "told" without "that": the addressee is not the content
        (
            "Trump told reporters he agreed with Hegseth.",
            [("indirect", "Donald Trump", "told", "he agreed with Hegseth")],
        ),
        # a partial quote inside indirect speech: the clause with its quotation
        (
            "Mr. Trump said he had a “lengthy and highly productive” call.",
            [("partial", "Donald Trump", "said", "he had a “lengthy and highly productive” call")],
        ),
        # according to: content before the source
        (
            "The war must end soon, according to people briefed on the call.",
            [("indirect", "people briefed on the call", "according to", "The war must end soon")],
        ),
        # auxiliaries and adverbs between source and cue
        (
            "Trump later said the two leaders would meet.",
            [("indirect", "Donald Trump", "said", "the two leaders would meet")],
        ),
        # a relative clause between source and cue
        (
            "Peskov, who spoke to reporters, said the talks would start.",
            [("indirect", "Dmitry Peskov", "said", "the talks would start")],
        ),
        # the reported clause ends before a new one
        (
            "Trump said the call went well, but critics were not convinced.",
            [("indirect", "Donald Trump", "said", "the call went well")],
        ),
        # coordinated cues share the source and split the content
        (
            "Zelenskyy says he respects the effort but argues that Ukraine must be at the table.",
            [
                ("indirect", "Volodymyr Zelenskyy", "says", "he respects the effort"),
                ("indirect", "Volodymyr Zelenskyy", "argues", "Ukraine must be at the table"),
            ],
        ),
        # a cue set off by commas: the sentence around it
        (
            "This campaign, Trump says, is different from the last one.",
            [
                (
                    "indirect",
                    "Donald Trump",
                    "says",
                    "This campaign, Trump says, is different from the last one",
                )
            ],
        ),
        # an adverb between source and cue, a contraction of a pronoun
        (
            "Putin has since said that the talks were useful.",
            [("indirect", "Vladimir Putin", "said", "the talks were useful")],
        ),
        # an apposition after the name: the name speaks
        (
            "Patrick F. Kennedy, the undersecretary for management, wrote in a memo that the "
            "files were safe.",
            [("indirect", "Patrick F. Kennedy", "wrote", "the files were safe")],
        ),
        # a long clause, then the cue and a name: the source follows the cue
        (
            "The internet has sped up the spread of such rumours among voters, said Angie Drobnic "
            "Holan, the editor.",
            [
                (
                    "indirect",
                    "Angie Drobnic Holan",
                    "said",
                    "The internet has sped up the spread of such rumours among voters",
                )
            ],
        ),
        # a participle whose subject is a description, not a name
        (
            "The billionaire businessman began by talking about the drug crisis, saying that "
            "heroin is now cheap.",
            [("indirect", "billionaire businessman", "saying", "heroin is now cheap")],
        ),
        # "and called": a coordinated verb, not a name
        (
            "Carson took the stage and called the political system “rotten to the core.”",
            [("partial", "Carson", "called", "the political system “rotten to the core.”")],
        ),
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
    text = (
        "Putin's adviser Dmitry Peskov said the conversation lasted about 90 minutes.\n\n“The "
        "topic of the Middle East came up,” he said in a statement."
    )
    assert [a.speaker for a in attributions(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_a_pronoun_without_a_recent_source_is_the_person_last_named():
    text = (
        "However, Zelensky recently addressed the figure of $200 billion in aid.\n\n“When it "
        "is said that Ukraine received it, that is not true,” he explained."
    )
    assert [a.speaker for a in attributions(text)] == ["Volodymyr Zelenskyy"]


def test_a_quotation_without_a_cue_continues_the_previous_source():
    text = (
        "“We agreed to work together,” Trump wrote. “We have also agreed to start negotiations "
        "immediately.”\n\nThe war goes on."
    )
    found = attributions(text)
    assert [(a.kind, a.speaker, a.cue) for a in found] == [
        ("direct", "Donald Trump", "wrote"),
        ("direct", "Donald Trump", ""),
    ]


def test_a_quotation_running_over_sentences_is_one_content_and_its_cue_comes_after_it():
    text = (
        "“We covered Ukraine. We covered energy, too,” Trump noted.\n\nLater that day, the "
        "markets rose."
    )
    (found,) = attributions(text)
    assert (found.speaker, found.cue, text[found.start : found.end]) == (
        "Donald Trump",
        "noted",
        "“We covered Ukraine. We covered energy, too,”",
    )


def test_a_quotation_right_before_a_later_cue_belongs_to_it():
    text = (
        "On Ukraine, Mr. Putin told Mr. Trump of “the need to eliminate the root causes of the "
        "conflict,” Mr. Peskov said."
    )
    assert [(a.speaker, a.cue) for a in attributions(text) if a.kind == "direct"] == [
        ("Dmitry Peskov", "said")
    ]


def test_platforms_named_with_the_cue_are_the_medium():
    (found,) = attributions("Trump wrote on Truth Social that the call went very well.")
    assert found.medium == "Truth Social"
    (found,) = attributions("Zelenskyy said in a post on X that he had a long talk with Trump.")
    assert found.medium == "X"


def test_a_cue_ending_with_a_colon_takes_the_quotation_opening_the_next_paragraph():
    text = "Dr. Ward stated:\n\n“The department is not about equal rights.”\n\nThe state sued."
    assert [(a.kind, a.speaker, text[a.start : a.end]) for a in attributions(text)] == [
        ("direct", "Ward", "“The department is not about equal rights.”")
    ]


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, rule) of each attribution, read with the general lexicons: a corpus that brings no
    actor table."""
    return [(a.speaker, a.speaker_rule) for a in attributions(text, default_lexicons())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people found in the text, with or without an actor table
        ("Sen. Mark Warner said the threat was real.", [("Mark Warner", "name_in_text")]),
        (
            "Sen. Mark Warner met voters. “It is real,” Warner said.",
            [("Mark Warner", "name_in_text")],
        ),
        # an organisation named beside a person does not replace the person who speaks
        (
            "Sen. Mark Warner of the Intelligence Committee said the threat was real.",
            [("Mark Warner", "name_in_text")],
        ),
        (
            "Independent Sen. Angus King of Maine told reporters he would vote yes.",
            [("Angus King", "name_in_text")],
        ),
        # party-and-state tags and ages are never speakers: the name beside them is
        (
            "Sen. Chris Murphy, D-Conn., said the bill was dead.",
            [("Chris Murphy", "name_in_text")],
        ),
        (
            "Defense Secretary Jim Mattis, 68, had said the plan would work.",
            [("Jim Mattis", "name_in_text")],
        ),
        (
            "“The deal is done,” said Rep. Adam Schiff, D-Calif., on Sunday.",
            [("Adam Schiff", "name_in_text")],
        ),
        # a description with a relative clause is not a name: the name before it speaks
        (
            "Rick Hasen, a professor who specializes in election law, said the ruling was narrow.",
            [("Rick Hasen", "name_in_text")],
        ),
        (
            "Vicente Fox – who went on a tear declaring the nominee “not welcome” – spoke on CNN.",
            [("Vicente Fox", "name_in_text")],
        ),
        (
            "McConnell, now the majority leader, who in 2010 said the goal was to make Obama a "
            "“one-term president,” agreed.",
            [("McConnell", "name_in_phrase")],
        ),
        # a passive with an adverb is no attribution: "is often described as"
        ("Clinton, who is often described as the front-runner, has faced scrutiny.", []),
        # he and she: a person named in the text, never one named only inside a quotation, never
        # one of another gender
        (
            "Jim Mattis spoke to troops. “We will win,” he said.",
            [("Jim Mattis", "pronoun_subject")],
        ),
        (
            "Vicente Fox spoke on CNN. “I think President Peña is taking a risk,” he said.",
            [("Vicente Fox", "pronoun_subject")],
        ),
        (
            "Mrs. Clinton met Mr. Sanders on Monday. Later that day, Mr. Sanders and Mrs. Clinton "
            "met donors. She said the party was united.",
            [("Clinton", "pronoun_subject")],
        ),
        (
            "He also took aim at Sen. Harry Reid, who he said “was right in 1993.”",
            [("unresolved: he", "unresolved")],
        ),
        # a clause whose subject is a pronoun is the pronoun's
        (
            "Ever since he won, Sen. Mark Warner has said the press is unfair, and he has said "
            "the bill will fail.",
            [("Mark Warner", "name_in_text"), ("Mark Warner", "pronoun_previous_source")],
        ),
        # an office: the last person named with that title, synonyms included; never someone the
        # article does not name
        (
            "Sen. Mark Warner met voters on Monday. The senator said the bill would pass.",
            [("Mark Warner", "role")],
        ),
        (
            "Former Rep. Jesse Jackson Jr. was charged. The ex-congressman said he accepts the "
            "responsibility.",
            [("Jesse Jackson Jr.", "role")],
        ),
        (
            "The defense secretary said the plan would work.",
            [("defense secretary", "description")],
        ),
        # "they": the unnamed group that spoke just before
        (
            "Law enforcement officials said that the gunman had pledged allegiance, and they "
            "acknowledged that he was investigated.",
            [
                ("Law enforcement officials", "description"),
                ("Law enforcement officials", "pronoun_previous_source"),
            ],
        ),
        # the paper: the medium last quoted as a source
        (
            "The Wall Street Journal reported that the group was softening. Its thinking, "
            "according to the paper, is that cuts are needed.",
            [("The Wall Street Journal", "medium"), ("The Wall Street Journal", "medium")],
        ),
        # a capitalised name after "the" is an institution, not a person
        (
            "The Pentagon said the policy would not harm the military.",
            [("Pentagon", "description")],
        ),
        # a dateline names nobody
        (
            "WASHINGTON -- The nation's leading advocate for seniors says it has not wavered.",
            [("nation's leading advocate for seniors", "description")],
        ),
    ],
)
def test_speakers_of_a_corpus_without_an_actor_table(text, expected):
    assert speakers(text) == expected


def test_every_speaker_rule_is_described():
    from analysis.sources.speakers import SPEAKER_RULES

    text = (
        "Sen. Mark Warner said the bill would pass. “It will,” he said. “Soon.”\n\nOfficials "
        "said the vote was set."
    )
    assert {a.speaker_rule for a in attributions(text, default_lexicons())} <= set(SPEAKER_RULES)
