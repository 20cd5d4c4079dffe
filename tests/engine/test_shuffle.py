"""Shuffle and merge on disk: buckets by key, sorted parts merged, rows written in batches."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis.engine import shuffle
from analysis.engine.shuffle import (
    MIN_FILE_ROWS,
    RowWriter,
    SortedRuns,
    bucket_of,
    merge_sorted,
    number_buckets,
    read_bucket,
    write_buckets,
    write_parquet,
)
from analysis.stats.keys import unique_sorted


@pytest.mark.parametrize("key, buckets", [("", 1), ("call", 7), ("élection 2025", 1000)])
def test_a_key_has_one_bucket_on_every_run(key, buckets):
    """Not Python's hash, which changes from run to run: workers and resumed runs agree."""
    code = f"from analysis.engine.shuffle import bucket_of; print(bucket_of({key!r}, {buckets}))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{bucket_of(key, buckets)}\n"} and 0 <= bucket_of(key, buckets) < buckets


def test_keys_spread_over_the_buckets():
    counts = np.bincount([bucket_of(f"event-{k}", 8) for k in range(8_000)], minlength=8)
    assert counts.min() > 800  # 1,000 expected in each


def test_rows_sent_to_buckets_come_back_whole(tmp_path):
    rng = np.random.default_rng(0)
    frames = [
        pd.DataFrame(
            {"event": rng.choice(["a", "b", "c", "d", ""], 30), "value": rng.integers(0, 100, 30)}
        )
        for _ in range(3)
    ]
    for number, frame in enumerate(frames):
        write_buckets(frame, number_buckets(frame["event"], 4), tmp_path, f"chunk-{number}")
    parts = [read_bucket(tmp_path, b) for b in range(4)]
    for part in parts:
        if part is not None:
            assert {bucket_of(e, 4) for e in part["event"]} == {
                bucket_of(part["event"].iloc[0], 4)
            }
    together = pd.concat([p for p in parts if p is not None]).sort_values(
        ["event", "value"], ignore_index=True
    )
    expected = pd.concat(frames).sort_values(["event", "value"], ignore_index=True)
    pd.testing.assert_frame_equal(together, expected)
    assert read_bucket(tmp_path, 99) is None
    only_a = read_bucket(tmp_path, bucket_of("a", 4), filters=[("event", "in", ["a"])])
    assert set(only_a["event"]) == {"a"}


@pytest.mark.parametrize(
    "batch_rows, n_rows", [(1, 60), (3, 60), (1000, 60), (1, 1000), (800, 1000)]
)
def test_sorted_parts_merge_into_one_sorted_sequence(tmp_path, batch_rows, n_rows):
    rng = np.random.default_rng(1)
    rows = [
        (str(rng.choice(list("abc"))), int(rng.integers(0, 9)), f"text {k}") for k in range(n_rows)
    ]
    paths = []
    for number in range(4):
        part = pd.DataFrame(rows[number::4], columns=["key", "order", "text"]).sort_values(
            ["key", "order"], kind="stable"
        )
        write_parquet(part, tmp_path / f"{number}.parquet")
        paths.append(tmp_path / f"{number}.parquet")
    merged = list(
        merge_sorted(paths, ["key", "order", "text"], key_width=2, batch_rows=batch_rows)
    )
    assert sorted(merged) == sorted(rows)
    assert [row[:2] for row in merged] == sorted(row[:2] for row in rows)


@pytest.mark.parametrize(
    "files, batch_rows, per_file",
    [
        (1, 50_000, 50_000),
        (4, 50_000, 12_500),
        (1000, 50_000, MIN_FILE_ROWS),
        (3, 10, MIN_FILE_ROWS),
    ],
)
def test_a_merge_of_many_files_shares_its_batch_among_them(
    tmp_path, monkeypatch, files, batch_rows, per_file
):
    """A full batch from each of 1,000 chunks' files would hold the whole corpus's rows at once."""
    read = []
    monkeypatch.setattr(
        shuffle, "iter_rows", lambda path, columns, rows: read.append(rows) or iter(())
    )
    list(
        merge_sorted(
            [tmp_path / f"{k}.parquet" for k in range(files)],
            ["key"],
            key_width=1,
            batch_rows=batch_rows,
        )
    )
    assert read == [per_file] * files


@pytest.mark.parametrize("batch_rows", [1, 4, 100])
def test_rows_written_in_batches_are_the_frame(tmp_path, batch_rows):
    frame = pd.DataFrame(
        {
            "claim": range(10),
            "text": [f"s{k}" for k in range(10)],
            "similarity": [np.nan, *np.linspace(0, 1, 9)],
        }
    )
    writer = RowWriter(tmp_path / "out.parquet", list(frame.columns), batch_rows=batch_rows)
    for row in frame.itertuples(index=False):
        writer.add(tuple(row))
    assert not (tmp_path / "out.parquet").exists()  # only whole files appear
    writer.close()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out.parquet"), frame)


def test_a_writer_without_rows_writes_an_empty_table(tmp_path):
    RowWriter(tmp_path / "empty.parquet", ["claim", "text"]).close()
    assert list(pd.read_parquet(tmp_path / "empty.parquet").columns) == ["claim", "text"]


@pytest.mark.parametrize(
    "values",
    [[], [5], [3, 3], [9, 1, 9, 4, 1, 2**40, -7], list(range(100, 0, -1)) * 3],
)
def test_unique_sorted_is_np_unique(values):
    values = np.array(values, dtype=np.int64)
    assert np.array_equal(unique_sorted(values), np.unique(values))


@pytest.mark.parametrize("run_rows", [1, 3, 1_000])
def test_sorted_runs_give_the_rows_sorted(tmp_path, run_rows):
    rng = np.random.default_rng(run_rows)
    rows = [
        (int(rng.integers(0, 5)), f"outlet-{k % 4}", k, "text")
        for k in rng.permutation(40).tolist()
    ]
    runs = SortedRuns(tmp_path / "runs", ["rank", "outlet", "claim", "example"], 3, run_rows)
    runs.add(rows[:25])
    runs.add(rows[25:])
    assert list(runs.merge()) == sorted(rows, key=lambda row: row[:3])
    assert len(list((tmp_path / "runs").iterdir())) == -(-len(rows) // run_rows)


def test_sorted_runs_without_rows_give_none(tmp_path):
    assert list(SortedRuns(tmp_path / "runs", ["rank", "claim"], 2, 10).merge()) == []
