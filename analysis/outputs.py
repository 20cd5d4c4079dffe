"""Read a run's tables whichever engine wrote them: the one loader of the notebooks, the report and the findings.

A single run (``python -m analysis run``) writes CSV files and the clean texts
(:func:`analysis.pipeline.write_outputs`); a stream or Dask run (``--engine
stream|dask``) writes Parquet chunks (:mod:`analysis.stream`). :func:`load_outputs`
tells the two apart and gives the same tables for both: the Parquet tables pass
through the CSV form in memory (:func:`analysis.tables.normalise_table`), so a
stream run's notebooks read the same values, rounding and empty cells as a
single run's, and print the same numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.pipeline import TABLES, read_single_outputs
from analysis.stream import read_stream_outputs
from analysis.tables import normalise_table

FORMS = ("single", "chunked")
"""The two output forms: CSV tables of a single run, Parquet chunks of a stream or Dask run."""


def detect_output_form(out: str | Path) -> str:
    """``"chunked"`` when ``out`` holds a stream or Dask run (its ``run.json`` records a chunk size), ``"single"``
    when it holds a single run's ``articles.csv``.

    Raises FileNotFoundError naming the command to run when it holds neither.
    """
    out = Path(out)
    run = out / "run.json"
    if run.is_file() and "chunk_size" in json.loads(run.read_text(encoding="utf-8")):
        return "chunked"
    if (out / "articles.csv").is_file():
        return "single"
    raise FileNotFoundError(
        f"{out} holds no analysis; run 'python -m analysis run CORPUS --out {out}' (add '--engine stream' for a large table "
        "corpus) first ('make report' does this)"
    )


def load_outputs(out: str | Path) -> dict[str, pd.DataFrame]:
    """Every output table of the run in ``out``, as a single run's CSV files read back give them; ``articles`` has
    ``clean_text``.

    Raises FileNotFoundError naming what to run when ``out`` holds no run, an unfinished stream run, or a run of an
    older version of the kit (naming the tables it lacks).
    """
    if detect_output_form(out) == "single":
        return read_single_outputs(out)
    tables = read_stream_outputs(out)
    return {name: normalise_table(tables[name], keep=["clean_text"] if name == "articles" else []) for name in TABLES}
