"""Found and gold contents matched one to one by the letters they share: the rules both quote
validations use."""

from __future__ import annotations

RULES = {
    "_cover30": ("gold", 0.3),
    "_cover80": ("gold", 0.8),
    "": ("each", 0.5),
    "_any_overlap": ("each", 0.0),
}
"""The matching rules by the suffix of their figures (see :mod:`analysis.evaluation.sources`)."""


def pair_contents(
    mine: list[set[int]], theirs: list[set[int]], rule: tuple[str, float]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(kit index, gold index)`` of contents given as sets of letter offsets,
    best overlap first.

    ``rule`` as in :func:`analysis.evaluation.sources.match_article`: ``("gold", share)`` pairs
    contents whose shared letters are more than ``share`` of the gold content's; ``("each",
    share)`` at least ``share`` of each content's (any when 0).
    """
    reference, share = rule
    pairs = []
    for i, m in enumerate(mine):
        for j, t in enumerate(theirs):
            shared = len(m & t)
            if not (m and t and shared):
                continue
            if (
                (shared > share * len(t))
                if reference == "gold"
                else (shared >= share * len(m) and shared >= share * len(t))
            ):
                pairs.append((shared / len(t) if reference == "gold" else shared, i, j))
    used_i, used_j, matched = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            matched.append((i, j))
    return sorted(matched)
