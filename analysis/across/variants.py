"""Quote variants: the same statement quoted by several outlets, in different cuts and words.

Method:

1. Every quotation (text inside quotation marks, outermost level) of at least
   :data:`MIN_WORDS` words is a candidate. Its words are lower-cased, with
   straight apostrophes; punctuation and case never count as a difference.
2. Two quotations of *different* articles quote the same statement when their
   longest matching word sequences (Ratcliff–Obershelp, :mod:`difflib`) hold at
   least :data:`MIN_MATCHED` words and :data:`LINK_SHARE` of the shorter
   quotation's words, and the attribution does not give them two different
   speakers (a senator's "I had a long … talk with the governor" is not the
   governor's "I had a lengthy … talk with the senator"). Only quotations of the same
   *event* are compared (the corpus's optional ``event`` column, as coverage
   uses it; without one the corpus is one event): a statement quoted again in
   the coverage of another event is another group. Linked quotations form
   groups (connected components); a group needs two articles.
3. The group's full version is its longest quotation. Every member is aligned
   with it: the member's *cut* is the stretch of the full version between its
   first and last matched word; *changed* lists the words replaced ("lengthy →
   long"), *added* the words the member has that the full version lacks,
   *cut_inside* the full version's words dropped inside the cut, *beyond* the
   words it quotes past either end of the full version.
4. A member whose words differ from the full version (changed or added) is
   ``reworded``: one of the two versions puts words inside quotation marks
   that the other does not, which is paraphrase presented as quotation, or a
   different transcript. Which one is faithful needs the original statement.

A member that does not match the full version as a linked pair would (a
fragment of a long statement the full version does not hold) is compared with
the member of its group it shares most words with instead (``compared_with``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.across.copying import find_normalised_words
from analysis.across.coverage import read_events
from analysis.across.linking import (
    LINK_SHARE,
    MIN_MATCHED,
    _matcher,
    count_least_overlap,
    count_matched_words,
    link_quotations,
    list_tokens,
)
from analysis.stats.keys import unique_sorted

MIN_WORDS = 5
"""The shortest quotation compared, in words (shorter ones, "good for both sides", match by chance)."""

VARIANT_COLUMNS = [
    "group",
    "article_id",
    "quotation_id",
    "start",
    "end",
    "text",
    "speaker",
    "words",
    "compared_with",
    "kept_start",
    "kept_end",
    "kept_share",
    "changed",
    "added",
    "cut_inside",
    "beyond",
    "wording",
]


MAX_SWAP = 4
"""The longest replacement, in words on either side, reported as a change of wording ("lengthy → long");
longer ones are a different passage: the words dropped go to ``cut_inside``, the words put in to ``added``."""


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
    # the cut runs between matches of two words or more, stretched to single-word matches within a swap's reach;
    # a stray "we" or "the" far from the rest does not stretch it
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


QUOTATION_COLUMNS = ["article_id", "quotation_id", "start", "end", "text", "speaker"]


def list_quotations(
    quote_spans: pd.DataFrame,
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    min_words: int = MIN_WORDS,
) -> pd.DataFrame:
    """The quotations that can be grouped: outermost, of ``min_words`` words or more.

    Parameters
    ----------
    quote_spans : quotation spans (``article_id``, ``quotation_id``, ``start``, ``end``, ``depth``).
    articles : DataFrame with ``article_id`` and ``clean_text``.
    quotes : attributed contents (``article_id``, ``start``, ``end``, ``speaker``), to name each
        quotation's speaker (the content that holds it); optional.

    Returns
    -------
    A new DataFrame of :data:`QUOTATION_COLUMNS`: ``start`` and ``end`` are the
    offsets of the words inside the marks, ``text`` the text between them,
    ``speaker`` empty when unknown; rows in the articles' order, then by ``start``.
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    order = {a: k for k, a in enumerate(articles["article_id"])}
    rows = []
    for article_id, quotation_id, start, end, depth in zip(
        quote_spans["article_id"],
        quote_spans["quotation_id"],
        quote_spans["start"],
        quote_spans["end"],
        quote_spans["depth"],
    ):
        if depth != 1:
            continue
        inner_start, inner_end = _inside_marks(texts[article_id], start, end)
        text = texts[article_id][inner_start:inner_end]
        if len(find_normalised_words(text)) >= min_words:
            rows.append((article_id, quotation_id, inner_start, inner_end, text))
    rows.sort(key=lambda row: (order[row[0]], row[2]))
    speakers = _speakers(quotes, rows) if quotes is not None else {}
    return pd.DataFrame(
        [(*row, speakers.get(k, "")) for k, row in enumerate(rows)], columns=QUOTATION_COLUMNS
    )


