"""Outlet comparisons with articles as the unit: the event-paired, independent and descriptive
designs.

Why not sentences. The sentences of one article share its writer, its editor,
its event and its angle: they are not independent draws from the outlet. A test
that relabels sentences between two outlets treats every sentence as a draw, so
with many articles per outlet its p-values are too small (a strongly worded
article counts forty times). The unit that an outlet produces independently is
the article, and when outlets cover the same events, the event.

Every comparison here starts from one row per article: ``total`` (the sum of
the article's values times their weights: Σ tone of its scored sentences, or
1,000 × its hits) and ``weight`` (Σ weights: its scored sentences, or its
authorial words), so a group's value is the ratio of its sums, the same figure
the outlet tables give. Each engine writes these per-article sums, so every
engine gives the same tests. One design is chosen per pair of groups:

- ``event-paired``: the articles have an ``event`` and the two groups cover at
  least :data:`MIN_EVENTS` events in common. Per shared event, each group's
  value is the ratio of its sums in that event, and the difference of the two
  is that event's difference. The figure is the mean of the differences over
  the shared events, with a percentile bootstrap interval over events, and a
  two-sided sign-flip permutation test over events
  (:func:`scipy.stats.permutation_test`, ``permutation_type="samples"``:
  exact when 2ⁿ ≤ resamples + 1). Articles of events only one group covers do
  not enter the pair's test.
- ``independent``: otherwise, with at least :data:`MIN_ARTICLES` articles on
  each side: the difference of the two ratios of sums; the test relabels
  articles (with their weights) between the groups
  (:func:`analysis.stats.uncertainty.permutation_test`), and the interval resamples
  articles within each group. Past
  :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` articles in a group, both are
  normal approximations from the articles' sums.
- ``descriptive``: a side with a single article. The difference is given; no
  interval or test can say anything about the outlets, and the verdict says so.

A test that cannot reach p < 0.05 whatever the data (two shared events, two
articles against two) is run and reported, and its verdict says that it could
not have found a difference.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.stats.resampling import (
    BOOTSTRAP_RESAMPLES,
    MIN_ARTICLES,
    RESAMPLES,
    article_permutation_test,
    difference_interval,
    sign_flip_test,
)
from analysis.stats.uncertainty import DEFAULT_SEED, MIN_HITS, adjust_holm, bootstrap_interval

DESIGNS = ("event-paired", "independent", "descriptive")
UNIT = "article"
MIN_EVENTS = 2
"""Fewest events two groups must share for the event-paired design."""
ALPHA = 0.05
MAX_PAIRWISE_GROUPS = 12
"""More groups than this: each is compared with the rest of the corpus (k comparisons) instead of
with every other group (k(k − 1)/2 pairs, 4,753 for 98 outlets)."""
REST = "all other outlets"
"""The ``second`` of a comparison of one group with the rest of the corpus."""
MODES = ("pairs", "one-vs-rest", "none")

COMPARISON_COLUMNS = [
    "first",
    "second",
    "design",
    "unit",
    "n_events",
    "articles_first",
    "articles_second",
    "sentences_first",
    "sentences_second",
    "difference",
    "difference_low",
    "difference_high",
    "p_value",
    "p_holm",
    "verdict",
]
"""The columns every pair of groups gets (after the columns that name the measure)."""

VALUE_COLUMNS = ["article_id", "total", "weight", "units", "hits"]
"""One row per article: ``total`` (Σ weight × value), ``weight`` (Σ weights), ``units`` (sentences
or other units behind them) and ``hits`` (the counts behind a rate, 0 for a mean)."""


def attach_groups(values: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """``values`` (:data:`VALUE_COLUMNS`) with ``group`` (the articles' ``by``) and ``event`` (NaN
    without one), in ``article_id`` order, articles without weight left out; a new DataFrame.

    Returns
    -------
    A new DataFrame in ``article_id`` order, articles without weight left out:

    - ``article_id``, ``total``, ``weight``, ``units``, ``hits``: as in ``values``
      (:data:`VALUE_COLUMNS`)
    - ``group``: the article's group (its ``by``)
    - ``event``: its event (NaN without one)
    """
    columns = ["article_id", by] + (
        ["event"] if "event" in articles.columns and by != "event" else []
    )
    data = values.merge(
        articles[columns], on="article_id", how="left", validate="one_to_one"
    ).rename(columns={by: "group"})
    if "event" not in data.columns:
        data["event"] = np.nan
    data = data[data["weight"] > 0].sort_values("article_id", kind="stable")
    return data.reset_index(drop=True)


def plan_comparisons(articles: pd.DataFrame, by: str = "outlet") -> tuple[list, str]:
    """The groups to compare and how (:data:`MODES`).

    ``none`` when ``by`` is ``outlet`` and no article has an outlet of its own (the corpus loader
    names each such article's outlet after the article: outlets are unknown, and comparing articles
    as outlets would say nothing about outlets); ``one-vs-rest`` past :data:`MAX_PAIRWISE_GROUPS`
    groups; else ``pairs``.
    """
    groups = sorted(set(articles[by].dropna()))
    if (
        by == "outlet"
        and len(articles) > 1
        and (articles["outlet"].astype(str) == articles["article_id"].astype(str)).all()
    ):
        return groups, "none"
    return groups, "one-vs-rest" if len(groups) > MAX_PAIRWISE_GROUPS else "pairs"


def compare_by_article(
    values: pd.DataFrame,
    groups: list,
    seed: int = DEFAULT_SEED,
    count_hits: bool = False,
    mode: str = "pairs",
) -> list[dict]:
    """Every pair of ``groups`` compared under its design (see the module docstring), Holm-adjusted
    over the pairs.

    Parameters
    ----------
    values : :func:`attach_groups` output: one row per article with ``group`` and ``event``.
    groups : the groups to pair, in order (a group without articles still gets its pairs,
        descriptive).
    count_hits : the values are rates: a pair with fewer than
        :data:`~analysis.stats.uncertainty.MIN_HITS` hits in both groups together is not tested
        (its verdict says so).
    mode : ``pairs`` (every pair), ``one-vs-rest`` (each group against all the others pooled,
        ``second`` being :data:`REST`) or ``none`` (no comparison: see :func:`plan_comparisons`).

    Returns
    -------
    One dict per pair with :data:`COMPARISON_COLUMNS` (a row of the tables of comparisons):

    - ``first``, ``second``: the two groups
    - ``design``: ``event-paired``, ``independent`` or ``descriptive`` (:data:`DESIGNS`)
    - ``unit``: "article"
    - ``n_events``: shared events in a paired design, else 0
    - ``articles_first``, ``articles_second``: the articles the design used on each side
    - ``sentences_first``, ``sentences_second``: their units (sentences, or other units)
    - ``difference``: first minus second: the mean over events of the per-event differences when
      paired, else the difference of the ratios of sums
    - ``difference_low``, ``difference_high``: its 95% interval (NaN when descriptive)
    - ``p_value``: NaN when not tested
    - ``p_holm``: Holm-adjusted over the pairs
    - ``verdict``: what the pair shows, in words
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    parts = {g: values[values["group"] == g] for g in groups}
    if mode == "one-vs-rest":
        matchups = [(g, REST, parts[g], values[values["group"] != g]) for g in groups]
    elif mode == "pairs":
        matchups = [
            (first, second, parts[first], parts[second])
            for i, first in enumerate(groups)
            for second in groups[i + 1 :]
        ]
    else:
        matchups = []
    block, notes = [], []
    for first, second, a, b in matchups:
        row, note = compare_pair(a, b, seed=seed, count_hits=count_hits)
        block.append({"first": first, "second": second, **row})
        notes.append(note)
    for row, note, p_holm in zip(block, notes, adjust_holm([r["p_value"] for r in block])):
        row["p_holm"] = p_holm
        row["verdict"] = describe_design_evidence(row, note, p_holm)
    return [{column: row[column] for column in COMPARISON_COLUMNS} for row in block]


