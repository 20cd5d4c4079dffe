"""Sentence tone by voice, and tone per article and outlet with its uncertainty.

- **VADER** (Hutto & Gilbert 2014), the reference implementation from the
  ``vaderSentiment`` package: the ``compound`` score in [-1, 1] of each sentence.
  Curly quotation marks are made straight first (VADER does not look up a word
  glued to a curly mark: ``“It was great,” she said.`` scores 0.0, with straight
  marks 0.62); the replacement keeps every offset.
- **The calibrated model** (:mod:`analysis.tone.model`): a regression fitted on
  New York Times sentences rated by people, reported beside VADER on the same
  [-1, 1] scale (the human rating scale −4..+4 divided by 4).
- **Voice parts**: a sentence that mixes the author's words and quoted words is
  scored twice, once on its authorial characters and once on its quoted ones, so
  that the outlet's own tone stays apart from the tone of the people it quotes.
  A part without a letter or digit has no score.
- **Classes**: a VADER score ≥ 0.05 is positive and ≤ −0.05 negative, the
  thresholds of the VADER documentation; a model score is positive or negative
  when it is at least half a point of the human rating scale from 0 (±0.125
  here), i.e. where the mean human rating would round to a non-neutral point.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd

from analysis.resources.rows import iter_columns
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
    bootstrap_interval,
    normal_interval,
    total_by_group,
)
from analysis.text.vader import score_vader

MEASURES = ("vader", "model")
VOICES = ("all", "authorial", "quoted")
THRESHOLDS = {"vader": 0.05, "model": 0.125}
"""Distance from 0 at which a score counts as positive or negative (see the module docstring)."""


def classify_tone(scores: np.ndarray, threshold: float) -> np.ndarray:
    """ "negative", "neutral" or "positive" for each score ("" for NaN)."""
    scores = np.asarray(scores, dtype=float)
    labels = np.where(
        scores >= threshold, "positive", np.where(scores <= -threshold, "negative", "neutral")
    )
    return np.where(np.isnan(scores), "", labels)


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
"""A letter or digit: what ``str.isalnum`` accepts, on every code point."""


def extract_voice_parts(
    text: str, start: int, end: int, ranges: list[tuple[int, int, str]]
) -> dict[str, str | None]:
    """The authorial and quoted characters of ``text[start:end]``, each joined by spaces.

    ``ranges`` are ``(start, end, voice)`` ranges covering the text. A part with
    no letter or digit is None.
    """
    parts: dict[str, list[str]] = {"authorial": [], "quoted": []}
    for r_start, r_end, voice in ranges:
        lo, hi = max(start, r_start), min(end, r_end)
        if lo < hi:
            parts[voice].append(text[lo:hi].strip())
    joined = {voice: " ".join(p for p in pieces if p) for voice, pieces in parts.items()}
    return {
        voice: value if _LETTER_OR_DIGIT.search(value) else None for voice, value in joined.items()
    }


def list_voice_parts(
    sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame
) -> tuple[list[str | None], list[str | None]]:
    """Each sentence's authorial and quoted parts (:func:`extract_voice_parts`; None where it has
    no such part), in the sentences' order.

    ``sentences``, ``articles`` and ``voice`` as in :func:`score_sentences`; a
    sentence of an article without voice ranges is all authorial.
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    ranges = {
        a: list(zip(g["start"].tolist(), g["end"].tolist(), g["voice"].tolist()))
        for a, g in voice.groupby("article_id", sort=False)
    }
    # where an article's ranges follow one another (starts and ends in order, as
    # find_voice_ranges gives them), the ranges a sentence overlaps are found by bisection
    ordered = {
        a: ([r[0] for r in held], [r[1] for r in held])
        for a, held in ranges.items()
        if all(p[0] <= q[0] and p[1] <= q[1] for p, q in zip(held, held[1:]))
    }
    authorial, quoted = [], []
    for article_id, start, end in iter_columns(sentences, "article_id", "start", "end"):
        held = ranges.get(article_id, [(start, end, "authorial")])
        if article_id in ordered:
            starts, ends = ordered[article_id]
            held = held[bisect_right(ends, start) : bisect_left(starts, end)]
        parts = extract_voice_parts(texts[article_id], start, end, held)
        authorial.append(parts["authorial"])
        quoted.append(parts["quoted"])
    return authorial, quoted


