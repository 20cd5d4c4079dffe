"""Large corpora: a table corpus analysed chunk by chunk, in one process or on Dask.

``python -m analysis run BIG.parquet --out DIR --engine stream`` (or ``--engine
dask``) reads a CSV, JSONL or Parquet corpus ``chunk_size`` rows at a time
(:func:`analysis.text.corpus.iter_corpus_chunks`), analyses each chunk's articles
(:func:`analysis.engine.pipeline.analyse_local`) and writes the chunk's tables as one
Parquet file per table. When every chunk is done, the tables that compare
outlets or articles (:data:`analysis.engine.tables.CORPUS_TABLES`) are computed
from the chunks' work tables (:func:`reduce_chunks`).

Output folder:

===============================================  ==========================================
path                                             contents
===============================================  ==========================================
``<table>/chunk-000000.parquet``                 each table of
                                                 :data:`~analysis.engine.tables.LOCAL_TABLES`,
                                                 one file per chunk (``articles`` keeps
                                                 ``clean_text``, the text offsets refer to)
``<table>.parquet``                              each table of
                                                 :data:`~analysis.engine.tables.CORPUS_TABLES`
``_work/<table>/chunk-000000.parquet``           what the corpus tables are computed
                                                 from
                                                 (:data:`~analysis.engine.tables.WORK_TABLES`):
                                                 per-sentence counts and words; per-article sums,
                                                 label counts, shingles and quotations; per-outlet
                                                 word and name counts
``_work/done/chunk-000000.json``                 written last for each chunk: the chunk
                                                 is finished
``_work/<step>/bucket-00000/``                   the corpus step's rows by bucket or block
                                                 (:mod:`analysis.engine.reduce`; rewritten by
                                                 every corpus step)
``run.json``                                     the input file (size, modification
                                                 time, SHA-256), chunk size, kit
                                                 version, and ``completed`` once the
                                                 last corpus table is written
                                                 (:mod:`analysis.engine.runs`)
===============================================  ==========================================

An interrupted run resumes where it stopped: run the same command again and
finished chunks are skipped (a chunk is finished when its marker exists; its
files are written under temporary names and renamed first). A folder holding a
run of another input, chunk size or version of the kit, a single run or other
files is refused, and so is a second run while one holds the folder
(:func:`analysis.engine.runs.hold_folder`). Until ``run.json`` says ``completed``,
:func:`analysis.engine.outputs.read_stream_outputs` refuses the folder.

The tables are those of a single run (:func:`analysis.engine.pipeline.run_corpus`),
rows in ``article_id`` order once read with
:func:`analysis.engine.outputs.read_stream_outputs`.

Memory: the map step holds one chunk (per worker) and the ids seen so far. The
corpus step holds no text of the corpus at once: the outlet summaries and
tests come from per-article sums, with per-sentence rows (text left out) only
for outlets of at most :data:`analysis.stats.uncertainty.RESAMPLE_LIMIT` sentences;
the distinctive vocabulary from word counts added up :data:`ADD_AT_ONCE`
chunks at a time; shared passages, quotation variants and coverage from one
bucket or block at a time (:mod:`analysis.engine.reduce`). What it still holds whole
grows with the corpus, without text: the articles' metadata, per-article sums,
the loaded terms and actor labels, and the ids and links of the bucketed steps
(see the plan for 100 million articles in docs/engines.md).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from analysis.engine.chunks import (
    WORK,
    count_part_rows,
    list_parts,
    marker_path,
    part_columns,
    part_path,
    read_parts,
)
from analysis.engine.pipeline import Resources, analyse_corpus, analyse_local, load_resources
from analysis.engine.reduce import reduce_coverage, reduce_labels, reduce_shared
from analysis.engine.reduce_quotes import reduce_variants
from analysis.engine.runs import (
    describe_input,
    hold_folder,
    kit_version,
    read_record,
    write_atomic,
    write_record,
)
from analysis.engine.shuffle import write_parquet
from analysis.engine.tables import CORPUS_TABLES, LOCAL_TABLES, WORK_TABLES
from analysis.errors import InputProblem
from analysis.loaded.distinctive import add_term_counts, needs_words
from analysis.stats.uncertainty import list_resampled_groups
from analysis.text.corpus import count_table_rows, iter_corpus_chunks

DEFAULT_CHUNK_SIZE = 500
"""Articles per chunk (some 25,000 sentences of news articles of average length)."""

ADD_AT_ONCE = 32
"""Chunks' word counts added up at a time (the running total and this many chunks are held)."""


