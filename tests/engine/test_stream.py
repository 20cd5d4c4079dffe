"""The stream and Dask engines give a single run's tables, resume, and refuse what they cannot
run."""

from __future__ import annotations

import filecmp
import json
import re

import pandas as pd
import pytest

from analysis import config
from analysis.cli import main
from analysis.engine import reduce, reduce_quotes, stream
from analysis.engine.outputs import read_stream_outputs
from analysis.engine.pipeline import load_resources, run_corpus, write_outputs
from analysis.engine.tables import BUCKETED_TABLES, CORPUS_TABLES, TABLES
from analysis.errors import InputProblem, InputWarning
from analysis.text.corpus import load_corpus

CHUNK = 3


@pytest.fixture(scope="module")
def table_corpus(tmp_path_factory):
    """The seed articles and a copy of each with its paragraphs in reverse order, rows in reverse
    id order.

    Ten articles: chunks of three are uneven, do not follow the id order, and
    share passages, quotations and claims across chunks.
    """
    seeds = load_corpus(config.DEFAULT_CORPUS)
    copies = seeds.assign(
        article_id=seeds["article_id"] + "-copy",
        raw_text=["\n\n".join(reversed(t.split("\n\n"))) for t in seeds["raw_text"]],
    )
    frame = (
        pd.concat([seeds, copies])
        .drop(columns=["source", "flags"])
        .rename(columns={"raw_text": "text"})
    )
    path = tmp_path_factory.mktemp("corpus") / "corpus.parquet"
    frame.sort_values("article_id", ascending=False).to_parquet(path, index=False)
    return path


@pytest.fixture(scope="module")
def single_run(table_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    run_corpus(table_corpus, out)
    return out


def assert_same_tables(single, chunked, tmp_path):
    written = tmp_path / "as-csv"
    write_outputs(read_stream_outputs(chunked), written)
    compared = filecmp.dircmp(
        single, written, ignore=["run.json"]
    )  # the record names the input and engine
    assert {f"{name}.csv" for name in TABLES} <= set(compared.common_files)
    assert compared.diff_files == [] and compared.left_only == [] and compared.right_only == []
    clean = filecmp.dircmp(single / "clean", written / "clean")
    assert clean.diff_files == [] and clean.left_only == [] and clean.right_only == []


def test_stream_tables_are_a_single_runs(table_corpus, single_run, tmp_path):
    assert stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False) == 10
    assert sorted(p.name for p in (tmp_path / "run" / "sentences").iterdir()) == [
        f"chunk-00000{k}.parquet" for k in range(4)
    ]
    assert_same_tables(single_run, tmp_path / "run", tmp_path)


def test_large_corpora_are_a_single_runs_too(table_corpus, tmp_path, resample_limit, monkeypatch):
    limit = resample_limit(
        50
    )  # most outlets have more scored sentences: their figures come from the chunks' sums
    monkeypatch.setattr(
        "analysis.loaded.distinctive.PERMUTATION_LIMIT", 100
    )  # and the words are not read back
    monkeypatch.setattr(
        "analysis.engine.stream.ADD_AT_ONCE", 2
    )  # the four chunks' word counts in three additions
    run_corpus(table_corpus, tmp_path / "single")
    stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)
    assert_same_tables(tmp_path / "single", tmp_path / "run", tmp_path)
    summary = pd.read_csv(tmp_path / "single" / "tone_outlets.csv")
    assert (summary["sentences"] > limit).sum() > len(summary) / 2
    assert pd.read_csv(tmp_path / "single" / "distinctive_terms.csv")["p_permutation"].isna().all()


