from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputProblem
from analysis.sources.actors import (
    POOLED_COLUMNS,
    Actor,
    compile_actor_pattern,
    find_actor_mentions,
    load_actors,
    pool_actor_tone,
    read_actor_table,
    summarise_actor_tone,
)
from analysis.text.quotes import find_article_quotations

REQUIRED = [
    "Donald Trump",
    "Vladimir Putin",
    "Volodymyr Zelenskyy",
    "Dmitry Peskov",
    "Pete Hegseth",
    "Marco Rubio",
    "Russia",
    "Ukraine",
    "United States",
    "NATO",
    "Europe and the EU",
    "United Nations",
]


def test_the_default_corpus_table_has_every_actor_of_the_seed_event():
    names = {a.name for a in load_actors(config.DEFAULT_CORPUS)}
    assert set(REQUIRED) <= names


def test_the_kit_has_no_actors_of_its_own(tmp_path):
    # the actor table belongs to a corpus: none is read for a corpus that brings none, nor without
    # a corpus
    assert load_actors() == []
    assert load_actors(tmp_path) == []
    assert not (config.WORDLISTS_DIR / "actors.tsv").exists()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Russian President Vladimir Putin spoke.",
            [("Russia", "Russian"), ("Vladimir Putin", "Vladimir Putin")],
        ),
        ("Trump's call with Putin", [("Donald Trump", "Trump"), ("Vladimir Putin", "Putin")]),
        ("the U.S. and Russia", [("United States", "U.S."), ("Russia", "Russia")]),
        (
            "Kremlin spokesman Dmitry Peskov",
            [("Russia", "Kremlin"), ("Dmitry Peskov", "Dmitry Peskov")],
        ),
        (
            "Zelensky and Zelenskyy",
            [("Volodymyr Zelenskyy", "Zelensky"), ("Volodymyr Zelenskyy", "Zelenskyy")],
        ),
        ("the Russian Federation", [("Russia", "Russian Federation")]),
        ("a trumpet, Trumpism, and us", []),
        ("the U.N. Security Council and NATO", [("United Nations", "U.N."), ("NATO", "NATO")]),
    ],
)
def test_actor_pattern_finds_whole_forms_case_sensitively(text, expected):
    pattern, owner = compile_actor_pattern(load_actors(config.DEFAULT_CORPUS))
    assert [(owner[m.group()].name, m.group()) for m in pattern.finditer(text)] == expected


def test_an_alias_given_to_two_actors_is_an_error():
    with pytest.raises(InputProblem, match="'Jordan'"):
        compile_actor_pattern(
            [
                Actor("Jordan", "country", ("Jordan",)),
                Actor("Michael Jordan", "person", ("Jordan",)),
            ]
        )


@pytest.mark.parametrize(
    "content, message",
    [
        ("name\tkind\taliases\n", "line 1: the header must be"),
        ("actor\tkind\taliases\nX\tplanet\tX\n", "line 2: kind 'planet'"),
        ("actor\tkind\taliases\nX\tperson\n", "line 2: expected actor, kind and aliases"),
    ],
)
def test_a_malformed_actor_table_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "actors.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem, match=message) as err:
        read_actor_table(path)
    assert str(path) in str(err.value)


TABLE = (
    "# corpus actors\nactor\tkind\taliases\nOlaf Scholz\tperson\tOlaf "
    "Scholz|Scholz\nRussia\tcountry\tRussia\n"
)


def test_a_corpus_folder_brings_its_own_actors_and_nothing_else(tmp_path):
    (tmp_path / "actors.tsv").write_text(TABLE, encoding="utf-8")
    actors = {a.name: a for a in load_actors(tmp_path)}
    assert actors["Olaf Scholz"].aliases == ("Olaf Scholz", "Scholz")
    assert actors["Russia"].aliases == ("Russia",)
    assert "Donald Trump" not in actors


def test_a_table_corpus_brings_its_actors_in_a_resources_folder_beside_it(tmp_path):
    table = tmp_path / "news.csv"
    table.write_text("text\nScholz spoke.\n", encoding="utf-8")
    assert load_actors(table) == []
    (tmp_path / "news.resources").mkdir()
    (tmp_path / "news.resources" / "actors.tsv").write_text(TABLE, encoding="utf-8")
    assert [a.name for a in load_actors(table)] == ["Olaf Scholz", "Russia"]


