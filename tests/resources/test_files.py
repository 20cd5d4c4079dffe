"""Files written whole or not at all (analysis.resources.files)."""

from __future__ import annotations

import threading

import pytest

from analysis.resources import files
from analysis.resources.files import temporary_path, write_atomic


def test_a_file_is_written_whole_in_a_new_folder(tmp_path):
    path = tmp_path / "new" / "model.json"
    write_atomic(path, '{\n"a": 1\n}\n')
    assert path.read_bytes() == b'{\n"a": 1\n}\n'
    assert [p.name for p in path.parent.iterdir()] == ["model.json"]  # no temporary left


def test_an_interrupted_write_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "model.json"
    path.write_text("old", encoding="utf-8")

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", stop)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"


def test_temporary_names_differ_by_thread(tmp_path):
    names = []
    thread = threading.Thread(target=lambda: names.append(temporary_path(tmp_path / "x.json")))
    thread.start()
    thread.join()
    mine = temporary_path(tmp_path / "x.json")
    assert names[0] != mine and mine.parent == tmp_path and mine.name.startswith(".x.json.")
