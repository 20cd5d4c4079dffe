"""People named in an article's own text: names, titles, offices, groups of one person's
mentions."""

from __future__ import annotations

import pytest

from analysis.sources.lexicons import default_lexicons
from analysis.text.people import find_people


def people(text: str, actors: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    lexicons = default_lexicons()
    return [
        (p.written, p.name, p.role)
        for p in find_people(
            text, titles=lexicons.titles, stops=lexicons.name_stops, actors=actors
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title is split off and kept as the office
        ("Sen. Mark Warner (D-Va.) spoke.", [("Mark Warner", "Mark Warner", "senator")]),
        (
            "Defense Secretary Jim Mattis, 68, had said so.",
            [("Jim Mattis", "Jim Mattis", "defense secretary")],
        ),
        (
            "Senate Majority Leader Mitch McConnell, R-Ky., agreed.",
            [("Mitch McConnell", "Mitch McConnell", "majority leader")],
        ),
        (
            "Kremlin spokesman Dmitry Peskov said so.",
            [("Dmitry Peskov", "Dmitry Peskov", "kremlin spokesman")],
        ),
        (
            "Former Rep. Jesse Jackson Jr. pleaded guilty.",
            [("Jesse Jackson Jr.", "Jesse Jackson Jr.", "representative")],
        ),
        # a surname alone is the person named in full before it, or after it
        (
            "Sen. Mark Warner met voters. Warner said so.",
            [("Mark Warner", "Mark Warner", "senator"), ("Warner", "Mark Warner", "")],
        ),
        (
            "Warner spoke first. Sen. Mark Warner then left.",
            [("Warner", "Mark Warner", ""), ("Mark Warner", "Mark Warner", "senator")],
        ),
        (
            "President Trump stood firm. Trump later confirmed it.",
            [("Trump", "Trump", "president"), ("Trump", "Trump", "")],
        ),
        # two people of one surname stay two
        (
            "Jeb Bush and George W. Bush met. Bush spoke.",
            [
                ("Jeb Bush", "Jeb Bush", ""),
                ("George W. Bush", "George W. Bush", ""),
                ("Bush", "George W. Bush", ""),
            ],
        ),
        # names with initials, apostrophes, particles and suffixes
        (
            "J.D. Vance met Beto O'Rourke and Martin Luther King Jr.",
            [
                ("J.D. Vance", "J.D. Vance", ""),
                ("Beto O'Rourke", "Beto O'Rourke", ""),
                ("Martin Luther King Jr.", "Martin Luther King Jr.", ""),
            ],
        ),
        # institutions, places, days, media, parties and countries are not people
        ("The Senate Intelligence Committee met in New York on Monday.", []),
        ("Fox News and the White House said so at Trump Tower in Los Angeles.", []),
        ("Republicans and Democrats in Saudi Arabia and Sierra Leone.", []),
        ("Virginia Democrat Mark Warner spoke.", [("Mark Warner", "Mark Warner", "")]),
        # a party-and-state tag or a one-word name with no title is nobody
        ("D-Conn. and Schumer spoke.", []),
        ("Rather than go ahead, he left.", []),
    ],
)
def test_people_found_in_the_text(text, expected):
    assert people(text) == expected


def test_a_person_of_the_actor_table_keeps_its_name():
    assert people(
        "Mr. Trump spoke, and Donald J. Trump left.",
        {"Donald J. Trump": "Donald Trump", "Trump": "Donald Trump"},
    ) == [
        ("Trump", "Donald Trump", ""),
        ("Donald J. Trump", "Donald Trump", ""),
    ]


def test_a_courtesy_title_gives_the_person_a_gender():
    lexicons = default_lexicons()
    found = find_people(
        "Mrs. Clinton met Mr. Sanders.", titles=lexicons.titles, stops=lexicons.name_stops
    )
    assert [(p.name, p.gender) for p in found] == [("Clinton", "female"), ("Sanders", "male")]