def _article(text: str):
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "clean_text": [text]})
    _, voice = find_article_quotations(articles)
    sentences = pd.DataFrame(
        {"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [len(text)], "text": [text]}
    )
    return articles, sentences, voice


def test_mentions_carry_offsets_and_voice():
    text = "Putin said “Trump is a strong leader” on Wednesday."
    articles, sentences, voice = _article(text)
    mentions = find_actor_mentions(sentences, articles, voice, load_actors(config.DEFAULT_CORPUS))
    assert list(mentions["actor"]) == ["Vladimir Putin", "Donald Trump"]
    assert list(mentions["voice"]) == ["authorial", "quoted"]
    for start, end, form in zip(mentions["start"], mentions["end"], mentions["text"]):
        assert text[start:end] == form


def test_actor_tone_counts_a_sentence_once_and_only_for_authorial_mentions():
    text = "Putin and President Putin met. “Trump is great,” he said."
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "clean_text": [text]})
    _, voice = find_article_quotations(articles)
    sentences = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": [0, 1],
            "start": [0, 31],
            "end": [30, len(text)],
            "text": [text[:30], text[31:]],
        }
    )
    for column in ("tone_vader_authorial", "tone_model_authorial"):
        sentences[column] = [0.4, 0.9]
    mentions = find_actor_mentions(sentences, articles, voice, load_actors(config.DEFAULT_CORPUS))
    table = summarise_actor_tone(sentences, mentions, articles)
    assert set(table["actor"]) == {"Vladimir Putin"}
    row = table[table["measure"] == "vader"].iloc[0]
    assert (row["article_id"], row["outlet"], row["sentences"], row["mean"]) == ("a", "A", 1, 0.4)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one article: its own figures and its interval over sentences
        ([("a", 3, 0.3, 0.1, 0.5)], (1, 3, 0.3, 0.1, 0.5, "sentence")),
        # two articles: the mean over their sentences, an interval over articles
        (
            [("a", 3, 0.3, 0.1, 0.5), ("b", 1, -0.5, -0.5, -0.5)],
            (2, 4, 0.1, None, None, "article"),
        ),
        # an article whose sentences have no score counts for nothing
        (
            [("a", 3, 0.3, 0.1, 0.5), ("b", 0, float("nan"), float("nan"), float("nan"))],
            (1, 3, 0.3, 0.1, 0.5, "sentence"),
        ),
    ],
)
def test_pool_actor_tone_pools_articles_and_takes_them_as_the_interval_unit(rows, expected):
    actor_tone = pd.DataFrame(
        [
            (a, "A", "Ann Smith", "person", "vader", n, mean, low, high)
            for a, n, mean, low, high in rows
        ],
        columns=[
            "article_id",
            "outlet",
            "actor",
            "kind",
            "measure",
            "sentences",
            "mean",
            "mean_low",
            "mean_high",
        ],
    )
    pooled = pool_actor_tone(actor_tone)
    assert list(pooled.columns) == POOLED_COLUMNS and len(pooled) == 1
    row = pooled.iloc[0]
    assert (row["articles"], row["sentences"], row["interval_unit"]) == (
        expected[0],
        expected[1],
        expected[5],
    )
    assert row["mean"] == pytest.approx(expected[2])
    if expected[3] is None:
        assert (
            row["mean_low"] <= row["mean"] <= row["mean_high"]
            and row["mean_low"] >= -0.5
            and row["mean_high"] <= 0.3
        )
    else:
        assert (row["mean_low"], row["mean_high"]) == (expected[3], expected[4])


@pytest.mark.parametrize(
    ("sentence", "actor", "sign"),
    [
        ("Critics condemned Ann Lee for a cruel, corrupt failure.", "Ann Lee", -1),
        ("Voters praised Ann Lee for an honest, generous plan.", "Ann Lee", 1),
        # two actors in one sentence: each gets the tone of the words around its own name
        ("Ann Lee praised Bo Park, whom critics condemned as corrupt.", "Bo Park", -1),
    ],
)
def test_the_target_measure_reads_the_words_around_the_mention(sentence, actor, sign):
    from analysis.sources.actors import Actor, find_actor_mentions, summarise_actor_tone
    from analysis.text.clean import clean_corpus
    from analysis.text.quotes import find_article_quotations, label_voice
    from analysis.text.segment import segment_articles
    from analysis.tone.score import score_sentences

    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "raw_text": [sentence]})
    cleaned, paragraphs, _ = clean_corpus(articles)
    spans, voice = find_article_quotations(cleaned)
    sentences = score_sentences(
        label_voice(segment_articles(cleaned, paragraphs), cleaned, spans), cleaned, voice
    )
    actors = [
        Actor("Ann Lee", "person", ("Ann Lee",)),
        Actor("Bo Park", "person", ("Bo Park",)),
    ]
    mentions = find_actor_mentions(sentences, cleaned, voice, actors)
    tone = summarise_actor_tone(sentences, mentions, cleaned)
    target = tone[(tone["actor"] == actor) & (tone["measure"] == "target")]
    assert len(target) == 1 and np.sign(target["mean"].iloc[0]) == sign
