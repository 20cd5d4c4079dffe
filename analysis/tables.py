"""Write and read the kit's output tables so that the same input gives the same bytes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.6g"


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as UTF-8 CSV with ``\\n`` line ends and fixed float formatting."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding="utf-8")
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table`; text columns stay text (empty, not NaN)."""
    return pd.read_csv(path, keep_default_na=False, encoding="utf-8")
