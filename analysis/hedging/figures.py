"""Figures in hedged wording: each figure an article gives, the hedges that carry it ("about 90
minutes"), and the same figure as each outlet gives it."""

from __future__ import annotations

import pandas as pd

from analysis.resources.rows import iter_columns
from analysis.stats.frames import add_article_column
from analysis.text.amounts import find_figures
from analysis.text.quotes import index_voice_ranges, voice_at

FIGURE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "figure",
    "value",
    "unit",
    "phrase",
    "approximators",
    "other_hedges",
    "voice",
]


def find_hedged_figures(
    sentences: pd.DataFrame, articles: pd.DataFrame, hedges: pd.DataFrame, voice: pd.DataFrame
) -> pd.DataFrame:
    """Every figure (:func:`analysis.text.amounts.find_figures`) and the hedges that carry it.

    An approximator carries a figure when only spaces separate them ("about 90
    minutes"), or a chain of approximators does ("an estimated several hundred
    thousand"), or it overlaps the figure's first word. The sentence's other
    hedges are listed beside it.

    Returns
    -------
    A new DataFrame, one row per figure:

    - ``article_id``, ``sentence_id``: the sentence that holds it
    - ``start``, ``end``: its offsets in the clean text
    - ``figure``: as written
    - ``value``: its number (NaN for a quantity in words that names none)
    - ``unit``: its unit
    - ``phrase``: approximators, figure and unit as written
    - ``approximators``: the hedges that carry the figure, "; "-joined ("" when none)
    - ``other_hedges``: the sentence's other hedges, "; "-joined ("" when none)
    - ``voice``: the voice of the figure
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    cue_spans: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    only = hedges[hedges["kind"] == "hedge"]
    for article_id, sentence_id, *span in iter_columns(
        only, "article_id", "sentence_id", "start", "end", "cue", "category"
    ):
        cue_spans.setdefault((article_id, sentence_id), []).append(tuple(span))
    rows = []
    for article_id, sentence_id, start, end in iter_columns(
        sentences, "article_id", "sentence_id", "start", "end"
    ):
        text = texts[article_id]
        spans = cue_spans.get((article_id, sentence_id), [])
        for figure in find_figures(text, start, end):
            carried, position = [], figure.start
            for cue_start, cue_end, cue_text, category in sorted(spans, reverse=True):
                touching = cue_end <= position and not text[cue_end:position].strip()
                overlapping = cue_start <= figure.start < cue_end
                if category == "approximator" and (touching or overlapping):
                    carried.insert(0, (cue_start, cue_text))
                    position = min(position, cue_start)
            others = [c for s, e, c, _ in spans if (s, c) not in carried]
            rows.append(
                (
                    article_id,
                    sentence_id,
                    figure.start,
                    figure.end,
                    figure.text,
                    figure.value,
                    figure.unit,
                    " ".join(text[position : figure.unit_end].split()),
                    "; ".join(c for _, c in carried),
                    "; ".join(others),
                    voice_at(index.get(article_id, ([], [], [])), figure.start),
                )
            )
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def line_up_figures(
    figures: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet", min_groups: int = 2
) -> pd.DataFrame:
    """The same figure as each group gives it, side by side.

    Figures with the same value and unit are one claim; claims given by at least
    ``min_groups`` groups are kept.

    Returns
    -------
    A new DataFrame, one row per claim and group that gives it:

    - ``value``, ``unit``: the claim (figures with the same value and unit)
    - ``by``: the group (the column named by ``by``)
    - ``phrases``: every wording of it in that group, " | "-joined
    - ``approximated``: whether any wording carries an approximator
    - ``voice``: the voices of the wordings, joined
    - ``groups``: how many groups give the claim
    """
    data = add_article_column(figures[figures["value"].notna()], articles, by)
    rows = []
    for (value, unit), frame in data.groupby(["value", "unit"], sort=True):
        if frame[by].nunique() < min_groups:
            continue
        for group, part in frame.groupby(by, sort=True):
            rows.append(
                {
                    "value": value,
                    "unit": unit,
                    by: group,
                    "phrases": " | ".join(dict.fromkeys(part["phrase"])),
                    "approximated": bool((part["approximators"] != "").any()),
                    "voice": ", ".join(sorted(set(part["voice"]))),
                    "groups": frame[by].nunique(),
                }
            )
    return pd.DataFrame(
        rows, columns=["value", "unit", by, "phrases", "approximated", "voice", "groups"]
    )
