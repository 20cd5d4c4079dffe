"""The stream engine on a corpus too large to measure in one sitting: map, corpus step and report,
resumable.

Usage: python benchmarks/large_run.py FOLDER map [--articles 100000] [--chunk-size 100]
                                                 [--seed 20250212] [--event-wording 1.0]
       python benchmarks/large_run.py FOLDER reduce
       python benchmarks/large_run.py FOLDER report

``map`` writes the synthetic corpus of ``engines.py`` into FOLDER (once, in a
process of its own) and runs the stream engine's map step in this process, one
core. Stopped, it resumes when run again: finished chunks are skipped
(:func:`analysis.engine.stream.map_chunks`). Each sitting is recorded in
``FOLDER/sittings/``: when its map step started (after the kit's resources are
loaded, as in ``engines.py``), the commit it ran, and, every few seconds, the
peak resident memory so far. The map step's time is the sum, over sittings, of
the time from a sitting's start to its last finished chunk (the time of a chunk
cut short by a stop is not counted; the chunk runs again).

``reduce`` runs the corpus step (:func:`analysis.engine.stream.reduce_chunks`) stage by
stage (:data:`analysis.engine.stream.CORPUS_STAGES`), recording each stage's time and
peak (``VmHWM`` reset before it) when it finishes. Stopped, it resumes at the
first stage not finished, which runs again from its start. A stage run in a
later sitting starts in a fresh process, without what earlier stages left
behind, so its peak may be lower than in one sitting.

``report`` prints what ``engines.py`` prints for one size: words per second and
time per article of the map step, the corpus step and the whole pipeline, their
share of VADER alone (timed now on the run's sentences), and the peaks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
from engines import read_peak_mb, reset_peak, write_corpus
from pipeline import time_vader

MONITOR_SECONDS = 10
"""How often a sitting records its peak resident memory."""


def run_map(folder: Path, articles: int, chunk_size: int, seed: int, event_wording: float) -> None:
    """Write the corpus if it is not there yet, then run (or resume) the map step, recording the
    sitting."""
    from analysis.engine.pipeline import load_resources
    from analysis.engine.stream import map_chunks

    params = {
        "articles": articles,
        "chunk_size": chunk_size,
        "seed": seed,
        "event_wording": event_wording,
    }
    recorded = folder / "params.json"
    if recorded.exists() and json.loads(recorded.read_text()) != params:
        raise SystemExit(
            f"{recorded}: this folder holds a run of {recorded.read_text()}, not of "
            f"{json.dumps(params)}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.parquet"
    if not corpus.exists():
        write_corpus(folder, articles, seed, event_wording)
    recorded.write_text(json.dumps(params))
    resources = load_resources()
    with record_sitting(folder, "map"):
        map_chunks(corpus, folder / "out", chunk_size, resources, progress=False)


def run_reduce(folder: Path) -> None:
    """Run the corpus stages not yet finished; after each, add its seconds, peak and commit to
    ``FOLDER/reduce.json``."""
    from analysis.engine import stream
    from analysis.engine.pipeline import load_resources
    from analysis.resources.files import write_atomic

    recorded = folder / "reduce.json"
    done = json.loads(recorded.read_text()) if recorded.exists() else {}
    resources = load_resources()
    with record_sitting(folder, "reduce") as sitting:
        for name in [s for s in stream.CORPUS_STAGES if s not in done]:
            reset_peak()
            start = time.perf_counter()
            stream.reduce_chunks(folder / "out", resources, stages=[name])
            done[name] = {
                "seconds": time.perf_counter() - start,
                "peak_mb": read_peak_mb(),
                "commit": sitting.record["commit"],
            }
            write_atomic(recorded, json.dumps(done))


class record_sitting:
    """Record a sitting in ``FOLDER/sittings/NNN.json``: step, start, commit, peak memory so far,
    whether it finished."""

    def __init__(self, folder: Path, step: str):
        sittings = folder / "sittings"
        sittings.mkdir(exist_ok=True)
        self.file = sittings / f"{len(list(sittings.glob('*.json'))):03d}.json"
        self.record = {
            "step": step,
            "started": time.time(),
            "commit": read_commit(),
            "peak_mb": 0.0,
            "finished": False,
        }
        self.stop = threading.Event()

    def write(self) -> None:
        from analysis.resources.files import write_atomic

        self.record.update(peak_mb=read_peak_mb(), seen=time.time())
        write_atomic(self.file, json.dumps(self.record))

    def watch(self) -> None:
        while not self.stop.wait(MONITOR_SECONDS):
            self.write()

    def __enter__(self) -> record_sitting:
        self.write()
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.stop.set()
        self.thread.join()
        self.record["finished"] = kind is None
        self.write()


def read_commit() -> str:
    """The commit of the kit that runs (its package folder's repository), with ``+changes`` when
    the tree differs."""
    import analysis

    here = Path(analysis.__file__).parent
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "."], cwd=here, capture_output=True, text=True
    ).stdout.strip()
    return commit + ("+changes" if changed else "")


def time_map_sittings(folder: Path) -> pd.DataFrame:
    """Per map sitting: its start, commit, chunks finished, seconds from its start to its last
    finished chunk, peak, whether it ran to the end."""
    sittings = [json.loads(f.read_text()) for f in sorted((folder / "sittings").glob("*.json"))]
    sittings = [s for s in sittings if s["step"] == "map"]
    finished = [m.stat().st_mtime for m in (folder / "out" / "_work" / "done").glob("*.json")]
    rows = []
    for number, sitting in enumerate(sittings):
        end = sittings[number + 1]["started"] if number + 1 < len(sittings) else float("inf")
        mine = [t for t in finished if sitting["started"] <= t < end]
        rows.append(
            {
                "started": time.strftime("%Y-%m-%d %H:%M", time.gmtime(sitting["started"])),
                "commit": sitting["commit"],
                "chunks": len(mine),
                "seconds": max(mine) - sitting["started"] if mine else 0.0,
                "peak_mb": sitting["peak_mb"],
                "finished": sitting["finished"],
            }
        )
    return pd.DataFrame(rows)


def report(folder: Path) -> None:
    """Print the run's figures in the units of ``engines.py``."""
    from analysis.engine.stream import CORPUS_STAGES, read_parts

    params = json.loads((folder / "params.json").read_text())
    chunks = -(-params["articles"] // params["chunk_size"])
    sittings = time_map_sittings(folder)
    print(f"map step sittings (UTC):\n{sittings.round(1).to_string(index=False)}")
    if sittings["chunks"].sum() < chunks:
        raise SystemExit(
            f"{folder}: {sittings['chunks'].sum()} of {chunks} chunks finished; run map again to "
            "resume"
        )
    articles = params["articles"]
    mapped = sittings["seconds"].sum()
    sentences = read_parts(folder / "out", "sentences", ["article_id", "text"])["text"].tolist()
    words, vader = time_vader(sentences)
    row = {
        "articles": articles,
        "words": words,
        "map_words_per_s": round(words / mapped),
        "map_ms_per_article": round(1000 * mapped / articles, 1),
        "map_share_of_vader": round(vader / mapped, 3),
        "peak_map_mb": round(sittings["peak_mb"].max()),
        "vader_words_per_s": round(words / vader),
    }
    reduced = folder / "reduce.json"
    stages = pd.DataFrame.from_dict(
        json.loads(reduced.read_text()) if reduced.exists() else {}, orient="index"
    )
    stages = stages.reindex([name for name in CORPUS_STAGES if name in stages.index])
    if len(stages) == len(CORPUS_STAGES):
        corpus_step = stages["seconds"].sum()
        whole = mapped + corpus_step
        row.update(
            whole_words_per_s=round(words / whole),
            whole_share_of_vader=round(vader / whole, 3),
            reduce_seconds=round(corpus_step, 1),
            reduce_ms_per_article=round(1000 * corpus_step / articles, 1),
            whole_ms_per_article=round(1000 * whole / articles, 1),
            peak_mb=round(max(sittings["peak_mb"].max(), stages["peak_mb"].max())),
        )
    if len(stages):
        stages["ms_per_article"] = 1000 * stages["seconds"] / articles
        print(
            f"\ncorpus step, per stage ({len(stages)} of {len(CORPUS_STAGES)} "
            f"finished):\n{stages.round(1).to_string()}"
        )
    print(
        f"\nstream engine, one process, chunks of {params['chunk_size']} articles (words per "
        "second per core):"
    )
    print(pd.DataFrame([row]).to_string(index=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("step", choices=["map", "reduce", "report"])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--chunk-size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument(
        "--event-wording",
        type=float,
        default=1.0,
        help="share of words each event rewrites in the seed sentences (see "
        "benchmarks/pipeline.py)",
    )
    args = parser.parse_args()
    if args.step == "map":
        run_map(args.folder, args.articles, args.chunk_size, args.seed, args.event_wording)
    elif args.step == "reduce":
        run_reduce(args.folder)
    else:
        report(args.folder)


if __name__ == "__main__":
    main()
