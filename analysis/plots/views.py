"""Tables as a notebook shows them: capped with a note when long, Holm-significant comparisons
marked.

A 100,000-article corpus has millions of quotes and hedges; a report page that
listed them all would weigh gigabytes. A notebook shows at most :data:`MAX_ROWS`
rows of such a table, a sample fixed by a hash of the rows' keys, and says so,
naming the table that holds every row. The report's pages make every table
sortable and searchable (a small offline script in ``analysis/resources/templates/offline``).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from IPython.display import HTML, Markdown, display
from pandas.io.formats.style import Styler

from analysis.stats.sampling import digest_key, rank_by_hash, sample_by_hash

MAX_ROWS = 200
"""Rows a notebook table shows at most."""

MAX_FIGURE_ARTICLES = 60
"""Articles a figure with a row per article shows at most (:func:`choose_articles`)."""

SIGNIFICANT_COLOUR = "#fff2cc"
"""The background of a comparison that holds after Holm's correction."""


def cap_rows(frame: pd.DataFrame, limit: int = MAX_ROWS, by: str | None = None) -> pd.DataFrame:
    """At most ``limit`` rows of ``frame``, in its order: all when it has no more; else the rows
    whose keys come first in the order of their SHA-1 digests (the same sample on every run,
    whatever the rows' order). A key is a row's values (its ``by`` value when given: groups are
    then kept whole while they fit). A new DataFrame.

    Returns
    -------
    A new DataFrame:

    - the columns of ``frame``, at most ``limit`` of its rows, in its order
    """
    if len(frame) <= limit:
        return frame.copy()
    keys = frame[by].astype(str) if by is not None else frame.astype(str).agg("\x1f".join, axis=1)
    if by is None:
        return frame.loc[
            keys.map(digest_key).sort_values(kind="stable").index[:limit]
        ].sort_index()
    sizes = keys.value_counts()
    kept, total = set(), 0
    for key in rank_by_hash(sizes.index):
        if total + sizes[key] <= limit:
            kept.add(key)
            total += sizes[key]
    return frame[keys.isin(kept)].copy()


def choose_articles(ids: pd.Series | list[str], limit: int = MAX_FIGURE_ARTICLES) -> list[str]:
    """The distinct ``ids`` a figure of one row per article shows, in their order: all of them when
    at most ``limit``, else a sample of ``limit``
    (:func:`analysis.stats.sampling.sample_by_hash`)."""
    return sample_by_hash(ids, limit)


def describe_sample(shown: int, total: int, noun: str = "articles") -> str:
    """What a figure's title adds when it shows a sample: "" when it shows everything."""
    return (
        ""
        if shown >= total
        else f" ({shown:,} of {total:,} {noun}, a sample fixed by a hash of the ids)"
    )


def describe_cap(shown: int, total: int, where: str, by: str | None = None) -> str:
    """The note over a capped table: how many rows of how many, how they were picked, and ``where``
    every row is (say "the run's `quotes` table")."""
    unit = f"rows (whole {by}s)" if by is not None else "rows"
    return (
        f"*Showing {shown:,} of {total:,} {unit}, a sample fixed by a hash of each row, the "
        f"same on every run; every row is in {where}.*"
    )


def show_rows(
    frame: pd.DataFrame,
    where: str,
    limit: int = MAX_ROWS,
    by: str | None = None,
    render: Callable[[pd.DataFrame], object] | None = None,
) -> None:
    """Display ``frame`` whole when it has at most ``limit`` rows, else :func:`cap_rows` under a
    note saying ``where`` every row is (:func:`describe_cap`). ``render`` turns the rows shown into
    what is displayed (an HTML table, say); by default the DataFrame itself, every row shown."""
    shown = cap_rows(frame, limit, by)
    if len(shown) < len(frame):
        display(Markdown(describe_cap(len(shown), len(frame), where, by)))
    if render is not None:
        display(render(shown))
        return
    with pd.option_context("display.max_rows", limit + 1, "display.min_rows", limit + 1):
        display(shown)


def mark_significant(tests: pd.DataFrame, alpha: float = 0.05) -> Styler:
    """A tests table (:data:`analysis.stats.design.COMPARISON_COLUMNS`) styled for display: the
    rows whose Holm-corrected p-value is below ``alpha`` on a coloured background, with a ``title``
    saying why; text escaped, and element ids derived from the table, so the same table gives the
    same HTML. The table is not changed."""
    p_holm = (
        pd.to_numeric(tests["p_holm"], errors="coerce")
        if "p_holm" in tests.columns
        else pd.Series(float("nan"), index=tests.index)
    )
    significant = p_holm.lt(
        alpha
    )  # an empty p (a descriptive comparison, read from CSV as text) is no finding

    def colour(row: pd.Series) -> list[str]:
        return [f"background-color: {SIGNIFICANT_COLOUR}" if significant[row.name] else ""] * len(
            row
        )

    return (
        tests.style.apply(colour, axis=1)
        .format(precision=4, na_rep="", escape="html")
        .set_uuid(digest_key(tests.to_csv(index=False))[:10])  # the same page for the same table
        .set_table_attributes(
            f'class="dataframe tests" title="shaded: Holm-corrected p below {alpha}"'
        )
    )


def show_tests(tests: pd.DataFrame, alpha: float = 0.05) -> None:
    """Display a tests table as :func:`mark_significant` styles it, as HTML (a Styler's plain-text
    form would carry its memory address into the executed notebook, which a rerun could not
    reproduce)."""
    display(HTML(mark_significant(tests, alpha).to_html()))
