"""The stream engine's corpus step, a bucket at a time: tables that group rows across chunks.

Rows are sent to buckets by a key (:mod:`analysis.shuffle`), each bucket is
processed alone, and the buckets' sorted results are merged into the table a
single run gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from analysis import coverage
from analysis.chunks import WORK, count_part_rows, part_folder, part_path
from analysis.coverage import (
    COVERAGE_COLUMNS,
    EVENT,
    cover_event,
    list_omissions,
    read_events,
    select_claim_units,
    sort_omissions,
    split_events,
    warn_large_event,
)
from analysis.shuffle import (
    RowWriter,
    merge_sorted,
    read_bucket,
    write_buckets,
    write_parquet,
)

BUCKET_UNITS = 200_000
"""Sentences that can be claims per bucket of events, on average, when coverage is computed (:func:`reduce_coverage`)."""

SHUFFLED, COVERED = "coverage_units", "coverage_claims"
"""Work folders of :func:`reduce_coverage`: the units by bucket of events, each bucket's claims."""


def reduce_coverage(out: Path, max_sentences: int | None = None) -> None:
    """Write ``coverage.parquet`` and ``omissions.parquet`` holding one bucket of events at a time.

    The tables are :func:`analysis.coverage.find_coverage`'s and
    :func:`analysis.coverage.find_omissions`'s on the whole corpus:

    1. every chunk's sentences that can be claims are written to the bucket of
       their event (:data:`BUCKET_UNITS` sentences a bucket on average);
    2. each bucket is read alone, its events grouped into claims
       (:func:`analysis.coverage.cover_event`; an event too large is left out
       with a warning, before its rows are read), and its rows written sorted by
       their claim's first sentence;
    3. the buckets are merged in that order, claims numbered as they come, and
       each claim's omissions listed from its event's outlets.
    """
    max_sentences = coverage.MAX_SENTENCES if max_sentences is None else max_sentences
    for name in (SHUFFLED, COVERED):
        shutil.rmtree(out / WORK / name, ignore_errors=True)
    buckets = max(1, -(-count_part_rows(out, "sentences") // BUCKET_UNITS))
    outlets_of_event, first_article_of_outlet = shuffle_claim_units(out, buckets)
    outlet_order = sorted(first_article_of_outlet, key=lambda o: (first_article_of_outlet[o], o))
    outlet_rank = {o: k for k, o in enumerate(outlet_order)}
    claimed = [cover_bucket(out, number, outlet_rank, max_sentences) for number in range(buckets)]
    columns = ["first_article", "first_sentence", *COVERAGE_COLUMNS[1:], "event"]
    writer, omissions = RowWriter(out / "coverage.parquet", COVERAGE_COLUMNS), []
    claim, key, rows = -1, None, []
    for row in merge_sorted([p for p in claimed if p is not None], columns, key_width=4):
        if row[:2] != key:
            omissions.extend(_omissions_of(claim, rows, outlets_of_event, outlet_rank))
            claim, key, rows = claim + 1, row[:2], []
        rows.append(row)
        writer.add((claim, *row[2:-1]))
    omissions.extend(_omissions_of(claim, rows, outlets_of_event, outlet_rank))
    writer.close()
    write_parquet(sort_omissions(omissions, outlet_order), out / "omissions.parquet")


def _omissions_of(claim: int, rows: list[tuple], outlets_of_event: dict[str, set[str]], outlet_rank: dict[str, int]) -> list[tuple]:
    if not rows:
        return []
    outlets = sorted(outlets_of_event[rows[0][-1]], key=outlet_rank.__getitem__)
    return list_omissions(claim, {row[3] for row in rows}, outlets, rows[0][7])


def shuffle_claim_units(out: Path, buckets: int) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Write every chunk's sentences that can be claims to the bucket of their event; return each event's outlets and each outlet's first article."""
    import pyarrow.parquet as pq

    outlets_of_event: dict[str, set[str]] = {}
    first_article: dict[str, str] = {}
    for path in sorted(part_folder(out, "sentences").glob("chunk-*.parquet")):
        number = int(path.stem.removeprefix("chunk-"))
        articles_path = part_path(out, "articles", number)
        columns = ["article_id", "outlet"] + ([EVENT] if EVENT in pq.read_schema(articles_path).names else [])
        articles = pd.read_parquet(articles_path, columns=columns)
        sentences = pd.read_parquet(path, columns=["article_id", "sentence_id", "start", "end", "text"])
        units = select_claim_units(sentences, articles)
        write_buckets(units, "event", buckets, out / WORK / SHUFFLED, path.stem)
        for event, outlet, article_id in zip(read_events(articles).values(), articles["outlet"], articles["article_id"]):
            outlets_of_event.setdefault(event, set()).add(outlet)
            if outlet not in first_article or article_id < first_article[outlet]:
                first_article[outlet] = article_id
    return outlets_of_event, first_article


def cover_bucket(out: Path, number: int, outlet_rank: dict[str, int], max_sentences: int) -> Path | None:
    """Group the events of bucket ``number`` into claims; write its rows sorted by their claim's first sentence (None when empty)."""
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
    covered = pd.concat([cover_event(part, outlet_rank) for part in split_events(units, max_sentences)]).sort_index(kind="stable")
    first = covered.groupby(["event", "local_claim"], sort=False)[["article_id", "sentence_id"]].transform("first")
    covered = covered.assign(first_article=first["article_id"], first_sentence=first["sentence_id"])
    covered = covered.sort_values(["first_article", "first_sentence", "article_id", "sentence_id"], kind="stable")
    path = out / WORK / COVERED / f"{number:05d}.parquet"
    write_parquet(covered[["first_article", "first_sentence", *COVERAGE_COLUMNS[1:], "event"]], path)
    return path
