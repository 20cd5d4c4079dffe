"""Paragraphs, sentences and words, with character offsets.

Every span is a pair ``(start, end)`` of offsets into the text given, so that
``text[start:end]`` is the paragraph, sentence or word itself.

The sentence splitter is a rule-based one written for news text. It looks at each
run of terminal punctuation (``.``, ``!``, ``?``, ellipses) that is followed by
white space, and decides from the word before it and the word after it whether
a sentence ends there:

- after ``!`` or ``?``, and after a plain word or number, a sentence ends unless
  the next word starts in lower case (``Yahoo! in``, ``"great." she said``), or
  a quotation closes and a name with a speech verb follows (``…!" Trump
  noted``, ``wordlists/speech_verbs.txt``);
- after a title (``Mr.``, ``Sen.``, ``St.``) it never ends; after a word that
  stands before numbers (``No.``, ``Feb.``, ``p.``) it does not end before a number;
- after any other abbreviation (``Co.``, ``U.S.``, ``a.m.``) or a single initial
  (``Dmitri S. Peskov``) it ends only before a word that usually opens a sentence
  (``wordlists/sentence_starters.txt``: ``The``, ``It``, ``How``…) or before a title;
  the pronoun ``I`` after a lower-case word is a word, not an initial;
- a three-dot ellipsis marks an omission inside a sentence; four dots (a period
  and an ellipsis) end one and stay with it, as in the Penn Treebank;
- a paragraph that starts a numbered or lettered list (``1.``, ``2)``, ``a.``) is
  split before each following item of the sequence.

Sentences never cross paragraphs. Quotation marks do not stop a split: a
quotation of three sentences is three sentences, the closing mark staying with
the last (as in the Penn Treebank). ``python -m analysis validate segmentation``
scores these rules on human-segmented text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.resources.lists import read_wordlist
from analysis.resources.rows import iter_columns

Span = tuple[int, int]

_WORD_CORE_RE = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")
LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word of letters only, with inner apostrophes or hyphens ("Trump’s", "so-called"): what word
lists look up."""

OPENERS = "\"'“‘«([{"
CLOSERS = "\"'”’»)]}"
_TERMINAL_RE = re.compile(r"[.!?…]+(?: [.!?…]+)*")
_FOLLOW_RE = re.compile(r"([" + re.escape(CLOSERS) + r"]*)(\s+|$)")
_TOKEN_RE = re.compile(r"\S+")
_MULTI_LETTER_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_LIST_MARKER_RE = re.compile(r"(?:(?<=\s)|^)(?:[•⁃▪*\-–]\s?)?(\d{1,2}|[a-z])(?:\.\)|\)|\.)(?=\s)")
_ONLY_MARKER_RE = re.compile(r"^(?:[•⁃▪*\-–]\s?)?(?:\d{1,3}|[A-Za-z])[.)]+$")


def find_words(text: str) -> list[tuple[int, int, str]]:
    """Every word of ``text`` as ``(start, end, word)``.

    A word is a run of letters and digits, with inner apostrophes, hyphens and
    periods kept (``don't``, ``U.S``, ``76.5``, ``Russia-Ukraine``).
    """
    return [(m.start(), m.end(), m.group()) for m in _WORD_CORE_RE.finditer(text)]


_QUOTE_MARKS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‹": "'",
        "›": "'",
        "′": "'",
    }
)


_QUOTE_PAIRS = tuple((chr(code), straight) for code, straight in _QUOTE_MARKS.items())
"""The marks one by one: a ``str.replace`` of each mark the text holds is faster than
``str.translate``, which looks every character up."""


def normalise_quotes(text: str) -> str:
    """Straight quotation marks and apostrophes for curly ones, character for character (offsets
    are kept).

    Wherever texts are compared (claims, shingles, quotation variants) and before VADER scores
    them: ``Trump’s`` and ``Trump's`` are one word.
    """
    if text.isascii():  # no curly mark (the check reads a flag of the string: no scan)
        return text
    for curly, straight in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def list_words(text: str) -> list[str]:
    """The words of ``text`` (:func:`find_words` without their offsets)."""
    return _WORD_CORE_RE.findall(text)


