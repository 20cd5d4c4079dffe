"""Quotation spans and the voice of every character: the author's or a quoted one.

Quotation marks are paired paragraph by paragraph, so that a mark left open can
never swallow the rest of an article:

- ``“`` and ``«`` open, ``”`` and ``»`` close; a straight ``"`` closes when a
  quotation is open and opens otherwise (unless it stands after a word and
  before a space or punctuation, when it is a closing mark without an opener).
- A closing mark without an opener (``We need to recoup those costs,” Waltz
  said``) makes a quotation from the end of the previous quotation in the
  paragraph, or the paragraph's start: status ``unopened``.
- An opening mark without a closer ends its quotation at the end of the
  paragraph: status ``continues`` when the next paragraph opens with a quotation
  mark (the convention for a quotation running over paragraphs), else
  ``unclosed``. A quotation that was carried over has status ``continued``.
- Two apostrophes (``''…''``, the convention of some wire and archive texts)
  count as one straight double mark.
- Single marks (``‘…’``, ``'…'``) make a quotation only when they open before a
  word and close after one in the same paragraph; an apostrophe (``Trump’s``)
  does not count. Inside a double quotation they make a nested quotation
  (``depth`` 2), which does not change the voice; so does a double-mark quotation
  inside a single-mark one (``'we will hold "firm" talks soon'``). Quotations of
  depth 1 never overlap, and the voice ranges tile the text.

Characters inside a quotation of depth 1, marks included, are in *quoted* voice;
all others are *authorial*. A sentence is ``authorial``, ``quoted`` or ``mixed``
by the letters and digits it has in each voice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.resources.rows import iter_columns
from analysis.text.segment import Span, count_words, find_words, split_paragraphs

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"


@dataclass(frozen=True)
class Quotation:
    """A quotation: ``text[start:end]`` includes its marks where they exist."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    status: str
    depth: int


_TWO_APOSTROPHES = re.compile(r"''")
_ASCII_ALNUM = np.array([chr(code).isalnum() for code in range(128)])
_DOUBLE_MARKS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + '"') + "]")
_SINGLE_MARKS = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + "'") + "]")
"""The characters the pairing loops act on: every other character is passed over."""


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text`` (see the module docstring), in order of start."""
    text = _TWO_APOSTROPHES.sub(_as_double_mark, text) if "''" in text else text
    paragraphs = split_paragraphs(text)
    found: list[Quotation] = []
    carried = False
    for k, (p_start, p_end) in enumerate(paragraphs):
        next_opens = k + 1 < len(paragraphs) and _opens_quotation(text, paragraphs[k + 1][0])
        outer, carried = _pair_double_marks(text, p_start, p_end, carried, next_opens)
        found.extend(_nest(outer + _pair_single_marks(text, p_start, p_end, outer)))
    return sorted(found, key=lambda q: (q.start, q.depth))


def _nest(quotations: list[Quotation]) -> list[Quotation]:
    """Quotations of one paragraph with any that lies inside another one of depth 1 at depth 2.

    A single-mark quotation may hold a double-mark one (``'we will hold "firm" talks'``):
    the inner one is nested, so that the quotations of depth 1 never overlap.
    """
    outer = sorted((q for q in quotations if q.depth == 1), key=lambda q: (q.start, -q.end))
    nested, reach = set(), -1
    for q in outer:
        if q.end <= reach:
            nested.add(q)
        reach = max(reach, q.end)
    return [
        Quotation(q.start, q.end, q.open_mark, q.close_mark, q.status, 2) if q in nested else q
        for q in quotations
    ]


def _as_double_mark(match: re.Match) -> str:
    """Two apostrophes as one straight double mark, on the side of the quoted words (offsets
    kept)."""
    after = match.string[match.end() : match.end() + 1]
    return '"\x00' if after.isalnum() else '\x00"'


def find_voice_ranges(text: str, quotations: list[Quotation]) -> list[tuple[int, int, str]]:
    """``(start, end, voice)`` ranges that tile ``text`` from end to end: each starts where the one
    before ends.

    Where quotations of depth 1 overlap (:func:`find_quotations` gives none that do), the later
    one's range starts where the earlier one's ends.
    """
    ranges: list[tuple[int, int, str]] = []
    pos = 0
    for q in sorted((q for q in quotations if q.depth == 1), key=lambda q: q.start):
        if q.end <= pos:
            continue
        if q.start > pos:
            ranges.append((pos, q.start, "authorial"))
        ranges.append((max(q.start, pos), q.end, "quoted"))
        pos = q.end
    if pos < len(text):
        ranges.append((pos, len(text), "authorial"))
    return ranges


def mark_letters_and_digits(text: str) -> np.ndarray:
    """Whether each character of ``text`` is a letter or digit (``str.isalnum``), as a boolean
    array: ASCII from a table, any other character looked up once per distinct character."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    marks = _ASCII_ALNUM[np.minimum(codes, 127)]
    high = codes >= 128
    if high.any():
        distinct, where = np.unique(codes[high], return_inverse=True)
        marks[high] = np.array([chr(code).isalnum() for code in distinct.tolist()])[where]
    return marks


