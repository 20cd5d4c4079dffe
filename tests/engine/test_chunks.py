"""A run folder's chunks read back: every chunk, or only some articles' rows, in ``article_id``
order."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.engine.chunks import part_path, read_parts
from analysis.engine.shuffle import write_parquet

CHUNKS = [
    pd.DataFrame({"article_id": ["b", "b", "a"], "sentence": [0, 1, 0]}),
    pd.DataFrame({"article_id": ["d", "c"], "sentence": [0, 0]}),
]


@pytest.mark.parametrize(
    "articles, expected",
    [
        (None, [("a", 0), ("b", 0), ("b", 1), ("c", 0), ("d", 0)]),
        (["c", "b"], [("b", 0), ("b", 1), ("c", 0)]),
        (["d"], [("d", 0)]),
        ([], []),
    ],
)
def test_parts_are_read_back_for_the_articles_asked(tmp_path, articles, expected):
    for number, frame in enumerate(CHUNKS):
        write_parquet(frame, part_path(tmp_path, "sentences", number))
    table = read_parts(tmp_path, "sentences", articles=articles)
    assert list(table.columns) == ["article_id", "sentence"]
    assert list(table.itertuples(index=False, name=None)) == expected


def test_a_table_without_chunks_names_its_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="sentences"):
        read_parts(tmp_path, "sentences")
