"""Run folders: a lock against a second run, replacement in one step, a record of the run,
Ctrl-C."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.engine import pipeline
from analysis.engine.outputs import load_outputs
from analysis.engine.pipeline import run_corpus
from analysis.engine.runs import (
    FolderInUse,
    check_completed,
    checksum_input,
    hold_folder,
    lock_path,
    remove_leftovers,
    write_folder,
)
from analysis.engine.stream import run_stream
from analysis.errors import InputProblem, InputWarning

SECOND_CORPUS = config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv"


def digest_folder(folder: Path) -> dict[str, str]:
    """Every file of the folder by relative path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def siblings(folder: Path) -> list[str]:
    """What a run leaves beside its folder (temporary and old folders, lock files)."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A clean run of the second corpus and one of the seeds, to compare folders with."""
    root = tmp_path_factory.mktemp("clean")
    run_corpus(SECOND_CORPUS, root / "second")
    run_corpus(config.DEFAULT_CORPUS, root / "seeds")
    return {"second": digest_folder(root / "second"), "seeds": digest_folder(root / "seeds")}


@pytest.mark.parametrize("stop_at", [1, 2, 12, 30])
def test_a_run_interrupted_while_writing_leaves_the_previous_run_untouched(
    tmp_path, runs, monkeypatch, stop_at
):
    out = tmp_path / "out"
    run_corpus(SECOND_CORPUS, out)
    assert digest_folder(out) == runs["second"]
    written = []
    write = pipeline.write_table

    def interrupt(frame, path):
        written.append(path)
        if len(written) == stop_at:
            raise KeyboardInterrupt
        return write(frame, path)

    monkeypatch.setattr(pipeline, "write_table", interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(config.DEFAULT_CORPUS, out)
    assert digest_folder(out) == runs["second"]
    assert siblings(out) == []  # no temporary folder, no lock left
    monkeypatch.setattr(pipeline, "write_table", write)
    run_corpus(config.DEFAULT_CORPUS, out)
    assert digest_folder(out) == runs["seeds"]


def test_the_record_names_the_version_input_and_checksum(tmp_path):
    run_corpus(config.DEFAULT_CORPUS, tmp_path / "out")
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["completed"] is True and record["engine"] == "single"
    assert record["input"] == str(config.DEFAULT_CORPUS.resolve())
    assert (
        record["input_sha256"] == checksum_input(config.DEFAULT_CORPUS)
        and len(record["input_sha256"]) == 64
    )
    assert record["kit_version"]


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "holds no analysis; run 'python -m analysis run CORPUS"),
        (
            {"articles.csv": "article_id\n"},
            "no completed run.json; it holds a run of an older version of the kit, or an "
            "interrupted one",
        ),
        (
            {"run.json": '{"completed": false, "chunk_size": 3}'},
            "the run recorded in run.json is not completed (interrupted, or running now)",
        ),
        ({"run.json": "not json", "articles.csv": "article_id\n"}, "no completed run.json"),
    ],
)
def test_a_folder_without_a_completed_record_is_refused_by_name(tmp_path, files, message):
    out = tmp_path / "out"
    out.mkdir()
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    for read in (check_completed, load_outputs):
        with pytest.raises(FileNotFoundError) as raised:
            read(out)
        assert str(raised.value).startswith(str(out)) and message in str(raised.value)


