"""One loader for both output forms: a single run's CSV files and a stream run's Parquet chunks."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.engine.outputs import READ_TABLES, detect_output_form, load_outputs
from analysis.engine.pipeline import run_corpus
from analysis.engine.stream import run_stream
from analysis.engine.tables import TABLES

SECOND_CORPUS = config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv"


def test_outputs_read_back_equal_to_what_was_written(tmp_path):
    written = run_corpus(config.DEFAULT_CORPUS, tmp_path)
    read = load_outputs(tmp_path)
    assert list(read["articles"]["clean_text"]) == list(written["articles"]["clean_text"])
    assert read["sentences"][["start", "end", "text", "voice"]].equals(
        written["sentences"][["start", "end", "text", "voice"]]
    )
    assert (
        (tmp_path / "clean" / "lib-fails.txt")
        .read_text(encoding="utf-8")
        .startswith("Russian President Vladimir Putin")
    )


def test_load_outputs_says_what_to_run(tmp_path):
    with pytest.raises(
        FileNotFoundError,
        match=r"holds no analysis; run 'python -m analysis run CORPUS --out .*--engine stream",
    ):
        load_outputs(tmp_path)


def test_load_outputs_names_the_tables_an_older_run_lacks(tmp_path):
    run_corpus(config.DEFAULT_CORPUS, tmp_path)
    (tmp_path / "stances.csv").unlink()
    with pytest.raises(
        FileNotFoundError,
        match=r"older version of the kit, without stances\.csv; "
        r"run 'python -m analysis run CORPUS",
    ):
        load_outputs(tmp_path)


def test_a_stream_run_loads_into_the_same_tables_as_a_single_run(tmp_path):
    run_corpus(SECOND_CORPUS, tmp_path / "single")
    run_stream(SECOND_CORPUS, tmp_path / "stream", chunk_size=4, progress=False)
    assert (detect_output_form(tmp_path / "single"), detect_output_form(tmp_path / "stream")) == (
        "single",
        "chunked",
    )
    single, chunked = load_outputs(tmp_path / "single"), load_outputs(tmp_path / "stream")
    kept = load_outputs(tmp_path / "stream")  # read back from the run's _read folder
    assert (tmp_path / "stream" / READ_TABLES / "stamp.txt").is_file()
    for name in TABLES:
        pd.testing.assert_frame_equal(chunked[name], single[name], obj=name)
        pd.testing.assert_frame_equal(kept[name], single[name], obj=name)


def test_the_kept_tables_are_not_read_once_the_run_changes(tmp_path):
    run_stream(SECOND_CORPUS, tmp_path, chunk_size=4, progress=False)
    first = load_outputs(tmp_path)
    omissions = pd.read_parquet(tmp_path / "omissions.parquet")
    omissions.iloc[0:0].to_parquet(
        tmp_path / "omissions.parquet", index=False
    )  # as a new corpus step would rewrite it
    assert len(first["omissions"]) and len(load_outputs(tmp_path)["omissions"]) == 0


def test_an_unfinished_stream_run_is_named(tmp_path):
    run_stream(SECOND_CORPUS, tmp_path, chunk_size=4, progress=False)
    (tmp_path / "omissions.parquet").unlink()
    with pytest.raises(FileNotFoundError, match="no finished stream run .*omissions"):
        load_outputs(tmp_path)