def label_sentence_voice(text: str, sentences: list[Span], quotations) -> list[tuple[str, float]]:
    """For each sentence, its voice and the share of its letters and digits that are quoted.

    ``quotations`` are :class:`Quotation` objects or rows with ``start``, ``end`` and ``depth``.
    """
    quoted = np.zeros(len(text) + 1, dtype=bool)
    for q in quotations:
        if q.depth == 1:
            quoted[q.start : q.end] = True
    # letters and digits, and the quoted ones, counted up to each offset
    alnum = mark_letters_and_digits(text)
    letters = np.concatenate(([0], np.cumsum(alnum)))
    inside = np.concatenate(([0], np.cumsum(alnum & quoted[:-1])))
    labels = []
    for start, end in sentences:
        total = int(letters[end] - letters[start])
        share = int(inside[end] - inside[start]) / total if total else 0.0
        voice = "authorial" if share == 0 else "quoted" if share == 1 else "mixed"
        labels.append((voice, round(share, 4)))
    return labels


def _opens_quotation(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos] in DOUBLE_OPEN + '"'


def _pair_double_marks(
    text: str, start: int, end: int, carried: bool, next_opens: bool
) -> tuple[list[Quotation], bool]:
    """Double-mark quotations of one paragraph, and whether the last one runs on."""
    spans = []
    open_at: int | None = None
    open_status = ""
    last_end = start
    for mark in _DOUBLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in DOUBLE_OPEN or (ch == '"' and not _looks_closing(text, i, start, end)):
                open_at = i
                open_status = "continued" if carried and i == start else "closed"
            else:
                begin = _first_word_at(text, last_end, i)
                spans.append(Quotation(begin, i + 1, "", ch, "unopened", 1))
                last_end = i + 1
        elif ch in DOUBLE_OPEN:
            spans.append(
                Quotation(open_at, _trim_end(text, open_at, i), text[open_at], "", "unclosed", 1)
            )
            open_at = i
            open_status = "closed"
        else:
            spans.append(Quotation(open_at, i + 1, text[open_at], ch, open_status, 1))
            open_at = None
            last_end = i + 1
    runs_on = False
    if open_at is not None:
        runs_on = next_opens
        status = "continues" if runs_on else "unclosed"
        spans.append(Quotation(open_at, end, text[open_at], "", status, 1))
    return spans, runs_on


def _looks_closing(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark after a word and before a space or punctuation closes."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (
        not before.isspace()
        and before not in "([{—–-"
        and (after.isspace() or after in ".,;:!?)]}—–-")
    )


