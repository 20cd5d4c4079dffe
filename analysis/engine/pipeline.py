"""Run the analysis on a corpus and write its tables (``python -m analysis run``).

Data flow: the raw corpus is read and never changed; cleaning produces the clean
text of each article (``clean/<article_id>.txt``) and the audit of removed lines;
segmentation and quotation pairing produce the processed tables. Later measures
add their own tables to the same folder.

Every table, its rows and its columns are listed once, in
:data:`analysis.engine.tables.TABLE_REGISTRY` (``docs/outputs.md`` is written from it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.across.copying import find_shared_passages, summarise_shared
from analysis.across.coverage import find_coverage, find_omissions
from analysis.across.shingles import list_shingles
from analysis.across.variants import group_quote_variants, list_quotations
from analysis.engine.runs import (
    check_completed,
    describe_input,
    hold_folder,
    kit_version,
    write_folder,
)
from analysis.engine.tables import TABLES, read_table, write_table
from analysis.hedging.cues import (
    compare_hedging,
    count_sentence_cues,
    find_hedges,
    summarise_hedging,
)
from analysis.hedging.figures import find_hedged_figures
from analysis.loaded.distinctive import (
    collect_authorial_words,
    count_terms,
    find_distinctive_terms,
    needs_words,
    read_background,
)
from analysis.loaded.naming import add_naming_choices, tabulate_naming_choices
from analysis.loaded.terms import (
    LoadedLexicon,
    compare_loaded,
    count_sentence_loaded,
    find_loaded,
    load_corpus_lexicon,
    summarise_loaded,
)
from analysis.sources.actors import Actor, find_actor_mentions, load_actors, summarise_actor_tone
from analysis.sources.choice import find_cited_media, find_quotes_and_stances, summarise_sources
from analysis.sources.labels import (
    Role,
    count_actor_labels,
    find_actor_labels,
    flag_actor_labels,
    list_sitting_roles,
    load_label_tables,
)
from analysis.sources.lexicons import SourceLexicons, load_source_lexicons
from analysis.stats.rates import sum_rates_by_article
from analysis.text.clean import clean_corpus
from analysis.text.corpus import load_corpus
from analysis.text.quotes import count_sentence_voice_words, find_article_quotations, label_voice
from analysis.text.segment import segment_articles
from analysis.tone.score import compare_tone, score_sentences, sum_tone_by_article, summarise_tone


def prepare_articles(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The foundation every measure stands on: clean text, quotations, voice and sentences.

    Returns
    -------
    A dict of new DataFrames (each table's columns are listed in ``docs/outputs.md``):

    - ``articles``: the articles with ``clean_text`` and the cleaning's columns
      (:func:`analysis.text.clean.clean_corpus`)
    - ``removed``: the cleaning's audit, one row per removed line
    - ``paragraphs``: the paragraphs of each clean text
    - ``quote_spans``, ``voice``: quotations and voice ranges
      (:func:`analysis.text.quotes.find_article_quotations`)
    - ``sentences``: the sentences with their voice (:func:`analysis.text.quotes.label_voice`)
    """
    cleaned, paragraphs, removed = clean_corpus(articles)
    quote_spans, voice = find_article_quotations(cleaned)
    sentences = label_voice(segment_articles(cleaned, paragraphs), cleaned, quote_spans)
    return {
        "articles": cleaned,
        "removed": removed,
        "paragraphs": paragraphs,
        "quote_spans": quote_spans,
        "voice": voice,
        "sentences": sentences,
    }


@dataclass(frozen=True)
class Resources:
    """The word lists and tables every article is analysed with (the same for every chunk)."""

    actors: list[Actor]
    descriptors: dict[str, str]
    roles: list[Role]
    lexicons: SourceLexicons
    background: pd.Series | None = None
    loaded: LoadedLexicon | None = None
    """The general loaded-terms lexicon with the corpus's naming sets (the general one alone when
    None)."""