CHUNK_FORMAT = 4
"""The version of the chunk tables' columns, raised when a table gains or loses one (2: the
shingles' ``position`` and ``repeats``; 3: the quotes' ``speaker_rule``; 4: the ``stances``
table)."""


def describe_run(corpus: Path, chunk_size: int) -> dict:
    """What identifies a run: the input file, its size and modification time, the chunk size, the
    tables each chunk writes and their format, and the kit's version.

    Chunks written by another version of the kit, or by one that wrote other
    tables or other columns (:data:`CHUNK_FORMAT`), cannot be finished by this one.
    """
    stat = corpus.stat()
    return {
        "input": str(corpus.resolve()),
        "bytes": stat.st_size,
        "modified_ns": stat.st_mtime_ns,
        "chunk_size": chunk_size,
        "chunk_tables": ",".join(LOCAL_TABLES + WORK_TABLES),
        "chunk_format": CHUNK_FORMAT,
        "kit_version": kit_version(),
    }


def claim_folder(out: Path, run: dict, engine: str = "stream") -> None:
    """Record ``run`` in the folder's ``run.json`` with ``completed`` false (and the input's
    SHA-256 the first time), or raise when the folder holds something else: a different run, a
    single run or other files.

    :func:`reduce_chunks` sets ``completed`` when the last corpus table is written.
    """
    before = read_record(out)
    if before is None and out.is_dir() and any(out.iterdir()):
        raise InputProblem(
            [
                f"{out}: holds files that are not a stream run of the kit; choose a new or empty "
                "--out folder"
            ]
        )
    if before is not None and "chunk_size" not in before:
        raise InputProblem(
            [
                f"{out}: holds a single run; choose a new --out folder for a stream run, or "
                "delete this one"
            ]
        )
    if before is not None:
        changed = ", ".join(
            f"{k} {before.get(k)!r} -> {run[k]!r}" for k in run if before.get(k) != run[k]
        )
        if changed:
            raise InputProblem(
                [
                    f"{out}: holds a run of another input, chunk size or version of the kit "
                    f"({changed}); choose a new --out folder or delete this one"
                ]
            )
    record = (
        {**before, "completed": False}
        if before
        else {**describe_input(run["input"], engine), **run}
    )
    write_record(out, record)


def finish_run(out: Path) -> bool:
    """Set ``completed`` in the folder's ``run.json`` when every chunk is finished and every corpus
    table written; return whether it is."""
    record = read_record(out)
    done = record is not None and all((out / f"{name}.parquet").exists() for name in CORPUS_TABLES)
    if done:
        write_record(out, {**record, "completed": True})
    return done


def write_chunk(tables: dict[str, pd.DataFrame], out: Path, number: int) -> int:
    """Write one chunk's local and work tables, then its marker; return its articles.

    ``articles`` is written without ``raw_text`` (the input keeps it).
    """
    for name in LOCAL_TABLES + WORK_TABLES:
        frame = tables[name].drop(columns=["raw_text"]) if name == "articles" else tables[name]
        write_parquet(frame, part_path(out, name, number))
    articles = len(tables["articles"])
    write_atomic(
        marker_path(out, number), json.dumps({"chunk": number, "articles": articles}) + "\n"
    )
    return articles


def analyse_chunk(articles: pd.DataFrame, resources: Resources, out: Path, number: int) -> int:
    """Analyse one chunk of articles and write its tables (what each Dask task runs)."""
    return write_chunk(analyse_local(articles, resources), Path(out), number)


def iter_chunks(
    corpus: Path, out: Path, chunk_size: int, progress=None
) -> Iterator[tuple[int, pd.DataFrame]]:
    """The chunks of ``corpus`` not yet finished in ``out``, numbered from 0.

    Every chunk is read (the ids of finished ones are checked against the rest):
    an article id seen in an earlier chunk raises an InputProblem naming both rows,
    and so does a table without rows.
    ``progress``: a tqdm bar advanced by the finished chunks' articles.

    Yields
    ------
    ``(number, chunk)`` per chunk not yet finished: its number from 0 and a DataFrame with the
    columns of :func:`analysis.text.corpus.load_corpus_table`:

    - ``article_id``, ``source``, ``outlet``, ``raw_text`` and the corpus's optional columns, as
      :func:`analysis.text.corpus.load_corpus_table` gives them
    """
    seen: dict[str, str] = {}
    number = -1
    for number, chunk in enumerate(iter_corpus_chunks(corpus, chunk_size)):
        problems = [
            f"{source}: duplicate article id '{article_id}' (also {seen[article_id]})"
            for article_id, source in zip(chunk["article_id"], chunk["source"])
            if article_id in seen
        ]
        if problems:
            raise InputProblem(problems)
        seen.update(zip(chunk["article_id"], chunk["source"]))
        if marker_path(out, number).exists():
            if progress is not None:
                progress.update(len(chunk))
            continue
        yield number, chunk
    if number < 0:
        raise InputProblem([f"{corpus}: no articles (the table has no rows)"])