def count_words(text: str) -> int:
    """The number of words of ``text`` (see :func:`find_words`)."""
    return len(_WORD_CORE_RE.findall(text))


def group_spans(frame: pd.DataFrame) -> dict[str, list[Span]]:
    """Each article's spans, ``(start, end)`` in the order of ``frame``'s rows (a table with
    ``article_id``, ``start`` and ``end``: the sentences or the paragraphs)."""
    spans: dict[str, list[Span]] = {}
    for article_id, start, end in iter_columns(frame, "article_id", "start", "end"):
        spans.setdefault(article_id, []).append((start, end))
    return spans


def split_paragraphs(text: str) -> list[Span]:
    """Each non-blank line of ``text`` is a paragraph, without its outer white space."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text``, paragraph by paragraph (see the module docstring)."""
    spans: list[Span] = []
    for p_start, p_end in split_paragraphs(text):
        spans.extend(split_paragraph_sentences(text, p_start, p_end))
    return spans


def split_paragraph_sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of the paragraph ``text[start:end]``, as offsets into ``text``."""
    paragraph = text[start:end]
    list_cuts = _find_list_cuts(paragraph)
    cuts = sorted(set(list_cuts) | set(_find_sentence_cuts(paragraph, list_cuts)))
    spans = []
    prev = 0
    for cut in cuts + [len(paragraph)]:
        piece = paragraph[prev:cut]
        stripped = piece.strip()
        if stripped:
            s = prev + piece.index(stripped[0])
            spans.append((start + s, start + s + len(stripped)))
        prev = cut
    return spans


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation (lower case, no final period) -> kind ("title", "numeric", "other")."""
    rows = read_wordlist("abbreviations.tsv")
    return {abbr: kind for abbr, kind in (row.split("\t") for row in rows[1:])}


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Capitalised words that usually open a sentence (``wordlists/sentence_starters.txt``)."""
    return frozenset(read_wordlist("sentence_starters.txt"))


def _find_sentence_cuts(p: str, list_cuts: list[int]) -> list[int]:
    cuts = []
    sentence_start = 0
    for m in _TERMINAL_RE.finditer(p):
        sentence_start = max([sentence_start] + [c for c in list_cuts if c <= m.start()])
        follow = _FOLLOW_RE.match(p, m.end())
        if follow is None:
            continue  # a period inside a token: "U.S.-Russia", "3.5", "example.com"
        cluster = m.group()
        after = follow.end(1)
        next_token = _token_at(p, follow.end())
        if not next_token:
            continue  # the paragraph ends here anyway
        prev_token = _token_before(p, m.start())
        cut = _decide_cut(p, m.start(), cluster, prev_token, next_token, after)
        if cut is None:
            continue
        if _ONLY_MARKER_RE.match(p[sentence_start : m.end()].strip()):
            continue  # "1." or "a)" opening a list item is not a sentence
        cuts.append(cut)
        sentence_start = cut
    return cuts


def _decide_cut(p: str, pos: int, cluster: str, prev: str, nxt: str, after: int) -> int | None:
    """Where the sentence ends (an offset in ``p``), or None if it goes on."""
    case = _initial_case(nxt)
    if case == "lower":
        return None
    dots = cluster.count(".") + 3 * cluster.count("…")
    if dots >= 3:
        # An ellipsis: three dots omit words inside a sentence; four (a period
        # and an ellipsis, spaced or not) end it, the dots staying with it.
        return after if dots >= 4 else None
    if "!" in cluster or "?" in cluster:
        return None if _attribution_follows(p, pos + len(cluster), after) else after
    core = prev.lstrip(OPENERS)
    lower = core.lower()
    kind = abbreviations().get(lower)
    if kind == "title":
        return None
    if kind == "numeric":
        return None if case == "digit" else (after if _is_starter(nxt) else None)
    if kind == "other" or _MULTI_LETTER_RE.match(core) or (len(core) == 1 and core.isalpha()):
        if core == "I" and _word_before_is_lower(p, pos - len(prev)):
            return after  # the pronoun: "you and I. Did you…"
        if case == "digit" and len(core) == 1 and core.islower():
            return None  # "p. 55"
        return after if (_is_starter(nxt) or _is_title(nxt)) else None
    return after


@lru_cache(maxsize=1)
def _attribution_re() -> re.Pattern:
    verbs = "|".join(read_wordlist("speech_verbs.txt"))
    return re.compile(rf"\s+(?:(?:[A-Z][\w.’'\-]*|of|the|de|von|van|al)\s+){{1,5}}(?:{verbs})\b")


def _attribution_follows(p: str, closers_start: int, after: int) -> bool:
    """A quotation closes and a named speaker follows: ``…!" Trump noted``."""
    closers = p[closers_start:after]
    return any(c in "\"”’'»" for c in closers) and bool(_attribution_re().match(p, after))


