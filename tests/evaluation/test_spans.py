"""Found and gold contents paired one to one by the letters they share."""

from __future__ import annotations

import pytest

from analysis.evaluation.spans import RULES, pair_contents

MINE = [set(range(0, 10)), set(range(20, 24)), set(range(40, 50))]
GOLD = [set(range(0, 12)), set(range(20, 40)), set(range(60, 70))]


@pytest.mark.parametrize(
    ("rule", "pairs"),
    [
        (("gold", 0.3), [(0, 0)]),  # 10 of 12 gold letters; 4 of 20 is under 30%
        (("gold", 0.1), [(0, 0), (1, 1)]),
        (("each", 0.5), [(0, 0)]),  # 4 of 20 is under half of the gold content
        (("each", 0.0), [(0, 0), (1, 1)]),  # any letter shared
    ],
)
def test_pair_contents_by_rule(rule, pairs):
    assert pair_contents(MINE, GOLD, rule) == pairs


def test_each_content_is_paired_once_best_overlap_first():
    mine = [set(range(0, 10)), set(range(0, 4))]
    gold = [set(range(0, 10))]
    assert pair_contents(mine, gold, ("each", 0.0)) == [(0, 0)]


def test_the_rules_name_their_suffixes():
    assert RULES[""] == ("each", 0.5) and RULES["_cover30"] == ("gold", 0.3)