def read_quotation_words(start: int, text: str) -> list[tuple[int, int, str]]:
    """The words of a quotation as ``(start, end, key)``, offsets in its article."""
    return [(start + s, start + e, k) for s, e, k in find_normalised_words(text)]


def describe_group(
    number: int,
    members: list[int],
    quotations: dict[int, tuple],
    keys: dict[int, list[str]],
    speakers: dict[int, str],
    link_share: float = LINK_SHARE,
) -> list[tuple]:
    """The rows of one group of :data:`VARIANT_COLUMNS`, the full version first.

    ``quotations``: each member's ``(article_id, quotation_id, start, end, words, text)``.
    """
    full = min(members, key=lambda k: (-len(keys[k]), k))
    memo = _GroupMemo(members, quotations, keys, full)
    return [
        _describe(number, k, full, quotations, keys, speakers, link_share, memo)
        for k in [full] + [m for m in members if m != full]
    ]


def group_quote_variants(
    quote_spans: pd.DataFrame,
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    min_words: int = MIN_WORDS,
    min_matched: int = MIN_MATCHED,
    link_share: float = LINK_SHARE,
    quotations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Group quotations of the same statement across articles and describe each one's cut and wording.

    The steps are those the stream engine runs a bucket at a time
    (:func:`list_quotations`, :class:`LinkedQuotations`, :func:`describe_group`).

    Parameters
    ----------
    quote_spans : quotation spans (``article_id``, ``quotation_id``, ``start``, ``end``, ``depth``).
    articles : DataFrame with ``article_id``, ``clean_text`` and, optionally, ``event``
        (quotations of two events are never grouped).
    quotes : attributed contents (``article_id``, ``start``, ``end``, ``speaker``), to name each
        quotation's speaker (the content that holds it); optional.
    quotations : :func:`list_quotations` of the same, when already listed.

    Returns
    -------
    A new DataFrame, one row per quotation in a group of two articles or more, the full
    version first in each group: ``group``, ``article_id``, ``quotation_id``, ``start``,
    ``end``, ``text`` (without the marks), ``speaker``, ``words``, ``compared_with``
    ("article_id:quotation_id" of the version it is aligned with; empty for the full
    version), ``kept_start`` and ``kept_end`` (the cut, as offsets in that version's
    article), ``kept_share`` (share of that version's words inside the cut),
    ``changed``, ``added``, ``cut_inside``, ``beyond`` (" | "-joined, see
    :func:`compare_wording`) and ``wording`` (``full``; ``reworded`` when words are
    changed or added inside the cut; else ``verbatim``).
    """
    quotations = (
        list_quotations(quote_spans, articles, quotes, min_words)
        if quotations is None
        else quotations
    )
    listed = {
        k: (article_id, quotation_id, start, end, read_quotation_words(start, text), text)
        for k, (article_id, quotation_id, start, end, text) in enumerate(
            zip(
                quotations["article_id"],
                quotations["quotation_id"],
                quotations["start"],
                quotations["end"],
                quotations["text"],
            )
        )
    }
    keys = {k: [w[2] for w in quotation[4]] for k, quotation in listed.items()}
    speakers = {k: speaker for k, speaker in enumerate(quotations["speaker"]) if speaker}
    owners = [listed[k][0] for k in range(len(listed))]
    event_of = read_events(articles)
    linked = link_quotations(
        [keys[k] for k in range(len(listed))],
        owners,
        [speakers.get(k, "") for k in range(len(listed))],
        min_matched,
        link_share,
        [event_of[owner] for owner in owners],
    )
    groups = [m for m in linked.list_groups() if len({owners[k] for k in m}) >= 2]
    rows = [
        row
        for number, members in enumerate(groups)
        for row in describe_group(number, members, listed, keys, speakers, link_share)
    ]
    return pd.DataFrame(rows, columns=VARIANT_COLUMNS)


class _Wordings:
    """A group's members by wording, so that a fragment's candidates are found without scanning every member.

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
        self.order = list(self.by_key)
        self.columns: dict[tuple[str, int], int] = {}
        rows, columns = [], []
        for row, key in enumerate(self.order):
            for token in list_tokens(list(key)):
                rows.append(row)
                columns.append(self.columns.setdefault(token, len(self.columns)))
        self.tokens = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.int32), (rows, columns)),
            shape=(len(self.order), len(self.columns)),
        )
        self.holders = self.tokens.tocsc()  # each token's wordings
        # what choose() picks per wording, as arrays: its first member (the full version heads its own wording),
        # unless that member is of the fragment's article: then the first member of another article (-1: none)
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
        """:func:`_closest_wording` of ``k`` among :meth:`choose`'s members, the same member, without visiting every wording.

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
        wanted = np.zeros(len(self.columns), dtype=np.int32)
        wanted[present] = 1
        indptr = self.holders.indptr
        rarest = sorted(present, key=lambda column: (indptr[column + 1] - indptr[column], column))
        first = len(rarest) - count_least_overlap(len(rarest)) + 1
        best, best_value = self._search(k, keys, self._holding(rarest[: max(first, 1)]), wanted)
        needed = (
            len(rarest)
            - (best_value[0] if best_value is not None and best_value[0] > 0 else 1)
            + 1
        )
        if needed > first:
            best, best_value = self._search(k, keys, self._holding(rarest[:needed]), wanted)
        if best_value is None or best_value[0] == 0:
            return _closest_wording(k, self.choose(k), self.full, keys, token_sets)
        return best

    def _holding(self, columns: list[int]) -> np.ndarray:
        """The wordings (rows) holding any of these tokens (columns), ascending."""
        indptr, indices = self.holders.indptr, self.holders.indices
        return unique_sorted(
            np.concatenate(
                [indices[indptr[c] : indptr[c + 1]] for c in columns] or [np.empty(0, np.int32)]
            )
        )

    def _search(
        self, k: int, keys, rows: np.ndarray, wanted: np.ndarray
    ) -> tuple[int, tuple | None]:
        """The best of these wordings' members for ``k``, tried level by level.

        Wordings are tried from the most tokens in common down, and the search
        stops below the best match found. Within a level they are tried in the
        order ties are broken (the full version, then the first member), so the
        first to match every token it has in common wins the level outright.
        """
        bounds = self.tokens[rows] @ wanted
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
            matched = count_matched_words(list(self.order[rows[at]]), keys[k])
            value = (matched, m == self.full, -m)
            if best_value is None or value > best_value:
                best, best_value = m, value
            if matched == level:
                settled = level  # no lower level can match more
        return best, best_value

    def choose(self, k: int) -> dict[tuple[str, ...], int]:
        """The candidates for a fragment ``k``: per wording, among the members of the other articles, the full version, else the first member."""
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
    """The chosen member matching most of ``keys[k]``. Matched words never exceed the words two quotations have in
    common (counted with repeats), so candidates are tried from the largest such bound down and the search stops
    below the best match found. ``token_sets`` keeps each wording's tokens between calls on one group."""
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
    """What describing one group computes once: each wording's tokens, each comparison, each fragment's closest member, and the members by wording (:class:`_Wordings`, built for the first fragment)."""

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
        """The member of another article whose words match most of ``k``'s (:meth:`_Wordings.closest`), once per wording and article."""
        key = (tuple(self.keys[k]), self.owners[k])
        if key not in self.closest:
            if self.wordings is None:
                self.wordings = _Wordings(self.members, self.keys, self.owners, self.full)
            self.closest[key] = self.wordings.closest(k, self.keys, self.tokens)
        return self.closest[key]


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%"):
        end -= 1
    return start, end


