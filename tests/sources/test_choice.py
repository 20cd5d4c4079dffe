"""Source choice: the quotes table, source types, who speaks how much, cited media, the verb
list."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sources.choice import (
    classify_source,
    find_cited_media,
    find_quotes,
    summarise_sources,
)
from analysis.sources.lexicons import default_lexicons
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences


def test_a_bare_surname_is_grouped_with_the_full_name_and_typed_by_its_apposition():
    text = (
        "BILD quotes Carlo Masala, a professor at the Bundeswehr University.\n\n“Putin has won "
        "this war,” Masala added."
    )
    articles = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    sentences = pd.DataFrame(
        [{"article_id": "a", "start": s, "end": e} for s, e in split_sentences(text)]
    )
    paragraphs = pd.DataFrame(
        [{"article_id": "a", "start": s, "end": e} for s, e in split_paragraphs(text)]
    )
    spans = pd.DataFrame(
        [
            {
                "article_id": "a",
                "start": q.start,
                "end": q.end,
                "depth": q.depth,
                "status": q.status,
                "open_mark": q.open_mark,
                "close_mark": q.close_mark,
            }
            for q in find_quotations(text)
        ]
    )
    quotes = find_quotes(articles, sentences, paragraphs, spans)
    assert quotes[["speaker", "speaker_type", "cue_class"]].values.tolist() == [
        ["Carlo Masala", "expert", "neutral"]
    ]
    sources = summarise_sources(quotes, articles)
    assert sources[["source", "quotes", "direct", "quoted_words", "cues"]].values.tolist() == [
        ["Carlo Masala", 1, 1, 5, "added"]
    ]


def _content(article_id, speaker, speaker_type, country, kind, cue, text="“A b c,”"):
    return {
        "article_id": article_id,
        "speaker": speaker,
        "speaker_type": speaker_type,
        "country": country,
        "kind": kind,
        "cue": cue,
        "text": text,
    }


@pytest.mark.parametrize(
    ("contents", "expected"),
    [
        # a tie between two types: the first in sorted order, as Series.mode().iloc[0]
        (
            [
                _content("a", "X", "official", "Russia", "direct", "said"),
                _content("a", "X", "media", "", "partial", "Told"),
            ],
            [["a", "X", "media", "", 2, 1, 1, 0, 6, "said; told"]],
        ),
        # the most frequent wins; an indirect content has no quoted words; a continuation has no
        # cue
        (
            [
                _content("b", "Y", "expert", "", "direct", "said"),
                _content("b", "Y", "expert", "", "indirect", "said"),
                _content("b", "Y", "other", "", "direct", ""),
            ],
            [["b", "Y", "expert", "", 3, 2, 0, 1, 6, "said"]],
        ),
        # rows come out sorted by article and source
        (
            [
                _content("b", "Z", "other", "", "direct", "said"),
                _content("a", "Z", "other", "", "direct", "said"),
                _content("a", "W", "other", "", "direct", "said"),
            ],
            [
                ["a", "W", "other", "", 1, 1, 0, 0, 3, "said"],
                ["a", "Z", "other", "", 1, 1, 0, 0, 3, "said"],
                ["b", "Z", "other", "", 1, 1, 0, 0, 3, "said"],
            ],
        ),
    ],
)
def test_summarise_sources_counts_each_source_per_article(contents, expected):
    assert summarise_sources(pd.DataFrame(contents), pd.DataFrame()).values.tolist() == expected


@pytest.mark.parametrize(
    ("speaker", "phrase", "expected"),
    [
        ("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", ("official", "Russia")),
        ("Farhan Haq", "U.N. spokesman Farhan Haq", ("international_organisation", "")),
        ("people briefed on the call", "people briefed on the call", ("anonymous", "")),
        ("officials", "U.S. officials", ("anonymous", "United States")),
        ("RT", "RT.com", ("media", "Russia")),
        ("Jane Roe", "Jane Roe, an analyst at a think tank", ("expert", "")),
        ("Jane Roe", "Jane Roe", ("other", "")),
    ],
)
def test_source_types_and_countries(speaker, phrase, expected):
    assert classify_source(speaker, phrase, default_lexicons()) == expected


def test_cited_media_are_counted_per_article_and_voice():
    text = 'ABC News reported it first, according to RT.com. "I saw it on CNN," she said.'
    articles = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    quote = text.index('"I')
    voice = pd.DataFrame(
        {
            "article_id": ["a", "a", "a"],
            "start": [0, quote, quote + 18],
            "end": [quote, quote + 18, len(text)],
            "voice": ["authorial", "quoted", "authorial"],
        }
    )
    table = find_cited_media(articles, voice)
    assert table[["medium", "kind", "voice", "mentions"]].values.tolist() == [
        ["ABC News", "media", "authorial", 1],
        ["CNN", "media", "quoted", 1],
        ["RT", "media", "authorial", 1],
    ]


# Every quotation of the seed articles (direct, and partial inside indirect speech) with
# its speaker and kind, checked by reading each article: (article, the quotation's first
# words, speaker, kind). Scare quotes without a source ("immediately", "lengthy" in the
# partisan rewrite's lead, "$200 billion") are not attributed and not listed.
SEED_QUOTES = [
    ("lib-fails", '"We agreed to work together, very closely', "Donald Trump", "direct"),
    ("lib-fails", '"We have also agreed to have our respecti', "Donald Trump", "direct"),
    ("lib-fails", '"We both reflected on the Great History o', "Donald Trump", "direct"),
    ("lib-fails", '"We each talked about the strengths of ou', "Donald Trump", "direct"),
    ("lib-fails", '"restore order', "Vladimir Putin", "partial"),
    ("lib-fails", '"Trump, with his character and stubbornne', "Vladimir Putin", "direct"),
    ("lib-fails", '"mentally, the then-president Joe Biden s', "Vladimir Putin", "partial"),
    ("lib-fails", '"Trump has different ideas about what is', "Vladimir Putin", "direct"),
    ("lib-fails", '"We will be speaking, and I think we’ll p', "Donald Trump", "direct"),
    ("lib-fails", '"We want to end that war. That war would', "Donald Trump", "direct"),
    ("lib-fails", '"I don’t want to say that.', "Donald Trump", "direct"),
    ("lib-fails", '"clever and pragmatic man', "Vladimir Putin", "partial"),
    ("lib-fails", '"We always had a business-like, pragmatic', "Vladimir Putin", "direct"),
    ("lib-fails", '"I couldn’t disagree with him that if he', "Vladimir Putin", "direct"),
    ("lib-fails", '"When it is said that Ukraine received $2', "Volodymyr Zelenskyy", "direct"),
    ("lib-fails", '"There are also many other humanitarian p', "Volodymyr Zelenskyy", "direct"),
    (
        "nbc-news-via-aggregator",
        '"As we both agreed, we want to stop the m',
        "Donald Trump",
        "direct",
    ),
    (
        "nbc-news-via-aggregator",
        '"We agreed to work together, very closely',
        "Donald Trump",
        "direct",
    ),
    (
        "nbc-news-via-aggregator",
        '"We have also agreed to have our respecti',
        "Donald Trump",
        "direct",
    ),
    (
        "nbc-news-via-aggregator",
        '"The topic of the Middle East settlement,',
        "Dmitry Peskov",
        "direct",
    ),
    (
        "nbc-news-via-aggregator",
        '"and expressed readiness to receive Ameri',
        "Dmitry Peskov",
        "partial",
    ),
    ("nbc-news-via-aggregator", "“went very well", "Donald Trump", "partial"),
    (
        "nbc-news-via-aggregator",
        "“I am hopeful that the results of that me",
        "Donald Trump",
        "direct",
    ),
    ("nbc-news-via-aggregator", '"meaningful conversation', "Volodymyr Zelenskyy", "partial"),
    (
        "nbc-news-via-aggregator",
        '"No one wants peace more than Ukraine,',
        "Volodymyr Zelenskyy",
        "direct",
    ),
    (
        "nbc-news-via-aggregator",
        '"Together with the U.S., we are charting',
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("nbc-news-via-aggregator", '"unrealistic', "Pete Hegseth", "partial"),
    ("nbc-news-via-aggregator", "“neither confirm nor deny", "Dmitry Peskov", "partial"),
    (
        "nbc-news-via-aggregator",
        "“Putin once again confirmed that he is af",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("nbc-news-via-aggregator", "“has no right to sign anything", "Vladimir Putin", "partial"),
    ("nbc-news-via-aggregator", '"good for both sides.', "Donald Trump", "partial"),
    (
        "nyt-via-benjamin-franklin-institute",
        "“lengthy and highly productive phone call",
        "Donald Trump",
        "partial",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“We discussed Ukraine, the Middle East, E",
        "Donald Trump",
        "direct",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“We each talked about the strengths of ou",
        "Donald Trump",
        "direct",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“But first, as we both agreed, we want to",
        "Donald Trump",
        "direct",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“have our respective teams start negotiat",
        "Donald Trump",
        "partial",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“the time has come for our countries to w",
        "Dmitry Peskov",
        "partial",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“the need to eliminate the root causes of",
        "Dmitry Peskov",
        "direct",
    ),
    ("nyt-via-benjamin-franklin-institute", "“unrealistic", "Pete Hegseth", "partial"),
    (
        "nyt-via-benjamin-franklin-institute",
        "“We would appreciate any efforts to resol",
        "Farhan Haq",
        "direct",
    ),
    ("nyt-via-benjamin-franklin-institute", "“genius", "Donald Trump", "partial"),
    (
        "nyt-via-benjamin-franklin-institute",
        "“He can’t be thrilled, he’s not doing so",
        "Donald Trump",
        "direct",
    ),
    (
        "nyt-via-benjamin-franklin-institute",
        "“Russia is bigger, they have more soldier",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“I just had a lengthy and highly producti",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“As we both agreed, we want to stop the m",
        "Donald Trump",
        "direct",
    ),
    ("unidentified-commentary", "“immediately", "Donald Trump", "partial"),
    ("unidentified-commentary", "“wants to make PEACE.", "Donald Trump", "partial"),
    (
        "unidentified-commentary",
        "“It is time to stop this ridiculous War,",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“God bless the people of Russia and Ukrai",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“We believe that America’s stretch is suf",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“I had a long and detailed conversation w",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    (
        "unidentified-commentary",
        "“I appreciate his genuine interest in our",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("unidentified-commentary", "“an unrealistic objective", "Pete Hegseth", "partial"),
    (
        "unidentified-commentary",
        '"European security forces will not stop h',
        "Carlo Masala",
        "direct",
    ),
    (
        "unidentified-commentary",
        "We need to recoup those costs and that i",
        "Mike Waltz",
        "direct",
    ),
    (
        "unidentified-news-rewrite",
        "“I had a long and very productive phone c",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-news-rewrite",
        "“We have decided to work together closely",
        "Donald Trump",
        "direct",
    ),
    ("unidentified-news-rewrite", "“extensive and substantive,", "Kremlin", "partial"),
    (
        "unidentified-news-rewrite",
        "“They also discussed the Middle East situ",
        "Dmitry Peskov",
        "direct",
    ),
    (
        "unidentified-news-rewrite",
        "“We covered Ukraine, the Middle East, ene",
        "Donald Trump",
        "direct",
    ),
    (
        "unidentified-news-rewrite",
        "“I had a meaningful conversation with @PO",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("unidentified-news-rewrite", "“I think that’s probably true,", "Donald Trump", "direct"),
    ("unidentified-news-rewrite", "“positive step", "United Nations", "partial"),
    (
        "unidentified-news-rewrite",
        "“We support any effort that brings Russia",
        "Farhan Haq",
        "direct",
    ),
]


def test_every_quotation_of_the_seeds_is_found_with_its_speaker(seed_tables):
    quotes = seed_tables["quotes"]
    quotes = quotes[quotes["kind"] != "indirect"]
    found = list(zip(quotes["article_id"], quotes["text"], quotes["speaker"], quotes["kind"]))
    missing = [
        e
        for e in SEED_QUOTES
        if not any(f[0] == e[0] and e[1] in f[1] and f[2] == e[2] and f[3] == e[3] for f in found)
    ]
    assert missing == []
    assert len(found) == len(SEED_QUOTES)


def test_every_seed_speaker_is_someone_the_article_names_and_says_by_which_rule(seed_tables):
    from analysis import config
    from analysis.sources.actors import load_actors
    from analysis.sources.speakers import PERSON_RULES, SPEAKER_RULES

    quotes, articles = seed_tables["quotes"], seed_tables["articles"]
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    aliases = {a.name: a.aliases for a in load_actors(config.DEFAULT_CORPUS)}
    assert set(quotes["speaker_rule"]) <= set(SPEAKER_RULES)
    people = quotes[
        quotes["speaker_rule"].isin(PERSON_RULES)
        | quotes["speaker_rule"].str.startswith("pronoun")
    ]
    assert len(people) > 20
    for article_id, speaker in zip(people["article_id"], people["speaker"]):
        forms = aliases.get(speaker, (speaker.split()[-1],))
        assert any(form in texts[article_id] for form in forms), (article_id, speaker)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Trump", "President"),
        ("Mark Warner", "Sen."),
        ("Mitch McConnell", "Senate Majority Leader"),
        ("Jane Roe", ""),
        ("officials", ""),
    ],
)
def test_the_title_before_a_name_types_a_source_named_without_one(name, expected):
    from analysis.sources.choice import find_title

    text = (
        "President Trump stood firm. Sen. Mark Warner and Senate Majority Leader Mitch "
        "McConnell, R-Ky., spoke. Jane Roe left. Officials said so."
    )
    assert find_title(text, name, default_lexicons().titles) == expected
    if expected:
        assert classify_source(name, expected, default_lexicons())[0] in ("official", "politician")
