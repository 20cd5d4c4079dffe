"""Samples that are the same on every run: keys ordered by a hash of themselves.

A large corpus's report shows a sample of its articles, rows and events
(annotated pages, long tables, figures of one row per article, planted changes).
Each sample takes the keys that come first in the order of their SHA-1 digests:
the same keys on every run and machine, whatever order the corpus lists them
in, and a key keeps its place when other keys are added or removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def digest_key(key: object) -> str:
    """The SHA-1 hex digest of ``str(key)`` in UTF-8."""
    return hashlib.sha1(str(key).encode("utf-8")).hexdigest()


def rank_by_hash(keys: Iterable) -> list:
    """``keys`` in the order of their digests (:func:`digest_key`)."""
    return sorted(keys, key=digest_key)


def sample_by_hash(keys: Iterable, limit: int) -> list:
    """The distinct ``keys``, in their first order, of which at most ``limit`` are kept: those
    ranked first by :func:`rank_by_hash` (all of them when there are no more)."""
    distinct = list(dict.fromkeys(keys))
    if len(distinct) <= limit:
        return distinct
    kept = set(rank_by_hash(distinct)[:limit])
    return [key for key in distinct if key in kept]