def score_sentences(
    sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame, model=None
) -> pd.DataFrame:
    """Add tone scores to every sentence, whole and per voice part.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``start``, ``end``, ``text``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    model : a fitted :class:`analysis.tone.model.ToneModel`; the committed one when None.

    Returns
    -------
    A new DataFrame: a copy of ``sentences`` with six scores (−1..+1; NaN where the sentence has no
    such part):

    - ``tone_vader``, ``tone_vader_authorial``, ``tone_vader_quoted``: VADER's compound score of
      the sentence, of its authorial part, of its quoted part
    - ``tone_model``, ``tone_model_authorial``, ``tone_model_quoted``: the calibrated model's score
      of the same
    """
    from analysis.tone.model import load_tone_model

    model = model or load_tone_model()
    authorial, quoted = list_voice_parts(sentences, articles, voice)
    out = sentences.copy()
    n = len(sentences)
    for measure, score in (("vader", score_vader), ("model", model.predict_optional)):
        # one call for the sentences and both parts: a part is often the whole sentence, and is
        # then scored once
        scores = score([*sentences["text"], *authorial, *quoted])
        out[f"tone_{measure}"], out[f"tone_{measure}_authorial"], out[f"tone_{measure}_quoted"] = (
            scores[:n],
            scores[n : 2 * n],
            scores[2 * n :],
        )
    return out


def _score_column(measure: str, voice: str) -> str:
    return f"tone_{measure}" if voice == "all" else f"tone_{measure}_{voice}"


