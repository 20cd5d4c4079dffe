"""Readers of the news gold sets: BASIL and PolNeAR (analysis.resources.news_sets)."""

from __future__ import annotations

import io
import json
import tarfile

import pytest

from analysis.errors import InputProblem
from analysis.resources.news_sets import (
    basil_article_text,
    basil_corpus,
    read_basil,
    read_polnear,
)

ARTICLE = {
    "source": "HPO",
    "title": "Senate votes",
    "date": "2019-01-02",
    "triplet-uuid": "event-7",
    "main-event": "The shutdown",
    "body-paragraphs": [["The Senate  voted.", " "], [], ["It failed.", "Critics cheered."]],
}
ANNOTATION = {
    "phrase-level-annotations": [
        {"id": "p2", "bias": "inf", "start": 0, "end": 7, "txt": "Critics", "quote": "yes"}
    ]
}


def _add(archive, name, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _basil_files():
    return {
        "articles/2019/1_hpo.json": json.dumps(ARTICLE).encode(),
        "annotations/2019/1_hpo_ann.json": json.dumps(ANNOTATION).encode(),
    }


def test_basil_is_read_the_same_from_folders_or_the_archive(tmp_path):
    folder, archived = tmp_path / "folder", tmp_path / "archived"
    for name, data in _basil_files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    archived.mkdir()
    with tarfile.open(archived / "BASIL.tar.gz", "w:gz") as archive:
        for name, data in _basil_files().items():
            _add(archive, "BASIL-abc/" + name, data)
    (row,) = read_basil(folder)
    assert row == read_basil(archived)[0]
    assert (row["article"], row["source"], row["event"], row["event_title"]) == (
        "1_hpo",
        "hpo",
        "event-7",
        "The shutdown",
    )
    # the id "p2" points at "It failed.", which does not hold "Critics" at 0: the span goes to the
    # first sentence that does (index 3: the blank sentence counts as one)
    assert row["spans"] == [
        {"sentence": 3, "start": 0, "end": 7, "bias": "inf", "quote": True, "text": "Critics"}
    ]
    assert read_basil(folder, with_spans=False)[0]["spans"] == []


def test_a_malformed_basil_article_names_its_file(tmp_path):
    (tmp_path / "articles" / "2019").mkdir(parents=True)
    (tmp_path / "articles" / "2019" / "2_fox.json").write_text('{"title": "x"}', "utf-8")
    with pytest.raises(InputProblem, match="2_fox.json: not a BASIL article .*KeyError"):
        read_basil(tmp_path)


@pytest.mark.parametrize(
    ("paragraphs", "text"),
    [
        ([["A  b.", "C."], ["D."]], "A b. C.\n\nD."),
        ([[" "], [], ["Only one."]], "Only one."),  # empty paragraphs leave no blank lines
        ([], ""),
    ],
)
def test_basil_article_text(paragraphs, text):
    assert basil_article_text({"paragraphs": paragraphs}) == text


def test_basil_corpus_names_the_outlets_and_keeps_the_events(tmp_path):
    for name, data in _basil_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    corpus = basil_corpus(read_basil(tmp_path))
    assert list(corpus.columns) == [
        "article_id",
        "outlet",
        "headline",
        "published",
        "event",
        "event_title",
        "text",
    ]
    assert corpus.iloc[0].to_dict() == {
        "article_id": "1_hpo",
        "outlet": "HuffPost",
        "headline": "Senate votes",
        "published": "2019-01-02",
        "event": "event-7",
        "event_title": "The shutdown",
        "text": "The Senate voted.\n\nIt failed. Critics cheered.",
    }
    assert basil_corpus([]).empty


TEXT = "Mr. Smith said the plan works. The rest is quiet."


def _polnear(root, annotations: dict[str, str], texts=("a",)):
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    for stem in texts:
        (root / "dev" / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    for name, content in annotations.items():
        (root / "dev" / "attributions" / name).write_text(content, encoding="utf-8")


FIRST = "T1\tSource 0 9\tMr. Smith\nT2\tCue 10 14\tsaid\nE1\tAttribution:T2 Source:T1 Cue:T2\n"
SECOND = "T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Cue:T1\n"


def test_polnear_reads_the_first_annotator_and_leaves_a_missing_role_empty(tmp_path):
    _polnear(tmp_path, {"a_b2.ann": SECOND, "a_a1.ann": FIRST}, texts=("a", "unannotated"))
    (article,) = read_polnear(tmp_path)["dev"]  # a text without annotation is not an article
    assert article["name"] == "a" and article["text"] == TEXT
    assert article["attributions"] == [
        {
            "source": [(0, 9)],
            "cue": [(10, 14)],
            "content": [],
            "cue_text": "said",
            "source_text": "Mr. Smith",
        }
    ]


def test_polnear_is_read_the_same_from_the_repository_archive(tmp_path):
    folder, archived = tmp_path / "folder", tmp_path / "archived"
    _polnear(folder, {"a_a1.ann": FIRST})
    archived.mkdir()
    with tarfile.open(archived / "PolNeAR.tar.gz", "w:gz") as archive:
        _add(archive, "PolNeAR-c3/data/dev/text/a.txt", TEXT.encode())
        _add(archive, "PolNeAR-c3/data/dev/attributions/a_a1.ann", FIRST.encode())
        _add(archive, "PolNeAR-c3/README.md", b"not data")
    assert read_polnear(archived) == read_polnear(folder)


def test_every_malformed_polnear_line_is_named(tmp_path):
    _polnear(tmp_path, {"a_a1.ann": "T1\tSource 0 x\tMr.\nnonsense here\n"})
    with pytest.raises(InputProblem) as caught:
        read_polnear(tmp_path)
    assert [p.split("a_a1.ann, ")[1][:6] for p in caught.value.problems] == ["line 1", "line 2"]