def _speakers(quotes: pd.DataFrame, candidates: list) -> dict[int, str]:
    found = {}
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, start, end, speaker in zip(
        quotes["article_id"], quotes["start"], quotes["end"], quotes["speaker"]
    ):
        by_article.setdefault(article_id, []).append(
            (start, end, "" if pd.isna(speaker) else str(speaker))
        )
    for k, (article_id, _, start, end, _) in enumerate(candidates):
        holder = next(
            (s for qs, qe, s in by_article.get(article_id, []) if qs <= start and end <= qe + 1),
            "",
        )
        found[k] = holder
    return found


def _describe(number, k, full, quotations, keys, speakers, link_share, memo: _GroupMemo) -> tuple:
    article_id, quotation_id, start, end, words, text = quotations[k]
    base = (number, article_id, quotation_id, start, end, text, speakers.get(k, ""), len(words))
    if k == full:
        return (*base, "", start, end, 1.0, "", "", "", "", "full")
    reference = full
    comparison = memo.compare(keys[full], keys[k])
    if comparison["matched"] < link_share * len(keys[k]):
        # a fragment the full version does not hold: the member of another article sharing most words
        reference = memo.closest_to(k)
        comparison = memo.compare(keys[reference], keys[k])
    ref_article, ref_id, _, _, ref_words, _ = quotations[reference]
    if comparison["kept"] is None:
        kept_start = kept_end = -1
        share = 0.0
    else:
        first, last = comparison["kept"]
        kept_start, kept_end = ref_words[first][0], ref_words[last - 1][1]
        share = round((last - first) / len(ref_words), 4)
    reworded = bool(comparison["changed"] or comparison["added"])
    return (
        *base,
        f"{ref_article}:{ref_id}",
        kept_start,
        kept_end,
        share,
        " | ".join(comparison["changed"]),
        " | ".join(comparison["added"]),
        " | ".join(comparison["cut_inside"]),
        " | ".join(comparison["beyond"]),
        "reworded" if reworded else "verbatim",
    )
