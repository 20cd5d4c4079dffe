"""Hand checks: seeded samples of hits, the verdicts file, its checks and the figures printed by
validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import InputProblem
from analysis.evaluation.handcheck import (
    COLUMNS,
    HANDCHECK_DIR,
    check_order,
    find_hits,
    read_check,
    report_checks,
    sample_hits,
    summarise_check,
)

TEXTS = {
    "a_1": "The senator may run. A shameful deal, critics said, was about 90 percent done.",
    "b_1": "It is clear that the vote failed. The regime fell.",
    "c_1": "Most voters oppose the new tax on fuel.",
}


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("hedging", [("a_1", "may"), ("a_1", "critics said"), ("a_1", "about"), ("b_1", "clear")]),
        ("loaded", [("a_1", "shameful"), ("b_1", "regime")]),
        ("stances", [("c_1", "Most voters")]),
    ],
)
def test_hits_of_a_measure(measure, expected):
    hits = find_hits(measure, TEXTS)
    assert list(zip(hits["article_id"], hits["hit"])) == expected
    assert all(
        TEXTS[a][s:e] == h
        for a, s, e, h in zip(hits["article_id"], hits["start"], hits["end"], hits["hit"])
    )


def test_a_sample_is_the_same_for_the_same_seed_and_in_text_order():
    first, again = (
        sample_hits("hedging", TEXTS, n=2, seed=3),
        sample_hits("hedging", TEXTS, n=2, seed=3),
    )
    assert first.equals(again) and len(first) == 2
    assert (
        list(first["start"]) == sorted(first["start"])
        or first["article_id"].iloc[0] < first["article_id"].iloc[1]
    )
    assert len(sample_hits("hedging", TEXTS, n=50)) == 4  # never more than there are


def _write(path, rows):
    path.write_text(
        "\t".join(COLUMNS) + "\n" + "".join("\t".join(map(str, r)) + "\n" for r in rows),
        encoding="utf-8",
    )


def test_a_check_counts_false_hits_and_which_are_no_longer_found(tmp_path):
    path = tmp_path / "hedging-2026-01-01.tsv"
    rows = [
        ("a_1", "may", "true", ""),
        ("a_1", "about", "false", "not doubt"),
        ("b_1", "clear", "false", "not doubt"),
    ]
    _write(
        path,
        [
            (a, TEXTS[a].index(hit), TEXTS[a].index(hit) + len(hit), hit, verdict, reason)
            for a, hit, verdict, reason in rows
        ],
    )
    summary = summarise_check(path, TEXTS, "hedging")
    assert (summary["hits"], summary["false"], summary["false_share"], summary["right_share"]) == (
        3,
        2,
        2 / 3,
        1 / 3,
    )
    assert summary["reasons"] == ["not doubt (2)"] and summary["false_no_longer_found"] == 0


def test_a_check_whose_hit_moved_or_is_malformed_names_file_and_line(tmp_path):
    path = tmp_path / "loaded-2026-01-01.tsv"
    _write(path, [("a_1", 0, 3, "shameful", "false", "x")])
    with pytest.raises(
        InputProblem, match=r"loaded-2026-01-01.tsv, line 2: 'shameful' is not at 0-3 of a_1"
    ):
        summarise_check(path, TEXTS)
    _write(path, [("a_1", 0, 3, "The", "maybe", "x")])
    with pytest.raises(InputProblem, match=r"line 2: expected article_id"):
        read_check(path)


def test_the_recorded_checks_are_dated_samples_of_fifty(data_home):
    for measure in ("hedging", "loaded", "stances"):
        checks = report_checks(measure, data_home, HANDCHECK_DIR)
        assert len(checks) >= 1, f"no hand check of {measure}"
        assert all(c["hits"] == 50 and 0 <= c["false"] <= 50 for c in checks)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            [
                "loaded-2026-12-06-third.tsv",
                "loaded-2026-12-06-fourth.tsv",
                "loaded-2026-12-06-first.tsv",
                "loaded-2026-12-06-second.tsv",
            ],
            [
                "loaded-2026-12-06-first.tsv",
                "loaded-2026-12-06-second.tsv",
                "loaded-2026-12-06-third.tsv",
                "loaded-2026-12-06-fourth.tsv",
            ],
        ),
        (
            [
                "hedging-2027-01-02-first.tsv",
                "hedging-2026-12-06-tenth.tsv",
                "hedging-2026-12-06-extra.tsv",
            ],
            [
                "hedging-2026-12-06-tenth.tsv",
                "hedging-2026-12-06-extra.tsv",
                "hedging-2027-01-02-first.tsv",
            ],
        ),
    ],
)
def test_checks_are_ordered_by_date_then_ordinal(names, expected):
    assert [p.name for p in sorted((Path(n) for n in names), key=check_order)] == expected
