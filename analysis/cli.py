"""The command line: ``python -m analysis run|validate|fetch``."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from analysis.errors import InputProblem, InputWarning


def _validate_segmentation(data_home, report):
    from analysis.evaluation import segmentation

    return segmentation.validate(data_home, report)


def _validate_tone(data_home, report):
    from analysis.evaluation import tone

    return tone.validate(data_home, report)


MEASURES = {"segmentation": _validate_segmentation, "tone": _validate_tone}
"""Measures that ``validate`` scores, each against the gold sets of its own."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="media-framing: compare how outlets frame one event")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="analyse a corpus and write its tables")
    run.add_argument("corpus", type=Path, help="a corpus folder (.txt/.html files, optional articles.csv) or a .csv/.jsonl/.parquet table")
    run.add_argument("--out", type=Path, default=None, help="folder for the output tables (default: data/processed/<corpus name>)")

    validate = commands.add_parser("validate", help="score a measure against human annotation")
    validate.add_argument("measure", choices=sorted(MEASURES))
    validate.add_argument("--data-home", type=Path, default=None, help="folder of gold data sets (default: FRAMING_DATA_HOME)")

    fit = commands.add_parser("fit", help="refit a committed model from the gold data in the data home")
    fit.add_argument("model", choices=["tone"])
    fit.add_argument("--data-home", type=Path, default=None)

    fetch = commands.add_parser("fetch", help="download a gold data set into the data home")
    fetch.add_argument("dataset")
    fetch.add_argument("--data-home", type=Path, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        try:
            return _dispatch(args)
        except InputProblem as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        finally:
            for w in caught:
                print(f"warning: {w.message}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from analysis import config
        from analysis.pipeline import run_corpus

        out = args.out or config.processed_dir(args.corpus)
        tables = run_corpus(args.corpus, out)
        print(
            f"{len(tables['articles'])} articles, {len(tables['sentences'])} sentences, "
            f"{len(tables['removed'])} removed lines (audit: {out / 'removed.csv'}) -> {out}"
        )
        return 0
    if args.command == "validate":
        from analysis import config

        home = config.data_home(args.data_home)
        print(f"data home: {home}")
        results = MEASURES[args.measure](args.data_home, print)
        if not results:
            print(f"error: no gold data for {args.measure} in {home}", file=sys.stderr)
            return 2
        print(json.dumps({"measure": args.measure, "results": results}, sort_keys=True))
        return 0
    if args.command == "fit":
        from analysis.tone_model import build_tone_model, write_tone_model

        model = build_tone_model(args.data_home)
        path = write_tone_model(model)
        print(
            f"tone model fitted on {model.provenance['rows']} vader_nyt sentences "
            f"(out-of-fold Pearson r {model.provenance['cross_validated_pearson_r']}) -> {path}"
        )
        return 0
    if args.command == "fetch":
        from analysis.datasets import DATASETS, fetch_dataset

        if args.dataset not in DATASETS:
            raise InputProblem([f"unknown data set '{args.dataset}'; known: {', '.join(sorted(DATASETS))}"])
        print(fetch_dataset(args.dataset, args.data_home))
        return 0
    raise AssertionError(args.command)
