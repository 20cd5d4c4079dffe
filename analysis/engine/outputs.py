"""Read a run's tables whichever engine wrote them: the one loader of the notebooks, the report and
the findings.

A single run (``python -m analysis run``) writes CSV files and the clean texts
(:func:`analysis.engine.pipeline.write_outputs`); a stream or Dask run (``--engine
stream|dask``) writes Parquet chunks (:mod:`analysis.engine.stream`). :func:`load_outputs`
tells the two apart and gives the same tables for both: the Parquet tables pass
through the CSV form in memory (:func:`analysis.engine.tables.normalise_table`), so a
stream run's notebooks read the same values, rounding and empty cells as a
single run's, and print the same numbers. The tables so made are kept in the
run's folder (:data:`READ_TABLES`), so that the report's notebooks, each of
which loads them, read them in seconds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from analysis.engine.chunks import read_parts
from analysis.engine.pipeline import read_single_outputs
from analysis.engine.runs import check_completed
from analysis.engine.shuffle import write_parquet
from analysis.engine.tables import CORPUS_TABLES, LOCAL_TABLES, TABLES, normalise_table
from analysis.resources.files import write_atomic


def detect_output_form(out: str | Path) -> str:
    """``"chunked"`` when ``out`` holds a stream or Dask run (its ``run.json`` records a chunk
    size), ``"single"`` when it holds a single run.

    Raises FileNotFoundError naming the folder and what to run when it holds no run, or no
    completed one (:func:`analysis.engine.runs.check_completed`).
    """
    out = Path(out)
    record = check_completed(out)
    return "chunked" if "chunk_size" in record else "single"


def load_outputs(out: str | Path) -> dict[str, pd.DataFrame]:
    """Every output table of the run in ``out``, as a single run's CSV files read back give them;
    ``articles`` has ``clean_text``.

    Raises FileNotFoundError naming what to run when ``out`` holds no run, an unfinished or
    interrupted one (its ``run.json`` does not say ``completed``), or a run of an older version of
    the kit (naming the tables it lacks).

    Returns
    -------
    A dict of DataFrames, one per output table of :data:`analysis.engine.tables.TABLE_REGISTRY`
    (each table's columns are listed in ``docs/outputs.md``):

    - ``articles``: the corpus's articles, with ``clean_text``
    - every other table of the registry, by its name: ``removed``, ``paragraphs``, ``sentences``, …
      ``omissions``
    """
    if detect_output_form(out) == "single":
        return read_single_outputs(out)
    out = Path(out)
    folder, stamp = out / READ_TABLES, stamp_run(out)
    marker = folder / "stamp.txt"
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    tables = read_stream_outputs(out)
    normal = {
        name: normalise_table(tables[name], keep=["clean_text"] if name == "articles" else [])
        for name in TABLES
    }
    try:
        folder.mkdir(exist_ok=True)
        marker.unlink(missing_ok=True)
        for name, frame in normal.items():
            write_parquet(frame, folder / f"{name}.parquet")
        write_atomic(marker, stamp)
    except OSError:  # a folder the reader may not write to: the tables are read again next time
        pass
    return normal


READ_TABLES = "_read"
"""The subfolder of a stream run where :func:`load_outputs` keeps the tables as it gave them, so
that the next reader (each notebook of a report) reads them in seconds; used while
:func:`stamp_run` is unchanged."""


def stamp_run(out: Path) -> str:
    """A key of a stream run's finished state: the path, size and modification time of every file
    of its tables and chunk markers (work files and :data:`READ_TABLES` left out). A resumed or
    repeated run changes it."""
    files = sorted(
        p
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] not in ("_work", READ_TABLES)
    )
    files += sorted((out / "_work" / "done").glob("*.json"))
    lines = [
        f"{p.relative_to(out).as_posix()}\t{p.stat().st_size}\t{p.stat().st_mtime_ns}"
        for p in files
    ]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def read_stream_outputs(out: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a stream or Dask run, as :func:`analysis.engine.pipeline.read_single_outputs`
    gives a single run's (:func:`analysis.engine.outputs.load_outputs` reads either and gives the
    same values).

    Reads the whole run into memory: for corpora that fit in it (and for tests).
    ``articles`` has ``clean_text``; rows are in ``article_id`` order.

    Returns
    -------
    A dict of DataFrames, one per output table (each table's columns are listed in
    ``docs/outputs.md``):

    - ``articles``: with ``clean_text``
    - every other table of :data:`analysis.engine.tables.TABLE_REGISTRY`, by name, rows in
      ``article_id`` order
    """
    out = Path(out)
    check_completed(out)
    missing = [name for name in CORPUS_TABLES if not (out / f"{name}.parquet").exists()]
    if missing:
        raise FileNotFoundError(
            f"{out}: no finished stream run (missing {', '.join(missing)}); run it again to resume"
        )
    tables = {name: read_parts(out, name) for name in LOCAL_TABLES}
    tables.update({name: pd.read_parquet(out / f"{name}.parquet") for name in CORPUS_TABLES})
    return {name: tables[name] for name in TABLES}
