from __future__ import annotations

import pandas as pd
import pytest

from analysis.resources.rows import iter_columns


@pytest.mark.parametrize(
    ("columns", "names", "expected"),
    [
        ({"a": ["x", "y"], "n": [1, 2]}, ("a", "n"), [("x", 1), ("y", 2)]),
        ({"a": ["x", "y"], "n": [1, 2]}, ("n",), [(1,), (2,)]),
        ({"a": ["x", None], "f": [0.5, 1.0]}, ("f", "a"), [(0.5, "x"), (1.0, float("nan"))]),
        ({"a": [], "n": []}, ("a", "n"), []),
    ],
)
def test_the_rows_of_columns_are_those_zipping_the_columns_gives(columns, names, expected):
    frame = pd.DataFrame(columns)
    rows = list(iter_columns(frame, *names))
    zipped = list(zip(*(frame[name] for name in names)))
    assert [[type(v) for v in row] for row in rows] == [[type(v) for v in row] for row in zipped]
    assert repr(rows) == repr(zipped) == repr(expected)
