"""The map step in its steady state, stage by stage, in units of VADER alone, beside other code.

Usage: python benchmarks/map_step.py [--articles 100] [--rounds 3] [--against PATH]

``pipeline.py`` times the map step once in a fresh process, so its figure includes
loading the models and filling the caches, and the same articles' sentences repeat
within the run. The stream engine's steady state is different: one process, many
chunks, each new. Here each child process builds four synthetic corpora
(:func:`pipeline.build_corpus`, the default corpus's actor table as with
``pipeline.py --actors``) from four seeds, warms up on part of the fourth, then runs
:func:`analysis.engine.pipeline.analyse_local` on each of the other three, each
followed by VADER alone on that chunk's sentences, and reports the run whose ratio is
lowest, with its seconds per stage (each function ``analyse_local`` calls).

With ``--against PATH`` (a checkout of other code, e.g. ``git worktree add``), the
children alternate between this code and ``PATH``'s (``PYTHONPATH``), round by round,
so that both meet the same moments of a machine whose speed varies: here VADER alone
took 0.48–0.87 s on the same sentences within minutes. Compare the map step's
seconds as well as its ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from statistics import median

from pipeline import build_corpus, time_stages, time_vader

SEEDS = (20250212, 20250213, 20250214, 20250215)
"""The chunks' seeds: the last is the warm-up's."""


def measure(articles: int) -> dict:
    """The best of three new chunks' map steps in this process (see the module docstring)."""
    from analysis import config
    from analysis.engine import pipeline
    from analysis.text.corpus import load_corpus

    chunks = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in SEEDS:
            path = Path(folder) / f"chunk-{seed}.parquet"
            build_corpus(articles, seed).to_parquet(path, index=False)
            chunks.append(load_corpus(path))
    resources = pipeline.load_resources(config.DEFAULT_CORPUS)
    pipeline.analyse_local(chunks.pop().head(max(1, articles // 5)), resources)
    stages: dict[str, float] = defaultdict(float)
    time_stages(pipeline, stages)
    best = None
    for chunk in chunks:
        stages.clear()
        start = time.perf_counter()
        tables = pipeline.analyse_local(chunk, resources)
        seconds = time.perf_counter() - start
        _, vader = time_vader(tables["sentences"]["text"].tolist())
        if best is None or seconds / vader < best["ratio"]:
            best = {"seconds": seconds, "vader": vader, "ratio": seconds / vader}
            best["stages"] = dict(stages)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.articles)))
        return
    codes = {"this code": None} | ({str(args.against): args.against} if args.against else {})
    results = defaultdict(list)
    for round_ in range(1, args.rounds + 1):
        for label, path in codes.items():
            env = dict(os.environ)
            if path is not None:
                env["PYTHONPATH"] = str(path.resolve())
            done = subprocess.run(
                [sys.executable, __file__, "--child", "--articles", str(args.articles)],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            results[label].append(result)
            print(
                f"round {round_}, {label}: map step {result['seconds']:.2f} s, VADER alone "
                f"{result['vader']:.3f} s, x{result['ratio']:.2f}"
            )
    for label, runs in results.items():
        best = min(runs, key=lambda r: r["ratio"])
        print(
            f"\n{label}: map step median {median(r['seconds'] for r in runs):.2f} s, "
            f"x{median(r['ratio'] for r in runs):.2f} VADER alone (x{best['ratio']:.2f} at best); "
            "stages of the best run, in units of its VADER alone:"
        )
        for name, seconds in sorted(best["stages"].items(), key=lambda item: -item[1])[:15]:
            print(f"  {name:32s} {seconds:6.3f} s  x{seconds / best['vader']:5.2f}")


if __name__ == "__main__":
    main()
