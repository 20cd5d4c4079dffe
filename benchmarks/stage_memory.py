"""Where one corpus stage's memory goes: its peak, and the peak while each of its lines runs.

Usage: python benchmarks/stage_memory.py OUT STAGE [--set NAME=VALUE ...] [--lines 12]

OUT is the output folder of a finished map step (``benchmarks/large_run.py
FOLDER map`` keeps one in ``FOLDER/out``); STAGE one of
:data:`analysis.engine.stream.CORPUS_STAGES`. The stage runs alone in this process
(:func:`analysis.engine.stream.reduce_chunks`), so what earlier stages leave behind in
one process is not counted. ``--set`` changes a constant of
:mod:`analysis.engine.reduce` for this run (``--set BUCKET_TOKENS=1000000``: buckets
of other sizes), to measure what a bucket or block costs; the stage's tables
are written to OUT as usual, so they can be compared (``cmp``) with those of
another run.

A thread reads the resident memory (``VmRSS``, which counts the pages of a memory-mapped file once
read) every :data:`SAMPLE_SECONDS` and where the main thread is. Printed: the stage's time and peak
(``VmHWM``, reset before it), then, for each line of the stage's own function, the largest resident
memory seen while it ran, in the function's order, then the ``--lines`` innermost places (three
frames) with the largest. Sampling can miss a peak shorter than its interval.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import pandas as pd
from engines import read_peak_mb, read_status_mb, reset_peak

SAMPLE_SECONDS = 0.2
"""How often the resident memory and the main thread's place are read."""


def locate(frame, package: str = "analysis") -> list[tuple[str, str]]:
    """The frames of ``package``'s files in a stack, innermost first: ``file.py:line`` and the
    function's name."""
    places = []
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.parent.name == package:
            places.append((f"{path.name}:{frame.f_lineno}", frame.f_code.co_name))
        frame = frame.f_back
    return places


class Sampler:
    """Read the resident memory and the place of thread ``ident`` every :data:`SAMPLE_SECONDS`
    until stopped; ``outer`` is the line of function ``function`` (the stage) that runs, empty
    outside it."""

    def __init__(self, ident: int, function: str):
        self.ident, self.function, self.rows, self.stop = ident, function, [], threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            places = locate(sys._current_frames().get(self.ident))
            outer = next((place for place, function in places if function == self.function), "")
            self.rows.append(
                {
                    "resident_mb": read_status_mb("VmRSS"),
                    "outer": outer,
                    "inner": " < ".join(place for place, _ in places[:3]),
                }
            )
            self.stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> Sampler:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def parse_settings(settings: list[str]) -> dict[str, int]:
    """``NAME=VALUE`` pairs of :mod:`analysis.engine.reduce`'s integer constants; an unknown name
    is an error."""
    from analysis.engine import reduce

    parsed = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if not name.isupper() or not isinstance(getattr(reduce, name, None), int):
            raise SystemExit(
                f"--set {setting}: analysis.engine.reduce has no integer constant {name!r}"
            )
        parsed[name] = int(value)
    return parsed


def summarise(rows: list[dict], lines: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The largest resident memory per outer line (in the function's order) and the ``lines`` inner
    places with the largest."""
    samples = pd.DataFrame(rows, columns=["resident_mb", "outer", "inner"])
    samples = samples[samples["outer"] != ""]
    outer = (
        samples.groupby("outer", sort=False)["resident_mb"].max().round().astype(int).reset_index()
    )
    outer = (
        outer.assign(line=outer["outer"].str.rsplit(":", n=1).str[-1].astype(int))
        .sort_values("line", kind="stable")
        .drop(columns="line")
    )
    inner = (
        samples.groupby("inner", sort=False)["resident_mb"]
        .max()
        .round()
        .astype(int)
        .nlargest(lines)
        .reset_index()
    )
    return outer, inner


def main() -> None:
    from analysis.engine import reduce, reduce_quotes
    from analysis.engine.pipeline import load_resources
    from analysis.engine.stream import CORPUS_STAGES, reduce_chunks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("stage", choices=CORPUS_STAGES)
    parser.add_argument(
        "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE"
    )
    parser.add_argument("--lines", type=int, default=12)
    args = parser.parse_args()
    if not (args.out / "_work" / "done").is_dir():
        raise SystemExit(f"{args.out}: not the output folder of a map step (no _work/done)")
    for name, value in parse_settings(args.settings).items():
        setattr(reduce_quotes if hasattr(reduce_quotes, name) else reduce, name, value)
    resources = load_resources()
    reset_peak()
    start = time.perf_counter()
    with Sampler(threading.get_ident(), args.stage) as sampler:
        reduce_chunks(args.out, resources, stages=[args.stage])
    seconds, peak = time.perf_counter() - start, read_peak_mb()
    outer, inner = summarise(sampler.rows, args.lines)
    settings = ", ".join(args.settings) or "defaults"
    print(f"{args.stage} on {args.out} ({settings}): {seconds:.1f} s, peak {peak:.0f} MB")
    print(
        "\nlargest resident memory while each line of the stage ran "
        f"(MB):\n{outer.to_string(index=False)}"
    )
    print(
        f"\nthe {args.lines} places (innermost first) with the "
        f"largest:\n{inner.to_string(index=False)}"
    )


if __name__ == "__main__":
    main()
