"""The folder of a stream or Dask run: where each chunk's tables are, and reading them back.

See :mod:`analysis.engine.stream` for the layout.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.engine.tables import WORK_TABLES

WORK = "_work"
"""The run folder's subfolder of work tables and markers."""


def chunk_name(number: int) -> str:
    """The file stem of chunk ``number``: ``chunk-000042``."""
    return f"chunk-{number:06d}"


def part_folder(out: Path, table: str) -> Path:
    """The folder of ``table``'s chunks: ``out/<table>``, or ``out/_work/<table>`` for a work
    table."""
    return out / WORK / table if table in WORK_TABLES else out / table


def part_path(out: Path, table: str, number: int) -> Path:
    """Where chunk ``number`` of ``table`` is written."""
    return part_folder(out, table) / f"{chunk_name(number)}.parquet"


def marker_path(out: Path, number: int) -> Path:
    """The marker that says chunk ``number`` is finished."""
    return out / WORK / "done" / f"{chunk_name(number)}.json"


def list_parts(out: Path, table: str) -> list[Path]:
    """The finished chunk files of ``table``, in chunk order."""
    return sorted(part_folder(out, table).glob("chunk-*.parquet"))


def read_parts(
    out: Path, table: str, columns: list[str] | None = None, articles=None
) -> pd.DataFrame:
    """Every finished chunk of ``table``, concatenated, rows in ``article_id`` order; only the rows
    of ``articles`` (ids) when given.

    Each chunk is filtered as it is read, so rows left out are never all held
    at once (the corpus step reads few outlets' sentences, or none).

    Returns
    -------
    A new DataFrame, rows in ``article_id`` order:

    - the columns of ``table`` (only ``columns`` when given), as its chunks hold them
    """
    folder = part_folder(out, table)
    kept = None if articles is None else pd.Index(articles)
    frames = []
    for path in list_parts(out, table):
        frame = pd.read_parquet(path, columns=columns)
        frames.append(frame if kept is None else frame[frame["article_id"].isin(kept)])
    if not frames:
        raise FileNotFoundError(
            f"{folder}: no chunks; run 'python -m analysis run CORPUS --out {out} --engine "
            "stream' first"
        )
    filled = [f for f in frames if len(f)] or frames[:1]
    frame = pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]
    return frame.sort_values("article_id", kind="stable", ignore_index=True)


def count_part_rows(out: Path, table: str) -> int:
    """Rows in every finished chunk of ``table``, read from the Parquet footers."""
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(path).metadata.num_rows for path in list_parts(out, table))


def part_columns(out: Path, table: str) -> list[str]:
    """The columns of ``table``'s chunks (read from the first chunk's schema)."""
    import pyarrow.parquet as pq

    first = list_parts(out, table)[0]
    return [name for name in pq.read_schema(first).names if not name.startswith("__")]