def load_resources(
    corpus: str | Path | None = None, background: str | Path | None = None
) -> Resources:
    """The kit's general resources, with the corpus's own (:mod:`analysis.resources.corpus_lists`)
    when it has them.

    ``background``: a CSV frequency list (``term``, ``count``) for the prior of
    the distinctive vocabulary (:func:`analysis.loaded.distinctive.read_background`).
    """
    actors = load_actors(corpus)
    descriptors, roles = load_label_tables(corpus)
    prior = read_background(background) if background is not None else None
    return Resources(
        actors,
        descriptors,
        roles,
        load_source_lexicons(actors, corpus),
        prior,
        load_corpus_lexicon(corpus),
    )


def analyse_local(articles: pd.DataFrame, resources: Resources) -> dict[str, pd.DataFrame]:
    """The tables that need one article at a time (:data:`LOCAL_TABLES` and :data:`WORK_TABLES`).

    Each article's rows depend on that article alone, so a corpus can be analysed
    chunk by chunk and the chunks' tables concatenated (:mod:`analysis.engine.stream`).

    Returns
    -------
    A dict of new DataFrames:

    - the output tables of :data:`analysis.engine.tables.LOCAL_TABLES` (``articles``,
      ``sentences``, ``hedges``, ``quotes``…; their columns are listed in ``docs/outputs.md``)
    - the work tables of :data:`analysis.engine.tables.WORK_TABLES` (per-sentence counts and words,
      per-article sums, label counts, shingles and quotations, per-outlet word and name counts)
    """
    base = prepare_articles(articles)
    cleaned, paragraphs, quote_spans, voice = (
        base["articles"],
        base["paragraphs"],
        base["quote_spans"],
        base["voice"],
    )
    sentences = score_sentences(base["sentences"], cleaned, voice)
    mentions = find_actor_mentions(sentences, cleaned, voice, resources.actors)
    hedges = find_hedges(sentences, cleaned, voice)
    voice_words = count_sentence_voice_words(sentences, cleaned, voice)
    cue_counts = count_sentence_cues(voice_words, hedges)
    loaded = find_loaded(sentences, cleaned, voice, resources.loaded)
    loaded_counts = count_sentence_loaded(voice_words, loaded)
    labels = find_actor_labels(
        sentences, cleaned, voice, mentions, resources.actors, resources.descriptors
    )
    quotes, stances = find_quotes_and_stances(
        cleaned, sentences, paragraphs, quote_spans, resources.lexicons
    )
    words = collect_authorial_words(sentences, cleaned, voice)
    cue_sums, loaded_sums = sum_rates_by_article(cue_counts), sum_rates_by_article(loaded_counts)
    return {
        "articles": cleaned,
        "removed": base["removed"],
        "paragraphs": paragraphs,
        "sentences": sentences,
        "quote_spans": quote_spans,
        "voice": voice,
        "actor_mentions": mentions,
        "actor_tone": summarise_actor_tone(sentences, mentions, cleaned),
        "hedges": hedges,
        "hedging_articles": summarise_hedging(cue_counts, cleaned, by="article_id", sums=cue_sums),
        "hedged_figures": find_hedged_figures(sentences, cleaned, hedges, voice),
        "loaded_terms": loaded,
        "loaded_articles": summarise_loaded(
            loaded_counts, cleaned, by="article_id", sums=loaded_sums
        ),
        "quotes": quotes,
        "stances": stances,
        "sources": summarise_sources(quotes, cleaned),
        "cited_media": find_cited_media(cleaned, voice, resources.lexicons),
        "cue_counts": cue_counts,
        "loaded_counts": loaded_counts,
        "words": words,
        "label_counts": count_actor_labels(labels),
        "tone_sums": sum_tone_by_article(sentences),
        "cue_sums": cue_sums,
        "loaded_sums": loaded_sums,
        "term_counts": count_terms(words, cleaned, by="outlet"),
        "naming_counts": tabulate_naming_choices(loaded, cleaned, by="outlet"),
        "shingles": list_shingles(cleaned),
        "quotations": list_quotations(quote_spans, cleaned, quotes),
    }