def sum_tone_by_article(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article, the sums the group tables need of each tone column
    (:class:`analysis.stats.uncertainty.Moments`).

    Returns
    -------
    A new DataFrame, one row per article with a sentence, in ``article_id`` order:

    - ``article_id``: the article
    - for each score column ``c`` (``tone_vader``, ``tone_vader_authorial`` …
      ``tone_model_quoted``): ``c.units`` (sentences with a score), ``c.sum``, ``c.sum_sq``,
      ``c.negative`` and ``c.positive`` (sentences past the measure's threshold)
    """
    columns = {}
    for measure in MEASURES:
        for voice in VOICES:
            column = _score_column(measure, voice)
            values = sentences[column].to_numpy(dtype=float)
            scored = ~np.isnan(values)
            filled = np.where(scored, values, 0.0)
            columns[f"{column}.units"] = scored.astype(int)
            columns[f"{column}.sum"] = filled
            columns[f"{column}.sum_sq"] = filled * filled
            columns[f"{column}.negative"] = (scored & (filled <= -THRESHOLDS[measure])).astype(int)
            columns[f"{column}.positive"] = (scored & (filled >= THRESHOLDS[measure])).astype(int)
    frame = pd.DataFrame(
        columns, index=pd.Index(sentences["article_id"].to_numpy(), name="article_id")
    )
    return frame.groupby(level="article_id", sort=True).sum().reset_index()


def tone_moments(totals: pd.Series, column: str, statistic: str) -> Moments:
    """The :class:`Moments` of one group's ``column``: its scores (``statistic`` "mean") or its
    negative or positive flags."""
    units, articles = int(totals[f"{column}.units"]), int(totals[f"{column}.articles"])
    if statistic == "mean":
        return Moments.unweighted(
            units, totals[f"{column}.sum"], totals[f"{column}.sum_sq"], articles
        )
    flagged = totals[f"{column}.{statistic.removeprefix('share_')}"]
    return Moments.unweighted(units, flagged, flagged, articles)


def summarise_tone(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mean tone and shares of negative and positive sentences per group, with intervals.

    Parameters
    ----------
    sentences : scored sentences (:func:`score_sentences`) with ``article_id``;
        with ``sums``, only those of groups of at most
        :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` scored sentences are needed.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    by : the column that names a group (``outlet`` or ``article_id``).
    sums : :func:`sum_tone_by_article` of all the sentences; computed from
        ``sentences`` when None.

    Returns
    -------
    A new DataFrame, one row per group, measure and voice:

    - ``by``: the group (the column named by ``by``)
    - ``measure``: ``vader`` or ``model``
    - ``voice``: ``all``, ``authorial`` or ``quoted``
    - ``articles``: the group's articles with a score
    - ``sentences``: its sentences with a score
    - ``mean``, ``mean_low``, ``mean_high``: mean tone and its 95% interval
    - ``share_negative``, ``share_negative_low``, ``share_negative_high``: share of negative
      sentences and its interval
    - ``share_positive``, ``share_positive_low``, ``share_positive_high``: share of positive
      sentences and its interval
    - ``interval_unit``: "article" (bootstrap over the group's articles,
      :func:`analysis.stats.resampling.article_interval`) when it has at least
      :data:`~analysis.stats.resampling.MIN_ARTICLES` with a score, else "sentence" (over its
      sentences: the interval describes the one article)

    Intervals are 95% percentile bootstraps (seeded); past
    :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` units, their normal approximation. With
    ``by="article_id"`` the unit is the sentence.
    """
    sums = sums if sums is not None else sum_tone_by_article(sentences)
    totals = total_by_group(sums, articles, by)
    data = add_article_column(sentences, articles, by)
    frames = dict(iter(data.groupby(by, sort=True)))
    per_article = (
        dict(iter(add_article_column(sums, articles, by).groupby(by, sort=True)))
        if by != "article_id"
        else {}
    )
    rows = []
    for group, total in totals.iterrows():
        frame = frames.get(group, data.iloc[0:0])
        for measure in MEASURES:
            for voice in VOICES:
                column = _score_column(measure, voice)
                units = int(total[f"{column}.units"])
                row = {
                    by: group,
                    "measure": measure,
                    "voice": voice,
                    "articles": int(total[f"{column}.articles"]),
                    "sentences": units,
                }
                if row["articles"] >= MIN_ARTICLES and group in per_article:
                    article_sums = per_article[group]
                    weight = article_sums[f"{column}.units"].to_numpy(dtype=float)
                    for statistic, part in (
                        ("mean", "sum"),
                        ("share_negative", "negative"),
                        ("share_positive", "positive"),
                    ):
                        row[statistic] = float(total[f"{column}.{part}"]) / units
                        row[f"{statistic}_low"], row[f"{statistic}_high"] = article_interval(
                            article_sums[f"{column}.{part}"], weight, seed=seed
                        )
                    rows.append({**row, "interval_unit": "article"})
                    continue
                row["interval_unit"] = "sentence"
                if units > RESAMPLE_LIMIT:
                    for statistic in ("mean", "share_negative", "share_positive"):
                        moments = tone_moments(total, column, statistic)
                        row[statistic] = moments.mean
                        row[f"{statistic}_low"], row[f"{statistic}_high"] = normal_interval(
                            moments
                        )
                    rows.append(row)
                    continue
                values = frame[column].dropna().to_numpy(dtype=float)
                if len(values) != units:
                    raise ValueError(
                        f"{column} of {group}: {units} scored sentences to resample, "
                        f"{len(values)} given"
                    )
                row["mean"] = float(values.mean()) if len(values) else float("nan")
                row["mean_low"], row["mean_high"] = bootstrap_interval(values, seed=seed)
                for side, flags in (
                    ("negative", values <= -THRESHOLDS[measure]),
                    ("positive", values >= THRESHOLDS[measure]),
                ):
                    flags = flags.astype(float)
                    row[f"share_{side}"] = float(flags.mean()) if len(flags) else float("nan")
                    row[f"share_{side}_low"], row[f"share_{side}_high"] = bootstrap_interval(
                        flags, seed=seed
                    )
                rows.append(row)
    return pd.DataFrame(
        rows,
        columns=[
            by,
            "measure",
            "voice",
            "articles",
            "sentences",
            *_SUMMARY_STATISTICS,
            "interval_unit",
        ],
    )


_SUMMARY_STATISTICS = [
    f"{s}{end}"
    for s in ("mean", "share_negative", "share_positive")
    for end in ("", "_low", "_high")
]


def compare_tone(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mean tone compared between every pair of groups, articles as the unit, Holm-corrected
    (:mod:`analysis.stats.design`).

    Parameters
    ----------
    sentences : scored sentences (:func:`score_sentences`); only read when
        ``sums`` is None.
    articles : DataFrame with ``article_id``, the ``by`` column and, when the
        corpus has one, ``event`` (then outlets covering the same events are
        compared event by event).
    by : the column that names a group.
    sums : :func:`sum_tone_by_article` of all the sentences; computed from
        ``sentences`` when None.

    Returns
    -------
    A new DataFrame, one row per measure, voice and pair of groups (Holm-adjusted within each
    measure and voice):

    - ``measure``, ``voice``: the score compared
    - ``first``, ``second`` … ``verdict``: the comparison of the pair
      (:data:`analysis.stats.design.COMPARISON_COLUMNS`; ``difference`` is the mean sentence tone
      of ``first`` minus that of ``second``; with events, the mean over shared events of that
      difference)
    """
    sums = sums if sums is not None else sum_tone_by_article(sentences)
    groups, mode = plan_comparisons(articles, by)
    rows = []
    for measure in MEASURES:
        for voice in VOICES:
            column = _score_column(measure, voice)
            values = pd.DataFrame(
                {
                    "article_id": sums["article_id"],
                    "total": sums[f"{column}.sum"].astype(float),
                    "weight": sums[f"{column}.units"].astype(float),
                    "units": sums[f"{column}.units"].astype(int),
                    "hits": 0,
                }
            )
            pairs = compare_by_article(
                attach_groups(values, articles, by), groups, seed=seed, mode=mode
            )
            rows.extend({"measure": measure, "voice": voice, **pair} for pair in pairs)
    return pd.DataFrame(rows, columns=["measure", "voice", *COMPARISON_COLUMNS])
