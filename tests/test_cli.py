"""The command line's own behaviour (each command is tested with the module it runs)."""

from __future__ import annotations

import io

import pytest

from analysis.cli import print_warnings


@pytest.mark.parametrize(
    "count, limit, expected_lines, last",
    [
        (0, 3, 0, None),
        (3, 3, 3, "warning: flag 2"),
        (
            5,
            3,
            4,
            "warning: and 2 more warnings not shown (flags of articles are kept in the flags "
            "column of the articles table)",
        ),
        (2_003, 3, 4, "warning: and 2,000 more warnings not shown"),
    ],
)
def test_warnings_past_the_limit_are_counted_not_printed(count, limit, expected_lines, last):
    out = io.StringIO()
    print_warnings([f"flag {k}" for k in range(count)], limit=limit, stream=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == expected_lines
    assert lines[:1] == ([] if count == 0 else ["warning: flag 0"])
    if last is not None:
        assert lines[-1].startswith(last)
