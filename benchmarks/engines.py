"""Throughput, scaling and memory of the stream and Dask engines, beside VADER alone.

Usage: python benchmarks/engines.py [--articles 200 400 800] [--chunk-size 100]
                                    [--reduce-up-to 200] [--dask 400] [--seed 20250212]
                                    [--event-wording 1.0]

The synthetic corpus is :func:`pipeline.build_corpus` (see ``benchmarks/pipeline.py``
for its composition: seed sentences resampled with replacement, two words of
each replaced so that texts rarely repeat; with ``--event-wording`` each
event rewords the seed sentences first, so that events share little), written to a
Parquet file by a process of its own. Each size runs in a fresh process (its own
peak resident memory, ``VmHWM``, reset before each stage of the corpus step):

- the map step (:func:`analysis.engine.stream.map_chunks`: read, clean, segment, score
  and match every chunk, write its Parquet tables), timed;
- the corpus step (:func:`analysis.engine.stream.reduce_chunks`: outlet summaries,
  permutation tests, shared passages, quotation variants, coverage), timed, for
  sizes up to ``--reduce-up-to`` only: its shared-text stages grow faster than
  the corpus, so larger sizes would take hours;
- VADER alone (``SentimentIntensityAnalyzer.polarity_scores``) on the same
  sentences, the floor of any pipeline that scores tone.

Words per second are per core (the stream engine is one process). With ``--dask N``
the map step of an N-article corpus also runs on a local Dask cluster of one and
of two worker processes (cluster start-up included), for the speed-up.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from pipeline import build_corpus, time_vader


def write_corpus(
    folder: Path, articles: int, seed: int, event_wording: float
) -> tuple[Path, Path]:
    """A synthetic corpus as a Parquet file in ``folder``, and the run's output folder beside it.

    Built in a separate process, so that building it does not count in the
    measuring process's peak memory (at 10,000 articles it alone peaks near 585 MB),
    and written under another name first, so that a stopped run leaves no corpus
    cut short.
    """
    corpus = folder / "corpus.parquet"
    subprocess.run(
        [
            sys.executable,
            __file__,
            "--write-corpus",
            str(corpus),
            "--articles",
            str(articles),
            "--seed",
            str(seed),
            "--event-wording",
            str(event_wording),
        ],
        check=True,
    )
    return corpus, folder / "out"


def measure(articles: int, chunk_size: int, reduce: bool, seed: int, event_wording: float) -> dict:
    """Run the stream engine on a synthetic corpus in this process; times, words, peak memory."""
    from analysis.engine import stream
    from analysis.engine.pipeline import load_resources
    from analysis.engine.stream import map_chunks, read_parts, reduce_chunks

    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}
    for name in stream.CORPUS_STAGES:
        setattr(stream, name, _timed(getattr(stream, name), name, stages, peaks))
    resources = load_resources()
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = write_corpus(Path(folder), articles, seed, event_wording)
        start = time.perf_counter()
        map_chunks(corpus, out, chunk_size, resources, progress=False)
        mapped = time.perf_counter() - start
        peak_map = read_peak_mb()
        reduced = None
        if reduce:
            start = time.perf_counter()
            reduce_chunks(out, resources)
            reduced = time.perf_counter() - start
        sentences = read_parts(out, "sentences", ["article_id", "text"])["text"].tolist()
    words, vader = time_vader(sentences)
    return {
        "articles": articles,
        "sentences": len(sentences),
        "words": words,
        "map_seconds": mapped,
        "reduce_seconds": reduced,
        "vader_seconds": vader,
        "peak_map_mb": peak_map,
        "peak_mb": max([peak_map, *peaks.values()]),
        "stages": stages,
        "stage_peaks_mb": peaks,
    }


def _timed(function, name: str, stages: dict[str, float], peaks: dict[str, float]):
    def run(*args, **kwargs):
        reset_peak()
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
            peaks[name] = max(peaks.get(name, 0.0), read_peak_mb())

    return run


def reset_peak() -> None:
    """Start a new peak of resident memory (Linux: ``/proc/self/clear_refs``; elsewhere the peaks
    are the process's so far)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def read_status_mb(field: str) -> float:
    """A memory figure of this process from ``/proc/self/status`` (``VmHWM``, ``VmRSS``...), in
    MB."""
    status = Path("/proc/self/status").read_text()
    return (
        next(int(line.split()[1]) for line in status.splitlines() if line.startswith(f"{field}:"))
        / 1024
    )


def read_peak_mb() -> float:
    """The peak resident memory since :func:`reset_peak`, in MB (``VmHWM``; ``ru_maxrss`` where
    there is no ``/proc``)."""
    try:
        return read_status_mb("VmHWM")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_dask(
    articles: int, chunk_size: int, workers: int, seed: int, event_wording: float
) -> dict:
    """The map step on a local Dask cluster of ``workers`` processes, start-up included."""
    from analysis.engine.pipeline import load_resources
    from analysis.engine.stream import map_chunks_on_dask

    resources = load_resources()
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = write_corpus(Path(folder), articles, seed, event_wording)
        start = time.perf_counter()
        map_chunks_on_dask(corpus, out, chunk_size, resources, workers=workers, progress=False)
        return {
            "articles": articles,
            "workers": workers,
            "map_seconds": time.perf_counter() - start,
        }


def child(*options: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *options], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 400, 800])
    parser.add_argument("--chunk-size", type=int, default=100)
    parser.add_argument("--reduce-up-to", type=int, default=200)
    parser.add_argument(
        "--dask",
        type=int,
        default=None,
        help="articles of the Dask speed-up run (none by default)",
    )
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument(
        "--event-wording",
        type=float,
        default=0.0,
        help="share of words each event rewrites in the seed sentences (0: every event repeats "
        "them; see benchmarks/pipeline.py)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--write-corpus", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_corpus:
        partial = args.write_corpus.with_suffix(".partial")
        build_corpus(args.articles[0], args.seed, args.event_wording).to_parquet(
            partial, index=False
        )
        partial.replace(args.write_corpus)
        return
    if args.child:
        if args.workers:
            print(
                json.dumps(
                    measure_dask(
                        args.articles[0],
                        args.chunk_size,
                        args.workers,
                        args.seed,
                        args.event_wording,
                    )
                )
            )
        else:
            print(
                json.dumps(
                    measure(
                        args.articles[0],
                        args.chunk_size,
                        args.articles[0] <= args.reduce_up_to,
                        args.seed,
                        args.event_wording,
                    )
                )
            )
        return
    common = [
        "--chunk-size",
        str(args.chunk_size),
        "--reduce-up-to",
        str(args.reduce_up_to),
        "--seed",
        str(args.seed),
        "--event-wording",
        str(args.event_wording),
    ]
    results = [child("--articles", str(n), *common) for n in args.articles]
    rows = []
    for r in results:
        row = {
            "articles": r["articles"],
            "words": r["words"],
            "map_words_per_s": round(r["words"] / r["map_seconds"]),
            "map_ms_per_article": round(1000 * r["map_seconds"] / r["articles"], 1),
            "map_share_of_vader": round(r["vader_seconds"] / r["map_seconds"], 3),
            "peak_map_mb": round(r["peak_map_mb"]),
            "vader_words_per_s": round(r["words"] / r["vader_seconds"]),
        }
        if r["reduce_seconds"] is not None:
            whole = r["map_seconds"] + r["reduce_seconds"]
            row.update(
                whole_words_per_s=round(r["words"] / whole),
                whole_share_of_vader=round(r["vader_seconds"] / whole, 3),
                reduce_seconds=round(r["reduce_seconds"], 1),
                reduce_ms_per_article=round(1000 * r["reduce_seconds"] / r["articles"], 1),
                whole_ms_per_article=round(1000 * whole / r["articles"], 1),
                peak_mb=round(r["peak_mb"]),
            )
        rows.append(row)
    print(
        f"stream engine, one process, chunks of {args.chunk_size} articles (words per second per "
        "core):"
    )
    print(pd.DataFrame(rows).to_string(index=False))
    reduced = {r["articles"]: r["stages"] for r in results if r["reduce_seconds"] is not None}
    if reduced:
        print("\ncorpus step, seconds per stage:")
        print(pd.DataFrame(reduced).round(1).to_string())
        print("\ncorpus step, peak resident memory per stage (MB):")
        print(
            pd.DataFrame(
                {
                    r["articles"]: r["stage_peaks_mb"]
                    for r in results
                    if r["reduce_seconds"] is not None
                }
            )
            .round()
            .astype(int)
            .to_string()
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last["map_seconds"] / last["articles"]) / (
            first["map_seconds"] / first["articles"]
        )
        print(
            f"\nmap time per article, {last['articles']} against {first['articles']} articles: "
            f"x{growth:.2f}; "
            f"peak memory of the map step x{last['peak_map_mb'] / first['peak_map_mb']:.2f}"
        )
        if first["reduce_seconds"] is not None and last["reduce_seconds"] is not None:
            per_article = [
                (r["map_seconds"] + r["reduce_seconds"]) / r["articles"] for r in (first, last)
            ]
            reduce_ratio = (last["reduce_seconds"] / last["articles"]) / (
                first["reduce_seconds"] / first["articles"]
            )
            print(
                f"whole pipeline time per article, {last['articles']} against {first['articles']} "
                f"articles: x{per_article[1] / per_article[0]:.2f}; "
                f"corpus step x{reduce_ratio:.2f}; "
                f"whole run's peak memory x{last['peak_mb'] / first['peak_mb']:.2f}"
            )
            stages = [
                f"{name} "
                f"x{(last['stages'][name] / last['articles']) / (seconds / first['articles']):.2f}"
                for name, seconds in first["stages"].items()
                if seconds > 0
            ]
            print("corpus step per stage, time per article: " + ", ".join(stages))
    if args.dask:
        one = child("--articles", str(args.dask), "--workers", "1", *common)
        two = child("--articles", str(args.dask), "--workers", "2", *common)
        print(
            f"\nDask map step, {args.dask} articles, local cluster started included: one worker "
            f"{one['map_seconds']:.1f} s, "
            f"two workers {two['map_seconds']:.1f} s, speed-up "
            f"x{one['map_seconds'] / two['map_seconds']:.2f}"
        )


if __name__ == "__main__":
    main()