def analyse_corpus(
    local: dict[str, pd.DataFrame], resources: Resources, bucketed: bool = True
) -> dict[str, pd.DataFrame]:
    """The tables that compare outlets or articles (:data:`CORPUS_TABLES`), from the local tables.

    ``local``: :func:`analyse_local`'s tables for the whole corpus, articles in
    ``article_id`` order (``articles`` needs ``article_id``, ``outlet``,
    ``clean_text`` and, when the corpus has them, ``published`` and ``event``;
    without the bucketed tables, neither the clean texts nor the shingles,
    quotations, label counts, voice ranges and quotation spans are read); the
    parts' ``term_counts`` and ``naming_counts`` concatenated, the former added
    up (:func:`analysis.loaded.distinctive.add_term_counts`);
    ``words`` may be None when the corpus has too many sentences for the
    permutation check (:func:`analysis.loaded.distinctive.needs_words`). With
    ``bucketed`` False, :data:`BUCKETED_TABLES` are left out (the stream engine
    computes them a bucket at a time).

    Returns
    -------
    A dict of new DataFrames:

    - the output tables of :data:`analysis.engine.tables.CORPUS_TABLES` (``tone_outlets``,
      ``tone_tests``, … ``omissions``; their columns are listed in ``docs/outputs.md``), without
      :data:`analysis.engine.tables.BUCKETED_TABLES` when ``bucketed`` is False
    """
    cleaned, sentences = local["articles"], local["sentences"]
    cue_counts, loaded_counts = local["cue_counts"], local["loaded_counts"]
    tone_sums, cue_sums, loaded_sums = local["tone_sums"], local["cue_sums"], local["loaded_sums"]
    words = (
        local["words"] if local["words"] is not None and needs_words(len(local["words"])) else None
    )
    tables = {
        "tone_outlets": summarise_tone(sentences, cleaned, by="outlet", sums=tone_sums),
        "tone_tests": compare_tone(sentences, cleaned, by="outlet", sums=tone_sums),
        "hedging_outlets": summarise_hedging(cue_counts, cleaned, by="outlet", sums=cue_sums),
        "hedging_tests": compare_hedging(cue_counts, cleaned, by="outlet", sums=cue_sums),
        "loaded_outlets": summarise_loaded(loaded_counts, cleaned, by="outlet", sums=loaded_sums),
        "loaded_tests": compare_loaded(loaded_counts, cleaned, by="outlet", sums=loaded_sums),
        "naming_choices": add_naming_choices(local["naming_counts"], by="outlet"),
        "distinctive_terms": find_distinctive_terms(
            words,
            cleaned,
            by="outlet",
            background=resources.background,
            counts=local["term_counts"],
        ),
    }
    if bucketed:
        counts = local["label_counts"]
        tables["actor_labels"] = flag_actor_labels(
            counts, cleaned, resources.roles, list_sitting_roles(counts, resources.roles)
        )
        tables["quote_variants"] = group_quote_variants(
            local["quote_spans"], cleaned, local["quotes"], quotations=local["quotations"]
        )
        tables["shared_passages"] = find_shared_passages(
            cleaned, local["voice"], shingles=local["shingles"]
        )
        tables["shared_articles"] = summarise_shared(
            tables["shared_passages"], cleaned, local["voice"]
        )
        tables["coverage"] = find_coverage(sentences, cleaned)
        tables["omissions"] = find_omissions(tables["coverage"], cleaned)
    return tables


def analyse_articles(
    articles: pd.DataFrame, resources: Resources | None = None
) -> dict[str, pd.DataFrame]:
    """All tables for a loaded corpus (see the module docstring), keyed by table name.

    ``articles`` keeps ``raw_text`` and gains ``clean_text``; ``resources``
    defaults to the kit's general ones (:func:`load_resources` of no corpus:
    no actor table, no naming sets).

    Returns
    -------
    A dict of new DataFrames, one per output table of :data:`analysis.engine.tables.TABLE_REGISTRY`
    (each table's columns are listed in ``docs/outputs.md``):

    - the tables of :data:`analysis.engine.tables.LOCAL_TABLES` (``articles`` … ``cited_media``)
    - the tables of :data:`analysis.engine.tables.CORPUS_TABLES` (``tone_outlets`` … ``omissions``)
    """
    resources = resources if resources is not None else load_resources()
    local = analyse_local(articles, resources)
    tables = {**local, **analyse_corpus(local, resources)}
    return {name: tables[name] for name in TABLES}


