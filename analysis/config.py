"""Every path the kit uses, in one place.

Paths derive from the project folder (the parent of this package) and can be
overridden with environment variables, so that notebooks, the Makefile and the
tests never spell a relative path such as ``'../data'``.

==========================  ===========================================================
environment variable        meaning
==========================  ===========================================================
``FRAMING_CORPUS``          the corpus to study (folder or table file); default: the
                            five seed articles in ``data/raw/``
``FRAMING_ENGINE``          the engine whose run is read: ``single`` (default),
                            ``stream`` or ``dask``
``FRAMING_PROCESSED``       where ``python -m analysis run`` wrote that corpus's
                            tables; default: ``data/processed/<corpus name>``, or
                            ``data/processed/<corpus name>-chunked`` for a stream
                            or Dask run
``FRAMING_FIGURES``         where notebooks save figures; default: ``figures/``
``FRAMING_DATA_HOME``       where human-annotated gold data sets live; default:
                            ``$XDG_CACHE_HOME/media-framing/datasets``
``FRAMING_CODING``          where the coding sheet is exported; default:
                            ``data/interim/<corpus name>/coding``
``FRAMING_CODED``           where coded copies of a coding sheet are read from;
                            default: ``data/raw/coding/<corpus name>``
``FRAMING_REPORT``          ``1`` while ``make report`` executes the notebooks: controls
                            that need a live kernel (widgets) are replaced by a note
``FRAMING_MODELS``          where ``make models`` writes the models it may not
                            commit (fitted on gold data whose licence is unclear);
                            default: ``models/`` (ignored by git)
==========================  ===========================================================
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
RAW_DIR = DATA_DIR / "raw"
INTERIM_DIR = DATA_DIR / "interim"
PROCESSED_DIR = DATA_DIR / "processed"
FIGURES_DIR = PROJECT_DIR / "figures"
REPORTS_DIR = PROJECT_DIR / "reports"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
RESOURCES_DIR = PACKAGE_DIR / "resources"
WORDLISTS_DIR = RESOURCES_DIR / "wordlists"
MODELS_DIR = RESOURCES_DIR / "models"
TEMPLATES_DIR = RESOURCES_DIR / "templates"
LOCAL_MODELS_DIR = PROJECT_DIR / "models"

DEFAULT_CORPUS = RAW_DIR / "trump-putin-call-2025-02-12"
GOLD_DIR = RAW_DIR / "gold"
"""Gold sets the project coded by hand (their README says how); the public ones stay in the data
home."""


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else None


ENGINES = ("single", "stream", "dask")
"""The engines of ``python -m analysis run``; stream and Dask runs write the same chunked
folder."""


def apply_parameters(
    corpus: str | os.PathLike | None = None,
    processed: str | os.PathLike | None = None,
    figures: str | os.PathLike | None = None,
    engine: str | None = None,
) -> None:
    """Point this process at a corpus, its tables, a figures folder and an engine: each value given
    sets its ``FRAMING_*`` variable (paths made absolute), so every path of this module follows;
    None leaves the variable as it is.

    A notebook calls it with the values of its ``parameters`` cell (set by papermill's ``-p`` or
    Quarto). Raises ValueError for an engine not in :data:`ENGINES`.
    """
    for name, value in (
        ("FRAMING_CORPUS", corpus),
        ("FRAMING_PROCESSED", processed),
        ("FRAMING_FIGURES", figures),
    ):
        if value is not None:
            os.environ[name] = str(Path(value).expanduser().resolve())
    if engine is not None:
        os.environ["FRAMING_ENGINE"] = check_engine(engine)


def check_engine(engine: str) -> str:
    """``engine`` if it is one of :data:`ENGINES`; else ValueError naming them."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    return engine


def building_report() -> bool:
    """Whether the notebooks run for the HTML report (``FRAMING_REPORT=1``), where a widget has no
    kernel to talk to."""
    return os.environ.get("FRAMING_REPORT", "").strip() == "1"


def engine_name() -> str:
    """The engine whose run the notebooks read: ``FRAMING_ENGINE`` or ``single``."""
    return check_engine(os.environ.get("FRAMING_ENGINE", "").strip() or "single")


def corpus_path() -> Path:
    """The corpus under study: ``FRAMING_CORPUS`` or the default seed corpus."""
    return _from_env("FRAMING_CORPUS") or DEFAULT_CORPUS


def corpus_name(corpus: Path | None = None) -> str:
    """A folder-safe name for a corpus: its folder name, or a table file's stem."""
    corpus = Path(corpus) if corpus is not None else corpus_path()
    return corpus.stem if corpus.is_file() else corpus.name


def processed_dir(corpus: Path | None = None, engine: str | None = None) -> Path:
    """Where the tables of ``python -m analysis run`` for the corpus are kept:
    ``FRAMING_PROCESSED``, else ``data/processed/<corpus name>`` for a single run and
    ``data/processed/<corpus name>-chunked`` for a stream or Dask run (``engine``, default
    :func:`engine_name`), so the two forms never share a folder."""
    chunked = check_engine(engine) != "single" if engine is not None else engine_name() != "single"
    return _from_env("FRAMING_PROCESSED") or PROCESSED_DIR / (
        corpus_name(corpus) + ("-chunked" if chunked else "")
    )


def coding_dir(corpus: Path | None = None) -> Path:
    """Where the coding sheet and key are exported: ``FRAMING_CODING`` or ``data/interim/<corpus
    name>/coding``."""
    return _from_env("FRAMING_CODING") or INTERIM_DIR / corpus_name(corpus) / "coding"


def coded_dir(corpus: Path | None = None) -> Path:
    """Where coders' filled-in sheets (``<coder>.csv``) are read from: ``FRAMING_CODED`` or
    ``data/raw/coding/<corpus name>``."""
    return _from_env("FRAMING_CODED") or RAW_DIR / "coding" / corpus_name(corpus)


def figures_dir() -> Path:
    """Where figures (PNG, SVG and the CSV of plotted data) are written."""
    return _from_env("FRAMING_FIGURES") or FIGURES_DIR


def data_home(override: str | os.PathLike | None = None) -> Path:
    """The folder holding the gold data sets used by ``python -m analysis validate``."""
    if override:
        return Path(override).expanduser().resolve()
    from_env = _from_env("FRAMING_DATA_HOME")
    if from_env:
        return from_env
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "media-framing" / "datasets"


def local_models_dir() -> Path:
    """Where models fitted on this machine and never committed are kept."""
    return _from_env("FRAMING_MODELS") or LOCAL_MODELS_DIR


def wordlist_path(name: str) -> Path:
    """The path of a word list shipped with the package."""
    return WORDLISTS_DIR / name
