"""Validation results are computed once and read back while nothing they come from has changed."""

from __future__ import annotations

import json
import types
import warnings

import pytest

from analysis.evaluation import cache


@pytest.fixture
def fake_measure(monkeypatch, tmp_path):
    """A measure whose validation counts its calls, with its own data home and cache folder."""
    calls = []

    def validate(data_home, report):
        calls.append(data_home)
        warnings.warn("gold.csv: 1 row with an empty text left out", UserWarning)
        report("scored 2 rows")
        return (
            [{"split": "test", "pair": (1, 2), "f1": 0.5}]
            if (tmp_path / "home" / "gold.csv").exists()
            else []
        )

    monkeypatch.setattr(
        cache.importlib, "import_module", lambda name: types.SimpleNamespace(validate=validate)
    )
    monkeypatch.setenv("FRAMING_VALIDATION_CACHE", str(tmp_path / "cache"))
    (tmp_path / "home").mkdir()
    return calls, tmp_path / "home"


def test_results_are_computed_once_and_printed_again(fake_measure, capsys):
    calls, home = fake_measure
    (home / "gold.csv").write_text("a,b\n", encoding="utf-8")
    printed = []
    first = cache.validate_cached("tone", home, printed.append)
    warned_first = capsys.readouterr().err
    second = cache.validate_cached("tone", home, printed.append)
    assert len(calls) == 1 and first == second == [
        {"split": "test", "pair": [1, 2], "f1": 0.5}
    ]  # JSON's lists both times
    assert printed == ["scored 2 rows", "scored 2 rows"]
    assert (
        "UserWarning: gold.csv: 1 row with an empty text left out" in warned_first
        and capsys.readouterr().err == warned_first
    )
    kept = list(cache.cache_dir().glob("tone-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8"))["printed"] == [
        "scored 2 rows"
    ]


def test_a_change_in_the_gold_data_computes_them_again(fake_measure):
    calls, home = fake_measure
    (home / "gold.csv").write_text("a,b\n", encoding="utf-8")
    cache.validate_cached("tone", home, print)
    (home / "gold.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    cache.validate_cached("tone", home, print)
    assert len(calls) == 2


def test_no_gold_data_is_never_kept(fake_measure):
    calls, home = fake_measure
    assert (
        cache.validate_cached("tone", home, print) == []
        and cache.validate_cached("tone", home, print) == []
    )
    assert len(calls) == 2 and not cache.cache_dir().exists()


def test_the_corpus_is_part_of_the_key_only_where_the_validation_reads_it(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("article_id,text\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(corpus))
    before = {m: cache.fingerprint(m, tmp_path / "home") for m in ("across", "tone")}
    corpus.write_text("article_id,text\na,b\n", encoding="utf-8")
    after = {m: cache.fingerprint(m, tmp_path / "home") for m in ("across", "tone")}
    assert before["across"] != after["across"] and before["tone"] == after["tone"]
