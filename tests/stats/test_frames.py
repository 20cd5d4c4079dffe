"""Joins of the kit's tables: a column of the articles table added by article."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.stats.frames import add_article_column

ARTICLES = pd.DataFrame(
    {"article_id": ["a", "b"], "outlet": ["Daily", "Weekly"], "event": ["e1", "e1"]}
)


@pytest.mark.parametrize(
    ("rows", "column", "expected"),
    [
        (["a", "b", "a"], "outlet", ["Daily", "Weekly", "Daily"]),
        (["b"], "event", ["e1"]),
        (["c"], "outlet", [float("nan")]),  # an article missing from the table gets no value
    ],
)
def test_a_column_of_the_articles_is_added_by_article(rows, column, expected):
    frame = pd.DataFrame({"article_id": rows, "value": range(len(rows))})
    joined = add_article_column(frame, ARTICLES, column)
    assert list(joined.columns) == ["article_id", "value", column]
    assert joined[column].tolist() == expected or (
        pd.isna(joined[column]).all() and pd.isna(expected).all()
    )
    assert list(frame.columns) == ["article_id", "value"]  # the input is not changed


def test_a_frame_that_has_the_column_is_returned_as_it_is():
    frame = pd.DataFrame({"article_id": ["a"], "outlet": ["Own"]})
    assert add_article_column(frame, ARTICLES, "outlet") is frame


def test_an_articles_table_with_a_repeated_id_is_refused():
    with pytest.raises(pd.errors.MergeError):
        add_article_column(
            pd.DataFrame({"article_id": ["a"]}), pd.concat([ARTICLES, ARTICLES]), "outlet"
        )