def run_corpus(
    corpus: str | Path, out: str | Path, background: str | Path | None = None
) -> dict[str, pd.DataFrame]:
    """Load, analyse and write a corpus's tables into ``out``; return the tables.

    The run holds ``out`` while it works (:func:`analysis.engine.runs.hold_folder`: a
    second run on it is refused) and replaces it only once every table is
    written (:func:`write_outputs`). ``background``: a CSV frequency list
    (``term``, ``count``) for the prior of the distinctive vocabulary
    (:func:`analysis.loaded.distinctive.read_background`).

    Returns
    -------
    The tables written, as :func:`analyse_articles` gives them:

    - one DataFrame per output table of :data:`analysis.engine.tables.TABLE_REGISTRY`, by name
    """
    out = Path(out)
    with hold_folder(out):
        record = describe_input(corpus, "single")
        tables = analyse_articles(load_corpus(corpus), load_resources(corpus, background))
        write_outputs(tables, out, record)
    return tables


def write_outputs(tables: dict[str, pd.DataFrame], out: Path, record: dict | None = None) -> None:
    """Write the tables and clean texts into ``out``, replacing what it held in one step.

    Everything is written into a temporary folder beside ``out`` with ``run.json``
    (``record``, completed), which then takes ``out``'s place
    (:func:`analysis.engine.runs.write_folder`): interrupted, ``out`` is left as it was.
    """

    def write(folder: Path) -> None:
        clean_dir = folder / "clean"
        clean_dir.mkdir()
        articles = tables["articles"]
        for article_id, text in zip(articles["article_id"], articles["clean_text"]):
            (clean_dir / f"{article_id}.txt").write_text(
                text + "\n", encoding="utf-8", newline="\n"
            )
        write_table(
            articles.drop(columns=["raw_text", "clean_text"], errors="ignore"),
            folder / "articles.csv",
        )
        for name in TABLES[1:]:
            write_table(tables[name], folder / f"{name}.csv")

    write_folder(
        out,
        write,
        record if record is not None else {"engine": "single", "kit_version": kit_version()},
    )


def read_single_outputs(out: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables a single run wrote into ``out``; ``articles`` gets ``clean_text`` back.

    :func:`analysis.engine.outputs.load_outputs` reads either engine's run and calls this for a
    single one.

    Raises FileNotFoundError naming the command to run when the folder has no completed run (no
    ``run.json`` that says so: :func:`analysis.engine.runs.check_completed`), or a run of an older
    version of the kit that lacks some tables (naming them).

    Returns
    -------
    A dict of DataFrames, one per output table (each table's columns are listed in
    ``docs/outputs.md``):

    - ``articles``: with ``clean_text`` read back from the run's text files
    - every other table of :data:`analysis.engine.tables.TABLE_REGISTRY`, by name, as
      :func:`analysis.engine.tables.read_table` reads it
    """
    out = Path(out)
    check_completed(out)
    missing = [f"{name}.csv" for name in TABLES if not (out / f"{name}.csv").exists()]
    if missing:
        raise FileNotFoundError(
            f"{out} holds a run of an older version of the kit, without {', '.join(missing)}; run "
            f"'python -m analysis run CORPUS --out {out}' again ('make report' does this)"
        )
    tables = {name: read_table(out / f"{name}.csv") for name in TABLES}
    tables["articles"]["clean_text"] = [
        (out / "clean" / f"{a}.txt").read_text(encoding="utf-8").removesuffix("\n")
        for a in tables["articles"]["article_id"]
    ]
    return tables
