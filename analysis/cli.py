"""The command line: ``python -m analysis
run|validate|fit|report|findings|fetch|export-corpus``."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import warnings
from pathlib import Path

from analysis.errors import InputProblem, InputWarning
from analysis.evaluation import MEASURES

"""Measures that ``validate`` scores, each against the gold sets of its own:
``analysis.evaluation.<measure>.validate``."""


LOCAL_MODELS = ("hedging", "loaded")
"""Models fitted on data whose licence forbids committing them."""


def _local_model_functions(name: str):
    """The data set of a local model, its class and its build function."""
    if name == "hedging":
        from analysis.hedging import model as hedging_model

        return "wikiweasel", hedging_model.HedgeModel, hedging_model.build_hedge_model
    from analysis.loaded import model as loaded_model

    return "babe", loaded_model.LoadedModel, loaded_model.build_loaded_model


def _fit_local_model(name: str, data_home, if_missing: bool) -> int:
    """Fit a local model into the local models folder, or with ``if_missing`` say why not."""
    from analysis.resources.datasets import locate_dataset

    dataset, model_class, build = _local_model_functions(name)
    path = model_class.local_path()
    if if_missing and path.exists():
        print(f"{name} model already fitted: {path}")
        return 0
    if if_missing and locate_dataset(dataset, data_home) is None:
        print(
            f"{name} model not fitted: {dataset} is not in the data home (validation will show "
            "the rules and lexicons only)"
        )
        return 0
    model = build(data_home)
    path = model.write()
    scores = ", ".join(
        f"{k.replace('_', ' ')} {v}"
        for k, v in sorted(model.provenance.items())
        if k.startswith("cross_validated")
    )
    print(
        f"{name} model fitted on {model.provenance['rows']} {dataset} sentences (threshold "
        f"{model.threshold}, {scores}) -> {path} (not committed)"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description="media-framing: compare how outlets frame one event"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="analyse a corpus and write its tables")
    run.add_argument(
        "corpus",
        type=Path,
        help="a corpus folder (.txt/.html files, optional articles.csv) or a .csv/.jsonl/.parquet "
        "table",
    )
    run.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for the output tables (default: data/processed/<corpus name>)",
    )
    run.add_argument(
        "--background",
        type=Path,
        default=None,
        help="CSV of term,count: background frequencies for the prior of the distinctive "
        "vocabulary (default: the corpus itself)",
    )
    run.add_argument(
        "--engine",
        choices=("single", "stream", "dask"),
        default="single",
        help="single: all in memory, CSV tables; stream: a table file chunk by chunk, Parquet "
        "tables, resumable; "
        "dask: the same chunks on a Dask cluster",
    )
    run.add_argument(
        "--chunk-size",
        type=int,
        default=None,
        help="articles per chunk (stream and dask; default 500)",
    )
    run.add_argument(
        "--scheduler",
        default=None,
        help="dask: address of a running scheduler (default: start a local cluster)",
    )
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        help="dask: workers of the local cluster (default: one per core)",
    )
    run.add_argument("--no-progress", action="store_true", help="stream and dask: no progress bar")

    validate = commands.add_parser("validate", help="score a measure against human annotation")
    validate.add_argument("measure", choices=sorted(MEASURES))
    validate.add_argument(
        "--data-home",
        type=Path,
        default=None,
        help="folder of gold data sets (default: FRAMING_DATA_HOME)",
    )

    fit = commands.add_parser("fit", help="fit a model from the gold data in the data home")
    fit.add_argument(
        "model",
        choices=["tone", "target-tone", "hedging", "loaded"],
        help="tone, target-tone: the committed sentence and target tone models; hedging, loaded: "
        "the local (uncommitted) hedging and loaded-wording classifiers",
    )
    fit.add_argument("--data-home", type=Path, default=None)
    fit.add_argument(
        "--if-missing",
        action="store_true",
        help="hedging and loaded: fit when no model is there yet and the data home has its data "
        "set; otherwise say why not and succeed",
    )

    report = commands.add_parser(
        "report",
        help="execute every notebook into reports/ with the annotated articles and an index",
    )
    report.add_argument(
        "corpus",
        type=Path,
        nargs="?",
        default=None,
        help="the corpus (default: FRAMING_CORPUS or the seed corpus); run it first",
    )
    report.add_argument(
        "--out", type=Path, default=None, help="folder for the report (default: reports/)"
    )
    report.add_argument(
        "--code",
        action="store_true",
        help="show the notebooks' code in the pages (hidden by default)",
    )
    report.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="notebooks run at once, each on a kernel of its own (default 2)",
    )
    report.add_argument(
        "--notebook-timeout",
        type=int,
        default=3600,
        help="seconds a notebook may run, its cells together (default 3600)",
    )
    report.add_argument(
        "--engine",
        choices=["single", "stream", "dask"],
        default="single",
        help="the engine that ran the corpus: its tables are read from data/processed/<corpus "
        "name>, or <corpus name>-chunked for stream and dask",
    )

    findings = commands.add_parser(
        "findings",
        help="rewrite the README's findings section and figure from the default corpus's tables",
    )
    findings.add_argument(
        "--readme", type=Path, default=None, help="the README to rewrite (default: the project's)"
    )

    fetch = commands.add_parser("fetch", help="download a gold data set into the data home")
    fetch.add_argument("dataset")
    fetch.add_argument("--data-home", type=Path, default=None)

    commands.add_parser(
        "tables", help="print every output table of a run, its rows and columns (docs/outputs.md)"
    )
    export = commands.add_parser(
        "export-corpus",
        help="write a gold data set's articles as a corpus table (basil: with an event column)",
    )
    export.add_argument("dataset", choices=["basil"])
    export.add_argument("out", type=Path, help="the corpus table to write (.csv or .parquet)")
    export.add_argument("--data-home", type=Path, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        try:
            return _dispatch(args)
        except (InputProblem, FileNotFoundError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(describe_interruption(args), file=sys.stderr)
            return 130
        finally:
            print_warnings([str(w.message) for w in caught])


def describe_interruption(args: argparse.Namespace) -> str:
    """The one line printed on Ctrl-C: what the interrupted command left behind."""
    if args.command != "run" or args.out is None:
        return "interrupted"
    if args.engine == "single":
        return f"interrupted; {args.out} left as it was"
    return (
        f"interrupted; {args.out} keeps its finished chunks (run the same command again to resume)"
    )


MAX_WARNINGS = 20
"""Warnings printed one by one; the rest are counted (a large corpus can flag thousands of
articles)."""


def print_warnings(messages: list[str], limit: int = MAX_WARNINGS, stream=None) -> None:
    """Print the first ``limit`` warnings, then how many more there were and where they are
    kept."""
    stream = stream if stream is not None else sys.stderr
    for message in messages[:limit]:
        print(f"warning: {message}", file=stream)
    if len(messages) > limit:
        print(
            f"warning: and {len(messages) - limit:,} more warnings not shown "
            "(flags of articles are kept in the flags column of the articles table)",
            file=stream,
        )


def _run_chunked(args: argparse.Namespace, out: Path) -> int:
    from analysis.engine.pipeline import load_resources
    from analysis.engine.stream import DEFAULT_CHUNK_SIZE, run_dask, run_stream

    if args.engine == "stream" and (args.scheduler is not None or args.workers is not None):
        print("error: --scheduler and --workers are for --engine dask", file=sys.stderr)
        return 2
    size = args.chunk_size if args.chunk_size is not None else DEFAULT_CHUNK_SIZE
    if size < 1:
        print(f"error: --chunk-size must be at least 1, not {size}", file=sys.stderr)
        return 2
    resources = load_resources(args.corpus, args.background)
    if args.engine == "stream":
        articles = run_stream(args.corpus, out, size, resources, progress=not args.no_progress)
    else:
        articles = run_dask(
            args.corpus,
            out,
            size,
            resources,
            args.scheduler,
            args.workers,
            progress=not args.no_progress,
        )
    print(
        f"{articles} articles in chunks of {size} (audit of removed lines: {out / 'removed'}) -> "
        f"{out}"
    )
    return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from analysis import config
        from analysis.engine.pipeline import run_corpus

        out = args.out = args.out or config.processed_dir(args.corpus, args.engine)
        if args.engine != "single":
            return _run_chunked(args, out)
        if args.chunk_size is not None or args.scheduler is not None or args.workers is not None:
            print(
                "error: --chunk-size, --scheduler and --workers are for --engine stream or dask",
                file=sys.stderr,
            )
            return 2
        tables = run_corpus(args.corpus, out, args.background)
        print(
            f"{len(tables['articles'])} articles, {len(tables['sentences'])} sentences, "
            f"{len(tables['removed'])} removed lines (audit: {out / 'removed.csv'}) -> {out}"
        )
        return 0
    if args.command == "validate":
        from analysis import config

        home = config.data_home(args.data_home)
        print(f"data home: {home}")
        results = importlib.import_module(f"analysis.evaluation.{args.measure}").validate(
            args.data_home, print
        )
        if not results:
            print(f"error: no gold data for {args.measure} in {home}", file=sys.stderr)
            return 2
        print(json.dumps({"measure": args.measure, "results": results}, sort_keys=True))
        return 0
    if args.command == "fit" and args.model in LOCAL_MODELS:
        return _fit_local_model(args.model, args.data_home, args.if_missing)
    if args.command == "fit" and args.model == "target-tone":
        from analysis.tone.targets import build_target_model, write_target_model

        model = build_target_model(args.data_home)
        path = write_target_model(model)
        print(
            f"target-tone model fitted on {model.provenance['targets']} NewsMTSC train targets "
            f"(out-of-fold macro F1 {model.provenance['cross_validated_macro_f1']}, folds "
            f"grouped by source article) -> {path}"
        )
        return 0
    if args.command == "fit":
        from analysis.tone.model import build_tone_model, write_tone_model

        model = build_tone_model(args.data_home)
        path = write_tone_model(model)
        auxiliary = model.provenance.get("auxiliary")
        print(
            f"tone model fitted on {model.provenance['rows']} vader_nyt sentences"
            + (
                f" and {auxiliary['sentences']} {auxiliary['dataset']} sentences as auxiliary rows"
                if auxiliary
                else ""
            )
            + f" (out-of-fold Pearson r {model.provenance['cross_validated_pearson_r']} on the "
            f"vader_nyt sentences, folds grouped by editorial) -> {path}"
        )
        return 0
    if args.command == "report":
        from analysis.report.build import build_report

        pages = build_report(
            args.corpus,
            reports=args.out,
            show_code=args.code,
            engine=args.engine,
            jobs=args.jobs,
            notebook_timeout=args.notebook_timeout,
        )
        print(
            f"{len(pages)} pages: "
            + ", ".join(f"{n} {k}" for k, n in pages["kind"].value_counts().sort_index().items())
        )
        return 0
    if args.command == "findings":
        from analysis import config
        from analysis.engine.outputs import load_outputs
        from analysis.report.findings import write_readme_findings

        changed = write_readme_findings(
            load_outputs(config.processed_dir(config.DEFAULT_CORPUS, "single")), args.readme
        )
        print("README findings " + ("rewritten" if changed else "already current"))
        return 0
    if args.command == "tables":
        from analysis.engine.tables import render_table_list

        print(render_table_list(), end="")
        return 0
    if args.command == "export-corpus":
        from analysis.engine.tables import write_table
        from analysis.resources.datasets import locate_dataset
        from analysis.resources.news_sets import basil_corpus, read_basil

        folder = locate_dataset(args.dataset, args.data_home)
        if folder is None:
            raise InputProblem(
                [
                    f"no {args.dataset} in the data home: run 'python -m analysis fetch "
                    f"{args.dataset}'"
                ]
            )
        corpus = basil_corpus(read_basil(folder, with_spans=False))
        if args.out.suffix.lower() == ".parquet":
            args.out.parent.mkdir(parents=True, exist_ok=True)
            corpus.to_parquet(args.out, index=False)
        elif args.out.suffix.lower() == ".csv":
            write_table(corpus, args.out)
        else:
            raise InputProblem([f"{args.out}: write the corpus as .csv or .parquet"])
        print(
            f"{len(corpus)} articles of {corpus['event'].nunique()} events from "
            f"{', '.join(sorted(corpus['outlet'].unique()))} -> {args.out}"
        )
        return 0
    if args.command == "fetch":
        from analysis.resources.datasets import DATASETS, fetch_dataset

        if args.dataset not in DATASETS:
            raise InputProblem(
                [f"unknown data set '{args.dataset}'; known: {', '.join(sorted(DATASETS))}"]
            )
        print(fetch_dataset(args.dataset, args.data_home))
        return 0
    raise AssertionError(args.command)
