"""Rates of marked words per 1,000 authorial words, with intervals and tests.

Hedges, boosters and loaded terms are all counted the same way: each hit in the
author's own voice counts once in its sentence; a group's rate is its hits per
1,000 authorial words (a ratio of sums). The interval is a percentile bootstrap
of the group's articles, each weighted by its authorial words, or, for a group
of one article, of that article's sentences; comparisons between groups take
the article as the unit (:mod:`analysis.stats.design`). Both read the per-article sums
(:func:`sum_rates_by_article`, all of them integers); past
:data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` units, normal approximations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.stats.design import (
    COMPARISON_COLUMNS,
    attach_groups,
    compare_by_article,
    plan_comparisons,
)
from analysis.stats.frames import add_article_column
from analysis.stats.resampling import MIN_ARTICLES, article_interval
from analysis.stats.uncertainty import (
    DEFAULT_SEED,
    RESAMPLE_LIMIT,
    Moments,
    bootstrap_intervals,
    normal_interval,
    total_by_group,
)

TEST_COLUMNS = COMPARISON_COLUMNS
"""The columns of a pair of groups (:data:`analysis.stats.design.COMPARISON_COLUMNS`)."""


def count_authorial_hits(
    words: pd.DataFrame,
    hits: pd.DataFrame,
    groupings: list[tuple[str, tuple[str, ...]]],
) -> pd.DataFrame:
    """Authorial words and authorial hits of every sentence, by the labels of some columns.

    Parameters
    ----------
    words : the words of every sentence in each voice
        (:func:`analysis.text.quotes.count_sentence_voice_words`: ``article_id``,
        ``sentence_id``, ``authorial_words``), counted once for every measure.
    hits : one row per hit with ``article_id``, ``sentence_id``, ``voice`` and
        the columns named in ``groupings``.
    groupings : ``(column, labels)`` pairs: one count column per label.

    Returns
    -------
    A new DataFrame, one row per sentence, counting hits in the author's voice only:

    - ``article_id``, ``sentence_id``: the sentence
    - ``authorial_words``: its words in the author's voice
    - one integer column per label of every grouping: its authorial hits
    """
    words = words[["article_id", "sentence_id", "authorial_words"]]
    authorial = hits[hits["voice"] == "authorial"]
    keys = ["article_id", "sentence_id"]
    table = words.set_index(keys)
    labels = []
    for column, names in groupings:
        table = table.join(
            authorial.groupby(keys + [column])
            .size()
            .unstack(column)
            .reindex(columns=list(names), fill_value=0)
        )
        labels.extend(names)
    return table.fillna(0).astype({name: int for name in labels}).reset_index()


def sum_rates_by_article(counts: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Per article, the sums the group tables need of each count column
    (:class:`analysis.stats.uncertainty.Moments`).

    Only sentences with authorial words count (as in the rates). ``columns``:
    the count columns; every column but ``article_id``, ``sentence_id`` and
    ``authorial_words`` when None.

    Returns
    -------
    A new DataFrame of integers, one row per article with a sentence with authorial words, in
    ``article_id`` order:

    - ``article_id``: the article
    - ``words.units``, ``words.sum``, ``words.sum_sq``: its sentences, authorial words and Σ words²
    - for each count column ``c``: ``c.hits``, ``c.hits_words`` (Σ hits × words) and ``c.hits_sq``
      (Σ hits²)
    """
    columns = (
        columns
        if columns is not None
        else [
            c for c in counts.columns if c not in ("article_id", "sentence_id", "authorial_words")
        ]
    )
    data = counts[counts["authorial_words"] > 0]
    words = data["authorial_words"].to_numpy(dtype="int64")
    parts = {
        "words.units": np.ones(len(data), dtype="int64"),
        "words.sum": words,
        "words.sum_sq": words * words,
    }
    for column in columns:
        hits = data[column].to_numpy(dtype="int64")
        parts.update(
            {
                f"{column}.hits": hits,
                f"{column}.hits_words": hits * words,
                f"{column}.hits_sq": hits * hits,
            }
        )
    frame = pd.DataFrame(parts, index=pd.Index(data["article_id"].to_numpy(), name="article_id"))
    return frame.groupby(level="article_id", sort=True).sum().reset_index()


def split_rows(
    data: pd.DataFrame, by: str, columns: list[str]
) -> tuple[dict, dict[str, np.ndarray]]:
    """The rows of each group of ``data`` (by the column ``by``), as ``groupby`` would give them:
    each group's ``(start, end)`` in the returned arrays, and each of ``columns`` as floats, its
    rows ordered by group (stably)."""
    keys = data[by].to_numpy()
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(keys) else []
    ends = [*starts[1:], len(keys)]
    spans = {ordered[start]: (int(start), int(end)) for start, end in zip(starts, ends)}
    return spans, {column: data[column].to_numpy(dtype=float)[order] for column in columns}


def rate_moments(totals: pd.Series | dict, column: str) -> Moments:
    """The :class:`Moments` of one group's rate per 1,000 words of ``column`` (x = 1,000 hits /
    words, w = words)."""
    hits = int(totals[f"{column}.hits"])
    return Moments(
        units=int(totals["words.units"]),
        weight=float(totals["words.sum"]),
        weighted=1000.0 * hits,
        weight_sq=float(totals["words.sum_sq"]),
        weight_sq_value=1000.0 * float(totals[f"{column}.hits_words"]),
        weight_sq_value_sq=1e6 * float(totals[f"{column}.hits_sq"]),
        articles=int(totals["words.articles"]),
        hits=hits,
    )