def add_up_term_counts(out: Path) -> pd.DataFrame:
    """The chunks' word counts per group added up, :data:`ADD_AT_ONCE` chunks at a time.

    Returns
    -------
    A new DataFrame with the columns of :func:`analysis.loaded.distinctive.count_terms`, sorted by
    group and term:

    - ``outlet``: the group
    - ``term``: the word
    - ``count``: its authorial occurrences in the group, over every chunk
    """
    paths = list_parts(out, "term_counts")
    total = add_term_counts([pd.read_parquet(p) for p in paths[:1]])
    for start in range(1, len(paths), ADD_AT_ONCE):
        total = add_term_counts(
            [total, *(pd.read_parquet(p) for p in paths[start : start + ADD_AT_ONCE])]
        )
    return total


CORPUS_STAGES = (
    "reduce_outlets",
    "reduce_labels",
    "reduce_shared",
    "reduce_variants",
    "reduce_coverage",
)
"""The corpus step's stages, in the order :func:`reduce_chunks` runs them; each reads the chunks
and writes its own tables."""


def reduce_chunks(out: Path, resources: Resources, stages: Sequence[str] = CORPUS_STAGES) -> None:
    """Compute and write the corpus tables from the finished chunks.

    ``stages``: which of :data:`CORPUS_STAGES` to run (all by default), run in
    that order. Each reads only the chunks and writes only its own tables, so
    the stages may run in separate calls (``benchmarks/large_run.py`` runs a
    large corpus's stages in separate sittings) and give the same tables.

    :func:`reduce_outlets` gives the outlet tables, tests, distinctive vocabulary and naming
    choices; :func:`analysis.engine.reduce.reduce_labels` the actor labels; shared passages,
    quotation variants and coverage are computed a bucket at a time
    (:func:`analysis.engine.reduce.reduce_shared`,
    :func:`analysis.engine.reduce_quotes.reduce_variants`,
    :func:`analysis.engine.reduce.reduce_coverage`).
    """
    unknown = [name for name in stages if name not in CORPUS_STAGES]
    if unknown:
        raise ValueError(f"unknown corpus stages {unknown}; the stages are {list(CORPUS_STAGES)}")
    record = read_record(out)
    if record is not None and record.get("completed"):
        write_record(out, {**record, "completed": False})  # its tables are about to be rewritten
    if "reduce_outlets" in stages:
        reduce_outlets(out, resources)
    if "reduce_labels" in stages:
        reduce_labels(out, resources.roles)
    if "reduce_shared" in stages:
        reduce_shared(out)
    if "reduce_variants" in stages:
        reduce_variants(out)
    if "reduce_coverage" in stages:
        reduce_coverage(out)
    finish_run(out)


def reduce_outlets(out: Path, resources: Resources) -> None:
    """Write the corpus tables computed from per-article sums and counts
    (:func:`analysis.engine.pipeline.analyse_corpus`).

    Per-sentence rows are read only for the outlets whose rows are resampled
    (:func:`analysis.stats.uncertainty.list_resampled_groups`; the others' figures come
    from per-article sums) and without the sentences' text; the word counts are
    added up chunk by chunk; the sentences' words are read only when the corpus
    is small enough for the permutation check of the distinctive vocabulary
    (:func:`analysis.loaded.distinctive.needs_words`).
    """
    articles = read_parts(
        out, "articles", [c for c in part_columns(out, "articles") if c != "clean_text"]
    )
    local = {name: read_parts(out, name) for name in ("tone_sums", "cue_sums", "loaded_sums")}
    local["naming_counts"] = pd.concat(
        [pd.read_parquet(p) for p in list_parts(out, "naming_counts")], ignore_index=True
    )
    local["articles"] = articles
    for table, sums in (
        ("sentences", "tone_sums"),
        ("cue_counts", "cue_sums"),
        ("loaded_counts", "loaded_sums"),
    ):
        resampled = set(list_resampled_groups(local[sums], articles, "outlet"))
        columns = (
            [
                "article_id",
                *dict.fromkeys(
                    c.rsplit(".", 1)[0] for c in local[sums].columns if c.endswith(".units")
                ),
            ]
            if table == "sentences"
            else None
        )
        local[table] = read_parts(
            out,
            table,
            columns,
            articles=articles.loc[articles["outlet"].isin(resampled), "article_id"],
        )
    local["term_counts"] = add_up_term_counts(out)
    local["words"] = (
        read_parts(out, "words") if needs_words(count_part_rows(out, "words")) else None
    )
    tables = analyse_corpus(local, resources, bucketed=False)
    del local
    for name, table in tables.items():
        write_parquet(table, out / f"{name}.parquet")


