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


def _validate_hedging(data_home, report):
    from analysis.evaluation import hedging

    return hedging.validate(data_home, report)


MEASURES = {"segmentation": _validate_segmentation, "tone": _validate_tone, "hedging": _validate_hedging}
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

    fit = commands.add_parser("fit", help="fit a model from the gold data in the data home")
    fit.add_argument("model", choices=["tone", "hedging"], help="tone: the committed tone model; hedging: the local (uncommitted) hedging classifier")
    fit.add_argument("--data-home", type=Path, default=None)
    fit.add_argument("--if-missing", action="store_true", help="hedging only: fit when no model is there yet and the data home has wikiweasel; otherwise say why not and succeed")

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
    if args.command == "fit" and args.model == "hedging":
        from analysis.datasets import locate_dataset
        from analysis.hedging_model import build_hedge_model, hedge_model_path, write_hedge_model

        if args.if_missing and hedge_model_path().exists():
            print(f"hedging model already fitted: {hedge_model_path()}")
            return 0
        if args.if_missing and locate_dataset("wikiweasel", args.data_home) is None:
            print("hedging model not fitted: wikiweasel is not in the data home (validation will show the rules only)")
            return 0
        hedge_model = build_hedge_model(args.data_home)
        path = write_hedge_model(hedge_model)
        print(
            f"hedging model fitted on {hedge_model.provenance['rows']} wikiweasel training sentences "
            f"(threshold {hedge_model.threshold}, out-of-fold F1 {hedge_model.provenance['cross_validated_f1']}) -> {path} (not committed)"
        )
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
