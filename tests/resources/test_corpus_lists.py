"""A corpus's own resources (analysis.resources.corpus_lists)."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.resources.corpus_lists import (
    RESOURCE_FILES,
    list_resources,
    resource_folder,
    resource_path,
)


def test_the_default_corpus_brings_every_resource():
    table = list_resources(config.DEFAULT_CORPUS)
    assert list(table.columns) == ["resource", "used", "path", "holds"]
    assert list(table["resource"]) == list(RESOURCE_FILES)
    assert table["used"].all()


@pytest.mark.parametrize(
    ("layout", "expected_folder", "found"),
    [
        # a folder corpus keeps its resources beside its articles
        ({"corpus/a.txt": "x", "corpus/actors.tsv": "actor\n"}, "corpus", {"actors.tsv"}),
        # a table file keeps them in <stem>.resources beside it
        (
            {"news.csv": "x", "news.resources/naming_sets.tsv": "entry\n"},
            "news.resources",
            {"naming_sets.tsv"},
        ),
        # a table file without that folder has none; a folder of another name does not count
        ({"news.csv": "x", "other.resources/actors.tsv": "actor\n"}, None, set()),
        # a resource that is a folder, not a file, is not used
        ({"corpus/a.txt": "x", "corpus/actors.tsv/readme": "?"}, "corpus", set()),
    ],
)
def test_resources_are_found_beside_the_corpus(tmp_path, layout, expected_folder, found):
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    corpus = tmp_path / ("corpus" if (tmp_path / "corpus").is_dir() else "news.csv")
    folder = resource_folder(corpus)
    assert folder == (tmp_path / expected_folder if expected_folder else None)
    table = list_resources(corpus)
    assert set(table.loc[table["used"], "resource"]) == found
    assert (table.loc[~table["used"], "path"] == "").all()
    for name in found:
        assert resource_path(corpus, name) == folder / name


def test_no_corpus_has_no_resources():
    assert resource_folder(None) is None
    assert not list_resources(None)["used"].any()


def test_an_unknown_resource_name_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="'actor.tsv' is not a corpus resource \\(actors.tsv, "):
        resource_path(config.DEFAULT_CORPUS, "actor.tsv")
