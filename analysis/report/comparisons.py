"""The pairwise comparisons behind every measure of the framing profile: the run's tests of
tone, hedging and loaded terms, and the shares the profile adds compared the same way, articles
as the unit."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.report.profile import select_share_units, sum_units_by_article
from analysis.stats.design import (
    COMPARISON_COLUMNS,
    attach_groups,
    compare_by_article,
    plan_comparisons,
)

TEST_COLUMNS = ["measure", *COMPARISON_COLUMNS]


def compare_profile(tables: dict[str, pd.DataFrame], units: dict | None = None) -> pd.DataFrame:
    """The pairwise comparisons behind every measure of the profile, in one table.

    The tone, hedging and loaded-term comparisons are the ones ``python -m
    analysis run`` wrote (``tone_tests``, ``hedging_tests``, ``loaded_tests``);
    the shares the profile adds (quoted words, anonymous attributions, unique
    sentences) are compared here the same way, articles as the unit
    (:func:`analysis.stats.design.compare_by_article`, Holm-corrected within the
    measure). Columns ``sentences_first`` and ``sentences_second`` count the
    units of each side (sentences or attributed contents).

    Parameters
    ----------
    tables : the run's tables.
    units : :func:`select_share_units` of ``tables``, when the caller has it
        already (profile and tests read the same units); computed when None.

    Returns
    -------
    A new DataFrame with :data:`TEST_COLUMNS`, one row per measure and pair of outlets:

    - ``measure``: a key of :data:`MEASURES`
    - ``first``, ``second`` … ``verdict``: the comparison of the pair
      (:data:`analysis.stats.design.COMPARISON_COLUMNS`; ``sentences_first`` and
      ``sentences_second`` count each side's units, sentences or attributed contents)
    """
    parts = []
    tone = tables["tone_tests"]
    for key in ("tone_vader_authorial", "tone_model_authorial", "tone_vader_quoted"):
        _, measure, voice = key.split("_")
        parts.append(
            tone[(tone["measure"] == measure) & (tone["voice"] == voice)].assign(measure=key)
        )
    hedging = tables["hedging_tests"]
    parts += [
        hedging[hedging["kind"] == kind].assign(measure=key)
        for kind, key in (("hedge", "hedges"), ("booster", "boosters"))
    ]
    loaded = tables["loaded_tests"]
    parts += [
        loaded[loaded["layer"] == layer].assign(measure=f"loaded_{layer}")
        for layer in ("lexicon", "vader")
    ]
    articles = tables["articles"]
    outlets, mode = plan_comparisons(articles)
    for key, (frame, column, weights, _) in (
        units if units is not None else select_share_units(tables)
    ).items():
        counted = key == "anonymous_share"  # a rare event: too few hits are not tested
        values = attach_groups(
            sum_units_by_article(frame, column, weights, counted), articles, "outlet"
        )
        parts.append(
            pd.DataFrame(
                compare_by_article(values, outlets, count_hits=counted, mode=mode),
                columns=COMPARISON_COLUMNS,
            ).assign(measure=key)
        )
    tests = pd.concat([p.reindex(columns=TEST_COLUMNS) for p in parts], ignore_index=True)
    for column in ("p_value", "p_holm", "difference"):
        tests[column] = pd.to_numeric(tests[column].replace("", np.nan), errors="coerce")
    return tests
