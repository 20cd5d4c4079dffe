"""The stream engine's corpus step for quotation variants, a bucket at a time: quotation tokens
sent to buckets by their hash within their event, linked there, and the groups described a block at
a time."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.across.coverage import (
    EVENT,
    read_events,
)
from analysis.across.linking import LinkedQuotations, encode_tokens, list_tokens, select_prefix
from analysis.across.shingles import list_normalised_words
from analysis.across.variants import VARIANT_COLUMNS, describe_group, read_quotation_words
from analysis.engine.chunks import WORK, list_parts, part_columns
from analysis.engine.reduce import rank_articles
from analysis.engine.shuffle import RowWriter, read_bucket, write_buckets
from analysis.stats.keys import hash_text

BUCKET_TOKENS = 5_000_000
"""Quotation tokens per bucket, on average, when quotation variants are grouped
(:func:`reduce_variants`; 17 bytes a row on disk, some 70 in memory while its holders are linked:
5M rows some 350 MB)."""

BLOCK_QUOTATIONS = 20_000
"""Quotations per block (consecutive in the articles' order), kept for describing their groups."""

BLOCK_MEMBERS = 20_000
"""Quotations described at a time: consecutive groups of at most so many members (a larger group
alone)."""

QUOTATIONS, TOKENS, WORDS, MEMBERS = (
    "variant_quotations",
    "variant_tokens",
    "variant_words",
    "variant_members",
)
"""Work folders of :func:`reduce_variants`: quotations by block, tokens by bucket of hashes, every
quotation's words as codes, group members by block of groups."""


def reduce_variants(out: Path) -> None:
    """Write ``quote_variants.parquet`` holding one bucket or block at a time.

    The table is :func:`analysis.across.variants.group_quote_variants`'s on the whole corpus:

    1. every quotation the map step listed gets a number in the articles' order,
       and its tokens are counted over the corpus (the order of the prefixes);
       its length, article and speaker are kept as numbers;
    2. each quotation's words are written, as codes, to a file in the order of
       the numbers (read back memory-mapped); its tokens, marked when in its
       prefix (:func:`analysis.across.linking.select_prefix`), go to the bucket of
       their hash within their article's event (quotations of two events are
       never linked, so a token's holders are those of one event);
    3. bucket by bucket, the holders of each token are linked
       (:meth:`analysis.across.linking.LinkedQuotations.link_holders`): the pairs of a
       statement quoted by many articles are never listed, and those already
       joined are never aligned;
    4. the groups (numbered by first member, as in a single run) send their
       members to the block of their group (consecutive groups of at most
       :data:`BLOCK_MEMBERS` quotations), and each block's groups are
       described (:func:`analysis.across.variants.describe_group`) in order.

    Memory: the article ids and their events' numbers, the tokens' counts, five numbers per
    quotation (length, article, speaker, event, group) and the members of each group; one bucket of
    tokens or one block of groups. The words' file is read through the operating system's page
    cache.
    """
    work = out / WORK
    for name in (QUOTATIONS, TOKENS, WORDS, MEMBERS):
        shutil.rmtree(work / name, ignore_errors=True)
    ids = rank_articles(out)
    events = _number_events(out, ids)
    paths = list_parts(out, "quotations")
    counts = np.zeros(len(ids), dtype=np.int64)
    for path in paths:
        np.add.at(
            counts, ids.get_indexer(pd.read_parquet(path, columns=["article_id"])["article_id"]), 1
        )
    offsets = np.cumsum(counts) - counts
    total = int(counts.sum())
    lengths, owners, speakers = (np.zeros(total, dtype=np.int64) for _ in range(3))
    voices: dict[str, int] = {}
    frequency: Counter = Counter()
    for path in paths:
        quotations = _number_quotations(pd.read_parquet(path), ids, offsets)
        numbers = quotations["id"].to_numpy()
        held = [_tokens(text) for text in quotations["text"].tolist()]
        frequency.update(token for tokens in held for token in tokens)
        lengths[numbers] = [len(tokens) for tokens in held]
        owners[numbers] = quotations["owner"].to_numpy()
        speakers[numbers] = [
            voices.setdefault(speaker, len(voices) + 1) if speaker else 0
            for speaker in quotations["speaker"]
        ]
        write_buckets(quotations, numbers // BLOCK_QUOTATIONS, work / QUOTATIONS, path.stem)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    (work / WORDS).mkdir(parents=True, exist_ok=True)
    words = np.lib.format.open_memmap(
        work / WORDS / "codes.npy", mode="w+", dtype=np.int32, shape=(int(starts[-1]),)
    )
    occurrences = np.lib.format.open_memmap(
        work / WORDS / "occurrences.npy", mode="w+", dtype=np.int32, shape=(int(starts[-1]),)
    )
    vocabulary: dict[str, int] = {}
    buckets = max(1, -(-sum(frequency.values()) // BUCKET_TOKENS))
    for path in paths:
        quotations = _number_quotations(pd.read_parquet(path), ids, offsets)
        numbers = quotations["id"].to_numpy()
        held = [_tokens(text) for text in quotations["text"].tolist()]
        codes, numbered = encode_tokens(held, vocabulary)
        positions = np.repeat(
            starts[numbers] - (np.cumsum(lengths[numbers]) - lengths[numbers]), lengths[numbers]
        ) + np.arange(len(codes))
        words[positions], occurrences[positions] = codes, numbered
        tokens = _list_token_rows(numbers, held, frequency, events[quotations["owner"].to_numpy()])
        write_buckets(
            tokens, tokens["token"].to_numpy() % np.uint64(buckets), work / TOKENS, path.stem
        )
    words.flush()
    occurrences.flush()
    linked = LinkedQuotations(words, occurrences, starts, owners, speakers, events=events[owners])
    for number in range(buckets):
        tokens = read_bucket(work / TOKENS, number)
        if tokens is not None:
            link_bucket(linked, tokens)
    groups = [
        members for members in linked.list_groups() if len(set(owners[members].tolist())) >= 2
    ]
    group_of = {k: number for number, members in enumerate(groups) for k in members}
    block_of = number_group_blocks(
        np.array([len(members) for members in groups], dtype=np.int64), BLOCK_MEMBERS
    )
    del linked, words, occurrences
    for path in sorted((work / QUOTATIONS).glob("bucket-*/*.parquet")):
        quotations = pd.read_parquet(path)
        quotations = quotations[quotations["id"].isin(group_of)]
        if len(quotations):
            numbers = quotations["id"].map(group_of)
            write_buckets(
                quotations.assign(group=numbers),
                block_of[numbers.to_numpy()],
                work / MEMBERS,
                f"{path.parent.name}-{path.stem}",
            )
    writer = RowWriter(out / "quote_variants.parquet", VARIANT_COLUMNS)
    for block in range(int(block_of[-1]) + 1 if len(groups) else 0):
        members = read_bucket(work / MEMBERS, block).sort_values("id", kind="stable")
        listed, keys, speaker_of = _list_quotations(members)
        for number, group in members.groupby("group", sort=True):
            for row in describe_group(int(number), group["id"].tolist(), listed, keys, speaker_of):
                writer.add(row)
    writer.close()


def number_group_blocks(sizes: np.ndarray, limit: int) -> np.ndarray:
    """The block of each group (``sizes``: members, groups in order): consecutive groups, at most
    ``limit`` members a block unless one group alone has more."""
    blocks = np.empty(len(sizes), dtype=np.int64)
    block = held = 0
    for k, size in enumerate(sizes.tolist()):
        if held and held + size > limit:
            block, held = block + 1, 0
        blocks[k] = block
        held += size
    return blocks


def _number_events(out: Path, ids: pd.Index) -> np.ndarray:
    """Each article's event (by rank) as a number, in order of first appearance; all 0 when the
    corpus has no ``event`` column."""
    numbers = np.zeros(len(ids), dtype=np.int64)
    if EVENT not in part_columns(out, "articles"):
        return numbers
    codes: dict[str, int] = {}
    for path in list_parts(out, "articles"):
        articles = pd.read_parquet(path, columns=["article_id", EVENT])
        numbers[ids.get_indexer(articles["article_id"])] = [
            codes.setdefault(e, len(codes)) for e in read_events(articles).values()
        ]
    return numbers


def _number_quotations(
    quotations: pd.DataFrame, ids: pd.Index, offsets: np.ndarray
) -> pd.DataFrame:
    """A chunk's quotations with ``id``: their number in the articles' order (an article's
    quotations are in order of start)."""
    ranks = ids.get_indexer(quotations["article_id"])
    within = quotations.groupby("article_id", sort=False).cumcount().to_numpy()
    return quotations.assign(id=offsets[ranks] + within, owner=ranks)


def _tokens(text: str) -> list[tuple[str, int]]:
    return list_tokens(list_normalised_words(text))


def hash_token(token: tuple[str, int], event: int = 0) -> int:
    """A token's unsigned 64-bit BLAKE2b hash within an event (the same on every machine and
    run)."""
    return hash_text(f"{event}\x1e{token[0]}\x1f{token[1]}")


def _list_token_rows(
    numbers: np.ndarray, held: list[list[tuple[str, int]]], frequency: Counter, events: np.ndarray
) -> pd.DataFrame:
    """One row per quotation and token (``held``: each quotation's tokens, ``events`` its event's
    number): the token's hash within the event, the quotation's number, and whether the token is in
    its prefix."""
    rows = []
    for number, tokens, event in zip(numbers.tolist(), held, events.tolist()):
        prefix = set(select_prefix(tokens, frequency))
        rows.extend((hash_token(token, event), number, token in prefix) for token in tokens)
    frame = pd.DataFrame(rows, columns=["token", "id", "prefix"])
    return frame.astype({"token": np.uint64, "id": np.int64, "prefix": bool})


def link_bucket(linked: LinkedQuotations, tokens: pd.DataFrame) -> None:
    """Link the holders of every token of one bucket (``token``, ``id``, ``prefix`` rows) held by
    two quotations or more, one in its prefix."""
    ordered = tokens.sort_values(["token", "id"], kind="stable")
    hashes, numbers, prefix = (
        ordered["token"].to_numpy(np.uint64),
        ordered["id"].to_numpy(np.int64),
        ordered["prefix"].to_numpy(bool),
    )
    firsts = (
        np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
        if len(hashes)
        else np.empty(0, np.int64)
    )
    sizes = np.diff(np.append(firsts, len(hashes)))
    in_prefix = (
        np.add.reduceat(prefix.astype(np.int64), firsts) if len(firsts) else np.empty(0, np.int64)
    )
    for first, size in zip(
        firsts[(sizes > 1) & (in_prefix > 0)].tolist(),
        sizes[(sizes > 1) & (in_prefix > 0)].tolist(),
    ):
        linked.link_holders(numbers[first : first + size], prefix[first : first + size])


def _list_quotations(
    quotations: pd.DataFrame,
) -> tuple[dict[int, tuple], dict[int, list[str]], dict[int, str]]:
    listed = {
        int(k): (article_id, quotation_id, start, end, read_quotation_words(start, text), text)
        for k, article_id, quotation_id, start, end, text in zip(
            quotations["id"],
            quotations["article_id"],
            quotations["quotation_id"],
            quotations["start"],
            quotations["end"],
            quotations["text"],
        )
    }
    keys = {k: [w[2] for w in quotation[4]] for k, quotation in listed.items()}
    speakers = {
        int(k): speaker for k, speaker in zip(quotations["id"], quotations["speaker"]) if speaker
    }
    return listed, keys, speakers
