from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import warnings

import pandas as pd
from hypothesis import given, settings

from analysis import config
from analysis.engine.pipeline import analyse_articles, load_resources, prepare_articles, run_corpus
from analysis.engine.tables import TABLES
from analysis.errors import InputWarning
from tests.strategies import QUOTED_TEXT


def test_two_runs_give_byte_identical_files(tmp_path):
    run_corpus(config.DEFAULT_CORPUS, tmp_path / "a")
    run_corpus(config.DEFAULT_CORPUS, tmp_path / "b")
    names = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    assert {f"{t}.csv" for t in TABLES} <= {str(n) for n in names}
    match, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "a", tmp_path / "b", [str(n) for n in names], shallow=False
    )
    assert mismatch == [] and errors == []


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, env=env
    )


def test_cli_run_writes_the_tables(tmp_path):
    result = run_cli("run", str(config.DEFAULT_CORPUS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout
    assert (
        (tmp_path / "sentences.csv")
        .read_text(encoding="utf-8")
        .startswith("article_id,paragraph_id,sentence_id,start,end,text,voice")
    )


def test_cli_reports_bad_input_without_a_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").write_bytes("na\xefve".encode("latin-1"))
    result = run_cli("run", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "broken.txt: not valid UTF-8" in result.stderr


def test_cli_validate_segmentation_meets_the_targets(data_home):
    result = run_cli("validate", "segmentation", "--data-home", str(data_home))
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    results = metrics["results"]
    assert results["pysbd_golden_rules_en"]["all"]["pass_rate"] >= 0.90
    assert results["nltk_treebank_wsj_sample"]["all"]["all_boundaries"]["f1"] >= 0.97


def test_cli_validate_without_gold_data_fails_clearly(tmp_path):
    result = run_cli("validate", "segmentation", "--data-home", str(tmp_path))
    assert result.returncode == 2
    assert "no gold data for segmentation" in result.stderr


def test_cli_run_defaults_to_the_configured_processed_folder(tmp_path):
    import os

    env = {**os.environ, "FRAMING_PROCESSED": str(tmp_path / "processed")}
    result = run_cli("run", str(config.DEFAULT_CORPUS), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "processed" / "articles.csv").exists()


def test_seed_sentences_carry_tone_per_voice_and_outlets_are_compared(seed_tables):
    sentences = seed_tables["sentences"]
    quoted = sentences[sentences["voice"] == "quoted"]
    authorial = sentences[sentences["voice"] == "authorial"]
    assert (
        quoted["tone_vader_authorial"].isna().all() and quoted["tone_vader_quoted"].notna().all()
    )
    assert (
        authorial["tone_vader_quoted"].isna().all()
        and authorial["tone_model_authorial"].notna().all()
    )
    outlets = seed_tables["articles"]["outlet"].nunique()
    assert len(seed_tables["tone_outlets"]) == outlets * 2 * 3
    assert len(seed_tables["tone_tests"]) == outlets * (outlets - 1) // 2 * 2 * 3
    assert (
        seed_tables["tone_tests"]["design"] == "descriptive"
    ).all()  # one article per outlet: nothing is tested
    assert (
        seed_tables["tone_tests"]["verdict"]
        .str.startswith("not tested: one article on a side")
        .all()
    )


def test_every_seed_article_mentions_trump_and_putin_in_its_own_voice(seed_tables):
    mentions = seed_tables["actor_mentions"]
    own = mentions[mentions["voice"] == "authorial"]
    for article_id in seed_tables["articles"]["article_id"]:
        assert {"Donald Trump", "Vladimir Putin"} <= set(
            own.loc[own["article_id"] == article_id, "actor"]
        ), article_id
    assert set(seed_tables["actor_tone"]["measure"]) == {"vader", "model", "target"}


@given(QUOTED_TEXT.filter(lambda text: text.strip()))
@settings(max_examples=60)
def test_any_text_gives_offsets_that_round_trip_and_voice_that_tiles(text):
    base = prepare_articles(
        pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "raw_text": [text]})
    )
    clean = base["articles"]["clean_text"].iloc[0]
    sentences, voice = base["sentences"], base["voice"]
    assert list(sentences["text"]) == [
        clean[s:e] for s, e in zip(sentences["start"], sentences["end"])
    ]
    starts, ends = list(voice["start"]), list(voice["end"])
    assert starts == ([0] + ends[:-1] if clean else []) and (ends[-1] if ends else 0) == len(clean)
    assert set(sentences["voice"]) <= {"authorial", "quoted", "mixed"}


@given(
    QUOTED_TEXT.filter(lambda text: text.strip()), QUOTED_TEXT.filter(lambda text: text.strip())
)
@settings(max_examples=40)
def test_every_measure_reads_any_text_without_an_exception(text, other):
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["o", "p"], "raw_text": [text, other + " " + text]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", InputWarning
        )  # text this odd is flagged (language, length): the flags are not tested here
        tables = analyse_articles(articles, load_resources())
    assert set(tables) == set(TABLES) and list(tables["articles"]["article_id"]) == ["a", "b"]
