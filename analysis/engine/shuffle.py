"""Shuffle and merge on disk: rows sent to buckets by a key, buckets processed one at a time,
sorted parts merged.

What the stream engine's corpus step uses to compute a table that groups rows
across chunks (coverage groups sentences by event) while holding one bucket,
not the corpus: every chunk's rows are written to the bucket of their key
(:func:`write_buckets`), each bucket is read back alone (:func:`read_bucket`),
and the buckets' results, each sorted, are merged into one sorted table
(:func:`merge_sorted`, :class:`RowWriter`).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from analysis.resources.files import temporary_path
from analysis.stats.keys import hash_text

BATCH_ROWS = 50_000
"""Rows read or written at a time when parts are merged."""

MIN_FILE_ROWS = 100
"""Rows read at a time from each file when many are merged (:func:`merge_sorted`)."""


def bucket_of(key: str, buckets: int) -> int:
    """The bucket of ``key`` among ``buckets`` (:func:`hash_text`)."""
    return hash_text(key) % buckets


def bucket_name(number: int) -> str:
    """The folder of bucket ``number``: ``bucket-00042``."""
    return f"bucket-{number:05d}"


def number_buckets(keys: pd.Series, buckets: int) -> pd.Series:
    """The bucket of each text key (:func:`bucket_of`, computed once per distinct key)."""
    numbers = {value: bucket_of(value, buckets) for value in keys.unique()}
    return keys.map(numbers)


def write_buckets(frame: pd.DataFrame, numbers, folder: Path, stem: str) -> None:
    """Write each row of ``frame`` to ``folder/bucket-N/<stem>.parquet``, N its entry in
    ``numbers`` (no file for an empty bucket)."""
    for number, part in frame.groupby(pd.Series(numbers, index=frame.index), sort=True):
        write_parquet(part, folder / bucket_name(int(number)) / f"{stem}.parquet")


def read_bucket(
    folder: Path, number: int, columns: list[str] | None = None, filters=None
) -> pd.DataFrame | None:
    """Every part of bucket ``number`` in ``folder``, concatenated (None when the bucket is
    empty).

    Returns
    -------
    A new DataFrame, or None when no part of the bucket has a row:

    - the columns of the bucket's parts (only ``columns`` when given), their rows in part order
    """
    paths = sorted((folder / bucket_name(number)).glob("*.parquet"))
    frames = [pd.read_parquet(p, columns=columns, filters=filters) for p in paths]
    frames = [f for f in frames if len(f)]
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def iter_rows(path: Path, columns: list[str], batch_rows: int = BATCH_ROWS) -> Iterator[tuple]:
    """The rows of a Parquet file as tuples of ``columns``, read ``batch_rows`` at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=columns):
        yield from zip(*(batch.column(c).to_pylist() for c in columns))


def merge_sorted(
    paths: Iterable[Path], columns: list[str], key_width: int, batch_rows: int = BATCH_ROWS
) -> Iterator[tuple]:
    """The rows of Parquet files each sorted on its first ``key_width`` columns, merged into one
    sorted sequence.

    About ``batch_rows`` rows are held at a time, shared among the files (at
    least :data:`MIN_FILE_ROWS` a file): with a full batch per file, merging the
    1,000 chunks' label files of a 100,000-article corpus held all their rows.
    """
    paths = list(paths)
    per_file = max(MIN_FILE_ROWS, batch_rows // max(1, len(paths)))
    streams = [iter_rows(p, columns, per_file) for p in paths]
    return heapq.merge(*streams, key=lambda row: row[:key_width])


class SortedRuns:
    """Rows sorted without holding them all: sorted a run of ``run_rows`` at a time, each run a
    Parquet file, merged on read.

    :meth:`add` takes rows (tuples of ``columns``) in any order; :meth:`merge`
    gives them all sorted on their first ``key_width`` values (an external
    merge sort: memory is one run while adding, one batch per run while
    merging).
    """

    def __init__(self, folder: Path, columns: list[str], key_width: int, run_rows: int) -> None:
        self.folder, self.columns, self.key_width, self.run_rows = (
            Path(folder),
            list(columns),
            key_width,
            run_rows,
        )
        self.rows: list[tuple] = []
        self.paths: list[Path] = []

    def add(self, rows: Iterable[tuple]) -> None:
        """Add rows; a full run is sorted and written."""
        for row in rows:
            self.rows.append(row)
            if len(self.rows) >= self.run_rows:
                self._write_run()

    def _write_run(self) -> None:
        self.rows.sort(key=lambda row: row[: self.key_width])
        path = self.folder / f"run-{len(self.paths):05d}.parquet"
        write_parquet(pd.DataFrame(self.rows, columns=self.columns), path)
        self.paths.append(path)
        self.rows = []

    def merge(self) -> Iterator[tuple]:
        """Every row added, sorted on its first ``key_width`` values (rows equal there in the order
        added)."""
        if self.rows:
            self._write_run()
        return merge_sorted(self.paths, self.columns, self.key_width)


class RowWriter:
    """Write rows (tuples of ``columns``) to one Parquet file a batch at a time; the file appears
    whole on :meth:`close`."""

    def __init__(self, path: Path, columns: list[str], batch_rows: int = BATCH_ROWS):
        self.path, self.columns, self.batch_rows = Path(path), list(columns), batch_rows
        self.temporary = temporary_path(self.path)
        self.rows: list[tuple] = []
        self.writer = None

    def add(self, row: tuple) -> None:
        """Add one row; a full batch is written."""
        self.rows.append(row)
        if len(self.rows) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(
            pd.DataFrame(self.rows, columns=self.columns), preserve_index=False
        )
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.temporary, table.schema)
        self.writer.write_table(table.cast(self.writer.schema))
        self.rows = []

    def close(self, empty: pd.DataFrame | None = None) -> None:
        """Write what is left and put the file in place; with no rows at all, ``empty`` (a frame of
        the columns) is written."""
        if self.rows:
            self._flush()
        if self.writer is None:
            write_parquet(
                empty if empty is not None else pd.DataFrame(columns=self.columns), self.path
            )
            return
        self.writer.close()
        os.replace(self.temporary, self.path)


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` under a temporary name, then rename it: a file there is
    whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    frame.to_parquet(temporary, index=False)
    os.replace(temporary, path)
