"""The stream engine's corpus step, a bucket at a time: tables that group rows across chunks.

Rows are sent to buckets by a key (:mod:`analysis.engine.shuffle`), each bucket is
processed alone, and the buckets' sorted results are merged into the table a
single run gives.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.across import coverage
from analysis.across.copying import PASSAGE_COLUMNS, SUMMARY_COLUMNS, align_pairs, summarise_shared
from analysis.across.coverage import (
    COVERAGE_COLUMNS,
    EVENT,
    OMISSION_COLUMNS,
    cover_event,
    list_omissions,
    read_events,
    select_claim_units,
    sort_omissions,
    split_events,
    warn_large_event,
)
from analysis.across.shingles import keep_passage_pairs, list_shared_shingles
from analysis.engine.chunks import WORK, count_part_rows, list_parts, part_columns, part_path
from analysis.engine.shuffle import (
    RowWriter,
    SortedRuns,
    merge_sorted,
    number_buckets,
    read_bucket,
    write_buckets,
    write_parquet,
)
from analysis.sources.labels import (
    LABEL_COLUMNS,
    Role,
    add_sitting_roles,
    flag_actor_labels,
    list_sitting_roles,
)
from analysis.text.quotes import index_voice_ranges

BUCKET_UNITS = 200_000
"""Sentences that can be claims per bucket of events, on average, when coverage is computed
(:func:`reduce_coverage`)."""

SHUFFLED, COVERED, OMITTED = "coverage_units", "coverage_claims", "coverage_omissions"
"""Work folders of :func:`reduce_coverage`: the units by bucket of events, each bucket's claims,
the omissions' sorted runs."""

OMISSION_RUN = 1_000_000
"""Omission rows sorted in memory at a time (:class:`analysis.engine.shuffle.SortedRuns`) before
the runs are merged."""

BUCKET_SHINGLES = 5_000_000
"""Shingle rows per bucket, on average, when shared passages are found (:func:`reduce_shared`; 16
bytes a row in memory, and some 40 more while its pairs are listed)."""

SHINGLE_PAIRS = 2_000_000
"""Pairs of articles listed at a time from a bucket of shingles
(:func:`analysis.across.shingles.list_shared_shingles`; some 130 bytes a pair while listed and
written, 4M pairs 520 MB)."""

BLOCK_ARTICLES = 1_000
"""Articles per block (consecutive in the articles' order) whose shared passages are aligned at a
time."""

ALIGN_ARTICLES = 4_000
"""Articles whose texts (with their words' offsets and shared shingles' places, some 70 KB an
article) are held at once while a block's pairs are aligned (:func:`align_block`); two blocks'
worth at least."""

SHINGLE_BUCKETS, PAIRS, TEXTS, VOICES, SPANS = (
    "shared_shingles",
    "shared_pairs",
    "shared_texts",
    "shared_voices",
    "shared_spans",
)
"""Work folders of :func:`reduce_shared`: shingles by bucket of hashes; pairs, texts, voice ranges
and passages' spans by block of articles."""

FLAGGED = "labels_flagged"
"""Work folder of :func:`reduce_labels`: each chunk's flagged labels."""


