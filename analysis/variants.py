"""Quote variants: the same statement quoted by several outlets, in different cuts and words.

Method:

1. Every quotation (text inside quotation marks, outermost level) of at least
   :data:`MIN_WORDS` words is a candidate. Its words are lower-cased, with
   straight apostrophes; punctuation and case never count as a difference.
2. Two quotations of *different* articles quote the same statement when their
   longest matching word sequences (Ratcliff–Obershelp, :mod:`difflib`) hold at
   least :data:`MIN_MATCHED` words and :data:`LINK_SHARE` of the shorter
   quotation's words, and the attribution does not give them two different
   speakers ("I had a long … conversation with President Trump" is Zelenskyy,
   not Trump's "I had a lengthy … phone call"). Linked quotations form groups
   (connected components); a group needs two articles.
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

from collections import Counter
from difflib import SequenceMatcher

import pandas as pd

from analysis.shared import find_normalised_words

MIN_WORDS = 5
"""The shortest quotation compared, in words (shorter ones, "good for both sides", match by chance)."""

MIN_MATCHED = 4
"""Words two quotations must share in matching sequences to be linked."""

LINK_SHARE = 0.7
"""Share of the shorter quotation's words that must match."""

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


def _matcher(first: list[str], second: list[str]) -> SequenceMatcher:
    return SequenceMatcher(None, first, second, autojunk=False)


def count_matched_words(first: list[str], second: list[str]) -> int:
    """Words in the matching sequences of two word lists."""
    return sum(block.size for block in _matcher(first, second).get_matching_blocks())


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
    found: dict = {"kept": None, "matched": 0, "changed": [], "added": [], "cut_inside": [], "beyond": []}
    if not equal:
        return found
    # the cut runs between matches of two words or more, stretched to single-word matches within a swap's reach;
    # a stray "we" or "the" far from the rest does not stretch it
    anchors = [op for op in equal if op[2] - op[1] >= 2] or equal
    first, last, member_first, member_last = anchors[0][1], anchors[-1][2], anchors[0][3], anchors[-1][4]
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


def group_quote_variants(
    quote_spans: pd.DataFrame,
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    min_words: int = MIN_WORDS,
    min_matched: int = MIN_MATCHED,
    link_share: float = LINK_SHARE,
) -> pd.DataFrame:
    """Group quotations of the same statement across articles and describe each one's cut and wording.

    Parameters
    ----------
    quote_spans : quotation spans (``article_id``, ``quotation_id``, ``start``, ``end``, ``depth``).
    articles : DataFrame with ``article_id`` and ``clean_text``.
    quotes : attributed contents (``article_id``, ``start``, ``end``, ``speaker``), to name each
        quotation's speaker (the content that holds it); optional.

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
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    order = {a: k for k, a in enumerate(articles["article_id"])}
    candidates = []
    for article_id, quotation_id, start, end, depth in zip(
        quote_spans["article_id"], quote_spans["quotation_id"], quote_spans["start"], quote_spans["end"], quote_spans["depth"]
    ):
        if depth != 1:
            continue
        inner_start, inner_end = _inside_marks(texts[article_id], start, end)
        words = [(inner_start + s, inner_start + e, k) for s, e, k in find_normalised_words(texts[article_id][inner_start:inner_end])]
        if len(words) >= min_words:
            candidates.append((article_id, quotation_id, inner_start, inner_end, words))
    candidates.sort(key=lambda c: (order[c[0]], c[2]))
    keys = [[w[2] for w in c[4]] for c in candidates]
    parent = list(range(len(candidates)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    speakers = _speakers(quotes, candidates) if quotes is not None else {}
    vocab: dict[str, set[int]] = {}
    for k, words in enumerate(keys):
        for word in set(words):
            vocab.setdefault(word, set()).add(k)
    for k, words in enumerate(keys):
        shared: dict[int, int] = {}
        for word in set(words):
            for other in vocab[word]:
                if other > k and candidates[other][0] != candidates[k][0]:
                    shared[other] = shared.get(other, 0) + 1
        for other, common in sorted(shared.items()):
            if common < min_matched or (speakers.get(k) and speakers.get(other) and speakers[k] != speakers[other]):
                continue
            if root(other) == root(k):  # already linked through others: aligning them cannot change the groups
                continue
            matched = count_matched_words(words, keys[other])
            if matched >= min_matched and matched >= link_share * min(len(words), len(keys[other])):
                parent[root(other)] = root(k)
    groups: dict[int, list[int]] = {}
    for k in range(len(candidates)):
        groups.setdefault(root(k), []).append(k)
    rows = []
    number = 0
    for members in sorted(groups.values()):
        if len({candidates[k][0] for k in members}) < 2:
            continue
        full = min(members, key=lambda k: (-len(keys[k]), k))
        for k in [full] + [m for m in members if m != full]:
            rows.append(_describe(number, k, full, members, candidates, keys, texts, speakers, link_share))
        number += 1
    return pd.DataFrame(rows, columns=VARIANT_COLUMNS)


def _find_closest(k: int, others: list[int], full: int, keys: list[list[str]]) -> int:
    """The member of ``others`` whose words match most of ``keys[k]`` (ties: the full version, then the first).

    Members with the same words are one candidate (the full version, else the
    first of them). Matched words never exceed the words two quotations have in
    common (counted with repeats), so candidates are tried from the largest such
    bound down and the search stops below the best match found.
    """
    chosen: dict[tuple[str, ...], int] = {}
    for m in others:
        key = tuple(keys[m])
        if key not in chosen or m == full or (chosen[key] != full and m < chosen[key]):
            chosen[key] = m
    words = Counter(keys[k])
    bounds = {key: sum((words & Counter(key)).values()) for key in chosen}
    best_value = None
    for key in sorted(chosen, key=lambda key: -bounds[key]):
        if best_value is not None and bounds[key] < best_value[0]:
            break
        m = chosen[key]
        value = (count_matched_words(list(key), keys[k]), m == full, -m)
        if best_value is None or value > best_value:
            best, best_value = m, value
    return best


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%"):
        end -= 1
    return start, end


def _speakers(quotes: pd.DataFrame, candidates: list) -> dict[int, str]:
    found = {}
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, start, end, speaker in zip(quotes["article_id"], quotes["start"], quotes["end"], quotes["speaker"]):
        by_article.setdefault(article_id, []).append((start, end, "" if pd.isna(speaker) else str(speaker)))
    for k, (article_id, _, start, end, _) in enumerate(candidates):
        holder = next((s for qs, qe, s in by_article.get(article_id, []) if qs <= start and end <= qe + 1), "")
        found[k] = holder
    return found


def _describe(number, k, full, members, candidates, keys, texts, speakers, link_share) -> tuple:
    article_id, quotation_id, start, end, words = candidates[k]
    base = (number, article_id, quotation_id, start, end, texts[article_id][start:end], speakers.get(k, ""), len(words))
    if k == full:
        return (*base, "", start, end, 1.0, "", "", "", "", "full")
    reference = full
    comparison = compare_wording(keys[full], keys[k])
    if comparison["matched"] < link_share * len(keys[k]):
        # a fragment the full version does not hold: the member of another article sharing most words
        others = [m for m in members if m != k and candidates[m][0] != candidates[k][0]]
        reference = _find_closest(k, others, full, keys)
        comparison = compare_wording(keys[reference], keys[k])
    ref_article, ref_id, _, _, ref_words = candidates[reference]
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