def test_tables_from_small_buckets_and_blocks_are_a_single_runs(
    table_corpus, single_run, tmp_path, monkeypatch
):
    """Shared passages and quotation variants linked across blocks and buckets are found and
    numbered as in a single run."""
    monkeypatch.setattr(
        "analysis.engine.reduce.BLOCK_ARTICLES", 3
    )  # pairs across blocks: a seed and its copy are neighbours in id order
    monkeypatch.setattr(
        "analysis.engine.reduce.BUCKET_SHINGLES", 2_000
    )  # and shingles in several buckets
    monkeypatch.setattr(
        "analysis.engine.reduce.SHINGLE_PAIRS", 50
    )  # each bucket's pairs listed a few at a time
    monkeypatch.setattr("analysis.engine.reduce_quotes.BLOCK_QUOTATIONS", 7)
    monkeypatch.setattr("analysis.engine.reduce_quotes.BUCKET_TOKENS", 300)
    monkeypatch.setattr("analysis.engine.reduce_quotes.BLOCK_MEMBERS", 5)
    monkeypatch.setattr(
        "analysis.across.linking.HOLDERS_AT_ONCE", 3
    )  # a token's holders linked a few at a time
    stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)
    assert_same_tables(single_run, tmp_path / "run", tmp_path)
    work = tmp_path / "run" / "_work"
    for folder in (
        reduce.SHINGLE_BUCKETS,
        reduce.PAIRS,
        reduce_quotes.TOKENS,
        reduce_quotes.MEMBERS,
    ):
        assert len(list((work / folder).iterdir())) > 1, folder
    passages = pd.read_csv(single_run / "shared_passages.csv")
    ranks = {a: k for k, a in enumerate(sorted(pd.read_parquet(table_corpus)["article_id"]))}
    assert (passages["article_id"].map(ranks) // 3 != passages["other_id"].map(ranks) // 3).any()
    variants = pd.read_csv(single_run / "quote_variants.csv")
    assert variants["group"].nunique() > 2


@pytest.fixture(scope="module")
def event_corpus(table_corpus, tmp_path_factory):
    """The table corpus with an ``event`` column: the seeds, their copies, and two articles without
    one."""
    frame = pd.read_parquet(table_corpus)
    events = ["seeds" if not a.endswith("-copy") else "copies" for a in frame["article_id"]]
    events[:2] = [None, None]
    path = tmp_path_factory.mktemp("events") / "corpus.parquet"
    frame.assign(event=events).to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("bucket_units", [100_000, 40])
def test_coverage_by_event_is_a_single_runs(event_corpus, tmp_path, monkeypatch, bucket_units):
    monkeypatch.setattr(
        "analysis.engine.reduce.BUCKET_UNITS", bucket_units
    )  # one bucket of events, or one per 40 sentences
    monkeypatch.setattr(
        "analysis.engine.reduce.OMISSION_RUN", 1_000_000 if bucket_units > 1000 else 2
    )  # omissions sorted in one run, or merged from many
    run_corpus(event_corpus, tmp_path / "single")
    stream.run_stream(event_corpus, tmp_path / "run", CHUNK, progress=False)
    assert_same_tables(tmp_path / "single", tmp_path / "run", tmp_path)
    buckets = sorted(p.name for p in (tmp_path / "run" / "_work" / reduce.SHUFFLED).iterdir())
    assert (len(buckets) == 1) == (
        bucket_units > 1000
    )  # with small buckets, claims are merged from several
    runs = list((tmp_path / "run" / "_work" / reduce.OMITTED).iterdir())
    assert (len(runs) <= 1) == (bucket_units > 1000) and len(
        pd.read_csv(tmp_path / "single" / "omissions.csv")
    ) > 2
    coverage = pd.read_csv(tmp_path / "single" / "coverage.csv")
    events = dict(
        zip(*(pd.read_parquet(event_corpus)[c].fillna("") for c in ("article_id", "event")))
    )
    assert (
        coverage.groupby("claim")["article_id"].agg(lambda ids: len({events[a] for a in ids})) == 1
    ).all()
    variants = pd.read_csv(tmp_path / "single" / "quote_variants.csv")
    assert (
        variants["group"].nunique() > 1
        and (
            variants.groupby("group")["article_id"].agg(lambda ids: len({events[a] for a in ids}))
            == 1
        ).all()
    )


def test_an_event_too_large_for_coverage_is_left_out_on_every_engine(
    event_corpus, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        "analysis.across.coverage.MAX_SENTENCES", 135
    )  # the copies have 143 sentences that can be claims, the seeds 127
    monkeypatch.setattr("analysis.engine.reduce.BUCKET_UNITS", 40)
    with pytest.warns(InputWarning, match="event 'copies': 143 sentences") as single:
        run_corpus(event_corpus, tmp_path / "single")
    with pytest.warns(InputWarning, match="event 'copies': 143 sentences") as chunked:
        stream.run_stream(event_corpus, tmp_path / "run", CHUNK, progress=False)
    assert_same_tables(tmp_path / "single", tmp_path / "run", tmp_path)
    left_out = [str(w.message) for w in single if "coverage:" in str(w.message)]
    assert (
        left_out == [str(w.message) for w in chunked if "coverage:" in str(w.message)]
        and len(left_out) == 1
    )
    coverage = pd.read_csv(tmp_path / "single" / "coverage.csv")
    copies = {a for a in pd.read_parquet(event_corpus)["article_id"] if a.endswith("-copy")}
    assert {a for a in coverage["article_id"] if a.endswith("-copy")} == {
        "unidentified-news-rewrite-copy"
    }  # no event: kept
    assert len(copies) == 5 and len(coverage)


def test_dask_tables_are_a_single_runs(table_corpus, single_run, tmp_path):
    assert stream.run_dask(table_corpus, tmp_path / "run", CHUNK, workers=2, progress=False) == 10
    assert_same_tables(single_run, tmp_path / "run", tmp_path)


def test_an_interrupted_run_resumes_without_redoing_finished_chunks(
    table_corpus, single_run, tmp_path, monkeypatch
):
    done = []
    analyse = stream.analyse_chunk

    def stop_at_third(articles, resources, out, number):
        if number == 2:
            raise KeyboardInterrupt
        done.append(number)
        return analyse(articles, resources, out, number)

    monkeypatch.setattr(stream, "analyse_chunk", stop_at_third)
    with pytest.raises(KeyboardInterrupt):
        stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)
    assert done == [0, 1]
    assert not (tmp_path / "run" / "tone_outlets.parquet").exists()
    assert json.loads((tmp_path / "run" / "run.json").read_text())["completed"] is False
    with pytest.raises(FileNotFoundError, match="the run recorded in run.json is not completed"):
        read_stream_outputs(tmp_path / "run")
    first = (tmp_path / "run" / "sentences" / "chunk-000000.parquet").stat().st_mtime_ns
    monkeypatch.setattr(stream, "analyse_chunk", lambda *a: done.append(a[3]) or analyse(*a))
    assert stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False) == 10
    assert done == [0, 1, 2, 3]
    assert (tmp_path / "run" / "sentences" / "chunk-000000.parquet").stat().st_mtime_ns == first
    assert_same_tables(single_run, tmp_path / "run", tmp_path)