def reduce_coverage(out: Path, max_sentences: int | None = None) -> None:
    """Write ``coverage.parquet`` and ``omissions.parquet`` holding one bucket of events at a time.

    The tables are :func:`analysis.across.coverage.find_coverage`'s and
    :func:`analysis.across.coverage.find_omissions`'s on the whole corpus:

    1. every chunk's sentences that can be claims are written to the bucket of
       their event (:data:`BUCKET_UNITS` sentences a bucket on average);
    2. each bucket is read alone, its events grouped into claims
       (:func:`analysis.across.coverage.cover_event`; an event too large is left out
       with a warning, before its rows are read), and its rows written sorted by
       their claim's first sentence;
    3. the buckets are merged in that order, claims numbered as they come, and
       each claim's omissions listed from its event's outlets, then sorted by
       outlet a run at a time (:data:`OMISSION_RUN` rows) and merged.
    """
    max_sentences = coverage.MAX_SENTENCES if max_sentences is None else max_sentences
    for name in (SHUFFLED, COVERED, OMITTED):
        shutil.rmtree(out / WORK / name, ignore_errors=True)
    buckets = max(1, -(-count_part_rows(out, "sentences") // BUCKET_UNITS))
    outlets_of_event, first_article_of_outlet = shuffle_claim_units(out, buckets)
    outlet_order = sorted(first_article_of_outlet, key=lambda o: (first_article_of_outlet[o], o))
    outlet_rank = {o: k for k, o in enumerate(outlet_order)}
    claimed = [cover_bucket(out, number, outlet_rank, max_sentences) for number in range(buckets)]
    columns = ["first_article", "first_sentence", *COVERAGE_COLUMNS[1:], "event"]
    writer = RowWriter(out / "coverage.parquet", COVERAGE_COLUMNS)
    omissions = SortedRuns(
        out / WORK / OMITTED, ["rank", *OMISSION_COLUMNS], 3, OMISSION_RUN
    )  # by outlet, then claim
    claim, key, rows = -1, None, []
    for row in merge_sorted([p for p in claimed if p is not None], columns, key_width=4):
        if row[:2] != key:
            omissions.add(_omissions_of(claim, rows, outlets_of_event, outlet_rank))
            claim, key, rows = claim + 1, row[:2], []
        rows.append(row)
        writer.add((claim, *row[2:-1]))
    omissions.add(_omissions_of(claim, rows, outlets_of_event, outlet_rank))
    writer.close()
    omitted = RowWriter(out / "omissions.parquet", OMISSION_COLUMNS)
    for row in omissions.merge():
        omitted.add(row[1:])
    omitted.close(empty=sort_omissions([], outlet_order))


def _omissions_of(
    claim: int,
    rows: list[tuple],
    outlets_of_event: dict[str, set[str]],
    outlet_rank: dict[str, int],
) -> list[tuple]:
    """The omission rows of one claim, each led by its outlet's rank."""
    if not rows:
        return []
    outlets = sorted(outlets_of_event[rows[0][-1]], key=outlet_rank.__getitem__)
    return [
        (outlet_rank[row[0]], *row)
        for row in list_omissions(claim, {row[3] for row in rows}, outlets, rows[0][7])
    ]


def shuffle_claim_units(out: Path, buckets: int) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Write every chunk's sentences that can be claims to the bucket of their event; return each
    event's outlets and each outlet's first article."""
    outlets_of_event: dict[str, set[str]] = {}
    first_article: dict[str, str] = {}
    columns = ["article_id", "outlet"] + (
        [EVENT] if EVENT in part_columns(out, "articles") else []
    )
    for path in list_parts(out, "sentences"):
        articles = pd.read_parquet(
            part_path(out, "articles", int(path.stem.removeprefix("chunk-"))), columns=columns
        )
        sentences = pd.read_parquet(
            path, columns=["article_id", "sentence_id", "start", "end", "text"]
        )
        units = select_claim_units(sentences, articles)
        write_buckets(
            units, number_buckets(units["event"], buckets), out / WORK / SHUFFLED, path.stem
        )
        for event, outlet, article_id in zip(
            read_events(articles).values(), articles["outlet"], articles["article_id"]
        ):
            outlets_of_event.setdefault(event, set()).add(outlet)
            if outlet not in first_article or article_id < first_article[outlet]:
                first_article[outlet] = article_id
    return outlets_of_event, first_article


def cover_bucket(
    out: Path, number: int, outlet_rank: dict[str, int], max_sentences: int
) -> Path | None:
    """Group the events of bucket ``number`` into claims; write its rows sorted by their claim's
    first sentence (None when empty)."""
    folder = out / WORK / SHUFFLED
    events = read_bucket(folder, number, columns=["event"])
    if events is None:
        return None
    sizes = events["event"].value_counts()
    large = sorted(sizes.index[sizes > max_sentences])
    for event in large:
        warn_large_event(event, int(sizes[event]), max_sentences)
    units = read_bucket(folder, number, filters=[("event", "not in", large)] if large else None)
    if units is None:
        return None
    units = units.sort_values(["article_id", "sentence_id"], kind="stable", ignore_index=True)
    covered = pd.concat(
        [cover_event(part, outlet_rank) for part in split_events(units, max_sentences)]
    ).sort_index(kind="stable")
    first = covered.groupby(["event", "local_claim"], sort=False)[
        ["article_id", "sentence_id"]
    ].transform("first")
    covered = covered.assign(
        first_article=first["article_id"], first_sentence=first["sentence_id"]
    )
    covered = covered.sort_values(
        ["first_article", "first_sentence", "article_id", "sentence_id"], kind="stable"
    )
    path = out / WORK / COVERED / f"{number:05d}.parquet"
    write_parquet(
        covered[["first_article", "first_sentence", *COVERAGE_COLUMNS[1:], "event"]], path
    )
    return path


def reduce_shared(out: Path) -> None:
    """Write ``shared_passages.parquet`` and ``shared_articles.parquet`` holding one bucket or
    block at a time.

    The tables are :func:`analysis.across.copying.find_shared_passages`'s and
    :func:`analysis.across.copying.summarise_shared`'s on the whole corpus:

    1. each article gets its rank in the articles' order; every chunk's
       shingles (listed by the map step) are written to the bucket of their hash,
       its texts and voice ranges to the block of their article
       (:data:`BLOCK_ARTICLES` consecutive ranks);
    2. each bucket of shingles gives the pairs of articles that share them
       (:func:`analysis.across.shingles.list_shared_shingles`, :data:`SHINGLE_PAIRS` at a time),
       with the shingles' places in the first article, written to the block of the pair's first
       article;
    3. block by block, in order, the pairs whose shingles' places can make a
       passage (:func:`analysis.across.shingles.keep_passage_pairs`, on all of a pair's
       shingles, from every bucket) are aligned on the texts of their two
       articles (:func:`analysis.across.copying.align_pairs`), with a bounded number of
       texts at a time (:func:`align_block`), and the passages written;
       each passage's spans go to the blocks of both its articles;
    4. block by block, each article's share of shared words
       (:func:`analysis.across.copying.summarise_shared`).

    Memory: the article ids (for the ranks), one bucket of shingles, and one
    block's pairs and passages with at most :data:`ALIGN_ARTICLES` articles'
    texts (:func:`align_block`).
    """
    work = out / WORK
    for name in (SHINGLE_BUCKETS, PAIRS, TEXTS, VOICES, SPANS):
        shutil.rmtree(work / name, ignore_errors=True)
    ids = rank_articles(out)
    blocks = max(1, -(-len(ids) // BLOCK_ARTICLES))
    buckets = max(1, -(-count_part_rows(out, "shingles") // BUCKET_SHINGLES))
    for path in list_parts(out, "articles"):
        number = int(path.stem.removeprefix("chunk-"))
        shingles = pd.read_parquet(part_path(out, "shingles", number))
        shingles = pd.DataFrame(
            {
                "rank": ids.get_indexer(shingles["article_id"]),
                **{c: shingles[c].to_numpy() for c in ("shingle", "position", "repeats")},
            }
        )
        write_buckets(
            shingles, shingles["shingle"].to_numpy() % buckets, work / SHINGLE_BUCKETS, path.stem
        )
        articles = pd.read_parquet(path, columns=["article_id", "outlet", "clean_text"])
        articles.insert(0, "rank", ids.get_indexer(articles["article_id"]))
        write_buckets(articles, articles["rank"] // BLOCK_ARTICLES, work / TEXTS, path.stem)
        voice = pd.read_parquet(part_path(out, "voice", number))
        write_buckets(
            voice, ids.get_indexer(voice["article_id"]) // BLOCK_ARTICLES, work / VOICES, path.stem
        )
    for number in range(buckets):
        _write_pairs(work, number)
    passages = RowWriter(out / "shared_passages.parquet", PASSAGE_COLUMNS)
    for block in range(blocks):
        _write_passages(work, block, ids, passages)
    passages.close()
    summaries = RowWriter(out / "shared_articles.parquet", SUMMARY_COLUMNS)
    for block in range(blocks):
        articles = read_bucket(work / TEXTS, block).sort_values(
            "rank", kind="stable", ignore_index=True
        )
        voice = read_bucket(work / VOICES, block)
        spans = read_bucket(work / SPANS, block)
        summary = summarise_shared(
            spans if spans is not None else pd.DataFrame(columns=PASSAGE_COLUMNS),
            articles,
            voice
            if voice is not None
            else pd.DataFrame(columns=["article_id", "start", "end", "voice"]),
        )
        for row in summary.itertuples(index=False, name=None):
            summaries.add(row)
    summaries.close()


def _write_pairs(work: Path, number: int) -> None:
    """The pairs of articles that share the shingles of bucket ``number``, to the blocks of their
    first articles (a function, so that the bucket and its pairs are freed before the next)."""
    shingles = read_bucket(work / SHINGLE_BUCKETS, number)
    for part, pairs in enumerate(
        list_shared_shingles(shingles, SHINGLE_PAIRS) if shingles is not None else []
    ):
        write_buckets(
            pairs,
            pairs["first"].to_numpy() // BLOCK_ARTICLES,
            work / PAIRS,
            f"{number:05d}-{part:05d}",
        )


def _write_passages(work: Path, block: int, ids: pd.Index, passages: RowWriter) -> None:
    """Block ``block``'s passages added to ``passages`` and their spans written (a function, so
    that one block's rows are freed before the next block is aligned)."""
    pairs = read_bucket(work / PAIRS, block)
    if pairs is None:
        return
    pairs = keep_passage_pairs(
        pairs.sort_values(["first", "second", "shingle"], kind="stable", ignore_index=True)
    )  # the reads are freed
    rows = align_block(pairs, work)
    for row in rows:
        passages.add(row)
    _write_spans(rows, ids, work / SPANS, block)


def align_block(pairs: pd.DataFrame, work: Path) -> list[tuple]:
    """:func:`analysis.across.copying.align_pairs` on one block's pairs, with at most
    :data:`ALIGN_ARTICLES` articles' texts at a time.

    The pairs are taken by the block of their second article, in order; blocks
    are added to one alignment while their articles and those already in it
    number at most :data:`ALIGN_ARTICLES`. However many blocks a block's pairs
    reach, the texts held are bounded; the rows are in the order of the pairs
    sorted by ``first`` and ``second``, as when aligned all at once. Pairs
    already sorted so are aligned fastest (an article is placed once for
    each run of its pairs).
    """
    rows, firsts, seconds = [], [], []
    for group, articles in _group_partners(pairs):
        texts, voices = _read_texts(work, articles.tolist())
        rank = {article_id: k for k, (article_id, _) in texts.items()}
        aligned = align_pairs(group, texts, voices)
        rows.extend(aligned)
        firsts.extend(rank[row[0]] for row in aligned)
        seconds.extend(rank[row[1]] for row in aligned)
    order = np.lexsort((seconds, firsts))  # stable: a pair's passages keep their order
    return [rows[k] for k in order.tolist()]


def _group_partners(pairs: pd.DataFrame) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    """Sorted pairs in groups of whole blocks of second articles (in the pairs' order), each with
    its articles' ranks (sorted), at most :data:`ALIGN_ARTICLES` or those of one block of second
    articles (the pairs themselves, not a copy, when one group holds all)."""
    firsts, seconds = pairs["first"].to_numpy(), pairs["second"].to_numpy()
    partners = seconds // BLOCK_ARTICLES
    blocks = np.unique(partners)
    taken, held = [], np.empty(0, dtype=firsts.dtype)
    for block in blocks.tolist():
        where = partners == block
        articles = np.union1d(firsts[where], seconds[where])
        if taken and len(np.union1d(held, articles)) > ALIGN_ARTICLES:
            yield pairs[np.isin(partners, taken)], held
            taken, held = [], np.empty(0, dtype=firsts.dtype)
        taken.append(block)
        held = np.union1d(held, articles)
    if len(taken) == len(blocks):
        yield pairs, held
    elif taken:
        yield pairs[np.isin(partners, taken)], held


def _read_texts(work: Path, ranks: list[int]) -> tuple[dict[int, tuple[str, str]], dict]:
    """The ids and clean texts of the articles of these ranks, and their voice ranges, from their
    blocks."""
    texts: dict[int, tuple[str, str]] = {}
    voices = []
    for block in sorted({rank // BLOCK_ARTICLES for rank in ranks}):
        wanted = [rank for rank in ranks if rank // BLOCK_ARTICLES == block]
        articles = read_bucket(
            work / TEXTS,
            block,
            columns=["rank", "article_id", "clean_text"],
            filters=[("rank", "in", wanted)],
        )
        texts.update(
            (int(rank), (article_id, text))
            for rank, article_id, text in zip(
                articles["rank"], articles["article_id"], articles["clean_text"]
            )
        )
        voice = read_bucket(
            work / VOICES, block, filters=[("article_id", "in", list(articles["article_id"]))]
        )
        if voice is not None:
            voices.append(voice)
    return texts, index_voice_ranges(pd.concat(voices)) if voices else {}


def _write_spans(rows: list[tuple], ids: pd.Index, folder: Path, block: int) -> None:
    """Each passage's offsets in both its articles, to the blocks of both (once when they share a
    block)."""
    if not rows:
        return
    spans = pd.DataFrame(
        [row[:2] + row[3:7] for row in rows],
        columns=["article_id", "other_id", "start", "end", "other_start", "other_end"],
    )
    firsts = ids.get_indexer(spans["article_id"]) // BLOCK_ARTICLES
    seconds = ids.get_indexer(spans["other_id"]) // BLOCK_ARTICLES
    write_buckets(spans, firsts, folder, f"{block:05d}-first")
    apart = seconds != firsts
    write_buckets(spans[apart], seconds[apart], folder, f"{block:05d}-second")


def rank_articles(out: Path) -> pd.Index:
    """Every article id of the run, sorted: an article's rank is its place in the articles'
    order."""
    return pd.Index(
        sorted(
            chain.from_iterable(
                pd.read_parquet(p, columns=["article_id"])["article_id"]
                for p in list_parts(out, "articles")
            )
        )
    )


def reduce_labels(out: Path, roles: list[Role]) -> None:
    """Write ``actor_labels.parquet`` a chunk at a time: the corpus's sitting roles are listed
    first, then each chunk's labels flagged.

    The table is :func:`analysis.sources.labels.summarise_actor_labels`'s on the whole
    corpus. Memory: one chunk's labels, and per actor and role a count and
    :data:`analysis.sources.labels.LISTED_ARTICLES` ids.
    """
    work = out / WORK
    shutil.rmtree(work / FLAGGED, ignore_errors=True)
    paths = list_parts(out, "label_counts")
    columns = [c for c in ("article_id", "published") if c in part_columns(out, "articles")]
    sitting = add_sitting_roles(list_sitting_roles(pd.read_parquet(path), roles) for path in paths)
    flagged = []
    for path in paths:
        number = int(path.stem.removeprefix("chunk-"))
        table = flag_actor_labels(
            pd.read_parquet(path),
            pd.read_parquet(part_path(out, "articles", number), columns=columns),
            roles,
            sitting,
        )
        write_parquet(table, work / FLAGGED / path.name)
        flagged.append(work / FLAGGED / path.name)
    writer = RowWriter(out / "actor_labels.parquet", LABEL_COLUMNS)
    for row in merge_sorted(flagged, LABEL_COLUMNS, key_width=4):
        writer.add(row)
    writer.close()
