"""Actors: who is mentioned where, and the tone of the author's sentences about them.

The actor table belongs to the corpus (its ``actors.tsv``,
:mod:`analysis.resources.corpus_lists`; the default corpus's is in its folder,
:data:`analysis.config.DEFAULT_CORPUS`): each actor's canonical
name, kind and the forms that count as a mention. A corpus without one has no
actor mentions. All forms are matched in one pass with one
regular expression, case-sensitively, as whole words, longest form first, so
"Russian Federation" is one mention of Russia and "Trump's" a mention of Trump.

Blind spots: pronouns ("he", "the Russian leader") are not resolved; a surname
shared by two people is counted for the one in the table; metonyms are mapped to
a country by the table (the Kremlin and Moscow to Russia, the White House to the
United States); demonyms ("Russian") count as mentions of their country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputProblem
from analysis.resources.corpus_lists import resource_path
from analysis.resources.lists import read_tsv_records
from analysis.resources.rows import iter_columns
from analysis.stats.frames import add_article_column
from analysis.stats.resampling import MIN_ARTICLES, article_interval
from analysis.stats.uncertainty import DEFAULT_SEED, bootstrap_intervals
from analysis.text.quotes import index_voice_ranges, voice_at
from analysis.tone.score import MEASURES
from analysis.tone.targets import TargetToneModel, describe_target, load_target_model

ACTOR_MEASURES = (*MEASURES, "target")
"""The measures of ``actor_tone.csv``: the sentence scores of the authorial part (``vader``,
``model``) and the target-tone model's score of the mention (``target``,
:mod:`analysis.tone.targets`)."""

KINDS = ("person", "country", "organisation")


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...]


def read_actor_table(path: Path) -> list[Actor]:
    """Actors from a tab-separated file (``actor``, ``kind``, ``aliases``; ``#`` comments).

    Raises InputProblem naming the file and line of every malformed row.
    """
    actors = []
    records, problems = read_tsv_records(path, ["actor", "kind", "aliases"])
    for number, line, fields in records:
        if len(fields) != 3 or not all(fields):
            problems.append(
                f"{path}, line {number}: expected actor, kind and aliases separated by tabs: "
                f"{line!r}"
            )
            continue
        name, kind, aliases = fields
        if kind not in KINDS:
            problems.append(
                f"{path}, line {number}: kind {kind!r} is not one of {', '.join(KINDS)}"
            )
            continue
        actors.append(Actor(name, kind, tuple(a.strip() for a in aliases.split("|") if a.strip())))
    if problems:
        raise InputProblem(problems)
    return actors


def load_actors(corpus: str | Path | None = None) -> list[Actor]:
    """The corpus's actor table (its ``actors.tsv``,
    :func:`analysis.resources.corpus_lists.resource_path`); none without one."""
    path = resource_path(corpus, "actors.tsv")
    return read_actor_table(path) if path is not None else []


def compile_actor_pattern(actors: list[Actor]) -> tuple[re.Pattern, dict[str, Actor]]:
    """One regular expression for every alias, and the actor of each alias.

    Raises InputProblem when one alias is given to two actors.
    """
    owner: dict[str, Actor] = {}
    clashes = []
    for actor in actors:
        for alias in actor.aliases:
            if alias in owner and owner[alias].name != actor.name:
                clashes.append(
                    f"alias {alias!r} is given to both {owner[alias].name!r} and {actor.name!r}"
                )
            owner[alias] = actor
    if clashes:
        raise InputProblem(clashes)
    if not owner:
        return re.compile(r"(?!)"), owner  # no actors: a pattern that matches nothing
    alternation = "|".join(re.escape(a) for a in sorted(owner, key=lambda a: (-len(a), a)))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"), owner


def find_actor_mentions(
    sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame, actors: list[Actor]
) -> pd.DataFrame:
    """Every mention of every actor in the clean texts.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    actors : the actor table (:func:`load_actors`).

    Returns
    -------
    A new DataFrame, one row per mention:

    - ``article_id``, ``sentence_id``: the sentence that holds it
    - ``actor``, ``kind``: the actor (its canonical name) and its kind (person, country,
      organisation)
    - ``start``, ``end``: the mention's offsets in the clean text
    - ``text``: the form found
    - ``voice``: the voice of its first character
    """
    pattern, owner = compile_actor_pattern(actors)
    rows = []
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    for article_id, group in sentences.groupby("article_id", sort=False):
        text = texts[article_id]
        ranges = index.get(article_id, ([], [], []))
        for sentence_id, start, end in iter_columns(group, "sentence_id", "start", "end"):
            for match in pattern.finditer(text, start, end):
                actor = owner[match.group()]
                where = voice_at(ranges, match.start())
                rows.append(
                    (
                        article_id,
                        sentence_id,
                        actor.name,
                        actor.kind,
                        match.start(),
                        match.end(),
                        match.group(),
                        where,
                    )
                )
    return pd.DataFrame(
        rows,
        columns=["article_id", "sentence_id", "actor", "kind", "start", "end", "text", "voice"],
    )


def summarise_actor_tone(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    seed: int = DEFAULT_SEED,
    target_model: TargetToneModel | None = None,
) -> pd.DataFrame:
    """Tone of the author's sentences that mention each actor, per article.

    A sentence counts for an actor when the actor is mentioned in its authorial
    part. It is scored three ways (:data:`ACTOR_MEASURES`): by the sentence scores of that part
    (``tone_vader_authorial``, ``tone_model_authorial``), and by the target-tone model reading
    the actor's first authorial mention in the sentence (``target``: P(positive) − P(negative),
    :mod:`analysis.tone.targets`). A sentence mentioning an actor twice counts once.
    :func:`pool_actor_tone` pools the articles of each outlet.

    Parameters
    ----------
    sentences : scored sentences (:func:`analysis.tone.score.score_sentences`) with ``start``
        and ``text``.
    mentions : :func:`find_actor_mentions`.
    articles : DataFrame with ``article_id`` and ``outlet``.
    target_model : the target-tone model; the committed one when None.

    Returns
    -------
    A new DataFrame, one row per article, actor and measure:

    - ``article_id``, ``outlet``: the article
    - ``actor``, ``kind``: the actor
    - ``measure``: ``vader``, ``model`` or ``target``
    - ``sentences``: the article's authorial sentences mentioning the actor, with a score
    - ``mean``: their mean tone
    - ``mean_low``, ``mean_high``: its 95% bootstrap interval over those sentences (seeded)
    """
    authorial = (
        mentions[mentions["voice"] == "authorial"]
        .drop_duplicates(["article_id", "sentence_id", "actor"])
        .rename(columns={c: f"{c}_mention" for c in ("start", "end", "text", "voice")})
    )
    keys = ["article_id", "outlet"]
    joined = authorial.merge(
        sentences,
        on=["article_id", "sentence_id"],
        how="inner",
        validate="many_to_one",
    )
    joined = add_article_column(joined, articles, "outlet")
    scores = {
        measure: joined[f"tone_{measure}_authorial"].to_numpy(dtype=float) for measure in MEASURES
    }
    scores["target"] = score_mentions(joined, target_model)
    groups = joined.groupby(keys + ["actor", "kind"], sort=True).indices
    rows, samples = [], []
    for key in sorted(groups):
        for measure in ACTOR_MEASURES:
            values = scores[measure][groups[key]]
            values = values[~np.isnan(values)]
            samples.append((values, None))
            rows.append(
                (*key, measure, len(values), float(values.mean()) if len(values) else float("nan"))
            )
    intervals = bootstrap_intervals(samples, seed=seed)
    return pd.DataFrame(
        [(*row, *interval) for row, interval in zip(rows, intervals)],
        columns=keys + ["actor", "kind", "measure", "sentences", "mean", "mean_low", "mean_high"],
    )


def score_mentions(joined: pd.DataFrame, model: TargetToneModel | None = None) -> np.ndarray:
    """The target-tone model's score of each mention of ``joined`` in its sentence (rows with the
    mention's ``start_mention``, ``end_mention`` and ``voice_mention``, and the sentence's
    ``start`` and ``text``)."""
    if not len(joined):
        return np.zeros(0)
    model = model or load_target_model()
    contexts = [
        describe_target(text, begin - start, finish - start, voice == "quoted")
        for text, start, begin, finish, voice in iter_columns(
            joined, "text", "start", "start_mention", "end_mention", "voice_mention"
        )
    ]
    return model.score(contexts)


POOLED_COLUMNS = [
    "outlet",
    "actor",
    "kind",
    "measure",
    "articles",
    "sentences",
    "mean",
    "mean_low",
    "mean_high",
    "interval_unit",
]
"""The columns of :func:`pool_actor_tone`."""


def pool_actor_tone(actor_tone: pd.DataFrame, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Tone toward each actor per outlet, pooled from the per-article table (``actor_tone.csv``,
    either engine's).

    The outlet's value is the mean over all its sentences that mention the actor (Σ article mean ×
    sentences / Σ sentences). Its 95% interval takes the article as the unit
    (:func:`analysis.stats.resampling.article_interval`, each article weighted by its sentences)
    when at least :data:`analysis.stats.resampling.MIN_ARTICLES` articles mention the actor; with
    one article it is that article's interval over its sentences. Articles whose sentences
    mentioning the actor have no score count for nothing.

    Returns
    -------
    A new DataFrame of :data:`POOLED_COLUMNS`, one row per outlet, actor and measure:

    - ``outlet``, ``actor``, ``kind``, ``measure``: the row
    - ``articles``: the outlet's articles with a scored sentence mentioning the actor
    - ``sentences``: those sentences
    - ``mean``: their mean tone (Σ article mean × sentences / Σ sentences)
    - ``mean_low``, ``mean_high``: its 95% interval
    - ``interval_unit``: what the interval resampled, "article" or "sentence"
    """
    data = actor_tone[actor_tone["sentences"] > 0]
    total = (data["mean"] * data["sentences"]).to_numpy(dtype=float)
    weight = data["sentences"].to_numpy(dtype=float)
    rows = []
    for key, positions in sorted(
        data.groupby(["outlet", "actor", "kind", "measure"], sort=True).indices.items()
    ):
        n_articles, sentences = len(positions), int(weight[positions].sum())
        mean = float(total[positions].sum() / weight[positions].sum())
        if n_articles >= MIN_ARTICLES:
            low, high = article_interval(total[positions], weight[positions], seed=seed)
            unit = "article"
        else:
            only = data.iloc[positions[0]]
            low, high, unit = float(only["mean_low"]), float(only["mean_high"]), "sentence"
        rows.append((*key, n_articles, sentences, mean, low, high, unit))
    return pd.DataFrame(rows, columns=POOLED_COLUMNS)
