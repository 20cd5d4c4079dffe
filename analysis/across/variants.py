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

import pandas as pd

from analysis.across.coverage import read_events
from analysis.across.linking import (
    LINK_SHARE,
    MIN_MATCHED,
    link_quotations,
)
from analysis.across.shingles import find_normalised_words, list_normalised_words
from analysis.across.wordings import _GroupMemo
from analysis.resources.rows import iter_columns

MIN_WORDS = 5
"""The shortest quotation compared, in words (shorter ones, "good for both sides", match by
chance)."""

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
    quote_spans : quotation spans (``article_id``, ``quotation_id``, ``start``, ``end``,
        ``depth``).
    articles : DataFrame with ``article_id`` and ``clean_text``.
    quotes : attributed contents (``article_id``, ``start``, ``end``, ``speaker``), to name each
        quotation's speaker (the content that holds it); optional.

    Returns
    -------
    A new DataFrame of :data:`QUOTATION_COLUMNS`, rows in the articles' order, then by ``start``:

    - ``article_id``, ``quotation_id``: the quotation, as in ``quote_spans``
    - ``start``, ``end``: offsets of the words inside the marks in the clean text
    - ``text``: the text between the marks
    - ``speaker``: the speaker of the content that holds it ("" when unknown)
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    order = {a: k for k, a in enumerate(articles["article_id"])}
    rows = []
    for article_id, quotation_id, start, end, depth in iter_columns(
        quote_spans, "article_id", "quotation_id", "start", "end", "depth"
    ):
        if depth != 1:
            continue
        inner_start, inner_end = _inside_marks(texts[article_id], start, end)
        text = texts[article_id][inner_start:inner_end]
        if len(list_normalised_words(text)) >= min_words:
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
    """Group quotations of the same statement across articles and describe each one's cut and
    wording.

    The steps are those the stream engine runs a bucket at a time
    (:func:`list_quotations`, :class:`LinkedQuotations`, :func:`describe_group`).

    Parameters
    ----------
    quote_spans : quotation spans (``article_id``, ``quotation_id``, ``start``, ``end``,
        ``depth``).
    articles : DataFrame with ``article_id``, ``clean_text`` and, optionally, ``event``
        (quotations of two events are never grouped).
    quotes : attributed contents (``article_id``, ``start``, ``end``, ``speaker``), to name each
        quotation's speaker (the content that holds it); optional.
    quotations : :func:`list_quotations` of the same, when already listed.

    Returns
    -------
    A new DataFrame, one row per quotation in a group of two articles or more, the full version
    first in each group:

    - ``group``: the group's number
    - ``article_id``, ``quotation_id``: the quotation
    - ``start``, ``end``, ``text``: its offsets and text, without the marks
    - ``speaker``, ``words``: its speaker ("" when unknown) and its words
    - ``compared_with``: "article_id:quotation_id" of the version it is aligned with ("" for the
      full version)
    - ``kept_start``, ``kept_end``: the cut, as offsets in that version's article
    - ``kept_share``: share of that version's words inside the cut
    - ``changed``, ``added``, ``cut_inside``, ``beyond``: the differences, " | "-joined (see
      :func:`compare_wording`)
    - ``wording``: ``full``; ``reworded`` when words are changed or added inside the cut; else
      ``verbatim``
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


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%"):
        end -= 1
    return start, end


def _speakers(quotes: pd.DataFrame, candidates: list) -> dict[int, str]:
    found = {}
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, start, end, speaker in iter_columns(
        quotes, "article_id", "start", "end", "speaker"
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
        # a fragment the full version does not hold: the member of another article sharing most
        # words
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
