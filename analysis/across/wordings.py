"""Wordings of one statement compared: the changed, added and dropped words of a quotation against
the version it is compared with, which is the group's full version or, for a fragment the full
version lacks, the other outlet's quotation sharing most words."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from analysis.across.linking import (
    _matcher,
    count_least_overlap,
    count_matched_words,
    list_tokens,
)
from analysis.stats.keys import unique_sorted

MAX_SWAP = 4
"""The longest replacement, in words on either side, reported as a change of wording ("lengthy →
long"); longer ones are a different passage: the words dropped go to ``cut_inside``, the words put
in to ``added``."""


def compare_wording(full: list[str], member: list[str], max_swap: int = MAX_SWAP) -> dict:
    """Where ``member`` sits in ``full`` and how its words differ.

    Returns a dict: ``kept`` (first and last index of ``full`` matched, end
    exclusive, or None), ``matched`` (words), ``changed`` ("full words → member
    words" per replacement of up to ``max_swap`` words), ``added`` (member words
    with no counterpart, inside the kept stretch), ``cut_inside`` (``full`` words
    dropped between the first and last match) and ``beyond`` (member words before
    the first or after the last match: quoted further than ``full`` goes).
    """
    opcodes = _matcher(full, member).get_opcodes()
    equal = [op for op in opcodes if op[0] == "equal"]
    found: dict = {
        "kept": None,
        "matched": 0,
        "changed": [],
        "added": [],
        "cut_inside": [],
        "beyond": [],
    }
    if not equal:
        return found
    # the cut runs between matches of two words or more, stretched to single-word matches within a
    # swap's reach; a stray "we" or "the" far from the rest does not stretch it
    anchors = [op for op in equal if op[2] - op[1] >= 2] or equal
    first, last, member_first, member_last = (
        anchors[0][1],
        anchors[-1][2],
        anchors[0][3],
        anchors[-1][4],
    )
    for _, i1, i2, j1, j2 in reversed([op for op in equal if op[2] <= first]):
        if first - i2 <= max_swap and member_first - j2 <= max_swap:
            first, member_first = i1, j1
    for _, i1, i2, j1, j2 in [op for op in equal if op[1] >= last]:
        if i1 - last <= max_swap and j1 - member_last <= max_swap:
            last, member_last = i2, j2
    found["kept"] = (first, last)
    for tag, i1, i2, j1, j2 in opcodes:
        inside = first <= i1 and i2 <= last and member_first <= j1 and j2 <= member_last
        theirs, mine = " ".join(full[i1:i2]), " ".join(member[j1:j2])
        if tag == "equal":
            if inside:
                found["matched"] += i2 - i1
            else:
                found["beyond"].append(mine)
        elif not inside:
            if mine:
                found["beyond"].append(mine)
        elif tag == "replace" and max(i2 - i1, j2 - j1) <= max_swap:
            found["changed"].append(f"{theirs} → {mine}")
        else:
            if theirs:
                found["cut_inside"].append(theirs)
            if mine:
                found["added"].append(mine)
    return found


class _Wordings:
    """A group's members by wording, so that a fragment's candidates are found without scanning
    every member.

    Each wording's tokens are a row of a 0/1 matrix, so the words a fragment
    has in common with wordings (the bound :func:`_closest_wording` sorts by)
    are one sparse product, and only the wordings that can still win are
    aligned. Only wordings holding one of the fragment's rarest tokens are
    looked at (prefix filtering again): a wording sharing ``b`` of the
    fragment's ``n`` tokens holds one of any ``n - b + 1`` of them.
    """

    def __init__(self, members: list[int], keys, owners: dict[int, str], full: int) -> None:
        self.by_key: dict[tuple[str, ...], list[int]] = {}
        for m in sorted(members):
            self.by_key.setdefault(tuple(keys[m]), []).append(m)
        self.owners, self.full, self.full_key = owners, full, tuple(keys[full])
        self.matched: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        self.order = list(self.by_key)
        self.columns: dict[tuple[str, int], int] = {}
        rows, columns = [], []
        for row, key in enumerate(self.order):
            for token in list_tokens(list(key)):
                rows.append(row)
                columns.append(self.columns.setdefault(token, len(self.columns)))
        self.holders = sp.csc_matrix(  # each token's wordings
            (np.ones(len(rows), dtype=np.int32), (rows, columns)),
            shape=(len(self.order), len(self.columns)),
        )
        # what choose() picks per wording, as arrays: its first member (the full version heads its
        # own wording), unless that member is of the fragment's article: then the first member of
        # another article (-1: none)
        self.articles = {
            owner: n for n, owner in enumerate(dict.fromkeys(owners[m] for m in sorted(members)))
        }
        firsts = [members[0] for members in self.by_key.values()]
        seconds = [
            next((m for m in members if owners[m] != owners[members[0]]), -1)
            for members in self.by_key.values()
        ]
        self.first_member, self.other_member = (
            np.array(firsts, dtype=np.int64),
            np.array(seconds, dtype=np.int64),
        )
        self.first_article = np.array([self.articles[owners[m]] for m in firsts], dtype=np.int64)

    def closest(self, k: int, keys, token_sets: dict) -> int:
        """:func:`_closest_wording` of ``k`` among :meth:`choose`'s members, the same member,
        without visiting every wording.

        First the wordings holding one of the fragment's rarest tokens, so many
        that a wording sharing a linked pair's least overlap
        (:func:`count_least_overlap`) holds one; if the best match found there
        is shorter, the wordings holding one of the ``n - b + 1`` rarest, ``b``
        the words it matched (all, when nothing matched): a wording outside
        shares fewer than ``b`` tokens and cannot match more, nor tie. Among
        the wordings looked at, :meth:`_search` finds the best. When nothing is
        matched (no wording shares a word), the full scan decides.
        """
        present = sorted(
            {self.columns[token] for token in list_tokens(keys[k]) if token in self.columns}
        )
        shared = np.bincount(self._holders_of(present), minlength=len(self.order))
        indptr = self.holders.indptr
        rarest = sorted(present, key=lambda column: (indptr[column + 1] - indptr[column], column))
        first = len(rarest) - count_least_overlap(len(rarest)) + 1
        best, best_value = self._search(k, keys, self._holding(rarest[: max(first, 1)]), shared)
        needed = (
            len(rarest)
            - (best_value[0] if best_value is not None and best_value[0] > 0 else 1)
            + 1
        )
        if needed > first:
            best, best_value = self._search(k, keys, self._holding(rarest[:needed]), shared)
        if best_value is None or best_value[0] == 0:
            return _closest_wording(k, self.choose(k), self.full, keys, token_sets)
        return best

    def _holders_of(self, columns: list[int]) -> np.ndarray:
        """The wordings (rows) holding each of these tokens (columns), one after the other."""
        indptr, indices = self.holders.indptr, self.holders.indices
        return np.concatenate(
            [indices[indptr[c] : indptr[c + 1]] for c in columns] or [np.empty(0, np.int32)]
        )

    def _holding(self, columns: list[int]) -> np.ndarray:
        """The wordings (rows) holding any of these tokens (columns), ascending."""
        return unique_sorted(self._holders_of(columns))

    def _search(
        self, k: int, keys, rows: np.ndarray, shared: np.ndarray
    ) -> tuple[int, tuple | None]:
        """The best of these wordings' members for ``k``, tried level by level.

        Wordings are tried from the most tokens in common down, and the search
        stops below the best match found. Within a level they are tried in the
        order ties are broken (the full version, then the first member), so the
        first to match every token it has in common wins the level outright.
        ``shared``: each wording's tokens in common with ``k``, by row.
        """
        bounds = shared[rows]
        members = np.where(
            self.first_article[rows] != self.articles[self.owners[k]],
            self.first_member[rows],
            self.other_member[rows],
        )
        keep = (bounds > 0) & (members >= 0)
        rows, bounds, members = rows[keep], bounds[keep], members[keep]
        best, best_value, settled = -1, None, None
        for at in np.lexsort((members, members != self.full, -bounds)).tolist():
            level, m = int(bounds[at]), int(members[at])
            if best_value is not None and level < best_value[0]:
                break
            if level == settled:
                continue  # the rest of the level can only tie and lose the tie
            matched = self._count_matched(self.order[rows[at]], keys[k])
            value = (matched, m == self.full, -m)
            if best_value is None or value > best_value:
                best, best_value = m, value
            if matched == level:
                settled = level  # no lower level can match more
        return best, best_value

    def _count_matched(self, wording: tuple[str, ...], words: list[str]) -> int:
        """:func:`count_matched_words` of a wording and a fragment's words, once per pair: a
        fragment's wording recurs in several articles."""
        pair = (wording, tuple(words))
        if pair not in self.matched:
            self.matched[pair] = count_matched_words(list(wording), words)
        return self.matched[pair]

    def choose(self, k: int) -> dict[tuple[str, ...], int]:
        """The candidates for a fragment ``k``: per wording, among the members of the other
        articles, the full version, else the first member."""
        owner, chosen = self.owners[k], {}
        for key, members in self.by_key.items():
            if key == self.full_key and self.owners[self.full] != owner:
                chosen[key] = self.full
                continue
            first = next((m for m in members if self.owners[m] != owner), None)
            if first is not None:
                chosen[key] = first
        return chosen


def _closest_wording(
    k: int, chosen: dict[tuple[str, ...], int], full: int, keys, token_sets: dict
) -> int:
    """The chosen member matching most of ``keys[k]``. Matched words never exceed the words two
    quotations have in common (counted with repeats), so candidates are tried from the largest such
    bound down and the search stops below the best match found. ``token_sets`` keeps each wording's
    tokens between calls on one group."""
    for key in chosen:
        if key not in token_sets:
            token_sets[key] = frozenset(list_tokens(list(key)))
    words = frozenset(list_tokens(keys[k]))
    bounds = {key: len(words & token_sets[key]) for key in chosen}
    best_value = None
    for key in sorted(chosen, key=lambda key: -bounds[key]):
        if best_value is not None and bounds[key] < best_value[0]:
            break
        m = chosen[key]
        value = (count_matched_words(list(key), keys[k]), m == full, -m)
        if best_value is None or value > best_value:
            best, best_value = m, value
    return best


class _GroupMemo:
    """What describing one group computes once: each wording's tokens, each comparison, each
    fragment's closest member, and the members by wording (:class:`_Wordings`, built for the first
    fragment)."""

    def __init__(self, members: list[int], quotations: dict[int, tuple], keys, full: int) -> None:
        self.members, self.owners, self.keys, self.full = (
            members,
            {m: quotations[m][0] for m in members},
            keys,
            full,
        )
        self.tokens: dict[tuple[str, ...], frozenset] = {}
        self.compared: dict[tuple[tuple[str, ...], tuple[str, ...]], dict] = {}
        self.closest: dict[tuple[tuple[str, ...], str], int] = {}
        self.wordings: _Wordings | None = None

    def compare(self, full: list[str], member: list[str]) -> dict:
        """:func:`compare_wording`, once per pair of wordings."""
        key = (tuple(full), tuple(member))
        if key not in self.compared:
            self.compared[key] = compare_wording(full, member)
        return self.compared[key]

    def closest_to(self, k: int) -> int:
        """The member of another article whose words match most of ``k``'s
        (:meth:`_Wordings.closest`), once per wording and article."""
        key = (tuple(self.keys[k]), self.owners[k])
        if key not in self.closest:
            if self.wordings is None:
                self.wordings = _Wordings(self.members, self.keys, self.owners, self.full)
            self.closest[key] = self.wordings.closest(k, self.keys, self.tokens)
        return self.closest[key]
