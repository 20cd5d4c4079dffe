"""Write and read the kit's output tables so that the same input gives the same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.6g"


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as UTF-8 CSV with ``\\n`` line ends and fixed float formatting."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(
        path, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding="utf-8"
    )
    return path


def read_table(path: str | Path | io.StringIO) -> pd.DataFrame:
    """Read a table written by :func:`write_table`.

    Text columns stay text (an empty cell is "", not NaN); a column whose
    non-empty cells are all numbers is numeric, its empty cells NaN (a score
    missing for a sentence without quoted speech).
    """
    frame = pd.read_csv(path, keep_default_na=False, encoding="utf-8")
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        filled = values != ""
        numbers = pd.to_numeric(values[filled], errors="coerce")
        if filled.any() and not filled.all() and numbers.notna().all():
            frame[column] = pd.to_numeric(values.where(filled), errors="coerce")
    return frame


def normalise_table(frame: pd.DataFrame, keep: list[str] | None = None) -> pd.DataFrame:
    """``frame`` as :func:`write_table` then :func:`read_table` would give it back: floats to
    :data:`FLOAT_FORMAT`, empty text as "", numbers typed as in a CSV read.

    The columns of ``keep`` (text a CSV run keeps in files of its own, such as ``clean_text``) pass unchanged and
    move to the end, where the CSV loader puts them back. A new DataFrame; ``frame`` is not changed.
    """
    keep = [column for column in keep or [] if column in frame.columns]
    buffer = io.StringIO()
    frame.drop(columns=keep).to_csv(
        buffer, index=False, lineterminator="\n", float_format=FLOAT_FORMAT
    )
    buffer.seek(0)
    read = read_table(buffer)
    for column in keep:
        read[column] = frame[column].to_numpy()
    return read
