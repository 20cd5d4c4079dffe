"""Read the word lists that ship with the package as data files."""

from __future__ import annotations

from functools import lru_cache

from analysis import config


@lru_cache(maxsize=None)
def read_wordlist(name: str) -> tuple[str, ...]:
    """The entries of ``analysis/wordlists/<name>``, one a line.

    Lines starting with ``#`` are comments; blank lines are skipped; entries keep
    their case and inner tabs (the ``.tsv`` lists have columns).
    """
    path = config.wordlist_path(name)
    lines = path.read_text(encoding="utf-8").split("\n")
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
