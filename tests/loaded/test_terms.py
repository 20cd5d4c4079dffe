"""Loaded terms: the lexicon, both layers, exceptions, voice, rates and naming sets."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputProblem
from analysis.loaded.terms import (
    LOADED_COLUMNS,
    compare_loaded,
    count_sentence_loaded,
    find_loaded,
    find_loaded_terms,
    in_proper_name,
    label_loaded,
    load_corpus_lexicon,
    load_loaded_lexicon,
    read_loaded_lexicon,
    score_loaded,
    summarise_loaded,
)
from analysis.text.quotes import count_sentence_voice_words


def terms(text: str, layer: str | None = None, lexicon=None) -> list[tuple[str, str]]:
    return [
        (t.text, t.category)
        for t in find_loaded_terms(text, lexicon=lexicon)
        if layer is None or t.layer == layer
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin's regime launched a brutal invasion.",
            [("regime", "pejorative_label"), ("brutal invasion", "dysphemism")],
        ),
        (
            "Critics said he would capitulate, an act of appeasement.",
            [("capitulate", "dysphemism"), ("appeasement", "dysphemism")],
        ),
        (
            "Trump boasted about the call, and Peskov claimed it went well.",
            [("boasted", "loaded_attribution"), ("claimed", "loaded_attribution")],
        ),
        ("The so-called peace plan", [("so-called", "scare_marker")]),
        (
            "He blamed the deep state and the radical left.",
            [("deep state", "partisan_catchphrase"), ("radical left", "partisan_catchphrase")],
        ),
        (
            "A heroic defender, a true patriot.",
            [("heroic", "glorifying_label"), ("patriot", "glorifying_label")],
        ),
        (
            "A shocking, utterly absurd outcome.",
            [
                ("shocking", "emotive_intensifier"),
                ("utterly", "emotive_intensifier"),
                ("absurd", "emotive_intensifier"),
            ],
        ),
        # exceptions: the loaded form inside a longer plain phrase does not count
        ("Ukraine asked for more Patriot missiles.", []),
        ("The group claimed responsibility for the attack.", []),
        ("He was admitted to hospital on Monday.", []),
        ("The sanctions regime was tightened.", []),
        ("Veterans of the Cold War and World War II.", []),
        # one event's names are not in the general lexicon: no corpus has them unless it brings
        # them
        ("the war in Ukraine, the invasion, the conflict", []),
        ("The senator called the bill a compromise and refused concessions.", []),
        ("The talks were held on Wednesday.", []),
        # literal senses written as exceptions, from a hand check of BASIL articles
        ("Flynn pleaded guilty to lying to the F.B.I. in a disaster recovery inquiry.", []),
        ("Police found potential explosive devices and an assault weapons ban was debated.", []),
        ("Medicare waste and fraud and her discrimination claims on condemned land.", []),
        (
            "She filed a sexual harassment claim, claiming retaliation, and the senator claimed "
            "the nomination.",
            [],
        ),
        ("Hoax devices were mailed to reporters.", []),
        ("The official insisted on anonymity to describe the alleged threats.", []),
        # ... while the loaded senses of the same words stay
        (
            "He claimed the vote was rigged and called the inquiry a hoax.",
            [
                ("claimed", "loaded_attribution"),
                ("rigged", "partisan_catchphrase"),
                ("hoax", "pejorative_label"),
            ],
        ),
        (
            "Prosecutors alleged that she insisted on a recount.",
            [("alleged", "loaded_attribution"), ("insisted", "loaded_attribution")],
        ),
        # kept, as BASIL's and BABE's annotators mark them: the verb "threatening", "authoritarian"
        # of regimes
        (
            "He kept threatening to sue the authoritarian regime.",
            [
                ("threatening", "emotive_intensifier"),
                ("authoritarian", "partisan_catchphrase"),
                ("regime", "pejorative_label"),
            ],
        ),
        # a term mentioned, not used
        ("The term “deep state” typically refers to a shadow government.", []),
        ("He blamed the “deep state” for the leak.", [("deep state", "partisan_catchphrase")]),
        # the general naming sets of U.S. politics stay
        (
            "Undocumented immigrants and illegal aliens",
            [("Undocumented immigrants", "euphemism"), ("illegal aliens", "dysphemism")],
        ),
        # curly apostrophes and any run of spaces
        (
            "Trump’s   regime and the so-called   deal",
            [("regime", "pejorative_label"), ("so-called", "scare_marker")],
        ),
    ],
)
def test_lexicon_terms_with_categories(text, expected):
    assert terms(text, "lexicon") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin's regime launched a brutal invasion.",
            [("regime", "pejorative_label"), ("brutal invasion", "dysphemism")],
        ),
        (
            "Russia calls it a special military operation.",
            [("special military operation", "euphemism")],
        ),
        ("Critics said Trump would capitulate to Moscow.", [("capitulate", "dysphemism")]),
        ("The so-called peace plan", [("so-called", "scare_marker"), ("peace plan", "naming")]),
        # naming: members of a set of names are kept but not loaded
        (
            "the war in Ukraine, the invasion, the conflict",
            [("war in Ukraine", "naming"), ("invasion", "naming"), ("conflict", "naming")],
        ),
        (
            "Russia’s war   and Putin’s regime",
            [("Russia’s war", "naming"), ("regime", "pejorative_label")],
        ),
        ("Kremlin regime", [("Kremlin regime", "pejorative_label")]),
    ],
)
def test_the_default_corpus_brings_its_naming_sets(text, expected):
    assert terms(text, "lexicon", load_corpus_lexicon(config.DEFAULT_CORPUS)) == expected


def test_a_corpus_naming_set_replaces_the_general_row_of_a_form_it_lists(tmp_path):
    (tmp_path / "naming_sets.tsv").write_text(
        "entry\tcategory\tset\tforms\nrebels\tnaming\tfighters\trebels|insurgents\nregime\tdysphemism\tfighters\tregime\n",
        encoding="utf-8",
    )
    lexicon = load_corpus_lexicon(tmp_path)
    assert terms("The regime fought the rebels.", "lexicon", lexicon) == [
        ("regime", "dysphemism"),
        ("rebels", "naming"),
    ]
    assert terms("The regime fought the rebels.", "lexicon") == [("regime", "pejorative_label")]
    (tmp_path / "naming_sets.tsv").write_text(
        "entry\tcategory\tset\tforms\nrebels\tnaming\tfighters\trebels\nfighters\tnaming\tfighters\trebels\n",
        encoding="utf-8",
    )
    load_loaded_lexicon.cache_clear()  # read once per path: the file changed
    with pytest.raises(
        InputProblem, match=r"naming_sets.tsv, line 3: form 'rebels' is already given on line 2"
    ):
        load_corpus_lexicon(tmp_path)


def test_a_corpus_without_naming_sets_gets_the_general_lexicon(tmp_path):
    assert load_corpus_lexicon(tmp_path) is load_corpus_lexicon(None)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Warner leads the Senate Intelligence Committee.", "Intelligence", True),
        ("He thanked the Department of Justice.", "Justice", True),
        ("The Freedom Caucus met.", "Freedom", True),
        ("Liberty University said so.", "Liberty", True),
        ("Intelligence officials were furious.", "Intelligence", False),
        ("It was a GREAT DAY.", "GREAT", False),
        ("We value freedom and justice.", "freedom", False),
        ("He met. Freedom is precious.", "Freedom", False),
    ],
)
def test_in_proper_name(text, word, expected):
    start = text.index(word)
    assert in_proper_name(text, start, start + len(word)) is expected


def test_the_vader_layer_does_not_count_words_inside_names():
    found = [
        t.text
        for t in find_loaded_terms(
            "Warner, of the Senate Intelligence Committee, praised the Freedom Caucus."
        )
        if t.layer == "vader"
    ]
    assert found == ["praised"]
    # a headline in title case: every word is capitalised, so none is read as a name
    assert [
        t.text
        for t in find_loaded_terms("Angry Democrats Blame Republicans For Murder Increase")
        if t.layer == "vader"
    ] == ["Murder"]


def test_vader_layer_takes_strong_words_the_lexicon_does_not_cover():
    found = [
        (t.text, t.layer, t.category)
        for t in find_loaded_terms("A horrible, wonderful and ridiculous day.")
    ]
    # "horrible" and "ridiculous" are lexicon terms; "wonderful" (VADER +2.7) is a VADER-layer term
    # only
    assert found == [
        ("horrible", "lexicon", "emotive_intensifier"),
        ("wonderful", "vader", "strong_positive"),
        ("ridiculous", "lexicon", "emotive_intensifier"),
    ]
    assert [t.text for t in find_loaded_terms("They killed the plan.") if t.layer == "vader"] == [
        "killed"
    ]
    assert [
        t.text for t in find_loaded_terms("A good plan.")
    ] == []  # VADER "good" is 1.9: not strong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It’s a wonderful day.", ["wonderful"]),  # a curly apostrophe elsewhere in the text
        ("A self-confident, DISGUSTING pick.", ["self-confident", "DISGUSTING"]),
        ("Zoë’s café was wonderful", ["wonderful"]),  # words that are not ASCII
        ("The call lasted an hour.", []),  # no strong word
    ],
)
def test_vader_layer_words_are_found_in_any_case_and_script(text, expected):
    assert [t.text for t in find_loaded_terms(text) if t.layer == "vader"] == expected


@pytest.mark.parametrize(
    ("texts", "layers", "expected"),
    [
        (
            ["A brutal regime.", "The call lasted an hour.", "The war went on."],
            ("lexicon",),
            [2, 0, 0],
        ),
        (["A wonderful, brutal day."], ("vader",), [1]),
        (["A wonderful, brutal day."], ("lexicon", "vader"), [2]),
    ],
)
def test_scores_count_loaded_hits_of_the_layers_and_never_naming(texts, layers, expected):
    assert score_loaded(texts, layers).tolist() == expected


def test_label_uses_the_recorded_threshold():
    assert label_loaded(["A brutal regime.", "The call lasted an hour."]).tolist() == [1, 0]


def test_malformed_lexicon_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "loaded.tsv"
    path.write_text(
        "entry\tcategory\tset\tforms\nx\tinsult\t-\tx\ny\tpejorative_label\t-\ty|x\nz\tnaming\t-\tz|y\nw\tnaming\t-\n",
        encoding="utf-8",
    )
    with pytest.raises(InputProblem) as caught:
        read_loaded_lexicon(path)
    message = str(caught.value)
    assert "line 2: category 'insult'" in message
    assert "line 4: form 'y' is already given on line 3" in message
    assert "line 5: expected 4 tab-separated fields" in message


def _tables(text: str, outlet: str = "A"):
    from analysis.text.clean import clean_corpus
    from analysis.text.quotes import find_article_quotations, label_voice
    from analysis.text.segment import segment_articles

    articles = pd.DataFrame({"article_id": ["a"], "outlet": [outlet], "raw_text": [text]})
    cleaned, paragraphs, _ = clean_corpus(articles)
    spans, voice = find_article_quotations(cleaned)
    sentences = label_voice(segment_articles(cleaned, paragraphs), cleaned, spans)
    return cleaned, sentences, voice


def test_terms_keep_offsets_and_voice():
    text = 'The regime fell.\n\n"It was a shameful sellout," he said of the peace deal.'
    cleaned, sentences, voice = _tables(text)
    loaded = find_loaded(sentences, cleaned, voice, load_corpus_lexicon(config.DEFAULT_CORPUS))
    assert list(loaded.columns) == LOADED_COLUMNS
    rows = list(zip(loaded["term"], loaded["category"], loaded["voice"]))
    assert rows == [
        ("regime", "pejorative_label", "authorial"),
        ("shameful", "pejorative_label", "quoted"),
        ("sellout", "emotive_intensifier", "quoted"),
        ("peace deal", "naming", "authorial"),
    ]
    clean = cleaned.loc[0, "clean_text"]
    assert all(clean[s:e] == t for s, e, t in zip(loaded["start"], loaded["end"], loaded["term"]))


def test_rates_count_authorial_loaded_terms_only():
    text = 'The brutal regime fell after a long war.\n\n"A shameful day," he said.'
    cleaned, sentences, voice = _tables(text)
    counts = count_sentence_loaded(
        count_sentence_voice_words(sentences, cleaned, voice),
        find_loaded(sentences, cleaned, voice, load_corpus_lexicon(config.DEFAULT_CORPUS)),
    )
    assert (
        counts["lexicon"].sum() == 2 and counts["naming"].sum() == 1
    )  # brutal, regime; "war" is a name
    summary = summarise_loaded(counts, cleaned, by="outlet")
    total = summary[(summary["layer"] == "lexicon") & (summary["category"] == "all")].iloc[0]
    assert total["terms"] == 2
    assert total["per_1000"] == pytest.approx(2 / total["authorial_words"] * 1000)


def test_comparisons_of_one_article_per_outlet_are_not_tested(seed_tables):
    tests = seed_tables["loaded_tests"]
    assert (
        len(tests)
        and tests["p_value"].isna().all()
        and tests["verdict"].str.startswith("not tested: one article on a side").all()
    )


def test_compare_loaded_has_a_row_per_layer_and_pair(seed_tables):
    tests = compare_loaded(
        count_sentence_loaded(
            count_sentence_voice_words(
                seed_tables["sentences"], seed_tables["articles"], seed_tables["voice"]
            ),
            seed_tables["loaded_terms"],
        ),
        seed_tables["articles"],
    )
    assert sorted(tests["layer"].unique()) == ["lexicon", "vader"] and len(tests) == 20
