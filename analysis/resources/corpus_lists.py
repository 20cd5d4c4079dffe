"""A corpus's own resources: who its actors are, how they are described, and its naming sets.

The kit's word lists (``analysis/resources/wordlists/``) are general: nothing in them is
tied to one event or year. What is tied to a corpus's events lives with the
corpus, as tab-separated files of :data:`RESOURCE_FILES`:

- in a corpus folder, beside its articles (the default corpus has all five);
- for a table file (``news.csv``, ``news.parquet``), in a folder named after it
  with ``.resources`` (``news.resources/``) beside it.

A corpus without them gets no actor mentions, labels or naming comparison, and
its speakers are the people found in its own text
(:mod:`analysis.sources.attribution`); :func:`list_resources` says which were used.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

RESOURCE_FILES = {
    "actors.tsv": "actors whose mentions and tone are measured: actor, kind (person, country, "
    "organisation), aliases",
    "actor_descriptors.tsv": "descriptions that refer to an actor without naming them: actor, "
    "descriptors",
    "actor_roles.tsv": "offices of the actors and their terms, to flag a title on a date outside "
    "them: actor, role, start, end",
    "actor_sources.tsv": "source type and country of the actors when they are quoted: actor, "
    "type, country",
    "naming_sets.tsv": "sets of alternative names for one referent (invasion / war / conflict): "
    "entry, category, set, forms",
}
"""Each resource a corpus may bring, and what it holds (columns as in the default corpus's
files)."""

RESOURCE_SUFFIX = ".resources"


def resource_folder(corpus: str | Path | None) -> Path | None:
    """Where a corpus keeps its resources: its own folder, or ``<table stem>.resources/`` beside a
    table file.

    None when there is no corpus or a table file has no such folder.
    """
    if corpus is None:
        return None
    corpus = Path(corpus)
    if corpus.is_dir():
        return corpus
    beside = corpus.with_name(corpus.stem + RESOURCE_SUFFIX)
    return beside if beside.is_dir() else None


def resource_path(corpus: str | Path | None, name: str) -> Path | None:
    """The corpus's file ``name`` of :data:`RESOURCE_FILES`, or None when it has none."""
    if name not in RESOURCE_FILES:
        raise ValueError(f"{name!r} is not a corpus resource ({', '.join(RESOURCE_FILES)})")
    folder = resource_folder(corpus)
    path = folder / name if folder is not None else None
    return path if path is not None and path.is_file() else None


def list_resources(corpus: str | Path | None) -> pd.DataFrame:
    """Which of :data:`RESOURCE_FILES` the corpus brings.

    Returns
    -------
    A new DataFrame, one row per resource of :data:`RESOURCE_FILES`:

    - ``resource``: its file name
    - ``used``: whether the corpus has it
    - ``path``: where ("" when not)
    - ``holds``: what it is for
    """
    rows = []
    for name, holds in RESOURCE_FILES.items():
        path = resource_path(corpus, name)
        rows.append(
            {
                "resource": name,
                "used": path is not None,
                "path": str(path) if path is not None else "",
                "holds": holds,
            }
        )
    return pd.DataFrame(rows, columns=["resource", "used", "path", "holds"])
