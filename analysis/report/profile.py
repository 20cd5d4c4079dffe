"""The framing profile: every measure per outlet in one long table, with intervals.

Each row of the profile is one outlet on one measure, read from the tables of
``python -m analysis run`` (nothing is recomputed that a measure already wrote)
or, for the shares that no measure table holds per outlet, bootstrapped here over
the same units (sentences, attributed contents) with the kit's fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.stats.resampling import MIN_ARTICLES, article_interval
from analysis.stats.uncertainty import bootstrap_interval
from analysis.text.segment import count_words
from analysis.tone.score import sum_tone_by_article


@dataclass(frozen=True)
class ProfileMeasure:
    """One panel of the profile: where its numbers come from and what they mean."""

    key: str
    label: str
    unit: str
    family: str
    caveat: str


LEXICON_CAVEAT = (
    "a word list counts words, not meaning: sarcasm, quotation inside paraphrase and "
    "context are missed"
)
MEASURES: tuple[ProfileMeasure, ...] = (
    ProfileMeasure(
        "tone_vader_authorial",
        "tone, own voice (VADER)",
        "mean compound, -1..1",
        "tone",
        "VADER reads a word's dictionary valence: much of a news sentence's tone is the events it "
        "reports",
    ),
    ProfileMeasure(
        "tone_model_authorial",
        "tone, own voice (model)",
        "mean on the -1..1 scale",
        "tone",
        "the calibrated model learnt tone from NYT editorials, an opinion genre",
    ),
    ProfileMeasure(
        "tone_vader_quoted",
        "tone of quoted speech (VADER)",
        "mean compound, -1..1",
        "tone",
        "quoted tone is the speakers' tone; which speakers an outlet quotes decides it",
    ),
    ProfileMeasure(
        "hedges", "hedges, own voice", "per 1,000 authorial words", "hedging", LEXICON_CAVEAT
    ),
    ProfileMeasure(
        "boosters", "boosters, own voice", "per 1,000 authorial words", "hedging", LEXICON_CAVEAT
    ),
    ProfileMeasure(
        "loaded_lexicon",
        "loaded terms (kit lexicon)",
        "per 1,000 authorial words",
        "loaded",
        LEXICON_CAVEAT,
    ),
    ProfileMeasure(
        "loaded_vader",
        "strongly valenced words (VADER)",
        "per 1,000 authorial words",
        "loaded",
        LEXICON_CAVEAT,
    ),
    ProfileMeasure(
        "quoted_share",
        "words inside quotation marks",
        "share of words",
        "sources",
        "a share of words, not of sources: one long quotation weighs as much as many short ones",
    ),
    ProfileMeasure(
        "anonymous_share",
        "anonymous attributions",
        "share of attributed contents",
        "sources",
        "only attributions the rules find; unnamed sources described by role count as anonymous",
    ),
    ProfileMeasure(
        "unique_share",
        "sentences no other outlet carries",
        "share of sentences",
        "coverage",
        "claims are grouped by shared words: a paraphrase of another outlet's sentence counts as "
        "unique",
    ),
)
MEASURE_KEYS = tuple(m.key for m in MEASURES)
PROFILE_COLUMNS = [
    "outlet",
    "measure",
    "label",
    "unit",
    "family",
    "value",
    "low",
    "high",
    "interval_unit",
    "articles",
    "units",
    "basis",
]


def profile_outlets(tables: dict[str, pd.DataFrame], units: dict | None = None) -> pd.DataFrame:
    """One row per outlet and measure of :data:`MEASURES`, with a 95% bootstrap interval.

    Parameters
    ----------
    tables : the tables of :func:`analysis.engine.pipeline.analyse_articles` or
        :func:`analysis.engine.outputs.load_outputs`.
    units : :func:`select_share_units` of ``tables``, when the caller has it
        already (profile and tests read the same units); computed when None.

    Returns
    -------
    A new DataFrame, one row per outlet and measure, sorted by measure (in the order of
    :data:`MEASURES`) and outlet:

    - ``outlet``: the outlet
    - ``measure``, ``label``, ``unit``: the measure (a key of :data:`MEASURES`), its label and unit
    - ``family``: tone, hedging, loaded, sources or coverage
    - ``value``: the outlet's value (a ratio of sums)
    - ``low``, ``high``: its 95% bootstrap interval (NaN with fewer than two units)
    - ``interval_unit``: what the interval resampled: "article" when the outlet has two articles or
      more, else the units of its one article
    - ``articles``: the outlet's articles with a unit of the measure
    - ``units``: the sentences or attributed contents behind the value
    - ``basis``: what a unit is
    """
    articles = tables["articles"]
    outlets = sorted(articles["outlet"].unique())
    n_articles = articles.groupby("outlet")["article_id"].nunique()
    rows = []
    rows += _rows_from_tone(tables["tone_outlets"])
    rows += _rows_from_rates(
        tables["hedging_outlets"], "kind", {"hedge": "hedges", "booster": "boosters"}, "cues"
    )
    rows += _rows_from_rates(
        tables["loaded_outlets"],
        "layer",
        {"lexicon": "loaded_lexicon", "vader": "loaded_vader"},
        "terms",
    )
    for key, (frame, column, weights, basis) in (
        units if units is not None else select_share_units(tables)
    ).items():
        rows += _rows_bootstrapped(frame, key, column, basis, weights)
    found = pd.DataFrame(
        rows,
        columns=["outlet", "measure", "value", "low", "high", "interval_unit", "units", "basis"],
    )
    grid = pd.MultiIndex.from_product(
        [MEASURE_KEYS, outlets], names=["measure", "outlet"]
    ).to_frame(index=False)
    profile = grid.merge(found, on=["measure", "outlet"], how="left")
    profile["units"] = profile["units"].fillna(0).astype(int)
    profile["basis"] = profile["basis"].fillna("")
    profile["interval_unit"] = profile["interval_unit"].fillna("")
    by_key = {m.key: m for m in MEASURES}
    profile["label"] = profile["measure"].map(lambda k: by_key[k].label)
    profile["unit"] = profile["measure"].map(lambda k: by_key[k].unit)
    profile["family"] = profile["measure"].map(lambda k: by_key[k].family)
    profile["articles"] = profile["outlet"].map(n_articles).astype(int)
    return profile[PROFILE_COLUMNS]


def select_share_units(
    tables: dict[str, pd.DataFrame],
) -> dict[str, tuple[pd.DataFrame, str, str | None, str]]:
    """The units behind the shares no measure table holds per outlet.

    Returns, per measure key, ``(units, column, weights, basis)``: a new
    DataFrame of units with an ``outlet`` column, the column whose (weighted)
    mean is the share, the weight column or None, and what a unit is.
    Sentences carry ``words`` (their word count) and ``quoted_share``;
    attributed contents ``anonymous`` (1 when the source is anonymous);
    coverage sentences ``unique`` (1 when no other outlet carries the claim).
    """
    outlet_of = dict(zip(tables["articles"]["article_id"], tables["articles"]["outlet"]))
    sentences = tables["sentences"].assign(outlet=lambda d: d["article_id"].map(outlet_of))
    sentences["words"] = [count_words(t) for t in sentences["text"]]
    quotes = tables["quotes"].assign(
        outlet=lambda d: d["article_id"].map(outlet_of),
        anonymous=lambda d: (d["speaker_type"] == "anonymous").astype(float),
    )
    coverage = tables["coverage"].assign(unique=lambda d: (d["outlets"] == 1).astype(float))
    return {
        "quoted_share": (sentences, "quoted_share", "words", "sentences"),
        "anonymous_share": (quotes, "anonymous", None, "attributed contents"),
        "unique_share": (coverage, "unique", None, "sentences of four words or more"),
    }


def _rows_from_tone(tone: pd.DataFrame) -> list[tuple]:
    rows = []
    for key in ("tone_vader_authorial", "tone_model_authorial", "tone_vader_quoted"):
        _, measure, voice = key.split("_")
        part = tone[(tone["measure"] == measure) & (tone["voice"] == voice)]
        for r in part.itertuples():
            rows.append(
                (
                    r.outlet,
                    key,
                    r.mean,
                    r.mean_low,
                    r.mean_high,
                    r.interval_unit,
                    int(r.sentences),
                    f"{voice} sentence parts",
                )
            )
    return rows


def _rows_from_rates(
    rates: pd.DataFrame, column: str, keys: dict[str, str], count: str
) -> list[tuple]:
    part = rates[rates["category"] == "all"]
    return [
        (
            r["outlet"],
            keys[r[column]],
            r["per_1000"],
            r["per_1000_low"],
            r["per_1000_high"],
            r["interval_unit"],
            int(r["sentences"]),
            f"authorial sentences; {count}: {int(r[count])}",
        )
        for _, r in part[part[column].isin(keys)].iterrows()
    ]


def _rows_bootstrapped(
    units: pd.DataFrame, key: str, column: str, basis: str, weights: str | None = None
) -> list[tuple]:
    """Per outlet, the (weighted) share of ``column`` with its interval: over articles when the
    outlet has at least :data:`~analysis.stats.resampling.MIN_ARTICLES` with a unit
    (:func:`analysis.stats.resampling.article_interval`), else over the units."""
    rows = []
    unit = "sentence" if basis.startswith("sentences") else "attributed content"
    for outlet, group in units.groupby("outlet", sort=True):
        values = group[column].to_numpy(dtype=float)
        w = None if weights is None else group[weights].to_numpy(dtype=float)
        value = (
            float(np.average(values, weights=w))
            if len(values) and (w is None or w.sum() > 0)
            else float("nan")
        )
        per_article = sum_units_by_article(group, column, weights)
        if (per_article["weight"] > 0).sum() >= MIN_ARTICLES:
            low, high = article_interval(per_article["total"], per_article["weight"])
            rows.append((outlet, key, value, low, high, "article", len(group), basis))
        else:
            low, high = bootstrap_interval(values, weights=w)
            rows.append((outlet, key, value, low, high, unit, len(group), basis))
    return rows


def sum_measures_by_article(
    tables: dict[str, pd.DataFrame], units: dict | None = None
) -> pd.DataFrame:
    """Per article and measure of :data:`MEASURES`, the two sums its value is the ratio of.

    Returns
    -------
    A new DataFrame, one row per article and measure (articles without a unit left out), in measure
    and article order:

    - ``article_id``: the article
    - ``measure``: a key of :data:`MEASURES`
    - ``total``: Σ weight × value (Σ tone of the scored sentence parts; 1,000 × cues or terms; Σ of
      the shares' units)
    - ``weight``: Σ weights (scored parts; authorial words; units, weighted as in the profile)
    """
    parts = []
    tone = sum_tone_by_article(tables["sentences"])
    for key in ("tone_vader_authorial", "tone_model_authorial", "tone_vader_quoted"):
        column = "tone_" + key.removeprefix("tone_")
        parts.append(
            pd.DataFrame(
                {
                    "article_id": tone["article_id"],
                    "measure": key,
                    "total": tone[f"{column}.sum"],
                    "weight": tone[f"{column}.units"].astype(float),
                }
            )
        )
    for table, column, keys, count in (
        ("hedging_articles", "kind", {"hedge": "hedges", "booster": "boosters"}, "cues"),
        (
            "loaded_articles",
            "layer",
            {"lexicon": "loaded_lexicon", "vader": "loaded_vader"},
            "terms",
        ),
    ):
        rates = tables[table][tables[table]["category"] == "all"]
        for value, key in keys.items():
            part = rates[rates[column] == value]
            parts.append(
                pd.DataFrame(
                    {
                        "article_id": part["article_id"],
                        "measure": key,
                        "total": 1000.0 * part[count],
                        "weight": part["authorial_words"].astype(float),
                    }
                )
            )
    for key, (frame, column, weights, _) in (
        units if units is not None else select_share_units(tables)
    ).items():
        sums = sum_units_by_article(frame, column, weights)
        parts.append(sums[["article_id", "total", "weight"]].assign(measure=key))
    data = pd.concat(
        [p[["article_id", "measure", "total", "weight"]] for p in parts], ignore_index=True
    )
    order = {key: i for i, key in enumerate(MEASURE_KEYS)}
    data = data[data["weight"] > 0].assign(_order=lambda d: d["measure"].map(order))
    return (
        data.sort_values(["_order", "article_id"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def profile_events(tables: dict[str, pd.DataFrame], units: dict | None = None) -> pd.DataFrame:
    """Every measure of :data:`MEASURES` per event and outlet: the ratio of its articles' sums. No
    interval: an event's cell is one or a few articles.

    Returns
    -------
    A new DataFrame (empty without an ``event`` column), sorted by measure, event and outlet:

    - ``event``: the event
    - ``event_title``: the corpus's ``event_title``, else the event id
    - ``outlet``: the outlet
    - ``measure``, ``label``, ``unit``: the measure
    - ``value``: the ratio of the sums of the outlet's articles in the event
    - ``articles``: those articles with a unit of the measure
    """
    columns = ["event", "event_title", "outlet", "measure", "label", "unit", "value", "articles"]
    articles = tables["articles"]
    if "event" not in articles.columns or articles["event"].isna().all():
        return pd.DataFrame(columns=columns)
    data = sum_measures_by_article(tables, units).merge(
        articles[["article_id", "event", "outlet"]], on="article_id"
    )
    data = data.dropna(subset=["event"]).astype({"event": str})
    titles = articles.dropna(subset=["event"]).astype({"event": str}).groupby("event")
    titles = (
        titles["event_title"].first().fillna("")
        if "event_title" in articles.columns
        else pd.Series(dtype=str)
    )
    grouped = (
        data.groupby(["measure", "event", "outlet"], sort=False)
        .agg(total=("total", "sum"), weight=("weight", "sum"), articles=("article_id", "size"))
        .reset_index()
    )
    grouped["value"] = grouped["total"] / grouped["weight"]
    by_key = {m.key: m for m in MEASURES}
    grouped["label"] = grouped["measure"].map(lambda k: by_key[k].label)
    grouped["unit"] = grouped["measure"].map(lambda k: by_key[k].unit)
    grouped["event_title"] = [str(titles.get(e, "")).strip() or e for e in grouped["event"]]
    grouped["_order"] = grouped["measure"].map({key: i for i, key in enumerate(MEASURE_KEYS)})
    grouped = grouped.sort_values(["_order", "event", "outlet"], kind="stable").reset_index(
        drop=True
    )
    return grouped[columns]


def tabulate_profile(profile: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """The profile as a table to read: one row per measure, one column per outlet.

    Returns
    -------
    A new DataFrame, one row per measure:

    - ``measure``: its label
    - ``unit``: its unit
    - one text column per outlet: ``value [low, high]`` (``value`` alone without an interval, "–"
      without a value)
    """

    def cell(row) -> str:
        if pd.isna(row["value"]):
            return "–"
        text = f"{row['value']:.{digits}g}"
        if pd.notna(row["low"]):
            text += f" [{row['low']:.{digits}g}, {row['high']:.{digits}g}]"
        return text

    cells = profile.assign(cell=profile.apply(cell, axis=1))
    wide = cells.pivot(index="measure", columns="outlet", values="cell").reindex(
        [k for k in MEASURE_KEYS if k in set(profile["measure"])]
    )
    labels = profile.drop_duplicates("measure").set_index("measure")
    wide.insert(0, "unit", labels["unit"].reindex(wide.index))
    wide.insert(0, "label", labels["label"].reindex(wide.index))
    wide.columns.name = None
    return wide.reset_index(drop=True).rename(columns={"label": "measure"})


def sum_units_by_article(
    units: pd.DataFrame, column: str, weights: str | None = None, counted: bool = False
) -> pd.DataFrame:
    """Per article, the sums a comparison of a (weighted) share reads
    (:data:`analysis.stats.design.VALUE_COLUMNS`).

    Returns
    -------
    A new DataFrame, one row per article, in ``article_id`` order:

    - ``article_id``: the article
    - ``total``: Σ weight × value
    - ``weight``: Σ weights (the units when unweighted)
    - ``units``: the units
    - ``hits``: the sum of the values when ``counted`` (a share of rare events), else 0
    """
    x = units[column].to_numpy(dtype=float)
    w = np.ones(len(units)) if weights is None else units[weights].to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "total": w * x,
            "weight": w,
            "units": np.ones(len(units), dtype=int),
            "hits": (x if counted else np.zeros(len(units))).astype(int),
        },
        index=pd.Index(units["article_id"].to_numpy(), name="article_id"),
    )
    return frame.groupby(level="article_id", sort=True).sum().reset_index()
