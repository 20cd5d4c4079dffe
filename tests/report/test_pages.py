"""Which articles get an annotated page."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.pages import choose_annotated


def _articles(events: dict[str, int], loose: int = 0) -> pd.DataFrame:
    ids = [(f"{event}-{k}", event) for event, n in events.items() for k in range(n)] + [
        (f"loose-{k}", "") for k in range(loose)
    ]
    return pd.DataFrame(ids, columns=["article_id", "event"])


@pytest.mark.parametrize(
    ("events", "loose", "limit", "expected_count", "whole_events"),
    [
        ({"a": 3, "b": 3}, 0, 6, 6, True),  # at the limit: every article
        ({"a": 3, "b": 3, "c": 3}, 0, 7, 6, True),  # two whole events fit, not a third
        ({"a": 3, "b": 5}, 0, 4, 3, True),  # the larger event would not fit
        ({}, 10, 4, 4, True),  # no events: articles by hash
        ({"a": 3}, 5, 5, 5, True),  # the event, then two loose articles
    ],
)
def test_choose_annotated_samples_whole_events_within_the_limit(
    events, loose, limit, expected_count, whole_events
):
    articles = _articles(events, loose)
    chosen = choose_annotated(articles, limit)
    assert len(chosen) == expected_count and chosen == [
        a for a in articles["article_id"] if a in set(chosen)
    ]
    for event, n in events.items():
        assert sum(a.startswith(f"{event}-") for a in chosen) in (
            0,
            n,
        )  # an event is taken whole or not at all
    assert (
        chosen == choose_annotated(articles.iloc[::-1], limit)[::-1]
    )  # the same sample whatever the row order
