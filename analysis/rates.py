"""Rates of marked words per 1,000 authorial words, with intervals and tests.

Hedges, boosters and loaded terms are all counted the same way: each hit in the
author's own voice counts once in its sentence; a group's rate is its hits per
1,000 authorial words (a ratio of sums); the interval is a percentile bootstrap
over sentences weighted by their authorial words; the tests relabel sentences
between two groups with the same weights (:mod:`analysis.uncertainty`).
"""

from __future__ import annotations

import pandas as pd

from analysis.quotes import count_sentence_voice_words
from analysis.tone import add_article_column
from analysis.uncertainty import DEFAULT_SEED, bootstrap_interval, compare_groups

TEST_COLUMNS = ["first", "second", "sentences_first", "sentences_second", "articles_first", "articles_second", "difference", "p_value", "p_holm", "verdict"]


def count_authorial_hits(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    hits: pd.DataFrame,
    groupings: list[tuple[str, tuple[str, ...]]],
) -> pd.DataFrame:
    """Authorial words and authorial hits of every sentence, by the labels of some columns.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    hits : one row per hit with ``article_id``, ``sentence_id``, ``voice`` and
        the columns named in ``groupings``.
    groupings : ``(column, labels)`` pairs: one count column per label.

    Returns
    -------
    A new DataFrame, one row per sentence: ``article_id``, ``sentence_id``,
    ``authorial_words``, then one integer column per label of every grouping,
    counting hits in authorial voice only.
    """
    words = count_sentence_voice_words(sentences, articles, voice)[["article_id", "sentence_id", "authorial_words"]]
    authorial = hits[hits["voice"] == "authorial"]
    keys = ["article_id", "sentence_id"]
    table = words.set_index(keys)
    labels = []
    for column, names in groupings:
        table = table.join(authorial.groupby(keys + [column]).size().unstack(column).reindex(columns=list(names), fill_value=0))
        labels.extend(names)
    return table.fillna(0).astype({name: int for name in labels}).reset_index()


def summarise_rates(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    measures: list[tuple[dict[str, str], str]],
    by: str = "outlet",
    count_name: str = "hits",
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Hits per 1,000 authorial words by group and measure, with intervals.

    Parameters
    ----------
    counts : :func:`count_authorial_hits` output.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    measures : ``(labels, column)`` pairs: the count column to rate and the
        label columns that name it in the output (e.g. ``{"kind": "hedge",
        "category": "all"}``).
    by : ``outlet`` or ``article_id``.
    count_name : the name of the column of summed hits.

    Returns
    -------
    One row per group and measure: ``by``, the label columns, ``articles``,
    ``sentences`` (with authorial words), ``authorial_words``, ``count_name``,
    ``per_1000``, ``per_1000_low``, ``per_1000_high`` (95% percentile bootstrap
    over sentences of the ratio of sums, seeded).
    """
    data = add_article_column(counts, articles, by) if by != "article_id" else counts
    data = data[data["authorial_words"] > 0]
    rows = []
    for group, frame in data.groupby(by, sort=True):
        words = frame["authorial_words"].to_numpy(dtype=float)
        for labels, column in measures:
            found = frame[column].to_numpy(dtype=float)
            low, high = bootstrap_interval(found / words * 1000, seed=seed, weights=words)
            rows.append(
                {
                    by: group,
                    **labels,
                    "articles": frame["article_id"].nunique(),
                    "sentences": len(frame),
                    "authorial_words": int(words.sum()),
                    count_name: int(found.sum()),
                    "per_1000": float(found.sum() / words.sum() * 1000),
                    "per_1000_low": low,
                    "per_1000_high": high,
                }
            )
    return pd.DataFrame(rows)


def compare_rates(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    measures: list[tuple[dict[str, str], str]],
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Permutation tests of hits per 1,000 authorial words between every pair of groups.

    Sentences are relabelled between the two groups with their authorial words
    as weights (9,999 relabellings, two-sided); p-values are Holm-adjusted within
    each measure. A pair with fewer than :data:`analysis.uncertainty.MIN_HITS`
    hits in both groups together is not tested (its verdict says so).

    Returns
    -------
    One row per measure and pair of groups: the label columns of the measure,
    then :data:`TEST_COLUMNS` (``difference`` is the rate of ``first`` minus the
    rate of ``second``, per 1,000 words).
    """
    data = add_article_column(counts, articles, by)
    data = data[data["authorial_words"] > 0]
    groups = sorted(data[by].dropna().unique())
    rows = []
    for labels, column in measures:
        rates = data.assign(rate=data[column] / data["authorial_words"] * 1000)
        rows.extend({**labels, **pair} for pair in compare_groups(rates, by, "rate", groups, weights="authorial_words", seed=seed, hits=column))
    label_columns = list(dict.fromkeys(name for labels, _ in measures for name in labels))
    return pd.DataFrame(rows, columns=label_columns + TEST_COLUMNS)