def _first_word_at(text: str, start: int, stop: int) -> int:
    pos = start
    while pos < stop and not (text[pos].isalnum() or text[pos] in SINGLE_OPEN + "'"):
        pos += 1
    return pos


def _trim_end(text: str, start: int, stop: int) -> int:
    while stop > start + 1 and text[stop - 1].isspace():
        stop -= 1
    return stop


def _pair_single_marks(text: str, start: int, end: int, outer: list[Quotation]) -> list[Quotation]:
    """Single-mark quotations of one paragraph, nested (depth 2) inside double ones or not."""
    spans = []
    open_at: int | None = None
    for mark in _SINGLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if (
                (ch in SINGLE_OPEN or ch == "'")
                and (before.isspace() or before in '([{“"—–-,:')
                and after.isalnum()
            ):
                open_at = i
        elif (ch in SINGLE_CLOSE or ch == "'") and not before.isspace() and not after.isalnum():
            container = next((q for q in outer if q.start < open_at and i < q.end), None)
            if container is not None or not any(
                q.start <= open_at < q.end or q.start <= i < q.end for q in outer
            ):
                depth = 2 if container is not None else 1
                spans.append(Quotation(open_at, i + 1, text[open_at], ch, "closed", depth))
            open_at = None
    return spans


def find_article_quotations(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quotation spans and voice ranges of every clean article.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.

    Returns
    -------
    ``(quotations, voice)``, two new DataFrames. ``quotations`` has one row per quotation:

    - ``article_id``, ``quotation_id``: the quotation (numbered from 0 within the article)
    - ``start``, ``end``: its offsets in the clean text, marks included
    - ``depth``: 1 for an outermost quotation, 2 for one inside it…
    - ``status``: closed, unopened, unclosed, continues or continued
    - ``open_mark``, ``close_mark``: its quotation marks
    - ``text``: its text

    ``voice`` has ranges that tile each clean text:

    - ``article_id``, ``start``, ``end``: the range
    - ``voice``: "authorial" or "quoted"
    """
    quotations, voice = [], []
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        found = find_quotations(text)
        quotations.extend(
            (
                article_id,
                k,
                q.start,
                q.end,
                q.depth,
                q.status,
                q.open_mark,
                q.close_mark,
                text[q.start : q.end],
            )
            for k, q in enumerate(found)
        )
        voice.extend((article_id, s, e, v) for s, e, v in find_voice_ranges(text, found))
    return (
        pd.DataFrame(
            quotations,
            columns=[
                "article_id",
                "quotation_id",
                "start",
                "end",
                "depth",
                "status",
                "open_mark",
                "close_mark",
                "text",
            ],
        ),
        pd.DataFrame(voice, columns=["article_id", "start", "end", "voice"]),
    )


def group_quotations(quote_spans: pd.DataFrame) -> dict[str, list[Quotation]]:
    """Each article's quotations, in the order of the rows of ``quote_spans`` (the quotation
    table of :func:`find_article_quotations`)."""
    quotations: dict[str, list[Quotation]] = {}
    for article_id, *fields in iter_columns(
        quote_spans, "article_id", "start", "end", "open_mark", "close_mark", "status", "depth"
    ):
        quotations.setdefault(article_id, []).append(Quotation(*fields))
    return quotations


def label_voice(
    sentences: pd.DataFrame, articles: pd.DataFrame, quotations: pd.DataFrame
) -> pd.DataFrame:
    """Add the voice of each sentence.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    quotations : the quotation table of :func:`find_article_quotations`.

    Returns
    -------
    A new DataFrame: a copy of ``sentences`` with

    - ``voice``: "authorial", "quoted" or "mixed"
    - ``quoted_share``: share of the sentence's letters and digits inside quotations
    """
    out = sentences.copy()
    voices = np.full(len(out), "", dtype=object)
    shares = np.zeros(len(out), dtype=float)
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    spans = group_quotations(quotations)
    starts, ends = out["start"].tolist(), out["end"].tolist()
    for article_id, rows in out.groupby("article_id", sort=False).indices.items():
        labels = label_sentence_voice(
            texts[article_id], [(starts[r], ends[r]) for r in rows], spans.get(article_id, [])
        )
        voices[rows] = [voice for voice, _ in labels]
        shares[rows] = [share for _, share in labels]
    out["voice"] = voices
    out["quoted_share"] = shares
    return out


VoiceIndex = tuple[list[int], list[int], list[str]]
"""Voice ranges of one article as parallel lists: starts, ends, voices (sorted by start)."""


def index_voice_ranges(voice: pd.DataFrame) -> dict[str, VoiceIndex]:
    """The voice ranges of each article, ready for :func:`voice_at`."""
    ordered = voice.sort_values(["article_id", "start"], kind="stable")
    starts, ends, voices = (ordered[c].tolist() for c in ("start", "end", "voice"))
    return {
        a: (
            starts[rows[0] : rows[-1] + 1],
            ends[rows[0] : rows[-1] + 1],
            voices[rows[0] : rows[-1] + 1],
        )
        for a, rows in ordered.groupby("article_id", sort=False).indices.items()
    }


def voice_at(index: VoiceIndex, offset: int) -> str:
    """The voice of the character at ``offset`` (authorial where no range covers it)."""
    starts, ends, voices = index
    k = bisect_right(starts, offset) - 1
    return voices[k] if k >= 0 and offset < ends[k] else "authorial"


def voices_at(index: VoiceIndex, offsets) -> np.ndarray:
    """:func:`voice_at` of each offset, as an array of str: the ranges of ``index`` (from
    :func:`index_voice_ranges`) are in order of start, so one binary search finds them all."""
    starts, ends, voices = index
    offsets = np.asarray(offsets, dtype=np.int64)
    found = np.full(len(offsets), "authorial", dtype=object)
    if not len(starts):
        return found
    k = np.searchsorted(np.asarray(starts, dtype=np.int64), offsets, side="right") - 1
    covered = (k >= 0) & (offsets < np.asarray(ends, dtype=np.int64)[np.maximum(k, 0)])
    found[covered] = np.asarray(voices, dtype=object)[k[covered]]
    return found


def voice_of_span(index: VoiceIndex, start: int, end: int) -> str | None:
    """The voice :func:`voice_at` gives every offset of ``start``–``end`` when it gives them all
    one voice (no range starts inside the span), else None: a sentence wholly in one voice is
    labelled once, not word by word."""
    starts, ends, voices = index
    k = bisect_right(starts, start) - 1
    if k + 1 < len(starts) and starts[k + 1] < end:
        return None
    if k < 0 or start >= ends[k]:
        return "authorial"
    return voices[k] if end <= ends[k] or voices[k] == "authorial" else None


def count_sentence_voice_words(
    sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame
) -> pd.DataFrame:
    """Words of every sentence in each voice; a word counts in the voice of its first character.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).

    Returns
    -------
    A new DataFrame, one row per sentence:

    - ``article_id``, ``sentence_id``: the sentence
    - ``authorial_words``, ``quoted_words``: its words in each voice (a word counts in the voice of
      its first character)
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    rows = []
    for article_id, sentence_id, start, end in iter_columns(
        sentences, "article_id", "sentence_id", "start", "end"
    ):
        ranges = index.get(article_id, ([], [], []))
        counts = {"authorial": 0, "quoted": 0}
        whole = voice_of_span(ranges, start, end)
        if whole is not None:
            counts[whole] += count_words(texts[article_id][start:end])
        else:
            for word_start, _, _ in find_words(texts[article_id][start:end]):
                counts[voice_at(ranges, start + word_start)] += 1
        rows.append((article_id, sentence_id, counts["authorial"], counts["quoted"]))
    return pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "authorial_words", "quoted_words"]
    )