def test_corpus_stages_run_in_separate_calls_give_a_single_runs_tables(
    table_corpus, single_run, tmp_path
):
    """Each stage reads only the chunks: run one call at a time, last stage first, they give the
    same tables."""
    out = tmp_path / "run"
    resources = load_resources(table_corpus)
    stream.map_chunks(table_corpus, out, CHUNK, resources, progress=False)
    written = []
    for name in reversed(stream.CORPUS_STAGES):
        before = {p.name for p in out.glob("*.parquet")}
        stream.reduce_chunks(out, resources, stages=[name])
        written.append(sorted({p.name for p in out.glob("*.parquet")} - before))
    assert written == [
        ["coverage.parquet", "omissions.parquet"],
        ["quote_variants.parquet"],
        ["shared_articles.parquet", "shared_passages.parquet"],
        ["actor_labels.parquet"],
        sorted(f"{name}.parquet" for name in CORPUS_TABLES if name not in BUCKETED_TABLES),
    ]
    assert_same_tables(single_run, out, tmp_path)
    with pytest.raises(ValueError, match=r"unknown corpus stages \['reduce_everything'\]"):
        stream.reduce_chunks(out, resources, stages=["reduce_everything"])


def test_a_folder_holding_another_run_is_refused(table_corpus, tmp_path):
    stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)
    with pytest.raises(
        InputProblem,
        match=r"holds a run of another input, chunk size or version of the kit \(chunk_size 3 -> "
        r"4\)",
    ):
        stream.run_stream(table_corpus, tmp_path / "run", 4, progress=False)
    assert json.loads((tmp_path / "run" / "run.json").read_text())["chunk_size"] == CHUNK
    run = json.loads((tmp_path / "run" / "run.json").read_text())
    for left_out, change in [
        (
            "chunk_tables",
            r"chunk_tables None -> 'articles,removed,",
        ),  # a run of a version before the per-article sums
        ("chunk_format", r"chunk_format None -> 4\)"),  # before the shingles' places
    ]:
        (tmp_path / "run" / "run.json").write_text(
            json.dumps({k: v for k, v in run.items() if k != left_out})
        )
        with pytest.raises(InputProblem, match=r"version of the kit \(" + change):
            stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)
    # a folder of chunks written before the stances table (format 3) is refused too
    (tmp_path / "run" / "run.json").write_text(json.dumps({**run, "chunk_format": 3}))
    with pytest.raises(InputProblem, match=r"chunk_format 3 -> 4\)"):
        stream.run_stream(table_corpus, tmp_path / "run", CHUNK, progress=False)