def map_chunks(
    corpus: Path, out: Path, chunk_size: int, resources: Resources, progress: bool = True
) -> None:
    """Analyse and write every unfinished chunk of ``corpus`` in this process."""
    claim_folder(out, describe_run(_table_file(corpus), chunk_size))
    with _progress_bar(corpus, progress) as bar:
        for number, chunk in iter_chunks(corpus, out, chunk_size, bar):
            bar.update(analyse_chunk(chunk, resources, out, number))


def map_chunks_on_dask(
    corpus: Path,
    out: Path,
    chunk_size: int,
    resources: Resources,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> None:
    """Analyse and write every unfinished chunk of ``corpus`` on Dask, one task per chunk.

    With no ``scheduler`` address, a local cluster of ``workers`` processes (one
    thread each; default: the machine's cores) is started and closed. Workers
    write their chunks into ``out`` themselves: on a cluster of several machines,
    ``out`` must be a folder every worker reaches at the same path. At most two
    chunks per worker are in flight, so the reading process holds few chunks.
    """
    from distributed import Client, LocalCluster, wait

    claim_folder(out, describe_run(_table_file(corpus), chunk_size), engine="dask")
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
    try:
        with Client(scheduler or cluster) as client:
            shared = client.scatter(resources, broadcast=True)
            limit = 2 * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
            pending = set()
            with _progress_bar(corpus, progress) as bar:
                for number, chunk in iter_chunks(corpus, out, chunk_size, bar):
                    pending.add(
                        client.submit(analyse_chunk, chunk, shared, str(out), number, pure=False)
                    )
                    while len(pending) >= limit:
                        finished, pending = wait(pending, return_when="FIRST_COMPLETED")
                        bar.update(sum(f.result() for f in finished))
                finished, _ = wait(pending)
                bar.update(sum(f.result() for f in finished))
    finally:
        if cluster is not None:
            cluster.close()


def run_stream(
    corpus: str | Path,
    out: str | Path,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resources: Resources | None = None,
    progress: bool = True,
) -> int:
    """Analyse a table corpus chunk by chunk in this process; return its number of articles."""
    corpus, out = Path(corpus), Path(out)
    resources = resources if resources is not None else load_resources(corpus)
    with hold_folder(out):
        map_chunks(corpus, out, chunk_size, resources, progress)
        reduce_chunks(out, resources)
    return count_articles(out)


def run_dask(
    corpus: str | Path,
    out: str | Path,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resources: Resources | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> int:
    """Analyse a table corpus on Dask (:func:`map_chunks_on_dask`); return its number of articles.

    The corpus tables are computed in this process from the chunks' tables.
    """
    corpus, out = Path(corpus), Path(out)
    resources = resources if resources is not None else load_resources(corpus)
    with hold_folder(out):
        map_chunks_on_dask(corpus, out, chunk_size, resources, scheduler, workers, progress)
        reduce_chunks(out, resources)
    return count_articles(out)


def count_articles(out: Path) -> int:
    """Articles in the finished chunks of ``out``."""
    return sum(
        json.loads(p.read_text(encoding="utf-8"))["articles"]
        for p in (out / WORK / "done").glob("chunk-*.json")
    )


def _table_file(corpus: Path) -> Path:
    if not corpus.is_file():
        raise InputProblem(
            [
                f"{corpus}: the stream and dask engines read one table file (.csv, .jsonl, "
                ".parquet); run a folder with --engine single"
            ]
        )
    return corpus


def _progress_bar(corpus: Path, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=count_table_rows(corpus),
        unit="article",
        desc="articles",
        disable=not enabled,
        file=sys.stderr,
    )