def _initial_case(token: str) -> str:
    stripped = token.lstrip(OPENERS + "—–-•")
    if not stripped:
        return "other"
    ch = stripped[0]
    if ch.isdigit() or ch == "$":
        return "digit"
    if ch.islower():
        return "lower"
    return "upper" if ch.isupper() else "other"


def _is_starter(token: str) -> bool:
    if token[:1] in "\"“‘'":
        return True  # a new quotation opens
    word = re.match(r"[^\W_]+", token.lstrip(OPENERS))
    return bool(word) and word.group() in sentence_starters()


def _is_title(token: str) -> bool:
    word = token.rstrip(".").lower()
    return token.endswith(".") and abbreviations().get(word) == "title"


def _token_at(p: str, pos: int) -> str:
    m = _TOKEN_RE.match(p, pos)
    return m.group() if m else ""


def _token_before(p: str, pos: int) -> str:
    start = pos
    while start > 0 and not p[start - 1].isspace():
        start -= 1
    return p[start:pos]


def _word_before_is_lower(p: str, pos: int) -> bool:
    words = p[:pos].split()
    return bool(words) and words[-1].strip(",;:").islower()


def _find_list_cuts(p: str) -> list[int]:
    """Offsets before the second, third… item of a list that opens the paragraph."""
    markers = list(_LIST_MARKER_RE.finditer(p))
    if not markers or markers[0].start() != 0:
        return []
    cuts = []
    expected = _next_label(markers[0].group(1))
    for m in markers[1:]:
        if m.group(1) == expected:
            cuts.append(m.start())
            expected = _next_label(expected)
    return cuts


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def segment_articles(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Split every paragraph of every clean article into sentences.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.
    paragraphs : DataFrame with ``article_id``, ``paragraph_id``, ``start``, ``end``.

    Returns
    -------
    A new DataFrame, one row per sentence:

    - ``article_id``, ``paragraph_id``: the paragraph that holds it
    - ``sentence_id``: its number within the article, from 0
    - ``start``, ``end``: its offsets in ``clean_text``
    - ``text``: the sentence
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    rows = []
    ordered = paragraphs.sort_values(["article_id", "paragraph_id"], kind="stable")
    current, sentence_id = None, 0
    for article_id, paragraph_id, first, last in iter_columns(
        ordered, "article_id", "paragraph_id", "start", "end"
    ):
        if article_id != current:
            current, sentence_id = article_id, 0
        text = texts[article_id]
        for start, end in split_paragraph_sentences(text, first, last):
            rows.append((article_id, paragraph_id, sentence_id, start, end, text[start:end]))
            sentence_id += 1
    return pd.DataFrame(
        rows, columns=["article_id", "paragraph_id", "sentence_id", "start", "end", "text"]
    )
