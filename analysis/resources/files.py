"""Files written whole or not at all: under a temporary name unique to the writing process and
thread first, then renamed into place, so that a stopped process leaves no file cut short and two
processes never write one temporary file. Run folders (:mod:`analysis.engine.runs`), the
validation cache and the fitted models all write this way."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8, ``\\n`` line ends) under :func:`temporary_path` first,
    then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, path)


def temporary_path(path: Path) -> Path:
    """A name beside ``path`` unique to this process and thread
    (``.<name>.<PID>.<thread>.tmp``)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