def compare_pair(
    first: pd.DataFrame, second: pd.DataFrame, seed: int = DEFAULT_SEED, count_hits: bool = False
) -> tuple[dict, str]:
    """One pair under its design: the row of :func:`compare_by_article` without the groups,
    ``p_holm`` and ``verdict``, and a note for the verdict (why there is no test, or why the test
    could not reject)."""
    shared = shared_events(first, second)
    if len(shared) >= MIN_EVENTS:
        a, b = first[first["event"].isin(shared)], second[second["event"].isin(shared)]
        row = _describe_sides(a, b, "event-paired", len(shared))
        differences = event_differences(a, b)
        row["difference"] = float(differences.mean())
        row["difference_low"], row["difference_high"] = bootstrap_interval(
            differences, resamples=BOOTSTRAP_RESAMPLES, seed=seed
        )
        smallest = 2 / 2 ** len(differences) if 2 ** len(differences) <= RESAMPLES + 1 else 0.0
        note = (
            ""
            if smallest < ALPHA
            else f"with {len(shared)} shared events no test can reach p < {ALPHA:g}"
        )
        run = True
    else:
        a, b = first, second
        design = "independent" if min(len(a), len(b)) >= MIN_ARTICLES else "descriptive"
        row = _describe_sides(a, b, design, 0)
        row["difference"] = _ratio(a) - _ratio(b) if len(a) and len(b) else float("nan")
        row["difference_low"], row["difference_high"] = float("nan"), float("nan")
        run = design == "independent"
        if run:
            row["difference_low"], row["difference_high"] = difference_interval(a, b, seed=seed)
            splits = math.comb(len(a) + len(b), len(a))
            note = (
                ""
                if 1 / splits < ALPHA
                else f"with {len(a)} and {len(b)} articles no test can reach p < {ALPHA:g}"
            )
        elif len(a) and len(b):
            note = (
                "one article on a side: a description of these articles, not evidence about "
                "the outlets"
            )
        else:
            note = "no articles on a side"
    hits = int(a["hits"].sum() + b["hits"].sum())
    row["p_value"] = float("nan")
    if run and count_hits and hits < MIN_HITS:
        note = f"too few hits to compare ({hits} in both groups; fewer than {MIN_HITS})"
    elif run and row["design"] == "event-paired":
        row["p_value"] = sign_flip_test(differences, seed=seed)
    elif run:
        row["p_value"] = article_permutation_test(a, b, seed=seed)
    return row, note


