"""Locating, downloading and splitting the gold data sets (analysis.resources.datasets)."""

from __future__ import annotations

import hashlib
import io
import urllib.request

import numpy as np
import pytest

from analysis.errors import InputProblem
from analysis.resources import datasets
from analysis.resources.datasets import (
    DATASETS,
    Dataset,
    RemoteFile,
    fetch_dataset,
    fingerprint_text,
    locate_dataset,
    split_by_hash,
)


def test_every_set_is_pinned_to_a_fixed_public_source():
    for name, dataset in DATASETS.items():
        assert dataset.name == name and dataset.files and dataset.licence and dataset.description
        for remote in dataset.files:
            assert remote.url.startswith("https://")
            # a branch name would change under the kit: every URL holds a commit hash
            assert any(len(part) == 40 for part in remote.url.replace(".", "/").split("/")), (
                remote.url
            )


@pytest.mark.parametrize(
    ("make", "found"),
    [
        ({}, False),  # no folder
        ({"babe/": None}, False),  # an empty folder is not a data set
        ({"babe/final_labels_SG2.csv": "text"}, True),
    ],
)
def test_locate_dataset(tmp_path, make, found):
    for name, text in make.items():
        (tmp_path / name.rstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).write_text(text)
    assert locate_dataset("babe", tmp_path) == (tmp_path / "babe" if found else None)


@pytest.fixture
def served(monkeypatch):
    """Serve a fake data set: ``urlopen`` returns the bytes registered for a URL."""
    files = {}

    def urlopen(url, timeout):
        files.setdefault("opened", []).append(url)
        return io.BytesIO(files[url])

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    return files


def _register(monkeypatch, sha256):
    remote = RemoteFile("sub/file.csv", "https://example.org/abc/file.csv", sha256)
    dataset = Dataset("fake", "tone", "CC0", (remote,), "a fake set")
    monkeypatch.setitem(DATASETS, "fake", dataset)
    return remote


def test_fetch_writes_each_file_once_and_checks_it(tmp_path, monkeypatch, served):
    data = b"text,label\nhello,1\n"
    remote = _register(monkeypatch, hashlib.sha256(data).hexdigest())
    served[remote.url] = data
    folder = fetch_dataset("fake", tmp_path)
    assert (folder / "sub" / "file.csv").read_bytes() == data
    fetch_dataset("fake", tmp_path)  # already there: not downloaded again
    assert served["opened"] == [remote.url]
    assert locate_dataset("fake", tmp_path) == folder


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("It may rain.", "It  may\nrain. ", True),  # whitespace does not count
        ("It may rain.", "It may rain!", False),
        ("It may rain.", "it may rain.", False),
    ],
)
def test_fingerprint_text(first, second, same):
    assert (fingerprint_text(first) == fingerprint_text(second)) is same
    assert len(fingerprint_text(first)) == 16


def test_the_module_reads_the_data_home_of_config(monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMING_DATA_HOME", str(tmp_path))
    (tmp_path / "babe").mkdir()
    (tmp_path / "babe" / "x").write_text("1")
    assert datasets.locate_dataset("babe") == tmp_path / "babe"


def test_fetch_checks_the_recorded_checksum(tmp_path, monkeypatch):
    import hashlib

    import pytest

    from analysis.resources import datasets

    source = tmp_path / "upstream.zip"
    source.write_bytes(b"gold data")
    good = hashlib.sha256(b"gold data").hexdigest()
    for name, digest in (("good_set", good), ("bad_set", "0" * 64)):
        remote = datasets.RemoteFile("data.zip", source.as_uri(), digest)
        monkeypatch.setitem(
            datasets.DATASETS,
            name,
            datasets.Dataset(name, "segmentation", "MIT", (remote,), "test"),
        )
    home = tmp_path / "home"
    assert (datasets.fetch_dataset("good_set", home) / "data.zip").read_bytes() == b"gold data"
    assert datasets.locate_dataset("good_set", home) == home / "good_set"
    with pytest.raises(InputProblem, match="does not match the recorded"):
        datasets.fetch_dataset("bad_set", home)
    assert not (home / "bad_set" / "data.zip").exists()


@pytest.mark.parametrize("text", ["A sentence.", "Another  sentence\n", "Ещё одно предложение."])
def test_split_depends_on_the_text_alone(text):
    assert split_by_hash(text) == split_by_hash(" ".join(text.split())) and split_by_hash(
        text
    ) in ("development", "test")


def test_about_one_in_five_texts_is_test():
    shares = np.mean([split_by_hash(f"sentence number {i}") == "test" for i in range(5000)])
    assert 0.18 < shares < 0.22
