from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from analysis import config

# Property tests draw the same examples on every run (a failure is reproduced by
# running again) and keep no example database in the project.
settings.register_profile("kit", derandomize=True, database=None, deadline=None, max_examples=300)
settings.load_profile("kit")

SHARED = config.PROJECT_DIR.parent / "shared"


@pytest.fixture(scope="session")
def data_home() -> Path:
    """The gold data home, or skip when this machine has none."""
    home = config.data_home()
    if not home.is_dir():
        pytest.skip(f"no gold data home at {home} (set FRAMING_DATA_HOME)")
    return home


@pytest.fixture(scope="session")
def seed_tables():
    """The default corpus analysed in memory."""
    from analysis.engine.pipeline import analyse_articles, load_resources
    from analysis.text.corpus import load_corpus

    return analyse_articles(
        load_corpus(config.DEFAULT_CORPUS), load_resources(config.DEFAULT_CORPUS)
    )


@pytest.fixture(scope="session")
def profile(seed_tables):
    """The framing profile of the default corpus
    (:func:`analysis.report.profile.profile_outlets`)."""
    from analysis.report.profile import profile_outlets

    return profile_outlets(seed_tables)


@pytest.fixture
def write_files(tmp_path):
    """Write ``{name: text or bytes}`` into a fresh corpus folder and return it."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


ENGLISH = (
    "The minister said on Tuesday that the talks would continue next week, and that both sides "
    "had agreed to meet again in Geneva. It was the first time in two years that the two "
    "governments "
    "had spoken directly about the dispute, which has cost thousands of jobs on both sides of the "
    "border."
)

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session", autouse=True)
def validation_cache(tmp_path_factory):
    """Validation results are kept in a temporary folder (:mod:`analysis.evaluation.cache`):
    nothing is written into the project, and each session computes them afresh."""
    folder = tmp_path_factory.mktemp("validation-cache")
    os.environ["FRAMING_VALIDATION_CACHE"] = str(folder)
    yield folder
    os.environ.pop("FRAMING_VALIDATION_CACHE", None)


@pytest.fixture(scope="session")
def built_report(tmp_path_factory):
    """The study report built on the default corpus as ``make report`` builds it: (reports folder,
    pages).

    Notebooks write figures into ``<tmp>/figures`` and the coding sheet into
    ``<tmp>/coding``; nothing is written into the project.
    """
    from analysis.engine.pipeline import run_corpus
    from analysis.report.build import build_report

    root = tmp_path_factory.mktemp("report")
    run_corpus(config.DEFAULT_CORPUS, root / "processed")
    pages = build_report(
        config.DEFAULT_CORPUS,
        root / "processed",
        root / "reports",
        root / "figures",
        env={"FRAMING_CODING": str(root / "coding"), "FRAMING_CODED": str(root / "coded")},
    )
    return root / "reports", pages


SECOND_CORPUS_PATH = Path(__file__).parent / "data" / "second_corpus.csv"


@pytest.fixture(scope="session")
def second_report(tmp_path_factory):
    """The study report built on the six test articles of ``tests/data`` (three outlets, two
    events), run by the stream engine in chunks of four: the report reads its Parquet chunks (the
    default corpus's report, a single run's CSV files)."""
    from analysis.engine.stream import run_stream
    from analysis.report.build import build_report

    root = tmp_path_factory.mktemp("second-report")
    run_stream(SECOND_CORPUS_PATH, root / "processed", chunk_size=4, progress=False)
    build_report(
        SECOND_CORPUS_PATH,
        root / "processed",
        root / "reports",
        root / "figures",
        env={"FRAMING_CODING": str(root / "coding"), "FRAMING_CODED": str(root / "coded")},
        engine="stream",
    )
    return root / "reports"


@pytest.fixture
def resample_limit(monkeypatch):
    """Set the resample limit (:data:`analysis.stats.uncertainty.RESAMPLE_LIMIT`) for one test,
    everywhere it is read."""

    def set_limit(limit: int) -> int:
        for module in (
            "analysis.stats.uncertainty",
            "analysis.tone.score",
            "analysis.stats.rates",
            "analysis.stats.resampling",
        ):
            monkeypatch.setattr(f"{module}.RESAMPLE_LIMIT", limit)
        return limit

    return set_limit