def _describe_sides(a: pd.DataFrame, b: pd.DataFrame, design: str, n_events: int) -> dict:
    return {
        "design": design,
        "unit": UNIT,
        "n_events": n_events,
        "articles_first": len(a),
        "articles_second": len(b),
        "sentences_first": int(a["units"].sum()),
        "sentences_second": int(b["units"].sum()),
    }


def _ratio(frame: pd.DataFrame) -> float:
    weight = float(frame["weight"].sum())
    return float(frame["total"].sum()) / weight if weight > 0 else float("nan")


def shared_events(first: pd.DataFrame, second: pd.DataFrame) -> list:
    """The events both groups cover (sorted; none when the articles have no event)."""
    return sorted(set(first["event"].dropna()) & set(second["event"].dropna()))


def event_differences(first: pd.DataFrame, second: pd.DataFrame) -> np.ndarray:
    """Per shared event (sorted), the first group's ratio of sums minus the second's."""

    def per_event(frame: pd.DataFrame) -> pd.Series:
        sums = frame.groupby("event", sort=True)[["total", "weight"]].sum()
        return sums["total"] / sums["weight"]

    a, b = per_event(first), per_event(second)
    events = sorted(set(a.index) & set(b.index))
    return (a.loc[events] - b.loc[events]).to_numpy(dtype=float)


def describe_design_evidence(row: dict, note: str, p_holm: float, alpha: float = ALPHA) -> str:
    """The plain-language verdict on one pair: what was tested, on what, and what it shows."""
    if row["design"] == "event-paired":
        basis = f"paired over {row['n_events']} shared events"
    elif row["design"] == "independent":
        basis = f"{row['articles_first']} and {row['articles_second']} articles"
    else:
        return f"not tested: {note}"
    if np.isnan(row["p_value"]):
        return f"not tested: {note}"
    verdict = (
        f"differs (Holm-adjusted p < {alpha:g}; {basis})"
        if p_holm < alpha
        else f"no difference that these data can show ({basis})"
    )
    return f"{verdict}; {note}" if note else verdict


def summarise_comparisons(
    tests: pd.DataFrame, keys: tuple[str, ...] = ("measure", "voice"), alpha: float = ALPHA
) -> pd.DataFrame:
    """What a table of pairwise comparisons supports, in numbers and words, per family of tests.

    Parameters
    ----------
    tests : pairwise comparisons with :data:`COMPARISON_COLUMNS` and the ``keys`` columns.
    keys : the columns that name one family of tests (Holm-corrected together).

    Returns
    -------
    A new DataFrame, one row per family of tests:

    - the ``keys`` columns: the family
    - ``pairs``, ``tested``: pairs of groups, and those tested
    - ``differing``: pairs whose Holm-adjusted p is below ``alpha``
    - ``event_paired``, ``independent``, ``descriptive``: pairs per design
    - ``fewest_articles``: the fewest articles on any side compared
    - ``statement``: what the family supports, in words
    """
    keys = list(keys)
    rows = []
    for key, frame in tests.groupby(keys, sort=False):
        p_holm = pd.to_numeric(frame["p_holm"].replace("", np.nan), errors="coerce")
        tested, differing = int(p_holm.notna().sum()), int((p_holm < alpha).sum())
        designs = frame["design"].value_counts()
        fewest = (
            int(min(frame["articles_first"].min(), frame["articles_second"].min()))
            if len(frame)
            else 0
        )
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        row.update(
            pairs=len(frame),
            tested=tested,
            differing=differing,
            event_paired=int(designs.get("event-paired", 0)),
            independent=int(designs.get("independent", 0)),
            descriptive=int(designs.get("descriptive", 0)),
            fewest_articles=fewest,
            statement=state_designs(len(frame), tested, differing, designs),
        )
        rows.append(row)
    columns = [
        *keys,
        "pairs",
        "tested",
        "differing",
        "event_paired",
        "independent",
        "descriptive",
        "fewest_articles",
        "statement",
    ]
    return pd.DataFrame(rows, columns=columns)