def summarise_rates(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    measures: list[tuple[dict[str, str], str]],
    by: str = "outlet",
    count_name: str = "hits",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Hits per 1,000 authorial words by group and measure, with intervals.

    Parameters
    ----------
    counts : :func:`count_authorial_hits` output; with ``sums``, only the rows
        of groups of at most :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT`
        sentences with authorial words are needed.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    measures : ``(labels, column)`` pairs: the count column to rate and the
        label columns that name it in the output (e.g. ``{"kind": "hedge",
        "category": "all"}``).
    by : ``outlet`` or ``article_id``.
    count_name : the name of the column of summed hits.
    sums : :func:`sum_rates_by_article` of all of ``counts``; computed when None.

    Returns
    -------
    A new DataFrame, one row per group and measure:

    - ``by``: the group (the column named by ``by``)
    - the label columns of ``measures``: the measure
    - ``articles``: the group's articles
    - ``sentences``: its sentences with authorial words
    - ``authorial_words``: its words in the author's voice
    - ``count_name``: its hits (the column named by ``count_name``)
    - ``per_1000``: hits per 1,000 authorial words (the ratio of sums)
    - ``per_1000_low``, ``per_1000_high``: its 95% interval (percentile bootstrap of the ratio of
      sums, seeded, over the group's articles when it has at least
      :data:`~analysis.stats.resampling.MIN_ARTICLES`, else over its sentences; the normal
      approximation past :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` units)
    - ``interval_unit``: what the interval resampled, "article" or "sentence"
    """
    sums = (
        sums
        if sums is not None
        else sum_rates_by_article(counts, [column for _, column in measures])
    )
    totals = total_by_group(sums, articles, by)
    data = add_article_column(counts, articles, by) if by != "article_id" else counts
    data = data[data["authorial_words"] > 0]
    spans, columns = split_rows(
        data, by, ["authorial_words", *dict.fromkeys(column for _, column in measures)]
    )
    per_article = (
        dict(iter(add_article_column(sums, articles, by).groupby(by, sort=True)))
        if by != "article_id"
        else {}
    )
    rows, samples, resampled = [], [], []
    for group, total in zip(totals.index, totals.to_dict("records")):
        units = int(total["words.units"])
        by_article = int(total["words.articles"]) >= MIN_ARTICLES and group in per_article
        start, end = spans.get(group, (0, 0))
        if not by_article and units <= RESAMPLE_LIMIT and end - start != units:
            raise ValueError(f"{group}: {units} sentences to resample, {end - start} given")
        words = columns["authorial_words"][start:end]
        for labels, column in measures:
            moments = rate_moments(total, column)
            if by_article:
                article_sums = per_article[group]
                low, high = article_interval(
                    1000.0 * article_sums[f"{column}.hits"], article_sums["words.sum"], seed=seed
                )
            elif units > RESAMPLE_LIMIT:
                low, high = normal_interval(moments)
            else:
                low, high = float("nan"), float("nan")
                resampled.append(len(rows))
                samples.append((columns[column][start:end] / words * 1000, words))
            rows.append(
                {
                    by: group,
                    **labels,
                    "articles": moments.articles,
                    "sentences": units,
                    "authorial_words": int(total["words.sum"]),
                    count_name: moments.hits,
                    "per_1000": float(moments.hits / total["words.sum"] * 1000),
                    "per_1000_low": low,
                    "per_1000_high": high,
                    "interval_unit": "article" if by_article else "sentence",
                }
            )
    for row, (low, high) in zip(resampled, bootstrap_intervals(samples, seed=seed)):
        rows[row]["per_1000_low"], rows[row]["per_1000_high"] = low, high
    return pd.DataFrame(rows)


def compare_rates(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    measures: list[tuple[dict[str, str], str]],
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Hits per 1,000 authorial words compared between every pair of groups, articles as the unit
    (:mod:`analysis.stats.design`).

    Each article is one unit with its hits and authorial words; with an
    ``event`` column in ``articles``, outlets that cover the same events are
    compared event by event. p-values are Holm-adjusted within each measure. A
    pair with fewer than :data:`analysis.stats.uncertainty.MIN_HITS` hits in both
    groups together is not tested (its verdict says so). ``counts`` is read only
    when ``sums`` (:func:`sum_rates_by_article`) is None.

    Returns
    -------
    A new DataFrame, one row per measure and pair of groups:

    - the label columns of the measure
    - ``first``, ``second`` … ``verdict``: the comparison of the pair (:data:`TEST_COLUMNS`;
      ``difference`` is the rate of ``first`` minus the rate of ``second``, per 1,000 words; with
      events, the mean over shared events of that difference)
    """
    sums = (
        sums
        if sums is not None
        else sum_rates_by_article(counts, [column for _, column in measures])
    )
    groups, mode = plan_comparisons(articles, by)
    rows = []
    for labels, column in measures:
        values = pd.DataFrame(
            {
                "article_id": sums["article_id"],
                "total": 1000.0 * sums[f"{column}.hits"].astype(float),
                "weight": sums["words.sum"].astype(float),
                "units": sums["words.units"].astype(int),
                "hits": sums[f"{column}.hits"].astype(int),
            }
        )
        pairs = compare_by_article(
            attach_groups(values, articles, by), groups, seed=seed, count_hits=True, mode=mode
        )
        rows.extend({**labels, **pair} for pair in pairs)
    label_columns = list(dict.fromkeys(name for labels, _ in measures for name in labels))
    return pd.DataFrame(rows, columns=label_columns + TEST_COLUMNS)
