"""Tone toward actors on real news: ``actor_tone.csv`` against what BASIL's annotators said of
each article's author.

BASIL (Fan et al. 2019) annotates, for every article, the author's feeling toward the event's
main entities (``author_feeling_<entity>``: str-neg, neg, neu, pos, str-pos). The kit runs on
the BASIL articles as on any corpus, with an actor table made from those entities' names (a
person's full name and surname; a group's name as written), and each measure of
``actor_tone.csv`` (``target``, ``vader``, ``model``:
:data:`analysis.sources.actors.ACTOR_MEASURES`) is read against the annotation of the same
article and entity:

- Spearman's rank correlation between the article's mean tone toward the entity and the gold
  feeling (−2..2), over the pairs the kit scores;
- direction: the share of the pairs the annotators did not call neutral whose mean tone has the
  gold's sign;
- order within an event (:func:`compare_within_events`): of two articles of one event that the
  annotators read differently toward the same entity (the issue's case: Fox positive toward a
  person, the NYT negative), the share the measure puts in the annotators' order. This is what
  an outlet comparison paired by event relies on.

A pair whose article never names the entity in its own voice gets no score; how many is reported
first, beside the figures (nothing is left out silently). The actor table is built from the
annotations' entity names only, never from the articles' text, and nothing is fitted here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from analysis.engine.pipeline import Resources, analyse_articles, load_resources
from analysis.resources.news_sets import basil_corpus, read_basil
from analysis.sources.actors import ACTOR_MEASURES, Actor
from analysis.sources.lexicons import load_source_lexicons

FEELINGS = {"str-neg": -2, "neg": -1, "neu": 0, "pos": 1, "str-pos": 2}
"""BASIL's labels of the author's feeling toward an entity, as numbers."""
GROUP_WORDS = frozenset(
    "lawmakers democrats republicans senators members party officials administration "
    "congress house senate government".split()
)
"""Words that make an entity a group, named as written, not a person with a surname."""


def read_feelings(folder: Path) -> pd.DataFrame:
    """The author's feeling toward each main entity of every BASIL article.

    Returns
    -------
    A new DataFrame, one row per article and entity, sorted by both:

    - ``article_id``: the article (its file stem, as
      :func:`analysis.resources.news_sets.basil_corpus` names it)
    - ``entity``: the entity's name, underscores made spaces
    - ``feeling``: BASIL's label (:data:`FEELINGS`)
    - ``gold``: its number
    """
    rows = []
    for path in sorted(folder.glob("annotations/*/*_ann.json")):
        annotation = json.loads(path.read_text(encoding="utf-8")).get(
            "article-level-annotations", {}
        )
        for key, label in annotation.items():
            if key.startswith("author_feeling_") and key != "author_feeling_main_event":
                if label not in FEELINGS:
                    continue
                entity = key.removeprefix("author_feeling_").replace("_", " ").strip()
                rows.append((path.stem.removesuffix("_ann"), entity, label, FEELINGS[label]))
    return pd.DataFrame(
        sorted(rows), columns=["article_id", "entity", "feeling", "gold"]
    ).drop_duplicates(["article_id", "entity"])


def make_actors(entities: list[str]) -> list[Actor]:
    """An actor per entity name (names equal but for case are one actor): a person (two words or
    more, none of :data:`GROUP_WORDS`) is named by the full name and the surname; anything else by
    its name as written. A form that would name two actors (two Bushes, "Trump" beside "Donald
    Trump") is given to neither but as a full name."""
    names: dict[str, str] = {}
    for name in entities:
        names.setdefault(name.lower(), name)
    forms: dict[str, list[str]] = {}
    for name in names.values():
        words = name.split()
        person = len(words) >= 2 and not GROUP_WORDS & {w.lower() for w in words}
        candidates = [name, words[-1]] if person and len(words[-1]) > 2 else [name]
        if not person:
            candidates += [name.lower(), name[:1].upper() + name[1:].lower()]
        forms[name] = list(dict.fromkeys(candidates))
    owners: dict[str, set[str]] = {}
    for name, aliases in forms.items():
        for alias in aliases:
            owners.setdefault(alias.lower(), set()).add(name)
    actors = []
    for name in sorted(forms, key=str.lower):
        words = name.split()
        person = len(words) >= 2 and not GROUP_WORDS & {w.lower() for w in words}
        kept = [a for a in forms[name] if a == name or owners[a.lower()] == {name}]
        actors.append(Actor(name, "person" if person else "organisation", tuple(kept)))
    return actors


def score_basil_actor_tone(folder: Path) -> pd.DataFrame:
    """The kit's tone toward each annotated entity of every BASIL article, event by event (each
    event's articles analysed with an actor table of that event's entities).

    Returns
    -------
    A new DataFrame: the rows of :func:`read_feelings`, with

    - ``event``, ``outlet``: the article's BASIL event and outlet
    - one column per measure of :data:`analysis.sources.actors.ACTOR_MEASURES`: the article's
      mean tone toward the entity (NaN when the article never names it in its own voice)
    - ``sentences``: the article's authorial sentences naming the entity
    """
    feelings = read_feelings(folder)
    articles = basil_corpus(read_basil(folder, with_spans=False))
    articles = articles[articles["article_id"].isin(set(feelings["article_id"]))]
    event_of = dict(zip(articles["article_id"], articles["event"]))
    feelings = feelings[feelings["article_id"].isin(set(event_of))].copy()
    feelings["event"] = feelings["article_id"].map(event_of)
    feelings["outlet"] = feelings["article_id"].map(
        dict(zip(articles["article_id"], articles["outlet"]))
    )
    general = load_resources()
    tones = []
    for event, part in articles.groupby("event", sort=True):
        entities = list(feelings.loc[feelings["event"] == event, "entity"])
        actors = make_actors(entities)
        canonical = {a.name.lower(): a.name for a in actors}
        resources = Resources(
            actors,
            general.descriptors,
            general.roles,
            load_source_lexicons(actors),
            general.background,
            general.loaded,
        )
        tone = analyse_articles(
            part.rename(columns={"text": "raw_text"}).reset_index(drop=True), resources
        )["actor_tone"]
        tones.append(tone.assign(key=tone["actor"].str.lower()))
        feelings.loc[feelings["event"] == event, "key"] = [
            canonical[e.lower()].lower() for e in entities
        ]
    tone = pd.concat(tones, ignore_index=True)
    wide = tone.pivot_table(
        index=["article_id", "key"], columns="measure", values="mean", aggfunc="first"
    )
    counts = tone[tone["measure"] == ACTOR_MEASURES[0]].set_index(["article_id", "key"])[
        "sentences"
    ]
    table = feelings.join(wide, on=["article_id", "key"]).join(counts, on=["article_id", "key"])
    table["sentences"] = table["sentences"].fillna(0).astype(int)
    for measure in ACTOR_MEASURES:
        if measure not in table:
            table[measure] = np.nan
    columns = [
        "article_id",
        "entity",
        "feeling",
        "gold",
        "event",
        "outlet",
        *ACTOR_MEASURES,
        "sentences",
    ]
    return table[columns].reset_index(drop=True)


def _agreement(rows: pd.DataFrame, measure: str) -> float | None:
    """The share of ``rows`` whose ``measure`` has the sign of ``gold`` (None without rows)."""
    if not len(rows):
        return None
    return round(float((np.sign(rows[measure]) == np.sign(rows["gold"])).mean()), 4)


def summarise_basil_actor_tone(table: pd.DataFrame) -> dict:
    """Per measure: the pairs scored, Spearman's rho with the gold feeling, and the direction
    agreement on the pairs the annotators did not call neutral: over all of them, over the
    negative and the positive ones apart, and the mean of those two (``direction_balanced``: a
    measure that calls everything negative gets 0.5, whatever the share of negative pairs)."""
    entry = {
        "pairs": len(table),
        "unscored": int(table[list(ACTOR_MEASURES)].isna().all(axis=1).sum()),
        "gold_not_neutral": int((table["gold"] != 0).sum()),
    }
    for measure in ACTOR_MEASURES:
        scored = table[table[measure].notna()]
        polar = scored[scored["gold"] != 0]
        rho = spearmanr(scored[measure], scored["gold"]).statistic if len(scored) > 2 else None
        entry[measure] = {
            "scored": len(scored),
            "spearman_rho": None if rho is None or np.isnan(rho) else round(float(rho), 4),
            "direction_pairs": len(polar),
            "direction_agreement": _agreement(polar, measure),
            "direction_negative": _agreement(polar[polar["gold"] < 0], measure),
            "direction_positive": _agreement(polar[polar["gold"] > 0], measure),
        }
        sides = [entry[measure]["direction_negative"], entry[measure]["direction_positive"]]
        entry[measure]["direction_balanced"] = (
            round(float(np.mean(sides)), 4) if None not in sides else None
        )
    return entry


def pair_within_events(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Every pair of articles of one event whose annotators' feelings toward the same entity
    differ, both scored by ``measure``.

    Returns
    -------
    A new DataFrame, one row per pair, sorted by event, entity and articles:

    - ``event``, ``entity``: the pair's event and entity
    - ``article_a``, ``outlet_a``, ``article_b``, ``outlet_b``: the article read more negative
      by the annotators first
    - ``gold_a``, ``gold_b``: their gold feelings (``gold_a`` < ``gold_b``)
    - ``score_a``, ``score_b``: their mean tone toward the entity by ``measure``
    - ``order``: 1 when the measure puts the pair in the annotators' order, 0 when it reverses
      it, 0.5 when it ties them
    """
    scored = table[table[measure].notna()]
    columns = ["article_id", "outlet", "gold", measure]
    pairs = scored[["event", "entity", *columns]].merge(
        scored[["event", "entity", *columns]], on=["event", "entity"], suffixes=("_a", "_b")
    )
    pairs = pairs[pairs["gold_a"] < pairs["gold_b"]]
    difference = np.sign(pairs[f"{measure}_b"] - pairs[f"{measure}_a"])
    pairs = pairs.assign(order=(difference + 1) / 2).rename(
        columns={
            "article_id_a": "article_a",
            "article_id_b": "article_b",
            f"{measure}_a": "score_a",
            f"{measure}_b": "score_b",
        }
    )
    ordered = [
        "event",
        "entity",
        "article_a",
        "outlet_a",
        "article_b",
        "outlet_b",
        "gold_a",
        "gold_b",
        "score_a",
        "score_b",
        "order",
    ]
    return pairs[ordered].sort_values(ordered[:5]).reset_index(drop=True)


def compare_within_events(table: pd.DataFrame) -> dict:
    """Per measure: the pairs of :func:`pair_within_events`, the share in the annotators' order
    (ties count half; a measure of no information gets 0.5), and the events they come from."""
    entry = {}
    for measure in ACTOR_MEASURES:
        pairs = pair_within_events(table, measure)
        entry[measure] = {
            "pairs": len(pairs),
            "events": int(pairs["event"].nunique()),
            "in_order": round(float(pairs["order"].mean()), 4) if len(pairs) else None,
        }
    return entry
