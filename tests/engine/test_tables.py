"""The registry of output tables, and tables written and read back the same."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.engine.pipeline import run_corpus
from analysis.engine.tables import (
    CORPUS_TABLES,
    LOCAL_TABLES,
    TABLE_REGISTRY,
    TABLES,
    list_expected_columns,
    normalise_table,
    render_table_list,
)

SECOND_CORPUS = config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The seeds and the second corpus (with events), each run into a folder."""
    root = tmp_path_factory.mktemp("registry")
    for name, corpus in (("seeds", config.DEFAULT_CORPUS), ("second", SECOND_CORPUS)):
        run_corpus(corpus, root / name)
    return root


@pytest.mark.parametrize("corpus", ["seeds", "second"])
@pytest.mark.parametrize("name", TABLES)
def test_every_written_table_has_the_registered_columns(written, corpus, name):
    columns = list(pd.read_csv(written / corpus / f"{name}.csv", nrows=0).columns)
    assert columns == list_expected_columns(name, columns)


def test_every_file_of_a_run_is_registered(written):
    files = {p.name for p in (written / "second").iterdir() if p.is_file()}
    assert files == {f"{name}.csv" for name in TABLES} | {"run.json"}


def test_the_registry_names_each_table_once_by_level():
    assert len(set(TABLES)) == len(TABLES) == len(TABLE_REGISTRY)
    assert LOCAL_TABLES + CORPUS_TABLES == TABLES
    assert all(
        table.level in ("local", "corpus") and table.rows and table.columns
        for table in TABLE_REGISTRY
    )


def test_the_outputs_page_is_written_from_the_registry():
    page = (config.PROJECT_DIR / "docs" / "outputs.md").read_text(encoding="utf-8")
    assert page == render_table_list(), "run 'python -m analysis tables > docs/outputs.md'"


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ([0.123456789, None], [0.123457, float("nan")]),  # floats as a CSV holds them
        (["a", None], ["a", ""]),  # empty text is "", not None
        (["1", ""], [1.0, float("nan")]),  # a text column of numbers reads as numbers
    ],
)
def test_normalise_table_gives_what_a_csv_gives_back(column, expected):
    frame = pd.DataFrame({"value": column, "text": ["kept as it is", "  untouched "]})
    normal = normalise_table(frame, keep=["text"])
    assert list(normal.columns) == ["value", "text"]
    pd.testing.assert_series_equal(
        normal["value"], pd.Series(expected, name="value"), check_dtype=False
    )
    assert list(normal["text"]) == ["kept as it is", "  untouched "]
    assert frame["value"].tolist()[:1] == column[:1]  # the input is not changed
