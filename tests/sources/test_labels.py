"""Actor labels: titles before names, descriptors, contradiction flags."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputProblem
from analysis.sources.actors import find_actor_mentions, load_actors
from analysis.sources.labels import (
    Role,
    add_sitting_roles,
    count_actor_labels,
    find_actor_labels,
    flag_actor_labels,
    list_main_actors,
    list_sitting_roles,
    load_label_tables,
    read_role,
    read_roles,
    summarise_actor_labels,
    tabulate_labels_by_outlet,
)


def _labels(texts: dict[str, str], published: dict[str, str] | None = None):
    from analysis.text.clean import clean_corpus
    from analysis.text.quotes import find_article_quotations, label_voice
    from analysis.text.segment import segment_articles

    ids = list(texts)
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": ids,
            "raw_text": [texts[i] for i in ids],
            "published": [(published or {}).get(i, "unidentified") for i in ids],
        }
    )
    cleaned, paragraphs, _ = clean_corpus(articles)
    spans, voice = find_article_quotations(cleaned)
    sentences = label_voice(segment_articles(cleaned, paragraphs), cleaned, spans)
    actors = load_actors(config.DEFAULT_CORPUS)
    mentions = find_actor_mentions(sentences, cleaned, voice, actors)
    descriptors, _ = load_label_tables(config.DEFAULT_CORPUS)
    return find_actor_labels(sentences, cleaned, voice, mentions, actors, descriptors), cleaned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin spoke with former U.S. President Donald Trump on Wednesday.",
            ["Putin", "former U.S. President Donald Trump"],
        ),
        ("Kremlin spokesman Dmitry Peskov said so.", ["Kremlin spokesman Dmitry Peskov"]),
        (
            "He called President Vladimir V. Putin of Russia.",
            ["President Vladimir V. Putin of Russia"],
        ),
        ("Mr. Trump and Russia's Putin talked.", ["Mr. Trump", "Russia's Putin"]),
        (
            "Putin called Trump. Later, the Russian leader agreed with the U.S. president.",
            ["Putin", "Trump", "the Russian leader", "the U.S. president"],
        ),
        (
            "Zelenskyy was away. The Ukrainian president was not told, and Trump said so.",
            ["Zelenskyy", "the Ukrainian president", "Trump"],
        ),
        # a description counts only for a person the article names: here nobody is named
        ("Later, the Russian leader agreed with the U.S. president.", []),
    ],
)
def test_labels_read_titles_names_and_descriptors(text, expected):
    labels, _ = _labels({"a": text})
    assert labels.sort_values("start")["label"].tolist() == expected


def test_former_president_is_flagged_by_the_other_articles():
    labels, cleaned = _labels(
        {
            "a": "Putin spoke with former U.S. President Donald Trump.",
            "b": "President Donald Trump spoke with Putin.",
            "c": "President Trump spoke.",
        }
    )
    table = summarise_actor_labels(labels, cleaned, load_label_tables(config.DEFAULT_CORPUS)[1])
    flagged = table[table["flag"] != ""]
    assert flagged["label"].tolist() == ["former U.S. President Donald Trump"]
    assert "2 article(s) give President without 'former': b, c" in flagged["flag"].iloc[0]


def test_a_contradiction_names_at_most_ten_articles():
    texts = {"a": "Putin spoke with former U.S. President Donald Trump."} | {
        f"b{i:02d}": "President Donald Trump spoke." for i in range(12)
    }
    labels, cleaned = _labels(texts)
    flag = (
        summarise_actor_labels(labels, cleaned, load_label_tables(config.DEFAULT_CORPUS)[1])
        .query("flag != ''")["flag"]
        .iloc[0]
    )
    assert "12 article(s) give President without 'former': b00, b01," in flag
    assert flag.endswith("b09 and 2 more")


@pytest.mark.parametrize("parts", [2, 3, 13])
def test_labels_flagged_part_by_part_are_the_whole_corpus(parts):
    """The stream engine's way: sitting roles listed per part and added up, each part flagged with
    the total."""
    texts = {"a": "Putin spoke with former U.S. President Donald Trump."} | {
        f"b{i:02d}": "President Donald Trump spoke." for i in range(12)
    }
    labels, cleaned = _labels(texts)
    roles = load_label_tables(config.DEFAULT_CORPUS)[1]
    whole = summarise_actor_labels(labels, cleaned, roles)
    groups = [list(texts)[k::parts] for k in range(parts)]
    counts = [count_actor_labels(labels[labels["article_id"].isin(ids)]) for ids in groups]
    sitting = add_sitting_roles(list_sitting_roles(part, roles) for part in counts)
    assert sitting == list_sitting_roles(count_actor_labels(labels), roles)
    flagged = pd.concat(
        [flag_actor_labels(part, cleaned, roles, sitting) for part in counts]
    ).sort_values(["article_id", "actor", "label", "voice"])
    pd.testing.assert_frame_equal(
        flagged.reset_index(drop=True), whole.reset_index(drop=True), check_dtype=False
    )
    assert whole["flag"].str.endswith("b09 and 2 more").sum() == 1


@pytest.mark.parametrize(
    ("label", "date", "flagged"),
    [
        ("former President Donald Trump", "2025-02-12", "held President on 2025-02-12"),
        ("former President Donald Trump", "2022-06-01", ""),
        ("President Donald Trump", "2022-06-01", "outside every term"),
        ("President Donald Trump", "2025-02-12", ""),
    ],
)
def test_labels_are_checked_against_the_date(label, date, flagged):
    labels, cleaned = _labels({"a": f"{label} spoke."}, {"a": date})
    table = summarise_actor_labels(labels, cleaned, load_label_tables(config.DEFAULT_CORPUS)[1])
    flag = table.loc[table["label"] == label, "flag"].iloc[0]
    assert (flagged in flag) if flagged else flag == ""


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("former U.S. President Donald Trump", (True, True)),
        ("then-President Donald Trump", (True, True)),
        ("ex-President Donald Trump", (True, True)),
        ("President Donald Trump", (True, False)),
        ("the current U.S. president", (True, False)),
        ("Vice President Donald Trump", (False, False)),
        ("Mr. Trump", (False, False)),
    ],
)
def test_a_label_names_a_role_and_says_whether_former(label, expected):
    assert read_role(label, "President") == expected


def test_vice_president_is_not_president():
    labels, cleaned = _labels(
        {"a": "Vice President JD Vance met former President Joe Biden."}, {"a": "2025-03-01"}
    )
    table = summarise_actor_labels(
        labels, cleaned, [Role("JD Vance", "President", "2000-01-01", None)]
    )
    assert (table["flag"] == "").all()


def test_a_malformed_roles_table_names_file_and_line(tmp_path):
    path = tmp_path / "roles.tsv"
    path.write_text(
        "actor\trole\tstart\tend\nDonald Trump\tPresident\t20 Jan 2025\t-\n", encoding="utf-8"
    )
    with pytest.raises(InputProblem, match="roles.tsv, line 2"):
        read_roles(path)


def test_seed_labels_flag_the_two_former_presidents(seed_tables):
    labels = seed_tables["actor_labels"]
    flagged = labels[labels["flag"] != ""]
    assert sorted(flagged["article_id"]) == ["lib-fails", "unidentified-news-rewrite"]
    assert set(flagged["label"]) == {"former U.S. President Donald Trump"}
    table = tabulate_labels_by_outlet(labels, seed_tables["articles"], ["Donald Trump"])
    mr = table[table["label"] == "Mr. Trump"]
    assert mr["Benjamin Franklin Institute (NYT text)"].tolist() == [26] and mr[
        "Lib Fails"
    ].tolist() == [0]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        (
            [
                ("Ann Lee", "authorial", 3),
                ("Bo Park", "authorial", 5),
                ("Cy Diaz", "authorial", 3),
                ("Dee Fox", "authorial", 1),
            ],
            ["Bo Park", "Ann Lee", "Cy Diaz"],
        ),
        (
            [("Ann Lee", "quoted", 9), ("Bo Park", "authorial", 1), ("Bo Park", "authorial", 1)],
            ["Bo Park"],
        ),  # labels in quotations do not count
    ],
)
def test_list_main_actors_ranks_by_labels_in_the_outlets_own_voice(rows, expected):
    labels = pd.DataFrame(rows, columns=["actor", "voice", "count"])
    assert list_main_actors(labels) == expected
