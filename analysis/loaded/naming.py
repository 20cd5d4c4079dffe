"""Naming choices: which of a set of alternative names for one referent ("invasion", "war",
"conflict") each outlet uses in its own voice."""

from __future__ import annotations

import pandas as pd

from analysis.stats.frames import add_article_column


def tabulate_naming_choices(
    loaded: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet"
) -> pd.DataFrame:
    """Which name of each set of alternatives each group uses, in the author's voice.

    Returns
    -------
    A new DataFrame, one row per set, entry and group:

    - ``set``: the naming set
    - ``entry``: the name
    - ``category``: ``naming``, ``euphemism`` or ``dysphemism``
    - ``by``: the group (the column named by ``by``)
    - ``terms``: its authorial hits
    - ``forms``: the forms as written, lower case, " | "-joined
    """
    data = loaded[(loaded["set"] != "-") & (loaded["voice"] == "authorial")]
    data = add_article_column(data, articles, by)
    columns = ["set", "entry", "category", by, "terms", "forms"]
    if data.empty:
        return pd.DataFrame(columns=columns)
    table = data.groupby(["set", "entry", "category", by], sort=True).agg(
        terms=("term", "size"),
        forms=("term", lambda s: " | ".join(sorted({" ".join(t.lower().split()) for t in s}))),
    )
    return table.reset_index()[columns]


def add_naming_choices(parts: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """:func:`tabulate_naming_choices` of disjoint sets of articles (concatenated), added up: terms
    summed, forms joined.

    Returns
    -------
    A new DataFrame with the columns of :func:`tabulate_naming_choices`:

    - ``set``, ``entry``, ``category``, ``by``: the row
    - ``terms``: the hits, summed
    - ``forms``: the forms, joined
    """
    columns = ["set", "entry", "category", by, "terms", "forms"]
    if parts.empty:
        return pd.DataFrame(columns=columns)
    table = parts.groupby(["set", "entry", "category", by], sort=True).agg(
        terms=("terms", "sum"),
        forms=(
            "forms",
            lambda s: " | ".join(sorted({form for joined in s for form in joined.split(" | ")})),
        ),
    )
    return table.reset_index()[columns]