def state_designs(pairs: int, tested: int, differing: int, designs: pd.Series) -> str:
    """One sentence on a family of comparisons: how many pairs differ, under which designs."""
    if tested == 0:
        if designs.get("descriptive", 0) == pairs:
            return (
                f"none of the {pairs} pairs can be tested: one article on a side describes "
                "that article, not its outlet"
            )
        return f"none of the {pairs} pairs is tested (see each verdict)"
    parts = [f"{designs.get(d, 0)} {d}" for d in DESIGNS if designs.get(d, 0)]
    return (
        f"{differing} of {tested} tested pairs differ after Holm correction ({pairs} pairs: "
        f"{', '.join(parts)}; articles as the unit)"
    )


def describe_method(tests: pd.DataFrame, family: str = "each measure") -> str:
    """A paragraph (Markdown) on how a table of comparisons was made and which designs its pairs
    got, for a report."""
    designs = tests["design"].value_counts() if len(tests) else pd.Series(dtype=int)
    counted = (
        ", ".join(f"{int(designs.get(d, 0))} {d}" for d in DESIGNS if designs.get(d, 0)) or "none"
    )
    return (
        "Articles are the unit of every comparison, never sentences: the sentences of one article "
        "share its writer and "
        "its event, so treating them as independent draws makes differences look surer than they "
        "are. When two outlets "
        f"cover at least {MIN_EVENTS} of the same events, they are compared event by event "
        "(*event-paired*: the mean "
        "over shared events of the per-event difference, a bootstrap interval over events, a "
        "sign-flip permutation "
        f"test); otherwise with at least {MIN_ARTICLES} articles a side, article by article "
        "(*independent*: articles "
        "relabelled between the outlets); with one article on a side, the difference is "
        "*descriptive* and not tested. "
        f"p-values are Holm-corrected within {family}; a rate with fewer than {MIN_HITS} hits in "
        "a pair is not tested. "
        f"Pairs here by design: {counted} (of {len(tests)})."
    )


def count_noun(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with its noun in the right number: "1 article", "2 articles"."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def describe_corpus_design(articles: pd.DataFrame) -> str:
    """What a corpus's articles can support, in Markdown: how many articles, outlets and events,
    and which designs its outlet comparisons get (one article an outlet: descriptions, not
    tests)."""
    per_outlet = articles.groupby("outlet")["article_id"].nunique()
    if plan_comparisons(articles)[1] == "none":
        return (
            f"**{count_noun(len(articles), 'article')}, no outlet named.** The corpus gives no "
            "outlet, so each article "
            "stands alone: no outlet is compared with another, and the per-article tables are the "
            "results."
        )
    head = f"**{count_noun(len(articles), 'article')} from {count_noun(len(per_outlet), 'outlet')}"
    shared = 0
    if "event" in articles.columns and articles["event"].notna().any():
        outlets_per_event = articles.dropna(subset=["event"]).groupby("event")["outlet"].nunique()
        shared = int((outlets_per_event >= 2).sum())
        head += (
            f", {count_noun(len(outlets_per_event), 'event')} ({shared:,} covered by two "
            "outlets or more)"
        )
    head += ".**"
    if len(per_outlet) == 0:
        return head
    single = int((per_outlet < MIN_ARTICLES).sum())
    if single == len(per_outlet):
        return (
            f"{head} Every outlet is one article here: an outlet's interval describes its "
            "article's sentences, no "
            "comparison between outlets is tested, and every difference is between these "
            "articles, not evidence "
            "about how the outlets cover events."
        )
    spread = (
        f"Each outlet has {count_noun(int(per_outlet.min()), 'article')}"
        if per_outlet.min() == per_outlet.max()
        else (f"Outlets have {per_outlet.min():,} to {per_outlet.max():,} articles")
    )
    text = f"{head} {spread}; intervals and comparisons take the article as the unit"
    text += (
        ", and outlets that cover the same events are compared event by event."
        if shared >= MIN_EVENTS
        else "."
    )
    if len(per_outlet) > MAX_PAIRWISE_GROUPS:
        text += (
            f" With more than {MAX_PAIRWISE_GROUPS} outlets, each is compared with all the "
            "others pooled, not pair by pair."
        )
    if single:
        text += (
            f" {count_noun(single, 'outlet')} of one article: "
            f"{'its' if single == 1 else 'their'} comparisons are descriptive, not tests."
        )
    return text
