"""How long the study report takes, and how much it weighs, beside VADER alone.

Usage: python benchmarks/report.py basil [--events 28]
       python benchmarks/report.py synthetic [--articles 10000] [--engine stream]
              [--event-wording 1]

``basil``: the first ``--events`` events (in id order) of the BASIL corpus
(``python -m analysis export-corpus basil``; needs BASIL in ``FRAMING_DATA_HOME``),
three outlets each, run by the single engine: the issue's 84-article, 28-event
corpus, whose ``make report`` should take at most 3 minutes here.

``synthetic``: the synthetic corpus of ``benchmarks/pipeline.py`` (seed sentences
resampled, events of 100 articles, each event worded its own way with
``--event-wording 1``), run by ``--engine`` (stream by default): the issue's
10,000-article, 100-event corpus, whose notebooks should take at most 10 minutes
beyond the engine's run.

Both time, in this process, what ``make report`` runs: the engine (``python -m analysis run``),
then :func:`analysis.report.build.build_report` (every notebook, the annotated pages, the explorer
and the index), each notebook apart (validations computed afresh, as on a fresh machine: an empty
``FRAMING_VALIDATION_CACHE``); then VADER alone on the run's sentences (the unit every speed figure
of the kit is given in, as this machine's speed varies), and the report folder's size. Everything
is written into a temporary folder (``--keep DIR`` keeps it).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import pandas as pd
from pipeline import build_corpus, time_vader


def write_basil(folder: Path, events: int) -> Path:
    """The first ``events`` BASIL events as a corpus table in ``folder``."""
    from analysis.engine.tables import write_table
    from analysis.resources.datasets import locate_dataset
    from analysis.resources.news_sets import basil_corpus, read_basil

    found = locate_dataset("basil", None)
    if found is None:
        raise SystemExit(
            "no BASIL in the data home (FRAMING_DATA_HOME): run 'python -m analysis fetch basil'"
        )
    corpus = basil_corpus(read_basil(found, with_spans=False))
    kept = sorted(corpus["event"].unique())[:events]
    path = folder / f"basil-{events}-events.csv"
    write_table(corpus[corpus["event"].isin(kept)], path)
    return path


def run_engine(corpus: Path, out: Path, engine: str) -> float:
    """Run ``engine`` on ``corpus`` into ``out``; return its seconds."""
    from analysis.engine.pipeline import run_corpus
    from analysis.engine.stream import run_dask, run_stream

    start = time.perf_counter()
    if engine == "single":
        run_corpus(corpus, out)
    elif engine == "stream":
        run_stream(corpus, out, progress=False)
    else:
        run_dask(corpus, out, progress=False)
    return time.perf_counter() - start


def folder_megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(corpus: Path, root: Path, engine: str) -> dict:
    """Engine, report (per notebook), VADER alone and report size for ``corpus``, every path under
    ``root``."""
    from analysis.engine.outputs import load_outputs
    from analysis.report.build import build_report

    processed, reports, figures = root / "processed", root / "reports", root / "figures"
    os.environ["FRAMING_VALIDATION_CACHE"] = str(
        root / "validation-cache"
    )  # empty: validations computed as on a fresh machine
    engine_seconds = run_engine(corpus, processed, engine)
    start = time.perf_counter()
    pages = build_report(
        corpus,
        processed,
        reports,
        figures,
        env={"FRAMING_CODING": str(root / "coding"), "FRAMING_CODED": str(root / "coded")},
        engine=engine,
    )
    report_seconds = time.perf_counter() - start
    tables = load_outputs(processed)
    words, vader_seconds = time_vader(tables["sentences"]["text"].tolist())
    notebooks = pages[pages["kind"] == "notebook"]
    return {
        "corpus": corpus.name,
        "engine": engine,
        "articles": len(tables["articles"]),
        "events": int(tables["articles"]["event"].nunique())
        if "event" in tables["articles"].columns
        else 0,
        "sentences": len(tables["sentences"]),
        "words": words,
        "engine_seconds": round(engine_seconds, 1),
        "report_seconds": round(report_seconds, 1),
        "notebook_seconds": {
            page: round(float(s), 1) for page, s in zip(notebooks["page"], notebooks["seconds"])
        },
        "notebooks_summed_seconds": round(
            float(notebooks["seconds"].sum()), 1
        ),  # above the report's time when they run at once
        "vader_seconds": round(vader_seconds, 1),
        "report_in_vader_units": round(report_seconds / vader_seconds, 1),
        "whole_in_vader_units": round((engine_seconds + report_seconds) / vader_seconds, 1),
        "report_mb": round(folder_megabytes(reports), 1),
        "pages": {kind: int(n) for kind, n in pages["kind"].value_counts().sort_index().items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["basil", "synthetic"])
    parser.add_argument("--events", type=int, default=28, help="basil: events kept")
    parser.add_argument(
        "--articles", type=int, default=10_000, help="synthetic: articles (events of 100)"
    )
    parser.add_argument(
        "--event-wording",
        type=float,
        default=1.0,
        help="synthetic: share of words each event rewords",
    )
    parser.add_argument(
        "--engine",
        choices=["single", "stream", "dask"],
        default=None,
        help="default: single for basil, stream for synthetic",
    )
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep the corpus, run and report in this folder"
    )
    args = parser.parse_args()
    engine = args.engine or ("single" if args.corpus == "basil" else "stream")
    with tempfile.TemporaryDirectory(prefix="framing-report-bench-") as temporary:
        root = args.keep or Path(temporary)
        root.mkdir(parents=True, exist_ok=True)
        if args.corpus == "basil":
            corpus = write_basil(root, args.events)
        else:
            corpus = root / f"synthetic-{args.articles}.parquet"
            build_corpus(args.articles, args.seed, args.event_wording).to_parquet(
                corpus, index=False
            )
        os.environ.setdefault("MPLBACKEND", "Agg")
        result = measure(corpus, root, engine)
    print(pd.Series({k: v for k, v in result.items() if not isinstance(v, dict)}).to_string())
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
