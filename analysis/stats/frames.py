"""Joins of the kit's tables: a table of rows keyed by article gains a column of the articles
table."""

from __future__ import annotations

import pandas as pd


def add_article_column(frame: pd.DataFrame, articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """``frame`` with ``articles[column]`` joined on ``article_id`` (unchanged when it has the
    column).

    Returns
    -------
    A new DataFrame (``frame`` itself when it has the column already):

    - the columns of ``frame``
    - ``column``: the article's value, joined on ``article_id``
    """
    if column in frame.columns:
        return frame
    return frame.merge(
        articles[["article_id", column]], on="article_id", how="left", validate="many_to_one"
    )
