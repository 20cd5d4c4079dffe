"""Save figures as PNG and SVG with a CSV of exactly the data they plot.

Figures are made reproducible: SVG ids come from a fixed salt and no file
carries a creation date, so the same data give the same files.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import config
from analysis.engine.tables import write_table

plt.rcParams["svg.hashsalt"] = "media-framing"
plt.rcParams["svg.fonttype"] = "path"


def save_figure(
    fig: plt.Figure, data: pd.DataFrame, name: str, folder: str | Path | None = None
) -> dict[str, Path]:
    """Write ``<name>.png``, ``<name>.svg`` and ``<name>.csv`` (the plotted data) into ``folder``.

    ``folder`` defaults to :func:`analysis.config.figures_dir`. Returns the three paths.
    """
    folder = Path(folder) if folder is not None else config.figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    paths = {ext: folder / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    fig.savefig(paths["png"], dpi=150, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(paths["svg"], bbox_inches="tight", metadata={"Date": None, "Creator": None})
    write_table(data, paths["csv"])
    return paths
