"""Hedge and booster cues: the lexicon, one pass, context rules, tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputProblem
from analysis.hedging.cues import (
    CATEGORIES,
    CONTEXT_RULES,
    compare_hedging,
    count_sentence_cues,
    find_cues,
    find_hedges,
    label_uncertain,
    read_cue_lexicon,
    summarise_hedging,
)
from analysis.text.quotes import count_sentence_voice_words


def cues(text: str) -> list[tuple[str, str, str]]:
    return [(c.text, c.kind, c.category) for c in find_cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # month_may
        ("Putin may agree.", [("may", "hedge", "modal")]),
        ("The talks began in May and ended on May 12.", []),
        ("Theresa May said so.", []),
        ("May 12 was the day of the call.", []),
        ("May God help us.", [("May", "hedge", "modal")]),
        # noun_might
        ("Russia's military might is growing.", []),
        ("He pushed with all his might.", []),
        ("The might of the army.", []),
        ("Talks might resume.", [("might", "hedge", "modal")]),
        # before_number: about as approximator or topic
        ("They talked about the war.", []),
        ("The call lasted about 90 minutes.", [("about", "hedge", "approximator")]),
        ("The call lasted about an hour.", [("about", "hedge", "approximator")]),
        ("We received about $76 billion.", [("about", "hedge", "approximator")]),
        ("It went around the world.", []),
        ("Some officials left.", []),
        ("Some 200 people came.", [("Some", "hedge", "approximator")]),
        # will is the plain future, never a cue
        ("Trump will travel to Saudi Arabia.", []),
        ("The will of the people.", []),
        # would_sense: the future of reported speech or thought, a counterfactual past
        ("Trump said he would meet Putin.", []),
        ("Trump announced that the team would include Rubio.", []),
        ("That would be a welcome development.", [("would", "hedge", "modal")]),
        ("Residents were hoping he would come over and clasp their hand.", []),
        (
            "Comments from Mark Zandi, projecting that the tax deal would increase growth next "
            "year.",
            [],
        ),
        (
            "An attorney said she has signed a plea agreement and would plead guilty to "
            "one count.",
            [],
        ),
        ("A Democratic bill, which would have reopened the government, received more votes.", []),
        ("She judged them in a way that I would never have wanted to be judged myself.", []),
        ("He called for lifting the embargo, which would have helped rice farmers.", []),
        ("That would have been a mistake.", [("would", "hedge", "modal")]),
        (
            "He had spoken to Putin, which would have been their first call since 2022.",
            [("would", "hedge", "modal")],
        ),
        ("Without the deal, the plant would have to close.", [("would", "hedge", "modal")]),
        # epistemic_must: a conclusion, not a duty
        ("Above all else, we must make America great again!", []),
        ("Every House bill must cite the constitutional source of its authority.", []),
        ("The issue of marriage must be decided by the states.", []),
        ("He must have known about the payments.", [("must", "booster", "modal_booster")]),
        ("There must be a reason for the delay.", [("must", "booster", "modal_booster")]),
        ("You must be joking.", [("must", "booster", "modal_booster")]),
        # epistemic_appear
        ("The Ukrainians appear to be facing an effort.", [("appear", "hedge", "epistemic_verb")]),
        ("He appeared on television.", []),
        # predicative boosters
        ("It is clear that the war must end.", [("clear", "booster", "certainty_adjective")]),
        ("Trump made clear his priority.", [("clear", "booster", "certainty_adjective")]),
        ("It was a clear sign.", []),
        ("He implied that certain nations interfered.", [("implied", "hedge", "epistemic_verb")]),
        # negated boosters become hedges
        ("It is not clear whether talks resume.", [("clear", "hedge", "negated_booster")]),
        (
            "It's unclear if Congress will act.",
            [("unclear", "hedge", "epistemic_adverb_adjective"), ("if", "hedge", "conditional")],
        ),
        (
            "Peskov would neither confirm nor deny it.",
            [("would", "hedge", "modal"), ("confirm", "hedge", "negated_booster")],
        ),
        ("The Kremlin confirmed the call.", [("confirmed", "booster", "factive_verb")]),
        ("There is no doubt about it.", [("There is no doubt", "booster", "certainty_adverb")]),
        # multiword phrases and inflections, longest first
        (
            "According to Peskov, it is believed to be so.",
            [
                ("According to", "hedge", "attribution_shield"),
                ("it is believed", "hedge", "attribution_shield"),
            ],
        ),
        (
            "Trump reportedly supported a ceasefire.",
            [("reportedly", "hedge", "attribution_shield")],
        ),
        (
            "An estimated several hundred thousand deaths.",
            [("An estimated", "hedge", "approximator"), ("several", "hedge", "approximator")],
        ),
        (
            "He suggested talks; she suggests more.",
            [("suggested", "hedge", "epistemic_verb"), ("suggests", "hedge", "epistemic_verb")],
        ),
        (
            "Of course it worked, in fact.",
            [
                ("Of course", "booster", "certainty_adverb"),
                ("in fact", "booster", "certainty_adverb"),
            ],
        ),
        (
            "People familiar with the talks said so.",
            [("People familiar with", "hedge", "attribution_shield")],
        ),
        # fixed expressions: "make sure" is to ensure; "for sure" is a booster phrase
        ("Leaders must make sure they do not tolerate bigotry among their members.", []),
        ("The campaign wanted to make sure there was no conflict of interest.", []),
        ("He said he was making sure there was party parity.", []),
        (
            "What we know for sure is that the bill failed.",
            [("know", "booster", "factive_verb"), ("for sure", "booster", "certainty_adverb")],
        ),
        ("I am sure that the bill will pass.", [("sure", "booster", "certainty_adjective")]),
        # epistemic_assume: an office, power or duty is not a belief
        ("Republicans will assume the majority in the House on Jan. 5.", []),
        (
            "Mr. Grassley could assume the chairmanship if his party takes control.",
            [("could", "hedge", "modal"), ("if", "hedge", "conditional")],
        ),
        ("Democrats are poised to assume control of the House on Thursday.", []),
        ("It is time for us to assume responsibility for our schools.", []),
        (
            "The blueprint assumes the same amount of Medicare savings.",
            [("assumes", "hedge", "epistemic_verb")],
        ),
        (
            "Officials assumed that the post would be protected.",
            [("assumed", "hedge", "epistemic_verb"), ("would", "hedge", "modal")],
        ),
        # epistemic_believe: faith or support, an emphatic, disbelief
        ("We believe in freedom of assembly.", []),
        ("She did not believe in a 60-vote threshold.", []),
        ("I believe in my heart that we will win.", [("believe", "hedge", "epistemic_verb")]),
        ("Believe me, it was a great call.", []),
        ("It is hard to believe the figures.", []),
        (
            "Officials believe the package was mailed from Florida.",
            [("believe", "hedge", "epistemic_verb")],
        ),
        ("Voters no longer believe him.", []),
        ("Leaders must decide whether to believe them.", []),
        # epistemic_think: the noun thought
        ("My first thought was that the vote had failed.", []),
        ("The plan was poorly thought out.", []),
        ("Aides thought the vote would fail.", [("thought", "hedge", "epistemic_verb")]),
        ("I can't think of a reason to vote no.", [("think", "hedge", "epistemic_verb")]),
        # verb_suspect: the noun suspect
        ("Police arrested a suspect in connection with the packages.", []),
        ("It can't just be the usual suspects, he said.", []),
        ("Two terrorist suspects were moved to a prison.", []),
        ("I suspect he will run again.", [("suspect", "hedge", "epistemic_verb")]),
        ("Investigators suspect that the fire was set.", [("suspect", "hedge", "epistemic_verb")]),
        ("A suspected gunman was arrested.", [("suspected", "hedge", "epistemic_verb")]),
        # factive_sense: a nominee confirmed, a person known
        (
            "Kerry was confirmed Tuesday as the new secretary of state, following his nomination.",
            [],
        ),
        ("The Senate voted to confirm him last week.", []),
        ("He was nominated and confirmed by the Senate in 2017.", []),
        (
            "A former official confirmed to Fox News that the program began in 2007.",
            [("confirmed", "booster", "factive_verb")],
        ),
        ("The campaign confirmed its authenticity.", [("confirmed", "booster", "factive_verb")]),
        ("I do not know him.", []),
        ("He knows Christie well from their years in New Jersey.", []),
        ("I don't know that he wants to be president.", [("know", "hedge", "negated_booster")]),
        ("Nobody knows what is happening in Libya.", [("knows", "booster", "factive_verb")]),
        ("He added: “You know, I look forward to staying in touch.”", []),
        ("You know that the vote failed.", [("know", "booster", "factive_verb")]),
        # approximators of degree
        (
            "The measure would damage virtually every aspect of American life.",
            [("would", "hedge", "modal"), ("virtually", "hedge", "approximator")],
        ),
        (
            "The bill has virtually no chance of passing the Senate.",
            [("virtually", "hedge", "approximator")],
        ),
        # apostrophes and word boundaries
        ("He couldn’t say.", [("couldn’t", "hedge", "modal")]),
        ("Maybelline perhapsy mayor.", []),
    ],
)
def test_cues_and_context_rules(text, expected):
    assert cues(text) == expected


def test_every_context_rule_is_used_by_the_lexicon():
    lexicon = read_cue_lexicon()
    used = {entry.rule for entry in lexicon.forms.values()} - {None}
    assert used == set(CONTEXT_RULES)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("x\thedge\tmodal\tx\tno_such_rule", "rule 'no_such_rule'"),
        ("x\tmaybe\tmodal\tx\t-", "kind 'maybe'"),
        ("x\tbooster\tmodal\tx\t-", "not a booster category"),
        ("x\thedge\tmodal\t-", "expected 5 tab-separated fields"),
        ("x\thedge\tmodal\tcould\t-", "already given on line 2"),
    ],
)
def test_a_malformed_lexicon_names_file_line_and_problem(tmp_path, row, problem):
    path = tmp_path / "cues.tsv"
    path.write_text(
        "entry\tkind\tcategory\tforms\trule\ncould\thedge\tmodal\tcould\t-\n"
        + row.replace("x\thedge\tmodal\tcould", "y\thedge\tepistemic_verb\tcould")
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputProblem) as err:
        read_cue_lexicon(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_a_user_lexicon_is_matched_with_braces_expanded(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text(
        "entry\tkind\tcategory\tforms\trule\nsay\thedge\tattribution_shield\t{critics,experts} "
        "{say,said}\t-\n",
        encoding="utf-8",
    )
    lexicon = read_cue_lexicon(path)
    assert sorted(lexicon.forms) == ["critics said", "critics say", "experts said", "experts say"]
    assert [c.text for c in find_cues("Critics  said it; experts doubt it.", lexicon=lexicon)] == [
        "Critics  said"
    ]


def test_label_uncertain_leaves_conditionals_out():
    assert label_uncertain(["If it rains, we stay.", "It may rain.", "It rained."]).tolist() == [
        0,
        1,
        0,
    ]


def test_hedges_table_has_offsets_category_kind_and_voice(small_tables):
    cleaned, sentences, voice = small_tables
    hedges = find_hedges(sentences, cleaned, voice)
    text = cleaned.loc[0, "clean_text"]
    rows = hedges[hedges["article_id"] == "a"]
    assert [text[s:e] for s, e in zip(rows["start"], rows["end"])] == list(rows["cue"])
    assert list(zip(rows["cue"], rows["voice"])) == [
        ("may", "authorial"),
        ("according to", "authorial"),
        ("could", "quoted"),
        ("about", "authorial"),
        ("clear", "authorial"),
    ]
    assert rows.set_index("cue").loc["clear", "category"] == "negated_booster"


def test_density_counts_authorial_cues_per_thousand_authorial_words(small_tables):
    cleaned, sentences, voice = small_tables
    counts = count_sentence_cues(
        count_sentence_voice_words(sentences, cleaned, voice),
        find_hedges(sentences, cleaned, voice),
    )
    assert set(CATEGORIES) <= set(counts.columns)
    a = counts[counts["article_id"] == "a"]
    assert a["hedge"].sum() == 4  # "could" is quoted and does not count
    summary = summarise_hedging(counts, cleaned, by="outlet").set_index(
        ["outlet", "kind", "category"]
    )
    row = summary.loc[("A", "hedge", "all")]
    assert row["cues"] == 4
    assert row["per_1000"] == pytest.approx(4 / a["authorial_words"].sum() * 1000)
    assert row["per_1000_low"] <= row["per_1000"] <= row["per_1000_high"]
    tests = compare_hedging(counts, cleaned, by="outlet")
    assert tests["p_value"].isna().all() and (tests["design"] == "descriptive").all()


def test_the_seed_corpus_hedges(seed_tables):
    hedges = seed_tables["hedges"]
    nbc = hedges[hedges["article_id"] == "nbc-news-via-aggregator"]
    assert "about" in set(nbc["cue"])
    figures = seed_tables["hedged_figures"]
    nyt = figures[figures["article_id"] == "nyt-via-benjamin-franklin-institute"]
    assert "An estimated several hundred thousand deaths" in set(nyt["phrase"])
    outlets = seed_tables["hedging_outlets"]
    assert np.isfinite(outlets["per_1000"]).all()


def test_a_corpus_without_cues_gets_zero_rates_not_errors():
    from analysis.engine.pipeline import analyse_articles

    articles = pd.DataFrame(
        {
            "article_id": ["x", "y"],
            "outlet": ["X", "Y"],
            "raw_text": ["The cat sat on the mat. It was warm.", "Dogs ran home. They ate."],
        }
    )
    tables = analyse_articles(articles)
    assert tables["hedges"].empty and tables["hedged_figures"].empty
    assert (tables["hedging_outlets"]["per_1000"] == 0).all()
