"""Scores of the kit's measures against human annotation, one module per measure.

Each module reads gold data through :mod:`analysis.resources.datasets` and never fits
anything on it; ``python -m analysis validate MEASURE`` prints its results.
"""

MEASURES = ("segmentation", "tone", "hedging", "loaded", "sources", "across")
"""The measures ``python -m analysis validate`` scores, one module of this package each."""