def test_a_folder_of_other_files_is_never_replaced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputProblem, match="holds files that are not a run of the kit"):
        run_corpus(config.DEFAULT_CORPUS, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(InputProblem, match="holds files that are not a stream run of the kit"):
        run_stream(SECOND_CORPUS, out, progress=False)


def test_a_stream_run_is_refused_a_single_runs_folder(tmp_path):
    run_corpus(SECOND_CORPUS, tmp_path / "out")
    with pytest.raises(InputProblem, match="holds a single run; choose a new --out folder"):
        run_stream(SECOND_CORPUS, tmp_path / "out", progress=False)


def test_a_held_folder_is_refused_to_both_engines(tmp_path):
    out = tmp_path / "out"
    with hold_folder(out):
        holder = json.loads(lock_path(out).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid()
        for run in (
            lambda: run_corpus(SECOND_CORPUS, out),
            lambda: run_stream(SECOND_CORPUS, out, progress=False),
        ):
            with pytest.raises(
                FolderInUse,
                match=rf"{out}: folder in use by run PID {os.getpid()} on .+ since 20\d\d-",
            ):
                run()
    assert not lock_path(out).exists() and not out.exists()


def test_a_lock_left_by_a_run_that_is_gone_is_taken_over_with_a_warning(tmp_path):
    out = tmp_path / "out"
    lock_path(out).write_text(
        json.dumps({"pid": 999999, "host": "elsewhere", "since": "2026-01-01 00:00:00 UTC"}),
        encoding="utf-8",
    )
    with pytest.warns(
        InputWarning,
        match=r"took over the lock of run PID 999999 on elsewhere since 2026-01-01 00:00:00 UTC, "
        r"which is gone",
    ):
        run_corpus(SECOND_CORPUS, out)
    assert check_completed(out)["completed"] and not lock_path(out).exists()


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    for name in (".out.tmp-123", ".out.old-456"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "articles.csv").write_text("half", encoding="utf-8")
    (tmp_path / ".outer.tmp-1").mkdir()  # another folder's: kept
    (tmp_path / ".o.tmp-7").mkdir()  # and this one's, though "[ou]" matches "o" as a pattern
    assert [p.name for p in remove_leftovers(out)] == [".out.old-456", ".out.tmp-123"]
    assert [p.name for p in remove_leftovers(tmp_path / "[ou]")] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".o.tmp-7", ".outer.tmp-1"]


def test_a_failed_write_removes_its_temporary_folder(tmp_path):
    def fail(folder: Path) -> None:
        (folder / "half.csv").write_text("a\n", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_folder(tmp_path / "out", fail, {"engine": "single"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _start_run(corpus: Path, out: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out), *options],
        cwd=config.PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_lock(process: subprocess.Popen, out: Path) -> None:
    """Wait until ``process`` holds ``out``, then stop it there (SIGSTOP), so that what follows
    happens while it runs."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if json.loads(lock_path(out).read_text(encoding="utf-8"))["pid"] == process.pid:
                process.send_signal(signal.SIGSTOP)
                return
        except (FileNotFoundError, ValueError, KeyError):
            pass
        assert process.poll() is None, process.communicate()
        time.sleep(0.01)
    raise AssertionError("the run never took its folder")


@pytest.mark.parametrize(
    "options", [(), ("--engine", "stream", "--chunk-size", "4", "--no-progress")]
)
def test_of_two_concurrent_runs_one_is_refused_and_the_other_completes(tmp_path, runs, options):
    out = tmp_path / "out"
    first = _start_run(SECOND_CORPUS, out, *options)
    _wait_for_lock(first, out)
    second = _start_run(SECOND_CORPUS, out, *options)
    _, err = second.communicate(timeout=300)
    first.send_signal(signal.SIGCONT)
    _, first_err = first.communicate(timeout=300)
    assert second.returncode == 2 and first.returncode == 0, first_err
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith(f"error: {out}: folder in use by run PID {first.pid} on ")
    )
    assert "Traceback" not in err
    if not options:
        assert digest_folder(out) == runs["second"]
    else:
        run_corpus(SECOND_CORPUS, tmp_path / "clean")
        streamed, clean = load_outputs(out), load_outputs(tmp_path / "clean")
        for name, table in clean.items():
            pd.testing.assert_frame_equal(streamed[name], table, obj=name)


@pytest.mark.parametrize("engine", ["single", "stream"])
def test_ctrl_c_prints_one_line_exits_130_and_leaves_the_folder(tmp_path, runs, engine):
    out = tmp_path / "out"
    options = (
        () if engine == "single" else ("--engine", "stream", "--chunk-size", "4", "--no-progress")
    )
    if engine == "single":
        run_corpus(SECOND_CORPUS, out)
    process = _start_run(
        config.DEFAULT_CORPUS if engine == "single" else SECOND_CORPUS, out, *options
    )
    _wait_for_lock(process, out)
    process.send_signal(signal.SIGINT)
    process.send_signal(signal.SIGCONT)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 130, err
    expected = (
        f"interrupted; {out} left as it was"
        if engine == "single"
        else f"interrupted; {out} keeps its finished chunks (run the same command again to resume)"
    )
    assert err.strip().splitlines() == [expected]
    assert not lock_path(out).exists() and [p for p in siblings(out) if ".tmp-" in p] == []
    if engine == "single":
        assert digest_folder(out) == runs["second"]
    else:
        with pytest.raises(FileNotFoundError, match="not completed|holds no analysis"):
            load_outputs(out)


def test_an_out_folder_that_cannot_be_written_is_named(tmp_path):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(
        InputProblem,
        match=r"file.txt/out: cannot write its lock file .out.lock beside it \(File exists\)",
    ):
        run_corpus(SECOND_CORPUS, tmp_path / "file.txt" / "out")
    with pytest.raises(InputProblem, match=r"file.txt: not a folder; choose a folder for --out"):
        run_corpus(SECOND_CORPUS, tmp_path / "file.txt")