@pytest.mark.parametrize(
    "content, size, message",
    [
        (
            "article_id,text\na,Talks resumed.\nb,Talks ended.\na,Talks again.\n",
            2,
            "t.csv, row 3: duplicate article id 'a' (also t.csv, row 1)",
        ),
        ("article_id,text\na,Talks resumed.\nb,\n", 1, "t.csv, row 2: 'text' is empty"),
        ("id,body\n1,hello\n", 5, "t.csv: no 'text' column"),
        ("article_id,text\n", 5, "t.csv: no articles (the table has no rows)"),
    ],
)
def test_bad_rows_are_named_by_file_and_row(tmp_path, content, size, message):
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem, match=re.escape(message)):
        stream.run_stream(path, tmp_path / "run", size, progress=False)


def test_a_folder_corpus_is_sent_to_the_single_engine(tmp_path):
    with pytest.raises(
        InputProblem, match="read one table file .* run a folder with --engine single"
    ):
        stream.run_stream(config.DEFAULT_CORPUS, tmp_path / "run", progress=False)


def test_the_command_line_runs_the_stream_engine(table_corpus, tmp_path, capsys):
    assert (
        main(
            [
                "run",
                str(table_corpus),
                "--out",
                str(tmp_path / "run"),
                "--engine",
                "stream",
                "--chunk-size",
                "4",
                "--no-progress",
            ]
        )
        == 0
    )
    assert "10 articles in chunks of 4" in capsys.readouterr().out
    assert len(read_stream_outputs(tmp_path / "run")["articles"]) == 10


@pytest.mark.parametrize(
    "options, message",
    [
        (
            ["--chunk-size", "5"],
            "--chunk-size, --scheduler and --workers are for --engine stream or dask",
        ),
        (
            ["--engine", "stream", "--workers", "2"],
            "--scheduler and --workers are for --engine dask",
        ),
        (["--engine", "stream", "--chunk-size", "0"], "--chunk-size must be at least 1, not 0"),
    ],
)
def test_the_command_line_refuses_options_of_another_engine(
    table_corpus, tmp_path, capsys, options, message
):
    assert main(["run", str(table_corpus), "--out", str(tmp_path / "run"), *options]) == 2
    assert message in capsys.readouterr().err
