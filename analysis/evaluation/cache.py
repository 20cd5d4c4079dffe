"""Validation results kept between notebooks and reports, keyed by everything they are computed
from.

Each measure's validation (``analysis.evaluation.<measure>.validate``) scores the
kit on gold data: minutes of work whose result does not depend on the corpus
under study (except the planted changes of ``across``, made on the corpus's
articles). Notebooks 02–05 and the validation notebook 07 show the same results;
:func:`validate_cached` computes them once and keeps them, with the lines the
validation printed, as JSON in :func:`cache_dir`.

A result is reused only while its key holds: the SHA-256 of the kit's code, word
lists and committed models (every file of the ``analysis`` package), the local
models (``FRAMING_MODELS``), the data home's files (path, size and modification
time of each) and, for ``across``, the corpus's files. Any change of these
computes it again. The results always pass through JSON, so a report shows the
same numbers whether they were computed or read back.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis import config
from analysis.resources.files import write_atomic

CORPUS_MEASURES = ("across",)
"""Measures whose validation reads the corpus under study as well as the gold data."""


def cache_dir() -> Path:
    """Where validation results are kept: ``FRAMING_VALIDATION_CACHE`` or
    ``data/interim/validation``."""
    value = os.environ.get("FRAMING_VALIDATION_CACHE", "").strip()
    return Path(value).expanduser().resolve() if value else config.INTERIM_DIR / "validation"


def _stat_lines(root: Path, files: Iterable[Path]) -> list[str]:
    return [
        f"{p.relative_to(root).as_posix()}\t{p.stat().st_size}\t{p.stat().st_mtime_ns}"
        for p in files
    ]


def fingerprint(measure: str, data_home: str | Path | None = None) -> str:
    """The key of ``measure``'s validation results (see the module docstring)."""
    digest = hashlib.sha256(measure.encode("utf-8"))
    package = sorted(
        p for p in config.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    for path in package:
        digest.update(
            path.relative_to(config.PACKAGE_DIR).as_posix().encode("utf-8")
            + b"\0"
            + path.read_bytes()
        )
    for root in (config.local_models_dir(), config.data_home(data_home)) + (
        (config.corpus_path(),) if measure in CORPUS_MEASURES else ()
    ):
        files = (
            sorted(p for p in root.rglob("*") if p.is_file())
            if root.is_dir()
            else ([root] if root.is_file() else [])
        )
        digest.update(
            f"{root}\n".encode("utf-8")
            + "\n".join(_stat_lines(root.parent if root.is_file() else root, files)).encode(
                "utf-8"
            )
        )
    return digest.hexdigest()


def validate_cached(
    measure: str, data_home: str | Path | None = None, report: Callable[[str], None] = print
):
    """``analysis.evaluation.<measure>.validate(data_home, report)``, read from :func:`cache_dir`
    when its key holds.

    Computed or read back, the validation's warnings are written to stderr and then its lines
    passed to ``report``, all once it is done: a notebook shows the same outputs either way.
    Returns the results as JSON gives them back (lists where the validation had tuples). An empty
    result (no gold data) is not kept.
    """
    path = cache_dir() / f"{measure}-{fingerprint(measure, data_home)[:20]}.json"
    if path.is_file():
        kept = json.loads(path.read_text(encoding="utf-8"))
    else:
        printed: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter(
                "always"
            )  # recorded here and written below, the same way when read back
            results = importlib.import_module(f"analysis.evaluation.{measure}").validate(
                data_home, printed.append
            )
        warned = [
            warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line)
            for w in caught
        ]
        text = json.dumps(
            {"measure": measure, "warned": warned, "printed": printed, "results": results},
            sort_keys=True,
        )
        if results:
            write_atomic(path, text + "\n")
        kept = json.loads(text)
    if kept["warned"]:
        sys.stdout.flush()  # what the caller printed before comes first, computed or read back
        sys.stderr.write("".join(kept["warned"]))
        sys.stderr.flush()
    for line in kept["printed"]:
        report(line)
    return kept["results"]
