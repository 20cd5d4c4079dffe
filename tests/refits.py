"""How a refitted model is compared with the committed one."""

from __future__ import annotations

import json

import numpy as np

SOLVED = ("coefficients", "intercept", "intercepts")
"""The keys a model's solver writes; every other key is its data (vocabularies, idf, known
words, provenance)."""

LAST_DIGIT = 1e-5
"""How far a solved number may move, as a share of the largest coefficient's size: a unit in the
last of the 6 significant digits a model is written with. The solvers add with BLAS, whose
kernels differ from processor to processor (a refit on an AMD EPYC moved 3 of the sentence
model's coefficients and 23,619 of the target model's, by at most 1.0e-5, against the model fitted
on the machine before)."""


def assert_refit_matches(refitted: str, committed: str) -> None:
    """The refitted model's JSON is the committed one's: its data byte for byte, the solver's
    numbers within :data:`LAST_DIGIT`."""
    fresh, kept = json.loads(refitted), json.loads(committed)
    scale = float(np.max(np.abs(np.asarray(kept["coefficients"], dtype=float))))
    for key in SOLVED:
        if key in kept:
            a = np.asarray(fresh.pop(key), dtype=float)
            b = np.asarray(kept.pop(key), dtype=float)
            assert a.shape == b.shape, key
            assert np.max(np.abs(a - b), initial=0.0) <= LAST_DIGIT * scale, key
    assert fresh == kept
