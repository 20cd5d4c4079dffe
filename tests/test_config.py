"""Every path the kit uses (analysis.config): defaults, environment variables, parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import config

FRAMING_VARIABLES = (
    "FRAMING_CORPUS",
    "FRAMING_ENGINE",
    "FRAMING_PROCESSED",
    "FRAMING_FIGURES",
    "FRAMING_DATA_HOME",
    "FRAMING_CODING",
    "FRAMING_CODED",
    "FRAMING_REPORT",
    "FRAMING_MODELS",
    "XDG_CACHE_HOME",
)


@pytest.fixture
def clean_environment(monkeypatch):
    """No ``FRAMING_*`` variable set: the defaults apply."""
    for name in FRAMING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_defaults_are_inside_the_project(clean_environment, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config.PROJECT_DIR == Path(config.__file__).resolve().parent.parent
    assert config.corpus_path() == config.DEFAULT_CORPUS
    assert config.engine_name() == "single"
    assert config.figures_dir() == config.FIGURES_DIR
    assert config.local_models_dir() == config.LOCAL_MODELS_DIR
    assert config.data_home() == tmp_path / ".cache" / "media-framing" / "datasets"
    assert not config.building_report()


@pytest.mark.parametrize(
    ("engine", "expected"),
    [
        ("single", "trump-putin-call-2025-02-12"),
        ("stream", "trump-putin-call-2025-02-12-chunked"),
        ("dask", "trump-putin-call-2025-02-12-chunked"),
    ],
)
def test_a_single_run_and_a_chunked_run_never_share_a_folder(clean_environment, engine, expected):
    assert config.processed_dir(engine=engine) == config.PROCESSED_DIR / expected


@pytest.mark.parametrize(
    ("name", "is_file", "expected"),
    [
        ("my-corpus", False, "my-corpus"),  # a folder: its name
        ("articles.parquet", True, "articles"),  # a table file: its stem
        ("news.v2.jsonl", True, "news.v2"),
    ],
)
def test_corpus_name(tmp_path, name, is_file, expected):
    path = tmp_path / name
    if is_file:
        path.write_text("")
    else:
        path.mkdir()
    assert config.corpus_name(path) == expected


@pytest.mark.parametrize(
    ("variable", "read"),
    [
        ("FRAMING_CORPUS", config.corpus_path),
        ("FRAMING_PROCESSED", config.processed_dir),
        ("FRAMING_FIGURES", config.figures_dir),
        ("FRAMING_DATA_HOME", config.data_home),
        ("FRAMING_CODING", config.coding_dir),
        ("FRAMING_CODED", config.coded_dir),
        ("FRAMING_MODELS", config.local_models_dir),
    ],
)
def test_each_variable_overrides_its_path_made_absolute(
    clean_environment, monkeypatch, tmp_path, variable, read
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, "  somewhere  ")
    assert read() == tmp_path / "somewhere"


def test_a_blank_variable_is_unset(clean_environment, monkeypatch):
    monkeypatch.setenv("FRAMING_FIGURES", "   ")
    assert config.figures_dir() == config.FIGURES_DIR


def test_coding_folders_follow_the_corpus(clean_environment, tmp_path):
    corpus = tmp_path / "election-2024"
    corpus.mkdir()
    assert config.coding_dir(corpus) == config.INTERIM_DIR / "election-2024" / "coding"
    assert config.coded_dir(corpus) == config.RAW_DIR / "coding" / "election-2024"


def test_data_home_takes_an_override_then_the_variable_then_the_cache(
    clean_environment, monkeypatch, tmp_path
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert config.data_home() == tmp_path / "cache" / "media-framing" / "datasets"
    monkeypatch.setenv("FRAMING_DATA_HOME", str(tmp_path / "home"))
    assert config.data_home() == tmp_path / "home"
    assert config.data_home(tmp_path / "given") == tmp_path / "given"


def test_apply_parameters_sets_the_variables_and_leaves_the_rest(
    clean_environment, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FRAMING_FIGURES", str(tmp_path / "kept"))
    config.apply_parameters(corpus="corpus.csv", processed="out", engine="stream")
    assert config.corpus_path() == tmp_path / "corpus.csv"
    assert config.processed_dir() == tmp_path / "out"
    assert config.engine_name() == "stream"
    assert config.figures_dir() == tmp_path / "kept"


@pytest.mark.parametrize("engine", ["Single", "spark", ""])
def test_an_unknown_engine_is_refused_with_the_choices(clean_environment, engine):
    with pytest.raises(ValueError, match="choose one of single, stream, dask"):
        config.apply_parameters(engine=engine)
    assert config.engine_name() == "single"


def test_an_unknown_engine_in_the_environment_is_refused(clean_environment, monkeypatch):
    monkeypatch.setenv("FRAMING_ENGINE", "spark")
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        config.engine_name()


@pytest.mark.parametrize(("value", "building"), [("1", True), (" 1 ", True), ("0", False)])
def test_building_report(clean_environment, monkeypatch, value, building):
    monkeypatch.setenv("FRAMING_REPORT", value)
    assert config.building_report() is building


def test_wordlist_path_points_into_the_package():
    path = config.wordlist_path("hedges.txt")
    assert path.parent == config.WORDLISTS_DIR and path.is_relative_to(config.PACKAGE_DIR)
