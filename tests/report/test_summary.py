from __future__ import annotations

import pandas as pd
import pytest

from analysis.plots.base import plot_boilerplate_share, plot_voice_words
from analysis.plots.figures import save_figure
from analysis.report.summary import count_voice_words, summarise_articles, summarise_removals
from analysis.text.quotes import find_article_quotations


@pytest.mark.parametrize(
    "text, authorial, quoted",
    [
        ('He said "we will win the war" today.', 3, 5),
        ("No quotations at all here.", 5, 0),
        ("“All of it quoted.”", 0, 4),
        ("", 0, 0),
    ],
)
def test_count_voice_words(text, authorial, quoted):
    articles = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    _, voice = find_article_quotations(articles)
    counts = count_voice_words(articles, voice).iloc[0]
    assert (counts["authorial_words"], counts["quoted_words"]) == (authorial, quoted)


def test_summary_of_the_seeds_adds_up(seed_tables):
    summary = summarise_articles(seed_tables).set_index("article_id")
    assert (summary["words"] == summary["authorial_words"] + summary["quoted_words"]).all()
    assert (
        summary["sentences"]
        == summary[["sentences_authorial", "sentences_mixed", "sentences_quoted"]].sum(axis=1)
    ).all()
    assert (summary["raw_lines"] == summary["removed_lines"] + summary["paragraphs"]).all()
    # The republished page is mostly site furniture; the others are mostly article.
    assert summary["removed_share"].idxmax() == "nyt-via-benjamin-franklin-institute"
    removals = summarise_removals(seed_tables["removed"])
    assert removals["lines"].sum() == len(seed_tables["removed"])


def test_the_input_tables_are_not_changed(seed_tables):
    before = {k: v.copy() for k, v in seed_tables.items()}
    summarise_articles(seed_tables)
    for name, frame in seed_tables.items():
        pd.testing.assert_frame_equal(frame, before[name])


def test_figures_are_saved_with_their_data_and_reproducible(seed_tables, tmp_path):
    summary = summarise_articles(seed_tables)
    for plot in (plot_boilerplate_share, plot_voice_words):
        fig, data = plot(summary)
        first = save_figure(fig, data, "f", tmp_path / "one")
        fig, data = plot(summary)
        second = save_figure(fig, data, "f", tmp_path / "two")
        for ext in ("png", "svg", "csv"):
            assert first[ext].read_bytes() == second[ext].read_bytes(), ext
        assert list(pd.read_csv(first["csv"]).columns) == list(data.columns)


def test_read_table_gives_numbers_back_and_keeps_text(tmp_path):
    import numpy as np
    import pandas as pd

    from analysis.engine.tables import read_table, write_table

    frame = pd.DataFrame({"score": [0.5, np.nan], "name": ["a", ""]})
    back = read_table(write_table(frame, tmp_path / "t.csv"))
    assert back["score"].dtype == float and np.isnan(back["score"][1])
    assert back["name"].tolist() == ["a", ""]
