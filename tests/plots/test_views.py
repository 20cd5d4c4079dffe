"""Notebook tables: capped with a note, the same sample on every run; Holm-significant rows marked,
text escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.plots.views import (
    MAX_ROWS,
    SIGNIFICANT_COLOUR,
    cap_rows,
    choose_articles,
    describe_cap,
    describe_sample,
    mark_significant,
    show_rows,
    show_tests,
)


@pytest.mark.parametrize(
    ("rows", "limit", "by", "expected"),
    [
        (5, 10, None, 5),  # short tables are shown whole
        (500, MAX_ROWS, None, MAX_ROWS),
        (497, 100, "group", 98),  # 71 groups of seven, whole: 14 of them fit in 100 rows
        (497, 3, "group", 0),  # no group fits
    ],
)
def test_cap_rows_keeps_at_most_the_limit_in_table_order(rows, limit, by, expected):
    frame = pd.DataFrame({"row": range(rows), "group": [r // 7 for r in range(rows)]})
    shown = cap_rows(frame, limit, by)
    assert len(shown) == expected and shown["row"].is_monotonic_increasing
    if by is not None:
        assert (shown.groupby("group").size() == 7).all()
    again = cap_rows(frame.sample(frac=1, random_state=1), limit, by)
    assert set(again["row"]) == set(shown["row"])  # the same sample whatever the rows' order


def test_show_rows_says_how_many_rows_of_how_many_and_where_the_rest_are(monkeypatch):
    shown = []
    monkeypatch.setattr("analysis.plots.views.display", shown.append)
    show_rows(pd.DataFrame({"row": range(300)}), "the run's `quotes` table", limit=50)
    note, table = shown
    assert (
        "Showing 50 of 300 rows" in note.data
        and "every row is in the run's `quotes` table" in note.data
    )
    assert len(table) == 50
    shown.clear()
    show_rows(pd.DataFrame({"row": range(3)}), "x", render=lambda rows: f"{len(rows)} rows")
    assert shown == ["3 rows"]  # short: no note
    assert describe_cap(3, 10, "x", by="group").startswith("*Showing 3 of 10 rows (whole groups)")


def test_mark_significant_shades_rows_below_alpha_and_escapes_text():
    tests = pd.DataFrame({"first": ["<b>A</b>", "B"], "second": ["C", "D"], "p_holm": [0.01, 0.5]})
    page = mark_significant(tests).to_html()
    assert "&lt;b&gt;A&lt;/b&gt;" in page and "<b>A</b>" not in page
    assert page.count(SIGNIFICANT_COLOUR) == 1 and "row0_col0" in page.split(SIGNIFICANT_COLOUR)[0]
    assert page == mark_significant(tests.copy()).to_html()  # the same table, the same HTML
    assert list(tests.columns) == ["first", "second", "p_holm"]


def test_mark_significant_reads_a_table_without_tests():
    descriptive = pd.DataFrame(
        {"first": ["A"], "second": ["B"], "p_holm": [""]}
    )  # as read from CSV: every p empty
    assert SIGNIFICANT_COLOUR not in mark_significant(descriptive).to_html()


@pytest.mark.parametrize(("n", "limit", "expected"), [(5, 60, 5), (100, 60, 60), (100, 1, 1)])
def test_choose_articles_samples_distinct_ids_in_their_order(n, limit, expected):
    ids = [f"a{i:03d}" for i in range(n)] * 2  # an id repeated counts once
    chosen = choose_articles(ids, limit)
    assert (
        len(chosen) == expected
        and chosen == sorted(chosen)
        and chosen == choose_articles(ids[::-1], limit)[::-1]
    )
    assert describe_sample(len(chosen), n) == (
        ""
        if expected == n
        else f" ({expected:,} of {n:,} articles, a sample fixed by a hash of the ids)"
    )


def test_show_tests_displays_html_without_a_memory_address(monkeypatch):
    shown = []
    monkeypatch.setattr("analysis.plots.views.display", shown.append)
    show_tests(pd.DataFrame({"first": ["A"], "second": ["B"], "p_holm": [0.01]}))
    (html,) = shown
    assert SIGNIFICANT_COLOUR in html.data and "0x" not in repr(html.data)
